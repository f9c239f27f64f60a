//! The JS binding, run in Node (or Chrome with WASM_BINDGEN_USE_BROWSER=1) by
//! wasm-bindgen-test: `npm test` runs it with
//! `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use claimlens::handoff::{HEADER, H_CLAIMS, H_ENTITIES, H_FLOATS, H_MAGIC, H_SENTENCES, MAGIC};
use claimlens::wasm::{annotate_packed, packed_len, release};
use wasm_bindgen::{JsError, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The packed result, read in place as `www/core.js` reads it, then released.
fn packed(text: &str, options: JsValue) -> Result<Vec<u32>, JsError> {
    let at = annotate_packed(text, options)?;
    // SAFETY: `at` and `packed_len()` describe the Vec held until `release()`, on this thread.
    let words = unsafe { std::slice::from_raw_parts(at, packed_len()) }.to_vec();
    release();
    Ok(words)
}

/// The words of the first entity record (see `claimlens::handoff`): start, end, label, ...
fn first_entity(words: &[u32]) -> &[u32] {
    let at = HEADER + 3 * words[H_SENTENCES] as usize;
    &words[at..at + 7]
}

#[wasm_bindgen_test]
fn offsets_are_utf16_units() {
    let text = "😀😀 Ana Sousa said that prices rose.";
    let words = packed(text, JsValue::UNDEFINED).unwrap();
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
    assert!(packed("text", options).is_err());
    for bad in [
        r#"{"lexikon":{}}"#,
        r#"{"referenceDate":7}"#,
        r#"{"lexicon":{"ORG":"Zebra Works"}}"#,
        r#"{"lexicon":{"ORG":[1]}}"#,
        r#""2024-03-07""#,
    ] {
        let options = js_sys::JSON::parse(bad).unwrap();
        assert!(packed("text", options).is_err(), "{bad}");
    }
    let options = js_sys::JSON::parse(r#"{"lexicon":{"ORG":["Zebra Works"]}}"#).unwrap();
    let words = packed("We met Zebra Works today.", options).unwrap();
    assert_eq!(words[H_ENTITIES], 2);
    // label 1 is ORG
    assert_eq!(first_entity(&words)[2], 1);
    let options = js_sys::JSON::parse(r#"{"referenceDate":null,"lexicon":{}}"#).unwrap();
    assert!(packed("text", options).is_ok());
}

#[wasm_bindgen_test]
fn the_result_is_held_until_released() {
    let text = "Ana Sousa said that prices rose 5% on Thursday.";
    let at = annotate_packed(text, JsValue::UNDEFINED).unwrap();
    let len = packed_len();
    // SAFETY: as in `packed`.
    let words = unsafe { std::slice::from_raw_parts(at, len) };
    assert_eq!(words[H_MAGIC], MAGIC);
    // core.js views the floats in place as a Float64Array: their address must be 8-aligned
    assert_eq!((at as usize + 4 * words[H_FLOATS] as usize) % 8, 0);
    // the next call replaces the held result (freeing it first), a failed one leaves none
    annotate_packed(text, JsValue::UNDEFINED).unwrap();
    assert_eq!(packed_len(), len);
    let options = js_sys::JSON::parse(r#"{"lexikon":{}}"#).unwrap();
    assert!(annotate_packed(text, options).is_err());
    assert_eq!(packed_len(), 0);
    annotate_packed(text, JsValue::UNDEFINED).unwrap();
    release();
    assert_eq!(packed_len(), 0);
    release();
}

#[wasm_bindgen_test]
fn version_matches_the_crate() {
    assert_eq!(claimlens::wasm::version(), env!("CARGO_PKG_VERSION"));
}
