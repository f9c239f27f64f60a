//! The `--jsonl` mode: one document `{"id": .., "text": ..}` per line in, one result per line out.
//!
//! Reads line by line and writes each result before reading the next line, so memory is bounded
//! by the longest line, not the file. A line that cannot be read (invalid UTF-8, invalid JSON,
//! not an object, no `text` string) or whose annotation fails is reported with its line number and
//! skipped; every other line is still processed. A byte order mark at the start of the input and
//! CRLF line ends are accepted.
//!
//! This file has no dependency on the rest of the binary, so the fuzz target
//! (`fuzz/fuzz_targets/jsonl.rs`) includes it as it is and runs it without a process.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

use claimlens::Annotation;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value as Json;

#[derive(Serialize)]
struct Range {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct ClaimOut {
    start: usize,
    end: usize,
    kind: &'static str,
    source: Option<Range>,
    cue: Option<Range>,
    hedged: bool,
    anonymous_source: bool,
    checkworthy: f32,
}

#[derive(Serialize)]
struct DocOut<'a> {
    /// The line's id as it was written (null when there is none): not read as a number, which
    /// would turn an id past 2^53 or with 30 digits into a nearby float.
    id: Option<&'a RawValue>,
    entities: Vec<EntityOut<'a>>,
    claims: Vec<ClaimOut>,
}

/// The `--jsonl` record of one document. Keep this shape stable: quality is measured with it.
fn record<'a>(id: Option<&'a RawValue>, a: &'a Annotation) -> DocOut<'a> {
    let entities = a
        .entities
        .iter()
        .map(|e| EntityOut {
            start: e.span.start,
            end: e.span.end,
            label: e.label.as_str(),
            text: &e.text,
        })
        .collect();
    let mut claims = Vec::new();
    for c in &a.claims {
        let mut kinds = Vec::with_capacity(2);
        if c.is_attributed() {
            kinds.push("attributed");
        }
        if c.is_checkworthy() {
            kinds.push("checkworthy");
        }
        for kind in kinds {
            claims.push(ClaimOut {
                start: c.span.start,
                end: c.span.end,
                kind,
                source: c.source.as_ref().map(|s| Range {
                    start: s.span.start,
                    end: s.span.end,
                }),
                cue: c.cue.as_ref().map(|q| Range {
                    start: q.span.start,
                    end: q.span.end,
                }),
                hedged: c.hedged,
                anonymous_source: c.anonymous_source,
                checkworthy: c.checkworthy,
            });
        }
    }
    DocOut {
        id,
        entities,
        claims,
    }
}

/// What a JSON value is, for a message: "an array", "a number", ...
fn what(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// The id (verbatim) and text of one line's document, or why the line is skipped. Of a key
/// given twice, the last counts.
fn document(line: &str) -> Result<(Option<&RawValue>, String), String> {
    let Ok(mut fields) = serde_json::from_str::<HashMap<String, &RawValue>>(line) else {
        // not an object of JSON values: say what it is instead
        let doc: Json =
            serde_json::from_str(line).map_err(|e| format!("skipped: invalid JSON ({e})"))?;
        return Err(format!(
            "skipped: expected an object {{\"id\": .., \"text\": ..}}, found {}",
            what(&doc)
        ));
    };
    let id = fields.remove("id");
    let Some(text) = fields.remove("text") else {
        return Err("skipped: no \"text\" string in this line".into());
    };
    match serde_json::from_str::<String>(text.get()) {
        Ok(text) => Ok((id, text)),
        Err(_) => Err(format!(
            "skipped: \"text\" is {}, not a string",
            serde_json::from_str::<Json>(text.get()).map_or("invalid", |v| what(&v))
        )),
    }
}

/// Annotates every line of `reader` with `annotate` (which also converts the offsets) and writes
/// one record per document to `out`. `report(line_number, message)` is called for each line that
/// is skipped. Returns whether every line was processed; an error only when reading or writing
/// fails.
pub fn run(
    mut reader: impl BufRead,
    out: &mut impl Write,
    mut annotate: impl FnMut(&str) -> Result<Annotation, String>,
    mut report: impl FnMut(usize, String),
) -> io::Result<bool> {
    let mut all_ok = true;
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        n += 1;
        let mut skip = |msg: String| {
            report(n, msg);
            all_ok = false;
        };
        let mut text = match std::str::from_utf8(&line) {
            Ok(t) => t,
            Err(e) => {
                skip(format!(
                    "skipped: invalid UTF-8 at byte {} of the line",
                    e.valid_up_to() + 1
                ));
                continue;
            }
        };
        if n == 1 {
            text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        }
        if text.trim().is_empty() {
            continue;
        }
        let (id, body) = match document(text) {
            Ok(d) => d,
            Err(e) => {
                skip(e);
                continue;
            }
        };
        match annotate(&body) {
            Ok(a) => {
                serde_json::to_writer(&mut *out, &record(id, &a))?;
                out.write_all(b"\n")?;
            }
            Err(e) => skip(e),
        }
    }
    Ok(all_ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens::{Annotator, OffsetUnit};

    fn annotate(text: &str) -> Result<Annotation, String> {
        let mut a = Annotator::default().annotate(text);
        a.convert_offsets(text, OffsetUnit::Codepoints);
        Ok(a)
    }

    /// Runs `input`; returns the output lines and the reports.
    fn jsonl(input: &[u8]) -> (Vec<Json>, Vec<(usize, String)>, bool) {
        let mut out = Vec::new();
        let mut reports = Vec::new();
        let ok = run(input, &mut out, annotate, |n, m| reports.push((n, m))).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, reports, ok)
    }

    #[test]
    fn bom_crlf_and_odd_lines() {
        let input = "\u{FEFF}{\"id\":1,\"text\":\"Ana Sousa spoke.\"}\r\n\
                     [1,2]\r\n\
                     \"text\"\n\
                     null\n\
                     {\"id\":5,\"text\":42}\n\
                     {\"id\":6,\"text\":{\"a\":1}}\n\
                     \u{FEFF}{\"id\":7,\"text\":\"x\"}\n\
                     {\"id\":8,\"text\":\"Rui Costa spoke.\"}\r\n\
                     \r\n";
        let (lines, reports, ok) = jsonl(input.as_bytes());
        assert!(!ok);
        let ids: Vec<&Json> = lines.iter().map(|l| &l["id"]).collect();
        assert_eq!(ids, [1, 8]);
        assert_eq!(lines[0]["entities"][0]["text"], "Ana Sousa");
        // code points from the start of the text, not of the line: the BOM is not counted
        assert_eq!(lines[0]["entities"][0]["start"], 0);
        let expected = [
            (
                2,
                "skipped: expected an object {\"id\": .., \"text\": ..}, found an array",
            ),
            (
                3,
                "skipped: expected an object {\"id\": .., \"text\": ..}, found a string",
            ),
            (
                4,
                "skipped: expected an object {\"id\": .., \"text\": ..}, found null",
            ),
            (5, "skipped: \"text\" is a number, not a string"),
            (6, "skipped: \"text\" is an object, not a string"),
        ];
        for (want, got) in expected.iter().zip(&reports) {
            assert_eq!((want.0, want.1.to_string()), *got);
        }
        // a BOM anywhere but at the start of the input is an error in that line
        assert_eq!(reports[5].0, 7);
        assert!(
            reports[5].1.starts_with("skipped: invalid JSON"),
            "{reports:?}"
        );
        assert_eq!(reports.len(), 6);
    }

    #[test]
    fn a_failed_annotation_is_reported_and_the_rest_kept() {
        let input = b"{\"id\":1,\"text\":\"boom\"}\n{\"id\":2,\"text\":\"Ana Sousa spoke.\"}";
        let mut out = Vec::new();
        let mut reports = Vec::new();
        let failing = |t: &str| {
            if t == "boom" {
                Err("internal error while annotating: boom".to_string())
            } else {
                annotate(t)
            }
        };
        let ok = run(&input[..], &mut out, failing, |n, m| reports.push((n, m))).unwrap();
        assert!(!ok);
        assert_eq!(
            reports,
            [(1, "internal error while annotating: boom".to_string())]
        );
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
    }

    /// Reads like a pipe: at most `chunk` bytes per read, and counts what it has handed out.
    struct Trickle<'a> {
        data: &'a [u8],
        chunk: usize,
        read: std::rc::Rc<std::cell::Cell<usize>>,
    }

    impl io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            self.read.set(self.read.get() + n);
            Ok(n)
        }
    }

    /// Streaming, structurally: each result is written before the reader has gone more than one
    /// buffer past the end of its line, so memory never holds the file, only the current line.
    #[test]
    fn each_result_is_written_before_the_next_lines_are_read() {
        let doc = |i: usize| {
            format!(
                "{{\"id\":{i},\"text\":\"Ana Sousa said that {} prices rose.\"}}\n",
                "very ".repeat(2000)
            )
        };
        let input: String = (0..50).map(doc).collect();
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        let reader = io::BufReader::with_capacity(
            4096,
            Trickle {
                data: input.as_bytes(),
                chunk: 1000,
                read: read.clone(),
            },
        );
        // the bytes read from the input when each result line was finished
        let mut read_at_result = Vec::new();
        let mut out = Vec::new();
        let mut record_annotate = |t: &str| {
            read_at_result.push(read.get());
            annotate(t)
        };
        run(reader, &mut out, &mut record_annotate, |n, m| {
            panic!("line {n}: {m}")
        })
        .unwrap();
        assert_eq!(read_at_result.len(), 50);
        let line_len = doc(0).len();
        for (i, &at) in read_at_result.iter().enumerate() {
            let end_of_line = (i + 1) * line_len;
            assert!(
                at >= end_of_line && at <= end_of_line + 4096,
                "document {i} was annotated after reading {at} bytes; its line ends at {end_of_line}"
            );
        }
    }
}
