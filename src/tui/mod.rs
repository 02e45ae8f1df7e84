//! The full-screen front end: state, keys, screens and the event loop.

mod app;
mod detail;
mod field;
mod input;
pub mod keys;
pub mod screens;
pub mod state;
mod terminal;
mod theme;
mod widgets;

pub use app::{Launch, ensure_terminal, run};
