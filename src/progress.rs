//! Progress as plain facts, from the summary index alone: how heavy each setback felt over time, and steps done per month (never streaks).

use std::collections::BTreeMap;
use std::fmt;

use time::{Date, Month};

use crate::dates::parse_iso;
use crate::reflection::{Status, display_title};
use crate::store::Summary;

/// When a weighing was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// The Perspective stage's "how heavy does this feel today?".
    Start,
    /// The growth plan's "how heavy does it feel now?", once completed.
    Completion,
    Checkin,
}

impl Moment {
    fn parse(text: &str) -> Option<Moment> {
        match text {
            "start" => Some(Moment::Start),
            "completion" => Some(Moment::Completion),
            "checkin" => Some(Moment::Checkin),
            _ => None,
        }
    }

    /// The stable word scripts read (`stats --json`), as the index keeps it.
    pub fn as_str(self) -> &'static str {
        match self {
            Moment::Start => "start",
            Moment::Completion => "completion",
            Moment::Checkin => "checkin",
        }
    }

    /// The word people read.
    pub fn phrase(self) -> &'static str {
        match self {
            Moment::Start => "start",
            Moment::Completion => "completion",
            Moment::Checkin => "check-in",
        }
    }
}

/// One answer to "how heavy does it feel?", 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weighing {
    pub moment: Moment,
    pub day: Date,
    pub weight: u8,
}

/// One reflection and how heavy it felt, oldest weighing first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    pub id: String,
    /// As the file holds it (empty for none).
    pub title: String,
    pub status: Status,
    pub weighings: Vec<Weighing>,
}

impl Journey {
    /// The title as shown: "Untitled reflection" for none.
    pub fn shown_title(&self) -> &str {
        display_title(&self.title)
    }

    fn last_day(&self) -> Option<Date> {
        self.weighings.iter().map(|w| w.day).max()
    }

    /// "start 4 → completion 3 → check-in 2".
    pub fn path(&self) -> String {
        self.weighings
            .iter()
            .map(|w| format!("{} {}", w.moment.phrase(), w.weight))
            .collect::<Vec<_>>()
            .join(" → ")
    }

    /// "4 → 3 → 2": the numbers alone, where room is short.
    pub fn numbers(&self) -> String {
        self.weighings
            .iter()
            .map(|w| w.weight.to_string())
            .collect::<Vec<_>>()
            .join(" → ")
    }
}

/// A calendar month, which sorts and prints as `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: u8::from(date.month()),
        }
    }

    pub fn previous(self) -> YearMonth {
        if self.month <= 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                month: self.month - 1,
                ..self
            }
        }
    }

    /// "Nov", for a bar's label.
    pub fn short_name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        Month::try_from(self.month)
            .map(|m| NAMES[usize::from(u8::from(m)) - 1])
            .unwrap_or("?")
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Every number the progress screen and `rebound stats` show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Every reflection, in the listing's order, weighed or not.
    pub journeys: Vec<Journey>,
    /// Steps done in each month, by the day each was ticked.
    pub done_by_month: BTreeMap<YearMonth, usize>,
    /// Done steps with no day known (ticked before days were kept, or a
    /// hand edit): counted here, never guessed into a month.
    pub done_without_day: usize,
    pub done: usize,
    pub open: usize,
    /// Open and past their date.
    pub overdue: usize,
    /// Check-ins recorded across every reflection.
    pub checkins_made: usize,
    /// Reflections whose day to look again has come.
    pub checkins_due: usize,
}

impl Progress {
    /// The numbers of these summaries on `today`. One pass, no file read.
    pub fn of(summaries: &[Summary], today: Date) -> Progress {
        let mut progress = Progress::default();
        for s in summaries {
            progress.journeys.push(Journey {
                id: s.id.clone(),
                title: s.title.clone(),
                status: s.status,
                weighings: s
                    .weights
                    .iter()
                    .filter_map(|w| {
                        Some(Weighing {
                            moment: Moment::parse(w.when())?,
                            day: parse_iso(w.day())?,
                            weight: w.weight(),
                        })
                    })
                    .collect(),
            });
            for step in &s.steps {
                if !step.done() {
                    progress.open += 1;
                    if parse_iso(step.due()).is_some_and(|due| due < today) {
                        progress.overdue += 1;
                    }
                    continue;
                }
                progress.done += 1;
                match parse_iso(step.done_on()) {
                    Some(day) => {
                        *progress
                            .done_by_month
                            .entry(YearMonth::of(day))
                            .or_default() += 1;
                    }
                    None => progress.done_without_day += 1,
                }
            }
            progress.checkins_made += s.checkins;
            if parse_iso(&s.next_checkin).is_some_and(|day| day <= today) {
                progress.checkins_due += 1;
            }
        }
        progress
    }

    /// Whether any reflection has been weighed at all.
    pub fn any_weighed(&self) -> bool {
        self.journeys.iter().any(|j| !j.weighings.is_empty())
    }

    /// The weighed reflections, the most recently weighed first (more
    /// weighings first on the same day), at most `most`; and how many
    /// weighed ones that leaves out.
    pub fn recently_weighed(&self, most: usize) -> (Vec<&Journey>, usize) {
        let mut weighed: Vec<&Journey> = self
            .journeys
            .iter()
            .filter(|j| !j.weighings.is_empty())
            .collect();
        weighed.sort_by(|a, b| {
            b.last_day()
                .cmp(&a.last_day())
                .then(b.weighings.len().cmp(&a.weighings.len()))
                .then(a.id.cmp(&b.id))
        });
        let left_out = weighed.len().saturating_sub(most);
        weighed.truncate(most);
        (weighed, left_out)
    }

    /// The `count` months up to and including `today`'s, oldest first, each
    /// with the steps done in it (zero included: a quiet month is a fact too).
    pub fn last_months(&self, today: Date, count: usize) -> Vec<(YearMonth, usize)> {
        let mut month = YearMonth::of(today);
        let mut months = Vec::with_capacity(count);
        for _ in 0..count {
            months.push((month, self.done_by_month.get(&month).copied().unwrap_or(0)));
            month = month.previous();
        }
        months.reverse();
        months
    }

    /// Whether any step was done on a known day in those months.
    pub fn any_done_in(&self, months: &[(YearMonth, usize)]) -> bool {
        months.iter().any(|(_, n)| *n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::{
        ActionItem, Checkin, FIRST_STEP_FIELD, NEXT_LOOK_KEY, Reflection, WEIGHT_KEY,
    };
    use crate::stage::FullStages;
    use crate::stage::{STEPS_FIELD, Stage};
    use time::macros::{date, datetime};

    const TODAY: Date = date!(2027 - 01 - 10);

    fn step(text: &str, due: &str, done_on: Option<Date>, done: bool) -> ActionItem {
        let mut item = ActionItem {
            text: text.into(),
            due: due.into(),
            done,
            ..ActionItem::default()
        };
        if let Some(day) = done_on {
            // As rebound stores the day a step was ticked.
            item.extra
                .insert("done_on".into(), crate::dates::iso(day).into());
        }
        item
    }

    /// Started 20 Nov at 4, completed 2 Dec at 3, two check-ins (2 on
    /// 23 Dec, one unweighed on 6 Jan); three steps done on known days, one
    /// done before days were kept, one open and overdue.
    fn the_launch() -> Reflection {
        let mut r = Reflection::new(
            "2026-11-20-the-launch".into(),
            "The launch that slipped".into(),
            datetime!(2026-11-20 09:00 UTC),
        );
        r.set_rating(Stage::Perspective, "weight_today", Some(4));
        r.set_rating(Stage::PLAN, "weight_now", Some(3));
        r.status = Status::Completed;
        r.completed = Some(datetime!(2026-12-02 20:00 UTC));
        let mut first = Checkin::new(date!(2026 - 12 - 23));
        first.set_rating(WEIGHT_KEY, Some(2));
        first.set_text(NEXT_LOOK_KEY, "2027-01-06".into());
        r.record_checkin(first, date!(2026 - 12 - 23));
        let mut second = Checkin::new(date!(2027 - 01 - 06));
        second.set_text(NEXT_LOOK_KEY, "2027-01-09".into());
        r.record_checkin(second, date!(2027 - 01 - 06));
        // After the check-ins, which would give a day to a done step without one.
        r.set_actions(
            Stage::Goals,
            STEPS_FIELD,
            vec![
                step("Ask Dana", "2026-11-25", Some(date!(2026 - 11 - 24)), true),
                step("Write the notes", "", Some(date!(2026 - 11 - 30)), true),
                step("Update the CV", "", Some(date!(2026 - 12 - 03)), true),
                step("Read the old plan", "", None, true),
                step("Pitch again", "2027-01-05", None, false),
            ],
        );
        r
    }

    /// Started 1 Jan at 5, not finished; its brave step is open and undated.
    fn passed_over() -> Reflection {
        let mut r = Reflection::new(
            "2027-01-01-passed-over".into(),
            "Passed over".into(),
            datetime!(2027-01-01 09:00 UTC),
        );
        r.set_rating(Stage::Perspective, "weight_today", Some(5));
        r.set_text(
            Stage::Risk,
            FIRST_STEP_FIELD,
            "Ask for the lead role".into(),
        );
        r
    }

    fn numbers() -> Progress {
        let summaries: Vec<Summary> = [
            the_launch(),
            passed_over(),
            Reflection::new(
                "2027-01-09-blank".into(),
                String::new(),
                datetime!(2027-01-09 09:00 UTC),
            ),
        ]
        .iter()
        .map(Summary::of)
        .collect();
        Progress::of(&summaries, TODAY)
    }

    #[test]
    fn each_setback_keeps_its_weighings_in_order_with_their_days() {
        let progress = numbers();
        let launch = &progress.journeys[0];
        assert_eq!(launch.shown_title(), "The launch that slipped");
        // The unweighed check-in is a check-in made, not a weighing.
        assert_eq!(launch.path(), "start 4 → completion 3 → check-in 2");
        let days: Vec<Date> = launch.weighings.iter().map(|w| w.day).collect();
        assert_eq!(
            days,
            [
                date!(2026 - 11 - 20),
                date!(2026 - 12 - 02),
                date!(2026 - 12 - 23)
            ]
        );
        assert_eq!(progress.journeys[1].numbers(), "5");
        assert_eq!(progress.journeys[2].shown_title(), "Untitled reflection");
        assert!(progress.journeys[2].weighings.is_empty());
    }

    #[test]
    fn steps_done_count_by_month_and_a_step_without_a_day_is_counted_apart() {
        let progress = numbers();
        let months: Vec<(String, usize)> = progress
            .done_by_month
            .iter()
            .map(|(m, n)| (m.to_string(), *n))
            .collect();
        assert_eq!(
            months,
            [("2026-11".to_string(), 2), ("2026-12".to_string(), 1)]
        );
        assert_eq!(progress.done_without_day, 1);
        assert_eq!(progress.done, 4);
        // "Pitch again" and the brave step; only the first has a past date.
        assert_eq!((progress.open, progress.overdue), (2, 1));
    }

    #[test]
    fn check_ins_made_count_unweighed_ones_and_due_ones_have_come() {
        let progress = numbers();
        assert_eq!(progress.checkins_made, 2);
        // The launch's next look (9 Jan) has come; the others never set one.
        assert_eq!(progress.checkins_due, 1);
    }

    #[test]
    fn the_chart_takes_the_most_recently_weighed_and_says_how_many_are_left_out() {
        let progress = numbers();
        let (shown, left_out) = progress.recently_weighed(1);
        assert_eq!(shown[0].shown_title(), "Passed over");
        assert_eq!(left_out, 1);
        let (shown, left_out) = progress.recently_weighed(5);
        assert_eq!(shown.len(), 2);
        assert_eq!(left_out, 0);
    }

    #[test]
    fn the_last_months_run_up_to_today_across_a_new_year_with_quiet_months_as_zero() {
        let progress = numbers();
        let months: Vec<(String, usize)> = progress
            .last_months(TODAY, 4)
            .into_iter()
            .map(|(m, n)| (m.to_string(), n))
            .collect();
        assert_eq!(
            months,
            [
                ("2026-10".to_string(), 0),
                ("2026-11".to_string(), 2),
                ("2026-12".to_string(), 1),
                ("2027-01".to_string(), 0),
            ]
        );
        assert_eq!(YearMonth::of(TODAY).short_name(), "Jan");
    }
}
