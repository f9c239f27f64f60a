//! What every annotation of every text must satisfy, whatever the text: shared by the property
//! tests (`tests/properties.rs`), the pathological inputs (`tests/pathological.rs`) and the fuzz
//! targets (`fuzz/fuzz_targets/`), which include this file by path.
//!
//! [`check`] returns the first broken invariant as a message naming it, so that a failure (or a
//! fuzz crash) says what went wrong and where.
//!
//! * **Spans**: every span (sentences, entities, claims with their source, cue and hedges,
//!   boilerplate) is in bounds, on char boundaries and not empty.
//! * **No text lost**: the sentences are in order, do not overlap, start and end on non-blank
//!   text, and together cover every char that is not whitespace (nor a control char).
//! * **Entities**: in text order and never overlapping one another — not even nested (the
//!   annotation's contract: "Mentions never overlap one another"); each one's `text` is its span's
//!   text; ids are indices; numbers in values are finite.
//! * **Clusters**: ids are indices; each lists its mentions in text order, at least one; every
//!   entity is in exactly the cluster its `cluster` names, with the cluster's label.
//! * **Claims**: ids are indices, in text order of their content; content, source, cue and hedges
//!   lie inside the claim's sentences `sentence..=last_sentence`; source and cue texts match their
//!   spans; a source's cluster exists; `hedged` is true exactly when there are hedges; scores are
//!   in 0..=1.
//! * **Offsets**: converted to UTF-16 units and to code points, every span still covers the same
//!   substring ([`check_offsets`]).
#![allow(dead_code)] // each including crate uses a part

use claimlens::{Annotation, OffsetUnit, Span, Value};

/// What the tokeniser skips: whitespace, a BOM (zero-width no-break space) and control chars.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c.is_control()
}

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// A text for a message: at most 80 chars.
fn short(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn valid(text: &str, s: Span) -> bool {
    s.start < s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Every invariant of a byte-offset annotation of `text` (see the module docs).
pub fn check(text: &str, a: &Annotation) -> Result<(), String> {
    ensure!(
        a.offsets == OffsetUnit::Bytes,
        "offsets are {:?}, not bytes",
        a.offsets
    );
    let mut spans = Vec::new();
    a.clone().for_each_span_mut(|s| spans.push(*s));
    for s in spans {
        ensure!(
            valid(text, s),
            "span {}..{} is empty, out of bounds (len {}) or off a char boundary",
            s.start,
            s.end,
            text.len()
        );
    }

    // Sentences: in order, trimmed, and covering every non-blank char.
    let mut covered = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        let t = &text[s.span.start..s.span.end];
        ensure!(
            s.span.start >= covered,
            "sentence {i} {:?} overlaps the one before",
            short(t)
        );
        let gap = &text[covered..s.span.start];
        ensure!(
            gap.chars().all(is_blank),
            "text lost before sentence {i}: {:?}",
            short(gap)
        );
        ensure!(
            t.starts_with(|c| !is_blank(c)) && t.ends_with(|c| !is_blank(c)),
            "sentence {i} {:?} starts or ends with whitespace",
            short(t)
        );
        ensure!(
            (0.0..=1.0).contains(&s.checkworthy),
            "sentence {i} checkworthy {}",
            s.checkworthy
        );
        covered = s.span.end;
    }
    let tail = &text[covered..];
    ensure!(
        tail.chars().all(is_blank),
        "text lost after the last sentence: {:?}",
        short(tail)
    );

    // Entities: in order, disjoint (no nesting), texts and values right.
    let mut last_end = 0;
    for (i, e) in a.entities.iter().enumerate() {
        ensure!(e.id == i, "entity {i} has id {}", e.id);
        ensure!(
            text[e.span.start..e.span.end] == e.text,
            "entity {i} text {:?} is not its span's {:?}",
            e.text,
            short(&text[e.span.start..e.span.end])
        );
        ensure!(
            e.span.start >= last_end,
            "entity {i} {:?} at {}..{} overlaps the one before (ending at {last_end})",
            e.text,
            e.span.start,
            e.span.end
        );
        last_end = e.span.end;
        let numbers = match &e.value {
            Some(Value::Number { value, max, .. })
            | Some(Value::Money { value, max, .. })
            | Some(Value::Percent { value, max }) => vec![Some(*value), *max],
            _ => vec![],
        };
        ensure!(
            numbers.iter().flatten().all(|v| v.is_finite()),
            "entity {i} {:?} has a value that is not finite: {:?}",
            e.text,
            e.value
        );
        let Some(c) = a.clusters.get(e.cluster) else {
            return Err(format!(
                "entity {i} {:?} names cluster {} of {}",
                e.text,
                e.cluster,
                a.clusters.len()
            ));
        };
        ensure!(
            c.label == e.label,
            "entity {i} {:?} is {:?} in a {:?} cluster",
            e.text,
            e.label,
            c.label
        );
    }

    // Clusters: ids, mentions in text order, each entity in exactly one cluster.
    let mut seen = vec![false; a.entities.len()];
    for (k, c) in a.clusters.iter().enumerate() {
        ensure!(c.id == k, "cluster {k} has id {}", c.id);
        ensure!(
            !c.mentions.is_empty(),
            "cluster {k} {:?} has no mentions",
            c.canonical
        );
        ensure!(
            c.mentions.windows(2).all(|w| w[0] < w[1]),
            "cluster {k} mentions {:?} are not in text order",
            c.mentions
        );
        for &m in &c.mentions {
            ensure!(
                m < a.entities.len(),
                "cluster {k} lists entity {m} of {}",
                a.entities.len()
            );
            ensure!(
                a.entities[m].cluster == k,
                "cluster {k} lists entity {m}, which names cluster {}",
                a.entities[m].cluster
            );
            ensure!(!seen[m], "entity {m} is listed twice");
            seen[m] = true;
        }
    }
    // (each entity listed once, by the cluster it names: so listed by its own cluster)
    if let Some(m) = seen.iter().position(|&s| !s) {
        return Err(format!(
            "entity {m} {:?} is missing from its cluster {}",
            a.entities[m].text, a.entities[m].cluster
        ));
    }

    // Claims: ids, order, everything inside the claim's sentences.
    for (i, c) in a.claims.iter().enumerate() {
        let content = short(&text[c.span.start..c.span.end]);
        ensure!(c.id == i, "claim {i} has id {}", c.id);
        if i > 0 {
            ensure!(
                a.claims[i - 1].span.start <= c.span.start,
                "claim {i} {:?} is out of text order",
                content
            );
        }
        ensure!(
            c.sentence <= c.last_sentence && c.last_sentence < a.sentences.len(),
            "claim {i} {:?} has sentences {}..={} of {}",
            content,
            c.sentence,
            c.last_sentence,
            a.sentences.len()
        );
        let within = Span::new(
            a.sentences[c.sentence].span.start,
            a.sentences[c.last_sentence].span.end,
        );
        let mut parts = vec![("content", c.span)];
        if let Some(s) = &c.source {
            parts.push(("source", s.span));
            ensure!(
                text[s.span.start..s.span.end] == s.text,
                "claim {i}: source text {:?} is not its span's",
                s.text
            );
            if let Some(k) = s.cluster {
                ensure!(
                    k < a.clusters.len(),
                    "claim {i}: source cluster {k} of {}",
                    a.clusters.len()
                );
            }
        }
        if let Some(q) = &c.cue {
            parts.push(("cue", q.span));
            ensure!(
                text[q.span.start..q.span.end] == q.text,
                "claim {i}: cue text {:?} is not its span's",
                q.text
            );
        }
        parts.extend(c.hedges.iter().map(|&h| ("hedge", h)));
        for (what, p) in parts {
            ensure!(
                within.contains(p),
                "claim {i} {:?}: its {what} {:?} lies outside its sentences {}..={}",
                content,
                short(&text[p.start..p.end]),
                c.sentence,
                c.last_sentence
            );
        }
        ensure!(
            c.hedged != c.hedges.is_empty(),
            "claim {i}: hedged is {} with {} hedges",
            c.hedged,
            c.hedges.len()
        );
        ensure!(
            (0.0..=1.0).contains(&c.checkworthy),
            "claim {i} checkworthy {}",
            c.checkworthy
        );
    }

    // Boilerplate: in order, disjoint.
    for w in a.boilerplate.windows(2) {
        ensure!(
            w[0].end <= w[1].start,
            "boilerplate {:?} and {:?} overlap or are out of order",
            w[0],
            w[1]
        );
    }
    Ok(())
}

/// Converting `a` (byte offsets into `text`) to UTF-16 units and to code points keeps every
/// span on the same substring: each converted offset is the number of UTF-16 units (or chars)
/// before the byte offset it came from, counted here independently of the crate's `OffsetMap`.
/// Linear in the text and the number of spans, however long the spans are.
pub fn check_offsets(text: &str, a: &Annotation) -> Result<(), String> {
    let mut bytes = Vec::new();
    a.clone().for_each_span_mut(|s| bytes.push(*s));
    // units and chars before each byte offset that is a char boundary
    let mut utf16 = vec![u32::MAX; text.len() + 1];
    let mut chars = vec![u32::MAX; text.len() + 1];
    let (mut u, mut n) = (0u32, 0u32);
    for (i, c) in text.char_indices() {
        utf16[i] = u;
        chars[i] = n;
        u += c.len_utf16() as u32;
        n += 1;
    }
    utf16[text.len()] = u;
    chars[text.len()] = n;
    for (unit, table) in [
        (OffsetUnit::Utf16, &utf16),
        (OffsetUnit::Codepoints, &chars),
    ] {
        let mut converted = a.clone();
        converted.convert_offsets(text, unit);
        ensure!(
            converted.offsets == unit,
            "convert_offsets did not record {unit:?}"
        );
        let mut spans = Vec::new();
        converted.for_each_span_mut(|s| spans.push(*s));
        ensure!(
            spans.len() == bytes.len(),
            "{unit:?}: {} spans became {}",
            bytes.len(),
            spans.len()
        );
        for (b, s) in bytes.iter().zip(&spans) {
            let want = (table[b.start] as usize, table[b.end] as usize);
            ensure!(
                (s.start, s.end) == want,
                "{unit:?}: bytes {}..{} ({:?}) became {}..{}, not {}..{}",
                b.start,
                b.end,
                short(&text[b.start..b.end]),
                s.start,
                s.end,
                want.0,
                want.1
            );
        }
    }
    Ok(())
}
