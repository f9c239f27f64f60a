// Shared set-up for browser tests: a static server for www/ and headless Chromium through
// playwright-core (never a downloaded browser). CHROME_PATH overrides the chromium on PATH.
import { chromium } from "playwright-core";
import { findChromium } from "../../scripts/setup.mjs";
import { serve } from "../../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Starts the server and the browser; returns {browser, url, close}. */
export async function startBrowser({ dir } = {}) {
  const { server, url } = await serve({ dir, port: 18080 + Math.floor(Math.random() * 1000), quiet: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  return {
    browser,
    url,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * A new page that records every request and every dialog, and fails on page errors.
 * `requests` lists all URLs requested; `dialogs` every alert/confirm/prompt message.
 */
export async function newPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const dialogs = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, context, requests, dialogs, errors };
}

/**
 * True when, on this page, markup made from a string runs its handlers: the control that shows a
 * test of "pasted markup never runs" could fail there (no CSP or Trusted Types stops it).
 */
export function markupRuns(page) {
  return page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = `<img src="data:," onerror="window.__control = 1">`;
    document.body.append(div);
    return new Promise((r) => setTimeout(() => r(window.__control === 1), 200));
  });
}
