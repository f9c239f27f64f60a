//! Text → boilerplate, tokens and sentences: the first stage of the pipeline.

pub mod boilerplate;
pub mod sentences;
pub mod tokens;

pub use boilerplate::find_boilerplate;
pub use sentences::{split_sentences, SentenceRange};
pub use tokens::{tokenize, Token, TokenKind};

use crate::lexicon::Lexicon;
use crate::span::Span;

/// A text prepared for the recognisers: its tokens, sentences and boilerplate.
#[derive(Debug)]
pub struct Doc<'t> {
    /// The text, unchanged.
    pub text: &'t str,
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order, with its token range.
    pub sentences: Vec<SentenceRange>,
    /// For each sentence, whether it lies in boilerplate.
    pub boilerplate_sentence: Vec<bool>,
    /// Boilerplate spans (see [`boilerplate`]).
    pub boilerplate: Vec<Span>,
}

impl<'t> Doc<'t> {
    /// Tokenises `text`, splits it into sentences and marks its boilerplate.
    pub fn new(text: &'t str, lexicon: &Lexicon) -> Doc<'t> {
        let tokens = tokenize(text);
        let sentences = split_sentences(&tokens, text);
        let boilerplate = find_boilerplate(text, lexicon);
        // Both lists are in text order and do not overlap: one sweep over them.
        let mut first = 0;
        let boilerplate_sentence = sentences
            .iter()
            .map(|s| {
                while first < boilerplate.len() && boilerplate[first].end <= s.span.start {
                    first += 1;
                }
                let inside: usize = boilerplate[first..]
                    .iter()
                    .take_while(|b| b.start < s.span.end)
                    .map(|b| overlap(*b, s.span))
                    .sum();
                inside * 2 > s.span.len()
            })
            .collect();
        Doc {
            text,
            tokens,
            sentences,
            boilerplate_sentence,
            boilerplate,
        }
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The text of token `i`, or `""` past the last token (so a look-ahead never panics).
    #[inline]
    pub fn tok_text(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}
