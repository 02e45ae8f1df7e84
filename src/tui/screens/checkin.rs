//! A check-in: its questions as a form, like a stage's, with how heavy the
//! setback felt before in the header, beside the question of how it feels now.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::dates::{self, parse_iso};
use crate::store::weights;
use crate::tui::state::{App, CheckinForm, Session};
use crate::tui::widgets::{Answers, fit};

use super::stage::{Form, draw_form_screen};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, session: &Session, form: &CheckinForm) {
    let fields = &form.questions.fields;
    let answered = fields
        .iter()
        .filter(|f| form.draft.is_answered(&f.key))
        .count();
    let day = form.draft.date().unwrap_or(app.clock.today);
    let view = Form {
        content: &form.questions,
        title: format!(" Check-in · {} ", dates::readable(day)),
        counts: format!("  {answered} of {} answered ", fields.len()),
        answers: &form.draft,
        focused: form.question,
        focus: &form.focus,
        guide_first: form.guide_first,
        story: None,
    };
    draw_form_screen(frame, area, app, session, &view);
}

/// How heavy it felt before this check-in, oldest first, for the header, in
/// `room` columns: "4 Heavy at the start · 3 Noticeable on completion · 2
/// Noticeable on Sat 19 Dec", the scale's words left out when that is too
/// long, then cut.
pub fn earlier_weights(form: &CheckinForm, room: usize) -> String {
    let with_words = said_weights(form, true);
    if crate::text::columns(&with_words) <= room {
        return with_words;
    }
    fit(&said_weights(form, false), room)
}

fn said_weights(form: &CheckinForm, words: bool) -> String {
    let scale = form
        .guide
        .questions
        .field(crate::reflection::WEIGHT_KEY)
        .map(|f| f.scale.clone())
        .unwrap_or_default();
    let all = weights(form.base());
    if all.is_empty() {
        return "No earlier number yet: this will be the first.".into();
    }
    let said: Vec<String> = all
        .iter()
        .map(|w| {
            let word = scale
                .get(usize::from(w.weight()).saturating_sub(1))
                .filter(|_| words)
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            let when = match w.when() {
                "start" => "at the start".to_string(),
                "completion" => "on completion".to_string(),
                _ => parse_iso(w.day())
                    .map(|d| format!("on {}", dates::readable(d)))
                    .unwrap_or_default(),
            };
            format!("{}{word} {when}", w.weight())
        })
        .collect();
    format!("Before: {}", said.join(" · "))
}
