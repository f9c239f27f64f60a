// The widget's wasm: by default the widget loads the size-optimised build
// (www/pkg/claimlens_bg.size.wasm, cargo opt-level "z"), not the page's fast one, and the two give
// the same annotation, object for object. Each wasm runs in its own Node process: the wasm-bindgen
// glue is one module per process, so one process can hold only one of them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SIZE_WASM } from "../../scripts/build.mjs";
import { widgetFiles } from "../../scripts/build-extension.mjs";
import { root } from "../../scripts/setup.mjs";
import { widgetWasm } from "../../www/widget-annotate.js";

const pkg = join(root, "www", "pkg");

test("the widget's default wasm URL is the size build, which is built and smaller", () => {
  assert.equal(widgetWasm().href, pathToFileURL(join(pkg, SIZE_WASM)).href);
  assert.equal(SIZE_WASM, "claimlens_bg.size.wasm");
  assert.ok(existsSync(join(pkg, SIZE_WASM)), "npm run build makes it");
  const fast = statSync(join(pkg, "claimlens_bg.wasm")).size;
  const small = statSync(join(pkg, SIZE_WASM)).size;
  assert.ok(small < fast * 0.9, `size build ${small} bytes, fast ${fast}`);
  // what the widget (and the extension) load: the size build, not the fast one
  const files = widgetFiles();
  assert.ok(files.includes(`pkg/${SIZE_WASM}`), files.join(" "));
  assert.ok(!files.includes("pkg/claimlens_bg.wasm"), files.join(" "));
});

/** The annotations of `texts` from core.js initialised with `wasm` (a file URL, or null for init()'s default). */
function annotateWith(wasm, texts) {
  const script = `
    import { readFileSync } from "node:fs";
    const core = await import(${JSON.stringify(pathToFileURL(join(root, "www", "core.js")).href)});
    const { widgetWasm } = await import(${JSON.stringify(pathToFileURL(join(root, "www", "widget-annotate.js")).href)});
    const wasm = ${JSON.stringify(wasm)};
    await core.init(wasm === "widget" ? widgetWasm() : undefined);
    const cases = JSON.parse(readFileSync(0, "utf8"));
    console.log(JSON.stringify(cases.map(([t, o]) => core.annotate(t, o))));
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("the size build annotates exactly like the fast build", () => {
  const sample = readFileSync(join(root, "bench", "sample.txt"), "utf8");
  const cases = [
    [sample, null],
    [sample.slice(0, 3000), { referenceDate: "2024-03-01", lexicon: { ORG: ["Zebra Works"] } }],
    ["👍🏽 Zoë 😀\r\nMaría Fernández said that Spain’s output grew 2.5% in 2023, according to Eurostat.\r\n", null],
    ["", null],
  ];
  const fast = annotateWith(null, cases);
  const small = annotateWith("widget", cases);
  assert.ok(fast[0].entities.length > 20 && fast[0].claims.length > 5, "the sample has spans to compare");
  assert.deepEqual(small, fast);
});
