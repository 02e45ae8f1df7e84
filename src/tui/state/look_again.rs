//! The day to look again at a plan: the prompt that asks for it, and saving
//! the answer as following the plan (like a tick), never as changing it.

use crossterm::event::{KeyCode, KeyModifiers};
use time::Date;

use crate::checkin::CheckinGuide;
use crate::dates::{self, DateInput};
use crate::tui::field::one_line_editor;
use crate::tui::keys::Action;

use super::modal::edit_one_line;
use super::{App, Effect, LookAgainPrompt, Message, Modal};

/// What the prompt offers when no day is set and the guide has no example.
const FALLBACK_EXAMPLE: &str = "+3w";

impl App {
    /// Opens the prompt with the day already chosen, or the question's
    /// example, ready to keep with Enter or to replace by typing.
    pub(super) fn open_look_again_prompt(&mut self) {
        let Some(session) = self.session.as_ref() else {
            return;
        };
        let text = match session.reflection.next_checkin() {
            Some(day) => dates::iso(day),
            None => example().to_string(),
        };
        self.show_modal(Modal::LookAgain(LookAgainPrompt {
            editor: one_line_editor(text),
            prefilled: true,
            warning: None,
        }));
    }

    /// Keys in the prompt: Enter saves the day it means (nothing typed
    /// clears it), Esc leaves everything as it was.
    pub(super) fn update_look_again(&mut self, action: Action) -> Effect {
        let today = self.clock.today;
        let Some(Modal::LookAgain(prompt)) = self.modal.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::CancelLookAgain => self.modal = None,
            Action::ConfirmLookAgain => {
                let day = match dates::parse(&prompt.editor.lines().join(" "), today) {
                    DateInput::Valid(day) => Some(day),
                    DateInput::Empty => None,
                    DateInput::Invalid => {
                        // Beside the field it already says what works.
                        prompt.warning = Some(
                            "Not saved: that is not a day yet (an empty line clears the day)."
                                .into(),
                        );
                        return Effect::None;
                    }
                };
                self.modal = None;
                self.set_look_again(day);
            }
            action => {
                // Like a selected field: the first character typed replaces
                // what the prompt opened with, so "+1w" never lands after it.
                let replaces = prompt.prefilled
                    && match &action {
                        Action::Edit(key) => {
                            matches!(key.code, KeyCode::Char(_))
                                && !key
                                    .modifiers
                                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                        }
                        Action::Paste(_) => true,
                        _ => false,
                    };
                if replaces {
                    prompt.editor = one_line_editor(String::new());
                }
                if let Some(changed) = edit_one_line(&mut prompt.editor, action) {
                    prompt.prefilled = false;
                    if changed {
                        prompt.warning = None;
                    }
                }
            }
        }
        Effect::None
    }

    /// On the way out (Ctrl-C, a closed terminal), a day typed but not yet
    /// confirmed is kept, as a title typed in its prompt is. Only a day: an
    /// empty or unreadable line, or the one the prompt opened with, changes
    /// nothing.
    pub fn settle_look_again_prompt(&mut self) {
        let today = self.clock.today;
        let day = match &self.modal {
            Some(Modal::LookAgain(prompt)) if !prompt.prefilled => {
                match dates::parse(&prompt.editor.lines().join(" "), today) {
                    DateInput::Valid(day) => Some(day),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(day) = day {
            self.modal = None;
            self.set_look_again(Some(day));
        }
    }

    /// Stores the day (or clears it) and says what it means. A completed
    /// reflection stays completed, and one reopened by an edit still comes
    /// back complete when that edit is undone: the day is part of following
    /// the plan, so the snapshot of the completed plan takes it too.
    fn set_look_again(&mut self, day: Option<Date>) {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.reflection.set_next_checkin(day) {
            if let Some(snapshot) = session.as_completed.as_mut() {
                snapshot.set_next_checkin(day);
            }
            session.changed();
            session.keep_completed_snapshot();
        }
        session.message = Some(Message::calm(match day {
            Some(day) => format!(
                "You will look again on {} ({}).",
                dates::readable(day),
                dates::how_far(day, today)
            ),
            None => "No day to look again for now.".to_string(),
        }));
    }
}

/// The question's example (`+3w`), from the check-in questions.
pub fn example() -> &'static str {
    CheckinGuide::builtin()
        .ok()
        .map(|g| g.look_again.example.trim())
        .filter(|e| !e.is_empty())
        .unwrap_or(FALLBACK_EXAMPLE)
}
