// npm run build [-- --if-stale]
// Rust core → wasm32 → wasm-bindgen (--target web) → wasm-opt (npm binaryen) → www/pkg/.
// With --if-stale, does nothing when www/pkg is newer than every source file.
// Then the page's steps (scripts/build-page.mjs): the service worker's precache list and the
// single-file dist/claimlens.html.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildPage } from "./build-page.mjs";
import { ensureNodeModules, ensureRust, ensureWasmBindgen, log, main, root, run } from "./setup.mjs";

const pkgDir = join(root, "www", "pkg");
const wasmOut = join(pkgDir, "claimlens_bg.wasm");

/** Newest modification time under the given paths (files or directories). */
function newest(paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) t = Math.max(t, newest([join(p, e)]));
    } else {
      t = Math.max(t, st.mtimeMs);
    }
  }
  return t;
}

export function isStale() {
  if (!existsSync(wasmOut) || !existsSync(join(pkgDir, "claimlens.js"))) return true;
  const sources = ["src", "data", "build.rs", "Cargo.toml", "Cargo.lock"].map((p) => join(root, p));
  return newest(sources) > statSync(wasmOut).mtimeMs;
}

/** The wasm (when stale, with ifStale), then the page's own build steps (always: they are quick). */
export async function build({ ifStale = false } = {}) {
  await buildWasm({ ifStale });
  buildPage();
}

async function buildWasm({ ifStale = false } = {}) {
  if (ifStale && !isStale()) {
    log("www/pkg is up to date");
    return;
  }
  ensureNodeModules();
  ensureRust();
  const wasmBindgen = ensureWasmBindgen();
  log("compiling the Rust core to wasm32");
  run("cargo", ["build", "--release", "--locked", "--target", "wasm32-unknown-unknown", "--lib"]);
  const raw = join(root, "target", "wasm32-unknown-unknown", "release", "claimlens.wasm");
  log("generating the JS binding (wasm-bindgen --target web)");
  run(wasmBindgen, ["--target", "web", "--out-dir", pkgDir, "--out-name", "claimlens", raw]);
  log("optimising the wasm (wasm-opt from npm binaryen)");
  const wasmOpt = join(root, "node_modules", ".bin", process.platform === "win32" ? "wasm-opt.cmd" : "wasm-opt");
  run(wasmOpt, [
    wasmOut, "-o", wasmOut, "-O3",
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
  ]);
  // wasm-bindgen writes a .gitignore of "*" into its out dir; the npm package needs the files.
  writeFileSync(join(pkgDir, ".gitignore"), "");
  const size = statSync(wasmOut).size;
  log(`built www/pkg/claimlens_bg.wasm (${(size / 1024).toFixed(0)} KB)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(() => build({ ifStale: process.argv.includes("--if-stale") }));
}
