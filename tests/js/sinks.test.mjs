// Static check: no shipped script turns a string into markup or code. Every JS file of the page,
// the widget and the extension (www/ but its generated www/pkg/, extension/ but its copy of www/
// in extension/claimlens/) is scanned for the sinks below; each use fails the test unless the
// allowlist names it with a reason. Comments are not scanned.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** What must not appear, by name. */
export const SINKS = {
  innerHTML: /\binnerHTML\b/,
  outerHTML: /\bouterHTML\b/,
  insertAdjacentHTML: /\binsertAdjacentHTML\b/,
  "document.write": /\bdocument\s*\.\s*write(ln)?\b/,
  "eval(": /\beval\s*\(/,
  "new Function / Function(": /\bnew\s+Function\b|\bFunction\s*\(/,
  "setTimeout/setInterval with a string": /\bset(Timeout|Interval)\s*\(\s*["'`]/,
  createContextualFragment: /\bcreateContextualFragment\b/,
  srcdoc: /\bsrcdoc\b/,
  "handler attribute": /\bsetAttribute(NS)?\s*\(\s*(null\s*,\s*)?["'`]on/i,
  "javascript: URL": /["'`]\s*javascript:/i,
  parseFromString: /\bparseFromString\b/,
  "Trusted Types policy": /\bcreatePolicy\b/,
  importScripts: /\bimportScripts\b/,
};

/**
 * The uses that are needed, each with why it is safe; `count` is exact, so one more use in the
 * same file fails too.
 */
const ALLOWED = [
  {
    file: "www/input.js",
    sink: "parseFromString",
    count: 1,
    // pasted HTML and dropped HTML files are parsed into a DOMParser document, which is inert
    // (scripts never run, nothing loads) and never inserted into the page: only its text is read
    why: "DOMParser into an inert document, text read out",
  },
  {
    file: "www/input.js",
    sink: "Trusted Types policy",
    count: 1,
    // the page's CSP requires Trusted Types; this module-private policy only feeds that parser
    why: "the identity policy for the inert DOMParser above, not exported",
  },
  {
    file: "www/boot.js",
    sink: "Trusted Types policy",
    count: 1,
    // script URLs only (no HTML, no script text), and only the page's own worker.js and sw.js
    why: "createScriptURL for this origin's worker.js and sw.js; anything else throws",
  },
  {
    file: "www/sw.js",
    sink: "importScripts",
    count: 1,
    // a constant, same-origin file the build writes (the precache list)
    why: 'importScripts("precache.js"): a literal same-origin path',
  },
];

/** The shipped JS files, relative to the root, with / separators. */
export function shippedFiles() {
  const out = [];
  const walk = (dir, skip) => {
    for (const d of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${d.name}`;
      if (skip.includes(path) || d.name === "node_modules") continue;
      if (d.isDirectory()) walk(path, skip);
      else if (/\.(m?js)$/.test(d.name)) out.push(path);
    }
  };
  walk("www", ["www/pkg"]);
  walk("extension", ["extension/claimlens"]);
  return out.sort();
}

/** The source without its comments (strings keep their content; `//` inside one is left alone). */
export function stripComments(src) {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "))
    .replace(/(^|\s)\/\/.*$/gm, "$1");
}

/** Every use of a sink in `src`: [{sink, line, text}]. */
export function findSinks(src) {
  const found = [];
  stripComments(src).split("\n").forEach((text, i) => {
    for (const [sink, re] of Object.entries(SINKS)) if (re.test(text)) found.push({ sink, line: i + 1, text: text.trim() });
  });
  return found;
}

test("the scanner finds each sink, and not in comments", () => {
  const offenders = [
    "el.innerHTML = text;",
    "x = el.outerHTML;",
    'el.insertAdjacentHTML("beforeend", s);',
    "document.write(s);",
    "document . writeln(s);",
    "eval(code);",
    "const f = new Function('a', body);",
    "const g = Function(body);",
    'setTimeout("run()", 10);',
    "setInterval(`tick()`, 10);",
    "range.createContextualFragment(s);",
    "frame.srcdoc = s;",
    'a.setAttribute("onclick", s);',
    'a.href = "javascript:void 0";',
    'new DOMParser().parseFromString(s, "text/html");',
    'trustedTypes.createPolicy("x", {});',
    'importScripts("a.js");',
  ];
  for (const line of offenders) assert.equal(findSinks(line).length, 1, line);
  const clean = [
    "el.textContent = text; // never innerHTML",
    "/* no eval( here,\n   nor document.write */ el.append(node);",
    "setTimeout(() => run(), 10);",
    'el.setAttribute("aria-label", s); el.setAttribute("data-on", s);',
    "const url = 'https://example.org/a'; // eval(",
    'if (typeof fn === "function") fn();',
  ];
  for (const src of clean) assert.deepEqual(findSinks(src), [], src);
});

test("no shipped script turns a string into markup or code (but the allowlist)", () => {
  const files = shippedFiles();
  // the scan sees the files that matter (a wrong root or pattern would pass on nothing)
  for (const f of ["www/app.js", "www/render.js", "www/widget.js", "www/widget-ui.js", "www/worker.js", "www/sw.js", "extension/content.js", "extension/background.js"]) {
    assert.ok(files.includes(f), `${f} is scanned`);
  }
  assert.ok(!files.some((f) => f.startsWith("www/pkg/") || f.startsWith("extension/claimlens/")));
  const uses = new Map(); // "file|sink" -> [line]
  const offences = [];
  for (const file of files) {
    for (const u of findSinks(readFileSync(join(root, file), "utf8"))) {
      const key = `${file}|${u.sink}`;
      uses.set(key, [...(uses.get(key) ?? []), u]);
      if (!ALLOWED.some((a) => a.file === file && a.sink === u.sink)) offences.push(`${file}:${u.line}: ${u.sink}: ${u.text}`);
    }
  }
  assert.deepEqual(offences, [], `strings turned into markup or code:\n${offences.join("\n")}`);
  for (const a of ALLOWED) {
    const n = uses.get(`${a.file}|${a.sink}`)?.length ?? 0;
    assert.equal(n, a.count, `${a.file} uses ${a.sink} ${n} times; the allowlist says ${a.count} (${a.why}); update it only with a reason`);
  }
});
