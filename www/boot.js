// Starts the annotation worker as early as possible: this module is loaded on its own (async) by
// index.html, so the worker fetches and compiles the wasm while the page's other modules load.
// app.js imports it too and gets the same worker. Not used where the wasm is inlined (the
// single-file build) or where no worker can run.
//
// The page's CSP requires Trusted Types for script URLs: `scriptURL` (the "claimlens" policy)
// accepts only this page's own worker and service worker scripts.

const policy = globalThis.trustedTypes?.createPolicy("claimlens", {
  createScriptURL(url) {
    const u = new URL(url, document.baseURI);
    if (u.origin === location.origin && /\/(worker|sw)\.js$/.test(u.pathname)) return u.href;
    throw new TypeError(`claimlens: refused script URL ${url}`);
  },
});

/** A script URL the page may load: its worker or its service worker. */
export const scriptURL = (url) => (policy ? policy.createScriptURL(String(url)) : String(url));

export const earlyWorker = (() => {
  if (typeof Worker === "undefined" || document.getElementById("claimlens-wasm")) return null;
  try {
    return new Worker(scriptURL(new URL("./worker.js", import.meta.url)), { type: "module" });
  } catch {
    return null;
  }
})();
