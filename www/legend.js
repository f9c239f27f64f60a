// The legend: one checkbox per entity type and per kind of claim, with counts. Unchecking one
// hides those highlights (the text stays); the choice is kept in localStorage.
import { fmt, h } from "./dom.js";
import { LABELS } from "./render.js";
import { load, save } from "./store.js";

/** Claim filters: key, name, and the sample element's attributes. */
const CLAIM_FILTERS = [
  ["claims", "Claims", { "data-kind": "reported" }],
  ["hedged", "Hedged", { "data-kind": "reported", "data-hedged": true }],
  ["anonymous", "Anonymous source", { "data-kind": "reported", "data-anonymous": true }],
  ["checkworthy", "Check-worthy", { "data-kind": "statement", "data-strength": "high" }],
];

export function createLegend(el, output, onChange) {
  const hidden = new Set(load("claimlens.hidden", []));
  const counts = new Map();
  const apply = () => {
    output.dataset.hide = [...hidden].join(" ");
    output.classList.toggle("tags", !hidden.has("tags"));
    save("claimlens.hidden", [...hidden]);
  };
  const chip = (key, sample, title) => {
    const count = h("span", { class: "count" });
    counts.set(key, count);
    const box = h("input", { type: "checkbox", "data-filter": key, checked: !hidden.has(key) });
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(key);
      else hidden.add(key);
      apply();
      onChange();
    });
    return h("label", { class: "chip", title }, box, sample, count);
  };
  el.replaceChildren(
    h("legend", null, "Show"),
    h("div", { class: "chips" }, LABELS.map(([label, name]) => chip(label, h("span", { class: "swatch", "data-label": label }, name)))),
    h("div", { class: "chips" },
      CLAIM_FILTERS.map(([key, name, attrs]) => chip(key, h("span", { class: "claim-swatch", ...attrs }, name))),
      chip("tags", h("span", { class: "tag-swatch" }, "Type tags"), "Show a short type tag after each entity")),
  );
  apply();
  return {
    /** Is this view item ({kind, id}) shown under the current filters? */
    visible(annotation, item) {
      if (item.kind === "e") return !hidden.has(annotation.entities[item.id].label);
      const c = annotation.claims[item.id];
      if (c.kind === "statement") return !hidden.has("checkworthy");
      return !hidden.has("claims") && !(c.hedged && hidden.has("hedged")) && !(c.anonymous_source && hidden.has("anonymous"));
    },
    /** Updates the counts for an annotation (or clears them). */
    count(annotation) {
      const n = new Map();
      const add = (k) => n.set(k, (n.get(k) ?? 0) + 1);
      for (const e of annotation?.entities ?? []) add(e.label);
      for (const c of annotation?.claims ?? []) {
        if (c.kind !== "statement") add("claims");
        if (c.hedged) add("hedged");
        if (c.anonymous_source) add("anonymous");
        if (c.checkworthy >= 0.5) add("checkworthy");
      }
      for (const [key, span] of counts) {
        if (key === "tags") continue;
        span.textContent = annotation ? fmt(n.get(key) ?? 0) : "";
      }
    },
  };
}
