//! Packs the word lists of `data/` for embedding, so that the WebAssembly module stays small.
//!
//! * One-column lists (`cities.txt`, `titles.txt`, ...; a list may have `[sections]`): each section
//!   is sorted, deduplicated and front-coded — every entry is one byte counting the bytes it
//!   shares with the entry before, then the rest of it, then a newline — into
//!   `OUT_DIR/<file>.<section>.packed` (section `main` before any header). The four generated
//!   lists are lower-cased first; hand-written lists keep their case (an all-capitals entry is an
//!   acronym). Front coding makes sorted lists about a fifth smaller after gzip.
//! * Tab-separated lists (`countries.tsv`, `orgs.tsv`): copied without their comment lines.
//! * Lists read line by line (`reporting_verbs.txt`, `hedges.txt`, ...): copied without their
//!   comment and blank lines (about 2 KB of the wasm's gzip).
//!
//! `src/lexicon.rs` unpacks them once, at first use. The readable lists in `data/` stay the
//! source of truth; nothing here changes what they say.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::Path;

/// One-column lists, and whether to lower-case them.
const LISTS: &[(&str, bool)] = &[
    ("cities.txt", true),
    ("given_names.txt", true),
    ("surnames.txt", true),
    ("common_words.txt", true),
    ("regions.txt", false),
    ("norp.txt", false),
    ("events.txt", false),
    ("titles.txt", false),
    ("org_cues.txt", false),
    ("place_cues.txt", false),
    ("names_world.txt", false),
    ("not_names.txt", false),
];
const TABLES: &[&str] = &["countries.tsv", "orgs.tsv"];
/// Lists parsed line by line at first use (`data_lines` in src/lexicon.rs and
/// src/claims/lexicon.rs): embedded without the lines those parsers skip (blank, or starting with
/// `#`), so the documentation in `data/` costs nothing in the wasm.
const STRIPPED: &[&str] = &[
    "reporting_verbs.txt",
    "cue_verbs.txt",
    "reporting_nouns.txt",
    "function_words.txt",
    "hedges.txt",
    "anonymous_sources.txt",
    "source_nouns.txt",
    "checkworthy.txt",
    "boilerplate.txt",
];

fn read(name: &str) -> String {
    let src = Path::new("data").join(name);
    println!("cargo:rerun-if-changed={}", src.display());
    fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()))
}

fn write(name: &str, bytes: &[u8]) {
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join(name);
    fs::write(&dest, bytes).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

fn main() {
    for &(name, lower) in LISTS {
        let text = read(name);
        let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut section = "main".to_string();
        sections.entry(section.clone()).or_default();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                section = line[1..line.len() - 1].to_string();
                sections.entry(section.clone()).or_default();
                continue;
            }
            let entry = if lower {
                line.to_lowercase()
            } else {
                line.to_string()
            };
            sections.get_mut(&section).expect("section").push(entry);
        }
        for (section, mut words) in sections {
            words.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
            words.dedup();
            write(&format!("{name}.{section}.packed"), &front_code(&words));
        }
    }
    for name in TABLES {
        let text = read(name);
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect();
        write(name, (kept.join("\n") + "\n").as_bytes());
    }
    for name in STRIPPED {
        let text = read(name);
        let mut kept = String::new();
        // exactly the lines `data_lines` yields, trailing whitespace trimmed as it does
        for line in text.lines().map(str::trim_end) {
            if !line.trim().is_empty() && !line.starts_with('#') {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        write(name, kept.as_bytes());
    }
    println!("cargo:rerun-if-changed=build.rs");
}

fn front_code(words: &[String]) -> Vec<u8> {
    let mut packed = Vec::new();
    let mut prev = "";
    for w in words {
        let mut shared = w
            .bytes()
            .zip(prev.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(255);
        while !w.is_char_boundary(shared) {
            shared -= 1;
        }
        packed.push(shared as u8);
        packed.extend_from_slice(&w.as_bytes()[shared..]);
        packed.push(b'\n');
        prev = w;
    }
    packed
}
