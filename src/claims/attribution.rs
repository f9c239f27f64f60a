//! Reported speech and the other cues inside a sentence: who said what, without quotation marks.
//!
//! * `X said/claimed/argued/warned … (that) Y` — a reporting verb with its subject before it; the
//!   content follows, after an optional "that" and whatever stands between ("on Tuesday", "in a
//!   statement", "told reporters").
//! * `Y, X said` / `Y, said X` — the cue clause after the content; `Y, X said, Z` — in the middle.
//! * `…, suggesting/maintaining that Y`, `… and blamed Y` — a participial or coordinated cue
//!   whose speaker is the subject of the clause before (or the speaker of the claim before it).
//! * `according to X, Y` / `Y, according to X`; `citing X, Y` / `Y, citing X`.
//! * `X's claim that Y`, `reports that Y` — a reporting noun.
//! * `Y is said to …`, `it was announced that Y`, `X was told that Y` — passive cues, no source;
//!   `X reportedly …` with no other cue — the hedge is the cue.
//!
//! Every walk from a cue is bounded by a constant number of tokens, so a sentence costs time
//! linear in its length however many cues it holds.

use std::ops::Range;

use super::context::Ctx;
use super::lexicon::{class, CueClass, CueWord, PhraseKind, VerbForm};
use super::phrases::{fronted_subject, np_after, np_before, Np};
use super::quotes::Quote;
use super::{CueMatch, Draft};
use crate::annotation::{ClaimKind, Label, Polarity};
use crate::text::TokenKind;

/// How far (in tokens) a cue looks for "that" or for the subject of its clause.
const LOOK: usize = 12;
/// How far back a participial cue looks for the subject of the clause it hangs on.
const SUBJECT_LOOK: usize = 60;

/// The token after the last content token of a sentence: final stops, commas and colons dropped.
pub fn trim_end(ctx: &Ctx, r: Range<usize>) -> usize {
    let mut e = r.end;
    while e > r.start + 1
        && ctx.doc.tokens[e - 1].kind == TokenKind::Punct
        && ctx
            .word(e - 1)
            .starts_with(['.', '!', '?', '…', ',', ';', ':'])
    {
        e -= 1;
    }
    e
}

/// The reporting verb form at token `i` (possibly several words: "pointed out"), with its length.
pub fn cue_at(ctx: &Ctx, i: usize, hi: usize) -> Option<(CueWord, usize)> {
    if i >= hi || !ctx.is_word(i) {
        return None;
    }
    // A capitalised form is a name ("Warns") or starts a sentence ("Asked about it, ...").
    if ctx.is_capitalised(i) && !ctx.doc.tokens[i].all_upper {
        return None;
    }
    if ctx.has(i, class::VERB_PHRASE) {
        if let Some((p, n)) = ctx.phrase_at(i, hi, |p| matches!(p.kind, PhraseKind::Verb(_))) {
            if let PhraseKind::Verb(v) = p.kind {
                return Some((ctx.lx.verbs[v as usize], n));
            }
        }
    }
    let v = ctx.info(i).verb;
    (v > 0).then(|| (ctx.lx.verbs[v as usize - 1], 1))
}

/// What stands between a subject and its cue: "has repeatedly", "went on to", ", however,".
struct Between {
    /// The token after the subject.
    start: usize,
    negated: bool,
    /// A form of "be" among the words ("is said", "was told", "is saying").
    be: Option<usize>,
}

fn skip_between(ctx: &Ctx, cue: usize, lo: usize) -> Between {
    let mut j = cue;
    let mut b = Between {
        start: cue,
        negated: false,
        be: None,
    };
    let mut steps = 0;
    while j > lo && steps < 8 {
        steps += 1;
        let t = j - 1;
        if ctx.has(t, class::BETWEEN) && ctx.is_word(t) {
            if ctx.has(t, class::NEG) {
                b.negated = true;
            }
            if ctx.has(t, class::BE) && b.be.is_none() {
                b.be = Some(t);
            }
            j = t;
            continue;
        }
        // "went on to suggest", "continued to insist", "sought to"
        if ctx.is(t, "to") && t > lo {
            let v = t - 1;
            let w = ctx.word(v).to_ascii_lowercase();
            if ctx.is(v, "on")
                && v > lo
                && matches!(
                    ctx.word(v - 1).to_ascii_lowercase().as_str(),
                    "went" | "go" | "goes" | "gone" | "going"
                )
            {
                j = v - 1;
                continue;
            }
            if matches!(
                w.as_str(),
                "continued"
                    | "continues"
                    | "continue"
                    | "sought"
                    | "seeks"
                    | "tried"
                    | "tries"
                    | "moved"
                    | "appeared"
                    | "seemed"
                    | "appears"
                    | "seems"
                    | "used"
            ) {
                j = v;
                continue;
            }
        }
        // "Trump on Tuesday said"
        if let Some(e) = ctx.entity(t) {
            if matches!(ctx.label(e), Label::Date | Label::Time) {
                let r = ctx.entity_tokens(e);
                j = r.start.max(lo);
                if j > lo && (ctx.is(j - 1, "on") || ctx.is(j - 1, "earlier")) {
                    j -= 1;
                }
                continue;
            }
        }
        // "Rep. Gwen Moore (D-Wis.) said"
        let open = super::phrases::skip_paren_back(ctx, j, lo);
        if open < j {
            j = open;
            continue;
        }
        // "Mexico's leadership, however, has"
        if ctx.is_punct(t, &[","])
            && t >= lo + 2
            && ctx.has(t - 1, class::PAREN)
            && ctx.is_punct(t - 2, &[","])
        {
            j = t - 2;
            continue;
        }
        break;
    }
    b.start = j;
    b
}

/// True when the tokens `r` after a cue read as a trailing adverbial or a listener rather than
/// content: "", "on Tuesday", "in a statement", "told reporters".
fn is_adverbial(ctx: &Ctx, r: Range<usize>, cue: &CueWord) -> bool {
    if r.is_empty() {
        return true;
    }
    if r.len() > 8 {
        return false;
    }
    for k in r.clone() {
        if ctx.is(k, "that")
            || ctx.has(k, class::AUX | class::BE | class::NEG)
            || cue_at(ctx, k, r.end).is_some()
            || ctx.is_quote(k)
        {
            return false;
        }
    }
    let first = r.start;
    if let Some(e) = ctx.entity(first) {
        if matches!(ctx.label(e), Label::Date | Label::Time) {
            return true;
        }
    }
    let listener = matches!(
        cue.lemma,
        "tell" | "inform" | "assure" | "brief" | "reassure"
    );
    ctx.has(first, class::PREP | class::TIME) || ctx.is(first, "to") || (listener && r.len() <= 5)
}

/// The content after a cue that ends at `cue_end`: after "that" when one follows shortly, after
/// the listener of "told", else right after the cue.
fn content_after(ctx: &Ctx, cue: &CueWord, cue_end: usize, hi: usize) -> Option<Range<usize>> {
    let mut c = cue_end;
    let lim = (cue_end + LOOK).min(hi);
    let mut k = cue_end;
    while k < lim {
        if ctx.is(k, "that") {
            c = k + 1;
            break;
        }
        if ctx.has(k, class::AUX | class::BE | class::NEG)
            || ctx.info(k).verb > 0
            || ctx.is_quote(k)
            || ctx.is_punct(k, &[";", ".", "?", "!", ":", "(", ")"])
        {
            break;
        }
        k += 1;
    }
    let listener = matches!(
        cue.lemma,
        "tell" | "inform" | "assure" | "reassure" | "remind" | "brief" | "advise"
    );
    if c == cue_end && listener {
        // "told reporters the plan was dead", "told him that"
        if let Some(np) = np_after(ctx, c, hi) {
            if np.tokens.end < hi && !ctx.has(np.tokens.end, class::AUX | class::BE) {
                c = np.tokens.end;
                if ctx.is(c, "that") {
                    c += 1;
                }
            }
        }
    }
    while c < hi && (ctx.is_punct(c, &[",", ":", "—", "–"])) {
        c += 1;
    }
    // "announced on Friday the arrest", "said Monday the plan": a time is not the content
    if c == cue_end {
        // "said yesterday the …", "said last night the …"
        if ctx.has(c, class::TIME) && c + 1 < hi {
            c += 1;
            if [
                "night", "week", "month", "year", "morning", "evening", "weekend",
            ]
            .iter()
            .any(|w| ctx.is(c, w))
            {
                c += 1;
            }
        }
        loop {
            let at = if ctx.has(c, class::PREP) { c + 1 } else { c };
            match ctx.entity(at) {
                Some(e) if matches!(ctx.label(e), Label::Date | Label::Time) => {
                    c = ctx.entity_tokens(e).end.max(at + 1);
                }
                _ => break,
            }
        }
        while c < hi && ctx.is_punct(c, &[","]) {
            c += 1;
        }
    }
    // "wrote about Orientalism", "asked for help": a topic or a thing, not a statement
    if c == cue_end
        && ["about", "of", "on", "in", "at", "with", "during", "for"]
            .iter()
            .any(|p| ctx.is(c, p))
    {
        return None;
    }
    (c < hi && (c..hi).any(|k| ctx.is_word(k) || ctx.doc.tokens[k].kind == TokenKind::Number))
        .then_some(c..hi)
}

/// The end of a clause that opens at `start` and may be followed by the rest of its sentence:
/// "[the election was stolen] has been rejected by the courts" — the clause ends before a second
/// verb group that no conjunction, comma or relative word joins to it.
fn clause_end(ctx: &Ctx, start: usize, hi: usize) -> usize {
    let mut seen_verb = false;
    let mut prev_verb = false;
    for k in start..hi.min(start + 40) {
        let verb = ctx.has(k, class::AUX | class::BE) && ctx.is_word(k);
        if verb && seen_verb && !prev_verb {
            let joined = k > start
                && (ctx.has(
                    k - 1,
                    class::CONJ | class::REL | class::SUBORD | class::PRON,
                ) || ctx.is_punct(k - 1, &[",", ";", "—", "–"]));
            if !joined {
                return k;
            }
        }
        if verb {
            seen_verb = true;
        }
        prev_verb = verb || (prev_verb && ctx.has(k, class::NEG | class::BETWEEN));
    }
    hi
}

/// True when tokens `a..b` hold at least two words (looking no further than needed).
fn two_words(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).filter(|&k| ctx.is_word(k)).nth(1).is_some()
}

/// The content before a cue clause that starts at `end`: the sentence from `lo` up to it, without
/// the comma, "as" or dash that joins them. At least two words.
fn content_before(ctx: &Ctx, lo: usize, end: usize) -> Option<Range<usize>> {
    let mut e = end;
    while e > lo && (ctx.is_punct(e - 1, &[",", "—", "–", "-", ":"]) || ctx.is(e - 1, "as")) {
        e -= 1;
    }
    two_words(ctx, lo, e).then_some(lo..e)
}

/// The subject of the clause a participial cue hangs on: the speaker of the last claim of this
/// sentence, else the nearest name or pronoun before it that is not the object of a preposition.
fn clause_subject(
    ctx: &Ctx,
    lo: usize,
    before: usize,
    drafts: &[Draft],
    first: usize,
    speaker: Option<usize>,
) -> Option<Np> {
    let spoke = |d: &Draft| {
        d.source.is_some()
            && d.cue.as_ref().is_some_and(|c| c.tokens.start < before)
            && d.kind != ClaimKind::According
    };
    if let Some(d) = (first..drafts.len()).rev().find(|&d| spoke(&drafts[d])) {
        return drafts[d].source.clone();
    }
    // the speaker of a quote in this sentence: `"…," Chaffetz said, adding that …`
    if let Some(d) = speaker.filter(|&d| spoke(&drafts[d])) {
        return drafts[d].source.clone();
    }
    let stop = before.saturating_sub(SUBJECT_LOOK).max(lo);
    let mut k = before;
    while k > stop {
        let t = k - 1;
        let candidate = match ctx.name_entity(t) {
            Some(e) if matches!(ctx.label(e), Label::Person | Label::Org | Label::Norp) => {
                Some(ctx.entity_tokens(e))
            }
            _ if ctx.has(t, class::PRON) && !ctx.is(t, "it") => Some(t..t + 1),
            _ => None,
        };
        if let Some(r) = candidate {
            let possessive = ctx.len() > r.end && ctx.is_possessive_s(r.end);
            let np = np_before(ctx, r.end.min(ctx.len()), lo);
            if let Some(np) = np {
                let before_np = np.tokens.start;
                let object = before_np > lo
                    && ctx.has(before_np - 1, class::PREP)
                    && !ctx.has(before_np - 1, class::SUBORD);
                if !possessive && !object {
                    return Some(np);
                }
            }
            k = r.start.max(stop);
            continue;
        }
        k = t;
    }
    None
}

/// The subject of a cue that follows an appositive: `X, a spokesman for Y, said Z` — the name
/// before the appositive (the appositive must itself be a phrase between commas, and a clause
/// must follow the cue, else this is `Y, said X`).
fn appositive_subject(ctx: &Ctx, j: usize, lo: usize, hi: usize, cue_end: usize) -> Option<Np> {
    if j < lo + 4 || !ctx.is_punct(j - 1, &[","]) {
        return None;
    }
    let appositive = np_before(ctx, j - 1, lo)?;
    let a = appositive.tokens.start;
    if a < lo + 2 || !ctx.is_punct(a - 1, &[","]) {
        return None;
    }
    let subject = np_before(ctx, a - 1, lo)?;
    // a clause follows the cue: not "…, said Smith, a spokesman."
    let after = np_after(ctx, cue_end, hi);
    let clause_follows = ctx.is(cue_end, "that")
        || after.is_some_and(|np| np.tokens.end < hi && !ctx.is_punct(np.tokens.end, &[","]));
    clause_follows.then_some(subject)
}

/// The subject that opens a sentence (after a leading adverbial clause and its comma): "Mr.
/// Schultz" in "Mr. Schultz generally supported Democrats … and said …".
fn sentence_subject(ctx: &Ctx, lo: usize, before: usize) -> Option<Np> {
    let mut start = lo;
    while start < before && ctx.is_quote(start) {
        start += 1;
    }
    if ctx.has(start, class::PREP | class::SUBORD | class::CONJ) {
        let comma = (start..before.min(start + 25)).find(|&k| ctx.is_punct(k, &[","]))?;
        start = comma + 1;
    }
    let np = np_after(ctx, start, before)?;
    let named = ctx.has(np.head, class::PRON)
        || ctx.name_entity(np.head).is_some()
        || ctx.is_capitalised(np.head);
    (named && np.tokens.end < before && !ctx.is_punct(np.tokens.end, &[","])).then_some(np)
}

/// One sentence's scan state.
struct Scan<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// First and after-last token of the sentence's content (final punctuation dropped).
    lo: usize,
    hi: usize,
    /// The sentence's last token (before trimming), to see a final ":".
    raw_end: usize,
    sentence: usize,
    /// Index in the drafts of the sentence's first draft.
    first: usize,
    /// Token positions where a later cue clause begins (", suggesting", "and blamed", ",
    /// according to"): the content of an earlier claim stops there.
    breaks: Vec<usize>,
    /// Drafts that give way when the sentence has another claim ("Citing X, the report says").
    weak: Vec<usize>,
    /// The last quote or speaker-label draft whose cue is in this sentence.
    speaker: Option<usize>,
}

impl Scan<'_, '_> {
    fn push(&self, drafts: &mut Vec<Draft>, used: &mut [bool], d: Draft) {
        if let Some(c) = &d.cue {
            for u in &mut used[c.tokens.clone()] {
                *u = true;
            }
        }
        drafts.push(d);
    }

    /// "according to X, Y" / "Y, according to X" at token `i`; returns tokens consumed.
    fn according_to(&mut self, i: usize, drafts: &mut Vec<Draft>, used: &mut [bool]) -> usize {
        let ctx = self.ctx;
        let Some(np) = np_after(ctx, i + 2, self.hi) else {
            return 2;
        };
        let after_src = np.tokens.end;
        let content = if let Some(before) = content_before(ctx, self.lo, i) {
            self.breaks.push(before.end);
            // "Y, according to X, Z": the content is on both sides
            if ctx.is_punct(after_src, &[","]) && two_words(ctx, after_src + 1, self.hi) {
                self.lo..self.hi
            } else {
                before
            }
        } else {
            let mut c = after_src;
            while c < self.hi && c < after_src + 4 && !ctx.is_punct(c, &[","]) {
                c += 1;
            }
            if c >= self.hi || !ctx.is_punct(c, &[","]) {
                return 2;
            }
            let c = c + 1;
            if !two_words(ctx, c, self.hi) {
                return 2;
            }
            c..self.hi
        };
        let d = Draft {
            kind: ClaimKind::According,
            content,
            source: Some(np),
            cue: Some(CueMatch::speech(i..i + 2)),
        };
        self.push(drafts, used, d);
        2
    }

    /// "Citing X, Y" / "Y, citing X": a claim only when the sentence has no other cue.
    fn citing(&mut self, i: usize, drafts: &mut Vec<Draft>, used: &mut [bool]) -> usize {
        let ctx = self.ctx;
        let Some(np) = np_after(ctx, i + 1, self.hi) else {
            return 1;
        };
        let content = if let Some(before) = content_before(ctx, self.lo, i) {
            self.breaks.push(before.end);
            before
        } else {
            let c = np.tokens.end;
            if !ctx.is_punct(c, &[","]) || !two_words(ctx, c + 1, self.hi) {
                return 1;
            }
            c + 1..self.hi
        };
        self.weak.push(drafts.len());
        let d = Draft {
            kind: ClaimKind::According,
            content,
            source: Some(np),
            cue: Some(CueMatch::speech(i..i + 1)),
        };
        self.push(drafts, used, d);
        1
    }

    /// "Trump's claim that Y", "reports that Y" at noun `i`.
    fn noun(&mut self, i: usize, drafts: &mut Vec<Draft>, used: &mut [bool]) -> usize {
        let ctx = self.ctx;
        let n = ctx.info(i).noun;
        if n == 0 || !ctx.is(i + 1, "that") || i + 2 >= self.hi {
            return 1;
        }
        // "the report that was released", "a charge that might have stung": a relative clause
        let after = i + 2;
        if ctx.has(after, class::AUX | class::BE | class::NEG)
            || ctx.info(after).verb > 0
            || (ctx.is_content_word(after)
                && !ctx.is_capitalised(after)
                && ctx.name_entity(after).is_none())
        {
            return 1;
        }
        let cue = ctx.lx.nouns[n as usize - 1];
        let source = if i > self.lo && ctx.is_possessive_s(i - 1) {
            np_before(ctx, i - 1, self.lo)
        } else if i > self.lo && ctx.has(i - 1, class::POSS) {
            Some(Np {
                tokens: i - 1..i,
                head: i - 1,
            })
        } else {
            None
        };
        // "the claims that" or "reports that" stand alone; "a bill that", "the company's plan
        // that" do not reach here (not reporting nouns)
        let kind = if source.is_some() {
            ClaimKind::Reported
        } else {
            ClaimKind::Sourceless
        };
        let d = Draft {
            kind,
            content: i + 2..clause_end(ctx, i + 2, self.hi),
            source,
            cue: Some(CueMatch::of(cue, i..i + 1)),
        };
        self.push(drafts, used, d);
        2
    }

    /// A reporting verb form at `i` (`len` tokens). Returns the tokens consumed, or 0 when the
    /// verb is no cue here.
    fn verb(
        &mut self,
        i: usize,
        cue: CueWord,
        len: usize,
        drafts: &mut Vec<Draft>,
        used: &mut [bool],
    ) -> usize {
        let ctx = self.ctx;
        let (lo, hi) = (self.lo, self.hi);
        let cue_end = i + len;
        // "was quoted as saying"
        let mut cue_start = i;
        if cue.form == VerbForm::Ing
            && i >= lo + 2
            && ctx.is(i - 1, "as")
            && ctx.is(i - 2, "quoted")
        {
            cue_start = i - 2;
        }
        let between = skip_between(ctx, cue_start, lo);
        let j = between.start;

        // Passive: "is said to", "it was announced that", "he was told that" — no source.
        if let (Some(be), VerbForm::Past, true) = (between.be, cue.form, cue_start == i) {
            let next_to = ctx.is(cue_end, "to") || ctx.is(cue_end, "that");
            if !matches!(
                cue.class,
                CueClass::Speech | CueClass::Belief | CueClass::Evidence | CueClass::Intent
            ) || !next_to
            {
                return 0;
            }
            let subject = np_before(ctx, j, lo);
            let expletive = subject
                .as_ref()
                .is_some_and(|s| s.tokens.len() == 1 && ctx.is(s.tokens.start, "it"));
            let content = if expletive {
                content_after(ctx, &cue, cue_end, hi)
            } else {
                let from = subject.as_ref().map_or(j, |s| s.tokens.start);
                Some(from..hi)
            };
            let Some(content) = content else { return 0 };
            let d = Draft {
                kind: ClaimKind::Sourceless,
                content,
                source: None,
                cue: Some(CueMatch {
                    tokens: be..cue_end,
                    polarity: cue.polarity,
                    class: cue.class,
                    negated: between.negated,
                }),
            };
            self.push(drafts, used, d);
            return len;
        }

        // The source.
        let mut inverted = false;
        let mut joined_at = None;
        let source: Np;
        let ing = cue.form == VerbForm::Ing && cue_start == i;
        let joined = |t: usize| {
            ctx.is_punct(t, &[",", "—", "–", ";"])
                || ctx.has(t, class::CONJ | class::SUBORD)
                || ctx.is(t, "by")
                || ctx.is(t, "without")
        };
        // "continued" attributes only before a colon ("Caddell continued:")
        if cue.lemma == "continue" && !ctx.is_punct(cue_end, &[":"]) {
            return 0;
        }
        if ing && between.be.is_none() {
            let complement = ctx.is(cue_end, "that")
                || ctx.is_punct(cue_end, &[":"])
                || ctx.is_quote(cue_end)
                || (ctx.is_punct(cue_end, &[","]) && ctx.is_quote(cue_end + 1));
            if j == lo || joined(j - 1) {
                let Some(np) = clause_subject(ctx, lo, j, drafts, self.first, self.speaker) else {
                    return 0;
                };
                source = np;
                joined_at = Some(j);
            } else if let Some(np) = np_before(ctx, j, lo) {
                // "officials saying that ...", "a warning suggesting that ..."
                if !complement {
                    return 0;
                }
                if ctx.has(np.head, class::SPEECH_ACT) {
                    let Some(s) =
                        clause_subject(ctx, lo, np.tokens.start, drafts, self.first, self.speaker)
                    else {
                        return 0;
                    };
                    source = s;
                } else {
                    source = np;
                }
            } else {
                return 0;
            }
        } else if let Some(np) = np_before(ctx, j, lo) {
            source = np;
        } else if let Some(np) = appositive_subject(ctx, j, lo, hi, cue_end).or_else(|| {
            // "Three officials, who spoke on condition of anonymity, said the strikes would go on"
            let clause =
                content_after(ctx, &cue, cue_end, hi).is_some_and(|c| !is_adverbial(ctx, c, &cue));
            (j > lo && clause)
                .then(|| fronted_subject(ctx, j - 1, lo, false))
                .flatten()
        }) {
            // "Phil Smith, a spokesman for the union, said the mine would reopen"
            source = np;
        } else if j > lo && ctx.has(j - 1, class::CONJ) && j - 1 > lo {
            // "Trump claimed X and blamed Y"; "Mr. Schultz supported Democrats … and said Y": the
            // speaker of the claim before, else the sentence's subject
            let earlier = (self.first..drafts.len())
                .rev()
                .find(|&d| drafts[d].source.is_some() && drafts[d].kind != ClaimKind::According);
            let subject = match earlier {
                Some(d) => drafts[d].source.clone(),
                None => sentence_subject(ctx, lo, j - 1),
            };
            let Some(np) = subject
                .or_else(|| clause_subject(ctx, lo, j - 1, drafts, self.first, self.speaker))
            else {
                return 0;
            };
            source = np;
            joined_at = Some(j);
        } else if (j == lo || ctx.is_punct(j - 1, &[",", "—", "–"]) || ctx.is_quote(j - 1))
            && cue.form != VerbForm::Ing
        {
            // "Y, said X" / "Y, says X, the director of ..."
            let Some(np) = np_after(ctx, cue_end, hi) else {
                return 0;
            };
            source = np;
            inverted = true;
        } else {
            return 0;
        }

        // "plans", "states", "underscores": after a description these are cues only when a
        // clause follows ("the report states that"; not "economic plans", "her stance
        // underscores the risk")
        if cue.strict && !inverted && joined_at.is_none() && !ing {
            let named = ctx.has(source.head, class::PRON | class::REL)
                || ctx.name_entity(source.head).is_some()
                || (ctx.is_capitalised(source.head) && source.head > lo);
            let clause = ctx.is(cue_end, "that")
                || ctx.is_punct(cue_end, &[":"])
                || ctx.is_quote(cue_end)
                || (cue.class == CueClass::Intent && ctx.is(cue_end, "to"));
            let prev = cue_start.saturating_sub(1);
            let adjective_before = ctx.has(prev, class::DET | class::POSS)
                || ["al", "ive", "ous", "ic", "ful", "less", "able"]
                    .iter()
                    .any(|suffix| ctx.word(prev).ends_with(suffix));
            // "New York state attorney general", "Trump plans rallies": a compound noun goes on
            let compound = cue_end < hi
                && ctx.is_content_word(cue_end)
                && !ctx.is_capitalised(cue_end)
                && ctx.name_entity(cue_end).is_none();
            let preposition = ctx.has(cue_end, class::PREP) && !ctx.is(cue_end, "to");
            // a description needs a clause after the cue; a name needs no more than that the
            // noun compound does not go on
            let verb_reading = clause || (named && !preposition && !compound);
            if !verb_reading || (!named && adjective_before) {
                return 0;
            }
        }
        // "the city learned to swim", "she found to her surprise": a finding takes a clause or an
        // object, never an infinitive
        if cue.class == CueClass::Evidence && !inverted && ctx.is(cue_end, "to") {
            return 0;
        }
        // "did not respond to requests for comment": no claim
        if between.negated
            && matches!(
                cue.lemma,
                "respond" | "reply" | "comment" | "answer" | "return"
            )
        {
            return 0;
        }
        // "I think", "you want", "we believe": a speaker's own hedge, not an attribution
        if (cue.class == CueClass::Belief || cue.lemma == "want")
            && source.tokens.len() == 1
            && ["i", "we", "you"].iter().any(|p| ctx.is(source.head, p))
        {
            return 0;
        }
        // The content.
        let content = if inverted {
            match content_before(ctx, lo, j) {
                Some(c) => c,
                None => return 0,
            }
        } else if joined_at.is_some() || ing {
            match content_after(ctx, &cue, cue_end, hi) {
                Some(c) => c,
                None => return 0,
            }
        } else {
            let sep = source.tokens.start;
            let sep_ok = sep > lo
                && (ctx.is_punct(sep - 1, &[",", "—", "–"])
                    || ctx.is_quote(sep - 1)
                    || ctx.is(sep - 1, "as"));
            // the words after the cue up to the next comma
            let mut r1 = cue_end;
            while r1 < hi && !ctx.is_punct(r1, &[",", ";", ":"]) && r1 - cue_end <= 8 {
                r1 += 1;
            }
            let right_adverbial = is_adverbial(ctx, cue_end..r1, &cue);
            let continues = r1 < hi
                && ctx.is_punct(r1, &[","])
                && cue_at(ctx, r1 + 1, hi).is_none()
                && two_words(ctx, r1 + 1, hi);
            if sep_ok && right_adverbial {
                if continues {
                    lo..hi // "Y, X said, Z"
                } else {
                    match content_before(ctx, lo, sep) {
                        Some(c) => c,
                        None => return 0,
                    }
                }
            } else if let Some(c) = content_after(ctx, &cue, cue_end, hi) {
                c
            } else if right_adverbial && self.raw_end > hi && ctx.is_punct(hi, &[":"]) {
                // "Caddell continued:" — the content is the next sentence
                let next = self.sentence + 1;
                let Some(s) = ctx.doc.sentences.get(next) else {
                    return 0;
                };
                if ctx.doc.boilerplate_sentence[next] {
                    return 0;
                }
                let e = trim_end(ctx, s.tokens.clone());
                let mut c = s.tokens.start;
                while c < e && ctx.is_quote(c) {
                    c += 1;
                }
                if c >= e {
                    return 0;
                }
                c..e
            } else {
                return 0;
            }
        };
        if let Some(j) = joined_at {
            // the earlier claim of the sentence stops where this clause begins
            let mut b = j;
            while b > lo && (joined(b - 1) || ctx.is(b - 1, "even")) {
                b -= 1;
            }
            self.breaks.push(b);
        }
        let kind = if content.start > lo && ctx.is_quote(content.start - 1)
            || content.end < ctx.len() && ctx.is_quote(content.end)
        {
            ClaimKind::Quote
        } else {
            ClaimKind::Reported
        };
        let d = Draft {
            kind,
            content,
            source: Some(source),
            cue: Some(CueMatch {
                tokens: cue_start..cue_end,
                polarity: cue.polarity,
                class: cue.class,
                negated: between.negated,
            }),
        };
        self.push(drafts, used, d);
        len
    }
}

/// Finds the attributions of every sentence that the quote and speaker-label finders left.
pub fn find(ctx: &Ctx, quotes: &[Quote], used: &mut [bool], drafts: &mut Vec<Draft>) {
    // the quote token `i` is inside, if any (quotes are in text order and do not overlap)
    let inside = |i: usize| {
        let q = quotes.partition_point(|q| q.end <= i);
        quotes.get(q).filter(|q| q.open < i)
    };
    // the speakers the quote and label finders found, by the sentence of their cue
    let mut speakers: Vec<Option<usize>> = vec![None; ctx.doc.sentences.len()];
    for (d, draft) in drafts.iter().enumerate() {
        if let Some(c) = &draft.cue {
            if let Some(x) = speakers.get_mut(ctx.sentence_of(c.tokens.start)) {
                *x = Some(d);
            }
        }
    }
    // buffers reused from sentence to sentence (cleared before each)
    let (mut breaks, mut weak, mut attributed) = (Vec::new(), Vec::new(), Vec::new());
    for (s, sent) in ctx.doc.sentences.iter().enumerate() {
        // a sentence without a word that may start an attribution has none
        if ctx.doc.boilerplate_sentence[s]
            || sent.tokens.is_empty()
            || !ctx.sentence_has(s, class::TRIGGER)
        {
            continue;
        }
        let lo = sent.tokens.start;
        let hi = trim_end(ctx, sent.tokens.clone());
        // "Did the minister say that?": a question asserts nothing (quotes inside it still do)
        let question = (lo..sent.tokens.end)
            .rev()
            .take(3)
            .any(|k| ctx.is_punct(k, &["?"]));
        breaks.clear();
        weak.clear();
        let mut scan = Scan {
            ctx,
            lo,
            hi,
            raw_end: sent.tokens.end,
            sentence: s,
            first: drafts.len(),
            breaks: std::mem::take(&mut breaks),
            weak: std::mem::take(&mut weak),
            speaker: speakers[s],
        };
        let mut hedge_cue = None;
        let mut i = lo;
        while i < hi {
            if used[i] || !ctx.has(i, class::TRIGGER) || !ctx.is_word(i) {
                i += 1;
                continue;
            }
            // A cue inside quotation marks reports within the quote: its source and content stay
            // inside the marks ("Out of nowhere, he said, 'If we don't…'").
            scan.lo = lo;
            scan.hi = hi;
            let quote = inside(i);
            if let Some(q) = quote {
                scan.lo = lo.max(q.open + 1);
                scan.hi = hi.min(q.end);
            }
            let hi = scan.hi;
            if question && quote.is_none() {
                i += 1;
                continue;
            }
            let n = if ctx.is(i, "according") && ctx.is(i + 1, "to") && i + 1 < hi {
                scan.according_to(i, drafts, used)
            } else if ctx.is(i, "citing") {
                scan.citing(i, drafts, used)
            } else if let Some((cue, len)) = cue_at(ctx, i, hi) {
                match scan.verb(i, cue, len, drafts, used) {
                    0 => scan.noun(i, drafts, used),
                    n => n,
                }
            } else if ctx.info(i).noun > 0 {
                scan.noun(i, drafts, used)
            } else {
                if hedge_cue.is_none()
                    && ctx.has(i, class::HEDGE)
                    && ["reportedly", "allegedly", "purportedly", "supposedly"]
                        .iter()
                        .any(|w| ctx.is(i, w))
                {
                    hedge_cue = Some(i);
                }
                1
            };
            i += n.max(1);
        }
        // "X reportedly did Y": with no other cue, the hedge is the cue of a sourceless claim.
        if let (Some(h), true) = (hedge_cue, drafts.len() == scan.first) {
            let d = Draft {
                kind: ClaimKind::Sourceless,
                content: lo..hi,
                source: None,
                cue: Some(CueMatch {
                    tokens: h..h + 1,
                    polarity: Polarity::Assert,
                    class: CueClass::Belief,
                    negated: false,
                }),
            };
            scan.push(drafts, used, d);
        }
        // "Citing X, the report says Y": the citing clause gives way to the sentence's own cue.
        if !scan.weak.is_empty() && drafts.len() - scan.first > scan.weak.len() {
            for &w in &scan.weak {
                drafts[w].content = 0..0; // dropped by the caller
            }
        }
        // "The tram is expected to open, officials said": a passive cue inside the content of
        // the sentence's attributed claim is a hedge of it, not a claim of its own.
        attributed.clear();
        attributed.extend(
            drafts[scan.first..]
                .iter()
                .filter(|d| d.kind != ClaimKind::Sourceless && d.source.is_some())
                .map(|d| d.content.clone()),
        );
        if !attributed.is_empty() {
            for d in &mut drafts[scan.first..] {
                let inside = d.cue.as_ref().is_some_and(|c| {
                    attributed
                        .iter()
                        .any(|r| r.start <= c.tokens.start && c.tokens.end <= r.end)
                });
                if d.kind == ClaimKind::Sourceless && inside {
                    d.content = 0..0; // dropped by the caller
                }
            }
        }
        // ";" ends reported content too (looked for only when the sentence has a claim).
        if drafts.len() > scan.first {
            for k in lo..hi {
                if ctx.is_punct_byte(k, b';') {
                    scan.breaks.push(k);
                }
            }
        }
        if !scan.breaks.is_sorted() {
            let order = super::context::sorted_order(scan.breaks.iter().map(|&b| b as u64));
            scan.breaks = super::context::reorder(std::mem::take(&mut scan.breaks), &order);
        }
        for d in &mut drafts[scan.first..] {
            let cue_start = d.cue.as_ref().map_or(d.content.start, |c| c.tokens.start);
            if cue_start >= d.content.start {
                continue; // content before the cue: it ends at the cue already
            }
            // the first break inside the content ends it
            let b = scan.breaks[scan.breaks.partition_point(|&b| b <= d.content.start)..]
                .first()
                .copied();
            if let Some(b) = b.filter(|&b| b < d.content.end) {
                let mut e = b;
                while e > d.content.start && ctx.is_punct(e - 1, &[",", ";", "—", "–"]) {
                    e -= 1;
                }
                if e > d.content.start {
                    d.content.end = e;
                }
            }
        }
        breaks = scan.breaks;
        weak = scan.weak;
    }
}
