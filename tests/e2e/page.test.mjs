// The paste page in headless Chromium: paste an article, see marks and claims; pasted HTML stays text.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { newPage, startBrowser } from "./browser.mjs";

const ARTICLE = `Port strike ends after ten days

Dockworkers in Rotterdam returned to work on Monday after a ten-day strike. Union leader Petra de Vries said that the new contract raises wages by 6% over two years.

The Dutch government had warned that the stoppage cost the economy €40 million a day, according to the finance ministry. Prime Minister Mark Rutte said the deal was fair.`;

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

async function annotate(page, text) {
  await page.fill("#input", text);
  await page.click("#annotate");
  await page.waitForSelector("#output[data-ready]");
}

test("pasting an article highlights people, places and claims", async () => {
  const { page, requests, errors } = await newPage(env.browser);
  await page.goto(env.url);
  await annotate(page, ARTICLE);
  const marks = await page.$$eval("#output mark", (ms) => ms.map((m) => [m.textContent, m.dataset.label]));
  assert.ok(marks.some(([t, l]) => t === "Petra de Vries" && l === "PERSON"), JSON.stringify(marks));
  assert.ok(marks.some(([t, l]) => t === "Mark Rutte" && l === "PERSON"));
  assert.ok(marks.some(([t, l]) => t === "Rotterdam" && l === "PLACE") || marks.some(([t]) => t === "Rotterdam"));
  assert.ok(marks.some(([t, l]) => t === "6%" && l === "PERCENT"));
  // the reading view holds exactly the text that was pasted
  assert.equal(await page.textContent("#output"), ARTICLE);
  // a claim may be rendered in several pieces; join the pieces of each part by claim id
  const claims = await page.$$eval("#output [data-claim]", (cs) => {
    const byId = new Map();
    for (const c of cs) {
      const claim = byId.get(c.dataset.claim) ?? { source: "", cue: "", content: "" };
      for (const part of ["source", "cue", "content"]) {
        for (const p of c.querySelectorAll(`[data-part="${part}"]`)) claim[part] += p.textContent;
      }
      byId.set(c.dataset.claim, claim);
    }
    return [...byId.values()];
  });
  const petra = claims.find((c) => c.source === "Petra de Vries");
  assert.ok(petra, JSON.stringify(claims));
  assert.equal(petra.cue, "said");
  assert.equal(petra.content, "the new contract raises wages by 6% over two years");
  assert.deepEqual(errors, []);
  const origin = new URL(env.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
});

test("typing annotates after a pause, without a click", async () => {
  const { page } = await newPage(env.browser);
  await page.goto(env.url);
  await page.locator("#input").pressSequentially("Ana Sousa said that it rained.", { delay: 5 });
  await page.waitForSelector("#output mark[data-label=PERSON]");
  assert.equal(await page.textContent("#output mark[data-label=PERSON]"), "Ana Sousa");
});

test("pasted HTML and scripts stay text and never run", async () => {
  const { page, dialogs } = await newPage(env.browser);
  await page.goto(env.url);
  await page.evaluate(() => {
    window.__pwned = false;
  });
  const payload = `<img src=x onerror="alert(1);window.__pwned=true"> <script>alert(2)</script> <b onmouseover=alert(3)>Ana Sousa</b> said that <svg onload=alert(4)>`;
  await annotate(page, payload);
  assert.equal(await page.textContent("#output"), payload);
  assert.equal(await page.$$eval("#output img, #output script, #output svg, #output b", (els) => els.length), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => window.__pwned), false);
});
