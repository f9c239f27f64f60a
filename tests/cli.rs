//! The `claimlens` binary: file mode, the `--jsonl` contract, offsets units and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_contract_with_code_point_offsets() {
    let input = r#"{"id":"a","text":"😀 Ana Sousa said that Portugal’s debt fell 3%.","extra":1}"#;
    let out = run(&["--jsonl", "-"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["id"], "a");
    let text: Vec<char> = "😀 Ana Sousa said that Portugal’s debt fell 3%."
        .chars()
        .collect();
    let sub = |v: &Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        text[s..e].iter().collect()
    };
    let ents: Vec<(String, String)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (sub(e), e["label"].as_str().unwrap().to_string()))
        .collect();
    assert!(
        ents.contains(&("Ana Sousa".into(), "PERSON".into())),
        "{ents:?}"
    );
    for e in doc["entities"].as_array().unwrap() {
        assert_eq!(sub(e), e["text"].as_str().unwrap());
        assert_eq!(
            e.as_object().unwrap().len(),
            4,
            "entity keys are start, end, label, text"
        );
    }
    let claim = &doc["claims"][0];
    assert_eq!(claim["kind"], "attributed");
    assert_eq!(sub(claim), "Portugal’s debt fell 3%");
    assert_eq!(sub(&claim["source"]), "Ana Sousa");
    assert_eq!(sub(&claim["cue"]), "said");
    for key in ["hedged", "anonymous_source", "checkworthy"] {
        assert!(claim.get(key).is_some(), "claim has {key}");
    }
}

#[test]
fn offsets_option_switches_units() {
    let input = r#"{"id":1,"text":"😀 Ana Sousa spoke."}"#;
    let start = |unit: &str| {
        let out = run(&["--jsonl", "-", "--offsets", unit], input.as_bytes());
        lines(&out)[0]["entities"][0]["start"].as_u64().unwrap()
    };
    assert_eq!(start("codepoints"), 2);
    assert_eq!(start("utf16"), 3);
    assert_eq!(start("bytes"), 5);
    let bad = run(&["--jsonl", "-", "--offsets", "furlongs"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("furlongs"));
}

#[test]
fn bad_lines_are_reported_and_the_rest_kept() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"ok1\",\"text\":\"Ana Sousa spoke.\"}\n");
    input.extend_from_slice(b"{\"id\":\"broken\",\"text\":\n");
    input.extend_from_slice(b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\":\"notext\"}\n");
    input.extend_from_slice(b"{\"id\":\"ok2\",\"text\":\"Rui Costa spoke.\"}");
    let out = run(&["--jsonl", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["ok1", "ok2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2: skipped: invalid JSON"), "{err}");
    assert!(err.contains("-:3: skipped: invalid UTF-8"), "{err}");
    assert!(err.contains("-:5: skipped: no \"text\""), "{err}");
}

#[test]
fn file_mode_prints_the_annotation() {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, "Ana Sousa said that prices rose.\r\n").unwrap();
    let out = run(&[file.to_str().unwrap()], b"");
    assert!(out.status.success());
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["offsets"], "codepoints");
    assert_eq!(a["claims"][0]["source"]["text"], "Ana Sousa");

    std::fs::write(&file, b"ok\nbad \xff byte").unwrap();
    let out = run(&[file.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid UTF-8 at line 2, byte 5"), "{err}");

    let out = run(&[dir.join("missing.txt").to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_with_a_bom_crlf_lines_that_are_not_documents_and_a_huge_line() {
    let huge = "Ana Sousa said that prices rose 4% in 2023. ".repeat(100_000); // 4.4 MB, one line
    let mut input = Vec::new();
    input
        .extend_from_slice("\u{FEFF}{\"id\":\"bom\",\"text\":\"Ana Sousa spoke.\"}\r\n".as_bytes());
    input.extend_from_slice(b"[1,2,3]\r\n");
    input.extend_from_slice(b"{\"id\":\"num\",\"text\":5}\r\n");
    input.extend_from_slice(b"\r\n");
    input.extend_from_slice(format!("{{\"id\":\"huge\",\"text\":\"{huge}\"}}\r\n").as_bytes());
    input.extend_from_slice(b"{\"id\":\"deep\",\"text\":\"x\",\"n\":");
    input.extend_from_slice(&b"[".repeat(100_000));
    input.extend_from_slice(b"\n{\"id\":\"last\",\"text\":\"Rui Costa spoke.\"}");
    let out = run(&["--jsonl", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["bom", "huge", "last"]);
    // offsets count from the start of the document's text, not the line or the file
    assert_eq!(docs[0]["entities"][0]["start"], 0);
    let huge_entities = docs[1]["entities"].as_array().unwrap();
    assert_eq!(
        huge_entities.len(),
        300_000,
        "every sentence's three entities"
    );
    let last = huge_entities.last().unwrap();
    assert_eq!(
        last["end"].as_u64().unwrap() as usize,
        huge.trim_end().len() - 1
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2: skipped: expected an object"), "{err}");
    assert!(
        err.contains("-:3: skipped: \"text\" is a number, not a string"),
        "{err}"
    );
    assert!(
        err.contains("-:6: skipped: invalid JSON (recursion limit exceeded"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 3, "{err}");
}

/// Peak resident memory (VmHWM, kB) of `claimlens --jsonl -` fed `docs` through a pipe, sampled
/// from /proc while it runs; and the number of result lines.
#[cfg(target_os = "linux")]
fn peak_rss_kb(docs: impl Iterator<Item = Vec<u8>> + Send + 'static) -> (u64, usize) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for d in docs {
            stdin.write_all(&d).unwrap();
        }
    });
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || BufReader::new(stdout).lines().count());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        // the high-water mark so far; gone once the process has exited
        if let Ok(s) = std::fs::read_to_string(&status) {
            if let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    writer.join().unwrap();
    (peak, reader.join().unwrap())
}

/// The CLI streams: 256 MB of JSONL through a pipe, in lines of up to 1 MB (a quarter of them
/// news text to annotate, 16 MB in all; the rest padding that the reader must parse and drop). Its
/// memory stays near what two such lines need, far below the size of the input: neither the
/// input nor the results pile up.
#[cfg(target_os = "linux")]
#[test]
fn jsonl_memory_is_bounded_by_the_largest_line_not_the_input() {
    const MB: usize = 1 << 20;
    let article = "Union leader Petra de Vries said that the new contract raises wages by 6% over two years. \
                   Prime Minister Mark Rutte said the deal was fair, according to the finance ministry. ";
    let doc = |i: usize| -> Vec<u8> {
        if i % 4 == 0 {
            let text = article.repeat(MB / 4 / article.len());
            format!("{{\"id\":{i},\"text\":\"{text}\"}}\n").into_bytes()
        } else {
            let pad = "p".repeat(MB - 64);
            format!("{{\"id\":{i},\"text\":\"Ana Sousa spoke.\",\"pad\":\"{pad}\"}}\n").into_bytes()
        }
    };
    let (one, n) = peak_rss_kb((0..1).map(doc).chain((1..2).map(doc)));
    assert_eq!(n, 2);
    let (all, n) = peak_rss_kb((0..256).map(doc));
    assert_eq!(n, 256);
    eprintln!("peak RSS: {one} kB for two lines, {all} kB for 256 lines (256 MB)");
    assert!(
        all < 48 * 1024 && all < one * 2,
        "peak RSS {all} kB for 256 MB of input, against {one} kB for two of its lines"
    );
}

/// Found by the fuzz target `jsonl` (crash-535efe28…): an id was read as a JSON number and
/// written back, so one past 2^53 or with more digits than a float holds came out changed
/// ("11111…119" as "1.111111e87", 9007199254740993 as …992 with arbitrary precision off). Ids
/// are echoed as they were written.
#[test]
fn jsonl_ids_come_back_as_written() {
    let ids = [
        "9007199254740993",
        "123456789012345678901234567890",
        &format!("{}9", "1".repeat(86)),
        "-0.10000000000000000555",
        "1e400",
        "\"caf\\u00e9 \\ud83d\\ude00\"",
        "[1, {\"a\": null}]",
        "null",
    ];
    let input: String = ids
        .iter()
        .map(|id| format!("{{\"id\": {id}, \"text\": \"Ana Sousa spoke.\"}}\n"))
        .collect();
    let out = run(&["--jsonl", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("{\"id\":").unwrap();
            rest[..rest.find(",\"entities\"").unwrap()].to_string()
        })
        .collect();
    assert_eq!(written, ids);
    // no id, and a key given twice (the last counts, as for "text")
    let out = run(
        &["--jsonl", "-"],
        b"{\"text\": \"x\"}\n{\"id\": 1, \"id\": 2, \"text\": 3, \"text\": \"y\"}\n",
    );
    assert_eq!(
        lines(&out)
            .iter()
            .map(|l| l["id"].clone())
            .collect::<Vec<_>>(),
        [Value::Null, 2.into()]
    );
}
