//! A reflection as something to read: each stage's answered questions, and
//! the growth plan compiled from them. The TUI's plan page and detail view
//! and the Markdown export all render this one outline, so they never
//! disagree about what a reflection says.

mod checkins;

pub use checkins::{CheckinOutline, Fact, checkin_outlines};

use time::Date;

use crate::dates::{self, DateInput};
use crate::guide::{FieldGuide, FieldKind, Guide};
use crate::reflection::{ActionItem, NextLook, Reflection, Status};
use crate::role::Role;
use crate::stage::Stage;

/// One answer, shaped by the kind of question it answers.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// One line or several (a line, text or date field).
    Text(String),
    /// One item a line.
    List(Vec<String>),
    /// The labels of the ticked options.
    Choices(Vec<String>),
    Rating(Rated),
    Steps(Vec<ActionItem>),
}

/// A 1-5 rating with the words the guide gives that value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rated {
    pub value: u8,
    pub label: String,
}

impl Rated {
    pub fn describe(&self) -> String {
        format!("{} of 5, {}", self.value, self.label)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub question: String,
    pub value: AnswerValue,
}

/// A question stage and the questions in it that have answers.
#[derive(Debug, Clone, PartialEq)]
pub struct StageAnswers {
    pub stage: Stage,
    /// 1 for the first stage of its guide.
    pub number: usize,
    pub title: String,
    pub tagline: String,
    pub answers: Vec<Answer>,
}

/// Every question stage, in order, with its answered questions.
pub fn stage_answers(r: &Reflection, guide: &Guide) -> Vec<StageAnswers> {
    guide
        .stages()
        .enumerate()
        .map(|(i, stage)| {
            let content = guide.stage(stage);
            StageAnswers {
                stage,
                number: i + 1,
                title: content.title.clone(),
                tagline: content.tagline.clone(),
                answers: content
                    .fields
                    .iter()
                    .filter_map(|field| {
                        answer_value(r, stage, field).map(|value| Answer {
                            question: field.label.clone(),
                            value,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// One field's answer, or None when it has none.
pub fn answer_value(r: &Reflection, stage: Stage, field: &FieldGuide) -> Option<AnswerValue> {
    let key = field.key.as_str();
    let value = match field.kind {
        FieldKind::Line | FieldKind::Text | FieldKind::Date => {
            let text = r.text(stage, key).trim_end();
            (!text.trim().is_empty()).then(|| AnswerValue::Text(text.to_string()))
        }
        FieldKind::List => Some(AnswerValue::List(r.list(stage, key))),
        FieldKind::Checklist => Some(AnswerValue::Choices(choice_labels(r, stage, field))),
        FieldKind::Rating => r
            .rating(stage, key)
            .map(|v| AnswerValue::Rating(rated(field, v))),
        FieldKind::Actions => Some(AnswerValue::Steps(
            r.actions(stage, key)
                .into_iter()
                .filter(|s| !s.is_blank())
                .collect(),
        )),
    };
    value.filter(|v| match v {
        AnswerValue::List(items) | AnswerValue::Choices(items) => !items.is_empty(),
        AnswerValue::Steps(steps) => !steps.is_empty(),
        _ => true,
    })
}

fn rated(field: &FieldGuide, value: u8) -> Rated {
    Rated {
        value,
        label: field
            .scale
            .get(usize::from(value).saturating_sub(1))
            .cloned()
            .unwrap_or_default(),
    }
}

/// Ticked options by their labels, in the guide's order; a key the guide
/// does not know (a hand edit) is shown as it is rather than dropped.
fn choice_labels(r: &Reflection, stage: Stage, field: &FieldGuide) -> Vec<String> {
    let checked = r.list(stage, &field.key);
    let known = field
        .options
        .iter()
        .filter(|o| checked.contains(&o.key))
        .map(|o| o.label.clone());
    let unknown = checked
        .iter()
        .filter(|c| !field.options.iter().any(|o| &o.key == *c))
        .cloned();
    known.chain(unknown).collect()
}

/// An action step as the plan shows it: in date order, with its date read.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep {
    /// Where the step sits in [`Reflection::steps`], for ticking it done.
    pub index: usize,
    pub item: ActionItem,
    pub due: DateInput,
}

impl PlanStep {
    /// The due date as the plan prints it.
    pub fn when(&self) -> String {
        due_label(&self.due, &self.item.due)
    }
}

/// A due date for reading: the date, the text as typed with a "?" when it is
/// not a date, or "no date".
pub fn due_label(due: &DateInput, typed: &str) -> String {
    match due {
        DateInput::Valid(d) => dates::iso(*d),
        DateInput::Invalid => format!("{}?", typed.trim()),
        DateInput::Empty => "no date".to_string(),
    }
}

/// One item of a plan section.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanItem {
    /// A list, one item a line; `label` names it when it shares a section
    /// with other items, and `none` says what an empty one means.
    Bullets {
        label: Option<String>,
        items: Vec<String>,
        none: String,
    },
    /// The action steps, by date, undated last.
    Steps { steps: Vec<PlanStep>, none: String },
    /// An answer in the person's own lines.
    Lines { lines: Vec<String>, none: String },
    /// A labelled value; empty means not answered yet.
    Labelled { label: String, value: String },
}

impl PlanItem {
    pub fn is_empty(&self) -> bool {
        match self {
            PlanItem::Bullets { items, .. } => items.is_empty(),
            PlanItem::Steps { steps, .. } => steps.is_empty(),
            PlanItem::Lines { lines, .. } => lines.is_empty(),
            PlanItem::Labelled { value, .. } => value.trim().is_empty(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanSection {
    pub title: &'static str,
    pub items: Vec<PlanItem>,
}

/// The growth plan: the lesson, what to do and by when, then with whom, the
/// risk, and what keeps the person steady.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthPlan {
    pub title: String,
    pub tagline: String,
    pub sections: Vec<PlanSection>,
}

impl GrowthPlan {
    pub fn steps(&self) -> impl Iterator<Item = &PlanStep> {
        self.sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|item| match item {
                PlanItem::Steps { steps, .. } => Some(steps.iter()),
                _ => None,
            })
            .flatten()
    }
}

pub fn growth_plan(r: &Reflection, guide: &Guide, today: Date) -> GrowthPlan {
    let plan = guide.stage(Stage::PLAN);
    let declared = |role| guide.role(role).is_some();
    let list = |role| {
        guide
            .role(role)
            .map(|(stage, f)| r.list(stage, &f.key))
            .unwrap_or_default()
    };
    let text = |role| {
        guide
            .role(role)
            .map(|(stage, f)| r.text(stage, &f.key).trim().replace('\n', " "))
            .unwrap_or_default()
    };
    let rating = |role| {
        let (stage, field) = guide.role(role)?;
        r.rating(stage, &field.key).map(|v| rated(field, v))
    };
    // "(stage 3, Reflect)": where to go to answer what a section lacks.
    let answered_at = |roles: &[Role], none: &str| match roles.iter().find_map(|&r| guide.role(r)) {
        Some((stage, _)) => format!(
            "{none} (stage {}, {})",
            stage.question_index().map_or(0, |i| i + 1),
            guide.stage(stage).title
        ),
        None => none.to_string(),
    };
    let describe = |rated: Option<Rated>| rated.map(|r| r.describe()).unwrap_or_default();
    // A guide may name what a role's answer is on its plan in its own words.
    let label_of = |role, label: &str| {
        guide
            .role(role)
            .and_then(|(_, f)| f.plan_label.clone())
            .unwrap_or_else(|| label.to_string())
    };
    let labelled = |role, label: &str, value| {
        declared(role).then(|| PlanItem::Labelled {
            label: label_of(role, label),
            value,
        })
    };
    let bullets = |role, none: &str| {
        declared(role).then(|| PlanItem::Bullets {
            label: None,
            items: list(role),
            none: none.to_string(),
        })
    };
    let labelled_list = |role, label: &str, items| {
        declared(role).then(|| PlanItem::Bullets {
            label: Some(label_of(role, label)),
            items,
            none: "not answered yet".to_string(),
        })
    };

    let mut steps: Vec<PlanStep> = r
        .steps()
        .into_iter()
        .enumerate()
        .filter(|(_, item)| !item.is_blank())
        .map(|(index, item)| PlanStep {
            index,
            due: dates::parse(&item.due, today),
            item,
        })
        .collect();
    steps.sort_by_key(|s| match s.due {
        DateInput::Valid(d) => (0, Some(d)),
        _ => (1, None),
    });

    let methods = guide
        .role(Role::SkillMethods)
        .map(|(stage, f)| choice_labels(r, stage, f))
        .unwrap_or_default();
    let first_step = first_step_line(&text(Role::FirstStep), text(Role::FirstStepDate).trim());
    // Blank lines only space paragraphs apart; the plan keeps the words.
    let paragraphs = |role| -> Vec<String> {
        guide
            .role(role)
            .map(|(stage, f)| r.text(stage, &f.key))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };

    let sections = [
        SectionDraft {
            title: "What you would do differently",
            items: vec![declared(Role::Differently).then(|| PlanItem::Lines {
                lines: paragraphs(Role::Differently),
                none: answered_at(&[Role::Differently], "not answered yet"),
            })],
        },
        SectionDraft {
            title: "How you tell it",
            items: vec![declared(Role::Story).then(|| PlanItem::Lines {
                lines: paragraphs(Role::Story),
                none: answered_at(&[Role::Story], "not answered yet"),
            })],
        },
        SectionDraft {
            title: "Goals",
            items: vec![bullets(Role::Goals, "none yet")],
        },
        SectionDraft {
            title: "Steps, by date",
            items: vec![
                (declared(Role::Steps) || declared(Role::FirstStep)).then(|| PlanItem::Steps {
                    steps,
                    none: answered_at(&[Role::Steps, Role::FirstStep], "none yet"),
                }),
                labelled_list(Role::IfThen, "If-then plans", list(Role::IfThen)),
            ],
        },
        SectionDraft {
            title: "Skills",
            items: vec![
                bullets(Role::SkillGaps, "none yet"),
                labelled_list(Role::SkillMethods, "How", methods),
                labelled(Role::SkillPlan, "Plan", text(Role::SkillPlan)),
                labelled(Role::Habit, "Habit", text(Role::Habit)),
                labelled(Role::KeepUp, "Keeping up", text(Role::KeepUp)),
            ],
        },
        SectionDraft {
            title: "People",
            items: vec![
                labelled_list(
                    Role::FeedbackFrom,
                    "Ask for feedback",
                    list(Role::FeedbackFrom),
                ),
                labelled_list(Role::FeedbackAsk, "What to ask", list(Role::FeedbackAsk)),
                labelled_list(
                    Role::Communities,
                    "Where to show up",
                    list(Role::Communities),
                ),
            ],
        },
        SectionDraft {
            title: "The risk",
            items: vec![
                labelled(Role::Risk, "Risk", text(Role::Risk)),
                // Beside the risk it answers; a guide without one has its
                // step among the steps by date alone.
                labelled(Role::FirstStep, "First step", first_step)
                    .filter(|_| declared(Role::Risk)),
                labelled(Role::Odds, "Odds", describe(rating(Role::Odds))),
            ],
        },
        SectionDraft {
            title: "What keeps you steady",
            items: vec![bullets(
                Role::Support,
                &answered_at(&[Role::Support], "not answered yet"),
            )],
        },
        SectionDraft {
            title: "How heavy it feels",
            items: heavy_items(r, guide, describe(rating(Role::WeightNow)))
                .into_iter()
                .map(Some)
                .collect(),
        },
    ];
    GrowthPlan {
        title: plan.title.clone(),
        tagline: plan.tagline.clone(),
        // A guide that does not ask for a part of the plan has no section for it.
        sections: sections
            .into_iter()
            .map(|s| PlanSection {
                title: s.title,
                items: s.items.into_iter().flatten().collect(),
            })
            .filter(|s| !s.items.is_empty())
            .collect(),
    }
}

/// Kept while a section is built: `None` for what the guide does not ask.
struct SectionDraft {
    title: &'static str,
    items: Vec<Option<PlanItem>>,
}

/// How heavy it felt when the person began and on the plan, then (once a
/// check-in has weighed it) at the latest check-in, which is now; and the
/// day that counts to look again, or that it is settled.
fn heavy_items(r: &Reflection, guide: &Guide, on_the_plan: String) -> Vec<PlanItem> {
    let labelled = |label: &str, value| PlanItem::Labelled {
        label: label.to_string(),
        value,
    };
    let start = guide.role(Role::WeightStart);
    let began = start
        .and_then(|(stage, f)| r.rating(stage, &f.key).map(|v| rated(f, v)))
        .map(|v| v.describe())
        .unwrap_or_default();
    let latest = r
        .checkins()
        .iter()
        .rev()
        .find_map(|c| Some((c.date()?, c.weight()?)));
    let mut items = vec![labelled("When you began", began)];
    match latest {
        None => items.push(labelled("Now", on_the_plan)),
        Some((day, weight)) => {
            items.push(labelled("On the plan", on_the_plan));
            let now = start
                .map(|(_, f)| rated(f, weight).describe())
                .unwrap_or_else(|| weight.to_string());
            items.push(labelled(
                "Now",
                format!("{now} (check-in, {})", dates::readable(day)),
            ));
        }
    }
    // Beside the rating it will be compared with; left out until asked,
    // as the plan asks it with a key of its own, and while the plan is not
    // complete (it is looked at again only once it is).
    let next = r.next_checkin().filter(|_| r.status == Status::Completed);
    match next {
        Some(day) => items.push(labelled("Look again", dates::readable(day))),
        None if r
            .checkins()
            .iter()
            .any(|c| c.next_look() == NextLook::Settled) =>
        {
            items.push(labelled(
                "Look again",
                "settled, no more check-ins".to_string(),
            ));
        }
        None => {}
    }
    items
}

/// The brave first step and its date as one line; a date with no step
/// says the step is still to be written rather than showing "(by …)" alone.
fn first_step_line(step: &str, by: &str) -> String {
    match (step.is_empty(), by.is_empty()) {
        (_, true) => step.to_string(),
        (true, false) => format!("not written yet (by {by})"),
        (false, false) => format!("{step} (by {by})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::FullStages;
    use crate::stage::STEPS_FIELD;
    use time::macros::date;

    fn guide() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    #[test]
    fn only_answered_questions_appear_under_their_stage() {
        let mut r = sample_reflection();
        r.set_text(
            Stage::Reflect,
            "differently",
            "Ask for scope early\n".into(),
        );
        r.toggle_check(Stage::Deconstruct, "causes", "external");
        r.toggle_check(Stage::Deconstruct, "causes", "hand-edited");
        let stages = stage_answers(&r, guide());
        assert_eq!(stages.len(), 7);
        assert_eq!(stages[2].number, 3);
        assert_eq!(
            stages[2].answers,
            [Answer {
                question: "What would you do differently next time?".into(),
                value: AnswerValue::Text("Ask for scope early".into()),
            }]
        );
        assert_eq!(
            stages[1].answers[0].value,
            AnswerValue::Choices(vec![
                "Things outside my control".into(),
                "hand-edited".into()
            ])
        );
        assert!(stages[0].answers.is_empty());
    }

    #[test]
    fn plan_steps_come_in_date_order_and_remember_where_they_live() {
        let mut r = sample_reflection();
        let step = |text: &str, due: &str| ActionItem {
            text: text.into(),
            due: due.into(),
            done: false,
            ..Default::default()
        };
        r.set_actions(
            Stage::Goals,
            STEPS_FIELD,
            vec![
                step("undated", ""),
                step("later", "2026-12-20"),
                step("sooner", "+1w"),
            ],
        );
        let plan = growth_plan(&r, guide(), date!(2026 - 11 - 29));
        let order: Vec<(&str, usize, String)> = plan
            .steps()
            .map(|s| (s.item.text.as_str(), s.index, s.when()))
            .collect();
        assert_eq!(
            order,
            [
                ("sooner", 2, "2026-12-06".to_string()),
                ("later", 1, "2026-12-20".to_string()),
                ("undated", 0, "no date".to_string()),
            ]
        );
    }

    fn section<'a>(plan: &'a GrowthPlan, title: &str) -> &'a PlanSection {
        plan.sections
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no section {title}"))
    }

    /// Found in review: the Reflect intro promised its answers would reach
    /// the plan, and the support list was asked and never shown again.
    #[test]
    fn the_plan_shows_what_to_do_differently_and_what_keeps_you_steady() {
        let mut r = sample_reflection();
        r.set_text(
            Stage::Reflect,
            "differently",
            "Ask for scope early\n\nFlag a slip the week it slips\n".into(),
        );
        r.set_list(
            Stage::Perspective,
            "support",
            vec!["Walks with Sam".into(), "A counsellor".into()],
        );
        let plan = growth_plan(&r, guide(), date!(2026 - 11 - 29));
        assert_eq!(
            section(&plan, "What you would do differently").items,
            [PlanItem::Lines {
                lines: vec![
                    "Ask for scope early".into(),
                    "Flag a slip the week it slips".into()
                ],
                none: "not answered yet (stage 3, Reflect)".to_string(),
            }]
        );
        assert_eq!(
            section(&plan, "What keeps you steady").items,
            [PlanItem::Bullets {
                label: None,
                items: vec!["Walks with Sam".into(), "A counsellor".into()],
                none: "not answered yet (stage 1, Perspective)".to_string(),
            }]
        );
    }

    /// Found by a new user: lists on the plan were joined with "; ".
    #[test]
    fn lists_on_the_plan_stay_one_item_each() {
        let mut r = sample_reflection();
        let if_then = vec![
            "If a date is imposed, then I ask what it buys.".to_string(),
            "If money runs short, then I take the smaller pilot".to_string(),
        ];
        r.set_list(Stage::Goals, "if_then", if_then.clone());
        r.toggle_check(Stage::Skills, "methods", "course");
        r.toggle_check(Stage::Skills, "methods", "mentor");
        let plan = growth_plan(&r, guide(), date!(2026 - 11 - 29));
        let lists: Vec<(Option<&str>, &Vec<String>)> = plan
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|item| match item {
                PlanItem::Bullets { label, items, .. } => Some((label.as_deref(), items)),
                _ => None,
            })
            .collect();
        assert!(
            lists.contains(&(Some("If-then plans"), &if_then)),
            "{lists:?}"
        );
        let how = vec![
            "A course or certification".to_string(),
            "A mentor or coach".to_string(),
        ];
        assert!(lists.contains(&(Some("How"), &how)), "{lists:?}");
        let labelled_text =
            plan.sections.iter().flat_map(|s| &s.items).any(
                |item| matches!(item, PlanItem::Labelled { value, .. } if value.contains("; ")),
            );
        assert!(!labelled_text, "no list is joined into one value");
    }

    /// Found by a new user: a date with no step read "First step: (by …)".
    #[test]
    fn a_first_step_with_a_date_but_no_words_says_it_is_not_written_yet() {
        let first_step = |step: &str, by: &str| {
            let mut r = sample_reflection();
            r.set_text(Stage::Risk, "first_step", step.into());
            r.set_text(Stage::Risk, "first_step_date", by.into());
            let plan = growth_plan(&r, guide(), date!(2026 - 11 - 29));
            section(&plan, "The risk")
                .items
                .iter()
                .find_map(|item| match item {
                    PlanItem::Labelled { label, value } if label == "First step" => {
                        Some(value.clone())
                    }
                    _ => None,
                })
                .unwrap_or_default()
        };
        assert_eq!(
            first_step("  ", "2026-12-04"),
            "not written yet (by 2026-12-04)"
        );
        assert_eq!(first_step("", ""), "", "nothing to say: not answered yet");
        assert_eq!(
            first_step("Email Dana", "2026-12-04"),
            "Email Dana (by 2026-12-04)"
        );
        assert_eq!(first_step("Email Dana", ""), "Email Dana");
    }
}
