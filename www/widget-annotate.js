// Annotating long texts without freezing the page: the text is cut into chunks at paragraph
// breaks, each chunk is annotated in its own task (yielding to the page in between), and the
// results are merged into one annotation with the same shape and offsets as a single call.
// Cutting and merging are the page's (`chunks.js`), so both behave the same; what a chunk
// boundary costs is described there. Texts up to `chunkSize` are annotated whole.
import { createMerger, pause, splitChunks } from "./chunks.js";

/**
 * The wasm the widget loads unless its `wasm` option says otherwise: the size-optimised build
 * (cargo opt-level "z", scripts/build.mjs), about 34 KB gzip smaller than the page's and half as
 * fast, which is a few ms for an article. The glue and core.js are shared with the fast build.
 */
export const widgetWasm = () => new URL("./pkg/claimlens_bg.size.wasm", import.meta.url);

/**
 * Annotates `text` with `annotate(text, options)` (sync or async, returning a fresh annotation
 * each call), in chunks of about `chunkSize` UTF-16 units, yielding to the page between chunks.
 * `isStale()` is asked after each chunk; when it says true the work stops and the result is null.
 */
export async function annotateInChunks(text, annotate, options, { chunkSize = 50000, isStale = () => false } = {}) {
  const chunks = splitChunks(text, Math.max(1000, chunkSize));
  if (chunks.length === 1) return { annotation: await annotate(text, options), chunks: 1 };
  const merger = createMerger();
  for (const chunk of chunks) {
    merger.add(await annotate(chunk.text, options), chunk.start);
    if (isStale()) return null;
    await pause();
    if (isStale()) return null;
  }
  return { annotation: merger.annotation, chunks: chunks.length };
}
