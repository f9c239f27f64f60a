// The widget's panel: a legend that toggles each type, and cards for the claims and the named
// entities, in a shadow root so the page's CSS cannot reach it and its CSS cannot reach the page.
// Every string from the article enters the DOM as a text node.

import { stylePanel } from "./widget-styles.js";

const KIND = { quote: "quote", reported: "reported", according: "according to", sourceless: "unattributed", statement: "statement" };
const PAGE = 150; // cards rendered at a time

/** `h("button", {class: "x"}, "text", child)`: an element with attributes and children. */
function h(doc, tag, attrs, ...children) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? "" : String(v));
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function clip(s, n) {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/**
 * Creates the panel inside `container` (an element or shadow root).
 * `types`: `[label, name]` pairs to list, plus `claims` (boolean) for the claims tab.
 * Callbacks: `onPick({type, id, ...})` when a card is chosen, `onToggle(type, shown)` when a
 * legend chip is pressed, `onClose()` for the close button (shown when `closable`).
 * Returns `{ host, shadow, render, status, select, remove }`.
 */
export function createPanel(container, { floating, closable, labels, claims, onPick, onToggle, onClose }) {
  const doc = container.ownerDocument ?? container;
  const shownLabels = new Set(labels.map(([label]) => label));
  const host = doc.createElement("claimlens-panel");
  if (floating) host.setAttribute("data-floating", "");
  const shadow = host.attachShadow({ mode: "open" });
  stylePanel(shadow);
  const e = (...args) => h(doc, ...args);

  const status = e("span", { class: "status", role: "status", "aria-live": "polite" }, "Loading…");
  const collapse = e("button", { type: "button", "aria-expanded": "true", title: "Hide the panel" }, "–");
  const close = closable ? e("button", { type: "button", title: "Remove the highlights", "aria-label": "Remove the highlights" }, "×") : null;
  const chips = e("div", { class: "chips", role: "group", "aria-label": "Show or hide" });
  const tabClaims = e("button", { type: "button", class: "tab", role: "tab", "aria-selected": "true" }, "Claims");
  const tabEntities = e("button", { type: "button", class: "tab", role: "tab", "aria-selected": "false" }, "Names");
  const onlyWorthy = e("input", { type: "checkbox" });
  const sort = e("select", { "aria-label": "Order" }, e("option", { value: "text" }, "In text order"), e("option", { value: "worthy" }, "Most check-worthy first"));
  const tools = e("div", { class: "tools" }, e("label", {}, onlyWorthy, "Check-worthy only"), sort);
  const list = e("ol", { role: "tabpanel", "aria-label": "Claims" });
  const body = e("div", { class: "body" }, chips, claims ? e("div", { class: "tabs", role: "tablist" }, tabClaims, tabEntities) : null, claims ? tools : null, list);
  const panel = e("section", { class: "panel", "aria-label": "claimlens" }, e("header", {}, e("strong", {}, "claimlens"), status, collapse, close), body);
  shadow.append(panel);
  container.append(host);

  let tab = claims ? "claims" : "entities";
  let data = null; // {annotation, text}
  let shown = PAGE;
  let current = null;
  const chipFor = new Map();

  for (const [type, name] of [...labels, ...(claims ? [["claims", "Claims"]] : [])]) {
    const count = e("span", { class: "count" });
    const sw = type === "claims" ? e("span", { class: "sw claim" }) : e("span", { class: "sw", "data-label": type });
    const chip = e("button", { type: "button", class: "chip", "aria-pressed": "true", "data-type": type }, sw, name, count);
    chip.addEventListener("click", () => {
      const on = chip.getAttribute("aria-pressed") !== "true";
      chip.setAttribute("aria-pressed", String(on));
      onToggle?.(type, on);
    });
    chipFor.set(type, count);
    chips.append(chip);
  }

  collapse.addEventListener("click", () => {
    const open = collapse.getAttribute("aria-expanded") !== "true";
    collapse.setAttribute("aria-expanded", String(open));
    collapse.textContent = open ? "–" : "+";
    collapse.title = open ? "Hide the panel" : "Show the panel";
    if (open) panel.removeAttribute("data-collapsed");
    else panel.setAttribute("data-collapsed", "");
  });
  close?.addEventListener("click", () => onClose?.());
  const setTab = (t) => {
    tab = t;
    tabClaims.setAttribute("aria-selected", String(t === "claims"));
    tabEntities.setAttribute("aria-selected", String(t === "entities"));
    tools.hidden = t !== "claims";
    list.setAttribute("aria-label", t === "claims" ? "Claims" : "Names");
    shown = PAGE;
    draw();
  };
  tabClaims.addEventListener("click", () => setTab("claims"));
  tabEntities.addEventListener("click", () => setTab("entities"));
  onlyWorthy.addEventListener("change", () => draw());
  sort.addEventListener("change", () => draw());

  function claimCard(c) {
    const nobody = c.kind === "statement" ? "Statement of fact" : c.anonymous_source ? "Unnamed source" : "No named source";
    const who = e("span", { class: "who" }, c.source ? c.source.text : nobody);
    const badges = e("span", { class: "badges" }, e("span", { class: "badge" }, KIND[c.kind] ?? c.kind));
    if (c.source?.resolved && data) {
      const cluster = data.annotation.clusters[c.source.cluster];
      if (cluster) badges.append(e("span", { class: "badge", title: "who the pronoun or description refers to" }, `= ${cluster.canonical}`));
    }
    if (c.hedged) badges.append(e("span", { class: "badge warn" }, "hedged"));
    if (c.anonymous_source) badges.append(e("span", { class: "badge anon" }, "anonymous source"));
    if (c.negated) badges.append(e("span", { class: "badge" }, c.cue?.polarity === "deny" ? "denied" : "negated"));
    if (c.prediction) badges.append(e("span", { class: "badge" }, "prediction"));
    const worthy = e("span", { class: c.checkworthy >= 0.5 ? "badge hot" : "badge", title: (c.features ?? []).join(", ") || null }, `check-worthy ${c.checkworthy.toFixed(2)}`);
    badges.append(worthy);
    const content = data.text.slice(c.start, c.end);
    return e("button", { type: "button", class: "card", "data-id": `c${c.id}` },
      who, c.cue ? " " : null, c.cue ? e("span", { class: "cue" }, c.cue.text) : null,
      e("span", { class: "content" }, `“${clip(content, 280)}”`), badges);
  }

  function entityCard(cluster) {
    const n = cluster.mentions.length;
    const name = labels.find(([l]) => l === cluster.label)?.[1] ?? cluster.label;
    return e("button", { type: "button", class: "card", "data-id": `k${cluster.id}` },
      e("span", { class: "sw", "data-label": cluster.label }), " ", e("span", { class: "who" }, cluster.canonical),
      e("span", { class: "badges" }, e("span", { class: "badge" }, name), e("span", { class: "badge" }, n === 1 ? "1 mention" : `${n} mentions`)));
  }

  function items() {
    if (!data) return [];
    const { annotation } = data;
    if (tab === "claims") {
      let cs = annotation.claims;
      if (onlyWorthy.checked) cs = cs.filter((c) => c.checkworthy >= 0.5);
      if (sort.value === "worthy") cs = [...cs].sort((a, b) => b.checkworthy - a.checkworthy || a.start - b.start);
      return cs.map((c) => [`c${c.id}`, () => claimCard(c), { type: "claim", id: `c${c.id}`, claim: c }]);
    }
    return annotation.clusters
      .filter((k) => shownLabels.has(k.label) && k.mentions.length)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0])
      .map((k) => [`k${k.id}`, () => entityCard(k), { type: "cluster", id: `k${k.id}`, cluster: k }]);
  }

  function draw() {
    const all = items();
    const cards = all.slice(0, shown).map(([id, make, item]) => {
      const card = make();
      if (id === current) card.setAttribute("aria-current", "true");
      card.addEventListener("click", () => {
        select(id);
        onPick?.(item);
      });
      return e("li", {}, card);
    });
    list.replaceChildren(...cards);
    if (data && all.length === 0) list.append(e("li", { class: "empty" }, tab === "claims" ? "No claims found." : "No names found."));
    if (all.length > shown) {
      const more = e("button", { type: "button", class: "more" }, `Show ${Math.min(PAGE, all.length - shown)} more of ${all.length - shown}`);
      more.addEventListener("click", () => {
        shown += PAGE;
        draw();
      });
      list.append(e("li", {}, more));
    }
  }

  /** Marks the card for `id` ("c3" a claim, "k2" a cluster) as current and scrolls to it. */
  function select(id) {
    const wanted = id?.[0] === "c" ? "claims" : "entities";
    current = id;
    if (claims && wanted !== tab) setTab(wanted);
    let card = null;
    for (const c of list.querySelectorAll(".card")) {
      const hit = c.dataset.id === id;
      if (hit) {
        card = c;
        c.setAttribute("aria-current", "true");
      } else c.removeAttribute("aria-current");
    }
    const at = !card && id ? items().findIndex(([i]) => i === id) : -1;
    if (at >= 0) {
      shown = at + PAGE;
      draw();
      card = list.querySelector(`.card[aria-current]`);
    }
    card?.scrollIntoView({ block: "nearest" });
    if (card && panel.hasAttribute("data-collapsed")) collapse.click();
  }

  return {
    host,
    shadow,
    /** Shows a new annotation of `text`. */
    render(annotation, text, { counts }) {
      data = { annotation, text };
      for (const [type, span] of chipFor) {
        span.textContent = String(counts[type] ?? 0);
        span.parentElement.toggleAttribute("data-empty", !counts[type]);
      }
      tabClaims.textContent = `Claims (${annotation.claims.length})`;
      tabEntities.textContent = `Names (${annotation.clusters.filter((k) => shownLabels.has(k.label) && k.mentions.length).length})`;
      shown = PAGE;
      draw();
    },
    status(message, { error = false } = {}) {
      status.textContent = message;
      status.classList.toggle("error", error);
    },
    select,
    remove() {
      host.remove();
    },
  };
}
