//! Claims: the last stage. Finds who said what, how sure they are, and what is worth checking.
//!
//! **What counts as a claim.** A claim is a statement someone makes (attributed: it has a source
//! or a reporting cue) or a statement of fact worth checking (check-worthy: it carries numbers,
//! comparisons or causes about named things). The claim's span is its *content* only.
//!
//! * `X said (that) Y`, `X claimed Y`, `Y, X said` — reported speech; X is the source, the verb
//!   the cue (a lexicon of reporting verbs with their polarity is in `data/reporting_verbs.txt`).
//! * `according to X, Y` and `Y, according to X`.
//! * A pronoun source ("He said") is resolved to the most recent person mentioned before it.
//! * Sentences without attribution become `statement` claims when their check-worthiness is at
//!   least 0.5.

use crate::annotation::{Claim, ClaimKind, Cluster, Cue, Entity, Label, Polarity, Source};
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::{Doc, TokenKind};

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
/// Words allowed between a source and its verb ("Trump also said", "she has repeatedly claimed").
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "previously",
    "repeatedly",
    "later",
    "then",
    "again",
    "reportedly",
    "once",
    "further",
    "firmly",
];

/// Finds the claims of `doc`, given its entities and clusters.
pub fn find_claims(
    doc: &Doc,
    entities: &[Entity],
    _clusters: &[Cluster],
    lexicon: &Lexicon,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if doc.boilerplate_sentence[s] {
            continue;
        }
        let range = sentence.tokens.clone();
        let before = claims.len();
        let content_end = trim_end(doc, range.clone());
        for i in range.clone() {
            let word = doc.tok_text(i);
            if word.eq_ignore_ascii_case("according")
                && i + 1 < range.end
                && doc.tok_text(i + 1) == "to"
            {
                if let Some(c) = according_to(doc, s, i, range.clone(), content_end, entities) {
                    claims.push(c);
                }
                continue;
            }
            let Some(verb) = lexicon.reporting_verbs.get(word) else {
                continue;
            };
            if doc.tokens[i].upper_initial {
                continue;
            }
            // "X said (that) Y": a source right before the verb, content after it.
            let Some(source) = source_before(doc, i, range.start, entities) else {
                continue;
            };
            // "said on Tuesday that Y": the content starts after a nearby "that"
            let mut c_start = (i + 1..content_end.min(i + 7))
                .find(|&k| doc.tok_text(k) == "that")
                .map_or(i + 1, |k| k + 1);
            while c_start < content_end && matches!(doc.tok_text(c_start), "that" | "," | ":") {
                c_start += 1;
            }
            let (content, kind) = if c_start < content_end {
                (span(doc, c_start, content_end), ClaimKind::Reported)
            } else if source.start > range.start + 1 {
                // "Y, X said." — content before the source
                let mut e = source_tok_start(doc, source, range.start);
                while e > range.start && matches!(doc.tok_text(e - 1), "," | "\"" | "”" | "’") {
                    e -= 1;
                }
                if e <= range.start {
                    continue;
                }
                (span(doc, range.start, e), ClaimKind::Reported)
            } else {
                continue;
            };
            let cue = Cue {
                span: doc.tokens[i].span,
                text: word.to_string(),
                polarity: verb.polarity,
            };
            claims.push(make_claim(
                doc,
                s,
                content,
                kind,
                Some(resolve(doc, source, entities)),
                Some(cue),
                entities,
            ));
            break;
        }
        if claims.len() == before {
            // An unattributed sentence is a claim when it is worth checking.
            let content = Span::new(
                sentence.span.start,
                doc.tokens[content_end.max(range.start + 1) - 1].span.end,
            );
            let c = make_claim(doc, s, content, ClaimKind::Statement, None, None, entities);
            if c.checkworthy >= 0.5 {
                claims.push(c);
            }
        }
    }
    for (id, c) in claims.iter_mut().enumerate() {
        c.id = id;
    }
    claims
}

/// The token index after the last content token of a sentence (final stops and commas dropped).
fn trim_end(doc: &Doc, range: std::ops::Range<usize>) -> usize {
    let mut e = range.end;
    while e > range.start + 1
        && doc.tokens[e - 1].kind == TokenKind::Punct
        && doc
            .tok_text(e - 1)
            .starts_with(['.', '!', '?', '…', ',', ';', ':'])
    {
        e -= 1;
    }
    e
}

fn span(doc: &Doc, from: usize, to: usize) -> Span {
    Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end)
}

/// The source of a verb at token `verb`: an entity or pronoun just before it.
fn source_before(doc: &Doc, verb: usize, start: usize, entities: &[Entity]) -> Option<Span> {
    let mut j = verb;
    while j > start && BETWEEN.contains(&doc.tok_text(j - 1).to_ascii_lowercase().as_str()) {
        j -= 1;
    }
    if j == start {
        return None;
    }
    let prev = &doc.tokens[j - 1];
    if let Some(e) = entities.iter().rev().find(|e| e.span.end == prev.span.end) {
        return Some(e.span);
    }
    let w = doc.tok_text(j - 1).to_ascii_lowercase();
    if PRONOUNS.contains(&w.as_str()) {
        return Some(prev.span);
    }
    None
}

fn source_tok_start(doc: &Doc, source: Span, start: usize) -> usize {
    (start..doc.tokens.len())
        .find(|&k| doc.tokens[k].span.start >= source.start)
        .unwrap_or(start)
}

/// Links a source span to its cluster: directly for a named entity, through the most recent
/// person for a personal pronoun.
fn resolve(doc: &Doc, source: Span, entities: &[Entity]) -> Source {
    let text = source.slice(doc.text).to_string();
    if let Some(e) = entities.iter().find(|e| e.span == source) {
        return Source {
            span: source,
            text,
            cluster: Some(e.cluster),
            resolved: false,
        };
    }
    let lower = text.to_ascii_lowercase();
    let cluster = if lower == "he" || lower == "she" {
        entities
            .iter()
            .rev()
            .find(|e| e.span.end <= source.start && e.label == Label::Person)
            .map(|e| e.cluster)
    } else {
        None
    };
    Source {
        span: source,
        text,
        cluster,
        resolved: cluster.is_some(),
    }
}

fn according_to(
    doc: &Doc,
    s: usize,
    i: usize,
    range: std::ops::Range<usize>,
    content_end: usize,
    entities: &[Entity],
) -> Option<Claim> {
    // source: up to the next comma or the end of the sentence
    let src_start = i + 2;
    let mut src_end = src_start;
    while src_end < content_end && doc.tok_text(src_end) != "," {
        src_end += 1;
    }
    if src_end == src_start {
        return None;
    }
    let source_span = span(doc, src_start, src_end);
    let content = if i > range.start + 1 {
        let mut e = i;
        while e > range.start && doc.tok_text(e - 1) == "," {
            e -= 1;
        }
        span(doc, range.start, e)
    } else if src_end + 1 < content_end {
        span(doc, src_end + 1, content_end)
    } else {
        return None;
    };
    let cluster = entities
        .iter()
        .find(|e| source_span.contains(e.span))
        .map(|e| e.cluster);
    let source = Source {
        span: source_span,
        text: source_span.slice(doc.text).to_string(),
        cluster,
        resolved: false,
    };
    let cue = Cue {
        span: span(doc, i, i + 2),
        text: span(doc, i, i + 2).slice(doc.text).to_string(),
        polarity: Polarity::Assert,
    };
    Some(make_claim(
        doc,
        s,
        content,
        ClaimKind::According,
        Some(source),
        Some(cue),
        entities,
    ))
}

fn make_claim(
    doc: &Doc,
    sentence: usize,
    content: Span,
    kind: ClaimKind,
    source: Option<Source>,
    cue: Option<Cue>,
    entities: &[Entity],
) -> Claim {
    let negated = cue.as_ref().is_some_and(|c| c.polarity == Polarity::Deny);
    let (checkworthy, features) = checkworthiness(doc, content, entities);
    Claim {
        id: 0,
        span: content,
        sentence,
        kind,
        source,
        cue,
        hedged: false,
        hedges: Vec::new(),
        anonymous_source: false,
        negated,
        prediction: false,
        checkworthy,
        features,
    }
}

/// A first, transparent check-worthiness score: numbers and named entities in the content.
pub fn checkworthiness(doc: &Doc, content: Span, entities: &[Entity]) -> (f32, Vec<String>) {
    let mut score: f32 = 0.15;
    let mut features = Vec::new();
    let inside: Vec<&Entity> = entities
        .iter()
        .filter(|e| content.contains(e.span))
        .collect();
    if inside
        .iter()
        .any(|e| matches!(e.label, Label::Money | Label::Percent | Label::Quantity))
    {
        score += 0.45;
        features.push("number".to_string());
    }
    if inside.iter().any(|e| e.label.is_name()) {
        score += 0.15;
        features.push("named_entity".to_string());
    }
    if content.slice(doc.text).trim_end().ends_with('?') {
        score = 0.05;
        features.push("question".to_string());
    }
    (score.min(1.0), features)
}
