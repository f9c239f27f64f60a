// "Your terms": names the user adds by type (kept in localStorage), passed to the annotator as
// its `lexicon` option so that they are found even when the built-in lists miss them.
import { h } from "./dom.js";
import { LABELS } from "./render.js";
import { load, save } from "./store.js";

const KEY = "claimlens.lexicon";
const NAMES = new Set(["PERSON", "ORG", "PLACE", "NORP", "EVENT"]);

/** The stored terms as a lexicon: {PERSON: [...], ...}, only known labels and non-empty strings. */
export function loadLexicon() {
  const raw = load(KEY, {});
  const lexicon = {};
  for (const [label] of LABELS) {
    const terms = Array.isArray(raw?.[label]) ? raw[label].filter((t) => typeof t === "string" && t.trim()) : [];
    if (terms.length) lexicon[label] = terms;
  }
  return lexicon;
}

export function createTerms({ form, list }, onChange) {
  let lexicon = loadLexicon();
  const select = form.querySelector("select");
  const input = form.querySelector("input");
  select.replaceChildren(...LABELS.filter(([l]) => NAMES.has(l)).map(([l, name]) => h("option", { value: l }, name)));
  const names = Object.fromEntries(LABELS);
  const render = () => {
    const rows = [];
    for (const [label, terms] of Object.entries(lexicon)) {
      for (const term of terms) {
        rows.push(h("li", null, h("span", { class: "swatch", "data-label": label }, names[label]), " ", term, " ",
          h("button", { type: "button", class: "link", "aria-label": `Remove ${term}`, onclick: () => remove(label, term) }, "remove")));
      }
    }
    list.replaceChildren(...(rows.length ? rows : [h("li", { class: "muted" }, "None yet. Names added here are always found.")]));
  };
  const update = () => {
    save(KEY, lexicon);
    render();
    onChange();
  };
  const remove = (label, term) => {
    lexicon[label] = lexicon[label].filter((t) => t !== term);
    if (!lexicon[label].length) delete lexicon[label];
    update();
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const term = input.value.replace(/\s+/g, " ").trim().slice(0, 200);
    if (!term) return;
    const label = select.value;
    lexicon[label] = [...new Set([...(lexicon[label] ?? []), term])];
    input.value = "";
    update();
  });
  render();
  return {
    get lexicon() {
      return lexicon;
    },
  };
}
