// The built wasm package in Node: init, annotate, UTF-16 offsets, errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../../scripts/setup.mjs";

const core = await import("../../www/core.js");

test("init() is safe to call twice, concurrently", async () => {
  await Promise.all([core.init(), core.init()]);
  await core.init();
  assert.match(core.version(), /^\d+\.\d+\.\d+/);
});

test("offsets are UTF-16 units: text.slice(start, end) is the span", async () => {
  await core.init();
  const text = "👍🏽 Zoë 😀\r\nMaría Fernández said that Spain’s output grew 2.5% in 2023, according to Eurostat.\r\n";
  const a = core.annotate(text);
  assert.equal(a.offsets, "utf16");
  assert.ok(a.entities.length >= 4);
  for (const e of a.entities) assert.equal(text.slice(e.start, e.end), e.text);
  const maria = a.entities.find((e) => e.text === "María Fernández");
  assert.equal(maria?.label, "PERSON");
  for (const c of a.claims) {
    assert.ok(c.start < c.end && c.end <= text.length);
    if (c.source) assert.equal(text.slice(c.source.start, c.source.end), c.source.text);
    if (c.cue) assert.equal(text.slice(c.cue.start, c.cue.end), c.cue.text);
  }
  for (const s of a.sentences) assert.ok(!/^\s|\s$/.test(text.slice(s.start, s.end)));
});

test("a lone surrogate keeps offsets aligned", async () => {
  await core.init();
  const text = "\uD83D broken. Ana Sousa said that it rained.";
  const a = core.annotate(text);
  const ana = a.entities.find((e) => e.label === "PERSON");
  assert.equal(text.slice(ana.start, ana.end), "Ana Sousa");
});

test("user lexicon and bad options", async () => {
  await core.init();
  const a = core.annotate("We met Zebra Works today.", { lexicon: { ORG: ["Zebra Works"] } });
  assert.deepEqual(a.entities.map((e) => [e.text, e.label]), [["Zebra Works", "ORG"], ["today", "DATE"]]);
  assert.throws(() => core.annotate("x", { lexicon: { NOPE: ["x"] } }), /unknown label "NOPE"/);
  assert.throws(() => core.annotate("x", { referenceDate: "yesterday" }), /referenceDate/);
  assert.throws(() => core.annotate(42), TypeError);
});

test("initSync from bytes in a fresh module instance", async () => {
  const fresh = await import(`../../www/core.js?fresh=${Date.now()}`);
  // a new URL gives a new module record, but the generated pkg module is shared: it is already
  // initialised, so initSync must be a no-op rather than an error
  fresh.initSync(readFileSync(new URL("../../www/pkg/claimlens_bg.wasm", import.meta.url)));
  assert.ok(fresh.annotate("Ana Sousa spoke.").entities.length === 1);
});

test("empty and whitespace input", async () => {
  await core.init();
  for (const t of ["", " ", "\n\n\r\n", "\u200b"]) {
    const a = core.annotate(t);
    assert.deepEqual(a.entities, []);
    assert.deepEqual(a.claims, []);
  }
});

test("the objects are the annotation's JSON, field for field and in order (the CLI's, in UTF-16)", async () => {
  await core.init();
  // the core's own JSON: the CLI with UTF-16 offsets (built by cargo; up to date after `npm test -- rust`)
  const built = spawnSync("cargo", ["build", "--quiet", "--locked", "--bin", "claimlens"], { cwd: root, stdio: "inherit" });
  assert.equal(built.status, 0, "cargo build --bin claimlens failed");
  const cli = join(root, "target", "debug", process.platform === "win32" ? "claimlens.exe" : "claimlens");
  const texts = [
    readFileSync(join(root, "bench", "sample.txt"), "utf8"),
    "👍🏽 Zoë 😀\r\nMaría Fernández said that Spain’s output grew 2.5% in 2023, according to Eurostat. " +
      "Zürich mayor Corine Mauch said €3.2 million bought between 5 and 7 miles of road in the 1990s, at 9:30 a.m. " +
      "on 3 March 2024. \"We will probably win,\" she said. Officials, who spoke on condition of anonymity, denied it.",
    "",
  ];
  for (const text of texts) {
    const r = spawnSync(cli, ["--offsets", "utf16", "-"], { input: text, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const a = core.annotate(text);
    assert.equal(JSON.stringify(a), JSON.stringify(JSON.parse(r.stdout)));
    const dated = spawnSync(cli, ["--offsets", "utf16", "--reference-date", "2024-03-07", "-"], { input: text, encoding: "utf8" });
    assert.equal(dated.status, 0, dated.stderr);
    assert.equal(JSON.stringify(core.annotate(text, { referenceDate: "2024-03-07" })), JSON.stringify(JSON.parse(dated.stdout)));
  }
});

test("bad options say what is wrong", async () => {
  await core.init();
  assert.throws(() => core.annotate("x", { lexikon: {} }), /unknown field `lexikon`/);
  assert.throws(() => core.annotate("x", { referenceDate: 20240307 }), /referenceDate must be a string/);
  assert.throws(() => core.annotate("x", { lexicon: { ORG: "Acme" } }), /lexicon.ORG must be an array of strings/);
  assert.throws(() => core.annotate("x", "2024-03-07"), /expected an object/);
  assert.equal(core.annotate("x", { referenceDate: undefined, lexicon: undefined }).offsets, "utf16");
});
