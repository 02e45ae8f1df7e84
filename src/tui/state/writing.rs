//! The free-writing page: one long text with no questions, kept in the
//! reflection as it is typed, private, and left by Esc for where it was opened.

use ratatui_textarea::CursorMove;

use crate::guide::{FieldGuide, FieldKind};
use crate::reflection::ActionItem;
use crate::tui::answers::Answers;
use crate::tui::field::FieldFocus;
use crate::tui::keys::Action;
use crate::tui::screens::writing_text_size;

use super::field_keys::{FieldEdit, edit_focus};
use super::{App, Effect, View};

/// The page being written on.
pub struct WritingPage {
    pub focus: FieldFocus,
    /// Where it was opened: Esc goes back there.
    pub from: View,
    /// Words written, counted as the text changes so drawing stays cheap.
    pub words: usize,
}

/// The page edits as a multi-line answer does; it has no question of its own.
static FIELD: FieldGuide = FieldGuide {
    key: String::new(),
    kind: FieldKind::Text,
    label: String::new(),
    hint: String::new(),
    example: String::new(),
    options: Vec::new(),
    scale: Vec::new(),
    role: None,
    plan_label: None,
};

/// What the empty page says where the words will go.
const PLACEHOLDER: &str = "Write whatever comes, in any order.";

/// The writing as the one answer the editors read.
struct Written<'a>(&'a str);

impl Answers for Written<'_> {
    fn text(&self, _key: &str) -> &str {
        self.0
    }
    fn list(&self, _key: &str) -> Vec<String> {
        Vec::new()
    }
    fn rating(&self, _key: &str) -> Option<u8> {
        None
    }
    fn actions(&self, _key: &str) -> Vec<ActionItem> {
        Vec::new()
    }
    fn is_answered(&self, _key: &str) -> bool {
        !self.0.is_empty()
    }
}

/// Words as a person counts them: runs of text between spaces.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

impl App {
    /// Opens the writing page over the stage or reading page the person is
    /// on, the cursor after the last word so they go on where they stopped.
    pub(super) fn open_writing(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.read_only.is_some() || session.view == View::Writing {
            return;
        }
        let written = session.reflection.writing();
        let mut focus = FieldFocus::open_from(&Written(written), &FIELD);
        if let FieldFocus::Text(editor) = &mut focus {
            editor.set_placeholder_text(PLACEHOLDER);
            editor.move_cursor(CursorMove::Bottom);
            editor.move_cursor(CursorMove::End);
        }
        session.writing = Some(WritingPage {
            focus,
            from: session.view,
            words: words(written),
        });
        session.view = View::Writing;
        session.message = None;
    }

    /// Keys on the writing page: the text keys of a long answer, and Esc.
    pub(super) fn update_writing(&mut self, action: Action) -> Effect {
        let today = self.clock.today;
        let (width, rows) = writing_text_size(self.size);
        let Some(session) = self.session.as_mut() else {
            return Effect::None;
        };
        let Some(page) = session.writing.as_mut() else {
            session.view = View::Reading;
            return Effect::None;
        };
        if action == Action::BackHome {
            session.view = page.from;
            session.writing = None;
            return Effect::None;
        }
        let width = usize::from(width);
        let FieldEdit::Text(changed) =
            edit_focus(&mut page.focus, &FIELD, action, None, today, width)
        else {
            return Effect::None;
        };
        page.focus.follow_cursor(width, usize::from(rows));
        if changed && let Some(text) = page.focus.answer_text(FieldKind::Text, today) {
            page.words = words(&text);
            session.reflection.set_writing(text);
            session.changed();
            // Writing is not an answer: like a tick, it never reopens a
            // completed reflection, and undoing a later edit keeps it.
            session.keep_completed_snapshot();
        }
        Effect::None
    }
}
