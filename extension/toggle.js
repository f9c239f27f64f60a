// The extension's side of the widget, loaded by content.js in the isolated world: finds the
// page's main article and mounts the widget on it, or unmounts it on the next click. The text is
// annotated by the service worker (background.js), so the page's CSP cannot block the wasm.
import { findArticle, mount } from "./claimlens/widget.js";

let handle = null;

async function annotate(text, options) {
  const reply = await chrome.runtime.sendMessage({ type: "claimlens:annotate", text, options });
  if (!reply || typeof reply.error === "string") throw new Error(`claimlens: ${reply?.error ?? "the annotator did not answer"}`);
  return reply.annotation;
}

function state(on) {
  chrome.runtime.sendMessage({ type: "claimlens:state", on }).catch(() => {});
}

/** Annotates the main article, or removes the highlights when they are shown. */
export function toggle() {
  if (handle) {
    handle.unmount(); // onUnmount clears `handle`
    return false;
  }
  const article = findArticle(document);
  handle = mount(article, {
    annotate,
    closable: true,
    observe: true,
    onUnmount() {
      handle = null;
      state(false);
    },
    onError(e) {
      console.warn(e.message);
    },
  });
  state(true);
  return true;
}
