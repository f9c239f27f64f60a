//! Entities: the second stage. Finds mentions of people, organisations, places, nationalities,
//! events, dates, times, money, percentages and quantities, then groups them into clusters.
//!
//! 1. [`casing`]: where a capital letter marks a name (not at sentence starts or in headlines);
//! 2. [`patterns`]: dates, times, money, percentages, quantities, from the shape of the tokens,
//!    first, so that a name never swallows a date ("Thursday");
//! 3. [`names`]: names in the tokens left over, sentence by sentence;
//! 4. the document pass: a name typed by a guess takes the type the document gives the same
//!    name elsewhere ("Trump" after "Donald Trump" is a person; "Simmons" after "Phil Simmons");
//!    a name in a list takes its neighbours' type; a sports report's teams stay teams;
//! 5. [`clusters`]: mentions of one real-world entity share a cluster.
//!
//! Mentions never overlap, and none lies in boilerplate. Every step is one pass over the tokens
//! (or over a sentence's, or a run's, bounded) with a hash lookup or two per capitalised word, so
//! the work is linear in the text.
//!
//! The word lists are in `data/` (see its README); [`crate::lexicon`] merges them into one
//! gazetteer. Evaluation: `npm run eval -- GOLD.jsonl` runs the CLI over a gold file and prints
//! the scorer's per-label report.

pub mod casing;
pub mod clusters;
pub mod dates;
pub mod decimal;
pub mod names;
pub mod patterns;

use std::collections::HashSet;
use std::ops::Range;

pub use clusters::cluster_mentions;
pub use names::UserLexicon;

use crate::annotation::{Label, Value};
use crate::lexicon::{kind, push_lower, FxBuild, FxMap, Lexicon};
use crate::pipeline::Ymd;
use crate::span::Span;
use crate::text::{Doc, TokenKind};
use casing::{Casing, Position};
use names::{Candidate, Evidence, Names, Team};

/// A mention found by a recogniser, before clustering.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte span of the mention.
    pub span: Span,
    /// Token range of the mention.
    pub tokens: Range<usize>,
    /// What it is.
    pub label: Label,
    /// A title written before a person.
    pub role: Option<String>,
    /// Normalised value of a pattern entity.
    pub value: Option<Value>,
}

/// Finds every mention in the non-boilerplate sentences of `doc`, in text order. Relative dates
/// are resolved against `reference` when it is given.
pub fn find_mentions(
    doc: &Doc,
    lexicon: &Lexicon,
    user: &UserLexicon,
    reference: Option<Ymd>,
) -> Vec<Mention> {
    let casing = Casing::new(doc, lexicon);
    let mut names = Names::new(doc, lexicon, &casing, user);
    let mut found = Vec::new();
    let mut candidates = Vec::new();
    let mut taken = vec![false; doc.tokens.len()];
    let words = patterns::PatternWords::new(doc);
    // every candidate's key, in one string (one allocation, not one per candidate), written
    // sentence by sentence while the sentence's tokens are in the cache
    let mut arena = String::new();
    let mut keys = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if doc.boilerplate_sentence[s] {
            continue;
        }
        let first = found.len();
        patterns::find_patterns(
            doc,
            &words,
            sentence.tokens.clone(),
            lexicon,
            reference,
            &mut found,
        );
        for m in &found[first..] {
            taken[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
        }
        let named = candidates.len();
        names.sentence(sentence.tokens.clone(), &taken, &mut candidates);
        keys.extend(candidates[named..].iter().map(|c| {
            let from = arena.len();
            push_key(&mut arena, doc, c.mention.tokens.clone());
            from..arena.len()
        }));
    }
    document_pass(doc, lexicon, &casing, &mut candidates, &arena, &keys);
    let mut out = found;
    out.extend(candidates.into_iter().map(|c| c.mention));
    out.sort_by_key(|m| m.span.start);
    out
}

/// Appends the lower-cased text of a mention (its key) to `out`.
fn push_key(out: &mut String, doc: &Doc, r: Range<usize>) {
    for i in r.clone() {
        if i > r.start && doc.tokens[i].space_before {
            out.push(' ');
        }
        push_lower(out, doc.tok_text(i));
    }
}

/// Gives guessed names the type the document gives the same name where it is sure, and drops
/// single words nothing vouches for:
/// * a word that is part of a person's full name elsewhere is that person ("Simmons" after
///   "Phil Simmons");
/// * a name typed by a guess takes the type the document gives it with more evidence elsewhere;
/// * a name kept elsewhere keeps it here (a sentence-initial "Gloria" after "child, Gloria");
/// * in a list, a doubtful name takes the type of its neighbours ("Google, Bing and Yahoo");
/// * a place named as a sports team somewhere is the team throughout, except as a venue.
///
/// `bounds` are the candidates' keys (see [`push_key`]) in `arena`.
fn document_pass(
    doc: &Doc,
    lexicon: &Lexicon,
    casing: &Casing,
    candidates: &mut Vec<Candidate>,
    arena: &str,
    bounds: &[Range<usize>],
) {
    let keys: Vec<&str> = bounds.iter().map(|r| &arena[r.clone()]).collect();
    // Teams are named throughout a sports report; results tables alone (stock prices, election
    // returns) do not make one.
    let sports = candidates.iter().any(|c| c.team == Some(Team::Play));
    let teams: HashSet<&str, FxBuild> = candidates
        .iter()
        .zip(&keys)
        .filter(|(c, _)| sports && c.team.is_some())
        .map(|(_, &k)| k)
        .collect();
    let mut sure: FxMap<&str, (Label, Evidence)> =
        FxMap::with_capacity_and_hasher(candidates.len(), FxBuild::default());
    let mut kept: FxMap<&str, Label> =
        FxMap::with_capacity_and_hasher(candidates.len(), FxBuild::default());
    // words of people's full names, with the evidence for the person
    let mut parts: FxMap<String, Evidence> = FxMap::default();
    let mut word = String::new();
    for (c, &k) in candidates.iter().zip(&keys) {
        let m = &c.mention;
        if c.evidence >= Evidence::Context && !(m.label == Label::Place && teams.contains(k)) {
            let e = sure.entry(k).or_insert((m.label, c.evidence));
            if c.evidence > e.1 {
                *e = (m.label, c.evidence);
            }
        }
        if c.keep {
            kept.entry(k).or_insert(m.label);
        }
        if c.keep && m.label == Label::Person && m.tokens.len() > 1 {
            let mut words = m.tokens.clone().filter(|&i| {
                doc.tokens[i].kind == TokenKind::Word && doc.tok_text(i).chars().count() > 1
            });
            if let Some(f) = words.next() {
                let l = words.next_back().unwrap_or(f);
                for w in [f, l] {
                    word.clear();
                    push_key(&mut word, doc, w..w + 1);
                    match parts.get_mut(word.as_str()) {
                        Some(e) => *e = (*e).max(c.evidence),
                        None => {
                            parts.insert(word.clone(), c.evidence);
                        }
                    }
                }
            }
        }
    }
    for (c, &k) in candidates.iter_mut().zip(&keys) {
        let m = &mut c.mention;
        if !teams.is_empty() && m.label == Label::Place && teams.contains(k) {
            let country = lexicon
                .gazetteer
                .get(k)
                .is_some_and(|e| e.kinds_as(true) & kind::COUNTRY != 0);
            let venue = m.tokens.start > 0
                && matches!(
                    doc.tok_text(m.tokens.start - 1),
                    "in" | "at" | "At" | "In" | "near" | "from"
                );
            if !country && !venue {
                m.label = Label::Org;
                c.evidence = Evidence::Context;
            }
            continue;
        }
        if c.evidence == Evidence::Strong {
            continue;
        }
        if m.tokens.len() == 1 && parts.get(k).is_some_and(|&ev| ev >= c.evidence) {
            m.label = Label::Person;
            c.keep = true;
            continue;
        }
        if let Some(&(label, ev)) = sure.get(k) {
            if ev > c.evidence || c.evidence == Evidence::Guess {
                m.label = label;
                c.keep = true;
                continue;
            }
        }
        if !c.keep {
            if let Some(&label) = kept.get(k) {
                m.label = label;
                c.keep = true;
            }
        }
    }
    // Lists: "A, B and C" share a type when one of them is doubtful.
    for i in 0..candidates.len() {
        if candidates[i].keep
            || casing.position[candidates[i].mention.tokens.start] != Position::Mid
        {
            continue;
        }
        let listed_with = |j: usize| -> bool {
            let (a, b) = if j < i { (j, i) } else { (i, j) };
            let (ea, sb) = (
                candidates[a].mention.tokens.end,
                candidates[b].mention.tokens.start,
            );
            ea < sb
                && sb - ea <= 2
                && (ea..sb).all(|t| matches!(doc.tok_text(t), "," | "and" | "or" | "&"))
                && candidates[j].keep
                && candidates[j].mention.tokens.len() == 1
        };
        // not the second half of a compound ("Jewish Sabbath, and Kurdish ...")
        if i > 0 && candidates[i - 1].mention.tokens.end == candidates[i].mention.tokens.start {
            continue;
        }
        let neighbour = [i.wrapping_sub(1), i + 1]
            .into_iter()
            .filter(|&j| j < candidates.len() && listed_with(j))
            .map(|j| candidates[j].mention.label)
            .next();
        if let Some(label) = neighbour {
            candidates[i].mention.label = label;
            candidates[i].keep = true;
        }
    }
    candidates.retain(|c| c.keep);
}
