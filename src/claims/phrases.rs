//! Noun phrases around a cue: who speaks ("a spokesman for the campaign said"), whom they told
//! ("told reporters that"). There is no part-of-speech tagger: a phrase is a run of content words,
//! names, numbers and possessives, opened by a determiner and joined by a few prepositions ("of",
//! "for", "at", ...), and closed by any other function word or punctuation. Every walk is capped
//! at [`MAX_NP`] tokens, so the cost per cue is constant.

use std::ops::Range;

use super::context::Ctx;
use super::lexicon::class;

/// The longest noun phrase considered, in tokens.
pub const MAX_NP: usize = 14;

/// A noun phrase: its tokens and its head (the word it is about: "spokesman" in "a spokesman
/// for the campaign").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Np {
    /// The phrase's tokens.
    pub tokens: Range<usize>,
    /// The head token.
    pub head: usize,
}

/// True for "." right after a short capitalised word ("Mr.", "Gov.") inside a name.
fn is_title_dot(ctx: &Ctx, i: usize) -> bool {
    i > 0
        && ctx.word(i) == "."
        && !ctx.doc.tokens[i].space_before
        && ctx.is_capitalised(i - 1)
        && ctx.word(i - 1).len() <= 4
        && i + 1 < ctx.len()
        && ctx.is_capitalised(i + 1)
}

/// True for a hyphen inside a compound ("vice-presidential"): no spaces around it.
fn is_inner_hyphen(ctx: &Ctx, i: usize) -> bool {
    ctx.is_punct(i, &["-", "–"])
        && !ctx.doc.tokens[i].space_before
        && i + 1 < ctx.len()
        && !ctx.doc.tokens[i + 1].space_before
}

/// True for a lower-case adverb in "-ly" ("barely", "early", "repeatedly"), which is no noun.
pub fn is_ly_adverb(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    w.len() > 4
        && w.ends_with("ly")
        && !ctx.is_capitalised(i)
        && !matches!(
            w,
            "family"
                | "ally"
                | "rally"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "italy"
                | "july"
                | "reply"
                | "butterfly"
        )
}

/// True when token `i` can be inside a noun phrase without ending it.
fn np_inner(ctx: &Ctx, i: usize) -> bool {
    (ctx.is_content_word(i) && !is_ly_adverb(ctx, i))
        || ctx
            .doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == crate::text::TokenKind::Number)
        || ctx.is_possessive_s(i)
        || is_title_dot(ctx, i)
        || is_inner_hyphen(ctx, i)
        || ctx.name_entity(i).is_some()
}

/// True when the head candidate `i` reads as a participle ("published") rather than a noun.
fn is_participle(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    !ctx.is_capitalised(i) && (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4
}

/// The noun phrase that ends just before token `end`, not reaching before `lo`.
///
/// Returns a name (with its titles and descriptors: "longtime Democratic pollster Pat Caddell"),
/// a pronoun ("he", "who"), or a description ("a spokesman for the campaign", "the report").
pub fn np_before(ctx: &Ctx, end: usize, lo: usize) -> Option<Np> {
    if end <= lo || end > ctx.len() {
        return None;
    }
    let last = end - 1;
    // "who", "which" stand for the phrase before them; "that" is too often a conjunction or the
    // relative of a thing ("a dress that showed")
    if ctx.has(last, class::PRON | class::REL) && ctx.name_entity(last).is_none() {
        if ctx.is(last, "that") {
            return None;
        }
        return Some(Np {
            tokens: last..end,
            head: last,
        });
    }
    if !np_inner(ctx, last) || ctx.is_possessive_s(last) || ctx.is_punct(last, &["-", "–", "."]) {
        return None;
    }
    let mut head = last;
    let mut start = end;
    let mut k = end;
    let mut preps = 0;
    while k > lo && end - k < MAX_NP {
        let t = k - 1;
        if let Some(e) = ctx.name_entity(t) {
            let r = ctx.entity_tokens(e);
            k = r.start.max(lo);
            start = k;
            continue;
        }
        if ctx.has(t, class::DET | class::POSS) && ctx.is_word(t) {
            start = t;
            // "a spokesman for [the] campaign": a determiner after an inner preposition
            if t > lo + 1 && ctx.has(t - 1, class::NP_PREP) && np_inner(ctx, t - 2) && preps < 2 {
                preps += 1;
                head = t - 2;
                k = t - 1;
                continue;
            }
            break;
        }
        // a reporting verb form ends the phrase unless it is its head ("the report | says")
        if np_inner(ctx, t) && (t == last || ctx.info(t).verb == 0 || ctx.is_capitalised(t)) {
            start = t;
            k = t;
            continue;
        }
        if ctx.has(t, class::NP_PREP) && t > lo && np_inner(ctx, t - 1) && preps < 2 {
            preps += 1;
            head = t - 1;
            k = t;
            continue;
        }
        break;
    }
    if start >= end {
        return None;
    }
    // "a report published by the Times": the head is the noun before the participle
    if head > start && head + 1 < end && is_participle(ctx, head) && np_inner(ctx, head - 1) {
        head -= 1;
    }
    // a phrase that begins with a possessive "'s" is cut ("'s spokesman" is not a phrase)
    while start < head && ctx.is_possessive_s(start) {
        start += 1;
    }
    Some(Np {
        tokens: start..end,
        head,
    })
}

/// The noun phrase that starts at token `start`, not reaching `hi`.
pub fn np_after(ctx: &Ctx, start: usize, hi: usize) -> Option<Np> {
    if start >= hi || start >= ctx.len() {
        return None;
    }
    if ctx.has(start, class::PRON | class::OBJ_PRON) && ctx.name_entity(start).is_none() {
        return Some(Np {
            tokens: start..start + 1,
            head: start,
        });
    }
    let mut k = start;
    let mut head = None;
    if ctx.has(k, class::DET | class::POSS) && ctx.is_word(k) {
        k += 1;
    }
    let mut preps = 0;
    while k < hi && k - start < MAX_NP {
        if let Some(e) = ctx.entity(k) {
            if !ctx.label(e).is_name() {
                break; // "on Thursday", "$5bn": a pattern entity ends the phrase
            }
            let r = ctx.entity_tokens(e);
            if preps == 0 {
                head = Some(r.end.min(hi) - 1);
            }
            k = r.end.min(hi).max(k + 1);
            continue;
        }
        // a reporting verb form ends the phrase ("Trump | told", "the union | expected"),
        // unless nothing stands before it yet ("the report") or it is as often a noun ("an
        // internal report seen by")
        let verb = ctx.info(k).verb > 0
            && !ctx.is_capitalised(k)
            && head.is_some()
            && !ctx.lx.verbs[ctx.info(k).verb as usize - 1].strict;
        if np_inner(ctx, k) && !verb {
            if preps == 0 {
                head = Some(k);
            }
            k += 1;
            continue;
        }
        if ctx.has(k, class::NP_PREP) && k > start && preps < 2 && k + 1 < hi {
            let next = k + 1;
            let det = ctx.has(next, class::DET | class::POSS) && ctx.is_word(next);
            let after = if det { next + 1 } else { next };
            if after < hi
                && np_inner(ctx, after)
                && ctx.entity(after).is_none_or(|e| ctx.label(e).is_name())
            {
                preps += 1;
                k = after;
                continue;
            }
        }
        break;
    }
    let mut head = head?;
    if head > start && head + 1 < k && is_participle(ctx, head) && np_inner(ctx, head - 1) {
        head -= 1;
    }
    Some(Np {
        tokens: start..k,
        head,
    })
}

/// The token after a short parenthesis that starts at `k` ("(D-Wis.)", "(R-Utah)"), or `k`.
pub fn skip_paren(ctx: &Ctx, k: usize) -> usize {
    if !ctx.is_punct(k, &["("]) {
        return k;
    }
    (k + 1..(k + 8).min(ctx.len()))
        .find(|&e| ctx.is_punct(e, &[")"]))
        .map_or(k, |e| e + 1)
}

/// The token where a short parenthesis that ends just before `end` opens, or `end`.
pub fn skip_paren_back(ctx: &Ctx, end: usize, lo: usize) -> usize {
    if end == 0 || !ctx.is_punct(end - 1, &[")"]) {
        return end;
    }
    (end.saturating_sub(8).max(lo)..end - 1)
        .rev()
        .find(|&o| ctx.is_punct(o, &["("]))
        .unwrap_or(end)
}

/// The subject of a sentence whose verb comes after an appositive or clause set off by commas:
/// `Douglas Brinkley, a historian who attended the session, recalled` — the phrase that opens the
/// sentence (or the clause after an opening quote), looked for at most 30 tokens back; with
/// `need_name`, only a phrase that ends in a name.
pub fn fronted_subject(ctx: &Ctx, comma: usize, lo: usize, need_name: bool) -> Option<Np> {
    let mut start = lo;
    while start < comma && ctx.is_quote(start) {
        start += 1;
    }
    if comma < start + 2 || comma > start + 30 {
        return None;
    }
    // "Conservative economist Aparna Mathur, who studies tax policy, said"
    let np = np_after(ctx, start, comma)?;
    let named = ctx
        .name_entity(np.tokens.end - 1)
        .is_some_and(|e| !matches!(ctx.label(e), crate::annotation::Label::Event));
    if need_name && !named {
        return None;
    }
    let head = if named { np.tokens.end - 1 } else { np.head };
    (np.tokens.end < comma && ctx.is_punct(np.tokens.end, &[","])).then_some(Np { head, ..np })
}

/// The head word of a phrase, lower case in the lexicon's sense (its word info).
pub fn head_class(ctx: &Ctx, np: &Np) -> u64 {
    ctx.info(np.head).class
}
