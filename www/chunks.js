// Long texts are annotated in chunks so that progress can be shown and a run can be cancelled
// between chunks. Chunks are cut at paragraph breaks (else line breaks, sentence ends, spaces),
// and their annotations are merged back into one, with offsets and ids shifted.
//
// Coreference stops at a chunk boundary: a pronoun at the top of a chunk is not resolved to a name
// in the previous one, and clusters of different chunks are merged only when their label and
// canonical name agree ("Donald Trump" in one chunk and "Trump" alone in another stay apart).
// Chunks are large (see CHUNK_SIZE), so this only matters for very long inputs.

/** Chunk size in UTF-16 units: a text up to this long is annotated in one piece. */
export const CHUNK_SIZE = 128 * 1024;

function lastCut(text, from, limit, sep) {
  const i = text.lastIndexOf(sep, limit - sep.length);
  return i > from ? i + sep.length : -1;
}

/**
 * Splits `text` into `[{start, text}]` pieces of at most about `size` units, cut after a paragraph
 * break when there is one in the last three quarters of the piece, else after a line break, a
 * sentence end or a space; never inside a surrogate pair.
 */
export function splitChunks(text, size = CHUNK_SIZE) {
  const chunks = [];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    const from = start + (size >> 2);
    let cut = -1;
    for (const sep of ["\n\n", "\n", ". ", " "]) {
      cut = lastCut(text, from, limit, sep);
      if (cut > 0) break;
    }
    if (cut < 0) cut = limit;
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    chunks.push({ start, text: text.slice(start, cut) });
    start = cut;
  }
  chunks.push({ start, text: text.slice(start) });
  return chunks;
}

function shift(span, by) {
  span.start += by;
  span.end += by;
}

/**
 * Merges chunk annotations, in text order, into one annotation. `add(annotation, offset)` takes a
 * chunk's annotation (it is modified and reused) and the chunk's start in the whole text, and
 * returns the index ranges it added: `{entities: [from, to], claims: [from, to]}`.
 * `annotation` is the merged result so far (a live object).
 */
export function createMerger() {
  const merged = { offsets: "utf16", sentences: [], entities: [], clusters: [], claims: [], boilerplate: [] };
  const byKey = new Map(); // label + canonical → cluster id
  const key = (c) => `${c.label}\u0000${c.canonical}`;
  return {
    annotation: merged,
    add(a, offset) {
      const e0 = merged.entities.length;
      const c0 = merged.claims.length;
      const s0 = merged.sentences.length;
      const clusterIds = a.clusters.map((c) => {
        let id = byKey.get(key(c));
        if (id === undefined) {
          id = merged.clusters.length;
          byKey.set(key(c), id);
          merged.clusters.push({ id, canonical: c.canonical, label: c.label, mentions: [] });
        }
        return id;
      });
      for (const s of a.sentences) {
        shift(s, offset);
        merged.sentences.push(s);
      }
      for (const e of a.entities) {
        shift(e, offset);
        e.id += e0;
        e.cluster = clusterIds[e.cluster];
        merged.clusters[e.cluster].mentions.push(e.id);
        merged.entities.push(e);
      }
      for (const c of a.claims) {
        shift(c, offset);
        c.id += c0;
        c.sentence += s0;
        if (c.last_sentence != null) c.last_sentence += s0;
        if (c.source) {
          shift(c.source, offset);
          if (c.source.cluster != null) c.source.cluster = clusterIds[c.source.cluster];
        }
        if (c.cue) shift(c.cue, offset);
        for (const h of c.hedges ?? []) shift(h, offset);
        merged.claims.push(c);
      }
      for (const b of a.boilerplate) {
        shift(b, offset);
        merged.boilerplate.push(b);
      }
      return { entities: [e0, merged.entities.length], claims: [c0, merged.claims.length] };
    },
  };
}

/** Yields to the event loop (input events first where the browser supports scheduler.yield). */
export function pause() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}
