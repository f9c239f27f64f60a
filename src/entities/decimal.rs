//! The value of a number token ("250,000", "3.2") without the standard library's float parser.
//!
//! `str::parse::<f64>` links its correctly-rounding algorithm into the wasm with a table of 650
//! 128-bit powers of five: ~10 KB of data that gzip cannot shrink, ~12 KB of the wasm's gzip in
//! all. A number token is digits with `,` or `.` between them, and almost every one is exact in
//! a few integer operations: its digits as an integer `m` and its count `k` of decimals give
//! `m / 10^k`, correctly rounded by one IEEE division when `m < 2^53` and `k <= 22` (both
//! operands are then exact: Clinger's fast path); an integer below 2^64 is rounded correctly by
//! `as f64`. The rest (more than 15 significant digits with decimals, or 20 digits and more) go
//! to the standard parser natively and to JavaScript's `parseFloat` in the wasm, which rounds
//! correctly as well: the value is the same everywhere, to the bit.

/// Powers of ten that are exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `s` without its commas, parsed as `str::parse::<f64>` would (`None` where it fails, e.g. for
/// two periods). `s` is a number token: ASCII digits, `,` and `.`.
pub fn parse_number(s: &str) -> Option<f64> {
    let mut m: u64 = 0;
    let mut digits = 0usize; // significant digits in `m` (leading zeros not counted)
    let mut decimals = 0usize;
    let mut seen_digit = false;
    let mut point = false;
    let mut overflow = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                if point {
                    decimals += 1;
                }
                if m == 0 && b == b'0' {
                    continue;
                }
                digits += 1;
                if digits > 19 {
                    overflow = true;
                } else {
                    m = m * 10 + u64::from(b - b'0');
                }
            }
            b',' => {}
            b'.' if !point => point = true,
            _ => return slow(s),
        }
    }
    if !seen_digit {
        return slow(s);
    }
    if overflow {
        return slow(s);
    }
    if decimals == 0 {
        return Some(m as f64);
    }
    if m < (1 << 53) && decimals < POW10.len() {
        return Some(m as f64 / POW10[decimals]);
    }
    slow(s)
}

/// The rare number the fast path cannot settle exactly.
#[cfg(not(target_arch = "wasm32"))]
#[cold]
fn slow(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

/// The rare number the fast path cannot settle exactly: JavaScript's `parseFloat` of the same
/// digits (correctly rounded), after the checks that make it agree with `str::parse::<f64>` on
/// what is a number.
#[cfg(target_arch = "wasm32")]
#[cold]
fn slow(s: &str) -> Option<f64> {
    let t = s.replace(',', "");
    let b = t.as_bytes();
    let ok = b.iter().filter(|&&c| c == b'.').count() <= 1
        && b.iter().all(|&c| c.is_ascii_digit() || c == b'.')
        && b.iter().any(u8::is_ascii_digit);
    ok.then(|| js_sys::parse_float(&t))
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    fn std_parse(s: &str) -> Option<f64> {
        s.replace(',', "").parse().ok()
    }

    fn same(s: &str) {
        let a = parse_number(s);
        let b = std_parse(s);
        assert_eq!(
            a.map(f64::to_bits),
            b.map(f64::to_bits),
            "{s}: {a:?} vs {b:?}"
        );
    }

    #[test]
    fn as_the_standard_parser() {
        for s in [
            "0",
            "00",
            "007",
            "1",
            "3.2",
            "250,000",
            "1,234.56",
            "0.1",
            "0.3",
            "1.2.3",
            ".",
            "1.",
            ".5",
            "9007199254740992",
            "9007199254740993",
            "9007199254740993.5",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "0.000000000000000000000001",
            "1.0000000000000000000000001",
            "99999999999999999999.9",
            "12.05.2020",
            "4,5",
            "0.30000000000000004",
            "2.2250738585072014",
        ] {
            same(s);
        }
    }

    #[test]
    fn as_the_standard_parser_on_many_digit_strings() {
        // a fixed pseudo-random walk over lengths, digits and the place of the period
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let len = 1 + (next() % 24) as usize;
            let mut s: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let r = next();
            if r % 3 != 0 {
                let at = (r / 3) as usize % (len + 1);
                s.insert(at, '.');
            }
            if r % 7 == 0 && s.len() > 3 {
                s.insert(1, ',');
            }
            same(&s);
        }
    }
}
