//! The stories screen over home: the invented stories listed, and the one
//! being read with how far it is scrolled.

use crate::stories::{NONE, Stories, Story};
use crate::tui::keys::Action;
use crate::tui::story_page;

use super::{App, Effect, Focus, scrolled};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoriesView {
    pub selected: usize,
    /// The story being read (an index into the stories), if one is.
    pub reading: Option<usize>,
    pub scroll: usize,
}

impl App {
    pub(super) fn open_stories(&mut self) {
        self.stories_view = Some(StoriesView::default());
    }

    /// The invented stories: none if the shipped file were broken (its
    /// tests catch that, and missing stories never stop anyone writing).
    pub fn stories(&self) -> &'static Stories {
        Stories::builtin().unwrap_or(&NONE)
    }

    /// The story open to read, if one is.
    pub fn story_read(&self) -> Option<&'static Story> {
        let at = self.stories_view.as_ref()?.reading?;
        self.stories().all.get(at)
    }

    pub(super) fn stories_focus(&self) -> Focus {
        if self.story_read().is_some() {
            Focus::Story
        } else {
            Focus::Stories
        }
    }

    /// The list: move, read one, or go home; a story being read has its own keys.
    pub(super) fn update_stories(&mut self, action: Action) -> Effect {
        if self.story_read().is_some() {
            return self.update_story(action);
        }
        let stories = self.stories();
        let last = stories.all.len().saturating_sub(1);
        let Some(view) = self.stories_view.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::SelectNext => view.selected = (view.selected + 1).min(last),
            Action::SelectPrev => view.selected = view.selected.saturating_sub(1),
            Action::OpenSelected if view.selected <= last && !stories.all.is_empty() => {
                view.reading = Some(view.selected);
                view.scroll = 0;
            }
            Action::BackHome => self.stories_view = None,
            _ => {}
        }
        Effect::None
    }

    /// Reading one: scroll, or go back to the list.
    fn update_story(&mut self, action: Action) -> Effect {
        let (guide, size) = (self.guide, self.size);
        let Some(story) = self.story_read() else {
            return Effect::None;
        };
        let max = story_page::max_scroll(story, guide, size);
        let page = usize::from(story_page::page_size(size).1.saturating_sub(1).max(1));
        let Some(view) = self.stories_view.as_mut() else {
            return Effect::None;
        };
        if action == Action::BackHome {
            view.reading = None;
        } else if let Some(to) = scrolled(view.scroll, &action, page, max) {
            view.scroll = to;
        }
        Effect::None
    }
}
