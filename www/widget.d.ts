// Types for `claimlens/widget` (www/widget.js): annotate an article in place, in any page.
import type { Annotation, Claim, Cluster, Entity, Label, Options as EngineOptions } from "./core.js";
import type { InitInput } from "./core.js";

export type { Annotation, Claim, Cluster, Entity, Label };

/** What the widget can highlight: an entity label, or `"claims"` (content, source and cue). */
export type WidgetType = Label | "claims";

/** Colour keys: an entity label, or a claim style. Values are any CSS colour. */
export type ColorKey = Label | "claim" | "statement" | "hedged" | "anonymous" | "focus";

/** Passed to `onAnnotate` after each annotation is shown. */
export interface AnnotateEvent {
  annotation: Annotation;
  /** The text that was annotated: the element's text nodes, with "\n\n" between blocks. */
  text: string;
  /** Number of <claimlens-mark> elements in the page. */
  marks: number;
  /** Number of chunks the text was annotated in (1 unless it is longer than `chunkSize`). */
  chunks: number;
  /** Milliseconds: reading the DOM, annotating, wrapping the marks, and in all. */
  timings: { read: number; annotate: number; mark: number; total: number };
}

/** Passed to `onSelect` when a mark is clicked or a card chosen in the panel. */
export type SelectEvent =
  | { type: "claim"; id: string; claim: Claim }
  | { type: "entity"; id: string; entity: Entity; cluster: Cluster }
  | { type: "cluster"; id: string; cluster: Cluster };

export interface MountOptions {
  /** Types to highlight (default: every label and "claims"); also accepted as a space-separated string. */
  types?: WidgetType[] | string;
  /** Colours by type, e.g. `{ PERSON: "#fde68a", claim: "rebeccapurple" }`. */
  colors?: Partial<Record<ColorKey, string>>;
  /** The panel: floating in the corner (`true`, the default), none (`false`), or inside this element. */
  panel?: boolean | Element | ShadowRoot;
  /** Show a close button in the panel that unmounts the widget. */
  closable?: boolean;
  /** Re-annotate when the article changes (MutationObserver, debounced; default 400 ms). */
  observe?: boolean | { debounce?: number };
  /** More elements to skip inside the article (a CSS selector), besides nav, aside, dialogs and `[data-claimlens-skip]`. */
  exclude?: string;
  /** YYYY-MM-DD: relative dates ("Thursday") are resolved against it. */
  referenceDate?: EngineOptions["referenceDate"];
  /** Extra names by label: `{ PERSON: ["Ada Lovelace"] }`. */
  lexicon?: EngineOptions["lexicon"];
  /**
   * Use another annotator instead of loading the wasm in this page (a Worker, a server you run,
   * a browser extension's service worker). Same contract as `annotate` from `claimlens`.
   */
  annotate?: (text: string, options: EngineOptions | null) => Annotation | Promise<Annotation>;
  /**
   * Where to load the wasm from (default: `pkg/claimlens_bg.size.wasm` next to widget.js, the
   * size-optimised build). Ignored when the page already called `init()` from "claimlens".
   */
  wasm?: InitInput;
  /** Texts longer than this (UTF-16 units, default 50 000) are annotated in chunks, yielding to the page between them. */
  chunkSize?: number;
  onAnnotate?: (event: AnnotateEvent) => void;
  onSelect?: (event: SelectEvent) => void;
  /** Every error: a bad option, a wasm that failed to load, an annotator that threw. Nothing is thrown into the page. */
  onError?: (error: Error) => void;
  onUnmount?: () => void;
}

export interface WidgetHandle {
  /** The annotated element (null when mount() was given nothing it could use). */
  readonly element: Element | null;
  /** Resolves with the first annotation once its marks are in the page (null after an error or unmount). */
  readonly ready: Promise<Annotation | null>;
  /** The annotation shown now. */
  readonly annotation: Annotation | null;
  /** The text it was made from; the annotation's offsets index it. */
  readonly text: string;
  /** Re-annotates now, with `options` merged into the current ones. */
  update(options?: MountOptions): Promise<Annotation | null>;
  /** Outlines and scrolls to a claim ("c3"), an entity mention ("e5") or a cluster's next mention ("k2"). */
  select(id: string): void;
  /** Removes every mark, the panel and the styles: the element's markup is exactly as before. */
  unmount(): void;
}

/** Annotates `target` (an element or a selector) in place. Never throws: errors go to `onError`. */
export function mount(target: Element | string, options?: MountOptions): WidgetHandle;

/** The handle of the widget mounted on `element`, by mount(), a script tag or <claim-lens>. */
export function handleFor(element: Element): WidgetHandle | null;

/** The page's main article: the <article> or <main> with the most text, else the densest block, else <body>. */
export function findArticle(doc?: Document): Element;

/** What is skipped inside an article by default. */
export const DEFAULT_EXCLUDE: string;

/**
 * `<claim-lens for="selector">`: attributes `for`, `types`, `observe`, `reference-date`,
 * `exclude`, `panel="false"`, `floating`; events `claimlens-annotate`, `claimlens-select`,
 * `claimlens-error` (CustomEvent, `detail` as the callbacks receive).
 */
export class ClaimLensElement extends HTMLElement {
  readonly handle: WidgetHandle | null;
}

/** Registers the custom element under `name` (default "claim-lens"; done on import). */
export function defineElement(name?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    "claim-lens": ClaimLensElement;
  }
  interface HTMLElementEventMap {
    "claimlens-annotate": CustomEvent<AnnotateEvent>;
    "claimlens-select": CustomEvent<SelectEvent>;
    "claimlens-error": CustomEvent<Error>;
  }
}
