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
