//! The steps of every reflection as one agenda: what is overdue, what is due
//! next, what has no date. The command line and (later) the TUI list it, and
//! the step formats (iCalendar, Taskwarrior, todo.txt) write it out.

use time::{Date, OffsetDateTime};

/// One action step with the reflection it belongs to, as the agenda lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaStep {
    /// The reflection's id and its title as shown ("Untitled reflection" for none).
    pub reflection: String,
    pub title: String,
    /// The step's stable id, unique within its reflection.
    pub id: String,
    pub text: String,
    /// The due date when the step has one that parses; `due_text` keeps what
    /// was typed when it does not.
    pub due: Option<Date>,
    pub due_text: String,
    pub done: bool,
    /// Due before today and not done.
    pub overdue: bool,
    /// When the reflection was started and last changed: a step's "entry" and
    /// "modified" for tools that want them.
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
}
