//! `rebound steps`: the open steps of every reflection as one agenda, a table for people or JSON for scripts.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;
use time::Date;
use unicode_width::UnicodeWidthStr;

use super::list::terminal_width;
use super::print;
use crate::agenda::{AgendaStep, Which};
use crate::export::Clock;
use crate::step_formats::{self, StepFormat};
use crate::store::{Existing, Special, Store};
use crate::text::{fit, printable_line};

/// What `rebound steps` writes: a table for people, JSON for scripts, or
/// another tool's format (to stdout or a file, with --force to replace it).
pub(super) enum Shape {
    Table,
    Json,
    For(StepFormat, Option<PathBuf>, bool),
}

impl Shape {
    /// The shape the flags ask for: another tool's format, else JSON, else the table.
    pub(super) fn asked(
        json: bool,
        format: Option<StepFormat>,
        output: Option<PathBuf>,
        force: bool,
    ) -> Shape {
        match format {
            Some(format) => Shape::For(format, output, force),
            None if json => Shape::Json,
            None => Shape::Table,
        }
    }
}

pub(super) fn steps(
    store: &Store,
    which: Which,
    shape: Shape,
    clock: Clock,
) -> color_eyre::Result<()> {
    let today = clock.today;
    let loaded = super::agenda_load::load(store, which, today)?;
    for (path, reason) in &loaded.skipped {
        let _ = writeln!(
            std::io::stderr(),
            "rebound: skipped {}: {}",
            printable_line(&path.display().to_string()),
            printable_line(reason)
        );
    }
    let steps = loaded.steps;
    let format = match shape {
        Shape::Json => {
            let rows: Vec<JsonStep> = steps.iter().map(JsonStep::of).collect();
            return print(&format!("{}\n", serde_json::to_string_pretty(&rows)?));
        }
        Shape::For(format, output, force) => Some((format, output, force)),
        Shape::Table => None,
    };
    let for_a_tool = format.is_some();
    if let (Some((format, output, force)), false) = (format, steps.is_empty()) {
        let now = time::OffsetDateTime::now_utc().to_offset(clock.offset);
        let text = step_formats::write(&steps, format, now);
        let Some(path) = output.filter(|p| p.as_os_str() != "-") else {
            return print(&text);
        };
        let existing = if force {
            Existing::Replace
        } else {
            Existing::Refuse
        };
        crate::store::write_export(&path, &text, existing, Special::WriteThrough)
            .map_err(|e| super::written_error(e, &path))?;
        let plural = if steps.len() == 1 { "" } else { "s" };
        let _ = writeln!(
            std::io::stderr(),
            "Wrote {} step{plural} to {}.",
            steps.len(),
            path.display()
        );
        return Ok(());
    }
    if steps.is_empty() {
        let what = match which {
            Which::Open => "No open steps.",
            Which::All => "No steps yet; they are the dated steps written in a reflection.",
            Which::Overdue => "Nothing is overdue.",
        };
        // An empty calendar is not a valid one: nothing is written at all.
        let nothing = if for_a_tool {
            " Nothing was written."
        } else {
            ""
        };
        let _ = writeln!(std::io::stderr(), "{what}{nothing}");
        return Ok(());
    }
    print(&table(&steps, today, terminal_width()))
}

/// One step for scripts; the fields in this order, `due` null when there
/// is no date and `due_text` what the file holds.
#[derive(Serialize)]
struct JsonStep<'a> {
    reflection: &'a str,
    title: &'a str,
    id: &'a str,
    text: &'a str,
    due: Option<String>,
    due_text: &'a str,
    done: bool,
    overdue: bool,
    /// Only on a step a check-in took off the plan (listed with `--all`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    dropped: bool,
}

impl<'a> JsonStep<'a> {
    fn of(s: &'a AgendaStep) -> JsonStep<'a> {
        JsonStep {
            reflection: &s.reflection,
            title: &s.title,
            id: &s.id,
            text: &s.text,
            due: s.due_iso(),
            due_text: &s.due_text,
            done: s.done,
            overdue: s.overdue,
            dropped: s.dropped,
        }
    }
}

/// Neither the step nor the reflection's title is cut shorter than this.
const MIN_TEXT: usize = 12;

/// A date that did not parse is shown as typed, up to this many columns.
const DUE_ROOM: usize = 24;

/// What the DUE column says: the date and a word for what it means, so
/// overdue reads without colour.
fn due_cell(s: &AgendaStep, today: Date) -> String {
    let word = s.state_word(today);
    match s.due_iso() {
        Some(date) => format!("{date}{word}"),
        None if s.due_text.is_empty() => format!("-{word}"),
        None => format!("{}{word}", fit(&printable_line(&s.due_text), DUE_ROOM)),
    }
}

/// The agenda for people: DUE, STEP, REFLECTION (its title, last, so a long
/// one never breaks the columns). At a terminal (`width`) the step and the
/// title share the room left after the dates, cut with `…`; piped, nothing
/// is cut.
fn table(steps: &[AgendaStep], today: Date, width: Option<usize>) -> String {
    let dues: Vec<String> = steps.iter().map(|s| due_cell(s, today)).collect();
    let texts: Vec<String> = steps
        .iter()
        .map(|s| printable_line(&s.text).into_owned())
        .collect();
    let titles: Vec<String> = steps
        .iter()
        .map(|s| printable_line(&s.title).into_owned())
        .collect();
    let widest = |cells: &[String], header: &str| {
        cells
            .iter()
            .map(|c| c.width())
            .chain([header.width()])
            .max()
            .unwrap_or(0)
    };
    let due_width = widest(&dues, "DUE");
    let full_step = widest(&texts, "STEP");
    let full_title = widest(&titles, "REFLECTION");
    let (step_width, title_room) = match width {
        Some(width) => {
            let room = width.saturating_sub(due_width + 4);
            if full_step + full_title <= room {
                (full_step, None)
            } else {
                // The step is what to do: it gets two thirds of the room,
                // and what its title does not need.
                let title = full_title.min(room / 3).max(MIN_TEXT);
                let step = full_step.min(room.saturating_sub(title)).max(MIN_TEXT);
                (step, Some(room.saturating_sub(step).max(MIN_TEXT)))
            }
        }
        None => (full_step, None),
    };
    let line = |due: &str, step: &str, title: &str| {
        let title = title_room.map_or_else(|| title.to_string(), |room| fit(title, room));
        format!(
            "{}  {}  {title}\n",
            pad(due, due_width),
            pad(&fit(step, step_width), step_width)
        )
    };
    let mut out = line("DUE", "STEP", "REFLECTION");
    for ((due, text), title) in dues.iter().zip(&texts).zip(&titles) {
        out.push_str(&line(due, text, title));
    }
    out
}

/// Padded to `width` columns as the terminal counts them (`{:<w}` counts
/// characters, and a step may be written in CJK).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn step(text: &str, due: &str, done: bool, today: Date) -> AgendaStep {
        let due_date = crate::dates::parse_iso(due);
        AgendaStep {
            reflection: "2026-11-20-the-launch".into(),
            title: "The launch that slipped, and what the clinics told us afterwards".into(),
            id: "abcdefghij".into(),
            text: text.into(),
            due: due_date,
            due_text: due.into(),
            done,
            dropped: false,
            overdue: !done && due_date.is_some_and(|d| d < today),
            created: datetime!(2026-11-20 09:00 UTC),
            updated: datetime!(2026-11-20 09:00 UTC),
        }
    }

    #[test]
    fn overdue_today_and_done_are_words_not_colours_and_the_table_fits_the_terminal() {
        let today = date!(2026 - 12 - 10);
        let steps = [
            step(
                "Call Sam about the reference letter he offered in October",
                "2026-12-01",
                false,
                today,
            ),
            step("Ask for feedback", "2026-12-10", false, today),
            step("Update the CV", "2027-01-05", false, today),
            step("Read the book", "when the reorg settles", false, today),
            step("Sent the email", "", true, today),
        ];
        let piped = table(&steps, today, None);
        let rows: Vec<&str> = piped.lines().collect();
        assert!(
            rows[0].starts_with("DUE")
                && rows[0].contains("STEP")
                && rows[0].ends_with("REFLECTION")
        );
        assert!(rows[1].starts_with("2026-12-01 overdue  "), "{piped}");
        assert!(rows[1].contains("  Call Sam"), "{piped}");
        assert!(rows[2].starts_with("2026-12-10 today "), "{piped}");
        assert!(rows[3].starts_with("2027-01-05  "), "{piped}");
        assert!(rows[4].starts_with("when the reorg settles  "), "{piped}");
        assert!(rows[5].starts_with("- done "), "{piped}");
        assert!(
            piped.contains("he offered in October  The launch"),
            "piped, nothing is cut"
        );
        assert!(rows[1].ends_with("what the clinics told us afterwards"));

        for width in [60, 80, 120] {
            let fitted = table(&steps, today, Some(width));
            for line in fitted.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {} columns: {line}",
                    line.width()
                );
            }
            assert!(fitted.contains("2026-12-01 overdue "), "{width}: {fitted}");
            assert!(fitted.contains("  Call Sam"), "{width}: {fitted}");
            assert!(fitted.contains("  The launch"), "{width}: {fitted}");
        }
    }

    #[test]
    fn a_step_in_wide_characters_keeps_the_columns_straight() {
        let today = date!(2026 - 12 - 10);
        let steps = [
            step("履歴書を更新する", "2026-12-20", false, today),
            step("Call Sam", "2026-12-21", false, today),
        ];
        let piped = table(&steps, today, None);
        let starts: Vec<usize> = piped
            .lines()
            .map(|l| l.find("The launch").map_or(0, |at| l[..at].width()))
            .skip(1)
            .collect();
        assert_eq!(starts[0], starts[1], "{piped}");
    }
}
