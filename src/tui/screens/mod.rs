//! Drawing: a pure function of the app state, one file per screen.

mod agenda;
mod checkin;
mod chrome;
mod confirm;
mod export_prompt;
mod guide_chooser;
mod guide_pane;
mod help;
mod home;
mod look_again_prompt;
mod plan;
mod progress;
mod reading;
mod stage;
mod stories;

pub use stage::guide_left_out;
mod title_prompt;
mod writing;

pub use writing::text_size as writing_text_size;

use ratatui::Frame;

use crate::stage::Stage;
use crate::tui::state::{App, Modal, Screen};
use crate::tui::theme::{self, Palette};

/// The smallest terminal the layouts are designed for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(frame, area);
        return;
    }
    match (app.screen(), &app.session) {
        (Screen::Walk, Some(session)) if session.cursor.stage == Stage::PLAN => {
            plan::draw(frame, area, app, session);
        }
        (Screen::Walk, Some(session)) => stage::draw(frame, area, app, session),
        (Screen::Reading, Some(session)) => reading::draw(frame, area, app, session),
        (Screen::Checkin, Some(session)) => match &session.checkin {
            Some(form) => checkin::draw(frame, area, app, session, form),
            None => reading::draw(frame, area, app, session),
        },
        (Screen::Writing, Some(session)) => match &session.writing {
            Some(page) => writing::draw(frame, area, app, session, page),
            None => reading::draw(frame, area, app, session),
        },
        (Screen::Agenda, _) => match &app.agenda {
            Some(a) => agenda::draw(frame, area, app, a),
            None => home::draw(frame, area, app),
        },
        (Screen::Progress, _) => match &app.progress {
            Some(p) => progress::draw(frame, area, app, p),
            None => home::draw(frame, area, app),
        },
        (Screen::Stories, _) => match &app.stories_view {
            Some(view) => stories::draw(frame, area, app, view),
            None => home::draw(frame, area, app),
        },
        _ => home::draw(frame, area, app),
    }
    match &app.modal {
        Some(Modal::ChooseGuide(chooser)) => guide_chooser::draw(frame, area, chooser),
        Some(Modal::Title(prompt)) => title_prompt::draw(frame, area, app, prompt),
        Some(Modal::Export(prompt)) => export_prompt::draw(frame, area, prompt),
        Some(Modal::ConfirmDelete(confirm)) => confirm::draw(frame, area, confirm),
        Some(Modal::LookAgain(prompt)) => look_again_prompt::draw(frame, area, app, prompt),
        None => {}
    }
    if app.help_open {
        help::draw(frame, area, app);
    }
    if app.palette == Palette::Plain {
        theme::drop_colours(frame.buffer_mut());
    }
}
