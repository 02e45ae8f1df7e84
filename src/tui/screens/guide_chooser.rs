//! The guide chooser over home: every guide one row (or two, with its
//! summary, when the window has room), the selected one marked.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{columns, fit};
use crate::tui::keys::{Context, hint};
use crate::tui::state::{GuideChoice, GuideChooser};
use crate::tui::theme;

use super::chrome::{key_hints, modal, row};

const WIDTH: u16 = 84;
/// Above the list: a line on what the choice is, then a blank row; below
/// it: a blank row, then the keys.
const ABOVE: u16 = 2;
const BELOW: u16 = 2;

pub fn draw(frame: &mut Frame, area: Rect, chooser: &GuideChooser) {
    let count = chooser.choices.len();
    let wanted = u16::try_from(count * 2).unwrap_or(u16::MAX);
    // The screen's title row and footer stay in view around the box.
    let height = wanted
        .saturating_add(ABOVE + BELOW + 2)
        .min(area.height.saturating_sub(3));
    let inner = modal(frame, area, "Choose a guide", WIDTH, height);
    let list_rows = usize::from(inner.height.saturating_sub(ABOVE + BELOW)).max(1);
    // Two rows each while they all fit; else one each, the summary beside
    // the title as far as it goes, scrolled to keep the selected in view.
    let per = if count * 2 <= list_rows { 2 } else { 1 };
    let visible = (list_rows / per).max(1);
    let first = (chooser.selected + 1).saturating_sub(visible);
    let width = usize::from(inner.width);
    // Where the selection is, when the list is longer than the box.
    let place = if count > visible {
        format!("{} of {count}", chooser.selected + 1)
    } else {
        String::new()
    };
    let about = width.saturating_sub(columns(&place) + 2);
    frame.render_widget(
        Line::styled(
            fit(
                "Each one ends in a growth plan. Choose the one that fits.",
                about,
            ),
            theme::dim(),
        ),
        row(inner, 0),
    );
    frame.render_widget(
        Line::styled(place, theme::dim()).alignment(Alignment::Right),
        row(inner, 0),
    );
    for (shown, choice) in chooser.choices.iter().enumerate().skip(first).take(visible) {
        let y = ABOVE + u16::try_from((shown - first) * per).unwrap_or(0);
        let selected = shown == chooser.selected;
        frame.render_widget(title_row(choice, selected, per == 1, width), row(inner, y));
        if per == 2
            && let Some(summary) = &choice.summary
        {
            frame.render_widget(
                Line::styled(
                    format!("  {}", fit(summary, width.saturating_sub(2))),
                    theme::dim(),
                ),
                row(inner, y + 1),
            );
        }
    }
    frame.render_widget(
        key_hints(&hint(Context::GuideChooser)),
        row(inner, inner.height.saturating_sub(1)),
    );
}

/// `▶ Title  · summary …     10 minutes · yours`: the length and whose
/// it is keep their place at the right; the title, then the summary, give
/// way to them.
fn title_row(choice: &GuideChoice, selected: bool, summary: bool, width: usize) -> Line<'static> {
    let (marker, style) = if selected {
        ("▶ ", theme::selected_row())
    } else {
        ("  ", Style::default())
    };
    let mut right = choice.length.clone();
    if choice.yours {
        right.push_str(" · yours");
    }
    let room = width.saturating_sub(2 + columns(&right) + 2);
    let title = fit(&choice.title, room);
    let mut spans = vec![
        Span::styled(marker, theme::accent()),
        Span::styled(title.clone(), style.patch(theme::bold())),
    ];
    let mut used = 2 + columns(&title);
    if summary
        && let Some(text) = &choice.summary
        && room > columns(&title) + 6
    {
        let text = fit(text, room - columns(&title) - 3);
        used += 3 + columns(&text);
        spans.push(Span::styled(format!(" · {text}"), theme::dim()));
    }
    let gap = width.saturating_sub(used + columns(&right));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(right, theme::dim()));
    Line::from(spans)
}
