//! Everything the TUI shows, and `update`, which turns an action into a new
//! state and at most one effect. No terminal or file I/O happens here.

use ratatui_textarea::{Input, TextArea};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::guide::{FieldGuide, FieldKind, Guide};
use crate::reflection::{Reflection, Status};
use crate::store::Listing;
use crate::text::clean_paste;
use crate::tui::field::{FieldFocus, one_line_editor};
use crate::tui::keys::{Action, Context};
use crate::wizard::{Cursor, Missing, Stage, missing_for_completion};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    TitlePrompt,
    Reflection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitlePurpose {
    New,
    Rename,
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
}

pub struct App {
    pub guide: &'static Guide,
    /// The clock as the loop last read it; `update` never reads the clock itself.
    pub now: OffsetDateTime,
    pub today: Date,
    pub offset: UtcOffset,
    pub screen: Screen,
    pub listing: Listing,
    pub selected: usize,
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
            selected: 0,
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
        match self.screen {
            Screen::Home => vec![Context::Home, Context::Global],
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

    /// Opens a reflection at the stage and field where the person stopped.
    pub fn open_reflection(&mut self, reflection: Reflection) {
        let cursor = Cursor::of(&reflection, self.guide);
        let focus = self.focus_for(&reflection, cursor);
        self.session = Some(Session {
            reflection,
            cursor,
            focus,
            revision: 0,
            plan_scroll: 0,
            message: None,
        });
        self.screen = Screen::Reflection;
        self.title_prompt = None;
        self.remember_position();
    }

    pub fn close_reflection(&mut self) -> Option<Reflection> {
        self.screen = Screen::Home;
        self.session.take().map(|s| s.reflection)
    }

    pub fn set_listing(&mut self, listing: Listing) {
        self.listing = listing;
        self.selected = self
            .selected
            .min(self.listing.reflections.len().saturating_sub(1));
    }

    pub fn select_id(&mut self, id: &str) {
        if let Some(i) = self.listing.reflections.iter().position(|s| s.id == id) {
            self.selected = i;
        }
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
        // Nothing is visible, so nothing is edited blind.
        if self.too_small {
            return Effect::None;
        }
        if action == Action::ToggleHelp {
            self.help_open = !self.help_open;
            return Effect::None;
        }
        if self.help_open {
            return Effect::None;
        }
        match self.screen {
            Screen::Home => self.update_home(action),
            Screen::TitlePrompt => self.update_title(action),
            Screen::Reflection => self.update_reflection(action),
        }
    }

    fn update_home(&mut self, action: Action) -> Effect {
        let count = self.listing.reflections.len();
        match action {
            Action::NewReflection => {
                self.open_title_prompt(TitlePurpose::New);
                Effect::None
            }
            Action::OpenSelected => match self.listing.reflections.get(self.selected) {
                Some(s) => Effect::Open(s.id.clone()),
                None => Effect::None,
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
                let before = session.reflection.answer(stage, &field.key).cloned();
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
                // completed reflection or touches the file.
                if session.reflection.answer(stage, &field.key) != before.as_ref() {
                    session.revision += 1;
                    if session
                        .message
                        .as_ref()
                        .is_some_and(|m| m.tone == Tone::Warning)
                    {
                        session.message = None;
                    }
                    self.reopen_if_completed();
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
        let missing = missing_for_completion(&session.reflection);
        if missing.is_empty() {
            let text = if session.reflection.status == Status::Completed {
                "Already complete. Esc goes home."
            } else {
                session.reflection.status = Status::Completed;
                session.reflection.completed = Some(now);
                session.revision += 1;
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

    /// Changing a completed reflection makes it a work in progress again.
    fn reopen_if_completed(&mut self) {
        if let Some(session) = self.session.as_mut()
            && session.reflection.status == Status::Completed
            && session.cursor.stage != Stage::Plan
        {
            session.reflection.status = Status::InProgress;
            session.reflection.completed = None;
            session.message = Some(Message {
                text: "Changed, so this reflection is in progress again; mark it complete on the growth plan."
                    .into(),
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
            session.revision += 1;
        }
    }
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
}
