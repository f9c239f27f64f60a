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

/// Lower-case phrases to find at word starts (up to 64), indexed by their first three bytes.
struct PhraseSet {
    phrases: Vec<&'static str>,
    /// Byte → bit mask of the phrases whose first, second and third byte it can be (in either
    /// case; a phrase shorter than that takes any byte there). Bit `k` is phrase `k`.
    by_byte: [[u64; 256]; 3],
}

/// What one pass over a line finds: its phrases and the chars that call for a closer look.
struct LineScan {
    /// The phrases found at word starts (bit `k` for phrase `k`).
    phrases: u64,
    /// A space is followed by the first byte of a crumb separator (`>`, `»`, `›`, `|`, `/`).
    separator: bool,
}

/// A word start's byte that is an opening mark (skipped: `"(['`).
const OPENING: u8 = 1;
/// A word start's byte that can start a crumb separator: " > ", " » ", " › ", " | ", " / ".
const SEPARATOR: u8 = 2;
/// Byte → [`OPENING`], [`SEPARATOR`] or 0.
static START_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        class[i] = match i as u8 {
            b'"' | b'(' | b'[' | b'\'' => OPENING,
            b'>' | 0xC2 | 0xE2 | b'|' | b'/' => SEPARATOR,
            _ => 0,
        };
        i += 1;
    }
    class
};

/// The first space in `b` at or after byte `i`: eight bytes at a time.
fn space_from(b: &[u8], mut i: usize) -> Option<usize> {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]) ^ SPACES;
        // the high bit of every zero byte (a space), exactly: no borrow runs into the next byte
        let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
        if spaces != 0 {
            return Some(i + spaces.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&c| c == b' ').map(|j| i + j)
}

impl PhraseSet {
    fn new(phrases: &[&'static str]) -> PhraseSet {
        let mut by_byte = [[0u64; 256]; 3];
        for (k, p) in phrases.iter().enumerate().take(64) {
            for (n, table) in by_byte.iter_mut().enumerate() {
                for (byte, mask) in table.iter_mut().enumerate() {
                    let byte = (byte as u8).to_ascii_lowercase();
                    // the first two bytes are compared with the phrase's as they are, the rest
                    // ignoring case (as the phrase is compared in full)
                    let fits = match p.as_bytes().get(n) {
                        Some(&c) if n < 2 => byte == c,
                        Some(&c) => byte == c.to_ascii_lowercase(),
                        None => true,
                    };
                    if fits {
                        *mask |= 1 << k;
                    }
                }
            }
        }
        PhraseSet {
            phrases: phrases.to_vec(),
            by_byte,
        }
    }

    /// The phrases `line` contains at the start of a word, ignoring ASCII case, and whether it
    /// has a possible crumb separator: one pass over the line (spaces found eight bytes at a
    /// time, each word start checked at one place), no allocation.
    fn scan(&self, line: &str) -> LineScan {
        let b = line.as_bytes();
        let [first, second, third] = &self.by_byte;
        let mut found = 0u64;
        let mut separator = false;
        // a word start: the line's start and each byte after a space (past any opening marks)
        let mut check = |i: usize| {
            let Some(&(mut c)) = b.get(i) else {
                return;
            };
            let mut i = i;
            match START_CLASS[c as usize] {
                0 => {}
                SEPARATOR => separator = true,
                _ => {
                    while i < b.len() && START_CLASS[b[i] as usize] == OPENING {
                        i += 1;
                    }
                    let Some(&d) = b.get(i) else {
                        return;
                    };
                    c = d;
                }
            }
            // most words start with a byte no phrase (not found yet) starts with
            let mut mask = first[c as usize] & !found;
            if mask == 0 {
                return;
            }
            let at = |j: usize| b.get(j).map_or(0, |&c| c as usize);
            mask &= second[at(i + 1)] & third[at(i + 2)];
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let p = self.phrases[k].as_bytes();
                if b.len() - i >= p.len() && b[i..i + p.len()].eq_ignore_ascii_case(p) {
                    found |= 1 << k;
                }
            }
        };
        let mut start = 0;
        loop {
            check(start);
            match space_from(b, start) {
                Some(space) => start = space + 1,
                None => break,
            }
        }
        LineScan {
            phrases: found,
            separator,
        }
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
    let (set, notices, cookie, context) = phrase_set(lexicon);
    let scan = set.scan(line);
    // A notice: a short line with one of the phrases ("uses cookies", "privacy policy"), or any
    // line with two; long paragraphs are prose even when they mention a privacy policy.
    if len <= 1000 {
        let found = scan.phrases;
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
    if len <= 300 && scan.separator {
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
