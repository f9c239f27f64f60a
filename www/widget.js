// The claimlens widget: annotates an article in place, in any page.
//
//   <script type="module" src="widget.js" data-target="article"></script>       no other code
//   <claim-lens for="article"></claim-lens>                                      declarative
//   import { mount } from "claimlens/widget"; const h = mount(el, { ... });      programmatic
//
// mount() reads the element's text through a map to its text nodes (dom-ranges.js), annotates
// it (in chunks for long texts, yielding to the page), and wraps each entity and claim part in
// <claimlens-mark> elements that carry only data-claimlens-* attributes. The panel lives in a
// shadow root. unmount() removes every mark and joins the text nodes back, so the element's
// markup is exactly what it was. Nothing here reads a string from the page as code: selectors go
// to querySelector, colours to style.setProperty, text to text nodes.
//
// Errors never reach the page as exceptions: they go to `onError` (or console.warn), and the
// promises returned here resolve with null instead of rejecting.

import { mapIsCurrent, textMap, unwrap, wrapRanges } from "./dom-ranges.js";
import { pause } from "./chunks.js";
import { annotateInChunks, widgetWasm } from "./widget-annotate.js";
import { findArticle } from "./widget-article.js";
import { mountSheet, releaseMarks, useMarks } from "./widget-styles.js";
import { createPanel } from "./widget-ui.js";
import { claimFlags, drawnClaims, LABELS, strength } from "./spans.js";

export { findArticle };

const TYPES = [...LABELS.map(([label]) => label), "claims"];
const LABEL_NAME = Object.fromEntries(LABELS);
const KIND = { quote: "Quote", reported: "Reported claim", according: "Claim (according to)", sourceless: "Unattributed claim", statement: "Check-worthy statement" };
/** Page furniture skipped inside an article unless `exclude` says otherwise. */
export const DEFAULT_EXCLUDE = "nav, aside, [role=navigation], [role=complementary], [role=dialog], [aria-modal=true], [data-claimlens-skip]";
const OWN_UI = new Set(["claimlens-panel", "claim-lens"]);
const CHURN_LIMIT = 8; // re-annotations caused by page changes within CHURN_WINDOW ms
const CHURN_WINDOW = 10000;

const handles = new WeakMap(); // element -> handle

/** The handle of the widget mounted on `element` (by any means), or null. */
export function handleFor(element) {
  return handles.get(element) ?? null;
}

/** Calls a host callback; what it throws is logged, never rethrown into our own flow. */
function call(fn, ...args) {
  if (typeof fn !== "function") return;
  try {
    fn(...args);
  } catch (e) {
    console.warn("claimlens: a callback threw:", e);
  }
}

function asError(e) {
  return e instanceof Error ? e : new Error(String(e?.message ?? e));
}

/** `types` option → Set of known types; unknown names are reported and ignored. */
function typeSet(types, report) {
  if (types === undefined || types === null) return new Set(TYPES);
  const out = new Set();
  for (const t of Array.isArray(types) ? types : String(types).split(/[\s,]+/)) {
    if (!t) continue;
    const name = /^claims?$/i.test(t) ? "claims" : String(t).toUpperCase();
    if (TYPES.includes(name)) out.add(name);
    else report(new Error(`claimlens: unknown type "${t}" (known: ${TYPES.join(", ")})`));
  }
  return out;
}

const inert = (element) => ({
  element,
  ready: Promise.resolve(null),
  annotation: null,
  text: "",
  update: () => Promise.resolve(null),
  select() {},
  unmount() {},
});

/**
 * Annotates `target` (an element, or a selector for one) in place and returns a handle:
 * `{ element, ready, annotation, text, update(options?), select(id), unmount() }`.
 * Options are described in widget.d.ts.
 */
export function mount(target, options = {}) {
  const opts = { ...options };
  const report = (e) => {
    const error = asError(e);
    if (typeof opts.onError === "function") call(opts.onError, error);
    else console.warn(error.message);
  };
  let element = target;
  try {
    if (typeof target === "string") element = globalThis.document?.querySelector(target);
  } catch (e) {
    report(e);
    return inert(null);
  }
  if (!element || element.nodeType !== 1) {
    report(new TypeError("claimlens: mount() needs an element, or a selector that matches one"));
    return inert(null);
  }
  handles.get(element)?.unmount();

  const doc = element.ownerDocument;
  const id = Math.random().toString(36).slice(2, 10); // unique per mount, also across copies of this module
  let types;
  let skip;
  let sheet;
  let panel = null;
  let record = null; // what the current marks changed (dom-ranges record)
  let last = null; // {text, key, annotation}
  const marksById = new Map(); // "e4" / "c2" -> [elements]
  let hovered = []; // the marks lit up under the pointer
  let generation = 0;
  let unmounted = false;
  let observer = null;
  let timer = 0;
  let retries = 0;
  let churn = [];
  const cursor = new Map(); // cluster id -> index of the mention shown last
  /** Wraps what the page's events call into us: an error goes to onError, not to the page. */
  const guard = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      report(e);
    }
  };

  function configure() {
    types = typeSet(opts.types, report);
    const exclude = [DEFAULT_EXCLUDE, opts.exclude].filter(Boolean).join(", ");
    let selector = exclude;
    try {
      element.matches(selector);
    } catch {
      report(new SyntaxError(`claimlens: exclude is not a valid selector: ${opts.exclude}`));
      selector = DEFAULT_EXCLUDE;
    }
    skip = (el) => OWN_UI.has(el.localName) || el.matches(selector);
    sheet?.detach();
    sheet = mountSheet(id, opts.colors);
    sheet.attach(doc);
    panel?.remove();
    panel = null;
    if (opts.panel !== false) {
      const given = opts.panel && typeof opts.panel === "object" && typeof opts.panel.append === "function" ? opts.panel : null;
      panel = createPanel(given ?? doc.body ?? doc.documentElement, {
        floating: !given,
        closable: !!opts.closable,
        labels: LABELS.filter(([label]) => types.has(label)),
        claims: types.has("claims"),
        onPick: guard(pick),
        onToggle: guard((type, shown) => sheet.hide(type, !shown)),
        onClose: guard(() => handle.unmount()),
      });
      sheet.attach(panel.shadow);
      if (last) panel.render(last.annotation, last.text, { counts: counts(last.annotation) });
    }
    if (opts.observe && !observer) {
      observer = new MutationObserver(guard(changed));
      observer.observe(element, { childList: true, characterData: true, subtree: true });
    } else if (!opts.observe && observer) {
      observer.disconnect();
      observer = null;
    }
  }

  /** Runs `fn`, then drops the mutation records it caused, so our own changes never re-trigger us. */
  function quiet(fn) {
    try {
      return fn();
    } finally {
      observer?.takeRecords();
    }
  }

  function restore() {
    if (record) quiet(() => unwrap(record));
    record = null;
    marksById.clear();
    hovered = [];
  }

  let engine = null;
  function getEngine() {
    if (typeof opts.annotate === "function") return opts.annotate;
    engine ??= import("./core.js").then(async (core) => {
      await core.init(opts.wasm ?? widgetWasm());
      return core.annotate;
    });
    engine.catch(() => {
      engine = null; // a later update() may retry
    });
    return engine;
  }

  function engineOptions() {
    const o = {};
    if (opts.referenceDate) o.referenceDate = opts.referenceDate;
    if (opts.lexicon) o.lexicon = opts.lexicon;
    return Object.keys(o).length ? o : null;
  }

  function counts(annotation) {
    const n = { claims: annotation.claims.length };
    for (const e of annotation.entities) n[e.label] = (n[e.label] ?? 0) + 1;
    return n;
  }

  function ranges(annotation) {
    const out = [];
    if (types.has("claims")) {
      const drawn = drawnClaims(annotation.claims, annotation.sentences);
      for (const c of annotation.claims) {
        if (!drawn.has(c.id)) continue;
        for (const [part, span] of [["content", c], ["source", c.source], ["cue", c.cue]]) {
          if (span && span.end > span.start) out.push({ start: span.start, end: span.end, depth: 0, key: `c${c.id}${part}`, id: `c${c.id}`, part, claim: c });
        }
      }
    }
    for (const e of annotation.entities) {
      if (types.has(e.label)) out.push({ start: e.start, end: e.end, depth: 1, key: `e${e.id}`, id: `e${e.id}`, entity: e });
    }
    return out;
  }

  function createMark(range, annotation) {
    const el = doc.createElement("claimlens-mark");
    el.setAttribute("data-claimlens", id);
    el.setAttribute("data-claimlens-id", range.id);
    const { entity: e, claim: c } = range;
    if (e) {
      el.setAttribute("data-claimlens-label", e.label);
      const cluster = annotation.clusters[e.cluster];
      const also = cluster && cluster.canonical !== e.text ? ` (${cluster.canonical})` : "";
      el.setAttribute("title", `${LABEL_NAME[e.label] ?? e.label}${also}${e.role ? `, ${e.role}` : ""}`);
    } else {
      el.setAttribute("data-claimlens-part", range.part);
      el.setAttribute("data-claimlens-kind", c.kind);
      el.setAttribute("data-claimlens-checkworthy", strength(c.checkworthy) || "low");
      if (c.hedged) el.setAttribute("data-claimlens-hedged", "");
      if (c.anonymous_source) el.setAttribute("data-claimlens-anonymous", "");
      if (c.negated) el.setAttribute("data-claimlens-negated", "");
      if (c.prediction) el.setAttribute("data-claimlens-prediction", "");
      if (range.part === "content") {
        const by = c.source ? ` by ${c.source.text}` : "";
        const flags = claimFlags(c);
        el.setAttribute("title", `${KIND[c.kind] ?? c.kind}${by}; check-worthy ${c.checkworthy.toFixed(2)}${flags.length ? `; ${flags.join(", ")}` : ""}`);
      }
    }
    const list = marksById.get(range.id);
    if (list) list.push(el);
    else marksById.set(range.id, [el]);
    return el;
  }

  /** Outlines the marks of `markId` and scrolls the first into view. */
  function focusMarks(markId) {
    for (const el of doc.querySelectorAll(`claimlens-mark[data-claimlens="${id}"][data-claimlens-focus]`)) el.removeAttribute("data-claimlens-focus");
    const els = marksById.get(markId) ?? [];
    for (const el of els) el.setAttribute("data-claimlens-focus", "");
    const calm = globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    els[0]?.scrollIntoView({ block: "center", behavior: calm ? "auto" : "smooth" });
    return els.length > 0;
  }

  /** A card was chosen in the panel. */
  function pick(item) {
    if (item.type === "claim") focusMarks(item.id);
    else {
      // a cluster: each pick shows its next mention
      const mentions = item.cluster.mentions.filter((m) => marksById.has(`e${m}`));
      if (mentions.length) {
        const i = ((cursor.get(item.cluster.id) ?? -1) + 1) % mentions.length;
        cursor.set(item.cluster.id, i);
        focusMarks(`e${mentions[i]}`);
      }
    }
    call(opts.onSelect, item);
  }

  /** A mark was clicked in the article (links inside marks still work: nothing is prevented). */
  function clicked(event) {
    const mark = event.target?.closest?.(`claimlens-mark[data-claimlens="${id}"]`);
    if (!mark || !last) return;
    handle.select(mark.getAttribute("data-claimlens-id"));
  }

  /** Pointer over a mark: every piece of the same entity or claim lights up with it. */
  function hovering(event) {
    const mark = event.type === "pointerover" ? event.target?.closest?.(`claimlens-mark[data-claimlens="${id}"]`) : null;
    const els = mark ? marksById.get(mark.getAttribute("data-claimlens-id")) ?? [] : [];
    if (els === hovered) return;
    for (const el of hovered) el.removeAttribute("data-claimlens-hover");
    for (const el of els) el.setAttribute("data-claimlens-hover", "");
    hovered = els;
  }
  const listeners = [["click", guard(clicked)], ["pointerover", guard(hovering)], ["pointerout", guard(hovering)]];

  async function run() {
    const gen = ++generation;
    const stale = () => gen !== generation || unmounted;
    const t0 = performance.now();
    try {
      panel?.status("Annotating…");
      restore();
      const map = textMap(element, { skip });
      const t1 = performance.now();
      const engineOpts = engineOptions();
      const key = JSON.stringify(engineOpts);
      let annotation;
      let chunks = 1;
      if (last && last.text === map.text && last.key === key) annotation = last.annotation;
      else {
        const annotate = await getEngine();
        if (stale()) return null;
        const result = await annotateInChunks(map.text, annotate, engineOpts, { chunkSize: opts.chunkSize, isStale: stale });
        if (!result || stale()) return null;
        ({ annotation, chunks } = result);
      }
      const t2 = performance.now();
      if (!mapIsCurrent(element, map, { skip })) {
        // the page changed the article while it was being annotated: read it again
        if (++retries > 3) throw new Error("claimlens: the article kept changing while it was annotated");
        return run();
      }
      retries = 0;
      last = { text: map.text, key, annotation };
      record = { splits: [], elements: [] };
      const steps = wrapRanges(map, ranges(annotation), (r) => createMark(r, annotation), record);
      for (let done = false; !done;) {
        const deadline = performance.now() + 10;
        quiet(() => {
          while (!(done = steps.next().done) && performance.now() < deadline);
        });
        if (!done) {
          await pause(); // let the page run (input, paint)
          if (stale()) return null; // whoever made us stale has undone or will undo the marks
        }
      }
      const t3 = performance.now();
      const n = counts(annotation);
      const entities = annotation.entities.filter((e) => types.has(e.label)).length;
      panel?.render(annotation, map.text, { counts: n });
      panel?.status(`${entities} names · ${annotation.claims.length} claims · ${Math.round(t3 - t0)} ms`);
      call(opts.onAnnotate, {
        annotation,
        text: map.text,
        marks: record.elements.length,
        chunks,
        timings: { read: t1 - t0, annotate: t2 - t1, mark: t3 - t2, total: t3 - t0 },
      });
      return annotation;
    } catch (e) {
      if (stale()) return null;
      report(e);
      panel?.status(asError(e).message.replace(/^claimlens: /, ""), { error: true });
      return null;
    }
  }

  function changed() {
    clearTimeout(timer);
    const wait = typeof opts.observe === "object" && opts.observe.debounce >= 0 ? opts.observe.debounce : 400;
    timer = setTimeout(guard(() => {
      if (unmounted) return;
      // the same words with every mark still in place: nothing to redo (whitespace is compared
      // loosely: a blank piece the marks split off reads differently at the start of a block)
      const words = (t) => t.replace(/\s+/g, " ").trim();
      if (last && record?.elements.every((el) => element.contains(el)) && words(textMap(element, { skip }).text) === words(last.text)) return;
      const now = Date.now();
      churn = churn.filter((t) => now - t < CHURN_WINDOW);
      churn.push(now);
      if (churn.length > CHURN_LIMIT) {
        observer?.disconnect();
        observer = null;
        report(new Error("claimlens: the article keeps changing; live re-annotation is paused (call update() to annotate again)"));
        return;
      }
      run();
    }), wait);
  }

  const handle = {
    element,
    ready: null,
    get annotation() {
      return last?.annotation ?? null;
    },
    get text() {
      return last?.text ?? "";
    },
    /** Re-annotates now, with `options` merged into the current ones. */
    update(more) {
      if (unmounted) return Promise.resolve(null);
      try {
        if (more && typeof more === "object") {
          Object.assign(opts, more);
          configure();
        }
      } catch (e) {
        report(e);
        return Promise.resolve(null);
      }
      return run();
    },
    /** Shows a claim ("c3"), an entity mention ("e5") or a cluster ("k2") in the page and the panel. */
    select: guard((markId) => {
      if (unmounted || !last || typeof markId !== "string") return;
      let item = null;
      let card = markId;
      const n = Number(markId.slice(1));
      if (markId[0] === "c") item = { type: "claim", id: markId, claim: last.annotation.claims[n] };
      else if (markId[0] === "e") {
        const entity = last.annotation.entities[n];
        const cluster = entity && last.annotation.clusters[entity.cluster];
        if (cluster) {
          card = `k${cluster.id}`;
          cursor.set(cluster.id, cluster.mentions.filter((m) => marksById.has(`e${m}`)).indexOf(n));
        }
        item = { type: "entity", id: markId, entity, cluster };
      } else if (markId[0] === "k") {
        const cluster = last.annotation.clusters[n];
        if (cluster) pick({ type: "cluster", id: markId, cluster });
        panel?.select(markId);
        return;
      }
      if (!item || !(item.claim || item.entity)) return;
      focusMarks(markId);
      panel?.select(card);
      call(opts.onSelect, item);
    }),
    /** Removes every mark, the panel and the styles; the element's markup is as it was. */
    unmount() {
      if (unmounted) return;
      unmounted = true;
      generation++;
      clearTimeout(timer);
      observer?.disconnect();
      observer = null;
      try {
        restore();
        for (const [type, fn] of listeners) element.removeEventListener(type, fn);
        panel?.remove();
        sheet?.detach();
        releaseMarks(doc);
      } catch (e) {
        report(e);
      }
      if (handles.get(element) === handle) handles.delete(element);
      call(opts.onUnmount);
    },
  };

  try {
    useMarks(doc);
    configure();
    for (const [type, fn] of listeners) element.addEventListener(type, fn);
  } catch (e) {
    report(e);
    handle.unmount();
    return inert(element);
  }
  handles.set(element, handle);
  handle.ready = run();
  return handle;
}

/** Options read from attributes (`types`, `observe`, `reference-date`, `exclude`, `panel`). */
function attributeOptions(get) {
  const o = {};
  const types = get("types");
  if (types) o.types = types;
  const observe = get("observe");
  if (observe !== null && observe !== "false") o.observe = true;
  const date = get("reference-date");
  if (date) o.referenceDate = date;
  const exclude = get("exclude");
  if (exclude) o.exclude = exclude;
  if (get("panel") === "false") o.panel = false;
  return o;
}

function emit(target, type, detail) {
  target.dispatchEvent(new CustomEvent(type, { detail }));
}

/** Options that report to `target` through `claimlens-annotate`, `-select` and `-error` events. */
function eventOptions(target) {
  return {
    onAnnotate: (d) => emit(target, "claimlens-annotate", d),
    onSelect: (d) => emit(target, "claimlens-select", d),
    onError: (e) => {
      console.warn(e.message);
      emit(target, "claimlens-error", e);
    },
  };
}

const Base = globalThis.HTMLElement ?? class {};

/**
 * `<claim-lens for="article">`: annotates the element the `for` selector names (or the page's
 * main article when there is no `for`) and shows the panel where it stands (or floating, with
 * the `floating` attribute). Attributes: `types`, `observe`, `reference-date`, `exclude`,
 * `panel="false"`. Events: `claimlens-annotate`, `claimlens-select`, `claimlens-error`.
 */
export class ClaimLensElement extends Base {
  static observedAttributes = ["for", "types", "observe", "reference-date", "exclude", "panel", "floating"];
  #handle = null;

  /** The mount handle while connected, else null. */
  get handle() {
    return this.#handle;
  }

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  attributeChangedCallback() {
    if (!this.#handle) return;
    this.#handle.unmount();
    this.#handle = null;
    this.#start();
  }

  #start() {
    if (!this.isConnected || this.#handle) return;
    const doc = this.ownerDocument;
    const selector = this.getAttribute("for");
    let target = null;
    try {
      target = selector ? doc.querySelector(selector) : findArticle(doc);
    } catch (e) {
      emit(this, "claimlens-error", asError(e));
      return;
    }
    if (!target && doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", () => this.#start(), { once: true });
      return;
    }
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    this.#handle = mount(target, {
      ...attributeOptions((name) => this.getAttribute(name)),
      ...eventOptions(this),
      panel: this.getAttribute("panel") === "false" ? false : this.hasAttribute("floating") || shadow,
    });
  }
}

/** Registers `<claim-lens>` (done on import where custom elements exist; safe to call again). */
export function defineElement(name = "claim-lens") {
  const registry = globalThis.customElements;
  if (registry && !registry.get(name)) registry.define(name, name === "claim-lens" ? ClaimLensElement : class extends ClaimLensElement {});
}

/** `<script type="module" src=".../widget.js" data-target="article">`: mounts on that element. */
function mountFromScriptTags() {
  const doc = globalThis.document;
  if (!doc?.querySelectorAll) return;
  const here = import.meta.url.split("#")[0];
  for (const script of doc.querySelectorAll("script[data-target]")) {
    if (script.src.split("#")[0] !== here || handles.has(script)) continue;
    handles.set(script, null); // once per script element
    const go = () => {
      const options = { ...attributeOptions((name) => script.getAttribute(`data-${name}`)), ...eventOptions(script) };
      mount(script.getAttribute("data-target"), options);
    };
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", go, { once: true });
    else go();
  }
}

try {
  defineElement();
  mountFromScriptTags();
} catch (e) {
  console.warn("claimlens:", e);
}
