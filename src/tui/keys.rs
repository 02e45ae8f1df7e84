//! The one table of key bindings. Key handling, the footer and the F1 help are
//! all read from it, so what the screen says always matches what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::tui::action::Action;
use crate::tui::editor::TextEdit;

/// Which part of the app a binding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Help,
    Home,
    HomeSearch,
    /// Every open step, over home.
    Agenda,
    /// How heavy each setback felt, steps done by month, over home.
    Progress,
    /// The invented stories listed, over home.
    Stories,
    /// One story being read.
    Story,
    Confirm,
    Detail,
    /// Reading a sync tool's conflict copy: to read and export only.
    CopyDetail,
    ExportPrompt,
    /// Which guide a new reflection follows, asked before its title.
    GuideChooser,
    TitlePrompt,
    /// The day to look again, asked over the plan or the reading page.
    LookAgainPrompt,
    StageNav,
    /// Esc from a stage, under the stage navigation.
    StageBack,
    /// Ctrl-G, under Esc: the guide pane says it too, so it is the one that
    /// gives way in a narrow footer.
    StageGuide,
    PlanNav,
    /// Moving through a check-in, under each question's keys.
    CheckinNav,
    /// Leaving a check-in: apart, so a date being edited keeps Esc.
    CheckinBack,
    MultiLine,
    SingleLine,
    /// Every text field, under its own keys: readline's editing keys.
    Text,
    /// Screens where keys are commands, not typing: `?` opens help there.
    Commands,
    Checklist,
    Rating,
    Steps,
    /// Editing a step's due date, over the steps' own keys.
    DueDate,
    Plan,
    /// The plan of a guide that goes deeper in a longer one.
    Deeper,
    /// The free-writing page, over its text keys.
    Writing,
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

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
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
            // Caps Lock must not turn Alt-b into another key.
            KeyCode::Char(c) if mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
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
    /// When the footer offers it: a key that would do nothing now is not
    /// worth the footer's room (help still lists it, and the key still answers).
    pub when: When,
}

/// What must hold for the footer to offer a binding; `App::offers` decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The open reflection is not complete yet.
    InProgress,
    /// A row of the home list is selected (a reflection or a conflict copy).
    RowSelected,
    /// A reflection's row is selected (a conflict copy is never deleted here).
    ReflectionSelected,
    /// There is at least one reflection to search.
    AnyReflection,
    /// A reflection deleted here can be brought back.
    DeletedHere,
    /// The reading page has an action step to choose and tick.
    StepsToTick,
    /// Some reflection has a step not done yet (home's agenda key).
    OpenSteps,
    /// The agenda lists a step to tick or open.
    StepsListed,
    /// A check-in is due (on home), or the open reflection, or the one
    /// selected on home, is complete: a check-in is offered (it works on
    /// any reflection).
    CheckinOffered,
}

impl Binding {
    /// The same binding, offered in the footer only when `when` holds.
    const fn when(mut self, when: When) -> Binding {
        self.when = when;
        self
    }
}

/// A binding the footer shows (when there is room) and the help lists.
const fn foot(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    does: &'static str,
    action: Action,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        does,
        action,
        in_footer: true,
        when: When::Always,
    }
}

/// A binding only the help lists.
const fn help(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    does: &'static str,
    action: Action,
) -> Binding {
    let mut binding = foot(context, keys, label, does, action);
    binding.in_footer = false;
    binding
}

const ENTER: Key = key(KeyCode::Enter);
const ESC: Key = key(KeyCode::Esc);
const TAB: Key = key(KeyCode::Tab);
const BACKTAB: Key = key(KeyCode::BackTab);
const UP: Key = key(KeyCode::Up);
const DOWN: Key = key(KeyCode::Down);
const LEFT: Key = key(KeyCode::Left);
const RIGHT: Key = key(KeyCode::Right);
const PGUP: Key = key(KeyCode::PageUp);
const PGDN: Key = key(KeyCode::PageDown);
const HOME: Key = key(KeyCode::Home);
const END: Key = key(KeyCode::End);
const BACKSPACE: Key = key(KeyCode::Backspace);
const ALT_BACKSPACE: Key = Key {
    code: KeyCode::Backspace,
    mods: KeyModifiers::ALT,
};
const DELETE: Key = key(KeyCode::Delete);
const F1: Key = key(KeyCode::F(1));

use Context as C;

/// The digits that set a 1-5 rating.
const RATING_DIGITS: &[Key] = &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5')];

/// Every binding, grouped by context. Within a context the first binding that
/// claims a key wins, and the footer and help list them in this order; which
/// context wins is the order the caller passes (a field's own keys, then the
/// text keys, then the stage or plan navigation, then the global keys).
/// Help lists a label once, so two bindings that share one (`Ctrl-A / E`)
/// make one line.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Text fields: many lines, then one line.
    foot(C::MultiLine,    &[ctrl('z')],                  "Ctrl-Z",    "undo",                                Action::Undo),
    help(C::SingleLine,   &[ENTER],                      "Enter",     "next field",                          Action::NextField),
    // Every text field (answers, steps, search, prompts), as in a shell.
    // Ctrl-B / F / H / D mean ← → Backspace Delete, so the editor reads them
    // with those keys (and Ctrl-D stays "due date" on action steps).
    help(C::Text,         &[ctrl('z')],                  "Ctrl-Z",       "undo, a word at a time",           Action::Undo),
    help(C::Text,         &[ctrl('y')],                  "Ctrl-Y",       "redo",                             Action::Redo),
    help(C::Text,         &[ctrl('a')],                  "Ctrl-A / E",   "start / end of the line",          Action::Text(TextEdit::LineStart)),
    help(C::Text,         &[ctrl('e')],                  "Ctrl-A / E",   "start / end of the line",          Action::Text(TextEdit::LineEnd)),
    help(C::Text,         &[alt('b')],                   "Alt-B / F",    "back / forward a word",            Action::Text(TextEdit::WordBack)),
    help(C::Text,         &[alt('f')],                   "Alt-B / F",    "back / forward a word",            Action::Text(TextEdit::WordForward)),
    help(C::Text,         &[ctrl('b')],                  "Ctrl-B / F",   "back / forward a character",       Action::Text(TextEdit::CharBack)),
    help(C::Text,         &[ctrl('f')],                  "Ctrl-B / F",   "back / forward a character",       Action::Text(TextEdit::CharForward)),
    help(C::Text,         &[ALT_BACKSPACE],              "Alt-Bksp / D", "delete the word before / after",   Action::Text(TextEdit::DeleteWordBefore)),
    help(C::Text,         &[alt('d')],                   "Alt-Bksp / D", "delete the word before / after",   Action::Text(TextEdit::DeleteWordAfter)),
    help(C::Text,         &[ctrl('w')],                  "Ctrl-W",       "delete back to the space before",  Action::Text(TextEdit::DeleteToSpaceBefore)),
    help(C::Text,         &[ctrl('u')],                  "Ctrl-U / K",   "delete to the start / end of line", Action::Text(TextEdit::DeleteToLineStart)),
    help(C::Text,         &[ctrl('k')],                  "Ctrl-U / K",   "delete to the start / end of line", Action::Text(TextEdit::DeleteToLineEnd)),
    // Checklists.
    foot(C::Checklist,    &[ch(' '), ENTER, ch('x')],    "Space",     "tick / untick",                       Action::ToggleChoice),
    foot(C::Checklist,    &[DOWN, ch('j')],              "↓",         "next option",                         Action::ChoiceDown),
    help(C::Checklist,    &[UP, ch('k')],                "↑",         "previous option",                     Action::ChoiceUp),
    // Ratings.
    foot(C::Rating,       RATING_DIGITS,                 "1-5",       "rate",                                Action::Rate(0)),
    help(C::Rating,       &[RIGHT, ch('l')],             "→",         "one more",                            Action::RateUp),
    help(C::Rating,       &[LEFT, ch('h')],              "←",         "one less",                            Action::RateDown),
    help(C::Rating,       &[BACKSPACE, DELETE, ch('0')], "Backspace", "clear the rating",                    Action::ClearRating),
    // Action steps.
    // Editing a step's due date: Enter, Esc and Ctrl-D go back to the step.
    foot(C::DueDate,      &[ENTER, ESC, ctrl('d')],      "Enter/Esc", "back to the step",                    Action::EndDueDate),
    foot(C::DueDate,      &[ctrl('t')],                  "Ctrl-T",    "done",                                Action::ToggleDone),
    help(C::DueDate,      &[DOWN],                       "↓ / ↑",     "next / previous step",                Action::StepDown),
    help(C::DueDate,      &[UP],                         "↓ / ↑",     "next / previous step",                Action::StepUp),
    // Action steps. Ctrl-D and Ctrl-T keep these meanings over readline's.
    foot(C::Steps,        &[ENTER],                      "Enter",     "new step",                            Action::NewStep),
    foot(C::Steps,        &[ctrl('t')],                  "Ctrl-T",    "done",                                Action::ToggleDone),
    foot(C::Steps,        &[ctrl('d')],                  "Ctrl-D",    "due date",                            Action::SwitchStepColumn),
    help(C::Steps,        &[DOWN],                       "↓ / ↑",     "next / previous step",                Action::StepDown),
    help(C::Steps,        &[UP],                         "↓ / ↑",     "next / previous step",                Action::StepUp),
    help(C::Steps,        &[BACKSPACE],                  "Backspace", "delete; on an empty step, remove it", Action::DeleteStep),
    // The plan of a short guide: first, so a narrow footer keeps it.
    foot(C::Deeper,       &[ch('D')],                    "D",         "go deeper",                           Action::GoDeeper),
    // The growth plan page.
    foot(C::Plan,         RATING_DIGITS,                 "1-5",       "how heavy now",                       Action::Rate(0)),
    foot(C::Plan,         &[ch('c')],                    "c",         "mark complete",                       Action::MarkComplete).when(When::InProgress),
    foot(C::Plan,         &[ch('t')],                    "t",         "edit title",                          Action::EditTitle),
    help(C::Plan,         &[DOWN, ch('j')],              "↓/j",       "scroll",                              Action::ScrollDown),
    help(C::Plan,         &[UP, ch('k')],                "↑/k",       "scroll back",                         Action::ScrollUp),
    help(C::Plan,         &[PGDN],                       "PgDn",      "page down",                           Action::PageDown),
    help(C::Plan,         &[PGUP],                       "PgUp",      "page up; at the top, back a stage",   Action::PageUp),
    help(C::Plan,         &[HOME, ch('g')],              "Home",      "top",                                 Action::ScrollTop),
    help(C::Plan,         &[END, ch('G')],               "End",       "bottom",                              Action::ScrollBottom),
    help(C::Plan,         &[BACKSPACE, ch('0')],         "Backspace", "clear the rating",                    Action::ClearRating),
    // Help only: the line under the rating names it, with the day it set.
    help(C::Plan,         &[ch('l')],                    "l",         "when to look again",                  Action::SetLookAgain),
    // Moving through the stages, under every field's own keys.
    foot(C::StageNav,     &[TAB],                        "Tab",       "next",                                Action::NextField),
    foot(C::StageNav,     &[BACKTAB],                    "Shift-Tab", "back",                                Action::PrevField),
    help(C::StageNav,     &[PGDN],                       "PgDn / PgUp", "next / previous stage",             Action::NextStage),
    help(C::StageNav,     &[PGUP],                       "PgDn / PgUp", "next / previous stage",             Action::PrevStage),
    // Apart, so a due date being edited can take Esc for itself.
    foot(C::StageBack,    &[ESC],                        "Esc",       "back",                                Action::BackHome),
    foot(C::StageGuide,   &[ctrl('g')],                  "Ctrl-G",    "intro, hint, example",                Action::NextGuide),
    // Letters type in a stage, so the writing page takes a free control key.
    help(C::StageGuide,   &[ctrl('o')],                  "Ctrl-O",    "write it out (private page)",         Action::OpenWriting),
    // A check-in, under each question's own keys.
    foot(C::CheckinNav,   &[TAB],                        "Tab",       "next",                                Action::NextField),
    foot(C::CheckinNav,   &[BACKTAB],                    "Shift-Tab", "back",                                Action::PrevField),
    foot(C::CheckinBack,  &[ESC],                        "Esc",       "keep for later",                      Action::BackHome),
    help(C::CheckinNav,   &[ctrl('g')],                  "Ctrl-G",    "intro, hint, example",                Action::NextGuide),
    // Leaving the growth plan, under the plan's own keys.
    foot(C::PlanNav,      &[BACKTAB],                    "Shift-Tab", "back a stage",                        Action::PrevField),
    foot(C::PlanNav,      &[ESC, ch('q')],               "Esc",       "back",                                Action::BackHome),
    help(C::PlanNav,      &[ctrl('o')],                  "Ctrl-O",    "write it out (private page)",         Action::OpenWriting),
    // The free-writing page, under its text keys.
    foot(C::Writing,      &[ESC],                        "Esc",       "back",                                Action::BackHome),
    // The home screen.
    foot(C::Home,         &[ch('n')],                    "n",         "new reflection",                      Action::NewReflection),
    foot(C::Home,         &[ENTER],                      "Enter",     "open",                                Action::OpenSelected).when(When::RowSelected),
    help(C::Home,         &[DOWN, ch('j')],              "↓/j",       "next",                                Action::SelectNext),
    help(C::Home,         &[UP, ch('k')],                "↑/k",       "previous",                            Action::SelectPrev),
    foot(C::Home,         &[ch('/')],                    "/",         "search",                              Action::StartSearch).when(When::AnyReflection),
    // Quit before delete: a narrow footer keeps the way out. "undo" is short
    // so that, beside "d delete", all six fit in 80 columns.
    foot(C::Home,         &[ch('q')],                    "q",         "quit",                                Action::Quit),
    foot(C::Home,         &[ch('d'), DELETE],            "d",         "delete",                              Action::DeleteSelected).when(When::ReflectionSelected),
    foot(C::Home,         &[ch('u')],                    "u",         "undo",                                Action::UndoDelete).when(When::DeletedHere),
    foot(C::Home,         &[ch('c')],                    "c",         "check-in",                            Action::Checkin).when(When::CheckinOffered),
    foot(C::Home,         &[ch('a')],                    "a",         "agenda",                              Action::OpenAgenda).when(When::OpenSteps),
    foot(C::Home,         &[ch('p')],                    "p",         "progress",                            Action::OpenProgress).when(When::AnyReflection),
    // Last, so it is the first to give way in a narrow footer.
    foot(C::Home,         &[ch('s')],                    "s",         "stories",                             Action::OpenStories),
    help(C::Home,         &[ESC],                        "Esc",       "clear the search",                    Action::ClearSearch),
    // Typing in the home screen's search line.
    foot(C::HomeSearch,   &[ENTER],                      "Enter",     "open",                                Action::OpenSelected).when(When::RowSelected),
    foot(C::HomeSearch,   &[DOWN, ctrl('n')],            "↓",         "next",                                Action::SelectNext),
    foot(C::HomeSearch,   &[UP, ctrl('p')],              "↑",         "previous",                            Action::SelectPrev),
    foot(C::HomeSearch,   &[ESC],                        "Esc",       "clear the search",                    Action::ClearSearch),
    // The agenda: every open step.
    foot(C::Agenda,       &[ch(' ')],                    "Space",     "tick",                                Action::TickStep).when(When::StepsListed),
    foot(C::Agenda,       &[ENTER],                      "Enter",     "open at this step",                   Action::OpenSelected).when(When::StepsListed),
    help(C::Agenda,       &[DOWN, ch('j')],              "↓/j",       "next",                                Action::SelectNext),
    help(C::Agenda,       &[UP, ch('k')],                "↑/k",       "previous",                            Action::SelectPrev),
    help(C::Agenda,       &[PGDN],                       "PgDn",      "page down",                           Action::PageDown),
    help(C::Agenda,       &[PGUP],                       "PgUp",      "page up",                             Action::PageUp),
    help(C::Agenda,       &[HOME, ch('g')],              "Home",      "first step",                          Action::ScrollTop),
    help(C::Agenda,       &[END, ch('G')],               "End",       "last step",                           Action::ScrollBottom),
    foot(C::Agenda,       &[ESC, ch('q')],               "Esc",       "home",                                Action::BackHome),
    // The progress screen: it only shows.
    foot(C::Progress,     &[ESC, ch('q')],               "Esc",       "home",                                Action::BackHome),
    // The stories: the list, then one to read.
    foot(C::Stories,      &[ENTER],                      "Enter",     "read",                                Action::OpenSelected),
    help(C::Stories,      &[DOWN, ch('j')],              "↓/j",       "next",                                Action::SelectNext),
    help(C::Stories,      &[UP, ch('k')],                "↑/k",       "previous",                            Action::SelectPrev),
    foot(C::Stories,      &[ESC, ch('q')],               "Esc",       "home",                                Action::BackHome),
    help(C::Story,        &[DOWN, ch('j')],              "↓/j",       "scroll",                              Action::ScrollDown),
    help(C::Story,        &[UP, ch('k')],                "↑/k",       "scroll back",                         Action::ScrollUp),
    foot(C::Story,        &[PGDN, ch(' ')],              "PgDn",      "page down",                           Action::PageDown),
    help(C::Story,        &[PGUP],                       "PgUp",      "page up",                             Action::PageUp),
    help(C::Story,        &[HOME, ch('g')],              "Home",      "top",                                 Action::ScrollTop),
    help(C::Story,        &[END, ch('G')],               "End",       "bottom",                              Action::ScrollBottom),
    foot(C::Story,        &[ESC, ch('q')],               "Esc",       "the stories",                         Action::BackHome),
    // The delete question.
    foot(C::Confirm,      &[ch('y')],                    "y",         "yes",                                 Action::ConfirmYes),
    foot(C::Confirm,      &[ch('n'), ESC],               "n",         "no",                                  Action::ConfirmNo),
    // Reading a reflection.
    // Short enough that all six fit an 80-column footer.
    foot(C::Detail,       &[ch(' ')],                    "Space",     "tick",                                Action::TickStep).when(When::StepsToTick),
    foot(C::Detail,       &[TAB],                        "Tab",       "next step",                           Action::NextStep).when(When::StepsToTick),
    help(C::Detail,       &[BACKTAB],                    "Shift-Tab", "previous step",                       Action::PrevStep),
    help(C::Detail,       &[DOWN, ch('j')],              "↓/j",       "scroll",                              Action::ScrollDown),
    help(C::Detail,       &[UP, ch('k')],                "↑/k",       "scroll back",                         Action::ScrollUp),
    help(C::Detail,       &[PGDN],                       "PgDn",      "page down",                           Action::PageDown),
    help(C::Detail,       &[PGUP],                       "PgUp",      "page up",                             Action::PageUp),
    help(C::Detail,       &[HOME, ch('g')],              "Home",      "top",                                 Action::ScrollTop),
    help(C::Detail,       &[END, ch('G')],               "End",       "bottom",                              Action::ScrollBottom),
    foot(C::Detail,       &[ch('e')],                    "e",         "edit",                                Action::EditReflection),
    foot(C::Detail,       &[ch('x')],                    "x",         "export",                              Action::StartExport),
    foot(C::Detail,       &[ch('d')],                    "d",         "delete",                              Action::DeleteSelected),
    foot(C::Detail,       &[ch('c')],                    "c",         "check-in",                            Action::Checkin).when(When::CheckinOffered),
    foot(C::Detail,       &[ESC, ch('q')],               "Esc",       "home",                                Action::BackHome),
    help(C::Detail,       &[ch('l')],                    "l",         "when to look again",                  Action::SetLookAgain),
    help(C::Detail,       &[ch('w')],                    "w",         "write it out (private page)",         Action::OpenWriting),
    // Reading a sync tool's conflict copy. The keys that would change a
    // reflection are bound only to say why nothing happens.
    help(C::CopyDetail,   &[DOWN, ch('j')],              "↓/j",       "scroll",                              Action::ScrollDown),
    help(C::CopyDetail,   &[UP, ch('k')],                "↑/k",       "scroll back",                         Action::ScrollUp),
    foot(C::CopyDetail,   &[PGDN],                       "PgDn",      "page down",                           Action::PageDown),
    help(C::CopyDetail,   &[PGUP],                       "PgUp",      "page up",                             Action::PageUp),
    help(C::CopyDetail,   &[HOME, ch('g')],              "Home",      "top",                                 Action::ScrollTop),
    help(C::CopyDetail,   &[END, ch('G')],               "End",       "bottom",                              Action::ScrollBottom),
    foot(C::CopyDetail,   &[ch('x')],                    "x",         "export",                              Action::StartExport),
    help(C::CopyDetail,   &[ch('e')],                    "e Space d l c w", "nothing: a copy is only read",  Action::EditReflection),
    help(C::CopyDetail,   &[ch(' ')],                    "e Space d l c w", "nothing: a copy is only read",  Action::TickStep),
    help(C::CopyDetail,   &[ch('d'), DELETE],            "e Space d l c w", "nothing: a copy is only read",  Action::DeleteSelected),
    help(C::CopyDetail,   &[ch('l')],                    "e Space d l c w", "nothing: a copy is only read",  Action::SetLookAgain),
    help(C::CopyDetail,   &[ch('c')],                    "e Space d l c w", "nothing: a copy is only read",  Action::Checkin),
    help(C::CopyDetail,   &[ch('w')],                    "e Space d l c w", "nothing: a copy is only read",  Action::OpenWriting),
    foot(C::CopyDetail,   &[ESC, ch('q')],               "Esc",       "home",                                Action::BackHome),
    // The export prompt.
    foot(C::ExportPrompt, &[ENTER],                      "Enter",     "write",                               Action::ConfirmExport),
    foot(C::ExportPrompt, &[TAB],                        "Tab",       "change format",                       Action::NextFormat),
    foot(C::ExportPrompt, &[ESC],                        "Esc",       "cancel",                              Action::CancelExport),
    // The guide chooser: ↑↓ share one line in help.
    foot(C::GuideChooser, &[DOWN, ch('j')],              "↑↓",        "choose",                              Action::SelectNext),
    help(C::GuideChooser, &[UP, ch('k')],                "↑↓",        "choose",                              Action::SelectPrev),
    foot(C::GuideChooser, &[ENTER],                      "Enter",     "continue",                            Action::ChooseGuide),
    foot(C::GuideChooser, &[ESC],                        "Esc",       "cancel",                              Action::CancelGuide),
    // The title prompt.
    foot(C::TitlePrompt,  &[ENTER],                      "Enter",     "continue",                            Action::ConfirmTitle),
    foot(C::TitlePrompt,  &[ESC],                        "Esc",       "cancel",                              Action::CancelTitle),
    // The day to look again.
    foot(C::LookAgainPrompt, &[ENTER],                   "Enter",     "save",                                Action::ConfirmLookAgain),
    foot(C::LookAgainPrompt, &[ESC],                     "Esc",       "cancel",                              Action::CancelLookAgain),
    // The help page.
    foot(C::Help,         &[ESC, F1, ch('q'), ch('?')],  "Esc",       "close help",                          Action::ToggleHelp),
    help(C::Help,         &[DOWN, ch('j')],              "↓/j",       "more keys",                           Action::ScrollDown),
    help(C::Help,         &[UP, ch('k')],                "↑/k",       "back up",                             Action::ScrollUp),
    help(C::Help,         &[PGDN, ch(' ')],              "PgDn",      "page down",                           Action::PageDown),
    help(C::Help,         &[PGUP],                       "PgUp",      "page up",                             Action::PageUp),
    help(C::Help,         &[HOME, ch('g')],              "Home",      "first key",                           Action::ScrollTop),
    help(C::Help,         &[END, ch('G')],               "End",       "last key",                            Action::ScrollBottom),
    // Wherever keys are commands rather than typing.
    help(C::Commands,     &[ch('?')],                    "?",         "help",                                Action::ToggleHelp),
    // Everywhere, under every other context. In text fields Ctrl-Z is undo
    // (their binding comes first).
    foot(C::Global,       &[F1],                         "F1",        "help",                                Action::ToggleHelp),
    foot(C::Global,       &[ctrl('c')],                  "Ctrl-C",    "quit",                                Action::Quit),
    help(C::Global,       &[ctrl('z')],                  "Ctrl-Z",    "suspend (fg comes back)",             Action::Suspend),
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

/// How the key for `action` in `context` is written, for a line on screen
/// that names it ("l to change"); `None` if nothing there is bound to it.
pub fn label(context: Context, action: &Action) -> Option<&'static str> {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == *action)
        .map(|b| b.label)
}

/// A modal's line of key hints, read from the table: the footer bindings of
/// its context as (label, does), e.g. `[("Enter", "continue"), ("Esc", "cancel")]`.
pub fn hint(context: Context) -> Vec<(&'static str, &'static str)> {
    bindings_for(&[context])
        .into_iter()
        .filter(|b| b.in_footer)
        .map(|b| (b.label, b.does))
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
            C::Progress,
            C::Stories,
            C::Story,
            C::CopyDetail,
            C::ExportPrompt,
            C::TitlePrompt,
            C::GuideChooser,
            C::LookAgainPrompt,
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

    /// The context stacks the app asks with (`App::contexts` in state.rs).
    /// The context stacks the app asks with: one for every focus it can be in.
    fn stacks() -> Vec<Vec<Context>> {
        crate::tui::state::Focus::ALL
            .iter()
            .map(|f| f.contexts())
            .collect()
    }

    fn event(key: &Key) -> KeyEvent {
        press(key.code, key.mods)
    }

    /// What pressing `key` should do under `binding`.
    fn expected(binding: &Binding, key: &Key) -> Action {
        match (&binding.action, key.code) {
            (Action::Rate(0), KeyCode::Char(c)) => Action::Rate(c as u8 - b'0'),
            (action, _) => action.clone(),
        }
    }

    #[test]
    fn no_binding_is_shadowed() {
        for binding in BINDINGS {
            let stacks: Vec<_> = stacks()
                .into_iter()
                .filter(|s| s.contains(&binding.context))
                .collect();
            assert!(!stacks.is_empty(), "{:?} is never asked", binding.context);
            for key in binding.keys {
                let reached: Vec<bool> = stacks
                    .iter()
                    .map(|s| action_for(&event(key), s) == expected(binding, key))
                    .collect();
                // A footer key must do what the footer says wherever it shows;
                // any other key must work somewhere (Ctrl-Z suspends only
                // outside text fields).
                let ok = if binding.in_footer {
                    reached.iter().all(|r| *r)
                } else {
                    reached.iter().any(|r| *r)
                };
                assert!(
                    ok,
                    "{:?} {key:?} ({} {}) is taken by an earlier binding",
                    binding.context, binding.label, binding.does
                );
            }
        }
    }

    #[test]
    fn every_action_a_modal_needs_is_in_its_hint() {
        let modals = [
            (
                C::TitlePrompt,
                vec![Action::ConfirmTitle, Action::CancelTitle],
            ),
            (
                C::ExportPrompt,
                vec![
                    Action::ConfirmExport,
                    Action::NextFormat,
                    Action::CancelExport,
                ],
            ),
            (C::Confirm, vec![Action::ConfirmYes, Action::ConfirmNo]),
            (
                C::GuideChooser,
                vec![Action::SelectNext, Action::ChooseGuide, Action::CancelGuide],
            ),
            (
                C::LookAgainPrompt,
                vec![Action::ConfirmLookAgain, Action::CancelLookAgain],
            ),
        ];
        for (context, actions) in modals {
            // What `hint` lists.
            let shown: Vec<&Binding> = bindings_for(&[context])
                .into_iter()
                .filter(|b| b.in_footer)
                .collect();
            for action in actions {
                assert!(
                    shown.iter().any(|b| b.action == action),
                    "{context:?} has no hint for {action:?}"
                );
            }
        }
    }

    #[test]
    fn hand_written_hints_name_the_keys_that_are_bound() {
        // confirm.rs, export_prompt.rs, the search line in home.rs and
        // the completion line in walk.rs word
        // their hints differently from the footer, so they write these labels
        // by hand; rebinding one of these keys means changing that screen too.
        let written = [
            (C::Confirm, Action::ConfirmYes, "y"),
            (C::Confirm, Action::ConfirmNo, "n"),
            (C::ExportPrompt, Action::ConfirmExport, "Enter"),
            (C::ExportPrompt, Action::NextFormat, "Tab"),
            (C::ExportPrompt, Action::CancelExport, "Esc"),
            (C::Home, Action::StartSearch, "/"),
            (C::Home, Action::ClearSearch, "Esc"),
            // walk.rs: the line after marking complete.
            (C::Plan, Action::SetLookAgain, "l"),
        ];
        for (context, action, label) in written {
            let binding = BINDINGS
                .iter()
                .find(|b| b.context == context && b.action == action)
                .unwrap_or_else(|| panic!("{context:?} has no key for {action:?}"));
            assert_eq!(binding.label, label, "{context:?} {action:?}");
        }
    }
}
