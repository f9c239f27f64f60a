//! Entities: the second stage. Finds mentions of people, organisations, places, nationalities,
//! events, dates, times, money, percentages and quantities, then groups them into clusters.
//!
//! Pattern entities (numbers, dates) are found first, so that a name never swallows a date
//! ("Thursday"); names are found in the tokens left over. Mentions never overlap.

pub mod clusters;
pub mod names;
pub mod patterns;

use std::ops::Range;

pub use clusters::cluster_mentions;
pub use names::UserTerm;

use crate::annotation::{Label, Value};
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::Doc;

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

/// Finds every mention in the non-boilerplate sentences of `doc`, in text order.
pub fn find_mentions(doc: &Doc, lexicon: &Lexicon, user: &[UserTerm]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut taken = vec![false; doc.tokens.len()];
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if doc.boilerplate_sentence[s] {
            continue;
        }
        let first = out.len();
        patterns::find_patterns(doc, sentence.tokens.clone(), &mut out);
        for m in &out[first..] {
            taken[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
        }
        names::find_names(
            doc,
            sentence.tokens.clone(),
            &taken,
            lexicon,
            user,
            &mut out,
        );
        out[first..].sort_by_key(|m| m.span.start);
    }
    out
}
