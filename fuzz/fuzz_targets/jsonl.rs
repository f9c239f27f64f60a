//! The CLI's `--jsonl` reader on any bytes, without a process: every non-blank line yields
//! exactly one result or one report, in order, with its line number; the results are JSON with
//! the document's id, and their code-point spans cut the document's own text; the annotations
//! keep the invariants of `tests/support/invariants.rs`.
#![no_main]

#[path = "../../src/bin/claimlens/jsonl.rs"]
mod jsonl;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use std::collections::HashMap;

use claimlens::{Annotator, OffsetUnit};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use serde_json::Value as Json;

/// One result line; the id as written (which may hold numbers a `Json` cannot: 1e400).
#[derive(serde::Deserialize)]
struct Record<'a> {
    #[serde(borrow)]
    id: &'a RawValue,
    entities: Vec<Json>,
    claims: Vec<Json>,
}

/// A line as an object of raw JSON values (of a key given twice, the last), or None.
fn fields(line: &str) -> Option<HashMap<String, &RawValue>> {
    serde_json::from_str(line).ok()
}

fuzz_target!(|data: &[u8]| {
    let annotator = Annotator::default();
    let mut out = Vec::new();
    let mut reports: Vec<(usize, String)> = Vec::new();
    let annotate = |text: &str| {
        let mut a = annotator.annotate(text);
        if let Err(e) = invariants::check(text, &a) {
            panic!("{e}\ntext: {text:?}");
        }
        a.convert_offsets(text, OffsetUnit::Codepoints);
        Ok(a)
    };
    let ok = jsonl::run(data, &mut out, annotate, |n, m| reports.push((n, m))).unwrap();
    assert_eq!(ok, reports.is_empty());
    assert!(
        reports.windows(2).all(|w| w[0].0 < w[1].0),
        "reports out of order: {reports:?}"
    );

    let out = String::from_utf8(out).expect("the output is UTF-8");
    let mut records = out
        .lines()
        .map(|l| serde_json::from_str::<Record>(l).expect("each result is one line of JSON"));
    let mut reported = reports.iter().map(|r| r.0).peekable();
    for (i, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        if reported.next_if_eq(&n).is_some() {
            continue;
        }
        let line = std::str::from_utf8(line)
            .unwrap_or_else(|e| panic!("line {n} is not UTF-8 ({e}) but was not reported"));
        let line = if n == 1 {
            line.strip_prefix('\u{FEFF}').unwrap_or(line)
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc = fields(line)
            .unwrap_or_else(|| panic!("line {n} is no JSON object but was not reported"));
        let text: String = doc
            .get("text")
            .and_then(|t| serde_json::from_str(t.get()).ok())
            .unwrap_or_else(|| panic!("line {n} has no text but was not reported"));
        let text = text.as_str();
        let record = records
            .next()
            .unwrap_or_else(|| panic!("no result for line {n}"));
        // the id as it was written, or null
        assert_eq!(
            record.id.get(),
            doc.get("id").map_or("null", |id| id.get()),
            "line {n}: id"
        );
        let chars: Vec<char> = text.chars().collect();
        let cut = |v: &Json| -> String {
            let (s, e) = (
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
            );
            assert!(
                s < e && e <= chars.len(),
                "line {n}: span {s}..{e} of {}",
                chars.len()
            );
            chars[s..e].iter().collect()
        };
        for e in &record.entities {
            assert_eq!(cut(e), e["text"].as_str().unwrap(), "line {n}: entity text");
        }
        for c in &record.claims {
            cut(c);
            for part in ["source", "cue"] {
                if !c[part].is_null() {
                    cut(&c[part]);
                }
            }
        }
    }
    assert!(
        reported.next().is_none(),
        "a report for a line that does not exist: {reports:?}"
    );
    assert!(records.next().is_none(), "more results than documents");
});
