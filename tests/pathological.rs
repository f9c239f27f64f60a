//! Pathological inputs, as golden tests: a megabyte without a space, 100,000 one-word sentences,
//! 10,000 nested quotes, only punctuation, all capitals, only numbers, mixed scripts and RTL, CRLF
//! and lone CR line ends, NUL bytes.
//!
//! Each input is built at a size `n` and at `10 n`; both must
//! * keep every invariant of `tests/support/invariants.rs` (spans, no text lost, disjoint
//!   entities, clusters, claims inside their sentences, offsets in UTF-16 units and code points);
//! * give what the case expects (no entity nonsense: which entities, how many per repetition);
//! * finish — on a thread of its own, with a watchdog of several minutes that only catches a hang
//!   (speed is the benchmark's business, never asserted here);
//! * do work linear in the input, counted deterministically: the bytes the annotation allocates
//!   (a counting allocator, per thread) at `10 n` are at most 25 times those at `n` (10 when
//!   linear, up to 20 with vectors doubling; a quadratic copy gives 100).

#[path = "support/invariants.rs"]
mod invariants;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use claimlens::{Annotation, Annotator, Label};

/// Counts the bytes allocated by the current thread.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: the counter may already be gone while a thread shuts down
    let _ = ALLOCATED.try_with(|c| c.set(c.get() + bytes as u64));
}

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How long an annotation may take before the test calls it a hang: minutes, for inputs that
/// take well under a second in a debug build on a slow machine.
const HANG: Duration = Duration::from_secs(300);

/// Annotates `text` on a thread of its own; returns the annotation and the bytes it allocated.
fn annotate(text: &str) -> (Annotation, u64) {
    let text = text.to_string();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let annotator = Annotator::default();
        annotator.annotate("Warm-up: the word lists are unpacked at first use."); // not counted
        ALLOCATED.with(|c| c.set(0));
        let a = annotator.annotate(&text);
        let bytes = ALLOCATED.with(Cell::get);
        tx.send((a, bytes)).unwrap();
    });
    match rx.recv_timeout(HANG) {
        Ok(r) => r,
        Err(RecvTimeoutError::Timeout) => panic!("annotate did not finish in {HANG:?}: a hang"),
        Err(RecvTimeoutError::Disconnected) => panic!("annotate panicked"),
    }
}

/// Runs `make(n)` and `make(10 n)` through the checks of the module docs, then `expect` on each
/// (with the number of repetitions `n`).
fn case(
    name: &str,
    n: usize,
    make: impl Fn(usize) -> String,
    expect: impl Fn(&str, &Annotation, usize),
) {
    let mut allocated = Vec::new();
    for reps in [n, 10 * n] {
        let text = make(reps);
        let (a, bytes) = annotate(&text);
        if let Err(e) =
            invariants::check(&text, &a).and_then(|()| invariants::check_offsets(&text, &a))
        {
            panic!("{name} ×{reps} ({} bytes): {e}", text.len());
        }
        expect(&text, &a, reps);
        allocated.push(bytes);
    }
    assert!(
        allocated[1] <= 25 * allocated[0].max(1),
        "{name}: annotating 10× the input allocated {}× the bytes ({} against {})",
        allocated[1] / allocated[0].max(1),
        allocated[1],
        allocated[0]
    );
}

/// The entities as (text, label), in order.
fn entities(a: &Annotation) -> Vec<(&str, Label)> {
    a.entities
        .iter()
        .map(|e| (e.text.as_str(), e.label))
        .collect()
}

fn count_label(a: &Annotation, label: Label) -> usize {
    a.entities.iter().filter(|e| e.label == label).count()
}

/// A pseudo-random base64 blob (xorshift, fixed seed) of `len` bytes.
fn base64_blob(len: usize) -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            alphabet[(x % 64) as usize] as char
        })
        .collect()
}

#[test]
fn a_megabyte_without_a_space_or_a_newline() {
    // a blob (a pasted image, a token; 1 MiB and 10 MiB): one sentence, nobody says anything
    case("base64", 1 << 20, base64_blob, |_, a, _| {
        assert_eq!(a.sentences.len(), 1);
        assert!(a
            .claims
            .iter()
            .all(|c| c.source.is_none() && c.cue.is_none()));
    });
    // words and signs glued together (128 KiB and 1.3 MB): still one sentence, and every amount
    // and percentage
    let glued = "AnaSousa,said:“12%”;$5bn—Mexico's.U.S.";
    case(
        "glued",
        (1 << 17) / glued.len(),
        |n| glued.repeat(n),
        |_, a, n| {
            assert_eq!(a.sentences.len(), 1);
            assert_eq!(count_label(a, Label::Percent), n);
            assert_eq!(count_label(a, Label::Money), n);
            assert_eq!(count_label(a, Label::Person), 0, "{:?}", &entities(a)[..8]);
        },
    );
}

#[test]
fn a_hundred_thousand_sentences_of_one_word() {
    const WORDS: [&str; 8] = [
        "Yes.", "Trump.", "Mexico.", "Today.", "5.", "Why?", "NATO!", "Stop.",
    ];
    let make = |n: usize| {
        (0..n)
            .map(|i| WORDS[i % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    case("one word, spaces", 10_000, make, |text, a, n| {
        let sentences: Vec<&str> = a
            .sentences
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(sentences.len(), n);
        assert!(sentences
            .iter()
            .enumerate()
            .all(|(i, s)| *s == WORDS[i % WORDS.len()]));
        // four entities per eight sentences (a lone capitalised word opening a sentence is no
        // name: "Trump."), each of them one cluster however often it recurs
        let clusters: Vec<(&str, Label, usize)> = a
            .clusters
            .iter()
            .map(|c| (c.canonical.as_str(), c.label, c.mentions.len()))
            .collect();
        let m = n / WORDS.len();
        assert_eq!(
            clusters,
            [
                ("Mexico", Label::Place, m),
                ("Today", Label::Date, m),
                ("5", Label::Quantity, m),
                ("North Atlantic Treaty Organization", Label::Org, m)
            ]
        );
        assert!(a.claims.is_empty());
    });
    // one word per line: a line each
    case(
        "one word, lines",
        10_000,
        |n| make(n).replace(' ', "\n"),
        |_, a, n| {
            assert_eq!(a.sentences.len(), n);
            assert!(a.claims.is_empty());
        },
    );
}

#[test]
fn ten_thousand_nested_quotes() {
    // balanced: 5,000 opening marks, a quote, 5,000 closing marks
    case(
        "balanced",
        1_000,
        |n| "“‘".repeat(n) + "Ana Sousa said that it rained" + &"’”".repeat(n),
        |text, a, _| {
            assert_eq!(entities(a), [("Ana Sousa", Label::Person)]);
            let c = a
                .claims
                .iter()
                .find(|c| c.source.is_some())
                .expect("the inner claim");
            assert_eq!(c.source.as_ref().unwrap().text, "Ana Sousa");
            assert!(text[c.span.start..c.span.end].starts_with("it rained"));
        },
    );
    // unbalanced: 10,000 opening marks and no closing one
    case(
        "unbalanced",
        1_000,
        |n| "“".repeat(n) + " Ana Sousa said that it rained. " + &"‘".repeat(n),
        |text, a, _| {
            assert_eq!(entities(a), [("Ana Sousa", Label::Person)]);
            let c = a
                .claims
                .iter()
                .find(|c| c.source.is_some())
                .expect("a claim");
            assert_eq!(&text[c.span.start..c.span.end], "it rained");
        },
    );
    // speech nested in speech 10,000 deep: every claim is one of them
    case(
        "nested speech",
        1_000,
        |n| "He said “".repeat(n) + "it rained" + &"”".repeat(n),
        |_, a, n| {
            assert!(
                !a.claims.is_empty() && a.claims.len() <= n + 1,
                "{} claims",
                a.claims.len()
            );
            for c in &a.claims {
                assert_eq!(c.source.as_ref().map(|s| s.text.as_str()), Some("He"));
                assert_eq!(c.cue.as_ref().map(|q| q.text.as_str()), Some("said"));
            }
        },
    );
}

#[test]
fn only_punctuation() {
    let marks = ".,;:!?\"“”‘’«»()[]{}<>—–-…/\\|@#&*%$€£^~`'_+=";
    for (name, sep) in [
        ("punctuation", ""),
        ("punctuation, spaced", " "),
        ("punctuation, lines", "\n"),
    ] {
        let unit: String = marks
            .chars()
            .flat_map(|c| [c.to_string(), sep.to_string()])
            .collect();
        case(
            name,
            3_000,
            |n| unit.repeat(n),
            |_, a, _| {
                assert_eq!(entities(a), []);
                assert!(a.claims.is_empty(), "{} claims", a.claims.len());
            },
        );
    }
}

#[test]
fn all_capitals() {
    // shouted text: the names, places and numbers in it, and no common word taken for a name
    let shouted = "PRESIDENT DONALD TRUMP SAID ON TUESDAY THAT MEXICO WOULD PAY FOR THE WALL. \
                   THEY TOLD US THAT IT WAS OVER, AND WHO CAN BLAME THEM? IT IS WHAT IT IS. \
                   THE WORLD HEALTH ORGANIZATION (WHO) SAID IN A STATEMENT THAT CASES ROSE 12% IN MAY. \
                   PLEASE CALL ME AT HOME IN NEW YORK. STOP THE WAR NOW! I AM SO ANGRY. ";
    let per_copy = [
        ("DONALD TRUMP", Label::Person),
        ("TUESDAY", Label::Date),
        ("MEXICO", Label::Place),
        ("WORLD HEALTH ORGANIZATION", Label::Org),
        ("12%", Label::Percent),
        ("NEW YORK", Label::Place),
    ];
    case(
        "capitals",
        200,
        |n| shouted.repeat(n),
        |_, a, n| {
            let found = entities(a);
            assert_eq!(found.len(), per_copy.len() * n, "{:?}", &found[..12]);
            assert_eq!(&found[..per_copy.len()], per_copy);
            assert_eq!(
                found[..per_copy.len()],
                found[found.len() - per_copy.len()..]
            );
            assert_eq!(a.clusters.len(), per_copy.len());
        },
    );
}

#[test]
fn only_numbers() {
    // numbers and nothing else: each one a quantity (or a year), with a finite value, never a name
    let make = |n: usize| {
        (0..n)
            .map(|i| format!("{} ", (i * 7919) % 100_000))
            .collect::<String>()
    };
    case("numbers", 10_000, make, |_, a, n| {
        assert_eq!(a.entities.len(), n);
        assert!(a
            .entities
            .iter()
            .all(|e| matches!(e.label, Label::Quantity | Label::Date)));
        assert!(a.claims.is_empty());
    });
    // number-like forms of every kind
    let forms =
        "1,234.56 -7 +8 1e10 0x1F 3/4 12:30 2024-03-07 99.9% $0 £1,000,000,000,000,000,000 \
                 99999999999999999999999999999999 0.000001 1st 2nd 10th ½ ² ٣ १२ １２ ";
    case(
        "number forms",
        2_000,
        |n| forms.repeat(n),
        |_, a, _| {
            assert!(
                a.entities.iter().all(|e| !e.label.is_name()),
                "{:?}",
                entities(a).iter().find(|e| e.1.is_name())
            );
        },
    );
}

#[test]
fn mixed_scripts_and_right_to_left() {
    let mixed = "قال محمد الراشد في دبي إن الأسعار ارتفعت ٥٪. Mohammed al-Rashid said prices rose 5%. \
                 שלום עולם. Dr. Yael Cohen of Tel Aviv University said that \u{202B}ירושלים\u{202C} was calm. \
                 東京の価格は上がった。 Москва, said Ivan Petrov. 😀\u{200D}👍🏽 Zoë Núñez said: «Ça va».\n\n";
    case(
        "mixed",
        300,
        |n| mixed.repeat(n),
        |text, a, n| {
            let names: Vec<(&str, Label)> =
                entities(a).into_iter().filter(|e| e.1.is_name()).collect();
            let per_copy = [
                ("Mohammed al-Rashid", Label::Person),
                ("Yael Cohen", Label::Person),
                ("Tel Aviv University", Label::Org),
                ("Ivan Petrov", Label::Person),
                ("Zoë Núñez", Label::Person),
            ];
            assert_eq!(&names[..per_copy.len()], per_copy, "{names:?}");
            assert_eq!(names.len(), per_copy.len() * n);
            // the English sentences keep their claims, each within its own sentence
            let sourced: Vec<(&str, &str)> = a
                .claims
                .iter()
                .filter_map(|c| {
                    Some((
                        c.source.as_ref()?.text.as_str(),
                        &text[c.span.start..c.span.end],
                    ))
                })
                .collect();
            let per_copy = [
                ("Mohammed al-Rashid", "prices rose 5%"),
                (
                    "Dr. Yael Cohen of Tel Aviv University",
                    "\u{202B}ירושלים\u{202C} was calm",
                ),
                ("Zoë Núñez", "Ça va"),
            ];
            assert_eq!(&sourced[..3], per_copy);
            assert_eq!(sourced.len(), 3 * n);
            assert!(a.claims.iter().all(|c| c.sentence == c.last_sentence));
        },
    );
}

#[test]
fn crlf_and_lone_cr_line_ends_read_as_newlines() {
    let article = "Port strike ends after ten days\n\nDockworkers in Rotterdam returned to work on Monday.\n\
                   Union leader Petra de Vries said that the new contract raises wages by 6%.\n\n\
                   “It was worth it,” she said.\nPrime Minister Mark Rutte said the deal was fair.\n\n";
    let summary = |text: &str, a: &Annotation| {
        let ents: Vec<(String, Label)> = a
            .entities
            .iter()
            .map(|e| (e.text.clone(), e.label))
            .collect();
        let claims: Vec<String> = a
            .claims
            .iter()
            .map(|c| text[c.span.start..c.span.end].to_string())
            .collect();
        (a.sentences.len(), ents, claims)
    };
    let (lf, _) = annotate(&article.repeat(10));
    let lf = summary(&article.repeat(10), &lf);
    assert_eq!(lf.0, 50);
    for (name, end) in [("CRLF", "\r\n"), ("CR", "\r")] {
        let make = |n: usize| article.replace('\n', end).repeat(n);
        case(name, 10, make, |text, a, n| {
            assert!(a
                .sentences
                .iter()
                .all(|s| !text[s.span.start..s.span.end].contains('\r')));
            if n == 10 {
                assert_eq!(summary(text, a), lf, "{name} reads differently from LF");
            }
        });
    }
}

#[test]
fn nul_bytes() {
    // only NUL (128 KiB, 1.3 MB): read as blank, like spaces; nothing found
    case(
        "NUL",
        1 << 17,
        |n| "\0".repeat(n),
        |_, a, _| {
            assert_eq!(a.sentences.len(), 0);
            assert_eq!(entities(a), []);
        },
    );
    // NULs between words and sentences, as a broken export leaves them: names are still found
    let text = "Union leader Petra de Vries said that wages rise by 6%.\0 Mark Rutte said the deal was fair.\0\n\0";
    case(
        "NUL between sentences",
        1_000,
        |n| text.repeat(n),
        |t, a, n| {
            let per_copy = [
                ("Petra de Vries", Label::Person),
                ("6%", Label::Percent),
                ("Mark Rutte", Label::Person),
            ];
            assert_eq!(&entities(a)[..3], per_copy);
            assert_eq!(a.entities.len(), 3 * n);
            // a control char separates like a space: two sentences a copy, clean claims
            assert_eq!(a.sentences.len(), 2 * n);
            let claims: Vec<&str> = a
                .claims
                .iter()
                .map(|c| &t[c.span.start..c.span.end])
                .collect();
            assert_eq!(claims[..2], ["wages rise by 6%", "the deal was fair"]);
        },
    );
    // a NUL for every space (a UTF-16 file read as bytes leaves them so): the same names
    case(
        "NUL for spaces",
        1_000,
        |n| text.replace(' ', "\0").repeat(n),
        |_, a, n| {
            let labels: Vec<Label> = a.entities.iter().map(|e| e.label).collect();
            assert_eq!(labels[..3], [Label::Person, Label::Percent, Label::Person]);
            assert_eq!(labels.len(), 3 * n);
        },
    );
}
