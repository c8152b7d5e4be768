//! POSIX cron as GitHub's `schedule` reads it: five fields, `*`, `a`,
//! `a-b`, `*/n`, `a-b/n`, lists, and month/day names.

/// Which minutes, hours, days and months a schedule fires at, as bitmasks
/// (bit `n` set when value `n` matches).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cron {
    pub minutes: u64,
    pub hours: u32,
    pub days_of_month: u32,
    pub months: u16,
    /// The day-of-week field starts with `*`: cron then requires the day
    /// of the month to match; otherwise a day matching either field runs.
    pub any_day_of_week: bool,
}

/// The most days each month has (February in a leap year).
const MONTH_DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTHS: &[&str] = &[
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAYS: &[&str] = &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// Parse a cron expression, or say what is wrong with it.
pub fn parse_cron(expr: &str) -> Result<Cron, String> {
    let fields: Vec<&str> = expr.split_whitespace().collect();
    if fields.len() != 5 {
        return Err(format!(
            "expected 5 fields (minute hour day-of-month month day-of-week), found {}",
            fields.len()
        ));
    }
    let minutes = field(fields[0], "minute", 0, 59, &[])?;
    let hours = field(fields[1], "hour", 0, 23, &[])?;
    let days_of_month = field(fields[2], "day of month", 1, 31, &[])?;
    let months = field(fields[3], "month", 1, 12, MONTHS)?;
    // 0-6 (Sunday-Saturday), as GitHub's schedule documentation gives it:
    // GitHub rejects the `7` other crons take for Sunday ("invalid cron
    // attribute \"0 6 * * 7\"", geerlingguy/jeffgeerling-com#14).
    field(fields[4], "day of week", 0, 6, DAYS)?;
    Ok(Cron {
        minutes,
        hours: hours as u32,
        days_of_month: days_of_month as u32,
        months: months as u16,
        any_day_of_week: fields[4].starts_with('*'),
    })
}

fn value(s: &str, name: &str, min: u32, max: u32, names: &[&str]) -> Result<u32, String> {
    if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(s)) {
        return Ok(i as u32 + min);
    }
    let v: u32 = s.parse().map_err(|_| format!("\"{s}\" is not a valid {name}"))?;
    if v < min || v > max {
        return Err(format!("{name} {v} is out of range {min}-{max}"));
    }
    Ok(v)
}

/// The set of values a field matches, as a bitmask.
fn field(f: &str, name: &str, min: u32, max: u32, names: &[&str]) -> Result<u64, String> {
    let mut set = 0u64;
    for part in f.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => {
                let step: u32 = s
                    .parse()
                    .map_err(|_| format!("step \"{s}\" of the {name} field is not a number"))?;
                if step == 0 {
                    return Err(format!("step of the {name} field must be greater than zero"));
                }
                (r, step)
            }
            None => (part, 1),
        };
        let (lo, hi) = if range == "*" {
            (min, max)
        } else if let Some((a, b)) = range.split_once('-') {
            let (a, b) = (value(a, name, min, max, names)?, value(b, name, min, max, names)?);
            if a > b {
                return Err(format!("range {a}-{b} of the {name} field is reversed"));
            }
            (a, b)
        } else {
            let v = value(range, name, min, max, names)?;
            // `5/15` means "from 5, every 15".
            (v, if part.contains('/') { max } else { v })
        };
        let mut v = lo;
        while v <= hi {
            set |= 1 << v;
            match v.checked_add(step) {
                Some(next) => v = next,
                None => break,
            }
        }
    }
    Ok(set)
}

impl Cron {
    /// True when no date ever matches: the days of the month named exist in
    /// none of the months named (`0 0 31 2 *`, `0 0 31 4,6 *`) and the day
    /// of week is `*`. When the day of week is restricted, cron runs on a
    /// day matching either field, so such a schedule still runs.
    pub fn never_runs(&self) -> bool {
        self.any_day_of_week
            && !(1..=12).any(|m| {
                self.months & (1 << m) != 0
                    && (1..=MONTH_DAYS[m as usize - 1]).any(|d| self.days_of_month & (1 << d) != 0)
            })
    }

    /// The shortest gap between two runs, in minutes, when it is under an
    /// hour (longer gaps never hit GitHub's limit).
    pub fn shortest_interval_minutes(&self) -> Option<u32> {
        let mins: Vec<u32> = (0..60).filter(|m| self.minutes & (1 << m) != 0).collect();
        let mut best: Option<u32> = None;
        for w in mins.windows(2) {
            best = Some(best.map_or(w[1] - w[0], |b| b.min(w[1] - w[0])));
        }
        // Back-to-back hours make the gap from the last minute to the
        // first of the next hour count too.
        let consecutive_hours = (0..24).any(|h| self.hours & (1 << h) != 0 && self.hours & (1 << ((h + 1) % 24)) != 0);
        if consecutive_hours {
            if let (Some(first), Some(last)) = (mins.first(), mins.last()) {
                let wrap = 60 - last + first;
                best = Some(best.map_or(wrap, |b| b.min(wrap)));
            }
        }
        best.filter(|b| *b < 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_cron("*/5 * * * *").unwrap().shortest_interval_minutes(), Some(5));
        assert_eq!(parse_cron("*/4 * * * *").unwrap().shortest_interval_minutes(), Some(4));
        assert_eq!(parse_cron("0,58 * * * *").unwrap().shortest_interval_minutes(), Some(2));
        assert_eq!(
            parse_cron("0,58 3 * * *").unwrap().shortest_interval_minutes(),
            Some(58)
        );
        assert_eq!(parse_cron("30 5 * * 1-5").unwrap().shortest_interval_minutes(), None);
        assert_eq!(parse_cron("* * * * *").unwrap().shortest_interval_minutes(), Some(1));
        assert!(parse_cron("0 0 * JAN,DEC SUN").is_ok());
    }

    #[test]
    fn dates_that_never_come() {
        let never = |e: &str| parse_cron(e).unwrap().never_runs();
        assert!(never("0 0 31 2 *"));
        assert!(never("0 0 30,31 FEB *"));
        assert!(never("0 0 31 4,6,9,11 *"));
        // February 29 comes in leap years; the 31st of some month named.
        assert!(!never("0 0 29 2 *"));
        assert!(!never("0 0 31 4,5 *"));
        // A day of week as well: either may match.
        assert!(!never("0 0 31 2 MON"));
        assert!(!never("0 0 31 2 0-6"));
        assert!(never("0 0 31 2 */1"));
        assert!(!never("0 0 * * *"));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            parse_cron("0 0 * *").unwrap_err(),
            "expected 5 fields (minute hour day-of-month month day-of-week), found 4"
        );
        assert_eq!(parse_cron("60 0 * * *").unwrap_err(), "minute 60 is out of range 0-59");
        assert_eq!(
            parse_cron("0 6 * * 7").unwrap_err(),
            "day of week 7 is out of range 0-6"
        );
        assert!(parse_cron("0 6 * * 1-7").is_err());
        assert!(parse_cron("0 6 * * 0-6").is_ok() && parse_cron("0 6 * * SUN-SAT").is_ok());
        assert_eq!(
            parse_cron("0 0 0 * *").unwrap_err(),
            "day of month 0 is out of range 1-31"
        );
        assert_eq!(
            parse_cron("*/0 0 * * *").unwrap_err(),
            "step of the minute field must be greater than zero"
        );
        assert_eq!(parse_cron("x 0 * * *").unwrap_err(), "\"x\" is not a valid minute");
    }

    proptest! {
        #[test]
        fn never_panics(s in "[0-9*/,A-Za-z -]{0,40}") {
            let _ = parse_cron(&s).map(|c| c.shortest_interval_minutes());
        }
    }
}
