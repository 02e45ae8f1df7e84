//! The one table of key bindings. Key handling, the footer and the F1 help are
//! all read from it, so what the screen says always matches what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Suspend,
    ToggleHelp,
    // Lists on the home screen.
    NewReflection,
    OpenSelected,
    SelectNext,
    SelectPrev,
    StartSearch,
    ClearSearch,
    DeleteSelected,
    UndoDelete,
    // A yes/no question.
    ConfirmYes,
    ConfirmNo,
    // Reading a reflection.
    PageDown,
    PageUp,
    ScrollTop,
    ScrollBottom,
    NextStep,
    PrevStep,
    TickStep,
    EditReflection,
    StartExport,
    // The export prompt.
    ConfirmExport,
    CancelExport,
    NextFormat,
    // The title prompt.
    ConfirmTitle,
    CancelTitle,
    // Moving through a reflection.
    NextField,
    PrevField,
    NextStage,
    PrevStage,
    BackHome,
    Undo,
    Redo,
    // Checklists.
    ChoiceDown,
    ChoiceUp,
    ToggleChoice,
    // Ratings; `Rate(0)` in the table stands for "the digit pressed".
    Rate(u8),
    RateUp,
    RateDown,
    ClearRating,
    // Action steps.
    StepDown,
    StepUp,
    NewStep,
    ToggleDone,
    SwitchStepColumn,
    DeleteStep,
    // The growth plan.
    MarkComplete,
    EditTitle,
    ScrollDown,
    ScrollUp,
    // Anything not in the table goes to the focused editor.
    Edit(KeyEvent),
    Paste(String),
}

/// Which part of the app a binding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Help,
    Home,
    HomeSearch,
    Confirm,
    Detail,
    ExportPrompt,
    TitlePrompt,
    StageNav,
    PlanNav,
    MultiLine,
    SingleLine,
    Checklist,
    Rating,
    Steps,
    Plan,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

impl Key {
    fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers;
        // A fast Esc before a control key arrives as Alt+key; the control key
        // should still work (Ctrl-C above all).
        if mods.contains(KeyModifiers::CONTROL) {
            mods.remove(KeyModifiers::ALT);
        }
        // Shift is already in the character (or in BackTab itself).
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match event.code {
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        code == self.code && mods == self.mods
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written in the footer and help.
    pub label: &'static str,
    pub does: &'static str,
    pub action: Action,
    pub in_footer: bool,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    does: &'static str,
    action: Action,
    in_footer: bool,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        does,
        action,
        in_footer,
    }
}

use Context as C;

/// The digits that set a 1-5 rating.
const RATING_DIGITS: &[Key] = &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5')];

pub static BINDINGS: &[Binding] = &[
    // Field-specific keys come first so they win over the general ones.
    bind(
        C::MultiLine,
        &[ctrl('z')],
        "Ctrl-Z",
        "undo",
        Action::Undo,
        true,
    ),
    bind(
        C::MultiLine,
        &[ctrl('y')],
        "Ctrl-Y",
        "redo",
        Action::Redo,
        false,
    ),
    bind(
        C::SingleLine,
        &[key(KeyCode::Enter)],
        "Enter",
        "next field",
        Action::NextField,
        false,
    ),
    bind(
        C::SingleLine,
        &[ctrl('z')],
        "Ctrl-Z",
        "undo",
        Action::Undo,
        false,
    ),
    bind(
        C::SingleLine,
        &[ctrl('y')],
        "Ctrl-Y",
        "redo",
        Action::Redo,
        false,
    ),
    bind(
        C::Checklist,
        &[ch(' '), key(KeyCode::Enter), ch('x')],
        "Space",
        "tick / untick",
        Action::ToggleChoice,
        true,
    ),
    bind(
        C::Checklist,
        &[key(KeyCode::Down), ch('j')],
        "↓",
        "next option",
        Action::ChoiceDown,
        true,
    ),
    bind(
        C::Checklist,
        &[key(KeyCode::Up), ch('k')],
        "↑",
        "previous option",
        Action::ChoiceUp,
        false,
    ),
    bind(
        C::Rating,
        RATING_DIGITS,
        "1-5",
        "rate",
        Action::Rate(0),
        true,
    ),
    bind(
        C::Rating,
        &[key(KeyCode::Right), ch('l')],
        "→",
        "one more",
        Action::RateUp,
        false,
    ),
    bind(
        C::Rating,
        &[key(KeyCode::Left), ch('h')],
        "←",
        "one less",
        Action::RateDown,
        false,
    ),
    bind(
        C::Rating,
        &[key(KeyCode::Backspace), key(KeyCode::Delete), ch('0')],
        "Backspace",
        "clear the rating",
        Action::ClearRating,
        false,
    ),
    bind(
        C::Steps,
        &[key(KeyCode::Enter)],
        "Enter",
        "new step",
        Action::NewStep,
        true,
    ),
    bind(
        C::Steps,
        &[ctrl('t')],
        "Ctrl-T",
        "done",
        Action::ToggleDone,
        true,
    ),
    bind(
        C::Steps,
        &[ctrl('d')],
        "Ctrl-D",
        "due date",
        Action::SwitchStepColumn,
        true,
    ),
    bind(
        C::Steps,
        &[key(KeyCode::Down)],
        "↓",
        "next step",
        Action::StepDown,
        false,
    ),
    bind(
        C::Steps,
        &[key(KeyCode::Up)],
        "↑",
        "previous step",
        Action::StepUp,
        false,
    ),
    bind(
        C::Steps,
        &[key(KeyCode::Backspace)],
        "Backspace",
        "delete; on an empty step, remove it",
        Action::DeleteStep,
        false,
    ),
    bind(
        C::Steps,
        &[ctrl('z')],
        "Ctrl-Z",
        "undo typing in the step",
        Action::Undo,
        false,
    ),
    bind(
        C::Plan,
        RATING_DIGITS,
        "1-5",
        "how heavy now",
        Action::Rate(0),
        true,
    ),
    bind(
        C::Plan,
        &[ch('c')],
        "c",
        "mark complete",
        Action::MarkComplete,
        true,
    ),
    bind(
        C::Plan,
        &[ch('t')],
        "t",
        "edit title",
        Action::EditTitle,
        true,
    ),
    bind(
        C::Plan,
        &[key(KeyCode::Down), ch('j'), key(KeyCode::PageDown)],
        "↓/j",
        "scroll",
        Action::ScrollDown,
        false,
    ),
    bind(
        C::Plan,
        &[key(KeyCode::Up), ch('k')],
        "↑/k",
        "scroll back",
        Action::ScrollUp,
        false,
    ),
    bind(
        C::Plan,
        &[key(KeyCode::Backspace), ch('0')],
        "Backspace",
        "clear the rating",
        Action::ClearRating,
        false,
    ),
    bind(
        C::StageNav,
        &[key(KeyCode::Tab)],
        "Tab",
        "next",
        Action::NextField,
        true,
    ),
    bind(
        C::StageNav,
        &[key(KeyCode::BackTab)],
        "Shift-Tab",
        "back",
        Action::PrevField,
        true,
    ),
    bind(
        C::StageNav,
        &[key(KeyCode::PageDown)],
        "PgDn",
        "next stage",
        Action::NextStage,
        false,
    ),
    bind(
        C::StageNav,
        &[key(KeyCode::PageUp)],
        "PgUp",
        "previous stage",
        Action::PrevStage,
        false,
    ),
    bind(
        C::StageNav,
        &[key(KeyCode::Esc)],
        "Esc",
        "back",
        Action::BackHome,
        true,
    ),
    bind(
        C::PlanNav,
        &[key(KeyCode::BackTab), key(KeyCode::PageUp)],
        "Shift-Tab",
        "back to Risk",
        Action::PrevField,
        true,
    ),
    bind(
        C::PlanNav,
        &[key(KeyCode::Esc), ch('q')],
        "Esc",
        "back",
        Action::BackHome,
        true,
    ),
    bind(
        C::Home,
        &[ch('n')],
        "n",
        "new reflection",
        Action::NewReflection,
        true,
    ),
    bind(
        C::Home,
        &[key(KeyCode::Enter)],
        "Enter",
        "open",
        Action::OpenSelected,
        true,
    ),
    bind(
        C::Home,
        &[key(KeyCode::Down), ch('j')],
        "↓/j",
        "next",
        Action::SelectNext,
        false,
    ),
    bind(
        C::Home,
        &[key(KeyCode::Up), ch('k')],
        "↑/k",
        "previous",
        Action::SelectPrev,
        false,
    ),
    bind(
        C::Home,
        &[ch('/')],
        "/",
        "search",
        Action::StartSearch,
        true,
    ),
    bind(
        C::Home,
        &[ch('d'), key(KeyCode::Delete)],
        "d",
        "delete",
        Action::DeleteSelected,
        true,
    ),
    bind(
        C::Home,
        &[ch('u')],
        "u",
        "undo the last delete",
        Action::UndoDelete,
        false,
    ),
    bind(
        C::Home,
        &[key(KeyCode::Esc)],
        "Esc",
        "clear the search",
        Action::ClearSearch,
        false,
    ),
    bind(C::Home, &[ch('q')], "q", "quit", Action::Quit, true),
    bind(
        C::HomeSearch,
        &[key(KeyCode::Enter)],
        "Enter",
        "open",
        Action::OpenSelected,
        true,
    ),
    bind(
        C::HomeSearch,
        &[key(KeyCode::Down), ctrl('n')],
        "↓",
        "next",
        Action::SelectNext,
        true,
    ),
    bind(
        C::HomeSearch,
        &[key(KeyCode::Up), ctrl('p')],
        "↑",
        "previous",
        Action::SelectPrev,
        true,
    ),
    bind(
        C::HomeSearch,
        &[key(KeyCode::Esc)],
        "Esc",
        "clear the search",
        Action::ClearSearch,
        true,
    ),
    bind(C::Confirm, &[ch('y')], "y", "yes", Action::ConfirmYes, true),
    bind(
        C::Confirm,
        &[ch('n'), key(KeyCode::Esc)],
        "n",
        "no",
        Action::ConfirmNo,
        true,
    ),
    bind(
        C::Detail,
        &[ch(' ')],
        "Space",
        "tick step done",
        Action::TickStep,
        true,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::Tab)],
        "Tab",
        "next step",
        Action::NextStep,
        true,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::BackTab)],
        "Shift-Tab",
        "previous step",
        Action::PrevStep,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::Down), ch('j')],
        "↓/j",
        "scroll",
        Action::ScrollDown,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::Up), ch('k')],
        "↑/k",
        "scroll back",
        Action::ScrollUp,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::Home), ch('g')],
        "Home",
        "top",
        Action::ScrollTop,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::End), ch('G')],
        "End",
        "bottom",
        Action::ScrollBottom,
        false,
    ),
    bind(
        C::Detail,
        &[ch('e')],
        "e",
        "edit",
        Action::EditReflection,
        true,
    ),
    bind(
        C::Detail,
        &[ch('x')],
        "x",
        "export",
        Action::StartExport,
        true,
    ),
    bind(
        C::Detail,
        &[ch('d')],
        "d",
        "delete",
        Action::DeleteSelected,
        false,
    ),
    bind(
        C::Detail,
        &[key(KeyCode::Esc), ch('q')],
        "Esc",
        "home",
        Action::BackHome,
        true,
    ),
    bind(
        C::ExportPrompt,
        &[key(KeyCode::Enter)],
        "Enter",
        "write",
        Action::ConfirmExport,
        true,
    ),
    bind(
        C::ExportPrompt,
        &[key(KeyCode::Tab)],
        "Tab",
        "change format",
        Action::NextFormat,
        true,
    ),
    bind(
        C::ExportPrompt,
        &[key(KeyCode::Esc)],
        "Esc",
        "cancel",
        Action::CancelExport,
        true,
    ),
    bind(
        C::TitlePrompt,
        &[key(KeyCode::Enter)],
        "Enter",
        "continue",
        Action::ConfirmTitle,
        true,
    ),
    bind(
        C::TitlePrompt,
        &[key(KeyCode::Esc)],
        "Esc",
        "cancel",
        Action::CancelTitle,
        true,
    ),
    bind(
        C::Help,
        &[key(KeyCode::Esc), key(KeyCode::F(1)), ch('q')],
        "Esc",
        "close help",
        Action::ToggleHelp,
        true,
    ),
    bind(
        C::Global,
        &[key(KeyCode::F(1))],
        "F1",
        "help",
        Action::ToggleHelp,
        true,
    ),
    bind(
        C::Global,
        &[ctrl('c')],
        "Ctrl-C",
        "quit",
        Action::Quit,
        true,
    ),
    // In text fields Ctrl-Z is undo (their binding comes first).
    bind(
        C::Global,
        &[ctrl('z')],
        "Ctrl-Z",
        "suspend (fg comes back)",
        Action::Suspend,
        false,
    ),
];

/// The action for a key in the given contexts (most specific first); keys
/// that no binding claims are edits for the focused field.
pub fn action_for(event: &KeyEvent, contexts: &[Context]) -> Action {
    for context in contexts {
        for binding in BINDINGS.iter().filter(|b| b.context == *context) {
            if binding.keys.iter().any(|k| k.matches(event)) {
                return match (&binding.action, event.code) {
                    (Action::Rate(0), KeyCode::Char(c)) => Action::Rate(
                        c.to_digit(10)
                            .and_then(|d| u8::try_from(d).ok())
                            .unwrap_or(0),
                    ),
                    (action, _) => action.clone(),
                };
            }
        }
    }
    Action::Edit(*event)
}

/// The bindings that work in these contexts, in the order the help lists them.
pub fn bindings_for(contexts: &[Context]) -> Vec<&'static Binding> {
    contexts
        .iter()
        .flat_map(|c| BINDINGS.iter().filter(move |b| b.context == *c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn field_keys_win_over_navigation_and_unbound_keys_are_edits() {
        let ctx = [C::Steps, C::StageNav, C::Global];
        assert_eq!(
            action_for(&press(KeyCode::Enter, KeyModifiers::NONE), &ctx),
            Action::NewStep
        );
        assert_eq!(
            action_for(&press(KeyCode::Tab, KeyModifiers::NONE), &ctx),
            Action::NextField
        );
        let typed = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(action_for(&typed, &ctx), Action::Edit(typed));
    }

    #[test]
    fn shift_tab_and_control_keys_match_however_the_terminal_reports_them() {
        let ctx = [C::MultiLine, C::StageNav, C::Global];
        assert_eq!(
            action_for(&press(KeyCode::BackTab, KeyModifiers::SHIFT), &ctx),
            Action::PrevField
        );
        assert_eq!(
            action_for(&press(KeyCode::BackTab, KeyModifiers::NONE), &ctx),
            Action::PrevField
        );
        assert_eq!(
            action_for(
                &press(
                    KeyCode::Char('C'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT
                ),
                &ctx
            ),
            Action::Quit
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('z'), KeyModifiers::CONTROL), &ctx),
            Action::Undo
        );
    }

    #[test]
    fn digits_become_ratings() {
        let ctx = [C::Rating, C::StageNav, C::Global];
        assert_eq!(
            action_for(&press(KeyCode::Char('4'), KeyModifiers::NONE), &ctx),
            Action::Rate(4)
        );
    }

    #[test]
    fn enter_means_newline_in_multi_line_text() {
        let ctx = [C::MultiLine, C::StageNav, C::Global];
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action_for(&enter, &ctx), Action::Edit(enter));
    }

    #[test]
    fn every_context_can_quit_and_open_help() {
        for ctx in [
            C::Home,
            C::HomeSearch,
            C::Confirm,
            C::Detail,
            C::ExportPrompt,
            C::TitlePrompt,
            C::MultiLine,
            C::Plan,
            C::Help,
        ] {
            let all = bindings_for(&[ctx, C::Global]);
            assert!(all.iter().any(|b| b.action == Action::Quit), "{ctx:?}");
            assert!(
                all.iter().any(|b| b.action == Action::ToggleHelp),
                "{ctx:?}"
            );
        }
    }
}
