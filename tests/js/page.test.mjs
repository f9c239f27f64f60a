// The page's pure modules in Node: chunking and merging long texts, offsets in exports, CSV and
// Markdown escaping, the precache list and the single-file bundler.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createMerger, splitChunks } from "../../www/chunks.js";
import { codePointMap, toCSV, toJSON, toMarkdown } from "../../www/export.js";
import { readFileSync } from "node:fs";
import { bundle, moduleGraph, pageAssets } from "../../scripts/build-page.mjs";
import { join } from "node:path";
import { root } from "../../scripts/setup.mjs";

const core = await import("../../www/core.js");
await core.init();

const PARAGRAPHS = [
  "Union leader Petra de Vries said that the new contract raises wages by 6% over two years.",
  "Prime Minister Mark Rutte said the deal was fair, according to the finance ministry.",
  "Dockworkers in Rotterdam 👷🏽 returned to work on Monday. Petra de Vries said the strike was over.",
];

test("splitChunks: pieces cover the text, cut at paragraph breaks, never inside a surrogate pair", () => {
  const text = Array.from({ length: 60 }, (_, i) => PARAGRAPHS[i % 3]).join("\n\n");
  const chunks = splitChunks(text, 1000);
  assert.ok(chunks.length > 5);
  assert.equal(chunks.map((c) => c.text).join(""), text);
  let at = 0;
  for (const c of chunks) {
    assert.equal(c.start, at);
    at += c.text.length;
    assert.ok(c.text.length <= 1000);
  }
  for (const c of chunks.slice(0, -1)) assert.ok(c.text.endsWith("\n\n"), JSON.stringify(c.text.slice(-20)));
  // one long line of emoji: cut by size, but not between the halves of a pair
  const emoji = "😀".repeat(3000);
  const pieces = splitChunks(emoji, 1001);
  assert.equal(pieces.map((c) => c.text).join(""), emoji);
  for (const p of pieces) assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p.text));
  assert.deepEqual(splitChunks("short", 1000), [{ start: 0, text: "short" }]);
});

test("merged chunk annotations have whole-text offsets, running ids and merged clusters", () => {
  const text = Array.from({ length: 12 }, (_, i) => PARAGRAPHS[i % 3]).join("\n\n");
  const merger = createMerger();
  let added = { entities: [0, 0], claims: [0, 0] };
  for (const c of splitChunks(text, 400)) {
    const r = merger.add(core.annotate(c.text), c.start);
    assert.equal(r.entities[0], added.entities[1], "index ranges follow on");
    added = r;
  }
  const a = merger.annotation;
  const whole = core.annotate(text);
  // the same mentions as annotating in one go (these paragraphs do not depend on each other)
  assert.deepEqual(a.entities.map((e) => [e.start, e.end, e.label]), whole.entities.map((e) => [e.start, e.end, e.label]));
  a.entities.forEach((e, i) => {
    assert.equal(e.id, i);
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(a.clusters[e.cluster].mentions.includes(e.id));
  });
  a.claims.forEach((c, i) => {
    assert.equal(c.id, i);
    // sentence..=last_sentence hold the claim's content, source and cue, in merged numbering
    const first = a.sentences[c.sentence];
    const last = a.sentences[c.last_sentence];
    for (const part of [c, c.source, c.cue].filter(Boolean)) {
      assert.ok(first.start <= part.start && part.end <= last.end, "claim sentences point into the merged sentences");
    }
    if (c.source) assert.equal(text.slice(c.source.start, c.source.end), c.source.text);
    if (c.source?.cluster != null) assert.ok(a.clusters[c.source.cluster]);
  });
  // one cluster for Petra de Vries across all chunks
  const petra = a.clusters.filter((c) => c.canonical === "Petra de Vries");
  assert.equal(petra.length, 1);
  assert.equal(petra[0].mentions.length, 8);
  for (const b of a.boilerplate) assert.ok(b.end <= text.length);
});

test("codePointMap counts surrogate pairs once, lone surrogates once", () => {
  const text = "a😀b\uD800c👷🏽d";
  const cp = codePointMap(text);
  for (let i = 0; i <= text.length; i++) {
    if (/[\uDC00-\uDFFF]/.test(text[i] ?? "") && /[\uD800-\uDBFF]/.test(text[i - 1] ?? "")) continue; // inside a pair
    assert.equal(cp(i), [...text.slice(0, i)].length, `at ${i}`);
  }
  assert.equal(codePointMap("plain")(3), 3);
});

test("toJSON converts every span to code points", () => {
  const text = `😀 ${PARAGRAPHS[0]}`;
  const out = JSON.parse(toJSON(text, core.annotate(text), { generator: "claimlens test" }));
  const cps = [...text];
  assert.equal(out.offsets, "codepoints");
  for (const e of out.entities) assert.equal(cps.slice(e.start, e.end).join(""), e.text);
  for (const c of out.claims) if (c.source) assert.equal(cps.slice(c.source.start, c.source.end).join(""), c.source.text);
});

const synthetic = (text, spans) => ({
  offsets: "utf16",
  sentences: [{ start: 0, end: text.length, boilerplate: false, checkworthy: 0.9 }],
  entities: spans.map(([start, end, label], id) => ({ id, start, end, label, text: text.slice(start, end), cluster: id })),
  clusters: spans.map(([start, end, label], id) => ({ id, canonical: text.slice(start, end), label, mentions: [id] })),
  claims: [{ id: 0, start: 0, end: text.length, sentence: 0, kind: "statement", hedged: false, anonymous_source: false, negated: false, prediction: false, checkworthy: 0.9 }],
  boilerplate: [],
});

test("CSV quotes cells and defuses spreadsheet formulas", () => {
  const text = '=HYPERLINK("x") and "quoted, text" and -5% and @cmd';
  const a = synthetic(text, [[0, 15, "ORG"], [20, 34, "ORG"], [39, 42, "PERCENT"], [47, 51, "ORG"]]);
  const csv = toCSV(text, a);
  assert.match(csv, /^type,id,claim,label,start,end,text,/);
  assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`), csv);
  assert.ok(csv.includes(`"""quoted, text"""`));
  assert.ok(csv.includes(",-5%,"), "a number keeps its sign");
  assert.ok(csv.includes(",'@cmd,"));
  assert.ok(csv.endsWith("\r\n"));
});

test("Markdown escapes the article's own markup", () => {
  const text = "*Bold* [link](http://x) <b>tag</b> # not a heading";
  const md = toMarkdown(text, synthetic(text, [[0, 6, "ORG"]]), { name: "a_b" });
  assert.match(md, /^# claimlens summary: a\\_b$/m);
  assert.ok(md.includes("\\*Bold\\* \\[link\\](http://x) \\<b\\>tag\\</b\\> \\# not a heading"), md);
});

test("the precache list follows the page's imports; the bundle is one classic script", () => {
  const www = join(root, "www");
  const assets = pageAssets(www);
  for (const a of ["index.html", "app.js", "worker.js", "core.js", "pkg/claimlens.js", "pkg/claimlens_bg.wasm", "style.css", "manifest.webmanifest", "icon-192.png", "sample.js"]) {
    assert.ok(assets.includes(a), a);
  }
  const js = bundle(www, "app.js");
  assert.doesNotMatch(js, /^\s*(import|export)\s/m);
  assert.doesNotMatch(js, /import\.meta/);
  assert.doesNotMatch(js, /<\/script/i);
  assert.match(js, /__modules\["pkg\/claimlens\.js"\]/);
});

test("index.html preloads exactly the modules app.js imports", () => {
  const www = join(root, "www");
  const html = readFileSync(join(www, "index.html"), "utf8");
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  const imported = moduleGraph(www, "app.js").map((m) => m.path).filter((p) => p !== "app.js" && p !== "boot.js").sort();
  assert.deepEqual(preloaded, imported);
  assert.match(html, /<script type="module" async src="boot.js"><\/script>/);
});

test("no page module writes markup from strings (user text enters the DOM as text only)", () => {
  const www = join(root, "www");
  for (const file of pageAssets(www).filter((a) => a.endsWith(".js") && !a.startsWith("pkg/"))) {
    const src = readFileSync(join(www, file), "utf8");
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function/, file);
  }
});
