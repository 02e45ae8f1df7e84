//! The home screen's state: the list of reflections (a sync tool's conflict
//! copies each under its original), the search line that narrows it, the
//! selected row, and what `u` can bring back.

use std::collections::HashMap;

use time::Date;

use crate::guides::Problem;
use crate::search::{Corpus, Query};
use crate::store::{Listing, Stray, Summary};
use crate::tui::editor::Editor;
use crate::tui::field::one_line_editor;
use crate::tui::keys::Action;

use super::modal::edit_one_line;
use super::{App, Effect, Message};

/// The search line on the home screen; while `typing`, keys go to it.
pub struct Search {
    pub editor: Editor,
    pub typing: bool,
    pub query: Query,
}

/// A row of the home list: what ↑ and ↓ move through and Enter opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeRow {
    /// A reflection, by its place in `visible`.
    Reflection(usize),
    /// A sync tool's conflict copy, by its place in the listing's strays:
    /// right under its original, or at the end when that is not listed.
    Copy(usize),
}

#[derive(Default)]
pub struct Home {
    pub listing: Listing,
    /// The listing's titles folded (lower case, no accents), for search.
    titles_lower: Vec<String>,
    /// The rows the search lets through, as indices into the listing.
    pub visible: Vec<usize>,
    /// For each visible row: matched in its answers rather than its title,
    /// so the list shows the words that matched.
    pub matched_in_answers: Vec<bool>,
    /// Every row on the list, in order: the visible reflections, and (while
    /// no search narrows the list) the conflict copies.
    pub rows: Vec<HomeRow>,
    /// The selected row, as an index into `rows`.
    pub selected: usize,
    pub search: Option<Search>,
    /// Every reflection's answer text, loaded when a search starts.
    pub corpus: Option<Corpus>,
    /// The trash name of the last reflection deleted, for `u`.
    pub last_trashed: Option<String>,
    /// Guide files of the person's own that did not load, and why.
    pub broken_guides: Vec<Problem>,
}

impl Home {
    pub fn set_listing(&mut self, listing: Listing) {
        self.titles_lower = listing
            .reflections
            .iter()
            .map(|s| crate::search::fold(&s.title))
            .collect();
        self.listing = listing;
        self.refilter();
    }

    pub fn set_corpus(&mut self, corpus: Corpus) {
        self.corpus = Some(corpus);
        self.refilter();
    }

    /// The reflection on the selected row.
    pub fn selected_summary(&self) -> Option<&Summary> {
        match self.rows.get(self.selected)? {
            HomeRow::Reflection(at) => self.listing.reflections.get(*self.visible.get(*at)?),
            HomeRow::Copy(_) => None,
        }
    }

    /// The conflict copy on the selected row.
    pub fn selected_copy(&self) -> Option<&Stray> {
        match self.rows.get(self.selected)? {
            HomeRow::Copy(k) => self.listing.strays.get(*k),
            HomeRow::Reflection(_) => None,
        }
    }

    /// What the selected row is, to select it again in a fresh list: a
    /// reflection's id or a copy's file name.
    pub fn selected_key(&self) -> Option<String> {
        self.selected_summary()
            .map(|s| s.id.clone())
            .or_else(|| self.selected_copy().map(|c| c.name.clone()))
    }

    /// Selects the reflection with this id or, failing that, the conflict
    /// copy with this file name.
    pub fn select_id(&mut self, id: &str) {
        let reflection = |row: &HomeRow| match row {
            HomeRow::Reflection(at) => self
                .visible
                .get(*at)
                .and_then(|&i| self.listing.reflections.get(i))
                .is_some_and(|s| s.id == id),
            HomeRow::Copy(_) => false,
        };
        let copy = |row: &HomeRow| match row {
            HomeRow::Copy(k) => self.listing.strays.get(*k).is_some_and(|s| s.name == id),
            HomeRow::Reflection(_) => false,
        };
        if let Some(row) = self
            .rows
            .iter()
            .position(reflection)
            .or_else(|| self.rows.iter().position(copy))
        {
            self.selected = row;
        }
    }

    /// One reflection's answers, searchable at once (when search is loaded).
    pub fn insert_text(&mut self, id: String, text: String) {
        if let Some(corpus) = self.corpus.as_mut() {
            corpus.insert(id, text);
            self.refilter();
        }
    }

    /// A listed reflection's title folded, as search sees it.
    pub fn title_lower(&self, index: usize) -> &str {
        self.titles_lower.get(index).map_or("", String::as_str)
    }

    /// The active search, if it has words in it.
    pub fn query(&self) -> Option<&Query> {
        self.search
            .as_ref()
            .map(|s| &s.query)
            .filter(|q| !q.is_empty())
    }

    /// Narrows the list to what the search matches.
    fn refilter(&mut self) {
        let all = 0..self.listing.reflections.len();
        let (visible, in_answers) = match self.query() {
            None => (all.collect(), Vec::new()),
            Some(query) => all
                .filter_map(|i| {
                    let s = &self.listing.reflections[i];
                    let answers = self.corpus.as_ref().map_or("", |c| c.folded(&s.id));
                    query
                        .matches(&self.titles_lower[i], answers)
                        .map(|hit| (i, !hit.title_only))
                })
                .unzip(),
        };
        self.visible = visible;
        self.matched_in_answers = in_answers;
        self.rows = self.rows_with_copies();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The visible reflections, each followed by its conflict copies; copies
    /// of a reflection not listed come last. Search looks at reflections
    /// only, so a search hides the copies.
    fn rows_with_copies(&self) -> Vec<HomeRow> {
        let mut copies: HashMap<&str, Vec<usize>> = HashMap::new();
        if self.query().is_none() {
            for (k, stray) in self.listing.strays.iter().enumerate() {
                if let Some(copy) = &stray.copy {
                    copies.entry(copy.of.as_str()).or_default().push(k);
                }
            }
        }
        let mut rows = Vec::with_capacity(self.visible.len() + self.listing.strays.len());
        for (at, &i) in self.visible.iter().enumerate() {
            rows.push(HomeRow::Reflection(at));
            if copies.is_empty() {
                continue;
            }
            if let Some(under) = self
                .listing
                .reflections
                .get(i)
                .and_then(|s| copies.remove(s.id.as_str()))
            {
                rows.extend(under.into_iter().map(HomeRow::Copy));
            }
        }
        let mut orphans: Vec<usize> = copies.into_values().flatten().collect();
        orphans.sort_unstable();
        rows.extend(orphans.into_iter().map(HomeRow::Copy));
        rows
    }
}

impl Home {
    /// The reflection whose check-in has waited longest, once its day has come.
    /// The same one home's line names and `rebound checkin` opens.
    pub fn checkin_due(&self, today: Date) -> Option<&Summary> {
        let reflections = &self.listing.reflections;
        let oldest = crate::agenda::checkins_due(reflections, today).oldest?;
        reflections.iter().find(|s| s.id == oldest.reflection)
    }
}

impl App {
    /// Keys while the search line has focus: typing narrows the list.
    pub(super) fn update_search(&mut self, action: Action) -> Effect {
        let Some(search) = self.home.search.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::ClearSearch => return self.update_home(Action::ClearSearch),
            Action::OpenSelected => {
                search.typing = false;
                return self.update_home(Action::OpenSelected);
            }
            Action::SelectNext | Action::SelectPrev => return self.update_home(action),
            action => {
                if edit_one_line(&mut search.editor, action).is_none() {
                    return Effect::None;
                }
            }
        }
        let text = search.editor.lines().join(" ");
        let query = Query::parse(&text);
        if query != search.query {
            search.query = query;
            self.home.selected = 0;
            self.home.refilter();
        }
        Effect::None
    }

    pub(super) fn update_home(&mut self, action: Action) -> Effect {
        let home = &mut self.home;
        let count = home.rows.len();
        match action {
            Action::NewReflection => {
                self.start_new_reflection();
                Effect::None
            }
            Action::OpenAgenda => {
                self.open_agenda();
                Effect::None
            }
            // The check-in home says is due; with none due, the selected
            // reflection's (any other opens from its reading page).
            Action::Checkin => match home.checkin_due(self.clock.today).or_else(|| {
                home.selected_summary()
                    .filter(|s| s.status == crate::reflection::Status::Completed)
            }) {
                Some(s) => {
                    let id = s.id.clone();
                    self.opening_checkin = true;
                    Effect::Open(id)
                }
                None => Effect::None,
            },
            Action::OpenProgress => {
                self.open_progress();
                Effect::None
            }
            Action::OpenStories => {
                self.open_stories();
                Effect::None
            }
            Action::OpenSelected => match (home.selected_summary(), home.selected_copy()) {
                (Some(s), _) => Effect::Open(s.id.clone()),
                (None, Some(copy)) => Effect::OpenCopy(copy.name.clone()),
                (None, None) => Effect::None,
            },
            Action::StartSearch if !home.listing.reflections.is_empty() => {
                let search = home.search.get_or_insert_with(|| {
                    let mut editor = one_line_editor(String::new());
                    editor.set_placeholder_text("words from a title or an answer");
                    Search {
                        editor,
                        typing: true,
                        query: Query::default(),
                    }
                });
                search.typing = true;
                if home.corpus.is_none() {
                    Effect::LoadSearch
                } else {
                    Effect::None
                }
            }
            Action::ClearSearch => {
                let selected = home.selected_key();
                home.search = None;
                // Loaded again for the next search, so it sees any hand edits.
                home.corpus = None;
                home.refilter();
                if let Some(id) = selected {
                    home.select_id(&id);
                }
                Effect::None
            }
            Action::DeleteSelected => {
                if let Some(s) = home.selected_summary() {
                    let (id, title) = (s.id.clone(), s.title.clone());
                    self.ask_to_delete(id, &title);
                } else if home.selected_copy().is_some() {
                    // Deleting by the id inside would trash the original.
                    self.notice = Some(Message::calm(super::reading::copy_is_only_read(
                        &Action::DeleteSelected,
                    )));
                }
                Effect::None
            }
            Action::UndoDelete => match home.last_trashed.take() {
                Some(name) => Effect::Restore(name),
                None => {
                    self.notice = Some(Message::calm(
                        "Nothing deleted here to bring back (`rebound restore` lists the trash).",
                    ));
                    Effect::None
                }
            },
            Action::SelectNext if count > 0 => {
                home.selected = (home.selected + 1).min(count - 1);
                Effect::None
            }
            Action::SelectPrev => {
                home.selected = home.selected.saturating_sub(1);
                Effect::None
            }
            _ => Effect::None,
        }
    }
}
