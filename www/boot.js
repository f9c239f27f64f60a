// Starts the annotation worker as early as possible: this module is loaded on its own (async) by
// index.html, so the worker fetches and compiles the wasm while the page's other modules load.
// app.js imports it too and gets the same worker. Not used where the wasm is inlined (the
// single-file build) or where no worker can run.
export const earlyWorker = (() => {
  if (typeof Worker === "undefined" || document.getElementById("claimlens-wasm")) return null;
  try {
    return new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
})();
