//! Names: runs of capitalised words, typed as person, organisation, place, nationality or event.
//!
//! **Runs.** A name is a run of name words inside one line of a sentence. A name word is a
//! capitalised word in running text, or, where a capital says little (sentence starts, headlines;
//! see [`super::casing`]), a word the lists or the document vouch for. Runs take in lower-case
//! connectors when a name word follows ("Bank *of* England", "Charles *de* Gaulle"), initials
//! ("P. Simmons"), hyphens ("Chester-le-Street", "al-Amr") and "&" ("AT&T"). A possessive ends a
//! run: "Fox News’s Sean Hannity" is "Fox News" and "Sean Hannity".
//!
//! **Cutting a run.** Titles at its start are cut off and kept as the person's role ("President",
//! "Prime Minister"; a lower-case occupation just before the name too: "columnist Dan Savage");
//! a nationality or country before a title or a person is a mention of its own ("Mexican
//! President Claudia Sheinbaum" → "Mexican", "Claudia Sheinbaum"); an organisation's name
//! followed by a person's is two names ("the Refugee Council Enver Solomon"); "and", "&", "for"
//! and "of" join two names only when the whole is known or is shaped like an organisation's name
//! ("Test and County Cricket Board", "Bank of England"), and split it otherwise ("Britain and
//! France", "Claudia Mo of the Civic Party", "President of Mexico"); a title inside the run cuts
//! it into a name the lists know, the role and the person ("Hong Kong Financial Secretary Donald
//! Tsang"). Runs are at most sixteen tokens.
//!
//! **Typing a name**, strongest evidence first:
//! 1. the user's lexicon;
//! 2. the lists: the whole name is a known country, place, organisation, nationality or event;
//! 3. cue words: an organisation's last word ("Agency", "Times", "Party") or head ("University
//!    of"), a place's ("Road", "River", "Mount"), an event's ("Cup", "War", "Hurricane");
//! 4. a person's shape: a title, a known given name first, initials, a known surname last;
//! 5. a known place or nationality inside the run splits it ("Chicago NAPM");
//! 6. an acronym is an organisation;
//! 7. the context of a single word: "in X", "X-based", "the village of X", "X, Australia" (a
//!    place), "X said" (a person), "the X" (an organisation); a name before a score in a line of
//!    results, or beating or playing another ("Leicestershire beat Somerset"), is a team;
//! 8. otherwise a guess from the shape, which the document can overrule (see
//!    [`super::find_mentions`]): a word that is part of a person's full name elsewhere ("Trump"
//!    after "Donald Trump") is that person.

use std::collections::HashMap;
use std::ops::Range;

use super::casing::{Casing, Position};
use super::Mention;
use crate::annotation::Label;
use crate::lexicon::{kind, packed, push_lower, Entry, FxMap, Lexicon};
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// The most tokens a name can have ("Organization for Security and Co-operation in Europe").
const MAX_RUN: usize = 16;

/// Lower-case words allowed inside a name when a name word follows.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "dos", "das", "do", "du", "des", "van", "von", "der",
    "den", "ter", "la", "le", "los", "las", "al", "el", "bin", "ibn", "bint", "y", "and", "for",
    "on", "upon", "au", "aux", "zu", "ur", "ul", "ud",
];
/// Connectors that join two names only when the whole is known or an organisation's name.
const WEAK_CONNECTORS: &[&str] = &["and", "&", "for", "on", "upon"];
/// Lower-case prefixes joined to a name by a hyphen: "al-Amr", "el-Sisi", "bin-Talal".
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "abu", "ben",
];
/// Capitalised words glued by a hyphen to the capitalised word after them that do not start a
/// name: "Pro-Beijing", "Anti-Trump", "Ex-President"; and US party tags ("D-Mass.", "R-Calif.").
const HYPHEN_PREFIXES: &[&str] = &[
    "Pro", "Anti", "Ex", "Non", "Post", "Pre", "Neo", "Pan", "Mid", "D", "R", "I",
];
/// Is `w` one of the [`CONNECTORS`]? (Their length is tested first: most words are longer.)
#[inline]
fn is_connector(w: &str) -> bool {
    w.len() <= 5 && CONNECTORS.contains(&w)
}

/// Is `w` one of the [`NAME_PARTICLES`]?
#[inline]
fn is_particle(w: &str) -> bool {
    w.len() <= 3 && NAME_PARTICLES.contains(&w)
}

/// Is `w` one of the [`HYPHEN_PREFIXES`]?
#[inline]
fn is_hyphen_prefix(w: &str) -> bool {
    w.len() <= 4 && HYPHEN_PREFIXES.contains(&w)
}

/// Nouns before "of" that make the single name after it a place ("the village of Krynky").
const PLACE_HEADS_OF: &[&str] = &[
    "village",
    "town",
    "city",
    "province",
    "region",
    "state",
    "district",
    "county",
    "island",
    "capital",
    "port",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "outskirts",
    "streets",
    "centre",
    "center",
    "mayor",
    "governor",
    "council",
    "residents",
    "people",
];
/// Lower-case landforms after "the" and a single name that make it a place ("the Tamsin estuary").
const LANDFORMS: &[&str] = &[
    "estuary",
    "river",
    "valley",
    "delta",
    "basin",
    "coast",
    "coastline",
    "peninsula",
    "bay",
    "lake",
    "mountains",
    "hills",
    "plain",
    "plains",
    "desert",
    "gorge",
    "canyon",
    "strait",
    "gulf",
    "sea",
    "highlands",
    "lowlands",
    "waterfront",
    "region",
    "province",
    "border",
    "mountain",
];
/// Lower-case nouns for companies and outlets that make the single name after them one.
const ORG_NOUNS: &[&str] = &[
    "firm",
    "company",
    "startup",
    "carmaker",
    "retailer",
    "airline",
    "insurer",
    "manufacturer",
    "broadcaster",
    "newspaper",
    "publisher",
    "conglomerate",
    "automaker",
    "chipmaker",
    "lender",
];
/// Words before a single name that make it a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "throughout",
    "inside",
    "into",
    "toward",
    "towards",
    "around",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "downtown",
];
/// Words after a name that make it a person's (or an organisation's) when it is the subject.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "explained",
    "argued",
    "claimed",
    "insisted",
    "stressed",
    "noted",
    "warned",
    "asked",
    "replied",
    "recalled",
    "admitted",
    "denied",
    "believes",
    "thinks",
    "thought",
    "announced",
    "tweeted",
];

/// Words after a name that make it a team: "Leicestershire beat Somerset", "Surrey captain".
const TEAM_AFTER: &[&str] = &[
    "beat",
    "beats",
    "drew",
    "defeated",
    "edged",
    "thrashed",
    "routed",
    "crushed",
    "hammered",
    "captain",
    "coach",
    "manager",
    "skipper",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "batsman",
    "bowler",
    "pitcher",
    "quarterback",
    "fans",
    "supporters",
    "v",
    "vs",
    "vs.",
];
/// Words before a name that make it a team: "beat Somerset", "v Durham".
const TEAM_BEFORE: &[&str] = &["beat", "v", "vs", "vs.", "versus", "drew"];

/// How a name was seen to be a sports team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Team {
    /// Before a score in a line of results (also stock and election tables: weak).
    Score,
    /// Beating, drawing with or playing another, or with a captain or coach.
    Play,
}

/// A user's own terms: label by exact word sequence.
#[derive(Clone, Debug, Default)]
pub struct UserLexicon {
    /// First word → (words, label), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, Label)>>,
}

impl UserLexicon {
    /// Adds a term (tokenised like the text) with its label. A term matches whatever its case in
    /// the text ("Acme Widget" finds "ACME WIDGET" in a headline), except that a word the user
    /// wrote with a capital needs one in the text too ("May" the person is not "may").
    pub fn add(&mut self, term: &str, label: Label) {
        let words: Vec<String> = crate::text::tokenize(term)
            .iter()
            .map(|t| t.text(term).to_string())
            .collect();
        if let Some(first) = words.first() {
            let mut key = String::new();
            push_lower(&mut key, first);
            let terms = self.by_first.entry(key).or_default();
            terms.push((words, label));
            terms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// True when no term was added.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The longest term starting at token `i` (ending before `end`): its length and label.
    fn match_at(
        &self,
        doc: &Doc,
        i: usize,
        end: usize,
        buf: &mut String,
    ) -> Option<(usize, Label)> {
        if self.by_first.is_empty() {
            return None;
        }
        buf.clear();
        push_lower(buf, doc.tok_text(i));
        let terms = self.by_first.get(buf.as_str())?;
        let same = |k: usize, w: &str| {
            let t = &doc.tokens[k];
            let text = doc.tok_text(k);
            text == w
                || text.to_lowercase() == w.to_lowercase()
                    && (t.upper_initial || !w.starts_with(char::is_uppercase))
        };
        terms
            .iter()
            .find(|(words, _)| {
                i + words.len() <= end && words.iter().enumerate().all(|(k, w)| same(i + k, w))
            })
            .map(|(words, label)| (words.len(), *label))
    }
}

/// How sure a recogniser is of a mention's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Only the shape of the name or a default: the document may relabel or drop it.
    Guess,
    /// Context around a single word ("in X", "X said").
    Context,
    /// Lists, cue words, titles, a person's shape.
    Strong,
}

/// A name found in one sentence, before the document-wide pass.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The mention.
    pub mention: Mention,
    /// How sure the label is.
    pub evidence: Evidence,
    /// False when the name should be kept only if the document confirms it.
    pub keep: bool,
    /// Named as a sports team here: [`Team::Score`] before a score in a line of results ("Essex
    /// 372"), [`Team::Play`] beating or playing another ("Leicestershire beat ...").
    pub team: Option<Team>,
}

/// Finds names, sentence by sentence; see the module docs.
pub struct Names<'a, 't> {
    doc: &'a Doc<'t>,
    lx: &'a Lexicon,
    casing: &'a Casing,
    user: &'a UserLexicon,
    buf: String,
    /// Token facts of the sentence at hand (reused from sentence to sentence).
    infos: Vec<Info>,
    /// A buffer for multi-word title lookups.
    title_buf: std::cell::RefCell<String>,
    /// [`Gazetteer::word`](crate::lexicon::Gazetteer::word) of the document's words, by their
    /// [`packed`] text: each word is looked up once.
    words: std::cell::RefCell<FxMap<u64, Entry>>,
}

/// What the lists say about one token of the sentence at hand.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    /// Kinds, for the way the token is written.
    kinds: u32,
    /// A name word here.
    name: bool,
    /// Length of the longest known phrase starting here (0: none).
    phrase: u8,
    /// The longest phrase of the lists starting with this word, in tokens (a title too).
    max_tokens: u8,
    /// The phrase's entry.
    entry: Entry,
}

impl<'a, 't> Names<'a, 't> {
    /// A recogniser for `doc`.
    pub fn new(
        doc: &'a Doc<'t>,
        lx: &'a Lexicon,
        casing: &'a Casing,
        user: &'a UserLexicon,
    ) -> Self {
        Names {
            doc,
            lx,
            casing,
            user,
            buf: String::new(),
            infos: Vec::new(),
            title_buf: std::cell::RefCell::new(String::new()),
            words: Default::default(),
        }
    }

    /// [`Gazetteer::word`](crate::lexicon::Gazetteer::word) of `lower` (remembered).
    fn word(&self, lower: &str) -> Entry {
        match packed(lower, false) {
            Some(k) => *self
                .words
                .borrow_mut()
                .entry(k)
                .or_insert_with(|| self.lx.gazetteer.word(lower)),
            None => self.lx.gazetteer.word(lower),
        }
    }

    /// The entry of token `i`, lower-cased.
    fn entry(&mut self, i: usize) -> Entry {
        let w = self.doc.tok_text(i);
        if let Some(k) = packed(w, true) {
            if let Some(&e) = self.words.borrow().get(&k) {
                return e;
            }
        }
        self.buf.clear();
        push_lower(&mut self.buf, w);
        self.word(&self.buf)
    }

    /// The kinds of token `i` as written: acronym kinds apply to a word in capitals outside a
    /// line of capitals, and to a title-case acronym that is no common word ("Nato", "Unesco").
    fn kinds_of(&self, i: usize, e: &Entry) -> u32 {
        let t = &self.doc.tokens[i];
        let upper = t.all_upper && (!self.casing.caps_line[i] || e.kinds & kind::COMMON == 0)
            || e.kinds & kind::COMMON == 0 && t.span.len() >= 4;
        e.kinds_as(upper)
    }

    /// Token facts for the sentence `range`.
    fn infos(&mut self, infos: &mut Vec<Info>, range: Range<usize>, taken: &[bool]) {
        infos.clear();
        infos.resize(range.len(), Info::default());
        for i in range.clone() {
            let t = self.doc.tokens[i];
            if taken[i] || t.kind != TokenKind::Word {
                continue;
            }
            let word = self.doc.tok_text(i);
            if !t.upper_initial
                && word != "the"
                && !(self.glued_hyphen_then_capital(i, range.end) && is_particle(word))
            {
                continue;
            }
            // "pro-Beijing", "anti-Trump": an adjective, not a name
            let prefixed = i >= range.start + 2
                && self.doc.tok_text(i - 1) == "-"
                && !t.space_before
                && !self.doc.tokens[i - 1].space_before
                && self.doc.tokens[i - 2].kind == TokenKind::Word
                && (!self.doc.tokens[i - 2].upper_initial
                    && !is_particle(self.doc.tok_text(i - 2))
                    || is_hyphen_prefix(self.doc.tok_text(i - 2)));
            // "I'm", "I'll", "Don't"
            let clitic = t.upper_initial
                && word.bytes().any(|b| b == b'\'' || b == 0xE2)
                && word.rsplit(['\'', '’']).next().is_some_and(|c| {
                    c.len() < word.len() && matches!(c, "m" | "re" | "ve" | "ll" | "d" | "t")
                });
            // "Pro-Beijing": the prefix itself
            // "D-Mass.", "R-Calif.": a US lawmaker's party and state
            let prefix = is_hyphen_prefix(word) && self.glued_hyphen_then_capital(i, range.end);
            if prefixed || clitic || prefix {
                continue;
            }
            let e = self.entry(i);
            let kinds = self.kinds_of(i, &e);
            let info = &mut infos[i - range.start];
            info.kinds = kinds;
            info.name = t.upper_initial && self.trusted(i, kinds);
            info.max_tokens = e.max_tokens;
            if e.max_tokens >= 1 {
                let (len, entry) = self.phrase_at(i, range.end, taken, e);
                if len > 0 {
                    info.phrase = len as u8;
                    info.entry = entry;
                }
            }
        }
        // Words inside a known phrase are name words ("New York" in a headline).
        for k in 0..infos.len() {
            let len = infos[k].phrase as usize;
            if len >= 2 && infos[k].entry.kinds_as(true) & kind::NAME != 0 {
                for info in &mut infos[k..k + len] {
                    info.name = true;
                }
            }
        }
    }

    fn glued_hyphen_then_capital(&self, i: usize, end: usize) -> bool {
        i + 2 < end
            && !self.doc.tokens[i + 1].space_before
            && !self.doc.tokens[i + 2].space_before
            && self.doc.tokens[i + 2].upper_initial
            && self.doc.tok_text(i + 1) == "-"
    }

    /// The longest known phrase (of name kinds) starting at token `i`: its length and entry.
    fn phrase_at(&mut self, i: usize, end: usize, taken: &[bool], first: Entry) -> (usize, Entry) {
        let mut best = (0, Entry::default());
        if first.kinds_as(true) & kind::NAME != 0 {
            best = (1, first);
        }
        if first.max_tokens < 2 {
            return best;
        }
        for k in 1..first.max_tokens as usize {
            let j = i + k;
            if j >= end {
                break;
            }
            let t = &self.doc.tokens[j];
            let w = self.doc.tok_text(j);
            // a known name goes on in capitals or with a connector ("Bank of England",
            // "al-Qaeda"), not into lower-case words ("Xinhua news agency")
            let lower_word = || {
                t.kind == TokenKind::Word
                    && !t.upper_initial
                    && !is_connector(w)
                    && !is_particle(w)
                    && !matches!(w, "the" | "'s" | "’s")
            };
            if taken[j] || t.newlines_before > 0 || t.space_before && lower_word() {
                break;
            }
            if k == 1 {
                // the first word, lower-cased only when the phrase may go on
                self.buf.clear();
                push_lower(&mut self.buf, self.doc.tok_text(i));
            }
            if t.space_before {
                self.buf.push(' ');
            }
            push_lower(&mut self.buf, w);
            if let Some(e) = self.lx.gazetteer.get(&self.buf) {
                if e.kinds & kind::NAME != 0 {
                    best = (k + 1, *e);
                }
            }
        }
        best
    }

    /// Is capitalised token `i` a name word where it stands?
    fn trusted(&self, i: usize, kinds: u32) -> bool {
        use kind::*;
        let t = &self.doc.tokens[i];
        let word = self.doc.tok_text(i);
        if word == "I" {
            return false;
        }
        if kinds & NOT_NAME != 0 {
            return false;
        }
        let common = kinds & COMMON != 0;
        let position = self.casing.position[i];
        if position == Position::Mid && !(t.all_upper && self.casing.caps_line[i]) {
            // A word in capitals inside running text is emphasis when it is a common word ("NOT").
            return !(t.all_upper && common && kinds & NAME == 0 && word.len() > 1);
        }
        let seen = self.casing.seen_lower(word);
        if seen.as_name() {
            return true;
        }
        if kinds & (COUNTRY | NORP) != 0 {
            return true;
        }
        if kinds & (PLACE | ORG | EVENT) != 0 && !common {
            return true;
        }
        if common || seen.lower > 0 || kinds & TITLE != 0 {
            return false;
        }
        // "Traders said", "Eyewitnesses told": an unknown plural opening a sentence is a noun
        if position == Position::Initial
            && kinds & NAME == 0
            && word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !seen.as_name()
        {
            return false;
        }
        // "Ironically, ...", "Nonetheless, ...": a sentence adverb, not a name
        if position == Position::Initial
            && self
                .doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.text(self.doc.text) == ",")
            && kinds & NAME == 0
        {
            return false;
        }
        // An unknown word: trust its capital at a sentence start, not in a headline.
        position == Position::Initial || kinds & (GIVEN | SURNAME) != 0
    }

    /// Finds the names of sentence `range`, skipping `taken` tokens, appending to `out`.
    pub fn sentence(&mut self, range: Range<usize>, taken: &[bool], out: &mut Vec<Candidate>) {
        let mut infos = std::mem::take(&mut self.infos);
        self.infos(&mut infos, range.clone(), taken);
        let info = |i: usize| infos[i - range.start];
        let mut i = range.start;
        while i < range.end {
            if taken[i] {
                i += 1;
                continue;
            }
            if let Some((len, label)) = self.user.match_at(self.doc, i, range.end, &mut self.buf) {
                if (i..i + len).all(|k| !taken[k]) {
                    out.push(self.candidate(i..i + len, label, None, Evidence::Strong));
                    i += len;
                    continue;
                }
            }
            if !self.can_start(i, range.end, &info) {
                i += 1;
                continue;
            }
            let end = self.run_end(i, range.end, taken, &info);
            self.run(i..end, range.clone(), &info, out);
            i = end.max(i + 1);
        }
        self.infos = infos;
    }

    /// Can a name (or a title before one) start at token `i`?
    fn can_start(&self, i: usize, end: usize, info: &impl Fn(usize) -> Info) -> bool {
        let t = &self.doc.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let inf = info(i);
        if inf.name || inf.phrase >= 2 {
            return true;
        }
        if !t.upper_initial {
            // "al-Amr"
            return self.glued_hyphen_then_capital(i, end) && is_particle(self.doc.tok_text(i));
        }
        // A title, or an ambiguous given name ("Bill", "Will"), before a name word; a title may
        // be abbreviated ("Gen. Mark Milley").
        let k = if inf.kinds & kind::TITLE != 0
            && i + 2 < end
            && self.doc.tok_text(i + 1) == "."
            && !self.doc.tokens[i + 1].space_before
        {
            i + 2
        } else {
            i + 1
        };
        let next_name = k < end && self.doc.tokens[k].newlines_before == 0 && info(k).name;
        if inf.kinds & kind::TITLE != 0 {
            return next_name;
        }
        let next_name = next_name && info(k).kinds & kind::COMMON == 0;
        next_name && inf.kinds & (kind::TITLE | kind::GIVEN) != 0
    }

    /// The end of the run starting at `i`.
    fn run_end(
        &self,
        i: usize,
        end: usize,
        taken: &[bool],
        info: &impl Fn(usize) -> Info,
    ) -> usize {
        let doc = self.doc;
        // names are short: a longer run of capitals is cut (and work stays linear)
        let end = end.min(i + MAX_RUN);
        let ok = |j: usize| j < end && !taken[j] && doc.tokens[j].newlines_before == 0;
        let name_at = |j: usize| {
            ok(j)
                && doc.tokens[j].kind == TokenKind::Word
                && (info(j).name
                    || info(j).phrase >= 2
                    || doc.tokens[j].upper_initial && info(j).kinds & kind::TITLE != 0)
        };
        let mut j = i + 1;
        // a known phrase is taken whole ("Bosnia and Herzegovina", "Isle of Man")
        let p = info(i).phrase as usize;
        if p >= 2 && (i..i + p).all(ok) {
            j = i + p;
        }
        loop {
            if !ok(j) {
                break;
            }
            let t = &doc.tokens[j];
            let w = doc.tok_text(j);
            if name_at(j) {
                let p = info(j).phrase as usize;
                j += if p >= 2 && (j..j + p).all(ok) { p } else { 1 };
                continue;
            }
            // "P. Simmons", "Jonathan M. Stan", "Gen. Mark Milley"
            if w == "." && !t.space_before {
                let prev = doc.tok_text(j - 1);
                let abbreviation = prev.chars().count() == 1 && doc.tokens[j - 1].upper_initial
                    || info(j - 1).kinds & kind::TITLE != 0;
                if abbreviation && name_at(j + 1) {
                    j += 1;
                    continue;
                }
                break;
            }
            // "Daniel arap Moi", "Kengo wa Dondo": a short lower-case particle between names
            if t.kind == TokenKind::Word
                && !t.upper_initial
                && w.len() <= 4
                && !is_connector(w)
                && doc.tokens[j - 1].upper_initial
                && info(j - 1).kinds & kind::GIVEN != 0
                && name_at(j + 1)
                && !self.is_common(w)
            {
                j += 1;
                continue;
            }
            // "Suleiman al-Amr", "Abdel Fattah el-Sisi"
            if t.kind == TokenKind::Word
                && !t.upper_initial
                && is_particle(w)
                && self.glued_hyphen_then_capital(j, end)
                && ok(j + 2)
            {
                j += 3;
                continue;
            }
            if t.kind == TokenKind::Word && !t.upper_initial && is_connector(w) {
                if name_at(j + 1) {
                    j += 1;
                    continue;
                }
                // "Joost van der Westhuizen", "Bartolomé de las Casas"
                let next = if ok(j + 1) { doc.tok_text(j + 1) } else { "" };
                if ok(j + 1)
                    && !matches!(w, "of" | "and" | "for" | "on" | "upon")
                    && is_connector(next)
                    && !matches!(next, "of" | "and" | "for" | "on" | "upon")
                    && name_at(j + 2)
                {
                    j += 2;
                    continue;
                }
                // "Bank of the West", "Democratic Republic of the Congo"
                if w == "of" && ok(j + 1) && doc.tok_text(j + 1) == "the" && name_at(j + 2) {
                    j += 2;
                    continue;
                }
                break;
            }
            if w == "&" && name_at(j + 1) {
                j += 1;
                continue;
            }
            if w == "-" && !t.space_before && ok(j + 1) && !doc.tokens[j + 1].space_before {
                let next = &doc.tokens[j + 1];
                let nw = doc.tok_text(j + 1);
                // "Chester-le-Street", "Cheng Chung-tai", "Leung Kwok-hung"; not "US-led"
                let left_known = info(j - 1).kinds
                    & (kind::COUNTRY | kind::PLACE | kind::NORP | kind::ORG | kind::SURNAME)
                    != 0;
                let lower_part = next.kind == TokenKind::Word
                    && !next.upper_initial
                    && (is_connector(nw) && name_at(j + 3) && doc.tok_text(j + 2) == "-"
                        || doc.tokens[j - 1].upper_initial
                            && nw.len() <= 6
                            && (!self.is_common(nw) || nw.len() <= 4 && !left_known));
                if name_at(j + 1) || lower_part {
                    j += 2;
                    continue;
                }
                break;
            }
            break;
        }
        j
    }

    fn is_common(&self, lower: &str) -> bool {
        self.word(lower).kinds & kind::COMMON != 0
    }

    /// Cuts the run `r` (titles, nationalities, weak connectors) and types what is left.
    fn run(
        &mut self,
        r: Range<usize>,
        sentence: Range<usize>,
        info: &impl Fn(usize) -> Info,
        out: &mut Vec<Candidate>,
    ) {
        let mut s = r.start;
        let e = r.end;
        let whole_known = info(s).phrase as usize == e - s;
        // Leading words that are not names: "The", or a common word where capitals say little.
        while s < e && !whole_known {
            let inf = info(s);
            let w = self.doc.tok_text(s);
            let function = !self.doc.tokens[s].upper_initial && inf.phrase == 0
                || w == "The" && inf.phrase as usize != e - s
                || !inf.name && inf.kinds & (kind::TITLE | kind::GIVEN) == 0 && inf.phrase < 2;
            if !function {
                break;
            }
            s += 1;
        }
        if s >= e {
            return;
        }
        self.cut(s..e, sentence, info, None, out);
    }

    /// Titles and nationalities before a name; then weak connectors; then [`Names::type_name`].
    fn cut(
        &mut self,
        r: Range<usize>,
        sentence: Range<usize>,
        info: &impl Fn(usize) -> Info,
        mut role: Option<Span>,
        out: &mut Vec<Candidate>,
    ) {
        let (s, e) = (r.start, r.end);
        let whole = info(s).phrase as usize == e - s;
        let org_shaped = self.ends_with_cue(e, kind::ORG_LAST | kind::EVENT_LAST, info);
        // A title at the start: cut off, kept as the role. Not in a known or organisation's name
        // ("General Motors").
        if !whole && !org_shaped {
            if let Some(len) = self
                .title_at(s, e, info)
                .filter(|&len| (info(s).phrase as usize) <= len)
            {
                if s + len < e {
                    let mut t_end = s + len;
                    role = Some(Span::new(
                        self.doc.tokens[s].span.start,
                        self.doc.tokens[t_end - 1].span.end,
                    ));
                    // "Gen. Smith": the period goes with the title
                    while t_end < e && matches!(self.doc.tok_text(t_end), "." | "of" | "the") {
                        t_end += 1;
                    }
                    if t_end < e {
                        return self.cut(t_end..e, sentence, info, role, out);
                    }
                    return;
                }
                if s + len == e {
                    return; // a title alone is no name
                }
            }
        }
        // A country or nationality before a title, a person, or an acronym: a mention of its own.
        let lead = info(s).phrase as usize;
        if !whole
            && lead >= 1
            && s + lead < e
            && info(s).entry.kinds & (kind::COUNTRY | kind::NORP | kind::PLACE) != 0
            && info(s).entry.kinds & kind::ORG == 0
        {
            let rest = s + lead;
            let rest_is_acronym = e - rest == 1 && self.is_acronym(rest);
            if self.title_at(rest, e, info).is_some()
                || self.person_shaped(rest, e, info)
                || rest_is_acronym
            {
                let label = label_of(info(s).entry.kinds).unwrap_or(Label::Place);
                out.push(self.candidate(s..rest, label, None, Evidence::Strong));
                let mut rest = rest;
                while rest < e && matches!(self.doc.tok_text(rest), "'s" | "’s") {
                    rest += 1;
                }
                if rest < e {
                    self.cut(rest..e, sentence, info, None, out);
                }
                return;
            }
        }
        // An organisation's name followed by a person's: "the Refugee Council Enver Solomon".
        if !whole {
            for k in s + 1..e.saturating_sub(2) {
                if info(k).kinds & kind::ORG_LAST != 0
                    && self.doc.tokens[k].upper_initial
                    && self.person_shaped(k + 1, e, info)
                {
                    self.cut(s..k + 1, sentence.clone(), info, role, out);
                    return self.cut(k + 1..e, sentence, info, None, out);
                }
            }
        }
        // "and", "&", "for" and "of" join only known names and organisations' names: "Test and
        // County Cricket Board", "Bank of England"; not "Britain and France", "Claudia Mo of the
        // Civic Party", "President of Mexico".
        if !whole {
            for k in s + 1..e - 1 {
                let w = self.doc.tok_text(k);
                if self.doc.tokens[k].upper_initial {
                    continue;
                }
                let split = if WEAK_CONNECTORS.contains(&w) {
                    !org_shaped || self.complete_name(s, k, info)
                } else {
                    w == "of" && !self.of_joins(s, k, e, info)
                };
                if split {
                    self.cut(s..k, sentence.clone(), info, role, out);
                    let mut r2 = k + 1;
                    while r2 < e && matches!(self.doc.tok_text(r2), "the" | "The") {
                        r2 += 1;
                    }
                    if r2 < e {
                        self.cut(r2..e, sentence, info, None, out);
                    }
                    return;
                }
            }
        }
        // A title inside the run, before a person: "Security Council President Tono Eitel",
        // "Hong Kong Financial Secretary Donald Tsang", "Education Minister Nagoum Yamassoum".
        // What comes before the title is a name of its own when the lists know it (a place, an
        // organisation), else part of the role.
        if !whole && !org_shaped && role.is_none() {
            for k in s + 1..e.saturating_sub(1) {
                let Some(len) = self.title_at(k, e, info) else {
                    continue;
                };
                let rest = k + len;
                let rest = if self.doc.tok_text(rest) == "." {
                    rest + 1
                } else {
                    rest
                };
                // after a title, two or three plain capitalised words are a person too
                let plain = rest < e
                    && e - rest <= 3
                    && (rest..e).all(|t| {
                        self.doc.tokens[t].upper_initial
                            && info(t).kinds
                                & (kind::COMMON
                                    | kind::TITLE
                                    | kind::ORG_LAST
                                    | kind::PLACE_LAST
                                    | kind::EVENT_LAST
                                    | kind::COUNTRY
                                    | kind::ORG)
                                == 0
                    });
                if rest >= e || !(plain || self.person_shaped(rest, e, info)) {
                    continue;
                }
                // the known name at the start of what precedes the title
                let known = info(s).phrase as usize;
                let known_label = if known == 1 {
                    label_of(info(s).kinds)
                } else {
                    label_of(info(s).entry.kinds)
                };
                let mut role_start = s;
                if known >= 1 && s + known <= k && known_label.is_some() {
                    self.cut(s..s + known, sentence.clone(), info, None, out);
                    role_start = s + known;
                } else if self.ends_with_cue(k, kind::ORG_LAST, info) {
                    self.cut(s..k, sentence.clone(), info, None, out);
                    role_start = k;
                }
                let role = Span::new(
                    self.doc.tokens[role_start].span.start,
                    self.doc.tokens[k + len - 1].span.end,
                );
                return self.cut(rest..e, sentence, info, Some(role), out);
            }
        }
        // Trailing hyphens and connectors never end a name.
        let mut e2 = e;
        while e2 > s + 1
            && (matches!(self.doc.tok_text(e2 - 1), "-" | "&" | ".")
                || is_connector(self.doc.tok_text(e2 - 1)))
        {
            e2 -= 1;
        }
        self.type_name(s..e2, sentence, info, role, out);
    }

    /// Is `s..k` a complete name by itself: known, ending in a cue word, or a person's?
    fn complete_name(&mut self, s: usize, k: usize, info: &impl Fn(usize) -> Info) -> bool {
        let known = if k - s == 1 {
            info(s).kinds
        } else {
            info(s).entry.kinds
        };
        info(s).phrase as usize == k - s && label_of(known).is_some()
            || self.ends_with_cue(
                k,
                kind::ORG_LAST | kind::EVENT_LAST | kind::PLACE_LAST,
                info,
            )
            || self.person_shaped(s, k, info)
            || k - s == 1 && self.is_acronym(s)
    }

    /// Does "of" at token `k` join the name `s..e` ("Bank of England", "Gulf of Mexico")?
    fn of_joins(&mut self, s: usize, k: usize, e: usize, info: &impl Fn(usize) -> Info) -> bool {
        use kind::*;
        if info(s).phrase as usize >= e - s {
            return true;
        }
        // "Dow Chemical Co of the United States": a company's seat, not its name
        if matches!(
            self.doc.tok_text(k - 1),
            "Co" | "Corp" | "Inc" | "Ltd" | "LLC" | "plc" | "PLC" | "SA" | "AG" | "NV" | "Group"
        ) {
            return false;
        }
        let before = info(k - 1).kinds;
        let first = info(s).kinds;
        before & (ORG_HEAD | ORG_LAST | PLACE_LAST | EVENT_LAST) != 0
            || first & (PLACE_FIRST | EVENT_FIRST | ORG_HEAD) != 0
            || matches!(
                self.doc.tok_text(k - 1),
                "Republic"
                    | "Kingdom"
                    | "State"
                    | "States"
                    | "City"
                    | "Province"
                    | "Duke"
                    | "Duchess"
                    | "Earl"
                    | "Prince"
                    | "Princess"
                    | "Isle"
                    | "Islands"
                    | "Bay"
                    | "Gulf"
                    | "Sea"
                    | "Cape"
                    | "Strait"
                    | "Battle"
                    | "Siege"
                    | "Treaty"
                    | "Church"
                    | "Archbishop"
                    | "Bishop"
                    | "Council"
                    | "Court"
                    | "House"
                    | "Mayor"
            ) && !self
                .title_at(s, k, info)
                .is_some_and(|l| s + l == k && self.doc.tok_text(k - 1) == "Mayor")
    }

    fn ends_with_cue(&self, e: usize, cue: u32, info: &impl Fn(usize) -> Info) -> bool {
        let t = &self.doc.tokens[e - 1];
        t.kind == TokenKind::Word && t.upper_initial && info(e - 1).kinds & cue != 0
    }

    /// The length of a title (up to four tokens, longest first) starting at token `i`.
    fn title_at(&self, i: usize, end: usize, info: &impl Fn(usize) -> Info) -> Option<usize> {
        let first = info(i);
        if !self.doc.tokens[i].upper_initial
            || first.kinds & kind::TITLE == 0 && first.max_tokens < 2
        {
            return None;
        }
        let mut best = (first.kinds & kind::TITLE != 0).then_some(1);
        if first.max_tokens < 2 {
            return best;
        }
        let mut buf = self.title_buf.borrow_mut();
        buf.clear();
        push_lower(&mut buf, self.doc.tok_text(i));
        for k in 1..4.min(end - i) {
            let t = &self.doc.tokens[i + k];
            if t.space_before {
                buf.push(' ');
            }
            push_lower(&mut buf, self.doc.tok_text(i + k));
            if let Some(e) = self.lx.gazetteer.get(&buf) {
                if e.kinds & kind::TITLE != 0 {
                    best = Some(k + 1);
                }
            }
        }
        best
    }

    fn is_acronym(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        let letters = self
            .doc
            .tok_text(i)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        t.kind == TokenKind::Word
            && t.all_upper
            && (2..=6).contains(&letters)
            && !self.casing.caps_line[i]
    }

    /// Tokens `s..e` look like a person's name: a known given name first (one that is also a
    /// place, like "Cleveland" or "Paris", only before a surname or an unknown word), or initials,
    /// or a known surname last after a word that is neither common nor a known name of a place.
    fn person_shaped(&self, s: usize, e: usize, info: &impl Fn(usize) -> Info) -> bool {
        use kind::*;
        // at most five words: kept on the stack (this runs for every candidate name)
        let mut word_buf = [0usize; 5];
        let mut n = 0;
        for k in (s..e).filter(|&k| self.doc.tokens[k].kind == TokenKind::Word) {
            if n == word_buf.len() {
                return false;
            }
            word_buf[n] = k;
            n += 1;
        }
        let words = &word_buf[..n];
        if words.len() < 2 || !self.doc.tokens[words[0]].upper_initial {
            return false;
        }
        let mut kind_buf = [0u32; 5];
        for (slot, &k) in kind_buf.iter_mut().zip(words) {
            *slot = info(k).kinds;
        }
        let kinds = &kind_buf[..n];
        let (fk, lk) = (kinds[0], kinds[kinds.len() - 1]);
        let last_i = words[words.len() - 1];
        if lk & (ORG_LAST | EVENT_LAST) != 0 && lk & SURNAME == 0 {
            return false;
        }
        let last_plain = lk & (COMMON | NORP | PLACE | COUNTRY | ORG) == 0;
        // a hyphenated given name after a family name: "Wu Chi-wai", "Lee Cheuk-yan"
        let syllables = e - s >= 4
            && self.doc.tokens[e - 1].kind == TokenKind::Word
            && !self.doc.tokens[e - 1].upper_initial
            && self.doc.tok_text(e - 2) == "-"
            && self.doc.tokens[e - 3].upper_initial
            && self.doc.tok_text(e - 1).len() <= 6
            && words.len() == 3;
        if syllables && fk & (COUNTRY | ORG | NORP) == 0 {
            return true;
        }
        if fk & GIVEN != 0 && fk & (COUNTRY | ORG | NORP) == 0 {
            return fk & PLACE == 0 || lk & SURNAME != 0 || last_plain;
        }
        let initials = words[..words.len() - 1].iter().any(|&k| {
            let w = self.doc.tok_text(k);
            self.doc.tokens[k].upper_initial
                && (w.chars().count() == 1
                    || w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 3)
        });
        if initials && self.doc.tok_text(last_i).chars().count() > 1 {
            return true;
        }
        let middle_plain = kinds[1..kinds.len() - 1]
            .iter()
            .all(|k| k & (COMMON | NORP | PLACE | COUNTRY | ORG) == 0);
        lk & SURNAME != 0
            && lk & COMMON == 0
            && fk & (COMMON | COUNTRY | ORG | NORP | PLACE) == 0
            && middle_plain
            && words.len() <= 3
    }

    /// Types the name `r` (already cut) and pushes it.
    fn type_name(
        &mut self,
        r: Range<usize>,
        sentence: Range<usize>,
        info: &impl Fn(usize) -> Info,
        role: Option<Span>,
        out: &mut Vec<Candidate>,
    ) {
        use kind::*;
        let (s, e) = (r.start, r.end);
        if s >= e || self.doc.tokens[s].kind != TokenKind::Word {
            return;
        }
        let n = e - s;
        // 2a. a sports team: a name before a score, or beating or playing another
        if let Some(team) = self.team_context(s, e) {
            let k = if info(s).phrase as usize == n {
                if n == 1 {
                    info(s).kinds
                } else {
                    info(s).entry.kinds
                }
            } else {
                0
            };
            if k & (COUNTRY | NORP) == 0 && !self.person_shaped(s, e, info) && role.is_none() {
                let mut c = self.candidate(r, Label::Org, None, Evidence::Context);
                c.team = Some(team);
                out.push(c);
                return;
            }
        }
        // 2. known as a whole
        if info(s).phrase as usize == n {
            let en = info(s).entry;
            let k = if n == 1 { info(s).kinds } else { en.kinds };
            if let Some(label) = label_of(k) {
                // a place that is also a person's name ("Washington", "Jackson") is a guess
                let person_too = n == 1
                    && k & (GIVEN | SURNAME) != 0
                    && label == Label::Place
                    && k & COUNTRY == 0;
                if person_too && (role.is_some() || self.speech_follows(e)) {
                    out.push(self.candidate(r, Label::Person, role, Evidence::Context));
                } else {
                    let ev = if person_too {
                        Evidence::Context
                    } else {
                        Evidence::Strong
                    };
                    out.push(self.candidate(r, label, role, ev));
                }
                return;
            }
        }
        if role.is_some() {
            out.push(self.candidate(r, Label::Person, role, Evidence::Strong));
            return;
        }
        let first = info(s).kinds;
        let last = info(e - 1).kinds;
        let person = n >= 2 && self.person_shaped(s, e, info);
        // 3. cue words
        if n >= 2 {
            let cue = if last & ORG_LAST != 0 && !(person && last & SURNAME != 0) {
                Some(Label::Org)
            } else if last & EVENT_LAST != 0 && !person || first & EVENT_FIRST != 0 {
                Some(Label::Event)
            } else if last & PLACE_LAST != 0 && !(person && last & SURNAME != 0)
                || first & PLACE_FIRST != 0 && !person
            {
                Some(Label::Place)
            } else if first & ORG_HEAD != 0 && self.doc.tok_text(s + 1) == "of" {
                Some(Label::Org)
            } else {
                None
            };
            if let Some(label) = cue {
                out.push(self.candidate(r, label, None, Evidence::Strong));
                return;
            }
        }
        // 4. a person's shape
        if person {
            out.push(self.candidate(r, Label::Person, None, Evidence::Strong));
            return;
        }
        // 5. a known name inside the run splits it
        if n >= 2 {
            let mut k = s;
            let mut pieces: Vec<(Range<usize>, Option<Label>)> = Vec::new();
            while k < e {
                let p = (info(k).phrase as usize).min(e - k);
                let label = if p >= 1 {
                    label_of(if p == 1 {
                        info(k).kinds
                    } else {
                        info(k).entry.kinds
                    })
                } else {
                    None
                };
                if let (true, Some(l)) = (p >= 1, label) {
                    pieces.push((k..k + p, Some(l)));
                    k += p;
                } else {
                    match pieces.last_mut() {
                        Some((pr, None)) if pr.end == k => pr.end = k + 1,
                        _ => pieces.push((k..k + 1, None)),
                    }
                    k += 1;
                }
            }
            let known = pieces.iter().filter(|(_, l)| l.is_some()).count();
            // a nationality after a place names a team or a firm ("Cleveland Indians")
            let team = pieces[0].1 == Some(Label::Place)
                && pieces.iter().skip(1).any(|(_, l)| *l == Some(Label::Norp));
            // a nationality before an event names the event ("British Masters")
            if pieces.len() == 2
                && pieces[0].1 == Some(Label::Norp)
                && pieces[1].1 == Some(Label::Event)
            {
                out.push(self.candidate(r, Label::Event, None, Evidence::Strong));
                return;
            }
            let unknown_ok = pieces.iter().all(|(pr, l)| {
                l.is_some()
                    || pr.len() == 1 && self.is_acronym(pr.start)
                    || pr.len() >= 2 && self.person_shaped(pr.start, pr.end, info)
            });
            // a nationality before something unknown: "Jewish Sabbath", "Kurdish Peshmerga"
            let nationality_first = pieces.len() == 2
                && pieces[0].1 == Some(Label::Norp)
                && pieces[1].1.is_none()
                && pieces[0].0.len() == 1;
            if known >= 1 && pieces.len() >= 2 && (unknown_ok || nationality_first) && !team {
                for (pr, l) in pieces {
                    match l {
                        Some(l) => out.push(self.candidate(pr, l, None, Evidence::Strong)),
                        None => self.type_name(pr, sentence.clone(), info, None, out),
                    }
                }
                return;
            }
        }
        // 6. an acronym
        if n == 1 && self.is_acronym(s) {
            out.push(self.candidate(r, Label::Org, None, Evidence::Strong));
            return;
        }
        // 7. a single word in context
        if n == 1 {
            if let Some(label) = self.single_context(s, e, sentence.start) {
                out.push(self.candidate(r, label, None, Evidence::Context));
                return;
            }
            let label = if first & (SURNAME | GIVEN) != 0 {
                Label::Person
            } else {
                Label::Org
            };
            let mut c = self.candidate(r, label, None, Evidence::Guess);
            c.keep = first & (SURNAME | GIVEN) != 0 && self.casing.position[s] == Position::Mid;
            out.push(c);
            return;
        }
        // 8. a guess from the shape
        let any_common = (s..e)
            .any(|k| info(k).kinds & COMMON != 0 && self.doc.tokens[k].kind == TokenKind::Word);
        let label = if n <= 3 && !any_common {
            Label::Person
        } else {
            Label::Org
        };
        out.push(self.candidate(r, label, None, Evidence::Guess));
    }

    /// Is the name `s..e` named as a team: before a score in a line of results, before "beat"
    /// or "captain", after "beat" or "v"?
    fn team_context(&self, s: usize, e: usize) -> Option<Team> {
        let doc = self.doc;
        let next = doc.tokens.get(e).filter(|t| t.newlines_before == 0);
        if next.is_some_and(|t| TEAM_AFTER.contains(&t.text(doc.text)))
            || s > 0
                && doc.tokens[s].newlines_before == 0
                && TEAM_BEFORE.contains(&doc.tok_text(s - 1))
        {
            return Some(Team::Play);
        }
        // a number after the name, but not a year: "MOSCOW 1996-08-30" is a dateline
        let score = next.is_some_and(|t| {
            let n = t.text(doc.text);
            t.kind == TokenKind::Number
                && !(n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
        });
        (self.casing.score_line[s] && score).then_some(Team::Score)
    }

    fn speech_follows(&self, e: usize) -> bool {
        let mut j = e;
        while j < self.doc.tokens.len()
            && matches!(
                self.doc.tok_text(j),
                "also" | "has" | "had" | "have" | "later" | "then" | "previously" | "reportedly"
            )
        {
            j += 1;
        }
        j < self.doc.tokens.len() && SPEECH_VERBS.contains(&self.doc.tok_text(j))
    }

    /// The label a single unknown word gets from the words around it.
    fn single_context(&mut self, s: usize, e: usize, sentence_start: usize) -> Option<Label> {
        let doc = self.doc;
        let next = |k: usize| (e + k < doc.tokens.len()).then(|| doc.tok_text(e + k));
        // "X-based", "X-born"
        if next(0) == Some("-")
            && matches!(next(1), Some("based" | "born" | "bound"))
            && !doc.tokens[e].space_before
        {
            return Some(Label::Place);
        }
        // "Sydney, Australia", "Dallas, Texas" (not "Moi, Kenya's ruler")
        if next(0) == Some(",")
            && e + 1 < doc.tokens.len()
            && doc.tokens[e + 1].upper_initial
            && !matches!(next(2), Some("'s" | "’s"))
        {
            let en = self.entry(e + 1);
            if en.kinds & kind::COUNTRY != 0
                || en.kinds & kind::PLACE != 0 && en.kinds & kind::COMMON == 0
            {
                return Some(Label::Place);
            }
        }
        // the word before the name in its sentence ("" at the sentence's start)
        let prev = if s > sentence_start {
            doc.tok_text(s - 1)
        } else {
            ""
        };
        if PLACE_PREPOSITIONS.contains(&prev) {
            return Some(Label::Place);
        }
        // "the village of Krynky", "the mayor of Kherson"
        if prev == "of" && s >= sentence_start + 2 && PLACE_HEADS_OF.contains(&doc.tok_text(s - 2))
        {
            return Some(Label::Place);
        }
        // "the mayor of X said" is still a place; otherwise "X said" is a person
        if self.speech_follows(e) {
            return Some(Label::Person);
        }
        // "the Tamsin estuary", "the Helmand valley": a lower-case landform after the name
        if prev == "the" && next(0).is_some_and(|w| LANDFORMS.contains(&w)) {
            return Some(Label::Place);
        }
        // "engineering firm Havbygg", "the airline Qantas": a company's noun before the name
        if ORG_NOUNS.contains(&prev)
            && doc.tokens[s].newlines_before == 0
            && doc.tok_text(s).len() > 1
        {
            return Some(Label::Org);
        }
        // "the Onion", "the KDP": people do not take an article
        if prev == "the" && self.entry(s).kinds & (kind::GIVEN | kind::SURNAME) == 0 {
            return Some(Label::Org);
        }
        None
    }

    /// A candidate over tokens `r`.
    fn candidate(
        &self,
        r: Range<usize>,
        label: Label,
        role: Option<Span>,
        evidence: Evidence,
    ) -> Candidate {
        // A military unit named by a capitalised branch and "forces": "US Special Operations
        // forces" (but "Russian forces" is a nationality and a common noun).
        let mut r = r;
        let last = r.end - 1;
        if label == Label::Org
            && r.len() >= 2
            && self.doc.tok_text(last).ends_with('s')
            && self.doc.tokens[last].upper_initial
            && self.doc.tokens.get(r.end).is_some_and(|t| {
                t.newlines_before == 0 && matches!(t.text(self.doc.text), "forces" | "units")
            })
            && self
                .lx
                .gazetteer
                .word(&self.doc.tok_text(last).to_ascii_lowercase())
                .kinds
                & kind::COMMON
                != 0
        {
            r.end += 1;
        }
        let span = Span::new(
            self.doc.tokens[r.start].span.start,
            self.doc.tokens[r.end - 1].span.end,
        );
        let role = role
            .map(|s| s.slice(self.doc.text).to_string())
            .or_else(|| {
                // a lower-case title right before a person ("columnist Dan Savage")
                (label == Label::Person && r.start > 0)
                    .then(|| r.start - 1)
                    .filter(|&p| {
                        self.doc.tokens[p].kind == TokenKind::Word
                            && !self.doc.tokens[p].upper_initial
                    })
                    .and_then(|p| {
                        let w = self.doc.tok_text(p);
                        self.lx
                            .gazetteer
                            .get(w)
                            .filter(|e| e.kinds & kind::TITLE != 0)
                            .map(|_| w.to_string())
                    })
            });
        Candidate {
            mention: Mention {
                span,
                tokens: r,
                label,
                role,
                value: None,
            },
            evidence,
            keep: evidence > Evidence::Guess || label == Label::Person || label == Label::Org,
            team: None,
        }
    }
}

/// The label of a known name's kinds, most specific first.
pub fn label_of(kinds: u32) -> Option<Label> {
    use kind::*;
    if kinds & ORG != 0 {
        Some(Label::Org)
    } else if kinds & (COUNTRY | PLACE) != 0 {
        Some(Label::Place)
    } else if kinds & NORP != 0 {
        Some(Label::Norp)
    } else if kinds & EVENT != 0 {
        Some(Label::Event)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_tests_know_the_longest_words() {
        assert!(CONNECTORS.iter().all(|w| w.len() <= 5));
        assert!(NAME_PARTICLES.iter().all(|w| w.len() <= 3));
        assert!(HYPHEN_PREFIXES.iter().all(|w| w.len() <= 4));
    }
}
