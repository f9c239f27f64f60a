// The side panel: entities grouped by cluster, "who said what", and the check-worthy claims
// ranked by score. Long lists show their first items and a "show more" button.
import { fmt, h, shorten } from "./dom.js";
import { LABELS, strength } from "./render.js";
import { sourceName } from "./card.js";
import { claimFlags } from "./spans.js";

const STEP = 100;

/** A list showing `step` items at a time. */
function capped(tag, attrs, items, renderItem, step = STEP) {
  const list = h(tag, attrs);
  let shown = 0;
  const more = h("button", { type: "button", class: "more" });
  const showMore = () => {
    const next = items.slice(shown, shown + step);
    list.append(...next.map(renderItem));
    shown += next.length;
    more.textContent = `Show ${fmt(Math.min(step, items.length - shown))} more of ${fmt(items.length - shown)}`;
    more.hidden = shown >= items.length;
  };
  more.addEventListener("click", showMore);
  showMore();
  return [list, more];
}

/** Claims grouped by who makes them, groups with the most claims first. */
export function whoSaidWhat(annotation) {
  const groups = new Map();
  for (const c of annotation.claims) {
    if (!c.source && !c.cue) continue; // an unattributed statement: see the check-worthy list
    const s = c.source;
    const key = !s ? "" : s.cluster != null ? `#${s.cluster}` : s.text.toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = { name: s ? sourceName(c, annotation) : null, label: s?.cluster != null ? annotation.clusters[s.cluster].label : null, claims: [], anonymous: false };
      groups.set(key, g);
    }
    g.claims.push(c);
    g.anonymous ||= c.anonymous_source;
  }
  return [...groups.values()].sort((a, b) => b.claims.length - a.claims.length || a.claims[0].start - b.claims[0].start);
}

/** Check-worthy claims (score ≥ 0.5), highest score first. */
export function checkworthy(annotation) {
  return annotation.claims.filter((c) => c.checkworthy >= 0.5).sort((a, b) => b.checkworthy - a.checkworthy || a.start - b.start);
}

export function renderPanel(els, { text, annotation }, { onCluster, onClaim }) {
  const claimButton = (c, withSource) => h("button", { type: "button", class: "claim-item", "data-claim": c.id, onclick: () => onClaim(c.id) },
    c.cue ? h("i", null, `${c.cue.text} `) : null,
    `“${shorten(text.slice(c.start, c.end), 160)}”`,
    withSource && c.source ? h("span", { class: "muted" }, ` — ${sourceName(c, annotation)}`) : null,
    claimFlags(c).map((f) => h("span", { class: "flag" }, f)));

  // Entities, by label, then by cluster size
  const byLabel = new Map(LABELS.map(([l]) => [l, []]));
  for (const c of annotation.clusters) if (c.mentions.length) byLabel.get(c.label)?.push(c);
  const entityGroups = [];
  for (const [label, name] of LABELS) {
    const clusters = byLabel.get(label).sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]);
    if (!clusters.length) continue;
    entityGroups.push(h("h3", null, h("span", { class: "swatch", "data-label": label }, name), ` ${fmt(clusters.length)}`),
      ...capped("ul", { class: "clusters" }, clusters, (c) => h("li", null,
        h("button", { type: "button", "data-cluster": c.id, onclick: () => onCluster(c.id) }, c.canonical, " ", h("span", { class: "n", "aria-label": `${c.mentions.length} mentions` }, fmt(c.mentions.length))))));
  }
  els.entities.replaceChildren(...(entityGroups.length ? entityGroups : [h("p", { class: "muted" }, "No entities found.")]));
  els.entitiesCount.textContent = fmt(annotation.clusters.length);

  // Who said what
  const groups = whoSaidWhat(annotation);
  els.who.replaceChildren(...(groups.length ? capped("ul", { class: "sources" }, groups, (g) => h("li", null,
    h("h3", null, g.name ?? "No named source", " ", h("span", { class: "n", "aria-label": `${g.claims.length} claims` }, fmt(g.claims.length)),
      g.anonymous ? h("span", { class: "flag" }, "anonymous") : null),
    ...capped("ol", null, g.claims, (c) => h("li", null, claimButton(c, false)), 20)))
    : [h("p", { class: "muted" }, "No attributed claims found.")]));
  els.whoCount.textContent = fmt(groups.length);

  // Check-worthy, ranked
  const ranked = checkworthy(annotation);
  els.check.replaceChildren(...(ranked.length ? capped("ol", { class: "ranked" }, ranked, (c) => h("li", null,
    h("span", { class: "score", "data-strength": strength(c.checkworthy) }, c.checkworthy.toFixed(2)), " ", claimButton(c, true)))
    : [h("p", { class: "muted" }, "Nothing check-worthy found.")]));
  els.checkCount.textContent = fmt(ranked.length);
}
