// npm run measure:widget — what the widget costs a page: the bytes it transfers (gzip), and the
// time to annotate the demo article (www/embed.html) in place in headless Chromium, cold (from
// navigation, wasm included) and warm, plus the longest main-thread task on a long article.
// A measurement to report, not a test: nothing here passes or fails on time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { build } from "./build.mjs";
import { widgetFiles } from "./build-extension.mjs";
import { findChromium, log, main, root } from "./setup.mjs";
import { serve } from "./serve.mjs";

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function sizes() {
  const rows = widgetFiles().map((f) => {
    const bytes = readFileSync(join(root, "www", f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (rs, k) => rs.reduce((n, r) => n + r[k], 0);
  const engine = rows.filter((r) => r.file === "core.js" || r.file.startsWith("pkg/"));
  const widget = rows.filter((r) => !engine.includes(r));
  console.log("\nTransfer (the files a page loads for the widget; gzip -9 each):");
  for (const r of rows) console.log(`  ${r.file.padEnd(24)} ${kb(r.raw).padStart(9)} ${kb(r.gzip).padStart(9)}`);
  console.log(`  ${"widget JS + CSS".padEnd(24)} ${kb(sum(widget, "raw")).padStart(9)} ${kb(sum(widget, "gzip")).padStart(9)}`);
  console.log(`  ${"engine (core, glue, wasm)".padEnd(24)} ${kb(sum(engine, "raw")).padStart(9)} ${kb(sum(engine, "gzip")).padStart(9)}`);
  console.log(`  ${"total".padEnd(24)} ${kb(sum(rows, "raw")).padStart(9)} ${kb(sum(rows, "gzip")).padStart(9)}  (budget 200 KB gzip)`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timings() {
  const { server, url } = await serve({ dir: root, port: 18500 + Math.floor(Math.random() * 400), quiet: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      addEventListener("claimlens-annotate", (e) => {
        window.__first ??= { at: performance.now(), ...e.detail.timings, chars: e.detail.text.length, marks: e.detail.marks };
      }, true);
    });
    await page.goto(`${url}www/embed.html`);
    await page.waitForFunction(() => window.__first);
    const cold = await page.evaluate(() => window.__first);
    const warm = await page.evaluate(async () => {
      const { handleFor, mount } = await import("/www/widget.js");
      const story = document.getElementById("story");
      handleFor(story)?.unmount();
      const runs = [];
      for (let i = 0; i < 15; i++) {
        let t = null;
        const h = mount(story, { onAnnotate: (e) => (t = e.timings) });
        await h.ready;
        runs.push(t);
        h.unmount();
      }
      return runs;
    });
    const m = (k) => median(warm.map((r) => r[k])).toFixed(1);
    console.log(`\nDemo article (www/embed.html): ${cold.chars} characters, ${cold.marks} marks`);
    console.log(`  cold: marks in place ${cold.at.toFixed(0)} ms after navigation start; mount() to marks ${cold.total.toFixed(0)} ms (wasm load + compile included)`);
    console.log(`  warm (median of ${warm.length}): read ${m("read")} ms, annotate ${m("annotate")} ms, wrap ${m("mark")} ms, total ${m("total")} ms`);

    // a long article: 40 copies of the demo's paragraphs
    const long = await page.evaluate(async () => {
      const { mount } = await import("/www/widget.js");
      const story = document.getElementById("story");
      const paragraphs = [...story.querySelectorAll(":scope > p")].map((p) => p.cloneNode(true));
      const box = document.createElement("article");
      for (let i = 0; i < 40; i++) for (const p of paragraphs) box.append(p.cloneNode(true));
      document.body.append(box);
      const tasks = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: "longtask" });
      let info = null;
      const h = mount(box, { panel: false, onAnnotate: (e) => (info = e) });
      await h.ready;
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      h.unmount();
      return { chars: info.text.length, marks: info.marks, chunks: info.chunks, ...info.timings, longest: Math.max(0, ...tasks), longTasks: tasks.length };
    });
    console.log(`\nLong article: ${long.chars} characters, ${long.marks} marks, ${long.chunks} chunks`);
    console.log(`  total ${long.total.toFixed(0)} ms (annotate ${long.annotate.toFixed(0)}, wrap ${long.mark.toFixed(0)}); longest main-thread task ${long.longest.toFixed(0)} ms over ${long.longTasks} tasks > 50 ms`);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

main(async () => {
  await build({ ifStale: true });
  log("measuring the widget");
  sizes();
  await timings();
});
