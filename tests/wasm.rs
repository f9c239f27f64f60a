//! The JS binding, run in Node (or Chrome with WASM_BINDGEN_USE_BROWSER=1) by
//! wasm-bindgen-test: `npm test` runs it with
//! `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap() as u32
}

#[wasm_bindgen_test]
fn offsets_are_utf16_units() {
    let text = "😀😀 Ana Sousa said that prices rose.";
    let a = claimlens::wasm::annotate(text, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&a, "offsets").as_string().unwrap(), "utf16");
    let entities: Array = get(&a, "entities").dyn_into().unwrap();
    let first = entities.get(0);
    assert_eq!(get(&first, "text").as_string().unwrap(), "Ana Sousa");
    // two emoji are 4 UTF-16 units, then a space
    assert_eq!(num(&first, "start"), 5);
    assert_eq!(num(&first, "end"), 14);
    let claims: Array = get(&a, "claims").dyn_into().unwrap();
    let source = get(&claims.get(0), "source");
    assert_eq!(num(&source, "start"), 5);
}

#[wasm_bindgen_test]
fn options_are_validated() {
    let options = js_sys::JSON::parse(r#"{"lexicon":{"NOPE":["x"]}}"#).unwrap();
    assert!(claimlens::wasm::annotate("text", options).is_err());
    let options = js_sys::JSON::parse(r#"{"lexicon":{"ORG":["Zebra Works"]}}"#).unwrap();
    let a = claimlens::wasm::annotate("We met Zebra Works today.", options).unwrap();
    let entities: Array = get(&a, "entities").dyn_into().unwrap();
    assert_eq!(get(&entities.get(0), "label").as_string().unwrap(), "ORG");
}

#[wasm_bindgen_test]
fn version_matches_the_crate() {
    assert_eq!(claimlens::wasm::version(), env!("CARGO_PKG_VERSION"));
}
