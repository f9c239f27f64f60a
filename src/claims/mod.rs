//! Claims: the last stage. Finds who said what, how sure they are, on whose word, and what is
//! worth checking.
//!
//! **What counts as a claim.** A claim is a statement someone makes (*attributed*: it has a
//! source or a reporting cue) or a statement of fact worth checking (*check-worthy*: numbers,
//! comparisons, causes about named things). A claim's span is its *content* only; its source and
//! cue are separate spans, and [`Claim::sentence`]`..=`[`Claim::last_sentence`] are the sentences
//! that hold all three (a quote may run over several sentences; a speaker's turn in a transcript
//! reaches back to the speaker's label).
//!
//! The stage reads top to bottom:
//!
//! 1. [`labels`] — speaker labels: `PENCE: …` turns in transcripts, `Pence: …` headlines;
//! 2. [`quotes`] — words in quotation marks and the speaker around them: `"…," X said`,
//!    `X said: "…"`, `"…," said X, "…"`, over several sentences and paragraphs;
//! 3. [`attribution`] — reported speech and the other cues, sentence by sentence: `X said (that)
//!    Y`, `Y, X said`, `…, suggesting that Y`, `according to X, Y`, `citing X`, `X's claim that
//!    Y`, `Y is said to …`, `it was announced that Y`, `X reportedly …`;
//! 4. [`sources`] — each source linked to an entity cluster: names, pronouns ("he" → the last
//!    compatible person), descriptions ("the president", "the report");
//! 5. [`flags`] — hedged, anonymous source, negated or denied, prediction;
//! 6. [`checkworthy`] — a score per sentence and claim, with the features that explain it; a
//!    check-worthy sentence that no claim covers becomes a `statement` claim.
//!
//! The word lists are in `data/` (reporting verbs and nouns with their polarity, hedges,
//! anonymous-source markers, source nouns, function words, check-worthiness cues) and are read by
//! [`lexicon`]. Every step looks a bounded number of tokens around each cue, so the stage runs in
//! time linear in the text.

pub mod attribution;
pub mod checkworthy;
pub mod context;
pub mod flags;
pub mod labels;
pub mod lexicon;
pub mod phrases;
pub mod quotes;
pub mod sources;

use std::ops::Range;

use crate::annotation::{Claim, ClaimKind, Cluster, Cue, Entity, Polarity, Source};
use crate::span::Span;
use crate::text::Doc;
use checkworthy::Scorer;
use context::Ctx;
use lexicon::{CueClass, CueWord};
use phrases::Np;

/// A reporting cue as found: its tokens and what it means.
#[derive(Clone, Debug)]
pub struct CueMatch {
    /// The cue's tokens ("said", "according to", "is said", ":").
    pub tokens: Range<usize>,
    /// Whether the speaker asserts, denies or concedes.
    pub polarity: Polarity,
    /// What kind of cue it is.
    pub class: CueClass,
    /// The cue is negated ("did not say").
    pub negated: bool,
}

impl CueMatch {
    /// Cue word `cue` at `tokens`, not negated.
    pub fn of(cue: CueWord, tokens: Range<usize>) -> CueMatch {
        CueMatch {
            tokens,
            polarity: cue.polarity,
            class: cue.class,
            negated: false,
        }
    }

    /// A plain speech cue at `tokens` ("according to", "citing", a label's colon).
    pub fn speech(tokens: Range<usize>) -> CueMatch {
        CueMatch {
            tokens,
            polarity: Polarity::Assert,
            class: CueClass::Speech,
            negated: false,
        }
    }
}

/// A claim as found, in tokens, before its source is resolved and it is scored.
#[derive(Clone, Debug)]
pub struct Draft {
    /// How the claim is expressed.
    pub kind: ClaimKind,
    /// The content's tokens.
    pub content: Range<usize>,
    /// The source phrase, if any.
    pub source: Option<Np>,
    /// The cue, if any.
    pub cue: Option<CueMatch>,
}

/// The claims of a text, and the check-worthiness of each of its sentences.
#[derive(Debug, Default)]
pub struct Claims {
    /// The claims, in text order of their content.
    pub claims: Vec<Claim>,
    /// Per sentence: its check-worthiness, 0..1.
    pub sentence_checkworthy: Vec<f32>,
}

/// The sentences (first, last) of a draft's content (`sentence_of` takes a token past the end
/// to the last sentence).
fn content_sentences(ctx: &Ctx, d: &Draft) -> (usize, usize) {
    (
        ctx.sentence_of(d.content.start),
        ctx.sentence_of(d.content.end.saturating_sub(1)),
    )
}

/// The sentences (first, last) that a draft's tokens touch: those of its content,
/// `(first, last)`, widened to its source and cue.
fn sentence_range(ctx: &Ctx, d: &Draft, (mut first, mut last): (usize, usize)) -> (usize, usize) {
    for r in [
        d.source.as_ref().map(|s| &s.tokens),
        d.cue.as_ref().map(|c| &c.tokens),
    ]
    .into_iter()
    .flatten()
    {
        if r.is_empty() {
            continue;
        }
        first = first.min(ctx.sentence_of(r.start));
        last = last.max(ctx.sentence_of(r.end - 1));
    }
    (first, last)
}

/// Where a draft's claim stands: its sentences and its most check-worthy content sentence.
struct Placed {
    /// The sentences (first, last) its content, source and cue touch.
    first: usize,
    last: usize,
    /// Its most check-worthy content sentence (not boilerplate), if any, and that sentence's
    /// check-worthiness (0 when none).
    best: Option<usize>,
    checkworthy: f32,
}

/// The key that puts claims in text order: by the start of their content, then its end.
fn order_key(span: Span) -> u64 {
    ((span.start as u64) << 32) | (span.end as u64 & 0xFFFF_FFFF)
}

/// The claim of draft `d`, placed at `p`, with its resolved `source`.
fn draft_claim(
    ctx: &Ctx,
    d: &Draft,
    p: &Placed,
    source: Option<Source>,
    sentence_vectors: &[Option<checkworthy::Vector>],
    anonymous: &[u32],
) -> Claim {
    // 5. Flags.
    let f = flags::flags(ctx, d, p.first..p.last + 1, anonymous);
    let (checkworthy, features) = match p.best.and_then(|s| sentence_vectors[s].as_ref()) {
        Some(v) => Scorer::score(v),
        None => (0.0, Vec::new()),
    };
    let cue = d.cue.as_ref().map(|c| {
        let span = ctx.span(c.tokens.clone());
        Cue {
            span,
            text: span.slice(ctx.doc.text).to_string(),
            polarity: c.polarity,
        }
    });
    Claim {
        id: 0,
        span: ctx.span(d.content.clone()),
        sentence: p.first,
        last_sentence: p.last,
        kind: d.kind,
        source,
        cue,
        hedged: !f.hedges.is_empty(),
        hedges: f.hedges,
        anonymous_source: f.anonymous,
        negated: f.negated,
        prediction: f.prediction,
        checkworthy,
        features,
    }
}

/// The statement claim of sentence `s`, whose content is `span`.
fn statement_claim(s: usize, span: Span, vector: Option<&checkworthy::Vector>) -> Claim {
    let (checkworthy, features) = vector.map_or((0.0, Vec::new()), Scorer::score);
    Claim {
        id: 0,
        span,
        sentence: s,
        last_sentence: s,
        kind: ClaimKind::Statement,
        source: None,
        cue: None,
        hedged: false,
        hedges: Vec::new(),
        anonymous_source: false,
        negated: false,
        prediction: false,
        checkworthy,
        features,
    }
}

/// Finds the claims of `doc`, given its entities and clusters.
pub fn find_claims(doc: &Doc, entities: &[Entity], clusters: &[Cluster]) -> Claims {
    // 6 (first half). Check-worthiness of every sentence, scored as the context reaches it.
    let scorer = Scorer::new(lexicon::claim_lexicon());
    let mut sentence_vectors: Vec<Option<checkworthy::Vector>> =
        Vec::with_capacity(doc.sentences.len());
    let ctx = Ctx::new(doc, entities, clusters, |ctx, s| {
        let sent = &doc.sentences[s];
        sentence_vectors.push(
            (!doc.boilerplate_sentence[s]).then(|| scorer.features(ctx, sent.tokens.clone(), s)),
        );
    });
    let mut used = vec![false; ctx.len()];
    let mut drafts: Vec<Draft> = Vec::new();
    // 1–3. Who said what: speaker labels, quotes, then every other cue.
    labels::find(&ctx, &mut used, &mut drafts);
    let quoted = quotes::find_quotes(&ctx);
    quotes::find(&ctx, &quoted, &mut used, &mut drafts);
    attribution::find(&ctx, &quoted, &mut used, &mut drafts);
    // Contents end on a word: no trailing comma, colon, dash or full stop.
    for d in &mut drafts {
        while d.content.end > d.content.start + 1
            && ctx.is_punct(d.content.end - 1, &[",", ";", ":", "—", "–", "-", "."])
        {
            d.content.end -= 1;
        }
    }
    drafts.retain(|d| !d.content.is_empty());
    // 4. Sources linked to clusters.
    let sources = sources::resolve(&ctx, &drafts);
    let sentence_checkworthy: Vec<f32> = sentence_vectors
        .iter()
        .map(|v| v.as_ref().map_or(0.0, Scorer::probability))
        .collect();

    let anonymous = flags::count_before(&flags::anonymous_sentences(&ctx));
    // 6 (second half). Each draft's sentences and check-worthiness: that of its most
    // check-worthy content sentence.
    // (plain loops here and below: every `map(..).collect()` is compiled once more into the wasm)
    let mut placed = Vec::with_capacity(drafts.len());
    let mut keys = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let (content_first, content_last) = content_sentences(&ctx, d);
        let (first, last) = sentence_range(&ctx, d, (content_first, content_last));
        let mut best: Option<(f32, usize)> = None;
        for s in content_first..=content_last {
            // the last of equally check-worthy sentences, as `max_by` would
            if sentence_vectors[s].is_some()
                && best.is_none_or(|(p, _)| sentence_checkworthy[s].total_cmp(&p).is_ge())
            {
                best = Some((sentence_checkworthy[s], s));
            }
        }
        placed.push(Placed {
            first,
            last,
            best: best.map(|(_, s)| s),
            checkworthy: best.map_or(0.0, |(p, _)| p),
        });
        keys.push(order_key(ctx.span(d.content.clone())));
    }

    // A check-worthy sentence that no check-worthy claim covers is a statement claim.
    // the sentences of check-worthy claims, marked by +1 at the first and -1 after the last: one
    // step per claim however many sentences it spans
    let mut covered_delta = vec![0i32; doc.sentences.len() + 1];
    for p in &placed {
        if p.checkworthy >= 0.5 {
            assert!(p.first <= p.last && p.last < doc.sentences.len());
            covered_delta[p.first] += 1;
            covered_delta[p.last + 1] -= 1;
        }
    }
    // (statements in sentence order: in text order already)
    let mut statements: Vec<(usize, Span)> = Vec::new();
    let mut open = 0i32;
    for (s, sent) in doc.sentences.iter().enumerate() {
        open += covered_delta[s];
        if sentence_vectors[s].is_some() && open <= 0 && sentence_checkworthy[s] >= 0.5 {
            // its content: the sentence without opening quotation marks and final punctuation
            let mut lo = sent.tokens.start;
            let hi = attribution::trim_end(&ctx, sent.tokens.clone());
            while lo + 1 < hi && ctx.is_quote(lo) {
                lo += 1;
            }
            statements.push((s, ctx.span(lo..hi)));
        }
    }
    drop(covered_delta);
    let order = context::sorted_order(keys.iter().copied());
    let mut sources = sources;
    let mut claims = Vec::with_capacity(drafts.len() + statements.len());
    let (mut next_draft, mut next_statement) = (0, 0);
    while next_draft < order.len() || next_statement < statements.len() {
        let draft_first = next_statement == statements.len()
            || next_draft < order.len()
                && keys[order[next_draft]] <= order_key(statements[next_statement].1);
        let claim = if draft_first {
            let d = order[next_draft];
            next_draft += 1;
            draft_claim(
                &ctx,
                &drafts[d],
                &placed[d],
                sources[d].take(),
                &sentence_vectors,
                &anonymous,
            )
        } else {
            let (s, span) = statements[next_statement];
            next_statement += 1;
            statement_claim(s, span, sentence_vectors[s].as_ref())
        };
        claims.push(Claim {
            id: claims.len(),
            ..claim
        });
    }
    Claims {
        claims,
        sentence_checkworthy,
    }
}
