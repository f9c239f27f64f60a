// node bench/variants.mjs [FILE] [--bytes 1m] [--levels 3,s,z] [--opts -O3,-Os,-Oz] [--repeat 3] [--panic-abort]
//
// Builds the wasm with each cargo opt-level × wasm-opt level into target/bench-variants/ (not
// www/pkg) and measures each: wasm raw and gzip size, and speed in Node (article by article and
// as one call, on the first `--bytes` of the corpus; the median of `--repeat` fresh processes,
// since a shared machine is noisy). With --panic-abort, also the default
// levels with `panic = "abort"`, to see what that gains on wasm32. Slow: every cargo opt-level is
// a full rebuild (about a minute each on 2 cores); run it when choosing the release settings,
// then `npm run build` to put the shipped build back in www/pkg.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWasm as build, WASM_OPT_LEVEL, WASM_PROFILE } from "../scripts/build.mjs";
import { log, main, root, SetupError } from "../scripts/setup.mjs";
import { defaultCorpus, median } from "./text.mjs";

main(async () => {
  const argv = process.argv.slice(2);
  const opt = (k, d) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : d);
  const file = argv.find((a, i) => !a.startsWith("--") && !argv[i - 1]?.startsWith("--")) ?? defaultCorpus();
  const bytes = opt("--bytes", "1m");
  const levels = opt("--levels", "3,s,z").split(",");
  const repeat = Number(opt("--repeat", "3"));
  const opts = opt("--opts", "-O3,-Os,-Oz").split(",");
  const variants = [];
  for (const level of levels) for (const o of opts) variants.push({ level, opt: o, panic: null });
  if (argv.includes("--panic-abort")) variants.push({ level: "3", opt: WASM_OPT_LEVEL, panic: "abort" });

  const rows = [];
  const panicVar = `CARGO_PROFILE_${WASM_PROFILE.toUpperCase()}_PANIC`;
  for (const v of variants) {
    const name = `opt-${v.level}${v.opt.replace(/^-/, "_")}${v.panic ? "_panic-abort" : ""}`;
    const outDir = join(root, "target", "bench-variants", name);
    log(`variant ${name}`);
    if (v.panic) process.env[panicVar] = v.panic;
    else delete process.env[panicVar];
    await build({ outDir, optLevel: v.level, wasmOpt: v.opt, quiet: true });
    const wasm = readFileSync(join(outDir, "claimlens_bg.wasm"));
    const ms = [];
    for (let i = 0; i < repeat; i++) {
      const r = spawnSync(process.execPath, ["--expose-gc", join(root, "bench", "measure.mjs"), "wasm", "--file", file, "--bytes", bytes, "--pkg", outDir, "--per-doc", "--runs", "5", "--budget", "10"], { encoding: "utf8" });
      if (r.status !== 0) throw new SetupError(`measuring ${name} failed:\n${r.stderr}`);
      ms.push(JSON.parse(r.stdout.trim().split("\n").pop()));
    }
    const m = { per_doc: { mb_s: median(ms.map((x) => x.per_doc.mb_s)) }, mb_s: median(ms.map((x) => x.mb_s)) };
    rows.push({ name, raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length, per_doc_mb_s: m.per_doc.mb_s, one_call_mb_s: m.mb_s });
  }
  delete process.env[panicVar];
  console.log(`\nwasm variants on ${file} (first ${bytes}), Node ${process.version}`);
  console.log(`${"variant".padEnd(26)}${"raw".padStart(10)}${"gzip".padStart(10)}${"articles MB/s".padStart(15)}${"one call MB/s".padStart(15)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(26)}${String(r.raw).padStart(10)}${String(r.gzip).padStart(10)}${r.per_doc_mb_s.toFixed(2).padStart(15)}${r.one_call_mb_s.toFixed(2).padStart(15)}`);
  }
  console.log("\nwww/pkg was not touched; `npm run build` rebuilds the shipped settings if target/ changed.");
});
