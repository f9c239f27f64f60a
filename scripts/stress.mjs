// npm run stress [-- --mb N]: streams N MB (default 200) of small JSONL documents, generated on
// the fly, through a pipe into `claimlens --jsonl -`, with one malformed line in the middle, and
// reports the results written, the time and the peak resident memory (VmHWM from /proc, Linux).
// Fails when a line is lost or the peak passes 100 MB: memory is bounded by the longest line,
// not the input. (tests/cli.rs checks the same in `cargo test` on 256 lines of up to 1 MB.)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { log, main, root, run, SetupError } from "./setup.mjs";

const LIMIT_MB = 100;

main(async () => {
  const i = process.argv.indexOf("--mb");
  const mb = i > 0 ? Number(process.argv[i + 1]) : 200;
  if (!(mb > 0)) throw new SetupError("--mb needs a positive number");
  run("cargo", ["build", "--release", "--locked", "--bin", "claimlens"]);
  const article = "Union leader Petra de Vries said that the new contract raises wages by 6% over two years. " +
    "Prime Minister Mark Rutte said the deal was fair, according to the finance ministry.";
  const t0 = Date.now();
  const child = spawn(join(root, "target", "release", "claimlens"), ["--jsonl", "-"], { stdio: ["pipe", "pipe", "pipe"] });
  let peak = 0;
  const sample = () => {
    try {
      const kb = Number(/VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1]);
      if (kb > peak) peak = kb;
    } catch {
      // gone
    }
  };
  const timer = setInterval(sample, 20);
  let results = 0;
  let stderr = "";
  child.stdout.on("data", (b) => {
    for (const c of b) if (c === 10) results++;
    sample();
  });
  child.stderr.on("data", (b) => (stderr += b));
  const done = new Promise((resolve) => child.on("close", resolve));

  // the writer: small documents until N MB, the middle one broken
  const total = mb * 1024 * 1024;
  let written = 0;
  let lines = 0;
  let bad = 0;
  const batch = 4096;
  while (written < total) {
    let chunk = "";
    for (let k = 0; k < batch && written + chunk.length < total; k++) {
      lines++;
      chunk += lines === 100_000 ? `{"id":${lines},"text":\n` : `{"id":${lines},"text":"${article}"}\n`;
    }
    if (lines >= 100_000 && !bad) bad = 100_000;
    written += chunk.length;
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once("drain", r));
  }
  child.stdin.end();
  const status = await done;
  clearInterval(timer);
  const secs = (Date.now() - t0) / 1000;
  const expected = lines - (bad ? 1 : 0);
  log(`${mb} MB, ${lines.toLocaleString("en")} lines: ${results.toLocaleString("en")} results in ${secs.toFixed(1)} s (${(mb / secs).toFixed(1)} MB/s), peak RSS ${(peak / 1024).toFixed(1)} MB`);
  if (stderr.trim()) log(`reported: ${stderr.trim()}`);
  if (results !== expected) throw new SetupError(`${expected - results} documents lost`);
  if (bad && (status !== 1 || !stderr.includes(`-:${bad}: skipped: invalid JSON`))) throw new SetupError(`line ${bad} was not reported (exit ${status})`);
  if (peak > LIMIT_MB * 1024) throw new SetupError(`peak RSS ${(peak / 1024).toFixed(1)} MB over ${LIMIT_MB} MB`);
});
