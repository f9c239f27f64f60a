//! Sentences: where one statement ends and the next begins.
//!
//! A sentence ends
//! * after `.`, `!`, `?`, `…` (with any closing quotes or brackets that follow) when the next
//!   token starts like a sentence: a capital (or a letter of a script without capitals, such as
//!   Arabic or Hebrew), a digit, an opening quote or bracket, or a new line;
//!   a period does not end a sentence after a title or abbreviation ("Mr.", "Gen.", "Jan. 5"), an
//!   initial ("J. Smith") or a dotted abbreviation ("U.S. President"), unless a new line or a
//!   typical sentence opener ("The", "He", "But") follows;
//! * at a blank line (a paragraph break), always;
//! * at a single line break, unless the text is hard-wrapped prose (lines that mostly continue in
//!   lower case), where a single line break is just a space. This keeps headlines, bylines and
//!   one-sentence-per-line transcripts apart without cutting wrapped paragraphs.

use std::ops::Range;

use super::tokens::{Token, TokenKind};
use crate::span::Span;

/// A sentence as the pipeline sees it: its span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceRange {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into the document's tokens.
    pub tokens: Range<usize>,
}

/// Titles and abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt",
    "sgt", "maj", "adm", "cmdr", "st", "ste", "mt", "ft", "jr", "sr", "rev", "hon", "pres", "supt",
    "insp", "det", "no", "nos", "vs", "fig", "figs", "vol", "pp", "approx", "dept", "est", "cf",
    "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Words that, capitalised after a dotted abbreviation ("... in the U.S. The ..."), start a sentence.
const OPENERS: &[&str] = &[
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
    "Officials",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Now",
    "Then",
];

fn is_terminal(tok: &Token, text: &str) -> bool {
    // the first byte of each terminal ('…' and '。' start with E2 and E3, '！' and '？' with EF)
    tok.kind == TokenKind::Punct
        && matches!(
            text.as_bytes().get(tok.span.start),
            Some(b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF)
        )
        && tok
            .text(text)
            .starts_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// True when the tokens before `i` end in terminal punctuation (possibly followed by closers).
fn ends_with_terminal(tokens: &[Token], text: &str, i: usize) -> bool {
    let mut j = i;
    while j > 0 && is_closer(&tokens[j - 1], text) {
        j -= 1;
    }
    j > 0 && is_terminal(&tokens[j - 1], text)
}

fn is_closer(tok: &Token, text: &str) -> bool {
    tok.kind == TokenKind::Punct
        && !tok.space_before
        && matches!(
            tok.text(text),
            "\"" | "'" | "”" | "’" | "»" | ")" | "]" | "}" | "›"
        )
}

fn is_opener_punct(tok: &Token, text: &str) -> bool {
    tok.kind == TokenKind::Punct
        && matches!(
            tok.text(text).chars().next(),
            Some(
                '"' | '\''
                    | '“'
                    | '‘'
                    | '«'
                    | '('
                    | '['
                    | '¿'
                    | '¡'
                    | '-'
                    | '—'
                    | '–'
                    | '•'
                    | '*'
            )
        )
}

fn starts_lower(tok: &Token, text: &str) -> bool {
    tok.kind == TokenKind::Word
        && tok
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// True when single line breaks in `tokens` look like hard wrapping inside paragraphs.
fn is_hard_wrapped(tokens: &[Token], text: &str) -> bool {
    let mut single_breaks = 0usize;
    let mut continued = 0usize;
    for (i, t) in tokens.iter().enumerate().skip(1) {
        if t.newlines_before == 1 {
            single_breaks += 1;
            let prev = &tokens[i - 1];
            if starts_lower(t, text) && !is_terminal(prev, text) {
                continued += 1;
            }
        }
    }
    continued >= 3 && continued * 10 >= single_breaks * 3
}

/// Splits the tokens of `text` into sentences.
pub fn split_sentences(tokens: &[Token], text: &str) -> Vec<SentenceRange> {
    let mut out = Vec::new();
    if tokens.is_empty() {
        return out;
    }
    let wrapped = is_hard_wrapped(tokens, text);
    let mut start = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let tok = &tokens[i];
        // A line break before this token may end the sentence before it.
        if i > start && tok.newlines_before > 0 {
            let breaks =
                tok.newlines_before >= 2 || !wrapped || ends_with_terminal(tokens, text, i);
            if breaks {
                push(&mut out, tokens, start, i);
                start = i;
            }
        }
        if is_terminal(tok, text) {
            // Take closing quotes and brackets (and further terminals: `?!`, `."`) along.
            let mut end = i + 1;
            while end < tokens.len()
                && (is_closer(&tokens[end], text)
                    || (is_terminal(&tokens[end], text) && !tokens[end].space_before))
            {
                end += 1;
            }
            if end >= tokens.len() {
                i = end;
                continue;
            }
            let next = &tokens[end];
            if next.newlines_before > 0 {
                // the line-break rule above decides at the next token
                i = end;
                continue;
            }
            if ends_here(tokens, text, i, next) {
                push(&mut out, tokens, start, end);
                start = end;
            }
            i = end;
            continue;
        }
        // A dotted abbreviation ("U.S.") carries its own period.
        if tok.kind == TokenKind::Word
            && text.as_bytes().get(tok.span.end.wrapping_sub(1)) == Some(&b'.')
            && i + 1 < tokens.len()
        {
            let next = &tokens[i + 1];
            if next.newlines_before == 0
                && next.space_before
                && next.kind == TokenKind::Word
                && OPENERS.contains(&next.text(text))
            {
                push(&mut out, tokens, start, i + 1);
                start = i + 1;
            }
        }
        i += 1;
    }
    push(&mut out, tokens, start, tokens.len());
    out
}

/// Does the terminal punctuation at `tokens[i]` end the sentence, given the `next` token?
fn ends_here(tokens: &[Token], text: &str, i: usize, next: &Token) -> bool {
    let punct = tokens[i].text(text);
    let next_text = next.text(text);
    // a letter of a script without capitals (Arabic, Hebrew, ...) starts a sentence as a capital does
    let caseless = next_text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase());
    let starts_sentence = next.upper_initial
        || caseless
        || next.kind == TokenKind::Number
        || is_opener_punct(next, text)
        || !next_text.chars().next().is_some_and(char::is_alphabetic)
            && next.kind == TokenKind::Word;
    if !starts_sentence || !next.space_before {
        return false;
    }
    if !punct.starts_with('.') || punct.len() > 1 {
        return true; // ! ? … and "..." end a sentence before a capital
    }
    // A single period: not after an abbreviation or an initial.
    if i == 0 {
        return true;
    }
    let prev = &tokens[i - 1];
    if prev.kind != TokenKind::Word || prev.span.end != tokens[i].span.start {
        return true;
    }
    let word = prev.text(text);
    let is_initial = word.chars().count() == 1 && prev.upper_initial;
    // (the abbreviations are lower case: comparing them ignoring case is comparing them with
    // the lower-cased word, without making it)
    let is_abbrev = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    if is_initial || is_abbrev {
        // "Gen. Smith", "Jan. 5", "J. Smith" continue; an opener after them still starts anew.
        return next.kind == TokenKind::Word && OPENERS.contains(&next_text) && !is_initial;
    }
    true
}

fn push(out: &mut Vec<SentenceRange>, tokens: &[Token], start: usize, end: usize) {
    if start < end {
        out.push(SentenceRange {
            span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
            tokens: start..end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(&tokens, text)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn periods_and_abbreviations() {
        assert_eq!(
            sents("Mr. Smith went to Washington. He said so."),
            ["Mr. Smith went to Washington.", "He said so."]
        );
        assert_eq!(
            sents("Gen. J. Smith met U.S. President Biden on Jan. 5. It rained."),
            [
                "Gen. J. Smith met U.S. President Biden on Jan. 5.",
                "It rained."
            ]
        );
        assert_eq!(
            sents("He lives in the U.S. The rest is history."),
            ["He lives in the U.S.", "The rest is history."]
        );
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(
            sents("\"Is it?\" he asked. \"Yes.\" She left!"),
            ["\"Is it?\" he asked.", "\"Yes.\"", "She left!"]
        );
        assert_eq!(
            sents("It was 3.5 per cent. Then 4."),
            ["It was 3.5 per cent.", "Then 4."]
        );
    }

    #[test]
    fn headlines_and_paragraphs() {
        let text = "The US requests permission\n\n\nThe United States is stepping up pressure.\nLONDON 1996-08-30\nWest Indian all-rounder";
        assert_eq!(
            sents(text),
            [
                "The US requests permission",
                "The United States is stepping up pressure.",
                "LONDON 1996-08-30",
                "West Indian all-rounder"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "The minister said on Monday that the\nplan would go ahead despite the\nobjections raised by the unions and\nthe opposition parties. It was\nnot popular.";
        assert_eq!(sents(text).len(), 2);
    }

    #[test]
    fn crlf_paragraphs() {
        assert_eq!(sents("One here\r\n\r\nTwo here"), ["One here", "Two here"]);
    }
}
