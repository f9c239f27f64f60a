// npm test [-- STEP...]: set up what is missing, build, then run every suite.
// Steps: rust (cargo test: unit, golden, CLI, offsets), wasm (wasm-bindgen-test in Node),
// js (node --test tests/js), browser (node --test tests/e2e in headless Chromium).
// With no step named, all run; the first failing step stops the run with its exit status.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "./build.mjs";
import { ensureNodeModules, ensureRust, ensureWasmBindgen, findChromium, log, main, root, SetupError } from "./setup.mjs";

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  log(`── ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) throw new SetupError(`${name} failed after ${secs}s (exit ${r.status ?? r.signal})`);
  log(`── ${name}: passed in ${secs}s`);
  return secs;
}

function testFiles(dir) {
  return readdirSync(join(root, dir)).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => join(dir, f));
}

main(async () => {
  const t0 = Date.now();
  const wanted = process.argv.slice(2);
  const runs = (s) => wanted.length === 0 || wanted.includes(s);
  ensureNodeModules();
  ensureRust();
  const times = {};
  if (runs("wasm") || runs("js") || runs("browser")) await build({ ifStale: true });
  if (runs("rust")) times.rust = step("rust", "cargo", ["test", "--locked"]);
  if (runs("wasm")) {
    const runner = join(ensureWasmBindgen(), "..", "wasm-bindgen-test-runner");
    const bin = runner.startsWith("wasm-bindgen") ? "wasm-bindgen-test-runner" : runner;
    times.wasm = step("wasm", "cargo", ["test", "--locked", "--target", "wasm32-unknown-unknown", "--test", "wasm"], {
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: bin,
    });
  }
  if (runs("js")) times.js = step("js", process.execPath, ["--test", ...testFiles("tests/js")]);
  if (runs("browser")) {
    findChromium(); // a clear message before any browser test starts
    times.browser = step("browser", process.execPath, ["--test", "--test-concurrency=1", ...testFiles("tests/e2e")]);
  }
  const total = ((Date.now() - t0) / 1000).toFixed(1);
  log(`all tests passed in ${total}s (${Object.entries(times).map(([k, v]) => `${k} ${v}s`).join(", ")})`);
});
