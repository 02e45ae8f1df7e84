//! The agenda screen: every open step of every reflection, to tick where it
//! stands or to open its reflection at that step.

use time::Date;

use crate::agenda::{self, AgendaStep};
use crate::role::Role;
use crate::store::Summary;
use crate::tui::field::FieldFocus;
use crate::tui::keys::Action;
use crate::tui::reading_page;
use crate::wizard::Cursor;

use super::{App, Effect, GuideSection, View};

/// Rows the agenda's title, column heads, message and footer take.
const CHROME_ROWS: u16 = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Open steps in agenda order, and those ticked since it opened.
    pub steps: Vec<AgendaStep>,
    pub selected: usize,
    /// Steps ticked here, by (reflection, step): they stay listed, marked
    /// done, so a tick by mistake is one Space away from undone.
    kept: Vec<(String, String)>,
}

impl Agenda {
    /// Lists the steps again from the summaries, keeping the selected one
    /// selected when it is still there.
    pub fn refresh(&mut self, summaries: &[Summary], today: Date) {
        let was = self.selected_key();
        let mut steps: Vec<AgendaStep> = summaries
            .iter()
            .flat_map(|s| agenda::listed_steps(s, today))
            .filter(|s| !s.done || self.kept.contains(&key_of(s)))
            .collect();
        agenda::order(&mut steps);
        self.steps = steps;
        if let Some(at) = was.and_then(|k| self.steps.iter().position(|s| key_of(s) == k)) {
            self.selected = at;
        }
        self.selected = self.selected.min(self.steps.len().saturating_sub(1));
    }

    pub fn selected_step(&self) -> Option<&AgendaStep> {
        self.steps.get(self.selected)
    }

    fn selected_key(&self) -> Option<(String, String)> {
        self.selected_step().map(key_of)
    }

    /// A step was ticked (or unticked) here: it stays on the list.
    pub fn keep(&mut self, reflection: String, step: String) {
        let key = (reflection, step);
        if !self.kept.contains(&key) {
            self.kept.push(key);
        }
    }

    /// The first row drawn so the selected one is in view, `rows` tall.
    pub fn first_shown(&self, rows: usize) -> usize {
        (self.selected + 1).saturating_sub(rows.max(1))
    }
}

fn key_of(s: &AgendaStep) -> (String, String) {
    (s.reflection.clone(), s.id.clone())
}

impl App {
    pub(super) fn open_agenda(&mut self) {
        let mut agenda = Agenda::default();
        agenda.refresh(&self.home.listing.reflections, self.clock.today);
        self.agenda = Some(agenda);
    }

    /// Keys on the agenda: move, tick, open, back home.
    pub(super) fn update_agenda(&mut self, action: Action) -> Effect {
        let page = usize::from(self.size.1.saturating_sub(CHROME_ROWS).max(1));
        let Some(agenda) = self.agenda.as_mut() else {
            return Effect::None;
        };
        let last = agenda.steps.len().saturating_sub(1);
        let at = agenda.selected;
        agenda.selected = match action {
            Action::SelectNext => (at + 1).min(last),
            Action::SelectPrev => at.saturating_sub(1),
            Action::PageDown => (at + page).min(last),
            Action::PageUp => at.saturating_sub(page),
            Action::ScrollTop => 0,
            Action::ScrollBottom => last,
            _ => at,
        };
        match action {
            Action::BackHome => self.agenda = None,
            Action::TickStep => {
                if let Some(step) = agenda.selected_step() {
                    return Effect::TickStep {
                        reflection: step.reflection.clone(),
                        step: step.id.clone(),
                    };
                }
            }
            Action::OpenSelected => {
                if let Some(step) = agenda.selected_step() {
                    let id = step.reflection.clone();
                    self.opening_step = Some(step.id.clone());
                    self.agenda = None;
                    return Effect::Open(id);
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// Puts the reflection just opened at this step: on the reading page,
    /// the step chosen and in view; while walking, the step's own row of
    /// the Goals steps (or Risk's first brave step).
    pub(super) fn show_step(&mut self, id: &str) {
        let today = self.clock.today;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let guide = std::rc::Rc::clone(&session.guide);
        let guide: &crate::guide::Guide = &guide;
        let Some(index) = session.reflection.step_index(id) else {
            return;
        };
        if session.view == View::Reading {
            session.reading.selected_step = Some(index);
            let Some(doc) = self.reading_document() else {
                return;
            };
            let (_, height) = reading_page::page_size(self.size);
            if let (Some(step), Some(session)) = (
                doc.steps.iter().find(|s| s.index == index),
                self.session.as_mut(),
            ) {
                // From the top when the step shows there; otherwise just far
                // enough, as choosing a step with Tab scrolls.
                let rows = usize::from(height);
                session.reading.scroll = (step.line + 2)
                    .saturating_sub(rows)
                    .min(doc.max_scroll(height));
            }
            return;
        }
        let goals = session.reflection.action_steps().len();
        let role = if index < goals {
            Role::Steps
        } else {
            Role::FirstStep
        };
        let Some((stage, step_field)) = guide.role(role) else {
            return;
        };
        let Some(field) = guide.stage(stage).field_index(&step_field.key) else {
            return;
        };
        let cursor = Cursor { stage, field };
        session.focus = FieldFocus::at(&session.reflection, guide, cursor);
        session.cursor = cursor;
        session.guide_first = GuideSection::Intro;
        if let FieldFocus::Steps(steps) = &mut session.focus
            && index < goals
        {
            steps.go_to(index, today);
        }
        self.remember_position();
    }
}
