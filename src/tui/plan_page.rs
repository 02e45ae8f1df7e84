//! The growth plan page laid out for the window: its columns as wrapped
//! lines, so scrolling stops at the end of the longest column and the page
//! can say where the reader is, whatever the plan holds.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};

use crate::guide::Guide;
use crate::outline;
use crate::reflection::Reflection;
use crate::stage::Stage;
use crate::tui::reading_page::wrap;
use crate::tui::theme;
use crate::tui::widgets::{Empty, plan_section};

/// On a wide window the plan takes two columns: what to do and by when in
/// the first three sections, then with whom, the risk and the weight.
const FIRST_COLUMN_SECTIONS: usize = 4;
/// From this text width the plan goes side by side, so most plans fit on one screen.
const TWO_COLUMNS_FROM: u16 = 90;
/// Rows around the plan: the header, the rating block (with the day to look
/// again) and the footer (the message line is counted where it is known).
const CHROME_ROWS: u16 = 3 + RATING_ROWS + 1;
/// The rating block under the plan: a rule, the question, the rating and
/// the day to look again.
pub const RATING_ROWS: u16 = 4;

/// The plan's columns, each with where it goes and its lines.
pub struct PlanPage {
    pub columns: Vec<(Rect, Vec<Line<'static>>)>,
}

impl PlanPage {
    /// Lays the plan out in `body`, the rows between header and rating.
    pub fn new(r: &Reflection, guide: &Guide, today: time::Date, body: Rect) -> PlanPage {
        let inner = Rect {
            x: body.x + 2,
            width: body.width.saturating_sub(4),
            ..body
        };
        let (mut left, right) = compiled(r, guide, today);
        let columns = if inner.width >= TWO_COLUMNS_FROM {
            let [l, r] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .spacing(2)
                    .areas(inner);
            vec![(l, wrapped(left, l.width)), (r, wrapped(right, r.width))]
        } else {
            // One column: the second follows after a blank row, as every
            // section does.
            left.push_line(Line::raw(""));
            left.extend(right);
            vec![(inner, wrapped(left, inner.width))]
        };
        PlanPage { columns }
    }

    /// The body of a window this size with `message_rows` for the message.
    pub fn body(window: (u16, u16), message_rows: u16) -> Rect {
        Rect {
            x: 0,
            y: 3,
            width: window.0,
            height: window.1.saturating_sub(CHROME_ROWS + message_rows).max(1),
        }
    }

    /// Rows of the longest column.
    pub fn rows(&self) -> usize {
        self.columns.iter().map(|(_, l)| l.len()).max().unwrap_or(0)
    }

    /// The last useful scroll position: the longest column's end at the bottom.
    pub fn max_scroll(&self, height: u16) -> usize {
        self.rows().saturating_sub(usize::from(height))
    }
}

/// Lines wrapped at words, a step's or a label's later rows indented under
/// its text.
fn wrapped(text: Text<'static>, width: u16) -> Vec<Line<'static>> {
    text.lines
        .into_iter()
        .flat_map(|line| wrap(line, usize::from(width.max(1))))
        .collect()
}

/// The plan as two columns of text: what to do and by when; with whom, and
/// the risk to take.
fn compiled(r: &Reflection, guide: &Guide, today: time::Date) -> (Text<'static>, Text<'static>) {
    let plan = outline::growth_plan(r, guide, today);
    let mut left = Text::default();
    left.push_line(Line::from(vec![
        Span::styled(format!("★ {}", plan.title), theme::heading()),
        Span::styled(format!("  {}", plan.tagline), theme::dim()),
    ]));
    if r.title.trim().is_empty() {
        left.push_line(Line::styled(
            "⚠ This reflection has no title yet: press t.",
            theme::warning(),
        ));
    }
    let mut right = Text::default();
    for (i, section) in plan.sections.iter().enumerate() {
        let text = if i < FIRST_COLUMN_SECTIONS {
            &mut left
        } else {
            &mut right
        };
        if !text.lines.is_empty() {
            text.push_line(Line::raw(""));
        }
        text.extend(
            plan_section(section, None, Empty::Show)
                .into_iter()
                .map(|(line, _)| line),
        );
    }
    right.push_line(Line::raw(""));
    right.push_line(Line::styled(
        guide.stage(Stage::PLAN).intro.trim().to_string(),
        theme::dim(),
    ));
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;

    /// Found in the second new-user walk: in one column (80 wide) "People",
    /// the first section of the second column, sat right under the line above.
    #[test]
    fn in_one_column_every_section_starts_after_a_blank_row() {
        let guide = Guide::builtin().expect("guide");
        let r = sample_reflection();
        for width in [80, 120] {
            let page = PlanPage::new(
                &r,
                guide,
                time::macros::date!(2026 - 11 - 29),
                Rect::new(0, 3, width, 40),
            );
            let mut found = false;
            for (_, lines) in &page.columns {
                let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
                for (i, line) in text.iter().enumerate() {
                    if line.trim() == "People" {
                        found = true;
                        // At the top of its own column, or after a blank row.
                        assert!(
                            i == 0 || text[i - 1].trim().is_empty(),
                            "{width}: {text:#?}"
                        );
                    }
                }
            }
            assert!(found, "{width}: no People section");
        }
    }
}
