// The paste page: text in #input, annotation in a Web Worker, highlights in #output.
import { LABELS, renderAnnotation } from "./render.js";

const input = document.getElementById("input");
const output = document.getElementById("output");
const status = document.getElementById("status");
const legend = document.getElementById("legend");

for (const [label, name] of LABELS) {
  const li = document.createElement("li");
  const sw = document.createElement("span");
  sw.className = "swatch";
  sw.dataset.label = label;
  sw.textContent = name;
  li.append(sw);
  legend.append(li);
}

let worker = null;
let pending = null; // {id, text}
let nextId = 1;

function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (event) => {
    const { id, annotation, error, ms } = event.data;
    if (!pending || id !== pending.id) return; // stale result
    const { text } = pending;
    pending = null;
    if (error) {
      status.textContent = `Error: ${error}`;
      return;
    }
    renderAnnotation(output, text, annotation);
    const n = annotation.entities.length;
    const c = annotation.claims.length;
    status.textContent = `${n} entities, ${c} claims (${ms.toFixed(0)} ms)`;
    output.dataset.ready = "";
  };
  worker.onerror = (e) => {
    status.textContent = `Error: ${e.message ?? "the annotator failed to load"}`;
  };
}

function annotateNow() {
  const text = input.value;
  if (pending) {
    // a newer edit makes the running job stale: restart the worker to cancel it
    worker.terminate();
    startWorker();
  }
  delete output.dataset.ready;
  pending = { id: nextId++, text };
  status.textContent = "Annotating…";
  worker.postMessage({ id: pending.id, text });
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(annotateNow, 300);
});
document.getElementById("annotate").addEventListener("click", () => {
  clearTimeout(timer);
  annotateNow();
});

startWorker();
