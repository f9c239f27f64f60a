// The reading view (#output): the text in blocks of a few KB, cut at line breaks that no highlight
// crosses, with the highlights rendered into each block by render.js. Short texts are rendered at
// once; long ones (over EAGER) start as plain text and each block gets its highlights when it
// comes near the viewport (or when navigation needs it), so a 20 MB text never builds millions of
// elements in one go. Blocks arrive chunk by chunk while a long text is being annotated.
//
// The view also keeps the highlights in reading order ("items": claims and entities) for keyboard
// navigation with a roving tabindex: one highlight is the Tab stop, arrow keys move between them.
import { annotationRanges, claimExtent, drawnClaims, renderRanges } from "./render.js";

const BLOCK = 4096; // target block length, UTF-16 units
const EAGER = 200_000; // texts up to this long are rendered in full at once

export function createView(container, { visible = () => true } = {}) {
  const doc = container.ownerDocument;
  let text = "";
  let blocks = []; // {start, end, el, ranges, done}
  let items = []; // {kind: "e" | "c", id, start, block}
  const index = new Map(); // "e12" / "c3" → item index
  let current = -1;
  let lazy = false;
  let observer = null;
  let lineChars = 80;

  function renderBlock(b) {
    if (b.done) return;
    b.done = true;
    b.el.replaceChildren(renderRanges(doc, text, b.ranges, b.start, b.end));
    b.ranges = null;
    observer?.unobserve(b.el);
    if (current >= 0 && items[current].block === b.i) mark(current);
  }

  function onIntersect(entries) {
    for (const e of entries) if (e.isIntersecting) renderBlock(blocks[Number(e.target.dataset.block)]);
  }

  function addBlock(start, end, ranges, frag) {
    const el = doc.createElement("div");
    el.className = "blk";
    el.dataset.block = String(blocks.length);
    const b = { i: blocks.length, start, end, el, ranges, done: false };
    blocks.push(b);
    if (lazy && blocks.length > 2) {
      el.textContent = text.slice(start, end);
      // a height estimate for the unrendered block (content-visibility: auto skips its layout)
      const lines = text.slice(start, end).split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / lineChars)), 0);
      el.style.containIntrinsicSize = `auto ${lines * 1.8}em`;
      observer.observe(el);
    } else {
      renderBlock(b);
    }
    frag.append(el);
  }

  /** The element of item `i` (its first piece), rendering its block when needed. */
  function element(i) {
    const it = items[i];
    if (!it) return null;
    renderBlock(blocks[it.block]);
    return blocks[it.block].el.querySelector(it.kind === "e" ? `[data-entity="${it.id}"]` : `[data-claim="${it.id}"]`);
  }

  /** Makes item i's element the Tab stop: a button that opens the item's card. */
  function mark(i) {
    const el = element(i);
    if (el) {
      el.tabIndex = 0;
      el.setAttribute("role", "button");
      el.setAttribute("aria-haspopup", "dialog");
    }
    return el;
  }

  return {
    /** Clears the view for a new text. */
    reset(newText) {
      observer?.disconnect();
      text = newText;
      blocks = [];
      items = [];
      index.clear();
      current = -1;
      lazy = text.length > EAGER;
      container.classList.toggle("lazy", lazy);
      container.replaceChildren();
      if (lazy) {
        observer = new IntersectionObserver(onIntersect, { rootMargin: "2000px 0px" });
        const width = container.clientWidth || 800;
        lineChars = Math.max(20, Math.floor(width / (parseFloat(getComputedStyle(container).fontSize) * 0.5)));
      } else {
        observer = null;
      }
    },

    /**
     * Adds the text `[from, to)` with the entities and claims in the index ranges `only` (see
     * annotationRanges) of `annotation`, which all lie inside it.
     */
    append(annotation, only, from, to) {
      const ranges = annotationRanges(annotation, only).sort((a, b) => a.start - b.start);
      const firstBlock = blocks.length;
      const frag = doc.createDocumentFragment();
      let bStart = from;
      let bRanges = [];
      let ri = 0;
      let maxEnd = from;
      let pos = from + BLOCK;
      while (pos < to) {
        let cut = text.indexOf("\n", pos);
        if (cut < 0 || cut >= to || cut - bStart > 4 * BLOCK) {
          // no line break soon: cut a long line at a space
          const space = text.indexOf(" ", pos);
          if (space >= 0 && space < to && (cut < 0 || space < cut)) cut = space;
        }
        if (cut < 0 || cut >= to) break;
        cut += 1;
        while (ri < ranges.length && ranges[ri].start < cut) {
          maxEnd = Math.max(maxEnd, ranges[ri].end);
          bRanges.push(ranges[ri++]);
        }
        if (maxEnd <= cut) {
          addBlock(bStart, cut, bRanges, frag);
          bStart = cut;
          bRanges = [];
          pos = cut + BLOCK;
        } else {
          pos = maxEnd;
        }
      }
      while (ri < ranges.length) bRanges.push(ranges[ri++]);
      addBlock(bStart, to, bRanges, frag);

      // the new items, in reading order (a claim before the entities inside it); not the claims
      // nested too deep to be drawn
      const added = [];
      const [c0, c1] = only.claims;
      for (const i of drawnClaims(annotation.claims, annotation.sentences, c0, c1)) {
        added.push({ kind: "c", id: i, start: claimExtent(annotation.claims[i], annotation.sentences).start });
      }
      const [e0, e1] = only.entities;
      for (let i = e0; i < e1; i++) added.push({ kind: "e", id: i, start: annotation.entities[i].start });
      added.sort((a, b) => a.start - b.start || (a.kind === "c" ? -1 : 1));
      let bi = firstBlock;
      for (const it of added) {
        while (bi + 1 < blocks.length && blocks[bi + 1].start <= it.start) bi++;
        it.block = bi;
        index.set(it.kind + it.id, items.length);
        items.push(it);
      }
      container.append(frag);
      if (current < 0 && items.length) {
        current = 0;
        mark(0);
      }
    },

    get items() {
      return items;
    },
    get current() {
      return current;
    },
    element,

    /** The item index of the highlight at or around DOM node `node`, or -1. */
    itemAt(node) {
      const el = node?.closest?.("[data-entity], [data-claim], [data-of]");
      if (!el || !container.contains(el)) return -1;
      const key = el.dataset.entity !== undefined ? `e${el.dataset.entity}` : `c${el.dataset.claim ?? el.dataset.of}`;
      return index.get(key) ?? -1;
    },

    /** The item index of entity `id` (kind "e") or claim `id` (kind "c"). */
    indexOf(kind, id) {
      return index.get(kind + id) ?? -1;
    },

    /** Makes item `i` the Tab stop; focuses (and scrolls to) it unless `focus` is false. */
    setCurrent(i, focus = true) {
      if (i < 0 || i >= items.length) return null;
      if (current >= 0 && current !== i) {
        const old = element(current);
        for (const attr of ["tabindex", "role", "aria-haspopup"]) old?.removeAttribute(attr);
      }
      current = i;
      const el = mark(i);
      if (el && focus) {
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
      return el;
    },

    /** The next visible item from the current one in direction `dir` (+1 / -1), or -1. */
    step(dir, from = current) {
      for (let i = from + dir; i >= 0 && i < items.length; i += dir) if (visible(items[i])) return i;
      return -1;
    },

    /** The first (dir 1) or last (dir -1) visible item, or -1. */
    edge(dir) {
      return this.step(dir, dir > 0 ? -1 : items.length);
    },

    /** Scrolls to the elements of `keys` ("e3", "c1", ...) and makes them pulse. */
    pulse(keys, { scroll = true } = {}) {
      const els = [];
      for (const key of keys.slice(0, 500)) {
        const i = index.get(key);
        if (i === undefined) continue;
        const first = element(i);
        if (!first) continue;
        const attr = key[0] === "e" ? "data-entity" : "data-claim";
        els.push(...first.closest(".blk").querySelectorAll(`[${attr}="${key.slice(1)}"]`));
      }
      for (const el of els) {
        el.classList.remove("pulse");
        void el.offsetWidth; // restart the animation
        el.classList.add("pulse");
        setTimeout(() => el.classList.remove("pulse"), 2400);
      }
      if (scroll && els[0]) els[0].scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
      return els.length;
    },

    /** The first element matching `selector` in the block holding text offset `offset`. */
    find(offset, selector) {
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (blocks[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      const b = blocks[lo];
      if (!b) return null;
      renderBlock(b);
      return b.el.querySelector(selector);
    },

    /** Renders every block (for tests and printing). */
    renderAll() {
      for (const b of blocks) renderBlock(b);
    },
  };
}
