//! Properties of the claims of any text: generated texts mixing quotation marks, reporting verbs,
//! names, pronouns and punctuation, and hostile inputs. For every claim the content, source and
//! cue lie in bounds, on char boundaries and inside the sentences the claim reports; the
//! check-worthiness is in 0..1; ids follow text order. A failure prints the seed to replay.

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

fn check(text: &str, a: &Annotation, what: &str) {
    let ok = |s: &claimlens::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for (n, c) in a.claims.iter().enumerate() {
        assert_eq!(c.id, n, "{what}: claim ids in order");
        assert!(
            ok(&c.span) && !c.span.is_empty(),
            "{what}: claim span {:?}",
            c.span
        );
        assert!(
            c.sentence <= c.last_sentence && c.last_sentence < a.sentences.len(),
            "{what}: sentence range"
        );
        let first = a.sentences[c.sentence].span;
        let last = a.sentences[c.last_sentence].span;
        let parts = [
            Some(c.span),
            c.source.as_ref().map(|s| s.span),
            c.cue.as_ref().map(|q| q.span),
        ];
        for part in parts.into_iter().flatten().chain(c.hedges.iter().copied()) {
            assert!(ok(&part), "{what}: span {part:?}");
            assert!(
                part.start >= first.start && part.end <= last.end,
                "{what}: {:?} outside sentences {}..={} of claim {:?}",
                &text[part.start..part.end],
                c.sentence,
                c.last_sentence,
                &text[c.span.start..c.span.end]
            );
        }
        if let Some(s) = &c.source {
            assert_eq!(
                &text[s.span.start..s.span.end],
                s.text,
                "{what}: source text"
            );
            assert!(
                s.cluster.is_none_or(|k| k < a.clusters.len()),
                "{what}: cluster"
            );
        }
        if let Some(q) = &c.cue {
            assert_eq!(&text[q.span.start..q.span.end], q.text, "{what}: cue text");
        }
        assert!((0.0..=1.0).contains(&c.checkworthy), "{what}: checkworthy");
        if n > 0 {
            assert!(
                a.claims[n - 1].span.start <= c.span.start,
                "{what}: claims in text order"
            );
        }
    }
    for s in &a.sentences {
        assert!(
            (0.0..=1.0).contains(&s.checkworthy),
            "{what}: sentence score"
        );
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
