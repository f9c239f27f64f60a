//! Direct quotes: words in quotation marks and the speaker named around them.
//!
//! **Pairing the marks.** One pass over the tokens pairs opening and closing marks: curly double
//! (“ ”), straight double ("), guillemets (« »), curly and straight single (‘ ’ ') — a straight
//! mark opens when a space is before it and a word right after it, and closes otherwise. Inside a
//! double-quoted passage single marks are nested quotes and apostrophes, and the other way round.
//! A paragraph break ends an open quote unless the next paragraph opens with a mark again (the
//! convention for a quote running over several paragraphs); an unclosed quote is dropped unless it
//! fills its paragraph. Unbalanced marks therefore cost nothing: each token is looked at once.
//!
//! **Finding the speaker.** `"…," X said` / `"…," said X` / `"…" ― X` after the closing mark;
//! `X said: "…"` / `X told reporters, "…"` before the opening mark (or at the end of the sentence
//! before it: `Caddell continued:` ¶ `"…"`). A quote split by its speaker (`"…," he said, "…"`)
//! or continued in the next sentence (`"…," he said. "…"`) is one claim. Titles of works
//! (`"Shark Tank"`) and scare quotes without a speaker are not claims.

use std::ops::Range;

use super::attribution::cue_at;
use super::context::Ctx;
use super::lexicon::{class, CueWord, VerbForm};
use super::phrases::{fronted_subject, np_after, np_before, skip_paren, Np};
use super::{CueMatch, Draft};
use crate::annotation::ClaimKind;
use crate::text::TokenKind;

/// A passage in quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: usize,
    /// The token after the last quoted token: the closing mark, or the end of the paragraph of an
    /// unclosed quote.
    pub end: usize,
    /// True when a closing mark was found.
    pub closed: bool,
}

impl Quote {
    /// The quoted tokens.
    pub fn inner(&self) -> Range<usize> {
        self.open + 1..self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

/// True when token `t` begins a paragraph (a blank line, or a line break that ends a sentence).
pub fn paragraph_start(ctx: &Ctx, t: usize) -> bool {
    let Some(tok) = ctx.doc.tokens.get(t) else {
        return false;
    };
    tok.newlines_before >= 2
        || (tok.newlines_before >= 1
            && ctx
                .doc
                .sentences
                .get(ctx.sentence_of(t))
                .is_some_and(|s| s.tokens.start == t))
}

/// How a quotation mark may be read where it stands.
fn mark(ctx: &Ctx, t: usize) -> Option<(Kind, bool, bool)> {
    let toks = &ctx.doc.tokens;
    if toks[t].kind != TokenKind::Punct {
        return None;
    }
    let w = ctx.word(t);
    if !super::context::is_quote_mark(w) {
        return None;
    }
    let left_space =
        t == 0 || toks[t].space_before || ctx.is_punct(t - 1, &["(", "[", "—", "–", "-", ":", "―"]);
    let right_word =
        t + 1 < toks.len() && !toks[t + 1].space_before && toks[t + 1].kind != TokenKind::Punct;
    let right_attached = t + 1 < toks.len() && !toks[t + 1].space_before;
    let can_open = left_space && right_attached;
    let can_close = !toks[t].space_before || !right_attached;
    // (kind, may open, may close)
    Some(match w {
        "“" | "„" | "«" => (Kind::Double, true, false),
        "”" | "»" => (Kind::Double, can_open && toks[t].newlines_before > 0, true),
        // straight marks, and the doubled apostrophes of some newswires (''…'', ``…'')
        "\"" | "''" => (Kind::Double, can_open, can_close),
        "``" => (Kind::Double, true, false),
        "‘" => (Kind::Single, right_word, false),
        "’" => (Kind::Single, false, !toks[t].space_before),
        "'" => (
            Kind::Single,
            left_space && right_word,
            !toks[t].space_before,
        ),
        _ => return None,
    })
}

/// Pairs the quotation marks of the whole text, in one pass.
pub fn find_quotes(ctx: &Ctx) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(Kind, usize)> = None;
    let n = ctx.len();
    let mut t = 0;
    while t < n {
        if let Some((kind, o)) = open {
            if t > o + 1 && paragraph_start(ctx, t) {
                // a new paragraph opening with the same mark continues the quote
                if matches!(mark(ctx, t), Some((k, true, _)) if k == kind) {
                    t += 1;
                    continue;
                }
                // an unclosed quote that fills its paragraph is still a quote
                if paragraph_start(ctx, o) || o == 0 {
                    out.push(Quote {
                        open: o,
                        end: t,
                        closed: false,
                    });
                }
                open = None;
            }
        }
        if ctx.doc.tokens[t].kind != TokenKind::Punct {
            t += 1;
            continue;
        }
        if let Some((kind, may_open, may_close)) = mark(ctx, t) {
            match open {
                Some((k, o)) if k == kind => {
                    if may_close && t > o + 1 {
                        out.push(Quote {
                            open: o,
                            end: t,
                            closed: true,
                        });
                        open = None;
                    } else if may_open {
                        open = Some((kind, t)); // unbalanced: start again here
                    }
                }
                Some(_) => {} // the other kind of mark: nested quote or apostrophe
                None => {
                    if may_open {
                        open = Some((kind, t));
                    }
                }
            }
        }
        t += 1;
    }
    if let Some((_, o)) = open {
        if (paragraph_start(ctx, o) || o == 0) && o + 1 < n {
            out.push(Quote {
                open: o,
                end: n,
                closed: false,
            });
        }
    }
    out
}

/// True for the title of a work or a name in quotes: mostly capitalised words, no clause
/// punctuation ("Shark Tank", "Collapse: How Societies Choose to Fail or Succeed").
fn title_like(ctx: &Ctx, inner: Range<usize>) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for k in inner.clone() {
        if ctx.is_word(k) {
            words += 1;
            if ctx.is_capitalised(k) {
                caps += 1;
            }
        } else if ctx.is_punct(k, &[",", ".", "?", "!", ";"]) && k + 1 < inner.end {
            return false;
        }
    }
    (2..=12).contains(&words) && caps * 10 >= words * 6
}

/// A reporting verb at `k` that is not used yet and not a participle.
fn finite_cue(ctx: &Ctx, k: usize, hi: usize, used: &[bool]) -> Option<(CueWord, usize)> {
    let (cue, len) = cue_at(ctx, k, hi)?;
    (cue.form != VerbForm::Ing && !used[k..k + len].iter().any(|&u| u)).then_some((cue, len))
}

/// The speaker after a closing mark: `"…," X said`, `"…," said X`, `"…" ― X`.
fn speaker_after(ctx: &Ctx, q: &Quote, used: &[bool]) -> Option<(Np, CueMatch)> {
    if !q.closed {
        return None;
    }
    let k = q.end + 1;
    if k >= ctx.len() {
        return None;
    }
    // the speaker's words: a few tokens, up to the paragraph's end (a sentence split inside
    // "Rep. Gwen Moore (D-Wis.) said" must not hide the cue)
    let mut hi = k + 1;
    while hi < ctx.len() && hi < k + 48 && !paragraph_start(ctx, hi) {
        hi += 1;
    }
    // `"…" ― Name`: the dash of an epigraph or an embedded post
    if ctx.is_punct(k, &["―", "—", "–", "-", "--"]) && !paragraph_start(ctx, k) {
        let np = np_after(ctx, k + 1, (k + 1 + 8).min(ctx.len()))?;
        return (ctx.is_capitalised(np.tokens.start) || ctx.name_entity(np.head).is_some())
            .then(|| (np, CueMatch::of(dash_cue(ctx), k..k + 1)));
    }
    // The speaker follows in the same sentence, after "…," or "…?" inside the marks.
    let ends_open =
        q.end > q.open + 1 && ctx.is_punct(q.end - 1, &[",", "?", "!", "—", "–", "-", "…", "..."]);
    if !ends_open && ctx.sentence_of(k) != ctx.sentence_of(q.end) {
        return None;
    }
    if paragraph_start(ctx, k) {
        return None;
    }
    if let Some((cue, len)) = finite_cue(ctx, k, hi, used) {
        let np = np_after(ctx, k + len, hi)?;
        return Some((np, CueMatch::of(cue, k..k + len)));
    }
    let np = np_after(ctx, k, hi)?;
    let mut j = skip_paren(ctx, np.tokens.end);
    // `"…," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`:
    // up to three appositives between commas
    if ctx.is_punct(j, &[","]) {
        let mut comma = j;
        for _ in 0..3 {
            let Some(next) = (comma + 1..hi.min(comma + 20))
                .find(|&t| ctx.is_punct(t, &[",", ".", "?", "!", ";", ":"]) || ctx.is_quote(t))
            else {
                break;
            };
            if !ctx.is_punct(next, &[","]) {
                break;
            }
            if finite_cue(ctx, next + 1, hi, used).is_some() {
                j = next + 1;
                break;
            }
            comma = next;
        }
    }
    let adverbs_from = j;
    while j < hi && j < adverbs_from + 3 && ctx.has(j, class::BETWEEN) && !ctx.has(j, class::NEG) {
        j += 1;
    }
    let (cue, len) = finite_cue(ctx, j, hi, used)?;
    Some((np, CueMatch::of(cue, j..j + len)))
}

/// The cue of a dash attribution.
fn dash_cue(ctx: &Ctx) -> CueWord {
    let say = ctx.lx.id("said");
    let v = ctx.lx.info(say).verb;
    let mut c = ctx.lx.verbs[v.max(1) as usize - 1];
    c.form = VerbForm::Past;
    c
}

/// The speaker before an opening mark: `X said: "…"`, `X told reporters, "…"`, or a cue at the
/// end of the sentence before (`Caddell continued:` ¶ `"…"`).
fn speaker_before(ctx: &Ctx, q: &Quote, used: &[bool]) -> Option<(Np, CueMatch)> {
    let o = q.open;
    let s = ctx.sentence_of(o);
    let sent = &ctx.doc.sentences[s];
    if sent.tokens.start == o || (sent.tokens.start + 1 == o && ctx.is_quote(o - 1)) {
        // the quote opens its sentence: a colon at the end of the sentence before
        if s == 0 || ctx.doc.boilerplate_sentence[s - 1] {
            return None;
        }
        let prev = &ctx.doc.sentences[s - 1];
        let last = prev.tokens.end.checked_sub(1)?;
        if !ctx.is_punct(last, &[":"]) {
            return None;
        }
        return cue_before(ctx, prev.tokens.start, last, used);
    }
    let mut p = o;
    if p > sent.tokens.start && ctx.is_punct(p - 1, &[":", ","]) {
        p -= 1;
    }
    cue_before(ctx, sent.tokens.start, p, used)
}

/// A cue in the few tokens before `p` (nothing but a listener or adverbial between), with its
/// subject before it (or after it: `said Trump:`).
fn cue_before(ctx: &Ctx, lo: usize, p: usize, used: &[bool]) -> Option<(Np, CueMatch)> {
    let stop = p.saturating_sub(8).max(lo);
    let mut k = p;
    while k > stop {
        k -= 1;
        if ctx.is_quote(k)
            || ctx.is_punct(k, &[".", "?", "!", ";"])
            || ctx.has(k, class::AUX | class::BE)
            || ctx.is(k, "that")
        {
            return None;
        }
        let Some((cue, len)) = finite_cue(ctx, k, p, used) else {
            continue;
        };
        // what stands between the cue and the quote must not be a clause
        if (k + len..p).any(|g| ctx.info(g).verb > 0) {
            return None;
        }
        let mut j = k;
        while j > lo && j + 4 > k && ctx.has(j - 1, class::BETWEEN) && !ctx.has(j - 1, class::BE) {
            j -= 1;
        }
        if let Some(np) = np_before(ctx, j, lo) {
            return Some((np, CueMatch::of(cue, k..k + len)));
        }
        if j > lo && ctx.is_punct(j - 1, &[","]) {
            // `Douglas Brinkley, a historian who attended the session, recalled, "…"`
            if let Some(np) = fronted_subject(ctx, j - 1, lo, true) {
                return Some((np, CueMatch::of(cue, k..k + len)));
            }
        }
        if j == lo || ctx.is_punct(j - 1, &[","]) {
            // `…, said Trump: "…"`: the speaker fills the gap up to the quote
            let np = np_after(ctx, k + len, p)?;
            return (np.tokens.end == p).then(|| (np, CueMatch::of(cue, k..k + len)));
        }
        return None;
    }
    None
}

/// True when quote `next` goes on with the words of the speaker of the quote before it, whose
/// speaker clause ends at `speaker_end`: `"…," he said, "…"` or `"…," he said. "…"`.
fn continues(ctx: &Ctx, next: &Quote, speaker_end: usize, used: &[bool]) -> bool {
    if next.open < speaker_end || paragraph_start(ctx, next.open) {
        return false;
    }
    // Only the speaker clause stands between them: a comma (`"…," he said, "…"`), or the rest
    // of the speaker's sentence when the next quote opens the next sentence (`"…," he said in an
    // interview. "…"`).
    let gap = speaker_end..next.open;
    let same_sentence = ctx.sentence_of(next.open) == ctx.sentence_of(speaker_end - 1);
    let gap_ok = if same_sentence {
        gap.len() <= 4
            && gap
                .clone()
                .all(|g| ctx.is_punct(g, &[",", ":", ";", "—", "–"]) || ctx.has(g, class::BETWEEN))
    } else {
        let s = ctx.sentence_of(next.open);
        gap.len() <= 10
            && s == ctx.sentence_of(speaker_end - 1) + 1
            && ctx.doc.sentences[s].tokens.start == next.open
            && !gap.clone().any(|g| ctx.is_quote(g) || ctx.info(g).verb > 0)
    };
    gap_ok && speaker_after(ctx, next, used).is_none() && !title_like(ctx, next.inner())
}

/// Finds the quote claims of the text.
pub fn find(ctx: &Ctx, quotes: &[Quote], used: &mut [bool], drafts: &mut Vec<Draft>) {
    let mut q = 0;
    while q < quotes.len() {
        let quote = &quotes[q];
        q += 1;
        let inner = quote.inner();
        if inner.is_empty()
            || ctx.doc.boilerplate_sentence[ctx.sentence_of(quote.open)]
            || !inner.clone().any(|k| ctx.is_word(k))
            || title_like(ctx, inner.clone())
            || inner.clone().any(|k| used[k])
        {
            continue;
        }
        let found = speaker_after(ctx, quote, used).or_else(|| speaker_before(ctx, quote, used));
        let Some((source, cue)) = found else {
            continue;
        };
        // the end of the last quote of the run
        let mut last_end = quote.end;
        let mut speaker_end = cue.tokens.end.max(source.tokens.end);
        while q < quotes.len()
            && speaker_end > last_end
            && continues(ctx, &quotes[q], speaker_end, used)
        {
            last_end = quotes[q].end;
            speaker_end = last_end;
            q += 1;
        }
        // content: from the first quoted word to the last, without a trailing comma
        let mut end = last_end;
        while end > inner.start + 1 && ctx.is_punct(end - 1, &[",", "—", "–", ":"]) {
            end -= 1;
        }
        for u in &mut used[cue.tokens.clone()] {
            *u = true;
        }
        drafts.push(Draft {
            kind: ClaimKind::Quote,
            content: inner.start..end,
            source: Some(source),
            cue: Some(cue),
        });
    }
}
