//! The compact form in which the JS binding hands an [`Annotation`] to JavaScript.
//!
//! `www/core.js` turns it back into the plain objects of the JS API (the same fields and values
//! as the annotation's JSON); nothing else reads it. Building JS objects field by field from Rust
//! costs one JS call per field, and a JSON string costs formatting in wasm and `JSON.parse` in JS
//! (together about half of the time of a call); this form is numbers in one buffer, which JS reads
//! in place in the wasm memory (see `annotate_packed` in `src/wasm.rs`), with no formatting at all:
//!
//! * **words** (`u32`): a header, then the records below, in order;
//! * **floats** (`f64`): the check-worthiness scores and entity values, read in the same order as
//!   the records that use them; stored in the same buffer from word `header[FLOATS]` on (an even
//!   word, so a `Float64Array` can view them);
//! * **strings**: the text's own slices are offsets into the caller's string (an entity's text is
//!   `text.slice(start, end)`); any other string (a canonical name, an ISO date, a feature name,
//!   a role) is a range of UTF-16 units of one **string table**, UTF-8 bytes stored in the same
//!   buffer from word `header[STRINGS]` on and decoded once. Each distinct table string is stored
//!   once.
//!
//! A string is two words, `a, b`: `text.slice(a, b)`; or, with bit 30 of `a` set, the same string
//! as the `a & 0x3fffffff`-th such slice (counted from 0 in the order they come), so that a text
//! that recurs (a name, a cue such as "said") becomes one JS string, not one per mention; or,
//! with the top bit of `a` set, the table's `slice(a & 0x7fffffff, b)`. All offsets are UTF-16
//! units (below 2^30: no JS string is longer): [`encode`] takes an annotation whose offsets were
//! converted by [`Annotation::convert_offsets`].
//!
//! Records (`?` marks a part present only when its bit is set in the record's flags word):
//!
//! | record | words |
//! |---|---|
//! | sentence | `start, end, boilerplate` · float `checkworthy` |
//! | entity | `start, end, label, cluster, flags (1 role, 2 value), text, role?, value?` |
//! | value | `type (0 number, 1 money, 2 percent, 3 date, 4 time), flags (1 max, 2 unit/end)`, then: number `unit?` · floats `value, max?`; money `currency` · floats `value, max?`; percent · floats `value, max?`; date `iso, end?`; time `iso` |
//! | cluster | `label, canonical, n, n mention ids` |
//! | claim | `start, end, sentence, last_sentence, kind, flags (1 source, 2 cue, 4 hedged, 8 anonymous, 16 negated, 32 prediction), source?, cue?, n, n × (start, end) hedges, m, m feature strings` · float `checkworthy` |
//! | source | `start, end, text, cluster + 1 (0: none), resolved, kind (0 name, 1 pronoun, 2 description)` |
//! | cue | `start, end, text, polarity (0 assert, 1 deny, 2 concede)` |
//! | boilerplate | `start, end` |
//!
//! Labels are numbered in [`Label::ALL`] order, claim kinds as [`ClaimKind`] declares them.

use std::collections::HashMap;

use crate::annotation::{Annotation, ClaimKind, Label, Polarity, SourceKind, Value};
use crate::lexicon::FxBuild;
use crate::span::{OffsetUnit, Span};

/// Marks the buffer's format; `www/core.js` checks it.
pub const MAGIC: u32 = 0x434c_0001;

/// Header word: the format ([`MAGIC`]).
pub const H_MAGIC: usize = 0;
/// Header word: number of sentences.
pub const H_SENTENCES: usize = 1;
/// Header word: number of entities.
pub const H_ENTITIES: usize = 2;
/// Header word: number of clusters.
pub const H_CLUSTERS: usize = 3;
/// Header word: number of claims.
pub const H_CLAIMS: usize = 4;
/// Header word: number of boilerplate spans.
pub const H_BOILERPLATE: usize = 5;
/// Header word: the word at which the floats start (even).
pub const H_FLOATS: usize = 6;
/// Header word: number of floats.
pub const H_FLOAT_COUNT: usize = 7;
/// Header word: the word at which the string table's UTF-8 bytes start.
pub const H_STRINGS: usize = 8;
/// Header word: length of the string table in bytes.
pub const H_STRING_BYTES: usize = 9;
/// Number of header words.
pub const HEADER: usize = 10;

const TABLE: u32 = 0x8000_0000;
const REPEAT: u32 = 0x4000_0000;

/// Encodes `annotation`, made from `text`, with its offsets converted to UTF-16 units in the
/// process (the JS binding's only conversion; see [`Annotation::convert_offsets`]).
pub fn encode(text: &str, mut annotation: Annotation) -> Vec<u32> {
    // Which strings are the text of their own span: decided on byte offsets, before converting.
    // A U+FFFD in the slice may stand for a lone surrogate of the JS string, so such a slice goes
    // into the table as Rust sees it, as the JSON did.
    let own = |s: &str, span: Span| -> bool {
        text.get(span.start..span.end) == Some(s) && !s.contains('\u{FFFD}')
    };
    let mut own_text = Vec::with_capacity(annotation.entities.len() + 2 * annotation.claims.len());
    for e in &annotation.entities {
        own_text.push(own(&e.text, e.span));
    }
    for c in &annotation.claims {
        if let Some(s) = &c.source {
            own_text.push(own(&s.text, s.span));
        }
        if let Some(q) = &c.cue {
            own_text.push(own(&q.text, q.span));
        }
    }
    annotation.convert_offsets(text, OffsetUnit::Utf16);

    let a = &annotation;
    let mut w = Writer {
        words: Vec::with_capacity(
            HEADER
                + 3 * a.sentences.len()
                + 10 * a.entities.len()
                + 5 * a.clusters.len()
                + 40 * a.claims.len()
                + 2 * a.boilerplate.len(),
        ),
        floats: Vec::with_capacity(a.sentences.len() + a.entities.len() + a.claims.len()),
        table: String::new(),
        table_units: 0,
        interned: HashMap::default(),
        slices: HashMap::with_capacity_and_hasher(own_text.len() / 4, FxBuild::default()),
    };
    w.words.resize(HEADER, 0);
    let mut own_text = own_text.into_iter();

    for s in &a.sentences {
        w.words
            .extend([s.span.start as u32, s.span.end as u32, s.boilerplate as u32]);
        w.floats.push(f32_as_shortest_f64(s.checkworthy));
    }
    for e in &a.entities {
        let flags = e.role.is_some() as u32 | (e.value.is_some() as u32) << 1;
        w.words.extend([
            e.span.start as u32,
            e.span.end as u32,
            label_index(e.label),
            e.cluster as u32,
            flags,
        ]);
        w.text(&e.text, e.span, own_text.next().unwrap_or(false));
        if let Some(r) = &e.role {
            w.string(r);
        }
        if let Some(v) = &e.value {
            w.value(v);
        }
    }
    for c in &a.clusters {
        w.words.push(label_index(c.label));
        w.string(&c.canonical);
        w.words.push(c.mentions.len() as u32);
        w.words.extend(c.mentions.iter().map(|&m| m as u32));
    }
    for c in &a.claims {
        let flags = c.source.is_some() as u32
            | (c.cue.is_some() as u32) << 1
            | (c.hedged as u32) << 2
            | (c.anonymous_source as u32) << 3
            | (c.negated as u32) << 4
            | (c.prediction as u32) << 5;
        let kind = match c.kind {
            ClaimKind::Quote => 0,
            ClaimKind::Reported => 1,
            ClaimKind::According => 2,
            ClaimKind::Sourceless => 3,
            ClaimKind::Statement => 4,
        };
        w.words.extend([
            c.span.start as u32,
            c.span.end as u32,
            c.sentence as u32,
            c.last_sentence as u32,
            kind,
            flags,
        ]);
        if let Some(s) = &c.source {
            w.words.extend([s.span.start as u32, s.span.end as u32]);
            w.text(&s.text, s.span, own_text.next().unwrap_or(false));
            let kind = match s.kind {
                SourceKind::Name => 0,
                SourceKind::Pronoun => 1,
                SourceKind::Description => 2,
            };
            w.words.extend([
                s.cluster.map_or(0, |c| c as u32 + 1),
                s.resolved as u32,
                kind,
            ]);
        }
        if let Some(q) = &c.cue {
            w.words.extend([q.span.start as u32, q.span.end as u32]);
            w.text(&q.text, q.span, own_text.next().unwrap_or(false));
            w.words.push(polarity_index(q.polarity));
        }
        w.words.push(c.hedges.len() as u32);
        for h in &c.hedges {
            w.words.extend([h.start as u32, h.end as u32]);
        }
        w.words.push(c.features.len() as u32);
        for f in &c.features {
            w.string(f);
        }
        w.floats.push(f32_as_shortest_f64(c.checkworthy));
    }
    for b in &a.boilerplate {
        w.words.extend([b.start as u32, b.end as u32]);
    }

    // floats, then the string table, after the records
    let Writer {
        mut words,
        floats,
        table,
        ..
    } = w;
    if words.len() % 2 == 1 {
        words.push(0);
    }
    let float_at = words.len();
    words.reserve(2 * floats.len() + table.len() / 4 + 1);
    for f in &floats {
        let bits = f.to_bits();
        words.extend([bits as u32, (bits >> 32) as u32]);
    }
    let strings_at = words.len();
    words.extend(table.as_bytes().chunks(4).map(|c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        u32::from_le_bytes(b)
    }));
    let header = [
        MAGIC,
        a.sentences.len() as u32,
        a.entities.len() as u32,
        a.clusters.len() as u32,
        a.claims.len() as u32,
        a.boilerplate.len() as u32,
        float_at as u32,
        floats.len() as u32,
        strings_at as u32,
        table.len() as u32,
    ];
    words[..HEADER].copy_from_slice(&header);
    words
}

struct Writer<'a> {
    words: Vec<u32>,
    floats: Vec<f64>,
    /// The string table, and its length in UTF-16 units.
    table: String,
    table_units: u32,
    /// Table strings already stored: their UTF-16 range.
    interned: HashMap<&'a str, (u32, u32), FxBuild>,
    /// Text slices already handed over: their number (the same map type as `interned`, whose
    /// code the wasm then holds once).
    slices: HashMap<&'a str, (u32, u32), FxBuild>,
}

impl<'a> Writer<'a> {
    /// A string that is `span`'s text when `own` (a slice of the text, or the same string as an
    /// earlier slice), else a table string.
    fn text(&mut self, s: &'a str, span: Span, own: bool) {
        if !own {
            return self.string(s);
        }
        let next = self.slices.len() as u32;
        let (n, _) = *self.slices.entry(s).or_insert((next, 0));
        if n == next {
            self.words.extend([span.start as u32, span.end as u32]);
        } else {
            self.words.extend([REPEAT | n, 0]);
        }
    }

    /// A table string (stored once however often it is used).
    fn string(&mut self, s: &'a str) {
        let (start, end) = *self.interned.entry(s).or_insert_with(|| {
            let units = if s.is_ascii() {
                s.len()
            } else {
                s.chars().map(char::len_utf16).sum()
            } as u32;
            let start = self.table_units;
            self.table.push_str(s);
            self.table_units += units;
            (start, start + units)
        });
        self.words.extend([start | TABLE, end]);
    }

    fn value(&mut self, v: &'a Value) {
        match v {
            Value::Number { value, max, unit } => {
                let flags = max.is_some() as u32 | (unit.is_some() as u32) << 1;
                self.words.extend([0, flags]);
                if let Some(u) = unit {
                    self.string(u);
                }
                self.floats.push(*value);
                self.floats.extend(*max);
            }
            Value::Money {
                value,
                max,
                currency,
            } => {
                self.words.extend([1, max.is_some() as u32]);
                self.string(currency);
                self.floats.push(*value);
                self.floats.extend(*max);
            }
            Value::Percent { value, max } => {
                self.words.extend([2, max.is_some() as u32]);
                self.floats.push(*value);
                self.floats.extend(*max);
            }
            Value::Date { iso, end } => {
                self.words.extend([3, (end.is_some() as u32) << 1]);
                self.string(iso);
                if let Some(e) = end {
                    self.string(e);
                }
            }
            Value::Time { iso } => {
                self.words.extend([4, 0]);
                self.string(iso);
            }
        }
    }
}

fn label_index(label: Label) -> u32 {
    Label::ALL.iter().position(|&l| l == label).unwrap_or(0) as u32
}

fn polarity_index(p: Polarity) -> u32 {
    match p {
        Polarity::Assert => 0,
        Polarity::Deny => 1,
        Polarity::Concede => 2,
    }
}

/// The `f64` that JSON gives for an `f32`: JSON writes the shortest decimal that reads back as
/// the same `f32` ("0.92"), and `JSON.parse` reads that decimal as the nearest `f64`, which is not
/// `x as f64` (0.9200000166893005). Found by trying 0, 1, 2, ... decimal places: the nearest
/// decimal with that many places is the shortest that round-trips as soon as any does, and
/// `n / 10^d` is exact in `f64` arithmetic for the `n` and `d` tried (both exact, one correctly
/// rounded division), so it equals `JSON.parse`'s reading. Used for scores, which lie in 0..1;
/// a value outside ±1e6 (never produced) falls back to `x as f64`. Non-finite values, which JSON
/// writes as `null`, stay non-finite (core.js maps them to `null`).
pub fn f32_as_shortest_f64(x: f32) -> f64 {
    let v = x as f64;
    if !x.is_finite() || x == 0.0 || v.abs() >= 1e6 {
        return v;
    }
    let mut scale = 1.0f64;
    for _ in 0..=15 {
        let n = (v * scale).round();
        if n.abs() >= 9.0e15 {
            break;
        }
        for candidate in [n, n - 1.0, n + 1.0] {
            let d = candidate / scale;
            if d as f32 == x {
                return d;
            }
        }
        scale *= 10.0;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Annotator, Options};

    #[test]
    fn shortest_f32_reads_like_json() {
        for x in [
            0.92f32,
            0.12,
            0.5,
            1.0,
            0.0,
            0.7310586,
            1e-5,
            0.333_333_34,
            123.456,
        ] {
            let json = serde_json::to_string(&x).unwrap();
            let parsed: f64 = json.parse().unwrap();
            assert_eq!(f32_as_shortest_f64(x).to_bits(), parsed.to_bits(), "{x}");
        }
        for i in 0..=100_000u32 {
            let x = i as f32 / 100_000.0;
            let parsed: f64 = serde_json::to_string(&x).unwrap().parse().unwrap();
            assert_eq!(f32_as_shortest_f64(x).to_bits(), parsed.to_bits(), "{x}");
        }
    }

    #[test]
    fn header_and_regions() {
        let text = "😀 Ana Sousa said on Tuesday that prices rose 5% to $3bn in Zürich.";
        let a = Annotator::new(Options::default()).unwrap().annotate(text);
        let (n_ent, n_claims) = (a.entities.len(), a.claims.len());
        let words = encode(text, a);
        assert_eq!(words[H_MAGIC], MAGIC);
        assert_eq!(words[H_ENTITIES] as usize, n_ent);
        assert_eq!(words[H_CLAIMS] as usize, n_claims);
        assert_eq!(words[H_FLOATS] % 2, 0);
        let strings = words[H_STRINGS] as usize;
        assert!(strings + (words[H_STRING_BYTES] as usize).div_ceil(4) == words.len());
        // the first entity, "Ana Sousa", after the emoji (2 UTF-16 units) and a space; its text
        // is its own span's
        let e = HEADER + 3 * words[H_SENTENCES] as usize;
        assert_eq!(words[e..e + 3], [3, 12, 0]);
        assert_eq!(words[e + 5..e + 7], [3, 12]);
    }

    #[test]
    fn a_repeated_text_refers_to_its_first_slice() {
        let text = "Ana Sousa said prices rose. Ana Sousa said wages fell.";
        let a = Annotator::new(Options::default()).unwrap().annotate(text);
        let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(names, ["Ana Sousa", "Ana Sousa"]);
        assert!(a
            .entities
            .iter()
            .all(|e| e.role.is_none() && e.value.is_none()));
        let words = encode(text, a);
        // entities: start, end, label, cluster, flags, then the text's two words
        let e = HEADER + 3 * words[H_SENTENCES] as usize;
        assert_eq!(words[e + 5..e + 7], [0, 9]);
        assert_eq!(words[e + 7..e + 12], [28, 37, 0, 0, 0]);
        assert_eq!(words[e + 12..e + 14], [REPEAT, 0]);
    }
}
