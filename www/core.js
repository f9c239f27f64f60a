// claimlens core API for browsers and Node: init(), initSync(), annotate(), version().
//
// Offsets in every result are UTF-16 code units, so `text.slice(e.start, e.end)` is the span's
// text. init() may be called any number of times (concurrently too); it loads the wasm once.
import wasmInit, {
  initSync as wasmInitSync,
  annotate_packed as wasmAnnotate,
  packed_len as wasmPackedLen,
  release as wasmRelease,
  version as wasmVersion,
} from "./pkg/claimlens.js";

let ready = null;
let initialised = false;
let memory; // the wasm's WebAssembly.Memory, from the exports init returns

const isNode = typeof process !== "undefined" && !!process.versions?.node && typeof window === "undefined";

/**
 * Loads the wasm module. `input` is optional: a URL, Response, BufferSource or WebAssembly.Module;
 * by default the `claimlens_bg.wasm` next to this package (read from disk in Node).
 */
export function init(input) {
  if (!ready) {
    ready = (async () => {
      let source = input;
      if (isNode && (source === undefined || (source instanceof URL && source.protocol === "file:"))) {
        // Node's fetch cannot read file: URLs
        const { readFile } = await import("node:fs/promises");
        source = await readFile(source ?? new URL("./pkg/claimlens_bg.wasm", import.meta.url));
      }
      ({ memory } = await wasmInit(source === undefined ? undefined : { module_or_path: source }));
      initialised = true;
    })();
    ready.catch(() => {
      ready = null; // allow a retry after a failed load
    });
  }
  return ready;
}

/** Loads the wasm module synchronously from bytes or a compiled WebAssembly.Module. */
export function initSync(bytesOrModule) {
  if (!initialised) {
    ({ memory } = wasmInitSync({ module: bytesOrModule }));
    initialised = true;
    ready = Promise.resolve();
  }
}

function assertReady() {
  if (!initialised) throw new Error("claimlens: call `await init()` (or initSync) before annotate()");
}

/**
 * Annotates `text`. Returns `{ sentences, entities, clusters, claims, boilerplate }` as plain
 * objects with UTF-16 offsets. `options`: `{ referenceDate?: "YYYY-MM-DD", lexicon?: { PERSON: [...] } }`.
 */
export function annotate(text, options) {
  assertReady();
  if (typeof text !== "string") throw new TypeError("claimlens: annotate(text) needs a string");
  // The packed result is read in place in the wasm memory (src/wasm.rs), not copied, then freed.
  // A bad option throws here, holding nothing.
  const at = wasmAnnotate(text, options ?? null);
  try {
    // The view is made after the call (growing the memory detaches older views); decode calls
    // no wasm, so the memory cannot grow (nor the result be freed) while it reads.
    return decode(text, new Uint32Array(memory.buffer, at, wasmPackedLen()));
  } finally {
    wasmRelease();
  }
}

// The wasm hands the annotation over as numbers (src/handoff.rs describes the layout): decoded
// here into the plain objects of the API, with the fields in the order of the annotation's JSON.
const LABELS = ["PERSON", "ORG", "PLACE", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "EVENT"];
const CLAIM_KINDS = ["quote", "reported", "according", "sourceless", "statement"];
const SOURCE_KINDS = ["name", "pronoun", "description"];
const POLARITIES = ["assert", "deny", "concede"];
const VALUE_TYPES = ["number", "money", "percent", "date", "time"];
const MAGIC = 0x434c0001;
const TABLE = 0x80000000;
const REPEAT = 0x40000000;
let utf8;

function decode(text, w) {
  if (w[0] !== MAGIC) throw new Error("claimlens: the wasm and core.js are from different versions");
  // the floats, from an even word of an 8-aligned buffer (src/wasm.rs): viewed in place
  const at = w.byteOffset + w[6] * 4;
  const floats = at % 8 === 0 ? new Float64Array(w.buffer, at, w[7]) : new Float64Array(w.buffer.slice(at, at + w[7] * 8));
  utf8 ??= new TextDecoder();
  const table = utf8.decode(new Uint8Array(w.buffer, w.byteOffset + w[8] * 4, w[9]));
  const seen = [];
  const slices = [];
  let i = 10;
  let f = 0;
  // a string: text.slice(a, b), an earlier slice again, or the table's when a's top bit is set
  const str = () => {
    const a = w[i];
    const b = w[i + 1];
    i += 2;
    if (a < REPEAT) return (slices[slices.length] = text.slice(a, b));
    if (a < TABLE) return slices[a - REPEAT];
    const t = a - TABLE;
    return t === b ? "" : (seen[t] ??= table.slice(t, b));
  };
  const float = () => {
    const x = floats[f++];
    return Number.isFinite(x) ? x : null;
  };

  const sentences = new Array(w[1]);
  for (let k = 0; k < sentences.length; k++) {
    sentences[k] = { start: w[i], end: w[i + 1], boilerplate: w[i + 2] === 1, checkworthy: float() };
    i += 3;
  }
  const entities = new Array(w[2]);
  for (let k = 0; k < entities.length; k++) {
    const flags = w[i + 4];
    const e = { id: k, start: w[i], end: w[i + 1], label: LABELS[w[i + 2]], text: "", cluster: w[i + 3] };
    i += 5;
    e.text = str();
    if (flags & 1) e.role = str();
    if (flags & 2) {
      const type = w[i];
      const vf = w[i + 1];
      i += 2;
      let v;
      if (type === 0) {
        const unit = vf & 2 ? str() : undefined;
        v = { type: "number", value: float() };
        if (vf & 1) v.max = float();
        if (unit !== undefined) v.unit = unit;
      } else if (type === 1) {
        const currency = str();
        v = { type: "money", value: float() };
        if (vf & 1) v.max = float();
        v.currency = currency;
      } else if (type === 2) {
        v = { type: "percent", value: float() };
        if (vf & 1) v.max = float();
      } else {
        v = { type: VALUE_TYPES[type], iso: str() };
        if (vf & 2) v.end = str();
      }
      e.value = v;
    }
    entities[k] = e;
  }
  const clusters = new Array(w[3]);
  for (let k = 0; k < clusters.length; k++) {
    const label = LABELS[w[i++]];
    const canonical = str();
    const n = w[i++];
    const mentions = new Array(n);
    for (let m = 0; m < n; m++) mentions[m] = w[i++];
    clusters[k] = { id: k, canonical, label, mentions };
  }
  const claims = new Array(w[4]);
  for (let k = 0; k < claims.length; k++) {
    const flags = w[i + 5];
    const c = { id: k, start: w[i], end: w[i + 1], sentence: w[i + 2], last_sentence: w[i + 3], kind: CLAIM_KINDS[w[i + 4]] };
    i += 6;
    if (flags & 1) {
      const start = w[i];
      const end = w[i + 1];
      i += 2;
      const text = str();
      const cluster = w[i] - 1;
      const resolved = w[i + 1] === 1;
      const kind = SOURCE_KINDS[w[i + 2]];
      i += 3;
      c.source = cluster < 0 ? { start, end, text, resolved, kind } : { start, end, text, cluster, resolved, kind };
    }
    if (flags & 2) {
      const start = w[i];
      const end = w[i + 1];
      i += 2;
      c.cue = { start, end, text: str(), polarity: POLARITIES[w[i++]] };
    }
    c.hedged = (flags & 4) !== 0;
    const nh = w[i++];
    if (nh > 0) {
      const hedges = new Array(nh);
      for (let h = 0; h < nh; h++, i += 2) hedges[h] = { start: w[i], end: w[i + 1] };
      c.hedges = hedges;
    }
    c.anonymous_source = (flags & 8) !== 0;
    c.negated = (flags & 16) !== 0;
    c.prediction = (flags & 32) !== 0;
    c.checkworthy = float();
    const nf = w[i++];
    if (nf > 0) {
      const features = new Array(nf);
      for (let h = 0; h < nf; h++) features[h] = str();
      c.features = features;
    }
    claims[k] = c;
  }
  const boilerplate = new Array(w[5]);
  for (let k = 0; k < boilerplate.length; k++, i += 2) boilerplate[k] = { start: w[i], end: w[i + 1] };
  return { offsets: "utf16", sentences, entities, clusters, claims, boilerplate };
}

/** The claimlens version. */
export function version() {
  assertReady();
  return wasmVersion();
}
