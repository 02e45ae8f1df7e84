//! rebound: a calm terminal guide from a career setback to a dated growth plan.
//!
//! The core (guide, reflection, wizard, store, dates) knows nothing of the
//! terminal; `tui` and `cli` are front ends over it.

pub mod agenda;
pub mod checkin;
pub mod cli;
pub mod dates;
pub mod export;
pub mod guide;
pub mod guides;
pub mod lifecycle;
pub mod outline;
pub mod progress;
pub mod reflection;
pub mod role;
pub mod search;
pub mod stage;
pub mod step_formats;
pub mod store;
pub mod stories;
pub mod support;
pub mod text;
pub mod tui;
pub mod wizard;
