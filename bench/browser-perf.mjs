// "Annotate + render an article" in headless Chromium, on the paste page itself (its CSS, its
// reading view): used by tests/e2e/perf.test.mjs and by `npm run bench`.
//
// One run, on the page's main thread, from the text to marks laid out:
//   annotate  `annotate(text)` from core.js (wasm + JS objects);
//   render    `renderAnnotation(container, text, annotation)` from render.js (DOM built);
//   layout    style and layout of the new content, forced by reading its size;
//   paint     until the frame after that has run (rAF, then a task): includes waiting for the
//             next frame, so it varies with where in the 16.7 ms frame the run started.
// `total` = annotate + render + layout is the figure against the 30 ms budget; `to_paint` adds the
// wait for the frame. The page's own worker is not in the path (it would add a structured clone
// of the annotation); the container is the page's reading view (#output) when it has one.
import { median } from "./text.mjs";

/**
 * Measures on `page` (already at the paste page's URL): `warmup` unmeasured runs, then `runs`.
 * Returns medians in ms, the runs, and what was rendered (marks, claim elements, characters).
 */
export async function measureRender(page, text, { runs = 15, warmup = 3 } = {}) {
  const raw = await page.evaluate(
    async ({ text, runs, warmup }) => {
      const core = await import(new URL("./core.js", document.baseURI).href);
      const { renderAnnotation } = await import(new URL("./render.js", document.baseURI).href);
      await core.init();
      let container = document.querySelector("#output");
      const own = !container;
      if (own) {
        container = document.createElement("article");
        container.style.whiteSpace = "pre-wrap";
        document.body.append(container);
      }
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out = [];
      for (let i = 0; i < warmup + runs; i++) {
        container.replaceChildren();
        void container.offsetHeight;
        await frame();
        const t0 = performance.now();
        const annotation = core.annotate(text);
        const t1 = performance.now();
        renderAnnotation(container, text, annotation);
        const t2 = performance.now();
        void container.getBoundingClientRect().height;
        void container.lastElementChild?.getBoundingClientRect();
        const t3 = performance.now();
        await frame();
        const t4 = performance.now();
        if (i >= warmup) {
          out.push({ annotate: t1 - t0, render: t2 - t1, layout: t3 - t2, total: t3 - t0, to_paint: t4 - t0 });
        }
      }
      return {
        runs: out,
        container: own ? "a new <article>" : "#output",
        marks: container.querySelectorAll("mark").length,
        claims: new Set([...container.querySelectorAll("[data-claim]")].map((e) => e.dataset.claim)).size,
        text_ok: container.textContent === text,
        chars: text.length,
      };
    },
    { text, runs, warmup },
  );
  const med = (k) => median(raw.runs.map((r) => r[k]));
  return {
    runs: raw.runs.length,
    annotate_ms: med("annotate"),
    render_ms: med("render"),
    layout_ms: med("layout"),
    total_ms: med("total"),
    to_paint_ms: med("to_paint"),
    container: raw.container,
    marks: raw.marks,
    claims: raw.claims,
    text_ok: raw.text_ok,
    chars: raw.chars,
  };
}
