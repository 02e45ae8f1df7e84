//! What a key does to the focused question's answer, for whoever keeps the
//! answers (a stage of the reflection, or a check-in) to store.

use crossterm::event::KeyCode;
use ratatui_textarea::Input;
use time::Date;

use crate::guide::{FieldGuide, FieldKind};
use crate::tui::field::FieldFocus;
use crate::tui::keys::Action;

/// What came of a key on a question.
pub(super) enum FieldEdit {
    /// The editor's text changed (true) or not: the owner writes it back.
    Text(bool),
    /// The rating to store (`None` clears it).
    Rate(Option<u8>),
    /// The checklist option to tick or untick.
    Toggle(String),
}

/// Applies `action` to the focused question. `rating` is the question's
/// rating now, for the keys that move it by one; `width` is the answer's
/// width, for moving by wrapped rows.
pub(super) fn edit_focus(
    focus: &mut FieldFocus,
    field: &FieldGuide,
    action: Action,
    rating: Option<u8>,
    today: Date,
    width: usize,
) -> FieldEdit {
    let rated = field.kind == FieldKind::Rating;
    let changed = match (focus, action) {
        // A multi-line answer moves up and down by the rows it shows.
        (focus, Action::Edit(key))
            if field.kind == FieldKind::Text
                && key.modifiers.is_empty()
                && matches!(key.code, KeyCode::Up | KeyCode::Down) =>
        {
            focus.move_by_rows(key.code == KeyCode::Down, width)
        }
        (focus, Action::Edit(key)) => focus.edit(field.kind, Input::from(key)),
        (focus, Action::Paste(text)) => focus.paste(field.kind, &text),
        (focus, Action::Undo) => focus.undo(),
        (focus, Action::Redo) => focus.redo(),
        (focus, Action::Text(edit)) => focus.command(edit),
        (FieldFocus::Steps(steps), Action::EndDueDate) => {
            steps.end_due_date(today);
            false
        }
        (FieldFocus::Checklist { index }, Action::ChoiceDown) => {
            *index = (*index + 1).min(field.options.len().saturating_sub(1));
            false
        }
        (FieldFocus::Checklist { index }, Action::ChoiceUp) => {
            *index = index.saturating_sub(1);
            false
        }
        (FieldFocus::Checklist { index }, Action::ToggleChoice) => {
            return match field.options.get(*index) {
                Some(option) => FieldEdit::Toggle(option.key.clone()),
                None => FieldEdit::Text(false),
            };
        }
        (_, Action::Rate(value)) if rated && (1..=5).contains(&value) => {
            return FieldEdit::Rate(Some(value));
        }
        (_, Action::RateUp) if rated => {
            return FieldEdit::Rate(Some(rating.map_or(1, |v| (v + 1).min(5))));
        }
        (_, Action::RateDown) if rated => {
            return FieldEdit::Rate(Some(rating.map_or(1, |v| v.saturating_sub(1).max(1))));
        }
        (_, Action::ClearRating) if rated => return FieldEdit::Rate(None),
        (FieldFocus::Steps(steps), Action::StepDown) => {
            steps.down(today);
            false
        }
        (FieldFocus::Steps(steps), Action::StepUp) => {
            steps.up(today);
            false
        }
        (FieldFocus::Steps(steps), Action::NewStep) => steps.new_step(today),
        (FieldFocus::Steps(steps), Action::ToggleDone) => steps.toggle_done(),
        (FieldFocus::Steps(steps), Action::SwitchStepColumn) => {
            steps.switch_column(today);
            false
        }
        (FieldFocus::Steps(steps), Action::DeleteStep) => steps.backspace(today),
        _ => false,
    };
    FieldEdit::Text(changed)
}
