// Annotation off the main thread. Messages in: {id, text, options}; out: {id, annotation, ms} or
// {id, error}. The page terminates and restarts the worker to cancel stale work.
import { init, annotate } from "./core.js";

const ready = init();

self.onmessage = async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
    const t0 = performance.now();
    const annotation = annotate(text, options);
    self.postMessage({ id, annotation, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
