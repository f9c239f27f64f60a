// The card shown for a highlight: on hover or keyboard focus as a tooltip (the highlight is
// aria-describedby it), or pinned as a non-modal dialog (click, Enter) whose buttons jump to other
// mentions. Escape closes it and returns focus to the highlight.
import { h, shorten } from "./dom.js";
import { KINDS, LABELS, strength } from "./render.js";
import { claimFlags } from "./spans.js";

const LABEL_NAMES = Object.fromEntries(LABELS);
const POLARITY = { deny: "denies", concede: "concedes" };

function formatValue(v) {
  if (!v) return null;
  const range = (a, b) => (b === undefined ? a : `${a} – ${b}`);
  const num = (x) => x.toLocaleString(undefined, { maximumFractionDigits: 4 });
  switch (v.type) {
    case "number": return `${range(num(v.value), v.max === undefined ? undefined : num(v.max))}${v.unit ? ` ${v.unit}` : ""}`;
    case "money": return `${range(num(v.value), v.max === undefined ? undefined : num(v.max))} ${v.currency}`;
    case "percent": return `${range(num(v.value), v.max === undefined ? undefined : num(v.max))}%`;
    case "date": return range(v.iso, v.end);
    case "time": return v.iso;
    default: return null;
  }
}

/** The name a claim's source refers to: its cluster's canonical name, else the words written. */
export function sourceName(claim, annotation) {
  const s = claim.source;
  if (!s) return null;
  const cluster = s.cluster != null ? annotation.clusters[s.cluster] : null;
  return cluster ? cluster.canonical : s.text;
}

function row(name, ...value) {
  return [h("dt", null, name), h("dd", null, ...value)];
}

export function createCard(el, { getDoc, onJump }) {
  let anchor = null; // the highlight the card is about
  let pinned = false;

  function context(text, start, end) {
    const before = shorten(text.slice(Math.max(0, start - 40), start), 40);
    const after = text.slice(end, end + 40).replace(/\s+/g, " ");
    return [`…${before.trimStart()} `, h("b", null, text.slice(start, end)), ` ${after.trimEnd()}…`];
  }

  function entityBody(e, { text, annotation }) {
    const cluster = annotation.clusters[e.cluster];
    const others = (cluster?.mentions ?? []).filter((m) => m !== e.id);
    const claims = annotation.claims.filter((c) => c.source?.cluster === e.cluster).length;
    const value = formatValue(e.value);
    return [
      h("p", { class: "card-kind" }, h("span", { class: "swatch", "data-label": e.label }, LABEL_NAMES[e.label] ?? e.label)),
      h("p", { class: "card-title", id: "card-title" }, e.text),
      h("dl", null,
        cluster && cluster.canonical !== e.text ? row("Refers to", cluster.canonical) : null,
        e.role ? row("Role", e.role) : null,
        value ? row("Value", value) : null,
        row("Mentions", `${cluster?.mentions.length ?? 1}`),
        claims ? row("Source of", `${claims} claim${claims === 1 ? "" : "s"}`) : null,
      ),
      others.length
        ? h("div", { class: "card-mentions" }, h("p", null, "Other mentions"),
          h("ul", null, others.slice(0, 6).map((m) => {
            const o = annotation.entities[m];
            return h("li", null, h("button", { type: "button", onclick: () => onJump(`e${m}`) }, context(text, o.start, o.end)));
          })),
          others.length > 6 ? h("p", { class: "muted" }, `and ${others.length - 6} more`) : null)
        : null,
    ];
  }

  function claimBody(c, { text, annotation }) {
    const who = sourceName(c, annotation);
    const s = c.source;
    const score = strength(c.checkworthy);
    const flags = claimFlags(c);
    return [
      h("p", { class: "card-kind" }, h("span", { class: "claim-swatch", "data-kind": c.kind }, KINDS[c.kind] ?? c.kind),
        flags.map((f) => h("span", { class: "flag" }, f))),
      h("p", { class: "card-title", id: "card-title" }, who ? `${who}${c.cue ? ` ${POLARITY[c.cue.polarity] ?? c.cue.text}` : ""}` : c.cue ? `Unnamed source: ${c.cue.text}` : "Unattributed statement"),
      h("dl", null,
        row("Who", who ?? "no named source",
          s && (s.resolved || who !== s.text) ? h("span", { class: "muted" }, ` (written “${s.text}”)`) : null,
          s ? h("button", { type: "button", class: "link", onclick: () => onJump(`s${c.id}`) }, "show") : null),
        c.cue ? row("Cue", c.cue.text, c.cue.polarity !== "assert" ? ` (${POLARITY[c.cue.polarity]})` : "") : null,
        row("Says", `“${shorten(text.slice(c.start, c.end), 400)}”`),
        c.hedges?.length ? row("Hedges", c.hedges.map((x) => text.slice(x.start, x.end)).join(", ")) : null,
        row("Check-worthy", `${c.checkworthy.toFixed(2)}${score ? ` (${score})` : ""}`,
          c.features?.length ? h("span", { class: "muted" }, ` ${c.features.join(", ")}`) : null),
      ),
    ];
  }

  function place() {
    const r = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
    const width = Math.min(el.offsetWidth, innerWidth - 16);
    const left = Math.max(8, Math.min(r.left, innerWidth - width - 8));
    const below = r.bottom + 8 + el.offsetHeight <= innerHeight || r.top < el.offsetHeight + 8;
    const top = below ? r.bottom + 6 : r.top - el.offsetHeight - 6;
    el.style.left = `${left + scrollX}px`;
    el.style.top = `${top + scrollY}px`;
  }

  const card = {
    get anchor() {
      return anchor;
    },
    get pinned() {
      return pinned;
    },
    /** Shows the card for `item` ({kind, id}) next to `target`; pinned makes it a dialog. */
    show(item, target, pin = false) {
      const doc = getDoc();
      if (!doc || !target) return;
      if (anchor && anchor !== target) anchor.removeAttribute("aria-describedby");
      anchor = target;
      pinned = pin;
      const body = item.kind === "e" ? entityBody(doc.annotation.entities[item.id], doc) : claimBody(doc.annotation.claims[item.id], doc);
      el.replaceChildren(
        ...(pin ? [h("button", { type: "button", class: "card-close", "aria-label": "Close", onclick: () => card.hide(true) }, "×")] : []),
        ...body.filter(Boolean),
      );
      el.setAttribute("role", pin ? "dialog" : "tooltip");
      if (pin) el.setAttribute("aria-labelledby", "card-title");
      else el.removeAttribute("aria-labelledby");
      el.classList.toggle("pinned", pin);
      el.hidden = false;
      target.setAttribute("aria-describedby", el.id);
      place();
      if (pin) el.focus();
    },
    /** Hides the card; with `refocus`, focus goes back to its highlight. */
    hide(refocus = false) {
      if (el.hidden) return;
      el.hidden = true;
      pinned = false;
      const a = anchor;
      anchor = null;
      a?.removeAttribute("aria-describedby");
      if (refocus && a?.isConnected) {
        // back on the highlight, the card stays closed until the focus moves on
        card.quiet = a;
        a.focus();
      }
    },
    /** A highlight whose next focus should not open the card (it was just closed with Escape). */
    quiet: null,
  };
  el.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      card.hide(true);
    }
  });
  return card;
}
