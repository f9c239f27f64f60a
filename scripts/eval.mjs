// npm run eval -- GOLD.jsonl [GOLD2.jsonl ...] [-- score.py options]
// Runs the release CLI over each gold file and prints the scorer's report
// (../shared/eval/score.py, or $CLAIMLENS_SCORER). Predictions are written to target/eval/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { log, main, root, run, SetupError } from "./setup.mjs";

/** ../shared/eval/score.py beside the checkout, or beside one of its parents (a git worktree
 *  under ../wt/NAME shares the main checkout's ../shared). The first place is named when none has it. */
function findScorer() {
  const first = resolve(root, "..", "shared", "eval", "score.py");
  for (let dir = root; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = resolve(dir, "..", "shared", "eval", "score.py");
    if (existsSync(candidate)) return candidate;
  }
  return first;
}

main(async () => {
  const args = process.argv.slice(2);
  const golds = args.filter((a) => !a.startsWith("--"));
  const extra = args.filter((a) => a.startsWith("--"));
  if (golds.length === 0) throw new SetupError("usage: npm run eval -- GOLD.jsonl [more.jsonl] [--quiet|--json]");
  const scorer = process.env.CLAIMLENS_SCORER ?? findScorer();
  if (!existsSync(scorer)) throw new SetupError(`scorer not found at ${scorer} (set CLAIMLENS_SCORER)`);
  run("cargo", ["build", "--release", "--locked", "--bin", "claimlens"]);
  const outDir = join(root, "target", "eval");
  mkdirSync(outDir, { recursive: true });
  for (const gold of golds) {
    const pred = join(outDir, basename(gold).replace(/\.jsonl$/, "") + ".pred.jsonl");
    const fd = openSync(pred, "w");
    const t0 = Date.now();
    const r = spawnSync(join(root, "target", "release", "claimlens"), ["--jsonl", gold], { stdio: ["ignore", fd, "inherit"] });
    closeSync(fd);
    if (r.status !== 0) throw new SetupError(`claimlens failed on ${gold}`);
    log(`${gold}: annotated in ${Date.now() - t0} ms → ${pred}`);
    const s = spawnSync("python3", [scorer, gold, pred, ...extra], { stdio: "inherit" });
    if (s.status !== 0) throw new SetupError(`score.py failed on ${gold}`);
  }
});
