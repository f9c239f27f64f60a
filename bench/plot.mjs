// The throughput plot: MB/s against input size, log–log, as SVG, turned into a PNG by the
// Chromium the browser tests use (no plotting library). Without Chromium only the SVG is written.
import { writeFileSync } from "node:fs";
import { formatSize } from "./text.mjs";

const COLORS = { native: "#1d4ed8", wasm: "#b45309", compromise: "#6b7280", budget: "#9ca3af" };

/** The SVG of `results` (the object written to bench/results.json). */
export function throughputSvg(results) {
  const W = 900;
  const H = 540;
  const m = { l: 80, r: 220, t: 56, b: 64 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const series = [
    { key: "native", label: "claimlens native", pts: results.scaling.map((s) => ({ x: s.bytes, y: s.native_mb_s ?? s.native_mb_s_upper, bound: s.native_timed_out })) },
    { key: "wasm", label: "claimlens wasm (Node)", pts: results.scaling.map((s) => ({ x: s.bytes, y: s.wasm_mb_s ?? s.wasm_mb_s_upper, bound: s.wasm_timed_out })) },
  ];
  const comp = results.compromise && Number.isFinite(results.compromise_mb_s)
    ? { x: results.compromise.bytes, y: results.compromise_mb_s }
    : null;
  const xs = series.flatMap((s) => s.pts.map((p) => p.x)).concat(comp ? [comp.x] : []).filter((v) => v > 0);
  const ys = series.flatMap((s) => s.pts.map((p) => p.y)).concat(comp ? [comp.y] : [], [20, 50]).filter((v) => v > 0 && Number.isFinite(v));
  const lx0 = Math.floor(Math.log10(Math.min(...xs)));
  const lx1 = Math.ceil(Math.log10(Math.max(...xs)));
  const ly0 = Math.floor(Math.log10(Math.min(...ys)));
  const ly1 = Math.ceil(Math.log10(Math.max(...ys)));
  const X = (v) => m.l + ((Math.log10(v) - lx0) / Math.max(1, lx1 - lx0)) * pw;
  const Y = (v) => m.t + ph - ((Math.log10(v) - ly0) / Math.max(1, ly1 - ly0)) * ph;
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${m.l}" y="26" font-size="17" font-weight="bold">claimlens throughput against input size</text>`);
  out.push(`<text x="${m.l}" y="44" fill="#4b5563">${esc(results.corpus_name)} repeated to size · median of runs · ${esc(results.date.slice(0, 10))} · load ${results.load_avg.start.toFixed(1)}</text>`);
  // grid and ticks
  for (let e = lx0; e <= lx1; e++) {
    const x = X(10 ** e);
    out.push(`<line x1="${x}" y1="${m.t}" x2="${x}" y2="${m.t + ph}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x}" y="${m.t + ph + 20}" text-anchor="middle">${formatSize(10 ** e)}</text>`);
  }
  for (let e = ly0; e <= ly1; e++) {
    const y = Y(10 ** e);
    out.push(`<line x1="${m.l}" y1="${y}" x2="${m.l + pw}" y2="${y}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${m.l - 8}" y="${y + 4}" text-anchor="end">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}</text>`);
  }
  out.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#9ca3af"/>`);
  out.push(`<text x="${m.l + pw / 2}" y="${H - 16}" text-anchor="middle">input size (log)</text>`);
  out.push(`<text transform="translate(22 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle">MB/s (log)</text>`);
  // budgets
  for (const [v, label] of [[50, "native budget 50 MB/s"], [20, "wasm budget 20 MB/s"]]) {
    const y = Y(v);
    out.push(`<line x1="${m.l}" y1="${y}" x2="${m.l + pw}" y2="${y}" stroke="${COLORS.budget}" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${m.l + pw - 4}" y="${y - 5}" text-anchor="end" fill="#6b7280" font-size="11">${label}</text>`);
  }
  // series
  for (const s of series) {
    const pts = s.pts.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.y));
    const c = COLORS[s.key];
    const measured = pts.filter((p) => !p.bound);
    if (measured.length > 1) out.push(`<polyline fill="none" stroke="${c}" stroke-width="2.5" points="${measured.map((p) => `${X(p.x)},${Y(p.y)}`).join(" ")}"/>`);
    for (const p of pts) {
      if (p.bound) {
        // timed out: the true value is below this upper bound
        out.push(`<circle cx="${X(p.x)}" cy="${Y(p.y)}" r="5" fill="#fff" stroke="${c}" stroke-width="2"/>`);
        out.push(`<text x="${X(p.x) + 8}" y="${Y(p.y) + 4}" fill="${c}" font-size="11">&lt; (timed out)</text>`);
      } else {
        out.push(`<circle cx="${X(p.x)}" cy="${Y(p.y)}" r="4" fill="${c}"/>`);
      }
    }
  }
  if (comp) {
    out.push(`<rect x="${X(comp.x) - 5}" y="${Y(comp.y) - 5}" width="10" height="10" fill="${COLORS.compromise}"/>`);
  }
  // legend
  const lx = m.l + pw + 18;
  const legend = [
    ["native", "claimlens native"],
    ["wasm", "claimlens wasm in Node"],
    ...(comp ? [["compromise", "compromise + dates"]] : []),
  ];
  legend.forEach(([k, label], i) => {
    const y = m.t + 14 + i * 22;
    if (k === "compromise") out.push(`<rect x="${lx}" y="${y - 9}" width="10" height="10" fill="${COLORS[k]}"/>`);
    else out.push(`<line x1="${lx - 4}" y1="${y - 4}" x2="${lx + 14}" y2="${y - 4}" stroke="${COLORS[k]}" stroke-width="2.5"/>`);
    out.push(`<text x="${lx + 20}" y="${y}">${esc(label)}</text>`);
  });
  const notes = [
    "claimlens: one call per size",
    ...(comp ? [`compromise: ${formatSize(comp.x)}, by article`] : []),
    "hollow: timed out (upper bound)",
  ];
  notes.forEach((t, i) => out.push(`<text x="${lx}" y="${m.t + 24 + (legend.length + i) * 18}" fill="#6b7280" font-size="11">${esc(t)}</text>`));
  out.push(`</svg>`);
  return out.join("\n");
}

/** Writes `pngPath` (or, without Chromium, the SVG next to it); returns the path written. */
export async function writePlot(results, pngPath) {
  const svg = throughputSvg(results);
  try {
    const { chromium } = await import("playwright-core");
    const { findChromium } = await import("../scripts/setup.mjs");
    const { CHROMIUM_ARGS } = await import("../tests/e2e/browser.mjs");
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 540 } });
      await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
      await page.locator("svg").screenshot({ path: pngPath });
    } finally {
      await browser.close();
    }
    return pngPath;
  } catch (e) {
    const svgPath = pngPath.replace(/\.png$/, ".svg");
    writeFileSync(svgPath, svg);
    console.error(`claimlens bench: no PNG (${e.message.split("\n")[0]}); wrote ${svgPath}`);
    return svgPath;
  }
}
