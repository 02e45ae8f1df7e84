//! The home screen: unfinished reflections first, then completed ones, with a
//! search line that narrows the list as you type.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::lifecycle::Standing;
use crate::reflection::{Status, display_title};
use crate::store::{Stray, Summary};
use crate::text::printable_line;
use crate::tui::state::{App, HomeRow};
use crate::tui::theme;
use crate::tui::widgets::{draw_editor, fit};
use unicode_width::UnicodeWidthStr;

use super::chrome;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let notice_lines = notices_of(app, usize::from(area.width));
    // One column of inset, and one spare at the right edge.
    let glance = super::agenda::glance_line(app, usize::from(area.width).saturating_sub(2));
    let [header, glance_row, search, list, notices, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(glance.is_some())),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(notice_lines.len() as u16),
        Constraint::Length(chrome::message_rows(app.notice.as_ref(), area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Line::from(vec![
            Span::styled(" rebound ", theme::heading()),
            Span::styled("· turn a setback into a plan", theme::dim()),
        ]),
        header,
    );
    let count = app.home.listing.reflections.len();
    if count > 0 {
        let plural = if count == 1 { "" } else { "s" };
        frame.render_widget(
            Line::styled(format!("{count} reflection{plural} "), theme::dim())
                .alignment(Alignment::Right),
            header,
        );
    }
    if let Some(line) = &glance {
        frame.render_widget(Line::styled(format!(" {line}"), theme::dim()), glance_row);
    }
    draw_search(frame, search, app);
    if app.home.rows.is_empty() && app.home.listing.reflections.is_empty() {
        draw_welcome(frame, list);
    } else if app.home.rows.is_empty() {
        draw_no_match(frame, list, app);
    } else {
        draw_list(frame, list, app);
    }
    frame.render_widget(Paragraph::new(notice_lines), notices);
    chrome::message(frame, message, app.notice.as_ref());
    chrome::footer(frame, footer, app);
}

/// Rows for naming files that could not be read or are not reflections.
const NOTICE_ROWS: usize = 4;

/// What the person should know about the folder itself: that it is not
/// made yet, files that could not be read, and files that are not
/// reflections (a sync tool's conflict copy holds another machine's words);
/// then guide files of their own that did not load.
/// Up to four lines; past that, three and a count.
fn notices_of(app: &App, width: usize) -> Vec<Line<'static>> {
    let listing = &app.home.listing;
    let mut lines = Vec::new();
    if let Some(dir) = &listing.missing_dir {
        lines.push(Line::styled(
            format!(
                " {} does not exist yet; your first reflection makes it.",
                printable_line(&dir.display().to_string())
            ),
            theme::dim(),
        ));
    }
    let files: Vec<String> = listing
        .bad_files
        .iter()
        .map(|b| {
            format!(
                " ⚠ skipped {}: {}",
                printable_line(&b.path.display().to_string()),
                printable_line(&b.reason)
            )
        })
        .chain(
            listing
                .strays
                .iter()
                .map(|s| format!(" ⚠ {}", printable_line(&s.brief()))),
        )
        .collect();
    // Last, so a guide file never pushes a reflection's file out of view.
    let guides = app
        .home
        .broken_guides
        .iter()
        .map(|problem| format!(" ⚠ guide not loaded: {}", printable_line(&problem.brief())));
    let files_only = files.len();
    let files: Vec<String> = files.into_iter().chain(guides).collect();
    let copies = listing.strays.iter().any(|s| s.copy.is_some());
    let room = NOTICE_ROWS - lines.len() - usize::from(copies);
    let shown = if files.len() > room {
        room - 1
    } else {
        files.len()
    };
    lines.extend(
        files
            .iter()
            .take(shown)
            .map(|text| Line::styled(text.clone(), theme::warning())),
    );
    if files.len() > shown {
        let by = match (shown < files_only, files.len() > files_only) {
            (true, true) => "`rebound list` and `rebound guides` name",
            (false, _) => "`rebound guides` names",
            (true, false) => "`rebound list` names",
        };
        lines.push(Line::styled(
            format!(" ⚠ and {} more files; {by} them all", files.len() - shown),
            theme::warning(),
        ));
    }
    if copies {
        lines.push(Line::styled(
            "   Enter on a copy's row reads it; the README says how to keep one version.",
            theme::dim(),
        ));
    }
    // A line too long for the window says so with `…` rather than stopping
    // mid-word at the edge.
    for line in &mut lines {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        if text.width() > width {
            *line = Line::styled(fit(&text, width), line.style);
        }
    }
    lines
}

fn draw_search(frame: &mut Frame, area: Rect, app: &App) {
    let Some(search) = &app.home.search else {
        return;
    };
    let shown = app.home.visible.len();
    let total = app.home.listing.reflections.len();
    let right = if search.typing {
        format!("{shown} of {total}   ")
    } else {
        format!("{shown} of {total} · / edits · Esc clears   ")
    };
    frame.render_widget(Span::styled(" / ", theme::key()), area);
    let field = Rect {
        x: area.x + 3,
        width: area.width.saturating_sub(4 + right.width() as u16),
        ..area
    };
    if search.typing {
        draw_editor(&search.editor, field, frame.buffer_mut());
    } else {
        frame.render_widget(
            Span::styled(search.editor.lines().join(" "), theme::bold()),
            field,
        );
    }
    frame.render_widget(
        Line::styled(right, theme::dim()).alignment(Alignment::Right),
        area,
    );
}

fn draw_welcome(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::raw(""),
        Line::styled("No reflections yet.", theme::bold()),
        Line::raw(""),
        Line::raw("A reflection walks you through a setback in a few short stages,"),
        Line::raw("from how you see it today to a dated plan and one brave first step."),
        Line::raw("Everything saves as you type; leave whenever you like and come back later."),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("n", theme::key()),
            Span::raw(" to begin."),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_no_match(frame: &mut Frame, area: Rect, app: &App) {
    let words = app
        .home
        .search
        .as_ref()
        .map(|s| s.editor.lines().join(" "))
        .unwrap_or_default();
    let text = vec![
        Line::raw(""),
        Line::styled(
            format!("Nothing matches \"{}\".", fit(&words, 40)),
            theme::bold(),
        ),
        Line::styled(
            "Search looks at titles and every answer. Esc clears it.",
            theme::dim(),
        ),
    ];
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), area);
}

/// One line of the home list, before it is formatted.
enum ListLine {
    Blank,
    Heading(Status),
    /// A row, by its position in the visible list.
    Row(usize),
    /// The words that matched in a row's answers.
    Snippet(usize),
    /// Above conflict copies whose reflection is not on the list.
    CopiesHeading,
    /// A sync tool's conflict copy, by its place in the strays; `under`
    /// when it sits under its own reflection.
    Copy {
        stray: usize,
        under: bool,
    },
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    // Lay out cheap placeholders for every line, then format only the lines
    // on screen: the list may hold ten thousand reflections.
    let mut layout = Vec::with_capacity(app.home.rows.len() + 4);
    let mut selected_line = 0;
    let mut last_status = None;
    // The reflection the rows just drawn belong to, so its copies sit under
    // it; the rest get a heading of their own.
    let mut last_id: Option<&str> = None;
    let mut orphans_headed = false;
    for (at, home_row) in app.home.rows.iter().enumerate() {
        let selected = at == app.home.selected;
        let row = match *home_row {
            HomeRow::Reflection(row) => row,
            HomeRow::Copy(stray) => {
                let of = app.home.listing.strays[stray]
                    .copy
                    .as_ref()
                    .map(|c| c.of.as_str());
                let under = last_id.is_some() && of == last_id;
                if !under && !orphans_headed {
                    if !layout.is_empty() {
                        layout.push(ListLine::Blank);
                    }
                    layout.push(ListLine::CopiesHeading);
                    orphans_headed = true;
                    last_id = None;
                }
                if selected {
                    selected_line = layout.len();
                }
                layout.push(ListLine::Copy { stray, under });
                continue;
            }
        };
        let summary = &app.home.listing.reflections[app.home.visible[row]];
        last_id = Some(summary.id.as_str());
        if last_status != Some(summary.status) {
            if !layout.is_empty() {
                layout.push(ListLine::Blank);
            }
            layout.push(ListLine::Heading(summary.status));
            last_status = Some(summary.status);
        }
        if selected {
            selected_line = layout.len();
        }
        layout.push(ListLine::Row(row));
        if app.home.matched_in_answers.get(row) == Some(&true) {
            layout.push(ListLine::Snippet(row));
        }
    }
    // Keep the selected row (and its snippet) on screen in a long list.
    let visible = usize::from(area.height);
    let scroll = (selected_line + 3).saturating_sub(visible);
    // Measured over the rows on screen only: the list may be very long.
    let longest = layout
        .iter()
        .skip(scroll)
        .take(visible)
        .filter_map(|line| match line {
            ListLine::Row(row) => Some(
                display_title(&app.home.listing.reflections[app.home.visible[*row]].title).width(),
            ),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let columns = columns_for(area.width, longest);
    let lines: Vec<Line> = layout
        .iter()
        .skip(scroll)
        .take(visible)
        .map(|line| match line {
            ListLine::Blank => Line::raw(""),
            ListLine::Heading(Status::InProgress) => Line::styled(" Unfinished", theme::heading()),
            ListLine::Heading(Status::Completed) => Line::styled(" Completed", theme::heading()),
            ListLine::Row(row) => self::row(
                &app.home.listing.reflections[app.home.visible[*row]],
                app,
                app.home.rows.get(app.home.selected) == Some(&HomeRow::Reflection(*row)),
                area.width,
                columns,
            ),
            ListLine::Snippet(row) => snippet(app, *row, area.width),
            ListLine::CopiesHeading => Line::styled(
                " Conflict copies of reflections not on this list",
                theme::heading(),
            ),
            ListLine::Copy { stray, under } => copy_row(
                &app.home.listing.strays[*stray],
                *under,
                app.home.rows.get(app.home.selected) == Some(&HomeRow::Copy(*stray)),
                area.width,
            ),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn snippet(app: &App, row: usize, width: u16) -> Line<'static> {
    let (Some(query), Some(corpus)) = (app.home.query(), app.home.corpus.as_ref()) else {
        return Line::raw("");
    };
    let index = app.home.visible[row];
    let id = &app.home.listing.reflections[index].id;
    let room = usize::from(width).saturating_sub(10);
    let text = query
        .snippet(
            app.home.title_lower(index),
            corpus.text(id),
            room.saturating_sub(2),
        )
        .unwrap_or_default();
    let text = fit(&text, room);
    let quiet = theme::dim().patch(theme::example());
    let chars: Vec<char> = text.chars().collect();
    let mut spans = vec![Span::styled("      “", quiet)];
    let mut at = 0;
    for range in query.highlights(&text) {
        spans.push(Span::styled(
            chars[at..range.start].iter().collect::<String>(),
            quiet,
        ));
        spans.push(Span::styled(
            chars[range.clone()].iter().collect::<String>(),
            theme::example().patch(theme::bold()),
        ));
        at = range.end;
    }
    spans.push(Span::styled(chars[at..].iter().collect::<String>(), quiet));
    spans.push(Span::styled("”", quiet));
    Line::from(spans)
}

/// The columns beside a title, from most to least: the title gets the room
/// it needs first, and the columns that would crowd it go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Columns {
    /// Where it stands, open steps, last edited.
    All,
    /// Where it stands and open steps.
    NoEdited,
    /// A short standing and a count.
    Brief,
    /// A short standing alone, so a long title stays whole at 80 columns.
    StandingOnly,
}

/// Columns taken by each layout's right-hand side, and the margin and marker.
const ALL_WIDTH: usize = 28 + 15 + 17 + 1;
const NO_EDITED_WIDTH: usize = 28 + 15 + 1;
const BRIEF_WIDTH: usize = 16 + 8 + 1;
const STANDING_ONLY_WIDTH: usize = 16 + 1;
const MARGIN: usize = 4;
/// A title column narrower than this is not worth the extra columns.
const SHORTEST_TITLE_COLUMN: usize = 24;

/// The most columns that leave the longest title on screen whole.
fn columns_for(width: u16, longest_title: usize) -> Columns {
    let width = usize::from(width);
    let room = |right: usize| width.saturating_sub(right + MARGIN);
    let fits = |right: usize| {
        let room = room(right);
        room >= SHORTEST_TITLE_COLUMN && room >= longest_title
    };
    if fits(ALL_WIDTH) {
        Columns::All
    } else if fits(NO_EDITED_WIDTH) {
        Columns::NoEdited
    } else if fits(BRIEF_WIDTH) || !fits(STANDING_ONLY_WIDTH) {
        // A title too long even without the count is cut either way: the
        // count stays.
        Columns::Brief
    } else {
        Columns::StandingOnly
    }
}

fn row<'a>(
    summary: &'a Summary,
    app: &App,
    selected: bool,
    width: u16,
    columns: Columns,
) -> Line<'a> {
    let clock = app.clock;
    let guide = crate::guides::named_or_default(&summary.guide);
    let standing = Standing::new(summary.status, &summary.stage, summary.completed, guide);
    let steps = match summary.open_steps {
        0 => "no open steps".to_string(),
        1 => "1 open step".to_string(),
        n if n < 1000 => format!("{n} open steps"),
        // Shorter, so the column keeps a space before the next one.
        n => format!("{n} open"),
    };
    let title = display_title(&summary.title);
    // Every column keeps at least one space before the next, whatever a
    // guide calls its stages.
    let right = match columns {
        Columns::All | Columns::NoEdited => {
            let detail = standing.with_stage_title(guide, clock);
            let edited = match columns {
                Columns::All => format!("{:>17}", format!("edited {}", clock.day(summary.updated))),
                _ => String::new(),
            };
            format!("{:<28}{steps:<15}{edited} ", fit(&detail, 27))
        }
        Columns::Brief => {
            let short = standing.brief(clock);
            let open = match summary.open_steps {
                0 => String::new(),
                n => format!("{n} open"),
            };
            format!("{short:<16}{open:>8} ")
        }
        Columns::StandingOnly => format!("{:<16} ", standing.brief(clock)),
    };
    let title_width = usize::from(width).saturating_sub(right.chars().count() + MARGIN);
    let title = fit(title, title_width);
    let pad = title_width.saturating_sub(title.width());
    let marker = if selected { " ▶ " } else { "   " };
    let style = if selected {
        theme::selected_row()
    } else {
        Style::default()
    };
    // "Untitled reflection" is a stand-in, not words the person wrote.
    let style = if summary.title.trim().is_empty() {
        style.patch(theme::dim())
    } else {
        style
    };
    Line::from(vec![
        Span::styled(marker, theme::accent()),
        Span::styled(format!("{title}{} ", " ".repeat(pad)), style),
        Span::styled(right, theme::dim()),
    ])
}

/// A sync tool's conflict copy, dimmed and indented under its reflection (or
/// named in full when that is not listed): Enter reads it, nothing edits it.
fn copy_row(stray: &Stray, under: bool, selected: bool, width: u16) -> Line<'static> {
    let what = match (&stray.copy, under) {
        (Some(copy), true) => {
            let from = copy
                .device
                .as_deref()
                .map(|d| format!(" from {}", printable_line(d)))
                .unwrap_or_default();
            format!("  ↳ conflict copy{from} ({}), read only", copy.tool)
        }
        (Some(copy), false) => format!("{}, read only", printable_line(&copy.what())),
        (None, _) => printable_line(&stray.name).into_owned(),
    };
    let marker = if selected { " ▶ " } else { "   " };
    let style = if selected {
        theme::selected_row()
    } else {
        theme::dim()
    };
    Line::from(vec![
        Span::styled(marker, theme::accent()),
        Span::styled(fit(&what, usize::from(width).saturating_sub(MARGIN)), style),
    ])
}
