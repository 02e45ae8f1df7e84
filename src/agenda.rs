//! The steps of every reflection as one agenda: what is overdue, what is due
//! next, what has no date. The command line and the TUI list it, and
//! the step formats (iCalendar, Taskwarrior, todo.txt) write it out.

use time::{Date, OffsetDateTime};

use crate::reflection::{Reflection, display_title};
use crate::store::Summary;

/// One action step with the reflection it belongs to, as the agenda lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaStep {
    /// The reflection's id and its title as shown ("Untitled reflection" for none).
    pub reflection: String,
    pub title: String,
    /// The step's stable id, unique within its reflection.
    pub id: String,
    pub text: String,
    /// The due date when the step has one that parses; `due_text` keeps what
    /// was typed when it does not.
    pub due: Option<Date>,
    pub due_text: String,
    pub done: bool,
    /// Taken off the plan by a check-in (never done, never overdue).
    pub dropped: bool,
    /// Due before today and not done.
    pub overdue: bool,
    /// When the reflection was started and last changed: a step's "entry" and
    /// "modified" for tools that want them.
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
}

impl AgendaStep {
    /// What the step's date means, in a word, so it reads without colour:
    /// " done", " overdue", " today", or nothing (with its leading space).
    pub fn state_word(&self, today: Date) -> &'static str {
        if self.done {
            " done"
        } else if self.dropped {
            " dropped"
        } else if self.overdue {
            " overdue"
        } else if self.due == Some(today) {
            " today"
        } else {
            ""
        }
    }

    /// The due date as `YYYY-MM-DD`, when it has one.
    pub fn due_iso(&self) -> Option<String> {
        self.due.map(crate::dates::iso)
    }

    /// Where it sorts: overdue, then dated (done or not), then undated or
    /// a date that did not parse.
    fn rank(&self) -> u8 {
        match self.due {
            Some(_) if self.overdue => 0,
            Some(_) => 1,
            None => 2,
        }
    }
}

/// Which steps the agenda shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Which {
    /// Not done yet: the agenda by default.
    #[default]
    Open,
    /// Done ones too.
    All,
    /// Only those past their date and not done.
    Overdue,
}

impl Which {
    /// What `--all` or `--overdue` asks for (the command line lets one at most).
    pub fn asked(all: bool, overdue: bool) -> Which {
        if all {
            Which::All
        } else if overdue {
            Which::Overdue
        } else {
            Which::Open
        }
    }

    pub fn keeps(self, step: &AgendaStep) -> bool {
        match self {
            Which::Open => !step.done,
            Which::All => true,
            Which::Overdue => step.overdue,
        }
    }
}

/// Every written step of one reflection, in its own order (the Goals
/// stage's, then the first brave step), read against `today`.
pub fn steps_of(r: &Reflection, today: Date) -> Vec<AgendaStep> {
    listed_steps(&Summary::of(r), today)
}

/// The same from a reflection's summary, which the index keeps, so an
/// agenda of thousands need not read their files.
pub fn listed_steps(r: &Summary, today: Date) -> Vec<AgendaStep> {
    let title = display_title(&r.title);
    r.steps
        .iter()
        .map(|s| {
            let due = crate::dates::parse_iso(s.due());
            AgendaStep {
                reflection: r.id.clone(),
                title: title.to_string(),
                overdue: !s.done() && due.is_some_and(|d| d < today),
                id: s.id().to_string(),
                text: s.text().to_string(),
                due,
                due_text: s.due().to_string(),
                done: s.done(),
                dropped: false,
                created: r.created,
                updated: r.updated,
            }
        })
        .collect()
}

/// The steps check-ins took off a reflection's plan, as agenda steps.
pub fn dropped_steps(r: &Summary) -> Vec<AgendaStep> {
    let title = display_title(&r.title);
    r.dropped
        .iter()
        .map(|s| AgendaStep {
            reflection: r.id.clone(),
            title: title.to_string(),
            id: s.id().to_string(),
            text: s.text().to_string(),
            due: crate::dates::parse_iso(s.due()),
            due_text: s.due().to_string(),
            done: false,
            dropped: true,
            overdue: false,
            created: r.created,
            updated: r.updated,
        })
        .collect()
}

/// The steps of every reflection, each reflection's in its own order.
pub fn collect<'a>(
    reflections: impl IntoIterator<Item = &'a Reflection>,
    today: Date,
) -> Vec<AgendaStep> {
    reflections
        .into_iter()
        .flat_map(|r| steps_of(r, today))
        .collect()
}

/// Overdue first, oldest first; then by date from today on; then undated
/// (and dates that did not parse). Ties go by reflection id, then by the
/// order the steps came in: the sort is stable, so [`collect`]'s order
/// within a reflection is kept.
pub fn order(steps: &mut [AgendaStep]) {
    steps.sort_by(|a, b| {
        a.rank()
            .cmp(&b.rank())
            .then(a.due.cmp(&b.due))
            .then_with(|| a.reflection.cmp(&b.reflection))
    });
}

/// The agenda at a glance, for one line on home: how many open steps are
/// past their date, and the next one dated today or later.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Glance {
    pub open: usize,
    pub overdue: usize,
    pub next: Option<AgendaStep>,
}

/// What [`Glance`] says of these reflections today. One pass over the
/// summaries that builds a step only for the one it names, since home draws
/// it on every frame and may list thousands.
pub fn glance(summaries: &[Summary], today: Date) -> Glance {
    let mut glance = Glance::default();
    // (due, reflection, position): the earliest wins, ties as `order` breaks them.
    let mut next: Option<(Date, usize, usize)> = None;
    for (r, summary) in summaries.iter().enumerate() {
        for (i, step) in summary.steps.iter().enumerate() {
            if step.done() {
                continue;
            }
            glance.open += 1;
            match crate::dates::parse_iso(step.due()) {
                Some(due) if due < today => glance.overdue += 1,
                Some(due) => {
                    let earlier =
                        next.is_none_or(|(d, nr, _)| (due, &summary.id) < (d, &summaries[nr].id));
                    if earlier {
                        next = Some((due, r, i));
                    }
                }
                None => {}
            }
        }
    }
    glance.next = next.and_then(|(_, r, i)| listed_steps(&summaries[r], today).into_iter().nth(i));
    glance
}

/// Check-ins whose day has come: how many, and the one waiting longest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DueCheckins {
    pub count: usize,
    pub oldest: Option<DueCheckin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueCheckin {
    /// The reflection's id, and its title as shown.
    pub reflection: String,
    pub title: String,
    /// The day it came due.
    pub since: Date,
}

/// The check-ins due by `today`, from the summaries alone. Dates in the
/// index are ISO, which sort as text, so home can ask on every frame
/// without reading a date per reflection.
pub fn checkins_due(summaries: &[Summary], today: Date) -> DueCheckins {
    let today = crate::dates::iso(today);
    let mut due = DueCheckins::default();
    let mut oldest: Option<&Summary> = None;
    for summary in summaries {
        let day = summary.next_checkin.as_str();
        if day.is_empty() || day > today.as_str() {
            continue;
        }
        due.count += 1;
        let older = oldest.is_none_or(|o| (day, &summary.id) < (o.next_checkin.as_str(), &o.id));
        if older {
            oldest = Some(summary);
        }
    }
    due.oldest = oldest.and_then(|s| {
        Some(DueCheckin {
            reflection: s.id.clone(),
            title: display_title(&s.title).to_string(),
            since: crate::dates::parse_iso(&s.next_checkin)?,
        })
    });
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::{ActionItem, FIRST_STEP_DATE_FIELD, FIRST_STEP_FIELD};
    use crate::stage::FullStages;
    use crate::stage::Stage;
    use time::macros::{date, datetime};

    const TODAY: Date = date!(2026 - 12 - 10);

    fn reflection(id: &str, steps: &[(&str, &str, bool)]) -> Reflection {
        let mut r = Reflection::new(
            id.into(),
            format!("About {id}"),
            datetime!(2026-11-20 09:00 UTC),
        );
        let items = steps
            .iter()
            .map(|&(text, due, done)| ActionItem {
                text: text.into(),
                due: due.into(),
                done,
                ..ActionItem::default()
            })
            .collect();
        r.set_action_steps(items);
        r
    }

    fn texts(steps: &[AgendaStep]) -> Vec<&str> {
        steps.iter().map(|s| s.text.as_str()).collect()
    }

    fn agenda(reflections: &[Reflection], which: Which) -> Vec<AgendaStep> {
        let mut steps: Vec<AgendaStep> = collect(reflections, TODAY)
            .into_iter()
            .filter(|s| which.keeps(s))
            .collect();
        order(&mut steps);
        steps
    }

    #[test]
    fn overdue_comes_first_then_by_date_then_undated_with_ties_by_reflection_and_order() {
        let b = reflection(
            "2026-11-21-b",
            &[
                ("Read the book", "", false),
                ("Call Sam", "2026-12-01", false),
                ("Ask for feedback", "2026-12-10", false),
                ("Update the CV", "2026-12-20", false),
            ],
        );
        let a = reflection(
            "2026-11-20-a",
            &[
                ("Write to Ana", "2026-12-20", false),
                ("Someday", "", false),
                ("Pitch again", "2026-11-30", false),
                ("Then again", "2026-11-30", false),
            ],
        );
        let steps = agenda(&[b, a], Which::Open);
        assert_eq!(
            texts(&steps),
            [
                "Pitch again",
                "Then again",
                "Call Sam",
                "Ask for feedback",
                "Write to Ana",
                "Update the CV",
                "Someday",
                "Read the book",
            ]
        );
        let overdue: Vec<bool> = steps.iter().map(|s| s.overdue).collect();
        // Due today is not overdue yet.
        assert_eq!(
            overdue,
            [true, true, true, false, false, false, false, false]
        );
        assert_eq!(steps[0].due_iso().as_deref(), Some("2026-11-30"));
        assert_eq!(steps[0].title, "About 2026-11-20-a");
    }

    #[test]
    fn a_date_that_does_not_parse_sorts_with_the_undated_and_keeps_its_text() {
        let r = reflection(
            "2026-11-20-a",
            &[
                ("Plan the trip", "after the reorg", false),
                ("Rest", "friday", false),
                ("Call Sam", "2026-12-01", false),
            ],
        );
        let steps = agenda(&[r], Which::Open);
        assert_eq!(texts(&steps), ["Call Sam", "Plan the trip", "Rest"]);
        assert_eq!(steps[1].due, None);
        assert_eq!(steps[1].due_text, "after the reorg");
        // A phrase in a file would mean a new day every day: kept as text.
        assert_eq!(steps[2].due, None);
        assert!(!steps[2].overdue);
    }

    #[test]
    fn done_steps_are_left_out_unless_all_and_never_overdue() {
        let r = reflection(
            "2026-11-20-a",
            &[
                ("Sent the email", "2026-12-01", true),
                ("Call Sam", "2026-12-02", false),
                ("Book the course", "2027-01-05", false),
                ("", "", false),
            ],
        );
        let rs = [r];
        assert_eq!(
            texts(&agenda(&rs, Which::Open)),
            ["Call Sam", "Book the course"]
        );
        let all = agenda(&rs, Which::All);
        assert_eq!(
            texts(&all),
            ["Call Sam", "Sent the email", "Book the course"],
            "a done step past its date sorts with the dated, not the overdue"
        );
        assert!(all[1].done && !all[1].overdue);
        assert_eq!(texts(&agenda(&rs, Which::Overdue)), ["Call Sam"]);
    }

    #[test]
    fn the_first_brave_step_is_on_the_agenda_after_the_goals_steps() {
        let mut r = reflection("2026-11-20-a", &[("Call Sam", "", false)]);
        r.set_text(
            Stage::Risk,
            FIRST_STEP_FIELD,
            "Ask my manager for the stretch project".into(),
        );
        r.set_text(Stage::Risk, FIRST_STEP_DATE_FIELD, "2026-12-03".into());
        let steps = agenda(&[r.clone()], Which::Open);
        assert_eq!(
            texts(&steps),
            ["Ask my manager for the stretch project", "Call Sam"]
        );
        assert!(steps[0].overdue);
        let brave = r.first_step().map(|s| s.id);
        assert_eq!(Some(steps[0].id.clone()), brave);
        assert!(r.set_done_at(1, true, time::macros::date!(2026 - 11 - 29)));
        assert_eq!(texts(&agenda(&[r], Which::Open)), ["Call Sam"]);
    }

    #[test]
    fn the_glance_counts_the_overdue_and_names_the_next_dated_step() {
        let a = reflection(
            "2026-11-20-a",
            &[
                ("Pitch again", "2026-11-30", false),
                ("Write to Ana", "2026-12-20", false),
                ("Sent it", "2026-12-11", true),
                ("Someday", "", false),
            ],
        );
        let b = reflection(
            "2026-11-21-b",
            &[
                ("Call Dana", "2026-12-11", false),
                ("Late", "2026-12-01", false),
            ],
        );
        let summaries = [Summary::of(&a), Summary::of(&b)];
        let g = glance(&summaries, TODAY);
        assert_eq!((g.open, g.overdue), (5, 2));
        assert_eq!(g.next.map(|s| s.text), Some("Call Dana".to_string()));
        assert_eq!(glance(&[], TODAY), Glance::default());
    }

    #[test]
    fn a_reflection_without_a_title_is_named_as_shown() {
        let mut r = reflection("2026-11-20-a", &[("Call Sam", "", false)]);
        r.title = "  ".into();
        let steps = collect([&r], TODAY);
        assert_eq!(steps[0].title, "Untitled reflection");
        assert_eq!(steps[0].reflection, "2026-11-20-a");
        assert!(!steps[0].id.is_empty());
    }

    #[test]
    fn check_ins_due_count_those_whose_day_has_come_and_name_the_oldest() {
        use crate::reflection::LOOK_AGAIN_FIELD;
        let looking = |id: &str, look_again: &str| {
            let mut r = reflection(id, &[]);
            r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, look_again.into());
            r.status = crate::reflection::Status::Completed;
            Summary::of(&r)
        };
        // Reopened by an edit: not looked at again until complete once more.
        let mut reopened = reflection("2026-11-19-reopened", &[]);
        reopened.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-12-02".into());
        let summaries = [
            Summary::of(&reopened),
            looking("2026-11-20-a", "2026-12-08"),
            looking("2026-11-21-b", "2026-12-01"),
            looking("2026-11-22-c", "2026-12-10"),
            looking("2026-11-23-later", "2026-12-11"),
            looking("2026-11-24-never-asked", ""),
        ];
        let due = checkins_due(&summaries, TODAY);
        assert_eq!(
            due.count, 3,
            "today's counts, tomorrow's and unasked do not"
        );
        assert_eq!(
            due.oldest,
            Some(DueCheckin {
                reflection: "2026-11-21-b".into(),
                title: "About 2026-11-21-b".into(),
                since: date!(2026 - 12 - 01),
            })
        );
        assert_eq!(checkins_due(&summaries[4..], TODAY), DueCheckins::default());
    }
}
