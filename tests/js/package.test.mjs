// The npm package: `npm pack` holds exactly what the API needs (the wasm included), the exports
// map resolves with `types` first, every runtime export has a declaration, and the installed
// package works from Node in a new project.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { moduleGraph, widgetFiles } from "../../scripts/build-extension.mjs";
import { root } from "../../scripts/setup.mjs";
import { packAndInstall } from "./package-pack.mjs";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
let packed;

before(() => {
  packed = packAndInstall();
});
after(() => {
  packed?.remove();
});

test("the tarball holds the API, the widget, their types and the wasm, and nothing else", () => {
  // core.js's default wasm (the fast build) and the widget's (the size build)
  const needed = [...new Set([...moduleGraph(["core.js"]), ...widgetFiles()])].map((f) => `www/${f}`);
  for (const f of [...needed, "www/core.d.ts", "www/widget.d.ts", "www/pkg/claimlens.d.ts", "package.json", "README.md", "LICENSE"]) {
    assert.ok(packed.files.includes(f), `${f} is not in the package`);
  }
  assert.ok(needed.includes("www/pkg/claimlens_bg.wasm"));
  assert.ok(needed.includes("www/pkg/claimlens_bg.size.wasm"));
  const extra = packed.files.filter((f) => !needed.includes(f) && !f.endsWith(".d.ts") && !["package.json", "README.md", "LICENSE"].includes(f));
  assert.deepEqual(extra, []);
});

test("exports: types first, every target packed, side effects only in widget.js", () => {
  assert.equal(pkg.type, "module");
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === "object") {
      assert.equal(Object.keys(target)[0], "types", `${entry}: "types" must come first`);
      for (const file of Object.values(target)) assert.ok(packed.files.includes(file.replace(/^\.\//, "")), `${entry} → ${file}`);
    } else {
      assert.ok(packed.files.includes(target.replace(/^\.\//, "")), `${entry} → ${target}`);
    }
  }
  assert.deepEqual(Object.keys(pkg.exports), [".", "./widget", "./claimlens_bg.wasm", "./claimlens_bg.size.wasm", "./package.json"]);
  // importing the widget registers <claim-lens> and mounts from its script tag; nothing else has effects
  assert.deepEqual(pkg.sideEffects, ["./www/widget.js"]);
  assert.equal(pkg.scripts.prepack, "node scripts/build.mjs --if-stale");
});

/** Names a .d.ts declares as exports (functions, classes, consts; not types). */
function declared(file) {
  const text = readFileSync(join(root, "www", file), "utf8");
  return [...text.matchAll(/^export (?:declare )?(?:function|class|const|let) (\w+)/gm)].map((m) => m[1]).sort();
}

test("every runtime export is declared in the .d.ts files", async () => {
  const core = await import("../../www/core.js");
  const widget = await import("../../www/widget.js");
  assert.deepEqual([...new Set(declared("core.d.ts"))], Object.keys(core).sort());
  assert.deepEqual([...new Set(declared("widget.d.ts"))], Object.keys(widget).sort());
});

test("installed into a new project, it works from Node by its package name", () => {
  const script = join(packed.project, "use.mjs");
  writeFileSync(script, `
    import { init, annotate, version } from "claimlens";
    import { readFile } from "node:fs/promises";
    await init();
    const text = "Ana Sousa said that wages rose by 6% in Lisbon.";
    const a = annotate(text);
    const wasm = await readFile(new URL(import.meta.resolve("claimlens/claimlens_bg.wasm")));
    const sizeWasm = await readFile(new URL(import.meta.resolve("claimlens/claimlens_bg.size.wasm")));
    const widget = await import("claimlens/widget");
    console.log(JSON.stringify({
      version: version(),
      entities: a.entities.map((e) => [text.slice(e.start, e.end), e.label]),
      claims: a.claims.length,
      wasmMagic: [...wasm.subarray(0, 4)],
      sizeWasmMagic: [...sizeWasm.subarray(0, 4)],
      smaller: sizeWasm.length < wasm.length,
      widget: typeof widget.mount,
      pkg: JSON.parse(await readFile(new URL(import.meta.resolve("claimlens/package.json")), "utf8")).name,
    }));
  `);
  const r = spawnSync(process.execPath, [script], { cwd: packed.project, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, pkg.version);
  assert.ok(out.entities.some(([t, l]) => t === "Ana Sousa" && l === "PERSON"), r.stdout);
  assert.ok(out.claims >= 1);
  assert.deepEqual(out.wasmMagic, [0, 97, 115, 109]);
  assert.deepEqual(out.sizeWasmMagic, [0, 97, 115, 109]);
  assert.ok(out.smaller);
  assert.equal(out.widget, "function");
  assert.equal(out.pkg, "claimlens");
});

test("the extension's manifest has the package's version", () => {
  const manifest = JSON.parse(readFileSync(join(root, "extension", "manifest.json"), "utf8"));
  assert.equal(manifest.version, pkg.version);
});
