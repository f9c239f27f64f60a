//! Word lists from `data/`, compiled into the binary and indexed once.
//!
//! Each list is a readable text file in `data/` (its header names its source and licence),
//! embedded with `include_str!` at build time and parsed into hash sets and maps the first time
//! [`lexicon`] is called. Lines starting with `#` are comments.
//!
//! The name lists (countries, cities, regions, organisations, given names, surnames, common
//! words, cue words) are merged into one [`Gazetteer`]: a map from a lower-cased word or phrase to
//! the [`kind`]s of name it can be. One lookup per capitalised token answers every question the
//! recognisers ask of it ("a given name? a country? also a common word?").
//!
//! The four large lists (cities, given names, surnames, common words) are packed by `build.rs`
//! (lower-cased, sorted, front-coded) to keep the WebAssembly module small.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::annotation::Polarity;

/// A reporting cue: its lemma and polarity.
#[derive(Clone, Copy, Debug)]
pub struct ReportingVerb {
    /// The dictionary form ("say" for "said").
    pub lemma: &'static str,
    /// Whether the verb asserts, denies or concedes.
    pub polarity: Polarity,
}

/// What a word or phrase of the [`Gazetteer`] can be: bit flags, several per entry.
pub mod kind {
    /// A country's name or alias ("Mexico", "US", "Britain"); its canonical name is the country's.
    pub const COUNTRY: u32 = 1 << 0;
    /// A city, region, landmark or physical feature ("Chicago", "Gaza Strip", "Alps").
    pub const PLACE: u32 = 1 << 1;
    /// A nationality, religious or political group ("Mexican", "Muslims", "Republicans").
    pub const NORP: u32 = 1 << 2;
    /// A well-known organisation or news outlet ("Reuters", "CIA", "The New York Times").
    pub const ORG: u32 = 1 << 3;
    /// A named event ("World Cup", "Hajj", "Second World War").
    pub const EVENT: u32 = 1 << 4;
    /// A given name ("Donald", "Claudia").
    pub const GIVEN: u32 = 1 << 5;
    /// A surname ("Trump", "Sheinbaum").
    pub const SURNAME: u32 = 1 << 6;
    /// A common English word (the list is lower case: "officials", "despite").
    pub const COMMON: u32 = 1 << 7;
    /// A title written before a name ("President", "Prime Minister").
    pub const TITLE: u32 = 1 << 8;
    /// Last word of an organisation's name ("Agency", "Times", "Party").
    pub const ORG_LAST: u32 = 1 << 9;
    /// First word of an organisation's name before "of" ("University", "Ministry").
    pub const ORG_HEAD: u32 = 1 << 10;
    /// Last word of a place's name ("Road", "River", "Bridge").
    pub const PLACE_LAST: u32 = 1 << 11;
    /// First word of a place's name ("Mount", "Lake").
    pub const PLACE_FIRST: u32 = 1 << 12;
    /// Last word of an event's name ("Cup", "War", "Open").
    pub const EVENT_LAST: u32 = 1 << 13;
    /// First word of an event's name ("Hurricane", "Operation").
    pub const EVENT_FIRST: u32 = 1 << 14;

    /// Never a name by itself, though capitalised: abbreviations such as "OK", "TV", "GDP", "CEO".
    pub const NOT_NAME: u32 = 1 << 15;

    /// Kinds that name something by themselves.
    pub const NAME: u32 = COUNTRY | PLACE | NORP | ORG | EVENT | GIVEN | SURNAME;
}

/// One key of the [`Gazetteer`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The [`kind`]s the key has however it is written.
    pub kinds: u32,
    /// Kinds the key has only when written in capitals: acronyms such as "US", "WHO", "AP".
    pub upper_kinds: u32,
    /// The longest phrase, in tokens, of the gazetteer that starts with this key (1 for a word
    /// that starts no longer phrase, 0 for a key that is not itself an entry).
    pub max_tokens: u8,
    canon: u32,
}

const NO_CANON: u32 = u32::MAX;

impl Entry {
    /// The kinds of this entry for a token written all in capitals (`upper`) or not.
    #[inline]
    pub fn kinds_as(&self, upper: bool) -> u32 {
        if upper {
            self.kinds | self.upper_kinds
        } else {
            self.kinds
        }
    }
}

/// Lower-cased words and phrases → what they can name. See the module docs.
#[derive(Debug, Default)]
pub struct Gazetteer {
    map: HashMap<&'static str, Entry, FxBuild>,
    canon: Vec<&'static str>,
}

impl Gazetteer {
    /// The entry of a lower-cased word or phrase (words separated as in the text: one space where
    /// the text has whitespace, nothing where it has none, as in "guinea-bissau").
    #[inline]
    pub fn get(&self, lower: &str) -> Option<&Entry> {
        self.map.get(lower)
    }

    /// The canonical name of an entry: the country's name for a country alias ("US" → "United
    /// States"), an organisation's full name for its alias ("CIA" → "Central Intelligence Agency").
    pub fn canonical(&self, entry: &Entry) -> Option<&'static str> {
        self.canon.get(entry.canon as usize).copied()
    }

    /// The entry of a single lower-cased word, with [`kind::COMMON`] added when the word is an
    /// inflection of a common word ("officials", "claimed", "ruling"): the common-word list keeps
    /// base forms only (see `scripts/gen_data.py`, which applies the same rules).
    pub fn word(&self, lower: &str) -> Entry {
        let mut e = self.get(lower).copied().unwrap_or_default();
        let inflected = lower.ends_with('s') || lower.ends_with("ed") || lower.ends_with("ing");
        if e.kinds & kind::COMMON == 0 && inflected && lower.len() > 3 && lower.is_ascii() {
            let common =
                |b: &str| b.len() >= 2 && self.get(b).is_some_and(|x| x.kinds & kind::COMMON != 0);
            let n = lower.len();
            let b = lower.as_bytes();
            let mut buf = String::new();
            let mut with = |stem: &str, tail: &str| {
                buf.clear();
                buf.push_str(stem);
                buf.push_str(tail);
                common(&buf)
            };
            let found = (lower.ends_with("ies") || lower.ends_with("ied"))
                && with(&lower[..n - 3], "y")
                || lower.ends_with("es") && common(&lower[..n - 2])
                || lower.ends_with('s') && !lower.ends_with("ss") && common(&lower[..n - 1])
                || lower.ends_with("ed")
                    && (common(&lower[..n - 2])
                        || common(&lower[..n - 1])
                        || n > 4 && b[n - 3] == b[n - 4] && common(&lower[..n - 3]))
                || lower.ends_with("ing")
                    && (common(&lower[..n - 3])
                        || with(&lower[..n - 3], "e")
                        || n > 5 && b[n - 4] == b[n - 5] && common(&lower[..n - 4]));
            if found {
                e.kinds |= kind::COMMON;
            }
        }
        e
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are no keys.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Collects gazetteer entries, then indexes them in one go (keys live in one leaked arena).
#[derive(Default)]
struct GazetteerBuilder {
    arena: String,
    /// (key range in arena, kinds, upper-only kinds, canonical index, tokens)
    items: Vec<(usize, usize, u32, u32, u32, u8)>,
    canon: Vec<&'static str>,
    /// first-word key ranges of multi-token phrases, with the phrase's token count
    firsts: Vec<(usize, usize, u8)>,
}

impl GazetteerBuilder {
    /// Adds `name` (as written in a data file) with `kinds`; an all-capitals name (an acronym)
    /// gets them only when written in capitals.
    fn add(&mut self, name: &str, kinds: u32, canon: Option<&'static str>) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if name.chars().all(char::is_alphabetic) {
            // one plain word: the common case, no tokenising needed
            let upper_only = name.chars().count() > 1 && !name.chars().any(char::is_lowercase);
            let canon = self.canon_index(canon);
            let start = self.arena.len();
            push_lower(&mut self.arena, name);
            let (k, u) = if upper_only { (0, kinds) } else { (kinds, 0) };
            self.items.push((start, self.arena.len(), k, u, canon, 1));
            return;
        }
        let tokens = crate::text::tokenize(name);
        if tokens.is_empty() {
            return;
        }
        let upper_only = tokens.len() == 1 && tokens[0].all_upper && name.chars().count() > 1;
        let canon = self.canon_index(canon);
        let start = self.arena.len();
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.space_before {
                self.arena.push(' ');
            }
            push_lower(&mut self.arena, t.text(name));
        }
        let end = self.arena.len();
        let n = tokens.len().min(255) as u8;
        if n > 1 {
            let f_start = self.arena.len();
            push_lower(&mut self.arena, tokens[0].text(name));
            self.firsts.push((f_start, self.arena.len(), n));
        }
        let (k, u) = if upper_only { (0, kinds) } else { (kinds, 0) };
        self.items.push((start, end, k, u, canon, n));
    }

    fn canon_index(&mut self, canon: Option<&'static str>) -> u32 {
        match canon {
            Some(c) => {
                self.canon.push(c);
                (self.canon.len() - 1) as u32
            }
            None => NO_CANON,
        }
    }

    fn build(self) -> Gazetteer {
        let arena: &'static str = Box::leak(self.arena.into_boxed_str());
        let mut map: HashMap<&'static str, Entry, FxBuild> =
            HashMap::with_capacity_and_hasher(self.items.len(), FxBuild::default());
        for (s, e, kinds, upper_kinds, canon, _) in self.items {
            let entry = map.entry(&arena[s..e]).or_insert(Entry {
                canon: NO_CANON,
                ..Entry::default()
            });
            entry.kinds |= kinds;
            entry.upper_kinds |= upper_kinds;
            entry.max_tokens = entry.max_tokens.max(1);
            if entry.canon == NO_CANON {
                entry.canon = canon;
            }
        }
        for (s, e, n) in self.firsts {
            let entry = map.entry(&arena[s..e]).or_insert(Entry {
                canon: NO_CANON,
                ..Entry::default()
            });
            entry.max_tokens = entry.max_tokens.max(n);
        }
        Gazetteer {
            map,
            canon: self.canon,
        }
    }
}

/// Appends `s` lower-cased to `out` (ASCII fast path).
#[inline]
pub fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        // SAFETY-free: ASCII lower-casing keeps the string valid UTF-8.
        out[from..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// A word's bytes packed into one number when it is ASCII and one to eight bytes long; with
/// `lower`, its letters lower-cased. The top bit of the last byte marks the end, so distinct words
/// get distinct numbers and the number can key a map in the word's place.
#[inline]
pub fn packed(word: &str, lower: bool) -> Option<u64> {
    packed_bytes(word.as_bytes(), lower)
}

/// [`packed`] for a word's bytes.
#[inline(never)]
pub fn packed_bytes(b: &[u8], lower: bool) -> Option<u64> {
    const EACH: u64 = u64::from_le_bytes([1; 8]);
    let last = b.len().wrapping_sub(1);
    if last >= 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    let mut x = u64::from_le_bytes(buf);
    if x & (0x80 * EACH) != 0 {
        return None;
    }
    if lower {
        // every byte is below 0x80, so adding to each carries into none: a byte's top bit is
        // set in `ge_a` when it is 'A' or above, in `gt_z` when it is above 'Z'
        let ge_a = x + (0x80 - b'A' as u64) * EACH;
        let gt_z = x + (0x80 - b'Z' as u64 - 1) * EACH;
        x |= ((ge_a & !gt_z) & (0x80 * EACH)) >> 2;
    }
    Some(x | 0x80 << (8 * last))
}

/// Calls `f` with `s.to_lowercase()`, without allocating when `s` is short ASCII text (most
/// words and names): lookups by a lower-cased key need no `String` of their own.
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        // ASCII stays ASCII, so this is valid UTF-8
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&s.to_lowercase())
    }
}

/// Every compiled word list.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Normalised short lines that are page furniture ("accept", "share this article").
    pub boilerplate_lines: HashSet<&'static str, FxBuild>,
    /// Lower-case phrases that make any line page furniture ("uses cookies").
    pub boilerplate_phrases: Vec<&'static str>,
    /// Reporting verb forms ("said", "denied") → lemma and polarity.
    pub reporting_verbs: HashMap<&'static str, ReportingVerb, FxBuild>,
    /// Every name list, lower-cased, by what each word or phrase can name.
    pub gazetteer: Gazetteer,
}

/// The lines of a data file that are not blank or comments (also used by the claim lexicon).
pub(crate) fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Calls `f` with every word of a list packed by `build.rs` (front-coded: one byte of shared
/// prefix length, the rest of the word, a newline).
fn unpack(packed: &'static [u8], mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut i = 0;
    while i < packed.len() {
        let shared = packed[i] as usize;
        i += 1;
        let end = packed[i..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(packed.len(), |p| i + p);
        if shared <= word.len() && word.is_char_boundary(shared) {
            word.truncate(shared);
        } else {
            word.clear();
        }
        word.push_str(std::str::from_utf8(&packed[i..end]).unwrap_or(""));
        f(&word);
        i = end + 1;
    }
}

/// A list section packed by `build.rs`.
macro_rules! packed {
    ($name:literal, $section:literal) => {
        include_bytes!(concat!(
            env!("OUT_DIR"),
            "/",
            $name,
            ".",
            $section,
            ".packed"
        ))
    };
}

fn split_forms(col: Option<&'static str>) -> impl Iterator<Item = &'static str> {
    col.unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl Lexicon {
    fn load() -> Lexicon {
        use kind::*;
        let mut lx = Lexicon::default();
        let mut g = GazetteerBuilder::default();
        let mut contains = false;
        for line in data_lines(include_str!(concat!(env!("OUT_DIR"), "/boilerplate.txt"))) {
            if line == "[contains]" {
                contains = true;
            } else if contains {
                lx.boilerplate_phrases.push(line.trim());
            } else {
                lx.boilerplate_lines.insert(line.trim());
            }
        }
        // (list, its kind) — one-column lists packed by build.rs, a section each
        let lists: [(&'static [u8], u32); 17] = [
            (packed!("titles.txt", "main"), TITLE),
            (packed!("org_cues.txt", "main"), ORG_LAST),
            (packed!("org_cues.txt", "head"), ORG_HEAD),
            (packed!("place_cues.txt", "main"), PLACE_LAST),
            (packed!("place_cues.txt", "first"), PLACE_FIRST),
            (packed!("regions.txt", "main"), PLACE),
            (packed!("cities.txt", "main"), PLACE),
            (packed!("norp.txt", "main"), NORP),
            (packed!("events.txt", "main"), EVENT),
            (packed!("events.txt", "last"), EVENT_LAST),
            (packed!("events.txt", "first"), EVENT_FIRST),
            (packed!("given_names.txt", "main"), GIVEN),
            (packed!("names_world.txt", "given"), GIVEN),
            (packed!("surnames.txt", "main"), SURNAME),
            (packed!("names_world.txt", "surname"), SURNAME),
            (packed!("not_names.txt", "main"), NOT_NAME),
            (packed!("common_words.txt", "main"), COMMON),
        ];
        for (list, k) in lists {
            unpack(list, |w| g.add(w, k, None));
        }
        // tables: a name, then forms that share its canonical name
        for line in data_lines(include_str!(concat!(env!("OUT_DIR"), "/countries.tsv"))) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().map(str::trim) else {
                continue;
            };
            g.add(name, COUNTRY, Some(name));
            for d in split_forms(cols.next()) {
                g.add(d, NORP, Some(name));
            }
            for a in split_forms(cols.next()) {
                g.add(a, COUNTRY, Some(name));
            }
        }
        for line in data_lines(include_str!(concat!(env!("OUT_DIR"), "/orgs.tsv"))) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().map(str::trim) else {
                continue;
            };
            g.add(name, ORG, Some(name));
            for a in split_forms(cols.next()) {
                g.add(a, ORG, Some(name));
            }
        }
        lx.gazetteer = g.build();
        for line in data_lines(include_str!(concat!(
            env!("OUT_DIR"),
            "/reporting_verbs.txt"
        ))) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let polarity = match cols[1] {
                "deny" => Polarity::Deny,
                "concede" => Polarity::Concede,
                _ => Polarity::Assert,
            };
            let verb = ReportingVerb {
                lemma: cols[0],
                polarity,
            };
            for form in cols[2].split('|') {
                lx.reporting_verbs.insert(form, verb);
            }
        }
        lx
    }
}

/// The compiled word lists (parsed on first use, then shared).
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// A fast, non-cryptographic hasher (the "Fx" hash of rustc and Firefox), for the compiled word
/// lists and the document's maps (see [`FxMap`]).
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A hash map with the [`FxHasher`]. For maps keyed by the text's own words (the document's
/// names, its case counts) too: Fx is injective on words of up to eight bytes, so colliding keys
/// would have to be long, crafted strings, and a collision costs time, never correctness.
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        // (the packed words of [`packed`]: one step, not the byte loop of `write`)
        self.add(i);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words() {
        assert_eq!(packed("Hello", true), packed("hello", false));
        assert_ne!(packed("Hello", false), packed("hello", false));
        assert_eq!(packed("@[`{", true), packed("@[`{", false));
        assert_ne!(packed("ab", false), packed("ab\0", false));
        assert_eq!(packed("é", true), None);
        assert_eq!(packed("", true), None);
        assert_eq!(packed("abcdefghi", true), None);
        assert!(packed("abcdefgh", true).is_some());
        assert_ne!(packed("abcdefg", false), packed("abcdefgh", false));
    }

    #[test]
    fn lists_load() {
        let lx = lexicon();
        assert!(lx.boilerplate_lines.contains("learn more"));
        assert!(lx.boilerplate_phrases.contains(&"uses cookies"));
        assert_ne!(
            lx.gazetteer.get("prime minister").unwrap().kinds & kind::TITLE,
            0
        );
        let mexican = lx.gazetteer.get("mexican").unwrap();
        assert_eq!(lx.gazetteer.canonical(mexican), Some("Mexico"));
        assert_eq!(
            lx.reporting_verbs.get("denied").map(|v| v.polarity),
            Some(Polarity::Deny)
        );
    }

    #[test]
    fn gazetteer_kinds_and_canonical_names() {
        use kind::*;
        let g = &lexicon().gazetteer;
        let us = g.get("us").unwrap();
        // "US" is a country only in capitals; "us" is a common word.
        assert_eq!(us.kinds & COUNTRY, 0);
        assert_ne!(us.kinds_as(true) & COUNTRY, 0);
        assert_eq!(g.canonical(us), Some("United States"));
        assert_eq!(g.canonical(g.get("u.s.").unwrap()), Some("United States"));
        assert_ne!(g.get("chicago").unwrap().kinds & PLACE, 0);
        assert_ne!(g.get("new york").unwrap().kinds & PLACE, 0);
        assert!(g.get("new").unwrap().max_tokens >= 2);
        let cia = g.get("cia").unwrap();
        assert_eq!(g.canonical(cia), Some("Central Intelligence Agency"));
        assert_ne!(g.get("guinea-bissau").unwrap().kinds & COUNTRY, 0);
        assert_ne!(g.get("donald").unwrap().kinds & GIVEN, 0);
        assert_ne!(g.get("sheinbaum").unwrap().kinds & SURNAME, 0);
        assert_ne!(g.word("officials").kinds & COMMON, 0);
        assert_ne!(g.word("claimed").kinds & COMMON, 0);
        assert_eq!(g.word("sheinbaum").kinds & COMMON, 0);
        assert_ne!(g.get("agency").unwrap().kinds & ORG_LAST, 0);
        assert_ne!(g.get("mexicans").unwrap().kinds & NORP, 0);
        assert_ne!(
            g.get("people's republic of china").unwrap().kinds & COUNTRY,
            0
        );
    }
}
