//! Everything the TUI shows, and the two ways it changes: `update` turns an
//! action into a new state and at most one effect; `apply` takes what came of
//! an effect. No terminal or file I/O happens here, so every rule, including
//! what a failed save or a lost race does, is unit-tested.
//!
//! The state is split by area: `home` (the list and its search), `session`
//! (an open reflection, walked in `walk` or read in `reading`), `modal` (the
//! one prompt or confirmation on top), `agenda` (every open step, over home),
//! `progress` (how heavy each setback felt, steps done by month, over home),
//! `stories` (the invented stories, listed or one read, over home).
//! `focus` is the one place that decides
//! which of them has the keys; `update`, the key contexts and drawing all ask it.

mod agenda;
mod apply;
mod checkin;
mod chooser;
mod deeper;
mod effect;
mod field_keys;
mod focus;
mod home;
mod look_again;
mod modal;
mod progress;
mod reading;
mod session;
mod stories;
mod walk;
mod writing;

/// Where a scroll key moves a page that is `page` rows tall and stops at
/// `max`: one place for the plan, the reading page and help, so they scroll
/// alike. `None` for a key that does not scroll.
pub(super) fn scrolled(at: usize, action: &Action, page: usize, max: usize) -> Option<usize> {
    let at = at.min(max);
    let to = match action {
        Action::ScrollDown => at + 1,
        Action::ScrollUp => at.saturating_sub(1),
        Action::PageDown => at + page,
        Action::PageUp => at.saturating_sub(page),
        Action::ScrollTop => 0,
        Action::ScrollBottom => max,
        _ => return None,
    };
    Some(to.min(max))
}

#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::rc::Rc;

use time::{Date, OffsetDateTime, UtcOffset};

use crate::dates::Clock;
use crate::guide::{FieldGuide, Guide};
use crate::guides::Catalogue;
use crate::reflection::Reflection;
use crate::search::Corpus;
use crate::stage::Stage;
use crate::store::{Listing, Summary};
use crate::tui::field::{FieldFocus, StepColumn};
use crate::tui::help_page::HelpPage;
use crate::tui::keys::{Action, Context, When};
use crate::tui::reading_page;
use crate::tui::theme::Palette;

pub use agenda::Agenda;
pub use checkin::CheckinForm;
pub use chooser::{GuideChoice, GuideChooser};
pub use effect::{Access, Effect, Outcome, conflict_note, conflict_notice, held_elsewhere};
pub use focus::Focus;
pub use home::{Home, HomeRow, Search};
pub use look_again::example as look_again_example;
pub use modal::{
    ConfirmDelete, ExportPrompt, LookAgainPrompt, Modal, NewReflection, TitlePrompt, TitlePurpose,
};
pub use progress::ProgressView;
pub use session::{GuideSection, ReadOnly, Session, View};
pub use stories::StoriesView;
pub use writing::{WritingPage, words};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tone {
    Calm,
    Warning,
}

/// A short line under the form or plan: a date message, what completion needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

impl Message {
    pub fn calm(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            tone: Tone::Calm,
        }
    }

    pub fn warning(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            tone: Tone::Warning,
        }
    }

    /// Rows it takes in a window this wide: a message too long for one row
    /// (a conflict says what happened, where the person's version is and
    /// what to do) gets a second rather than being cut off.
    pub fn rows(&self, width: u16) -> u16 {
        // One column of inset and a warning's mark.
        if unicode_width::UnicodeWidthStr::width(self.text.as_str()) + 3 > usize::from(width) {
            2
        } else {
            1
        }
    }
}

/// The screen underneath any prompt or help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// Walking the stages of the open reflection (editing).
    Walk,
    /// Reading the open reflection: the plan and every answer on one page.
    Reading,
    /// Every open step of every reflection, over home.
    Agenda,
    /// A check-in on the open reflection.
    Checkin,
    /// How heavy each setback felt over time and steps done by month, over home.
    Progress,
    /// The invented stories, listed or one being read, over home.
    Stories,
    /// The private free-writing page of the open reflection.
    Writing,
}

pub struct App {
    pub guide: &'static Guide,
    /// Every guide there is, to start a reflection in or go deeper into.
    pub guides: &'static Catalogue,
    /// The time as the loop last read it; `update` never reads the clock itself.
    pub now: OffsetDateTime,
    /// The person's calendar at `now`.
    pub clock: Clock,
    /// The window size as the loop last saw it (columns, rows).
    pub size: (u16, u16),
    /// The window is below the minimum size; keys wait until it is larger.
    pub too_small: bool,
    pub home: Home,
    /// The agenda screen, when open over home.
    pub agenda: Option<Agenda>,
    /// The progress screen, when open over home.
    pub progress: Option<ProgressView>,
    /// The stories screen, when open over home.
    pub stories_view: Option<StoriesView>,
    /// The step to show once the reflection opened from the agenda arrives.
    pub opening_step: Option<String>,
    /// A check-in to start once the reflection being opened arrives.
    pub opening_checkin: bool,
    /// The open reflection, walked or read.
    pub session: Option<Session>,
    /// The one prompt or confirmation on top, if any.
    pub modal: Option<Modal>,
    pub help_open: bool,
    /// How far the help's list of keys is scrolled (from the top on opening).
    pub help_scroll: usize,
    /// Colour, or reverse, bold and underline only (`NO_COLOR`).
    pub palette: Palette,
    /// A line for the whole app (a failed save, a file that would not open).
    pub notice: Option<Message>,
    /// Where exports go unless the person types another path.
    pub export_dir: PathBuf,
    /// Keys that came while the window was too small to show anything, kept
    /// for when it is large enough again.
    waiting: Vec<Typed>,
}

/// Keys kept while the window is too small; a paste counts as one.
const MOST_KEYS_KEPT: usize = 10_000;

/// What the person typed, before it means anything: a key means what the
/// screen it reaches says it means, so keys that wait are read when they
/// are let through, on the screen they then reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Key(crossterm::event::KeyEvent),
    Paste(String),
}

impl App {
    pub fn new(guide: &'static Guide, today: Date, offset: UtcOffset) -> App {
        let now = today.midnight().assume_offset(offset);
        App {
            guide,
            guides: Catalogue::get(),
            now,
            clock: Clock::at(now, offset),
            size: (100, 32),
            too_small: false,
            home: Home::default(),
            agenda: None,
            progress: None,
            stories_view: None,
            opening_step: None,
            opening_checkin: false,
            session: None,
            modal: None,
            help_open: false,
            help_scroll: 0,
            palette: Palette::default(),
            notice: None,
            export_dir: PathBuf::from("exports"),
            waiting: Vec::new(),
        }
    }

    /// A key or a paste from the terminal. While the window is too small to
    /// show anything it waits (Ctrl-C and Ctrl-Z still work at once).
    pub fn typed(&mut self, typed: Typed) -> Effect {
        let action = match &typed {
            Typed::Key(key) => crate::tui::keys::action_for(key, &self.contexts()),
            Typed::Paste(text) => Action::Paste(text.clone()),
        };
        if self.too_small && !matches!(action, Action::Quit | Action::Suspend) {
            if self.waiting.len() < MOST_KEYS_KEPT {
                self.waiting.push(typed);
            }
            return Effect::None;
        }
        self.update(action)
    }

    /// The window's size as the loop read it. Keys typed while it was too
    /// small come back, in order, once it is large enough to show them; each
    /// goes through `typed` then, so it is read on the screen it reaches.
    pub fn resize(&mut self, size: (u16, u16), too_small: bool) -> Vec<Typed> {
        self.size = size;
        self.too_small = too_small;
        if too_small {
            Vec::new()
        } else {
            std::mem::take(&mut self.waiting)
        }
    }

    /// The loop read the clock.
    pub fn set_now(&mut self, now: OffsetDateTime) {
        self.now = now;
        self.clock = Clock::at(now, self.clock.offset);
    }

    /// The screen underneath: home unless a reflection is open.
    pub fn screen(&self) -> Screen {
        match &self.session {
            None if self.agenda.is_some() => Screen::Agenda,
            None if self.progress.is_some() => Screen::Progress,
            None if self.stories_view.is_some() => Screen::Stories,
            None => Screen::Home,
            Some(s) => match s.view {
                View::Walk => Screen::Walk,
                View::Reading => Screen::Reading,
                View::Checkin => Screen::Checkin,
                View::Writing => Screen::Writing,
            },
        }
    }

    /// What has the keys: help over everything, then a prompt, then the screen.
    pub fn focus(&self) -> Focus {
        if self.help_open {
            Focus::Help
        } else {
            self.focus_under_help()
        }
    }

    /// What would have the keys if help were closed: what help describes.
    pub fn focus_under_help(&self) -> Focus {
        match &self.modal {
            Some(Modal::ConfirmDelete(_)) => return Focus::Confirm,
            Some(Modal::ChooseGuide(_)) => return Focus::GuideChooser,
            Some(Modal::Title(_)) => return Focus::TitlePrompt,
            Some(Modal::Export(_)) => return Focus::ExportPrompt,
            Some(Modal::LookAgain(_)) => return Focus::LookAgainPrompt,
            None => {}
        }
        match self.screen() {
            Screen::Home if self.home.search.as_ref().is_some_and(|s| s.typing) => Focus::Search,
            Screen::Home => Focus::Home,
            Screen::Agenda => Focus::Agenda,
            Screen::Progress => Focus::Progress,
            Screen::Stories => self.stories_focus(),
            Screen::Reading
                if self
                    .session
                    .as_ref()
                    .is_some_and(|s| s.copy_file().is_some()) =>
            {
                Focus::ReadingCopy
            }
            Screen::Reading => Focus::Reading,
            Screen::Writing => Focus::Writing,
            Screen::Checkin => match self.session.as_ref().and_then(|s| s.checkin.as_ref()) {
                Some(form) if form.on_due_date() => Focus::CheckinDueDate,
                Some(form) => Focus::Checkin(form.field().kind),
                None => Focus::Reading,
            },
            Screen::Walk => {
                let on_plan = self
                    .session
                    .as_ref()
                    .is_some_and(|s| s.cursor.stage == Stage::PLAN);
                let on_due_date = self.session.as_ref().is_some_and(|s| {
                    matches!(&s.focus, FieldFocus::Steps(steps) if steps.column == StepColumn::Due)
                });
                match self.focused_field() {
                    // The plan's one field (how heavy it feels now) is rated
                    // with the plan's own keys.
                    Some(_) if on_due_date && !on_plan => Focus::DueDate,
                    Some(field) if !on_plan => Focus::Field(field.kind),
                    _ if self.deeper_guide().is_some() => Focus::DeeperPlan,
                    _ => Focus::Plan,
                }
            }
        }
    }

    /// The binding contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        self.focus().contexts()
    }

    /// The contexts of the screen itself, whether or not help covers it.
    pub fn contexts_without_help(&self) -> Vec<Context> {
        self.focus_under_help().contexts()
    }

    /// Whether the footer should offer a key now: only what would do something.
    pub fn offers(&self, when: When) -> bool {
        let open = self.session.as_ref();
        match when {
            When::Always => true,
            When::InProgress => {
                open.is_some_and(|s| s.reflection.status != crate::reflection::Status::Completed)
            }
            When::CheckinOffered => match open {
                Some(s) => s.reflection.status == crate::reflection::Status::Completed,
                None => {
                    self.home.checkin_due(self.clock.today).is_some()
                        || self
                            .home
                            .selected_summary()
                            .is_some_and(|s| s.status == crate::reflection::Status::Completed)
                }
            },
            When::RowSelected => self.home.rows.get(self.home.selected).is_some(),
            When::ReflectionSelected => self.home.selected_summary().is_some(),
            When::AnyReflection => !self.home.listing.reflections.is_empty(),
            When::DeletedHere => self.home.last_trashed.is_some(),
            When::OpenSteps => self
                .home
                .listing
                .reflections
                .iter()
                .any(|r| r.steps.iter().any(|s| !s.done())),
            When::StepsListed => self.agenda.as_ref().is_some_and(|a| !a.steps.is_empty()),
            When::StepsToTick => self.reading_document().is_some_and(|d| !d.steps.is_empty()),
        }
    }

    /// The field the cursor is on; `None` on the growth plan or with nothing open.
    pub fn focused_field(&self) -> Option<&FieldGuide> {
        let session = self.session.as_ref()?;
        session
            .guide
            .field(session.cursor.stage, session.cursor.field)
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            _ => {}
        }
        // Nothing is visible, so nothing is edited blind (`typed` keeps what
        // comes from the terminal meanwhile).
        if self.too_small {
            return Effect::None;
        }
        // A calm note (a deletion, an export) is read once, then makes room;
        // warnings stay until what they warn about is resolved.
        if self.notice.as_ref().is_some_and(|n| n.tone == Tone::Calm) {
            self.notice = None;
        }
        if action == Action::ToggleHelp {
            self.help_open = !self.help_open;
            self.help_scroll = 0;
            return Effect::None;
        }
        match self.focus() {
            Focus::Help => {
                self.scroll_help(&action);
                Effect::None
            }
            Focus::Confirm
            | Focus::GuideChooser
            | Focus::TitlePrompt
            | Focus::ExportPrompt
            | Focus::LookAgainPrompt => self.update_modal(action),
            Focus::Search => self.update_search(action),
            Focus::Home => self.update_home(action),
            Focus::Agenda => self.update_agenda(action),
            Focus::Checkin(_) | Focus::CheckinDueDate => self.update_checkin(action),
            Focus::Progress => self.update_progress(action),
            Focus::Stories | Focus::Story => self.update_stories(action),
            Focus::Field(_) | Focus::DueDate | Focus::Plan | Focus::DeeperPlan => {
                self.update_walk(action)
            }
            Focus::Reading | Focus::ReadingCopy => self.update_reading(action),
            Focus::Writing => self.update_writing(action),
        }
    }

    /// Opens a reflection: a completed one to read, with its first open step
    /// selected; an unfinished one at the stage and field where the person
    /// stopped.
    pub fn open_reflection(&mut self, reflection: Reflection) {
        let session = Session::open(reflection, self.clock.today);
        let walking = session.view == View::Walk;
        self.session = Some(session);
        self.modal = None;
        if walking {
            self.remember_position();
        }
    }

    /// Shows the open reflection to read only, with the reason.
    pub fn make_read_only(&mut self, reason: String) {
        if let Some(session) = self.session.as_mut() {
            session.read_only = Some(ReadOnly::Unclaimed);
            session.message = Some(Message::warning(reason));
            session.view = View::Reading;
        }
        // A prompt that would change it has nothing left to change.
        if matches!(self.modal, Some(Modal::Title(_) | Modal::LookAgain(_))) {
            self.modal = None;
        }
    }

    /// Shows the open reflection as the sync tool's conflict copy it is:
    /// to read and export, never to change. What it is heads the page, so
    /// no other message can hide it.
    pub fn make_copy_read_only(&mut self, file: String, what: String) {
        if let Some(session) = self.session.as_mut() {
            session.read_only = Some(ReadOnly::ConflictCopy { file, what });
            session.view = View::Reading;
            // No step is chosen: there is nothing to tick.
            session.reading.selected_step = None;
            session.message = Some(Message::calm(
                "rebound never changes a conflict copy; the README says how to keep one version.",
            ));
        }
        if matches!(self.modal, Some(Modal::Title(_) | Modal::LookAgain(_))) {
            self.modal = None;
        }
    }

    /// Closes the open reflection and shows home.
    pub fn close_reflection(&mut self) -> Option<Reflection> {
        self.modal = None;
        // A copy's words are not its original's: search keeps the original's.
        let reflection = self
            .session
            .take()
            .filter(|s| s.copy_file().is_none())
            .map(|s| s.reflection);
        // Keep search current without reading the file again.
        if let (Some(corpus), Some(r)) = (self.home.corpus.as_mut(), reflection.as_ref()) {
            corpus.insert(
                r.id.clone(),
                crate::search::searchable_text(r, &crate::guides::guide_for(r).guide),
            );
        }
        reflection
    }

    pub fn set_listing(&mut self, listing: Listing) {
        self.home.set_listing(listing);
    }

    pub fn set_corpus(&mut self, corpus: Corpus) {
        self.home.set_corpus(corpus);
    }

    /// The reflection on the selected row.
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.home.selected_summary()
    }

    /// The line under a reflection: a warning for the whole app (a failed
    /// save) first, so a calm "Done" never hides it.
    pub fn message_for<'a>(&'a self, session: &'a Session) -> Option<&'a Message> {
        let warning = self.notice.as_ref().filter(|n| n.tone == Tone::Warning);
        warning
            .or(session.message.as_ref())
            .or(self.notice.as_ref())
    }

    /// The reading page as laid out for the current window. Laid out once
    /// for each version of the reflection, width and chosen step.
    pub fn reading_document(&self) -> Option<Rc<reading_page::Document>> {
        let session = self.session.as_ref()?;
        let (width, _) = reading_page::page_size(self.size);
        let key = session::PageKey {
            revision: session.revision,
            updated: session.reflection.updated,
            today: self.clock.today,
            width,
            selected_step: session.reading.selected_step,
        };
        if let Some((cached, doc)) = session.page.borrow().as_ref()
            && *cached == key
        {
            return Some(Rc::clone(doc));
        }
        let doc = Rc::new(reading_page::document(
            &session.reflection,
            &session.guide,
            self.clock.today,
            width,
            session.reading,
        ));
        *session.page.borrow_mut() = Some((key, Rc::clone(&doc)));
        Some(doc)
    }

    /// The open reflection's revision: it moves with every change to save.
    pub fn revision(&self) -> u64 {
        self.session.as_ref().map_or(0, |s| s.revision)
    }

    /// Scrolling the help's keys, as far as the last key laid out for the
    /// window now.
    fn scroll_help(&mut self, action: &Action) {
        let (width, height) = self.size;
        let page = HelpPage::new(
            &self.contexts_without_help(),
            ratatui::layout::Rect::new(0, 0, width, height),
        );
        let max = page.max_scroll();
        let step = page.key_rows.saturating_sub(1).max(1);
        self.help_scroll =
            scrolled(self.help_scroll, action, step, max).unwrap_or(self.help_scroll);
    }

    /// Stamps the open reflection as edited now, just before it is saved,
    /// when something was edited since the last stamp (not for a move alone).
    pub fn stamp_updated(&mut self) {
        let now = self.now;
        if let Some(session) = self.session.as_mut()
            && session.edited
        {
            session.reflection.touch(now);
            session.edited = false;
        }
    }
}
