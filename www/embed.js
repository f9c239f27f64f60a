// The demo page's own script (what a host page might do): a cookie banner that closes, and a
// button that removes and restores the highlights through the widget's API.
import { handleFor, mount } from "./widget.js";

const story = document.getElementById("story");
const toggle = document.getElementById("toggle");

document.getElementById("accept-cookies").addEventListener("click", () => {
  document.getElementById("cookies").hidden = true;
});

toggle.addEventListener("click", () => {
  const handle = handleFor(story);
  if (handle) {
    handle.unmount();
    toggle.textContent = "Annotate again";
  } else {
    mount(story);
    toggle.textContent = "Remove highlights";
  }
});
