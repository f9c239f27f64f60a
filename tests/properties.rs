//! Property tests (proptest): `annotate` on arbitrary text never panics, and every annotation
//! keeps the invariants of `tests/support/invariants.rs` — spans in bounds, on char boundaries
//! and not empty; no text lost between sentences; entities never overlapping (nor nested);
//! clusters and their ids consistent; each claim's content, source, cue and hedges inside its
//! sentences; offsets that convert to UTF-16 units and code points on the same substrings — and
//! is deterministic.
//!
//! The texts mix every kind of input a user pastes: ASCII prose, news sentences with names,
//! quotes and numbers, emoji and ZWJ sequences, combining marks, Arabic and Hebrew with English
//! and bidi controls, CRLF and lone CR, NUL and other controls, U+FFFD (what a lone surrogate
//! from a broken clipboard becomes), very long words, and any char at all.
//!
//! A failure is shrunk to a small text and saved in `tests/properties.proptest-regressions`,
//! which is committed: every later run tries those texts first. A real bug found this way also
//! gets a plain test (see `tests/pathological.rs`). `PROPTEST_CASES=10000 cargo test --test
//! properties` runs a longer search.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/invariants.rs"]
mod invariants;

use std::collections::BTreeMap;

use claimlens::{Annotation, Annotator, Options};
use proptest::prelude::*;
use proptest::sample::select;

/// Words and phrases the recognisers react to: names, titles, cues, numbers, dates, quotes.
const NEWS: &[&str] = &[
    "Ana Sousa",
    "Mark Rutte",
    "Claudia Sheinbaum",
    "Donald Trump",
    "Trump",
    "Mr.",
    "Dr.",
    "Gen.",
    "President",
    "Prime Minister",
    "Senator",
    "the minister",
    "officials",
    "a spokesman for",
    "the Central Intelligence Agency",
    "CIA",
    "NATO",
    "U.S.",
    "US",
    "United States",
    "Mexico",
    "Rotterdam",
    "Bank of",
    "New",
    "York",
    "al-",
    "de",
    "van",
    "O'Brien",
    "Mexican",
    "Dutch",
    "World Cup",
    "Hurricane",
    "said",
    "says",
    "told",
    "claimed",
    "denied",
    "added",
    "warned",
    "according to",
    "citing",
    "reportedly",
    "is said to",
    "it was announced that",
    "that",
    "would",
    "could",
    "not",
    "he",
    "she",
    "they",
    "who",
    "I",
    "we",
    "people familiar with the matter",
    "unnamed",
    "the report",
    "suggesting that",
    "12%",
    "7.5 per cent",
    "$5bn",
    "€3.2 million",
    "£120,000",
    "between 250,000 and 300,000",
    "300 miles",
    "twenty-five",
    "2024",
    "1990s",
    "3 March 2024",
    "2024-03-07",
    "March 20",
    "Jan. 5",
    "last Thursday",
    "next month",
    "yesterday",
    "9:30 a.m.",
    "noon",
    "two hours",
    "each year",
    "'s",
    "’s",
    "PENCE:",
    "WALLACE:",
    "Q:",
    "A:",
    "—",
    "–",
    "-",
    ":",
    ";",
    ",",
    ".",
    "...",
    "…",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "«",
    "»",
    "„",
    "Cookie",
    "Accept all cookies",
    "Share this article",
    "Home | World | Sport",
    "Read more",
    "Advertisement",
];

/// Everything else a paste may hold.
const EXOTIC: &[&str] = &[
    "😀",
    "👍🏽",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇲🇽",
    "1\u{FE0F}\u{20E3}",
    "e\u{301}",
    "Zu\u{308}rich",
    "a\u{300}\u{301}\u{302}\u{303}",
    "\u{301}",
    "\u{200D}",
    "\u{200C}",
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "مرحبا بالعالم",
    "محمد الراشد",
    "في دبي",
    "שלום עולם",
    "ירושלים",
    "\u{200E}",
    "\u{200F}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\r\n\r\n",
    "\t",
    "\u{B}",
    "\u{C}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{A0}",
    "\u{3000}",
    "\0",
    "\u{1}",
    "\u{1B}[31m",
    "\u{7F}",
    "\u{9F}",
    "\u{FFFD}",
    "\u{FFFD}\u{FFFD}",
    "\u{FFFF}",
    "\u{E000}",
    "\u{10FFFF}",
    "Ünïcödé",
    "ǅ",
    "İstanbul",
    "ß",
    "ﬁ",
    "Ⅻ",
    "٣٤٥",
    "१२३",
    "１２３",
    "Ａｎａ",
    "東京",
    "中华人民共和国",
    "。",
    "！",
    "？",
    "Ελλάδα",
    "Москва",
    "ΑΘΗΝΑ",
    "ǈ",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,10}",
        "[A-Z][a-z]{1,10}",
        "[A-Z]{2,6}",
        "[0-9]{1,12}",
        "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,2})?",
    ]
}

/// A very long run of one kind of char: a word, digits, capitals, punctuation, emoji.
fn long_run() -> impl Strategy<Value = String> {
    (
        select(
            &[
                "a", "Z", "9", ".", "-", "'", "\"", "é", "😀", "\u{301}", "\u{FFFD}", "\0", " .",
                "A.",
            ][..],
        ),
        100..4000usize,
    )
        .prop_map(|(s, n)| s.repeat(n))
}

/// One piece of text from any of the classes above.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(NEWS).prop_map(str::to_string),
        4 => select(EXOTIC).prop_map(str::to_string),
        4 => word(),
        2 => any::<char>().prop_map(String::from),
        1 => long_run(),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![6 => Just(" "), 2 => Just(""), 1 => Just("\n"), 1 => Just("\r\n"), 1 => Just("\n\n"), 1 => Just(". ")]
}

/// A text of up to `n` pieces, each followed by a separator.
fn text(n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 0..n).prop_map(|parts| {
        parts.into_iter().fold(String::new(), |mut s, (p, sep)| {
            s.push_str(&p);
            s.push_str(sep);
            s
        })
    })
}

/// A news-like sentence: a speaker, a cue, content with numbers, in quotes or not.
fn sentence() -> impl Strategy<Value = String> {
    let name = select(
        &[
            "Ana Sousa",
            "Mark Rutte",
            "Ngozi Okonjo",
            "the minister",
            "He",
            "She",
            "Officials",
            "A spokesman for the CIA",
            "محمد",
            "Zoë 😀 Núñez",
        ][..],
    );
    let cue = select(
        &[
            "said",
            "told reporters",
            "denied",
            "claimed",
            "warned",
            "added",
            "says",
        ][..],
    );
    let content = select(
        &[
            "prices rose 4% in 2023",
            "the plan would cost $5bn",
            "Mexico's exports fell by a third",
            "nobody was hurt",
            "talks would continue on Tuesday",
            "3,000 workers had voted",
            "unemployment fell from 7.2% to 4.1%",
        ][..],
    );
    let shape = 0..6u8;
    (name, cue, content, shape).prop_map(|(n, c, x, shape)| match shape {
        0 => format!("{n} {c} that {x}."),
        1 => format!("\"{x},\" {n} {c}."),
        2 => format!("“{x}”, {c} {n}."),
        3 => format!("{x}, according to {n}."),
        4 => format!("{}: {x}.", n.to_uppercase()),
        _ => format!("{n} {c}: «{x}»"),
    })
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), separator(), prop::option::of(piece())), 1..25).prop_map(
        |parts| {
            parts
                .into_iter()
                .fold(String::new(), |mut s, (sent, sep, extra)| {
                    s.push_str(&sent);
                    s.push_str(sep);
                    if let Some(p) = extra {
                        s.push_str(&p);
                        s.push(' ');
                    }
                    s
                })
        },
    )
}

/// Annotates `text` twice (with two annotators) and checks the invariants, the offsets and
/// that both results are equal.
fn holds(annotator: &Annotator, text: &str) -> Result<Annotation, TestCaseError> {
    let a = annotator.annotate(text);
    invariants::check(text, &a).map_err(TestCaseError::fail)?;
    invariants::check_offsets(text, &a).map_err(TestCaseError::fail)?;
    let again = Annotator::default().annotate(text);
    prop_assert_eq!(
        &a,
        &again,
        "annotating the same text twice gave different results"
    );
    Ok(a)
}

fn config(cases: u32) -> ProptestConfig {
    // PROPTEST_CASES in the environment overrides the count, for a longer local search.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn mixed_text_keeps_every_invariant(t in text(80)) {
        holds(&Annotator::default(), &t)?;
    }

    #[test]
    fn news_articles_keep_every_invariant(t in article()) {
        holds(&Annotator::default(), &t)?;
    }

    #[test]
    fn any_chars_keep_every_invariant(chars in prop::collection::vec(any::<char>(), 0..400)) {
        let t: String = chars.into_iter().collect();
        holds(&Annotator::default(), &t)?;
    }

    /// Lossy UTF-8, as a file with bad bytes (or a clipboard with a lone surrogate) arrives.
    #[test]
    fn lossy_bytes_keep_every_invariant(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let t = String::from_utf8_lossy(&bytes).into_owned();
        holds(&Annotator::default(), &t)?;
    }
}

proptest! {
    #![proptest_config(config(100))]

    /// The user's own terms (the page's "Your terms", the CLI's `--lexicon`) may be anything, and
    /// the reference date any date `YYYY-MM-DD` that parses.
    #[test]
    fn any_user_terms_and_reference_date(
        terms in prop::collection::vec((select(&["PERSON", "ORG", "PLACE", "NORP", "EVENT", "DATE", "MONEY"][..]), prop_oneof![text(4), select(NEWS).prop_map(str::to_string)]), 0..6),
        date in (0..12000i32, 1..=12u32, 1..=31u32),
        t in article(),
    ) {
        let mut lexicon: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (label, term) in &terms {
            lexicon.entry(label.to_string()).or_default().push(term.clone());
        }
        let options = Options { reference_date: Some(format!("{}-{:02}-{:02}", date.0, date.1, date.2)), lexicon };
        let annotator = Annotator::new(options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let a = annotator.annotate(&t);
        invariants::check(&t, &a).map_err(TestCaseError::fail)?;
        // the user's terms are found in a text that holds them, and still keep the invariants
        let mut with_terms = t.clone();
        for (_, term) in &terms {
            with_terms.push_str(term);
            with_terms.push_str(" said that it rained. ");
        }
        let b = annotator.annotate(&with_terms);
        invariants::check(&with_terms, &b).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&b, &annotator.annotate(&with_terms));
    }
}
