//! Bugs found by the property tests (`tests/properties.rs`) and the fuzz targets (`fuzz/`), each
//! as a plain test of the smallest text that showed it, with the invariant it broke.

#[path = "support/invariants.rs"]
mod invariants;

use claimlens::{Annotator, Label, Options};

fn annotate_checked(text: &str, options: Options) -> claimlens::Annotation {
    let a = Annotator::new(options).unwrap().annotate(text);
    if let Err(e) = invariants::check(text, &a) {
        panic!("{e}\nin {text:?}\n{:#?}", a.entities);
    }
    a
}

/// Found by proptest: clusters were keyed by the label's initial, and PERSON, PLACE and PERCENT
/// share one, so a place joined the cluster of a person with the same name.
#[test]
fn a_person_and_a_place_of_one_name_are_two_clusters() {
    let text = "Mr. Washington said that it rained. Washington's allies agreed.";
    let a = annotate_checked(text, Options::default());
    let labels: Vec<Label> = a.entities.iter().map(|e| e.label).collect();
    assert_eq!(labels, [Label::Person, Label::Place]);
    assert_ne!(a.entities[0].cluster, a.entities[1].cluster);
    // the shrunk case: the user's term makes one "Mexico" a person, the other stays a place
    let options = Options {
        lexicon: [("PERSON".to_string(), vec!["Mexico".to_string()])].into(),
        ..Options::default()
    };
    annotate_checked(
        "Mr. Mexico said that it rained. Mexico's exports fell.",
        options,
    );
}

/// Found by the pathological inputs: a sentence in a script without capitals (Arabic, Hebrew)
/// after an English one never started a new sentence, so a page of mixed text was one sentence
/// and its claims ran across all of it.
#[test]
fn a_sentence_in_arabic_or_hebrew_starts_a_new_sentence() {
    let text = "Mohammed al-Rashid said prices rose 5%. قال محمد إن الأسعار ارتفعت. \
                Yael Cohen said the talks failed. שלום עולם. The end.";
    let a = annotate_checked(text, Options::default());
    let sentences: Vec<&str> = a
        .sentences
        .iter()
        .map(|s| &text[s.span.start..s.span.end])
        .collect();
    assert_eq!(
        sentences,
        [
            "Mohammed al-Rashid said prices rose 5%.",
            "قال محمد إن الأسعار ارتفعت.",
            "Yael Cohen said the talks failed.",
            "שלום עולם.",
            "The end."
        ]
    );
    let claims: Vec<(&str, usize)> = a
        .claims
        .iter()
        .filter(|c| c.source.is_some())
        .map(|c| (&text[c.span.start..c.span.end], c.sentence))
        .collect();
    assert_eq!(claims, [("prices rose 5%", 0), ("the talks failed", 2)]);
}

/// Found by the pathological inputs: a control char (NUL, ESC, ...) after a full stop, as broken
/// exports leave them, was a token of its own, so the sentence did not end there and the claim
/// kept the stop and the control char ("the deal was fair.\0").
#[test]
fn control_chars_separate_like_spaces() {
    let clean = "Union leader Petra de Vries said that wages rise by 6%. Mark Rutte said the deal was fair.\nThe end.";
    let expected = Annotator::default().annotate(clean);
    for c in ['\0', '\u{1}', '\u{1B}', '\u{7F}', '\u{9F}'] {
        let text = clean
            .replace(". ", &format!(".{c} "))
            .replace(".\n", &format!(".{c}\n"));
        let a = annotate_checked(&text, Options::default());
        let sentences = |t: &str, a: &claimlens::Annotation| {
            a.sentences
                .iter()
                .map(|s| t[s.span.start..s.span.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(sentences(&text, &a), sentences(clean, &expected), "{c:?}");
        let claims = |t: &str, a: &claimlens::Annotation| {
            a.claims
                .iter()
                .map(|c| t[c.span.start..c.span.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(claims(&text, &a), claims(clean, &expected), "{c:?}");
    }
}

/// Found by the fuzz target `annotate` (crash-df35b4b5…, "24\u{FFFD}\u{FFFD}(2024-04b no-07)b
/// noon."): a year and a scaled two-digit number glued by a dash ("2024-04b", 4 billion) was read
/// as a range of years ("1997-98") and the second year overflowed an `i32`: a panic in debug
/// builds, a wrapped year in release.
#[test]
fn a_year_dash_a_scaled_number_is_no_year_range() {
    for text in [
        "2024-04b",
        "In 2024-04bn the deficit grew.",
        "24\u{FFFD}\u{FFFD}(2024-04b no-07)b noon.",
        "2024-99m",
    ] {
        annotate_checked(text, Options::default());
    }
    // the plain range of years still is one
    let a = annotate_checked("The war of 1997-98 ended.", Options::default());
    assert!(
        a.entities.iter().any(|e| e.text == "1997-98"),
        "{:?}",
        a.entities
    );
}
