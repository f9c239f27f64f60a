//! Runs every golden file in `tests/golden/` (see its README for the format).

use std::fs;
use std::path::Path;

use claimlens::{Annotation, Annotator, Options};
use serde::Deserialize;

#[derive(Deserialize)]
struct ClaimCase {
    content: String,
    #[serde(default)]
    source: Option<Option<String>>,
    #[serde(default)]
    cue: Option<Option<String>>,
    kind: Option<String>,
    hedged: Option<bool>,
    anonymous_source: Option<bool>,
    negated: Option<bool>,
    prediction: Option<bool>,
    checkworthy_min: Option<f32>,
    checkworthy_max: Option<f32>,
    /// The canonical name of the cluster the source links to (`null`: linked to none).
    #[serde(default)]
    resolves_to: Option<Option<String>>,
    /// The cue's polarity: "assert", "deny" or "concede".
    polarity: Option<String>,
    /// Features that must be among the claim's check-worthiness features.
    #[serde(default)]
    features: Vec<String>,
    /// Hedge texts that must be among the claim's hedges.
    #[serde(default)]
    hedges: Vec<String>,
    /// `[first, last]` sentence indices the claim must report.
    sentences: Option<(usize, usize)>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    options: Option<Options>,
    entities: Option<Vec<(String, String)>>,
    #[serde(default = "yes")]
    entities_complete: bool,
    #[serde(default)]
    not_entities: Vec<String>,
    claims: Option<Vec<ClaimCase>>,
    #[serde(default)]
    claims_complete: bool,
    #[serde(default)]
    no_claims: bool,
    /// No claim may have a source or a cue.
    #[serde(default)]
    no_attributed: bool,
    /// Texts that no claim's content may be exactly.
    #[serde(default)]
    not_claims: Vec<String>,
    /// Texts that no claim's cue may be exactly.
    #[serde(default)]
    not_cues: Vec<String>,
}

fn yes() -> bool {
    true
}

fn slice(text: &str, s: &claimlens::Span) -> String {
    text.get(s.start..s.end)
        .map(str::to_string)
        .unwrap_or_else(|| format!("<bad span {}..{}>", s.start, s.end))
}

/// Checks that `expected` appears in `found` in order (as a subsequence), or equals it.
fn check_seq<T: PartialEq + std::fmt::Debug>(
    what: &str,
    found: &[T],
    expected: &[T],
    complete: bool,
) -> Result<(), String> {
    if complete {
        if found != expected {
            return Err(format!(
                "{what}:\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
        return Ok(());
    }
    let mut it = found.iter();
    for e in expected {
        if !it.any(|f| f == e) {
            return Err(format!(
                "{what}: {e:?} missing or out of order\n  found {found:?}"
            ));
        }
    }
    Ok(())
}

fn check_case(case: &Case, a: &Annotation) -> Result<(), String> {
    let text = &case.text;
    // Every span is in bounds, on char boundaries, and matches its reported text.
    for e in &a.entities {
        if text.get(e.span.start..e.span.end) != Some(e.text.as_str()) {
            return Err(format!(
                "entity {:?} has span {}..{} which is {:?}",
                e.text,
                e.span.start,
                e.span.end,
                slice(text, &e.span)
            ));
        }
    }
    if let Some(expected) = &case.entities {
        let found: Vec<(String, String)> = a
            .entities
            .iter()
            .map(|e| (e.text.clone(), e.label.as_str().to_string()))
            .collect();
        check_seq("entities", &found, expected, case.entities_complete)?;
    }
    for neg in &case.not_entities {
        if let Some(e) = a.entities.iter().find(|e| &e.text == neg) {
            return Err(format!(
                "{neg:?} must not be an entity, but is {}",
                e.label.as_str()
            ));
        }
    }
    // Every claim's source and cue lie within its sentences.
    for c in &a.claims {
        let first = &a.sentences[c.sentence].span;
        let last = &a.sentences[c.last_sentence].span;
        for part in [
            c.source.as_ref().map(|s| s.span),
            c.cue.as_ref().map(|q| q.span),
            Some(c.span),
        ]
        .into_iter()
        .flatten()
        {
            if part.start < first.start || part.end > last.end {
                return Err(format!(
                    "claim {:?}: {:?} lies outside its sentences {}..={}",
                    slice(text, &c.span),
                    slice(text, &part),
                    c.sentence,
                    c.last_sentence
                ));
            }
        }
    }
    for neg in &case.not_claims {
        if let Some(c) = a.claims.iter().find(|c| &slice(text, &c.span) == neg) {
            return Err(format!(
                "{neg:?} must not be a claim, but is a {:?} claim",
                c.kind
            ));
        }
    }
    for neg in &case.not_cues {
        if let Some(c) = a
            .claims
            .iter()
            .find(|c| c.cue.as_ref().is_some_and(|q| &q.text == neg))
        {
            return Err(format!(
                "{neg:?} must not be a cue, but cues {:?}",
                slice(text, &c.span)
            ));
        }
    }
    if case.no_attributed {
        if let Some(c) = a.claims.iter().find(|c| c.is_attributed()) {
            return Err(format!(
                "expected no attributed claims, found {:?}",
                slice(text, &c.span)
            ));
        }
    }
    if case.no_claims && !a.claims.is_empty() {
        let found: Vec<String> = a.claims.iter().map(|c| slice(text, &c.span)).collect();
        return Err(format!("expected no claims, found {found:?}"));
    }
    if let Some(expected) = &case.claims {
        let contents: Vec<String> = a.claims.iter().map(|c| slice(text, &c.span)).collect();
        let want: Vec<String> = expected.iter().map(|c| c.content.clone()).collect();
        check_seq("claim contents", &contents, &want, case.claims_complete)?;
        for exp in expected {
            let c = a
                .claims
                .iter()
                .find(|c| slice(text, &c.span) == exp.content)
                .expect("checked above");
            let part = |p: Option<&claimlens::Span>| p.map(|s| slice(text, s));
            if let Some(src) = &exp.source {
                let got = part(c.source.as_ref().map(|s| &s.span));
                if &got != src {
                    return Err(format!(
                        "claim {:?}: source {got:?}, expected {src:?}",
                        exp.content
                    ));
                }
            }
            if let Some(cue) = &exp.cue {
                let got = part(c.cue.as_ref().map(|q| &q.span));
                if &got != cue {
                    return Err(format!(
                        "claim {:?}: cue {got:?}, expected {cue:?}",
                        exp.content
                    ));
                }
            }
            let kind = serde_json::to_value(c.kind).unwrap();
            let flags = [
                (
                    "kind",
                    exp.kind.as_ref().map(|k| serde_json::json!(k)),
                    kind,
                ),
                (
                    "hedged",
                    exp.hedged.map(|b| serde_json::json!(b)),
                    serde_json::json!(c.hedged),
                ),
                (
                    "anonymous_source",
                    exp.anonymous_source.map(|b| serde_json::json!(b)),
                    serde_json::json!(c.anonymous_source),
                ),
                (
                    "negated",
                    exp.negated.map(|b| serde_json::json!(b)),
                    serde_json::json!(c.negated),
                ),
                (
                    "prediction",
                    exp.prediction.map(|b| serde_json::json!(b)),
                    serde_json::json!(c.prediction),
                ),
            ];
            for (name, want, got) in flags {
                if let Some(want) = want {
                    if want != got {
                        return Err(format!(
                            "claim {:?}: {name} is {got}, expected {want}",
                            exp.content
                        ));
                    }
                }
            }
            if let Some(want) = &exp.resolves_to {
                let got = c
                    .source
                    .as_ref()
                    .and_then(|s| s.cluster)
                    .map(|k| a.clusters[k].canonical.clone());
                if &got != want {
                    return Err(format!(
                        "claim {:?}: source resolves to {got:?}, expected {want:?}",
                        exp.content
                    ));
                }
            }
            if let Some(want) = &exp.polarity {
                let got = c
                    .cue
                    .as_ref()
                    .map(|q| serde_json::to_value(q.polarity).unwrap());
                if got != Some(serde_json::json!(want)) {
                    return Err(format!(
                        "claim {:?}: cue polarity {got:?}, expected {want}",
                        exp.content
                    ));
                }
            }
            for f in &exp.features {
                if !c.features.iter().any(|g| g == f) {
                    return Err(format!(
                        "claim {:?}: feature {f:?} missing from {:?}",
                        exp.content, c.features
                    ));
                }
            }
            let hedges: Vec<String> = c.hedges.iter().map(|h| slice(text, h)).collect();
            for h in &exp.hedges {
                if !hedges.contains(h) {
                    return Err(format!(
                        "claim {:?}: hedge {h:?} missing from {hedges:?}",
                        exp.content
                    ));
                }
            }
            if let Some((first, last)) = exp.sentences {
                if (c.sentence, c.last_sentence) != (first, last) {
                    return Err(format!(
                        "claim {:?}: sentences {}..={}, expected {first}..={last}",
                        exp.content, c.sentence, c.last_sentence
                    ));
                }
            }
            if exp.checkworthy_min.is_some_and(|m| c.checkworthy < m)
                || exp.checkworthy_max.is_some_and(|m| c.checkworthy > m)
            {
                return Err(format!(
                    "claim {:?}: checkworthy {} outside the expected range",
                    exp.content, c.checkworthy
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no golden files in {}", dir.display());
    let mut failures = Vec::new();
    let mut n = 0;
    for file in &files {
        let src = fs::read_to_string(file).unwrap();
        let cases: Vec<Case> =
            serde_json::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in &cases {
            n += 1;
            let annotator = Annotator::new(case.options.clone().unwrap_or_default()).unwrap();
            let a = annotator.annotate(&case.text);
            if let Err(e) = check_case(case, &a) {
                failures.push(format!(
                    "{} / {}: {e}",
                    file.file_name().unwrap().to_string_lossy(),
                    case.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} golden cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
