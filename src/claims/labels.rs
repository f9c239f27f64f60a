//! Speaker labels: the name before a colon that says who speaks.
//!
//! * Transcripts: `PENCE: Well, look, …` — a line that starts with a name in capitals and a colon.
//!   When a text has at least three such labels it is a transcript: each label's turn runs until
//!   the next label, a blank line or [`MAX_TURN`] sentences, and every sentence of the turn is a
//!   claim of that speaker (so each sentence keeps its own check-worthiness).
//! * Headlines and paragraphs: `Pence: Gennifer Flowers Won't Be at Debate` — a line that starts
//!   with a known name (a person or organisation) and a colon; the rest of the sentence is the
//!   claim. Labels such as "Note:", "Update:" or "Watch:" are not speakers.

use std::ops::Range;

use super::attribution::trim_end;
use super::context::Ctx;
use super::lexicon::class;
use super::phrases::Np;
use super::{CueMatch, Draft};
use crate::annotation::{ClaimKind, Label};

/// The most sentences a transcript turn runs after its label's own sentence.
pub const MAX_TURN: usize = 60;

/// The longest speaker label, in words.
const MAX_LABEL: usize = 4;

struct SpeakerLabel {
    sentence: usize,
    /// The name's tokens.
    name: Range<usize>,
    /// The colon.
    colon: usize,
    /// Written in capitals ("PENCE", "BOB SCHIEFFER") and able to be a speaker (see
    /// [`caps_speaker`]; set by [`find`]).
    caps: bool,
}

/// The speaker label that starts sentence `s`, if any.
fn label_at(ctx: &Ctx, s: usize) -> Option<SpeakerLabel> {
    let r = ctx.doc.sentences[s].tokens.clone();
    // a label begins a line (or the text), maybe after an opening quotation mark
    if r.is_empty() || !(r.start == 0 || ctx.doc.tokens[r.start].newlines_before > 0) {
        return None;
    }
    let mut k = r.start;
    if ctx.is_quote(k) {
        k += 1;
    }
    let start = k;
    let mut words = 0;
    while k < r.end && words <= MAX_LABEL {
        if ctx.is_punct(k, &[":"]) {
            break;
        }
        if ctx.is_word(k) && ctx.is_capitalised(k) {
            words += 1;
        } else if !(ctx.is_punct(k, &["."]) && words > 0) {
            return None;
        }
        k += 1;
    }
    if words == 0 || words > MAX_LABEL || k >= r.end || !ctx.is_punct(k, &[":"]) {
        return None;
    }
    // something must follow the colon on the same line
    if k + 1 >= r.end || ctx.doc.tokens[k + 1].newlines_before > 0 {
        return None;
    }
    if ctx.has(start, class::NOT_SPEAKER | class::FUNCTION) {
        return None;
    }
    let caps = (start..k).all(|t| !ctx.is_word(t) || ctx.doc.tokens[t].all_upper)
        && (start..k).any(|t| ctx.word(t).len() >= 2);
    // "COMMENTARY: FOR WORKERS, THE DREAM MARCHES ON": a section heading, not a speaker
    if caps {
        let line = (k + 1..r.end)
            .take_while(|&t| t == k + 1 || ctx.doc.tokens[t].newlines_before == 0)
            .filter(|&t| ctx.is_word(t));
        let (mut words, mut upper) = (0, 0);
        for t in line {
            words += 1;
            upper += usize::from(ctx.doc.tokens[t].all_upper);
        }
        if words >= 2 && upper == words {
            return None;
        }
    }
    Some(SpeakerLabel {
        sentence: s,
        name: start..k,
        colon: k,
        caps,
    })
}

/// True when a label that is not in capitals names a person or organisation known to the text.
fn names_someone(ctx: &Ctx, l: &SpeakerLabel) -> bool {
    let mut k = l.name.start;
    let mut any = false;
    while k < l.name.end {
        match ctx.name_entity(k) {
            Some(e) if matches!(ctx.label(e), Label::Person | Label::Org) => {
                any = true;
                k = ctx.entity_tokens(e).end.max(k + 1);
            }
            _ if ctx.is_punct(k, &["."]) => k += 1,
            _ => return false,
        }
    }
    any
}

/// True when a label in capitals can be a speaker: one word ("PENCE", "MOS"), or several of which
/// one is in a person's or organisation's name ("BOB SCHIEFFER", "SEN. KAINE"); several words
/// naming no one are a news brief's heading ("ABORTION RULING UPHELD: A federal court …").
fn caps_speaker(ctx: &Ctx, l: &SpeakerLabel) -> bool {
    let words = l.name.clone().filter(|&t| ctx.is_word(t)).count();
    words == 1
        || l.name.clone().any(|k| {
            ctx.name_entity(k)
                .is_some_and(|e| matches!(ctx.label(e), Label::Person | Label::Org))
        })
}

fn draft(l: &SpeakerLabel, content: Range<usize>) -> Draft {
    Draft {
        kind: ClaimKind::Quote,
        content,
        source: Some(Np {
            tokens: l.name.clone(),
            head: l.name.end - 1,
        }),
        cue: Some(CueMatch::speech(l.colon..l.colon + 1)),
    }
}

/// Finds the claims of speaker labels.
pub fn find(ctx: &Ctx, used: &mut [bool], drafts: &mut Vec<Draft>) {
    let labels: Vec<SpeakerLabel> = (0..ctx.doc.sentences.len())
        .filter(|&s| !ctx.doc.boilerplate_sentence[s])
        .filter_map(|s| label_at(ctx, s))
        .map(|mut l| {
            l.caps = l.caps && caps_speaker(ctx, &l);
            l
        })
        .collect();
    let transcript = labels.iter().filter(|l| l.caps).count() >= 3;
    for (n, l) in labels.iter().enumerate() {
        let turn = l.caps && transcript;
        if !(names_someone(ctx, l) || turn) {
            continue;
        }
        used[l.colon] = true;
        let s = l.sentence;
        let sent = ctx.doc.sentences[s].tokens.clone();
        let e = trim_end(ctx, sent.clone());
        if l.colon + 1 < e {
            drafts.push(draft(l, l.colon + 1..e));
        }
        if !turn {
            continue;
        }
        // The turn: every following sentence up to the next label.
        let until = labels
            .get(n + 1)
            .map_or(ctx.doc.sentences.len(), |next| next.sentence);
        for t in s + 1..until.min(s + 1 + MAX_TURN) {
            let r = ctx.doc.sentences[t].tokens.clone();
            // a blank line ends the turn: what follows is another text, not the speaker's words
            if ctx.doc.boilerplate_sentence[t]
                || ctx
                    .doc
                    .tokens
                    .get(r.start)
                    .is_some_and(|k| k.newlines_before >= 2)
            {
                break;
            }
            let mut c = r.start;
            while c < r.end && ctx.is_quote(c) {
                c += 1;
            }
            let e = trim_end(ctx, r.clone());
            if c < e {
                drafts.push(draft(l, c..e));
            }
        }
    }
}
