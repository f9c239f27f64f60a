// The wasm in Node on hostile input: the pathological texts that matter most for the page (a
// megabyte without a space, 100,000 one-word sentences, 10,000 nested quotes, NUL bytes, CRLF,
// mixed scripts) and seeded random strings with what only JS strings can hold: lone surrogates.
// Every annotation keeps the invariants of ./invariants.mjs in UTF-16 offsets. (The Rust side of
// all this, with more cases, is tests/pathological.rs and tests/properties.rs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "./invariants.mjs";

const core = await import("../../www/core.js");
await core.init();

function annotateChecked(text, what) {
  const a = core.annotate(text);
  const broken = check(text, a);
  assert.equal(broken, null, `${what}: ${broken}`);
  return a;
}

/** xorshift32, so a failing seed can be replayed with SEED=… */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

test("pathological texts through the wasm: spans valid, no text lost, what each should find", () => {
  const rand = rng(7);
  const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const blob = Array.from({ length: 1 << 20 }, () => b64[Math.floor(rand() * 64)]).join("");
  let a = annotateChecked(blob, "1 MiB base64");
  assert.equal(a.sentences.length, 1);

  const words = ["Yes.", "Mexico.", "Today.", "5.", "Why?", "NATO!", "Stop.", "Fine."];
  const oneWord = Array.from({ length: 100_000 }, (_, i) => words[i % words.length]).join(" ");
  a = annotateChecked(oneWord, "100,000 one-word sentences");
  assert.equal(a.sentences.length, 100_000);
  assert.deepEqual(a.clusters.map((c) => [c.canonical, c.mentions.length]), [["Mexico", 12_500], ["Today", 12_500], ["5", 12_500], ["North Atlantic Treaty Organization", 12_500]]);

  const nested = "“‘".repeat(2500) + "Ana Sousa said that it rained" + "’”".repeat(2500);
  a = annotateChecked(nested, "10,000 nested quotes");
  assert.deepEqual(a.entities.map((e) => e.text), ["Ana Sousa"]);
  const speech = "He said “".repeat(10_000) + "it rained" + "”".repeat(10_000);
  a = annotateChecked(speech, "speech nested 10,000 deep");
  assert.ok(a.claims.length >= 1 && a.claims.every((c) => c.source?.text === "He"));

  const article = "Union leader Petra de Vries said that wages rise by 6%.\nMark Rutte said the deal was fair.\n\n";
  const lf = core.annotate(article.repeat(100));
  for (const [name, text] of [["CRLF", article.replaceAll("\n", "\r\n").repeat(100)], ["NUL", article.replaceAll("\n", "\0\n").repeat(100)]]) {
    a = annotateChecked(text, name);
    assert.deepEqual(a.entities.map((e) => [e.text, e.label]), lf.entities.map((e) => [e.text, e.label]), name);
    assert.deepEqual(a.claims.map((c) => text.slice(c.start, c.end)), lf.claims.map((c) => article.repeat(100).slice(c.start, c.end)), name);
  }
  annotateChecked("\0".repeat(1 << 20), "1 MiB of NUL");
  annotateChecked(".,;:!?\"“”‘’()—…".repeat(50_000), "only punctuation");

  const mixed = "قال محمد الراشد إن الأسعار ارتفعت. Mohammed al-Rashid said prices rose 5%. שלום עולם. Dr. Yael Cohen said that \u202Bירושלים\u202C was calm. 😀\u200D👍🏽 ";
  a = annotateChecked(mixed.repeat(2000), "mixed scripts");
  assert.deepEqual(a.entities.slice(0, 3).map((e) => [e.text, e.label]), [["Mohammed al-Rashid", "PERSON"], ["5%", "PERCENT"], ["Yael Cohen", "PERSON"]]);
});

test("lone surrogates anywhere keep offsets aligned with the caller's string (seeded)", () => {
  const pieces = [
    "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D", "\uDE00", "😀", "👍🏽", "👨\u200D👩\u200D👧", "🇲🇽", "e\u0301", "\u200D", "\uFEFF",
    "Ana Sousa", "said", "that", "Mark Rutte", "12%", "$5bn", "2024", "Mexico", "“", "”", "\"", "'s", "’s", ".", ",", ":", "—",
    " ", " ", " ", "\n", "\r\n", "\n\n", "\0", "\uFFFD", "مرحبا", "שלום", "\u202E",
  ];
  const seed = Number(process.env.SEED ?? Date.now() % 100_000);
  const rand = rng(seed);
  for (let n = 0; n < 300; n++) {
    const len = Math.floor(rand() * 120);
    let text = "";
    for (let i = 0; i < len; i++) text += pieces[Math.floor(rand() * pieces.length)];
    annotateChecked(text, `SEED=${seed} case ${n} ${JSON.stringify(text)}`);
  }
});
