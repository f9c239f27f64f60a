// Runs annotations for the page: in a Web Worker when one can be started, else on the main thread
// in small chunks that yield to the event loop between them (the single-file build from file://).
//
// engine.run(text, options, onChunk) → {promise, cancel(hard)}. onChunk({annotation, offset, end,
// total}) is called for each chunk, in order, while the run is current; the promise resolves to
// {ms, version} when the last chunk is in, or rejects with a CancelledError (or the annotator's Error).
// Starting a run cancels the previous one. cancel(true) also terminates the worker (and starts a
// fresh one), which frees its memory at once.
import { scriptURL } from "./boot.js";
import { annotate, init, version } from "./core.js";
import { CHUNK_SIZE, pause, splitChunks } from "./chunks.js";

/** Chunk size on the main thread: small enough that each chunk is a short task. */
const INLINE_CHUNK_SIZE = 64 * 1024;

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/** A run's promise, with settle() guarding against settling twice. */
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((a, b) => {
    resolve = a;
    reject = b;
  });
  let settled = false;
  return {
    promise,
    get settled() {
      return settled;
    },
    resolve(v) {
      if (!settled) (settled = true), resolve(v);
    },
    reject(e) {
      if (!settled) (settled = true), reject(e);
    },
  };
}

function inlineEngine(wasm) {
  let ready = null;
  let current = null;
  return {
    mode: "inline",
    run(text, options, onChunk) {
      current?.cancel();
      const d = deferred();
      const job = { cancel: () => d.reject(new CancelledError()) };
      current = job;
      (async () => {
        ready ??= init(wasm);
        await ready;
        const t0 = performance.now();
        for (const chunk of splitChunks(text, INLINE_CHUNK_SIZE)) {
          await pause();
          if (d.settled) return;
          const annotation = annotate(chunk.text, options);
          onChunk({ annotation, offset: chunk.start, end: chunk.start + chunk.text.length, total: text.length });
        }
        d.resolve({ ms: performance.now() - t0, version: version() });
      })().catch((e) => d.reject(e));
      return { promise: d.promise, cancel: job.cancel };
    },
  };
}

function workerEngine(onBroken, early) {
  let worker = null;
  let job = null;
  let nextId = 1;
  const spawn = () => {
    worker = early ?? new Worker(scriptURL(new URL("./worker.js", import.meta.url)), { type: "module" });
    early = null;
    worker.onmessage = ({ data }) => {
      if (job && data.id === job.id) job.handle(data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // the worker itself failed (could not load, or crashed): run on the main thread instead
      worker.terminate();
      const j = job;
      job = null;
      if (j) j.fallback = onBroken(j);
      else onBroken(null);
    };
  };
  spawn();
  return {
    mode: "worker",
    run(text, options, onChunk) {
      job?.cancel();
      const id = nextId++;
      const d = deferred();
      const t0 = performance.now();
      const j = {
        id,
        text,
        options,
        onChunk,
        d,
        handle(data) {
          if (data.type === "chunk") onChunk(data);
          else if (data.type === "done") d.resolve({ ms: performance.now() - t0, version: data.version });
          else if (data.type === "error") d.reject(new Error(data.error));
          else if (data.type === "cancelled") d.reject(new CancelledError());
          if (d.settled && job === j) job = null;
        },
        cancel(hard = false) {
          if (j.fallback) j.fallback.cancel();
          if (job !== j) return;
          job = null;
          d.reject(new CancelledError());
          if (hard) {
            worker.terminate();
            spawn();
          } else {
            worker.postMessage({ type: "cancel", id });
          }
        },
      };
      job = j;
      worker.postMessage({ type: "run", id, text, options, chunkSize: CHUNK_SIZE });
      return { promise: d.promise, cancel: (hard) => j.cancel(hard) };
    },
  };
}

/**
 * The page's annotation engine. `wasm` (bytes) forces the main-thread engine and is what it loads;
 * without it a worker is used (`worker`, if one was started already), falling back to the main
 * thread if no worker can run.
 */
export function createEngine({ wasm, worker } = {}) {
  if (wasm || typeof Worker === "undefined") return inlineEngine(wasm);
  const engine = { mode: "worker", run: null };
  const useInline = () => {
    const inline = inlineEngine();
    engine.mode = inline.mode;
    engine.run = inline.run;
    return inline;
  };
  try {
    const w = workerEngine((job) => {
      const inline = useInline();
      if (!job || job.d.settled) return null;
      // re-run the interrupted job on the main thread, settling its original promise
      const r = inline.run(job.text, job.options, job.onChunk);
      r.promise.then(job.d.resolve, job.d.reject);
      return r;
    }, worker);
    engine.run = w.run;
  } catch {
    useInline();
  }
  return engine;
}
