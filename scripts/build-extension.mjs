// node scripts/build-extension.mjs (also the last step of `npm run build`):
// copies the widget, the JS API and the wasm from www/ into extension/claimlens/, so the browser
// extension ships every file it runs (no remote code). The files are found by following the
// imports from the entry modules, so a new module the widget imports is copied too.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { log, main, root, SetupError } from "./setup.mjs";

const www = join(root, "www");

const IMPORTS = [
  /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g, // import "./x.js"
  /\b(?:import|export)\s[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g, // import { a } from "./x.js"
  /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g, // import("./x.js")
  /\bnew URL\(\s*["']([^"':]+)["']\s*,\s*import\.meta\.url\s*\)/g, // new URL("x.wasm", import.meta.url)
];

/**
 * Every file under www/ that the `entries` (paths relative to www/) load, directly or through
 * other modules, statically or dynamically: relative paths, sorted. `skip`: references (relative
 * to www/) that are not loaded, and are neither listed nor followed.
 */
export function moduleGraph(entries, { skip = [] } = {}) {
  const seen = new Set(skip.map(normalize));
  const todo = [...entries];
  while (todo.length) {
    const rel = normalize(todo.pop());
    if (seen.has(rel)) continue;
    const file = join(www, rel);
    if (!existsSync(file)) throw new SetupError(`www/${rel} is missing (run npm run build)`);
    seen.add(rel);
    if (!rel.endsWith(".js")) continue;
    const source = readFileSync(file, "utf8");
    for (const re of IMPORTS) {
      for (const m of source.matchAll(re)) todo.push(relative(www, join(dirname(file), m[1])));
    }
  }
  return [...seen].filter((f) => !skip.includes(f)).sort();
}

/**
 * The files the widget needs in a page: its modules, core.js, the wasm glue and the size wasm
 * (pkg/claimlens_bg.size.wasm, named in widget-annotate.js). Not the glue's default
 * pkg/claimlens_bg.wasm: the widget always passes init() a wasm (tests/e2e/widget.test.mjs
 * checks which one the browser fetches).
 */
export const widgetFiles = () => moduleGraph(["widget.js"], { skip: ["pkg/claimlens_bg.wasm"] });

/**
 * Copies what the extension runs: the widget for the page, and core.js with the size wasm for
 * the service worker (background.js), which annotates one page at a time, like the widget.
 */
export function buildExtension() {
  const out = join(root, "extension", "claimlens");
  rmSync(out, { recursive: true, force: true });
  const files = widgetFiles();
  for (const rel of files) {
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    cpSync(join(www, rel), join(out, rel));
  }
  const bytes = files.reduce((n, rel) => n + statSync(join(www, rel)).size, 0);
  log(`copied ${files.length} files (${(bytes / 1024).toFixed(0)} KB) into extension/claimlens/`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(() => buildExtension());
}
