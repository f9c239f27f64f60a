//! The result of annotating a text: sentences, entities, clusters, claims, boilerplate.
//!
//! Every type here is plain data (serde-serialisable) and every range is a [`Span`]. In the core the
//! offsets are bytes; [`Annotation::convert_offsets`] rewrites them all, in one pass, into UTF-16
//! units (the JS binding) or code points (the CLI), and records the unit in
//! [`Annotation::offsets`].

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::span::{OffsetMap, OffsetUnit, Span};

/// What an entity is. Serialised in upper case (`"PERSON"`, `"ORG"`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A named person: "Claudia Sheinbaum", "Trump". Titles ("President") stay outside the span
    /// and are recorded in [`Entity::role`].
    Person,
    /// An organisation: companies, agencies, parties, news outlets, teams, armed groups:
    /// "Central Intelligence Agency", "The New York Times", "CIA".
    Org,
    /// A place: countries, cities, regions, landmarks, and a capital used for its government
    /// ("Washington wants approval"): "Mexico", "United States", "US".
    Place,
    /// Nationalities, religious and political groups: "American", "Mexicans", "Republicans".
    Norp,
    /// A date or period, absolute or relative: "Thursday", "3 March 2024", "each year", "last week".
    Date,
    /// A time of day or a span shorter than a day: "9:30 a.m.", "this morning", "two hours".
    Time,
    /// An amount of money: "$5bn", "€3.2 million", "5 billion dollars".
    Money,
    /// A percentage: "12%", "7.5 per cent".
    Percent,
    /// A count or measure, with its unit or range when there is one: "300 miles",
    /// "between 250,000 and 300,000", "three".
    Quantity,
    /// A named event: "World Cup", "Second World War", "Hurricane Katrina".
    Event,
}

impl Label {
    /// All labels, in display order.
    pub const ALL: [Label; 10] = [
        Label::Person,
        Label::Org,
        Label::Place,
        Label::Norp,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Event,
    ];

    /// The label's name as serialised: `"PERSON"`, `"ORG"`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Norp => "NORP",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Event => "EVENT",
        }
    }

    /// Parses a label name (case-insensitive); also accepts common synonyms (`PER`, `GPE`, `LOC`).
    pub fn parse(s: &str) -> Option<Label> {
        Some(match s.to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Label::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Label::Org,
            "PLACE" | "GPE" | "LOC" | "LOCATION" | "FAC" => Label::Place,
            "NORP" => Label::Norp,
            "DATE" => Label::Date,
            "TIME" => Label::Time,
            "MONEY" => Label::Money,
            "PERCENT" => Label::Percent,
            "QUANTITY" | "CARDINAL" => Label::Quantity,
            "EVENT" => Label::Event,
            _ => return None,
        })
    }

    /// True for the labels found by name (as opposed to number and date patterns).
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Label::Person | Label::Org | Label::Place | Label::Norp | Label::Event
        )
    }
}

/// A normalised value of a pattern entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    /// A number or a range of numbers, with its unit when one is written ("miles", "Americans").
    Number {
        /// The number (the lower bound of a range).
        value: f64,
        /// The upper bound of a range ("between 250,000 and 300,000").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// The unit as written, when there is one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// An amount of money.
    Money {
        /// The amount in units of `currency` (the lower bound of a range).
        value: f64,
        /// The upper bound of a range.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// ISO 4217 code when known (`"USD"`, `"EUR"`), else the symbol or word as written.
        currency: String,
    },
    /// A percentage (`12.5` for "12.5%").
    Percent {
        /// The percentage (the lower bound of a range).
        value: f64,
        /// The upper bound of a range.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    /// A calendar date or period in ISO 8601: a day `"2024-03-07"`, a month `"2024-03"`, a year
    /// `"2024"`, a week `"2024-W10"`, a day or month without its year `"--03-07"`, `"--03"`;
    /// with the ISO 8601-2 / TIMEX extensions for a decade `"199X"` and a season `"2024-SU"`
    /// (`SP`, `SU`, `FA`, `WI`); or a duration or recurrence such as `"P3D"` ("three days") or
    /// `"P1Y"` ("each year"). Relative dates ("Thursday", "last week", "two years ago") are
    /// resolved only when [`crate::Options::reference_date`] is given; a date without its year
    /// takes the nearest year to the reference date.
    Date {
        /// ISO 8601 date, partial date or duration.
        iso: String,
        /// End of a range, when the mention is one ("1990-1995").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        end: Option<String>,
    },
    /// A time of day in ISO 8601 (`"14:30"`, `"12:00"` for "noon") or a duration (`"PT2H"`).
    Time {
        /// ISO 8601 time of day or duration.
        iso: String,
    },
}

/// One sentence (or headline line) of the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence, without surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
    /// True when the sentence lies in detected boilerplate (cookie banners, share prompts, ...).
    #[serde(default)]
    pub boilerplate: bool,
    /// Check-worthiness of the whole sentence, 0..1, scored like [`Claim::checkworthy`]. A
    /// sentence scoring at least 0.5 is always covered by a check-worthy claim (a `statement`
    /// when nobody is quoted in it).
    #[serde(default)]
    pub checkworthy: f32,
}

/// One mention of a named or numeric entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Index of this entity in [`Annotation::entities`].
    pub id: usize,
    /// The mention, without titles or possessive endings ("Sean Hannity", not "Fox News’s Sean
    /// Hannity"; "Donald Trump", not "President Donald Trump").
    #[serde(flatten)]
    pub span: Span,
    /// What the mention is.
    pub label: Label,
    /// The mention's text, exactly as written.
    pub text: String,
    /// Index of the entity's [`Cluster`] in [`Annotation::clusters`].
    pub cluster: usize,
    /// A title or role written before a person ("President", "Senator", "Dr."), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The normalised value of a date, time, number, amount or percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

/// One real-world entity: every mention that refers to it, and its canonical name.
///
/// "Donald Trump", "Trump" and "President Trump" form one cluster named "Donald Trump"; "United
/// States", "US", "U.S." and "America" one named "United States". Pronouns are not entities, but a
/// claim's [`Source::cluster`] may point to a cluster through a pronoun ("He said ...").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Index of this cluster in [`Annotation::clusters`].
    pub id: usize,
    /// The most complete name of the entity ("Donald Trump" rather than "Trump").
    pub canonical: String,
    /// The entity's label (shared by all its mentions).
    pub label: Label,
    /// Ids of the mentions, in text order.
    pub mentions: Vec<usize>,
}

/// How a claim is expressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Words in quotation marks attributed to a speaker: `"…," X said`.
    Quote,
    /// Reported (indirect) speech: `X said (that) Y`, `X denied Y`, `…, suggesting that Y`.
    Reported,
    /// `according to X, Y` / `Y, according to X` / `citing X, Y`.
    According,
    /// A cue without a named speaker: `Y is said to …`, `reportedly`, `it was announced that Y`.
    Sourceless,
    /// An unattributed statement of fact that is worth checking (numbers, comparisons, causes).
    Statement,
}

/// Polarity of a reporting cue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// The speaker asserts the content ("said", "claimed", "according to").
    #[default]
    Assert,
    /// The speaker denies or rejects it ("denied", "rejected", "dismissed").
    Deny,
    /// The speaker concedes it ("acknowledged", "admitted", "conceded").
    Concede,
}

/// How a source is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A name: "Trump", "Stein spokeswoman Melezia Figueroa", "PENCE".
    #[default]
    Name,
    /// A pronoun: "he", "they", "who".
    Pronoun,
    /// A description: "the report", "a spokesman for the campaign", "multiple unnamed officials".
    Description,
}

/// Who makes a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The source as written ("Trump", "He", "multiple unnamed US officials").
    #[serde(flatten)]
    pub span: Span,
    /// The source's text.
    pub text: String,
    /// The entity cluster the source refers to, when it could be resolved (through a pronoun or
    /// description too). `None` says the source could not be linked to any entity: an unnamed
    /// source ("officials"), or a pronoun with no compatible antecedent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
    /// True when the source is a pronoun or description ("he", "the report") resolved to
    /// [`Source::cluster`] by context rather than named in place.
    #[serde(default)]
    pub resolved: bool,
    /// Whether the source is a name, a pronoun or a description.
    #[serde(default)]
    pub kind: SourceKind,
}

/// The words that mark a claim as reported: "said", "according to", "is said to".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written.
    #[serde(flatten)]
    pub span: Span,
    /// The cue's text.
    pub text: String,
    /// Whether the speaker asserts, denies or concedes the content.
    #[serde(default)]
    pub polarity: Polarity,
}

/// A statement someone makes, or a statement of fact worth checking.
///
/// A claim's span is its **content** only ("the cartels were responsible for ..."), never the
/// speaker or the cue. A claim with a source or a cue is *attributed*; any claim with
/// `checkworthy >= 0.5` is *check-worthy*.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of this claim in [`Annotation::claims`].
    pub id: usize,
    /// The content of the claim.
    #[serde(flatten)]
    pub span: Span,
    /// Index in [`Annotation::sentences`] of the first sentence the claim touches (its content,
    /// source or cue, whichever comes first).
    pub sentence: usize,
    /// Index of the last sentence the claim touches: `sentence..=last_sentence` holds its
    /// content, source and cue. It differs from `sentence` when a quote runs over several
    /// sentences (`"…," he said. "…"`), when the content follows a colon in the next sentence
    /// (`He added:` ¶ `"…"`), or for a sentence of a speaker's turn in a transcript (whose label
    /// opened the turn).
    pub last_sentence: usize,
    /// How the claim is expressed.
    pub kind: ClaimKind,
    /// Who makes it, when anyone is named or referred to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The reporting words, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// True when the claim is hedged ("reportedly", "could", "is believed to"); see `hedges`.
    pub hedged: bool,
    /// The hedge words found in or around the claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<Span>,
    /// True when the claim rests on unnamed sources ("unnamed officials", "people familiar with").
    pub anonymous_source: bool,
    /// True when the claim is negated or denied by its speaker.
    #[serde(default)]
    pub negated: bool,
    /// True when the claim predicts or threatens ("could begin striking", "will impose").
    #[serde(default)]
    pub prediction: bool,
    /// How worth checking the claim is, 0..1: numbers, statistics, comparisons and causal
    /// statements about named entities score high; opinions, questions and anecdotes low.
    pub checkworthy: f32,
    /// Names of the features that raised or lowered `checkworthy`, the weightiest first: raising
    /// ("number", "percentage", "money", "date", "statistic", "comparison", "superlative",
    /// "cause", "past action", "law or policy", "named entity", "past tense", "long") or lowering
    /// ("opinion", "courtesy", "future", "hedge", "question", "short", "first person", "second
    /// person"). See
    /// `claims::checkworthy::FEATURES` for the weights. The names are borrowed from that static
    /// table (no allocation per claim); deserialising gives owned strings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Cow<'static, str>>,
}

impl Claim {
    /// True when the claim has a source or a cue.
    pub fn is_attributed(&self) -> bool {
        self.source.is_some() || self.cue.is_some()
    }

    /// True when the claim's check-worthiness is at least 0.5.
    pub fn is_checkworthy(&self) -> bool {
        self.checkworthy >= 0.5
    }
}

/// Everything found in a text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// The unit every offset in this annotation counts: bytes in Rust, UTF-16 units in JS, code
    /// points in the CLI's JSON.
    pub offsets: OffsetUnit,
    /// The sentences, in order, covering all non-blank text.
    pub sentences: Vec<Sentence>,
    /// Entity mentions in text order. Mentions never overlap one another.
    pub entities: Vec<Entity>,
    /// One cluster per distinct real-world entity.
    pub clusters: Vec<Cluster>,
    /// Claims in text order of their content.
    pub claims: Vec<Claim>,
    /// Regions detected as page furniture (cookie banners, share prompts, navigation), which get
    /// no entities and no claims.
    pub boilerplate: Vec<Span>,
}

impl Annotation {
    /// Calls `f` on every span in the annotation.
    pub fn for_each_span_mut(&mut self, mut f: impl FnMut(&mut Span)) {
        for s in &mut self.sentences {
            f(&mut s.span);
        }
        for e in &mut self.entities {
            f(&mut e.span);
        }
        for c in &mut self.claims {
            f(&mut c.span);
            if let Some(s) = &mut c.source {
                f(&mut s.span);
            }
            if let Some(q) = &mut c.cue {
                f(&mut q.span);
            }
            for h in &mut c.hedges {
                f(h);
            }
        }
        for b in &mut self.boilerplate {
            f(b);
        }
    }

    /// Rewrites every offset from bytes into `unit`, in one pass over `text` (the text this
    /// annotation was made from). Does nothing when the offsets are already not bytes.
    pub fn convert_offsets(&mut self, text: &str, unit: OffsetUnit) {
        if self.offsets != OffsetUnit::Bytes || unit == OffsetUnit::Bytes {
            return;
        }
        let map = OffsetMap::new(text, unit);
        // spans come list by list in text order, and a span's end is near its start
        let mut cursor = (0, 0);
        self.for_each_span_mut(|s| {
            s.start = map.get_from(s.start, &mut cursor);
            s.end = map.get_from(s.end, &mut cursor);
        });
        self.offsets = unit;
    }
}
