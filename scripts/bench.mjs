// npm run bench [-- FILE] [--sizes 10k,100k,1m,10m,50m] [--runs N] [--budget S] [--timeout S]
//                [--compromise-bytes 300k] [--compromise-runs 3] [--no-compromise] [--no-browser]
//                [--no-plot] [--quick]
//
// The speed and size benchmark, in one run: claimlens native and wasm (in Node) over the same
// text, compromise + compromise-dates on a slice of it, scaling over input sizes (a fresh process
// per size, for its peak memory), annotate + render in headless Chromium, and the page's and the
// widget's transfer size. Prints a table with the budgets, writes bench/results.json and a PNG
// plot of throughput against size (bench/throughput.png). See bench/README.md.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { build } from "./build.mjs";
import { log, main, root, SetupError } from "./setup.mjs";
import { articles, defaultCorpus, firstWords, formatSize, parseSize } from "../bench/text.mjs";
import { compromiseSize, transferSizes } from "../bench/transfer.mjs";

const BUDGETS = {
  wasm_mb_s: 20,
  ratio: 300,
  native_mb_s: 50,
  render_ms: 30,
  page_gzip: 250 * 1024,
  widget_gzip: 200 * 1024,
  rss_growth_x: 20,
  linear: 0.2,
};

function parseArgs(argv) {
  const a = {
    file: null,
    sizes: ["10k", "100k", "1m", "10m", "50m"],
    runs: 5,
    budget: 15,
    timeout: 60,
    compromiseBytes: "300k",
    compromiseRuns: 3,
    compromise: true,
    browser: true,
    plot: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new SetupError(`${k} needs a value`);
      return argv[++i];
    };
    if (k === "--sizes") a.sizes = v().split(",").filter(Boolean);
    else if (k === "--runs") a.runs = Number(v());
    else if (k === "--budget") a.budget = Number(v());
    else if (k === "--timeout") a.timeout = Number(v());
    else if (k === "--compromise-bytes") a.compromiseBytes = v();
    else if (k === "--compromise-runs") a.compromiseRuns = Number(v());
    else if (k === "--no-compromise") a.compromise = false;
    else if (k === "--no-browser") a.browser = false;
    else if (k === "--no-plot") a.plot = false;
    else if (k === "--quick") {
      a.sizes = ["10k", "100k", "1m"];
      a.runs = 3;
      a.budget = 5;
      a.compromiseBytes = "50k";
      a.compromiseRuns = 1;
    } else if (k.startsWith("--")) throw new SetupError(`unknown option ${k} (see the top of scripts/bench.mjs)`);
    else if (a.file) throw new SetupError("give one text file");
    else a.file = k;
  }
  for (const n of ["runs", "budget", "timeout", "compromiseRuns"]) {
    if (!(a[n] >= 0)) throw new SetupError(`--${n} must be a number`);
  }
  try {
    a.sizes = a.sizes.map(parseSize);
    a.compromiseBytes = parseSize(a.compromiseBytes);
  } catch (e) {
    throw new SetupError(e.message);
  }
  return a;
}

/** Builds the native bench binary (cargo bench profile) and returns its path. */
function buildNativeBench() {
  log("building the native bench (cargo bench --no-run --bench pipeline)");
  const r = spawnSync("cargo", ["bench", "--locked", "--no-run", "--bench", "pipeline", "--message-format=json-render-diagnostics"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new SetupError("cargo bench --no-run failed");
  for (const line of r.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const msg = JSON.parse(line);
    if (msg.reason === "compiler-artifact" && msg.target?.name === "pipeline" && msg.executable) return msg.executable;
  }
  throw new SetupError("cargo did not report the bench executable");
}

/**
 * Runs a measuring child process; returns its JSON, or {timed_out, seconds} when it ran past
 * `timeout` seconds (0: no limit) and was killed.
 */
function child(cmd, args, timeout) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: "utf8",
    timeout: timeout > 0 ? timeout * 1000 : undefined,
    killSignal: "SIGKILL",
    maxBuffer: 16 << 20,
  });
  const seconds = (Date.now() - t0) / 1000;
  if (r.error?.code === "ETIMEDOUT" || (r.signal === "SIGKILL" && timeout > 0 && seconds >= timeout)) {
    return { timed_out: true, seconds };
  }
  if (r.status !== 0) {
    throw new SetupError(`${basename(cmd)} ${args.join(" ")} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  }
  const line = r.stdout.trim().split("\n").pop();
  return { ...JSON.parse(line), seconds };
}

const node = (script, args, timeout) => child(process.execPath, ["--expose-gc", join(root, "bench", script), ...args], timeout);

// ---------- formatting ----------
const f1 = (x) => (x == null || !Number.isFinite(x) ? "–" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toFixed(3));
const int = (x) => (x == null || !Number.isFinite(x) ? "–" : Math.round(x).toLocaleString("en-US"));
const ms = (x) => (x == null || !Number.isFinite(x) ? "–" : x >= 10 ? `${int(x)} ms` : `${x.toFixed(x >= 1 ? 1 : 2)} ms`);
const mb = (b) => (b == null ? "–" : `${(b / 1e6).toFixed(1)} MB`);
const kb = (b) => (b == null ? "–" : `${(b / 1024).toFixed(1)} KB`);
const pad = (s, n) => String(s).padStart(n);
const padr = (s, n) => String(s).padEnd(n);

main(async () => {
  const args = parseArgs(process.argv.slice(2));
  // npm runs scripts from the package root; INIT_CWD is where `npm run bench -- FILE` was typed
  const file = args.file ? resolve(process.env.INIT_CWD ?? process.cwd(), args.file) : defaultCorpus();
  if (!existsSync(file)) throw new SetupError(`no such file: ${file}`);
  const corpusBytes = readFileSync(file).length;
  if (corpusBytes === 0) throw new SetupError(`${file} is empty`);
  const started = Date.now();
  const load0 = loadavg()[0];

  await build({ ifStale: true });
  const nativeBin = buildNativeBench();
  const { runs, budget, timeout } = args;
  const common = ["--runs", String(runs), "--budget", String(budget)];

  log(`corpus: ${file} (${formatSize(corpusBytes)}); load average ${load0.toFixed(2)} on ${cpus().length} CPUs`);
  log("native, whole corpus (one annotate call) and article by article");
  const native = child(nativeBin, ["--file", file, "--json", "--per-doc", ...common], timeout);
  log("wasm in Node, whole corpus and article by article");
  const wasm = node("measure.mjs", ["wasm", "--file", file, "--per-doc", ...common], timeout);

  // compromise on a slice, and claimlens wasm on exactly the same slice
  let comp = null;
  let compWasm = null;
  const compromiseBytes = Math.min(args.compromiseBytes, corpusBytes);
  if (args.compromise) {
    const bytes = compromiseBytes;
    log(`compromise + compromise-dates on the first ${formatSize(bytes)}, article by article (${args.compromiseRuns} runs; ~0.05 MB/s)`);
    const compTimeout = timeout > 0 ? Math.max(timeout, 300) : 0;
    comp = node("measure.mjs", ["compromise", "--file", file, "--bytes", String(bytes), "--per-doc", "--runs", String(args.compromiseRuns), "--budget", "0"], compTimeout);
    compWasm = node("measure.mjs", ["wasm", "--file", file, "--bytes", String(bytes), "--per-doc", ...common], timeout);
  }

  const scaling = [];
  for (const bytes of args.sizes) {
    log(`scaling: ${formatSize(bytes)} (native, then wasm; fresh processes)`);
    const n = child(nativeBin, ["--file", file, "--bytes", String(bytes), "--json", "--no-stages", ...common], timeout);
    const w = node("measure.mjs", ["wasm", "--file", file, "--bytes", String(bytes), ...common], timeout);
    scaling.push({
      size: formatSize(bytes),
      bytes: w.bytes ?? n.bytes ?? bytes,
      native_mb_s: n.timed_out ? null : n.mb_s,
      native_timed_out: !!n.timed_out,
      native_mb_s_upper: n.timed_out ? bytes / 1e6 / timeout : undefined,
      native_runs: n.runs,
      native_rss_bytes: n.rss_peak_bytes,
      wasm_mb_s: w.timed_out ? null : w.mb_s,
      wasm_timed_out: !!w.timed_out,
      wasm_mb_s_upper: w.timed_out ? bytes / 1e6 / timeout : undefined,
      wasm_median_ms: w.median_ms,
      wasm_runs: w.runs,
      spans: w.spans,
      wasm_memory_bytes: w.wasm_memory_bytes,
      rss_bytes: w.rss_peak_bytes,
      rss_growth_bytes: w.rss_growth_bytes,
      decode_ms: w.decode_ms,
    });
  }

  let browser = null;
  if (args.browser) {
    log("headless Chromium: annotate + render 1,000 words on the paste page");
    const text = firstWords(articles(readFileSync(file, "utf8")).join("\n\n"), 1000);
    try {
      const { startBrowser, newPage } = await import("../tests/e2e/browser.mjs");
      const { measureRender } = await import("../bench/browser-perf.mjs");
      const env = await startBrowser();
      try {
        const { page } = await newPage(env.browser);
        await page.goto(env.url);
        browser = { words: text.words, ...(await measureRender(page, text.text, { runs: 15, warmup: 3 })) };
      } finally {
        await env.close();
      }
    } catch (e) {
      console.error(`claimlens bench: the browser measurement failed: ${e.message}`);
    }
  }

  const transfer = transferSizes();
  const compromiseJs = compromiseSize();
  const load1 = loadavg()[0];

  // ---------- results ----------
  const at = (b) => scaling.find((s) => parseSize(s.size) === b);
  const s1 = at(1e6);
  const s50 = at(50e6);
  // the same text at the same granularity: article by article for both
  const ratio = comp && !comp.timed_out && compWasm?.per_doc ? compWasm.per_doc.mb_s / comp.mb_s : null;
  const results = {
    date: new Date().toISOString(),
    corpus: file,
    corpus_name: relative(join(root, ".."), file).startsWith("..") ? basename(file) : relative(join(root, ".."), file),
    corpus_bytes: corpusBytes,
    load_avg: { start: load0, end: load1, cpus: cpus().length },
    seconds: (Date.now() - started) / 1000,
    native_mb_s: native.timed_out ? null : native.mb_s,
    native_spans_s: native.spans_s,
    native_with_json_mb_s: native.with_json_mb_s,
    native_per_doc_mb_s: native.per_doc?.mb_s,
    wasm_mb_s: wasm.timed_out ? null : wasm.mb_s,
    wasm_spans_s: wasm.spans_s,
    wasm_per_doc_mb_s: wasm.per_doc?.mb_s,
    compromise_mb_s: comp && !comp.timed_out ? comp.mb_s : null,
    compromise_spans_s: comp?.spans_s ?? null,
    compromise_bytes: comp?.bytes ?? null,
    wasm_same_slice_mb_s: compWasm?.per_doc?.mb_s ?? null,
    wasm_same_slice_one_call_mb_s: compWasm?.mb_s ?? null,
    ratio_wasm_compromise: ratio,
    page_raw_bytes: transfer.page.raw_bytes,
    page_gzip_bytes: transfer.page.gzip_bytes,
    widget_raw_bytes: transfer.widget?.raw_bytes ?? null,
    widget_gzip_bytes: transfer.widget?.gzip_bytes ?? null,
    compromise_gzip_bytes: compromiseJs?.gzip_bytes ?? null,
    render_1000_words_ms: browser?.total_ms ?? null,
    scaling,
    linearity_50m_over_1m: s1?.wasm_mb_s && s50?.wasm_mb_s ? s50.wasm_mb_s / s1.wasm_mb_s : null,
    rss_growth_x_at_50m: s50 && !s50.wasm_timed_out ? s50.rss_growth_bytes / s50.bytes : null,
    native,
    wasm,
    compromise: comp,
    wasm_same_slice: compWasm,
    browser,
    transfer,
    compromise_js: compromiseJs,
    budgets: BUDGETS,
  };
  writeFileSync(join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  let plot = null;
  if (args.plot) {
    const { writePlot } = await import("../bench/plot.mjs");
    plot = await writePlot(results, join(root, "bench", "throughput.png"));
  }

  // ---------- the table ----------
  const L = [];
  const p = (s = "") => L.push(s);
  p(`claimlens bench · ${results.date.slice(0, 16).replace("T", " ")} UTC · ${results.corpus_name} (${int(corpusBytes)} bytes) · load ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${cpus().length} CPUs`);
  p();
  const row = (name, r, bytes = r?.bytes) => {
    if (!r) return;
    if (r.timed_out) return p(`  ${padr(name, 44)} timed out after ${r.seconds.toFixed(0)} s (< ${f1(bytes / 1e6 / r.seconds)} MB/s)`);
    p(`  ${padr(name, 44)}${pad(f1(r.mb_s), 9)}${pad(int(r.spans_s), 12)}${pad(r.runs, 6)}${pad(ms(r.median_ms), 11)}`);
  };
  p(`The whole text, one call (median of runs after a warm-up)`);
  p(`  ${padr("", 44)}${pad("MB/s", 9)}${pad("spans/s", 12)}${pad("runs", 6)}${pad("median", 11)}`);
  row("claimlens native: Annotator::annotate", native, corpusBytes);
  if (!native.timed_out) p(`  ${padr("claimlens native: + offsets + JSON (as the CLI)", 44)}${pad(f1(native.with_json_mb_s), 9)}`);
  row("claimlens wasm in Node: annotate → JS objects", wasm, corpusBytes);
  if (native.per_doc || wasm.per_doc) {
    const d = native.per_doc ?? wasm.per_doc;
    p(`  article by article (${int(d.docs)} blank-line blocks, ${formatSize(d.bytes)}):`);
    if (native.per_doc) p(`  ${padr("  claimlens native", 44)}${pad(f1(native.per_doc.mb_s), 9)}${pad(int(native.per_doc.spans_s), 12)}${pad(native.per_doc.runs, 6)}${pad(ms(native.per_doc.median_ms), 11)}`);
    if (wasm.per_doc) p(`  ${padr("  claimlens wasm in Node", 44)}${pad(f1(wasm.per_doc.mb_s), 9)}${pad(int(wasm.per_doc.spans_s), 12)}${pad(wasm.per_doc.runs, 6)}${pad(ms(wasm.per_doc.median_ms), 11)}`);
  }
  p(`  spans = entities + claims`);
  if (comp) {
    p();
    const d = comp.docs ? `${int(comp.docs)} articles, ` : "";
    p(`Against compromise, same text: the first ${formatSize(comp.bytes)} of the text (${d}article by article; compromise is too slow for more)`);
    row("compromise + compromise-dates", comp, compromiseBytes);
    if (compWasm?.per_doc) {
      const w = compWasm.per_doc;
      p(`  ${padr("claimlens wasm in Node", 44)}${pad(f1(w.mb_s), 9)}${pad(int(w.spans_s), 12)}${pad(w.runs, 6)}${pad(ms(w.median_ms), 11)}`);
    }
    row("claimlens wasm in Node, one call", compWasm, compromiseBytes);
    p(`  ${padr("ratio claimlens wasm / compromise", 44)}${pad(ratio ? `${f1(ratio)}×` : "–", 9)}`);
    p(`  compromise spans = people, places, organisations, dates, times, money, percentages, quotations`);
  }
  p();
  p(`Scaling: the text repeated to size, a fresh process per size and engine`);
  p(`  ${padr("size", 8)}${pad("native MB/s", 12)}${pad("wasm MB/s", 11)}${pad("wasm ms", 10)}${pad("runs", 6)}${pad("wasm mem", 10)}${pad("RSS peak", 10)}${pad("RSS growth", 12)}${pad("÷ input", 9)}`);
  for (const s of scaling) {
    const nat = s.native_timed_out ? `<${f1(s.native_mb_s_upper)}` : f1(s.native_mb_s);
    const w = s.wasm_timed_out ? `<${f1(s.wasm_mb_s_upper)}` : f1(s.wasm_mb_s);
    p(`  ${padr(s.size, 8)}${pad(nat, 12)}${pad(w, 11)}${pad(s.wasm_timed_out ? `>${timeout} s` : f1(s.wasm_median_ms), 10)}${pad(s.wasm_runs ?? "–", 6)}${pad(mb(s.wasm_memory_bytes), 10)}${pad(mb(s.rss_bytes), 10)}${pad(mb(s.rss_growth_bytes), 12)}${pad(s.rss_growth_bytes ? `${f1(s.rss_growth_bytes / s.bytes)}×` : "–", 9)}`);
  }
  if (scaling.some((s) => s.wasm_timed_out || s.native_timed_out)) p(`  "<": killed after the ${timeout} s limit (--timeout); the figure is an upper bound`);
  if (s1 && s50) p(`  linearity (wasm MB/s at 50 MB ÷ at 1 MB): ${results.linearity_50m_over_1m ? results.linearity_50m_over_1m.toFixed(2) : "– (timed out)"}`);
  const handoff = scaling.find((s) => s.decode_ms != null && s.bytes >= 1e6) ?? scaling.findLast((s) => s.decode_ms != null);
  if (handoff && handoff.wasm_median_ms) {
    p(`  hand-off at ${formatSize(handoff.bytes)}: core.js decoding the packed result into objects ${f1(handoff.decode_ms)} ms = ${f1((100 * handoff.decode_ms) / handoff.wasm_median_ms)}% of the call`);
  }
  if (browser) {
    p();
    p(`Headless Chromium, the paste page: annotate + render ${int(browser.words)} words (${int(browser.chars)} chars), median of ${browser.runs}`);
    p(`  ${f1(browser.total_ms)} ms (annotate ${f1(browser.annotate_ms)}, render ${f1(browser.render_ms)}, layout ${f1(browser.layout_ms)}); ${f1(browser.to_paint_ms)} ms to the painted frame; ${browser.marks} marks`);
  }
  p();
  p(`Transfer size (gzip -9 by zlib), files followed from the entry point`);
  const tr = (name, t) => {
    if (!t) return p(`  ${padr(name, 10)} www/widget.js does not exist yet: nothing counted`);
    p(`  ${padr(name, 10)}${pad(kb(t.raw_bytes), 11)} raw${pad(kb(t.gzip_bytes), 11)} gzip   ${t.files.map((f) => f.file.replace(/^www\//, "")).join(", ")}`);
    if (t.missing.length) p(`  ${padr("", 10)} referenced but missing: ${t.missing.join(", ")}`);
  };
  tr("page", transfer.page);
  tr("widget", transfer.widget);
  if (compromiseJs) p(`  ${padr("compromise", 10)}${pad(kb(compromiseJs.raw_bytes), 11)} raw${pad(kb(compromiseJs.gzip_bytes), 11)} gzip   compromise.js + compromise-dates.min.js (for comparison)`);
  p();
  p(`Budgets`);
  const check = (ok, what, value) => p(`  ${ok === null ? "?" : ok ? "✓" : "✗"} ${padr(what, 52)} ${value}`);
  check(wasm.timed_out ? false : wasm.mb_s >= BUDGETS.wasm_mb_s, "wasm in Node ≥ 20 MB/s (full pipeline + JS objects)", wasm.timed_out ? "timed out" : `${f1(wasm.mb_s)} MB/s`);
  check(ratio === null ? null : ratio >= BUDGETS.ratio, "wasm ≥ 300× compromise (same text, same run)", ratio ? `${f1(ratio)}×` : "not measured");
  check(native.timed_out ? false : native.mb_s >= BUDGETS.native_mb_s, "native ≥ 50 MB/s", native.timed_out ? "timed out" : `${f1(native.mb_s)} MB/s`);
  check(browser ? browser.total_ms <= BUDGETS.render_ms : null, "annotate + render 1,000 words ≤ 30 ms (Chromium)", browser ? `${f1(browser.total_ms)} ms` : "not measured");
  check(transfer.page.gzip_bytes <= BUDGETS.page_gzip, "page ≤ 250 KB gzip", kb(transfer.page.gzip_bytes));
  check(transfer.widget ? transfer.widget.gzip_bytes <= BUDGETS.widget_gzip : null, "widget ≤ 200 KB gzip", transfer.widget ? kb(transfer.widget.gzip_bytes) : "no widget yet");
  const rssX = results.rss_growth_x_at_50m;
  check(s50 ? (rssX === null ? false : rssX <= BUDGETS.rss_growth_x) : null, "RSS growth ≤ 20× input at 50 MB (wasm in Node)", s50 ? (rssX === null ? "timed out" : `${f1(rssX)}×`) : "50 MB not run");
  const lin = results.linearity_50m_over_1m;
  check(s1 && s50 ? (lin === null ? false : Math.abs(1 - lin) <= BUDGETS.linear) : null, "linear: MB/s at 50 MB within 20% of at 1 MB", s1 && s50 ? (lin === null ? "50 MB timed out" : `${(100 * (lin - 1)).toFixed(0)}%`) : "sizes not run");
  p();
  p(`bench/results.json${plot ? `, ${relative(root, plot)}` : ""} written in ${results.seconds.toFixed(0)} s`);
  console.log("\n" + L.join("\n"));
});
