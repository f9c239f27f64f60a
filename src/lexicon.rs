//! Word lists from `data/`, compiled into the binary and indexed once.
//!
//! Each list is a readable text file in `data/` (its header names its source and licence),
//! embedded with `include_str!` at build time and parsed into hash sets and maps the first time
//! [`lexicon`] is called. Lines starting with `#` are comments.

use std::collections::{HashMap, HashSet};
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
}

/// The lines of a data file that are not blank or comments.
fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lx = Lexicon::default();
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
        lx.titles
            .extend(data_lines(include_str!("../data/titles.txt")).map(str::trim));
        lx.org_cues
            .extend(data_lines(include_str!("../data/org_cues.txt")).map(str::trim));
        for line in data_lines(include_str!("../data/countries.tsv")) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().map(str::trim) else {
                continue;
            };
            lx.countries.insert(name, name);
            for d in cols
                .next()
                .unwrap_or("")
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                lx.demonyms.insert(d, name);
            }
            for a in cols
                .next()
                .unwrap_or("")
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                lx.countries.insert(a, name);
            }
        }
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
}
