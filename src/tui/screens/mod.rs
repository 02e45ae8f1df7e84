//! Drawing: a pure function of the app state, one file per screen.

mod chrome;
mod confirm;
mod detail;
mod export_prompt;
mod help;
mod home;
mod plan;
mod stage;
mod title_prompt;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::state::{App, Screen};
use crate::stage::Stage;

/// The smallest terminal the layouts are designed for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(frame, area);
        return;
    }
    match (app.screen, &app.session) {
        (Screen::Home, _) | (Screen::Reflection, None) => home::draw(frame, area, app),
        (Screen::TitlePrompt, session) => {
            if session.is_some() {
                draw_reflection(frame, area, app);
            } else {
                home::draw(frame, area, app);
            }
            title_prompt::draw(frame, area, app);
        }
        (Screen::Reflection, Some(_)) => draw_reflection(frame, area, app),
        (Screen::Detail, Some(session)) => {
            detail::draw(frame, area, app, session);
            export_prompt::draw(frame, area, app);
        }
        (Screen::Detail, None) => home::draw(frame, area, app),
    }
    confirm::draw(frame, area, app);
    if app.help_open {
        help::draw(frame, area, app);
    }
}

fn draw_reflection(frame: &mut Frame, area: Rect, app: &App) {
    let Some(session) = &app.session else { return };
    if session.cursor.stage == Stage::Plan {
        plan::draw(frame, area, app, session);
    } else {
        stage::draw(frame, area, app, session);
    }
}
