// Injected by the toolbar button into the tab the user clicked in. It runs in the extension's
// isolated world (the page cannot see or call it) and loads the widget from the extension
// itself; each click toggles the highlights.
(() => {
  import(chrome.runtime.getURL("toggle.js"))
    .then((m) => m.toggle())
    .catch((e) => console.warn("claimlens:", e));
})();
