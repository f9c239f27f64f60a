//! Byte spans, and the one place where they become other units.
//!
//! Inside the core every position is a **byte offset** into the UTF-8 text, and every range is a
//! half-open [`Span`] `start..end` whose ends lie on `char` boundaries. Byte offsets are *not*
//! JavaScript string indices (JS counts UTF-16 code units) nor Python string indices (Python
//! counts code points): "€" is 3 bytes, 1 UTF-16 unit and 1 code point; "😀" is 4 bytes, 2 UTF-16
//! units and 1 code point.
//!
//! [`OffsetMap`] converts a whole set of byte offsets to another [`OffsetUnit`] in a single
//! left-to-right pass over the text. The JS binding and the CLI both call
//! [`crate::Annotation::convert_offsets`], which gathers every offset of an annotation, converts
//! them here and writes them back; nothing else converts offsets.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of offsets into a text.
///
/// In the core the offsets are bytes; after [`crate::Annotation::convert_offsets`] they are in the
/// unit named by [`crate::Annotation::offsets`].
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First offset inside the range.
    pub start: usize,
    /// First offset after the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped so that `start <= end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Number of offsets covered.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one offset.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text this (byte) span covers, or `""` when it is out of bounds or off a char boundary.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The unit offsets are counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes: Rust `&str` indices. What the core produces.
    #[default]
    Bytes,
    /// UTF-16 code units: JavaScript string indices (`text.slice(start, end)`).
    Utf16,
    /// Unicode scalar values: Python `str` indices. The CLI's default.
    Codepoints,
}

impl OffsetUnit {
    /// Parses `bytes`, `utf16` / `utf-16`, or `codepoints` / `chars`.
    pub fn parse(s: &str) -> Option<OffsetUnit> {
        match s.to_ascii_lowercase().as_str() {
            "bytes" | "byte" | "utf8" | "utf-8" => Some(OffsetUnit::Bytes),
            "utf16" | "utf-16" => Some(OffsetUnit::Utf16),
            "codepoints" | "codepoint" | "chars" | "char" => Some(OffsetUnit::Codepoints),
            _ => None,
        }
    }

    /// Width of one char in this unit.
    #[inline]
    fn width(self, c: char) -> usize {
        match self {
            OffsetUnit::Bytes => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Codepoints => 1,
        }
    }
}

/// Byte offsets converted to another unit in one pass.
///
/// Build it from any collection of byte offsets; then [`OffsetMap::get`] answers each of them.
/// An offset inside a multi-byte char (which the core never produces) maps to the end of that
/// char; an offset past the end maps to the end of the text.
#[derive(Debug)]
pub struct OffsetMap {
    bytes: Vec<usize>,
    converted: Vec<usize>,
}

impl OffsetMap {
    /// Converts `offsets` (byte offsets into `text`, any order, duplicates allowed) to `unit`.
    pub fn new(text: &str, mut offsets: Vec<usize>, unit: OffsetUnit) -> OffsetMap {
        offsets.sort_unstable();
        offsets.dedup();
        let mut converted = Vec::with_capacity(offsets.len());
        if unit == OffsetUnit::Bytes {
            converted.extend(offsets.iter().map(|&b| b.min(text.len())));
            return OffsetMap {
                bytes: offsets,
                converted,
            };
        }
        let mut wanted = offsets.iter().copied().peekable();
        let mut counted = 0usize;
        for (byte, c) in text.char_indices() {
            while let Some(&w) = wanted.peek() {
                if w > byte {
                    break;
                }
                // `w == byte`, or `w` fell inside the previous char (rounded up to this one).
                converted.push(counted);
                wanted.next();
            }
            counted += unit.width(c);
        }
        converted.extend(wanted.map(|_| counted));
        OffsetMap {
            bytes: offsets,
            converted,
        }
    }

    /// The converted value of a byte offset given to [`OffsetMap::new`].
    ///
    /// An offset that was not given is answered for the nearest given offset below it.
    #[inline]
    pub fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.converted[i],
            Err(0) => 0,
            Err(i) => self.converted[i - 1],
        }
    }
}

/// Rounds `i` down to the nearest char boundary of `text` (and into bounds).
#[inline]
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(text: &str, unit: OffsetUnit) -> Vec<usize> {
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let map = OffsetMap::new(text, offsets.clone(), unit);
        offsets.iter().map(|&o| map.get(o)).collect()
    }

    #[test]
    fn ascii_is_identity_in_every_unit() {
        for unit in [OffsetUnit::Bytes, OffsetUnit::Utf16, OffsetUnit::Codepoints] {
            assert_eq!(convert("abc", unit), vec![0, 1, 2, 3]);
        }
    }

    #[test]
    fn accents_emoji_and_crlf() {
        // é = 2 bytes, € = 3 bytes, 😀 = 4 bytes / 2 UTF-16 units.
        let text = "é€😀\r\nx";
        assert_eq!(
            convert(text, OffsetUnit::Bytes),
            vec![0, 2, 5, 9, 10, 11, 12]
        );
        assert_eq!(convert(text, OffsetUnit::Utf16), vec![0, 1, 2, 4, 5, 6, 7]);
        assert_eq!(
            convert(text, OffsetUnit::Codepoints),
            vec![0, 1, 2, 3, 4, 5, 6]
        );
    }

    #[test]
    fn unsorted_duplicate_and_out_of_range_offsets() {
        let text = "😀a";
        let map = OffsetMap::new(text, vec![5, 0, 4, 4, 99], OffsetUnit::Utf16);
        assert_eq!(map.get(4), 2);
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(5), 3);
        assert_eq!(map.get(99), 3);
    }

    #[test]
    fn floor_boundary() {
        let text = "a😀b";
        assert_eq!(floor_char_boundary(text, 3), 1);
        assert_eq!(floor_char_boundary(text, 5), 5);
        assert_eq!(floor_char_boundary(text, 50), 6);
    }
}
