// Annotate + render a 1,000-word article in headless Chromium: reports the time (budget: 30 ms
// from text to marks laid out; see bench/browser-perf.mjs for what is timed). This is a
// measurement, not a speed test: it fails only when the measurement itself breaks (nothing
// rendered, wrong text, no numbers), never because the machine is slow or busy.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { measureRender } from "../../bench/browser-perf.mjs";
import { firstWords } from "../../bench/text.mjs";
import { newPage, startBrowser } from "./browser.mjs";

const BUDGET_MS = 30;

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

test("annotate + render a 1,000-word article (reported, budget 30 ms)", async (t) => {
  const sample = readFileSync(new URL("../../bench/sample.txt", import.meta.url), "utf8");
  const { text, words } = firstWords(sample, 1000);
  assert.equal(words, 1000, "bench/sample.txt must hold at least 1,000 words");
  const { page, errors } = await newPage(env.browser);
  await page.goto(env.url);
  const r = await measureRender(page, text, { runs: 15, warmup: 3 });
  t.diagnostic(
    `1,000 words (${r.chars} chars), median of ${r.runs}: ${r.total_ms.toFixed(1)} ms ` +
      `(annotate ${r.annotate_ms.toFixed(1)}, render ${r.render_ms.toFixed(1)}, layout ${r.layout_ms.toFixed(1)}); ` +
      `${r.to_paint_ms.toFixed(1)} ms to the painted frame; budget ${BUDGET_MS} ms: ` +
      `${r.total_ms <= BUDGET_MS ? "within" : "OVER"}; ${r.marks} marks, ${r.claims} claims in ${r.container}`,
  );
  // The measurement must be real: the article rendered, with marks, and finite timings.
  assert.deepEqual(errors, []);
  assert.ok(r.text_ok, "the reading view must hold exactly the article's text");
  assert.ok(r.marks > 20, `expected the article's entities to be marked, got ${r.marks}`);
  for (const k of ["annotate_ms", "render_ms", "layout_ms", "total_ms", "to_paint_ms"]) {
    assert.ok(Number.isFinite(r[k]) && r[k] >= 0, `${k} = ${r[k]}`);
  }
  assert.ok(r.total_ms > 0 && r.to_paint_ms >= r.total_ms);
});
