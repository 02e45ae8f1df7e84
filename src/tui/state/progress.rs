//! The progress screen's state: the numbers, worked out when it opens and when the list changes, so drawing only lays them out.

use crate::progress::Progress;
use crate::tui::keys::Action;

use super::{App, Effect};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressView {
    pub numbers: Progress,
}

impl App {
    pub(super) fn open_progress(&mut self) {
        self.progress = Some(ProgressView {
            numbers: Progress::of(&self.home.listing.reflections, self.clock.today),
        });
    }

    /// The list changed under the screen (a save, a file edited elsewhere).
    pub(super) fn refresh_progress(&mut self) {
        if self.progress.is_some() {
            self.open_progress();
        }
    }

    /// The screen only shows: its one key goes home.
    pub(super) fn update_progress(&mut self, action: Action) -> Effect {
        if action == Action::BackHome {
            self.progress = None;
        }
        Effect::None
    }
}
