// Finding the main article of a page that was not written for the widget (the browser
// extension's case): the <article> (or schema.org articleBody) with the most paragraph text,
// else <main>, else the element whose paragraphs hold the most text, else <body>.

const MIN_TEXT = 200; // characters of paragraph text for a candidate to count
const FURNITURE = "nav, aside, footer, [role=navigation], [role=complementary]";

function visible(el) {
  return typeof el.checkVisibility !== "function" || el.checkVisibility();
}

/** Characters of text in the visible paragraphs (and list items, quotes) under `el`. */
function paragraphText(el) {
  let n = 0;
  for (const p of el.querySelectorAll("p, li, blockquote, h2, h3")) {
    const furniture = p.closest(FURNITURE);
    if (furniture && el.contains(furniture)) continue; // a sidebar or menu inside the candidate
    if (visible(p)) n += p.textContent.trim().length;
  }
  return n;
}

function best(candidates) {
  let top = null;
  let topScore = MIN_TEXT - 1;
  for (const el of candidates) {
    if (!visible(el)) continue;
    const score = paragraphText(el);
    if (score > topScore) {
      top = el;
      topScore = score;
    }
  }
  return top;
}

/** The element holding the main article of `doc`; never null (falls back to `doc.body`). */
export function findArticle(doc = document) {
  const tagged = best(doc.querySelectorAll("article, [itemprop~=articleBody], [role=article]"));
  if (tagged) return tagged;
  const main = best(doc.querySelectorAll("main, [role=main]"));
  if (main) return main;
  // the parent of the most paragraph text (each paragraph counts for its parent, half for its
  // grandparent: the readability heuristic)
  const scores = new Map();
  for (const p of doc.querySelectorAll("p")) {
    if (!visible(p)) continue;
    const n = p.textContent.trim().length;
    if (n < 25) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + n);
    const grand = parent.parentElement;
    if (grand && grand !== doc.documentElement) scores.set(grand, (scores.get(grand) ?? 0) + n / 2);
  }
  let top = null;
  let topScore = MIN_TEXT - 1;
  for (const [el, score] of scores) {
    if (score > topScore) {
      top = el;
      topScore = score;
    }
  }
  return top ?? doc.body;
}
