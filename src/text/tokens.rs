//! Tokens: words, numbers and punctuation, found in one pass over the text.
//!
//! Whitespace is not a token, nor are control chars (NUL, ESC, DEL, ...: they separate like a
//! space); each token records the whitespace before it (whether there was any, and how many line
//! breaks), which is all the later stages need to see headlines, paragraphs and hyphenated or
//! possessive forms.
//!
//! * **Word**: a run of letters, marks and digits, with inner apostrophes ("O'Brien", "don't")
//!   and inner periods of dotted abbreviations ("U.S.", "a.m." — the final period included).
//!   A possessive or clitic "'s" / "’s" is split off as its own word token.
//! * **Number**: digits with inner `,` or `.` between digits ("250,000", "3.2"). A number glued to
//!   letters ("5bn", "1990s", "F-16"'s "16") is split at the letter boundary.
//! * **Punct**: any other non-space char; a run of the same char ("...", "--") is one token.

use crate::span::Span;

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes and abbreviation dots).
    Word,
    /// Digits with inner separators.
    Number,
    /// Anything else.
    Punct,
}

/// One token, with the facts about its spelling that the recognisers test most often.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// True when the first char is an uppercase letter.
    pub upper_initial: bool,
    /// True when the token has letters and none is lowercase ("CIA", "U.S.", "NATO").
    pub all_upper: bool,
    /// True when any whitespace precedes the token.
    pub space_before: bool,
    /// Number of line breaks in the whitespace before the token (saturating at 255).
    pub newlines_before: u8,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// True for a word that starts with a capital.
    #[inline]
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.upper_initial
    }

    /// True for a punctuation token.
    #[inline]
    pub fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || (c.is_alphanumeric() && !c.is_ascii_digit()) || is_mark(c)
}

#[inline]
fn is_mark(c: char) -> bool {
    // Combining marks (accents typed as separate code points), ZWJ/ZWNJ inside words.
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}')
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The char at byte `i` of `text` (on a char boundary), with an ASCII fast path.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Splits `text` into tokens.
///
/// One pass over the bytes. ASCII spaces and words (most of a news text) take a fast path that
/// never decodes a char; everything else goes through the general, char-by-char rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // about one token per five bytes of English (see `reserve_rest` and the end for texts that
    // have more or fewer)
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0usize;
    let mut space_before = false;
    let mut newlines: u8 = 0;

    while let Some(&b) = bytes.get(pos) {
        let start = pos;
        let kind;
        let end;
        let upper_initial;
        // a word that may be in capitals: one that does not start with a lower-case letter
        let maybe_upper;
        if b == b' ' {
            // the commonest char: nothing else to decide
            space_before = true;
            pos += 1;
            continue;
        } else if b.is_ascii_alphabetic() {
            // an ASCII word: letters and digits, then the general rules only at a `'`, `.` or
            // non-ASCII char
            kind = TokenKind::Word;
            let run_end = alnum_run_end(bytes, pos + 1);
            upper_initial = b.is_ascii_uppercase();
            maybe_upper = upper_initial;
            end = if bytes
                .get(run_end)
                .is_some_and(|&d| d == b'\'' || d == b'.' || d >= 0x80)
            {
                word_end(text, start, run_end)
            } else {
                run_end
            };
        } else if b < 0x80 && (b <= b' ' || b == 0x7F) {
            // ASCII whitespace and control chars
            space_before = true;
            if b == b'\n' || (b == b'\r' && bytes.get(pos + 1) != Some(&b'\n')) {
                newlines = newlines.saturating_add(1);
            }
            pos += 1;
            continue;
        } else {
            let Some(c) = char_at(text, pos) else {
                break;
            };
            let after = pos + c.len_utf8();
            // control chars (NUL, ESC, DEL, ...) that broken exports leave separate like a space
            if c.is_whitespace() || c == '\u{FEFF}' || c.is_control() {
                space_before = true;
                if c == '\u{2028}' || c == '\u{2029}' {
                    newlines = newlines.saturating_add(1);
                }
                pos = after;
                continue;
            }
            let mut e = after;
            if c.is_ascii_digit() {
                kind = TokenKind::Number;
                // digits, with `,` or `.` only between digits
                while let Some(&d) = bytes.get(e) {
                    let inner_separator = (d == b',' || d == b'.')
                        && bytes.get(e + 1).is_some_and(|b| b.is_ascii_digit());
                    if !(d.is_ascii_digit() || inner_separator) {
                        break;
                    }
                    e += 1;
                }
            } else if is_word_char(c) {
                kind = TokenKind::Word;
                e = word_end(text, start, e);
            } else if is_apostrophe(c)
                && text[e..].starts_with(['s', 'S'])
                && !char_at(text, e + 1).is_some_and(is_word_char)
                && !space_before
                && !tokens.is_empty()
            {
                // possessive "'s" split off a preceding word
                kind = TokenKind::Word;
                e += 1;
            } else {
                kind = TokenKind::Punct;
                while char_at(text, e) == Some(c) {
                    e += c.len_utf8();
                }
            }
            end = e;
            upper_initial = c.is_uppercase();
            maybe_upper = kind == TokenKind::Word && !c.is_ascii_lowercase();
        }
        pos = end;
        // a word in capitals; most words start with a lower-case letter, which settles it
        let all_upper = maybe_upper && is_all_upper(&text[start..end]);
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            upper_initial,
            all_upper,
            space_before,
            newlines_before: newlines,
        });
        if tokens.len() == tokens.capacity() {
            reserve_rest(&mut tokens, end, text.len());
        }
        space_before = false;
        newlines = 0;
    }
    // a text of long words or much white space: give back what was reserved for it in vain
    if tokens.capacity() - tokens.len() > tokens.len() / 4 {
        tokens.shrink_to_fit();
    }
    tokens
}

/// Makes room, in a full `tokens` that has taken the text up to byte `done` of `len`, for the
/// tokens of the rest of the text at the density seen so far (and a little more), rather than
/// doubling: a large text would otherwise hold up to twice the memory its tokens need.
#[cold]
fn reserve_rest(tokens: &mut Vec<Token>, done: usize, len: usize) {
    let bytes_per_token = (done / tokens.len().max(1)).max(1);
    let rest = len - done;
    tokens.reserve_exact(rest / bytes_per_token + rest / 64 + 16);
}

/// The end of the run of ASCII letters and digits that starts at byte `i`.
#[inline]
fn alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// True for a word in capitals: letters, none of them lower case ("CIA", "U.S.", "NATO").
fn is_all_upper(s: &str) -> bool {
    if s.is_ascii() {
        !s.bytes().any(|b| b.is_ascii_lowercase()) && s.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        !s.chars().any(char::is_lowercase) && s.chars().any(char::is_alphabetic)
    }
}

/// True when `s` has no more than two chars (a char takes at most four bytes).
#[inline]
fn at_most_two_chars(s: &str) -> bool {
    s.len() <= 2 || s.len() <= 8 && s.chars().count() <= 2
}

/// The end of the word that starts at byte `start`, when its first chars up to byte `end` are
/// word chars (and digits): inner apostrophes and abbreviation periods are taken in, a
/// possessive "'s" is left for the next token.
fn word_end(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut dotted = false;
    loop {
        // ASCII letters: the common case
        while bytes.get(end).is_some_and(|b| b.is_ascii_alphabetic()) {
            end += 1;
        }
        let Some(d) = char_at(text, end) else {
            break;
        };
        // an ASCII char that is no letter, digit, apostrophe or period ends the word
        if d.is_ascii() && !d.is_ascii_alphanumeric() && d != '\'' && d != '.' {
            break;
        }
        let i = end;
        if is_word_char(d) || d.is_ascii_digit() && !dotted {
            end = i + d.len_utf8();
        } else if is_apostrophe(d) {
            // Inner apostrophe: keep unless it starts a possessive "'s" at the word's end.
            let rest = &text[i + d.len_utf8()..];
            let mut next = rest.chars();
            match next.next() {
                Some(n) if is_word_char(n) => {
                    let after = next.next();
                    let possessive = (n == 's' || n == 'S') && !after.is_some_and(is_word_char);
                    if possessive {
                        break;
                    }
                    end = i + d.len_utf8();
                }
                _ => break,
            }
        } else if d == '.' {
            // "U.S." / "a.m." / "e.g.": single letters (or two) separated by periods.
            let seg = &text[start..i];
            // (only a dotted word has periods in it)
            let last_seg = if dotted {
                seg.rsplit('.').next().unwrap_or(seg)
            } else {
                seg
            };
            let next_char = char_at(text, i + 1);
            if at_most_two_chars(last_seg) && (dotted || at_most_two_chars(seg)) {
                match next_char {
                    Some(n) if n.is_alphabetic() => {
                        // inner period: "U.S" -> continue
                        let after_seg = text[i + 1..]
                            .chars()
                            .take(3)
                            .take_while(|x| x.is_alphabetic())
                            .count();
                        if after_seg <= 2 {
                            dotted = true;
                            end = i + 1;
                            continue;
                        }
                        break;
                    }
                    _ if dotted => {
                        // closing period of a dotted abbreviation
                        end = i + 1;
                        break;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            words("He said 250,000 people."),
            ["He", "said", "250,000", "people", "."]
        );
        assert_eq!(words("$3.2bn, 12%"), ["$", "3.2", "bn", ",", "12", "%"]);
        assert_eq!(words("Wait..."), ["Wait", "..."]);
    }

    #[test]
    fn possessives_and_apostrophes() {
        assert_eq!(words("Fox News’s Sean"), ["Fox", "News", "’s", "Sean"]);
        assert_eq!(
            words("O'Brien don't Mexico's"),
            ["O'Brien", "don't", "Mexico", "'s"]
        );
        assert_eq!(words("the 'quote'"), ["the", "'", "quote", "'"]);
    }

    #[test]
    fn dotted_abbreviations() {
        assert_eq!(words("the U.S. and U.K."), ["the", "U.S.", "and", "U.K."]);
        assert_eq!(words("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
        assert_eq!(words("Mr. Smith. End"), ["Mr", ".", "Smith", ".", "End"]);
        assert_eq!(words("in Washington.The"), ["in", "Washington", ".", "The"]);
    }

    #[test]
    fn hyphens_digits_and_punctuation_end_words() {
        assert_eq!(
            words("well-known COVID-19 G7's B2B (US) U.S.-led"),
            [
                "well", "-", "known", "COVID", "-", "19", "G7", "'s", "B2B", "(", "US", ")",
                "U.S.", "-", "led"
            ]
        );
        assert_eq!(
            words("a,b;c:d\"e\"!"),
            ["a", ",", "b", ";", "c", ":", "d", "\"", "e", "\"", "!"]
        );
    }

    #[test]
    fn case_flags_and_newlines() {
        let text = "CIA  Trump\r\n\r\nx";
        let t = tokenize(text);
        assert!(t[0].all_upper && t[0].upper_initial);
        assert!(
            t[1].upper_initial && !t[1].all_upper && t[1].space_before && t[1].newlines_before == 0
        );
        assert_eq!(t[2].newlines_before, 2);
    }

    #[test]
    fn memory_fits_dense_and_sparse_texts() {
        // one token per byte (five times the first guess), then one per twelve bytes
        for text in [
            "a,".repeat(5000),
            "a,".repeat(1000) + &"letters     ".repeat(2000),
        ] {
            let t = tokenize(&text);
            assert!(
                t.capacity() <= t.len() + t.len() / 4,
                "{} of {}",
                t.len(),
                t.capacity()
            );
        }
        let sparse = tokenize(&"longerwords      ".repeat(1000));
        assert_eq!(sparse.len(), 1000);
        assert!(sparse.capacity() <= 1250);
    }

    #[test]
    fn unicode_words_and_emoji() {
        assert_eq!(
            words("Nicolás Maduro 😀 Zürich"),
            ["Nicolás", "Maduro", "😀", "Zürich"]
        );
        assert_eq!(words("e\u{301}te"), ["e\u{301}te"]);
    }
}
