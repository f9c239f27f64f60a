//! Entities: the second stage. Finds mentions of people, organisations, places, nationalities,
//! events, dates, times, money, percentages and quantities, then groups them into clusters.
//!
//! 1. [`casing`]: where a capital letter marks a name (not at sentence starts or in headlines);
//! 2. [`patterns`]: dates, times, money, percentages, quantities, from the shape of the tokens,
//!    first, so that a name never swallows a date ("Thursday");
//! 3. [`names`]: names in the tokens left over, sentence by sentence;
//! 4. the document pass: a name typed by a guess takes the type the document gives the same
//!    name elsewhere ("Trump" after "Donald Trump" is a person; "Simmons" after "Phil Simmons");
//! 5. [`clusters`]: mentions of one real-world entity share a cluster.
//!
//! Mentions never overlap, and none lies in boilerplate.

pub mod casing;
pub mod clusters;
pub mod dates;
pub mod names;
pub mod patterns;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub use clusters::cluster_mentions;
pub use names::UserLexicon;

use crate::annotation::{Label, Value};
use crate::lexicon::{kind, push_lower, Lexicon};
use crate::pipeline::Ymd;
use crate::span::Span;
use crate::text::{Doc, TokenKind};
use casing::Casing;
use names::{Candidate, Evidence, Names};

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
        names.sentence(sentence.tokens.clone(), &taken, &mut candidates);
    }
    document_pass(doc, lexicon, &mut candidates);
    let mut out = found;
    out.extend(candidates.into_iter().map(|c| c.mention));
    out.sort_by_key(|m| m.span.start);
    out
}

/// The lower-cased text of a mention, as a key.
fn key(doc: &Doc, r: Range<usize>) -> String {
    let mut k = String::new();
    for i in r.clone() {
        if i > r.start && doc.tokens[i].space_before {
            k.push(' ');
        }
        push_lower(&mut k, doc.tok_text(i));
    }
    k
}

/// Gives guessed names the type the document gives the same name where it is sure, and drops
/// single words nothing vouches for.
fn document_pass(doc: &Doc, lexicon: &Lexicon, candidates: &mut Vec<Candidate>) {
    let mut sure: HashMap<String, (Label, Evidence)> = HashMap::new();
    let mut parts: HashMap<String, Label> = HashMap::new();
    for c in candidates.iter() {
        let m = &c.mention;
        if c.evidence >= Evidence::Context {
            let e = sure
                .entry(key(doc, m.tokens.clone()))
                .or_insert((m.label, c.evidence));
            if c.evidence > e.1 {
                *e = (m.label, c.evidence);
            }
        }
        if c.evidence == Evidence::Strong && m.label == Label::Person && m.tokens.len() > 1 {
            let words: Vec<usize> = m
                .tokens
                .clone()
                .filter(|&i| {
                    doc.tokens[i].kind == TokenKind::Word && doc.tok_text(i).chars().count() > 1
                })
                .collect();
            if let (Some(&f), Some(&l)) = (words.first(), words.last()) {
                parts.entry(key(doc, l..l + 1)).or_insert(Label::Person);
                parts.entry(key(doc, f..f + 1)).or_insert(Label::Person);
            }
        }
    }
    // Teams: a place named as a team somewhere is the team throughout, except as a venue.
    let teams: HashSet<String> = candidates
        .iter()
        .filter(|c| c.team)
        .map(|c| key(doc, c.mention.tokens.clone()))
        .collect();
    if !teams.is_empty() {
        for c in candidates.iter_mut() {
            let m = &mut c.mention;
            if m.label != Label::Place || !teams.contains(&key(doc, m.tokens.clone())) {
                continue;
            }
            let country = lexicon
                .gazetteer
                .get(&key(doc, m.tokens.clone()))
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
        }
    }
    for c in candidates.iter_mut() {
        if c.evidence == Evidence::Strong {
            continue;
        }
        let k = key(doc, c.mention.tokens.clone());
        if let Some(&(label, ev)) = sure.get(&k) {
            if ev > c.evidence || c.evidence == Evidence::Guess {
                c.mention.label = label;
                c.keep = true;
                continue;
            }
        }
        if c.mention.tokens.len() == 1 {
            if let Some(&label) = parts.get(&k) {
                c.mention.label = label;
                c.keep = true;
            }
        }
    }
    candidates.retain(|c| c.keep);
}
