//! Casing: how much a capital letter says about a word, and what the document says about it.
//!
//! A capital in running text marks a name. At the start of a sentence, after an opening quote,
//! and in headlines written in title case or in capitals ("SOCCER - JAPAN GET LUCKY WIN, CHINA IN
//! SURPRISE DEFEAT") it says little or nothing: there a word is read as a name only when a list
//! knows it as one, when it is not a common English word, or when the same document writes it
//! with a capital in running text ("Leicestershire" in the body makes "LEICESTERSHIRE" in the
//! headline a name, "Such" in "Peter Such" keeps "Such" a name).
//!
//! Everything here is one pass over the tokens plus one hash lookup per capitalised word.

use crate::lexicon::{kind, push_lower, FxMap, Lexicon};
use crate::text::{Doc, TokenKind};

/// Where a token stands, as far as its capital letter is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Inside running text: a capital marks a name.
    Mid,
    /// The first word of a sentence, or the first after an opening quote, bracket or colon.
    Initial,
    /// In a line written in title case or capitals (a headline, a dateline, a table heading).
    Headline,
}

/// What the document says about a word's case: counts over running text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Times the word is written with a capital inside running text.
    pub capital: u32,
    /// Times it is written in lower case.
    pub lower: u32,
}

impl Seen {
    /// True when the document treats the word as a name: capitalised in running text, and not
    /// more often written in lower case.
    pub fn as_name(&self) -> bool {
        self.capital > 0 && self.lower <= self.capital
    }
}

/// The casing facts of one document.
#[derive(Debug)]
pub struct Casing {
    /// Per token: where it stands.
    pub position: Vec<Position>,
    /// Per token: true when its line is written (almost) entirely in capitals.
    pub caps_line: Vec<bool>,
    /// Per token: true when its line is a line of results or a table row: names and numbers,
    /// hardly any lower-case words ("Lotte 6 Hyundai 2", "Luton 4 1 0 3 4 10 3").
    pub score_line: Vec<bool>,
    /// Lower-cased word → how the document writes it.
    seen: FxMap<String, Seen>,
}

/// Lower-case words that may stay lower case inside a title-case headline.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "v", "via", "per", "into", "over", "up", "off", "out", "after", "about",
    "amid", "is", "are", "be", "de", "la", "le", "van", "von",
];
/// The longest of the [`MINOR_WORDS`], in bytes.
const MINOR_LEN: usize = 5;

impl Casing {
    /// Analyses `doc`.
    pub fn new(doc: &Doc, lexicon: &Lexicon) -> Casing {
        let n = doc.tokens.len();
        let mut position = vec![Position::Mid; n];
        let mut caps_line = vec![false; n];
        let mut score_line = vec![false; n];
        // Lines: headlines in capitals or title case.
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && doc.tokens[end].newlines_before == 0 {
                end += 1;
            }
            let score = is_score_line(doc, start, end);
            let (caps, title) = line_case(doc, lexicon, start, end, score);
            if caps || title {
                position[start..end].fill(Position::Headline);
            }
            if caps {
                caps_line[start..end].fill(true);
            }
            if score {
                score_line[start..end].fill(true);
            }
            start = end;
        }
        // Sentence starts, and words after an opening quote, bracket or colon.
        for s in &doc.sentences {
            let mut at_start = true;
            for i in s.tokens.clone() {
                let t = &doc.tokens[i];
                match t.kind {
                    TokenKind::Word => {
                        if at_start && position[i] == Position::Mid {
                            position[i] = Position::Initial;
                        }
                        at_start = false;
                    }
                    TokenKind::Number => {}
                    TokenKind::Punct => {
                        if opens(doc, i, s.tokens.start) {
                            at_start = true;
                        }
                    }
                }
            }
        }
        // What the document writes with a capital in running text (or at a sentence start, when
        // it is no common word and another capital follows: "Kestrel Rovers beat ..."), then
        // how often in lower case; counted only for the words the recognisers will ask about,
        // those capitalised where a capital says little.
        let mut seen: FxMap<String, Seen> = FxMap::default();
        let mut buf = String::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !t.upper_initial || position[i] == Position::Mid {
                continue;
            }
            buf.clear();
            push_lower(&mut buf, doc.tok_text(i));
            let name_start = position[i] == Position::Initial
                && !t.all_upper
                && doc.tokens.get(i + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word && n.upper_initial && n.newlines_before == 0
                })
                && lexicon.gazetteer.word(&buf).kinds & (kind::COMMON | kind::TITLE) == 0;
            match seen.get_mut(buf.as_str()) {
                Some(s) => s.capital += u32::from(name_start),
                None => {
                    seen.insert(
                        buf.clone(),
                        Seen {
                            capital: u32::from(name_start),
                            lower: 0,
                        },
                    );
                }
            }
        }
        if !seen.is_empty() {
            // A filter of the asked words' shapes (first byte, last byte, length) spares most
            // words a lookup in the map.
            let bits = (seen.len() * 8).next_power_of_two().max(64);
            let mut filter = vec![0u64; bits / 64];
            for k in seen.keys() {
                let h = shape(k) & (bits - 1);
                filter[h / 64] |= 1 << (h % 64);
            }
            let hit = |h: usize| {
                let h = h & (bits - 1);
                filter[h / 64] & (1 << (h % 64)) != 0
            };
            for (i, t) in doc.tokens.iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = t.text(doc.text);
                if !t.upper_initial {
                    if hit(shape(w)) {
                        if let Some(s) = seen.get_mut(w) {
                            s.lower += 1;
                        }
                    }
                } else if position[i] == Position::Mid && !(t.all_upper && w.len() > 1) {
                    let h = if w.is_ascii() {
                        shape_lower_ascii(w.as_bytes())
                    } else {
                        buf.clear();
                        push_lower(&mut buf, w);
                        shape(&buf)
                    };
                    if hit(h) {
                        buf.clear();
                        push_lower(&mut buf, w);
                        if let Some(s) = seen.get_mut(buf.as_str()) {
                            s.capital += 1;
                        }
                    }
                }
            }
        }
        Casing {
            position,
            caps_line,
            score_line,
            seen,
        }
    }

    /// How the document writes the word `lower` (lower-cased).
    pub fn seen(&self, lower: &str) -> Seen {
        self.seen.get(lower).copied().unwrap_or_default()
    }

    /// How the document writes `word`, once lower-cased.
    pub fn seen_lower(&self, word: &str) -> Seen {
        let mut lower = String::new();
        push_lower(&mut lower, word);
        self.seen(&lower)
    }
}

/// A cheap hash of a word's shape: its first and last byte and its length.
#[inline]
pub(crate) fn shape(w: &str) -> usize {
    let b = w.as_bytes();
    let first = b.first().map_or(0, |&c| c as usize);
    let last = b.last().map_or(0, |&c| c as usize);
    mix(first, last, b.len())
}

/// [`shape`] of an ASCII word lower-cased, without lower-casing it.
#[inline]
pub(crate) fn shape_lower_ascii(b: &[u8]) -> usize {
    let first = b.first().map_or(0, u8::to_ascii_lowercase) as usize;
    let last = b.last().map_or(0, u8::to_ascii_lowercase) as usize;
    mix(first, last, b.len())
}

#[inline]
fn mix(first: usize, last: usize, len: usize) -> usize {
    (first.wrapping_mul(0x9E37) ^ last.wrapping_mul(0x85EB) ^ len.wrapping_mul(0xC2B3))
        .wrapping_mul(0x2545)
        >> 4
}

/// Does punctuation token `i` open a new stretch of text, after which a capital says little: an
/// opening quote or bracket (`"The ...`), a colon, a spaced dash or a bullet?
fn opens(doc: &Doc, i: usize, sentence_start: usize) -> bool {
    let t = &doc.tokens[i];
    let next_glued = doc.tokens.get(i + 1).is_some_and(|n| !n.space_before);
    let next_spaced = doc.tokens.get(i + 1).is_some_and(|n| n.space_before);
    match doc.tok_text(i) {
        "\"" | "'" => (t.space_before || i == sentence_start) && next_glued,
        "“" | "‘" | "(" | "[" | "«" => true,
        ":" | "•" | "*" | "|" => true,
        "-" | "–" | "—" | "--" => t.space_before && next_spaced || i == sentence_start,
        _ => false,
    }
}

/// Is the line of tokens `start..end` a line of results: at least two numbers, a name, and at
/// most one lower-case word for every two capitalised ones?
fn is_score_line(doc: &Doc, start: usize, end: usize) -> bool {
    let (mut numbers, mut capitalised, mut lower) = (0usize, 0usize, 0usize);
    for t in &doc.tokens[start..end] {
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Word if t.upper_initial => capitalised += 1,
            TokenKind::Word => lower += 1,
            TokenKind::Punct => {}
        }
    }
    numbers >= 2 && capitalised >= 1 && lower * 2 <= capitalised && end - start <= 60
}

/// Is the line of tokens `start..end` written in capitals, or in title case? A title-case line
/// is a headline only when some of its capitalised words are common words ("Hundreds Dead in Hajj
/// Stampede"): a line of capitalised names ("3. Paul Koech (Kenya) 13:06.45") is not, nor a line
/// of results (`score_line`, from [`is_score_line`]).
fn line_case(
    doc: &Doc,
    lexicon: &Lexicon,
    start: usize,
    end: usize,
    score_line: bool,
) -> (bool, bool) {
    let mut words = 0usize;
    let mut upper = 0usize;
    let mut capitalised = 0usize;
    let mut capitalised_common = 0usize;
    let mut lower_content = 0usize;
    let mut buf = String::new();
    // after a label ("Man of the Match: Aravinda de Silva"), the rest of the line decides
    let from = (start..end)
        .rev()
        .find(|&i| {
            let t = &doc.tokens[i];
            t.kind == TokenKind::Punct
                && t.span.len() == 1
                && doc.text.as_bytes()[t.span.start] == b':'
        })
        .filter(|&c| {
            (c + 1..end)
                .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
                .nth(1)
                .is_some()
        })
        .map_or(start, |c| c + 1);
    for i in from..end {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok_text(i);
        // two chars or more (the first byte gives the first char's length)
        let first_len = match w.as_bytes().first() {
            Some(0..=0x7F) => 1,
            Some(0xC0..=0xDF) => 2,
            Some(0xE0..=0xEF) => 3,
            _ => 4,
        };
        if w.len() > first_len {
            words += 1;
            if t.all_upper {
                upper += 1;
            }
        }
        if t.upper_initial {
            capitalised += 1;
        } else if lower_content == 0
            && !(w.len() <= MINOR_LEN && MINOR_WORDS.contains(&w))
            && !w.starts_with(['\'', '’'])
        {
            lower_content += 1;
        }
        // Running text: with a lower-case content word the line is in no title case, and when
        // even capitals in all the words left could not make three in four, not in capitals.
        if lower_content > 0 && upper + (end - i - 1) < 3 * (words - upper) {
            return (false, false);
        }
    }
    // capitalised common words, looked up only when the line may be in title case
    if lower_content == 0 && capitalised >= 2 {
        for i in from..end {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Word || !t.upper_initial || t.all_upper {
                continue;
            }
            let followed = doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.upper_initial && n.newlines_before == 0);
            if i > from || followed {
                buf.clear();
                push_lower(&mut buf, doc.tok_text(i));
                let e = lexicon.gazetteer.word(&buf);
                if e.kinds & kind::COMMON != 0 && e.kinds & kind::NAME == 0 {
                    capitalised_common += 1;
                }
            }
        }
    }
    // a byline ("By Jane Doe and Carlos Mendez") names people, it is no headline
    let byline = doc.tok_text(from) == "By";
    let caps = words >= 1 && upper * 4 >= words * 3 && upper >= 1;
    // A title-case headline has capitalised common words, two or more and a third of its
    // capitals ("Hundreds Dead in Hajj Stampede", "Election Results"); a name ("American
    // League", "Notts County") or a line of results ("Bristol City 4 1 0 3") is no headline.
    let title = !caps
        && !byline
        && capitalised >= 2
        && lower_content == 0
        && end - start <= 40
        && !score_line
        && capitalised_common >= 2
        && capitalised_common * 3 >= capitalised;
    (caps, title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn positions(text: &str) -> Vec<(&str, Position)> {
        let doc = Doc::new(text, lexicon());
        let c = Casing::new(&doc, lexicon());
        (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .map(|i| (doc.tok_text(i), c.position[i]))
            .collect()
    }

    #[test]
    fn sentence_starts_quotes_and_headlines() {
        use Position::*;
        assert_eq!(
            positions(
                "SOCCER - JAPAN WIN\nThe talks in Oslo ended. \"Trade is vital,\" said Ana Ruiz."
            ),
            [
                ("SOCCER", Headline),
                ("JAPAN", Headline),
                ("WIN", Headline),
                ("The", Initial),
                ("talks", Mid),
                ("in", Mid),
                ("Oslo", Mid),
                ("ended", Mid),
                ("Trade", Initial),
                ("is", Mid),
                ("vital", Mid),
                ("said", Mid),
                ("Ana", Mid),
                ("Ruiz", Mid),
            ]
        );
        assert_eq!(
            positions("Hundreds Dead in Hajj Stampede\nPilgrims died.")[..2],
            [("Hundreds", Headline), ("Dead", Headline)]
        );
    }

    #[test]
    fn minor_words_are_short() {
        assert!(MINOR_WORDS.iter().all(|w| w.len() <= MINOR_LEN));
    }

    #[test]
    fn the_document_remembers_case() {
        let text = "Such is life. Peter Such bowled well, and Such took four. It was such a day.";
        let doc = Doc::new(text, lexicon());
        let c = Casing::new(&doc, lexicon());
        assert_eq!(
            c.seen("such"),
            Seen {
                capital: 2,
                lower: 1
            }
        );
        assert!(c.seen("such").as_name());
        assert!(!c.seen("life").as_name());
    }
}
