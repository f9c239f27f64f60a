//! What is worth checking: a transparent score from 0 to 1 for each sentence and claim.
//!
//! The score is a logistic function of a handful of features, each a yes/no question about the
//! words: is there a number, a percentage, an amount of money, a statistic ("unemployment",
//! "deficit"), a comparison ("more than", "rose"), a superlative, a cause ("because", "led to"),
//! a past action on the record ("voted", "signed"), a law or policy, a named entity? These raise
//! the score. Opinions ("I think", "we need"), courtesies ("thank you"), promises about the future,
//! hedges, questions and very short sentences lower it; a past-tense verb ("voted", "created")
//! and a long sentence raise it a little. The weights ([`FEATURES`]) were fitted by logistic
//! regression on debate sentences labelled check-worthy or not and then rounded; the word lists
//! behind the features are in `data/checkworthy.txt`.
//!
//! Every claim and sentence carries the names of the features that fired, so a reader sees why a
//! statement ranks where it does.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use super::context::Ctx;
use super::flags::MAX_SCAN;
use super::lexicon::{class, ClaimLexicon, PhraseKind};
use crate::annotation::Label;
use crate::text::TokenKind;

/// A feature: its human-readable name and its weight in the score.
#[derive(Clone, Copy, Debug)]
pub struct Feature {
    /// The name shown to readers ("number", "opinion").
    pub name: &'static str,
    /// Its weight: positive raises the score, negative lowers it.
    pub weight: f32,
}

/// The score of a statement with no feature at all, before the logistic function.
pub const BIAS: f32 = -0.95;

/// Every feature, in the order of the feature vector. The weights are logistic-regression
/// coefficients fitted on debate sentences (ClaimBuster), rounded, with the bias moved so that
/// 0.5 is the threshold that best separates check-worthy sentences; "courtesy", "question" and
/// "short" are set by hand (those sentences are rare in the fitting data but common in
/// transcripts, where they are almost never check-worthy).
pub const FEATURES: &[Feature] = &[
    Feature {
        name: "number",
        weight: 0.9,
    },
    Feature {
        name: "percentage",
        weight: 0.9,
    },
    Feature {
        name: "money",
        weight: 1.0,
    },
    Feature {
        name: "date",
        weight: 0.45,
    },
    Feature {
        name: "statistic",
        weight: 0.9,
    },
    Feature {
        name: "comparison",
        weight: 0.65,
    },
    Feature {
        name: "superlative",
        weight: 0.4,
    },
    Feature {
        name: "cause",
        weight: 0.1,
    },
    Feature {
        name: "past action",
        weight: 0.65,
    },
    Feature {
        name: "law or policy",
        weight: 0.25,
    },
    Feature {
        name: "named entity",
        weight: 0.7,
    },
    Feature {
        name: "opinion",
        weight: -0.75,
    },
    Feature {
        name: "courtesy",
        weight: -1.0,
    },
    Feature {
        name: "future",
        weight: -0.5,
    },
    Feature {
        name: "hedge",
        weight: -0.2,
    },
    Feature {
        name: "question",
        weight: -1.0,
    },
    Feature {
        name: "short",
        weight: -1.0,
    },
    Feature {
        name: "first person",
        weight: -0.35,
    },
    Feature {
        name: "second person",
        weight: -0.15,
    },
    Feature {
        name: "past tense",
        weight: 0.7,
    },
    Feature {
        name: "long",
        weight: 0.4,
    },
];

const NUMBER: usize = 0;
const PERCENT: usize = 1;
const MONEY: usize = 2;
const DATE: usize = 3;
const NAMED: usize = 10;
const QUESTION: usize = 15;
const SHORT: usize = 16;
const FIRST_PERSON: usize = 17;
const SECOND_PERSON: usize = 18;
const PAST_TENSE: usize = 19;
const LONG: usize = 20;

/// The features of `data/checkworthy.txt`'s sections, by section name.
const SECTIONS: &[(&str, usize)] = &[
    ("statistic", 4),
    ("comparison", 5),
    ("superlative", 6),
    ("cause", 7),
    ("record", 8),
    ("law", 9),
    ("opinion", 11),
    ("courtesy", 12),
    ("future", 13),
    ("hedge", 14),
];

/// Fewer words than this make a statement "short".
const SHORT_WORDS: usize = 5;
/// At least this many words make it "long".
const LONG_WORDS: usize = 20;

/// Which features fired in a statement.
pub type Vector = [bool; FEATURES.len()];

/// The indexes of [`FEATURES`], weightiest (by absolute weight) first; of equal weights, the
/// later feature first.
fn by_weight() -> &'static [usize; FEATURES.len()] {
    static ORDER: OnceLock<[usize; FEATURES.len()]> = OnceLock::new();
    ORDER.get_or_init(|| {
        // an insertion sort: 21 items, and no monomorphised slice sort in the wasm (~3.5 KB)
        let heavier = |a: usize, b: usize| {
            let (wa, wb) = (FEATURES[a].weight.abs(), FEATURES[b].weight.abs());
            wa > wb || wa == wb && a > b
        };
        let mut order = [0; FEATURES.len()];
        for i in 0..order.len() {
            let mut k = i;
            while k > 0 && heavier(i, order[k - 1]) {
                order[k] = order[k - 1];
                k -= 1;
            }
            order[k] = i;
        }
        order
    })
}

/// Computes feature vectors and scores for the parts of a text.
pub struct Scorer {
    /// Lexicon feature bit → index in [`FEATURES`].
    by_bit: [Option<usize>; 32],
}

impl Scorer {
    /// A scorer for texts read with the lexicon `lx`.
    pub fn new(lx: &ClaimLexicon) -> Scorer {
        let mut by_bit = [None; 32];
        for (bit, name) in lx.feature_names.iter().enumerate().take(32) {
            by_bit[bit] = SECTIONS.iter().find(|(n, _)| n == name).map(|&(_, f)| f);
        }
        Scorer { by_bit }
    }

    /// The features of tokens `r` (one sentence or part of one), the question mark read from
    /// sentence `sentence`'s end.
    pub fn features(&self, ctx: &Ctx, r: Range<usize>, sentence: usize) -> Vector {
        let mut v = [false; FEATURES.len()];
        let end = r.end.min(r.start + MAX_SCAN);
        let mut words = 0;
        let mut k = r.start;
        while k < end {
            if let Some(e) = ctx.entity(k) {
                match ctx.label(e) {
                    Label::Quantity => v[NUMBER] = true,
                    Label::Percent => v[PERCENT] = true,
                    Label::Money => v[MONEY] = true,
                    Label::Date => v[DATE] = true,
                    Label::Time => {}
                    _ => v[NAMED] = true,
                }
                let er = ctx.entity_tokens(e);
                words += er.clone().filter(|&t| t < end && ctx.is_word(t)).count();
                k = er.end.max(k + 1);
                continue;
            }
            let tok = &ctx.doc.tokens[k];
            match tok.kind {
                TokenKind::Number => {
                    let w = ctx.word(k);
                    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
                    v[if year { DATE } else { NUMBER }] = true;
                }
                TokenKind::Punct => match ctx.word(k) {
                    "%" => v[PERCENT] = true,
                    "$" | "€" | "£" | "¥" => v[MONEY] = true,
                    _ => {}
                },
                TokenKind::Word => {
                    words += 1;
                    let info = ctx.info(k);
                    let mut bits = (info.class >> class::FEATURE_SHIFT) as u32;
                    while bits != 0 {
                        let b = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        if let Some(f) = self.by_bit[b] {
                            v[f] = true;
                        }
                    }
                    if info.class & class::FEATURE_PHRASE != 0 {
                        let feature = ctx
                            .phrase_at(k, end, |p| matches!(p.kind, PhraseKind::Feature(_)))
                            .and_then(|(p, _)| match p.kind {
                                PhraseKind::Feature(b) => self.by_bit.get(b as usize).copied()?,
                                _ => None,
                            });
                        if let Some(f) = feature {
                            v[f] = true;
                        }
                    }
                    let w = tok.span.slice(ctx.doc.text).as_bytes();
                    if w.len() > 4
                        && w.ends_with(b"ed")
                        && !tok.upper_initial
                        && !(k > r.start && ctx.has(k - 1, class::DET | class::POSS))
                    {
                        v[PAST_TENSE] = true;
                    }
                    if info.class & (class::PRON | class::POSS | class::OBJ_PRON) != 0 {
                        let w = ctx.word(k);
                        if ["i", "we", "my", "our", "me", "us"]
                            .iter()
                            .any(|p| w.eq_ignore_ascii_case(p))
                        {
                            v[FIRST_PERSON] = true;
                        } else if w.eq_ignore_ascii_case("you") || w.eq_ignore_ascii_case("your") {
                            v[SECOND_PERSON] = true;
                        }
                    }
                }
            }
            k += 1;
        }
        if let Some(s) = ctx.doc.sentences.get(sentence) {
            let last = s.tokens.end;
            let mut q = last;
            while q > s.tokens.start && ctx.is_quote(q - 1) {
                q -= 1;
            }
            v[QUESTION] = q > s.tokens.start && ctx.word(q - 1).starts_with('?');
        }
        v[SHORT] = words < SHORT_WORDS;
        v[LONG] = words >= LONG_WORDS;
        v
    }

    /// The score of a feature vector, 0..1, rounded to two decimals.
    pub fn probability(v: &Vector) -> f32 {
        let z = BIAS
            + FEATURES
                .iter()
                .zip(v)
                .filter(|(_, &on)| on)
                .map(|(f, _)| f.weight)
                .sum::<f32>();
        let p = 1.0 / (1.0 + (-z).exp());
        (p * 100.0).round() / 100.0
    }

    /// The score of a feature vector, 0..1, and the names of the features that fired, the most
    /// important first.
    pub fn score(v: &Vector) -> (f32, Vec<Cow<'static, str>>) {
        // the features that fired, weightiest first; the names are the table's static strs, so
        // the only allocation is the vector itself
        let names = by_weight()
            .iter()
            .filter(|&&f| v[f])
            .map(|&f| Cow::Borrowed(FEATURES[f].name))
            .collect();
        (Scorer::probability(v), names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::lexicon::claim_lexicon;

    #[test]
    fn every_section_of_the_data_file_is_a_feature() {
        for name in &claim_lexicon().feature_names {
            assert!(
                SECTIONS.iter().any(|(n, _)| n == name),
                "data/checkworthy.txt section [{name}] is no feature"
            );
        }
        for (_, f) in SECTIONS {
            assert!(*f < FEATURES.len());
        }
    }

    #[test]
    fn features_are_named_weightiest_first() {
        let order = by_weight();
        for w in order.windows(2) {
            let (a, b) = (FEATURES[w[0]].weight.abs(), FEATURES[w[1]].weight.abs());
            assert!(a > b || a == b && w[0] > w[1], "{w:?}");
        }
        let v = [true; FEATURES.len()];
        assert_eq!(Scorer::score(&v).1.len(), FEATURES.len());
    }

    #[test]
    fn scores_explain_themselves() {
        let mut v = [false; FEATURES.len()];
        assert!(Scorer::probability(&v) < 0.5);
        v[NUMBER] = true;
        v[PERCENT] = true;
        let (p, names) = Scorer::score(&v);
        assert!(p >= 0.5, "{p}");
        assert_eq!(names.len(), 2);
        v[QUESTION] = true;
        v[SHORT] = true;
        assert!(Scorer::probability(&v) < p);
    }
}
