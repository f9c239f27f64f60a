// One measurement in a fresh Node process, so that its peak RSS and wasm memory are its own.
// Run by scripts/bench.mjs and bench/variants.mjs; prints one JSON object on stdout.
//
//   node --expose-gc bench/measure.mjs wasm --file F [--bytes N] [--runs R] [--budget S] [--pkg DIR] [--per-doc]
//   node --expose-gc bench/measure.mjs compromise --file F --bytes N [--runs R] [--budget S] [--per-doc]
//
// wasm: the JS API (`annotate` from www/core.js, i.e. entities + claims + plain JS objects), one
// warm-up call (on the whole text up to 1 MB, else on its first 1 MB), then timed calls: at least
// `runs` and at least a second's worth, unless that takes over `budget` seconds (at least one). Reports the median, the hand-off split (the wasm
// call vs core.js decoding its packed result into objects), wasm linear memory and the process's peak RSS.
// compromise: compromise + compromise-dates finding people, places, organisations, dates,
// times, money, percentages and quotations with offsets: what claimlens's entities cover; with
// --per-doc one call per article (blank-line block), as it is used, else one call for the text.
// --budget 0: no time limit.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "../scripts/setup.mjs";
import { articles, loadText, median, parseSize } from "./text.mjs";

function parseArgs(argv) {
  const a = { engine: argv[0], file: null, bytes: null, runs: 5, budget: 20, pkg: join(root, "www", "pkg"), perDoc: false };
  for (let i = 1; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === "--file") a.file = resolve(v());
    else if (k === "--bytes") a.bytes = parseSize(v());
    else if (k === "--runs") a.runs = Math.max(1, Number(v()));
    else if (k === "--budget") a.budget = Number(v());
    else if (k === "--pkg") a.pkg = resolve(v());
    else if (k === "--per-doc") a.perDoc = true;
    else throw new Error(`measure.mjs: unknown argument ${k}`);
  }
  if (!a.file) throw new Error("measure.mjs: --file is required");
  return a;
}

const gc = globalThis.gc ?? (() => {});
const rss = () => process.memoryUsage().rss;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** Seconds of timed calls a measurement takes at least (small inputs get many runs). */
const MIN_SECONDS = 1;

/**
 * Calls `f` at least `runs` times and for at least MIN_SECONDS, but stops after `budget` seconds
 * (always at least one call; 0: no limit) or 2,000 calls; returns the times in ms.
 */
function timeRuns(f, runs, budget) {
  const times = [];
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const inBudget = () => times.length === 0 || !(budget > 0) || elapsed() < budget;
  while ((times.length < runs || elapsed() < MIN_SECONDS) && inBudget() && times.length < 2000) {
    gc();
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times;
}

async function measureWasm(a) {
  const { text, bytes } = loadText(a.file, a.bytes);
  const wasmBytes = readFileSync(join(a.pkg, "claimlens_bg.wasm"));
  // The generated module: its initSync returns the wasm exports (for `memory`); core.js's
  // initSync then finds it initialised and shares it.
  const pkg = await import(pathToFileURL(join(a.pkg, "claimlens.js")).href);
  const exports = pkg.initSync({ module: wasmBytes });
  // www/core.js over this package: itself for www/pkg, else a copy beside the variant's glue
  let corePath = join(root, "www", "core.js");
  if (a.pkg !== resolve(root, "www", "pkg")) {
    corePath = join(a.pkg, "core.js");
    writeFileSync(corePath, readFileSync(join(root, "www", "core.js"), "utf8").replace('"./pkg/claimlens.js"', '"./claimlens.js"'));
  }
  const core = await import(pathToFileURL(corePath).href);
  core.initSync(wasmBytes);
  const annotate = core.annotate;
  const memory = () => exports.memory.buffer.byteLength;

  const memoryStart = memory();
  gc();
  const rssBefore = rss();
  const warm = bytes > 1e6 ? text.slice(0, 1e6) : text;
  annotate(warm);
  let spans = 0;
  let entities = 0;
  let claims = 0;
  const times = timeRuns(() => {
    const r = annotate(text);
    entities = r.entities.length;
    claims = r.claims.length;
    spans = entities + claims;
  }, a.runs, a.budget);
  const ms = median(times);
  const out = {
    engine: "wasm", file: a.file, bytes, runs: times.length, times_ms: times, median_ms: ms,
    mb_s: bytes / 1e6 / (ms / 1000), spans, entities, claims, spans_s: spans / (ms / 1000),
    wasm_memory_start_bytes: memoryStart, wasm_memory_bytes: memory(),
    rss_before_bytes: rssBefore, rss_peak_bytes: peakRss(),
    rss_growth_bytes: peakRss() - rssBefore,
  };

  // The JS side of the hand-off: the wasm call alone (pipeline + the packed result, see
  // src/handoff.rs) timed apart; the rest of a call is core.js decoding it into JS objects.
  if (bytes <= 2e6) {
    // the result stays in the wasm memory until release() (src/wasm.rs); core.js reads it there
    const packed = timeRuns(() => {
      pkg.annotate_packed(text, null);
      pkg.release();
    }, Math.min(a.runs, 5), a.budget / 4);
    pkg.annotate_packed(text, null);
    out.packed_bytes = 4 * pkg.packed_len();
    pkg.release();
    out.wasm_call_ms = median(packed);
    out.decode_ms = Math.max(0, ms - out.wasm_call_ms);
  }

  if (a.perDoc) {
    const docs = articles(text);
    const docBytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
    let docSpans = 0;
    for (const d of docs) annotate(d);
    const t = timeRuns(() => {
      docSpans = 0;
      for (const d of docs) {
        const r = annotate(d);
        docSpans += r.entities.length + r.claims.length;
      }
    }, Math.max(3, a.runs), a.budget);
    const docMs = median(t);
    out.per_doc = {
      docs: docs.length, bytes: docBytes, runs: t.length, median_ms: docMs, mb_s: docBytes / 1e6 / (docMs / 1000),
      spans: docSpans, spans_s: docSpans / (docMs / 1000),
    };
  }
  return out;
}

async function measureCompromise(a) {
  const { text, bytes } = loadText(a.file, a.bytes);
  const nlp = (await import("compromise")).default;
  const dates = (await import("compromise-dates")).default;
  nlp.plugin(dates);
  const find = (t) => {
    const doc = nlp(t);
    const o = { offset: true };
    const found = [
      doc.people().json(o), doc.places().json(o), doc.organizations().json(o), doc.dates().json(o),
      doc.times().json(o), doc.money().json(o), doc.percentages().json(o), doc.quotations().json(o),
    ];
    return found.reduce((n, f) => n + f.length, 0);
  };
  // compromise is used a document at a time, and slows down on long texts (0.004 MB/s on 300 KB
  // in one call against ~0.04 by article), so with --per-doc it gets one call per article.
  const docs = a.perDoc ? articles(text) : [text];
  const docBytes = a.perDoc ? docs.reduce((n, d) => n + Buffer.byteLength(d), 0) : bytes;
  gc();
  const rssBefore = rss();
  find(text.slice(0, 20000)); // warm-up: JIT and compromise's lazy lexicon set-up
  let spans = 0;
  const times = timeRuns(() => {
    spans = 0;
    for (const d of docs) spans += find(d);
  }, a.runs, a.budget);
  const ms = median(times);
  return {
    engine: "compromise", file: a.file, bytes: docBytes, docs: docs.length, runs: times.length, times_ms: times,
    median_ms: ms, mb_s: docBytes / 1e6 / (ms / 1000), spans, spans_s: spans / (ms / 1000),
    rss_before_bytes: rssBefore, rss_peak_bytes: peakRss(), rss_growth_bytes: peakRss() - rssBefore,
  };
}

const a = parseArgs(process.argv.slice(2));
const out = a.engine === "wasm" ? await measureWasm(a) : a.engine === "compromise" ? await measureCompromise(a) : null;
if (!out) throw new Error(`measure.mjs: engine must be wasm or compromise, not ${a.engine}`);
process.stdout.write(JSON.stringify(out) + "\n");
