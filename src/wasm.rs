//! The JS binding: `annotate(text, options?)` and `version()`.
//!
//! The one place where the core meets JS. Offsets leave here as **UTF-16 code units** (converted
//! by [`Annotation::convert_offsets`] in one pass), so `text.slice(start, end)` in JS gives each
//! span's text. A lone surrogate in the JS string arrives as U+FFFD, which is also one UTF-16
//! unit, so offsets still line up with the caller's string. Errors become JS `Error`s here;
//! a panic (a bug) is logged to the console with its message.
//!
//! **The hand-off.** The annotation crosses into JS in the compact form of [`crate::handoff`]:
//! numbers in one buffer (floats and a small string table inside it), which `www/core.js` reads in
//! place through a `Uint32Array` view of the wasm memory and turns into the plain objects of the
//! JS API. Strings that are slices of the text (entity, source
//! and cue texts) are sliced from the caller's own string there. Before, a JSON string parsed by
//! `JSON.parse` cost ~23 ms per MB of text (7 ms to format and copy, 15 ms to parse) and ~11 KB of
//! gzip for serde_json's writer and float formatting; see bench/README.md for the comparison.
//! The options arrive as a JS object and are read here field by field (no JSON either way).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use js_sys::{Array, Object};

use crate::{Annotation, Annotator, Options};

thread_local! {
    /// The annotator for default options, built once.
    static DEFAULT: Annotator = Annotator::default();
    /// The last annotator built for non-default options, with those options.
    static CUSTOM: RefCell<Option<(Options, Annotator)>> = const { RefCell::new(None) };
    /// The last packed result, held until [`release`] (or the next [`annotate_packed`]) so JS
    /// can read it in place: see [`annotate_packed`].
    static PACKED: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
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
/// Packs the annotation in the compact form of [`crate::handoff`], with UTF-16 offsets, and
/// returns its address in the wasm memory; [`packed_len`] is its length in words.
///
/// The result stays in the wasm memory, held here, until [`release`] or the next call (which
/// frees it first): `www/core.js`'s `annotate` decodes it into plain objects through a
/// `Uint32Array` view over `memory.buffer` and then calls `release`. Returning the `Vec` would
/// make wasm-bindgen copy it into a fresh JS array first (~2 bytes per byte of text), a second
/// copy alive while the objects are built. The address is 8-aligned (the allocator's minimum
/// alignment on wasm32), so the floats, from an even word on, can be viewed as a `Float64Array`.
#[wasm_bindgen(skip_typescript)]
pub fn annotate_packed(text: &str, options: JsValue) -> Result<*const u32, JsError> {
    release();
    let options = parse_options(&options)?;
    let annotation = if options == Options::default() {
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
    let words = crate::handoff::encode(text, annotation);
    Ok(PACKED.with(|p| {
        let mut p = p.borrow_mut();
        *p = words;
        p.as_ptr()
    }))
}

/// The length in words of the result [`annotate_packed`] holds (0 after [`release`]).
#[wasm_bindgen(skip_typescript)]
pub fn packed_len() -> usize {
    PACKED.with(|p| p.borrow().len())
}

/// Frees the result [`annotate_packed`] holds; any view of it is then stale.
#[wasm_bindgen(skip_typescript)]
pub fn release() {
    PACKED.with(|p| *p.borrow_mut() = Vec::new());
}

fn bad(why: &str) -> JsError {
    JsError::new(&format!("claimlens: bad options: {why}"))
}

/// What a JS value is, for error messages.
fn type_of(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "an array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// The options as Rust: `undefined`/`null` are the defaults. Like JSON, a field whose value is
/// `undefined` counts as absent; `referenceDate` may be `null`.
fn parse_options(options: &JsValue) -> Result<Options, JsError> {
    let mut out = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok(out);
    }
    if !options.is_object() || Array::is_array(options) {
        return Err(bad(&format!(
            "expected an object like {{ referenceDate, lexicon }}, not {}",
            type_of(options)
        )));
    }
    for (key, value) in entries(options) {
        if value.is_undefined() {
            continue;
        }
        match key.as_str() {
            "referenceDate" if value.is_null() => {}
            "referenceDate" => {
                let date = value.as_string().ok_or_else(|| {
                    bad(&format!(
                        "referenceDate must be a string, not {}",
                        type_of(&value)
                    ))
                })?;
                out.reference_date = Some(date);
            }
            "lexicon" => {
                if !value.is_object() || Array::is_array(&value) {
                    return Err(bad(&format!(
                        "lexicon must be an object of label → names, not {}",
                        type_of(&value)
                    )));
                }
                for (label, names) in entries(&value) {
                    if names.is_undefined() {
                        continue;
                    }
                    let list = names.dyn_ref::<Array>().ok_or_else(|| {
                        bad(&format!("lexicon.{label} must be an array of strings"))
                    })?;
                    let mut strings = Vec::with_capacity(list.length() as usize);
                    for name in list.iter() {
                        strings.push(name.as_string().ok_or_else(|| {
                            bad(&format!("lexicon.{label} must be an array of strings"))
                        })?);
                    }
                    out.lexicon.insert(label, strings);
                }
            }
            other => {
                return Err(bad(&format!(
                    "unknown field `{other}`, expected `referenceDate` or `lexicon`"
                )))
            }
        }
    }
    Ok(out)
}

/// An object's own enumerable string-keyed properties (what `JSON.stringify` writes).
fn entries(object: &JsValue) -> Vec<(String, JsValue)> {
    Object::entries(object.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        })
        .collect()
}
