// h("li", {class: "x", "data-id": 3}, "text", child): an element with attributes and children.
// Strings become text nodes, so text from an article can never become markup. Attributes set to
// null, undefined or false are left out; `true` sets an empty attribute.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** `text` shortened to at most `max` characters, cut at a word and ended with "…". */
export function shorten(text, max) {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(" ", max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

const numbers = new Intl.NumberFormat();
/** 1234567 → "1,234,567" (the reader's locale). */
export const fmt = (n) => numbers.format(n);
