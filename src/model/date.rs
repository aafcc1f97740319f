//! Dates that may be known only to the month, the year, or approximately.
//!
//! Human-rights documentation puts a precision on every date: a forcibly disappeared person's capture may be known
//! as "autumn 2020" at best. Stored and exchanged as text: `2020-11-09` (day), `2020-11` (month), `2020` (year),
//! `~2020-11-09` (approximate, around that day).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Precision {
    Day,
    Month,
    Year,
    Approximate,
}

/// A date with its precision. For `Month` the day is 1; for `Year` the month and day are 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(type = "string"))]
pub struct PartialDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

impl PartialDate {
    pub fn day(date: NaiveDate) -> Self {
        PartialDate { date, precision: Precision::Day }
    }

    /// The earliest day this date can mean.
    pub fn earliest(&self) -> NaiveDate {
        match self.precision {
            Precision::Approximate => self.date - chrono::Days::new(183),
            _ => self.date,
        }
    }

    /// The latest day this date can mean.
    pub fn latest(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.date,
            Precision::Month => {
                let (y, m) = (self.date.year(), self.date.month());
                let next =
                    if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
                next.map(|d| d - chrono::Days::new(1)).unwrap_or(self.date)
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.date.year(), 12, 31).unwrap_or(self.date),
            Precision::Approximate => self.date + chrono::Days::new(183),
        }
    }

    /// Whether `self` is certainly before `other` (every day `self` can mean precedes every day `other` can).
    pub fn certainly_before(&self, other: &PartialDate) -> bool {
        self.latest() < other.earliest()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date: {0:?} (expected YYYY-MM-DD, YYYY-MM, YYYY or ~YYYY-MM-DD)")]
pub struct BadDate(pub String);

impl FromStr for PartialDate {
    type Err = BadDate;

    fn from_str(s: &str) -> Result<Self, BadDate> {
        let t = s.trim();
        let bad = || BadDate(s.to_owned());
        let (approx, t) = match t.strip_prefix('~') {
            Some(rest) => (true, rest.trim()),
            None => (false, t),
        };
        let parts: Vec<&str> = t.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, BadDate> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d, precision) = match parts.as_slice() {
            [y] => (num(y, 4)?, 1, 1, Precision::Year),
            [y, m] => (num(y, 4)?, num(m, 2)?, 1, Precision::Month),
            [y, m, d] => (num(y, 4)?, num(m, 2)?, num(d, 2)?, Precision::Day),
            _ => return Err(bad()),
        };
        let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)?;
        if y < 1850 {
            return Err(bad());
        }
        let precision = if approx { Precision::Approximate } else { precision };
        Ok(PartialDate { date, precision })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        match self.precision {
            Precision::Day => write!(f, "{}", d.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", d.format("%Y-%m")),
            Precision::Year => write!(f, "{}", d.format("%Y")),
            Precision::Approximate => write!(f, "~{}", d.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Parses a full date `YYYY-MM-DD`, or French `DD/MM/YYYY`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_precision() {
        for s in ["2020-11-09", "2020-11", "2020", "~2020-11-09"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        for s in ["2020-02-30", "20-11-09", "2020/11/09", "", "~", "1200", "2020-1-9"] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} must be refused");
        }
    }

    #[test]
    fn order_respects_precision() {
        let born: PartialDate = "1990".parse().unwrap();
        assert!(!"1990-06-01".parse::<PartialDate>().unwrap().certainly_before(&born));
        assert!("1989-12".parse::<PartialDate>().unwrap().certainly_before(&born));
    }
}
