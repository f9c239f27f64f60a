// The paste page in headless Chromium: paste an article, see marks and claims; filters, keyboard
// navigation and the card; the side panel; the user's terms; rich paste, files and drops; pasted
// HTML and scripts stay text; no request leaves the page's origin; contrast in both themes;
// screenshots of both themes (to /screenshots, gitignored).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../../scripts/setup.mjs";
import { newPage, startBrowser } from "./browser.mjs";

const ARTICLE = `Port strike ends after ten days

Dockworkers in Rotterdam returned to work on Monday after a ten-day strike. Union leader Petra de Vries said that the new contract raises wages by 6% over two years.

The Dutch government had warned that the stoppage cost the economy €40 million a day, according to the finance ministry. Prime Minister Mark Rutte said the deal was fair.`;

let env;
const pages = [];
before(async () => {
  env = await startBrowser();
});
after(async () => {
  // no page of this file ever asked anything of another origin
  const origin = new URL(env.url).origin;
  for (const p of pages) assert.deepEqual(p.requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:")), []);
  await env?.close();
});

async function open(opts = {}) {
  const p = await newPage(env.browser);
  pages.push(p);
  if (opts.viewport) await p.page.setViewportSize(opts.viewport);
  await p.page.goto(env.url);
  return p;
}

async function annotate(page, text) {
  await page.fill("#input", text);
  await page.click("#annotate");
  await page.waitForSelector("#output[data-ready]");
}

/** Claims as rendered: source, cue and content text joined across pieces, by claim id. */
function renderedClaims(page) {
  return page.$$eval("#output [data-claim]", (cs) => {
    const byId = new Map();
    for (const c of cs) {
      const claim = byId.get(c.dataset.claim) ?? { id: c.dataset.claim, kind: c.dataset.kind, source: "", cue: "", content: "" };
      for (const part of ["source", "cue", "content"]) {
        for (const p of c.querySelectorAll(`[data-part="${part}"][data-of="${c.dataset.claim}"]`)) claim[part] += p.textContent;
      }
      byId.set(c.dataset.claim, claim);
    }
    return [...byId.values()];
  });
}

test("pasting an article highlights people, places and claims", async () => {
  const { page, errors } = await open();
  await annotate(page, ARTICLE);
  const marks = await page.$$eval("#output mark", (ms) => ms.map((m) => [m.textContent, m.dataset.label]));
  assert.ok(marks.some(([t, l]) => t === "Petra de Vries" && l === "PERSON"), JSON.stringify(marks));
  assert.ok(marks.some(([t, l]) => t === "Mark Rutte" && l === "PERSON"));
  assert.ok(marks.some(([t]) => t === "Rotterdam"));
  assert.ok(marks.some(([t, l]) => t === "6%" && l === "PERCENT"));
  // the reading view holds exactly the text that was pasted
  assert.equal(await page.textContent("#output"), ARTICLE);
  const claims = await renderedClaims(page);
  const petra = claims.find((c) => c.source === "Petra de Vries");
  assert.ok(petra, JSON.stringify(claims));
  assert.equal(petra.cue, "said");
  assert.equal(petra.content, "the new contract raises wages by 6% over two years");
  // the legend counts what is on the page
  assert.equal(await page.textContent('.chip:has([data-filter="PERSON"]) .count'), String(marks.filter(([, l]) => l === "PERSON").length));
  assert.match(await page.textContent("#status"), /\d+ entities, \d+ attributed claims/);
  assert.deepEqual(errors, []);
});

test("typing annotates after a pause, without a click", async () => {
  const { page } = await open();
  await page.locator("#input").pressSequentially("Ana Sousa said that it rained.", { delay: 5 });
  await page.waitForSelector("#output mark[data-label=PERSON]");
  assert.equal(await page.textContent("#output mark[data-label=PERSON]"), "Ana Sousa");
});

test("a newer edit wins over a stale run", async () => {
  const { page } = await open();
  await page.fill("#input", "Ana Sousa said that it rained.");
  await page.click("#annotate");
  await page.fill("#input", "Mark Rutte said the deal was fair.");
  await page.click("#annotate");
  await page.waitForSelector("#output[data-ready]");
  assert.equal(await page.textContent("#output"), "Mark Rutte said the deal was fair.");
});

test("overlapping and nested spans render correctly", async () => {
  const { page } = await open();
  const result = await page.evaluate(async () => {
    const { annotationRanges, claimExtent, renderRanges } = await import("./render.js");
    const text = 'Ana Sousa said: "Mark Rutte said the deal was fair." She added that it rained. It rained a lot.';
    const at = (s, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
    const s0 = { start: 0, end: text.indexOf('." ') + 2 };
    const s1 = { start: text.indexOf("She"), end: text.indexOf("rained.") + 7 };
    const s2 = { start: text.indexOf("It rained"), end: text.length };
    const claim = (id, content, sentence, source, cue, extra = {}) => ({
      id, ...content, sentence, kind: "reported", source, cue, hedged: false, anonymous_source: false, negated: false, prediction: false, checkworthy: 0.3, ...extra,
    });
    const annotation = {
      sentences: [s0, s1, s2],
      entities: [
        { id: 0, ...at("Ana Sousa"), label: "PERSON", text: "Ana Sousa", cluster: 0 },
        { id: 1, ...at("Mark Rutte"), label: "PERSON", text: "Mark Rutte", cluster: 1 },
      ],
      clusters: [{ id: 0, canonical: "Ana Sousa", label: "PERSON", mentions: [0] }, { id: 1, canonical: "Mark Rutte", label: "PERSON", mentions: [1] }],
      claims: [
        // a quote, with a reported claim inside it, inside which is an entity
        claim(0, at("Mark Rutte said the deal was fair."), 0, { ...at("Ana Sousa"), text: "Ana Sousa", cluster: 0, resolved: false }, { ...at("said"), text: "said", polarity: "assert" }, { kind: "quote" }),
        claim(1, at("the deal was fair"), 0, { ...at("Mark Rutte"), text: "Mark Rutte", cluster: 1, resolved: false }, { ...at("said", text.indexOf("Rutte")), text: "said", polarity: "assert" }),
        // crosses the end of the quote: must be cut into pieces
        claim(2, { start: text.indexOf("fair."), end: text.indexOf(" added") }, 1, null, null, { kind: "statement", checkworthy: 0.9, hedged: true, hedges: [at("She")] }),
        // its source is named in an earlier sentence
        claim(3, at("It rained a lot"), 2, { ...at("She"), text: "She", cluster: 0, resolved: true }, { ...at("added"), text: "added", polarity: "assert" }),
      ],
      boilerplate: [],
    };
    const box = document.createElement("div");
    box.append(renderRanges(document, text, annotationRanges(annotation)));
    const joined = (sel) => [...box.querySelectorAll(sel)].map((e) => e.textContent).join("");
    return {
      same: box.textContent === text,
      claims: annotation.claims.map((c) => {
        const ext = claimExtent(c, annotation.sentences);
        return [joined(`[data-claim="${c.id}"]`) === text.slice(ext.start, ext.end), ...["source", "cue", "content"].map((p) => {
          const span = p === "content" ? c : c[p];
          return !span || joined(`[data-part="${p}"][data-of="${c.id}"]`) === text.slice(span.start, span.end);
        })];
      }),
      nested: !!box.querySelector('[data-claim="0"] [data-part="content"][data-of="0"] [data-claim="1"][data-level="1"] [data-part="source"][data-of="1"] mark[data-entity="1"]'),
      split: box.querySelectorAll('[data-claim="2"][data-split]').length,
      hedge: joined('[data-part="hedge"][data-of="2"]'),
      remoteSource: !box.querySelector('[data-claim="3"] [data-part="source"]') && joined('[data-part="source"][data-of="3"]'),
      strength: box.querySelector('[data-claim="2"]').dataset.strength,
    };
  });
  assert.equal(result.same, true);
  assert.deepEqual(result.claims, [[true, true, true, true], [true, true, true, true], [true, true, true, true], [true, true, true, true]]);
  assert.equal(result.nested, true);
  assert.ok(result.split >= 2);
  assert.equal(result.hedge, "She");
  assert.equal(result.remoteSource, "She");
  assert.equal(result.strength, "high");
});

test("filters hide and show each kind of highlight", async () => {
  const { page } = await open();
  await annotate(page, ARTICLE);
  const bg = (sel) => page.$eval(sel, (el) => getComputedStyle(el).backgroundColor);
  const deco = (sel) => page.$eval(sel, (el) => getComputedStyle(el).textDecorationLine);
  const person = "#output mark[data-label=PERSON]";
  const shown = await bg(person);
  assert.notEqual(shown, "rgba(0, 0, 0, 0)");
  await page.uncheck('[data-filter="PERSON"]');
  assert.equal(await bg(person), "rgba(0, 0, 0, 0)");
  assert.notEqual(await bg("#output mark[data-label=PERCENT]"), "rgba(0, 0, 0, 0)");
  await page.check('[data-filter="PERSON"]');
  assert.equal(await bg(person), shown);

  const claim = '#output [data-claim][data-kind="reported"]';
  assert.equal(await deco(claim), "underline");
  await page.uncheck('[data-filter="claims"]');
  assert.equal(await deco(claim), "none");
  assert.equal(await page.$eval(`${claim} [data-part=source]`, (el) => getComputedStyle(el).fontWeight), "400");
  await page.check('[data-filter="claims"]');
  assert.equal(await deco(claim), "underline");
  // the choice survives a reload
  await page.uncheck('[data-filter="DATE"]');
  await page.reload();
  await page.waitForSelector("#output[data-ready]");
  assert.equal(await page.isChecked('[data-filter="DATE"]'), false);
  await page.check('[data-filter="DATE"]');
});

test("keyboard: Tab reaches a highlight, arrows move, the card opens and closes", async () => {
  const { page } = await open();
  await annotate(page, ARTICLE);
  // the legend's last checkbox is the last stop before the reading view
  await page.focus('[data-filter="tags"]');
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => ({ inOutput: !!document.activeElement.closest("#output"), text: document.activeElement.textContent }));
  assert.ok(first.inOutput, "Tab moves into the reading view");
  // the focused highlight describes itself with the card (a tooltip)
  await page.waitForSelector("#card:not([hidden])");
  assert.equal(await page.getAttribute("#card", "role"), "tooltip");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-describedby")), "card");
  // a visible focus ring
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "none");

  // arrow keys walk the highlights in reading order, until Petra de Vries
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press("ArrowRight");
    found = await page.evaluate(() => document.activeElement.dataset.entity !== undefined && document.activeElement.textContent === "Petra de Vries");
  }
  assert.ok(found, "ArrowRight reaches Petra de Vries");
  assert.match(await page.textContent("#card"), /Person/);
  // only one highlight is a Tab stop
  assert.equal(await page.$$eval("#output [tabindex]", (els) => els.length), 1);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#card.pinned");
  assert.equal(await page.getAttribute("#card", "role"), "dialog");
  assert.equal(await page.evaluate(() => document.activeElement.id), "card");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#card", { state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Petra de Vries");
  await page.keyboard.press("ArrowLeft");
  assert.notEqual(await page.evaluate(() => document.activeElement.textContent), "Petra de Vries");
  // a hidden type is skipped
  await page.uncheck('[data-filter="PERSON"]');
  await page.focus("#output [tabindex='0']");
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("ArrowRight");
    assert.notEqual(await page.evaluate(() => document.activeElement.dataset.label), "PERSON");
  }
  await page.check('[data-filter="PERSON"]');
});

test("the claim card names the source, resolved through a pronoun", async () => {
  const { page } = await open();
  const text = "Ingrid Solberg opened the session. She said that the barrier would cost €240 million.";
  await annotate(page, text);
  const claims = await renderedClaims(page);
  const she = claims.find((c) => c.source === "She");
  assert.ok(she, JSON.stringify(claims));
  await page.click(`#output [data-claim="${she.id}"] [data-part=cue]`);
  await page.waitForSelector("#card.pinned");
  const card = await page.textContent("#card");
  assert.match(card, /Who\s*Ingrid Solberg/);
  assert.match(card, /written “She”/);
  assert.match(card, /Check-worthy\s*\d\.\d\d/);
  // the panel's "who said what" lists the claim under the resolved name
  await page.waitForSelector(".panel[data-ready]");
  assert.match(await page.textContent("#panel-who"), /Ingrid Solberg/);
});

test("the side panel: clusters pulse every mention, claims are ranked by score", async () => {
  const { page } = await open();
  await page.click("#sample");
  await page.waitForSelector(".panel[data-ready]");
  // the cluster with the most mentions of its type
  const button = page.locator("#panel-entities [data-cluster]").first();
  const id = await button.getAttribute("data-cluster");
  const mentions = await page.$$eval(`#output mark[data-cluster="${id}"]`, (els) => els.length);
  assert.ok(mentions >= 1);
  await button.click();
  assert.equal(await page.$$eval(`#output mark[data-cluster="${id}"].pulse`, (els) => els.length), mentions);
  // check-worthy list in descending order of score
  const scores = await page.$$eval("#panel-check .score", (els) => els.map((e) => Number(e.textContent)));
  assert.ok(scores.length > 0);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  // clicking a claim in the panel focuses it in the reading view
  await page.click("#panel-check .claim-item");
  const claimId = await page.getAttribute("#panel-check .claim-item", "data-claim");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.claim), claimId);
  // every source in "who said what" has its claims listed
  assert.ok((await page.$$eval("#panel-who .sources > li", (els) => els.length)) >= 1);
});

test("your terms are found, kept, and removable", async () => {
  const { page } = await open();
  await annotate(page, "The Quorrel stall sold bread today.");
  assert.equal(await page.$$eval("#output mark[data-label=ORG]", (els) => els.length), 0);
  await page.click(".panel details:last-child summary");
  await page.fill("#term", "Quorrel");
  await page.selectOption("#term-label", "ORG");
  await page.click("#terms-form button[type=submit]");
  await page.waitForSelector("#output[data-ready] mark[data-label=ORG]");
  assert.equal(await page.textContent("#output mark[data-label=ORG]"), "Quorrel");
  await page.reload();
  await page.waitForSelector("#output[data-ready] mark[data-label=ORG]");
  await page.click(".panel details:last-child summary");
  await page.click('#terms-list button[aria-label="Remove Quorrel"]');
  await page.waitForFunction(() => document.querySelector("#output[data-ready]") && !document.querySelector("#output mark[data-label=ORG]"));
});

test("rich paste keeps paragraphs and drops markup; paste outside the box replaces the text", async () => {
  const { page, dialogs } = await open();
  const html = `<meta charset="utf-8"><style>p{color:red}</style><h1>Port strike ends</h1><p>Union leader <b>Petra de Vries</b> said that wages rise.</p><script>alert(1)</script><p>Second&nbsp;paragraph <img src="x" onerror="alert(2)">here.</p>`;
  await page.focus("#input");
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.setData("text/html", html);
    dt.setData("text/plain", "plain version");
    document.getElementById("input").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  assert.equal(await page.inputValue("#input"), "Port strike ends\n\nUnion leader Petra de Vries said that wages rise.\n\nSecond\u00a0paragraph here.");
  await page.waitForSelector("#output[data-ready] mark[data-label=PERSON]");
  // pasting with the focus elsewhere (plain text) replaces the article
  await page.focus("#output-label");
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "Mark Rutte said the deal was fair.");
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.getElementById("output").textContent === "Mark Rutte said the deal was fair.");
  assert.deepEqual(dialogs, []);
});

test("pasted HTML and scripts stay text and never run", async () => {
  const { page, dialogs, requests } = await open();
  await page.evaluate(() => {
    window.__pwned = false;
  });
  const payload = `<img src=x onerror="alert(1);window.__pwned=true"> <script>alert(2)</script> <b onmouseover=alert(3)>Ana Sousa</b> said that <svg onload=alert(4)> "><iframe src="javascript:alert(5)"></iframe>`;
  await annotate(page, payload);
  assert.equal(await page.textContent("#output"), payload);
  assert.equal(await page.$$eval("#output img, #output script, #output svg, #output b, #output iframe", (els) => els.length), 0);
  // hover and open the card of every highlight: card text is text too
  for (const el of await page.$$("#output mark")) await el.click();
  assert.equal(await page.$$eval("#card img, #card script, #card svg, #card iframe", (els) => els.length), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.ok(!requests.some((u) => u.endsWith("/x")), "the img in the payload was never fetched");
  // and the page enforces it: Trusted Types make any markup-from-string sink throw
  assert.equal(await page.evaluate(() => {
    try {
      document.getElementById("status").innerHTML = "<b>x</b>";
      return "assigned";
    } catch (e) {
      return e.name;
    }
  }), "TypeError");
});

test("an HTML file with scripts is reduced to its text; its title never runs", async () => {
  const { page, dialogs, requests } = await open();
  const html = `<!doctype html><html><head><title>Strike <img src=x onerror=alert(1)></title><script>alert(2)</script>
<style>body{display:none}</style></head><body onload="alert(3)"><nav>Home | World | Sport</nav>
<article><h1>Port strike ends</h1><p>Union leader Petra de Vries said that wages rise by 6%.</p>
<p hidden>hidden text</p><iframe srcdoc="<script>alert(4)</script>"></iframe><img src="x" onerror="alert(5)"></article>
<footer>© Example</footer></body></html>`;
  await page.setInputFiles("#file", { name: "strike.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForSelector("#output[data-ready] mark[data-label=PERSON]");
  assert.equal(await page.textContent("#output"), "Port strike ends\n\nUnion leader Petra de Vries said that wages rise by 6%.");
  assert.equal(await page.title(), "Strike <img src=x onerror=alert(1)> — claimlens");
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.ok(!requests.some((u) => u.endsWith("/x")));
});

test("dropping a text file annotates it; an unsupported file gets a clear message", async () => {
  const { page } = await open();
  const drop = (name, type, content) => page.evaluate(([name, type, content]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], name, { type }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, type, content]);
  await drop("story.txt", "text/plain", "Mark Rutte said the deal was fair.");
  await page.waitForSelector("#output[data-ready] mark[data-label=PERSON]");
  assert.equal(await page.inputValue("#input"), "Mark Rutte said the deal was fair.");
  await drop("report.pdf", "application/pdf", "%PDF-1.7 binary");
  await page.waitForSelector("#alert:not([hidden])");
  assert.match(await page.textContent("#alert"), /report\.pdf.*not a text or HTML file/);
  // the previous article is still there
  assert.equal(await page.textContent("#output"), "Mark Rutte said the deal was fair.");
  // Windows-1252 text files are decoded
  await page.setInputFiles("#file", { name: "latin.txt", mimeType: "text/plain", buffer: Buffer.from("Jos\xe9 Mar\xeda said that it rained.", "latin1") });
  await page.waitForFunction(() => document.getElementById("output").textContent === "José María said that it rained.");
});

test("the sample article loads and the page fits a phone", async () => {
  const { page } = await open({ viewport: { width: 375, height: 740 } });
  await page.click("#sample");
  await page.waitForSelector("#output[data-ready]");
  assert.ok((await page.$$eval("#output mark", (els) => els.length)) > 10);
  assert.ok((await page.$$eval("#output [data-claim]", (els) => els.length)) > 3);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no horizontal scrolling at 375px");
  mkdirSync(join(root, "screenshots"), { recursive: true });
  await page.screenshot({ path: join(root, "screenshots", "page-phone.png"), fullPage: true });
});

/** In the page: every text element's colour against its effective background (WCAG 2 ratios). */
function contrastFailures() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return parse(getComputedStyle(document.body).backgroundColor);
  };
  const fails = [];
  const check = (el, what, color, min) => {
    const c = parse(color);
    if (!c || c[3] === 0) return;
    const r = ratio(c, background(el));
    if (r < min) fails.push(`${what} ${el.tagName}${el.id ? `#${el.id}` : ""}${el.className ? `.${el.className}` : ""}[${el.textContent.slice(0, 20)}] ${color} on ${background(el)}: ${r.toFixed(2)}`);
  };
  for (const el of document.querySelectorAll("body *")) {
    if (!el.checkVisibility?.() || el.closest("[hidden], button:disabled")) continue;
    const s = getComputedStyle(el);
    const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
    if ([...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) check(el, "text", s.color, large ? 3 : 4.5);
    for (const pseudo of ["::before", "::after"]) {
      const p = getComputedStyle(el, pseudo);
      if (p.content && p.content !== "none" && p.content !== "normal") check(el, `${pseudo} text`, p.color, 4.5);
    }
    // underlines that carry meaning (claims): non-text contrast, 3:1
    if (el.matches("[data-claim], .claim-swatch") && s.textDecorationLine !== "none") check(el, "underline", s.textDecorationColor, 3);
  }
  return fails;
}

for (const scheme of ["light", "dark"]) {
  test(`WCAG AA contrast and a screenshot, ${scheme} theme`, async () => {
    const { page } = await open({ viewport: { width: 1400, height: 1000 } });
    await page.emulateMedia({ colorScheme: scheme });
    await page.click("#sample");
    await page.waitForSelector("#output[data-ready]");
    // with a card open too
    await page.click("#output [data-part=cue]");
    await page.waitForSelector("#card.pinned");
    assert.deepEqual(await page.evaluate(contrastFailures), []);
    // the check itself catches a low-contrast pair
    await page.evaluate(() => document.getElementById("status").append(Object.assign(document.createElement("span"), { id: "low", textContent: "faint" })));
    await page.evaluate(() => {
      const low = document.getElementById("low");
      low.style.color = "#888";
      low.style.backgroundColor = "#999";
    });
    assert.match((await page.evaluate(contrastFailures)).join("\n"), /SPAN#low\[faint\]/);
    await page.evaluate(() => document.getElementById("low").remove());
    mkdirSync(join(root, "screenshots"), { recursive: true });
    await page.screenshot({ path: join(root, "screenshots", `page-${scheme}.png`), fullPage: true });
    await page.keyboard.press("Escape");
    // the focus ring contrasts with the page (3:1, non-text)
    await page.focus("#annotate");
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineColor);
    assert.ok(ring && ring !== "rgba(0, 0, 0, 0)");
  });
}
