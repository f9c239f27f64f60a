// Exports from the page, as downloads made locally: JSON, W3C Web Annotation, CSV, and the
// Markdown summary on the clipboard. Offsets in exports are code points: the text has emoji.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { newPage, startBrowser } from "./browser.mjs";

const TEXT = `Strike 👷🏽 ends

👍 Union leader Petra de Vries said that the new contract raises wages by 6% over two years. "It is a fair deal," she said.

The stoppage cost the economy €40 million a day, according to the finance ministry. Prime Minister Mark Rutte said the deal was fair.`;

let env;
let page;
let requests;
before(async () => {
  env = await startBrowser();
  ({ page, requests } = await newPage(env.browser));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(env.url);
  await page.fill("#input", TEXT);
  await page.click("#annotate");
  await page.waitForSelector("#output[data-ready]");
});
after(async () => {
  const origin = new URL(env.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:")), []);
  await env?.close();
});

async function exported(button) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  assert.ok(download.url().startsWith("blob:"), "made locally");
  return { name: download.suggestedFilename(), body: readFileSync(await download.path(), "utf8") };
}

const cps = [...TEXT];
const slice = (start, end) => cps.slice(start, end).join("");
/** Code-point offset of a UTF-16 offset in TEXT. */
const cpAt = (i) => [...TEXT.slice(0, i)].length;

/** The marks on the page, in order: [text, label]. */
const pageMarks = () => page.$$eval("#output mark", (ms) => ms.map((m) => [m.textContent, m.dataset.label]));

test("JSON: the annotation with the text; code-point spans match the page's highlights", async () => {
  const { name, body } = await exported("#export-json");
  assert.equal(name, "article.claimlens.json");
  const a = JSON.parse(body);
  assert.equal(a.text, TEXT);
  assert.equal(a.offsets, "codepoints");
  assert.match(a.generator, /^claimlens \d+\.\d+\.\d+/);
  assert.ok(a.entities.length >= 4);
  for (const e of a.entities) assert.equal(slice(e.start, e.end), e.text);
  assert.deepEqual(a.entities.map((e) => [e.text, e.label]), await pageMarks());
  for (const c of a.claims) {
    if (c.source) assert.equal(slice(c.source.start, c.source.end), c.source.text);
    if (c.cue) assert.equal(slice(c.cue.start, c.cue.end), c.cue.text);
  }
  const petra = a.claims.find((c) => c.source?.text === "Petra de Vries");
  assert.equal(slice(petra.start, petra.end), "the new contract raises wages by 6% over two years");
  for (const cl of a.clusters) for (const m of cl.mentions) assert.equal(a.entities[m].cluster, cl.id);
});

test("Web Annotation: selectors re-anchor to the same text", async () => {
  const { name, body } = await exported("#export-anno");
  assert.equal(name, "article.annotations.jsonld");
  const c = JSON.parse(body);
  assert.equal(c["@context"], "http://www.w3.org/ns/anno.jsonld");
  assert.equal(c.type, "AnnotationCollection");
  const items = c.first.items;
  assert.equal(c.total, items.length);
  assert.ok(items.length >= 8);
  const ids = new Set();
  for (const a of items) {
    assert.equal(a.type, "Annotation");
    assert.ok(!ids.has(a.id), "ids are unique");
    ids.add(a.id);
    assert.match(a.target.source, /^urn:sha256:[0-9a-f]{64}$/);
    const quote = a.target.selector.find((s) => s.type === "TextQuoteSelector");
    const pos = a.target.selector.find((s) => s.type === "TextPositionSelector");
    // by position (code points)
    assert.equal(slice(pos.start, pos.end), quote.exact);
    // by quote: prefix + exact + suffix occurs once, at the same place
    const context = quote.prefix + quote.exact + quote.suffix;
    const at = TEXT.indexOf(context);
    assert.ok(at >= 0, `quote ${JSON.stringify(context)} found`);
    assert.equal(TEXT.indexOf(context, at + 1), -1, "and only once");
    assert.equal(cpAt(at + quote.prefix.length), pos.start);
  }
  const entity = items.find((a) => a.id.endsWith("#entity-0"));
  assert.ok(entity.body.some((b) => b.purpose === "tagging" && /^[A-Z]+$/.test(b.value)));
  const claim = items.find((a) => a.body.some((b) => b.value === "claim:reported"));
  assert.ok(claim, "a reported claim is exported");
});

/** A small RFC 4180 parser. */
function parseCSV(s) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ""), i++;
    } else cell += ch;
  }
  return rows;
}

test("CSV: one row per span, code-point offsets", async () => {
  const { name, body } = await exported("#export-csv");
  assert.equal(name, "article.claimlens.csv");
  const [head, ...rows] = parseCSV(body);
  assert.deepEqual(head.slice(0, 7), ["type", "id", "claim", "label", "start", "end", "text"]);
  const col = Object.fromEntries(head.map((h, i) => [h, i]));
  for (const r of rows) assert.equal(slice(Number(r[col.start]), Number(r[col.end])), r[col.text], r.join("|"));
  const entities = rows.filter((r) => r[col.type] === "entity");
  assert.deepEqual(entities.map((r) => [r[col.text], r[col.label]]), await pageMarks());
  const types = new Set(rows.map((r) => r[col.type]));
  for (const t of ["entity", "claim", "source", "cue"]) assert.ok(types.has(t), t);
  // the claim row carries its source's resolved name ("she" → Petra de Vries)
  const she = rows.find((r) => r[col.type] === "source" && r[col.text] === "she");
  if (she) assert.equal(rows.find((r) => r[col.type] === "claim" && r[col.claim] === she[col.claim])[col.source], "Petra de Vries");
});

test("Markdown: a summary on the clipboard", async () => {
  await page.click("#export-md");
  await page.waitForFunction(() => /copied/.test(document.getElementById("status").textContent));
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# claimlens summary/);
  assert.match(md, /## Entities\n\n- \*\*Person:\*\* .*Petra de Vries/);
  assert.match(md, /## Who said what\n\n### Petra de Vries/);
  assert.match(md, /- _said_: “the new contract raises wages by 6% over two years”/);
  assert.match(md, /## Check-worthy statements\n\n1\. \*\*\d\.\d\d\*\*/);
});
