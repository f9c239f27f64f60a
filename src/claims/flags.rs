//! How sure, and on whose word: the flags of a claim.
//!
//! * `hedged` — a hedge in the claim or its cue: "reportedly", "could", "is said to", "is believed
//!   to" (`data/hedges.txt`), or a cue of belief ("believes", "expects"). The hedges' spans are
//!   kept so the page can show them.
//! * `anonymous_source` — the source is unnamed: a marker in it or in its sentence ("unnamed",
//!   "anonymous", "people familiar with", "on condition of anonymity"), or a source whose head is
//!   "officials", "sources", "a person", ... with no person named in it
//!   (`data/anonymous_sources.txt`).
//! * `negated` — the speaker denies ("denied", "rejected"), the cue is negated ("did not say"), or
//!   the content's main clause is ("the cartels were not responsible").
//! * `prediction` — a promise, threat or forecast: a cue of intent ("warned", "vowed",
//!   "threatened") or a future or possible event in the content ("will", "would", "could begin").
//!
//! Every scan is capped at [`MAX_SCAN`] tokens per claim part, so the cost per claim is constant.

use std::ops::Range;

use super::context::Ctx;
use super::lexicon::{class, CueClass, PhraseKind};
use super::{CueMatch, Draft};
use crate::annotation::{Label, Polarity};
use crate::span::Span;

/// The most tokens a flag looks at in one part of a claim.
pub const MAX_SCAN: usize = 200;
/// How far into the content its main clause is taken to reach.
const MAIN_CLAUSE: usize = 10;

/// The flags of one claim.
#[derive(Debug, Default)]
pub struct Flags {
    /// Hedge spans, in text order.
    pub hedges: Vec<Span>,
    /// Unnamed sources.
    pub anonymous: bool,
    /// Negated or denied.
    pub negated: bool,
    /// A prediction, promise or threat.
    pub prediction: bool,
}

fn capped(r: Range<usize>) -> Range<usize> {
    r.start..r.end.min(r.start + MAX_SCAN)
}

/// The hedges in tokens `r` (single words and phrases; words inside names and dates do not count).
fn hedges_in(ctx: &Ctx, r: Range<usize>, out: &mut Vec<Span>) {
    let r = capped(r);
    // only the tokens where a hedge may start (a word outside any entity, a hedge or the start
    // of a hedge phrase) need a look
    let mut k = r.start;
    loop {
        k = ctx.next_hedge_start(k, r.end);
        if k >= r.end {
            break;
        }
        if ctx.has(k, class::HEDGE_PHRASE) {
            if let Some((_, n)) = ctx.phrase_at(k, r.end, |p| p.kind == PhraseKind::Hedge) {
                out.push(ctx.span(k..k + n));
                k += n;
                continue;
            }
        }
        if ctx.has(k, class::HEDGE) && !ctx.is_capitalised(k) {
            out.push(ctx.span(k..k + 1));
        }
        k += 1;
    }
}

/// True when tokens `r` hold an anonymity marker ("unnamed", "familiar with").
pub fn has_anon_marker(ctx: &Ctx, r: Range<usize>) -> bool {
    capped(r.clone()).any(|k| {
        ctx.has(k, class::ANON_MARKER)
            || (ctx.has(k, class::ANON_PHRASE)
                && ctx
                    .phrase_at(k, r.end, |p| p.kind == PhraseKind::AnonMarker)
                    .is_some())
    })
}

/// True when a modal or "will" at `k` speaks of the future or the possible ("will impose",
/// "could begin"), not the past ("could have", "would have").
fn future_at(ctx: &Ctx, k: usize, end: usize) -> bool {
    let w = ctx.word(k);
    // every modal but "wo" ("won't") is an auxiliary in the lists: a cheap test first
    let modal = (ctx.has(k, class::AUX) || ctx.is(k, "wo"))
        && [
            "will", "'ll", "’ll", "shall", "would", "could", "may", "might", "wo",
        ]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m));
    let going = ctx.is(k, "going") && ctx.is(k + 1, "to") && k + 2 < end;
    (modal && !ctx.is_capitalised(k) && !(k + 1 < end && ctx.is(k + 1, "have"))) || going
}

/// `flags[..k]` counted for every `k` in `0..=flags.len()`.
pub fn count_before(flags: &[bool]) -> Vec<u32> {
    let mut counts = Vec::with_capacity(flags.len() + 1);
    let mut n = 0u32;
    counts.push(0);
    for &f in flags {
        n += u32::from(f);
        counts.push(n);
    }
    counts
}

/// For each sentence, whether it holds an anonymity marker ("unnamed", "on condition of
/// anonymity"): such a sentence makes its claims rest on anonymous sources.
pub fn anonymous_sentences(ctx: &Ctx) -> Vec<bool> {
    ctx.doc
        .sentences
        .iter()
        .enumerate()
        .map(|(n, s)| {
            ctx.sentence_has(n, class::ANON_MARKER | class::ANON_PHRASE)
                && (s.tokens.clone()).any(|k| {
                    ctx.has(k, class::ANON_MARKER)
                        || (ctx.has(k, class::ANON_PHRASE)
                            && ctx
                                .phrase_at(k, s.tokens.end, |p| p.kind == PhraseKind::AnonMarker)
                                .is_some())
                })
        })
        .collect()
}

/// The flags of a draft in sentences `sentences`, given [`anonymous_sentences`].
///
/// `anonymous_before[s]` counts the anonymous sentences before sentence `s` (see
/// [`count_before`]): a claim's sentences are tested in one subtraction, however many there are
/// (a quote may take its speaker from thousands of sentences back).
pub fn flags(ctx: &Ctx, d: &Draft, sentences: Range<usize>, anonymous_before: &[u32]) -> Flags {
    let mut f = Flags::default();
    let cue: Option<&CueMatch> = d.cue.as_ref();
    // Hedges: around the source and cue, and in the content.
    let mut region_start = d.content.start;
    if let Some(c) = cue {
        region_start = region_start.min(c.tokens.start);
        if c.class == CueClass::Belief {
            f.hedges.push(ctx.span(c.tokens.clone()));
        }
    }
    if let Some(s) = &d.source {
        region_start = region_start.min(s.tokens.end);
    }
    if region_start < d.content.start {
        // the words between source and content: "reportedly argue", "is said to"
        hedges_in(ctx, region_start..d.content.start, &mut f.hedges);
    } else if let (Some(s), Some(c)) = (&d.source, cue) {
        // "Y, X reportedly said"
        if s.tokens.end <= c.tokens.start {
            hedges_in(ctx, s.tokens.end..c.tokens.start, &mut f.hedges);
        }
    }
    hedges_in(ctx, d.content.clone(), &mut f.hedges);
    if !f.hedges.is_sorted_by_key(|s| s.start) {
        let order = super::context::sorted_order(f.hedges.iter().map(|s| s.start as u64));
        f.hedges = super::context::reorder(std::mem::take(&mut f.hedges), &order);
    }
    f.hedges.dedup_by(|a, b| a.start < b.end); // overlapping: keep the first

    // Anonymous sources.
    if let Some(s) = &d.source {
        let named = s
            .tokens
            .clone()
            .any(|k| ctx.entity(k).is_some_and(|e| ctx.label(e) == Label::Person));
        f.anonymous =
            has_anon_marker(ctx, s.tokens.clone()) || (!named && ctx.has(s.head, class::ANON_HEAD));
    }
    if !f.anonymous && d.source.is_some() {
        f.anonymous = sentences.start <= sentences.end
            && sentences.end < anonymous_before.len()
            && anonymous_before[sentences.end] > anonymous_before[sentences.start];
    }

    // Negation and denial.
    let main = d.content.start..d.content.end.min(d.content.start + MAIN_CLAUSE);
    if let Some(c) = cue {
        f.negated = c.polarity == Polarity::Deny || c.negated;
    }
    let mut main_end = main.end;
    if let Some(k) = main.clone().find(|&k| ctx.is_punct_byte(k, b',')) {
        main_end = k;
    }
    if !f.negated {
        f.negated = (main.start..main_end).any(|k| ctx.is_word(k) && ctx.has(k, class::NEG));
    }

    // Predictions, promises and threats.
    if let Some(c) = cue {
        f.prediction = c.class == CueClass::Intent
            && !ctx
                .word(c.tokens.start)
                .as_bytes()
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"want"));
    }
    if !f.prediction {
        f.prediction =
            (main.start..main_end).any(|k| ctx.is_word(k) && future_at(ctx, k, main.end));
    }
    f
}
