// Annotation off the main thread, chunk by chunk.
//
// In:  {type: "run", id, text, options, chunkSize} and {type: "cancel", id}.
// Out: {type: "chunk", id, offset, end, total, annotation, ms} per chunk (offsets in `annotation`
//      are relative to the chunk, which starts at `offset`), then {type: "done", id, version};
//      or {type: "error", id, error}; or {type: "cancelled", id}.
// Between chunks the worker yields, so that a cancel (or a newer run) is seen; the page can also
// terminate the worker outright.
import { annotate, init, version } from "./core.js";
import { pause, splitChunks } from "./chunks.js";

const ready = init();
let latest = 0; // the newest run: older runs stop at their next chunk
let cancelled = 0; // every run with an id up to this one is cancelled

async function run({ id, text, options, chunkSize }) {
  await ready;
  const chunks = splitChunks(text, chunkSize);
  for (const chunk of chunks) {
    if (id !== latest || id <= cancelled) {
      self.postMessage({ type: "cancelled", id });
      return;
    }
    const t0 = performance.now();
    const annotation = annotate(chunk.text, options);
    const end = chunk.start + chunk.text.length;
    self.postMessage({ type: "chunk", id, offset: chunk.start, end, total: text.length, annotation, ms: performance.now() - t0 });
    if (end < text.length) await pause();
  }
  self.postMessage({ type: "done", id, version: version() });
}

self.onmessage = async ({ data }) => {
  if (data.type === "cancel") {
    cancelled = Math.max(cancelled, data.id);
    return;
  }
  if (data.type !== "run") return;
  latest = data.id;
  try {
    await run(data);
  } catch (e) {
    self.postMessage({ type: "error", id: data.id, error: String(e?.message ?? e) });
  }
};
