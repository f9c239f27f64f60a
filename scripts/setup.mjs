// Makes sure the tools a build needs are here, installing what can be installed:
// npm dependencies, the wasm32 Rust target, and the wasm-bindgen CLI at the version Cargo.toml pins.
// Each step fails with a message that says what to do when it cannot fix things itself.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export class SetupError extends Error {}

/** Runs a command, inheriting stdio; throws SetupError with `hint` on failure. */
export function run(cmd, args, { hint, cwd = root, env } = {}) {
  const r = spawnSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.error?.code === "ENOENT") throw new SetupError(`${cmd} not found. ${hint ?? ""}`.trim());
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(" ")} failed (exit ${r.status}). ${hint ?? ""}`.trim());
}

/** Output of a command, or null when it cannot run. */
export function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export function log(msg) {
  console.log(`\x1b[2m[claimlens]\x1b[0m ${msg}`);
}

/** npm dependencies: installed when node_modules is missing or older than the lockfile. */
export function ensureNodeModules() {
  const lock = join(root, "package-lock.json");
  const marker = join(root, "node_modules", ".package-lock.json");
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  log("installing npm dependencies");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  run(npm, existsSync(lock) ? ["ci", "--no-audit", "--no-fund"] : ["install", "--no-audit", "--no-fund"], {
    hint: "Install Node.js 20 or later (with npm) and try again.",
  });
}

/** The Rust toolchain and the wasm32 target. */
export function ensureRust() {
  if (!output("cargo", ["--version"])) {
    throw new SetupError("Rust not found: install it with rustup (https://rustup.rs), then run this again.");
  }
  const targets = output("rustup", ["target", "list", "--installed"]);
  if (targets === null) {
    throw new SetupError("rustup not found: the wasm32 target is installed with rustup (https://rustup.rs).");
  }
  if (!targets.split("\n").includes("wasm32-unknown-unknown")) {
    log("installing the Rust target wasm32-unknown-unknown");
    run("rustup", ["target", "add", "wasm32-unknown-unknown"], { hint: "Check your network, or run: rustup target add wasm32-unknown-unknown" });
  }
}

/** The wasm-bindgen version pinned in Cargo.toml (`wasm-bindgen = "=X.Y.Z"`). */
export function pinnedWasmBindgen() {
  const m = readFileSync(join(root, "Cargo.toml"), "utf8").match(/wasm-bindgen\s*=\s*"=([0-9.]+)"/);
  if (!m) throw new SetupError("Cargo.toml must pin wasm-bindgen as \"=X.Y.Z\"");
  return m[1];
}

/** Path of a wasm-bindgen CLI at the pinned version, installing it with cargo when missing. */
export function ensureWasmBindgen() {
  const want = pinnedWasmBindgen();
  const cargoHome = process.env.CARGO_HOME ?? join(process.env.HOME ?? "", ".cargo");
  const candidates = ["wasm-bindgen", join(cargoHome, "bin", "wasm-bindgen")];
  for (const c of candidates) {
    const v = output(c, ["--version"]);
    if (v && v.split(/\s+/)[1] === want) return c;
  }
  log(`installing wasm-bindgen-cli ${want} (once; about two minutes)`);
  run("cargo", ["install", "wasm-bindgen-cli", "--version", want], {
    hint: `Install it by hand with: cargo install wasm-bindgen-cli --version ${want}`,
  });
  const bin = join(cargoHome, "bin", "wasm-bindgen");
  if (output(bin, ["--version"])?.split(/\s+/)[1] !== want) throw new SetupError(`wasm-bindgen ${want} is still not found after installing it`);
  return bin;
}

/** Path of the chromium binary for browser tests: $CHROME_PATH, or chromium/chrome on PATH. */
export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new SetupError(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
  }
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const p = output("sh", ["-c", `command -v ${name}`]);
    if (p) return p;
  }
  throw new SetupError("Chromium not found: apt-get install chromium chromium-driver (or set CHROME_PATH).");
}

/** Runs `fn`, printing a SetupError as a one-line message and exiting 1. */
export async function main(fn) {
  try {
    await fn();
  } catch (e) {
    if (e instanceof SetupError) {
      console.error(`\x1b[31mclaimlens: ${e.message}\x1b[0m`);
      process.exit(1);
    }
    throw e;
  }
}
