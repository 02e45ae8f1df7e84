//! Everything the TUI shows, and `update`, which turns an action into a new
//! state and at most one effect. No terminal or file I/O happens here.

use std::path::PathBuf;

use ratatui_textarea::{Input, TextArea};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::export::Format;
use crate::guide::{FieldGuide, FieldKind, Guide};
use crate::outline;
use crate::reflection::{Reflection, Status, display_title};
use crate::search::{Corpus, Query};
use crate::store::{Listing, Summary};
use crate::text::clean_paste;
use crate::tui::detail::{self, Reading};
use crate::tui::field::{FieldFocus, one_line_editor};
use crate::tui::keys::{Action, Context};
use crate::wizard::{Cursor, Missing, STEPS_FIELD, Stage, missing_for_completion};

/// What the app loop must do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Create a reflection with this title and open it.
    Create(String),
    /// Load and open the reflection with this id.
    Open(String),
    /// Save the open reflection now, close it and show home.
    CloseReflection,
    /// Try to claim a reflection opened read-only, to edit it.
    TakeOver,
    /// Save, give the terminal back and stop until `fg`.
    Suspend,
    /// Load the text of every reflection's answers, for search.
    LoadSearch,
    /// Move this reflection to the trash.
    Delete(String),
    /// Bring this trashed file back.
    Restore(String),
    /// Write the open reflection to a file; `replace` allows overwriting.
    Export {
        path: String,
        format: Format,
        replace: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    TitlePrompt,
    /// Walking the stages (editing).
    Reflection,
    /// Reading a reflection: the plan and every answer on one page.
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitlePurpose {
    New,
    Rename,
}

/// The search line on the home screen; while `typing`, keys go to it.
pub struct Search {
    pub editor: TextArea<'static>,
    pub typing: bool,
    pub query: Query,
}

/// "Move this reflection to the trash?"
pub struct ConfirmDelete {
    pub id: String,
    pub title: String,
}

pub struct ExportPrompt {
    pub editor: TextArea<'static>,
    pub format: Format,
    /// Set once the person has been told the file exists.
    pub replace: bool,
    pub warning: Option<String>,
}

pub struct TitlePrompt {
    pub editor: TextArea<'static>,
    pub purpose: TitlePurpose,
}

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

pub struct Session {
    pub reflection: Reflection,
    pub cursor: Cursor,
    pub focus: FieldFocus,
    /// Bumped on every change; the loop saves when it moves.
    pub revision: u64,
    pub plan_scroll: u16,
    pub message: Option<Message>,
    /// Where the reader is on the detail page.
    pub reading: Reading,
    /// Esc from the stages goes back to the detail page it came from.
    pub opened_from_detail: bool,
    /// The reflection as it was when last complete. An edit reopens it; an
    /// edit undone (the answers back as they were) makes it complete again,
    /// with its original date, so one stray key costs nothing.
    pub as_completed: Option<Reflection>,
    /// Another rebound is writing this reflection: it can be read and
    /// exported here, not changed.
    pub read_only: bool,
}

pub struct App {
    pub guide: &'static Guide,
    /// The clock as the loop last read it; `update` never reads the clock itself.
    pub now: OffsetDateTime,
    pub today: Date,
    pub offset: UtcOffset,
    pub screen: Screen,
    pub listing: Listing,
    /// The listing's titles in lower case, for search.
    titles_lower: Vec<String>,
    /// The rows the search lets through, as indices into the listing.
    pub visible: Vec<usize>,
    /// For each visible row: matched in its answers rather than its title,
    /// so the list shows the words that matched.
    pub matched_in_answers: Vec<bool>,
    /// The selected row, as an index into `visible`.
    pub selected: usize,
    pub search: Option<Search>,
    /// Every reflection's answer text, loaded when a search starts.
    pub corpus: Option<Corpus>,
    pub confirm: Option<ConfirmDelete>,
    pub export: Option<ExportPrompt>,
    /// Where exports go unless the person types another path.
    pub export_dir: PathBuf,
    /// The trash name of the last reflection deleted, for `u`.
    pub last_trashed: Option<String>,
    /// The window size as the loop last saw it (columns, rows).
    pub size: (u16, u16),
    pub session: Option<Session>,
    pub title_prompt: Option<TitlePrompt>,
    pub help_open: bool,
    /// The window is below the minimum size; keys wait until it is larger.
    pub too_small: bool,
    /// A line for the whole app (a failed save, a file that would not open).
    pub notice: Option<Message>,
}

impl App {
    pub fn new(guide: &'static Guide, today: Date, offset: UtcOffset) -> App {
        App {
            guide,
            now: today.midnight().assume_offset(offset),
            today,
            offset,
            screen: Screen::Home,
            listing: Listing::default(),
            titles_lower: Vec::new(),
            visible: Vec::new(),
            matched_in_answers: Vec::new(),
            selected: 0,
            search: None,
            corpus: None,
            confirm: None,
            export: None,
            export_dir: PathBuf::from("exports"),
            last_trashed: None,
            size: (100, 32),
            session: None,
            title_prompt: None,
            help_open: false,
            too_small: false,
            notice: None,
        }
    }

    /// The binding contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help_open {
            return vec![Context::Help, Context::Global];
        }
        self.contexts_without_help()
    }

    /// The contexts of the screen itself, whether or not help covers it.
    pub fn contexts_without_help(&self) -> Vec<Context> {
        if self.confirm.is_some() {
            return vec![Context::Confirm, Context::Global];
        }
        match self.screen {
            Screen::Home if self.search.as_ref().is_some_and(|s| s.typing) => {
                vec![Context::HomeSearch, Context::Global]
            }
            Screen::Home => vec![Context::Home, Context::Global],
            Screen::Detail if self.export.is_some() => {
                vec![Context::ExportPrompt, Context::Global]
            }
            Screen::Detail => vec![Context::Detail, Context::Global],
            Screen::TitlePrompt => vec![Context::TitlePrompt, Context::Global],
            Screen::Reflection => {
                let Some(session) = &self.session else {
                    return vec![Context::Global];
                };
                if session.cursor.stage == Stage::Plan {
                    return vec![Context::Plan, Context::PlanNav, Context::Global];
                }
                let field_context = match self.focused_field().map(|f| f.kind) {
                    Some(FieldKind::Text | FieldKind::List) => Context::MultiLine,
                    Some(FieldKind::Checklist) => Context::Checklist,
                    Some(FieldKind::Rating) => Context::Rating,
                    Some(FieldKind::Actions) => Context::Steps,
                    _ => Context::SingleLine,
                };
                vec![field_context, Context::StageNav, Context::Global]
            }
        }
    }

    pub fn focused_field(&self) -> Option<&'static FieldGuide> {
        let session = self.session.as_ref()?;
        self.guide.field(session.cursor.stage, session.cursor.field)
    }

    pub fn open_title_prompt(&mut self, purpose: TitlePurpose) {
        let current = match (purpose, &self.session) {
            (TitlePurpose::Rename, Some(s)) => s.reflection.title.clone(),
            _ => String::new(),
        };
        let mut editor = one_line_editor(current);
        editor.set_placeholder_text("e.g. The launch that slipped");
        self.title_prompt = Some(TitlePrompt { editor, purpose });
        self.screen = Screen::TitlePrompt;
    }

    /// Opens a reflection: a completed one to read, with its first open step
    /// selected; an unfinished one at the stage and field where the person
    /// stopped.
    pub fn open_reflection(&mut self, reflection: Reflection) {
        let cursor = Cursor::of(&reflection, self.guide);
        let focus = self.focus_for(&reflection, cursor);
        let completed = reflection.status == Status::Completed;
        let as_completed = completed.then(|| reflection.clone());
        let steps: Vec<(usize, bool)> = outline::growth_plan(&reflection, self.guide, self.today)
            .steps()
            .map(|s| (s.index, s.item.done))
            .collect();
        let first_open = steps
            .iter()
            .find(|(_, done)| !done)
            .or(steps.first())
            .map(|(i, _)| *i);
        self.session = Some(Session {
            reflection,
            cursor,
            focus,
            revision: 0,
            plan_scroll: 0,
            message: None,
            reading: Reading {
                scroll: 0,
                selected_step: first_open,
            },
            opened_from_detail: false,
            as_completed,
            read_only: false,
        });
        self.title_prompt = None;
        self.export = None;
        if completed {
            self.screen = Screen::Detail;
        } else {
            self.screen = Screen::Reflection;
            self.remember_position();
        }
    }

    /// On the way out, a title typed in the prompt but not confirmed is not
    /// dropped: a new title is applied to the open reflection, and a title for
    /// a new reflection is returned so the loop can create it.
    pub fn settle_title_prompt(&mut self) -> Option<String> {
        let prompt = self.title_prompt.take()?;
        let title = prompt.editor.lines().join(" ").trim().to_string();
        if title.is_empty() {
            return None;
        }
        match prompt.purpose {
            TitlePurpose::New => Some(title),
            TitlePurpose::Rename => {
                if let Some(session) = self.session.as_mut()
                    && session.reflection.title != title
                    && !session.read_only
                {
                    session.reflection.title = title;
                    session.revision += 1;
                }
                None
            }
        }
    }

    /// Shows the open reflection to read only, with the reason.
    pub fn make_read_only(&mut self, reason: String) {
        if let Some(session) = self.session.as_mut() {
            session.read_only = true;
            session.message = Some(Message {
                text: reason,
                tone: Tone::Warning,
            });
            self.screen = Screen::Detail;
        }
    }

    pub fn close_reflection(&mut self) -> Option<Reflection> {
        self.screen = Screen::Home;
        self.export = None;
        let reflection = self.session.take().map(|s| s.reflection);
        // Keep search current without reading the file again.
        if let (Some(corpus), Some(r)) = (self.corpus.as_mut(), reflection.as_ref()) {
            corpus.insert(r.id.clone(), crate::search::searchable_text(r, self.guide));
        }
        reflection
    }

    pub fn set_listing(&mut self, listing: Listing) {
        self.titles_lower = listing
            .reflections
            .iter()
            .map(|s| s.title.to_lowercase())
            .collect();
        self.listing = listing;
        self.refilter();
    }

    pub fn set_corpus(&mut self, corpus: Corpus) {
        self.corpus = Some(corpus);
        self.refilter();
    }

    /// The reflection on the selected row.
    pub fn selected_summary(&self) -> Option<&Summary> {
        let i = *self.visible.get(self.selected)?;
        self.listing.reflections.get(i)
    }

    pub fn select_id(&mut self, id: &str) {
        if let Some(row) = self
            .visible
            .iter()
            .position(|&i| self.listing.reflections.get(i).is_some_and(|s| s.id == id))
        {
            self.selected = row;
        }
    }

    /// The line under a reflection: a warning for the whole app (a failed
    /// save) first, so a calm "Done" never hides it.
    pub fn message_for<'a>(&'a self, session: &'a Session) -> Option<&'a Message> {
        let warning = self.notice.as_ref().filter(|n| n.tone == Tone::Warning);
        warning
            .or(session.message.as_ref())
            .or(self.notice.as_ref())
    }

    /// A listed reflection's title in lower case, as search sees it.
    pub fn title_lower(&self, index: usize) -> &str {
        self.titles_lower.get(index).map_or("", String::as_str)
    }

    /// The active search, if it has words in it.
    pub fn query(&self) -> Option<&Query> {
        self.search
            .as_ref()
            .map(|s| &s.query)
            .filter(|q| !q.is_empty())
    }

    /// Narrows the list to what the search matches.
    fn refilter(&mut self) {
        let all = 0..self.listing.reflections.len();
        let (visible, in_answers) = match self.query() {
            None => (all.collect(), Vec::new()),
            Some(query) => all
                .filter_map(|i| {
                    let s = &self.listing.reflections[i];
                    let answers = self.corpus.as_ref().map_or("", |c| c.lower(&s.id));
                    query
                        .matches(&self.titles_lower[i], answers)
                        .map(|hit| (i, !hit.title_only))
                })
                .unzip(),
        };
        self.visible = visible;
        self.matched_in_answers = in_answers;
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// The detail page as laid out for the current window.
    pub fn detail_document(&self) -> Option<detail::Document> {
        let session = self.session.as_ref()?;
        let (width, _) = detail::page_size(self.size);
        Some(detail::document(
            &session.reflection,
            self.guide,
            self.today,
            width,
            session.reading,
        ))
    }

    fn default_export_path(&self, format: Format) -> String {
        let id = self
            .session
            .as_ref()
            .map_or("reflection", |s| s.reflection.id.as_str());
        self.export_dir
            .join(format!("{id}.{}", format.extension()))
            .display()
            .to_string()
    }

    fn focus_for(&self, reflection: &Reflection, cursor: Cursor) -> FieldFocus {
        match self.guide.field(cursor.stage, cursor.field) {
            Some(field) => FieldFocus::open(reflection, cursor.stage, field),
            None => FieldFocus::Rating,
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if action == Action::Quit {
            return Effect::Quit;
        }
        if action == Action::Suspend {
            return Effect::Suspend;
        }
        // Nothing is visible, so nothing is edited blind.
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
            return Effect::None;
        }
        if self.help_open {
            return Effect::None;
        }
        if self.confirm.is_some() {
            return self.update_confirm(action);
        }
        match self.screen {
            Screen::Home if self.search.as_ref().is_some_and(|s| s.typing) => {
                self.update_search(action)
            }
            Screen::Home => self.update_home(action),
            Screen::TitlePrompt => self.update_title(action),
            Screen::Reflection => self.update_reflection(action),
            Screen::Detail if self.export.is_some() => self.update_export(action),
            Screen::Detail => self.update_detail(action),
        }
    }

    fn update_confirm(&mut self, action: Action) -> Effect {
        match action {
            Action::ConfirmYes => match self.confirm.take() {
                Some(confirm) => Effect::Delete(confirm.id),
                None => Effect::None,
            },
            Action::ConfirmNo => {
                self.confirm = None;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn ask_to_delete(&mut self, id: String, title: &str) {
        let title = display_title(title).to_string();
        self.confirm = Some(ConfirmDelete { id, title });
    }

    /// Keys while the search line has focus: typing narrows the list.
    fn update_search(&mut self, action: Action) -> Effect {
        let Some(search) = self.search.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::ClearSearch => return self.update_home(Action::ClearSearch),
            Action::OpenSelected => {
                search.typing = false;
                return self.update_home(Action::OpenSelected);
            }
            Action::SelectNext | Action::SelectPrev => return self.update_home(action),
            Action::Edit(key) => {
                let input = Input::from(key);
                if input.key != ratatui_textarea::Key::Enter {
                    search.editor.input(input);
                }
            }
            Action::Paste(text) => {
                search.editor.insert_str(clean_paste(&text, false));
            }
            _ => return Effect::None,
        }
        let text = search.editor.lines().join(" ");
        let query = Query::parse(&text);
        if query != search.query {
            search.query = query;
            self.selected = 0;
            self.refilter();
        }
        Effect::None
    }

    fn update_home(&mut self, action: Action) -> Effect {
        let count = self.visible.len();
        match action {
            Action::NewReflection => {
                self.open_title_prompt(TitlePurpose::New);
                Effect::None
            }
            Action::OpenSelected => match self.selected_summary() {
                Some(s) => Effect::Open(s.id.clone()),
                None => Effect::None,
            },
            Action::StartSearch if !self.listing.reflections.is_empty() => {
                let search = self.search.get_or_insert_with(|| {
                    let mut editor = one_line_editor(String::new());
                    editor.set_placeholder_text("words from a title or an answer");
                    Search {
                        editor,
                        typing: true,
                        query: Query::default(),
                    }
                });
                search.typing = true;
                if self.corpus.is_none() {
                    Effect::LoadSearch
                } else {
                    Effect::None
                }
            }
            Action::ClearSearch => {
                let selected = self.selected_summary().map(|s| s.id.clone());
                self.search = None;
                // Loaded again for the next search, so it sees any hand edits.
                self.corpus = None;
                self.refilter();
                if let Some(id) = selected {
                    self.select_id(&id);
                }
                Effect::None
            }
            Action::DeleteSelected => {
                if let Some(s) = self.selected_summary() {
                    let (id, title) = (s.id.clone(), s.title.clone());
                    self.ask_to_delete(id, &title);
                }
                Effect::None
            }
            Action::UndoDelete => match self.last_trashed.take() {
                Some(name) => Effect::Restore(name),
                None => {
                    self.notice = Some(Message {
                        text: "Nothing deleted here to bring back (`rebound restore` lists the trash)."
                            .into(),
                        tone: Tone::Calm,
                    });
                    Effect::None
                }
            },
            Action::SelectNext if count > 0 => {
                self.selected = (self.selected + 1).min(count - 1);
                Effect::None
            }
            Action::SelectPrev => {
                self.selected = self.selected.saturating_sub(1);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn update_title(&mut self, action: Action) -> Effect {
        let Some(prompt) = self.title_prompt.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        match action {
            Action::ConfirmTitle => {
                let title = prompt.editor.lines().join(" ").trim().to_string();
                let purpose = prompt.purpose;
                self.title_prompt = None;
                match purpose {
                    TitlePurpose::New => Effect::Create(title),
                    TitlePurpose::Rename => {
                        self.screen = Screen::Reflection;
                        if let Some(session) = self.session.as_mut()
                            && session.reflection.title != title
                        {
                            session.reflection.title = title;
                            session.revision += 1;
                        }
                        Effect::None
                    }
                }
            }
            Action::CancelTitle => {
                self.screen = match prompt.purpose {
                    TitlePurpose::New => Screen::Home,
                    TitlePurpose::Rename => Screen::Reflection,
                };
                self.title_prompt = None;
                Effect::None
            }
            Action::Edit(key) => {
                let input = Input::from(key);
                if input.key != ratatui_textarea::Key::Enter {
                    prompt.editor.input(input);
                }
                Effect::None
            }
            Action::Paste(text) => {
                prompt.editor.insert_str(clean_paste(&text, false));
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn update_reflection(&mut self, action: Action) -> Effect {
        let guide = self.guide;
        let today = self.today;
        let Some(session) = self.session.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        let stage = session.cursor.stage;
        let field = guide.field(stage, session.cursor.field);
        match action {
            Action::BackHome => {
                self.leave_field();
                if let Some(session) = self.session.as_mut()
                    && session.opened_from_detail
                    && session.reflection.status == Status::Completed
                {
                    session.opened_from_detail = false;
                    session.message = None;
                    self.screen = Screen::Detail;
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
                if let Some(to) = session.cursor.next_stage() {
                    self.move_to(to);
                }
            }
            Action::PrevStage => {
                if let Some(to) = session.cursor.prev_stage() {
                    self.move_to(to);
                }
            }
            Action::EditTitle => self.open_title_prompt(TitlePurpose::Rename),
            Action::MarkComplete => self.mark_complete(),
            Action::ScrollDown => session.plan_scroll = session.plan_scroll.saturating_add(3),
            Action::ScrollUp => session.plan_scroll = session.plan_scroll.saturating_sub(3),
            action => {
                let Some(field) = field else {
                    return Effect::None;
                };
                // A digit a rating cannot take gets a word, not silence.
                if field.kind == FieldKind::Rating
                    && let Action::Edit(key) = &action
                    && let crossterm::event::KeyCode::Char(c @ '6'..='9') = key.code
                {
                    session.message = Some(Message {
                        text: format!("{c} is off the scale: ratings go from 1 to 5."),
                        tone: Tone::Warning,
                    });
                    return Effect::None;
                }
                let before = session.reflection.answer(stage, &field.key).cloned();
                let ticks_only = action == Action::ToggleDone;
                if edit_field(session, field, action, today) {
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
                if session.reflection.answer(stage, &field.key) != before.as_ref() {
                    session.revision += 1;
                    if session
                        .message
                        .as_ref()
                        .is_some_and(|m| m.tone == Tone::Warning)
                    {
                        session.message = None;
                    }
                    if ticks_only || stage == Stage::Plan {
                        keep_completed_snapshot(session);
                    } else {
                        self.follow_completion();
                    }
                }
            }
        }
        Effect::None
    }

    /// Keys on the detail page: scroll, choose and tick steps, edit, export.
    fn update_detail(&mut self, action: Action) -> Effect {
        let Some(session) = self.session.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        if session.read_only
            && matches!(
                action,
                Action::TickStep | Action::EditReflection | Action::DeleteSelected
            )
        {
            return Effect::TakeOver;
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
                if let Some(index) = session.reading.selected_step {
                    tick_step(session, index);
                }
            }
            Action::EditReflection => {
                session.opened_from_detail = true;
                session.message = Some(Message {
                    text: "Editing. It stays complete unless you change an answer; Esc goes back to reading."
                        .into(),
                    tone: Tone::Calm,
                });
                self.screen = Screen::Reflection;
                self.remember_position();
            }
            Action::StartExport => {
                session.message = None;
                let path = self.default_export_path(Format::Markdown);
                self.export = Some(ExportPrompt {
                    editor: one_line_editor(path),
                    format: Format::Markdown,
                    replace: false,
                    warning: None,
                });
            }
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

    /// Scrolling and choosing steps on the detail page: only these need the
    /// page laid out, to stop at its end and keep the chosen step in view.
    fn move_on_page(&mut self, action: Action) {
        let Some(doc) = self.detail_document() else {
            return;
        };
        let (_, height) = detail::page_size(self.size);
        let page = usize::from(height.saturating_sub(2).max(1));
        let max = doc.max_scroll(height);
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let reading = &mut session.reading;
        match action {
            Action::ScrollDown => reading.scroll += 1,
            Action::ScrollUp => reading.scroll = reading.scroll.saturating_sub(1),
            Action::PageDown => reading.scroll += page,
            Action::PageUp => reading.scroll = reading.scroll.saturating_sub(page),
            Action::ScrollTop => reading.scroll = 0,
            Action::ScrollBottom => reading.scroll = max,
            _ => {
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

    /// Keys in the export prompt: a path to edit and a format to choose.
    fn update_export(&mut self, action: Action) -> Effect {
        let Some(prompt) = self.export.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::CancelExport => self.export = None,
            Action::ConfirmExport => {
                let path = prompt.editor.lines().join("").trim().to_string();
                if path.is_empty() {
                    prompt.warning = Some("Type a file name to write to.".into());
                    return Effect::None;
                }
                // As on the command line, a file name that names a format wins.
                return Effect::Export {
                    format: Format::from_path(&path).unwrap_or(prompt.format),
                    path,
                    replace: prompt.replace,
                };
            }
            Action::NextFormat => {
                let at = Format::ALL
                    .iter()
                    .position(|f| *f == prompt.format)
                    .unwrap_or(0);
                let next = Format::ALL[(at + 1) % Format::ALL.len()];
                // A path that ends in the old extension follows the format.
                let path = prompt.editor.lines().join("");
                let old = format!(".{}", prompt.format.extension());
                if let Some(stem) = path.strip_suffix(&old) {
                    prompt.editor = one_line_editor(format!("{stem}.{}", next.extension()));
                }
                prompt.format = next;
                prompt.replace = false;
                prompt.warning = None;
            }
            Action::Edit(key) => {
                let input = Input::from(key);
                if input.key != ratatui_textarea::Key::Enter && prompt.editor.input(input) {
                    prompt.replace = false;
                    prompt.warning = None;
                }
            }
            Action::Paste(text) => {
                prompt.editor.insert_str(clean_paste(&text, false));
                prompt.replace = false;
            }
            _ => {}
        }
        Effect::None
    }

    /// Completion asks for what the plan needs and says exactly what is missing.
    fn mark_complete(&mut self) {
        let now = self.now;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let missing = missing_for_completion(&session.reflection);
        if missing.is_empty() {
            let text = if session.reflection.status == Status::Completed {
                "Already complete."
            } else {
                session.reflection.status = Status::Completed;
                session.reflection.completed = Some(now);
                session.revision += 1;
                session.as_completed = Some(session.reflection.clone());
                "Marked complete. It stays in your list; Esc goes home."
            };
            session.message = Some(Message {
                text: text.into(),
                tone: Tone::Calm,
            });
        } else {
            let list: Vec<String> = missing
                .iter()
                .map(|m| match m {
                    Missing::Title => format!("{} (press t)", m.describe()),
                    Missing::GoalOrStep => m.describe().to_string(),
                })
                .collect();
            session.message = Some(Message {
                text: format!("To mark it complete, add {}.", list.join(" and ")),
                tone: Tone::Warning,
            });
        }
    }

    /// Changing a completed reflection's answers makes it a work in progress
    /// again; changing them back makes it complete again.
    fn follow_completion(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let r = &mut session.reflection;
        let original = session.as_completed.as_ref();
        let (status, completed, text) = if let Some(original) =
            original.filter(|o| r.same_answers(o))
        {
            (
                Status::Completed,
                original.completed,
                "Back as it was, so it is complete again.",
            )
        } else {
            (
                Status::InProgress,
                None,
                "Changed, so this reflection is in progress again; mark it complete on the growth plan.",
            )
        };
        if r.status != status {
            r.status = status;
            r.completed = completed;
            session.message = Some(Message {
                text: text.into(),
                tone: Tone::Calm,
            });
        }
    }

    /// As focus leaves a field, a date phrase on screen becomes its date (the
    /// reflection already holds the date, so nothing is written here).
    fn leave_field(&mut self) {
        let guide = self.guide;
        let today = self.today;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Some(field) = guide.field(session.cursor.stage, session.cursor.field) {
            session.focus.normalise_dates(field.kind, today);
        }
    }

    fn move_to(&mut self, to: Cursor) {
        self.leave_field();
        let Some(session) = self.session.as_ref() else {
            return;
        };
        if to == session.cursor {
            return;
        }
        let focus = self.focus_for(&session.reflection, to);
        if let Some(session) = self.session.as_mut() {
            session.cursor = to;
            session.focus = focus;
            session.message = None;
            session.plan_scroll = 0;
        }
        self.remember_position();
    }

    /// Stores the cursor in the reflection so resuming returns here.
    fn remember_position(&mut self) {
        let guide = self.guide;
        let Some(session) = self.session.as_mut() else {
            return;
        };
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

/// Ticking steps and the plan's own rating follow the plan rather than
/// change it: a completed reflection stays completed, as it now stands.
fn keep_completed_snapshot(session: &mut Session) {
    if session.reflection.status == Status::Completed {
        session.as_completed = Some(session.reflection.clone());
    }
}

/// Ticks a step done (or not done) from the detail page. Ticking follows the
/// plan rather than changing it, so a completed reflection stays completed,
/// and only the step's done mark is touched.
fn tick_step(session: &mut Session, index: usize) {
    let Some(step) = session
        .reflection
        .actions(Stage::Goals, STEPS_FIELD)
        .into_iter()
        .nth(index)
    else {
        return;
    };
    let done = !step.done;
    if !session
        .reflection
        .set_step_done(Stage::Goals, STEPS_FIELD, index, done)
    {
        return;
    }
    let what = step.text.trim();
    session.revision += 1;
    keep_completed_snapshot(session);
    session.message = Some(Message {
        text: if done {
            format!("Done: {what}")
        } else {
            format!("Not done yet: {what}")
        },
        tone: Tone::Calm,
    });
}

/// Applies a field-level action; true when the focused editor changed and must
/// be written to the reflection (ticks and ratings change it directly).
fn edit_field(session: &mut Session, field: &FieldGuide, action: Action, today: Date) -> bool {
    let stage = session.cursor.stage;
    let reflection = &mut session.reflection;
    match (&mut session.focus, action) {
        (focus, Action::Edit(key)) => focus.edit(field.kind, Input::from(key)),
        (focus, Action::Paste(text)) => focus.paste(field.kind, &text),
        (focus, Action::Undo) => focus.undo(),
        (focus, Action::Redo) => focus.redo(),
        (FieldFocus::Checklist { index }, Action::ChoiceDown) => {
            *index = (*index + 1).min(field.options.len().saturating_sub(1));
            false
        }
        (FieldFocus::Checklist { index }, Action::ChoiceUp) => {
            *index = index.saturating_sub(1);
            false
        }
        (FieldFocus::Checklist { index }, Action::ToggleChoice) => {
            if let Some(option) = field.options.get(*index) {
                reflection.toggle_check(stage, &field.key, &option.key);
            }
            false
        }
        (_, Action::Rate(value)) if field.kind == FieldKind::Rating && (1..=5).contains(&value) => {
            reflection.set_rating(stage, &field.key, Some(value));
            false
        }
        (_, Action::RateUp) if field.kind == FieldKind::Rating => {
            let next = reflection
                .rating(stage, &field.key)
                .map_or(1, |v| (v + 1).min(5));
            reflection.set_rating(stage, &field.key, Some(next));
            false
        }
        (_, Action::RateDown) if field.kind == FieldKind::Rating => {
            let next = reflection
                .rating(stage, &field.key)
                .map_or(1, |v| v.saturating_sub(1).max(1));
            reflection.set_rating(stage, &field.key, Some(next));
            false
        }
        (_, Action::ClearRating) if field.kind == FieldKind::Rating => {
            reflection.set_rating(stage, &field.key, None);
            false
        }
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use time::macros::date;

    fn app_with_open_reflection() -> App {
        let guide = Guide::builtin().expect("guide");
        let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
        app.open_reflection(sample_reflection());
        app
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Edit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    fn session(app: &App) -> &Session {
        app.session.as_ref().expect("a reflection is open")
    }

    #[test]
    fn typing_reaches_the_reflection_and_bumps_the_revision() {
        let mut app = app_with_open_reflection();
        let before = session(&app).revision;
        type_text(&mut app, "It was meant to ship in May");
        let s = session(&app);
        assert!(s.revision > before);
        assert_eq!(
            s.reflection.text(Stage::Perspective, "expected"),
            "It was meant to ship in May"
        );
    }

    #[test]
    fn moving_records_the_position_for_resume() {
        let mut app = app_with_open_reflection();
        app.update(Action::NextField);
        app.update(Action::NextField);
        let s = session(&app);
        assert_eq!(s.reflection.position.stage, "perspective");
        assert_eq!(s.reflection.position.field, "lesson");
        app.update(Action::NextStage);
        assert_eq!(session(&app).reflection.position.stage, "deconstruct");
    }

    #[test]
    fn nothing_blocks_moving_forward_through_empty_stages() {
        let mut app = app_with_open_reflection();
        for _ in 0..100 {
            app.update(Action::NextField);
        }
        assert_eq!(session(&app).cursor.stage, Stage::Plan);
        assert_eq!(app.contexts()[0], Context::Plan);
    }

    #[test]
    fn marking_complete_says_what_is_missing_then_succeeds() {
        let mut app = app_with_open_reflection();
        app.update(Action::NextStage);
        app.update(Action::NextStage);
        app.update(Action::NextStage);
        type_text(&mut app, "Lead a launch end to end");
        for _ in 0..10 {
            app.update(Action::NextStage);
        }
        if let Some(s) = app.session.as_mut() {
            s.reflection.title.clear();
        }
        app.update(Action::MarkComplete);
        let message = session(&app).message.clone().expect("a message");
        assert_eq!(message.tone, Tone::Warning);
        assert!(message.text.contains("a title"), "{}", message.text);
        assert!(!message.text.contains("goal"), "{}", message.text);

        app.update(Action::EditTitle);
        type_text(&mut app, "The launch that slipped");
        app.update(Action::ConfirmTitle);
        app.update(Action::MarkComplete);
        assert_eq!(session(&app).reflection.status, Status::Completed);
    }

    #[test]
    fn ratings_and_checklists_change_with_their_keys() {
        let mut app = app_with_open_reflection();
        app.update(Action::PrevStage);
        for _ in 0..5 {
            app.update(Action::NextField);
        }
        assert_eq!(
            app.focused_field().map(|f| f.key.as_str()),
            Some("weight_today")
        );
        app.update(Action::Rate(4));
        app.update(Action::RateUp);
        assert_eq!(
            session(&app)
                .reflection
                .rating(Stage::Perspective, "weight_today"),
            Some(5)
        );
        app.update(Action::NextField);
        app.update(Action::ChoiceDown);
        app.update(Action::ToggleChoice);
        assert_eq!(
            session(&app).reflection.list(Stage::Deconstruct, "causes"),
            ["decision"]
        );
    }

    #[test]
    fn escape_leaves_the_reflection_for_home() {
        let mut app = app_with_open_reflection();
        assert_eq!(app.update(Action::BackHome), Effect::CloseReflection);
    }

    #[test]
    fn a_new_title_is_asked_for_and_created() {
        let guide = Guide::builtin().expect("guide");
        let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
        app.update(Action::NewReflection);
        assert_eq!(app.screen, Screen::TitlePrompt);
        type_text(&mut app, "Laid off");
        assert_eq!(
            app.update(Action::ConfirmTitle),
            Effect::Create("Laid off".into())
        );
    }

    #[test]
    fn looking_around_a_completed_reflection_keeps_it_completed_and_editing_says_so() {
        let mut app = app_with_open_reflection();
        if let Some(s) = app.session.as_mut() {
            s.reflection.status = Status::Completed;
        }
        for _ in 0..3 {
            app.update(Action::NextStage);
        }
        app.update(Action::NextField);
        let before = session(&app).revision;
        app.update(Action::SwitchStepColumn);
        app.update(Action::StepDown);
        app.update(Action::ClearRating);
        assert_eq!(session(&app).revision, before, "no change, no save");
        assert_eq!(session(&app).reflection.status, Status::Completed);

        type_text(&mut app, "Book the course");
        assert_eq!(session(&app).reflection.status, Status::InProgress);
        let message = session(&app).message.clone().expect("the person is told");
        assert!(
            message.text.contains("in progress again"),
            "{}",
            message.text
        );
    }

    #[test]
    fn keys_wait_while_the_window_is_too_small_but_ctrl_c_still_quits() {
        let mut app = app_with_open_reflection();
        app.too_small = true;
        type_text(&mut app, "typed blind");
        app.update(Action::NextField);
        assert_eq!(
            session(&app)
                .reflection
                .text(Stage::Perspective, "expected"),
            ""
        );
        assert_eq!(session(&app).cursor.field, 0);
        assert_eq!(app.update(Action::Quit), Effect::Quit);
    }

    #[test]
    fn a_date_phrase_is_stored_as_its_date_even_if_the_person_quits_in_the_field() {
        let mut app = app_with_open_reflection();
        for _ in 0..6 {
            app.update(Action::NextStage);
        }
        for _ in 0..6 {
            app.update(Action::NextField);
        }
        assert_eq!(
            app.focused_field().map(|f| f.key.as_str()),
            Some("first_step_date")
        );
        type_text(&mut app, "+2w");
        assert_eq!(app.update(Action::Quit), Effect::Quit);
        assert_eq!(
            session(&app)
                .reflection
                .text(Stage::Risk, "first_step_date"),
            "2026-12-13"
        );
    }

    #[test]
    fn ticks_are_kept_in_the_order_of_the_options() {
        let mut app = app_with_open_reflection();
        app.update(Action::NextStage);
        app.update(Action::ChoiceDown);
        app.update(Action::ChoiceDown);
        app.update(Action::ToggleChoice);
        app.update(Action::ChoiceUp);
        app.update(Action::ChoiceUp);
        app.update(Action::ToggleChoice);
        assert_eq!(
            session(&app).reflection.list(Stage::Deconstruct, "causes"),
            ["skills", "external"]
        );
    }

    fn completed_app() -> App {
        use crate::reflection::ActionItem;
        let guide = Guide::builtin().expect("guide");
        let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
        let mut r = sample_reflection();
        let step = |text: &str, due: &str, done| ActionItem {
            text: text.into(),
            due: due.into(),
            done,
            ..Default::default()
        };
        r.set_actions(
            Stage::Goals,
            STEPS_FIELD,
            vec![
                step("Interview five clinic managers", "2026-12-13", false),
                step("Take the pricing course", "2026-12-01", true),
                step("Write a checklist", "", false),
            ],
        );
        for i in 0..40 {
            r.set_list(
                Stage::Network,
                "communities",
                (0..=i).map(|n| format!("Community {n}")).collect(),
            );
        }
        r.status = Status::Completed;
        r.position.stage = "plan".into();
        app.open_reflection(r);
        app
    }

    #[test]
    fn a_completed_reflection_opens_to_read_with_its_first_open_step_selected() {
        let app = completed_app();
        assert_eq!(app.screen, Screen::Detail);
        // In date order the done course comes first; the interview is the
        // first step still open.
        assert_eq!(session(&app).reading.selected_step, Some(0));
        assert_eq!(app.contexts()[0], Context::Detail);
    }

    #[test]
    fn ticking_a_step_while_reading_saves_it_and_keeps_the_reflection_complete() {
        let mut app = completed_app();
        let before = session(&app).revision;
        app.update(Action::TickStep);
        let s = session(&app);
        assert!(s.reflection.actions(Stage::Goals, STEPS_FIELD)[0].done);
        assert!(s.revision > before, "the loop will save it");
        assert_eq!(s.reflection.status, Status::Completed);
        assert!(
            s.message
                .as_ref()
                .is_some_and(|m| m.text.starts_with("Done:"))
        );
        app.update(Action::TickStep);
        assert!(!session(&app).reflection.actions(Stage::Goals, STEPS_FIELD)[0].done);
    }

    #[test]
    fn tab_walks_the_steps_in_plan_order_and_wraps() {
        let mut app = completed_app();
        let mut seen = Vec::new();
        for _ in 0..4 {
            app.update(Action::NextStep);
            seen.push(session(&app).reading.selected_step);
        }
        assert_eq!(seen, [Some(2), Some(1), Some(0), Some(2)]);
        app.update(Action::PrevStep);
        assert_eq!(session(&app).reading.selected_step, Some(0));
    }

    #[test]
    fn scrolling_the_detail_page_stops_at_its_end() {
        let mut app = completed_app();
        app.update(Action::ScrollBottom);
        let bottom = session(&app).reading.scroll;
        assert!(bottom > 0);
        for _ in 0..50 {
            app.update(Action::PageDown);
            app.update(Action::ScrollDown);
        }
        assert_eq!(session(&app).reading.scroll, bottom);
        app.update(Action::PageUp);
        assert!(session(&app).reading.scroll < bottom);
        app.update(Action::ScrollTop);
        assert_eq!(session(&app).reading.scroll, 0);
        // A step far down the page is scrolled into view when chosen.
        app.update(Action::ScrollBottom);
        app.update(Action::NextStep);
        let doc = app.detail_document().expect("a page");
        let line = doc
            .steps
            .iter()
            .find(|s| Some(s.index) == session(&app).reading.selected_step)
            .expect("selected")
            .line;
        assert!(line >= session(&app).reading.scroll);
    }

    #[test]
    fn editing_from_the_detail_view_returns_to_it_and_only_a_change_reopens() {
        let mut app = completed_app();
        app.update(Action::EditReflection);
        assert_eq!(app.screen, Screen::Reflection);
        app.update(Action::PrevStage);
        app.update(Action::NextField);
        assert_eq!(session(&app).revision, 0, "looking around writes nothing");
        assert_eq!(app.update(Action::BackHome), Effect::None);
        assert_eq!(app.screen, Screen::Detail);
        assert_eq!(session(&app).reflection.status, Status::Completed);

        app.update(Action::EditReflection);
        app.update(Action::PrevStage);
        type_text(&mut app, "A new thought");
        assert_eq!(session(&app).reflection.status, Status::InProgress);
        assert_eq!(app.update(Action::BackHome), Effect::CloseReflection);
    }

    #[test]
    fn export_prompt_follows_the_format_and_asks_the_loop_to_write() {
        let mut app = completed_app();
        app.export_dir = "/data/exports".into();
        app.update(Action::StartExport);
        assert_eq!(app.contexts()[0], Context::ExportPrompt);
        app.update(Action::NextFormat);
        let effect = app.update(Action::ConfirmExport);
        assert_eq!(
            effect,
            Effect::Export {
                path: "/data/exports/2026-11-29-the-launch-that-slipped.json".into(),
                format: Format::Json,
                replace: false,
            }
        );
        app.update(Action::CancelExport);
        assert!(app.export.is_none());
    }

    fn home_with(titles: &[&str]) -> App {
        let guide = Guide::builtin().expect("guide");
        let mut app = App::new(guide, date!(2026 - 11 - 29), UtcOffset::UTC);
        let reflections = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Summary {
                id: format!("id-{i}"),
                title: (*t).into(),
                status: Status::Completed,
                updated: app.now,
                completed: None,
                stage: "plan".into(),
                open_steps: 0,
            })
            .collect();
        app.set_listing(Listing {
            reflections,
            bad_files: Vec::new(),
        });
        app
    }

    #[test]
    fn search_narrows_as_you_type_opens_the_match_and_esc_clears() {
        let mut app = home_with(&["The reorg", "Lost the Acme Client", "Demo day"]);
        assert_eq!(app.update(Action::StartSearch), Effect::LoadSearch);
        app.set_corpus(Corpus::new([(
            "id-2".to_string(),
            "the client walked out".to_string(),
        )]));
        assert_eq!(app.contexts()[0], Context::HomeSearch);
        type_text(&mut app, "client");
        assert_eq!(app.visible, [1, 2], "capitals in a title do not matter");
        assert_eq!(app.matched_in_answers, [false, true]);
        // While typing, letters are text, not commands.
        type_text(&mut app, " q");
        assert_eq!(app.visible, Vec::<usize>::new());
        app.update(Action::Edit(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
        app.update(Action::SelectNext);
        assert_eq!(
            app.update(Action::OpenSelected),
            Effect::Open("id-2".into())
        );
        // Back on the list the filter stays until Esc.
        assert_eq!(app.contexts()[0], Context::Home);
        app.update(Action::ClearSearch);
        assert_eq!(app.visible, [0, 1, 2]);
        assert_eq!(app.selected_summary().map(|s| s.id.as_str()), Some("id-2"));
    }

    #[test]
    fn delete_asks_first_and_only_yes_deletes() {
        let mut app = home_with(&["The reorg", "Demo day"]);
        app.update(Action::SelectNext);
        app.update(Action::DeleteSelected);
        assert_eq!(app.contexts()[0], Context::Confirm);
        assert_eq!(
            app.confirm.as_ref().map(|c| c.title.as_str()),
            Some("Demo day")
        );
        app.update(Action::ConfirmNo);
        assert!(app.confirm.is_none());
        app.update(Action::DeleteSelected);
        assert_eq!(
            app.update(Action::ConfirmYes),
            Effect::Delete("id-1".into())
        );
        app.last_trashed = Some("id-1".into());
        assert_eq!(
            app.update(Action::UndoDelete),
            Effect::Restore("id-1".into())
        );
    }

    #[test]
    fn an_edit_undone_leaves_a_completed_reflection_complete_with_its_date() {
        let mut app = completed_app();
        let when = time::macros::datetime!(2026-11-28 18:00 UTC);
        if let Some(s) = app.session.as_mut() {
            s.reflection.completed = Some(when);
            s.as_completed = Some(s.reflection.clone());
        }
        app.update(Action::EditReflection);
        for _ in 0..4 {
            app.update(Action::PrevStage);
        }
        type_text(&mut app, "x");
        assert_eq!(session(&app).reflection.status, Status::InProgress);
        app.update(Action::Edit(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
        let s = session(&app);
        assert_eq!(s.reflection.status, Status::Completed);
        assert_eq!(s.reflection.completed, Some(when));
        assert!(
            s.message
                .as_ref()
                .is_some_and(|m| m.text.contains("complete again"))
        );
    }

    #[test]
    fn a_rating_off_the_scale_gets_a_message_at_the_field() {
        let mut app = app_with_open_reflection();
        for _ in 0..5 {
            app.update(Action::NextField);
        }
        assert_eq!(app.focused_field().map(|f| f.kind), Some(FieldKind::Rating));
        type_text(&mut app, "7");
        let s = session(&app);
        assert_eq!(
            s.reflection.rating(Stage::Perspective, "weight_today"),
            None
        );
        assert!(
            s.message
                .as_ref()
                .is_some_and(|m| m.text.contains("1 to 5"))
        );
    }
}
