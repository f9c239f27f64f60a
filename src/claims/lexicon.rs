//! The claim word lists in `data/`, compiled in and indexed once.
//!
//! Every word of every list gets a small integer id; a [`WordInfo`] per id says which classes the
//! word is in (determiner, hedge, reporting verb form, ...). The claim finders look each token up
//! once ([`ClaimLexicon::id`]) and then test bits, so a list costs nothing per token however long
//! it grows. Multi-word entries ("is said to", "pointed out", "familiar with") are [`Phrase`]s
//! indexed by their first word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::annotation::Polarity;
use crate::lexicon::data_lines;

/// What a reporting cue says about its content (the class column of `data/reporting_verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// A statement: "said", "claimed", "denied".
    Speech,
    /// A view the source holds: "believes", "expects"; hedges the content.
    Belief,
    /// A finding: "shows", "found"; often by a document.
    Evidence,
    /// Promises, threats, plans, predictions: "warned", "vowed"; marks a prediction.
    Intent,
    /// A judgement of someone or something: "called", "blamed", "praised".
    Evaluation,
    /// A request: "urged", "called for".
    Request,
}

impl CueClass {
    fn parse(s: &str) -> CueClass {
        match s {
            "belief" => CueClass::Belief,
            "evidence" => CueClass::Evidence,
            "intent" => CueClass::Intent,
            "evaluation" => CueClass::Evaluation,
            "request" => CueClass::Request,
            _ => CueClass::Speech,
        }
    }
}

/// The grammatical form of a reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// "say"
    Base,
    /// "says"
    S,
    /// "said", "written": past tense or past participle.
    Past,
    /// "saying"
    Ing,
}

/// A reporting cue: a verb form or a noun, with what it means.
#[derive(Clone, Copy, Debug)]
pub struct CueWord {
    /// The dictionary form ("say" for "said").
    pub lemma: &'static str,
    /// Whether the cue asserts, denies or concedes.
    pub polarity: Polarity,
    /// What kind of content follows.
    pub class: CueClass,
    /// The verb form (nouns are `Base`).
    pub form: VerbForm,
    /// After a description, a cue only when a clause follows ("plans", "states", "underscores").
    pub strict: bool,
}

/// Word classes, as bits of [`WordInfo::class`].
pub mod class {
    /// "the", "a", "several"
    pub const DET: u64 = 1 << 0;
    /// "his", "their"
    pub const POSS: u64 = 1 << 1;
    /// Subject pronouns: "he", "they"
    pub const PRON: u64 = 1 << 2;
    /// "who", "which", "that"
    pub const REL: u64 = 1 << 3;
    /// "him", "them"
    pub const OBJ_PRON: u64 = 1 << 4;
    /// Prepositions
    pub const PREP: u64 = 1 << 5;
    /// Prepositions allowed inside a source ("a spokesman for the campaign")
    pub const NP_PREP: u64 = 1 << 6;
    /// "and", "but"
    pub const CONJ: u64 = 1 << 7;
    /// "because", "while"
    pub const SUBORD: u64 = 1 << 8;
    /// Auxiliary and modal verbs
    pub const AUX: u64 = 1 << 9;
    /// Forms of "be"
    pub const BE: u64 = 1 << 10;
    /// "not", "never"
    pub const NEG: u64 = 1 << 11;
    /// Words allowed between a source and its cue
    pub const BETWEEN: u64 = 1 << 12;
    /// ", however," between a source and its cue
    pub const PAREN: u64 = 1 << 13;
    /// Words that start a colon label that is not a speaker ("Note:", "Update:")
    pub const NOT_SPEAKER: u64 = 1 << 14;
    /// One-word hedges ("reportedly", "could")
    pub const HEDGE: u64 = 1 << 15;
    /// One-word anonymity markers ("unnamed")
    pub const ANON_MARKER: u64 = 1 << 16;
    /// Nouns that make an unnamed source anonymous ("officials", "sources")
    pub const ANON_HEAD: u64 = 1 << 17;
    /// A person described by role ("spokesman")
    pub const SRC_PERSON: u64 = 1 << 18;
    /// People described as a group ("officials", "critics")
    pub const SRC_GROUP: u64 = 1 << 19;
    /// An organisation described ("the company")
    pub const SRC_ORG: u64 = 1 << 20;
    /// A document ("the report", "the poll")
    pub const SRC_DOC: u64 = 1 << 21;
    /// What a speaker issues ("a warning", "a statement")
    pub const SPEECH_ACT: u64 = 1 << 22;
    /// A word that opens a time adverbial ("yesterday", "last night", "earlier").
    pub const TIME: u64 = 1 << 28;
    /// A verb phrase starts with this word ("pointed out").
    pub const VERB_PHRASE: u64 = 1 << 23;
    /// A hedge phrase starts with this word ("is said to").
    pub const HEDGE_PHRASE: u64 = 1 << 24;
    /// An anonymity phrase starts with this word ("familiar with").
    pub const ANON_PHRASE: u64 = 1 << 25;
    /// A check-worthiness phrase starts with this word ("more than").
    pub const FEATURE_PHRASE: u64 = 1 << 26;
    /// The word may start an attribution: a reporting verb or noun, the first word of a verb
    /// phrase, "according", "citing", or a hedge that can stand as a cue ("reportedly").
    pub const TRIGGER: u64 = 1 << 27;
    /// The first bit of the check-worthiness feature classes (see `checkworthy.rs`).
    pub const FEATURE_SHIFT: u32 = 32;

    /// Any function word: a word that cannot be the head of a source.
    pub const FUNCTION: u64 =
        DET | POSS | PRON | REL | OBJ_PRON | PREP | CONJ | SUBORD | AUX | BE | NEG | PAREN;
}

/// What a word is: its classes and its cue entries.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    /// Bits from [`class`] (and check-worthiness features above `FEATURE_SHIFT`).
    pub class: u64,
    /// Index + 1 into [`ClaimLexicon::verbs`] when the word alone is a reporting verb form.
    pub verb: u16,
    /// Index + 1 into [`ClaimLexicon::nouns`] when the word is a reporting noun.
    pub noun: u16,
    /// The phrases starting with this word: a range of [`ClaimLexicon::phrases`].
    phrases: (u32, u32),
}

impl WordInfo {
    /// True when no phrase starts with this word.
    #[inline]
    pub fn phrases_empty(&self) -> bool {
        self.phrases.0 == self.phrases.1
    }
}

/// What a multi-word entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    /// A reporting verb form ("pointed out"): index into [`ClaimLexicon::verbs`].
    Verb(u16),
    /// A hedge ("is said to").
    Hedge,
    /// An anonymity marker ("familiar with").
    AnonMarker,
    /// A check-worthiness feature phrase: the feature's bit number above `FEATURE_SHIFT`.
    Feature(u8),
}

/// A multi-word entry: its word ids in order.
#[derive(Clone, Debug)]
pub struct Phrase {
    /// The ids of its words.
    pub words: Vec<u32>,
    /// What it is.
    pub kind: PhraseKind,
}

/// The FxHash function (as in rustc): fast for the short keys looked up once per token.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The longest word looked up, in bytes.
const MAX_WORD: usize = 40;

/// Words of up to eight bytes packed into a `u64` (lower case, zero-padded) → word id: an
/// open-addressing table, so that the most frequent words are found with one multiplication and
/// a probe or two.
#[derive(Debug, Default)]
struct ShortTable {
    keys: Vec<u64>,
    ids: Vec<u32>,
    shift: u32,
}

impl ShortTable {
    fn build(words: impl Iterator<Item = (u64, u32)> + Clone) -> ShortTable {
        let n = words.clone().count().max(1);
        let bits = (usize::BITS - (n * 4).leading_zeros()).max(4);
        let size = 1usize << bits;
        let mut t = ShortTable {
            keys: vec![0; size],
            ids: vec![0; size],
            shift: 64 - bits,
        };
        for (k, id) in words {
            let mut i = t.slot(k);
            while t.keys[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = k;
            t.ids[i] = id;
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> u32 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.ids[i];
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Packs up to eight bytes of ASCII into a `u64`, lower case, zero-padded.
#[inline]
fn pack(bytes: &[u8]) -> u64 {
    let mut x = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(8) {
        x |= u64::from(b.to_ascii_lowercase()) << (8 * i);
    }
    x
}

/// Every claim word list, indexed.
#[derive(Debug, Default)]
pub struct ClaimLexicon {
    vocab: FxMap<&'static [u8], u32>,
    short: ShortTable,
    /// The first eight bytes (packed as in `short`) of every longer word: a longer word of the
    /// text that starts otherwise is in no list, and needs no lookup in `vocab`.
    long_prefixes: ShortTable,
    words: Vec<WordInfo>,
    /// Reporting verb forms.
    pub verbs: Vec<CueWord>,
    /// Reporting nouns.
    pub nouns: Vec<CueWord>,
    /// Multi-word entries, grouped by first word (longest first).
    pub phrases: Vec<Phrase>,
    /// Names of the check-worthiness feature classes, by bit number above `FEATURE_SHIFT`.
    pub feature_names: Vec<&'static str>,
}

/// `(section, line)` pairs of a file with `[section]` headers.
fn sections(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    data_lines(src).filter_map(move |l| {
        let l = l.trim();
        if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            section = name;
            None
        } else {
            Some((section, l))
        }
    })
}

fn polarity(s: &str) -> Polarity {
    match s {
        "deny" => Polarity::Deny,
        "concede" => Polarity::Concede,
        _ => Polarity::Assert,
    }
}

impl ClaimLexicon {
    fn intern(&mut self, word: &'static str) -> u32 {
        if let Some(&id) = self.vocab.get(word.as_bytes()) {
            return id;
        }
        let id = self.words.len() as u32;
        self.vocab.insert(word.as_bytes(), id);
        self.words.push(WordInfo::default());
        id
    }

    fn add_class(&mut self, word: &'static str, bits: u64) {
        let id = self.intern(word);
        self.words[id as usize].class |= bits;
    }

    /// Adds a word (one class bit) or a phrase (of `kind`).
    fn add_entry(&mut self, entry: &'static str, bits: u64, kind: PhraseKind) {
        if entry.contains(' ') {
            let words = entry.split(' ').map(|w| self.intern(w)).collect();
            self.phrases.push(Phrase { words, kind });
        } else {
            self.add_class(entry, bits);
        }
    }

    fn load() -> ClaimLexicon {
        let mut lx = ClaimLexicon::default();
        lx.intern(""); // id 0: not in any list
        let verbs = data_lines(include_str!(concat!(
            env!("OUT_DIR"),
            "/reporting_verbs.txt"
        )))
        .chain(data_lines(include_str!(concat!(
            env!("OUT_DIR"),
            "/cue_verbs.txt"
        ))));
        for line in verbs {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let (lemma, pol) = (cols[0], polarity(cols[1]));
            let class = CueClass::parse(cols.get(3).copied().unwrap_or("speech"));
            let strict = cols.get(4) == Some(&"strict");
            for (n, form) in cols[2].split('|').enumerate() {
                let first = form.split(' ').next().unwrap_or(form);
                let vf = if first.ends_with("ing") && !lemma.starts_with(first) {
                    VerbForm::Ing
                } else if n == 0 {
                    VerbForm::Base
                } else if n == 1 && first.ends_with('s') {
                    VerbForm::S
                } else {
                    VerbForm::Past
                };
                lx.verbs.push(CueWord {
                    lemma,
                    polarity: pol,
                    class,
                    form: vf,
                    strict: strict && matches!(vf, VerbForm::Base | VerbForm::S),
                });
                let index = lx.verbs.len() as u16;
                if form.contains(' ') {
                    lx.add_entry(form, 0, PhraseKind::Verb(index - 1));
                } else {
                    let id = lx.intern(form);
                    if lx.words[id as usize].verb == 0 {
                        lx.words[id as usize].verb = index;
                    }
                }
            }
        }
        for line in data_lines(include_str!(concat!(
            env!("OUT_DIR"),
            "/reporting_nouns.txt"
        ))) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if cols.len() < 2 {
                continue;
            }
            let class = CueClass::parse(cols.get(2).copied().unwrap_or("speech"));
            for form in cols[0].split('|') {
                lx.nouns.push(CueWord {
                    lemma: cols[0].split('|').next().unwrap_or(form),
                    polarity: polarity(cols[1]),
                    class,
                    form: VerbForm::Base,
                    strict: true,
                });
                let index = lx.nouns.len() as u16;
                let id = lx.intern(form);
                lx.words[id as usize].noun = index;
            }
        }
        for (section, w) in sections(include_str!(concat!(
            env!("OUT_DIR"),
            "/function_words.txt"
        ))) {
            let bits = match section {
                "determiner" => class::DET,
                "possessive" => class::POSS,
                "pronoun" => class::PRON,
                "relative" => class::REL,
                "object_pronoun" => class::OBJ_PRON,
                "preposition" => class::PREP,
                "np_preposition" => class::NP_PREP,
                "conjunction" => class::CONJ,
                "subordinator" => class::SUBORD,
                "auxiliary" => class::AUX,
                "be" => class::BE,
                "negation" => class::NEG,
                "between" => class::BETWEEN,
                "parenthetical" => class::PAREN,
                "not_a_speaker" => class::NOT_SPEAKER,
                "time" => class::TIME,
                _ => 0,
            };
            lx.add_class(w, bits);
        }
        for w in data_lines(include_str!(concat!(env!("OUT_DIR"), "/hedges.txt"))) {
            lx.add_entry(w.trim(), class::HEDGE, PhraseKind::Hedge);
        }
        for (section, w) in sections(include_str!(concat!(
            env!("OUT_DIR"),
            "/anonymous_sources.txt"
        ))) {
            match section {
                "markers" => lx.add_entry(w, class::ANON_MARKER, PhraseKind::AnonMarker),
                "heads" => lx.add_class(w, class::ANON_HEAD),
                _ => {}
            }
        }
        for (section, w) in sections(include_str!(concat!(env!("OUT_DIR"), "/source_nouns.txt"))) {
            let bits = match section {
                "person" => class::SRC_PERSON,
                "group" => class::SRC_GROUP,
                "organisation" => class::SRC_ORG,
                "document" => class::SRC_DOC,
                "speech_act" => class::SPEECH_ACT,
                _ => 0,
            };
            // multi-word person descriptions ("prime minister") are matched by their last word
            lx.add_class(w.rsplit(' ').next().unwrap_or(w), bits);
        }
        for (section, w) in sections(include_str!(concat!(env!("OUT_DIR"), "/checkworthy.txt"))) {
            let bit = match lx.feature_names.iter().position(|&n| n == section) {
                Some(b) => b,
                None => {
                    lx.feature_names.push(section);
                    lx.feature_names.len() - 1
                }
            };
            if bit < 32 {
                let bits = 1u64 << (class::FEATURE_SHIFT + bit as u32);
                lx.add_entry(w, bits, PhraseKind::Feature(bit as u8));
            }
        }
        // mark the words that start phrases and those that may start an attribution
        for p in &lx.phrases {
            let bits = match p.kind {
                PhraseKind::Verb(_) => class::VERB_PHRASE | class::TRIGGER,
                PhraseKind::Hedge => class::HEDGE_PHRASE,
                PhraseKind::AnonMarker => class::ANON_PHRASE,
                PhraseKind::Feature(_) => class::FEATURE_PHRASE,
            };
            lx.words[p.words[0] as usize].class |= bits;
        }
        for w in &mut lx.words {
            if w.verb > 0 || w.noun > 0 {
                w.class |= class::TRIGGER;
            }
        }
        for w in [
            "according",
            "citing",
            "reportedly",
            "allegedly",
            "purportedly",
            "supposedly",
        ] {
            lx.add_class(w, class::TRIGGER);
        }
        // both tables built from a Vec: one ShortTable::build in the wasm, not one per iterator
        // (a prefix shared by several longer words is in its table more than once: no harm)
        let (mut short, mut prefixes) = (Vec::new(), Vec::new());
        for (w, &id) in &lx.vocab {
            if (1..=8).contains(&w.len()) && w.is_ascii() {
                short.push((pack(w), id));
            } else if w.len() > 8 {
                prefixes.push((pack(w), 1));
            }
        }
        lx.short = ShortTable::build(short.into_iter());
        lx.long_prefixes = ShortTable::build(prefixes.into_iter());
        // index phrases by first word, longest first
        let order = super::context::sorted_order(
            lx.phrases
                .iter()
                .map(|p| (u64::from(p.words[0]) << 8) | (255 - p.words.len().min(255) as u64)),
        );
        lx.phrases = super::context::reorder(std::mem::take(&mut lx.phrases), &order);
        let mut i = 0;
        while i < lx.phrases.len() {
            let first = lx.phrases[i].words[0];
            let mut j = i;
            while j < lx.phrases.len() && lx.phrases[j].words[0] == first {
                j += 1;
            }
            lx.words[first as usize].phrases = (i as u32, j as u32);
            i = j;
        }
        lx
    }

    /// The id of `word` (case-insensitive; curly apostrophes read as straight), 0 when the word
    /// is in no list.
    #[inline]
    pub fn id(&self, word: &str) -> u32 {
        let bytes = word.as_bytes();
        if bytes.len() <= 8 && word.is_ascii() {
            return if bytes.is_empty() {
                0
            } else {
                self.short.get(pack(bytes))
            };
        }
        if bytes.len() > MAX_WORD {
            return 0;
        }
        let mut buf = [0u8; MAX_WORD];
        let n = if word.is_ascii() {
            for (b, &c) in buf.iter_mut().zip(bytes) {
                *b = c.to_ascii_lowercase();
            }
            bytes.len()
        } else {
            // curly apostrophes read as straight ones; any other non-ASCII letter is in no list
            let mut n = 0;
            for c in word.chars() {
                let c = match c {
                    '’' | 'ʼ' | '‘' => '\'',
                    c if c.is_ascii() => c.to_ascii_lowercase(),
                    _ => return 0,
                };
                buf[n] = c as u8;
                n += 1;
            }
            n
        };
        self.vocab.get(&buf[..n]).copied().unwrap_or(0)
    }

    /// The id of the word at `span` of `text` (as [`ClaimLexicon::id`]). A word's first eight
    /// bytes are read as one `u64` straight from the text and lower-cased at once: when they are
    /// ASCII, they are the whole key of a short word, and a longer word whose start begins no
    /// listed word is in no list.
    #[inline]
    pub fn id_in(&self, text: &str, start: usize, end: usize) -> u32 {
        let bytes = text.as_bytes();
        let len = end.saturating_sub(start);
        if len > 0 && start + 8 <= bytes.len() {
            if let Ok(chunk) = <[u8; 8]>::try_from(&bytes[start..start + 8]) {
                let keep = if len >= 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * len)) - 1
                };
                let x = u64::from_le_bytes(chunk) & keep;
                if x & 0x8080_8080_8080_8080 == 0 {
                    // ASCII: set 0x20 in every byte from 'A' to 'Z'
                    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
                    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
                    let upper = ge_a & !gt_z & 0x8080_8080_8080_8080 & keep;
                    let lower = x | (upper >> 2);
                    if len <= 8 {
                        return self.short.get(lower);
                    }
                    if self.long_prefixes.get(lower) == 0 {
                        return 0;
                    }
                }
            }
        }
        text.get(start..end).map_or(0, |w| self.id(w))
    }

    /// What the word with id `id` is.
    #[inline]
    pub fn info(&self, id: u32) -> &WordInfo {
        &self.words[id as usize]
    }

    /// The phrases that start with the word `id`, longest first.
    #[inline]
    pub fn phrases_from(&self, id: u32) -> &[Phrase] {
        let (a, b) = self.words[id as usize].phrases;
        &self.phrases[a as usize..b as usize]
    }

    /// The id of a word known to be in the lists (for tests and fixed words in code).
    pub fn known(&self, word: &str) -> u32 {
        self.id(word)
    }
}

/// The compiled claim lists (parsed on first use, then shared).
pub fn claim_lexicon() -> &'static ClaimLexicon {
    static LEXICON: OnceLock<ClaimLexicon> = OnceLock::new();
    LEXICON.get_or_init(ClaimLexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_words_have_classes() {
        let lx = claim_lexicon();
        let said = lx.info(lx.id("Said"));
        assert!(said.verb > 0);
        let cue = lx.verbs[said.verb as usize - 1];
        assert_eq!((cue.lemma, cue.form), ("say", VerbForm::Past));
        let denying = lx.verbs[lx.info(lx.id("denying")).verb as usize - 1];
        assert_eq!(
            (denying.polarity, denying.form),
            (Polarity::Deny, VerbForm::Ing)
        );
        assert!(lx.info(lx.id("the")).class & class::DET != 0);
        assert!(lx.info(lx.id("reportedly")).class & class::HEDGE != 0);
        assert!(lx.info(lx.id("didn’t")).class & class::NEG != 0);
        assert_eq!(lx.id("Zebrafish"), 0);
        // the claim finders keep a word id per token in a u16
        assert!(lx.words.len() <= usize::from(u16::MAX) + 1);
        // the word-at-a-time path agrees with the plain one
        let text = "Said THE said. reportedly Zebra didn’t REPORTEDLY reportedlyx couldn’t x";
        for t in crate::text::tokenize(text) {
            let w = t.span.slice(text);
            assert_eq!(lx.id_in(text, t.span.start, t.span.end), lx.id(w), "{w}");
        }
        // "pointed out" is a phrase under "pointed"
        let pointed = lx.phrases_from(lx.id("pointed"));
        assert!(pointed
            .iter()
            .any(|p| matches!(p.kind, PhraseKind::Verb(_)) && p.words.len() == 2));
        // "is said to" is a hedge phrase under "is", longest first
        let is = lx.phrases_from(lx.id("is"));
        assert!(is.windows(2).all(|w| w[0].words.len() >= w[1].words.len()));
        assert!(is.iter().any(|p| p.kind == PhraseKind::Hedge));
    }
}
