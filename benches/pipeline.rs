//! `cargo bench`: the pipeline stage by stage, so a regression can be pinned to a stage.
//!
//! A plain `harness = false` bench (no criterion: it would add ~40 crates and about a minute of
//! compile time on a 2-core machine for statistics this needs only a median of). Each run times
//! every stage in pipeline order on the same text, after one warm-up run; it prints the median
//! per stage and its throughput.
//!
//! ```sh
//! cargo bench                                    # stages over the corpus (or bench/sample.txt)
//! cargo bench -- --file article.txt --bytes 1m   # any text, repeated or cut to a size
//! cargo bench -- --json --bytes 10m              # one JSON line (what `npm run bench` reads)
//! ```
//!
//! Options: `--file FILE` (default: `$CLAIMLENS_CORPUS`, `../shared/corpus/news_mix.txt`, else
//! `bench/sample.txt`), `--bytes N` (`10k`, `1m`...: the text repeated and cut at a line end; the
//! default is the file as it is), `--runs N` (at least this many runs, default 5, and at least a
//! second's worth), `--budget SECONDS` (but no new run after this long, default 20, 0 for no
//! limit; always at least one run), `--per-doc` (also annotate the text article by article,
//! split at blank lines), `--no-stages` (time only the whole pipeline, offsets and JSON: half
//! the time per run), `--json` (one JSON object on stdout instead of the table).
//!
//! The stages mirror [`claimlens::Annotator::annotate`]; the bench checks that the staged
//! pipeline finds the same entities and claims as `annotate`, so it cannot drift silently.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimlens::entities::{cluster_mentions, find_mentions, UserLexicon};
use claimlens::lexicon::lexicon;
use claimlens::text::{find_boilerplate, split_sentences, tokenize, Doc};
use claimlens::{Annotation, Annotator, Claim, Entity, OffsetUnit};

/// The stages, in pipeline order. `annotate` is the whole pipeline as users call it.
const STAGES: &[&str] = &[
    "tokens",
    "sentences",
    "boilerplate",
    "doc (tokens+sentences+boilerplate)",
    "entities (find_mentions)",
    "clusters",
    "claims",
    "annotate (whole pipeline)",
    "offsets → utf16",
    "offsets → codepoints",
    "serde_json (CLI / JS hand-off)",
];

struct Args {
    file: PathBuf,
    bytes: Option<usize>,
    runs: usize,
    budget: Duration,
    per_doc: bool,
    json: bool,
    stages: bool,
}

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = match s.as_bytes().last()? {
        b'k' => (&s[..s.len() - 1], 1_000.0),
        b'm' => (&s[..s.len() - 1], 1_000_000.0),
        _ => (s.as_str(), 1.0),
    };
    let n: f64 = num.parse().ok()?;
    (n > 0.0).then_some((n * mul) as usize)
}

fn default_file() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(p) = std::env::var_os("CLAIMLENS_CORPUS") {
        return PathBuf::from(p);
    }
    for candidate in [
        root.join("../shared/corpus/news_mix.txt"),
        root.join("../../shared/corpus/news_mix.txt"),
    ] {
        if candidate.exists() {
            return candidate;
        }
    }
    root.join("bench/sample.txt")
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        file: default_file(),
        bytes: None,
        runs: 5,
        budget: Duration::from_secs(20),
        per_doc: false,
        json: false,
        stages: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--file" => args.file = PathBuf::from(value()?),
            "--bytes" => {
                let v = value()?;
                args.bytes = Some(parse_size(&v).ok_or_else(|| format!("bad size {v:?}"))?);
            }
            "--runs" => args.runs = value()?.parse().map_err(|_| "bad --runs")?,
            "--budget" => {
                args.budget = Duration::from_secs_f64(value()?.parse().map_err(|_| "bad --budget")?)
            }
            "--per-doc" => args.per_doc = true,
            "--no-stages" => args.stages = false,
            "--json" => args.json = true,
            // what `cargo bench` passes to every bench target
            "--bench" => {}
            _ => return Err(format!("unknown argument {a:?}")),
        }
    }
    args.runs = args.runs.max(1);
    Ok(args)
}

/// `text` repeated until it is at least `bytes` long, then cut at the last line end before
/// `bytes` (at a char boundary when the text has no line end there).
fn sized(text: &str, bytes: usize) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
    }
    let mut cut = claimlens::floor_char_boundary(&out, bytes);
    if let Some(nl) = out[..cut].rfind('\n') {
        if nl > cut / 2 {
            cut = nl + 1;
        }
    }
    out.truncate(cut);
    out
}

/// Peak and current resident set size of this process, from /proc (Linux), in bytes.
fn rss() -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb * 1024)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// One run of every stage; seconds per stage, in `STAGES` order. The whole pipeline runs first
/// (each run starts from the same allocator state as the one before); then, with `stages`, the
/// stages one by one, checked against it. Without `stages` those entries are NaN.
fn run_stages(text: &str, annotator: &Annotator, stages: bool) -> (Vec<f64>, Annotation) {
    let annotate_at = STAGES
        .iter()
        .position(|s| s.starts_with("annotate"))
        .unwrap();
    let mut after = Vec::with_capacity(STAGES.len() - annotate_at);
    let mut time = |f: &mut dyn FnMut()| {
        let t0 = Instant::now();
        f();
        after.push(t0.elapsed().as_secs_f64());
    };
    let mut annotation = Annotation::default();
    time(&mut || annotation = black_box(annotator.annotate(text)));
    for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoints] {
        let mut a = annotation.clone();
        time(&mut || a.convert_offsets(text, unit));
    }
    let mut converted = annotation.clone();
    converted.convert_offsets(text, OffsetUnit::Utf16);
    time(&mut || drop(black_box(serde_json::to_vec(&converted).expect("json"))));
    drop(converted);

    let mut t = Vec::with_capacity(STAGES.len());
    if stages {
        let (entities, claims) = staged_pipeline(text, &mut t);
        assert!(
            annotation.entities == entities && annotation.claims == claims,
            "the staged pipeline in benches/pipeline.rs no longer matches Annotator::annotate: \
             update it to follow src/pipeline.rs"
        );
    } else {
        t.resize(annotate_at, f64::NAN);
    }
    t.extend(after);
    (t, annotation)
}

/// The stages of [`Annotator::annotate`] one by one, timed into `t`; their entities and claims.
fn staged_pipeline(text: &str, t: &mut Vec<f64>) -> (Vec<Entity>, Vec<Claim>) {
    let lx = lexicon();
    let mut time = |f: &mut dyn FnMut()| {
        let t0 = Instant::now();
        f();
        t.push(t0.elapsed().as_secs_f64());
    };
    let mut tokens = Vec::new();
    time(&mut || tokens = black_box(tokenize(text)));
    time(&mut || drop(black_box(split_sentences(&tokens, text))));
    time(&mut || drop(black_box(find_boilerplate(text, lx))));
    let mut doc = None;
    time(&mut || doc = Some(black_box(Doc::new(text, lx))));
    let doc = doc.expect("doc");
    let mut mentions = Vec::new();
    let user = UserLexicon::default();
    time(&mut || mentions = black_box(find_mentions(&doc, lx, &user, None)));
    let mut clustered = (Vec::new(), Vec::new());
    time(&mut || clustered = black_box(cluster_mentions(text, mentions.clone(), lx)));
    let (entities, clusters) = clustered;
    let mut claims = Vec::new();
    time(&mut || {
        claims = black_box(claimlens::claims::find_claims(&doc, &entities, &clusters).claims)
    });
    (entities, claims)
}

/// Splits at blank lines: the corpus keeps one article per paragraph block.
fn articles(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect()
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("pipeline bench: {e}");
            std::process::exit(2);
        }
    };
    let file = args
        .file
        .canonicalize()
        .unwrap_or_else(|_| args.file.clone());
    let raw = match std::fs::read(&file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("pipeline bench: cannot read {}: {e}", file.display());
            std::process::exit(2);
        }
    };
    let text = match args.bytes {
        Some(n) => sized(&raw, n),
        None => raw,
    };
    black_box(lexicon());
    let annotator = Annotator::default();
    let (_, rss_base) = rss();

    // Warm-up (page faults, lexicon, caches) on the text or its first MB, then timed runs.
    let started = Instant::now();
    let warm_text = &text[..claimlens::floor_char_boundary(&text, 1_000_000)];
    run_stages(warm_text, &annotator, args.stages);
    let mut warm = None;
    let mut per_stage: Vec<Vec<f64>> = vec![Vec::new(); STAGES.len()];
    let timed = Instant::now();
    // At least `runs` runs and a second's worth (many runs of a small text), unless over budget.
    while (per_stage[0].len() < args.runs || timed.elapsed() < Duration::from_secs(1))
        && (per_stage[0].is_empty() || args.budget.is_zero() || timed.elapsed() < args.budget)
        && per_stage[0].len() < 2000
    {
        let (t, annotation) = run_stages(&text, &annotator, args.stages);
        for (s, v) in per_stage.iter_mut().zip(t) {
            s.push(v);
        }
        warm.get_or_insert(annotation);
    }
    let warm = warm.expect("at least one run");
    let spans = warm.entities.len() + warm.claims.len();
    let runs = per_stage[0].len();
    let medians: Vec<f64> = per_stage.iter_mut().map(|v| median(v)).collect();
    let annotate_at = STAGES
        .iter()
        .position(|s| s.starts_with("annotate"))
        .unwrap();
    let json_at = STAGES
        .iter()
        .position(|s| s.starts_with("serde_json"))
        .unwrap();
    let utf16_at = STAGES.iter().position(|s| s.contains("utf16")).unwrap();
    let mut annotate_ms: Vec<f64> = per_stage[annotate_at].iter().map(|s| s * 1e3).collect();
    annotate_ms.sort_by(f64::total_cmp);

    // Article by article: the same bytes, one annotate call per blank-line block.
    let per_doc = args.per_doc.then(|| {
        let docs = articles(&text);
        let doc_bytes: usize = docs.iter().map(|d| d.len()).sum();
        let doc_spans: usize = docs
            .iter()
            .map(|d| {
                let a = annotator.annotate(d);
                a.entities.len() + a.claims.len()
            })
            .sum();
        let mut times = Vec::new();
        let t0 = Instant::now();
        while times.len() < args.runs.max(3) && (times.len() < 3 || t0.elapsed() < args.budget) {
            let t = Instant::now();
            for d in &docs {
                black_box(annotator.annotate(d));
            }
            times.push(t.elapsed().as_secs_f64());
        }
        (
            docs.len(),
            doc_bytes,
            median(&mut times),
            times.len(),
            doc_spans,
        )
    });
    let (rss_peak, _) = rss();
    let mb_s = |secs: f64| text.len() as f64 / 1e6 / secs;

    if args.json {
        let per_doc_json = per_doc.map(|(n, bytes, secs, runs, spans)| {
            serde_json::json!({
                "docs": n, "bytes": bytes, "median_ms": secs * 1e3, "runs": runs,
                "mb_s": bytes as f64 / 1e6 / secs, "spans": spans, "spans_s": spans as f64 / secs,
            })
        });
        let stages: serde_json::Map<String, serde_json::Value> = STAGES
            .iter()
            .zip(&medians)
            .filter(|(_, s)| s.is_finite())
            .map(|(name, s)| ((*name).to_string(), serde_json::json!(s * 1e3)))
            .collect();
        let out = serde_json::json!({
            "file": file.display().to_string(),
            "bytes": text.len(),
            "runs": runs,
            "spans": spans,
            "entities": warm.entities.len(),
            "claims": warm.claims.len(),
            "annotate_ms": annotate_ms,
            "median_ms": medians[annotate_at] * 1e3,
            "mb_s": mb_s(medians[annotate_at]),
            "spans_s": spans as f64 / medians[annotate_at],
            // what the CLI does per document: annotate, convert offsets, write JSON
            "with_json_mb_s": mb_s(medians[annotate_at] + medians[utf16_at] + medians[json_at]),
            "stages_ms": stages,
            "per_doc": per_doc_json,
            "rss_base_bytes": rss_base,
            "rss_peak_bytes": rss_peak,
            "seconds": started.elapsed().as_secs_f64(),
        });
        println!("{out}");
        return;
    }

    println!(
        "claimlens pipeline bench: {} ({} bytes, {} entities, {} claims), median of {runs} run(s) after a warm-up",
        file.display(),
        text.len(),
        warm.entities.len(),
        warm.claims.len()
    );
    println!("{:<38} {:>11} {:>11}", "stage", "median ms", "MB/s");
    for (name, s) in STAGES.iter().zip(&medians).filter(|(_, s)| s.is_finite()) {
        println!("{name:<38} {:>11.3} {:>11.1}", s * 1e3, mb_s(*s));
    }
    if let Some((n, bytes, secs, r, _)) = per_doc {
        println!(
            "{:<38} {:>11.3} {:>11.1}   ({n} articles, median of {r})",
            "annotate, article by article",
            secs * 1e3,
            bytes as f64 / 1e6 / secs
        );
    }
    if let (Some(peak), Some(base)) = (rss_peak, rss_base) {
        println!(
            "peak RSS {:.1} MB (before the runs {:.1} MB)",
            peak as f64 / 1e6,
            base as f64 / 1e6
        );
    }
}
