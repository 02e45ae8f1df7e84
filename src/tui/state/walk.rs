//! The stage walk: moving between fields and stages, editing the focused
//! field, and marking the reflection complete on the growth plan.

use std::rc::Rc;

use crossterm::event::KeyCode;
use time::Date;

use crate::guide::{FieldGuide, FieldKind, Guide};
use crate::lifecycle::{self, AfterEdit, Completion, Missing};
use crate::reflection::Status;
use crate::stage::Stage;
use crate::support;
use crate::tui::field::FieldFocus;
use crate::tui::keys::Action;
use crate::tui::plan_page::PlanPage;
use crate::tui::stage_layout;
use crate::wizard::Cursor;

use super::field_keys::{FieldEdit, edit_focus};
use super::{App, Effect, GuideSection, Message, Session, TitlePurpose, Tone, View, scrolled};

impl App {
    pub(super) fn update_walk(&mut self, action: Action) -> Effect {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return Effect::None;
        };
        // Held apart from the session, which the action goes on to change.
        let guide = Rc::clone(&session.guide);
        let guide: &Guide = &guide;
        let stage = session.cursor.stage;
        let field = guide.field(stage, session.cursor.field);
        match action {
            Action::BackHome => {
                self.leave_field();
                if let Some(session) = self.session.as_mut()
                    && session.opened_from_reading
                    && session.reflection.status == Status::Completed
                {
                    session.opened_from_reading = false;
                    session.message = None;
                    session.view = View::Reading;
                    return Effect::None;
                }
                return Effect::CloseReflection;
            }
            Action::NextField => {
                let to = session.cursor.next_field(guide);
                self.move_to(to);
            }
            Action::PrevField => {
                let to = session.cursor.prev_field(guide);
                self.move_to(to);
            }
            Action::NextStage => {
                if let Some(to) = session.cursor.next_stage(guide) {
                    self.move_to(to);
                }
            }
            Action::PrevStage => {
                if let Some(to) = session.cursor.prev_stage(guide) {
                    self.move_to(to);
                }
            }
            Action::NextGuide => {
                // The section the pane says Ctrl-G is for, or the next in turn
                // when everything already shows.
                let left_out = crate::tui::screens::guide_left_out(self, self.size);
                if let Some(session) = self.session.as_mut() {
                    session.guide_first = left_out
                        .first()
                        .copied()
                        .unwrap_or(session.guide_first.next());
                }
            }
            Action::EditTitle => self.open_title_prompt(TitlePurpose::Rename),
            Action::MarkComplete => self.mark_complete(),
            Action::GoDeeper => self.go_deeper(),
            Action::OpenWriting => self.open_writing(),
            Action::SetLookAgain => self.open_look_again_prompt(),
            Action::ScrollDown
            | Action::ScrollUp
            | Action::PageDown
            | Action::PageUp
            | Action::ScrollTop
            | Action::ScrollBottom => self.scroll_plan(action),
            action => {
                let Some(field) = field else {
                    return Effect::None;
                };
                // A digit a rating cannot take gets a word, not silence.
                if field.kind == FieldKind::Rating
                    && let Action::Edit(key) = &action
                    && let KeyCode::Char(c @ '6'..='9') = key.code
                {
                    session.message = Some(Message::warning(format!(
                        "{c} is off the scale: ratings go from 1 to 5."
                    )));
                    return Effect::None;
                }
                // A change is a change to the answer (a space in an empty
                // field is not one), except in a long answer: comparing it
                // before and after would cost as much as it is long, on every
                // key, so there the editor's word that it changed stands.
                let long = matches!(session.focus, FieldFocus::Long(_));
                let before = (!long).then(|| session.reflection.answer(stage, &field.key).cloned());
                let ticks_only = action == Action::ToggleDone;
                let width = usize::from(stage_layout::answer_width_in(self.size.0));
                let edited = edit_field(session, field, action, today, width);
                if field.kind == FieldKind::Text {
                    let rows = usize::from(stage_layout::FOCUSED_TEXT_ROWS);
                    session.focus.follow_cursor(width, rows);
                }
                if edited {
                    session
                        .focus
                        .commit(&mut session.reflection, stage, field, today);
                }
                if field.kind == FieldKind::Checklist {
                    session
                        .reflection
                        .order_checks(stage, &field.key, &field.options);
                }
                // Only a real change counts: looking around never reopens a
                // completed reflection or touches the file; nor does ticking a
                // step done, which is following the plan, not changing it.
                let changed = match before {
                    None => edited,
                    Some(before) => session.reflection.answer(stage, &field.key) != before.as_ref(),
                };
                if changed {
                    session.changed();
                    if session
                        .message
                        .as_ref()
                        .is_some_and(|m| m.tone == Tone::Warning)
                    {
                        session.message = None;
                    }
                    if ticks_only || stage == Stage::PLAN {
                        session.keep_completed_snapshot();
                    } else {
                        follow_completion(session);
                    }
                    // Said once, as the weight is given. It goes after the line
                    // about completion: when both apply, this one matters more.
                    // A rating changed to one that no longer calls for it
                    // takes the line away: it answered the number, not the person.
                    if field.kind == FieldKind::Rating {
                        if support::calls_for_support(&session.reflection, stage, &field.key) {
                            session.message = Some(Message::calm(support::SUPPORT_LINE));
                        } else if session
                            .message
                            .as_ref()
                            .is_some_and(|m| m.text == support::SUPPORT_LINE)
                        {
                            session.message = None;
                        }
                    }
                }
            }
        }
        Effect::None
    }

    /// Completion asks for what the plan needs and says exactly what is missing.
    fn mark_complete(&mut self) {
        let now = self.now;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        session.message = Some(
            match lifecycle::mark_complete(&mut session.reflection, now) {
                Completion::AlreadyComplete => Message::calm("Already complete."),
                Completion::Marked => {
                    session.changed();
                    session.keep_completed_snapshot();
                    // A plan helps when it is looked at again; the day is
                    // asked for here, once, and never required.
                    Message::calm(if session.reflection.next_checkin().is_some() {
                        "Marked complete. It stays in your list; Esc goes home."
                    } else {
                        "Marked complete. Press l to choose a day to look again; Esc goes home."
                    })
                }
                Completion::Needs(missing) => {
                    let list: Vec<String> = missing
                        .iter()
                        .map(|m| match m {
                            Missing::Title => format!("{} (press t)", m.describe(&session.guide)),
                            Missing::GoalOrStep => m.describe(&session.guide),
                        })
                        .collect();
                    Message::warning(format!("To mark it complete, add {}.", list.join(" and ")))
                }
            },
        );
    }

    /// As focus leaves a field, a date phrase on screen becomes its date (the
    /// reflection already holds the date, so nothing is written here).
    fn leave_field(&mut self) {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Some(field) = session
            .guide
            .field(session.cursor.stage, session.cursor.field)
        {
            session.focus.normalise_dates(field.kind, today);
        }
    }

    fn move_to(&mut self, to: Cursor) {
        self.leave_field();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let guide = Rc::clone(&session.guide);
        let guide: &Guide = &guide;
        if to == session.cursor {
            return;
        }
        session.focus = FieldFocus::at(&session.reflection, guide, to);
        // A new stage opens with its intro; within a stage the guidance
        // follows the question.
        session.guide_first = if to.stage == session.cursor.stage {
            GuideSection::Hint
        } else {
            GuideSection::Intro
        };
        session.cursor = to;
        session.message = None;
        session.plan_scroll = 0;
        self.remember_position();
    }

    /// Scrolling the growth plan: it stops where the longest column ends, as
    /// laid out for the window now; PgUp at the top goes back to the last stage, as it
    /// goes back a stage everywhere else.
    fn scroll_plan(&mut self, action: Action) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        let said = self.message_for(session).map_or(1, |m| m.rows(self.size.0));
        let body = PlanPage::body(self.size, said);
        let page = PlanPage::new(&session.reflection, &session.guide, self.clock.today, body);
        let max = page.max_scroll(body.height);
        let step = usize::from(body.height.saturating_sub(2).max(1));
        if action == Action::PageUp && session.plan_scroll == 0 {
            let to = session.cursor.prev_field(&session.guide);
            self.move_to(to);
            return;
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        session.plan_scroll =
            scrolled(session.plan_scroll, &action, step, max).unwrap_or(session.plan_scroll);
    }

    /// Stores the cursor in the reflection so resuming returns here.
    pub(super) fn remember_position(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let guide = Rc::clone(&session.guide);
        let guide: &Guide = &guide;
        let stage = session.cursor.stage.key().to_string();
        let field = guide
            .field(session.cursor.stage, session.cursor.field)
            .map(|f| f.key.clone())
            .unwrap_or_default();
        if session.reflection.position.stage != stage || session.reflection.position.field != field
        {
            session.reflection.position.stage = stage;
            session.reflection.position.field = field;
            // Looking around a completed reflection is not editing it: the
            // position is saved with the next real change, if any, and the
            // file (and its "last edited" date) stays as it was.
            if session.reflection.status != Status::Completed {
                session.revision += 1;
            }
        }
    }
}

/// Changing a completed reflection's answers makes it a work in progress
/// again; changing them back makes it complete again.
fn follow_completion(session: &mut Session) {
    let text = match lifecycle::after_edit(&mut session.reflection, session.as_completed.as_ref()) {
        AfterEdit::Unchanged => return,
        AfterEdit::Restored => "Back as it was, so it is complete again.",
        AfterEdit::Reopened => {
            "Changed, so this reflection is in progress again; mark it complete on the growth plan."
        }
    };
    session.message = Some(Message::calm(text));
}

/// Applies a field-level action; true when the focused editor changed and must
/// be written to the reflection (ticks and ratings change it directly).
fn edit_field(
    session: &mut Session,
    field: &FieldGuide,
    action: Action,
    today: Date,
    width: usize,
) -> bool {
    let stage = session.cursor.stage;
    let rating = session.reflection.rating(stage, &field.key);
    match edit_focus(&mut session.focus, field, action, rating, today, width) {
        FieldEdit::Text(changed) => changed,
        FieldEdit::Rate(value) => {
            session.reflection.set_rating(stage, &field.key, value);
            false
        }
        FieldEdit::Toggle(option) => {
            session.reflection.toggle_check(stage, &field.key, &option);
            false
        }
    }
}
