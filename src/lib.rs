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
//! 4. **claims** — attribution (source, cue, content), flags (hedged, anonymous, negated,
//!    prediction) and a check-worthiness score.
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
//! [`Claim::checkworthy`] is at least 0.5. Its [`ClaimKind`] says how it is expressed: a direct
//! `quote`, `reported` speech, `according` (to), a `sourceless` cue, or an unattributed `statement`.
//!
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
