//! The progress screen: how heavy each setback felt over time (one line per
//! reflection, told apart by the symbol at each weighing as well as colour)
//! and steps done per month. Plain facts: no streaks, no red.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph, Wrap};
use time::Date;
use time::macros::format_description;
use unicode_width::UnicodeWidthStr;

use crate::progress::{Journey, Progress};
use crate::text::printable_line;
use crate::tui::state::{App, ProgressView};
use crate::tui::theme;
use crate::tui::widgets::fit;

use super::chrome;

/// One per line drawn: the symbol at each weighing tells the lines apart
/// without colour, and the legend names it.
const SYMBOLS: [char; 6] = ['●', '■', '▲', '◆', '○', '□'];
/// Calm colours only: no red, which would read as "failed".
const COLOURS: [Color; 6] = [
    Color::Cyan,
    Color::Green,
    Color::Magenta,
    Color::Blue,
    Color::Yellow,
    Color::Gray,
];
/// Months the bars cover, up to this one.
const MONTHS: usize = 12;
/// The bars' title, the bars and their labels.
const BAR_ROWS: u16 = 7;
/// The least room the line chart takes under its title: a row for each of
/// the five levels, the axis and its labels.
const LEAST_CHART_ROWS: u16 = 7;
/// Narrower than this, the y axis says 1-5 without the scale's words.
const WORDS_FROM_WIDTH: u16 = 72;
/// The widest a title grows in the legend.
const LEGEND_TITLE_WIDTH: usize = 28;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &ProgressView) {
    let [header, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(chrome::message_rows(app.notice.as_ref(), area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    let numbers = &view.numbers;
    chrome::screen_title(frame, header, "progress: how it has felt, and steps done");
    let facts = format!(
        "{} done · {} open · {} ",
        numbers.done,
        numbers.open,
        count(numbers.checkins_due, "check-in due", "check-ins due")
    );
    let title_width = " rebound · progress: how it has felt, and steps done".width();
    if usize::from(header.width) >= title_width + 1 + facts.width() {
        frame.render_widget(
            Line::styled(facts, theme::dim()).alignment(Alignment::Right),
            header,
        );
    }
    let months = numbers.last_months(app.clock.today, MONTHS);
    let any_done = numbers.any_done_in(&months) || numbers.done_without_day > 0;
    if !numbers.any_weighed() && !any_done {
        nothing_yet(frame, body);
    } else {
        let [weights, bars] = Layout::vertical([
            Constraint::Min(LEAST_CHART_ROWS + 2),
            Constraint::Length(BAR_ROWS),
        ])
        .areas(body);
        weight_chart(frame, weights, app, numbers);
        steps_by_month(frame, bars, numbers, &months);
    }
    chrome::message(frame, message, app.notice.as_ref());
    chrome::footer(frame, footer, app);
}

/// Before any weighing or done step: what will appear here, not empty axes.
fn nothing_yet(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::raw(""),
        Line::raw("Nothing to draw yet."),
        Line::raw(""),
        Line::raw(
            "How heavy a setback feels is asked when you start it, when its plan is complete \
             and at each check-in; each answer becomes a point here, one line per reflection.",
        ),
        Line::raw(""),
        Line::raw("Steps you mark done are counted here by month."),
        Line::raw(""),
        Line::styled("Esc goes home.", theme::dim()),
    ];
    let inset = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inset);
}

/// How heavy each setback felt: a line per reflection through its
/// weighings, the legend under it.
fn weight_chart(frame: &mut Frame, area: Rect, app: &App, numbers: &Progress) {
    let [title, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    if !numbers.any_weighed() {
        frame.render_widget(Line::styled(" How heavy it felt", theme::bold()), title);
        let inset = Rect {
            x: rest.x + 1,
            width: rest.width.saturating_sub(2),
            ..rest
        };
        frame.render_widget(
            Paragraph::new(
                "No weighing yet: how heavy it feels is asked when a reflection starts, \
                 when its plan is complete and at each check-in.",
            )
            .wrap(Wrap { trim: true }),
            inset,
        );
        return;
    }
    let room = rest.height.saturating_sub(LEAST_CHART_ROWS);
    let (shown, left_out, legend) = fitted_legend(numbers, rest.width, room);
    let note = format!("{left_out} more not drawn (rebound stats lists all) ");
    let short_note = format!("{left_out} more not drawn ");
    heading(
        frame,
        title,
        &[" How heavy it felt"],
        left_out > 0,
        &[&note, &short_note],
    );
    let legend_rows = u16::try_from(legend.len()).unwrap_or(u16::MAX);
    let [graph, legend_area, _] = Layout::vertical([
        Constraint::Length(chart_rows(rest.height.saturating_sub(legend_rows))),
        Constraint::Length(legend_rows),
        Constraint::Min(0),
    ])
    .areas(rest);

    let series: Vec<Vec<(f64, f64)>> = shown.iter().map(|j| points(j)).collect();
    let (first, last) = day_span(&shown);
    let mut datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, data)| {
            Dataset::default()
                .data(data)
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(Style::default().fg(COLOURS[i]))
        })
        .collect();
    // The symbols go on last, so a line never hides a weighing.
    datasets.extend(series.iter().enumerate().map(|(i, data)| {
        Dataset::default()
            .data(data)
            .marker(Marker::Custom(SYMBOLS[i]))
            .graph_type(GraphType::Scatter)
            .style(Style::default().fg(COLOURS[i]).add_modifier(Modifier::BOLD))
    }));
    let pad = ((last - first) / 30.0).max(0.5);
    let chart = Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .style(theme::dim())
                .bounds([first - pad, last + pad])
                .labels(day_labels(first, last)),
        )
        .y_axis(
            Axis::default()
                .style(theme::dim())
                .bounds([1.0, 5.0])
                .labels(scale_labels(app, graph.width)),
        );
    frame.render_widget(chart, graph);
    frame.render_widget(Paragraph::new(legend), legend_area);
}

/// How many reflections to draw (the most recently weighed, at most one
/// per symbol) so that their legend fits in `rows`; the legend's lines, and
/// how many weighed ones that leaves out.
fn fitted_legend(
    numbers: &Progress,
    width: u16,
    rows: u16,
) -> (Vec<&Journey>, usize, Vec<Line<'static>>) {
    let weighed = numbers
        .journeys
        .iter()
        .filter(|j| !j.weighings.is_empty())
        .count();
    let mut most = SYMBOLS.len().min(weighed);
    loop {
        let (shown, left_out) = numbers.recently_weighed(most);
        let legend = legend_lines(&shown, usize::from(width));
        if legend.len() <= usize::from(rows.max(1)) || most <= 1 {
            return (shown, left_out, legend);
        }
        most -= 1;
    }
}

/// Entries ("● The launch that slipped  4 → 3 → 2") packed into as few
/// rows as the width allows.
fn legend_lines(shown: &[&Journey], width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut row: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, journey) in shown.iter().enumerate() {
        let numbers = journey.numbers();
        let title_room = width
            .saturating_sub(numbers.width() + 6)
            .min(LEGEND_TITLE_WIDTH);
        let title = fit(&printable_line(journey.shown_title()), title_room);
        let entry = format!("{title}  {numbers}");
        let entry_width = entry.width() + 4;
        if used > 0 && used + entry_width > width {
            lines.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        row.push(Span::raw(if used == 0 { " " } else { "   " }));
        row.push(Span::styled(
            SYMBOLS[i].to_string(),
            Style::default().fg(COLOURS[i]).add_modifier(Modifier::BOLD),
        ));
        row.push(Span::raw(format!(" {entry}")));
        used += entry_width;
    }
    if !row.is_empty() {
        lines.push(Line::from(row));
    }
    lines
}

/// A section's title on the left and, when `noted`, a note on the right:
/// the longest of each that fit together (a note is never dropped, since it
/// says what the numbers leave out).
fn heading(frame: &mut Frame, area: Rect, titles: &[&str], noted: bool, notes: &[&str]) {
    let width = usize::from(area.width);
    let notes: &[&str] = if noted { notes } else { &[""] };
    let mut chosen = (titles[titles.len() - 1], notes[notes.len() - 1]);
    'find: for note in notes {
        for title in titles {
            if title.width() + 1 + note.width() <= width {
                chosen = (title, note);
                break 'find;
            }
        }
    }
    frame.render_widget(Line::styled(chosen.0.to_string(), theme::bold()), area);
    frame.render_widget(
        Line::styled(chosen.1.to_string(), theme::dim()).alignment(Alignment::Right),
        area,
    );
}

/// Rows for the chart, at most `room`: its graph (one row per level of the
/// scale, or four) plus the axis and its labels. The graph is 4k+1 rows so
/// that the five levels fall exactly on rows, where the labels are.
fn chart_rows(room: u16) -> u16 {
    let k = (room.saturating_sub(3) / 4).max(1);
    4 * k + 3
}

/// A reflection's weighings as (day, weight) points.
fn points(journey: &Journey) -> Vec<(f64, f64)> {
    journey
        .weighings
        .iter()
        .map(|w| (f64::from(w.day.to_julian_day()), f64::from(w.weight)))
        .collect()
}

/// The first and last day drawn, as Julian days; at least two weeks apart,
/// so a single day is not stretched across the whole chart.
fn day_span(shown: &[&Journey]) -> (f64, f64) {
    let days = shown
        .iter()
        .flat_map(|j| j.weighings.iter().map(|w| w.day.to_julian_day()));
    let first = days.clone().min().unwrap_or(0);
    let last = days.max().unwrap_or(0).max(first + 14);
    (f64::from(first), f64::from(last))
}

fn day_labels(first: f64, last: f64) -> Vec<Line<'static>> {
    let label = |day: f64| {
        // Whole Julian days, well within range: they came from dates.
        #[allow(clippy::cast_possible_truncation)]
        let day = day.round() as i32;
        Date::from_julian_day(day)
            .ok()
            .and_then(|d| {
                d.format(format_description!(
                    "[day padding:none] [month repr:short] [year]"
                ))
                .ok()
            })
            .unwrap_or_default()
    };
    [first, f64::midpoint(first, last), last]
        .into_iter()
        .map(|d| Line::styled(label(d), theme::dim()))
        .collect()
}

/// "1 Light" … "5 Crushing" from the guide's scale where there is room,
/// else the numbers alone.
fn scale_labels(app: &App, width: u16) -> Vec<Line<'static>> {
    let scale = app
        .guide
        .role(crate::role::Role::WeightStart)
        .map(|(_, f)| f.scale.clone())
        .unwrap_or_default();
    (1..=5)
        .map(|n| {
            let words = scale.get(n - 1).filter(|_| width >= WORDS_FROM_WIDTH);
            let text = match words {
                Some(w) => format!("{n} {w}"),
                None => n.to_string(),
            };
            Line::styled(text, theme::dim())
        })
        .collect()
}

/// Steps done per month, the last twelve up to this one.
fn steps_by_month(
    frame: &mut Frame,
    area: Rect,
    numbers: &Progress,
    months: &[(crate::progress::YearMonth, usize)],
) {
    let [title, bars] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let (Some((from, _)), Some((to, _))) = (months.first(), months.last()) else {
        return;
    };
    let range = format!(
        " Steps done per month, {} {} – {} {}",
        from.short_name(),
        from.year,
        to.short_name(),
        to.year
    );
    let n = numbers.done_without_day;
    let note = if n == 1 {
        "1 done step has no day recorded ".to_string()
    } else {
        format!("{n} done steps have no day recorded ")
    };
    let short_note = format!("{n} done without a day ");
    heading(
        frame,
        title,
        &[&range, " Steps done per month"],
        n > 0,
        &[&note, &short_note],
    );
    if !numbers.any_done_in(months) {
        frame.render_widget(
            Paragraph::new(" None marked done on a known day in these months."),
            bars,
        );
        return;
    }
    let count = u16::try_from(months.len()).unwrap_or(12).max(1);
    let bar_width = (bars.width.saturating_sub(2) / count)
        .saturating_sub(1)
        .clamp(3, 6);
    let bar_list: Vec<Bar> = months
        .iter()
        .map(|(month, n)| {
            Bar::default()
                .value(u64::try_from(*n).unwrap_or(u64::MAX))
                .label(Line::from(month.short_name()))
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bar_list))
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_style(theme::accent())
        .value_style(Style::default().add_modifier(Modifier::REVERSED))
        .label_style(theme::dim());
    let inset = Rect {
        x: bars.x + 1,
        width: bars.width.saturating_sub(1),
        ..bars
    };
    frame.render_widget(chart, inset);
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
