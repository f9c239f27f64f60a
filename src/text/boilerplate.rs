//! Boilerplate: the page furniture that comes along when an article is copied from a web page.
//!
//! A line is boilerplate when it is
//! * a short line that is only a button or prompt ("Accept !", "Learn More", "Share this article"),
//! * a cookie, consent, newsletter or copyright notice ("Our website uses cookies ..."),
//! * widget configuration that leaked into the text ("buttons=(Accept !) days=(20)"),
//! * a navigation crumb ("Home > World > Americas").
//!
//! Adjacent boilerplate lines merge into one span. The phrase lists are in `data/boilerplate.txt`.
//! Boilerplate keeps its sentences (so offsets still cover the text) but gets no entities or claims.

use crate::lexicon::Lexicon;
use crate::span::Span;

/// Finds the boilerplate spans of `text`, in order, not overlapping.
pub fn find_boilerplate(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() && is_boilerplate_line(trimmed, lexicon) {
            let start = line_start + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            match spans.last_mut() {
                // merge with the previous boilerplate line when only blank lines separate them
                Some(prev) if text[prev.end..span.start].trim().is_empty() => prev.end = span.end,
                _ => spans.push(span),
            }
        }
        line_start = line_end;
    }
    spans
}

/// Lower-cases and keeps only letters, digits and single spaces.
fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '\'' || c == '’')
            && !out.ends_with(' ')
            && !out.is_empty()
        {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_boilerplate_line(line: &str, lexicon: &Lexicon) -> bool {
    let words = line.split_whitespace().count();
    // A short line that is only a button label or prompt.
    if line.len() <= 48 {
        let norm = normalise(line);
        if norm.is_empty() && words <= 3 {
            return false; // punctuation only, e.g. "***" section breaks: leave them alone
        }
        if lexicon.boilerplate_lines.contains(norm.as_str()) {
            return true;
        }
    }
    let lower = line.to_lowercase();
    if lexicon
        .boilerplate_phrases
        .iter()
        .any(|p| lower.contains(*p))
    {
        return true;
    }
    if lower.contains("cookie")
        && (lower.contains("accept")
            || lower.contains("consent")
            || lower.contains("our website")
            || lower.contains("this site"))
    {
        return true;
    }
    if lower.starts_with('©') || lower.starts_with("(c) ") || lower.starts_with("copyright ©") {
        return true;
    }
    // Widget configuration: most words are `key=value` / `key=(value)` pairs.
    let config_pairs = line
        .split_whitespace()
        .filter(|w| {
            w.find('=').is_some_and(|i| {
                i > 0
                    && w[..i]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
        })
        .count();
    if config_pairs >= 1 && config_pairs * 3 >= words.min(6) {
        return true;
    }
    // Navigation crumbs: three or more short segments joined by a separator.
    for sep in [" > ", " » ", " › ", " | ", " / "] {
        let parts: Vec<&str> = line.split(sep).collect();
        if parts.len() >= 3
            && parts
                .iter()
                .all(|p| !p.trim().is_empty() && p.split_whitespace().count() <= 4)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find_boilerplate(text, crate::lexicon::lexicon())
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn cookie_banner_after_an_article() {
        let text = "The minister said it would pass.\n\n \n\nbuttons=(Accept !) days=(20)\n\nOur website uses cookies to enhance your experience. Learn More\nAccept !\n";
        assert_eq!(found(text), ["buttons=(Accept !) days=(20)\n\nOur website uses cookies to enhance your experience. Learn More\nAccept !"]);
    }

    #[test]
    fn crumbs_and_buttons() {
        assert_eq!(
            found("Home > World > Americas\nThe vote was held.\nShare this article"),
            ["Home > World > Americas", "Share this article"]
        );
    }

    #[test]
    fn prose_is_not_boilerplate() {
        assert!(found("Accept the result, he said.\nThe cookie jar was empty.\nCompanies share the cost.\n***").is_empty());
        assert!(found("He said x = 5 was wrong.").is_empty());
    }
}
