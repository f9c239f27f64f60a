// npm run build [-- --if-stale]
// 1. The wasm: Rust core → wasm32 (cargo --release) → wasm-bindgen (--target web) → wasm-opt (npm
//    binaryen) → www/pkg/. Alongside, the widget's size-optimised wasm (cargo profile
//    release-size, opt-level "z", wasm-opt -Oz then --rereloop) → www/pkg/claimlens_bg.size.wasm; its
//    wasm-bindgen glue must be byte-identical to www/pkg/claimlens.js (checked), so one glue and
//    one core.js serve both. With --if-stale, skipped when www/pkg is newer than every source file.
// 2. The page (scripts/build-page.mjs): the service worker's precache list and the single-file
//    dist/claimlens.html. 3. The extension (scripts/build-extension.mjs): the widget and the wasm
//    copied into extension/claimlens/. Both always run: they take milliseconds.
//
// The optimisation settings were chosen by measuring every combination with bench/variants.mjs
// (see bench/README.md): cargo opt-level 3 with wasm-opt -O3 (--converge) is the fastest; opt-level "s" saves
// ~11 KB gzip for ~8-12% less speed and "z" ~34 KB for ~45% less; wasm-opt -Os/-Oz instead of
// -O3 change neither gzip size nor speed by more than noise. `panic = "abort"` changes nothing on
// wasm32 (it aborts already).
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildExtension } from "./build-extension.mjs";
import { buildPage } from "./build-page.mjs";
import { ensureNodeModules, ensureRust, ensureWasmBindgen, log, main, root, SetupError } from "./setup.mjs";

const pkgDir = join(root, "www", "pkg");

/** The cargo profile the wasm is built with. */
export const WASM_PROFILE = "release";
/** wasm-opt's optimisation level for the shipped wasm: -O3 run to a fixed point (--converge is
 *  ~540 B of gzip smaller than one -O3 pass, measured on the page's wasm; -O4 is bigger). */
export const WASM_OPT_LEVEL = "-O3 --converge";
/**
 * The widget's wasm: cargo profile (Cargo.toml: release with opt-level "z"), wasm-opt flags, and
 * the file next to the fast wasm in www/pkg. Measured (bench/README.md): "z" is ~34 KB gzip
 * smaller than opt-level 3 and about half as fast, which is still a few ms for an article; "s" is
 * too big for the widget's 200 KB budget.
 */
export const SIZE_WASM_PROFILE = "release-size";
/** -Oz to a fixed point, then flattened and re-relooped and -Oz again: ~850 B of gzip less than -Oz
 *  alone, at the same speed and with the same packed result (measured on the corpus). */
export const SIZE_WASM_OPT = "-Oz --converge --flatten --rereloop -Oz --converge";
export const SIZE_WASM = "claimlens_bg.size.wasm";
/**
 * Metadata wasm-opt drops from the shipped wasm (after wasm-bindgen has read it; no browser
 * does): the `producers` and `target_features` custom sections, ~260 bytes of gzip.
 */
const WASM_STRIP = ["--strip-producers", "--strip-target-features"];
/** The wasm features wasm-opt may use: those rustc's wasm32 target enables by default. */
const WASM_FEATURES = [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
];

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

export function isStale(outDir = pkgDir, wasmName = "claimlens_bg.wasm") {
  const wasmOut = join(outDir, wasmName);
  if (!existsSync(wasmOut) || !existsSync(join(outDir, "claimlens.js"))) return true;
  const sources = ["src", "data", "build.rs", "Cargo.toml", "Cargo.lock", "scripts/build.mjs"].map((p) => join(root, p));
  return newest(sources) > statSync(wasmOut).mtimeMs;
}

/** Everything `npm run build` makes: the wasm (when stale, with ifStale), the page and the extension. */
export async function build({ ifStale = false } = {}) {
  // The two wasm builds run side by side: each ends in one long single-threaded step (LTO into one
  // codegen unit, then wasm-opt), so on two cores this takes little longer than one build.
  const fast = buildWasm({ ifStale });
  await Promise.all([fast, buildSizeWasm({ ifStale, after: fast })]);
  buildPage();
  buildExtension();
}

/**
 * Builds the wasm package into `outDir` (default www/pkg). `profile`, `optLevel` (cargo's, as
 * a string: "3", "s", "z") and `wasmOpt` ("-O3", "-Oz", ... or null for none) exist so the bench
 * can build and compare variants; the defaults are what ships.
 */
export async function buildWasm({ ifStale = false, outDir = pkgDir, profile = WASM_PROFILE, optLevel, wasmOpt = WASM_OPT_LEVEL, targetDir = join(root, "target"), quiet = false } = {}) {
  if (ifStale && !isStale(outDir)) {
    if (!quiet) log(`${outDir === pkgDir ? "www/pkg" : outDir} is up to date`);
    return;
  }
  const say = quiet ? () => {} : log;
  ensureNodeModules();
  ensureRust();
  const wasmBindgen = ensureWasmBindgen();
  say(`compiling the Rust core to wasm32 (cargo profile ${profile}${optLevel ? `, opt-level ${optLevel}` : ""})`);
  const env = { CARGO_TARGET_DIR: targetDir };
  if (optLevel) env[`CARGO_PROFILE_${profile.toUpperCase().replace(/-/g, "_")}_OPT_LEVEL`] = optLevel;
  await runAsync("cargo", ["build", "--profile", profile, "--locked", "--target", "wasm32-unknown-unknown", "--lib"], { env });
  const dir = profile === "dev" ? "debug" : profile;
  const raw = join(targetDir, "wasm32-unknown-unknown", dir, "claimlens.wasm");
  say("generating the JS binding (wasm-bindgen --target web)");
  await runAsync(wasmBindgen, ["--target", "web", "--out-dir", outDir, "--out-name", "claimlens", raw]);
  const wasmOut = join(outDir, "claimlens_bg.wasm");
  if (wasmOpt) {
    say(`optimising the wasm (wasm-opt ${wasmOpt}, from npm binaryen)`);
    const bin = join(root, "node_modules", ".bin", process.platform === "win32" ? "wasm-opt.cmd" : "wasm-opt");
    await runAsync(bin, [wasmOut, "-o", wasmOut, ...wasmOpt.split(/\s+/), ...WASM_STRIP, ...WASM_FEATURES]);
  }
  // wasm-bindgen writes a .gitignore of "*" into its out dir; the npm package needs the files.
  writeFileSync(join(outDir, ".gitignore"), "");
  const size = statSync(wasmOut).size;
  say(`built ${outDir === pkgDir ? "www/pkg" : outDir}/claimlens_bg.wasm (${(size / 1024).toFixed(0)} KB)`);
}

/** Runs a command like setup.mjs's run(), without blocking: the two wasm builds overlap. */
function runAsync(cmd, args, { env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (e) => reject(e.code === "ENOENT" ? new SetupError(`${cmd} not found.`) : e));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new SetupError(`${cmd} ${args.join(" ")} failed (exit ${code}).`))));
  });
}

/**
 * The widget's wasm, www/pkg/claimlens_bg.size.wasm: built like the fast one into
 * target/wasm-size/, with cargo's own target dir target/size/ (so it can run while the fast
 * build holds target/'s lock, and both stay cached), then only the .wasm is copied next to the
 * fast one once `after` (the fast build) is done. Fails when its glue differs from
 * www/pkg/claimlens.js: core.js would then call a wasm with other imports or exports.
 */
export async function buildSizeWasm({ ifStale = false, quiet = false, after = null } = {}) {
  if (ifStale && !isStale(pkgDir, SIZE_WASM)) {
    if (!quiet) log(`www/pkg/${SIZE_WASM} is up to date`);
    return;
  }
  const stage = join(root, "target", "wasm-size");
  rmSync(stage, { recursive: true, force: true });
  if (!quiet) log(`compiling the widget's wasm (cargo profile ${SIZE_WASM_PROFILE}, wasm-opt ${SIZE_WASM_OPT}) alongside`);
  await buildWasm({ outDir: stage, profile: SIZE_WASM_PROFILE, wasmOpt: SIZE_WASM_OPT, targetDir: join(root, "target", "size"), quiet: true });
  await after;
  for (const f of ["claimlens.js", "claimlens_bg.wasm.d.ts"]) {
    if (!readFileSync(join(stage, f)).equals(readFileSync(join(pkgDir, f)))) {
      throw new SetupError(`the ${SIZE_WASM_PROFILE} build's ${f} differs from www/pkg/${f}: the widget's wasm would not fit the shared glue`);
    }
  }
  copyFileSync(join(stage, "claimlens_bg.wasm"), join(pkgDir, SIZE_WASM));
  const size = statSync(join(pkgDir, SIZE_WASM)).size;
  if (!quiet) log(`built www/pkg/${SIZE_WASM} for the widget (cargo profile ${SIZE_WASM_PROFILE}, wasm-opt ${SIZE_WASM_OPT}; ${(size / 1024).toFixed(0)} KB)`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(() => build({ ifStale: process.argv.includes("--if-stale") }));
}
