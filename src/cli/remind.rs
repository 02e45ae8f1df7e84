//! `rebound remind`: one to three calm lines on what is due, or nothing at all, for a shell start-up file or cron.

use std::io::Write;

use time::Date;

use super::agenda_load;
use super::list::terminal_width;
use super::print;
use crate::agenda::{AgendaStep, Which};
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
    let loaded = agenda_load::load(store, Which::Open, clock.today)?;
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
    let text: String = lines(&loaded.steps, clock.today)
        .iter()
        .map(|line| format!("{}\n", fit(line, width)))
        .collect();
    if text.is_empty() {
        return Ok(());
    }
    print(&text)
}

/// What is due, a line each, most pressing first; none when nothing is.
/// `steps` come in agenda order, so each line names the oldest first.
fn lines(steps: &[AgendaStep], today: Date) -> Vec<String> {
    let overdue: Vec<&AgendaStep> = steps.iter().filter(|s| s.overdue).collect();
    let due_today: Vec<&AgendaStep> = steps
        .iter()
        .filter(|s| !s.done && s.due == Some(today))
        .collect();
    let mut lines = Vec::new();
    if let [first, rest @ ..] = overdue.as_slice() {
        lines.push(match rest.len() {
            0 => format!("One step is past its date: {}.", named(first)),
            more => format!(
                "{} steps are past their date: {}, and {more} more. `rebound steps --overdue` lists them.",
                more + 1,
                named(first)
            ),
        });
    }
    if let [first, rest @ ..] = due_today.as_slice() {
        lines.push(match rest.len() {
            0 => format!("Due today: {}.", named(first)),
            more => format!(
                "Due today: {}, and {more} more. `rebound steps` lists them.",
                named(first)
            ),
        });
    }
    // Check-ins (looking again at a reflection on the date its plan set)
    // will join as the third line once they exist: which are due, and the
    // command that opens one.
    lines
}

/// A step as a reminder names it: its text, and the reflection it is from.
fn named(step: &AgendaStep) -> String {
    format!(
        "{} ({})",
        printable_line(&step.text),
        printable_line(&step.title)
    )
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
        assert!(lines(&steps, TODAY).is_empty());
    }

    #[test]
    fn overdue_then_due_today_each_name_the_first_and_count_the_rest() {
        let steps = [
            step("Ask Dana for feedback", Some(date!(2026 - 12 - 01)), false),
            step("Write to Sam", Some(date!(2026 - 12 - 05)), false),
            step("Update my portfolio", Some(TODAY), false),
        ];
        assert_eq!(
            lines(&steps, TODAY),
            [
                "2 steps are past their date: Ask Dana for feedback (Passed over), and 1 more. \
                 `rebound steps --overdue` lists them.",
                "Due today: Update my portfolio (Passed over).",
            ]
        );
        assert_eq!(
            lines(&steps[1..], TODAY),
            [
                "One step is past its date: Write to Sam (Passed over).",
                "Due today: Update my portfolio (Passed over).",
            ]
        );
    }
}
