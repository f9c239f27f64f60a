// What the page and the widget share about drawing an annotation: the entity labels, how strong a
// check-worthiness score is, a claim's flags, and which claims to draw. The page's DOM rendering
// is render.js (which re-exports the labels and the drawing rules); the widget draws its own marks
// and loads only this.

/** Entity labels in display order, with their human names. */
export const LABELS = [
  ["PERSON", "Person"], ["ORG", "Organisation"], ["PLACE", "Place"], ["NORP", "Group / nationality"],
  ["EVENT", "Event"], ["DATE", "Date"], ["TIME", "Time"], ["MONEY", "Money"], ["PERCENT", "Percent"],
  ["QUANTITY", "Quantity"],
];

/** "high" (≥ 0.8), "medium" (≥ 0.5) or "" for a check-worthiness score. */
export function strength(score) {
  return score >= 0.8 ? "high" : score >= 0.5 ? "medium" : "";
}

/** The flags of a claim, as short words. */
export function claimFlags(c) {
  const flags = [];
  if (c.hedged) flags.push("hedged");
  if (c.anonymous_source) flags.push("anonymous source");
  if (c.negated) flags.push("negated");
  if (c.prediction) flags.push("prediction");
  return flags;
}

/**
 * The extent of a claim's element: its content, and its source and cue when they lie in the
 * claim's sentences (`sentence` to `last_sentence`; a source named in an earlier sentence is
 * marked on its own).
 */
export function claimExtent(claim, sentences) {
  const first = sentences?.[claim.sentence];
  const last = sentences?.[claim.last_sentence ?? claim.sentence] ?? first;
  let start = claim.start;
  let end = claim.end;
  for (const part of [claim.source, claim.cue]) {
    if (part && (!first || (part.start >= Math.min(first.start, claim.start) && part.end <= Math.max(last.end, claim.end)))) {
      start = Math.min(start, part.start);
      end = Math.max(end, part.end);
    }
  }
  return { start, end };
}

/** Claims inside this many other claims are not drawn (see drawnClaims). */
export const MAX_NESTING = 12;

/**
 * Which of `claims[from..to]` to draw: the indices of those that lie inside (or across) fewer
 * than MAX_NESTING other drawn claims. Articles nest claims a few deep at most ("X said that Y
 * told him that …"); a text made to break things nests them thousands deep ("He said “He said
 * “…"), and as many nested elements crash the browser's layout (and take quadratic time to cut).
 */
export function drawnClaims(claims, sentences, from = 0, to = claims.length) {
  const order = [];
  for (let i = from; i < to; i++) order.push({ i, ...claimExtent(claims[i], sentences) });
  order.sort((a, b) => a.start - b.start || b.end - a.end);
  const drawn = new Set();
  let around = []; // the ends of the drawn claims that the current one starts inside
  for (const c of order) {
    around = around.filter((end) => end > c.start);
    if (around.length >= MAX_NESTING) continue;
    around.push(c.end);
    drawn.add(c.i);
  }
  return drawn;
}
