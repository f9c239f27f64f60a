//! Names: runs of capitalised words, typed as person, organisation, place, nationality or event.
//!
//! A name is a run of capitalised words inside a sentence, joined by lower-case connectors only
//! when another capital follows ("Bank of England", "Secretary of State"). Titles before a name
//! ("President", "Prime Minister") are cut off and kept as the person's role; a possessive ending
//! ends the name ("Fox News’s Sean Hannity" → "Fox News", "Sean Hannity"). The first word of a
//! sentence counts only when a list knows it or more capitals follow.
//!
//! The type comes from, in order: the user's lexicon, the country and nationality lists, an
//! organisation cue as the last word ("Agency", "Times"), an acronym, a title (a person), and
//! otherwise the shape of the run (two or three words: a person).

use std::ops::Range;

use super::Mention;
use crate::annotation::Label;
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// Lower-case words allowed inside a name when a capitalised word follows.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "van", "von", "der", "al", "bin", "la", "le", "and", "for", "the",
];

/// Capitalised words that start sentences and are not names on their own.
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Some",
    "Many",
    "Most",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Now",
    "Then",
    "Citing",
    "According",
    "Under",
    "With",
    "Without",
    "By",
    "From",
    "To",
    "Of",
    "Even",
    "Also",
    "Both",
    "Each",
    "Every",
    "All",
    "No",
    "Not",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Her",
    "Him",
    "Is",
    "Was",
    "Are",
    "Were",
    "Has",
    "Have",
    "Had",
    "Do",
    "Does",
    "Did",
    "Will",
    "Would",
    "Could",
    "Should",
    "Can",
    "May",
    "Might",
    "Must",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Our",
    "Your",
    "Learn",
    "More",
    "Read",
    "Accept",
];

/// A user lexicon entry: the words of a name and its label.
#[derive(Clone, Debug)]
pub struct UserTerm {
    /// The name's words, as written.
    pub words: Vec<String>,
    /// The label to give it.
    pub label: Label,
}

/// Finds names in sentence token range `range`, skipping tokens already taken, appending to `out`.
pub fn find_names(
    doc: &Doc,
    range: Range<usize>,
    taken: &[bool],
    lexicon: &Lexicon,
    user: &[UserTerm],
    out: &mut Vec<Mention>,
) {
    let mut i = range.start;
    while i < range.end {
        if taken[i] {
            i += 1;
            continue;
        }
        // The user's terms win over everything else.
        if let Some((len, label)) = match_user(doc, i, range.end, user) {
            out.push(make(doc, i..i + len, label, None));
            i += len;
            continue;
        }
        if !doc.tokens[i].is_capitalised() {
            i += 1;
            continue;
        }
        // Extend the run of capitalised words.
        let mut j = i + 1;
        while j < range.end && !taken[j] {
            let t = &doc.tokens[j];
            let word = doc.tok_text(j);
            let capital = t.is_capitalised() && t.newlines_before == 0;
            let next_capital =
                j + 1 < range.end && doc.tokens[j + 1].is_capitalised() && !taken[j + 1];
            // "Bank of England"
            let connector = t.kind == TokenKind::Word && CONNECTORS.contains(&word) && next_capital;
            // "Coca-Cola", "AT&T"
            let joiner = (word == "-" || word == "&") && !t.space_before && next_capital;
            if !(capital || connector || joiner) {
                break;
            }
            j += 1;
        }
        let run_end = j;
        let mut start = i;
        // A nationality or country before a title or name ("Mexican President Claudia Sheinbaum",
        // "US Senator ...") is a mention of its own.
        if run_end - start > 1 {
            let first = doc.tok_text(start);
            let label = if lexicon.demonyms.contains_key(first) {
                Some(Label::Norp)
            } else if lexicon.countries.contains_key(first) {
                Some(Label::Place)
            } else {
                None
            };
            if let Some(label) =
                label.filter(|_| title_at(doc, start + 1, run_end, lexicon).is_some())
            {
                out.push(make(doc, start..start + 1, label, None));
                start += 1;
            }
        }
        // Titles: cut off and kept as the role.
        let mut role = None;
        while start < run_end {
            if let Some(len) = title_at(doc, start, run_end, lexicon) {
                if start + len < run_end {
                    role = Some(
                        doc.text
                            [doc.tokens[start].span.start..doc.tokens[start + len - 1].span.end]
                            .to_string(),
                    );
                    start += len;
                    // "Gen." / "Dr." — a period after an abbreviated title
                    continue;
                }
            }
            break;
        }
        // The first word of a sentence: drop a function word.
        while start < run_end
            && FUNCTION_WORDS.contains(&doc.tok_text(start))
            && !keeps_article(doc, start, run_end, lexicon)
        {
            start += 1;
        }
        if start >= run_end {
            i = run_end.max(i + 1);
            continue;
        }
        let sentence_initial = start == range.start;
        let n = run_end - start;
        let label = classify(doc, start..run_end, role.is_some(), lexicon);
        let keep = match label {
            Some(_) if !sentence_initial || n > 1 => true,
            Some(l) => l != Label::Person,
            None => false,
        };
        if keep {
            out.push(make(
                doc,
                start..run_end,
                label.unwrap_or(Label::Person),
                role,
            ));
        }
        i = run_end;
    }
}

fn make(doc: &Doc, tokens: Range<usize>, label: Label, role: Option<String>) -> Mention {
    let span = Span::new(
        doc.tokens[tokens.start].span.start,
        doc.tokens[tokens.end - 1].span.end,
    );
    Mention {
        span,
        tokens,
        label,
        role,
        value: None,
    }
}

/// A user term starting at token `i`: its length in tokens and label.
fn match_user(doc: &Doc, i: usize, end: usize, user: &[UserTerm]) -> Option<(usize, Label)> {
    let mut best: Option<(usize, Label)> = None;
    for term in user {
        let n = term.words.len();
        if n == 0 || i + n > end || best.is_some_and(|(b, _)| b >= n) {
            continue;
        }
        if (0..n).all(|k| doc.tok_text(i + k) == term.words[k]) {
            best = Some((n, term.label));
        }
    }
    best
}

/// The length in tokens of a title starting at token `i`, with a following period.
fn title_at(doc: &Doc, i: usize, end: usize, lexicon: &Lexicon) -> Option<usize> {
    // longest first: "Secretary of State", "Prime Minister", "President"
    for len in (1..=3).rev() {
        if i + len > end {
            continue;
        }
        let words: Vec<&str> = (i..i + len).map(|k| doc.tok_text(k)).collect();
        if lexicon.titles.contains(words.join(" ").as_str()) {
            return Some(len);
        }
    }
    None
}

/// "The" stays at the start of a name only for organisations named with it ("The New York Times").
fn keeps_article(doc: &Doc, start: usize, end: usize, lexicon: &Lexicon) -> bool {
    doc.tok_text(start) == "The"
        && end - start >= 3
        && lexicon.org_cues.contains(doc.tok_text(end - 1))
}

fn classify(doc: &Doc, r: Range<usize>, has_title: bool, lexicon: &Lexicon) -> Option<Label> {
    let text = &doc.text[doc.tokens[r.start].span.start..doc.tokens[r.end - 1].span.end];
    if lexicon.countries.contains_key(text) {
        return Some(Label::Place);
    }
    if lexicon.demonyms.contains_key(text) {
        return Some(Label::Norp);
    }
    let last = doc.tok_text(r.end - 1);
    if lexicon.org_cues.contains(last) {
        return Some(Label::Org);
    }
    let n = r.len();
    if n == 1
        && doc.tokens[r.start].all_upper
        && (2..=5).contains(&text.chars().filter(|c| c.is_alphabetic()).count())
    {
        return Some(Label::Org);
    }
    if has_title {
        return Some(Label::Person);
    }
    if (2..=3).contains(&n) {
        return Some(Label::Person);
    }
    if n == 1 {
        // A lone capitalised word: a person when a reporting verb follows it ("Trump claimed").
        let next = r.end;
        if next < doc.tokens.len() && lexicon.reporting_verbs.contains_key(doc.tok_text(next)) {
            return Some(Label::Person);
        }
        // "in Rotterdam", "from Lagos": a place after a locative preposition.
        if r.start > 0
            && matches!(
                doc.tok_text(r.start - 1),
                "in" | "from" | "near" | "across" | "outside" | "inside"
            )
        {
            return Some(Label::Place);
        }
        return None;
    }
    Some(Label::Org)
}
