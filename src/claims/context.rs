//! What every claim finder needs to know about each token, computed once per text: the token's
//! word id in the claim lexicon, the entity covering it, and its sentence.

use std::ops::Range;

use super::lexicon::{claim_lexicon, class, ClaimLexicon, Phrase, WordInfo};
use crate::annotation::{Cluster, Entity, Label};
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// A text as the claim finders see it.
pub struct Ctx<'a> {
    /// The text, its tokens and sentences.
    pub doc: &'a Doc<'a>,
    /// The entities found in it, in text order.
    pub entities: &'a [Entity],
    /// Their clusters.
    pub clusters: &'a [Cluster],
    /// The claim word lists.
    pub lx: &'static ClaimLexicon,
    /// Per token: its word id in the claim lexicon (0: not a word, or in no list).
    ids: Vec<u16>,
    /// Per token: the id + 1 of the entity covering it (0: none).
    ent_at: Vec<u32>,
    /// Per entity: where it is and what it is.
    ents: Vec<EntityAt>,
    /// The entities are in text order (by start).
    entities_sorted: bool,
    /// Per block of [`SENTENCE_BLOCK`] tokens: the sentence of its first token, where the search
    /// for the sentence of any token of the block starts (see [`Ctx::sentence_of`]).
    block_sentence: Vec<u32>,
    /// Per sentence: the classes of all its words, or-ed, to pass over a sentence that cannot
    /// hold what a finder looks for.
    sentence_classes: Vec<u64>,
    /// One bit per token: a hedge may start there (see [`Ctx::next_hedge_start`]).
    hedge_starts: Vec<u64>,
}

/// What the claim finders read of an entity, kept compact (an [`Entity`] is over a hundred bytes,
/// with its text and role elsewhere on the heap): filled in as [`Ctx::new`] maps the entity onto
/// the tokens.
#[derive(Clone, Copy, Debug)]
struct EntityAt {
    /// Its first token and the token after its last.
    first: u32,
    end: u32,
    cluster: u32,
    label: Label,
    /// It has a role ("President").
    has_role: bool,
}

/// Tokens per entry of [`Ctx::block_sentence`]: a sentence is found by a short walk from its
/// block's first sentence, for a table 32 times smaller than one entry per token.
const SENTENCE_BLOCK: usize = 32;

/// The permutation that sorts `keys` (ties keep their order). All sorting in the claim stage goes
/// through this one function on `(key, index)` pairs: every `sort_by_key` with its own closure
/// would be compiled again into the wasm.
pub fn sorted_order(keys: impl Iterator<Item = u64>) -> Vec<usize> {
    let mut pairs: Vec<(u64, u32)> = keys.zip(0u32..).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i as usize).collect()
}

/// `items` reordered by `order` (a permutation from [`sorted_order`]).
pub fn reorder<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    // sized up front: collecting from `filter_map` would grow by doubling, old and new alive
    let mut out = Vec::with_capacity(order.len());
    out.extend(order.iter().filter_map(|&i| slots.get_mut(i)?.take()));
    out
}

/// The opening and closing quotation marks claimlens knows.
#[inline]
pub fn is_quote_mark(s: &str) -> bool {
    // every mark starts with one of these bytes: a cheap test before the comparisons
    if !matches!(
        s.as_bytes().first(),
        Some(b'"' | b'\'' | b'`' | 0xE2 | 0xC2)
    ) {
        return false;
    }
    matches!(
        s,
        "\"" | "“" | "”" | "„" | "«" | "»" | "‘" | "’" | "'" | "‹" | "›" | "''" | "``"
    )
}

impl<'a> Ctx<'a> {
    /// Indexes `doc` and its entities, one sentence at a time, and calls `each_sentence` with
    /// each sentence as soon as its tokens are indexed, while they are still in cache: the
    /// context it is given knows the tokens up to the end of that sentence (and no word id
    /// after it).
    pub fn new(
        doc: &'a Doc<'a>,
        entities: &'a [Entity],
        clusters: &'a [Cluster],
        mut each_sentence: impl FnMut(&Ctx<'a>, usize),
    ) -> Ctx<'a> {
        let n = doc.tokens.len();
        // the sentence of the first token of every block
        let mut block_sentence = Vec::with_capacity(n.div_ceil(SENTENCE_BLOCK));
        let mut s = 0;
        for first in (0..n).step_by(SENTENCE_BLOCK) {
            while s < doc.sentences.len() && doc.sentences[s].tokens.end <= first {
                s += 1;
            }
            block_sentence.push(s as u32);
        }
        let mut ctx = Ctx {
            doc,
            entities,
            clusters,
            lx: claim_lexicon(),
            ids: Vec::with_capacity(n),
            ent_at: vec![0; n],
            ents: vec![
                EntityAt {
                    first: 0,
                    end: 0,
                    cluster: 0,
                    label: Label::Person,
                    has_role: false,
                };
                entities.len()
            ],
            entities_sorted: entities.is_sorted_by_key(|e| e.span.start),
            block_sentence,
            sentence_classes: Vec::with_capacity(doc.sentences.len()),
            hedge_starts: vec![0; n.div_ceil(64)],
        };
        // Entities and tokens are both in text order: one merge pass maps one onto the other,
        // each entity taken in before the sentence where it starts is indexed.
        let order = ctx.entities_by_start();
        let (mut next, mut t) = (0, 0);
        for (s, sent) in doc.sentences.iter().enumerate() {
            let r = sent.tokens.start.min(n)..sent.tokens.end.min(n);
            let end = r
                .end
                .checked_sub(1)
                .map_or(0, |last| doc.tokens[last].span.end);
            while next < order.len() && entities[order[next]].span.start < end {
                ctx.map_entity(order[next], &mut t);
                next += 1;
            }
            if ctx.ids.len() < r.start {
                ctx.index(ctx.ids.len()..r.start); // tokens outside any sentence
            }
            // (a sentence that overlaps the one before: its tokens are indexed once)
            let from = r.start.max(ctx.ids.len()).min(r.end);
            let mut classes = ctx.index(from..r.end);
            for k in r.start..from {
                classes |= ctx.info(k).class;
            }
            ctx.sentence_classes.push(classes);
            each_sentence(&ctx, s);
        }
        for &e in &order[next..] {
            ctx.map_entity(e, &mut t);
        }
        ctx.index(ctx.ids.len()..n);
        ctx
    }

    /// Maps entity `e` onto the tokens, from token `t` on (the merge step of [`Ctx::new`]).
    fn map_entity(&mut self, e: usize, t: &mut usize) {
        let tokens = &self.doc.tokens;
        let entity = &self.entities[e];
        let span = entity.span;
        while *t > 0 && tokens[*t - 1].span.end > span.start {
            *t -= 1; // defensive: overlapping entities
        }
        while *t < tokens.len() && tokens[*t].span.end <= span.start {
            *t += 1;
        }
        let first = *t;
        while *t < tokens.len() && tokens[*t].span.start < span.end {
            self.ent_at[*t] = e as u32 + 1;
            *t += 1;
        }
        self.ents[e] = EntityAt {
            first: first as u32,
            end: *t as u32,
            cluster: entity.cluster as u32,
            label: entity.label,
            has_role: entity.role.is_some(),
        };
    }

    /// Indexes tokens `range` (the next ones not indexed yet): their word ids, and where a hedge
    /// may start (a word outside any entity that is a hedge not written with a capital, or the
    /// first word of a hedge phrase). Returns the classes of their words, or-ed.
    fn index(&mut self, range: Range<usize>) -> u64 {
        let (lx, text) = (self.lx, self.doc.text);
        let mut classes = 0;
        for i in range {
            let tok = &self.doc.tokens[i];
            if tok.kind != TokenKind::Word {
                self.ids.push(0);
                continue;
            }
            let id = lx.id_in(text, tok.span.start, tok.span.end);
            self.ids.push(id as u16);
            let class = lx.info(id).class;
            classes |= class;
            if class & (class::HEDGE_PHRASE | class::HEDGE) != 0
                && self.ent_at[i] == 0
                && (class & class::HEDGE_PHRASE != 0 || !tok.is_capitalised())
            {
                self.hedge_starts[i / 64] |= 1 << (i % 64);
            }
        }
        classes
    }

    /// The first token in `i..end` that is a word outside any entity and either a one-word
    /// hedge not written with a capital or the first word of a hedge phrase: where a hedge may
    /// start. `end` when there is none.
    #[inline]
    pub fn next_hedge_start(&self, i: usize, end: usize) -> usize {
        let end = end.min(self.len());
        let mut k = i;
        while k < end {
            let bits = self.hedge_starts[k / 64] >> (k % 64);
            if bits != 0 {
                return (k + bits.trailing_zeros() as usize).min(end);
            }
            k = (k / 64 + 1) * 64;
        }
        end
    }

    /// True when a word of sentence `s` is in any of the classes `bits`: when it is not, no
    /// token of the sentence [`Ctx::has`] them.
    #[inline]
    pub fn sentence_has(&self, s: usize, bits: u64) -> bool {
        self.sentence_classes.get(s).is_some_and(|&c| c & bits != 0)
    }

    /// The number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// True when the text has no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The text of token `i` ("" past the end).
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        match self.doc.tokens.get(i) {
            Some(t) => t.span.slice(self.doc.text),
            None => "",
        }
    }

    /// The claim-lexicon id of token `i` (0: in no list, or past the end).
    #[inline]
    pub fn id(&self, i: usize) -> u32 {
        self.ids.get(i).map_or(0, |&id| u32::from(id))
    }

    /// What token `i` is in the claim lexicon (nothing, past the end).
    #[inline]
    pub fn info(&self, i: usize) -> &'static WordInfo {
        self.lx.info(self.id(i))
    }

    /// True when token `i` is in any of the classes `bits`.
    #[inline]
    pub fn has(&self, i: usize, bits: u64) -> bool {
        self.info(i).class & bits != 0
    }

    /// True when token `i` is `w` (lower case, in the lists), ignoring case. (Not inlined: it is
    /// called from a hundred places, and inlining each would swell the wasm.)
    #[inline(never)]
    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.len() && self.word(i).eq_ignore_ascii_case(w)
    }

    /// True for a one-byte punctuation token `b` (",", ";", ":", ...).
    #[inline]
    pub fn is_punct_byte(&self, i: usize, b: u8) -> bool {
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        t.kind == TokenKind::Punct
            && t.span.len() == 1
            && self.doc.text.as_bytes().get(t.span.start) == Some(&b)
    }

    /// True for a punctuation token whose text is one of `marks`. (Not inlined, as [`Ctx::is`].)
    #[inline(never)]
    pub fn is_punct(&self, i: usize, marks: &[&str]) -> bool {
        i < self.len()
            && self.doc.tokens[i].kind == TokenKind::Punct
            && marks.contains(&self.word(i))
    }

    /// True for a word token (not a number or punctuation).
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// True for a word token that may be part of a name or description: not a function word.
    #[inline]
    pub fn is_content_word(&self, i: usize) -> bool {
        self.is_word(i) && !self.has(i, class::FUNCTION) && !self.is_possessive_s(i)
    }

    /// True for the possessive "'s" / "’s" token.
    #[inline]
    pub fn is_possessive_s(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() <= 4 && (w.eq_ignore_ascii_case("'s") || w == "’s" || w == "’S")
    }

    /// True when token `i` starts with a capital letter.
    #[inline]
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.is_capitalised())
    }

    /// True when token `i` is a quotation mark.
    #[inline]
    pub fn is_quote(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
            && is_quote_mark(self.word(i))
    }

    /// The entity covering token `i`, if any.
    #[inline]
    pub fn entity(&self, i: usize) -> Option<usize> {
        match self.ent_at.get(i) {
            Some(&e) if e > 0 => Some(e as usize - 1),
            _ => None,
        }
    }

    /// The entity covering token `i`, when it is a name (person, organisation, place, group,
    /// event).
    #[inline]
    pub fn name_entity(&self, i: usize) -> Option<usize> {
        self.entity(i).filter(|&e| self.label(e).is_name())
    }

    /// The token range of entity `e`.
    #[inline]
    pub fn entity_tokens(&self, e: usize) -> Range<usize> {
        self.ents
            .get(e)
            .map_or(0..0, |x| x.first as usize..x.end as usize)
    }

    /// The label of entity `e`.
    #[inline]
    pub fn label(&self, e: usize) -> Label {
        self.ents[e].label
    }

    /// The cluster of entity `e`.
    #[inline]
    pub fn cluster_of(&self, e: usize) -> usize {
        self.ents[e].cluster as usize
    }

    /// True when entity `e` has a role ("President").
    #[inline]
    pub fn has_role(&self, e: usize) -> bool {
        self.ents[e].has_role
    }

    /// The entities in text order (by start; ties in their order).
    pub fn entities_by_start(&self) -> Vec<usize> {
        if self.entities_sorted {
            (0..self.entities.len()).collect()
        } else {
            // (through a Vec: the same `sorted_order` as the claims' own, not one more in the wasm)
            let starts: Vec<u64> = self.entities.iter().map(|e| e.span.start as u64).collect();
            sorted_order(starts.iter().copied())
        }
    }

    /// The sentence token `i` is in (a token past the end: the last token's; a token in no
    /// sentence: 0). (Not inlined: called from many places, none of them per token.)
    #[inline(never)]
    pub fn sentence_of(&self, i: usize) -> usize {
        let i = match self.len() {
            0 => return 0,
            n => i.min(n - 1),
        };
        let sentences = &self.doc.sentences;
        let mut s = self.block_sentence[i / SENTENCE_BLOCK] as usize;
        while s < sentences.len() && sentences[s].tokens.end <= i {
            s += 1;
        }
        match sentences.get(s) {
            Some(sent) if sent.tokens.start <= i => s,
            _ => 0,
        }
    }

    /// The byte span of tokens `r` (empty at the end of the text when `r` is empty).
    pub fn span(&self, r: Range<usize>) -> Span {
        if r.start >= r.end || r.end > self.len() {
            let at = self
                .doc
                .tokens
                .get(r.start)
                .map_or(self.doc.text.len(), |t| t.span.start);
            return Span::new(at, at);
        }
        Span::new(
            self.doc.tokens[r.start].span.start,
            self.doc.tokens[r.end - 1].span.end,
        )
    }

    /// The longest phrase of the lexicon starting at token `i` and ending before `hi` for which
    /// `want` holds, with its length in tokens.
    pub fn phrase_at(
        &self,
        i: usize,
        hi: usize,
        want: impl Fn(&Phrase) -> bool,
    ) -> Option<(&'static Phrase, usize)> {
        let id = self.id(i);
        if id == 0 {
            return None;
        }
        self.lx.phrases_from(id).iter().find_map(|p| {
            let n = p.words.len();
            (i + n <= hi
                && want(p)
                && p.words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, &w)| self.id(i + k) == w))
            .then_some((p, n))
        })
    }
}
