// The packed npm package in a page: a new project installs the tarball, and its own page adds one
// script tag pointing into node_modules. Served with the strict CSP of scripts/serve.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packAndInstall } from "../js/package-pack.mjs";
import { newPage, startBrowser } from "./browser.mjs";
import { foreignRequests, markGroups } from "./widget-env.mjs";

let packed;
let env;
before(async () => {
  packed = packAndInstall();
  writeFileSync(join(packed.project, "index.html"), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>a user's page</title>
<script type="module" src="node_modules/claimlens/www/widget.js" data-target="article"></script>
</head><body>
<article><h1>Bridge reopens</h1>
<p>The Old Bridge in <a href="#mostar">Mostar</a> reopened on Saturday, the mayor <em>Lejla Hadžić</em> said.</p>
<p>Engineers said that repairs cost <strong>$2.4 million</strong>.</p></article>
</body></html>`);
  env = await startBrowser({ dir: packed.project });
});
after(async () => {
  await env?.close();
  packed?.remove();
});

test("the installed package annotates a page with one script tag, from its own origin only", async () => {
  const { page, requests, errors } = await newPage(env.browser);
  await page.goto(env.url);
  await page.waitForSelector("article claimlens-mark");
  const groups = await markGroups(page, "article");
  assert.ok(groups.some((g) => g.text === "Lejla Hadžić" && g.label === "PERSON"), JSON.stringify(groups));
  assert.ok(groups.some((g) => g.label === "MONEY" && g.text === "$2.4 million"));
  // the widget loads the size-optimised wasm, and only that one
  assert.deepEqual(requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname), ["/node_modules/claimlens/www/pkg/claimlens_bg.size.wasm"]);
  assert.deepEqual(foreignRequests(requests, new URL(env.url).origin), []);
  assert.deepEqual(errors, []);
});
