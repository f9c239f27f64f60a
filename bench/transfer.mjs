// Transfer size: what a browser downloads for the page and for the widget, raw and gzip.
//
// The page: www/index.html and everything it loads, followed through the files: <script src>,
// <link href>, <img src> in HTML; static and dynamic imports, `new URL("…", import.meta.url)`,
// `new Worker(…)`, `importScripts(…)` and service-worker registrations in JS; `url(…)` and
// `@import` in CSS. Only same-origin relative references count (a CDN URL would not be ours).
// The widget: www/widget.js and what it loads the same way: its wasm is the size build
// (pkg/claimlens_bg.size.wasm, named in widget-annotate.js), and the glue's fallback to
// pkg/claimlens_bg.wasm is not followed, since the widget always passes init() a wasm
// (tests/e2e/widget.test.mjs checks which wasm the browser fetches).
// gzip is level 9 (what a static host serves pre-compressed, within a few % of nginx's default).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "../scripts/setup.mjs";

const www = join(root, "www");
/** The glue's default wasm, which the widget does not load (see the top of this file). */
export const WIDGET_SKIPS = "pkg/claimlens_bg.wasm";

/** Relative references in one file, as paths resolved against the file's directory. */
function references(file) {
  const ext = extname(file);
  if (![".html", ".js", ".mjs", ".css"].includes(ext)) return [];
  let src = readFileSync(file, "utf8");
  const found = [];
  const add = (u) => {
    if (!u || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(u)) return; // absolute URLs, data:, anchors
    const path = u.split(/[?#]/)[0];
    if (path) found.push(resolve(dirname(file), path.startsWith("/") ? join(www, path) : path));
  };
  const each = (re) => {
    for (const m of src.matchAll(re)) add(m[1] ?? m[2]);
  };
  if (ext === ".html") {
    src = src.replace(/<!--[\s\S]*?-->/g, "");
    each(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi);
    each(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi);
    each(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi);
    // inline module scripts may import too
    for (const m of src.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      for (const i of m[1].matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']/g)) add(i[1]);
    }
  } else if (ext === ".css") {
    src = src.replace(/\/\*[\s\S]*?\*\//g, "");
    each(/url\(\s*["']?([^"')]+)["']?\s*\)/g);
    each(/@import\s+["']([^"']+)["']/g);
  } else {
    // comments out (a URL in a comment is not loaded); strings are left alone
    src = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'\\])\/\/.*$/gm, "$1");
    each(/\bimport\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+)["']/g);
    each(/\bexport\s*[\w*{}\s,$]*?\bfrom\s*["']([^"']+)["']/g);
    each(/\bimport\(\s*["']([^"']+)["']\s*\)/g);
    each(/\bnew\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g);
    each(/\bnew\s+(?:Shared)?Worker\(\s*["']([^"']+)["']/g);
    each(/\bimportScripts\(\s*["']([^"']+)["']/g);
    each(/\bserviceWorker\.register\(\s*["']([^"']+)["']/g);
  }
  return found;
}

/**
 * Every file reachable from `entries` (absolute paths), in the order found; `skip` (absolute
 * paths): references that are not loaded, and are neither counted nor followed.
 */
export function walk(entries, { skip = [] } = {}) {
  const seen = new Set();
  const skipped = new Set(skip);
  const missing = new Set();
  const queue = [...entries];
  while (queue.length) {
    const f = queue.shift();
    if (seen.has(f) || missing.has(f) || skipped.has(f)) continue;
    if (!existsSync(f) || !statSync(f).isFile()) {
      missing.add(f);
      continue;
    }
    seen.add(f);
    queue.push(...references(f));
  }
  return { files: [...seen], missing: [...missing] };
}

/** Raw and gzip bytes of each file and in total. */
export function sizes(files) {
  const rows = files.map((f) => {
    const buf = readFileSync(f);
    return { file: relative(root, f), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return {
    files: rows,
    raw_bytes: rows.reduce((n, r) => n + r.raw, 0),
    gzip_bytes: rows.reduce((n, r) => n + r.gzip, 0),
  };
}

/** The page's and the widget's transfer sizes; `widget` is null when www/widget.js is missing. */
export function transferSizes() {
  const page = walk([join(www, "index.html")]);
  const widgetEntry = join(www, "widget.js");
  const widget = existsSync(widgetEntry) ? walk([widgetEntry], { skip: [join(www, WIDGET_SKIPS)] }) : null;
  const rel = (fs) => fs.map((f) => relative(root, f));
  return {
    page: { ...sizes(page.files), missing: rel(page.missing) },
    widget: widget ? { ...sizes(widget.files), missing: rel(widget.missing) } : null,
  };
}

/** compromise + compromise-dates as a browser loads them: their minified builds, gzip. */
export function compromiseSize() {
  const files = [
    join(root, "node_modules", "compromise", "builds", "compromise.js"),
    join(root, "node_modules", "compromise-dates", "builds", "compromise-dates.min.js"),
  ].filter((f) => existsSync(f));
  return files.length === 2 ? sizes(files) : null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = transferSizes();
  for (const [name, s] of Object.entries(t)) {
    if (!s) {
      console.log(`${name}: www/widget.js does not exist`);
      continue;
    }
    console.log(`${name}: ${s.raw_bytes} bytes raw, ${s.gzip_bytes} gzip`);
    for (const f of s.files) console.log(`  ${f.file.padEnd(32)} ${String(f.raw).padStart(8)} ${String(f.gzip).padStart(8)}`);
    if (s.missing.length) console.log(`  referenced but missing: ${s.missing.join(", ")}`);
  }
}
