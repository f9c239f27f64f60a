//! # claimlens
//!
//! Finds **entities** (people, organisations, places, nationalities, dates, times, money,
//! percentages, quantities, events) and **claims** (who said what: source, cue, content; hedged
//! and anonymous sourcing; check-worthy statements) in news text. The same core runs natively
//! (the `claimlens` CLI) and in the browser as WebAssembly (the page, the widget).
//!
//! ```
//! use claimlens::{Annotator, Label, Options};
//!
//! let text = "Mexican President Claudia Sheinbaum said on Tuesday that talks would continue.";
//! let annotation = Annotator::new(Options::default()).unwrap().annotate(text);
//!
//! let person = annotation.entities.iter().find(|e| e.label == Label::Person).unwrap();
//! assert_eq!(&text[person.span.start..person.span.end], "Claudia Sheinbaum");
//! assert_eq!(person.role.as_deref(), Some("President"));
//!
//! let claim = &annotation.claims[0];
//! assert_eq!(&text[claim.span.start..claim.span.end], "talks would continue");
//! assert_eq!(claim.source.as_ref().unwrap().text, "Claudia Sheinbaum");
//! ```
//!
//! ## The pipeline
//!
//! One pass, top to bottom ([`Annotator::annotate`]):
//!
//! 1. **text** — boilerplate (cookie banners, share prompts, navigation crumbs), tokens and
//!    sentences;
//! 2. **entities** — pattern entities (dates, numbers, money) first, then names in the remaining
//!    tokens, typed from word lists, capitalisation and context;
//! 3. **clusters** — mentions of one real-world entity ("Donald Trump", "Trump") grouped, with a
//!    canonical name;
//! 4. **claims** — speaker labels, quotes and reported speech (source, cue, content), sources
//!    linked to clusters, flags (hedged, anonymous, negated, prediction) and a check-worthiness
//!    score for every sentence and claim.
//!
//! ## Labels
//!
//! | label | what it marks | examples |
//! |---|---|---|
//! | `PERSON` | a named person, without title | "Claudia Sheinbaum", "Trump" |
//! | `ORG` | organisations, agencies, parties, outlets | "Central Intelligence Agency", "CIA" |
//! | `PLACE` | countries, cities, regions, landmarks (and a capital standing for its government) | "Mexico", "US" |
//! | `NORP` | nationalities, religious and political groups | "American", "Mexicans" |
//! | `DATE` | dates and periods, absolute or relative | "Thursday", "each year" |
//! | `TIME` | times of day, spans under a day | "9:30 a.m." |
//! | `MONEY` | amounts of money | "$5bn", "€3.2 million" |
//! | `PERCENT` | percentages | "12%", "7.5 per cent" |
//! | `QUANTITY` | counts and measures, with ranges | "between 250,000 and 300,000", "300 miles" |
//! | `EVENT` | named events | "World Cup", "Hurricane Katrina" |
//!
//! ## Claims
//!
//! A [`Claim`]'s span is its content only. It is *attributed* when it has a [`Source`] or a
//! [`Cue`] ("said", "according to", "is said to"), and *check-worthy* when
//! [`Claim::checkworthy`] is at least 0.5. Its [`ClaimKind`] says how it is expressed:
//!
//! | kind | pattern | example |
//! |---|---|---|
//! | `quote` | words in quotation marks (or after a speaker label) and their speaker | `"We will not raise taxes," Okafor said.` |
//! | `reported` | reported speech, a reporting noun | `Trump claimed that the cartels …`, `Ortiz's claim that …` |
//! | `according` | `according to X`, `citing X` | `The plant closed, according to court filings.` |
//! | `sourceless` | a cue with nobody named | `The request is said to …`, `It was announced that …` |
//! | `statement` | a check-worthy sentence nobody is quoted in | `Unemployment fell from 7.2% to 4.1%.` |
//!
//! * **Who.** [`Source::cluster`] links the source to an entity cluster — through a pronoun ("He"
//!   → Donald Trump, by recency, salience and gender learnt from the text) or a description ("the
//!   report" → the outlet that published it) when it is not named in place; `None` says it could
//!   not be linked (unnamed officials, a pronoun with no antecedent).
//! * **Where.** `sentence..=last_sentence` are the sentences that hold a claim's content, source
//!   and cue: a quote may run over several sentences (`"…," he said. "…"`), and each sentence of
//!   a transcript turn reaches back to its speaker's label.
//! * **How sure, on whose word.** `hedged` (with the hedge spans), `anonymous_source`, `negated`
//!   (a denial, a negated cue or content), `prediction` (a promise, threat or forecast); the cue's
//!   [`Polarity`] says whether the speaker asserts, denies or concedes.
//! * **Worth checking.** `checkworthy` is a logistic score of transparent features (numbers,
//!   statistics, comparisons, causes, past actions, named entities up; opinions, questions,
//!   courtesies, promises down), and `features` names those that fired, weightiest first. Each
//!   [`Sentence`] has its own score; a check-worthy sentence is always covered by a check-worthy
//!   claim.
//!
//! The word lists behind all this (reporting verbs and nouns with their polarity, hedges,
//! anonymous-source markers, source nouns, check-worthiness cues) are readable files in `data/`.

//! ## Offsets
//!
//! Every span is a half-open range of **byte** offsets into the UTF-8 text, on char boundaries.
//! Byte offsets are not JS string indices: the JS binding converts them to UTF-16 units, and the
//! CLI to code points, with [`Annotation::convert_offsets`] — the one place offsets are converted.
//!
//! ## Untrusted input
//!
//! [`Annotator::annotate`] accepts any `&str`, never panics and runs in time linear in the input.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod annotation;
pub mod claims;
pub mod entities;
pub mod handoff;
pub mod lexicon;
mod pipeline;
mod span;
pub mod text;

/// The JS binding (only in wasm32 builds).
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use annotation::{
    Annotation, Claim, ClaimKind, Cluster, Cue, Entity, Label, Polarity, Sentence, Source,
    SourceKind, Value,
};
pub use pipeline::{Annotator, Options, OptionsError, Ymd};
pub use span::{floor_char_boundary, OffsetMap, OffsetUnit, Span};

/// The crate version, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
