//! The full-screen front end: state, keys, screens and the event loop.

mod action;
mod answers;
mod autosave;
mod editor;
mod effects;
mod field;
mod help_page;
mod input;
pub mod keys;
mod long_text;
mod plan_page;
mod reading_page;
mod runtime;
pub mod screens;
mod stage_layout;
pub mod state;
mod story_page;
mod terminal;
pub mod theme;
mod widgets;
mod wrap;

pub use runtime::{Launch, run};
