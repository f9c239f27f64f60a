//! Pattern entities: dates, times, money, percentages and quantities, found from the shape of the
//! tokens (digits, number words, month and weekday names, currency signs and words, units), each
//! with a normalised [`Value`].
//!
//! * **DATE**: "3 March 2024", "March 3, 2024", "Thursday, March 15, 2012", "Jan. 5", "March
//!   2024", "2024-03-07", "1996", "the 1990s", "mid-1990s", "1990-1995", "from 2004 to 2009",
//!   "May 27-29"; relative: "Thursday", "last Thursday", "yesterday", "last week", "next month",
//!   "this year", "each year", "two years ago", "earlier this year", "the past 35 years", "last
//!   summer"; durations of a day or more: "three days", "four decades", "26-year-old".
//! * **TIME**: "9:30", "9:30 a.m.", "9 p.m.", "noon", "midnight", "this morning", "last night",
//!   "tonight", "yesterday afternoon", and durations under a day: "two hours", "24 hours".
//! * **MONEY**: "$5bn", "US$ 8.00", "€3.2 million", "5 billion dollars", "422,000 euros", "50
//!   cents", "Rs 500", "$5 to $10 billion", "USD 40".
//! * **PERCENT**: "12%", "7.5 per cent", "12 percent", "5-10%", "between 5 and 10 percent", "two
//!   percentage points".
//! * **QUANTITY**: numbers and number words with their scale, unit and range: "between 250,000 and
//!   300,000", "300 miles", "two", "a million", "twenty-five". A measure ("miles", "km") is part of
//!   the span; a counted noun ("people", "Americans") is not, but is the value's unit.
//!
//! Dates are normalised to ISO 8601 (see [`Value::Date`]); relative dates only when a reference
//! date is given. Numbers that label rather than count are left alone: a number after a name
//! ("Studio 60", "Essex 372"), an ordinal ("21st"), a score ("6-4").

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::casing::{shape, shape_lower_ascii};
use super::dates::{
    add_months, civil_from_days, days_from_civil, iso_day, iso_month, iso_week, valid, weekday,
};
use super::Mention;
use crate::annotation::{Label, Value};
use crate::lexicon::{kind, packed_bytes, with_lowercase, FxBuild, Lexicon};
use crate::pipeline::Ymd;
use crate::span::Span;
use crate::text::{Doc, TokenKind};

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn is_time(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// ISO 8601 duration of `n` units: "P3D", "PT2H" (fractions of a unit are rounded to a
    /// tenth: "P1.5Y").
    fn duration(self, n: f64) -> String {
        let n = match self {
            Unit::Decade => n * 10.0,
            Unit::Century => n * 100.0,
            _ => n,
        };
        let tenths = (n * 10.0).round() as i64;
        let n = if tenths % 10 == 0 {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, (tenths % 10).abs())
        };
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week | Unit::Weekend => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Year | Unit::Decade | Unit::Century => format!("P{n}Y"),
        }
    }
}

/// Determiners of relative dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Det {
    Last,
    Next,
    This,
    Each,
    Past,
    Earlier,
    Later,
    Early,
    Mid,
    Late,
    Recent,
}

/// What a word can be in a pattern (private to this module).
#[derive(Clone, Copy, Debug, PartialEq)]
enum W {
    /// 1..=12; `true` for an abbreviation ("Jan", "Sept").
    Month(u32, bool),
    /// 0 = Monday.
    Weekday(u32),
    /// A number word ("two", "twenty"); `true` for one that stands alone as a count ("dozen").
    Num(f64),
    /// "dozens", "hundreds", "thousands": a vague count.
    Many(f64),
    /// "hundred", "thousand", "million", "bn".
    Scale(f64),
    /// yesterday -1, today 0, tomorrow 1.
    RelDay(i64),
    Det(Det),
    Unit(Unit),
    /// spring, summer, autumn/fall, winter (ISO-style season codes).
    Season(&'static str),
    /// morning, afternoon, evening, night.
    DayPart,
    /// noon / midnight.
    Clock(&'static str),
    Tonight,
    /// A currency word after a number ("dollars"), with its ISO 4217 code.
    Currency(&'static str),
    /// cents, pence.
    Cents,
    Percent,
    Per,
    /// A measure unit that belongs in the span ("miles", "km").
    Measure,
    Between,
    From,
    Ago,
    A,
    Meridiem,
}

/// Every pattern word, lower case.
const WORDS: &[(&str, W)] = &[
    ("january", W::Month(1, false)),
    ("february", W::Month(2, false)),
    ("march", W::Month(3, false)),
    ("april", W::Month(4, false)),
    ("may", W::Month(5, false)),
    ("june", W::Month(6, false)),
    ("july", W::Month(7, false)),
    ("august", W::Month(8, false)),
    ("september", W::Month(9, false)),
    ("october", W::Month(10, false)),
    ("november", W::Month(11, false)),
    ("december", W::Month(12, false)),
    ("jan", W::Month(1, true)),
    ("feb", W::Month(2, true)),
    ("mar", W::Month(3, true)),
    ("apr", W::Month(4, true)),
    ("jun", W::Month(6, true)),
    ("jul", W::Month(7, true)),
    ("aug", W::Month(8, true)),
    ("sep", W::Month(9, true)),
    ("sept", W::Month(9, true)),
    ("oct", W::Month(10, true)),
    ("nov", W::Month(11, true)),
    ("dec", W::Month(12, true)),
    ("monday", W::Weekday(0)),
    ("tuesday", W::Weekday(1)),
    ("wednesday", W::Weekday(2)),
    ("thursday", W::Weekday(3)),
    ("friday", W::Weekday(4)),
    ("saturday", W::Weekday(5)),
    ("sunday", W::Weekday(6)),
    ("mon", W::Weekday(0)),
    ("tue", W::Weekday(1)),
    ("tues", W::Weekday(1)),
    ("wed", W::Weekday(2)),
    ("thu", W::Weekday(3)),
    ("thur", W::Weekday(3)),
    ("thurs", W::Weekday(3)),
    ("fri", W::Weekday(4)),
    ("sat", W::Weekday(5)),
    ("sun", W::Weekday(6)),
    ("one", W::Num(1.0)),
    ("two", W::Num(2.0)),
    ("three", W::Num(3.0)),
    ("four", W::Num(4.0)),
    ("five", W::Num(5.0)),
    ("six", W::Num(6.0)),
    ("seven", W::Num(7.0)),
    ("eight", W::Num(8.0)),
    ("nine", W::Num(9.0)),
    ("ten", W::Num(10.0)),
    ("eleven", W::Num(11.0)),
    ("twelve", W::Num(12.0)),
    ("thirteen", W::Num(13.0)),
    ("fourteen", W::Num(14.0)),
    ("fifteen", W::Num(15.0)),
    ("sixteen", W::Num(16.0)),
    ("seventeen", W::Num(17.0)),
    ("eighteen", W::Num(18.0)),
    ("nineteen", W::Num(19.0)),
    ("twenty", W::Num(20.0)),
    ("thirty", W::Num(30.0)),
    ("forty", W::Num(40.0)),
    ("fifty", W::Num(50.0)),
    ("sixty", W::Num(60.0)),
    ("seventy", W::Num(70.0)),
    ("eighty", W::Num(80.0)),
    ("ninety", W::Num(90.0)),
    ("dozen", W::Num(12.0)),
    ("dozens", W::Many(24.0)),
    ("scores", W::Many(40.0)),
    ("hundreds", W::Many(200.0)),
    ("thousands", W::Many(2000.0)),
    ("millions", W::Many(2e6)),
    ("billions", W::Many(2e9)),
    ("hundred", W::Scale(1e2)),
    ("thousand", W::Scale(1e3)),
    ("k", W::Scale(1e3)),
    ("million", W::Scale(1e6)),
    ("m", W::Scale(1e6)),
    ("mn", W::Scale(1e6)),
    ("mln", W::Scale(1e6)),
    ("billion", W::Scale(1e9)),
    ("bn", W::Scale(1e9)),
    ("b", W::Scale(1e9)),
    ("bln", W::Scale(1e9)),
    ("trillion", W::Scale(1e12)),
    ("tn", W::Scale(1e12)),
    ("trn", W::Scale(1e12)),
    ("yesterday", W::RelDay(-1)),
    ("today", W::RelDay(0)),
    ("tomorrow", W::RelDay(1)),
    ("last", W::Det(Det::Last)),
    ("next", W::Det(Det::Next)),
    ("coming", W::Det(Det::Next)),
    ("this", W::Det(Det::This)),
    ("each", W::Det(Det::Each)),
    ("every", W::Det(Det::Each)),
    ("past", W::Det(Det::Past)),
    ("previous", W::Det(Det::Past)),
    ("earlier", W::Det(Det::Earlier)),
    ("later", W::Det(Det::Later)),
    ("early", W::Det(Det::Early)),
    ("mid", W::Det(Det::Mid)),
    ("late", W::Det(Det::Late)),
    ("recent", W::Det(Det::Recent)),
    ("second", W::Unit(Unit::Second)),
    ("seconds", W::Unit(Unit::Second)),
    ("minute", W::Unit(Unit::Minute)),
    ("minutes", W::Unit(Unit::Minute)),
    ("hour", W::Unit(Unit::Hour)),
    ("hours", W::Unit(Unit::Hour)),
    ("day", W::Unit(Unit::Day)),
    ("days", W::Unit(Unit::Day)),
    ("week", W::Unit(Unit::Week)),
    ("weeks", W::Unit(Unit::Week)),
    ("weekend", W::Unit(Unit::Weekend)),
    ("weekends", W::Unit(Unit::Weekend)),
    ("month", W::Unit(Unit::Month)),
    ("months", W::Unit(Unit::Month)),
    ("year", W::Unit(Unit::Year)),
    ("years", W::Unit(Unit::Year)),
    ("decade", W::Unit(Unit::Decade)),
    ("decades", W::Unit(Unit::Decade)),
    ("century", W::Unit(Unit::Century)),
    ("centuries", W::Unit(Unit::Century)),
    ("spring", W::Season("SP")),
    ("summer", W::Season("SU")),
    ("autumn", W::Season("FA")),
    ("fall", W::Season("FA")),
    ("winter", W::Season("WI")),
    ("morning", W::DayPart),
    ("afternoon", W::DayPart),
    ("evening", W::DayPart),
    ("night", W::DayPart),
    ("noon", W::Clock("12:00")),
    ("midday", W::Clock("12:00")),
    ("midnight", W::Clock("00:00")),
    ("tonight", W::Tonight),
    ("dollar", W::Currency("USD")),
    ("dollars", W::Currency("USD")),
    ("dlrs", W::Currency("USD")),
    ("usd", W::Currency("USD")),
    ("euro", W::Currency("EUR")),
    ("euros", W::Currency("EUR")),
    ("eur", W::Currency("EUR")),
    ("pound", W::Currency("GBP")),
    ("pounds", W::Currency("GBP")),
    ("sterling", W::Currency("GBP")),
    ("gbp", W::Currency("GBP")),
    ("yen", W::Currency("JPY")),
    ("jpy", W::Currency("JPY")),
    ("yuan", W::Currency("CNY")),
    ("renminbi", W::Currency("CNY")),
    ("cny", W::Currency("CNY")),
    ("peso", W::Currency("MXN")),
    ("pesos", W::Currency("MXN")),
    ("rupee", W::Currency("INR")),
    ("rupees", W::Currency("INR")),
    ("inr", W::Currency("INR")),
    ("rouble", W::Currency("RUB")),
    ("roubles", W::Currency("RUB")),
    ("ruble", W::Currency("RUB")),
    ("rubles", W::Currency("RUB")),
    ("franc", W::Currency("CHF")),
    ("francs", W::Currency("CHF")),
    ("chf", W::Currency("CHF")),
    ("lira", W::Currency("TRY")),
    ("liras", W::Currency("TRY")),
    ("won", W::Currency("KRW")),
    ("rand", W::Currency("ZAR")),
    ("real", W::Currency("BRL")),
    ("reais", W::Currency("BRL")),
    ("shekel", W::Currency("ILS")),
    ("shekels", W::Currency("ILS")),
    ("riyal", W::Currency("SAR")),
    ("riyals", W::Currency("SAR")),
    ("dirham", W::Currency("AED")),
    ("dirhams", W::Currency("AED")),
    ("dinar", W::Currency("DINAR")),
    ("dinars", W::Currency("DINAR")),
    ("naira", W::Currency("NGN")),
    ("shilling", W::Currency("SHILLING")),
    ("shillings", W::Currency("SHILLING")),
    ("hryvnia", W::Currency("UAH")),
    ("hryvnias", W::Currency("UAH")),
    ("zloty", W::Currency("PLN")),
    ("zlotys", W::Currency("PLN")),
    ("forint", W::Currency("HUF")),
    ("forints", W::Currency("HUF")),
    ("krona", W::Currency("SEK")),
    ("kronor", W::Currency("SEK")),
    ("krone", W::Currency("KRONE")),
    ("kroner", W::Currency("KRONE")),
    ("baht", W::Currency("THB")),
    ("ringgit", W::Currency("MYR")),
    ("rupiah", W::Currency("IDR")),
    ("marks", W::Currency("DEM")),
    ("bitcoin", W::Currency("BTC")),
    ("bitcoins", W::Currency("BTC")),
    ("cent", W::Cents),
    ("cents", W::Cents),
    ("pence", W::Cents),
    ("penny", W::Cents),
    ("p", W::Cents),
    ("percent", W::Percent),
    ("pct", W::Percent),
    ("%", W::Percent),
    ("per", W::Per),
    ("mile", W::Measure),
    ("miles", W::Measure),
    ("km", W::Measure),
    ("kms", W::Measure),
    ("kilometre", W::Measure),
    ("kilometres", W::Measure),
    ("kilometer", W::Measure),
    ("kilometers", W::Measure),
    ("metre", W::Measure),
    ("metres", W::Measure),
    ("meter", W::Measure),
    ("meters", W::Measure),
    ("m2", W::Measure),
    ("cm", W::Measure),
    ("mm", W::Measure),
    ("feet", W::Measure),
    ("foot", W::Measure),
    ("ft", W::Measure),
    ("inch", W::Measure),
    ("inches", W::Measure),
    ("yard", W::Measure),
    ("yards", W::Measure),
    ("kg", W::Measure),
    ("kgs", W::Measure),
    ("kilogram", W::Measure),
    ("kilograms", W::Measure),
    ("kilo", W::Measure),
    ("kilos", W::Measure),
    ("gram", W::Measure),
    ("grams", W::Measure),
    ("tonne", W::Measure),
    ("tonnes", W::Measure),
    ("ton", W::Measure),
    ("tons", W::Measure),
    ("lb", W::Measure),
    ("lbs", W::Measure),
    ("ounce", W::Measure),
    ("ounces", W::Measure),
    ("oz", W::Measure),
    ("litre", W::Measure),
    ("litres", W::Measure),
    ("liter", W::Measure),
    ("liters", W::Measure),
    ("gallon", W::Measure),
    ("gallons", W::Measure),
    ("barrel", W::Measure),
    ("barrels", W::Measure),
    ("bpd", W::Measure),
    ("acre", W::Measure),
    ("acres", W::Measure),
    ("hectare", W::Measure),
    ("hectares", W::Measure),
    ("degrees", W::Measure),
    ("degree", W::Measure),
    ("mph", W::Measure),
    ("kph", W::Measure),
    ("knots", W::Measure),
    ("mw", W::Measure),
    ("gw", W::Measure),
    ("kw", W::Measure),
    ("kwh", W::Measure),
    ("mwh", W::Measure),
    ("megawatts", W::Measure),
    ("gigawatts", W::Measure),
    ("calories", W::Measure),
    ("bytes", W::Measure),
    ("gb", W::Measure),
    ("mb", W::Measure),
    ("tb", W::Measure),
    ("between", W::Between),
    ("from", W::From),
    ("ago", W::Ago),
    ("a", W::A),
    ("an", W::A),
    ("am", W::Meridiem),
    ("pm", W::Meridiem),
    ("a.m.", W::Meridiem),
    ("p.m.", W::Meridiem),
    ("a.m", W::Meridiem),
    ("p.m", W::Meridiem),
];

/// Each pattern word → 1 + its index in [`WORDS`], by its [`word_key`]; and a filter of word
/// shapes (a 4096-bit set) that rules out most other words without a lookup.
type WordTable = (HashMap<u64, u16, FxBuild>, [u64; 64]);

/// The key of an ASCII word of the [`WordTable`] (lower-cased): its [`packed`](crate::lexicon::packed) bytes, or for a
/// word of more than eight bytes, its first eight bytes and its length (shared with no other
/// pattern word, but with other words: the word itself is compared then).
fn word_key(b: &[u8]) -> Option<u64> {
    packed_bytes(&b[..b.len().min(8)], true).map(|k| k ^ (b.len() as u64) << 59)
}

/// No pattern word is longer, in bytes (the longest, "kilometres", has ten).
const MAX_WORD: usize = 12;

fn words() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut filter = [0u64; 64];
        for (w, _) in WORDS {
            let h = shape(w) & 4095;
            filter[h / 64] |= 1 << (h % 64);
        }
        let table = WORDS
            .iter()
            .enumerate()
            .filter_map(|(k, &(w, _))| Some((word_key(w.as_bytes())?, k as u16 + 1)))
            .collect();
        (table, filter)
    })
}

/// Currency signs and the codes they stand for, and the prefixes glued to "$".
const SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("₴", "UAH"),
    ("₱", "PHP"),
    ("฿", "THB"),
];
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("U.S.", "USD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("HK", "HKD"),
    ("NZ", "NZD"),
    ("S", "SGD"),
    ("R", "BRL"),
    ("NT", "TWD"),
    ("Mex", "MXN"),
];
/// ISO codes written before an amount ("USD 40", "Rs 500").
const CODES_BEFORE: &[(&str, &str)] = &[
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("INR", "INR"),
    ("Rs", "INR"),
    ("CHF", "CHF"),
    ("CAD", "CAD"),
    ("AUD", "AUD"),
    ("HKD", "HKD"),
    ("MXN", "MXN"),
    ("BRL", "BRL"),
    ("RUB", "RUB"),
    ("ZAR", "ZAR"),
    ("KRW", "KRW"),
    ("SGD", "SGD"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("PLN", "PLN"),
    ("TRY", "TRY"),
    ("SAR", "SAR"),
    ("AED", "AED"),
    ("NGN", "NGN"),
    ("KES", "KES"),
    ("PKR", "PKR"),
    ("dlrs", "USD"),
];

/// Finds pattern entities in sentence token range `range`, appending them to `out`.
/// The pattern words of a document, looked up once per token.
///
/// Stored as 1 + the word's index in [`WORDS`] (0: none; [`PERCENT_SIGN`]: "%"): two bytes per
/// token instead of an `Option<W>`'s sixteen or more, for a table as long as the token list.
pub struct PatternWords(Vec<u16>);

/// The [`PatternWords`] code of a "%" token.
const PERCENT_SIGN: u16 = u16::MAX;

// every word has a code below the "%" one
const _: () = assert!(WORDS.len() < PERCENT_SIGN as usize);

/// The pattern word of a [`PatternWords`] code.
#[inline]
fn decode_word(code: u16) -> Option<W> {
    match code {
        0 => None,
        PERCENT_SIGN => Some(W::Percent),
        k => Some(WORDS[k as usize - 1].1),
    }
}

impl PatternWords {
    /// Looks up every word token of `doc`.
    pub fn new(doc: &Doc) -> PatternWords {
        let (table, filter) = words();
        let text = doc.text.as_bytes();
        let words = doc
            .tokens
            .iter()
            .map(|t| {
                let s = &text[t.span.start..t.span.end];
                match t.kind {
                    TokenKind::Punct if s == b"%" => return PERCENT_SIGN,
                    TokenKind::Word if s.len() <= MAX_WORD => {}
                    _ => return 0,
                }
                let h = shape_lower_ascii(s) & 4095;
                if filter[h / 64] & (1 << (h % 64)) == 0 {
                    return 0;
                }
                let Some(&code) = word_key(s).and_then(|k| table.get(&k)) else {
                    return 0;
                };
                if s.len() > 8
                    && !WORDS[code as usize - 1]
                        .0
                        .as_bytes()
                        .eq_ignore_ascii_case(s)
                {
                    return 0;
                }
                match decode_word(code) {
                    // months and weekdays are written with a capital
                    Some(W::Month(..) | W::Weekday(_)) if !t.upper_initial => 0,
                    _ => code,
                }
            })
            .collect();
        PatternWords(words)
    }
}

/// Finds pattern entities in sentence token range `range`, appending them to `out`.
pub fn find_patterns(
    doc: &Doc,
    words: &PatternWords,
    range: Range<usize>,
    lexicon: &Lexicon,
    reference: Option<Ymd>,
    out: &mut Vec<Mention>,
) {
    let cx = Cx {
        doc,
        words: &words.0,
        lx: lexicon,
        start: range.start,
        end: range.end,
        reference: reference.map(days_from_civil),
    };
    let mut i = range.start;
    // a mention may reach back over a word no mention took ("the" in "the 1990s")
    let mut free = range.start;
    while i < range.end {
        match cx.match_at(i) {
            Some(m) if m.tokens.start >= free && m.tokens.end > i => {
                i = m.tokens.end;
                free = i;
                out.push(m);
            }
            _ => i += 1,
        }
    }
}

/// A number found at some token.
#[derive(Clone, Copy, Debug)]
struct Num {
    value: f64,
    /// First token after the number.
    end: usize,
    /// A scale word was applied ("million").
    scaled: bool,
    /// The scale applied (1 when none).
    scale: f64,
    /// Written in digits.
    digits: bool,
}

struct Cx<'a, 't> {
    doc: &'a Doc<'t>,
    words: &'a [u16],
    lx: &'a Lexicon,
    start: usize,
    end: usize,
    reference: Option<i64>,
}

impl Cx<'_, '_> {
    fn text(&self, i: usize) -> &str {
        if i < self.end {
            self.doc.tok_text(i)
        } else {
            ""
        }
    }

    /// The pattern word at token `i`, if any (case-insensitive; months and weekdays must be
    /// capitalised).
    fn word(&self, i: usize) -> Option<W> {
        if i < self.end {
            decode_word(self.words[i])
        } else {
            None
        }
    }

    fn is_number(&self, i: usize) -> bool {
        i < self.end && self.doc.tokens[i].kind == TokenKind::Number
    }

    fn glued(&self, i: usize) -> bool {
        i < self.end && !self.doc.tokens[i].space_before && self.doc.tokens[i].newlines_before == 0
    }

    fn mention(&self, r: Range<usize>, label: Label, value: Option<Value>) -> Mention {
        let span = Span::new(
            self.doc.tokens[r.start].span.start,
            self.doc.tokens[r.end - 1].span.end,
        );
        // an amount too large for a float ("1e308 billion") has no value, rather than infinity
        let finite = |v: f64, max: Option<f64>| v.is_finite() && max.is_none_or(f64::is_finite);
        let value = value.filter(|v| match v {
            Value::Number { value, max, .. }
            | Value::Money { value, max, .. }
            | Value::Percent { value, max } => finite(*value, *max),
            _ => true,
        });
        Mention {
            span,
            tokens: r,
            label,
            role: None,
            value,
        }
    }

    fn date(&self, r: Range<usize>, iso: Option<String>, end: Option<String>) -> Mention {
        self.mention(r, Label::Date, iso.map(|iso| Value::Date { iso, end }))
    }

    /// A number at token `i`: digits or number words, with a scale.
    fn number(&self, i: usize) -> Option<Num> {
        if i >= self.end {
            return None;
        }
        let (mut value, mut j, digits) = if self.is_number(i) {
            let v = super::decimal::parse_number(self.text(i))?;
            (v, i + 1, true)
        } else {
            match self.word(i) {
                Some(W::Num(v)) => {
                    let mut v = v;
                    let mut j = i + 1;
                    // "twenty-five", "twenty five"
                    if (20.0..100.0).contains(&v) {
                        let k = if self.text(j) == "-" && self.glued(j) && self.glued(j + 1) {
                            j + 1
                        } else {
                            j
                        };
                        if let Some(W::Num(u)) = self.word(k) {
                            if u < 10.0 {
                                v += u;
                                j = k + 1;
                            }
                        }
                    }
                    (v, j, false)
                }
                Some(W::A) => match self.word(i + 1) {
                    Some(W::Scale(s)) if s >= 100.0 && self.text(i + 1).len() > 2 => {
                        (s, i + 2, false)
                    }
                    Some(W::Num(12.0)) => (12.0, i + 2, false),
                    _ => return None,
                },
                Some(W::Many(v)) => {
                    return Some(Num {
                        value: v,
                        end: i + 1,
                        scaled: false,
                        scale: 1.0,
                        digits: false,
                    })
                }
                _ => return None,
            }
        };
        let mut scaled = false;
        let mut scale = 1.0;
        // scales: "5 million", "5bn" (glued), "two hundred thousand"
        while let Some(W::Scale(s)) = self.word(j) {
            let w = self.text(j);
            // a lone "m", "b" or "k" only glued to digits ("5m"), never after a word
            if w.len() <= 2 && !(digits && self.glued(j)) {
                break;
            }
            if !digits && w.len() <= 3 {
                break;
            }
            value *= s;
            scale *= s;
            scaled = true;
            j += 1;
        }
        // "one hundred and twenty"
        if !digits && scaled && self.text(j) == "and" {
            if let Some(W::Num(u)) = self.word(j + 1) {
                value += u;
                j += 2;
            }
        }
        Some(Num {
            value,
            end: j,
            scaled,
            scale,
            digits,
        })
    }

    fn match_at(&self, i: usize) -> Option<Mention> {
        let t = &self.doc.tokens[i];
        // most tokens start nothing: the date and number patterns all need a number or a pattern
        // word at `i`; any other token starts only money, as a currency sign, code or dollar
        // prefix before the amount ("$5", "USD 5", "US$", "Rs. 50"), and a word that is one is
        // capitalised and at most four bytes long (`currency_before`)
        if self.words[i] == 0 && t.kind != TokenKind::Number {
            if t.kind == TokenKind::Word && (!t.upper_initial || t.span.len() > 4) {
                return None;
            }
            return self.money(i);
        }
        self.money(i)
            .or_else(|| self.date_or_time_words(i))
            .or_else(|| self.numeric(i))
    }

    // ---------------------------------------------------------------- money

    /// A currency before the amount: "$", "US$", "US $", "€", "USD", "Rs". Returns the code and
    /// the token where the amount starts.
    fn currency_before(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.text(i);
        // every sign, prefix and code is a symbol or a short word before more
        if t.len() > 4 || i + 1 >= self.end {
            return None;
        }
        let next = self.text(i + 1);
        if t == "$" || t.as_bytes()[0] >= 0x80 {
            return SIGNS
                .iter()
                .find(|(s, _)| *s == t)
                .map(|&(_, code)| (code, i + 1));
        }
        if next == "$" {
            let &(_, code) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == t)?;
            return (self.glued(i + 1) || t == "US").then_some((code, i + 2));
        }
        if !(self.is_number(i + 1) || next == ".") {
            return None;
        }
        if let Some(&(_, code)) = CODES_BEFORE.iter().find(|(p, _)| *p == t) {
            let mut j = i + 1;
            if self.text(j) == "." && self.glued(j) {
                j += 1; // "Rs."
            }
            if self.is_number(j) {
                return Some((code, j));
            }
        }
        None
    }

    fn money(&self, i: usize) -> Option<Mention> {
        let (code, at) = self.currency_before(i)?;
        let n = self.number(at).filter(|n| n.digits)?;
        let mut value = n.value;
        let mut j = n.end;
        let mut max = None;
        // "$5 to $10 billion", "$1.2-1.5 million"
        if matches!(self.text(j), "to" | "-" | "–" | "and") {
            let k = j + 1;
            let k = match self.currency_before(k) {
                Some((_, a)) => a,
                None => k,
            };
            if let Some(n2) = self.number(k).filter(|n| n.digits) {
                if n2.scaled && !n.scaled {
                    // "$5 to $10 billion": the second's scale applies to the first
                    value *= n2.scale;
                }
                if n2.value >= value {
                    max = Some(n2.value);
                    j = n2.end;
                } else {
                    value = n.value;
                }
            }
        }
        // "$5 billion dollars" is rare; "US$ 8.00" is common: nothing more to take
        Some(self.mention(
            i..j,
            Label::Money,
            Some(Value::Money {
                value,
                max,
                currency: code.into(),
            }),
        ))
    }

    // ---------------------------------------------------------------- dates and times by word

    fn date_or_time_words(&self, i: usize) -> Option<Mention> {
        let w = self.word(i)?;
        match w {
            W::RelDay(offset) => {
                // "yesterday afternoon", "tomorrow morning": a time
                if self.word(i + 1) == Some(W::DayPart) {
                    return Some(self.mention(i..i + 2, Label::Time, None));
                }
                let iso = self.reference.map(|r| iso_day(civil_from_days(r + offset)));
                Some(self.date(i..i + 1, iso, None))
            }
            W::Tonight => Some(self.mention(i..i + 1, Label::Time, None)),
            W::Clock(iso) => {
                Some(self.mention(i..i + 1, Label::Time, Some(Value::Time { iso: iso.into() })))
            }
            W::Det(det) => self.relative(i, det),
            W::Weekday(d) => {
                // an abbreviation only before a date ("Sat March 16, 2024", "Fri., Jan. 5")
                if self.text(i).len() <= 5 {
                    let mut k = i + 1;
                    if self.text(k) == "." && self.glued(k) {
                        k += 1;
                    }
                    if self.text(k) == "," {
                        k += 1;
                    }
                    let m = self.month_date(k)?;
                    return Some(self.mention(i..m.tokens.end, Label::Date, m.value));
                }
                // part of a name: "The Sunday Times", "Good Friday Agreement", "Black Friday"
                if self.in_name(i) {
                    return None;
                }
                Some(self.weekday_date(i, i, d, None))
            }
            W::Month(..) => self.month_date(i),
            W::Season(code) => {
                // "summer 2012", "the summer of 2012"
                let (j, year) = if self.is_year(i + 1) {
                    (i + 2, self.year(i + 1))
                } else if self.text(i + 1) == "of" && self.is_year(i + 2) {
                    (i + 3, self.year(i + 2))
                } else {
                    return None;
                };
                let start = if i > self.start && self.text(i - 1) == "the" {
                    i - 1
                } else {
                    i
                };
                Some(self.date(start..j, year.map(|y| format!("{y:04}-{code}")), None))
            }
            _ => None,
        }
    }

    /// "last week", "next Thursday", "each year", "the past 35 years", "earlier this month",
    /// "this morning", "mid-1990s", "late March".
    fn relative(&self, i: usize, det: Det) -> Option<Mention> {
        let r = self.reference;
        let mut j = i + 1;
        // "mid-1990s", "mid-March"
        if matches!(det, Det::Mid | Det::Early | Det::Late) {
            if self.text(j) == "-" && self.glued(j) {
                j += 1;
            }
            if let Some(m) = self.month_date(j).or_else(|| self.year_date(j)) {
                let value = m.value;
                return Some(self.mention(i..m.tokens.end, Label::Date, value));
            }
            return None;
        }
        // "earlier this year", "later this month"
        if matches!(det, Det::Earlier | Det::Later) {
            if let Some(W::Det(d2 @ (Det::This | Det::Last | Det::Next))) = self.word(j) {
                if let Some(W::Unit(u)) = self.word(j + 1) {
                    let iso = self.period(d2, u);
                    return Some(self.date(i..j + 2, iso, None));
                }
            }
            return None;
        }
        if det == Det::Recent {
            return match self.word(j) {
                Some(W::Unit(u)) if !u.is_time() && self.text(j).ends_with('s') => {
                    Some(self.date(i..j + 1, None, None))
                }
                _ => None,
            };
        }
        // "the past 35 years", "the next five years", "the last few months"
        if matches!(det, Det::Past | Det::Last | Det::Next) {
            let with_the = i > self.start && self.text(i - 1) == "the";
            let mut k = j;
            let mut n = None;
            if self.text(k) == "few" || self.text(k) == "several" {
                k += 1;
            } else if let Some(num) = self.number(k) {
                n = Some(num.value);
                k = num.end;
            }
            if k > j {
                if let Some(W::Unit(u)) = self.word(k) {
                    let start = if with_the { i - 1 } else { i };
                    let label = if u.is_time() {
                        Label::Time
                    } else {
                        Label::Date
                    };
                    let value = n.map(|n| {
                        if u.is_time() {
                            Value::Time { iso: u.duration(n) }
                        } else {
                            Value::Date {
                                iso: u.duration(n),
                                end: None,
                            }
                        }
                    });
                    return Some(self.mention(start..k + 1, label, value));
                }
            }
        }
        match self.word(j)? {
            W::Unit(u) if !u.is_time() && !self.text(j).ends_with('s') || u == Unit::Weekend => {
                if det == Det::Each {
                    let iso = match u {
                        Unit::Weekend => None,
                        _ => Some(u.duration(1.0)),
                    };
                    return Some(self.date(i..j + 1, iso, None));
                }
                let d = if det == Det::Past { Det::Last } else { det };
                Some(self.date(i..j + 1, self.period(d, u), None))
            }
            W::DayPart if matches!(det, Det::This | Det::Last) => {
                // "this morning", "last night"
                if det == Det::Last && self.text(j) != "night" {
                    return None;
                }
                Some(self.mention(i..j + 1, Label::Time, None))
            }
            W::Weekday(d) if matches!(det, Det::Last | Det::Next | Det::This | Det::Each) => {
                let dir = match det {
                    Det::Last => Some(-1),
                    Det::Next => Some(1),
                    Det::Each => return Some(self.date(i..j + 1, None, None)),
                    _ => None,
                };
                Some(self.weekday_date(i, j, d, dir))
            }
            W::Season(code) if matches!(det, Det::Last | Det::Next | Det::This) => {
                let iso = r.map(|r| {
                    let (y, _, _) = civil_from_days(r);
                    let y = match det {
                        Det::Last => y - 1,
                        Det::Next => y + 1,
                        _ => y,
                    };
                    format!("{y:04}-{code}")
                });
                Some(self.date(i..j + 1, iso, None))
            }
            W::Month(m, _) if matches!(det, Det::Last | Det::Next | Det::This) => {
                let iso = r.map(|r| {
                    let (y, rm, _) = civil_from_days(r);
                    let y = match det {
                        Det::Last if m >= rm => y - 1,
                        Det::Next if m <= rm => y + 1,
                        _ => y,
                    };
                    iso_month(y, m)
                });
                Some(self.date(i..j + 1, iso, None))
            }
            _ => None,
        }
    }

    /// The period "last/this/next" `unit` names, relative to the reference date.
    fn period(&self, det: Det, u: Unit) -> Option<String> {
        let r = self.reference?;
        let step = match det {
            Det::Last => -1,
            Det::Next => 1,
            _ => 0,
        };
        let (y, m, _) = civil_from_days(r);
        Some(match u {
            Unit::Day => iso_day(civil_from_days(r + step)),
            Unit::Week | Unit::Weekend => iso_week(r + 7 * step),
            Unit::Month => {
                let (y, m) = add_months(y, m, step as i32);
                iso_month(y, m)
            }
            Unit::Year => format!("{:04}", y + step as i32),
            Unit::Decade => format!("{:03}X", (y + 10 * step as i32).div_euclid(10)),
            Unit::Century => format!("{:02}", (y + 100 * step as i32).div_euclid(100)),
            _ => return None,
        })
    }

    /// A weekday at token `day` (the mention starting at `from`), resolved against the reference
    /// date: `dir` -1 the last one before it, 1 the next one after, none the nearest.
    /// "Thursday, March 15, 2012" is one date.
    fn weekday_date(&self, from: usize, day: usize, d: u32, dir: Option<i64>) -> Mention {
        // "Thursday, March 15, 2012" / "Friday 3 May"
        let k = if self.text(day + 1) == "," {
            day + 2
        } else {
            day + 1
        };
        if let Some(m) = self.month_date(k) {
            if matches!(&m.value, Some(Value::Date { iso, .. }) if iso.len() == 10 || iso.starts_with("--"))
                || m.tokens.start < k
            {
                return self.mention(from..m.tokens.end, Label::Date, m.value);
            }
        }
        // "Friday night": a time
        if dir.is_none() && self.word(day + 1) == Some(W::DayPart) {
            return self.mention(from..day + 2, Label::Time, None);
        }
        let iso = self.reference.map(|r| {
            let today = weekday(r) as i64;
            let delta = d as i64 - today;
            let offset = match dir {
                Some(-1) => {
                    let back = (today - d as i64).rem_euclid(7);
                    -(if back == 0 { 7 } else { back })
                }
                Some(_) => {
                    let fwd = delta.rem_euclid(7);
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                None => {
                    let back = -((today - d as i64).rem_euclid(7));
                    let fwd = delta.rem_euclid(7);
                    if fwd < -back {
                        fwd
                    } else {
                        back
                    }
                }
            };
            iso_day(civil_from_days(r + offset))
        });
        self.date(from..day + 1, iso, None)
    }

    /// Is the capitalised word `i` part of a name the lists know ("Good Friday", "Sunday
    /// Times"), or followed by an organisation's or event's last word ("Sunday Telegraph")?
    fn in_name(&self, i: usize) -> bool {
        let g = &self.lx.gazetteer;
        let mut buf = String::new();
        let mut known = |a: usize, b: usize| {
            buf.clear();
            for k in a..=b {
                if k > a && self.doc.tokens[k].space_before {
                    buf.push(' ');
                }
                crate::lexicon::push_lower(&mut buf, self.text(k));
            }
            g.get(&buf)
                .is_some_and(|e| e.kinds & (kind::ORG | kind::EVENT | kind::PLACE) != 0)
        };
        let next_capital = i + 1 < self.end
            && self.doc.tokens[i + 1].upper_initial
            && self.doc.tokens[i + 1].newlines_before == 0;
        let prev_capital = i > self.start && self.doc.tokens[i - 1].upper_initial;
        if prev_capital && known(i - 1, i) || next_capital && known(i, i + 1) {
            return true;
        }
        next_capital && {
            let mut b = String::new();
            crate::lexicon::push_lower(&mut b, self.text(i + 1));
            g.word(&b).kinds & (kind::ORG_LAST | kind::EVENT_LAST) != 0
        }
    }

    fn is_year(&self, i: usize) -> bool {
        let s = self.text(i);
        self.is_number(i)
            && s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && (s.starts_with("1") || s.starts_with("20"))
            && ("1000"..="2099").contains(&s)
    }

    fn year(&self, i: usize) -> Option<i32> {
        self.text(i).parse().ok()
    }

    /// A day number 1..=31 at `i` (not a year, not a decimal).
    fn day_number(&self, i: usize) -> Option<u32> {
        let s = self.text(i);
        if !self.is_number(i) || s.len() > 2 {
            return None;
        }
        let d: u32 = s.parse().ok()?;
        // "5th"
        (1..=31).contains(&d).then_some(d)
    }

    fn ordinal_suffix(&self, i: usize) -> usize {
        if self.glued(i) && matches!(self.text(i), "st" | "nd" | "rd" | "th") {
            i + 1
        } else {
            i
        }
    }

    /// "March 3, 2024", "3 March 2024", "March 2024", "Jan. 5", "March 3-5", "March": at token
    /// `i` (the month, or the day before it).
    fn month_date(&self, i: usize) -> Option<Mention> {
        // "3 March": the day first
        let (start, day_first, mi) = match self.day_number(i) {
            Some(d) => {
                let k = self.ordinal_suffix(i + 1);
                let k = if self.text(k) == "of" { k + 1 } else { k };
                (i, Some(d), k)
            }
            None => (i, None, i),
        };
        let Some(W::Month(m, abbr)) = self.word(mi) else {
            return None;
        };
        let mut j = mi + 1;
        if abbr && self.text(j) == "." && self.glued(j) {
            j += 1;
        }
        let mut day = day_first;
        let mut day_end = None;
        if day.is_none() {
            if let Some(d) = self.day_number(j) {
                day = Some(d);
                j = self.ordinal_suffix(j + 1);
                // "May 27-29", "June 5 to 9"
                if matches!(self.text(j), "-" | "–")
                    || self.text(j) == "to" && self.day_number(j + 1).is_some()
                {
                    if let Some(d2) = self.day_number(j + 1) {
                        if d2 > d {
                            day_end = Some(d2);
                            j += 2;
                        }
                    }
                }
            }
        }
        let mut year = None;
        let k = if self.text(j) == "," && day.is_some() {
            j + 1
        } else {
            j
        };
        if self.is_year(k) {
            year = self.year(k);
            j = k + 1;
        }
        if day.is_none()
            && year.is_none()
            && (abbr || m == 5 || m == 3 && self.text(mi) == "March" && self.is_verb_context(mi))
        {
            return None; // "May" alone is a verb more often than a month
        }
        let year = year.or_else(|| {
            // with a reference date: the nearest such date
            self.reference.map(|r| {
                let (ry, rm, _) = civil_from_days(r);
                let diff = m as i32 - rm as i32;
                if diff > 6 {
                    ry - 1
                } else if diff < -6 {
                    ry + 1
                } else {
                    ry
                }
            })
        });
        let iso = |d: Option<u32>| -> Option<String> {
            match (year, d) {
                (Some(y), Some(d)) => valid((y, m, d)).map(iso_day),
                (Some(y), None) => Some(iso_month(y, m)),
                (None, Some(d)) => Some(format!("--{m:02}-{d:02}")),
                (None, None) => Some(format!("--{m:02}")),
            }
        };
        let end = day_end.and_then(|d| iso(Some(d)));
        Some(self.date(start..j, iso(day), end))
    }

    /// "March" after a modal or "to" is the verb.
    fn is_verb_context(&self, i: usize) -> bool {
        i > self.start && matches!(self.text(i - 1), "to" | "will" | "would" | "they" | "we")
    }

    /// A year or decade at `i`: "1996", "1990s".
    fn year_date(&self, i: usize) -> Option<Mention> {
        if !self.is_year(i) {
            return None;
        }
        let y = self.year(i)?;
        if self.glued(i + 1) && self.text(i + 1) == "s" {
            return Some(self.date(i..i + 2, Some(format!("{:03}X", y / 10)), None));
        }
        Some(self.date(i..i + 1, Some(format!("{y:04}")), None))
    }

    // ---------------------------------------------------------------- numbers first

    fn numeric(&self, i: usize) -> Option<Mention> {
        // every pattern below starts with a number, a number word, a month, or a range's
        // "between" / "from"
        if !self.is_number(i)
            && !matches!(
                self.word(i),
                Some(W::Num(_) | W::A | W::Many(_) | W::Month(..) | W::Between | W::From)
            )
        {
            return None;
        }
        // ISO dates: "2024-03-07"
        if self.is_year(i) && self.text(i + 1) == "-" && self.glued(i + 1) && self.glued(i + 2) {
            let (m, d) = (self.text(i + 2), self.text(i + 4));
            if self.is_number(i + 2)
                && m.len() == 2
                && self.text(i + 3) == "-"
                && self.is_number(i + 4)
                && d.len() == 2
                && self.glued(i + 3)
                && self.glued(i + 4)
            {
                let ymd = (self.year(i)?, m.parse().ok()?, d.parse().ok()?);
                let iso = valid(ymd).map(iso_day);
                return Some(self.date(i..i + 5, iso, None));
            }
        }
        // "between 250,000 and 300,000", "from 2004 to 2009"
        let ranged = matches!(self.word(i), Some(W::Between | W::From));
        let at = if ranged { i + 1 } else { i };
        // money with the currency after the range start: "between $5 and $10"
        if ranged {
            if let Some(m) = self.money(at) {
                if let Some(Value::Money { max: Some(_), .. }) = m.value {
                    return Some(self.mention(i..m.tokens.end, Label::Money, m.value));
                }
            }
        }
        // a day before a month: "3 March 2024"
        if let Some(m) = self.month_date(at).filter(|_| !ranged) {
            return Some(m);
        }
        let n = self.number(at)?;
        let mut j = n.end;
        let mut max = None;
        let mut year_range = None;
        let mut scale2 = 1.0;
        let joiner = self.text(j);
        let dash = matches!(joiner, "-" | "–" | "—");
        if (ranged && matches!(joiner, "and" | "to" | "-" | "–"))
            || (!ranged && (joiner == "to" || dash))
        {
            if let Some(n2) = self.number(j + 1) {
                let first_year = self.is_year(at);
                // "1997-98": a range of years (not "2024-04b", 4 billion)
                if first_year
                    && dash
                    && self.glued(j)
                    && self.text(j + 1).len() == 2
                    && n2.digits
                    && !n2.scaled
                {
                    let y2 = (self.year(at)? / 100) * 100 + n2.value as i32;
                    if y2 > self.year(at)? {
                        year_range = Some(y2);
                        j = n2.end;
                    }
                } else if n2.value > n.value
                    || ranged && n2.value >= n.value
                    || n2.scaled && n.value * n2.scale < n2.value
                {
                    if first_year && self.is_year(j + 1) {
                        year_range = self.year(j + 1);
                    }
                    max = Some(n2.value);
                    scale2 = n2.scale;
                    j = n2.end;
                } else if dash && !ranged {
                    return None; // a score: "6-4"
                }
            }
        }
        if ranged && max.is_none() && year_range.is_none() {
            return None; // "from 5" is no range
        }
        let mut value = n.value;
        if max.is_some() && !n.scaled && scale2 > 1.0 && n.value * scale2 <= max.unwrap_or(0.0) {
            // "between 5 and 10 million": the second's scale applies to the first
            value *= scale2;
        }
        // years and decades
        if self.is_year(at) && !n.scaled && (max.is_none() || year_range.is_some()) {
            if let Some(y2) = year_range {
                return Some(self.date(
                    i..j,
                    Some(format!("{:04}", self.year(at)?)),
                    Some(format!("{y2:04}")),
                ));
            }
            if self.glued(j) && self.text(j) == "s" {
                let y = self.year(at)?;
                let start = if i > self.start && self.text(i - 1) == "the" {
                    i - 1
                } else {
                    i
                };
                return Some(self.date(start..j + 1, Some(format!("{:03}X", y / 10)), None));
            }
            // "in 2023", "the 2014 protests"; not "1709 schoolchildren", "2000 people"
            let y = self.year(at).unwrap_or(0);
            let before = if i > self.start { self.text(i - 1) } else { "" };
            let determined = matches!(before, "the" | "The" | "a" | "its" | "their" | "'s" | "’s");
            let temporal = matches!(
                before,
                "in" | "In"
                    | "since"
                    | "Since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "of"
                    | "before"
                    | "after"
                    | "during"
                    | "early"
                    | "late"
                    | "mid"
                    | "year"
                    | "c."
                    | "circa"
            );
            let plausible = y >= 1900 || temporal || determined;
            if plausible && (determined || !self.counts(j)) && !self.after_name(at) {
                return Some(self.date(i..j, Some(self.text(at).to_string()), None));
            }
        }
        let next = self.word(j);
        // times: "9:30", "9:30 a.m.", "9 p.m."
        if max.is_none() && n.digits && !n.scaled {
            if self.text(j) == ":" && self.glued(j) && self.is_number(j + 1) && self.glued(j + 1) {
                let mm = self.text(j + 1);
                let h = n.value;
                if mm.len() == 2
                    && mm.bytes().all(|b| b.is_ascii_digit())
                    && h < 24.0
                    && h.fract() == 0.0
                    && mm < "60"
                {
                    let mut k = j + 2;
                    let mut hour = h as u32;
                    if let Some(W::Meridiem) = self.word(k) {
                        let pm = self.text(k).starts_with(['p', 'P']);
                        if pm && hour < 12 {
                            hour += 12;
                        } else if !pm && hour == 12 {
                            hour = 0;
                        }
                        k += 1;
                    } else if self.text(k) == "." && self.glued(k) {
                        return None; // "3:51.01": a race time
                    }
                    return Some(self.mention(
                        i..k,
                        Label::Time,
                        Some(Value::Time {
                            iso: format!("{hour:02}:{mm}"),
                        }),
                    ));
                }
            }
            if let Some(W::Meridiem) = next {
                let pm = self.text(j).starts_with(['p', 'P']);
                let mut hour = n.value as u32;
                if pm && hour < 12 {
                    hour += 12;
                } else if !pm && hour == 12 {
                    hour = 0;
                }
                let iso =
                    (n.value.fract() == 0.0 && n.value <= 12.0).then(|| format!("{hour:02}:00"));
                return Some(self.mention(
                    i..j + 1,
                    Label::Time,
                    iso.map(|iso| Value::Time { iso }),
                ));
            }
        }
        // percentages
        match next {
            Some(W::Percent) => {
                return Some(self.mention(
                    i..j + 1,
                    Label::Percent,
                    Some(Value::Percent { value, max }),
                ));
            }
            Some(W::Per) if self.text(j + 1).eq_ignore_ascii_case("cent") => {
                return Some(self.mention(
                    i..j + 2,
                    Label::Percent,
                    Some(Value::Percent { value, max }),
                ));
            }
            _ => {}
        }
        if self.text(j) == "percentage" && matches!(self.text(j + 1), "point" | "points") {
            return Some(self.mention(
                i..j + 2,
                Label::Percent,
                Some(Value::Percent { value, max }),
            ));
        }
        // money by word: "5 billion dollars", "422,000 euros", "50 cents", "10 Hong Kong dollars"
        let mut k = j;
        while k < j + 2
            && self.doc.tokens.get(k).is_some_and(|t| t.upper_initial)
            && k < self.end
            && self
                .lx
                .gazetteer
                .get(&self.text(k).to_ascii_lowercase())
                .is_some_and(|e| e.kinds & (kind::NORP | kind::COUNTRY | kind::PLACE) != 0)
        {
            k += 1;
        }
        match self.word(k) {
            Some(W::Currency(code)) if k == j || matches!(self.text(k), "dollars" | "dollar") => {
                return Some(self.mention(
                    i..k + 1,
                    Label::Money,
                    Some(Value::Money {
                        value,
                        max,
                        currency: code.into(),
                    }),
                ));
            }
            Some(W::Cents) if k == j && (self.text(k) != "p" || self.glued(k)) => {
                return Some(self.mention(
                    i..k + 1,
                    Label::Money,
                    Some(Value::Money {
                        value: value / 100.0,
                        max: max.map(|m| m / 100.0),
                        currency: "USD".into(),
                    }),
                ));
            }
            _ => {}
        }
        if let Some(&(_, code)) = CODES_BEFORE
            .iter()
            .find(|(c, _)| c.len() == 3 && *c == self.text(j))
        {
            return Some(self.mention(
                i..j + 1,
                Label::Money,
                Some(Value::Money {
                    value,
                    max,
                    currency: code.into(),
                }),
            ));
        }
        // durations: "three days" (DATE), "two hours" (TIME), "two years ago", "26-year-old"
        let (uk, glued_unit) = if self.text(j) == "-" && self.glued(j) && self.glued(j + 1) {
            (j + 1, true)
        } else {
            (j, false)
        };
        if let Some(W::Unit(u)) = self.word(uk) {
            let dur = u.duration(value);
            if glued_unit {
                // "26-year-old", "two-day", "24-hour"
                let end =
                    if self.text(uk + 1) == "-" && self.glued(uk + 1) && self.text(uk + 2) == "old"
                    {
                        uk + 3
                    } else {
                        uk + 1
                    };
                let label = if u.is_time() {
                    Label::Time
                } else {
                    Label::Date
                };
                let value = if u.is_time() {
                    Value::Time { iso: dur }
                } else {
                    Value::Date {
                        iso: dur,
                        end: None,
                    }
                };
                return Some(self.mention(i..end, label, Some(value)));
            }
            if self.word(uk + 1) == Some(W::Ago) && !u.is_time() {
                let iso = self.reference.and_then(|r| self.ago(r, u, value));
                return Some(self.date(i..uk + 2, iso, None));
            }
            if u.is_time() {
                return Some(self.mention(i..uk + 1, Label::Time, Some(Value::Time { iso: dur })));
            }
            if max.is_none() || u != Unit::Weekend {
                let end = max.map(|m| u.duration(m));
                return Some(self.mention(
                    i..uk + 1,
                    Label::Date,
                    Some(Value::Date { iso: dur, end }),
                ));
            }
        }
        // quantities
        if !n.digits
            && !n.scaled
            && max.is_none()
            && (value == 1.0 || self.text(at).eq_ignore_ascii_case("one"))
        {
            return None; // "one" is a pronoun more often than a count
        }
        // a capitalised number word inside a name: "World War Two", "Formula One"
        if !n.digits && self.doc.tokens[at].upper_initial && self.after_name(at) {
            return None;
        }
        if n.digits && max.is_none() && !n.scaled && !ranged {
            // a number that labels: "Studio 60", "Essex 372", "No. 5", "21st", "#3"
            if self.after_name(at)
                || self.ordinal_suffix(j) > j
                || i > self.start && matches!(self.text(i - 1), "#" | "No" | "no" | ".") && i >= 1
            {
                return None;
            }
            // the second number of a score or of a code: "6-4", "F-16", "COVID-19"
            if i > self.start
                && matches!(self.text(i - 1), "-" | "–" | "/" | ":")
                && self.glued(i)
                && self.glued(i - 1)
            {
                return None;
            }
            // a number glued to a letter: "F-16"'s 16, "COVID-19"'s 19
            if i > self.start
                && self.text(i - 1) == "-"
                && !self.doc.tokens[i].space_before
                && !self.doc.tokens[i - 1].space_before
                && self
                    .doc
                    .tokens
                    .get(i.wrapping_sub(2))
                    .is_some_and(|t| t.kind == TokenKind::Word)
            {
                return None;
            }
        }
        let mut unit = None;
        let mut end = j;
        if let Some(W::Measure) = next {
            if !(self.text(j).len() <= 2 && !self.glued(j) && self.text(j) == "m") {
                unit = Some(self.text(j).to_string());
                end = j + 1;
            }
        } else if self.counts(j) {
            unit = Some(self.text(j).to_string());
        }
        Some(self.mention(
            i..end,
            Label::Quantity,
            Some(Value::Number { value, max, unit }),
        ))
    }

    /// Is the token before the number at `i` a capitalised name word ("Studio 60", "Essex 372")?
    fn after_name(&self, i: usize) -> bool {
        i > self.start
            && self.doc.tokens[i].space_before
            && self.doc.tokens[i].newlines_before == 0
            && self.doc.tokens[i - 1].kind == TokenKind::Word
            && self.doc.tokens[i - 1].upper_initial
            && self.word(i - 1).is_none()
            && !(i - 1 == self.start && self.is_common(i - 1))
    }

    fn is_common(&self, i: usize) -> bool {
        let mut buf = String::new();
        crate::lexicon::push_lower(&mut buf, self.text(i));
        self.lx.gazetteer.word(&buf).kinds & kind::COMMON != 0
    }

    /// Is the word at `j` a counted noun after a number ("people", "Americans", "troops")?
    fn counts(&self, j: usize) -> bool {
        if j >= self.end || self.doc.tokens[j].kind != TokenKind::Word {
            return false;
        }
        let w = self.text(j);
        if self.doc.tokens[j].upper_initial {
            // "300,000 Americans"
            return w.ends_with('s')
                && with_lowercase(w, |k| {
                    self.lx
                        .gazetteer
                        .get(k)
                        .is_some_and(|e| e.kinds & kind::NORP != 0)
                });
        }
        if matches!(
            w,
            "people"
                | "children"
                | "schoolchildren"
                | "men"
                | "women"
                | "police"
                | "staff"
                | "personnel"
                | "cattle"
                | "sheep"
                | "fish"
                | "livestock"
        ) {
            return true;
        }
        w.len() > 3
            && w.ends_with('s')
            && self.word(j).is_none()
            && !matches!(
                w,
                "this"
                    | "was"
                    | "has"
                    | "is"
                    | "as"
                    | "its"
                    | "his"
                    | "less"
                    | "across"
                    | "towards"
                    | "besides"
                    | "unless"
                    | "thus"
            )
    }

    /// The date `value` `u`s before the reference day `r`.
    fn ago(&self, r: i64, u: Unit, value: f64) -> Option<String> {
        if value.fract() != 0.0 || value > 10_000.0 {
            return None;
        }
        let n = value as i64;
        let (y, m, _) = civil_from_days(r);
        Some(match u {
            Unit::Day => iso_day(civil_from_days(r - n)),
            Unit::Week | Unit::Weekend => iso_week(r - 7 * n),
            Unit::Month => {
                let (y, m) = add_months(y, m, -(n as i32));
                iso_month(y, m)
            }
            Unit::Year => format!("{:04}", y as i64 - n),
            Unit::Decade => format!("{:03}X", (y as i64 - 10 * n).div_euclid(10)),
            Unit::Century => format!("{:02}", (y as i64 - 100 * n).div_euclid(100)),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{Annotator, Label, Options, Value};

    #[test]
    fn every_pattern_word_has_a_packed_key() {
        assert_eq!(super::words().0.len(), super::WORDS.len());
    }

    fn found(text: &str, reference: Option<&str>) -> Vec<(String, Label, Option<Value>)> {
        let options = Options {
            reference_date: reference.map(str::to_string),
            ..Options::default()
        };
        let a = Annotator::new(options).unwrap().annotate(text);
        a.entities
            .into_iter()
            .filter(|e| !e.label.is_name())
            .map(|e| (e.text, e.label, e.value))
            .collect()
    }

    fn date(iso: &str) -> Option<Value> {
        Some(Value::Date {
            iso: iso.into(),
            end: None,
        })
    }

    #[test]
    fn relative_dates_resolve_against_the_reference() {
        // 2024-03-07 is a Thursday.
        let f = found(
            "He spoke on Thursday and will travel next Monday. Talks began last week and end next month; yesterday was calm. It happened two years ago and each year since.",
            Some("2024-03-07"),
        );
        let got: Vec<(&str, Option<Value>)> =
            f.iter().map(|(t, _, v)| (t.as_str(), v.clone())).collect();
        assert_eq!(
            got,
            [
                ("Thursday", date("2024-03-07")),
                ("next Monday", date("2024-03-11")),
                ("last week", date("2024-W09")),
                ("next month", date("2024-04")),
                ("yesterday", date("2024-03-06")),
                ("two years ago", date("2022")),
                ("each year", date("P1Y")),
            ]
        );
    }

    #[test]
    fn absolute_dates_and_ranges() {
        let f = found(
            "On Thursday, March 15, 2012 and on 3 March 2024, in March 2024, on Jan. 5, from 2004 to 2009, in 1997-98, in the 1990s and on 1996-08-30.",
            None,
        );
        let got: Vec<(&str, Option<Value>)> =
            f.iter().map(|(t, _, v)| (t.as_str(), v.clone())).collect();
        assert_eq!(got[0], ("Thursday, March 15, 2012", date("2012-03-15")));
        assert_eq!(got[1], ("3 March 2024", date("2024-03-03")));
        assert_eq!(got[2], ("March 2024", date("2024-03")));
        assert_eq!(got[3], ("Jan. 5", date("--01-05")));
        assert_eq!(
            got[4],
            (
                "from 2004 to 2009",
                Some(Value::Date {
                    iso: "2004".into(),
                    end: Some("2009".into())
                })
            )
        );
        assert_eq!(
            got[5],
            (
                "1997-98",
                Some(Value::Date {
                    iso: "1997".into(),
                    end: Some("1998".into())
                })
            )
        );
        assert_eq!(got[6], ("the 1990s", date("199X")));
        assert_eq!(got[7], ("1996-08-30", date("1996-08-30")));
    }

    #[test]
    fn money_percent_quantity_time() {
        let f = found(
            "It cost $5bn, US$ 8.00, €3.2 million, 5 billion dollars and 422,000 euros; rates rose 12% and 7.5 per cent. Between 250,000 and 300,000 Americans walked 300 miles in two hours at 9:30 a.m.",
            None,
        );
        let got: Vec<(&str, Label)> = f.iter().map(|(t, l, _)| (t.as_str(), *l)).collect();
        assert_eq!(
            got,
            [
                ("$5bn", Label::Money),
                ("US$ 8.00", Label::Money),
                ("€3.2 million", Label::Money),
                ("5 billion dollars", Label::Money),
                ("422,000 euros", Label::Money),
                ("12%", Label::Percent),
                ("7.5 per cent", Label::Percent),
                ("Between 250,000 and 300,000", Label::Quantity),
                ("300 miles", Label::Quantity),
                ("two hours", Label::Time),
                ("9:30 a.m.", Label::Time),
            ]
        );
        assert_eq!(
            f[0].2,
            Some(Value::Money {
                value: 5e9,
                max: None,
                currency: "USD".into()
            })
        );
        assert_eq!(
            f[7].2,
            Some(Value::Number {
                value: 250_000.0,
                max: Some(300_000.0),
                unit: Some("Americans".into())
            })
        );
        assert_eq!(
            f[10].2,
            Some(Value::Time {
                iso: "09:30".into()
            })
        );
    }

    #[test]
    fn numbers_that_label_are_not_quantities() {
        let f = found("They watched Studio 60. Graf won 6-4 in the 21st minute, and May was there. No one came.", None);
        let got: Vec<&str> = f.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(
            !got.contains(&"60")
                && !got.contains(&"6-4")
                && !got.contains(&"May")
                && !got.contains(&"one"),
            "{got:?}"
        );
    }
}
