// The page against hostile input, in headless Chromium: texts made to break it render in full and
// the page stays alive; its Content-Security-Policy blocks inline script on its own (Trusted Types
// aside), and with no policy at all pasted markup still never runs (the code never turns text
// into markup); no request leaves the origin from the page, its worker or its service worker;
// files it cannot read get a message and the article stays.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { markupRuns, newPage, startBrowser } from "./browser.mjs";

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

/** A page that fails the test if its renderer crashes. */
async function open(t, { policy = "all" } = {}) {
  const p = await newPage(env.browser);
  t.after(() => p.context.close());
  p.crashed = false;
  p.page.on("crash", () => (p.crashed = true));
  if (policy !== "all") {
    // serve index.html with less of its policy: "no-tt" drops Trusted Types from the meta (the
    // rest of the CSP, and the server's header, stay); "none" drops the meta and the header
    await p.page.route(/\/(index\.html)?$/, async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      const headers = { ...response.headers() };
      if (policy === "no-tt") body = body.replace(/; require-trusted-types-for 'script'; trusted-types [^"]+/, "");
      else {
        body = body.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
        delete headers["content-security-policy"];
      }
      assert.notEqual(body, await response.text(), "the policy was found and removed");
      await route.fulfill({ response, body, headers });
    });
  }
  await p.page.goto(env.url);
  return p;
}

/** Pastes `text` onto the page (outside the text box) and waits for the annotation. */
async function paste(page, text) {
  await page.evaluate((text) => {
    document.getElementById("output").removeAttribute("data-ready");
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  // attached, not visible: a payload that did get in as markup may hide the page
  await page.waitForSelector("#output[data-ready]", { state: "attached", timeout: 120_000 });
}

test("texts made to break it render in full, with a bounded depth, and the page stays alive", async (t) => {
  const { page, errors, dialogs, ...p } = await open(t);
  const cases = {
    "speech nested 10,000 deep": "He said “".repeat(10_000) + "it rained" + "”".repeat(10_000),
    "10,000 nested quotes": "“‘".repeat(2500) + "Ana Sousa said that it rained" + "’”".repeat(2500),
    "quotes never closed": "“".repeat(10_000) + " Ana Sousa said that it rained.",
    "a megabyte without a space": "AnaSousa,said:“12%”;$5bn—Mexico's.".repeat(30_000),
    "NUL bytes": "Union leader Petra de Vries said that wages rise by 6%.\0\n".repeat(2000),
    "lone surrogates and emoji": "\uD800Ana Sousa\uDC00 said that 😀\uD83D prices rose 4%\uDE00.👨\u200D👩\u200D👧 ".repeat(2000),
    "mixed scripts and bidi controls": "قال محمد الراشد إن الأسعار ارتفعت. \u202EMohammed al-Rashid\u202C said prices rose 5%. שלום עולם.\r\n".repeat(2000),
  };
  for (const [name, text] of Object.entries(cases)) {
    await paste(page, text);
    const seen = await page.evaluate((text) => {
      const out = document.getElementById("output");
      let depth = 0;
      for (const el of out.querySelectorAll("*")) {
        let d = 0;
        for (let e = el; e !== out; e = e.parentElement) d++;
        depth = Math.max(depth, d);
      }
      // (a text box reads CRLF and CR as LF: the text as pasted, up to its line ends)
      const lines = (s) => s.replace(/\r\n?/g, "\n");
      return { same: lines(out.textContent) === lines(text), depth, marks: out.querySelectorAll("mark, [data-claim]").length };
    }, text);
    assert.equal(seen.same, true, `${name}: the reading view holds the text as pasted`);
    assert.ok(seen.depth <= 64, `${name}: highlights nest ${seen.depth} deep`);
    // keyboard navigation still walks the highlights
    if (seen.marks) {
      await page.focus("#output [tabindex='0']");
      await page.keyboard.press("End");
      await page.keyboard.press("Home");
      assert.ok(await page.evaluate(() => !!document.activeElement.closest("#output")), name);
    }
    assert.equal(p.crashed, false, `${name}: the page crashed`);
  }
  // the deepest text still has its claims listed, and the panel shows them
  await paste(page, cases["speech nested 10,000 deep"]);
  assert.match(await page.textContent("#status"), /10,000 attributed claims/);
  assert.deepEqual(errors, []);
  assert.deepEqual(dialogs, []);
});

/** In the page: tries four ways to run inline script; returns what threw, what ran, what the CSP reported. */
function injectInlineScript() {
  return new Promise((resolve) => {
    const out = { threw: {}, violations: [] };
    document.addEventListener("securitypolicyviolation", (e) => out.violations.push(e.violatedDirective));
    const attempts = {
      "script text": () => {
        const s = document.createElement("script");
        s.textContent = "window.__ran.push('script text')";
        document.body.append(s);
      },
      "script text node": () => {
        const s = document.createElement("script");
        s.append(document.createTextNode("window.__ran.push('script text node')"));
        document.body.append(s);
      },
      "handler attribute": () => {
        const b = document.createElement("button");
        b.setAttribute("onclick", "window.__ran.push('handler attribute')");
        document.body.append(b);
        b.click();
      },
      "javascript: URL": () => {
        const a = document.createElement("a");
        a.href = "javascript:window.__ran.push('javascript: URL')";
        document.body.append(a);
        a.click();
      },
    };
    window.__ran = [];
    for (const [name, attempt] of Object.entries(attempts)) {
      try {
        attempt();
      } catch (e) {
        out.threw[name] = e.name;
      }
    }
    setTimeout(() => resolve({ ...out, ran: window.__ran }), 300);
  });
}

test("the CSP blocks inline script: with Trusted Types, without them, and the check itself works", async (t) => {
  // the page as served: Trusted Types refuse script text and handler attributes outright, and
  // the CSP's script-src refuses what gets past them
  let { page } = await open(t);
  let r = await page.evaluate(injectInlineScript);
  assert.deepEqual(r.ran, []);
  assert.deepEqual(r.threw, { "script text": "TypeError", "handler attribute": "TypeError" });
  assert.ok(r.violations.includes("require-trusted-types-for"), r.violations.join());
  assert.ok(r.violations.includes("script-src-elem"), r.violations.join());
  // without Trusted Types the CSP alone blocks all four
  ({ page } = await open(t, { policy: "no-tt" }));
  r = await page.evaluate(injectInlineScript);
  assert.deepEqual(r.ran, []);
  assert.deepEqual(r.threw, {});
  assert.ok(!r.violations.includes("require-trusted-types-for"));
  assert.ok(r.violations.includes("script-src-elem") && r.violations.includes("script-src-attr"), r.violations.join());
  // with no policy at all, the same attempts run: the check can fail
  ({ page } = await open(t, { policy: "none" }));
  r = await page.evaluate(injectInlineScript);
  assert.deepEqual(r.ran.slice(0, 3), ["script text", "script text node", "handler attribute"]);
  assert.deepEqual(r.violations, []);
});

const PAYLOAD = `<img src=x onerror="alert(1);window.__pwned=1"> <script>alert(2);window.__pwned=2</script>
<svg onload="window.__pwned=3"> "><iframe src="javascript:window.__pwned=4"></iframe> javascript:window.__pwned=5
{{constructor.constructor('window.__pwned=6')()}} \${window.__pwned=7} <a href="javascript:window.__pwned=8">Ana Sousa</a>
said that "<b onmouseover=window.__pwned=9>prices</b> rose 4%", according to <style>*{display:none}</style> Mark Rutte.
Union leader Petra de Vries said: "<img src=x onerror=window.__pwned=10>".`;

test("with no CSP at all, pasted markup, a hostile file and its title still never run", async (t) => {
  const { page, dialogs, errors, requests } = await open(t, { policy: "none" });
  // the check: on this page, markup made from a string does run
  assert.equal(await markupRuns(page), true);
  await paste(page, PAYLOAD);
  await page.waitForTimeout(300); // time for an image's onerror to fire, had one got in
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "pasted markup ran");
  assert.deepEqual(dialogs, []);
  assert.equal(await page.textContent("#output"), PAYLOAD);
  assert.ok((await page.$$("#output mark")).length >= 3);
  // every highlight's card, every panel entry, hovered and clicked
  for (const el of await page.$$("#output mark, #output [data-part=cue]")) {
    await el.hover();
    await el.click();
  }
  for (const el of await page.$$(".panel [data-cluster], .panel .claim-item")) await el.click();
  // the same text in an HTML file, with a hostile title
  const html = `<!doctype html><title>${PAYLOAD.slice(0, 120)}</title><script>window.__pwned=11</script><body onload="window.__pwned=12"><article><p>${PAYLOAD}</p></article>`;
  await page.setInputFiles("#file", { name: "story.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.title.endsWith("— claimlens") && document.title.startsWith("<img"));
  await page.waitForSelector("#output[data-ready]");
  for (const el of (await page.$$("#output mark")).slice(0, 10)) await el.click();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval("#output *, #card *, .panel *", (els) => els.filter((e) => /^(IMG|SCRIPT|SVG|IFRAME|STYLE|B|A)$/.test(e.tagName)).length), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.ok(!requests.some((u) => u.endsWith("/x")), "no image in the payload was fetched");
});

test("no request leaves the origin: the page, its worker and its service worker, with the checks' own controls", async (t) => {
  const context = await env.browser.newContext();
  t.after(() => context.close());
  const origin = new URL(env.url).origin;
  const requests = [];
  // at the context: the pages', the dedicated workers' and the service workers' requests
  context.on("request", (r) => requests.push({ url: r.url(), sw: !!r.serviceWorker() }));
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const foreign = "http://127.0.0.2:9";
  const text = `${PAYLOAD}\n\nSee ${foreign}/a.png, //127.0.0.2:9/b and <link rel=prefetch href=${foreign}/c> <img src="${foreign}/d.png"> url(${foreign}/e) @import "${foreign}/f.css"; ![x](${foreign}/g.png)`;
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData("text/html", text.replace(/\n/g, "<br>"));
    dt.setData("text/plain", text);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForSelector("#output[data-ready] mark");
  await page.click("#output mark");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  await download.path();

  // the controls: requests from the dedicated worker and from the service worker are recorded...
  const worker = page.workers().find((w) => w.url().endsWith("/worker.js"));
  assert.ok(worker, "the page annotates in a worker");
  await worker.evaluate(() => fetch("/probe-from-worker").catch(() => {}));
  const sw = context.serviceWorkers().find((w) => w.url().endsWith("/sw.js"));
  await sw.evaluate(() => fetch("/probe-from-sw").catch(() => {}));
  await page.waitForTimeout(300);
  assert.ok(requests.some((r) => r.url === `${origin}/probe-from-worker`), "a worker's request is recorded");
  assert.ok(requests.some((r) => r.sw && r.url === `${origin}/probe-from-sw`), "a service worker's request is recorded");
  assert.ok(requests.some((r) => r.sw && r.url.endsWith("/pkg/claimlens_bg.wasm")), "the service worker precached the wasm");
  // ...and the workers have the page's CSP: a request elsewhere is refused before it is made
  for (const w of [worker, sw]) {
    assert.equal(await w.evaluate((url) => fetch(url).then(() => "sent", (e) => e.name), `${foreign}/from-a-worker`), "TypeError");
  }
  await page.waitForTimeout(300);
  const elsewhere = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(blob|data):/.test(r.url));
  assert.deepEqual(elsewhere, []);
});

test("files it cannot read get a message, and the article stays", async (t) => {
  const { page, errors } = await open(t);
  await paste(page, "Mark Rutte said the deal was fair.");
  const drop = (name, type, bytes) => page.evaluate(([name, type, bytes]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, type, [...bytes]]);
  const cases = [
    ["photo.png", "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /photo\.png.*not a text or HTML file/],
    ["report.docx", "", Buffer.from("PK\x03\x04 word/document.xml"), /report\.docx.*not a text or HTML file/],
    ["dump.txt", "text/plain", Buffer.from("MZ\x90\x00\x03\x00\x00\x00binary\x00\x00"), /dump\.txt.*looks like a binary file/],
    ["empty.txt", "text/plain", Buffer.alloc(0), /empty\.txt.*has no readable text/],
    ["blank.txt", "text/plain", Buffer.from(" \r\n\t\r\n"), /blank\.txt.*has no readable text/],
    ["scripts.html", "text/html", Buffer.from("<script>window.__pwned=1</script><style>p{}</style>"), /scripts\.html.*has no readable text/],
  ];
  for (const [name, type, bytes, message] of cases) {
    await drop(name, type, bytes);
    await page.waitForFunction((name) => document.getElementById("alert").textContent.includes(name), name);
    assert.match(await page.textContent("#alert"), message);
    assert.equal(await page.isVisible("#alert"), true);
    assert.equal(await page.textContent("#output"), "Mark Rutte said the deal was fair.", `${name}: the article stays`);
  }
  // a file over the limit is refused before it is read
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], "huge.txt", { type: "text/plain" }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.getElementById("alert").textContent.includes("huge.txt"));
  assert.match(await page.textContent("#alert"), /huge\.txt.*65 MB.*up to 64 MB/);
  // a UTF-16 file with its byte order mark is read as text, and the alert goes
  await page.setInputFiles("#file", { name: "utf16.txt", mimeType: "text/plain", buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ana Sousa said that it rained.", "utf16le")]) });
  await page.waitForFunction(() => document.getElementById("output").textContent === "Ana Sousa said that it rained.");
  assert.equal(await page.isVisible("#alert"), false);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
});
