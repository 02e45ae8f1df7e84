//! The read-only page of a reflection: its growth plan first (what the person
//! comes back to act on), then every stage's answers. The page is laid out as
//! lines already wrapped to the window, so scrolling can stop at the end and
//! the selected step can be kept in view.

use ratatui::text::{Line, Span};
use time::Date;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::dates;
use crate::guide::Guide;
use crate::outline::{self, Answer, AnswerValue, CheckinOutline, Fact};
use crate::reflection::Reflection;
use crate::tui::theme;
use crate::tui::widgets::{Empty, plan_section};

/// Rows around the page: a three-row header, the message line and the footer.
pub const CHROME_ROWS: u16 = 5;
/// Wrapped rows line up under their text only when it starts this close.
const MAX_HANGING_INDENT: usize = 18;
/// Long lines are hard to read; the page stays this wide at most.
const MAX_TEXT_WIDTH: u16 = 100;

/// Where the reader is on the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// The first line shown.
    pub scroll: usize,
    /// The selected action step, by its index in the Goals list.
    pub selected_step: Option<usize>,
}

/// A step's place on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRow {
    pub index: usize,
    pub line: usize,
    pub done: bool,
}

pub struct Document {
    pub lines: Vec<Line<'static>>,
    /// The growth plan's steps, in the order they appear.
    pub steps: Vec<StepRow>,
}

/// The page's text width and height in a window of this size.
pub fn page_size(window: (u16, u16)) -> (u16, u16) {
    (
        window.0.saturating_sub(4).clamp(10, MAX_TEXT_WIDTH),
        window.1.saturating_sub(CHROME_ROWS).max(1),
    )
}

pub fn document(
    r: &Reflection,
    guide: &Guide,
    today: Date,
    width: u16,
    reading: Reading,
) -> Document {
    let width = usize::from(width.max(10));
    let mut doc = Document {
        lines: Vec::new(),
        steps: Vec::new(),
    };
    let plan = outline::growth_plan(r, guide, today);
    doc.push(
        Line::from(vec![
            Span::styled(format!("★ {}  ", plan.title), theme::heading()),
            Span::styled(plan.tagline.clone(), theme::dim()),
        ]),
        width,
    );
    let done: Vec<bool> = plan.steps().map(|s| s.item.done).collect();
    let mut step_number = 0;
    let mut shown = 0;
    for section in &plan.sections {
        let lines = plan_section(section, reading.selected_step, Empty::Hide);
        if lines.is_empty() {
            continue;
        }
        shown += 1;
        doc.blank();
        for (line, step) in lines {
            if let Some(index) = step {
                doc.steps.push(StepRow {
                    index,
                    line: doc.lines.len(),
                    done: done.get(step_number).copied().unwrap_or(false),
                });
                step_number += 1;
            }
            doc.push(line, width);
        }
    }
    if shown == 0 {
        doc.blank();
        doc.push(
            Line::styled("  Nothing on the plan yet.", theme::dim()),
            width,
        );
    }

    for stage in outline::stage_answers(r, guide) {
        doc.blank();
        doc.blank();
        doc.push(
            Line::from(vec![
                Span::styled(
                    format!("{} · {}  ", stage.number, stage.title),
                    theme::heading(),
                ),
                Span::styled(stage.tagline.clone(), theme::dim()),
            ]),
            width,
        );
        if stage.answers.is_empty() {
            doc.push(Line::styled("  Skipped.", theme::dim()), width);
        }
        for answer in stage.answers {
            doc.answer(answer, today, width);
        }
    }
    doc.checkins(outline::checkin_outlines(r), today, width);
    doc
}

impl Document {
    /// A question in bold, its answer indented under it.
    fn answer(&mut self, answer: Answer, today: Date, width: usize) {
        self.blank();
        self.push(
            Line::from(vec![
                Span::raw("  "),
                Span::styled(answer.question, theme::bold()),
            ]),
            width,
        );
        let indented = |prefix: &str, text: String| {
            Line::from(vec![
                Span::styled(prefix.to_string(), theme::dim()),
                Span::raw(text),
            ])
        };
        match answer.value {
            AnswerValue::Text(text) => {
                for line in text.lines() {
                    self.push(indented("    ", line.to_string()), width);
                }
            }
            AnswerValue::List(items) | AnswerValue::Choices(items) => {
                for item in items {
                    self.push(indented("    • ", item), width);
                }
            }
            AnswerValue::Rating(rated) => {
                self.push(indented("    ", rated.describe()), width);
            }
            AnswerValue::Steps(steps) => {
                for step in steps {
                    let mark = if step.done { "[x]" } else { "[ ]" };
                    let when = outline::due_label(&dates::parse(&step.due, today), &step.due);
                    let prefix = format!("    {mark} {when:<11}");
                    self.push(indented(&prefix, step.text), width);
                }
            }
        }
    }

    /// The check-ins after every answer, oldest first, each under its day.
    fn checkins(&mut self, checkins: Vec<CheckinOutline>, today: Date, width: usize) {
        if checkins.is_empty() {
            return;
        }
        self.blank();
        self.blank();
        self.push(
            Line::from(vec![
                Span::styled("Check-ins  ", theme::heading()),
                Span::styled("Looking again, after the plan", theme::dim()),
            ]),
            width,
        );
        for checkin in checkins {
            self.blank();
            self.push(
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(checkin.heading, theme::heading()),
                ]),
                width,
            );
            let facts = checkin
                .weight
                .iter()
                .chain(&checkin.steps)
                .chain(&checkin.brave);
            for fact in facts {
                self.fact(fact, width);
            }
            for answer in checkin.answers {
                self.answer(answer, today, width);
            }
            if !checkin.next.is_empty() {
                self.blank();
            }
            for fact in &checkin.next {
                self.fact(fact, width);
            }
        }
    }

    /// "Label: value", the value wrapping under itself.
    fn fact(&mut self, fact: &Fact, width: usize) {
        let line = if fact.value.is_empty() {
            Line::from(vec![
                Span::raw("  "),
                Span::styled(fact.label.clone(), theme::bold()),
            ])
        } else {
            Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{}: ", fact.label), theme::dim()),
                Span::raw(fact.value.clone()),
            ])
        };
        self.push(line, width);
    }

    fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    fn push(&mut self, line: Line<'static>, width: usize) {
        self.lines.extend(wrap(line, width));
    }

    /// The last useful scroll position for a page this tall.
    pub fn max_scroll(&self, height: u16) -> usize {
        self.lines.len().saturating_sub(usize::from(height))
    }
}

/// Wraps a line at words. The last span is the content; the spans before it
/// (a bullet, a tick box, a label) stay on the first row and later rows are
/// indented to line up under the content.
pub fn wrap(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width || line.spans.is_empty() {
        return vec![line];
    }
    let mut spans = line.spans;
    let mut content = spans.pop().unwrap_or_default();
    // Spaces that open the content belong to the first row only.
    let lead = content.content.len() - content.content.trim_start_matches(' ').len();
    if lead > 0 {
        spans.push(Span::raw(" ".repeat(lead)));
        content.content = content.content[lead..].to_string().into();
    }
    let prefix_width: usize = spans.iter().map(|s| s.content.width()).sum();
    // Under the text after a bullet or a date; a long label or a narrow
    // window gets a plain indent instead.
    let indent = if prefix_width <= MAX_HANGING_INDENT && prefix_width * 2 <= width {
        prefix_width
    } else {
        4.min(width / 4)
    };
    let first_room = width.saturating_sub(prefix_width).max(1);
    let rows = wrap_words(
        &content.content,
        first_room,
        width.saturating_sub(indent).max(1),
    );
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let mut line_spans = if i == 0 {
            std::mem::take(&mut spans)
        } else {
            vec![Span::raw(" ".repeat(indent))]
        };
        line_spans.push(Span::styled(row, content.style));
        out.push(Line::from(line_spans));
    }
    out
}

/// Splits text into rows of at most `first` columns, then `rest` columns,
/// breaking at spaces, and inside a word only when it is longer than a row.
fn wrap_words(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut rows = Vec::new();
    let mut row = String::new();
    let mut used = 0;
    let room = |rows: &Vec<String>| if rows.is_empty() { first } else { rest };
    for word in text.split(' ') {
        let w = word.width();
        if used > 0 && used + 1 + w > room(&rows) {
            rows.push(std::mem::take(&mut row));
            used = 0;
        }
        if w > room(&rows) {
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > room(&rows) && used > 0 {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                row.push(c);
                used += cw;
            }
            continue;
        }
        if used > 0 {
            row.push(' ');
            used += 1;
        }
        row.push_str(word);
        used += w;
    }
    rows.push(row);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::FullStages;

    #[test]
    fn words_wrap_under_their_content_and_long_words_are_split() {
        assert_eq!(wrap_words("one two three", 7, 7), ["one two", "three"]);
        assert_eq!(wrap_words("abcdefghij", 4, 4), ["abcd", "efgh", "ij"]);
        let line = Line::from(vec![Span::raw("  • "), Span::raw("alpha beta gamma")]);
        let rows: Vec<String> = wrap(line, 14).iter().map(ToString::to_string).collect();
        assert_eq!(rows, ["  • alpha beta", "    gamma"]);
    }

    /// Empty plan sections are left out of the record, so a reflection read
    /// before it has a plan shows its answers near the top (found when the
    /// plan gained two sections and an answer fell below the first screen).
    #[test]
    fn a_reflection_with_no_plan_yet_shows_its_answers_near_the_top() {
        use crate::reflection::tests::sample_reflection;
        use crate::stage::Stage;
        let guide = Guide::builtin().expect("guide");
        let mut r = sample_reflection();
        r.set_text(Stage::Perspective, "expected", "Ship in May".into());
        let today = time::macros::date!(2026 - 11 - 29);
        let doc = document(&r, guide, today, 80, Reading::default());
        let rows: Vec<String> = doc.lines.iter().map(ToString::to_string).collect();
        assert_eq!(rows[2], "  Nothing on the plan yet.");
        let answer = rows.iter().position(|l| l.contains("Ship in May"));
        assert!(answer.is_some_and(|at| at < 12), "{rows:#?}");
    }
}
