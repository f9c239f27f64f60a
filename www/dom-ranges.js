// The text of a live DOM subtree with a map back to its text nodes, and in-place wrapping of
// ranges of that text (the approach of mark.js).
//
// textMap(root) walks the subtree once and concatenates its text nodes into one string, skipping
// elements that hold no prose (script, style, code, form controls, hidden or editable elements,
// and whatever `skip` says). Block boundaries become "\n\n" and <br> "\n" in the string, so
// paragraphs and headings read as separate lines; those separators belong to no node. Inside a
// text node, tabs, newlines and no-break spaces read as plain spaces (one for one, so offsets
// into the node stay offsets into the string).
//
// wrapRanges() wraps ranges of that string by splitting text nodes: a range that crosses <a>,
// <em> or paragraphs becomes one element per text node it touches. Elements are never replaced,
// so the page's listeners on them keep working; the original text node object stays in the
// page as the first piece. unwrap() undoes it: wrappers are replaced by their children and the
// pieces are joined back into the original node, so the markup is exactly what it was.

const SKIP = new Set([
  "script", "style", "noscript", "template", "code", "pre", "kbd", "samp", "var", "textarea",
  "input", "select", "option", "optgroup", "button", "datalist", "output", "meter", "progress",
  "svg", "math", "iframe", "frame", "object", "embed", "canvas", "video", "audio", "picture",
  "img", "map", "head", "title", "meta", "link", "base", "slot", "dialog",
]);

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
  "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

const SPACES = /[\t\n\r\f\u00a0]/g;
const BLANK = /^[\s\u00a0]*$/;

/** True when `el` holds no prose to annotate (by tag, or hidden, or editable). */
function unreadable(el) {
  if (SKIP.has(el.localName)) return true;
  if (el.hidden || el.getAttribute("aria-hidden") === "true" || el.isContentEditable) return true;
  // display:none (or content-visibility:hidden) through CSS; unknown to old browsers, hence the guard
  return typeof el.checkVisibility === "function" && !el.checkVisibility();
}

/**
 * The text under `root` and where each piece of it lives.
 * Returns `{ text, segments }`; each segment is `{ node, start, end, data }`: `text.slice(start,
 * end)` is `node.data` (with whitespace read as spaces), and `data` is the node's content when
 * it was read, so a caller can tell whether the page changed since.
 * `skip(el)` may exclude more elements (with everything under them).
 */
export function textMap(root, { skip } = {}) {
  let text = "";
  const segments = [];
  let pending = ""; // separator owed before the next text: "", " ", "\n" or "\n\n"
  const owe = (sep) => {
    if (sep.length > pending.length) pending = sep;
  };
  const leave = (el) => {
    if (BLOCK.has(el.localName)) owe("\n\n");
  };
  let node = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = node.data;
      // whitespace between blocks is layout, not text; elsewhere it separates words
      if (data.length && !(BLANK.test(data) && (pending.length > 1 || text.length === 0))) {
        if (text.length) text += pending;
        pending = "";
        segments.push({ node, start: text.length, end: text.length + data.length, data });
        text += data.replace(SPACES, " ");
      }
    } else if (node.nodeType === 1) {
      if (node.localName === "br") owe("\n");
      else if (unreadable(node) || skip?.(node)) owe(BLOCK.has(node.localName) ? "\n\n" : " ");
      else {
        if (BLOCK.has(node.localName)) owe("\n\n");
        descend = node.firstChild !== null;
        if (!descend) leave(node);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // next node in document order, leaving (and closing) elements on the way up
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node === root || node === null) {
        node = root;
        break;
      }
      leave(node);
    }
    node = node === root ? null : node.nextSibling;
  }
  return { text, segments };
}

/**
 * True when `root` still reads as `map` did: the same text from the same nodes with the same
 * content (so ranges of `map.text` can be wrapped safely). Walks the subtree again.
 */
export function mapIsCurrent(root, map, options) {
  const now = textMap(root, options);
  return now.text === map.text && now.segments.length === map.segments.length &&
    now.segments.every((s, i) => s.node === map.segments[i].node && s.data === map.segments[i].data);
}

/** Sort order of ranges covering the same piece: outer (lower depth, longer) first. */
function outerFirst(a, b) {
  return a.depth - b.depth || b.end - a.end || a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Wraps `ranges` (`{start, end, depth, key}` in `map.text` offsets; they may nest and overlap) in
 * elements made by `create(range)`. A generator: it yields after each text node it changes, so
 * a caller can spread the work over several tasks. Everything it does is recorded in `record`
 * (`{ splits: [], elements: [] }`), which `unwrap` undoes, also when the work stopped halfway.
 *
 * Where ranges overlap, the lower depth (then the longer) is the outer element, and an inner
 * range that an outer one cuts becomes several elements: they share the range, so `create`
 * gives them the same id.
 */
export function* wrapRanges(map, ranges, create, record) {
  const byStart = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let next = 0;
  let active = [];
  for (const seg of map.segments) {
    while (next < byStart.length && byStart[next].start < seg.end) active.push(byStart[next++]);
    active = active.filter((r) => r.end > seg.start);
    const here = active.filter((r) => r.start < seg.end);
    if (here.length === 0) continue;
    const { node } = seg;
    const length = seg.end - seg.start;
    const cuts = new Set([0, length]);
    for (const r of here) {
      cuts.add(Math.max(0, Math.min(length, r.start - seg.start)));
      cuts.add(Math.max(0, Math.min(length, r.end - seg.start)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    // split from the end so the original node keeps the first piece
    const added = [];
    for (let i = points.length - 2; i > 0; i--) added.unshift(node.splitText(points[i]));
    if (added.length) record.splits.push({ node, added });
    const pieces = [node, ...added];
    let open = []; // [{range, el}], outermost first
    for (let i = 0; i < pieces.length; i++) {
      const a = seg.start + points[i];
      const b = seg.start + points[i + 1];
      const covering = here.filter((r) => r.start <= a && r.end >= b).sort(outerFirst);
      let k = 0;
      while (k < open.length && k < covering.length && open[k].range === covering[k]) k++;
      open = open.slice(0, k);
      const piece = pieces[i];
      if (covering.length === 0) continue; // stays where it is
      let parent = k ? open[k - 1].el : null;
      for (let j = k; j < covering.length; j++) {
        const el = create(covering[j]);
        record.elements.push(el);
        if (parent) parent.appendChild(el);
        else piece.parentNode.insertBefore(el, piece);
        open.push({ range: covering[j], el });
        parent = el;
      }
      parent.appendChild(piece);
    }
    yield;
  }
}

/** Undoes `wrapRanges`: removes the wrappers and joins the split text nodes back together. */
export function unwrap(record) {
  for (const el of record.elements) {
    if (el.parentNode) el.replaceWith(...el.childNodes);
  }
  for (const { node, added } of record.splits) {
    // normally this joins the pieces back into the node's original data; a piece the page moved
    // or removed meanwhile is left where the page put it, and the page's edits are kept
    let joined = node.data;
    for (const piece of added) {
      if (piece.parentNode !== node.parentNode || node.nextSibling !== piece) continue;
      joined += piece.data;
      piece.remove();
    }
    if (node.data !== joined) node.data = joined;
  }
  record.elements.length = 0;
  record.splits.length = 0;
}
