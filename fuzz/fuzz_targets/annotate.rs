//! `annotate` on any bytes (as text: invalid UTF-8 becomes U+FFFD, as a lone surrogate does in
//! JS), with or without options; the invariants of `tests/support/invariants.rs` (spans, no text
//! lost, disjoint entities, clusters, claims inside their sentences, offsets in UTF-16 units and
//! code points) and determinism are asserted, so breaking one is a crash.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use std::sync::OnceLock;

use claimlens::{Annotator, Options};
use libfuzzer_sys::fuzz_target;

/// The default annotator, and one with a reference date (relative dates get values) and user
/// terms, chosen by the input's first byte.
fn annotators() -> &'static [Annotator; 2] {
    static ANNOTATORS: OnceLock<[Annotator; 2]> = OnceLock::new();
    ANNOTATORS.get_or_init(|| {
        let options = Options {
            reference_date: Some("2024-02-29".into()),
            lexicon: serde_json::from_str(
                r#"{"PERSON": ["Ana", "de la Cruz", "O'Neil"], "ORG": ["Acme", "the Party", "AB"],
                    "PLACE": ["Mexico", "New"], "EVENT": ["Summit 2024"], "DATE": ["D-Day"]}"#,
            )
            .unwrap(),
        };
        [Annotator::default(), Annotator::new(options).unwrap()]
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let annotator = &annotators()[usize::from(data.first().is_some_and(|b| b & 1 == 1))];
    let a = annotator.annotate(&text);
    if let Err(e) = invariants::check(&text, &a).and_then(|()| invariants::check_offsets(&text, &a))
    {
        panic!("{e}\ntext: {text:?}");
    }
    assert!(
        annotator.annotate(&text) == a,
        "not deterministic on {text:?}"
    );
});
