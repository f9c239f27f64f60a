//! Clusters: which mentions name the same real-world entity.
//!
//! Mentions are taken in text order; each joins the cluster of an earlier mention with the same
//! label when
//! * both have the same key: the text lower-cased, without a leading "the", and for a name the
//!   lists know, its canonical name ("US", "U.S.", "America" → "United States"; "CIA" → "Central
//!   Intelligence Agency"; "LEICESTERSHIRE" → "leicestershire");
//! * it is a person named by one word that is the surname (or, failing that, the given name) of a
//!   person already seen ("Trump" after "Donald Trump", "Sheinbaum" after "Claudia Sheinbaum"),
//!   or a full name whose surname was seen alone first ("Trump", then "Donald Trump");
//! * it is an acronym of an organisation already seen, or the organisation whose acronym was seen
//!   ("National Association of Purchasing Management" and "NAPM").
//!
//! The canonical name of a cluster is the lists' name for it when they know one, else its most
//! complete mention (the longest, preferring one not written in capitals). Pattern entities
//! (dates, numbers) each get a cluster of their own, shared only by identical text.
//!
//! Labels are settled before this stage (see [`super::find_mentions`]); a cluster never changes
//! a mention's label, so every mention of a cluster has the cluster's label.

use super::Mention;
use crate::annotation::{Cluster, Entity, Label};
use crate::lexicon::{kind, push_lower, FxMap, Lexicon};

/// Lower-case words that do not count in an acronym ("Bank of England" → "BE").
const ACRONYM_SKIP: &[&str] = &[
    "of", "and", "the", "for", "de", "du", "la", "&", "-", "on", "in",
];

/// Turns mentions (in text order) into entities with cluster ids, and the clusters.
pub fn cluster_mentions(
    text: &str,
    mentions: Vec<Mention>,
    lexicon: &Lexicon,
) -> (Vec<Entity>, Vec<Cluster>) {
    let mut entities: Vec<Entity> = Vec::with_capacity(mentions.len());
    let mut clusters: Vec<Cluster> = Vec::new();
    // whether each cluster's canonical name came from the lists (then it is kept), and whether
    // a person's cluster has a mention of more than one word
    let mut listed: Vec<bool> = Vec::new();
    let mut full_name: Vec<bool> = Vec::new();
    // one char for the label (not its initial: PERSON, PLACE and PERCENT share one), then the
    // key ("2united states" for a place)
    let mut by_key: FxMap<String, usize> = FxMap::default();
    // surname / given name (lower case) → person cluster, and bare surnames seen first
    let mut surnames: FxMap<String, usize> = FxMap::default();
    let mut given: FxMap<String, usize> = FxMap::default();
    let mut acronyms: FxMap<String, usize> = FxMap::default();
    let mut lower = String::new();
    // the cluster key of the mention at hand (a buffer reused; copied only for a new key)
    let mut key = String::new();
    let mut acronym = String::new();
    for m in mentions {
        let surface = m.span.slice(text);
        lower.clear();
        push_lower(&mut lower, surface);
        // The lists' name: a country's for a place, an organisation's for an organisation, the
        // country's for a nationality (which keys the cluster but does not name it).
        let entry = lexicon.gazetteer.get(&lower);
        let list_kind = match m.label {
            Label::Place => kind::COUNTRY,
            Label::Org => kind::ORG,
            Label::Norp => kind::NORP,
            _ => 0,
        };
        let list_key = entry
            .filter(|e| e.kinds_as(true) & list_kind != 0)
            .and_then(|e| lexicon.gazetteer.canonical(e));
        let listed_name = list_key.filter(|_| m.label != Label::Norp);
        key.clear();
        key.push(char::from(b'0' + m.label as u8));
        match list_key {
            Some(c) => push_lower(&mut key, c),
            None => {
                let k = lower.strip_prefix("the ").unwrap_or(&lower);
                // (a byte test first: `contains` of a non-ASCII char runs a substring search)
                if k.as_bytes().contains(&0xE2) && k.contains('’') {
                    key.push_str(&k.replace('’', "'"));
                } else {
                    key.push_str(k);
                }
            }
        }
        // a person's first and last words, lower-cased, without initials ("j.", "m"), and how
        // many words there are
        let (mut first, mut last, mut n_words) = ("", "", 0);
        if m.label == Label::Person {
            for w in lower.split([' ', '\u{a0}']) {
                if w.chars().nth(1).is_some() && !w.ends_with('.') {
                    if n_words == 0 {
                        first = w;
                    }
                    last = w;
                    n_words += 1;
                }
            }
        }
        let by_key_found = by_key.get(key.as_str()).copied();
        let mut found = by_key_found;
        if found.is_none() && m.label == Label::Person {
            if n_words == 1 {
                found = surnames.get(last).or_else(|| given.get(last)).copied();
            } else if n_words > 1 {
                // "Trump" seen alone, then "Donald Trump"
                found = surnames.get(last).copied().filter(|&c| !full_name[c]);
            }
        }
        acronym.clear();
        let has_acronym = m.label == Label::Org && org_acronym(surface, &mut acronym);
        if found.is_none() && has_acronym {
            found = acronyms.get(acronym.as_str()).copied();
        }
        let id = entities.len();
        let cluster = match found {
            Some(c) => {
                let cl = &mut clusters[c];
                cl.mentions.push(id);
                // (a listed name is kept: then no other is compared with it)
                let better = || {
                    surface.chars().count() > cl.canonical.chars().count() && !is_acronym(surface)
                        || is_shouting(&cl.canonical) && !is_shouting(surface)
                };
                if !listed[c] && better() {
                    cl.canonical.clear();
                    cl.canonical.push_str(surface);
                }
                c
            }
            None => {
                let c = clusters.len();
                clusters.push(Cluster {
                    id: c,
                    canonical: listed_name.unwrap_or(surface).to_string(),
                    label: m.label,
                    mentions: vec![id],
                });
                listed.push(listed_name.is_some());
                full_name.push(false);
                c
            }
        };
        if by_key_found.is_none() {
            by_key.insert(key.clone(), cluster);
        }
        if m.label == Label::Person && n_words > 0 {
            full_name[cluster] |= n_words > 1;
            if surnames.get(last) != Some(&cluster) {
                surnames.insert(last.to_string(), cluster);
            }
            if n_words > 1 {
                insert_first(&mut given, first, cluster);
            }
        }
        if has_acronym {
            insert_first(&mut acronyms, &acronym, cluster);
        }
        if m.label == Label::Org {
            if let Some(a) = listed_name.and_then(acronym_of) {
                insert_first(&mut acronyms, a.as_str(), cluster);
            }
        }
        entities.push(Entity {
            id,
            span: m.span,
            label: m.label,
            text: surface.to_string(),
            cluster,
            role: m.role,
            value: m.value,
        });
    }
    (entities, clusters)
}

/// Writes into `out` the acronym an organisation's name is looked up by: the name itself without
/// dots when it is an acronym ("U.N." → "UN"), else its initials ([`acronym_of`]). False when it
/// has neither.
fn org_acronym(name: &str, out: &mut String) -> bool {
    if is_acronym(name) {
        out.extend(name.chars().filter(|&c| c != '.'));
    } else if let Some(a) = acronym_of(name) {
        out.push_str(a.as_str());
    } else {
        return false;
    }
    true
}

/// Maps `key` to `cluster` unless it already names an earlier one.
fn insert_first(map: &mut FxMap<String, usize>, key: &str, cluster: usize) {
    if !map.contains_key(key) {
        map.insert(key.to_string(), cluster);
    }
}

/// "CIA", "U.N.": capitals (and dots) only, two to six letters.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// A text written all in capitals, longer than an acronym ("LEICESTERSHIRE").
fn is_shouting(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() > 6
}

/// An acronym built on the stack: at most six letters of at most four bytes each.
#[derive(Clone, Copy)]
struct Acronym {
    bytes: [u8; 24],
    len: u8,
}

impl Acronym {
    fn as_str(&self) -> &str {
        // only whole chars are pushed, so this is valid UTF-8
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default()
    }
}

/// The acronym of a name of three or more words: "Central Intelligence Agency" → "CIA".
fn acronym_of(name: &str) -> Option<Acronym> {
    let mut a = Acronym {
        bytes: [0; 24],
        len: 0,
    };
    let mut words = 0;
    let mut all_capitalised = true;
    for w in name
        .split([' ', '-'])
        .filter(|w| !w.is_empty() && !ACRONYM_SKIP.contains(w))
    {
        words += 1;
        if words > 6 {
            return None;
        }
        match w.chars().next().filter(|c| c.is_uppercase()) {
            Some(c) if all_capitalised => {
                let at = a.len as usize;
                a.len += c.encode_utf8(&mut a.bytes[at..]).len() as u8;
            }
            _ => all_capitalised = false,
        }
    }
    (words >= 2 && all_capitalised).then_some(a)
}

#[cfg(test)]
mod tests {
    use crate::{Annotator, Label, Options};

    fn clusters(text: &str) -> Vec<(String, Label, Vec<String>)> {
        let a = Annotator::new(Options::default()).unwrap().annotate(text);
        a.clusters
            .iter()
            .filter(|c| c.label.is_name())
            .map(|c| {
                (
                    c.canonical.clone(),
                    c.label,
                    c.mentions
                        .iter()
                        .map(|&i| a.entities[i].text.clone())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn people_by_surname_and_title() {
        let c = clusters(
            "President Donald Trump spoke. Trump said it was fine. Later, President Trump left. \
             Claudia Sheinbaum replied. Sheinbaum said no.",
        );
        assert_eq!(
            c,
            [
                (
                    "Donald Trump".into(),
                    Label::Person,
                    vec!["Donald Trump".into(), "Trump".into(), "Trump".into()]
                ),
                (
                    "Claudia Sheinbaum".into(),
                    Label::Person,
                    vec!["Claudia Sheinbaum".into(), "Sheinbaum".into()]
                ),
            ]
        );
    }

    #[test]
    fn a_surname_first_then_the_full_name() {
        let c =
            clusters("Officials met Lindqvist on Monday. Anna Lindqvist said the talks went well.");
        assert_eq!(c[0].0, "Anna Lindqvist");
        assert_eq!(c[0].2, ["Lindqvist", "Anna Lindqvist"]);
    }

    #[test]
    fn countries_and_their_aliases() {
        let c = clusters("The United States and the US. America, the U.S. and Mexico.");
        assert_eq!(c[0].0, "United States");
        assert_eq!(c[0].2, ["United States", "US", "America", "U.S."]);
        assert_eq!(c[1].2, ["Mexico"]);
    }

    #[test]
    fn organisations_and_acronyms() {
        let c = clusters(
            "The National Association of Purchasing Management (NAPM) index rose. The NAPM said so. \
             CIA officers came; the Central Intelligence Agency declined to comment.",
        );
        assert_eq!(c[0].0, "National Association of Purchasing Management");
        assert_eq!(c[0].2.len(), 3);
        assert_eq!(c[1].0, "Central Intelligence Agency");
        assert_eq!(c[1].2, ["CIA", "Central Intelligence Agency"]);
    }

    #[test]
    fn headline_capitals_cluster_with_running_text() {
        let c = clusters("LEICESTERSHIRE TAKE OVER AT TOP\nLeicestershire beat Somerset.");
        assert_eq!(c[0].0, "Leicestershire");
        assert_eq!(c[0].2, ["LEICESTERSHIRE", "Leicestershire"]);
    }
}
