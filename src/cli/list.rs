//! `rebound list`: a table for people that fits the terminal, or JSON for scripts; every file that is not a reflection is named on stderr.

use std::io::{IsTerminal, Write};

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use unicode_width::UnicodeWidthStr;

use serde::{Serialize, Serializer};

use super::{StatusFilter, print, print_streamed};
use crate::export::Clock;
use crate::lifecycle::Standing;
use crate::reflection::{Status, display_title};
use crate::store::{Store, Summary};
use crate::text::{fit, printable_line};

pub(super) fn list(
    store: &Store,
    json: bool,
    status: Option<StatusFilter>,
    offset: UtcOffset,
) -> color_eyre::Result<()> {
    let wanted = status.map(|s| match s {
        StatusFilter::InProgress => Status::InProgress,
        StatusFilter::Completed => Status::Completed,
    });
    let mut listing =
        store.list_as(|s| wanted.is_none_or(|w| s.status == w).then(|| Row::of(s)))?;
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
    let rows = &mut listing.reflections;
    rows.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
    if json {
        // Each row goes out as it is made, never the whole list as one string.
        return print_streamed(|out| {
            serde_json::to_writer_pretty(&mut *out, &JsonRows(rows))?;
            out.write_all(b"\n")
        });
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
    print(&table(rows, Clock::now(offset), terminal_width()))
}

/// What the list shows of one reflection. All of them are held at once to
/// be sorted, a hundred thousand for some, so a row keeps nothing else: not
/// the steps (the agenda's), nor whatever else a `Summary` comes to carry.
pub(super) struct Row {
    id: Box<str>,
    title: Box<str>,
    stage: Box<str>,
    /// `None` for the default guide: at 100,000 rows that is most of them,
    /// and a name each would be a fair part of the list's memory.
    guide: Option<Box<str>>,
    status: Status,
    updated: OffsetDateTime,
    completed: Option<OffsetDateTime>,
    open_steps: usize,
}

impl Row {
    fn of(s: Summary) -> Row {
        Row {
            id: s.id.into(),
            title: s.title.into(),
            stage: s.stage.into(),
            guide: (s.guide != crate::guide::DEFAULT_NAME).then(|| s.guide.into()),
            status: s.status,
            updated: s.updated,
            completed: s.completed,
            open_steps: s.open_steps,
        }
    }
}

/// The rows of `list --json`, made one at a time as they are written.
struct JsonRows<'a>(&'a [Row]);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(JsonRow::of))
    }
}

/// One reflection for scripts, its keys in the order they have always had.
#[derive(Serialize)]
struct JsonRow<'a> {
    id: &'a str,
    /// What the file holds ("" when no title was given), so a script can
    /// tell; `display_title` is what the table shows.
    title: &'a str,
    display_title: &'a str,
    status: &'a str,
    stage: &'a str,
    completed: Option<String>,
    updated: Option<String>,
    open_steps: usize,
    /// The guide it follows, by name (`rebound guides` lists them).
    guide: &'a str,
}

impl<'a> JsonRow<'a> {
    fn of(s: &'a Row) -> JsonRow<'a> {
        let time = |t: OffsetDateTime| t.format(&Rfc3339).ok();
        JsonRow {
            id: &s.id,
            title: &s.title,
            display_title: display_title(&s.title),
            status: s.status.as_str(),
            stage: &s.stage,
            completed: s.completed.and_then(time),
            updated: time(s.updated),
            open_steps: s.open_steps,
            guide: s.guide.as_deref().unwrap_or(crate::guide::DEFAULT_NAME),
        }
    }
}

/// The width to fit the table to: only when a person reads it in a
/// terminal. Piped into a file or another program, nothing is cut.
pub(super) fn terminal_width() -> Option<usize> {
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

/// The room a title is given before the table gives up columns for it.
const TITLE_ROOM: usize = 40;

/// An id is cut no shorter than this while columns are still shown: the
/// date and the first words of the title, enough to read and to type.
const ID_ROOM: usize = 22;

/// The columns before the title, in the order a narrow terminal gives them
/// up: STATUS says again what WHERE says, EDITED and OPEN are details, and
/// WHERE goes last, only when the ids cannot be cut any shorter. The ID is
/// never dropped, since it names the reflection; it is cut instead.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Status,
    Edited,
    Open,
    Where,
}

/// Columns shown and the ID's width, for the widest title to fit `width`.
struct Layout {
    dropped: Vec<Column>,
    id_width: usize,
}

impl Layout {
    fn shows(&self, column: Column) -> bool {
        !self.dropped.contains(&column)
    }

    /// Columns taken before the title, with the two spaces after each.
    fn before_title(&self) -> usize {
        let mut used = self.id_width + 2;
        for (column, width) in [
            (Column::Status, 11),
            (Column::Where, 15),
            (Column::Open, 4),
            (Column::Edited, 10),
        ] {
            if self.shows(column) {
                used += width + 2;
            }
        }
        used
    }

    /// The title comes first, then where each stands, then the id (as a
    /// start that still names it), the open steps, the date and the status.
    fn fit(ids: &[&str], title_width: usize, width: Option<usize>) -> Layout {
        let full_id = ids.iter().map(|id| id.width()).max().unwrap_or(2).max(2);
        let mut layout = Layout {
            dropped: Vec::new(),
            id_width: full_id,
        };
        let Some(width) = width else {
            return layout;
        };
        // Cut ids never below the start that tells each apart, so what is
        // shown still names one reflection.
        let shortest = (unique_prefix(ids) + 1).min(full_id);
        let wanted = title_width.min(TITLE_ROOM);
        let mut drops = [Column::Status, Column::Edited, Column::Open].into_iter();
        loop {
            let others = layout.before_title() - layout.id_width;
            let id_room = width.saturating_sub(others + title_width);
            layout.id_width = full_id.min(id_room.max(ID_ROOM.max(shortest)));
            if width.saturating_sub(layout.before_title()) >= wanted {
                return layout;
            }
            match drops.next() {
                Some(column) => layout.dropped.push(column),
                None => break,
            }
        }
        let others = layout.before_title() - layout.id_width;
        layout.id_width = full_id.min(width.saturating_sub(others + wanted).max(shortest));
        // Ids that share a long start cannot be cut enough: a row that still
        // would not fit its shortest title loses WHERE rather than wrapping.
        if layout.before_title() + MIN_TITLE > width {
            layout.dropped.push(Column::Where);
            // The columns WHERE freed go to the ids first.
            let others = layout.before_title() - layout.id_width;
            layout.id_width = full_id.min(width.saturating_sub(others + wanted).max(shortest));
        }
        layout
    }
}

/// How many characters it takes to tell every id apart by its start.
fn unique_prefix(ids: &[&str]) -> usize {
    let mut sorted: Vec<&str> = ids.to_vec();
    sorted.sort_unstable();
    let common = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    sorted
        .windows(2)
        .map(|pair| common(pair[0], pair[1]) + 1)
        .max()
        .unwrap_or(1)
        .max(10)
}

/// The list for people: the title last, so long titles never break the
/// columns. At a terminal (`width`), the table fits it: columns are given up,
/// then ids and titles cut with `…`.
pub(super) fn table(rows: &[Row], clock: Clock, width: Option<usize>) -> String {
    let day = |t: OffsetDateTime| clock.day(t);
    let where_of = |s: &Row| {
        let guide = crate::guides::named_or_default(s.guide.as_deref().unwrap_or_default());
        Standing::new(s.status, &s.stage, s.completed, guide).brief(clock)
    };
    let ids: Vec<&str> = rows.iter().map(|s| &*s.id).collect();
    let titles: Vec<String> = rows
        .iter()
        .map(|s| printable_line(display_title(&s.title)).into_owned())
        .collect();
    let title_width = titles.iter().map(|t| t.width()).max().unwrap_or(0);
    let layout = Layout::fit(&ids, title_width, width);
    let title_room = width.map(|w| w.saturating_sub(layout.before_title()).max(MIN_TITLE));
    let id_width = layout.id_width;
    let line = |id: &str, status: &str, where_: &str, open: &str, edited: &str, title: &str| {
        let mut line = format!("{:<id_width$}  ", fit(id, id_width));
        if layout.shows(Column::Status) {
            line.push_str(&format!("{status:<11}  "));
        }
        if layout.shows(Column::Where) {
            line.push_str(&format!("{where_:<15}  "));
        }
        if layout.shows(Column::Open) {
            line.push_str(&format!("{open:>4}  "));
        }
        if layout.shows(Column::Edited) {
            line.push_str(&format!("{edited:<10}  "));
        }
        line.push_str(title);
        line.push('\n');
        line
    };
    let mut out = line("ID", "STATUS", "WHERE", "OPEN", "EDITED", "TITLE");
    for (s, title) in rows.iter().zip(&titles) {
        let title = match title_room {
            Some(room) => fit(title, room),
            None => title.clone(),
        };
        out.push_str(&line(
            &s.id,
            s.status.as_str(),
            &where_of(s),
            &s.open_steps.to_string(),
            &day(s.updated),
            &title,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn summary(title: &str) -> Row {
        Row::of(Summary {
            id: "2026-11-25-the-client-we-lost".into(),
            title: title.into(),
            status: Status::InProgress,
            created: datetime!(2026-11-25 08:00 UTC),
            updated: datetime!(2026-11-29 08:00 UTC),
            completed: None,
            stage: "goals".into(),
            guide: "full".into(),
            open_steps: 2,
            steps: Vec::new(),
            next_checkin: String::new(),
            weights: Vec::new(),
            checkins: 0,
            dropped: Vec::new(),
        })
    }

    #[test]
    fn a_long_title_is_cut_to_the_terminal_and_left_whole_when_piped() {
        let long = summary(
            "The client we lost after eleven years, and what it taught me about asking early",
        );
        let clock = Clock::now(UtcOffset::UTC);
        let fitted = table(std::slice::from_ref(&long), clock, Some(100));
        for line in fitted.lines() {
            assert!(line.width() <= 100, "{} columns: {line}", line.width());
        }
        assert!(
            fitted.contains("  The client we lost after eleven years, a…"),
            "the title has the room before the id: {fitted}"
        );
        assert!(
            fitted.lines().nth(1).is_some_and(|l| l.ends_with('…')),
            "{fitted}"
        );

        let piped = table(&[long], clock, None);
        assert!(
            piped.contains("what it taught me about asking early\n"),
            "{piped}"
        );
    }

    #[test]
    fn a_narrow_terminal_gives_up_columns_then_cuts_ids_to_a_start_that_still_names_one() {
        let mut exam = summary("Failed the architect exam by three points, second attempt");
        exam.id = "2026-11-29-failed-the-architect-exam-by-three-points-second".into();
        let mut offer = summary("Failed the offer negotiation");
        offer.id = "2026-11-29-failed-the-offer-negotiation".into();
        let clock = Clock::now(UtcOffset::UTC);
        let pair = [exam, offer];
        for width in [60, 80, 100] {
            let fitted = table(&pair, clock, Some(width));
            for line in fitted.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {} columns: {line}",
                    line.width()
                );
            }
            assert!(
                !fitted.contains("STATUS"),
                "{width}: STATUS goes first:\n{fitted}"
            );
            // Whatever is shown of an id still tells the two apart.
            for (row, id) in fitted.lines().skip(1).zip([&pair[0].id, &pair[1].id]) {
                let shown = row.split_whitespace().next().unwrap_or_default();
                let start = shown.trim_end_matches('…');
                assert!(id.starts_with(start), "{row}");
                assert!(start.len() > "2026-11-29-failed-the-".len(), "{row}");
            }
        }
        // Ids that share a long start (third new-user walk): the row still
        // fits 60 columns, WHERE given up before anything wraps.
        let mut again = summary("Missed the promotion, again");
        again.id = "2026-11-29-missed-the-promotion-again".into();
        let mut first = summary("Missed the promotion");
        first.id = "2026-11-29-missed-the-promotion".into();
        let mut promotion = [again, first];
        let fitted = table(&promotion, clock, Some(60));
        for line in fitted.lines() {
            assert!(line.width() <= 60, "{} columns: {line}", line.width());
        }
        assert!(
            fitted.contains("2026-11-29-missed-the-promotion-"),
            "{fitted}"
        );
        // What WHERE gave up goes to the ids: whole when they fit beside
        // short titles.
        promotion[0].title = "Again".into();
        promotion[1].title = "First".into();
        let fitted = table(&promotion, clock, Some(56));
        assert!(
            fitted.contains("2026-11-29-missed-the-promotion-again  "),
            "{fitted}"
        );
        let wide = table(&pair, clock, Some(200));
        assert!(
            wide.contains("STATUS") && wide.contains(&*pair[0].id),
            "{wide}"
        );
        assert!(wide.contains("second attempt\n"), "{wide}");
    }
}
