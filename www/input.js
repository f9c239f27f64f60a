// Getting text in: rich paste and HTML files reduced to their readable text (parsed with
// DOMParser into an inert document: nothing in it runs or loads), and text files decoded.

// Under the page's Trusted Types CSP, DOMParser needs TrustedHTML. This policy is private to this
// module and used only to parse into an inert document, which is never inserted into the page.
const inert = globalThis.trustedTypes?.createPolicy("claimlens-inert", { createHTML: (html) => html });

/** Files the page reads, by extension. */
export const TEXT_TYPES = /\.(txt|text|md|markdown)$/i;
export const HTML_TYPES = /\.(html?|xhtml)$/i;
/** The largest file the page opens. */
export const MAX_FILE = 64 * 1024 * 1024;

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "CANVAS", "AUDIO", "VIDEO", "SELECT", "BUTTON", "INPUT", "TEXTAREA", "FORM", "NAV", "ASIDE", "DIALOG", "MENU"]);
const BLOCKS = new Set(["ADDRESS", "ARTICLE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "THEAD", "TFOOT", "TR", "UL", "CAPTION"]);

/**
 * The readable text of an HTML document or fragment: paragraphs separated by blank lines, line
 * breaks kept, whitespace collapsed, and scripts, styles, navigation, forms and hidden elements
 * dropped. The content of <article> (the longest, if several) or <main> is preferred to the whole
 * body. Returns {text, title}.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(inert ? inert.createHTML(html) : html, "text/html");
  const title = (doc.querySelector("title")?.textContent ?? "").replace(/\s+/g, " ").trim();
  const articles = [...doc.querySelectorAll("article")];
  const root = articles.sort((a, b) => b.textContent.length - a.textContent.length)[0] ?? doc.querySelector("main") ?? doc.body ?? doc.documentElement;
  const out = [];
  let brk = 0; // pending break before the next text: 1 = line, 2 = paragraph
  let space = false; // pending space
  let pre = 0;
  const text = (s) => {
    if (!pre) {
      s = s.replace(/[\t\n\f\r ]+/g, " ");
      if (s.startsWith(" ")) {
        space = true;
        s = s.slice(1);
      }
      if (!s) return;
    }
    if (out.length && brk) out.push(brk > 1 ? "\n\n" : "\n");
    else if (out.length && space) out.push(" ");
    brk = 0;
    space = false;
    if (!pre && s.endsWith(" ")) {
      space = true;
      s = s.slice(0, -1);
    }
    out.push(s);
  };
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        text(n.data);
        continue;
      }
      if (n.nodeType !== 1) continue;
      const tag = n.tagName.toUpperCase();
      if (SKIP.has(tag) || n.hidden || n.getAttribute("aria-hidden") === "true" || /display\s*:\s*none/i.test(n.getAttribute("style") ?? "")) continue;
      if (tag === "BR") {
        brk = Math.max(brk, 1);
        continue;
      }
      if (tag === "TD" || tag === "TH") space = true;
      const block = BLOCKS.has(tag);
      if (block) brk = 2;
      if (tag === "PRE") pre++;
      walk(n);
      if (tag === "PRE") pre--;
      if (block) brk = 2;
    }
  };
  if (root) walk(root);
  return { text: out.join(""), title };
}

/** The charset a document declares in its first bytes (<meta charset>), if any. */
function declaredCharset(bytes) {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1];
}

/** Decodes file bytes: BOM, then the declared charset (HTML), then UTF-8, else Windows-1252. */
export function decode(bytes, isHtml) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const declared = isHtml ? declaredCharset(bytes) : null;
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label: try UTF-8 below
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * Reads a dropped or opened file: {text, title, name} for text and HTML files, or throws an Error
 * whose message tells the user what the page can read.
 */
export async function readFile(file) {
  const name = file.name || "file";
  const isHtml = HTML_TYPES.test(name) || file.type === "text/html" || file.type === "application/xhtml+xml";
  const isText = !isHtml && (TEXT_TYPES.test(name) || file.type === "text/plain" || file.type === "text/markdown");
  if (!isHtml && !isText) {
    throw new Error(`“${name}” is not a text or HTML file. claimlens opens .txt and .html files; for a PDF or a Word document, copy its text and paste it here.`);
  }
  if (file.size > MAX_FILE) throw new Error(`“${name}” is ${(file.size / 1048576).toFixed(0)} MB; claimlens opens files up to ${MAX_FILE / 1048576} MB.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const raw = decode(bytes, isHtml);
  if (raw.slice(0, 8192).includes("\u0000")) throw new Error(`“${name}” looks like a binary file, not text.`);
  if (!isHtml) return { text: raw.replace(/^\uFEFF/, ""), title: "", name };
  const { text, title } = htmlToText(raw);
  return { text, title, name };
}
