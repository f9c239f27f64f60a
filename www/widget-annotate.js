// Annotating long texts without freezing the page: the text is cut into chunks at paragraph
// breaks, each chunk is annotated in its own task (yielding to the page in between), and the
// results are merged into one annotation with the same shape and offsets as a single call.
//
// What a chunk boundary costs: a pronoun ("He said ...") at the start of a chunk cannot resolve
// to a name in the previous chunk, and a name's mentions in two chunks form one cluster only
// when both chunks give it the same canonical name. Texts up to `chunkSize` are annotated whole.

/** Lets the page run (input, paint) before continuing. */
export function yieldToHost() {
  const s = globalThis.scheduler;
  if (typeof s?.yield === "function") return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Chunk boundaries `[start, end)` covering `text`, each at most about `size` long, cut at a
 * paragraph break ("\n\n") when there is one in the second half of the window, else at a line
 * break, a sentence end or a space.
 */
export function chunkBounds(text, size) {
  const bounds = [];
  let start = 0;
  while (text.length - start > size) {
    const window = text.slice(start, start + size);
    let cut = -1;
    for (const sep of ["\n\n", "\n", ". ", " "]) {
      const at = window.lastIndexOf(sep);
      if (at > size / 2) {
        cut = at + sep.length;
        break;
      }
    }
    if (cut < 0) cut = size;
    bounds.push([start, start + cut]);
    start += cut;
  }
  bounds.push([start, text.length]);
  return bounds;
}

function shift(span, by) {
  return { ...span, start: span.start + by, end: span.end + by };
}

/**
 * Merges annotations of consecutive chunks (`parts[i]` annotated `text.slice(offsets[i], ...)`)
 * into one: offsets shifted, ids renumbered, clusters with the same label and canonical name
 * joined.
 */
export function mergeAnnotations(parts, offsets) {
  const out = { offsets: "utf16", sentences: [], entities: [], clusters: [], claims: [], boilerplate: [] };
  const clusterByName = new Map();
  parts.forEach((part, i) => {
    const by = offsets[i];
    const entityBase = out.entities.length;
    const sentenceBase = out.sentences.length;
    const claimBase = out.claims.length;
    const clusterIds = (part.clusters ?? []).map((c) => {
      const key = `${c.label}\u0000${c.canonical}`;
      let merged = clusterByName.get(key);
      if (!merged) {
        merged = { ...c, id: out.clusters.length, mentions: [] };
        clusterByName.set(key, merged);
        out.clusters.push(merged);
      }
      merged.mentions.push(...c.mentions.map((m) => m + entityBase));
      return merged.id;
    });
    for (const s of part.sentences ?? []) out.sentences.push(shift(s, by));
    for (const e of part.entities ?? []) {
      out.entities.push({ ...shift(e, by), id: e.id + entityBase, cluster: clusterIds[e.cluster] ?? e.cluster });
    }
    for (const c of part.claims ?? []) {
      const claim = { ...shift(c, by), id: c.id + claimBase, sentence: c.sentence + sentenceBase };
      if (c.source) {
        claim.source = shift(c.source, by);
        if (c.source.cluster !== undefined) claim.source.cluster = clusterIds[c.source.cluster];
      }
      if (c.cue) claim.cue = shift(c.cue, by);
      if (c.hedges) claim.hedges = c.hedges.map((h) => shift(h, by));
      out.claims.push(claim);
    }
    for (const b of part.boilerplate ?? []) out.boilerplate.push(shift(b, by));
  });
  return out;
}

/**
 * Annotates `text` with `annotate(text, options)` (sync or async), in chunks of about
 * `chunkSize` UTF-16 units, yielding to the page between chunks. `isStale()` is asked after
 * each chunk; when it says true the work stops and the result is null.
 */
export async function annotateInChunks(text, annotate, options, { chunkSize = 50000, isStale = () => false } = {}) {
  const bounds = chunkBounds(text, Math.max(1000, chunkSize));
  if (bounds.length === 1) return { annotation: await annotate(text, options), chunks: 1 };
  const parts = [];
  for (const [start, end] of bounds) {
    parts.push(await annotate(text.slice(start, end), options));
    if (isStale()) return null;
    await yieldToHost();
    if (isStale()) return null;
  }
  return { annotation: mergeAnnotations(parts, bounds.map(([s]) => s)), chunks: bounds.length };
}
