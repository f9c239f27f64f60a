// Offline: the service worker serves the whole page with the server gone and the network off,
// and a rebuilt wasm is picked up; the single-file build works from file:// with no server.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writePrecache } from "../../scripts/build-page.mjs";
import { root } from "../../scripts/setup.mjs";
import { serve } from "../../scripts/serve.mjs";
import { newPage, startBrowser } from "./browser.mjs";

let env;
let dir;
before(async () => {
  env = await startBrowser();
  // a copy of www/ that this test can rebuild under the service worker's feet
  dir = mkdtempSync(join(tmpdir(), "claimlens-www-"));
  cpSync(join(root, "www"), dir, { recursive: true });
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(port) {
  const { server, url } = await serve({ dir, port, tries: port ? 1 : 50, quiet: true });
  return { url, stop: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test("the service worker: reload and annotate with the server gone and the network off; a rebuilt wasm is picked up", async () => {
  const { version } = writePrecache(dir);
  let site = await start(19000 + Math.floor(Math.random() * 900));
  const port = Number(new URL(site.url).port);
  const { page, context, errors } = await newPage(env.browser);
  await page.goto(site.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.deepEqual(await cacheNames(page), [`claimlens-${version}`]);
  // every precached asset is in the cache, the wasm too
  const cached = await page.evaluate(async (v) => (await (await caches.open(`claimlens-${v}`)).keys()).map((r) => new URL(r.url).pathname), version);
  for (const p of ["/", "/index.html", "/app.js", "/worker.js", "/core.js", "/pkg/claimlens_bg.wasm", "/style.css", "/manifest.webmanifest"]) assert.ok(cached.includes(p), p);

  // offline: no server at all, and the browser told it is offline
  await site.stop();
  await context.setOffline(true);
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.reload();
  await page.click("#sample");
  await page.waitForSelector("#output[data-ready] mark");
  assert.ok((await page.$$eval("#output mark", (els) => els.length)) > 10);
  assert.ok(responses.length > 3 && responses.every((r) => r.fromServiceWorker() || r.url().startsWith("blob:")), "everything came from the service worker");

  // a rebuild: the wasm changes (a custom section appended), so does the precache version
  const wasm = join(dir, "pkg", "claimlens_bg.wasm");
  const name = Buffer.from("claimlens-test");
  appendFileSync(wasm, Buffer.concat([Buffer.from([0, name.length + 1 + 4, name.length]), name, Buffer.from("v2!!")]));
  const size = statSync(wasm).size;
  const next = writePrecache(dir).version;
  assert.notEqual(next, version);
  site = await start(port);
  await context.setOffline(false);
  await page.reload();
  // the browser checks for a new worker after the navigation, installs it, and it takes over
  for (let i = 0; (await cacheNames(page)).join() !== `claimlens-${next}`; i++) {
    assert.ok(i < 100, "the new version is installed within 20 s");
    await page.waitForTimeout(200);
  }
  assert.equal(await page.evaluate(() => fetch("pkg/claimlens_bg.wasm").then((r) => r.arrayBuffer()).then((b) => b.byteLength)), size);
  await page.reload();
  await page.waitForSelector("#output[data-ready] mark");
  assert.deepEqual(errors, []);
  await site.stop();
  await context.close();
});

test("the single-file build works from file://, with no request but itself", async () => {
  const file = join(root, "dist", "claimlens.html");
  const html = readFileSync(file, "utf8");
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  const { page, requests, dialogs, errors } = await newPage(env.browser);
  const console = [];
  page.on("console", (m) => console.push(m.text()));
  await page.goto(pathToFileURL(file).href);
  await page.click("#sample");
  await page.waitForSelector("#output[data-ready] mark");
  assert.ok((await page.$$eval("#output mark", (els) => els.length)) > 10);
  assert.match(await page.textContent("#status"), /on the main thread/);
  // a multi-chunk text runs in chunks on the main thread, with the same result as in one piece
  const text = (await page.inputValue("#input")).repeat(60);
  await page.fill("#input", text);
  await page.click("#annotate");
  await page.waitForSelector("#output[data-ready]");
  assert.equal(await page.evaluate(() => document.getElementById("output").textContent.length), text.length);
  // scripts in pasted text never run here either
  await page.fill("#input", `<img src=x onerror=alert(1)><script>alert(2)</script>\n\nAna Sousa said that it rained.`);
  await page.click("#annotate");
  await page.waitForSelector("#output[data-ready] mark");
  // an export downloads from file:// too
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  assert.equal(JSON.parse(readFileSync(await download.path(), "utf8")).text.slice(-30), "Ana Sousa said that it rained.");
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith("blob:")), [pathToFileURL(file).href]);
  assert.deepEqual(console.filter((m) => /Content Security Policy|Refused/.test(m)), []);
});
