//! The growth plan's sections as lines, shared by the plan page and the
//! detail view (where one step can be selected and ticked).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::dates::DateInput;
use crate::outline::{PlanItem, PlanSection, PlanStep};
use crate::tui::theme;

/// How a plan section treats questions with no answer yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// Say so: on the plan page it is a prompt to fill them in.
    Show,
    /// Leave them out, and a section with nothing in it altogether: the
    /// detail page is a record to read, and a column of empty headings
    /// would push the answers out of sight.
    Hide,
}

/// One section of the plan as lines, each step's line tagged with the step's
/// index in the Goals list; `selected_step` marks the one the detail view
/// would tick.
pub fn plan_section(
    section: &PlanSection,
    selected_step: Option<usize>,
    empty: Empty,
) -> Vec<(Line<'static>, Option<usize>)> {
    let mut lines = vec![(Line::styled(section.title, theme::heading()), None)];
    for item in &section.items {
        if item.is_empty() && empty == Empty::Hide {
            continue;
        }
        match item {
            PlanItem::Bullets { label, items, none } => {
                // A labelled list's items sit one step in, under their label.
                let bullet = match label {
                    Some(label) if items.is_empty() => {
                        lines.push((labelled(label, not_answered()), None));
                        continue;
                    }
                    Some(label) => {
                        lines.push((Line::styled(format!("  {label}:"), theme::dim()), None));
                        "    • "
                    }
                    None => "  • ",
                };
                if items.is_empty() {
                    lines.push((Line::styled(format!("  {none}"), theme::dim()), None));
                }
                for item in items {
                    let line = Line::from(vec![
                        Span::styled(bullet, theme::dim()),
                        Span::raw(item.clone()),
                    ]);
                    lines.push((line, None));
                }
            }
            PlanItem::Steps { steps, none } => {
                if steps.is_empty() {
                    lines.push((Line::styled(format!("  {none}"), theme::dim()), None));
                }
                for step in steps {
                    let line = step_line(step, selected_step == Some(step.index));
                    lines.push((line, Some(step.index)));
                }
            }
            PlanItem::Lines { lines: text, none } => {
                if text.is_empty() {
                    lines.push((Line::styled(format!("  {none}"), theme::dim()), None));
                }
                for line in text {
                    let line = Line::from(vec![Span::raw("  "), Span::raw(line.clone())]);
                    lines.push((line, None));
                }
            }
            PlanItem::Labelled { label, value } => {
                let value_span = if value.trim().is_empty() {
                    not_answered()
                } else {
                    Span::raw(value.clone())
                };
                lines.push((labelled(label, value_span), None));
            }
        }
    }
    if lines.len() == 1 {
        lines.clear();
    }
    lines
}

fn labelled(label: &str, value: Span<'static>) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {label}: "), theme::dim()),
        value,
    ])
}

fn not_answered() -> Span<'static> {
    Span::styled("not answered yet", theme::dim())
}

fn step_line(step: &PlanStep, selected: bool) -> Line<'static> {
    let (mark, mark_style) = if step.item.done {
        ("[x]", theme::answered())
    } else {
        ("[ ]", theme::dim())
    };
    let when_style = match step.due {
        DateInput::Valid(_) => theme::accent(),
        DateInput::Invalid => theme::warning(),
        DateInput::Empty => theme::dim(),
    };
    let (pointer, text_style) = if selected {
        ("▶ ", theme::selected_row())
    } else {
        ("  ", Style::default())
    };
    Line::from(vec![
        Span::styled(pointer, theme::accent()),
        Span::styled(format!("{mark} "), mark_style),
        Span::styled(format!("{:<10} ", step.when()), when_style),
        Span::styled(step.item.text.clone(), text_style),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::ActionItem;

    fn shown(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    /// Found by a new user: a due date that does not parse ran into the
    /// step's text (`next tuesday?Write the checklist`).
    #[test]
    fn a_due_date_of_any_length_keeps_a_space_before_the_step() {
        let step = |due: &str, parsed: DateInput| PlanStep {
            index: 0,
            item: ActionItem {
                text: "Write the checklist".into(),
                due: due.into(),
                ..ActionItem::default()
            },
            due: parsed,
        };
        let odd = step("next tuesday", DateInput::Invalid);
        assert!(shown(&step_line(&odd, false)).contains("next tuesday? Write the checklist"));
        let dated = step(
            "2026-12-13",
            DateInput::Valid(time::macros::date!(2026 - 12 - 13)),
        );
        assert_eq!(
            shown(&step_line(&dated, false)),
            "  [ ] 2026-12-13 Write the checklist"
        );
    }

    /// Found by a new user: lists were joined with "; " and wrapped rows
    /// started with a stray space. Each item is its own bulleted line, and
    /// its wrapped rows line up under its text.
    #[test]
    fn a_labelled_list_shows_one_item_a_line_wrapped_under_its_text() {
        let section = PlanSection {
            title: "People",
            items: vec![PlanItem::Bullets {
                label: Some("What to ask".into()),
                items: vec![
                    "What did you see before I did, and when did you see it?".into(),
                    "Where did I lose you?".into(),
                ],
                none: "not answered yet".to_string(),
            }],
        };
        let rows: Vec<String> = plan_section(&section, None, Empty::Show)
            .into_iter()
            .flat_map(|(line, _)| crate::tui::reading_page::wrap(line, 30))
            .map(|line| shown(&line))
            .collect();
        assert_eq!(
            rows,
            [
                "People",
                "  What to ask:",
                "    • What did you see before",
                "      I did, and when did you",
                "      see it?",
                "    • Where did I lose you?",
            ]
        );
    }

    #[test]
    fn an_unanswered_list_says_so_on_the_plan_and_is_left_out_when_reading() {
        let section = PlanSection {
            title: "People",
            items: vec![PlanItem::Bullets {
                label: Some("Ask for feedback".into()),
                items: vec![],
                none: "not answered yet".to_string(),
            }],
        };
        let shown_rows = |empty| -> Vec<String> {
            plan_section(&section, None, empty)
                .iter()
                .map(|(line, _)| shown(line))
                .collect()
        };
        assert_eq!(
            shown_rows(Empty::Show),
            ["People", "  Ask for feedback: not answered yet"]
        );
        assert!(shown_rows(Empty::Hide).is_empty());
    }
}
