//! Who: each claim's source linked to the entity cluster it refers to.
//!
//! * A source that contains a name links to that name's cluster ("Stein spokeswoman Melezia
//!   Figueroa" → Melezia Figueroa; "a spokesman for the State Department" → State Department).
//!   A capitalised name the recogniser missed links by its words to a cluster that has them
//!   ("Sheinbaum" → Claudia Sheinbaum; "PENCE" → Mike Pence).
//! * A pronoun resolves to the most recent compatible mention: "he"/"she" to a person of that
//!   gender (or of unknown gender), preferring people who spoke or were the subject of their
//!   sentence; "they" to the last group or organisation; "it" to the last organisation; "who",
//!   "which" to the phrase before them; "I"/"we" inside a quote to the quote's speaker.
//! * A definite description resolves by its head: "the president" to the last person with that
//!   title, "the company" to the last organisation, "the report" to the source of the last report
//!   cited.
//!
//! Gender is learnt from the text itself: titles ("Mr.", "Mrs.", "Congresswoman") and pronouns
//! that follow a person as the only person of their sentence ("Sheinbaum … her opposition").
//!
//! Sources are resolved in text order in one pass, keeping a short list of recent mentions, so
//! the cost is linear in the number of entities and claims.

use std::cell::OnceCell;

use super::context::{reorder, sorted_order, Ctx};
use super::lexicon::{class, FxMap};
use super::phrases::{np_before, Np};
use super::Draft;
use crate::annotation::{ClaimKind, Label, Source, SourceKind};
use crate::lexicon::with_lowercase;

/// How many recent people are remembered for pronouns.
const RECENT: usize = 12;
/// How many sentences back a pronoun may reach.
const REACH: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

fn role_gender(role: &str) -> Gender {
    let r = role.trim_end_matches('.').to_ascii_lowercase();
    match r.as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "chairman" | "spokesman"
        | "duke" | "father" | "brother" | "sheikh" | "emperor" | "baron" => Gender::Male,
        "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "congresswoman"
        | "chairwoman" | "spokeswoman" | "duchess" | "mother" | "sister" | "empress"
        | "baroness" | "madam" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn pronoun_gender(w: &str) -> Gender {
    let is = |list: &[&str]| list.iter().any(|p| w.eq_ignore_ascii_case(p));
    if is(&["he", "him", "his", "himself"]) {
        Gender::Male
    } else if is(&["she", "her", "hers", "herself"]) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// The gender of each cluster, from titles and from pronouns that follow the only person of a
/// sentence.
fn genders(ctx: &Ctx, surnames: &[(usize, usize)]) -> Vec<Gender> {
    let mut votes = vec![(0u32, 0u32); ctx.clusters.len()];
    // only sentences with a person in them can teach anything
    let mut with_person = vec![false; ctx.doc.sentences.len()];
    for e in 0..ctx.entities.len() {
        if ctx.has_role(e) {
            if let (Some(role), Some(v)) = (&ctx.entities[e].role, votes.get_mut(ctx.cluster_of(e)))
            {
                match role_gender(role) {
                    Gender::Male => v.0 += 3,
                    Gender::Female => v.1 += 3,
                    Gender::Unknown => {}
                }
            }
        }
        let r = ctx.entity_tokens(e);
        if ctx.label(e) == Label::Person && !r.is_empty() {
            with_person[ctx.sentence_of(r.start)] = true;
        }
    }
    for &(t, _) in surnames {
        with_person[ctx.sentence_of(t)] = true;
    }
    let mut next_surname = 0;
    for (s, sent) in ctx.doc.sentences.iter().enumerate() {
        // a sentence without a pronoun teaches nothing
        if !with_person[s] || !ctx.sentence_has(s, class::PRON | class::POSS | class::OBJ_PRON) {
            continue;
        }
        // the only person of the sentence so far, or None when there are several
        let mut person: Option<Option<usize>> = None;
        let meet = |person: Option<Option<usize>>, c: usize| match person {
            None => Some(Some(c)),
            Some(Some(p)) if p == c => Some(Some(p)),
            _ => Some(None),
        };
        let mut k = sent.tokens.start;
        while k < sent.tokens.end {
            // a surname the recogniser missed but a claim's source named ("Vaz said his …")
            while next_surname < surnames.len() && surnames[next_surname].0 < k {
                next_surname += 1;
            }
            if surnames.get(next_surname).is_some_and(|&(t, _)| t == k) {
                person = meet(person, surnames[next_surname].1);
            }
            if let Some(e) = ctx.entity(k) {
                if ctx.label(e) == Label::Person {
                    person = meet(person, ctx.cluster_of(e));
                }
                k = ctx.entity_tokens(e).end.max(k + 1);
                continue;
            }
            if ctx.is_word(k) && ctx.has(k, class::PRON | class::POSS | class::OBJ_PRON) {
                if let Some(Some(c)) = person {
                    if let Some(v) = votes.get_mut(c) {
                        match pronoun_gender(ctx.word(k)) {
                            Gender::Male => v.0 += 1,
                            Gender::Female => v.1 += 1,
                            Gender::Unknown => {}
                        }
                    }
                }
            }
            k += 1;
        }
    }
    votes
        .into_iter()
        .map(|(m, f)| match m.cmp(&f) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => Gender::Unknown,
        })
        .collect()
}

/// A person mentioned recently, as a candidate for a pronoun.
#[derive(Clone, Copy)]
struct Recent {
    /// The person's cluster; for an unnamed person ("a spokeswoman for the company"), who can
    /// still be the "she" of the next sentence, what the source was linked to, if anything.
    cluster: Option<usize>,
    /// The gender of an unnamed person, from the noun ("spokeswoman").
    gender: Gender,
    sentence: usize,
    /// The person spoke (a claim's source) or was the subject of the sentence.
    salient: bool,
}

/// The state of the discourse at a point of the text.
struct Discourse {
    people: Vec<Recent>,
    /// The last organisation or group, for "it", "they", "the company".
    org: Option<(usize, usize)>,
    group: Option<(usize, usize)>,
    /// The cluster behind the last document cited ("a report published by The New York Times").
    document: Option<usize>,
}

impl Discourse {
    fn person(&mut self, r: Recent) {
        if let Some(last) = self.people.last_mut() {
            if last.cluster == r.cluster {
                last.salient |= r.salient;
                last.sentence = r.sentence;
                return;
            }
        }
        self.people.push(r);
        if self.people.len() > RECENT {
            self.people.remove(0);
        }
    }
}

/// True when the entity `e` stands as a subject: not after a preposition, not a possessor.
fn is_subject(ctx: &Ctx, e: usize) -> bool {
    let r = ctx.entity_tokens(e);
    if r.end < ctx.len() && ctx.is_possessive_s(r.end) {
        return false;
    }
    let sent_start = ctx.doc.sentences[ctx.sentence_of(r.start.min(ctx.len() - 1))]
        .tokens
        .start;
    let mut k = r.start;
    // titles and descriptors before the name ("President", "Democratic pollster")
    while k > sent_start
        && k + 4 > r.start
        && ctx.is_word(k - 1)
        && !ctx.has(k - 1, class::FUNCTION)
    {
        k -= 1;
    }
    !(k > sent_start && ctx.has(k - 1, class::PREP) && !ctx.has(k - 1, class::SUBORD))
}

/// What every lookup needs.
#[derive(Clone, Copy)]
struct Env<'e> {
    genders: &'e OnceCell<Vec<Gender>>,
    roles: &'e OnceCell<Vec<Option<&'e str>>>,
    by_name: &'e OnceCell<FxMap<String, Option<usize>>>,
    /// `(content start, content end, draft)` of the quote drafts, sorted.
    quotes: &'e [(usize, usize, usize)],
    /// Every draft.
    drafts: &'e [Draft],
    /// Recursion depth (a quote's speaker is looked up once).
    depth: u8,
}

/// Names and surnames of people and organisations (lower case) → their cluster, or `None` when
/// two clusters share the key.
fn names(ctx: &Ctx) -> FxMap<String, Option<usize>> {
    let mut by_name: FxMap<String, Option<usize>> = FxMap::default();
    let mut add = |name: &str, c: usize| {
        with_lowercase(name, |k| match by_name.get_mut(k) {
            Some(slot) if *slot != Some(c) => *slot = None, // ambiguous
            Some(_) => {}
            None => {
                by_name.insert(k.to_string(), Some(c));
            }
        })
    };
    for e in 0..ctx.entities.len() {
        let (label, cluster) = (ctx.label(e), ctx.cluster_of(e));
        if !matches!(label, Label::Person | Label::Org) {
            continue;
        }
        let text = &ctx.entities[e].text;
        add(text, cluster);
        if label == Label::Person {
            if let Some((_, last)) = text.rsplit_once(' ') {
                add(last, cluster);
            }
        }
    }
    by_name
}

impl<'e> Env<'e> {
    /// The name index, built on first use.
    fn by_name(&self, ctx: &Ctx) -> &'e FxMap<String, Option<usize>> {
        self.by_name.get_or_init(|| names(ctx))
    }

    /// The first title written before each cluster's mentions ("President"), found on first use.
    fn roles(&self, ctx: &Ctx<'e>) -> &'e [Option<&'e str>] {
        self.roles.get_or_init(|| {
            let mut roles = vec![None; ctx.clusters.len()];
            for e in (0..ctx.entities.len()).filter(|&e| ctx.has_role(e)) {
                let role = &ctx.entities[e].role;
                if let (Some(slot @ None), Some(role)) = (roles.get_mut(ctx.cluster_of(e)), role) {
                    *slot = Some(role.as_str());
                }
            }
            roles
        })
    }

    /// The genders of the clusters, learnt on first use.
    fn genders(&self, ctx: &Ctx) -> &'e [Gender] {
        self.genders.get_or_init(|| {
            // sources that name a person the recogniser missed count as mentions
            let surnames: Vec<(usize, usize)> = self
                .drafts
                .iter()
                .filter_map(|d| d.source.as_ref())
                .filter(|s| {
                    s.tokens.len() == 1
                        && ctx.is_capitalised(s.head)
                        && ctx.entity(s.head).is_none()
                        && ctx.id(s.head) == 0
                })
                .filter_map(|s| {
                    let c = with_lowercase(ctx.word(s.head), |key| {
                        self.by_name(ctx).get(key).copied().flatten()
                    })?;
                    (ctx.clusters.get(c)?.label == Label::Person).then_some((s.head, c))
                })
                .collect();
            let order = sorted_order(surnames.iter().map(|&(t, _)| t as u64));
            let mut surnames = reorder(surnames, &order);
            surnames.dedup();
            genders(ctx, &surnames)
        })
    }
}

/// Resolves the source of every draft. Returns one entry per draft.
pub fn resolve(ctx: &Ctx, drafts: &[Draft]) -> Vec<Option<Source>> {
    // built only when a source needs them (a name the recogniser missed, a "he" or "she")
    let by_name = OnceCell::new();
    let genders = OnceCell::new();
    let roles = OnceCell::new();
    let with_source: Vec<usize> = (0..drafts.len())
        .filter(|&d| drafts[d].source.is_some())
        .collect();
    let order = sorted_order(with_source.iter().map(|&d| {
        drafts[d]
            .source
            .as_ref()
            .map_or(0, |s| s.tokens.start as u64)
    }));
    let order = reorder(with_source, &order);
    let mut out: Vec<Option<Source>> = vec![None; drafts.len()];
    let mut st = Discourse {
        people: Vec::new(),
        org: None,
        group: None,
        document: None,
    };
    // quotes in text order, to find the speaker of an "I" inside one
    let quotes: Vec<(usize, usize, usize)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == ClaimKind::Quote)
        .map(|(i, q)| (q.content.start, q.content.end, i))
        .collect();
    let by = sorted_order(quotes.iter().map(|q| q.0 as u64));
    let quotes = reorder(quotes, &by);
    let env = Env {
        genders: &genders,
        roles: &roles,
        by_name: &by_name,
        quotes: &quotes,
        drafts,
        depth: 0,
    };
    let mut next_entity = 0usize;
    let by_start = ctx.entities_by_start();
    for d in order {
        let Some(np) = &drafts[d].source else {
            continue;
        };
        let at = np.tokens.start;
        let sentence = ctx.sentence_of(at.min(ctx.len().saturating_sub(1)));
        // take in every entity before the source
        while next_entity < by_start.len() {
            let e = by_start[next_entity];
            let r = ctx.entity_tokens(e);
            if r.start >= at || r.is_empty() {
                break;
            }
            let c = ctx.cluster_of(e);
            let s = ctx.sentence_of(r.start);
            match ctx.label(e) {
                Label::Person => st.person(Recent {
                    cluster: Some(c),
                    gender: Gender::Unknown,
                    sentence: s,
                    salient: is_subject(ctx, e),
                }),
                Label::Org => st.org = Some((c, s)),
                Label::Norp => st.group = Some((c, s)),
                _ => {}
            }
            next_entity += 1;
        }
        let (cluster, kind) = link(ctx, np, sentence, &st, &env, d, &out);
        let resolved = cluster.is_some() && kind != SourceKind::Name;
        if let Some(c) = cluster {
            match ctx.clusters.get(c).map(|c| c.label) {
                Some(Label::Person) => st.person(Recent {
                    cluster: Some(c),
                    gender: Gender::Unknown,
                    sentence,
                    salient: true,
                }),
                Some(Label::Org) => st.org = Some((c, sentence)),
                _ => {}
            }
            if ctx.has(np.head, class::SRC_DOC) {
                st.document = Some(c);
            }
        }
        // an unnamed person who spoke ("a spokeswoman for the company said") is the likeliest
        // "she" of what follows: she stands for what the source was linked to (the company), or
        // for nobody that can be named
        let linked_person = cluster.is_some_and(|c| {
            ctx.clusters
                .get(c)
                .is_some_and(|c| c.label == Label::Person)
        });
        if !linked_person && kind != SourceKind::Pronoun && ctx.has(np.head, class::SRC_PERSON) {
            st.person(Recent {
                cluster,
                gender: role_gender(ctx.word(np.head)),
                sentence,
                salient: true,
            });
        }
        if ctx.has(np.head, class::SRC_GROUP) && cluster.is_some() {
            st.group = cluster.map(|c| (c, sentence));
        }
        // A person's name is the source as written; titles and descriptors before it stay
        // outside, as they do for entities ("Union leader | Petra de Vries").
        let mut tokens = np.tokens.clone();
        if let Some(e) = ctx.entity(np.head) {
            let r = ctx.entity_tokens(e);
            if ctx.label(e) == Label::Person && r.end == tokens.end && r.start > tokens.start {
                tokens.start = r.start;
            }
        }
        let span = ctx.span(tokens);
        out[d] = Some(Source {
            span,
            text: span.slice(ctx.doc.text).to_string(),
            cluster,
            resolved,
            kind,
        });
    }
    out
}

/// The cluster a source phrase refers to, and what kind of phrase it is.
fn link<'e>(
    ctx: &Ctx<'e>,
    np: &Np,
    sentence: usize,
    st: &Discourse,
    env: &Env<'e>,
    d: usize,
    done: &[Option<Source>],
) -> (Option<usize>, SourceKind) {
    let Env {
        quotes,
        drafts,
        depth,
        ..
    } = *env;
    // A name inside the phrase: a person first, the last one ("Fox News's Sean Hannity").
    let mut best: Option<(u8, usize)> = None;
    let mut k = np.tokens.start;
    while k < np.tokens.end {
        if let Some(e) = ctx.name_entity(k) {
            let rank = match ctx.label(e) {
                Label::Person => 4,
                Label::Org => 3,
                Label::Norp => 2,
                _ => 1,
            };
            // a nationality or place that only modifies the head ("American officials") is
            // not the source
            let r = ctx.entity_tokens(e);
            let modifier = rank <= 2 && !(r.start <= np.head && np.head < r.end);
            if !modifier && best.is_none_or(|(r, _)| rank >= r) {
                best = Some((rank, ctx.cluster_of(e)));
            }
            k = ctx.entity_tokens(e).end.max(k + 1);
            continue;
        }
        k += 1;
    }
    if let Some((_, c)) = best {
        return (Some(c), SourceKind::Name);
    }
    let head = np.head;
    let single = np.tokens.len() == 1;
    // A pronoun.
    if single && ctx.has(head, class::PRON | class::POSS | class::REL) {
        let w = ctx.word(head).to_ascii_lowercase();
        let cluster = match w.as_str() {
            "he" | "his" | "she" | "her" => {
                let want = pronoun_gender(&w);
                let ok = |r: &Recent| {
                    let g = match (r.gender, r.cluster) {
                        (Gender::Unknown, Some(c)) => {
                            env.genders(ctx).get(c).copied().unwrap_or_default()
                        }
                        (g, _) => g,
                    };
                    sentence.saturating_sub(r.sentence) <= REACH
                        && (g == want || g == Gender::Unknown)
                };
                st.people
                    .iter()
                    .rev()
                    .find(|r| r.salient && ok(r))
                    .or_else(|| st.people.iter().rev().find(|r| ok(r)))
                    .and_then(|r| r.cluster)
            }
            "they" | "their" => match (st.group, st.org) {
                (Some((g, gs)), Some((o, os))) => Some(if gs >= os { g } else { o }),
                (Some((g, _)), None) => Some(g),
                (None, Some((o, _))) => Some(o),
                (None, None) => None,
            },
            "it" | "its" => st.org.map(|(o, _)| o).or(st.document),
            "who" | "which" | "that" => {
                // the phrase before: "Mr. Obama, who understood that"
                let mut e = np.tokens.start;
                if e > 0 && ctx.is_punct(e - 1, &[","]) {
                    e -= 1;
                }
                let lo = ctx.doc.sentences[ctx.sentence_of(head)].tokens.start;
                return match np_before(ctx, e, lo) {
                    Some(ante) if ante.tokens.len() > 1 || !ctx.has(ante.head, class::REL) => {
                        let (c, _) = link(ctx, &ante, sentence, st, env, d, done);
                        (c, SourceKind::Pronoun)
                    }
                    _ => (None, SourceKind::Pronoun),
                };
            }
            "i" | "we" | "my" | "our" => {
                let q = quote_around(quotes, head).filter(|&q| q != d && depth == 0);
                let src = q.and_then(|q| drafts[q].source.as_ref());
                match (q, src) {
                    (Some(q), Some(src)) => match &done[q] {
                        Some(s) => s.cluster,
                        None => {
                            let env = Env { depth: 1, ..*env };
                            link(ctx, src, sentence, st, &env, q, done).0
                        }
                    },
                    _ => None,
                }
            }
            _ => None,
        };
        return (cluster, SourceKind::Pronoun);
    }
    // A capitalised name the recogniser missed: link it by its words. ("Critics", "Officials"
    // opening a sentence are descriptions.)
    let described = class::SRC_PERSON | class::SRC_GROUP | class::SRC_ORG | class::SRC_DOC;
    if ctx.is_capitalised(head)
        && !ctx.has(np.tokens.start, class::DET)
        && !ctx.has(head, described)
    {
        let by_name = env.by_name(ctx);
        let text = ctx.span(np.tokens.clone()).slice(ctx.doc.text);
        let c = with_lowercase(text, |k| by_name.get(k).copied())
            .or_else(|| with_lowercase(ctx.word(head), |k| by_name.get(k).copied()))
            .flatten();
        return (c, SourceKind::Name);
    }
    // A definite description.
    let definite = ctx.has(np.tokens.start, class::DET)
        && (ctx.is(np.tokens.start, "the") || ctx.is(np.tokens.start, "this"));
    if definite {
        let head_word = ctx.word(head);
        // "the president": the last person with that title
        let roles = env.roles(ctx);
        let titled = st.people.iter().rev().find_map(|r| {
            let c = r.cluster?;
            roles
                .get(c)
                .copied()
                .flatten()
                .is_some_and(|role| role.eq_ignore_ascii_case(head_word))
                .then_some(c)
        });
        if let Some(c) = titled {
            return (Some(c), SourceKind::Description);
        }
        let info = ctx.info(head).class;
        if info & class::SRC_DOC != 0 {
            return (st.document, SourceKind::Description);
        }
        if info & class::SRC_ORG != 0 {
            return (st.org.map(|(o, _)| o), SourceKind::Description);
        }
    }
    (None, SourceKind::Description)
}

/// The quote draft whose content holds token `at`.
fn quote_around(quotes: &[(usize, usize, usize)], at: usize) -> Option<usize> {
    let n = quotes.partition_point(|q| q.0 <= at);
    // quotes may nest (a quote inside a speaker's turn): look back a few
    quotes[..n]
        .iter()
        .rev()
        .take(4)
        .find(|q| at < q.1)
        .map(|q| q.2)
}
