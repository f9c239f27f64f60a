//! The JS binding: `annotate(text, options?)` and `version()`.
//!
//! The one place where the core meets JS. Offsets leave here as **UTF-16 code units** (converted
//! by [`Annotation::convert_offsets`] in one pass), so `text.slice(start, end)` in JS gives each
//! span's text. A lone surrogate in the JS string arrives as U+FFFD, which is also one UTF-16
//! unit, so offsets still line up with the caller's string. Errors become JS `Error`s here;
//! a panic (a bug) is logged to the console with its message.

use std::cell::RefCell;

use serde::Serialize;
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
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("claimlens: bad options: {e}")))?
    };
    let mut annotation = if options == Options::default() {
        DEFAULT.with(|a| a.annotate(text))
    } else {
        CUSTOM.with(|cell| -> Result<Annotation, JsError> {
            let mut cached = cell.borrow_mut();
            if cached.as_ref().is_none_or(|(o, _)| *o != options) {
                let annotator = Annotator::new(options.clone())
                    .map_err(|e| JsError::new(&format!("claimlens: {e}")))?;
                *cached = Some((options, annotator));
            }
            Ok(cached
                .as_ref()
                .map(|(_, a)| a.annotate(text))
                .unwrap_or_default())
        })?
    };
    annotation.convert_offsets(text, OffsetUnit::Utf16);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    annotation
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("claimlens: {e}")))
}
