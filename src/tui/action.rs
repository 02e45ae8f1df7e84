//! Everything a key can ask the app to do: the one vocabulary between the
//! key table (`keys.rs`) and `update`.

use crossterm::event::KeyEvent;

use crate::tui::editor::TextEdit;

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
    OpenAgenda,
    OpenProgress,
    OpenStories,
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
    /// Look again at a reflection: a new check-in, or the unfinished one.
    Checkin,
    StartExport,
    // The export prompt.
    ConfirmExport,
    CancelExport,
    NextFormat,
    // The guide chooser, before the title of a new reflection.
    ChooseGuide,
    CancelGuide,
    // The title prompt.
    ConfirmTitle,
    CancelTitle,
    // The day to look again: opening its prompt, then saving or leaving it.
    SetLookAgain,
    ConfirmLookAgain,
    CancelLookAgain,
    // Moving through a reflection.
    NextField,
    PrevField,
    NextStage,
    PrevStage,
    BackHome,
    Undo,
    Redo,
    // Editing in any text field, as readline does.
    Text(TextEdit),
    // Action steps: leaving the due date for the step's text.
    EndDueDate,
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
    // The guide pane: intro, hint and example in turn.
    NextGuide,
    /// The private free-writing page, over a stage or the reading page.
    OpenWriting,
    // The growth plan.
    MarkComplete,
    /// Carry on in the longer guide this one goes deeper in.
    GoDeeper,
    EditTitle,
    ScrollDown,
    ScrollUp,
    // Anything not in the table goes to the focused editor.
    Edit(KeyEvent),
    Paste(String),
}
