// claimlens core API for browsers and Node: init(), initSync(), annotate(), version().
//
// Offsets in every result are UTF-16 code units, so `text.slice(e.start, e.end)` is the span's
// text. init() may be called any number of times (concurrently too); it loads the wasm once.
import wasmInit, { initSync as wasmInitSync, annotate as wasmAnnotate, version as wasmVersion } from "./pkg/claimlens.js";

let ready = null;
let initialised = false;

const isNode = typeof process !== "undefined" && !!process.versions?.node && typeof window === "undefined";

/**
 * Loads the wasm module. `input` is optional: a URL, Response, BufferSource or WebAssembly.Module;
 * by default the `claimlens_bg.wasm` next to this package (read from disk in Node).
 */
export function init(input) {
  if (!ready) {
    ready = (async () => {
      let source = input;
      if (source === undefined && isNode) {
        const { readFile } = await import("node:fs/promises");
        source = await readFile(new URL("./pkg/claimlens_bg.wasm", import.meta.url));
      }
      await wasmInit(source === undefined ? undefined : { module_or_path: source });
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
    wasmInitSync({ module: bytesOrModule });
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
  return wasmAnnotate(text, options ?? null);
}

/** The claimlens version. */
export function version() {
  assertReady();
  return wasmVersion();
}
