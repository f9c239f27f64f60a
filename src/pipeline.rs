//! The pipeline, top to bottom: text → boilerplate, tokens, sentences → entities → clusters →
//! claims.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::annotation::{Annotation, Label, Sentence};
use crate::claims::find_claims;
use crate::entities::{cluster_mentions, find_mentions, UserLexicon};
use crate::lexicon::{lexicon, Lexicon};
use crate::span::OffsetUnit;
use crate::text::Doc;

/// How to annotate. Every field is optional; `Options::default()` is the usual choice.
///
/// From JS and JSON the fields are camelCase: `{ "referenceDate": "2024-03-07", "lexicon":
/// { "PERSON": ["Ada Lovelace"], "ORG": ["Acme"] } }`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// The date relative dates ("Thursday", "last week") are resolved against, as `YYYY-MM-DD`
    /// (usually the article's publication date). Without it, relative dates get no value.
    pub reference_date: Option<String>,
    /// Extra names to recognise, by label name (`"PERSON"`, `"ORG"`, ...): a user's own terms
    /// win over the built-in lists.
    pub lexicon: BTreeMap<String, Vec<String>>,
}

/// Why options were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionsError {
    /// A lexicon key is not a label name.
    UnknownLabel(String),
    /// The reference date is not `YYYY-MM-DD`.
    BadReferenceDate(String),
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::UnknownLabel(l) => write!(
                f,
                "unknown label {l:?} in lexicon (expected one of {})",
                Label::ALL.map(Label::as_str).join(", ")
            ),
            OptionsError::BadReferenceDate(d) => {
                write!(f, "referenceDate {d:?} is not a date in YYYY-MM-DD form")
            }
        }
    }
}

impl std::error::Error for OptionsError {}

/// A date as year, month, day.
pub type Ymd = (i32, u32, u32);

fn parse_ymd(s: &str) -> Option<Ymd> {
    let mut parts = s.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    (parts.next().is_none() && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Annotates texts. Build one with [`Annotator::new`] and reuse it: building indexes the user's
/// lexicon; annotating allocates only for the text at hand.
#[derive(Debug)]
pub struct Annotator {
    lexicon: &'static Lexicon,
    user: UserLexicon,
    reference_date: Option<Ymd>,
}

impl Default for Annotator {
    fn default() -> Self {
        Annotator {
            lexicon: lexicon(),
            user: UserLexicon::default(),
            reference_date: None,
        }
    }
}

impl Annotator {
    /// An annotator with the given options.
    pub fn new(options: Options) -> Result<Annotator, OptionsError> {
        let mut user = UserLexicon::default();
        for (label, names) in &options.lexicon {
            let label =
                Label::parse(label).ok_or_else(|| OptionsError::UnknownLabel(label.clone()))?;
            for name in names {
                user.add(name, label);
            }
        }
        let reference_date = match &options.reference_date {
            Some(d) => Some(parse_ymd(d).ok_or_else(|| OptionsError::BadReferenceDate(d.clone()))?),
            None => None,
        };
        Ok(Annotator {
            lexicon: lexicon(),
            user,
            reference_date,
        })
    }

    /// The reference date relative dates are resolved against, if one was given.
    pub fn reference_date(&self) -> Option<Ymd> {
        self.reference_date
    }

    /// Annotates `text`. Never panics; every span is in bounds and on char boundaries, in bytes.
    pub fn annotate(&self, text: &str) -> Annotation {
        // 1. Text: boilerplate, tokens, sentences.
        let doc = Doc::new(text, self.lexicon);
        // 2. Entities: patterns (dates, numbers) first, then names in what is left.
        let mentions = find_mentions(&doc, self.lexicon, &self.user, self.reference_date);
        // 3. Clusters: mentions of one real-world entity share a cluster.
        let (entities, clusters) = cluster_mentions(text, mentions, self.lexicon);
        // 4. Claims: who said what, and what is worth checking (per claim and per sentence).
        let found = find_claims(&doc, &entities, &clusters);
        let claims = found.claims;

        let sentences: Vec<Sentence> = doc
            .sentences
            .iter()
            .zip(&doc.boilerplate_sentence)
            .zip(&found.sentence_checkworthy)
            .map(|((s, &boilerplate), &checkworthy)| Sentence {
                span: s.span,
                boilerplate,
                checkworthy,
            })
            .collect();
        Annotation {
            offsets: OffsetUnit::Bytes,
            sentences,
            entities,
            clusters,
            claims,
            boilerplate: doc.boilerplate,
        }
    }
}
