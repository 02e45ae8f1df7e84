//! `rebound list`: a table for people that fits the terminal, or JSON for scripts; every file that is not a reflection is named on stderr.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{StatusFilter, print};
use crate::export::Clock;
use crate::lifecycle::Standing;
use crate::reflection::{Status, display_title};
use crate::store::{Store, Summary};
use crate::text::printable_line;

pub(super) fn list(
    store: &Store,
    json: bool,
    status: Option<StatusFilter>,
    offset: UtcOffset,
) -> color_eyre::Result<()> {
    let listing = store.list()?;
    let mut err = std::io::stderr();
    for bad in &listing.bad_files {
        let _ = writeln!(
            err,
            "rebound: skipped {}: {}",
            printable_line(&bad.path.display().to_string()),
            printable_line(&bad.reason)
        );
    }
    for stray in &listing.strays {
        let _ = writeln!(err, "rebound: {}", printable_line(&stray.describe()));
    }
    let wanted = status.map(|s| match s {
        StatusFilter::InProgress => Status::InProgress,
        StatusFilter::Completed => Status::Completed,
    });
    let mut rows: Vec<&Summary> = listing
        .reflections
        .iter()
        .filter(|s| wanted.is_none_or(|w| s.status == w))
        .collect();
    rows.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    if json {
        let time = |t: OffsetDateTime| t.format(&Rfc3339).ok();
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|s| {
                // `title` is what the file holds ("" when none was given), so
                // a script can tell; `display_title` is what the table shows.
                serde_json::json!({
                    "id": s.id,
                    "title": s.title,
                    "display_title": display_title(&s.title),
                    "status": s.status.as_str(),
                    "stage": s.stage,
                    "completed": s.completed.and_then(time),
                    "updated": time(s.updated),
                    "open_steps": s.open_steps,
                })
            })
            .collect();
        return print(&format!("{}\n", serde_json::to_string_pretty(&items)?));
    }
    if rows.is_empty() {
        let what = match wanted {
            Some(Status::Completed) => "No completed reflections",
            Some(Status::InProgress) => "No unfinished reflections",
            None if !listing.bad_files.is_empty() => "No readable reflections",
            None => "No reflections yet; start one with `rebound new`",
        };
        let _ = writeln!(err, "{what}.");
        return Ok(());
    }
    print(&table(&rows, Clock::now(offset), terminal_width()))
}

/// The width to fit the table to: only when a person reads it in a
/// terminal. Piped into a file or another program, nothing is cut.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(columns, _)| usize::from(columns))
        .filter(|&c| c > 0)
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
        })
}

/// Titles are never cut shorter than this, however narrow the terminal:
/// a wrapped line reads better than a title of three letters.
const MIN_TITLE: usize = 12;

/// The list for people: the title last, so long titles never break the
/// columns, cut with `…` to fit `width` when there is one.
pub(super) fn table(rows: &[&Summary], clock: Clock, width: Option<usize>) -> String {
    let day = |t: OffsetDateTime| clock.day(t);
    let where_of = |s: &Summary| Standing::new(s.status, &s.stage, s.completed).brief(clock);
    let id_width = rows.iter().map(|s| s.id.len()).max().unwrap_or(2).max(2);
    // ID, then STATUS 11, WHERE 15, OPEN 4, EDITED 10, each after two spaces.
    let before_title = id_width + 2 + 11 + 2 + 15 + 2 + 4 + 2 + 10 + 2;
    let title_room = width.map(|w| w.saturating_sub(before_title).max(MIN_TITLE));
    let mut out = format!(
        "{:<id_width$}  {:<11}  {:<15}  {:>4}  {:<10}  TITLE\n",
        "ID", "STATUS", "WHERE", "OPEN", "EDITED"
    );
    for s in rows {
        let title = printable_line(display_title(&s.title));
        let title = match title_room {
            Some(room) => cut_to_width(&title, room),
            None => title.into_owned(),
        };
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<11}  {:<15}  {:>4}  {:<10}  {title}",
            s.id,
            s.status.as_str(),
            where_of(s),
            s.open_steps,
            day(s.updated),
        );
    }
    out
}

/// Text cut to at most `width` columns, ending in `…` when cut.
fn cut_to_width(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn summary(title: &str) -> Summary {
        Summary {
            id: "2026-11-25-the-client-we-lost".into(),
            title: title.into(),
            status: Status::InProgress,
            updated: datetime!(2026-11-29 08:00 UTC),
            completed: None,
            stage: "goals".into(),
            open_steps: 2,
        }
    }

    #[test]
    fn a_long_title_is_cut_to_the_terminal_and_left_whole_when_piped() {
        let long = summary(
            "The client we lost after eleven years, and what it taught me about asking early",
        );
        let clock = Clock::now(UtcOffset::UTC);
        let fitted = table(&[&long], clock, Some(100));
        for line in fitted.lines() {
            assert!(line.width() <= 100, "{} columns: {line}", line.width());
        }
        assert!(fitted.contains("  The client we lost a…"), "{fitted}");
        assert!(
            fitted.lines().nth(1).is_some_and(|l| l.ends_with('…')),
            "{fitted}"
        );

        let piped = table(&[&long], clock, None);
        assert!(
            piped.contains("what it taught me about asking early\n"),
            "{piped}"
        );
    }

    #[test]
    fn wide_characters_are_cut_by_the_columns_they_take() {
        let cut = cut_to_width("日本語のタイトル", 7);
        assert!(cut.width() <= 7, "{cut}");
        assert!(cut.ends_with('…'));
        assert_eq!(cut_to_width("short", 10), "short");
    }
}
