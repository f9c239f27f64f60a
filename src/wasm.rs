//! The JS binding: `annotate(text, options?)` and `version()`.
//!
//! The one place where the core meets JS. Offsets leave here as **UTF-16 code units** (converted
//! by [`Annotation::convert_offsets`] in one pass), so `text.slice(start, end)` in JS gives each
//! span's text. A lone surrogate in the JS string arrives as U+FFFD, which is also one UTF-16
//! unit, so offsets still line up with the caller's string. Errors become JS `Error`s here;
//! a panic (a bug) is logged to the console with its message.
//!
//! **The hand-off.** The annotation crosses into JS as one JSON string that `JSON.parse` turns
//! into plain objects, and the options cross the other way through `JSON.stringify`. Building the
//! objects field by field from Rust (serde-wasm-bindgen, one JS call per field and string) cost
//! about 2.4× as much on news text: ~54 ms per MB of text against ~23 ms here (7 ms to serialise
//! and copy, 15 ms for `JSON.parse`, measured on 1 MB of articles; `npm run bench` reports the
//! `JSON.parse` share). The price is ~11 KB more gzip of wasm (serde_json's writer), and the
//! JSON string (~3× the text) at the peak of wasm memory; process RSS measured the same.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{Annotation, Annotator, OffsetUnit, Options};

thread_local! {
    /// The annotator for default options, built once.
    static DEFAULT: Annotator = Annotator::default();
    /// The last annotator built for non-default options, with those options.
    static CUSTOM: RefCell<Option<(Options, Annotator)>> = const { RefCell::new(None) };
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Entity labels. */
export type Label = "PERSON" | "ORG" | "PLACE" | "NORP" | "DATE" | "TIME" | "MONEY" | "PERCENT" | "QUANTITY" | "EVENT";
/** A half-open range of UTF-16 offsets: `text.slice(start, end)`. */
export interface Span { start: number; end: number; }
/** Normalised value of a pattern entity. */
export type Value =
  | { type: "number"; value: number; max?: number; unit?: string }
  | { type: "money"; value: number; max?: number; currency: string }
  | { type: "percent"; value: number; max?: number }
  | { type: "date"; iso: string; end?: string }
  | { type: "time"; iso: string };
export interface Sentence extends Span { boilerplate: boolean; checkworthy: number; }
export interface Entity extends Span {
  id: number; label: Label; text: string; cluster: number; role?: string; value?: Value;
}
export interface Cluster { id: number; canonical: string; label: Label; mentions: number[]; }
export interface Source extends Span {
  text: string; cluster?: number; resolved: boolean; kind: "name" | "pronoun" | "description";
}
export interface Cue extends Span { text: string; polarity: "assert" | "deny" | "concede"; }
export type ClaimKind = "quote" | "reported" | "according" | "sourceless" | "statement";
export interface Claim extends Span {
  /** `sentence..=last_sentence`: the sentences holding the content, source and cue. */
  id: number; sentence: number; last_sentence: number; kind: ClaimKind; source?: Source; cue?: Cue;
  hedged: boolean; hedges?: Span[]; anonymous_source: boolean; negated: boolean; prediction: boolean;
  checkworthy: number; features?: string[];
}
export interface Annotation {
  offsets: "utf16"; sentences: Sentence[]; entities: Entity[]; clusters: Cluster[];
  claims: Claim[]; boilerplate: Span[];
}
export interface Options {
  /** YYYY-MM-DD: relative dates ("Thursday") are resolved against it. */
  referenceDate?: string;
  /** Extra names by label: `{ PERSON: ["Ada Lovelace"] }`. */
  lexicon?: Partial<Record<Label, string[]>>;
}
/** Annotates `text`; offsets are UTF-16 code units. Throws on bad options. */
export function annotate(text: string, options?: Options | null): Annotation;
"#;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Annotates `text`; `options` is `undefined`, `null` or an object like
/// `{ referenceDate: "2024-03-07", lexicon: { PERSON: ["Ada Lovelace"] } }`.
/// Returns the annotation as plain JS objects with UTF-16 offsets.
#[wasm_bindgen(skip_typescript)]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(&options)?;
    let json = annotate_to_json(text, &options)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("claimlens: could not parse the result"))
}

/// The options as Rust: `undefined`/`null` are the defaults; anything else goes through
/// `JSON.stringify`, so its errors read like serde's ("unknown field `x`").
fn parse_options(options: &JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let bad = |e: &dyn std::fmt::Display| JsError::new(&format!("claimlens: bad options: {e}"));
    let json = js_sys::JSON::stringify(options)
        .ok()
        .and_then(|s| JsValue::from(s).as_string())
        .ok_or_else(|| bad(&"not JSON-serialisable"))?;
    serde_json::from_str(&json).map_err(|e| bad(&e))
}

/// The annotation of `text`, with UTF-16 offsets, as a JSON string.
fn annotate_to_json(text: &str, options: &Options) -> Result<String, JsError> {
    let mut annotation = if *options == Options::default() {
        DEFAULT.with(|a| a.annotate(text))
    } else {
        CUSTOM.with(|cell| -> Result<Annotation, JsError> {
            let mut cached = cell.borrow_mut();
            if cached.as_ref().is_none_or(|(o, _)| o != options) {
                let annotator = Annotator::new(options.clone())
                    .map_err(|e| JsError::new(&format!("claimlens: {e}")))?;
                *cached = Some((options.clone(), annotator));
            }
            Ok(cached
                .as_ref()
                .map(|(_, a)| a.annotate(text))
                .unwrap_or_default())
        })?
    };
    annotation.convert_offsets(text, OffsetUnit::Utf16);
    serde_json::to_string(&annotation).map_err(|e| JsError::new(&format!("claimlens: {e}")))
}
