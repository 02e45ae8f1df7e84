//! Colours and text styles: a quiet palette that reads on dark and light terminals.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

pub const ACCENT: Color = Color::Cyan;

/// Whether the screen may use colour. Colour is never the only sign of a
/// state (a marker or reverse video always goes with it), so dropping it
/// loses nothing but decoration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Palette {
    #[default]
    Colour,
    /// `NO_COLOR` is set: reverse, bold and underline only.
    Plain,
}

impl Palette {
    /// The palette for a `NO_COLOR` value as the environment holds it
    /// (no-color.org: present and not empty means no colour).
    pub fn for_no_color(value: Option<&std::ffi::OsStr>) -> Palette {
        match value {
            Some(v) if !v.is_empty() => Palette::Plain,
            _ => Palette::Colour,
        }
    }
}

/// Takes the colours out of a drawn screen and keeps reverse, bold and
/// underline. Under `NO_COLOR` crossterm writes every colour change as a
/// bare `ESC[m`, which also resets reverse video and bold: a screen with no
/// colour left in it sends no colour changes at all.
pub fn drop_colours(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
        cell.underline_color = Color::Reset;
    }
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn accent() -> Style {
    Style::default().fg(ACCENT)
}

pub fn heading() -> Style {
    Style::default().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn focused_label() -> Style {
    Style::default()
        .fg(ACCENT)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn answered() -> Style {
    Style::default().fg(Color::Green)
}

pub fn warning() -> Style {
    Style::default().fg(Color::Yellow)
}

pub fn selected_row() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn key() -> Style {
    Style::default().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub fn example() -> Style {
    Style::default().add_modifier(Modifier::ITALIC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn an_empty_no_color_still_allows_colour() {
        assert_eq!(Palette::for_no_color(None), Palette::Colour);
        assert_eq!(Palette::for_no_color(Some(OsStr::new(""))), Palette::Colour);
        assert_eq!(Palette::for_no_color(Some(OsStr::new("1"))), Palette::Plain);
    }
}
