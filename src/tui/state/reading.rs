//! The reading page: scrolling, choosing and ticking steps, and the ways out
//! of it (edit, export, delete).

use crate::lifecycle;
use crate::reflection::Status;
use crate::tui::keys::Action;
use crate::tui::reading_page;

use super::{App, Effect, Message, ReadOnly, View, scrolled};

impl App {
    /// Keys on the reading page: scroll, choose and tick steps, edit, export.
    pub(super) fn update_reading(&mut self, action: Action) -> Effect {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return Effect::None;
        };
        let writes = matches!(
            action,
            Action::TickStep
                | Action::EditReflection
                | Action::DeleteSelected
                | Action::SetLookAgain
                | Action::Checkin
                | Action::OpenWriting
        );
        match &session.read_only {
            // The copy holds the original's id: a claim, a tick saved or a
            // trip to the trash by that id would all land on the original.
            Some(ReadOnly::ConflictCopy { .. }) if writes => {
                session.message = Some(Message::calm(copy_is_only_read(&action)));
                return Effect::None;
            }
            Some(ReadOnly::Unclaimed) if writes => return Effect::TakeOver,
            _ => {}
        }
        match action {
            Action::BackHome => return Effect::CloseReflection,
            Action::ScrollDown
            | Action::ScrollUp
            | Action::PageDown
            | Action::PageUp
            | Action::ScrollTop
            | Action::ScrollBottom
            | Action::NextStep
            | Action::PrevStep => self.move_on_page(action),
            Action::TickStep => {
                if let Some(index) = session.reading.selected_step
                    && let Some((what, done)) =
                        lifecycle::tick_step(&mut session.reflection, index, today)
                {
                    session.changed();
                    session.keep_completed_snapshot();
                    session.message = Some(Message::calm(if done {
                        format!("Done: {what}")
                    } else {
                        format!("Not done yet: {what}")
                    }));
                }
            }
            Action::Checkin => {
                self.start_checkin(false);
                return Effect::None;
            }
            Action::EditReflection => {
                session.opened_from_reading = true;
                // Only a completed reflection has completion to keep; an
                // unfinished one read here (it was open in another rebound)
                // simply goes back to its stages.
                session.message = (session.reflection.status == Status::Completed).then(|| {
                    Message::calm(
                        "Editing. It stays complete unless you change an answer; Esc goes back to reading.",
                    )
                });
                session.view = View::Walk;
                self.remember_position();
            }
            Action::OpenWriting => self.open_writing(),
            Action::StartExport => self.open_export_prompt(),
            Action::SetLookAgain => self.open_look_again_prompt(),
            Action::DeleteSelected => {
                let (id, title) = (
                    session.reflection.id.clone(),
                    session.reflection.title.clone(),
                );
                self.ask_to_delete(id, &title);
            }
            _ => {}
        }
        Effect::None
    }

    /// Scrolling and choosing steps on the reading page: only these need the
    /// page laid out, to stop at its end and keep the chosen step in view.
    fn move_on_page(&mut self, action: Action) {
        let Some(doc) = self.reading_document() else {
            return;
        };
        let (_, height) = reading_page::page_size(self.size);
        let page = usize::from(height.saturating_sub(2).max(1));
        let max = doc.max_scroll(height);
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let reading = &mut session.reading;
        match scrolled(reading.scroll, &action, page, max) {
            Some(to) => reading.scroll = to,
            None => {
                let at = doc
                    .steps
                    .iter()
                    .position(|s| Some(s.index) == reading.selected_step);
                let next = match (action, at) {
                    (_, None) => doc.steps.first(),
                    (Action::NextStep, Some(i)) => doc.steps.get((i + 1) % doc.steps.len()),
                    (_, Some(i)) => doc.steps.get((i + doc.steps.len() - 1) % doc.steps.len()),
                };
                if let Some(step) = next {
                    reading.selected_step = Some(step.index);
                    // Keep the step in view, with a line of context.
                    let rows = usize::from(height);
                    if step.line < reading.scroll + 1 {
                        reading.scroll = step.line.saturating_sub(1);
                    } else if step.line + 2 > reading.scroll + rows {
                        reading.scroll = (step.line + 2).saturating_sub(rows);
                    }
                }
            }
        }
        reading.scroll = reading.scroll.min(max);
    }
}

/// Why a key that would change a reflection does nothing on a conflict copy,
/// and what to do instead.
pub(super) fn copy_is_only_read(action: &Action) -> &'static str {
    match action {
        Action::OpenWriting => {
            "Writing goes into the reflection itself, never into a copy. Open the reflection from home to write."
        }
        Action::Checkin => {
            "A check-in is written into the reflection itself, never into a copy. Open the reflection from home to check in."
        }
        Action::DeleteSelected => {
            "rebound never deletes a conflict copy. When you are done with it, remove its file by hand; the README says how."
        }
        _ => {
            "A copy is only read here. To keep its words, type them into the reflection itself, or export this copy (x)."
        }
    }
}
