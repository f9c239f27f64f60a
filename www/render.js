// Annotation → DOM, for the page (the widget wraps its own marks; both take LABELS and
// drawnClaims from spans.js, re-exported here).
//
// Spans may nest and overlap (an entity inside a claim's source, a claim inside a quote, two
// claims sharing a cue). The text is cut at every range boundary and each piece is wrapped in the
// elements of the ranges covering it, outermost first: the range that starts first, then the
// longer, then by depth (a claim, then its parts, then an entity). A range that
// must be cut because an outer one ends inside it becomes several elements that share its id,
// numbered by `data-split="0"`, `"1"`, ... A claim inside another claim gets `data-level="1"`
// (and so on), so that its underline can be drawn apart from the outer one.
// Text only ever enters the DOM as text nodes.

import { claimExtent, drawnClaims, LABELS, MAX_NESTING, strength } from "./spans.js";

export { claimExtent, drawnClaims, LABELS, MAX_NESTING, strength };

/** Human names of claim kinds. */
export const KINDS = {
  quote: "Direct quote",
  reported: "Reported speech",
  according: "According to",
  sourceless: "Unattributed report",
  statement: "Statement of fact",
};

function claimRanges(c, sentences, ranges) {
  const { start, end } = claimExtent(c, sentences);
  const id = String(c.id);
  const attrs = { "data-claim": id, "data-kind": c.kind, "data-checkworthy": c.checkworthy.toFixed(2) };
  if (c.hedged) attrs["data-hedged"] = "";
  if (c.anonymous_source) attrs["data-anonymous"] = "";
  if (c.negated) attrs["data-negated"] = "";
  if (c.prediction) attrs["data-prediction"] = "";
  if (c.cue && c.cue.polarity !== "assert") attrs["data-polarity"] = c.cue.polarity;
  const s = strength(c.checkworthy);
  if (s) attrs["data-strength"] = s;
  ranges.push({ start, end, depth: 0, tag: "span", attrs, key: `c${id}` });
  ranges.push({ start: c.start, end: c.end, depth: 1, tag: "span", attrs: { "data-part": "content", "data-of": id }, key: `c${id}content` });
  if (c.source) ranges.push({ start: c.source.start, end: c.source.end, depth: 1, tag: "span", attrs: { "data-part": "source", "data-of": id }, key: `c${id}source` });
  if (c.cue) ranges.push({ start: c.cue.start, end: c.cue.end, depth: 1, tag: "span", attrs: { "data-part": "cue", "data-of": id }, key: `c${id}cue` });
  for (const [i, h] of (c.hedges ?? []).entries()) {
    ranges.push({ start: h.start, end: h.end, depth: 1, tag: "span", attrs: { "data-part": "hedge", "data-of": id }, key: `c${id}hedge${i}` });
  }
}

function entityRange(e) {
  return {
    start: e.start, end: e.end, depth: 2, tag: "mark",
    attrs: { "data-label": e.label, "data-entity": String(e.id), "data-cluster": String(e.cluster) },
    key: `e${e.id}`,
  };
}

/**
 * The highlight ranges of an annotation: claims (depth 0; those drawnClaims keeps), their
 * source/cue/content/hedge parts (depth 1) and entities (depth 2). Each range is
 * `{start, end, depth, tag, attrs, key}`.
 * `only` ({entities: [from, to], claims: [from, to]}) limits them to those index ranges.
 */
export function annotationRanges(annotation, only) {
  const ranges = [];
  const claims = annotation.claims ?? [];
  const entities = annotation.entities ?? [];
  const [c0, c1] = only?.claims ?? [0, claims.length];
  const [e0, e1] = only?.entities ?? [0, entities.length];
  const drawn = drawnClaims(claims, annotation.sentences, c0, c1);
  for (let i = c0; i < c1; i++) if (drawn.has(i)) claimRanges(claims[i], annotation.sentences, ranges);
  for (let i = e0; i < e1; i++) ranges.push(entityRange(entities[i]));
  return ranges.filter((r) => r.end > r.start);
}

/**
 * Renders `text.slice(from, to)` with `ranges` (offsets into the whole `text`; those outside are
 * clipped) into a DocumentFragment. Newlines stay in text nodes (style the container with
 * `white-space: pre-wrap`).
 */
export function renderRanges(doc, text, ranges, from = 0, to = text.length) {
  const frag = doc.createDocumentFragment();
  const clip = (x) => Math.max(from, Math.min(to, x));
  const cuts = new Set([from, to]);
  for (const r of ranges) {
    cuts.add(clip(r.start));
    cuts.add(clip(r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // ranges sorted by start, so each piece only scans the ranges that have started
  const byStart = ranges.filter((r) => r.end > from && r.start < to).sort((a, b) => a.start - b.start || a.depth - b.depth || b.end - a.end);
  let next = 0;
  let active = [];
  // open elements: [{range, el}] from outermost
  const open = [];
  // elements made for each range: more than one when an outer range cut it
  const elements = new Map();
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const b = points[p + 1];
    while (next < byStart.length && byStart[next].start <= a) active.push(byStart[next++]);
    active = active.filter((r) => r.end > a);
    // outermost first: the range that started first (so that an element already open stays open
    // and a crossing range is the one cut), then the longer, then by depth (claim, part, entity)
    const covering = active.filter((r) => r.start <= a && r.end >= b).sort((x, y) => x.start - y.start || y.end - x.end || x.depth - y.depth);
    // keep the longest common prefix of open elements
    let k = 0;
    while (k < open.length && k < covering.length && open[k].range === covering[k]) k++;
    open.length = k;
    let parent = k ? open[k - 1].el : frag;
    let level = 0;
    for (let i = 0; i < k; i++) if (covering[i].depth === 0) level++;
    for (let i = k; i < covering.length; i++) {
      const r = covering[i];
      const el = doc.createElement(r.tag);
      for (const [name, value] of Object.entries(r.attrs)) el.setAttribute(name, value);
      if (r.depth === 0 && level++ > 0) el.setAttribute("data-level", String(level - 1));
      const pieces = elements.get(r);
      if (pieces) pieces.push(el);
      else elements.set(r, [el]);
      parent.appendChild(el);
      open.push({ range: r, el });
      parent = el;
    }
    parent.appendChild(doc.createTextNode(text.slice(a, b)));
  }
  for (const pieces of elements.values()) {
    if (pieces.length > 1) pieces.forEach((el, i) => el.setAttribute("data-split", String(i)));
  }
  return frag;
}

/** Renders `text` and its annotation into `container`, replacing its content. */
export function renderAnnotation(container, text, annotation) {
  const frag = renderRanges(container.ownerDocument, text, annotationRanges(annotation));
  container.replaceChildren(frag);
}
