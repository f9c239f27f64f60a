// npm run fuzz [-- --minutes N] [--target NAME]...: runs each cargo-fuzz target of fuzz/ for N
// minutes (default 5), one after the other, in one process each (one core), and reports the
// executions and crashes per target. Installs what is missing first: the nightly toolchain
// (rustup) and cargo-fuzz (cargo install). Exits 1 when a target crashed.
//
// The corpus grows in fuzz/corpus/NAME (gitignored; kept between runs), seeded from the texts we
// wrote in fuzz/seeds/NAME; crashes land in fuzz/artifacts/NAME, and libFuzzer's full output in
// fuzz/artifacts/NAME.log. Replay a crash with
//   cargo +nightly fuzz run NAME fuzz/artifacts/NAME/crash-…
// then turn it into a test in tests/regressions.rs (see fuzz/README.md).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { log, main, output, root, run, SetupError } from "./setup.mjs";

const fuzz = join(root, "fuzz");
/** libFuzzer options per target: the longest input tried, and a dictionary when there is one. */
const MAX_LEN = { annotate: 16384, jsonl: 16384 };

function parseArgs(argv) {
  const opts = { minutes: 5, targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--minutes") opts.minutes = Number(argv[++i]);
    else if (a === "--target") opts.targets.push(argv[++i]);
    else if (a === "-h" || a === "--help") {
      console.log("npm run fuzz -- [--minutes N] [--target NAME]...   (targets: " + allTargets().join(", ") + ")");
      process.exit(0);
    } else throw new SetupError(`unknown argument ${a} (use --minutes N, --target NAME)`);
  }
  if (!(opts.minutes > 0)) throw new SetupError("--minutes needs a positive number");
  const known = allTargets();
  for (const t of opts.targets) if (!known.includes(t)) throw new SetupError(`no fuzz target ${t} (known: ${known.join(", ")})`);
  if (!opts.targets.length) opts.targets = known;
  return opts;
}

/** The targets declared in fuzz/Cargo.toml. */
function allTargets() {
  const toml = readFileSync(join(fuzz, "Cargo.toml"), "utf8");
  return [...toml.matchAll(/\[\[bin\]\]\s*name\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
}

function ensureFuzzTools() {
  const toolchains = output("rustup", ["toolchain", "list"]);
  if (toolchains === null) throw new SetupError("rustup not found: cargo fuzz needs a nightly toolchain from rustup (https://rustup.rs).");
  if (!/^nightly/m.test(toolchains)) {
    log("installing the nightly Rust toolchain (cargo fuzz needs it)");
    run("rustup", ["toolchain", "install", "nightly", "--profile", "minimal"], { hint: "Run: rustup toolchain install nightly" });
  }
  if (!output("cargo", ["+nightly", "fuzz", "--version"])) {
    log("installing cargo-fuzz (once; about a minute)");
    run("cargo", ["install", "cargo-fuzz", "--locked"], { hint: "Install it by hand with: cargo install cargo-fuzz" });
  }
}

/** Runs one target for `seconds`; resolves to {executions, crashes, status, logFile}. */
function fuzzTarget(name, seconds) {
  const corpus = join(fuzz, "corpus", name);
  const artifacts = join(fuzz, "artifacts", name);
  mkdirSync(corpus, { recursive: true });
  mkdirSync(artifacts, { recursive: true });
  const before = new Set(readdirSync(artifacts));
  const dict = join(fuzz, `${name}.dict`);
  const args = [
    "+nightly", "fuzz", "run", name, corpus, join(fuzz, "seeds", name), "--",
    `-max_total_time=${seconds}`, `-max_len=${MAX_LEN[name] ?? 4096}`, "-timeout=30", "-print_final_stats=1",
    ...(existsSync(dict) ? [`-dict=${dict}`] : []),
  ];
  const logFile = join(fuzz, "artifacts", `${name}.log`);
  const logStream = createWriteStream(logFile);
  log(`fuzzing ${name} for ${seconds} s (log: ${logFile})`);
  return new Promise((resolve, reject) => {
    const child = spawn("cargo", args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let executions = 0;
    let last = "";
    let lastShown = 0;
    const scan = (chunk) => {
      logStream.write(chunk);
      const text = chunk.toString();
      for (const m of text.matchAll(/stat::number_of_executed_units:\s*(\d+)/g)) executions = Number(m[1]);
      for (const m of text.matchAll(/^#(\d+)\s+(?:pulse|NEW|REDUCE|DONE)\s.*$/gm)) {
        executions = Math.max(executions, Number(m[1]));
        last = m[0];
      }
      if (last && Date.now() - lastShown > 60_000) {
        lastShown = Date.now();
        log(`  ${name}: ${last.replace(/\s+MS:.*$/, "")}`);
      }
    };
    child.stdout.on("data", scan);
    child.stderr.on("data", scan);
    child.on("error", reject);
    child.on("close", (status) => {
      logStream.end();
      const crashes = readdirSync(artifacts).filter((f) => !before.has(f)).map((f) => join(artifacts, f));
      resolve({ executions, crashes, status, logFile });
    });
  });
}

main(async () => {
  const opts = parseArgs(process.argv.slice(2));
  ensureFuzzTools();
  const results = [];
  for (const name of opts.targets) {
    const r = await fuzzTarget(name, Math.round(opts.minutes * 60));
    results.push([name, r]);
    if (r.status !== 0 && !r.crashes.length) throw new SetupError(`cargo fuzz run ${name} failed (exit ${r.status}); see ${r.logFile}`);
  }
  let crashed = false;
  for (const [name, r] of results) {
    log(`${name}: ${r.executions.toLocaleString("en")} executions in ${opts.minutes} min, ${r.crashes.length} crash${r.crashes.length === 1 ? "" : "es"}`);
    for (const c of r.crashes) {
      crashed = true;
      log(`  ${c}\n    replay: cargo +nightly fuzz run ${name} ${c}`);
    }
  }
  if (crashed) throw new SetupError("a fuzz target crashed: turn each crash into a test in tests/regressions.rs, then fix it");
});
