// The widget's styles, as constructable stylesheets: a strict Content-Security-Policy (no
// 'unsafe-inline' in style-src) blocks <style> elements and style attributes, but not sheets
// built through the CSSOM and adopted by a document or shadow root.
//
// - MARKS: the minimal sheet for the highlights in the host page, adopted by the document while
//   at least one widget is mounted there and removed with the last one. It only selects the
//   widget's own <claimlens-mark> elements.
// - PANEL: the panel's sheet, adopted by its shadow root; nothing in it reaches the page.
// - a per-mount sheet (see `mountSheet`) for the colours given in options and the entity types
//   toggled off in the panel, scoped by the mount's id; adopted by both.
// Colours are CSS custom properties: a host page can also set `--claimlens-person` etc. on the
// article (or :root) in its own CSS.

/** Default colours: translucent fills, so they read on light and dark pages alike. */
export const COLORS = {
  PERSON: "rgb(250 204 21 / 0.38)",
  ORG: "rgb(59 130 246 / 0.26)",
  PLACE: "rgb(34 197 94 / 0.3)",
  NORP: "rgb(236 72 153 / 0.24)",
  EVENT: "rgb(139 92 246 / 0.28)",
  DATE: "rgb(148 163 184 / 0.34)",
  TIME: "rgb(148 163 184 / 0.34)",
  MONEY: "rgb(249 115 22 / 0.3)",
  PERCENT: "rgb(249 115 22 / 0.3)",
  QUANTITY: "rgb(239 68 68 / 0.22)",
  claim: "#2563eb",
  statement: "#64748b",
  hedged: "#c2410c",
  anonymous: "#be185d",
  focus: "#db2777",
};

/** `--claimlens-person` for "PERSON", `--claimlens-claim` for "claim". */
export const colorVar = (key) => `--claimlens-${key.toLowerCase()}`;

const labelRules = Object.keys(COLORS)
  .filter((k) => k === k.toUpperCase())
  .map((k) => `claimlens-mark[data-claimlens-label="${k}"]{background-color:var(${colorVar(k)},${COLORS[k]})}`)
  .join("\n");

const MARKS = `
claimlens-mark{color:inherit;font:inherit;cursor:pointer}
claimlens-mark[data-claimlens-label]{border-radius:.2em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
${labelRules}
claimlens-mark[data-claimlens-part=content]{text-decoration:underline 2px var(--claimlens-claim,${COLORS.claim});text-underline-offset:.22em;text-decoration-skip-ink:none}
claimlens-mark[data-claimlens-part=content][data-claimlens-hedged]{text-decoration-style:wavy;text-decoration-color:var(--claimlens-hedged,${COLORS.hedged})}
claimlens-mark[data-claimlens-part=content][data-claimlens-anonymous]{text-decoration-style:dashed;text-decoration-color:var(--claimlens-anonymous,${COLORS.anonymous})}
claimlens-mark[data-claimlens-part=content][data-claimlens-kind=statement]{text-decoration:underline dotted 2px var(--claimlens-statement,${COLORS.statement})}
claimlens-mark[data-claimlens-part=content][data-claimlens-checkworthy=high]{text-decoration-thickness:3px}
claimlens-mark[data-claimlens-part=source]{font-weight:bolder}
claimlens-mark[data-claimlens-part=cue]{font-style:italic}
claimlens-mark[data-claimlens-hover]{outline:1px dashed var(--claimlens-focus,${COLORS.focus});outline-offset:1px}
claimlens-mark[data-claimlens-focus]{outline:2px solid var(--claimlens-focus,${COLORS.focus});outline-offset:1px;border-radius:.2em}
@media (forced-colors:active){
claimlens-mark[data-claimlens-label]{background-color:Mark;color:MarkText}
claimlens-mark[data-claimlens-part=content]{text-decoration-color:LinkText}
claimlens-mark[data-claimlens-focus]{outline-color:Highlight}
}
@media print{claimlens-mark[data-claimlens-focus]{outline:none}}
`;

const PANEL = `
:host{all:initial;display:block;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;
 --bg:#fff;--fg:#1b1b1f;--muted:#5b5b66;--line:#d9d9d4;--soft:#f4f4f1;--accent:var(--claimlens-claim,${COLORS.claim})}
@media (prefers-color-scheme:dark){:host{color:#ececf1;--bg:#1c1c21;--fg:#ececf1;--muted:#a1a1aa;--line:#3f3f46;--soft:#26262d;--accent:#93c5fd}}
:host([data-floating]){position:fixed;z-index:2147483646;right:16px;bottom:16px;width:min(23rem,calc(100vw - 32px))}
*{box-sizing:border-box}
.panel{background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:10px;box-shadow:0 6px 24px rgb(0 0 0/.18);display:flex;flex-direction:column;max-height:min(70vh,40rem);overflow:hidden}
:host(:not([data-floating])) .panel{box-shadow:none;max-height:none}
header{display:flex;align-items:center;gap:.5rem;padding:.5rem .75rem;border-bottom:1px solid var(--line)}
header strong{font-size:14px}
.status{flex:1;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
button{font:inherit;color:inherit;background:none;border:1px solid transparent;border-radius:6px;padding:.15rem .45rem;cursor:pointer}
button:hover{background:var(--soft)}
button:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.panel[data-collapsed] .body{display:none}
.panel[data-collapsed] header{border-bottom:0}
.body{display:flex;flex-direction:column;min-height:0}
.chips{display:flex;flex-wrap:wrap;gap:.3rem;padding:.5rem .75rem;border-bottom:1px solid var(--line)}
.chip{border:1px solid var(--line);padding:.05rem .45rem;font-size:12px;display:inline-flex;align-items:center;gap:.3rem}
.chip[aria-pressed=false]{opacity:.5;text-decoration:line-through}
.sw{display:inline-block;width:.8em;height:.8em;border-radius:.2em}
.sw.claim{background:none;border-bottom:2px solid var(--accent);border-radius:0}
.chip[data-empty]{display:none}
${Object.keys(COLORS).filter((k) => k === k.toUpperCase()).map((k) => `.sw[data-label="${k}"]{background:var(${colorVar(k)},${COLORS[k]})}`).join("\n")}
.tabs{display:flex;gap:.25rem;padding:.4rem .75rem 0}
.tab{border:0;border-bottom:2px solid transparent;border-radius:0;padding:.2rem .4rem}
.tab[aria-selected=true]{border-bottom-color:var(--accent);font-weight:600}
.tools{display:flex;align-items:center;gap:.5rem;padding:.35rem .75rem;color:var(--muted);font-size:12px}
.tools label{display:inline-flex;align-items:center;gap:.25rem;cursor:pointer}
ol{list-style:none;margin:0;padding:.25rem .5rem .5rem;overflow:auto;min-height:0}
:host([data-floating]) ol{max-height:calc(min(70vh,40rem) - 9.5rem)}
li{margin:0}
.card{display:block;width:100%;text-align:left;border:1px solid var(--line);border-radius:8px;padding:.45rem .6rem;margin:.3rem 0;background:var(--bg)}
.card:hover{background:var(--soft)}
.card[aria-current=true]{border-color:var(--accent);box-shadow:0 0 0 1px var(--accent)}
.who{font-weight:700}
.cue{font-style:italic;color:var(--muted)}
.content{display:block;margin-top:.15rem}
.badges{display:flex;flex-wrap:wrap;gap:.25rem;margin-top:.3rem}
.badge{font-size:11px;border:1px solid var(--line);border-radius:999px;padding:0 .4rem;color:var(--muted)}
.badge.warn{border-color:var(--claimlens-hedged,${COLORS.hedged});color:var(--claimlens-hedged,${COLORS.hedged})}
.badge.anon{border-color:var(--claimlens-anonymous,${COLORS.anonymous});color:var(--claimlens-anonymous,${COLORS.anonymous})}
.badge.hot{border-color:var(--accent);color:var(--accent);font-weight:600}
.count{color:var(--muted);font-size:12px}
.empty{color:var(--muted);padding:.5rem .75rem}
.more{margin:.25rem .5rem .5rem;border:1px solid var(--line)}
.error{color:#b91c1c}
@media (prefers-color-scheme:dark){.error{color:#fca5a5}}
`;

function sheet(text) {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
}

let marksSheet = null;
let panelSheet = null;
const users = new WeakMap(); // document -> number of mounts using the marks sheet

/** Whether constructable stylesheets can be adopted (every current browser). */
export const canAdopt = () => typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;

function adopt(target, s) {
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, s];
}

function drop(target, s) {
  if (target.adoptedStyleSheets.includes(s)) target.adoptedStyleSheets = target.adoptedStyleSheets.filter((x) => x !== s);
}

/** Adopts the marks sheet into `doc` (once per document); `releaseMarks` drops it with the last user. */
export function useMarks(doc) {
  if (!canAdopt()) return false;
  marksSheet ??= sheet(MARKS);
  const n = users.get(doc) ?? 0;
  if (n === 0) adopt(doc, marksSheet);
  users.set(doc, n + 1);
  return true;
}

export function releaseMarks(doc) {
  const n = users.get(doc) ?? 0;
  if (n <= 1) {
    users.delete(doc);
    if (marksSheet) drop(doc, marksSheet);
  } else users.set(doc, n - 1);
}

/** Styles a panel's shadow root. */
export function stylePanel(shadow) {
  if (!canAdopt()) return;
  panelSheet ??= sheet(PANEL);
  adopt(shadow, panelSheet);
}

/**
 * The per-mount sheet: `colors` (keys of COLORS; values any CSS colour) as custom properties on
 * this mount's marks and panel, and `hide(label, hidden)` to turn a type's highlight off. Values
 * go through `style.setProperty`, so a colour string can never add rules. Returns
 * `{ hide, attach(root), detach() }`.
 */
export function mountSheet(id, colors = {}) {
  if (!canAdopt()) return { hide() {}, attach() {}, detach() {} };
  const s = new CSSStyleSheet();
  const scope = `claimlens-mark[data-claimlens="${id}"]`;
  s.insertRule(`${scope}{}`, 0);
  s.insertRule(":host{}", 1);
  for (const [key, value] of Object.entries(colors ?? {})) {
    if (!(key in COLORS) || typeof value !== "string") continue;
    s.cssRules[0].style.setProperty(colorVar(key), value);
    s.cssRules[1].style.setProperty(colorVar(key), value);
  }
  const hidden = new Map(); // label -> rule
  const roots = [];
  return {
    hide(label, hide) {
      if (!(label in COLORS) && label !== "claims") return;
      const existing = hidden.get(label);
      if (hide && !existing) {
        const selector = label === "claims" ? `${scope}[data-claimlens-part]` : `${scope}[data-claimlens-label="${label}"]`;
        const rule = label === "claims"
          ? "text-decoration:none!important;font-weight:inherit!important;font-style:inherit!important"
          : "background:none!important";
        s.insertRule(`${selector}{${rule}}`, s.cssRules.length);
        hidden.set(label, s.cssRules[s.cssRules.length - 1]);
      } else if (!hide && existing) {
        const i = [...s.cssRules].indexOf(existing);
        if (i >= 0) s.deleteRule(i);
        hidden.delete(label);
      }
    },
    attach(root) {
      adopt(root, s);
      roots.push(root);
    },
    detach() {
      for (const r of roots) drop(r, s);
      roots.length = 0;
    },
  };
}
