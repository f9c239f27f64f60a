export type { Label, Span, Value, Sentence, Entity, Cluster, Source, Cue, ClaimKind, Claim, Annotation, Options } from "./pkg/claimlens.js";
import type { Annotation, Options } from "./pkg/claimlens.js";

/** What `init()` accepts: a URL or path, a fetch Response, the wasm bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the wasm (once; safe to call repeatedly). Defaults to the bundled `claimlens_bg.wasm`. */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;
/** Loads the wasm synchronously from its bytes or a compiled module. */
export function initSync(bytesOrModule: BufferSource | WebAssembly.Module): void;
/** Annotates `text`; offsets are UTF-16 code units (`text.slice(start, end)`). */
export function annotate(text: string, options?: Options | null): Annotation;
/** The claimlens version. */
export function version(): string;
