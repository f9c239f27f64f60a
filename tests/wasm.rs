//! The JS binding, run in Node (or Chrome with WASM_BINDGEN_USE_BROWSER=1) by
//! wasm-bindgen-test: `npm test` runs it with
//! `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use claimlens::handoff::{HEADER, H_CLAIMS, H_ENTITIES, H_MAGIC, H_SENTENCES, MAGIC};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// The words of the first entity record (see `claimlens::handoff`): start, end, label, ...
fn first_entity(words: &[u32]) -> &[u32] {
    let at = HEADER + 3 * words[H_SENTENCES] as usize;
    &words[at..at + 7]
}

#[wasm_bindgen_test]
fn offsets_are_utf16_units() {
    let text = "😀😀 Ana Sousa said that prices rose.";
    let words = claimlens::wasm::annotate_packed(text, JsValue::UNDEFINED).unwrap();
    assert_eq!(words[H_MAGIC], MAGIC);
    assert!(words[H_CLAIMS] >= 1);
    // two emoji are 4 UTF-16 units, then a space; label 0 is PERSON; the entity's text is its
    // own span of the caller's string
    let e = first_entity(&words);
    assert_eq!(e[..3], [5, 14, 0]);
    assert_eq!(e[5..7], [5, 14]);
}

#[wasm_bindgen_test]
fn options_are_validated() {
    let options = js_sys::JSON::parse(r#"{"lexicon":{"NOPE":["x"]}}"#).unwrap();
    assert!(claimlens::wasm::annotate_packed("text", options).is_err());
    for bad in [
        r#"{"lexikon":{}}"#,
        r#"{"referenceDate":7}"#,
        r#"{"lexicon":{"ORG":"Zebra Works"}}"#,
        r#"{"lexicon":{"ORG":[1]}}"#,
        r#""2024-03-07""#,
    ] {
        let options = js_sys::JSON::parse(bad).unwrap();
        assert!(
            claimlens::wasm::annotate_packed("text", options).is_err(),
            "{bad}"
        );
    }
    let options = js_sys::JSON::parse(r#"{"lexicon":{"ORG":["Zebra Works"]}}"#).unwrap();
    let words = claimlens::wasm::annotate_packed("We met Zebra Works today.", options).unwrap();
    assert_eq!(words[H_ENTITIES], 2);
    // label 1 is ORG
    assert_eq!(first_entity(&words)[2], 1);
    let options = js_sys::JSON::parse(r#"{"referenceDate":null,"lexicon":{}}"#).unwrap();
    assert!(claimlens::wasm::annotate_packed("text", options).is_ok());
}

#[wasm_bindgen_test]
fn version_matches_the_crate() {
    assert_eq!(claimlens::wasm::version(), env!("CARGO_PKG_VERSION"));
}
