//! `claimlens`: annotate text files or JSONL batches from the command line.
//!
//! Offsets in the output are Unicode code points by default (Python `str` indices), so the output
//! can be scored against gold files directly; `--offsets utf16|bytes` switches.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use claimlens::{Annotation, Annotator, OffsetUnit, Options};

// The `--jsonl` line reader, in a file of its own so the fuzz target can include it.
#[path = "claimlens/jsonl.rs"]
mod jsonl;

const USAGE: &str = "\
claimlens — find entities and claims (who said what) in news text

USAGE:
    claimlens [OPTIONS] FILE            annotate a UTF-8 text file ('-' for stdin), print JSON
    claimlens [OPTIONS] --jsonl FILE    annotate one document per line: {\"id\":..,\"text\":..}
                                        ('-' for stdin); print one result per line

OPTIONS:
    --offsets UNIT          codepoints (default: Python str indices), utf16 (JS), or bytes
    --reference-date DATE   resolve relative dates (\"Thursday\") against DATE (YYYY-MM-DD)
    --lexicon FILE          extra names, as JSON: {\"PERSON\": [\"Ada Lovelace\"], \"ORG\": [..]}
    --compact               one-line JSON for FILE mode (JSONL output is always one line each)
    -h, --help              print this help
    -V, --version           print the version

JSONL output, one line per input document:
    {\"id\", \"entities\": [{\"start\",\"end\",\"label\",\"text\"}],
     \"claims\": [{\"start\",\"end\",\"kind\",\"source\":{\"start\",\"end\"}|null,
                 \"cue\":{\"start\",\"end\"}|null,\"hedged\",\"anonymous_source\",\"checkworthy\"}]}
    A claim with a source or cue is written with kind \"attributed\"; a claim whose checkworthy
    score is at least 0.5 is (also) written with kind \"checkworthy\".
    A line that cannot be read (invalid UTF-8 or JSON, not an object, no \"text\" string) is
    reported on stderr with its line number; the other lines are still processed, and the exit
    status is 1. A byte order mark at the start and CRLF line ends are fine.
";

struct Args {
    input: Option<String>,
    jsonl: bool,
    offsets: OffsetUnit,
    options: Options,
    compact: bool,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        input: None,
        jsonl: false,
        offsets: OffsetUnit::Codepoints,
        options: Options::default(),
        compact: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("claimlens {}", claimlens::VERSION);
                return Ok(None);
            }
            "--jsonl" => {
                args.jsonl = true;
                args.input = Some(value("--jsonl")?);
            }
            "--offsets" => {
                let v = value("--offsets")?;
                args.offsets = OffsetUnit::parse(&v).ok_or(format!(
                    "--offsets: unknown unit {v:?} (codepoints, utf16 or bytes)"
                ))?;
            }
            "--reference-date" => args.options.reference_date = Some(value("--reference-date")?),
            "--lexicon" => {
                let path = value("--lexicon")?;
                let src = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                args.options.lexicon = serde_json::from_str(&src)
                    .map_err(|e| format!("{path}: not a lexicon object: {e}"))?;
            }
            "--compact" => args.compact = true,
            "-" => args.input = Some(a),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if args.input.is_some() => {
                return Err(format!("unexpected argument {a:?} (one input only)"))
            }
            _ => args.input = Some(a),
        }
    }
    if args.input.is_none() {
        return Err("no input file given".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimlens: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let annotator = match Annotator::new(args.options.clone()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("claimlens: {e}");
            return ExitCode::from(2);
        }
    };
    let path = args.input.as_deref().unwrap_or("-");
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("claimlens: {path}: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        jsonl::run(
            BufReader::with_capacity(1 << 16, reader),
            &mut out,
            |text| annotate_guarded(&annotator, text, args.offsets),
            |n, msg| eprintln!("claimlens: {path}:{n}: {msg}"),
        )
    } else {
        run_file(
            path,
            reader,
            &annotator,
            args.offsets,
            args.compact,
            &mut out,
        )
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::FAILURE,
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("claimlens: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Annotates `text`, turning a panic (a bug) into an error so one document never loses the rest.
fn annotate_guarded(
    annotator: &Annotator,
    text: &str,
    unit: OffsetUnit,
) -> Result<Annotation, String> {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut a = annotator.annotate(text);
        a.convert_offsets(text, unit);
        a
    }));
    result.map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned());
        format!(
            "internal error while annotating: {}",
            msg.unwrap_or_else(|| "panic".into())
        )
    })
}

/// Describes where invalid UTF-8 starts: line and column (in bytes).
fn utf8_error(bytes: &[u8], e: std::str::Utf8Error) -> String {
    let at = e.valid_up_to();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let col = at
        - bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
        + 1;
    format!("invalid UTF-8 at line {line}, byte {col} (byte offset {at}); save the file as UTF-8")
}

fn run_file(
    path: &str,
    mut reader: Box<dyn Read>,
    annotator: &Annotator,
    unit: OffsetUnit,
    compact: bool,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("claimlens: {path}: {}", utf8_error(&bytes, e));
            return Ok(false);
        }
    };
    let annotation = match annotate_guarded(annotator, text, unit) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("claimlens: {path}: {e}");
            return Ok(false);
        }
    };
    if compact {
        serde_json::to_writer(&mut *out, &annotation)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, &annotation)?;
    }
    writeln!(out)?;
    Ok(true)
}
