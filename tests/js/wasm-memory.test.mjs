// The wasm gives its memory back after each run: a 1 MB article annotated 100 times grows the
// wasm's linear memory during the first runs (the allocator's high-water mark; wasm memory never
// shrinks) and then not at all. A leak of even a few bytes per entity would show as growth.
import { test } from "node:test";
import assert from "node:assert/strict";
import wasmInit, { packed_len } from "../../www/pkg/claimlens.js";

const core = await import("../../www/core.js");
await core.init();
const { memory } = await wasmInit(); // the instance core.js loaded (wasm-bindgen returns it again)

const ARTICLE = [
  "Union leader Petra de Vries said that the new contract raises wages by 6% over two years.",
  "Prime Minister Mark Rutte said on Tuesday the deal was fair, according to the finance ministry.",
  "“It is a fantasy,” said Lena Brandt, who leads the opposition in Berlin.",
  "The company, Acme Corp., lost $120 million in 2023, officials said.",
  "قال محمد الراشد إن الأسعار ارتفعت 5%. 東京で会議が開かれた。😀 \u200d",
].join(" ");

test("a 1 MB text annotated 100 times: wasm memory stops growing after the first runs", () => {
  const text = ARTICLE.repeat(Math.ceil(1_000_000 / ARTICLE.length)).slice(0, 1_000_000);
  const sizes = [memory.buffer.byteLength];
  let entities = 0;
  for (let i = 0; i < 100; i++) {
    const a = core.annotate(text);
    entities = a.entities.length;
    sizes.push(memory.buffer.byteLength);
  }
  assert.ok(entities > 10_000, `${entities} entities`);
  const MB = (n) => (n / 1048576).toFixed(1);
  const settled = sizes[5];
  const grewAfter = sizes.slice(5).filter((s, i, all) => i > 0 && s > all[i - 1]).length;
  console.log(`wasm memory: ${MB(sizes[0])} MB before, ${MB(sizes[1])} MB after one run, ${MB(settled)} MB after 5, ${MB(sizes[100])} MB after 100`);
  assert.equal(sizes[100], settled, `memory grew from ${MB(settled)} MB (run 5) to ${MB(sizes[100])} MB (run 100), ${grewAfter} times`);
});

test("the packed result is freed after each annotate, and after a bad option", () => {
  // core.js reads the result in the wasm memory in place and then releases it (src/wasm.rs)
  const a = core.annotate(ARTICLE);
  assert.equal(packed_len(), 0);
  assert.throws(() => core.annotate(ARTICLE, { lexikon: {} }), /bad options/);
  assert.equal(packed_len(), 0);
  // the objects are the JS's own: a later call leaves an earlier result as it was
  const before = JSON.stringify(a);
  core.annotate("Ana Sousa said on Thursday that prices rose 5% to $3.2 million.");
  assert.equal(JSON.stringify(a), before);
  assert.ok(a.entities.some((e) => e.value) && a.sentences.every((s) => typeof s.checkworthy === "number"));
});
