// Packs the repo with `npm pack` (its prepack script builds www/pkg when stale) and installs the
// tarball into a new project in a temp dir, as a user would: `npm install ./claimlens-x.y.z.tgz`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../../scripts/setup.mjs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(args, cwd) {
  const r = spawnSync(npm, args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Returns `{ dir, project, files, remove() }`: `files` the paths in the tarball, `project` a
 * project (type: module) with the package installed under node_modules/claimlens.
 */
export function packAndInstall() {
  const dir = mkdtempSync(join(tmpdir(), "claimlens-pack-"));
  // the prepack build logs before npm prints its JSON
  const out = run(["pack", "--json", "--pack-destination", dir], root);
  const [info] = JSON.parse(out.slice(out.search(/^\[/m)));
  const project = join(dir, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-claimlens", private: true, type: "module" }));
  run(["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", join(dir, info.filename)], project);
  return {
    dir,
    project,
    files: info.files.map((f) => f.path),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
