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
    /// Kinds that make a name a place.
    pub const PLACE_LIKE: u32 = COUNTRY | PLACE;
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
        let tokens = crate::text::tokenize(name);
        if tokens.is_empty() {
            return;
        }
        let upper_only = tokens.len() == 1 && tokens[0].all_upper && name.chars().count() > 1;
        let canon = match canon {
            Some(c) => {
                self.canon.push(c);
                (self.canon.len() - 1) as u32
            }
            None => NO_CANON,
        };
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

/// Every compiled word list.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Normalised short lines that are page furniture ("accept", "share this article").
    pub boilerplate_lines: HashSet<&'static str>,
    /// Lower-case phrases that make any line page furniture ("uses cookies").
    pub boilerplate_phrases: Vec<&'static str>,
    /// Titles written before names ("President", "Prime Minister"), as written.
    pub titles: HashSet<&'static str>,
    /// Last words that make a capitalised name an organisation ("Agency", "Times").
    pub org_cues: HashSet<&'static str>,
    /// Country names and aliases ("US", "America") → the country's name.
    pub countries: HashMap<&'static str, &'static str>,
    /// Nationality words ("American", "Mexicans") → the country's name.
    pub demonyms: HashMap<&'static str, &'static str>,
    /// Reporting verb forms ("said", "denied") → lemma and polarity.
    pub reporting_verbs: HashMap<&'static str, ReportingVerb>,
    /// Every name list, lower-cased, by what each word or phrase can name.
    pub gazetteer: Gazetteer,
}

/// The lines of a data file that are not blank or comments.
fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The lines of a data file by `[section]` (lines before the first header are in section "").
fn sections(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data_lines(src).filter_map(move |l| {
        let t = l.trim();
        if t.starts_with('[') && t.ends_with(']') {
            section = &t[1..t.len() - 1];
            None
        } else {
            Some((section, t))
        }
    })
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
        for line in data_lines(include_str!("../data/boilerplate.txt")) {
            if line == "[contains]" {
                contains = true;
            } else if contains {
                lx.boilerplate_phrases.push(line.trim());
            } else {
                lx.boilerplate_lines.insert(line.trim());
            }
        }
        for line in data_lines(include_str!("../data/titles.txt")).map(str::trim) {
            lx.titles.insert(line);
            g.add(line, TITLE, None);
        }
        for (section, line) in sections(include_str!("../data/org_cues.txt")) {
            if section == "head" {
                g.add(line, ORG_HEAD, None);
            } else {
                lx.org_cues.insert(line);
                g.add(line, ORG_LAST, None);
            }
        }
        for (section, line) in sections(include_str!("../data/place_cues.txt")) {
            g.add(
                line,
                if section == "first" {
                    PLACE_FIRST
                } else {
                    PLACE_LAST
                },
                None,
            );
        }
        for line in data_lines(include_str!("../data/countries.tsv")) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().map(str::trim) else {
                continue;
            };
            lx.countries.insert(name, name);
            g.add(name, COUNTRY, Some(name));
            for d in split_forms(cols.next()) {
                lx.demonyms.insert(d, name);
                g.add(d, NORP, Some(name));
            }
            for a in split_forms(cols.next()) {
                lx.countries.insert(a, name);
                g.add(a, COUNTRY, Some(name));
            }
        }
        for line in data_lines(include_str!("../data/regions.txt")) {
            g.add(line, PLACE, None);
        }
        for line in data_lines(include_str!("../data/cities.txt")) {
            g.add(line, PLACE, None);
        }
        for line in data_lines(include_str!("../data/norp.txt")) {
            g.add(line, NORP, None);
        }
        for (section, line) in sections(include_str!("../data/events.txt")) {
            let k = match section {
                "last" => EVENT_LAST,
                "first" => EVENT_FIRST,
                _ => EVENT,
            };
            g.add(line, k, None);
        }
        for line in data_lines(include_str!("../data/orgs.tsv")) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().map(str::trim) else {
                continue;
            };
            g.add(name, ORG, Some(name));
            for a in split_forms(cols.next()) {
                g.add(a, ORG, Some(name));
            }
        }
        for line in data_lines(include_str!("../data/given_names.txt")) {
            g.add(line, GIVEN, None);
        }
        for line in data_lines(include_str!("../data/surnames.txt")) {
            g.add(line, SURNAME, None);
        }
        for (section, line) in sections(include_str!("../data/names_world.txt")) {
            g.add(line, if section == "given" { GIVEN } else { SURNAME }, None);
        }
        for line in data_lines(include_str!("../data/not_names.txt")) {
            g.add(line, NOT_NAME, None);
        }
        for line in data_lines(include_str!("../data/common_words.txt")) {
            g.add(line, COMMON, None);
        }
        lx.gazetteer = g.build();
        for line in data_lines(include_str!("../data/reporting_verbs.txt")) {
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

/// A fast, non-cryptographic hasher (the "Fx" hash of rustc and Firefox) for the compiled word
/// lists, whose keys are fixed: text can look keys up but never choose them. Maps keyed by the
/// user's text keep the standard, randomly seeded hasher.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;

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
    fn lists_load() {
        let lx = lexicon();
        assert!(lx.boilerplate_lines.contains("learn more"));
        assert!(lx.boilerplate_phrases.contains(&"uses cookies"));
        assert!(lx.titles.contains("Prime Minister"));
        assert_eq!(lx.countries.get("U.S."), Some(&"United States"));
        assert_eq!(lx.demonyms.get("Mexican"), Some(&"Mexico"));
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
        assert_ne!(g.get("officials").unwrap().kinds & COMMON, 0);
        assert_ne!(g.get("agency").unwrap().kinds & ORG_LAST, 0);
        assert_ne!(g.get("mexicans").unwrap().kinds & NORP, 0);
        assert_ne!(
            g.get("people's republic of china").unwrap().kinds & COUNTRY,
            0
        );
    }
}
