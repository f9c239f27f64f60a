//! Properties of the claims of any text: generated texts mixing quotation marks, reporting verbs,
//! names, pronouns and punctuation, and hostile inputs. For every claim the content, source and
//! cue lie in bounds, on char boundaries and inside the sentences the claim reports; the
//! check-worthiness is in 0..1; ids follow text order. A failure prints the seed to replay.

#[path = "support/invariants.rs"]
mod invariants;

use claimlens::{Annotation, Annotator};

/// xorshift64*: a small deterministic generator, so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "«",
    "»",
    "—",
    "―",
    ":",
    ",",
    ".",
    "?",
    "!",
    ";",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "said",
    "says",
    "told",
    "claimed",
    "denied",
    "according to",
    "citing",
    "reportedly",
    "is said to",
    "it was announced that",
    "added",
    "warned",
    "he",
    "she",
    "they",
    "who",
    "I",
    "we",
    "Ana Lima",
    "Jorge Vaz",
    "the minister",
    "officials",
    "PENCE",
    "WALLACE",
    "that",
    "the plan",
    "would",
    "could",
    "not",
    "12%",
    "$5bn",
    "2024",
    "😀",
    "é",
    "Ünïcödé",
    "people familiar with the matter",
    "unnamed",
    "the report",
    "Mr.",
    "Said",
    "suggesting that",
    "and blamed",
    "plans",
    "states",
];

fn text(seed: u64, len: usize) -> String {
    let mut rng = Rng(seed.max(1));
    let mut s = String::new();
    for _ in 0..len {
        s.push_str(rng.pick(PIECES));
        if rng.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s
}

/// Every invariant of `tests/support/invariants.rs` (claims: ids in text order, content, source,
/// cue and hedges in bounds, on char boundaries and inside the claim's sentences, scores in 0..1).
fn check(text: &str, a: &Annotation, what: &str) {
    if let Err(e) = invariants::check(text, a) {
        panic!("{what}: {e}");
    }
}

#[test]
fn generated_texts_keep_every_claim_inside_its_sentences() {
    let annotator = Annotator::default();
    for seed in 1..1000u64 {
        let t = text(seed, 10 + (seed as usize % 200));
        let a = annotator.annotate(&t);
        check(&t, &a, &format!("seed {seed}"));
    }
}

#[test]
fn hostile_inputs_do_not_break_claims() {
    let annotator = Annotator::default();
    let inputs = [
        "\"".repeat(10_000),
        "“‘".repeat(5_000) + &"’”".repeat(4_000),
        "x".repeat(1_000_000),
        ".,;:!?\"“”‘’()—".repeat(5_000),
        "He said that she said that ".repeat(5_000),
        "“A,” he said, “B,” she said. ".repeat(3_000),
        "according to according to citing said, said, ".repeat(3_000),
        "PENCE: yes.\n".repeat(3_000),
        "''".repeat(7_000),
    ];
    for (n, t) in inputs.iter().enumerate() {
        let a = annotator.annotate(t);
        check(t, &a, &format!("hostile input {n}"));
    }
}
