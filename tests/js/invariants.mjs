// What every annotation from the JS API must satisfy, in UTF-16 offsets: the JS twin of
// tests/support/invariants.rs. Returns the first broken invariant as a message, or null.
//
// A lone surrogate reaches the core as U+FFFD (one UTF-16 unit too), so offsets still line up
// with the caller's string; the texts the core reports then carry U+FFFD where the string has the
// lone surrogate, which is why texts are compared with `toWellFormed()`.

/** What the tokeniser skips: whitespace, a BOM, control chars. */
const blank = /^[\s\uFEFF\p{Cc}]*$/u;
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/** True when `i` does not fall between the two halves of a surrogate pair. */
function onBoundary(text, i) {
  return i === 0 || i === text.length || !(isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i)));
}

/** Every span: in bounds, not empty, not inside a surrogate pair. */
function spans(a) {
  const out = [];
  for (const s of a.sentences) out.push(["sentence", s]);
  for (const e of a.entities) out.push(["entity", e]);
  for (const c of a.claims) {
    out.push(["claim", c]);
    if (c.source) out.push(["source", c.source]);
    if (c.cue) out.push(["cue", c.cue]);
    for (const h of c.hedges ?? []) out.push(["hedge", h]);
  }
  for (const b of a.boilerplate) out.push(["boilerplate", b]);
  return out;
}

const short = (s) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

export function check(text, a) {
  if (a.offsets !== "utf16") return `offsets are ${a.offsets}`;
  for (const [what, s] of spans(a)) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)) {
      return `${what} span ${s.start}..${s.end} is empty or out of bounds (length ${text.length})`;
    }
    if (!onBoundary(text, s.start) || !onBoundary(text, s.end)) return `${what} span ${s.start}..${s.end} splits a surrogate pair`;
  }
  const same = (s, t) => text.slice(s.start, s.end).toWellFormed() === t;
  let covered = 0;
  for (const [i, s] of a.sentences.entries()) {
    if (s.start < covered) return `sentence ${i} overlaps the one before`;
    if (!blank.test(text.slice(covered, s.start))) return `text lost before sentence ${i}: ${short(text.slice(covered, s.start))}`;
    covered = s.end;
  }
  if (!blank.test(text.slice(covered))) return `text lost after the last sentence: ${short(text.slice(covered))}`;
  // the cluster that lists each entity
  const listedBy = new Int32Array(a.entities.length).fill(-1);
  for (const [k, c] of a.clusters.entries()) {
    if (c.id !== k) return `cluster ${k} has id ${c.id}`;
    for (const m of c.mentions) {
      if (!(m >= 0 && m < a.entities.length) || listedBy[m] !== -1) return `cluster ${k} lists entity ${m} wrongly or twice`;
      listedBy[m] = k;
    }
  }
  let last = 0;
  for (const [i, e] of a.entities.entries()) {
    if (e.id !== i) return `entity ${i} has id ${e.id}`;
    if (!same(e, e.text)) return `entity ${i} ${short(e.text)} is not the text at ${e.start}..${e.end}: ${short(text.slice(e.start, e.end))}`;
    if (e.start < last) return `entity ${i} ${short(e.text)} overlaps the one before`;
    last = e.end;
    const c = a.clusters[e.cluster];
    if (!c || c.label !== e.label || listedBy[i] !== e.cluster) return `entity ${i} ${short(e.text)} and its cluster ${e.cluster} disagree`;
  }
  for (const [i, c] of a.claims.entries()) {
    if (c.id !== i) return `claim ${i} has id ${c.id}`;
    const first = a.sentences[c.sentence];
    const lastSentence = a.sentences[c.last_sentence];
    if (!first || !lastSentence || c.sentence > c.last_sentence) return `claim ${i} has sentences ${c.sentence}..=${c.last_sentence}`;
    for (const [what, p] of [["content", c], ["source", c.source], ["cue", c.cue], ...(c.hedges ?? []).map((h) => ["hedge", h])]) {
      if (p && (p.start < first.start || p.end > lastSentence.end)) return `claim ${i}: its ${what} lies outside its sentences`;
    }
    if (c.source && !same(c.source, c.source.text)) return `claim ${i}: source text ${short(c.source.text)}`;
    if (c.cue && !same(c.cue, c.cue.text)) return `claim ${i}: cue text ${short(c.cue.text)}`;
    if (c.source?.cluster != null && !a.clusters[c.source.cluster]) return `claim ${i}: source cluster ${c.source.cluster}`;
    if (!(c.checkworthy >= 0 && c.checkworthy <= 1)) return `claim ${i}: checkworthy ${c.checkworthy}`;
  }
  return null;
}
