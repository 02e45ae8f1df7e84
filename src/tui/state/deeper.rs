//! Going deeper: a short guide's reflection carried on in the longer guide
//! it belongs to, the same file and every answer where it was.

use std::rc::Rc;

use crate::guide::DEFAULT_NAME;
use crate::guides::Entry;
use crate::reflection::Status;
use crate::tui::field::FieldFocus;
use crate::wizard::Cursor;

use super::{App, GuideSection, Message, View};

impl App {
    /// The guide the open reflection's guide goes deeper in, when it is
    /// walked and can be changed here and that guide is installed.
    pub fn deeper_guide(&self) -> Option<&'static Entry> {
        let session = self.session.as_ref()?;
        if session.view != View::Walk || session.read_only.is_some() {
            return None;
        }
        let name = session.guide.deeper.as_deref()?;
        self.guides
            .named(name)
            .filter(|entry| entry.name != session.reflection.guide)
    }

    /// `D` on a short guide's plan: the reflection follows the longer guide
    /// from now on, and the walk goes on at its first question not yet
    /// answered. Nothing is dropped: the short guide asks only what the
    /// long one asks, under the same keys.
    pub(super) fn go_deeper(&mut self) {
        let Some(entry) = self.deeper_guide() else {
            return;
        };
        let Some(session) = self.session.as_mut() else {
            return;
        };
        session.reflection.follow_guide(&entry.name, &entry.guide);
        // Answers to a question the longer guide renamed since would
        // otherwise not show; they are kept as their own questions.
        let unasked = session.reflection.unasked(&entry.guide);
        let guide = Rc::new(if unasked.is_empty() {
            entry.guide.as_ref().clone()
        } else {
            entry.guide.with_unasked(&unasked)
        });
        let cursor = Cursor::first_unanswered(&session.reflection, &guide);
        session.focus = FieldFocus::at(&session.reflection, &guide, cursor);
        session.guide = guide;
        session.cursor = cursor;
        session.guide_first = GuideSection::Intro;
        session.plan_scroll = 0;
        session.changed();
        // Following a longer guide changes no answer: a completed
        // reflection stays completed.
        if session.reflection.status == Status::Completed {
            session.keep_completed_snapshot();
        }
        let guide_name = if entry.name == DEFAULT_NAME {
            "the full guide".to_string()
        } else {
            let title = entry.guide.title.as_deref().unwrap_or(&entry.name);
            format!(
                "the guide \"{}\"",
                crate::text::fit(&crate::text::printable_line(title.trim()), 30)
            )
        };
        session.message = Some(Message::calm(format!(
            "Continuing in {guide_name}; every answer is where you left it."
        )));
        self.remember_position();
    }
}
