//! A check-in over the open reflection, one question at a time. Each answer
//! is applied at once to the reflection as it stood when the check-in began,
//! so it is saved as it is typed, and undoing a choice (unticking a step,
//! putting a date back) undoes its effect exactly.

use time::Date;

use crate::checkin::{self, CheckinGuide};
use crate::dates;
use crate::guide::{FieldGuide, FieldKind, StageGuide};
use crate::reflection::{
    ActionItem, BRAVE_KEY, BRAVE_RESULT_KEY, BRAVE_TAKEN, Checkin, NEXT_STEP_ID_KEY, NEXT_STEP_KEY,
    NextLook, Reflection, Status, StepReview, WEIGHT_KEY,
};
use crate::support;
use crate::tui::field::{FieldFocus, StepColumn, normalised};
use crate::tui::keys::Action;
use crate::tui::stage_layout;
use crate::tui::widgets::Answers as _;

use super::field_keys::{FieldEdit, edit_focus};
use super::{App, Effect, GuideSection, Message, Session, View};

/// Rows below which the check-in leads with the hint rather than the intro.
const SHORT_WINDOW: u16 = 24;

/// The check-in being written.
pub struct CheckinForm {
    pub guide: &'static CheckinGuide,
    /// The guide's questions as asked of this reflection: the brave step's
    /// question names the step, and is left out when there is none.
    pub questions: StageGuide,
    /// The reflection before this check-in: what each change is applied to.
    base: Reflection,
    pub draft: Checkin,
    /// What the step review held as the check-in began.
    prior: Vec<StepReview>,
    /// The question shown, an index into the guide's questions.
    pub question: usize,
    pub focus: FieldFocus,
    /// Where the person was when it opened, to go back to.
    pub from: View,
    /// What the guide pane leads with.
    pub guide_first: GuideSection,
    /// Opened from home (or `rebound checkin`): leaving goes home.
    pub from_home: bool,
    /// Going on with one saved before: `base` already holds what it did,
    /// so it is never simply put back.
    going_on: bool,
}

impl CheckinForm {
    /// A new check-in dated `today`, or the unfinished one to go on with.
    pub fn open(reflection: &Reflection, guide: &'static CheckinGuide, today: Date) -> Self {
        let base = reflection.without_unfinished_checkin();
        let (draft, prior) = match reflection.unfinished_checkin() {
            Some(going_on) => {
                // The plan may have moved on since (a tick in the agenda):
                // what it holds now is what the check-in goes on from. It
                // is dated the day it is finished.
                let mut draft = going_on.clone();
                draft.set_date(today);
                let steps = reflection.action_steps();
                let next_id = going_on.text(NEXT_STEP_ID_KEY);
                let prior = checkin::brought_up_to_date(&going_on.steps(), &steps, next_id);
                draft.set_steps(&prior);
                if reflection.first_step().is_some_and(|s| s.done) && !draft.brave_taken() {
                    draft.toggle_check(BRAVE_KEY, BRAVE_TAKEN);
                }
                if !crate::reflection::is_valid_step_id(draft.text(NEXT_STEP_ID_KEY)) {
                    draft.set_text(NEXT_STEP_ID_KEY, String::new());
                }
                (draft, prior)
            }
            None => {
                let mut draft = Checkin::new(today);
                let prior = checkin::starting(&base.action_steps());
                draft.set_steps(&prior);
                // The question asks whether it happened: already done says yes.
                let brave_done = base.first_step().is_some_and(|s| s.done);
                if brave_done {
                    draft.toggle_check(BRAVE_KEY, BRAVE_TAKEN);
                }
                if base.first_step().is_some() {
                    draft.set_brave_was_done(brave_done);
                }
                (draft, prior)
            }
        };
        let questions = questions_for(&base, guide);
        // Going on with it: after the last question answered, where the
        // person stopped (a new one has nothing answered and starts at 0).
        // The brave step's question filled in as it was found is not one.
        let prefilled = |key: &str| {
            key == BRAVE_KEY && draft.brave_taken() == draft.brave_was_done().unwrap_or(false)
        };
        let question = if reflection.unfinished_checkin().is_some() {
            questions
                .fields
                .iter()
                .rposition(|f| draft.is_answered(&f.key) && !prefilled(&f.key))
                .map_or(0, |last| (last + 1).min(questions.fields.len() - 1))
        } else {
            0
        };
        let focus = open_question(&draft, &questions.fields[question], today);
        CheckinForm {
            guide,
            questions,
            base,
            draft,
            prior,
            question,
            focus,
            from: View::Reading,
            guide_first: GuideSection::Intro,
            from_home: false,
            going_on: reflection.unfinished_checkin().is_some(),
        }
    }

    pub fn field(&self) -> &FieldGuide {
        let fields = &self.questions.fields;
        &fields[self.question.min(fields.len() - 1)]
    }

    /// On a step the review began with, its words all cleared.
    fn on_cleared_step(&self) -> bool {
        match &self.focus {
            FieldFocus::Steps(steps) => {
                steps.on_empty_step() && self.prior.iter().any(|p| p.id == steps.current_id())
            }
            _ => false,
        }
    }

    /// A new check-in with nothing said yet: nothing of it is kept.
    fn keeps_nothing(&self) -> bool {
        !self.going_on && self.draft.is_untouched()
    }

    pub fn is_last(&self) -> bool {
        self.question + 1 >= self.questions.fields.len()
    }

    /// The reflection before this check-in, for the earlier numbers.
    pub fn base(&self) -> &Reflection {
        &self.base
    }

    pub fn on_due_date(&self) -> bool {
        matches!(&self.focus, FieldFocus::Steps(s) if s.column == StepColumn::Due)
    }

    /// The editor's text into the draft: a date phrase as its date, the
    /// reviewed rows as what became of each step.
    fn commit(&mut self, today: Date) {
        let field = self.field().clone();
        match (&mut self.focus, field.kind) {
            (FieldFocus::Steps(steps), _) => {
                // A new row's id: free among every step the plan or any
                // check-in has known, and every other row here.
                let mut taken: Vec<String> = self.prior.iter().map(|p| p.id.clone()).collect();
                taken.extend(steps.rows.iter().map(|r| r.id.clone()));
                for row in steps.rows.iter_mut() {
                    if row.id.is_empty() && !row.text.trim().is_empty() {
                        let salt = format!("{}-{}", dates::iso(today), row.text.trim());
                        row.id = self.base.new_step_id(&salt, &taken);
                        taken.push(row.id.clone());
                    }
                }
                // The rows keep what is typed; the review holds the dates.
                let rows: Vec<ActionItem> = steps
                    .rows
                    .iter()
                    .map(|r| ActionItem {
                        due: normalised(&r.due, today).unwrap_or_else(|| r.due.clone()),
                        ..r.clone()
                    })
                    .collect();
                let reviews = checkin::reviews(&self.prior, &rows);
                self.draft.set_steps(&reviews);
            }
            (focus, kind) => {
                if let Some(text) = focus.answer_text(kind, today) {
                    self.draft.set_text(&field.key, text);
                }
            }
        }
        if field.key == NEXT_STEP_KEY
            && !self.draft.text(NEXT_STEP_KEY).trim().is_empty()
            && self.draft.text(NEXT_STEP_ID_KEY).is_empty()
        {
            let taken: Vec<String> = self.prior.iter().map(|p| p.id.clone()).collect();
            let id = self.base.new_step_id(NEXT_STEP_KEY, &taken);
            self.draft.set_text(NEXT_STEP_ID_KEY, id);
        }
    }

    /// The reflection with this check-in as it now stands.
    /// Steps it ticks are done on the check-in's day, not the clock's: a
    /// session that runs past midnight does not move a tick made before it.
    fn applied(&self, today: Date) -> Reflection {
        let mut r = self.base.clone();
        let day = self.draft.date().unwrap_or(today);
        r.record_checkin(self.draft.clone(), day);
        r
    }

    fn go_to(&mut self, question: usize, today: Date) {
        self.focus.normalise_dates(self.field().kind, today);
        self.question = question.min(self.questions.fields.len() - 1);
        self.focus = open_question(&self.draft, &self.questions.fields[self.question], today);
        self.guide_first = GuideSection::Hint;
    }
}

impl App {
    /// Opens a check-in over the open reflection (a new one, or the one left
    /// unfinished). Refused, calmly, where nothing may be changed.
    pub fn start_checkin(&mut self, from_home: bool) {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.reflection.status != Status::Completed {
            session.message = Some(Message::calm(
                "A check-in looks again at a finished plan: mark this one complete on its growth plan first.",
            ));
            return;
        }
        if session.read_only.is_some() {
            session.message = Some(Message::calm(
                "A check-in changes the reflection, and this one is open to read only.",
            ));
            return;
        }
        let guide = match CheckinGuide::builtin() {
            Ok(guide) => guide,
            Err(e) => {
                session.message = Some(Message::warning(format!("No check-in: {e}")));
                return;
            }
        };
        let going_on = session.reflection.unfinished_checkin().is_some();
        let mut form = CheckinForm::open(&session.reflection, guide, today);
        form.from = session.view;
        form.from_home = from_home;
        // A short window has no room for the intro and the question both.
        if self.size.1 < SHORT_WINDOW {
            form.guide_first = GuideSection::Hint;
        }
        session.checkin = Some(form);
        session.view = View::Checkin;
        session.message = going_on.then(|| {
            Message::calm("Going on with the check-in you started; what you wrote is here.")
        });
    }

    pub(super) fn update_checkin(&mut self, action: Action) -> Effect {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return Effect::None;
        };
        let Some(form) = session.checkin.as_mut() else {
            return Effect::None;
        };
        let field = form.field().clone();
        let rated = field.key == WEIGHT_KEY
            && matches!(
                action,
                Action::Rate(_) | Action::RateUp | Action::RateDown | Action::ClearRating
            );
        let changed = match action {
            Action::NextField if form.is_last() => {
                form.commit(today);
                return self.finish_checkin(true);
            }
            Action::NextField => {
                form.commit(today);
                let next = form.question + 1;
                form.go_to(next, today);
                session.message = None;
                false
            }
            Action::PrevField => {
                form.commit(today);
                let back = form.question.saturating_sub(1);
                form.go_to(back, today);
                session.message = None;
                false
            }
            Action::BackHome => {
                form.commit(today);
                return self.finish_checkin(false);
            }
            Action::NextGuide => {
                form.guide_first = form.guide_first.next();
                false
            }
            // In a review, a step cleared of its words is dropped already;
            // Backspace does not take its row away (nor go on into the step
            // above), so typing or Ctrl-Z can still bring it back.
            Action::DeleteStep if form.on_cleared_step() => {
                session.message = Some(Message::calm(
                    "Cleared, this step is dropped from the plan; type, or Ctrl-Z, to keep it.",
                ));
                false
            }
            action => {
                let width = usize::from(stage_layout::answer_width_in(self.size.0));
                edit(form, &field, action, today, width)
            }
        };
        if changed {
            form.commit(today);
        }
        // As on the stages: said once, as the weight is given, and taken
        // away by a number that no longer calls for it.
        if rated {
            let heavy = support::checkin_calls_for_support(form.base(), form.draft.weight());
            let saying = session
                .message
                .as_ref()
                .is_some_and(|m| m.text == support::SUPPORT_LINE);
            if heavy && !saying {
                session.message = Some(Message::calm(support::SUPPORT_LINE));
            } else if !heavy && saying {
                session.message = None;
            }
        }
        if field.kind == FieldKind::Text {
            let width = usize::from(stage_layout::answer_width_in(self.size.0));
            form.focus
                .follow_cursor(width, usize::from(stage_layout::FOCUSED_TEXT_ROWS));
        }
        keep_applied(session, today);
        Effect::None
    }

    /// Leaves the check-in. Past the last question it is done once it says
    /// when to look again; Esc keeps it as it is, to go on with later.
    fn finish_checkin(&mut self, past_the_end: bool) -> Effect {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return Effect::None;
        };
        keep_applied(session, today);
        let Some(form) = session.checkin.as_mut() else {
            return Effect::None;
        };
        // Opened and left with nothing said: nothing was kept.
        if !past_the_end && form.keeps_nothing() {
            let from_home = form.from_home;
            session.view = form.from;
            session.checkin = None;
            session.message = None;
            return if from_home {
                Effect::CloseReflection
            } else {
                Effect::None
            };
        }
        let next = form.draft.next_look();
        if past_the_end && next == NextLook::Unset {
            session.message = Some(Message::calm(
                "To finish, say when to look again (a date, +3w, or settled). Esc keeps it to finish later.",
            ));
            return Effect::None;
        }
        let (from, from_home) = (form.from, form.from_home);
        session.checkin = None;
        session.view = from;
        let said = Message::calm(match next {
            NextLook::On(date) => format!(
                "Check-in saved. Next look: {}; home and rebound remind will say so.",
                dates::readable(date)
            ),
            NextLook::Settled => {
                "Check-in saved, and settled: no more check-ins for this one.".into()
            }
            NextLook::Unset => "Check-in kept as it is; press c to go on with it.".into(),
        });
        if from_home {
            // Said on home, where the person goes back to.
            self.notice = Some(said);
            return Effect::CloseReflection;
        }
        session.message = Some(said);
        Effect::None
    }
}

/// The questions for this reflection: without a first brave step there is
/// nothing to ask about it; with one, its words are in the question.
fn questions_for(base: &Reflection, guide: &CheckinGuide) -> StageGuide {
    let mut questions = guide.questions.clone();
    // A guide with no plan steps (the ten-minute one) has nowhere to keep
    // a next step: asking for one would drop what was typed.
    if base.places().get(crate::role::Role::Steps).is_none() {
        questions.fields.retain(|f| {
            ![
                crate::checkin::STEPS_KEY,
                NEXT_STEP_KEY,
                crate::reflection::NEXT_STEP_DUE_KEY,
            ]
            .contains(&f.key.as_str())
        });
    }
    match base.first_step() {
        None => questions
            .fields
            .retain(|f| f.key != BRAVE_KEY && f.key != BRAVE_RESULT_KEY),
        Some(step) => {
            let words = step.text.trim();
            let brave = questions.fields.iter_mut().find(|f| f.key == BRAVE_KEY);
            if let Some(option) = brave
                .and_then(|f| f.options.iter_mut().find(|o| o.key == BRAVE_TAKEN))
                .filter(|_| !words.is_empty())
            {
                option.label = format!("{}: {words}", option.label);
            }
        }
    }
    questions
}

/// The editing state for a question; the step review starts on its first
/// step (the walk's steps start on the empty row, to add one).
fn open_question(draft: &Checkin, field: &FieldGuide, today: Date) -> FieldFocus {
    let mut focus = FieldFocus::open_from(draft, field);
    if let FieldFocus::Steps(steps) = &mut focus
        && !steps.rows.is_empty()
    {
        steps.go_to(0, today);
    }
    focus
}

/// The reflection with the check-in as it now stands: saved soon, and
/// still completed if it was (a check-in follows the plan, never reopens it).
fn keep_applied(session: &mut Session, today: Date) {
    // Nothing said yet keeps nothing: looking through the questions is
    // not a check-in.
    let applied = session.checkin.as_ref().map(|f| {
        if f.keeps_nothing() {
            f.base.clone()
        } else {
            f.applied(today)
        }
    });
    let Some(applied) = applied else {
        return;
    };
    if applied != session.reflection {
        session.reflection = applied;
        session.changed();
        session.keep_completed_snapshot();
    }
}

/// A key on the focused question; true when an editor changed and must be
/// written to the draft (ratings and ticks change the draft directly).
fn edit(
    form: &mut CheckinForm,
    field: &FieldGuide,
    action: Action,
    today: Date,
    width: usize,
) -> bool {
    let rating = form.draft.rating(&field.key);
    match edit_focus(&mut form.focus, field, action, rating, today, width) {
        FieldEdit::Text(changed) => changed,
        FieldEdit::Rate(value) => {
            form.draft.set_rating(&field.key, value);
            false
        }
        FieldEdit::Toggle(option) => {
            form.draft.toggle_check(&field.key, &option);
            false
        }
    }
}
