//! Calendar arithmetic for normalising dates: days since the epoch, weekdays, ISO weeks, and
//! the ISO 8601 strings the annotation carries.
//!
//! Dates are proleptic Gregorian; day numbers count from 1970-01-01 (the algorithm of Howard
//! Hinnant's `days_from_civil`), so any year in `i32` range works without overflow surprises.

use crate::pipeline::Ymd;

/// Days from 1970-01-01 to `(y, m, d)`.
pub fn days_from_civil((y, m, d): Ymd) -> i64 {
    let y = y as i64 - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> Ymd {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y.clamp(i32::MIN as i64, i32::MAX as i64) as i32, m, d)
}

/// Day of the week, 0 = Monday … 6 = Sunday.
pub fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days + 3).rem_euclid(7) as u32
}

/// Days in month `m` of year `y`.
pub fn month_days(y: i32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `(y, m, d)` when it is a real date.
pub fn valid((y, m, d): Ymd) -> Option<Ymd> {
    ((1..=12).contains(&m) && d >= 1 && d <= month_days(y, m)).then_some((y, m, d))
}

/// "2024-03-07".
pub fn iso_day((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// "2024-03".
pub fn iso_month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The ISO week of a day: "2024-W10".
pub fn iso_week(days: i64) -> String {
    // The week's Thursday decides its year.
    let thursday = days - weekday(days) as i64 + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil((y, 1, 1))) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

/// The month `delta` months from `(y, m)`.
pub fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let total = y as i64 * 12 + (m as i64 - 1) + delta as i64;
    (
        total.div_euclid(12).clamp(i32::MIN as i64, i32::MAX as i64) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for d in [-800_000i64, -1, 0, 1, 19_789, 20_000, 2_000_000] {
            assert_eq!(days_from_civil(civil_from_days(d)), d);
        }
        assert_eq!(days_from_civil((1970, 1, 1)), 0);
        assert_eq!(
            civil_from_days(days_from_civil((2024, 2, 29))),
            (2024, 2, 29)
        );
        // 2024-03-07 was a Thursday
        assert_eq!(weekday(days_from_civil((2024, 3, 7))), 3);
        assert_eq!(valid((2023, 2, 29)), None);
    }

    #[test]
    fn iso_weeks_and_months() {
        assert_eq!(iso_week(days_from_civil((2024, 3, 7))), "2024-W10");
        assert_eq!(iso_week(days_from_civil((2021, 1, 3))), "2020-W53");
        assert_eq!(iso_week(days_from_civil((2018, 12, 31))), "2019-W01");
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
    }
}
