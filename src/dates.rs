//! Dates as people see and type them: the clock of their own calendar, and
//! due dates typed as `2026-12-01`, `today`, `tomorrow`, `+3d`, `+2w`, `+1m`, `+1y`.

use time::{
    Date, Duration, Month, OffsetDateTime, UtcOffset, format_description::BorrowedFormatItem,
    macros::format_description,
};

const ISO: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");
const READABLE: &[BorrowedFormatItem<'static>] =
    format_description!("[weekday repr:short] [day padding:none] [month repr:short] [year]");

/// The person's calendar: their UTC offset and the day it is for them. Every
/// date shown or exported is a day in this calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub offset: UtcOffset,
    pub today: Date,
}

impl Clock {
    /// The calendar at an instant.
    pub fn at(now: OffsetDateTime, offset: UtcOffset) -> Clock {
        Clock {
            offset,
            today: now.to_offset(offset).date(),
        }
    }

    pub fn now(offset: UtcOffset) -> Clock {
        Clock::at(OffsetDateTime::now_utc(), offset)
    }

    /// The person's day of an instant, as `2026-11-28`.
    pub fn day(&self, t: OffsetDateTime) -> String {
        iso(t.to_offset(self.offset).date())
    }
}

/// What a date field's text means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateInput {
    Empty,
    Valid(Date),
    Invalid,
}

pub const DATE_HELP: &str = "YYYY-MM-DD, today, +3d, +2w, +1m";

pub fn parse(text: &str, today: Date) -> DateInput {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return DateInput::Empty;
    }
    let parsed = match text.as_str() {
        "today" => Some(today),
        "tomorrow" => today.next_day(),
        _ => match text.strip_prefix('+') {
            Some(phrase) => relative(phrase, today),
            None => Date::parse(&text, ISO).ok(),
        },
    };
    parsed.map_or(DateInput::Invalid, DateInput::Valid)
}

fn relative(phrase: &str, today: Date) -> Option<Date> {
    let unit_at = phrase.find(|c: char| !c.is_ascii_digit())?;
    let (count, unit) = phrase.split_at(unit_at);
    let count: i64 = count.parse().ok()?;
    if count > 1200 {
        return None;
    }
    match unit {
        "d" | "day" | "days" => today.checked_add(Duration::days(count)),
        "w" | "wk" | "week" | "weeks" => today.checked_add(Duration::weeks(count)),
        "m" | "mo" | "month" | "months" => add_months(today, count),
        "y" | "year" | "years" => add_months(today, count * 12),
        _ => None,
    }
}

/// Adds calendar months, clamping the day (31 Jan + 1 month is 28 or 29 Feb).
fn add_months(date: Date, months: i64) -> Option<Date> {
    let zero_based = i64::from(date.month() as u8) - 1 + months;
    let year = i32::try_from(i64::from(date.year()) + zero_based.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(zero_based.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

pub fn iso(date: Date) -> String {
    date.format(ISO).unwrap_or_default()
}

pub fn readable(date: Date) -> String {
    date.format(READABLE).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 01 - 31);

    #[test]
    fn iso_dates_and_phrases_resolve_against_today() {
        assert_eq!(
            parse("2026-12-01", TODAY),
            DateInput::Valid(date!(2026 - 12 - 01))
        );
        assert_eq!(parse(" today ", TODAY), DateInput::Valid(TODAY));
        assert_eq!(
            parse("tomorrow", TODAY),
            DateInput::Valid(date!(2026 - 02 - 01))
        );
        assert_eq!(parse("+3d", TODAY), DateInput::Valid(date!(2026 - 02 - 03)));
        assert_eq!(parse("+2w", TODAY), DateInput::Valid(date!(2026 - 02 - 14)));
        assert_eq!(parse("+1m", TODAY), DateInput::Valid(date!(2026 - 02 - 28)));
        assert_eq!(parse("+1y", TODAY), DateInput::Valid(date!(2027 - 01 - 31)));
        assert_eq!(
            parse("+13m", TODAY),
            DateInput::Valid(date!(2027 - 02 - 28))
        );
    }

    #[test]
    fn wrong_dates_are_reported_not_guessed() {
        for text in [
            "2026-02-30",
            "12/01/2026",
            "+w",
            "+2x",
            "soon",
            "+99999999999d",
        ] {
            assert_eq!(parse(text, TODAY), DateInput::Invalid, "{text}");
        }
        assert_eq!(parse("   ", TODAY), DateInput::Empty);
    }

    #[test]
    fn dates_print_in_both_forms() {
        assert_eq!(iso(date!(2026 - 03 - 04)), "2026-03-04");
        assert_eq!(readable(date!(2026 - 03 - 04)), "Wed 4 Mar 2026");
    }
}
