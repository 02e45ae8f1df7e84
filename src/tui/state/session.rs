//! The open reflection: what is being walked or read, what changed, and what
//! it was when last complete.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use time::Date;

use crate::guide::Guide;
use crate::lifecycle;
use crate::outline;
use crate::reflection::{Reflection, Status};
use crate::tui::field::FieldFocus;
use crate::tui::reading_page::{Document, Reading};
use crate::wizard::Cursor;

use super::Message;
use super::checkin::CheckinForm;
use super::writing::WritingPage;

/// How the open reflection is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The stages, one screen each, for editing.
    Walk,
    /// One page to read: the plan, then every answer.
    Reading,
    /// A check-in, one question at a time.
    Checkin,
    /// The private free-writing page.
    Writing,
}

/// Which part of a stage's guidance leads the guide pane; the rest follows
/// as far as it fits, and a key brings each to the front in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideSection {
    /// The stage's intro: what it is for, shown on entering the stage.
    Intro,
    /// The focused question's hint.
    Hint,
    /// The focused question's worked example.
    Example,
}

impl GuideSection {
    /// Each section in turn, then the first again.
    pub fn next(self) -> GuideSection {
        match self {
            GuideSection::Intro => GuideSection::Hint,
            GuideSection::Hint => GuideSection::Example,
            GuideSection::Example => GuideSection::Intro,
        }
    }
}

pub struct Session {
    pub reflection: Reflection,
    /// The guide it is walked with: its own, fitted to its answers.
    pub guide: Rc<Guide>,
    pub view: View,
    /// Where the walk is: a stage and a field in it.
    pub cursor: Cursor,
    /// The editing state of the field under the cursor.
    pub focus: FieldFocus,
    /// Bumped on every change; the loop saves when it moves.
    pub revision: u64,
    /// Something the person wrote or decided changed since the reflection was
    /// last stamped. Moving between questions is saved (resuming returns
    /// there) but is not an edit: "last edited" and the list's order stay.
    pub edited: bool,
    /// What the guide pane leads with: the intro on entering a stage, the
    /// hint once the person moves on to another question.
    pub guide_first: GuideSection,
    /// The first row of the growth plan shown.
    pub plan_scroll: usize,
    pub message: Option<Message>,
    /// Where the reader is on the reading page.
    pub reading: Reading,
    /// Esc from the stages goes back to the reading page it came from.
    pub opened_from_reading: bool,
    /// The reflection as it was when last complete. An edit reopens it; an
    /// edit undone (the answers back as they were) makes it complete again,
    /// with its original date, so one stray key costs nothing.
    pub as_completed: Option<Reflection>,
    /// Why it can be read and exported here but not changed, if it cannot.
    pub read_only: Option<ReadOnly>,
    /// The file changed outside rebound while open: what is typed here is
    /// kept in this copy instead, and the file is left as the other hand made it.
    pub conflict_copy: Option<PathBuf>,
    /// The reading page as last laid out, so scrolling a long reflection
    /// does not lay out every answer again for each key and each frame.
    pub(super) page: PageCache,
    /// The check-in being written, while the view is `Checkin`.
    pub checkin: Option<CheckinForm>,
    /// The free-writing page, while the view is `Writing`.
    pub writing: Option<WritingPage>,
}

/// Why the open reflection is shown to read only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another rebound is writing it, or it could not be claimed: `e` asks
    /// again.
    Unclaimed,
    /// A sync tool's conflict copy, by its file name, and what it is ("A
    /// conflict copy of ... from ..."). It carries the original's id inside,
    /// so anything done by that id (a save, a tick, a claim, the trash)
    /// would land on the original: nothing is, ever.
    ConflictCopy { file: String, what: String },
}

impl Session {
    /// An answer, the title, a tick or the status changed: saved soon, and
    /// stamped as edited.
    pub fn changed(&mut self) {
        self.revision += 1;
        self.edited = true;
    }

    /// The file name of the sync tool's conflict copy open here, if it is one.
    pub fn copy_file(&self) -> Option<&str> {
        match &self.read_only {
            Some(ReadOnly::ConflictCopy { file, .. }) => Some(file),
            _ => None,
        }
    }
}

/// What a laid-out page depends on; the same key, the same page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PageKey {
    pub revision: u64,
    pub updated: time::OffsetDateTime,
    pub today: Date,
    pub width: u16,
    pub selected_step: Option<usize>,
}

/// A memo, not state: drawing stays a function of the state, only faster.
pub(super) type PageCache = RefCell<Option<(PageKey, Rc<Document>)>>;

impl Session {
    /// A completed reflection opens to read, its first open step selected; an
    /// unfinished one opens to walk, at the field where the person stopped.
    pub fn open(mut reflection: Reflection, today: Date) -> Session {
        let resolved = crate::guides::guide_for(&reflection);
        let guide = Rc::new(resolved.guide.into_owned());
        // The version it is walked with now, saved with the next change.
        if !resolved.missing {
            reflection.guide_version = Some(guide.version);
        }
        // Said once on opening: the guide is not gone from the file, and
        // comes back should its file come back.
        let message = resolved.missing.then(|| {
            Message::calm(format!(
                "The guide \"{}\" is not installed, so this opens in the full guide; every answer is kept.",
                crate::text::fit(&reflection.guide, 30)
            ))
        });
        let cursor = Cursor::of(&reflection, &guide);
        let focus = FieldFocus::at(&reflection, &guide, cursor);
        let completed = reflection.status == Status::Completed;
        let steps: Vec<(usize, bool)> = outline::growth_plan(&reflection, &guide, today)
            .steps()
            .map(|s| (s.index, s.item.done))
            .collect();
        let first_open = steps
            .iter()
            .find(|(_, done)| !done)
            .or(steps.first())
            .map(|(i, _)| *i);
        Session {
            as_completed: lifecycle::completed_snapshot(&reflection),
            reflection,
            guide: Rc::clone(&guide),
            view: if completed { View::Reading } else { View::Walk },
            cursor,
            focus,
            revision: 0,
            edited: false,
            guide_first: GuideSection::Intro,
            plan_scroll: 0,
            message,
            reading: Reading {
                scroll: 0,
                selected_step: first_open,
            },
            opened_from_reading: false,
            read_only: None,
            conflict_copy: None,
            page: RefCell::new(None),
            checkin: None,
            writing: None,
        }
    }

    /// A tick or the plan's own rating follows the plan rather than changing
    /// it: a completed reflection stays completed, as it now stands.
    pub(super) fn keep_completed_snapshot(&mut self) {
        if let Some(now) = lifecycle::completed_snapshot(&self.reflection) {
            self.as_completed = Some(now);
        }
    }
}
