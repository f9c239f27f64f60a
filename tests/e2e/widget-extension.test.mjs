// The browser extension, loaded unpacked into headless Chromium (CDP Extensions.loadUnpacked,
// which works in Chromium and branded Chrome alike) and driven through its real toolbar action
// (CDP Extensions.triggerAction = a click on the button): on a page whose CSP forbids
// WebAssembly, the first click annotates the main article, the second removes every mark.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { buildExtension } from "../../scripts/build-extension.mjs";
import { findChromium, root } from "../../scripts/setup.mjs";
import { serve } from "../../scripts/serve.mjs";
import { CHROMIUM_ARGS } from "./browser.mjs";
import { FIXTURES, foreignRequests, markGroups } from "./widget-env.mjs";

let server;
let url;
let context;
let cdp;
let extensionId;

before(async () => {
  buildExtension(); // the copy of the widget must match www/
  ({ server, url } = await serve({ dir: root, port: 19080 + Math.floor(Math.random() * 900), quiet: true }));
  context = await chromium.launchPersistentContext("", {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, "--enable-unsafe-extension-debugging"],
    ignoreDefaultArgs: ["--disable-extensions"],
  });
  cdp = await context.browser().newBrowserCDPSession();
  ({ id: extensionId } = await cdp.send("Extensions.loadUnpacked", { path: join(root, "extension") }));
  // a click before the service worker has registered its listener would be lost
  const worker = await serviceWorker();
  for (let i = 0; i < 100 && !(await worker.evaluate(() => chrome.action.onClicked.hasListeners())); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
});

after(async () => {
  await context?.close();
  if (server) await new Promise((r) => server.close(r));
});

/** Clicks the extension's toolbar button in the tab showing `page`. */
async function clickAction(page) {
  const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  assert.ok(tab, "the page's tab target");
  await cdp.send("Extensions.triggerAction", { id: extensionId, targetId: tab.targetId });
}

/** The extension's service worker (started when the extension loads, or woken by an event). */
async function serviceWorker() {
  const ours = (w) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  return context.serviceWorkers().find(ours) ?? (await context.waitForEvent("serviceworker", { predicate: ours }));
}

/** The badge texts the extension set, over all tabs (read in its service worker). */
async function badges() {
  const worker = await serviceWorker();
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return (await Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })))).filter(Boolean);
  });
}

test("the toolbar button annotates the main article (page CSP without wasm), a second click restores it", async () => {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  const logged = [];
  page.on("console", (m) => logged.push(`page ${m.type()}: ${m.text()}`));
  (await serviceWorker()).on("console", (m) => logged.push(`worker ${m.type()}: ${m.text()}`));
  await page.addInitScript(() => {
    const violations = [];
    Object.defineProperty(window, "__violations", { value: violations });
    document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${url}${FIXTURES}extension.html?run=${Date.now()}`);
  const source = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, "text/html").querySelector("article").innerHTML;
  });

  await clickAction(page);
  await page.waitForSelector("article claimlens-mark", { timeout: 15000 }).catch(async (e) => {
    throw new Error(`${e.message}\nconsole:\n${logged.join("\n")}\nbadges: ${JSON.stringify(await badges())}`);
  });
  const groups = await markGroups(page, "article");
  assert.ok(groups.some((g) => g.text === "Hanna Visser" && g.label === "PERSON"), JSON.stringify(groups));
  assert.ok(groups.some((g) => g.text === "Utrecht" && g.label === "PLACE"));
  assert.ok(groups.some((g) => g.part === "content"));
  // only the article: not the menu, teaser, related box, footer or cookie banner
  assert.equal(await page.$$eval("claimlens-mark", (ms) => ms.filter((m) => !m.closest("article")).length), 0);
  assert.ok(await page.$("claimlens-panel"));
  assert.deepEqual(await badges(), ["on"]);
  // the page's own listener still fires through a mark
  await page.click("article a.tracked");
  assert.equal(await page.getAttribute("body", "data-clicks"), "1");

  await clickAction(page);
  await page.waitForFunction(() => !document.querySelector("claimlens-mark, claimlens-panel"));
  assert.equal(await page.$eval("article", (a) => a.innerHTML), source);
  assert.deepEqual(await badges(), []);

  // once more, closed from the panel's own button this time
  await clickAction(page);
  await page.waitForSelector("article claimlens-mark", { timeout: 15000 });
  await page.click("claimlens-panel >> button[aria-label='Remove the highlights']");
  await page.waitForFunction(() => !document.querySelector("claimlens-mark, claimlens-panel"));
  assert.equal(await page.$eval("article", (a) => a.innerHTML), source);

  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(foreignRequests(requests, new URL(url).origin, [`chrome-extension://${extensionId}`]), []);
  await page.close();
});
