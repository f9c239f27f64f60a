// Bench inputs: which text to measure, and how to make it a given size.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { root } from "../scripts/setup.mjs";

/** Our own sample (written for claimlens, MIT like the rest): used when there is no corpus. */
export const SAMPLE = join(root, "bench", "sample.txt");

/**
 * The default bench text: $CLAIMLENS_CORPUS, else the shared news corpus next to the checkout
 * (`../shared/corpus/news_mix.txt`, also looked for one level higher for worktrees), else our
 * sample. The corpus is read for measuring only; nothing from it is written into the repo.
 */
export function defaultCorpus() {
  if (process.env.CLAIMLENS_CORPUS) return resolve(process.env.CLAIMLENS_CORPUS);
  for (const c of [join(root, "..", "shared", "corpus", "news_mix.txt"), join(root, "..", "..", "shared", "corpus", "news_mix.txt")]) {
    if (existsSync(c)) return resolve(c);
  }
  return SAMPLE;
}

/** "10k" → 10000, "1.5m" → 1500000, "123" → 123. */
export function parseSize(s) {
  const m = String(s).trim().toLowerCase().match(/^(\d+(?:\.\d+)?)\s*([km]?)b?$/);
  if (!m) throw new Error(`bad size ${JSON.stringify(s)} (use e.g. 10k, 1m, 50m)`);
  const n = Number(m[1]) * { "": 1, k: 1e3, m: 1e6 }[m[2]];
  if (!(n > 0)) throw new Error(`bad size ${s}`);
  return Math.round(n);
}

/** 10000 → "10 KB", 1000000 → "1 MB" (decimal units, as in MB/s). */
export function formatSize(bytes) {
  if (bytes >= 1e6) return `${+(bytes / 1e6).toFixed(bytes % 1e6 ? 1 : 0)} MB`;
  if (bytes >= 1e3) return `${+(bytes / 1e3).toFixed(bytes % 1e3 ? 1 : 0)} KB`;
  return `${bytes} B`;
}

/**
 * `buf` (UTF-8 bytes) repeated until at least `bytes` long, then cut at the last line end before
 * `bytes` (or at a char boundary when there is none in the second half). The same rule as
 * `sized` in benches/pipeline.rs, so the native and wasm benches see the same text.
 */
export function sizedBytes(buf, bytes) {
  if (buf.length === 0) return buf;
  const nl = buf[buf.length - 1] === 0x0a ? [] : [Buffer.from("\n")];
  const parts = [];
  let len = 0;
  while (len < bytes) {
    parts.push(buf, ...nl);
    len += buf.length + nl.length;
  }
  const out = Buffer.concat(parts, len);
  let cut = Math.min(bytes, out.length);
  while (cut > 0 && cut < out.length && (out[cut] & 0xc0) === 0x80) cut--;
  const lastNl = out.lastIndexOf(0x0a, cut - 1);
  if (lastNl >= 0 && lastNl > cut / 2) cut = lastNl + 1;
  return out.subarray(0, cut);
}

/** The text of `file`, sized to `bytes` when given: {text, bytes}. */
export function loadText(file, bytes) {
  let buf = readFileSync(file);
  if (bytes) buf = sizedBytes(buf, bytes);
  return { text: buf.toString("utf8"), bytes: buf.length };
}

/** The articles of a text: blocks separated by blank lines (the corpus keeps one per block). */
export function articles(text) {
  return text.split(/\n[ \t]*\n/).map((a) => a.trim()).filter(Boolean);
}

/** The first `words` words of `text`, cut at a line or sentence end after them when near. */
export function firstWords(text, words) {
  const re = /\S+/g;
  let m;
  let n = 0;
  let end = 0;
  while ((m = re.exec(text)) && n < words) {
    n++;
    end = m.index + m[0].length;
  }
  return { text: text.slice(0, end), words: n };
}

/** Median of numbers (does not change `xs`). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
