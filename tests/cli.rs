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
