//! `rebound remind`: one to three calm lines on what is due, or nothing at all, for a shell start-up file or cron.

use std::io::Write;

use time::Date;
use unicode_width::UnicodeWidthStr;

use super::agenda_load;
use super::list::terminal_width;
use super::print;
use crate::agenda::{self, AgendaStep, DueCheckins, Which};
use crate::dates;
use crate::export::Clock;
use crate::store::Store;
use crate::text::{fit, printable_line};

/// Where the lines are cut when they do not go to a terminal: a cron mail
/// stays short.
const PIPE_WIDTH: usize = 100;

/// Prints what is due, each line cut to the terminal. Files that could not
/// be read are named only with `verbose`: a warning on every new shell
/// would soon be skimmed past, and `rebound steps` names them anyway.
pub(super) fn remind(store: &Store, verbose: bool, clock: Clock) -> color_eyre::Result<()> {
    let listing = store.list()?;
    let loaded = agenda_load::from_listing(&listing, Which::Open, clock.today);
    let mut checkins = agenda::checkins_due(&listing.reflections, clock.today);
    if let Some(oldest) = &mut checkins.oldest {
        // Ids are long (a date and the title's words): the shortest start
        // that names no other reflection keeps the command to type short.
        let ids: Vec<&str> = listing.reflections.iter().map(|s| s.id.as_str()).collect();
        oldest.reflection = shortest_start(&oldest.reflection, &ids).to_string();
    }
    if verbose {
        let mut err = std::io::stderr();
        for (path, reason) in &loaded.skipped {
            let _ = writeln!(
                err,
                "rebound: skipped {}: {}",
                printable_line(&path.display().to_string()),
                printable_line(reason)
            );
        }
    }
    let width = terminal_width().unwrap_or(PIPE_WIDTH);
    let text: String = lines(&loaded.steps, &checkins, clock.today)
        .iter()
        .map(|line| format!("{}\n", line.fit(width)))
        .collect();
    if text.is_empty() {
        return Ok(());
    }
    print(&text)
}

/// The shortest start of `id`, cut where a word ends, that starts no other
/// of `ids`: what `rebound checkin` needs to find it. The date alone at
/// least, since a shorter start would read as a mistake.
fn shortest_start<'a>(id: &'a str, ids: &[&str]) -> &'a str {
    let ends = id
        .char_indices()
        .filter(|&(at, c)| c == '-' && at >= "YYYY-MM-DD".len())
        .map(|(at, _)| at)
        .chain([id.len()]);
    for end in ends {
        let start = &id[..end];
        if !ids
            .iter()
            .any(|other| *other != id && other.starts_with(start))
        {
            return start;
        }
    }
    id
}

/// One reminder: the step it names between words that say what to do.
#[derive(Debug, PartialEq, Eq)]
struct Line {
    before: String,
    step: String,
    after: String,
    /// Shorter lines without the name, tried in turn in a window too
    /// narrow for the whole: a check-in's command is worth more whole than
    /// the title beside it.
    shorter: Vec<String>,
}

impl Line {
    /// The line within `width` columns. The step's name is cut first, so
    /// the count and the command to run stay whole while there is room.
    fn fit(&self, width: usize) -> String {
        let whole = self.to_string();
        if whole.width() <= width {
            return whole;
        }
        let fixed = self.before.width() + self.after.width();
        match width.checked_sub(fixed) {
            Some(room) if room >= MIN_STEP_WIDTH => {
                format!("{}{}{}", self.before, fit(&self.step, room), self.after)
            }
            _ => match self.shorter.iter().find(|s| s.width() <= width) {
                Some(short) => short.clone(),
                None => fit(&self.to_string(), width),
            },
        }
    }
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.before, self.step, self.after)
    }
}

/// Narrower than this, a step's name says too little to be worth keeping
/// the rest whole.
const MIN_STEP_WIDTH: usize = 12;

/// What is due, a line each, most pressing first; none when nothing is.
/// `steps` come in agenda order, so each line names the oldest first.
fn lines(steps: &[AgendaStep], checkins: &DueCheckins, today: Date) -> Vec<Line> {
    let overdue: Vec<&AgendaStep> = steps.iter().filter(|s| s.overdue).collect();
    let due_today: Vec<&AgendaStep> = steps
        .iter()
        .filter(|s| !s.done && s.due == Some(today))
        .collect();
    let mut lines = Vec::new();
    if let [first, rest @ ..] = overdue.as_slice() {
        lines.push(match rest.len() {
            0 => line("Past its date: ", first, "."),
            more => line(
                "Past their date: ",
                first,
                &format!(", and {more} more, listed by `rebound steps --overdue`."),
            ),
        });
    }
    if let [first, rest @ ..] = due_today.as_slice() {
        lines.push(match rest.len() {
            0 => line("Due today: ", first, "."),
            more => line(
                "Due today: ",
                first,
                &format!(", and {more} more, listed by `rebound steps`."),
            ),
        });
    }
    if let Some(oldest) = &checkins.oldest {
        let since = if oldest.since == today {
            "today".to_string()
        } else {
            format!("since {}", dates::short(oldest.since, today))
        };
        let before = match checkins.count {
            1 => "Check-in due for \"".to_string(),
            n => format!("{n} check-ins due, oldest \""),
        };
        let run = format!("`rebound checkin {}`.", printable_line(&oldest.reflection));
        let due = match checkins.count {
            1 => "Check-in due".to_string(),
            n => format!("{n} check-ins due, oldest"),
        };
        lines.push(Line {
            before,
            step: printable_line(&oldest.title).into_owned(),
            after: format!("\" ({since}): {run}"),
            shorter: vec![format!("{due} ({since}): {run}"), format!("{due}: {run}")],
        });
    }
    lines
}

/// A step as a reminder names it: its text, and the reflection it is from.
fn line(before: &str, step: &AgendaStep, after: &str) -> Line {
    Line {
        before: before.to_string(),
        step: format!(
            "{} ({})",
            printable_line(&step.text),
            printable_line(&step.title)
        ),
        after: after.to_string(),
        shorter: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    const TODAY: Date = date!(2026 - 12 - 10);

    fn step(text: &str, due: Option<Date>, done: bool) -> AgendaStep {
        AgendaStep {
            reflection: "2026-11-20-passed-over".into(),
            title: "Passed over".into(),
            id: text.into(),
            text: text.into(),
            due,
            due_text: due.map(crate::dates::iso).unwrap_or_default(),
            done,
            dropped: false,
            overdue: !done && due.is_some_and(|d| d < TODAY),
            created: datetime!(2026-11-20 09:00 UTC),
            updated: datetime!(2026-11-20 09:00 UTC),
        }
    }

    #[test]
    fn nothing_due_says_nothing_at_all() {
        let steps = [
            step("Someday", None, false),
            step("Next week", Some(date!(2026 - 12 - 17)), false),
            step("Done already", Some(date!(2026 - 12 - 01)), true),
            step("Done today", Some(TODAY), true),
        ];
        assert!(lines(&steps, &DueCheckins::default(), TODAY).is_empty());
    }

    fn texts(steps: &[AgendaStep]) -> Vec<String> {
        lines(steps, &DueCheckins::default(), TODAY)
            .iter()
            .map(Line::to_string)
            .collect()
    }

    #[test]
    fn overdue_then_due_today_each_name_the_first_and_count_the_rest() {
        let steps = [
            step("Ask Dana for feedback", Some(date!(2026 - 12 - 01)), false),
            step("Write to Sam", Some(date!(2026 - 12 - 05)), false),
            step("Update my portfolio", Some(TODAY), false),
        ];
        assert_eq!(
            texts(&steps),
            [
                "Past their date: Ask Dana for feedback (Passed over), and 1 more, \
                 listed by `rebound steps --overdue`.",
                "Due today: Update my portfolio (Passed over).",
            ]
        );
        assert_eq!(
            texts(&steps[1..]),
            [
                "Past its date: Write to Sam (Passed over).",
                "Due today: Update my portfolio (Passed over).",
            ]
        );
    }

    #[test]
    fn a_narrow_line_cuts_the_step_and_keeps_what_to_run() {
        let steps = [
            step("Ask Dana for feedback", Some(date!(2026 - 12 - 01)), false),
            step("Write to Sam", Some(date!(2026 - 12 - 05)), false),
        ];
        let line = &lines(&steps, &DueCheckins::default(), TODAY)[0];
        let fitted = line.fit(80);
        assert!(fitted.width() <= 80, "{fitted}");
        assert!(
            fitted.starts_with("Past their date: Ask Dana")
                && fitted.ends_with("…, and 1 more, listed by `rebound steps --overdue`."),
            "{fitted}"
        );
        // Too narrow for that: the whole line is cut instead.
        let fitted = line.fit(60);
        assert!(fitted.width() <= 60 && fitted.ends_with('…'), "{fitted}");
    }

    fn due(count: usize, since: Date) -> DueCheckins {
        DueCheckins {
            count,
            oldest: Some(crate::agenda::DueCheckin {
                reflection: "2026-11-29-the-launch-that-slipped".into(),
                title: "The launch that slipped".into(),
                since,
            }),
        }
    }

    #[test]
    fn a_check_in_due_is_the_third_line_with_the_command_that_opens_it() {
        let steps = [
            step("Ask Dana for feedback", Some(date!(2026 - 12 - 01)), false),
            step("Update my portfolio", Some(TODAY), false),
        ];
        let said: Vec<String> = lines(&steps, &due(1, date!(2026 - 12 - 05)), TODAY)
            .iter()
            .map(Line::to_string)
            .collect();
        assert_eq!(said.len(), 3, "{said:?}");
        assert_eq!(
            said[2],
            "Check-in due for \"The launch that slipped\" (since Sat 5 Dec): \
             `rebound checkin 2026-11-29-the-launch-that-slipped`."
        );
        let several = &lines(&[], &due(3, TODAY), TODAY)[0];
        assert_eq!(
            several.to_string(),
            "3 check-ins due, oldest \"The launch that slipped\" (today): \
             `rebound checkin 2026-11-29-the-launch-that-slipped`."
        );
        // Too narrow for the title and the command: the command stays whole
        // (the id names the setback too).
        assert_eq!(
            several.fit(95),
            "3 check-ins due, oldest (today): \
             `rebound checkin 2026-11-29-the-launch-that-slipped`."
        );
        assert_eq!(
            several.fit(80),
            "3 check-ins due, oldest: `rebound checkin 2026-11-29-the-launch-that-slipped`."
        );
        let fitted = several.fit(40);
        assert!(fitted.width() <= 40 && fitted.ends_with('…'), "{fitted}");
    }

    #[test]
    fn a_check_in_is_named_by_the_shortest_start_of_its_id_that_names_no_other() {
        let ids = [
            "2026-11-29-the-launch-that-slipped",
            "2026-11-29-the-reorg",
            "2026-11-30-passed-over",
        ];
        assert_eq!(shortest_start(ids[0], &ids), "2026-11-29-the-launch");
        assert_eq!(shortest_start(ids[1], &ids), "2026-11-29-the-reorg");
        assert_eq!(shortest_start(ids[2], &ids), "2026-11-30");
        let alone = ["2026-11-29-x", "2026-11-29-x-2"];
        assert_eq!(
            shortest_start(alone[0], &alone),
            "2026-11-29-x",
            "whole when it must be"
        );
    }
}
