//! Boilerplate: the page furniture that comes along when an article is copied from a web page.
//!
//! A line is boilerplate when it is
//! * a short line that is only a button or prompt ("Accept !", "Learn More", "Share this article"),
//! * a cookie, consent, newsletter or copyright notice ("Our website uses cookies ..."),
//! * widget configuration that leaked into the text ("buttons=(Accept !) days=(20)"),
//! * a navigation crumb ("Home > World > Americas").
//!
//! Adjacent boilerplate lines merge into one span. The phrase lists are in `data/boilerplate.txt`.
//! Boilerplate keeps its sentences (so offsets still cover the text) but gets no entities or claims.

use std::sync::OnceLock;

use crate::lexicon::Lexicon;
use crate::span::Span;

/// Finds the boilerplate spans of `text`, in order, not overlapping.
pub fn find_boilerplate(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut line_start = 0usize;
    // the normalised form of a short line, reused from line to line
    let mut norm = String::new();
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() && is_boilerplate_line(trimmed, lexicon, &mut norm) {
            let start = line_start + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            match spans.last_mut() {
                // merge with the previous boilerplate line when only blank lines separate them
                Some(prev) if text[prev.end..span.start].trim().is_empty() => prev.end = span.end,
                _ => spans.push(span),
            }
        }
        line_start = line_end;
    }
    spans
}

/// Lower-cases and keeps only letters, digits and single spaces.
fn normalise(line: &str, out: &mut String) {
    out.clear();
    for c in line.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '\'' || c == '’')
            && !out.ends_with(' ')
            && !out.is_empty()
        {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Words that, with "cookie", make a line a cookie notice.
const COOKIE_CONTEXT: &[&str] = &["accept", "consent", "our website", "this site"];

/// Lower-case phrases to find at word starts, indexed by their first byte (up to 64).
struct PhraseSet {
    phrases: Vec<&'static str>,
    /// First byte → bit mask of the phrases starting with it (up to 64 phrases).
    by_first: [u64; 256],
}

impl PhraseSet {
    fn new(phrases: &[&'static str]) -> PhraseSet {
        let mut by_first = [0u64; 256];
        for (k, p) in phrases.iter().enumerate().take(64) {
            if let Some(&c) = p.as_bytes().first() {
                by_first[c as usize] |= 1 << k;
            }
        }
        PhraseSet {
            phrases: phrases.to_vec(),
            by_first,
        }
    }

    /// The phrases `line` contains at the start of a word, ignoring ASCII case, as a bit mask
    /// (bit `k` for phrase `k`): one pass over the line, no allocation.
    fn find(&self, line: &str) -> u64 {
        let b = line.as_bytes();
        let mut found = 0u64;
        // word starts: the line's start and each byte after a space or an opening mark (the
        // spaces are found with `memchr`-backed search)
        let mut check = |i: usize| {
            let mut i = i;
            while i < b.len() && matches!(b[i], b'"' | b'(' | b'[' | b'\'') {
                i += 1;
            }
            let Some(&c) = b.get(i) else {
                return;
            };
            let mut mask = self.by_first[c.to_ascii_lowercase() as usize] & !found;
            if mask == 0 {
                return;
            }
            let second = b.get(i + 1).map_or(0, u8::to_ascii_lowercase);
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let p = self.phrases[k].as_bytes();
                if p.get(1).is_some_and(|&c| c != second) {
                    continue;
                }
                if b.len() - i >= p.len() && b[i..i + p.len()].eq_ignore_ascii_case(p) {
                    found |= 1 << k;
                }
            }
        };
        check(0);
        for (i, _) in line.match_indices(' ') {
            check(i + 1);
        }
        found
    }
}

/// The most notice phrases the one 64-bit phrase set holds beside "cookie" and its context words.
const MAX_NOTICES: usize = 64 - 1 - COOKIE_CONTEXT.len();

/// The lexicon's notice phrases (up to [`MAX_NOTICES`]), then "cookie", then its context words, in one set;
/// and the bit masks of the three groups.
fn phrase_set(lexicon: &Lexicon) -> &'static (PhraseSet, u64, u64, u64) {
    static SET: OnceLock<(PhraseSet, u64, u64, u64)> = OnceLock::new();
    SET.get_or_init(|| {
        let notices: Vec<&'static str> = lexicon
            .boilerplate_phrases
            .iter()
            .copied()
            .take(MAX_NOTICES)
            .collect();
        let n = notices.len();
        let mut all = notices;
        all.push("cookie");
        all.extend_from_slice(COOKIE_CONTEXT);
        let notice_mask = (1u64 << n) - 1;
        let cookie_mask = 1u64 << n;
        let context_mask = ((1u64 << COOKIE_CONTEXT.len()) - 1) << (n + 1);
        (PhraseSet::new(&all), notice_mask, cookie_mask, context_mask)
    })
}

fn is_boilerplate_line(line: &str, lexicon: &Lexicon, norm: &mut String) -> bool {
    let len = line.len();
    // A short line that is only a button label or prompt.
    if len <= 48 {
        normalise(line, norm);
        if norm.is_empty() && line.split_whitespace().count() <= 3 {
            return false; // punctuation only, e.g. "***" section breaks: leave them alone
        }
        if lexicon.boilerplate_lines.contains(norm.as_str()) {
            return true;
        }
    }
    // A notice: a short line with one of the phrases ("uses cookies", "privacy policy"), or any
    // line with two; long paragraphs are prose even when they mention a privacy policy.
    if len <= 1000 {
        let (set, notices, cookie, context) = phrase_set(lexicon);
        let found = set.find(line);
        let mut hits = (found & notices).count_ones();
        if found & cookie != 0 && found & context != 0 {
            hits += 1;
        }
        if hits >= 2 || hits == 1 && len <= 200 {
            return true;
        }
    }
    if line.starts_with('©') || line.starts_with("(c) ") || line.starts_with("Copyright ©") {
        return true;
    }
    // Widget configuration: most words are `key=value` / `key=(value)` pairs.
    if line.contains('=') {
        let words = line.split_whitespace().count();
        let config_pairs = line
            .split_whitespace()
            .filter(|w| {
                w.find('=').is_some_and(|i| {
                    i > 0
                        && w[..i]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                })
            })
            .count();
        if config_pairs >= 1 && config_pairs * 3 >= words.min(6) {
            return true;
        }
    }
    // Navigation crumbs: three or more short segments joined by a separator.
    if len <= 300 {
        for sep in [" > ", " » ", " › ", " | ", " / "] {
            if !line.contains(sep) {
                continue;
            }
            let mut parts = 0;
            let all_short = line.split(sep).all(|p| {
                parts += 1;
                !p.trim().is_empty() && p.split_whitespace().count() <= 4
            });
            if parts >= 3 && all_short {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find_boilerplate(text, crate::lexicon::lexicon())
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn every_notice_phrase_fits_the_phrase_set() {
        let n = crate::lexicon::lexicon().boilerplate_phrases.len();
        assert!(
            n <= MAX_NOTICES,
            "data/boilerplate.txt has {n} [contains] phrases; the phrase set holds {MAX_NOTICES}"
        );
    }

    #[test]
    fn cookie_banner_after_an_article() {
        let text = "The minister said it would pass.\n\n \n\nbuttons=(Accept !) days=(20)\n\nOur website uses cookies to enhance your experience. Learn More\nAccept !\n";
        assert_eq!(found(text), ["buttons=(Accept !) days=(20)\n\nOur website uses cookies to enhance your experience. Learn More\nAccept !"]);
    }

    #[test]
    fn crumbs_and_buttons() {
        assert_eq!(
            found("Home > World > Americas\nThe vote was held.\nShare this article"),
            ["Home > World > Americas", "Share this article"]
        );
    }

    #[test]
    fn prose_is_not_boilerplate() {
        assert!(found("Accept the result, he said.\nThe cookie jar was empty.\nCompanies share the cost.\n***").is_empty());
        assert!(found("He said x = 5 was wrong.").is_empty());
    }
}
