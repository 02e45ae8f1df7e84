//! Dates as people see and type them: the clock of their own calendar, and
//! due dates typed as `2026-12-01` or as a phrase (`friday`, `in 2 weeks`, `end of month`).

use time::{
    Date, Duration, Month, OffsetDateTime, UtcOffset, Weekday,
    format_description::BorrowedFormatItem, macros::format_description,
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

pub const DATE_HELP: &str = "YYYY-MM-DD, friday, +2w, end of month";

/// What a typed date means, read against `today`. Besides ISO dates it takes
/// the phrases people type, in any case and with any spacing, matched word by
/// word so that nothing else is guessed at (`2 3 days` is not 23 days, `and`
/// is not a day from now):
///
/// - `today`, `tomorrow`, `yesterday`;
/// - a weekday (`friday`, `fri`, `next friday`, `this friday`): the first one
///   after today, so a week ahead when today is that day (`today` says today);
///   `next` adds nothing, since people split on whether `next friday` skips
///   one, and the date shown beside the field settles it;
/// - a count and a unit, as one word or two (`+3d`, `3d`, `3 days`, `+2 wk`),
///   or `a`/`an` and a unit's name (`a week`), each with or without `in`
///   before it (`in 3 days`, `in a week`); units are `d`/`day`,
///   `w`/`wk`/`week`, `m`/`mo`/`month`, `y`/`yr`/`year`, plurals too; months
///   are calendar months, clamped (31 January plus a month is the last day of
///   February);
/// - `next week`, `next month`, `next year`: a week, month or year from today,
///   the same as `+1w`, `+1m`, `+1y`;
/// - `end of week` (the coming Sunday, today on a Sunday), `end of month`,
///   `end of year`, and `end of next week`, `end of next month`, `end of next year`.
pub fn parse(text: &str, today: Date) -> DateInput {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return DateInput::Empty;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let parsed = match words.as_slice() {
        ["today"] => Some(today),
        ["tomorrow"] => today.next_day(),
        ["yesterday"] => today.previous_day(),
        [iso] if iso.starts_with(|c: char| c.is_ascii_digit()) && iso.contains('-') => {
            Date::parse(iso, ISO).ok()
        }
        ["next" | "this", day] | [day] if weekday(day).is_some() => {
            weekday(day).map(|w| today.next_occurrence(w))
        }
        ["next", unit] => period(unit).and_then(|unit| after(today, 1, unit)),
        ["end", "of", unit] => period(unit).and_then(|unit| end_of(today, unit)),
        ["end", "of", "next", unit] => {
            period(unit).and_then(|unit| end_of(after(today, 1, unit)?, unit))
        }
        ["in", rest @ ..] | rest => relative(rest, today),
    };
    parsed.map_or(DateInput::Invalid, DateInput::Valid)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A unit after a count, in any of its spellings (`3 d`, `3 days`).
fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "d" | "day" | "days" => Unit::Day,
        "w" | "wk" | "wks" | "week" | "weeks" => Unit::Week,
        "m" | "mo" | "mos" | "month" | "months" => Unit::Month,
        "y" | "yr" | "yrs" | "year" | "years" => Unit::Year,
        _ => return None,
    })
}

/// A unit named as a word, after `a` or `an`: one letter alone is not a word
/// (`a d` and `am` are typos, not dates).
fn named_unit(word: &str) -> Option<Unit> {
    match word {
        "day" | "week" | "wk" | "month" | "mo" | "year" | "yr" => unit(word),
        _ => None,
    }
}

/// A period that `next` and `end of` can name: a week, month or year.
fn period(word: &str) -> Option<Unit> {
    named_unit(word).filter(|u| !matches!(u, Unit::Day))
}

/// `count` units after `date`.
fn after(date: Date, count: i64, unit: Unit) -> Option<Date> {
    match unit {
        Unit::Day => date.checked_add(Duration::days(count)),
        Unit::Week => date.checked_add(Duration::weeks(count)),
        Unit::Month => add_months(date, count),
        Unit::Year => add_months(date, count.checked_mul(12)?),
    }
}

/// The last day of the week (Sunday), month or year that holds `date`.
fn end_of(date: Date, unit: Unit) -> Option<Date> {
    match unit {
        Unit::Day => Some(date),
        Unit::Week => date.checked_add(Duration::days(
            6 - i64::from(date.weekday().number_days_from_monday()),
        )),
        Unit::Month => date.replace_day(date.month().length(date.year())).ok(),
        Unit::Year => Date::from_calendar_date(date.year(), Month::December, 31).ok(),
    }
}

/// `+3d`, `3d`, `3 days`, `+2 wk`, `a week`: a count and a unit, nothing
/// before or after them.
fn relative(words: &[&str], today: Date) -> Option<Date> {
    let (count, unit) = match words {
        ["a" | "an", name] => (1, named_unit(name)?),
        [number, name] => (count(number)?, unit(name)?),
        [compact] => {
            let digits = compact.strip_prefix('+').unwrap_or(compact);
            let at = digits.find(|c: char| !c.is_ascii_digit())?;
            let (number, name) = digits.split_at(at);
            (count(number)?, unit(name)?)
        }
        _ => return None,
    };
    after(today, count, unit)
}

/// A count of units: digits, after an optional `+`, up to a hundred years'
/// worth of months, so arithmetic on it cannot overflow.
fn count(word: &str) -> Option<i64> {
    let digits = word.strip_prefix('+').unwrap_or(word);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n <= 1200)
}

/// Adds calendar months, clamping the day (31 Jan + 1 month is 28 or 29 Feb).
fn add_months(date: Date, months: i64) -> Option<Date> {
    let zero_based = i64::from(date.month() as u8) - 1 + months;
    let year = i32::try_from(i64::from(date.year()) + zero_based.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(zero_based.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// A date written down as `YYYY-MM-DD`. A phrase read back from a file
/// (`friday`) is not one: it would mean a new day every day.
pub fn parse_iso(text: &str) -> Option<Date> {
    Date::parse(text.trim(), ISO).ok()
}

pub fn iso(date: Date) -> String {
    date.format(ISO).unwrap_or_default()
}

pub fn readable(date: Date) -> String {
    date.format(READABLE).unwrap_or_default()
}

/// How far a day is from today, as people say it: `today`, `tomorrow`,
/// `in 5 days`, `in 3 weeks`, `in 2 months`, `yesterday`, `4 days ago`.
/// Rounded, since it stands beside the exact date.
pub fn how_far(date: Date, today: Date) -> String {
    let days = (date - today).whole_days();
    let (n, past) = (days.unsigned_abs(), days < 0);
    let amount = match n {
        0 => return "today".into(),
        1 if past => return "yesterday".into(),
        1 => return "tomorrow".into(),
        2..=13 => format!("{n} days"),
        14..=59 => format!("{} weeks", (n + 3) / 7),
        _ if n < 730 => format!("{} months", (n + 15) / 30),
        _ => format!("{} years", (n + 182) / 365),
    };
    if past {
        format!("{amount} ago")
    } else {
        format!("in {amount}")
    }
}

/// "Fri 4 Dec" this year; "4 Jan 2027" in another: for lists and one-line
/// reminders, where the weekday helps and room is short.
pub fn short(date: Date, today: Date) -> String {
    let format = if date.year() == today.year() {
        format_description!("[weekday repr:short] [day padding:none] [month repr:short]")
    } else {
        format_description!("[day padding:none] [month repr:short] [year]")
    };
    date.format(format).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 01 - 31);

    #[test]
    fn how_far_a_day_is_reads_as_people_say_it() {
        let today = date!(2026 - 11 - 28);
        let table = [
            (date!(2026 - 11 - 28), "today"),
            (date!(2026 - 11 - 29), "tomorrow"),
            (date!(2026 - 11 - 27), "yesterday"),
            (date!(2026 - 12 - 03), "in 5 days"),
            (date!(2026 - 12 - 19), "in 3 weeks"),
            (date!(2026 - 12 - 21), "in 3 weeks"),
            (date!(2027 - 02 - 28), "in 3 months"),
            (date!(2026 - 11 - 24), "4 days ago"),
            (date!(2029 - 01 - 01), "in 2 years"),
        ];
        for (date, said) in table {
            assert_eq!(how_far(date, today), said, "{date}");
        }
    }

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

    /// Found by a new user (issue 10): `tomorrow` and `+2w` worked, but
    /// `yesterday`, `next friday`, `monday`, `in 2 weeks` and `end of month`
    /// were refused. Today in these rows is Wednesday 2026-11-25.
    #[test]
    fn the_phrases_people_type_mean_what_the_readme_says() {
        let wednesday = date!(2026 - 11 - 25);
        let table = [
            ("yesterday", date!(2026 - 11 - 24)),
            ("Tomorrow", date!(2026 - 11 - 26)),
            ("friday", date!(2026 - 11 - 27)),
            ("fri", date!(2026 - 11 - 27)),
            ("next friday", date!(2026 - 11 - 27)),
            ("this  Friday", date!(2026 - 11 - 27)),
            ("monday", date!(2026 - 11 - 30)),
            ("MON", date!(2026 - 11 - 30)),
            ("tues", date!(2026 - 12 - 01)),
            // Today's own weekday is a week ahead: `today` says today.
            ("wednesday", date!(2026 - 12 - 02)),
            ("thurs", date!(2026 - 11 - 26)),
            ("sun", date!(2026 - 11 - 29)),
            ("in 2 weeks", date!(2026 - 12 - 09)),
            ("2 weeks", date!(2026 - 12 - 09)),
            ("in 3 days", date!(2026 - 11 - 28)),
            ("in a week", date!(2026 - 12 - 02)),
            ("+2 wk", date!(2026 - 12 - 09)),
            ("in 1 month", date!(2026 - 12 - 25)),
            ("in 2 yrs", date!(2028 - 11 - 25)),
            ("next week", date!(2026 - 12 - 02)),
            ("next month", date!(2026 - 12 - 25)),
            ("next year", date!(2027 - 11 - 25)),
            ("end of week", date!(2026 - 11 - 29)),
            ("end of month", date!(2026 - 11 - 30)),
            ("  End   of  Year ", date!(2026 - 12 - 31)),
            ("end of next week", date!(2026 - 12 - 06)),
            ("end of next month", date!(2026 - 12 - 31)),
        ];
        for (text, expected) in table {
            assert_eq!(parse(text, wednesday), DateInput::Valid(expected), "{text}");
        }
        // A Sunday is its own week's end; months clamp at both ends.
        assert_eq!(
            parse("end of week", date!(2026 - 11 - 29)),
            DateInput::Valid(date!(2026 - 11 - 29))
        );
        assert_eq!(
            parse("end of next month", TODAY),
            DateInput::Valid(date!(2026 - 02 - 28))
        );
        assert_eq!(
            parse("next month", TODAY),
            DateInput::Valid(date!(2026 - 02 - 28))
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
            "next",
            "next fortnight",
            "end of",
            "in",
            "in 2",
            "friday week",
            "last friday",
        ] {
            assert_eq!(parse(text, TODAY), DateInput::Invalid, "{text}");
        }
        assert_eq!(parse("   ", TODAY), DateInput::Empty);
    }

    /// Found in review (issue 10): words were joined before reading, and a
    /// leading `a` or `an` meant one, so `2 3 days` was 23 days, `in 1 2 w`
    /// twelve weeks, `and` tomorrow and `am` a month away.
    #[test]
    fn words_are_read_as_words_so_nonsense_is_refused() {
        for text in [
            "2 3 days",
            "in 1 2 w",
            "and",
            "am",
            "ad",
            "a d",
            "an m",
            "aweek",
            "a",
            "in a",
            "a 3 days",
            "3",
            "3 days later",
            "in in 3 days",
            "in next week",
            "++3d",
            "+ 3d",
            "3d4",
            "3 d d",
            "3.5 days",
            "next d",
            "next weeks",
            "next day",
            "end of m",
            "end of day",
            "end of next d",
            "this week",
            "in friday",
            "1e3d",
        ] {
            assert_eq!(parse(text, TODAY), DateInput::Invalid, "{text}");
        }
        // The forms that stay: a count joined to its unit or beside it,
        // `a`/`an` with a unit's name, `in` before either.
        let table = [
            ("3d", date!(2026 - 02 - 03)),
            ("3 d", date!(2026 - 02 - 03)),
            ("+3days", date!(2026 - 02 - 03)),
            ("in +3d", date!(2026 - 02 - 03)),
            ("in 3d", date!(2026 - 02 - 03)),
            ("a day", date!(2026 - 02 - 01)),
            ("an month", date!(2026 - 02 - 28)),
            ("in a year", date!(2027 - 01 - 31)),
            ("in a wk", date!(2026 - 02 - 07)),
            ("1 days", date!(2026 - 02 - 01)),
            ("next wk", date!(2026 - 02 - 07)),
            ("end of mo", date!(2026 - 01 - 31)),
        ];
        for (text, expected) in table {
            assert_eq!(parse(text, TODAY), DateInput::Valid(expected), "{text}");
        }
    }

    #[test]
    fn dates_print_in_both_forms() {
        assert_eq!(iso(date!(2026 - 03 - 04)), "2026-03-04");
        assert_eq!(readable(date!(2026 - 03 - 04)), "Wed 4 Mar 2026");
    }
}
