// Shared set-up for the widget's browser tests: the repo root is served (so fixtures under
// tests/fixtures/widget/ load the widget from /www/ like any other page would), every page
// records its requests, page errors and CSP violations.
import { root } from "../../scripts/setup.mjs";
import { newPage, startBrowser } from "./browser.mjs";

export const FIXTURES = "tests/fixtures/widget/";

/** The server (repo root) and one headless Chromium for a whole test file. */
export function startWidgetBrowser() {
  return startBrowser({ dir: root });
}

/** Opens `path` (relative to the served root) in a fresh context; see browser.mjs's newPage. */
export async function openPage(env, path) {
  const p = await newPage(env.browser);
  await p.page.addInitScript(() => {
    const violations = [];
    Object.defineProperty(window, "__violations", { value: violations });
    document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.page.goto(env.url + path);
  return p;
}

/** Requests that went anywhere but `origin` (and the extra allowed origins). */
export function foreignRequests(requests, origin, allowed = []) {
  return requests.filter((u) => ![origin, ...allowed].some((o) => u.startsWith(`${o}/`) || u === o));
}

/**
 * In the page: the widget's marks under `selector`, grouped by their shared id, in document
 * order: `[{ id, label, part, pieces, text }]` (a claim's parts are separate groups).
 */
export function markGroups(page, selector = "body") {
  return page.evaluate((sel) => {
    const groups = new Map();
    for (const m of document.querySelector(sel).querySelectorAll("claimlens-mark")) {
      const key = `${m.dataset.claimlensId}/${m.dataset.claimlensPart ?? ""}`;
      const g = groups.get(key) ?? { id: m.dataset.claimlensId, label: m.dataset.claimlensLabel, part: m.dataset.claimlensPart, pieces: 0, text: "" };
      g.pieces += 1;
      g.text += m.textContent;
      groups.set(key, g);
    }
    return [...groups.values()];
  }, selector);
}

/** How the map reads whitespace inside a text node. */
export const spaced = (s) => s.replace(/[\t\n\r\f\u00a0]/g, " ");
