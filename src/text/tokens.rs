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
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut space_before = false;
    let mut newlines: u8 = 0;

    while let Some(c) = char_at(text, pos) {
        if c == ' ' {
            // the commonest char: nothing else to decide
            space_before = true;
            pos += 1;
            continue;
        }
        let start = pos;
        pos += c.len_utf8();
        // control chars (NUL, ESC, DEL, ...) that broken exports leave separate like a space
        if c == ' ' || c.is_whitespace() || c == '\u{FEFF}' || c.is_control() {
            space_before = true;
            if c == '\n'
                || c == '\u{2028}'
                || c == '\u{2029}'
                || (c == '\r' && bytes.get(start + 1) != Some(&b'\n'))
            {
                newlines = newlines.saturating_add(1);
            }
            continue;
        }
        let mut end = pos;
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            // digits, with `,` or `.` only between digits
            while let Some(&d) = bytes.get(end) {
                let inner_separator = (d == b',' || d == b'.')
                    && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit());
                if !(d.is_ascii_digit() || inner_separator) {
                    break;
                }
                end += 1;
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
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
                            let possessive =
                                (n == 's' || n == 'S') && !after.is_some_and(is_word_char);
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
                    let last_seg = seg.rsplit('.').next().unwrap_or(seg);
                    let next_char = char_at(text, i + 1);
                    if last_seg.chars().count() <= 2 && (dotted || seg.chars().count() <= 2) {
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
        } else if is_apostrophe(c)
            && text[end..].starts_with(['s', 'S'])
            && !char_at(text, end + 1).is_some_and(is_word_char)
            && !space_before
            && !tokens.is_empty()
        {
            // possessive "'s" split off a preceding word
            kind = TokenKind::Word;
            end += 1;
        } else {
            kind = TokenKind::Punct;
            while char_at(text, end) == Some(c) {
                end += c.len_utf8();
            }
        }
        pos = end;
        let s = &text[start..end];
        let upper_initial = c.is_uppercase();
        // a word in capitals: letters, none of them lower case ("CIA", "U.S.", "NATO"); most
        // words start with a lower-case letter, which settles it
        let all_upper = kind == TokenKind::Word
            && !c.is_ascii_lowercase()
            && if s.is_ascii() {
                !s.bytes().any(|b| b.is_ascii_lowercase())
                    && s.bytes().any(|b| b.is_ascii_alphabetic())
            } else {
                !s.chars().any(char::is_lowercase) && s.chars().any(char::is_alphabetic)
            };
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            upper_initial,
            all_upper,
            space_before,
            newlines_before: newlines,
        });
        space_before = false;
        newlines = 0;
    }
    tokens
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
    fn unicode_words_and_emoji() {
        assert_eq!(
            words("Nicolás Maduro 😀 Zürich"),
            ["Nicolás", "Maduro", "😀", "Zürich"]
        );
        assert_eq!(words("e\u{301}te"), ["e\u{301}te"]);
    }
}
