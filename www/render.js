// Annotation → DOM. Shared by the page (and available to the widget).
//
// Spans may nest and overlap (an entity inside a claim's source, two claims sharing a cue). Every
// highlight is a range with a depth (outer first); the text is cut at every range boundary and
// each piece is wrapped in the elements of the ranges covering it, outermost first. A range that
// must be cut because an outer one ends inside it becomes several elements that share its id,
// numbered by `data-split="0"`, `"1"`, ...
// Text only ever enters the DOM as text nodes.

/** Entity labels in display order, with their human names. */
export const LABELS = [
  ["PERSON", "Person"], ["ORG", "Organisation"], ["PLACE", "Place"], ["NORP", "Group / nationality"],
  ["EVENT", "Event"], ["DATE", "Date"], ["TIME", "Time"], ["MONEY", "Money"], ["PERCENT", "Percent"],
  ["QUANTITY", "Quantity"],
];

/**
 * The highlight ranges of an annotation: claims (depth 0), their source/cue/content parts
 * (depth 1) and entities (depth 2). Each range is `{start, end, depth, tag, attrs}`.
 */
export function annotationRanges(annotation) {
  const ranges = [];
  const sentences = annotation.sentences ?? [];
  for (const c of annotation.claims ?? []) {
    // The claim's element covers its content, and its source and cue when they are in the
    // same sentence as the cue (else those parts are marked on their own).
    const sentence = sentences[c.sentence];
    let start = c.start;
    let end = c.end;
    for (const part of [c.source, c.cue]) {
      if (part && (!sentence || (part.start >= Math.min(sentence.start, c.start) && part.end <= Math.max(sentence.end, c.end)))) {
        start = Math.min(start, part.start);
        end = Math.max(end, part.end);
      }
    }
    const attrs = {
      "data-claim": String(c.id),
      "data-kind": c.kind,
      "data-checkworthy": c.checkworthy.toFixed(2),
    };
    if (c.hedged) attrs["data-hedged"] = "";
    if (c.anonymous_source) attrs["data-anonymous"] = "";
    if (c.checkworthy >= 0.5) attrs["data-strength"] = c.checkworthy >= 0.8 ? "high" : "medium";
    ranges.push({ start, end, depth: 0, tag: "span", attrs, key: `c${c.id}` });
    ranges.push({ start: c.start, end: c.end, depth: 1, tag: "span", attrs: { "data-part": "content", "data-of": String(c.id) }, key: `c${c.id}content` });
    if (c.source) ranges.push({ start: c.source.start, end: c.source.end, depth: 1, tag: "span", attrs: { "data-part": "source", "data-of": String(c.id) }, key: `c${c.id}source` });
    if (c.cue) ranges.push({ start: c.cue.start, end: c.cue.end, depth: 1, tag: "span", attrs: { "data-part": "cue", "data-of": String(c.id) }, key: `c${c.id}cue` });
  }
  for (const e of annotation.entities ?? []) {
    ranges.push({
      start: e.start, end: e.end, depth: 2, tag: "mark",
      attrs: { "data-label": e.label, "data-entity": String(e.id), "data-cluster": String(e.cluster) },
      key: `e${e.id}`,
    });
  }
  return ranges.filter((r) => r.end > r.start);
}

/**
 * Renders `text` with `ranges` into a DocumentFragment. Newlines stay in text nodes (style the
 * container with `white-space: pre-wrap`).
 */
export function renderRanges(doc, text, ranges) {
  const frag = doc.createDocumentFragment();
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(Math.max(0, Math.min(text.length, r.start)));
    cuts.add(Math.max(0, Math.min(text.length, r.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // ranges sorted by start, so each piece only scans the ranges that have started
  const byStart = [...ranges].sort((a, b) => a.start - b.start || a.depth - b.depth || b.end - a.end);
  let next = 0;
  let active = [];
  // open elements: [{range, el}] from outermost
  let open = [];
  // elements made for each range: more than one when an outer range cut it
  const elements = new Map();
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const b = points[p + 1];
    while (next < byStart.length && byStart[next].start <= a) active.push(byStart[next++]);
    active = active.filter((r) => r.end > a);
    const covering = active.filter((r) => r.start <= a && r.end >= b).sort((x, y) => x.depth - y.depth || y.end - x.end || x.start - y.start);
    // keep the longest common prefix of open elements
    let k = 0;
    while (k < open.length && k < covering.length && open[k].range === covering[k]) k++;
    open.length = k;
    let parent = k ? open[k - 1].el : frag;
    for (let i = k; i < covering.length; i++) {
      const r = covering[i];
      const el = doc.createElement(r.tag);
      for (const [name, value] of Object.entries(r.attrs)) el.setAttribute(name, value);
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
