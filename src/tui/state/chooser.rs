//! Which guide a new reflection follows: offered before its title, the default first.

use crate::guide::DEFAULT_NAME;
use crate::guides::{Entry, Origin};
use crate::text::printable_line;
use crate::tui::keys::Action;

use super::{App, Effect, Modal, TitlePurpose};

/// The guides to choose from, one of them selected.
pub struct GuideChooser {
    pub choices: Vec<GuideChoice>,
    pub selected: usize,
}

/// One guide as the chooser shows it, cleaned for the terminal when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideChoice {
    pub name: String,
    pub title: String,
    /// "10 minutes", or how many questions when the guide does not say.
    pub length: String,
    pub summary: Option<String>,
    /// A guide file of the person's own rather than a built-in one.
    pub yours: bool,
}

impl GuideChoice {
    fn of(entry: &Entry) -> GuideChoice {
        let line = |text: &str| printable_line(text.trim()).into_owned();
        GuideChoice {
            name: entry.name.clone(),
            // A guide without a title is known by its name, as on the command line.
            title: entry
                .guide
                .title
                .as_deref()
                .map(line)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| entry.name.clone()),
            length: entry.length(),
            summary: entry
                .guide
                .summary
                .as_deref()
                .map(line)
                .filter(|s| !s.is_empty()),
            yours: matches!(entry.origin, Origin::Yours(_)),
        }
    }
}

impl GuideChooser {
    pub fn chosen(&self) -> Option<&GuideChoice> {
        self.choices.get(self.selected)
    }
}

impl App {
    /// `n` on home, or `rebound new`: the guides to choose from, the default
    /// selected so Enter takes it; with only one guide there is nothing to
    /// choose, so the title is asked for at once.
    pub fn start_new_reflection(&mut self) {
        let choices: Vec<GuideChoice> = self.guides.guides.iter().map(GuideChoice::of).collect();
        if choices.len() < 2 {
            let name = choices
                .first()
                .map_or_else(|| DEFAULT_NAME.to_string(), |c| c.name.clone());
            self.open_title_prompt(TitlePurpose::New(name));
            return;
        }
        let selected = choices
            .iter()
            .position(|c| c.name == DEFAULT_NAME)
            .unwrap_or(0);
        self.show_modal(Modal::ChooseGuide(GuideChooser { choices, selected }));
    }

    pub fn guide_chooser(&self) -> Option<&GuideChooser> {
        match &self.modal {
            Some(Modal::ChooseGuide(chooser)) => Some(chooser),
            _ => None,
        }
    }

    pub(super) fn update_chooser(&mut self, action: Action) -> Effect {
        let Some(Modal::ChooseGuide(chooser)) = self.modal.as_mut() else {
            return Effect::None;
        };
        let last = chooser.choices.len().saturating_sub(1);
        match action {
            Action::SelectNext => chooser.selected = (chooser.selected + 1).min(last),
            Action::SelectPrev => chooser.selected = chooser.selected.saturating_sub(1),
            Action::ChooseGuide => {
                if let Some(name) = chooser.chosen().map(|c| c.name.clone()) {
                    self.open_title_prompt(TitlePurpose::New(name));
                }
            }
            Action::CancelGuide => self.modal = None,
            _ => {}
        }
        Effect::None
    }
}
