//! Pattern entities: dates, times, money, percentages and quantities, found from the shape of the
//! tokens (digits, number words, month and weekday names, currency signs and words, units).

use std::ops::Range;

use super::Mention;
use crate::annotation::{Label, Value};
use crate::lexicon::Lexicon;
use crate::pipeline::Ymd;
use crate::text::{Doc, TokenKind};

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_ABBR: &[(&str, usize)] = &[
    ("Jan", 0),
    ("Feb", 1),
    ("Mar", 2),
    ("Apr", 3),
    ("Jun", 5),
    ("Jul", 6),
    ("Aug", 7),
    ("Sep", 8),
    ("Sept", 8),
    ("Oct", 9),
    ("Nov", 10),
    ("Dec", 11),
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2_000_000.0),
];
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("tr", 1e12),
];
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("yen", "JPY"),
    ("peso", "MXN"),
    ("pesos", "MXN"),
    ("rupees", "INR"),
    ("yuan", "CNY"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
];
/// Relative date phrases: a determiner then a period word ("last week", "each year", "this month").
const DATE_DETERMINERS: &[&str] = &[
    "last", "next", "this", "each", "every", "past", "coming", "previous",
];
const PERIODS: &[&str] = &[
    "day", "week", "month", "year", "decade", "century", "weekend", "spring", "summer", "autumn",
    "fall", "winter",
];
const DATE_WORDS: &[&str] = &["yesterday", "today", "tomorrow"];
const UNITS: &[&str] = &[
    "miles",
    "mile",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "inches",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "pounds",
    "lbs",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "acres",
    "hectares",
    "degrees",
    "people",
    "Americans",
    "troops",
    "soldiers",
    "deaths",
    "cases",
];

fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn parse_number(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// A number starting at token `i`: digits or a number word, with a scale word after it.
/// Returns the value and the token range.
fn number_at(doc: &Doc, i: usize, end: usize) -> Option<(f64, Range<usize>)> {
    let tok = doc.tokens.get(i)?;
    let text = doc.tok_text(i);
    let mut value = match tok.kind {
        TokenKind::Number => parse_number(text)?,
        TokenKind::Word => lookup(NUMBER_WORDS, &text.to_ascii_lowercase())?,
        TokenKind::Punct => return None,
    };
    let mut j = i + 1;
    if j < end {
        let next = doc.tok_text(j);
        if let Some(scale) = lookup(SCALES, &next.to_ascii_lowercase()) {
            // "5bn" (glued) or "5 billion"; a lone "m"/"b" only when glued
            if next.len() > 2 || !doc.tokens[j].space_before {
                value *= scale;
                j += 1;
            }
        }
    }
    Some((value, i..j))
}

/// Finds pattern entities in sentence token range `range`, appending to `out`.
pub fn find_patterns(
    doc: &Doc,
    range: Range<usize>,
    _lexicon: &Lexicon,
    _reference: Option<Ymd>,
    out: &mut Vec<Mention>,
) {
    let end = range.end;
    let mut i = range.start;
    while i < end {
        if let Some(m) = match_at(doc, i, end) {
            i = m.tokens.end;
            out.push(m);
        } else {
            i += 1;
        }
    }
}

fn mention(doc: &Doc, tokens: Range<usize>, label: Label, value: Option<Value>) -> Mention {
    let span = crate::span::Span::new(
        doc.tokens[tokens.start].span.start,
        doc.tokens[tokens.end - 1].span.end,
    );
    Mention {
        span,
        tokens,
        label,
        role: None,
        value,
    }
}

fn match_at(doc: &Doc, i: usize, end: usize) -> Option<Mention> {
    let text = doc.tok_text(i);
    let lower = text.to_ascii_lowercase();
    // MONEY: "$5bn", "€3.2 million", "US$ 40"
    if let Some(code) = lookup(CURRENCY_SIGNS, text) {
        if let Some((value, r)) = number_at(doc, i + 1, end) {
            return Some(mention(
                doc,
                i..r.end,
                Label::Money,
                Some(Value::Money {
                    value,
                    max: None,
                    currency: code.into(),
                }),
            ));
        }
    }
    // DATE: "yesterday", "last week", "each year"
    if DATE_WORDS.contains(&lower.as_str()) {
        return Some(mention(doc, i..i + 1, Label::Date, None));
    }
    if DATE_DETERMINERS.contains(&lower.as_str()) && i + 1 < end {
        let next = doc.tok_text(i + 1).to_ascii_lowercase();
        if PERIODS.contains(&next.as_str())
            || WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(&next))
        {
            let iso = match next.as_str() {
                "year" if matches!(lower.as_str(), "each" | "every") => Some("P1Y"),
                "month" if matches!(lower.as_str(), "each" | "every") => Some("P1M"),
                "week" if matches!(lower.as_str(), "each" | "every") => Some("P1W"),
                "day" if matches!(lower.as_str(), "each" | "every") => Some("P1D"),
                _ => None,
            };
            return Some(mention(
                doc,
                i..i + 2,
                Label::Date,
                iso.map(|s| Value::Date {
                    iso: s.into(),
                    end: None,
                }),
            ));
        }
    }
    // DATE: weekday, "March 3, 2024", "3 March 2024", "March 2024"
    if WEEKDAYS.contains(&text) {
        return Some(mention(doc, i..i + 1, Label::Date, None));
    }
    if let Some(month) = MONTHS
        .iter()
        .position(|m| *m == text)
        .or_else(|| lookup(MONTH_ABBR, text))
    {
        let mut j = i + 1;
        if j < end && doc.tok_text(j) == "." {
            j += 1;
        }
        let mut day = None;
        let mut year = None;
        if j < end && doc.tokens[j].kind == TokenKind::Number {
            let n: u32 = doc.tok_text(j).parse().unwrap_or(0);
            if (1..=31).contains(&n) {
                day = Some(n);
                j += 1;
                if j + 1 < end && doc.tok_text(j) == "," && is_year(doc.tok_text(j + 1)) {
                    year = doc.tok_text(j + 1).parse().ok();
                    j += 2;
                }
            } else if is_year(doc.tok_text(j)) {
                year = Some(n);
                j += 1;
            }
        }
        // "3 March": a day number before the month
        let mut start = i;
        if day.is_none() && i > 0 && doc.tokens[i - 1].kind == TokenKind::Number {
            let n: u32 = doc.tok_text(i - 1).parse().unwrap_or(0);
            if (1..=31).contains(&n) {
                day = Some(n);
                start = i - 1;
                if j < end && is_year(doc.tok_text(j)) {
                    year = doc.tok_text(j).parse().ok();
                    j += 1;
                }
            }
        }
        // a bare "May" is the verb more often than the month
        let is_abbr = lookup(MONTH_ABBR, text).is_some();
        if (text != "May" && !is_abbr) || day.is_some() || year.is_some() {
            let iso = match (year, day) {
                (Some(y), Some(d)) => Some(format!("{y:04}-{:02}-{d:02}", month + 1)),
                (Some(y), None) => Some(format!("{y:04}-{:02}", month + 1)),
                _ => None,
            };
            return Some(mention(
                doc,
                start..j,
                Label::Date,
                iso.map(|iso| Value::Date { iso, end: None }),
            ));
        }
    }
    // DATE: ISO "1996-08-30"
    if doc.tokens[i].kind == TokenKind::Number && is_year(text) && i + 4 < end {
        let parts = [
            doc.tok_text(i + 1),
            doc.tok_text(i + 2),
            doc.tok_text(i + 3),
            doc.tok_text(i + 4),
        ];
        if parts[0] == "-"
            && parts[2] == "-"
            && parts[1].len() == 2
            && parts[3].len() == 2
            && !doc.tokens[i + 1].space_before
        {
            let iso = format!("{text}-{}-{}", parts[1], parts[3]);
            return Some(mention(
                doc,
                i..i + 5,
                Label::Date,
                Some(Value::Date { iso, end: None }),
            ));
        }
    }
    // TIME: "9:30", "9:30 a.m.", "9 p.m."
    if doc.tokens[i].kind == TokenKind::Number {
        if i + 2 < end && doc.tok_text(i + 1) == ":" && doc.tokens[i + 2].kind == TokenKind::Number
        {
            let mut j = i + 3;
            if j < end && is_meridiem(doc.tok_text(j)) {
                j += 1;
            }
            let iso = format!("{:0>2}:{}", text, doc.tok_text(i + 2));
            return Some(mention(doc, i..j, Label::Time, Some(Value::Time { iso })));
        }
        if i + 1 < end && is_meridiem(doc.tok_text(i + 1)) {
            return Some(mention(doc, i..i + 2, Label::Time, None));
        }
    }
    // Numbers: percent, money by word, quantities, years
    let range_start = if matches!(lower.as_str(), "between" | "from") {
        i + 1
    } else {
        i
    };
    let (value, r) = number_at(doc, range_start, end)?;
    let mut j = r.end;
    let mut max = None;
    // ranges: "between 250,000 and 300,000", "5 to 10", "5-10"
    if j + 1 < end && matches!(doc.tok_text(j), "and" | "to" | "-" | "–") {
        if let Some((v2, r2)) = number_at(doc, j + 1, end) {
            if range_start > i || doc.tok_text(j) != "and" {
                max = Some(v2);
                j = r2.end;
            }
        }
    }
    if range_start > i && max.is_none() {
        return None; // "between" without a range
    }
    let start = i;
    if j < end {
        let next = doc.tok_text(j);
        let next_lower = next.to_ascii_lowercase();
        if next == "%" || next_lower == "percent" {
            return Some(mention(
                doc,
                start..j + 1,
                Label::Percent,
                Some(Value::Percent { value, max }),
            ));
        }
        if next_lower == "per" && j + 1 < end && doc.tok_text(j + 1).eq_ignore_ascii_case("cent") {
            return Some(mention(
                doc,
                start..j + 2,
                Label::Percent,
                Some(Value::Percent { value, max }),
            ));
        }
        if let Some(code) = lookup(CURRENCY_WORDS, &next_lower) {
            return Some(mention(
                doc,
                start..j + 1,
                Label::Money,
                Some(Value::Money {
                    value,
                    max,
                    currency: code.into(),
                }),
            ));
        }
    }
    if max.is_none() && r.len() == 1 && is_year(text) && doc.tokens[i].kind == TokenKind::Number {
        let iso = text.to_string();
        return Some(mention(
            doc,
            i..i + 1,
            Label::Date,
            Some(Value::Date { iso, end: None }),
        ));
    }
    // A quantity keeps its unit when the unit is a measure ("300 miles"); a counted noun stays out.
    let mut unit = None;
    if j < end && UNITS.contains(&doc.tok_text(j)) {
        unit = Some(doc.tok_text(j).to_string());
    }
    Some(mention(
        doc,
        start..j,
        Label::Quantity,
        Some(Value::Number { value, max, unit }),
    ))
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && matches!(&s[..2], "19" | "20")
}

fn is_meridiem(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m."
    )
}
