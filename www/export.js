// Exports of an annotation, made locally: JSON, W3C Web Annotation (JSON-LD), CSV and a Markdown
// summary. Offsets in every export count Unicode code points (Python string indices, like the
// CLI's JSON and as the Web Annotation model requires), not the UTF-16 units of the JS API.
import { KINDS, LABELS } from "./render.js";
import { checkworthy, whoSaidWhat } from "./panel.js";
import { sourceName } from "./card.js";
import { claimFlags } from "./spans.js";

/** A function converting UTF-16 offsets of `text` into code-point offsets. */
export function codePointMap(text) {
  // indices of the low halves of surrogate pairs: each one makes the count differ by one more
  const lows = [];
  const re = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) lows.push(m.index + 1);
  if (!lows.length) return (i) => i;
  return (i) => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return i - lo;
  };
}

/** The annotation with code-point offsets, plus the text and where it came from. */
export function toJSON(text, annotation, meta = {}) {
  const cp = codePointMap(text);
  const at = (s) => ({ ...s, start: cp(s.start), end: cp(s.end) });
  const out = {
    generator: meta.generator,
    source: meta.name,
    offsets: "codepoints",
    text,
    sentences: annotation.sentences.map(at),
    entities: annotation.entities.map(at),
    clusters: annotation.clusters,
    claims: annotation.claims.map((c) => ({
      ...at(c),
      source: c.source && at(c.source),
      cue: c.cue && at(c.cue),
      hedges: c.hedges?.map(at),
    })),
    boilerplate: annotation.boilerplate.map(at),
  };
  return JSON.stringify(out, null, text.length < 1e6 ? 2 : 0);
}

/** A stable id for a text: urn:sha256:… (or a weaker hash where WebCrypto is unavailable). */
export async function textId(text) {
  const bytes = new TextEncoder().encode(text);
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return `urn:sha256:${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
  }
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `urn:claimlens:fnv1a:${h.toString(16)}`;
}

const CONTEXT = 32;

/** W3C Web Annotation collection: one Annotation per entity, claim, claim source and cue. */
export async function toWebAnnotation(text, annotation, meta = {}) {
  const cp = codePointMap(text);
  const doc = await textId(text);
  // widen a cut that would split a surrogate pair
  const low = (i) => (i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]) ? i + 1 : i);
  const high = (i) => (i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]) ? i + 1 : i);
  const target = (s) => ({
    source: doc,
    selector: [
      { type: "TextQuoteSelector", exact: text.slice(s.start, s.end), prefix: text.slice(low(Math.max(0, s.start - CONTEXT)), s.start), suffix: text.slice(s.end, high(Math.min(text.length, s.end + CONTEXT))) },
      { type: "TextPositionSelector", start: cp(s.start), end: cp(s.end) },
    ],
  });
  const body = (value, purpose) => ({ type: "TextualBody", value, purpose, format: "text/plain" });
  const items = [];
  for (const e of annotation.entities) {
    const cluster = annotation.clusters[e.cluster];
    items.push({
      id: `${doc}#entity-${e.id}`, type: "Annotation", motivation: "identifying",
      body: [body(e.label, "tagging"), body(cluster?.canonical ?? e.text, "identifying")],
      target: target(e),
    });
  }
  for (const c of annotation.claims) {
    const who = sourceName(c, annotation);
    const bodies = [body(`claim:${c.kind}`, "tagging"), ...claimFlags(c).map((f) => body(f.replace(/ /g, "-"), "tagging"))];
    if (c.checkworthy >= 0.5) bodies.push(body("check-worthy", "tagging"));
    bodies.push(body(`${KINDS[c.kind]}${who ? `, by ${who}` : ""}${c.cue ? `, cue “${c.cue.text}”` : ""}; check-worthiness ${c.checkworthy.toFixed(2)}`, "describing"));
    items.push({ id: `${doc}#claim-${c.id}`, type: "Annotation", motivation: "classifying", body: bodies, target: target(c) });
    if (c.source) {
      items.push({
        id: `${doc}#claim-${c.id}-source`, type: "Annotation", motivation: "identifying",
        body: [body("claim-source", "tagging"), body(who, "identifying"), { id: `${doc}#claim-${c.id}`, purpose: "linking" }],
        target: target(c.source),
      });
    }
    if (c.cue) {
      items.push({
        id: `${doc}#claim-${c.id}-cue`, type: "Annotation", motivation: "tagging",
        body: [body(`claim-cue:${c.cue.polarity}`, "tagging"), { id: `${doc}#claim-${c.id}`, purpose: "linking" }],
        target: target(c.cue),
      });
    }
  }
  return JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `${doc}#annotations`,
    type: "AnnotationCollection",
    label: `claimlens annotations${meta.name ? ` of ${meta.name}` : ""}`,
    generator: { type: "Software", name: meta.generator ?? "claimlens" },
    total: items.length,
    first: { id: `${doc}#annotations-page-1`, type: "AnnotationPage", startIndex: 0, items },
  }, null, text.length < 1e6 ? 2 : 0);
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused so spreadsheets show it as text. */
function cell(v) {
  if (v === undefined || v === null) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d[\d.,]*%?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ["type", "id", "claim", "label", "start", "end", "text", "cluster", "canonical", "kind", "source", "cue", "polarity", "hedged", "anonymous_source", "negated", "prediction", "checkworthy"];

/** CSV, one row per span: entities, then each claim with its source, cue and hedges. */
export function toCSV(text, annotation) {
  const cp = codePointMap(text);
  const rows = [CSV_COLUMNS];
  const row = (o) => rows.push(CSV_COLUMNS.map((k) => o[k]));
  const span = (s) => ({ start: cp(s.start), end: cp(s.end), text: text.slice(s.start, s.end) });
  for (const e of annotation.entities) {
    row({ type: "entity", id: e.id, label: e.label, ...span(e), cluster: e.cluster, canonical: annotation.clusters[e.cluster]?.canonical });
  }
  for (const c of annotation.claims) {
    const flags = { kind: c.kind, hedged: c.hedged, anonymous_source: c.anonymous_source, negated: c.negated, prediction: c.prediction, checkworthy: c.checkworthy.toFixed(3) };
    row({ type: "claim", id: c.id, claim: c.id, ...span(c), source: sourceName(c, annotation) ?? "", cue: c.cue?.text ?? "", polarity: c.cue?.polarity ?? "", ...flags });
    if (c.source) {
      const cluster = c.source.cluster != null ? annotation.clusters[c.source.cluster] : null;
      row({ type: "source", claim: c.id, ...span(c.source), label: cluster?.label, cluster: cluster?.id, canonical: cluster?.canonical, kind: c.kind });
    }
    if (c.cue) row({ type: "cue", claim: c.id, ...span(c.cue), polarity: c.cue.polarity, kind: c.kind });
    for (const x of c.hedges ?? []) row({ type: "hedge", claim: c.id, ...span(x), kind: c.kind });
  }
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** Text for Markdown: one line, with Markdown's special characters escaped. */
function md(s) {
  return s.replace(/\s+/g, " ").trim().replace(/([\\`*_{}[\]<>#|!~])/g, "\\$1");
}

/** A Markdown summary: entities, who said what, and the check-worthy list. */
export function toMarkdown(text, annotation, meta = {}) {
  const quote = (c) => `“${md(text.slice(c.start, c.end))}”`;
  const flags = (c) => {
    const f = claimFlags(c);
    return f.length ? ` _(${f.join(", ")})_` : "";
  };
  const checks = checkworthy(annotation);
  const out = [`# claimlens summary${meta.name ? `: ${md(meta.name)}` : ""}`, ""];
  const words = text.match(/\S+/g)?.length ?? 0;
  out.push(`${words.toLocaleString("en")} words · ${annotation.entities.length} entity mentions · ${annotation.claims.length} claims · ${checks.length} check-worthy`, "");
  out.push("## Entities", "");
  for (const [label, name] of LABELS) {
    const clusters = annotation.clusters.filter((c) => c.label === label && c.mentions.length).sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0] - b.mentions[0]);
    if (clusters.length) out.push(`- **${name}:** ${clusters.map((c) => `${md(c.canonical)}${c.mentions.length > 1 ? ` (${c.mentions.length})` : ""}`).join(", ")}`);
  }
  out.push("", "## Who said what", "");
  for (const g of whoSaidWhat(annotation)) {
    out.push(`### ${g.name ? md(g.name) : "No named source"}${g.anonymous ? " (anonymous)" : ""}`, "");
    for (const c of g.claims) out.push(`- ${c.cue ? `_${md(c.cue.text)}_: ` : ""}${quote(c)}${flags(c)}`);
    out.push("");
  }
  out.push("## Check-worthy statements", "");
  checks.forEach((c, i) => {
    const who = sourceName(c, annotation);
    out.push(`${i + 1}. **${c.checkworthy.toFixed(2)}** ${quote(c)}${who ? ` — ${md(who)}` : ""}${flags(c)}`);
  });
  if (!checks.length) out.push("None found.");
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

/** Saves `content` as a download named `name`, made locally from a Blob. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
