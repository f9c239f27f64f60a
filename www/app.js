// The annotator page: text in (paste, type, drop, open, sample) → annotation in a worker, chunk by
// chunk → reading view, card, legend, side panel → exports. Nothing leaves the machine.
import { earlyWorker, scriptURL } from "./boot.js";
import { createCard } from "./card.js";
import { CHUNK_SIZE, createMerger } from "./chunks.js";
import { fmt, h } from "./dom.js";
import { CancelledError, createEngine } from "./engine.js";
import { download, toCSV, toJSON, toMarkdown, toWebAnnotation } from "./export.js";
import { htmlToText, readFile } from "./input.js";
import { createLegend } from "./legend.js";
import { renderPanel } from "./panel.js";
import { SAMPLE, SAMPLE_TITLE } from "./sample.js";
import { load, save } from "./store.js";
import { createTerms } from "./terms.js";
import { createView } from "./view.js";

/** Texts longer than this are not put in the text box (editing them there would freeze the page). */
const LARGE = 500_000;
const TITLE = document.title;

const $ = (id) => document.getElementById(id);
const input = $("input");
const output = $("output");
const status = $("status");
const alertBox = $("alert");
const refdate = $("refdate");
const progress = $("progress");
const bar = $("progress-bar");
const large = $("large");
const panel = document.querySelector(".panel");

// The single-file build carries the wasm in a data block; then the page annotates on the main thread.
const inlineWasm = $("claimlens-wasm");
const engine = createEngine({
  wasm: inlineWasm ? Uint8Array.from(atob(inlineWasm.textContent.trim()), (c) => c.charCodeAt(0)) : undefined,
  worker: earlyWorker,
});

/** The annotated document: {text, annotation, name, version} once a run is complete. */
let doc = null;
/** The text of a large input, kept out of the text box. */
let largeText = null;
let source = { name: "", title: "" };
let job = null;

const say = (msg) => {
  status.textContent = msg;
};
const warn = (msg) => {
  alertBox.textContent = msg;
  alertBox.hidden = !msg;
};

// ── legend, view, card, panel, terms ──────────────────────────────────────────────────────────

const legend = createLegend($("legend"), output, () => card.hide());
const view = createView(output, { visible: (item) => !!doc && legend.visible(doc.annotation, item) });
const card = createCard($("card"), { getDoc: () => doc, onJump: jump });
const terms = createTerms({ form: $("terms-form"), list: $("terms-list") }, () => annotateNow());
const panelEls = {
  entities: $("panel-entities"), entitiesCount: $("entities-count"),
  who: $("panel-who"), whoCount: $("who-count"),
  check: $("panel-check"), checkCount: $("check-count"),
};

function showItem(i, anchor, pin) {
  const item = view.items[i];
  if (!item || !doc) return;
  card.show(item, anchor ?? view.element(i), pin);
}

/** Jumps to "e12" (an entity), "c3" (a claim) or "s3" (the source of claim 3). */
function jump(key) {
  card.hide();
  if (key[0] === "s") {
    const c = doc.annotation.claims[Number(key.slice(1))];
    const el = view.find(c.source.start, `[data-part="source"][data-of="${c.id}"]`);
    el?.scrollIntoView({ block: "center" });
    if (el) view.pulse([`c${c.id}`], { scroll: false });
    el?.classList.add("pulse");
    setTimeout(() => el?.classList.remove("pulse"), 2400);
    return;
  }
  const i = view.indexOf(key[0], Number(key.slice(1)));
  if (i >= 0) {
    view.setCurrent(i);
    view.pulse([key], { scroll: false });
  }
}

let cycle = { cluster: -1, n: 0 };
function onCluster(id) {
  const mentions = doc.annotation.clusters[id].mentions;
  cycle = cycle.cluster === id ? { cluster: id, n: cycle.n + 1 } : { cluster: id, n: 0 };
  const target = mentions[cycle.n % mentions.length];
  view.pulse(mentions.map((m) => `e${m}`), { scroll: false });
  const i = view.indexOf("e", target);
  view.setCurrent(i, false)?.scrollIntoView({ block: "center" });
  say(`${doc.annotation.clusters[id].canonical}: mention ${(cycle.n % mentions.length) + 1} of ${mentions.length}`);
}

function onClaim(id) {
  const i = view.indexOf("c", id);
  if (i < 0) return;
  view.setCurrent(i);
  view.pulse([`c${id}`], { scroll: false });
}

// ── the reading view's keyboard and pointer handling ─────────────────────────────────────────

output.addEventListener("keydown", (e) => {
  const i = view.itemAt(e.target);
  if (i < 0) return;
  const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  let next = -1;
  if (e.key in moves) next = view.step(moves[e.key], i);
  else if (e.key === "Home") next = view.edge(1);
  else if (e.key === "End") next = view.edge(-1);
  else if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    showItem(i, e.target.closest("[data-entity], [data-claim], [data-of]"), true);
    return;
  } else if (e.key === "Escape") {
    card.hide();
    return;
  } else return;
  e.preventDefault();
  if (next >= 0) view.setCurrent(next);
});

output.addEventListener("focusin", (e) => {
  const quiet = e.target === card.quiet;
  card.quiet = null;
  if (quiet) return;
  const i = view.itemAt(e.target);
  if (i >= 0 && !card.pinned) showItem(i, e.target, false);
});
output.addEventListener("focusout", (e) => {
  if (!card.pinned && !$("card").contains(e.relatedTarget)) card.hide();
});

let hoverTimer = 0;
let hideTimer = 0;
output.addEventListener("mouseover", (e) => {
  const el = e.target.closest?.("[data-entity], [data-claim], [data-of]");
  const i = view.itemAt(el);
  if (i < 0 || card.pinned) return;
  clearTimeout(hideTimer);
  clearTimeout(hoverTimer);
  hoverTimer = setTimeout(() => showItem(i, el, false), 120);
});
output.addEventListener("mouseout", () => {
  clearTimeout(hoverTimer);
  if (card.pinned) return;
  hideTimer = setTimeout(() => {
    if (!$("card").matches(":hover") && !output.contains(document.activeElement)) card.hide();
  }, 250);
});
$("card").addEventListener("mouseleave", () => {
  if (!card.pinned) hideTimer = setTimeout(() => card.hide(), 250);
});
$("card").addEventListener("mouseenter", () => clearTimeout(hideTimer));
output.addEventListener("click", (e) => {
  const el = e.target.closest("[data-entity], [data-claim], [data-of]");
  const i = view.itemAt(el);
  if (getSelection()?.toString()) return;
  if (i < 0) {
    card.hide();
    return;
  }
  view.setCurrent(i, false);
  showItem(i, el, true);
});
document.addEventListener("pointerdown", (e) => {
  if (card.pinned && !$("card").contains(e.target) && !output.contains(e.target)) card.hide();
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !$("card").hidden) card.hide(card.pinned);
});

// ── annotation runs ──────────────────────────────────────────────────────────────────────────

function currentText() {
  return largeText ?? input.value;
}

function options() {
  const o = {};
  if (refdate.value) o.referenceDate = refdate.value;
  if (Object.keys(terms.lexicon).length) o.lexicon = terms.lexicon;
  return o;
}

function setBusy(busy, total = 0) {
  output.setAttribute("aria-busy", String(busy));
  document.body.classList.toggle("busy", busy);
  progress.hidden = !busy || total <= CHUNK_SIZE;
}

function annotateNow() {
  clearTimeout(typingTimer);
  const text = currentText();
  job?.cancel();
  delete output.dataset.ready;
  card.hide();
  if (!text.trim()) {
    job = null;
    doc = null;
    view.reset("");
    setBusy(false);
    legend.count(null);
    renderPanel(panelEls, { text: "", annotation: { entities: [], clusters: [], claims: [], sentences: [] } }, {});
    panel.dataset.ready = "";
    setExports(false);
    say("Paste an article, open a file, or try the sample.");
    return;
  }
  const t0 = performance.now();
  let merger = null;
  let started = false;
  setBusy(true, text.length);
  bar.value = 0;
  say(text.length > CHUNK_SIZE ? `Annotating ${fmt(text.length)} characters…` : "Annotating…");
  const run = engine.run(text, options(), ({ annotation, offset, end, total }) => {
    if (offset === 0 || !merger) {
      // the first chunk (or a restart): a new document
      merger = createMerger();
      view.reset(text);
      started = true;
    }
    const added = merger.add(annotation, offset);
    view.append(merger.annotation, added, offset, end);
    bar.value = end / total;
    if (total > CHUNK_SIZE) say(`Annotating… ${Math.floor((100 * end) / total)}%`);
  });
  job = run;
  run.promise.then(
    ({ ms, version }) => {
      if (job !== run) return;
      job = null;
      const a = merger?.annotation ?? { offsets: "utf16", sentences: [], entities: [], clusters: [], claims: [], boilerplate: [] };
      if (!started) view.reset(text);
      doc = { text, annotation: a, name: source.name, title: source.title, version };
      legend.count(a);
      setExports(true);
      setBusy(false);
      output.dataset.ready = "";
      // the panel after the highlights are painted
      delete panel.dataset.ready;
      requestAnimationFrame(() => setTimeout(() => {
        if (doc?.annotation !== a) return;
        renderPanel(panelEls, doc, { onCluster, onClaim });
        panel.dataset.ready = "";
      }));
      const claims = a.claims.filter((c) => c.kind !== "statement").length;
      const checks = a.claims.filter((c) => c.checkworthy >= 0.5).length;
      say(`${fmt(a.entities.length)} entities, ${fmt(claims)} attributed claims, ${fmt(checks)} check-worthy (${fmt(Math.round(performance.now() - t0))} ms${engine.mode === "inline" ? ", on the main thread" : ""}).`);
      saveDraft();
    },
    (e) => {
      if (job !== run) return;
      job = null;
      setBusy(false);
      if (e instanceof CancelledError) say(`Cancelled. ${started ? "The reading view shows the part annotated so far." : ""}`);
      else say(`Error: ${e.message}`);
    },
  );
}

$("cancel").addEventListener("click", () => {
  job?.cancel(true);
});

let typingTimer = 0;
input.addEventListener("input", () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(annotateNow, input.value.length > 50_000 ? 700 : 300);
});
$("annotate").addEventListener("click", annotateNow);
refdate.addEventListener("change", annotateNow);

// ── text in ──────────────────────────────────────────────────────────────────────────────────

/** Replaces the text (and where it came from), then annotates it. */
function setText(text, from = {}) {
  source = { name: from.name ?? "", title: from.title ?? "" };
  document.title = source.title ? `${source.title} — claimlens` : TITLE;
  warn("");
  if (text.length > LARGE) {
    largeText = text;
    input.value = "";
    input.hidden = true;
    large.hidden = false;
    $("large-info").textContent = `${source.name || "Pasted text"}: ${(text.length / 1048576).toFixed(1)} MB, ${fmt(text.length)} characters. Texts this long are shown in the reading view only, not in the text box.`;
  } else {
    largeText = null;
    input.hidden = false;
    large.hidden = true;
    input.value = text;
  }
  annotateNow();
}

function clearText() {
  setText("");
  refdate.value = "";
  input.focus();
}

/** Text inserted at the caret of the text box, keeping undo where the browser can. */
function insertText(text) {
  if (largeText !== null || input.value.length + text.length > LARGE) {
    setText(largeText === null ? input.value.slice(0, input.selectionStart) + text + input.value.slice(input.selectionEnd) : text);
    return;
  }
  input.focus();
  if (!document.execCommand("insertText", false, text)) {
    input.setRangeText(text, input.selectionStart, input.selectionEnd, "end");
    input.dispatchEvent(new Event("input"));
  }
}

/** The text of a paste or a drop: HTML reduced to its readable text, else the plain text. */
function transferText(data) {
  const html = data.getData("text/html");
  if (html) {
    const { text } = htmlToText(html);
    if (text.trim()) return text;
  }
  return data.getData("text/plain");
}

input.addEventListener("paste", (e) => {
  if (!e.clipboardData) return;
  const hasHtml = e.clipboardData.types.includes("text/html");
  const plain = hasHtml ? null : e.clipboardData.getData("text/plain");
  if (plain !== null && input.value.length + plain.length <= LARGE) return; // the browser's own paste
  e.preventDefault();
  insertText(plain ?? transferText(e.clipboardData));
});

// a paste anywhere else on the page (not in a field) replaces the text
document.addEventListener("paste", (e) => {
  if (e.defaultPrevented || !e.clipboardData || e.target.closest?.("input, textarea, [contenteditable]")) return;
  const text = transferText(e.clipboardData);
  if (!text.trim()) return;
  e.preventDefault();
  setText(text, { name: "pasted text" });
});

async function openFile(file) {
  say(`Reading ${file.name}…`);
  try {
    const { text, title, name } = await readFile(file);
    if (!text.trim()) throw new Error(`“${name}” has no readable text.`);
    setText(text, { name, title });
  } catch (e) {
    say("");
    warn(e.message);
  }
}

$("open").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", () => {
  const f = $("file").files[0];
  if (f) openFile(f);
  $("file").value = "";
});
$("sample").addEventListener("click", () => {
  refdate.value = "2024-03-12";
  setText(SAMPLE, { name: "sample", title: SAMPLE_TITLE });
});
$("clear").addEventListener("click", clearText);
$("large-clear").addEventListener("click", clearText);

// drag and drop anywhere on the page
let dragDepth = 0;
const dropHint = $("drop");
const carries = (e) => [...(e.dataTransfer?.types ?? [])].some((t) => t === "Files" || t === "text/plain" || t === "text/html");
addEventListener("dragenter", (e) => {
  if (!carries(e)) return;
  dragDepth++;
  dropHint.hidden = false;
});
addEventListener("dragleave", () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    dropHint.hidden = true;
  }
});
addEventListener("dragover", (e) => {
  if (carries(e)) e.preventDefault();
});
addEventListener("drop", (e) => {
  dragDepth = 0;
  dropHint.hidden = true;
  if (!e.dataTransfer) return;
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) openFile(file);
  else {
    const text = transferText(e.dataTransfer);
    if (text.trim()) setText(text, { name: "dropped text" });
  }
});

// ── exports ──────────────────────────────────────────────────────────────────────────────────

function setExports(on) {
  for (const b of $("exports").querySelectorAll("button")) b.disabled = !on;
}

function baseName() {
  const n = (doc?.name || "article").replace(/\.[^.]+$/, "").replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "");
  return n || "article";
}

const meta = () => ({ name: doc.name || doc.title || undefined, generator: `claimlens ${doc.version ?? ""}`.trim() });
$("export-json").addEventListener("click", () => download(`${baseName()}.claimlens.json`, "application/json", toJSON(doc.text, doc.annotation, meta())));
$("export-csv").addEventListener("click", () => download(`${baseName()}.claimlens.csv`, "text/csv", toCSV(doc.text, doc.annotation)));
$("export-anno").addEventListener("click", async () => download(`${baseName()}.annotations.jsonld`, "application/ld+json", await toWebAnnotation(doc.text, doc.annotation, meta())));
$("export-md").addEventListener("click", async () => {
  const md = toMarkdown(doc.text, doc.annotation, meta());
  try {
    await navigator.clipboard.writeText(md);
    say("Markdown summary copied to the clipboard.");
  } catch {
    download(`${baseName()}.summary.md`, "text/markdown", md);
    say("The clipboard is not available here: the Markdown summary was downloaded instead.");
  }
});

// ── start ────────────────────────────────────────────────────────────────────────────────────

/** The text box (when not too long) and its date survive a reload of this tab. */
function saveDraft() {
  const text = largeText === null ? input.value : "";
  save("claimlens.draft", text.length < 1e6 ? { text, date: refdate.value, name: source.name } : undefined, "sessionStorage");
}

const draft = load("claimlens.draft", null, "sessionStorage");
if (draft?.text) {
  refdate.value = draft.date ?? "";
  setText(draft.text, { name: draft.name });
} else {
  annotateNow();
}

if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register(scriptURL("sw.js"), { updateViaCache: "none" }).catch(() => {});
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController) return;
    const note = $("update");
    note.replaceChildren("A new version of claimlens is ready. ", h("button", { type: "button", onclick: () => location.reload() }, "Reload"));
    note.hidden = false;
  });
}
