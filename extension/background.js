// The extension's service worker: the toolbar button injects content.js into the current tab
// (the activeTab permission: only the tab the user clicked in, only then), and the page's text
// is annotated here, where the extension's own CSP allows WebAssembly ('wasm-unsafe-eval'); in a
// content script WebAssembly is subject to the page's CSP, which often forbids it.
import { annotate, init } from "./claimlens/core.js";

// The size-optimised wasm, as the widget loads it (the extension ships only this one).
const WASM = new URL("./claimlens/pkg/claimlens_bg.size.wasm", import.meta.url);

async function inject(tab) {
  try {
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ["content.js"] });
  } catch (e) {
    // chrome:// pages, the web store, PDFs...: say so on the button
    await chrome.action.setBadgeText({ tabId: tab.id, text: "!" });
    await chrome.action.setTitle({ tabId: tab.id, title: `claimlens cannot annotate this page (${e?.message ?? e})` });
  }
}

chrome.action.onClicked.addListener((tab) => {
  inject(tab);
});

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || typeof message !== "object" || message === null) return false;
  if (message.type === "claimlens:annotate" && typeof message.text === "string") {
    init(WASM)
      .then(() => reply({ annotation: annotate(message.text, message.options ?? null) }))
      .catch((e) => reply({ error: String(e?.message ?? e) }));
    return true; // the reply comes later
  }
  if (message.type === "claimlens:state" && sender.tab?.id !== undefined) {
    chrome.action.setBadgeText({ tabId: sender.tab.id, text: message.on ? "on" : "" });
    chrome.action.setTitle({ tabId: sender.tab.id, title: message.on ? "Remove the highlights" : "Annotate this page" });
  }
  return false;
});
