//! Byte spans, and the one place where they become other units.
//!
//! Inside the core every position is a **byte offset** into the UTF-8 text, and every range is a
//! half-open [`Span`] `start..end` whose ends lie on `char` boundaries. Byte offsets are *not*
//! JavaScript string indices (JS counts UTF-16 code units) nor Python string indices (Python
//! counts code points): "€" is 3 bytes, 1 UTF-16 unit and 1 code point; "😀" is 4 bytes, 2 UTF-16
//! units and 1 code point.
//!
//! [`OffsetMap`] converts byte offsets to another [`OffsetUnit`] after a single left-to-right
//! pass over the text. The JS binding and the CLI both call
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
    #[cfg(test)]
    fn width(self, c: char) -> usize {
        match self {
            OffsetUnit::Bytes => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Codepoints => 1,
        }
    }
}

/// Byte offsets converted to another unit, after one pass over the text.
///
/// The pass records the converted offset at the start of every [`OffsetMap::BLOCK`] bytes, and
/// which blocks are all ASCII; any byte offset then converts as its block's record plus the
/// units of the bytes before it in the block: in an ASCII block (most of them, in most texts)
/// that is their number, else they are counted eight at a time. No sorting or searching. An
/// ASCII text needs no records: every unit is a byte. An offset inside a multi-byte char (which
/// the core never produces) maps to the end of that char; an offset past the end maps to the end
/// of the text.
#[derive(Debug)]
pub struct OffsetMap<'t> {
    text: &'t [u8],
    unit: OffsetUnit,
    /// Converted offset at the start of each block; empty when offsets stay as they are.
    blocks: Vec<usize>,
    /// Bit `b % 64` of word `b / 64` is set when block `b` is all ASCII.
    ascii_blocks: Vec<u64>,
}

impl<'t> OffsetMap<'t> {
    /// Bytes per recorded offset.
    pub const BLOCK: usize = 64;

    /// Prepares to convert byte offsets into `text` to `unit`.
    pub fn new(text: &'t str, unit: OffsetUnit) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        let identity = unit == OffsetUnit::Bytes || bytes.is_ascii();
        let mut blocks = Vec::new();
        let mut ascii_blocks = Vec::new();
        if !identity {
            let n = bytes.len() / Self::BLOCK + 1;
            blocks.reserve(n);
            ascii_blocks.resize(n.div_ceil(64), 0u64);
            let mut counted = 0;
            for (b, block) in bytes.chunks(Self::BLOCK).enumerate() {
                blocks.push(counted);
                if block.is_ascii() {
                    ascii_blocks[b / 64] |= 1 << (b % 64);
                    counted += block.len();
                } else {
                    counted += units(block, unit);
                }
            }
            // the end, for a text of whole blocks
            blocks.push(counted);
        }
        OffsetMap {
            text: bytes,
            unit,
            blocks,
            ascii_blocks,
        }
    }

    /// True when block `b` is all ASCII (false past the last block).
    #[inline]
    fn is_ascii_block(&self, b: usize) -> bool {
        self.ascii_blocks
            .get(b / 64)
            .is_some_and(|w| w & (1 << (b % 64)) != 0)
    }

    /// The converted value of byte offset `byte`.
    pub fn get(&self, byte: usize) -> usize {
        // a cursor nowhere near: counted from the block's start
        self.get_from(byte, &mut (usize::MAX, 0))
    }

    /// The same as [`OffsetMap::get`], counting from `cursor` (a byte offset and its converted
    /// value, from an earlier call; `(0, 0)` to start) when it lies between the offset's block
    /// start and the offset, and moving the cursor to the offset. Offsets converted in rising
    /// order, or close together (a span's start, then its end), then cost only the bytes between
    /// them.
    #[inline(never)]
    pub fn get_from(&self, byte: usize, cursor: &mut (usize, usize)) -> usize {
        let byte = byte.min(self.text.len());
        if self.blocks.is_empty() {
            return byte;
        }
        let b = byte / Self::BLOCK;
        let value = if self.is_ascii_block(b) {
            self.blocks[b] + (byte - b * Self::BLOCK)
        } else {
            self.count(byte, *cursor)
        };
        *cursor = (byte, value);
        value
    }

    /// `byte` (in bounds, in a block that is not all ASCII) converted by counting its block's
    /// units before it: from `cursor` when that lies between the block's start and `byte`, else
    /// from the block's start. (Not inlined: the callers' ASCII path stays small.)
    #[inline(never)]
    fn count(&self, byte: usize, cursor: (usize, usize)) -> usize {
        let b = byte / Self::BLOCK;
        let block_start = b * Self::BLOCK;
        // `units` counts byte by byte, so counting on from the cursor gives what `get` gives
        let (from, counted) = if (block_start..=byte).contains(&cursor.0) {
            cursor
        } else {
            (block_start, self.blocks[b])
        };
        counted + units(&self.text[from..byte], self.unit)
    }
}

/// The units of `unit` that the chars starting in `bytes` take (a char cut at the end counts
/// whole).
fn units(bytes: &[u8], unit: OffsetUnit) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// The number of bytes whose high bit is set in `m` (which has no other bits): the bits,
    /// moved to the bottom of their bytes, summed into the top byte by one multiplication.
    #[inline]
    fn high_bits(m: u64) -> usize {
        ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0usize;
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // continuation bytes are 10xxxxxx: every other byte starts a char
        let continuation = x & HIGH & !(x << 1);
        n += 8 - high_bits(continuation);
        if unit == OffsetUnit::Utf16 {
            // 11110xxx starts a char of two UTF-16 units
            let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
            n += high_bits(four);
        }
    }
    for &b in chunks.remainder() {
        n += usize::from(b & 0xC0 != 0x80);
        if unit == OffsetUnit::Utf16 {
            n += usize::from(b >= 0xF0);
        }
    }
    n
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
        let map = OffsetMap::new(text, unit);
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .map(|o| map.get(o))
            .collect()
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
    fn inside_a_char_and_out_of_range_offsets() {
        let text = "😀a";
        let map = OffsetMap::new(text, OffsetUnit::Utf16);
        assert_eq!(map.get(4), 2);
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(2), 2); // inside the emoji: its end
        assert_eq!(map.get(5), 3);
        assert_eq!(map.get(99), 3);
    }

    #[test]
    fn counting_from_a_cursor_agrees_with_get() {
        let text = "aé€😀 ".repeat(40) + "x\u{10FFFF}ÿ";
        for unit in [OffsetUnit::Bytes, OffsetUnit::Utf16, OffsetUnit::Codepoints] {
            let map = OffsetMap::new(&text, unit);
            let mut cursor = (0, 0);
            // rising, falling, jumping, inside chars and past the end
            let offsets = (0..text.len() + 3)
                .chain((0..text.len()).rev())
                .chain((0..text.len()).step_by(37))
                .chain([5, 3, 200, 90, 91, 0, 999]);
            for o in offsets {
                assert_eq!(map.get_from(o, &mut cursor), map.get(o), "{unit:?} at {o}");
            }
        }
    }

    #[test]
    fn long_texts_agree_with_counting_chars() {
        // several blocks, chars of every width across block edges
        let long = "aé€😀 ".repeat(40) + "x\u{10FFFF}ÿ";
        // and one of exactly two blocks
        let whole = "é".repeat(OffsetMap::BLOCK);
        for (text, unit) in [OffsetUnit::Bytes, OffsetUnit::Utf16, OffsetUnit::Codepoints]
            .into_iter()
            .flat_map(|u| [(&long, u), (&whole, u)])
        {
            let map = OffsetMap::new(text, unit);
            let mut counted = 0;
            for (i, c) in text.char_indices() {
                assert_eq!(map.get(i), counted, "{unit:?} at {i}");
                counted += unit.width(c);
            }
            assert_eq!(map.get(text.len()), counted);
        }
    }

    #[test]
    fn ascii_blocks_among_others() {
        // whole ASCII blocks, a block with a char cut by its end, one starting inside a char
        let text = "x".repeat(100) + "é😀" + &"y".repeat(150) + "€" + &"z".repeat(64);
        for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoints] {
            let map = OffsetMap::new(&text, unit);
            let mut counted = 0;
            let mut cursor = (0, 0);
            for (i, c) in text.char_indices() {
                assert_eq!(map.get(i), counted, "{unit:?} at {i}");
                assert_eq!(map.get_from(i, &mut cursor), counted, "{unit:?} at {i}");
                counted += unit.width(c);
            }
            assert_eq!(map.get(text.len()), counted);
            assert_eq!(map.get_from(text.len() + 5, &mut cursor), counted);
        }
    }

    #[test]
    fn floor_boundary() {
        let text = "a😀b";
        assert_eq!(floor_char_boundary(text, 3), 1);
        assert_eq!(floor_char_boundary(text, 5), 5);
        assert_eq!(floor_char_boundary(text, 50), 6);
    }
}
