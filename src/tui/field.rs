//! The editing state of the focused field, and how its edits reach the
//! reflection. While a field has focus its editor is the source of truth; every
//! edit is written straight back (dates as the date they mean), so autosave
//! always has the latest text.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, Input, TextArea, WrapMode};
use time::Date;

use crate::dates::{self, DateInput};
use crate::guide::{FieldGuide, FieldKind, Guide};
use crate::reflection::{ActionItem, Reflection};
use crate::stage::Stage;
use crate::text::clean_paste;
use crate::tui::answers::{Answers, StageAnswers};
use crate::tui::editor::{Editor, TextEdit};
use crate::tui::long_text::{self, LongText};
use crate::tui::theme;
use crate::wizard::Cursor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepColumn {
    Text,
    Due,
}

/// The action plan being edited: a working copy of the steps (so a step emptied
/// mid-edit keeps its place), the selected row and the cell's editor.
pub struct StepsFocus {
    pub rows: Vec<ActionItem>,
    /// `rows.len()` is the empty row at the end that becomes a new step.
    pub row: usize,
    pub column: StepColumn,
    pub editor: Editor,
}

pub enum FieldFocus {
    /// One-line text, multi-line text, lists and dates.
    Text(Editor),
    /// Multi-line text too long to edit whole: a window onto it.
    Long(LongText),
    Checklist {
        index: usize,
    },
    Rating,
    Steps(StepsFocus),
}

impl FieldFocus {
    /// The editing state for the field under a cursor (the growth plan's
    /// one field is its rating).
    pub fn at(reflection: &Reflection, guide: &Guide, cursor: Cursor) -> FieldFocus {
        match guide.field(cursor.stage, cursor.field) {
            Some(field) => FieldFocus::open(reflection, cursor.stage, field),
            None => FieldFocus::Rating,
        }
    }

    pub fn open(reflection: &Reflection, stage: Stage, field: &FieldGuide) -> FieldFocus {
        FieldFocus::open_from(&StageAnswers(reflection, stage), field)
    }

    /// The editing state for a question whose answer is in `answers`.
    pub fn open_from(answers: &dyn Answers, field: &FieldGuide) -> FieldFocus {
        match field.kind {
            FieldKind::Line | FieldKind::Date => {
                FieldFocus::Text(editor(vec![answers.text(&field.key).into()], false))
            }
            FieldKind::Text => {
                let lines: Vec<String> = answers
                    .text(&field.key)
                    .split('\n')
                    .map(str::to_string)
                    .collect();
                // Drawn wrapped by our own rule (widgets/answer.rs), so the
                // editor itself never wraps: that cost a full re-wrap a key.
                if long_text::is_long(&lines) {
                    FieldFocus::Long(LongText::new(lines, |lines| editor(lines, false)))
                } else {
                    FieldFocus::Text(editor(lines, false))
                }
            }
            FieldKind::List => {
                let mut area = editor(answers.list(&field.key), true);
                area.set_line_number_style(theme::dim());
                FieldFocus::Text(area)
            }
            FieldKind::Checklist => FieldFocus::Checklist { index: 0 },
            FieldKind::Rating => FieldFocus::Rating,
            FieldKind::Actions => {
                let rows = answers.actions(&field.key);
                let row = rows.len();
                FieldFocus::Steps(StepsFocus {
                    editor: editor(vec![String::new()], false),
                    rows,
                    row,
                    column: StepColumn::Text,
                })
            }
        }
    }

    /// Writes the editor's content into the reflection. A date phrase is
    /// stored as the date it means today, so it cannot drift later.
    pub fn commit(
        &mut self,
        reflection: &mut Reflection,
        stage: Stage,
        field: &FieldGuide,
        today: Date,
    ) {
        match (self, field.kind) {
            (FieldFocus::Text(area), FieldKind::Date) => {
                let text = area.lines().join(" ");
                let text = normalised(&text, today).unwrap_or(text);
                reflection.set_text(stage, &field.key, text);
            }
            (FieldFocus::Text(area), FieldKind::List) => {
                reflection.set_list(stage, &field.key, area.lines().to_vec());
            }
            (FieldFocus::Text(area), FieldKind::Text) => {
                reflection.set_text(stage, &field.key, area.lines().join("\n"));
            }
            (FieldFocus::Text(area), _) => {
                reflection.set_text(stage, &field.key, area.lines().join(" "));
            }
            (FieldFocus::Long(long), _) => reflection.set_text(stage, &field.key, long.text()),
            (FieldFocus::Steps(steps), _) => {
                // Ids are given to the working rows, not only to what is
                // saved, so a new step keeps its first id as it is edited.
                reflection.fill_step_ids(&mut steps.rows);
                let rows = steps
                    .rows
                    .iter()
                    .map(|step| ActionItem {
                        due: normalised(&step.due, today).unwrap_or_else(|| step.due.clone()),
                        ..step.clone()
                    })
                    .collect();
                let done_before = reflection.done_step_ids();
                reflection.set_actions(stage, &field.key, rows);
                reflection.stamp_done_dates(&done_before, today);
            }
            (FieldFocus::Checklist { .. } | FieldFocus::Rating, _) => {}
        }
    }

    /// The text an editor holds, as it is stored: a date phrase as the date
    /// it means today. `None` for a field that is not edited as text.
    pub fn answer_text(&self, kind: FieldKind, today: Date) -> Option<String> {
        match (self, kind) {
            (FieldFocus::Text(area), FieldKind::Date) => {
                let text = area.lines().join(" ");
                Some(normalised(&text, today).unwrap_or(text))
            }
            (FieldFocus::Text(area), FieldKind::Text) => Some(area.lines().join("\n")),
            (FieldFocus::Text(area), FieldKind::Line) => Some(area.lines().join(" ")),
            (FieldFocus::Long(long), _) => Some(long.text()),
            _ => None,
        }
    }

    /// Called as focus leaves: a date phrase on screen becomes the date it
    /// means (the reflection already holds that date).
    pub fn normalise_dates(&mut self, kind: FieldKind, today: Date) {
        match self {
            FieldFocus::Text(area) if kind == FieldKind::Date => {
                if let Some(iso) = normalised(&area.lines().join(" "), today) {
                    *area = editor(vec![iso], false);
                }
            }
            FieldFocus::Steps(steps) => steps.normalise_due(today),
            _ => {}
        }
    }

    /// Passes a key to the editor; true when the text changed.
    pub fn edit(&mut self, kind: FieldKind, input: Input) -> bool {
        let single_line = !matches!(kind, FieldKind::Text | FieldKind::List);
        self.with_editor(|editor| editor.key(input, single_line))
    }

    /// Up or Down in a multi-line answer, by the rows it shows at `width`.
    pub fn move_by_rows(&mut self, down: bool, width: usize) -> bool {
        self.with_editor(|editor| editor.move_by_rows(down, width))
    }

    /// Keeps the cursor of a multi-line answer in its view of `height` rows.
    pub fn follow_cursor(&mut self, width: usize, height: usize) {
        match self {
            FieldFocus::Text(area) => area.follow_cursor(width, height),
            FieldFocus::Long(long) => long.area.follow_cursor(width, height),
            _ => {}
        }
    }

    /// A readline command (Ctrl-W, Ctrl-U, Alt-B…); true when the text changed.
    pub fn command(&mut self, edit: TextEdit) -> bool {
        self.with_editor(|editor| editor.command(edit))
    }

    /// Inserts pasted text; true when the text changed.
    pub fn paste(&mut self, kind: FieldKind, text: &str) -> bool {
        let multi_line = matches!(kind, FieldKind::Text | FieldKind::List);
        let text = clean_paste(text, multi_line);
        match self {
            FieldFocus::Text(area) => {
                // A paste that makes the answer long moves it into a window;
                // the editor from before is kept, so the paste can be undone.
                let before = (kind == FieldKind::Text
                    && long_text::would_be_long(area.lines(), &text))
                .then(|| Box::new(area.clone()));
                let changed = area.insert_str(&text);
                if changed
                    && let Some(before) = before
                    && long_text::is_long(area.lines())
                {
                    let mut long = LongText::from_editor(area, |lines| editor(lines, false));
                    long.before = Some(before);
                    *self = FieldFocus::Long(long);
                }
                changed
            }
            focus => focus.with_editor(|editor| editor.insert_str(&text)),
        }
    }

    pub fn undo(&mut self) -> bool {
        if self.with_editor(Editor::undo) {
            return true;
        }
        // Nothing left to undo in the window: the paste that made the answer
        // long is undone by going back to the editor from before it.
        if let FieldFocus::Long(long) = self
            && let Some(before) = long.before.take()
        {
            *self = FieldFocus::Text(*before);
            return true;
        }
        false
    }

    pub fn redo(&mut self) -> bool {
        self.with_editor(Editor::redo)
    }

    /// Runs an edit on whichever editor has the field, and keeps what wraps
    /// it up to date; true when the text changed.
    fn with_editor(&mut self, op: impl FnOnce(&mut Editor) -> bool) -> bool {
        match self {
            FieldFocus::Text(area) => op(area),
            FieldFocus::Long(long) => {
                let changed = op(&mut long.area);
                long.settle();
                changed
            }
            FieldFocus::Steps(steps) => {
                let changed = op(&mut steps.editor);
                if changed {
                    steps.store_cell();
                }
                changed
            }
            _ => false,
        }
    }
}

impl StepsFocus {
    fn cell_text(&self) -> String {
        match (self.rows.get(self.row), self.column) {
            (Some(step), StepColumn::Text) => step.text.clone(),
            (Some(step), StepColumn::Due) => step.due.clone(),
            (None, _) => String::new(),
        }
    }

    fn load_cell(&mut self) {
        self.editor = editor(vec![self.cell_text()], false);
    }

    /// Copies the editor into the working rows, creating the step when typing
    /// starts on the empty last row.
    fn store_cell(&mut self) {
        let text = self.editor.lines().join(" ");
        if self.row == self.rows.len() {
            if text.is_empty() {
                return;
            }
            self.rows.push(ActionItem::default());
        }
        if let Some(step) = self.rows.get_mut(self.row) {
            match self.column {
                StepColumn::Text => step.text = text,
                StepColumn::Due => step.due = text,
            }
        }
    }

    fn normalise_due(&mut self, today: Date) {
        if let Some(step) = self.rows.get_mut(self.row)
            && let Some(iso) = normalised(&step.due, today)
        {
            step.due = iso;
            if self.column == StepColumn::Due {
                self.load_cell();
            }
        }
    }

    /// Puts the cursor on this step's text (the agenda opens a reflection at one).
    pub fn go_to(&mut self, row: usize, today: Date) {
        self.select(row, today);
    }

    fn select(&mut self, row: usize, today: Date) {
        self.normalise_due(today);
        self.row = row.min(self.rows.len());
        self.column = StepColumn::Text;
        self.load_cell();
    }

    pub fn down(&mut self, today: Date) {
        self.select(self.row + 1, today);
    }

    pub fn up(&mut self, today: Date) {
        self.select(self.row.saturating_sub(1), today);
    }

    /// Enter: a new step right below the current one (or at the end).
    pub fn new_step(&mut self, today: Date) -> bool {
        self.normalise_due(today);
        self.column = StepColumn::Text;
        if self.row >= self.rows.len() {
            self.load_cell();
            return false;
        }
        self.rows.insert(self.row + 1, ActionItem::default());
        self.row += 1;
        self.load_cell();
        true
    }

    pub fn toggle_done(&mut self) -> bool {
        match self.rows.get_mut(self.row) {
            Some(step) => {
                step.done = !step.done;
                true
            }
            None => false,
        }
    }

    /// Enter or Esc in the due date: back to the step's text, the date kept
    /// (as the date it means).
    pub fn end_due_date(&mut self, today: Date) {
        if self.column == StepColumn::Due {
            self.switch_column(today);
        }
    }

    pub fn switch_column(&mut self, today: Date) {
        self.normalise_due(today);
        self.column = match self.column {
            StepColumn::Text => StepColumn::Due,
            StepColumn::Due => StepColumn::Text,
        };
        self.load_cell();
    }

    /// Backspace: deletes a character, or, on a step whose text is already
    /// empty, removes that step and goes to the end of the one above.
    /// On a step's text with nothing in it: where Backspace removes the step.
    pub fn on_empty_step(&self) -> bool {
        self.column == StepColumn::Text
            && self.editor.is_empty()
            && self.rows.get(self.row).is_some_and(|r| r.text.is_empty())
    }

    /// The id of the step the cursor is on; empty on the new row.
    pub fn current_id(&self) -> &str {
        self.rows.get(self.row).map_or("", |r| r.id.as_str())
    }

    pub fn backspace(&mut self, today: Date) -> bool {
        if !self.on_empty_step() {
            let changed = self.editor.command(TextEdit::DeleteCharBefore);
            if changed {
                self.store_cell();
            }
            return changed;
        }
        self.rows.remove(self.row);
        self.select(self.row.saturating_sub(1), today);
        true
    }
}

/// The ISO form of a date phrase, when it is a valid date not already in ISO form.
pub(crate) fn normalised(text: &str, today: Date) -> Option<String> {
    match dates::parse(text, today) {
        DateInput::Valid(date) if dates::iso(date) != text => Some(dates::iso(date)),
        _ => None,
    }
}

/// A one-line editor styled like every field's, for prompts.
pub fn one_line_editor(text: String) -> Editor {
    editor(vec![text], false)
}

fn editor(lines: Vec<String>, wrap: bool) -> Editor {
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(Style::default());
    area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    area.set_placeholder_text("Type here…");
    area.set_placeholder_style(theme::dim());
    area.set_wrap_mode(if wrap {
        WrapMode::WordOrGlyph
    } else {
        WrapMode::None
    });
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    Editor::from(area)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guide;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::FullStages;
    use ratatui_textarea::Key;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn field(stage: Stage, key: &str) -> &'static FieldGuide {
        Guide::builtin()
            .expect("guide")
            .stage(stage)
            .field(key)
            .expect("field exists")
    }

    fn typed(focus: &mut FieldFocus, kind: FieldKind, text: &str) {
        for c in text.chars() {
            let key = if c == '\n' { Key::Enter } else { Key::Char(c) };
            focus.edit(
                kind,
                Input {
                    key,
                    ..Input::default()
                },
            );
        }
    }

    /// Found under faults (issue 9): a key cost about a second in a 50 MB
    /// answer, as the editor re-wrapped all of it. A paste that makes an
    /// answer long moves it into a window, and every word still reaches
    /// the reflection.
    #[test]
    fn a_long_paste_moves_the_answer_into_a_window_and_nothing_is_lost() {
        let field = field(Stage::Perspective, "expected");
        let mut r = sample_reflection();
        let mut focus = FieldFocus::open(&r, Stage::Perspective, field);
        let pasted: String = (0..20_000).map(|i| format!("line {i}\n")).collect();
        assert!(focus.paste(FieldKind::Text, &pasted));
        let FieldFocus::Long(long) = &focus else {
            panic!("a 20,000-line answer is edited through a window");
        };
        assert!(long.area.lines().len() <= crate::tui::long_text::WINDOW_LINES);
        assert!(focus.edit(
            FieldKind::Text,
            Input {
                key: Key::Char('!'),
                ..Input::default()
            }
        ));
        focus.commit(&mut r, Stage::Perspective, field, TODAY);
        let text = r.text(Stage::Perspective, "expected");
        assert!(text.starts_with("line 0\nline 1\n"));
        assert!(
            text.ends_with("line 19999\n!"),
            "{}",
            &text[text.len() - 30..]
        );
        assert_eq!(text.len(), pasted.len() + 1);
        // Found in review: the paste could not be undone. It can.
        assert!(focus.undo(), "the typed ! goes");
        assert!(focus.undo(), "then the paste");
        assert!(matches!(focus, FieldFocus::Text(_)));
        focus.commit(&mut r, Stage::Perspective, field, TODAY);
        assert_eq!(r.text(Stage::Perspective, "expected"), "");
    }

    #[test]
    fn list_lines_become_items_and_blank_lines_are_dropped() {
        let mut r = sample_reflection();
        let f = field(Stage::Perspective, "support");
        let mut focus = FieldFocus::open(&r, Stage::Perspective, f);
        typed(&mut focus, f.kind, "Walks\n\nMy sister");
        focus.commit(&mut r, Stage::Perspective, f, TODAY);
        assert_eq!(
            r.list(Stage::Perspective, "support"),
            ["Walks", "My sister"]
        );
    }

    #[test]
    fn one_line_fields_refuse_newlines_and_undo_restores() {
        let mut r = sample_reflection();
        let f = field(Stage::Perspective, "ability");
        let mut focus = FieldFocus::open(&r, Stage::Perspective, f);
        typed(&mut focus, f.kind, "Saying\nno");
        focus.commit(&mut r, Stage::Perspective, f, TODAY);
        assert_eq!(r.text(Stage::Perspective, "ability"), "Sayingno");
        assert!(focus.undo(), "one word, undone at once");
        focus.commit(&mut r, Stage::Perspective, f, TODAY);
        assert_eq!(r.text(Stage::Perspective, "ability"), "");
    }

    #[test]
    fn a_date_phrase_becomes_its_date_when_focus_leaves() {
        let mut r = sample_reflection();
        let f = field(Stage::Risk, "first_step_date");
        let mut focus = FieldFocus::open(&r, Stage::Risk, f);
        typed(&mut focus, f.kind, "+2w");
        focus.commit(&mut r, Stage::Risk, f, TODAY);
        assert_eq!(
            r.text(Stage::Risk, "first_step_date"),
            "2026-12-13",
            "stored as a date at once"
        );
        let FieldFocus::Text(area) = &focus else {
            panic!("text focus")
        };
        assert_eq!(
            area.lines(),
            ["+2w"],
            "the editor keeps what was typed while focused"
        );
        focus.normalise_dates(f.kind, TODAY);
        let FieldFocus::Text(area) = &focus else {
            panic!("text focus")
        };
        assert_eq!(area.lines(), ["2026-12-13"]);
    }

    #[test]
    fn steps_are_typed_dated_ticked_and_deleted() {
        let mut r = sample_reflection();
        let f = field(Stage::Goals, "steps");
        let mut focus = FieldFocus::open(&r, Stage::Goals, f);
        typed(&mut focus, f.kind, "Ask Dana for feedback");
        let FieldFocus::Steps(steps) = &mut focus else {
            panic!("steps focus")
        };
        steps.switch_column(TODAY);
        typed(&mut focus, f.kind, "+1w");
        let FieldFocus::Steps(steps) = &mut focus else {
            panic!("steps focus")
        };
        assert!(steps.toggle_done());
        assert!(steps.new_step(TODAY));
        typed(&mut focus, f.kind, "Take the course");
        focus.commit(&mut r, Stage::Goals, f, TODAY);
        let saved = r.actions(Stage::Goals, "steps");
        assert_eq!(saved.len(), 2);
        assert_eq!(saved[0].text, "Ask Dana for feedback");
        assert_eq!(saved[0].due, "2026-12-06");
        assert!(saved[0].done);
        assert_eq!(saved[1].text, "Take the course");

        let FieldFocus::Steps(steps) = &mut focus else {
            panic!("steps focus")
        };
        steps.switch_column(TODAY);
        steps.up(TODAY);
        assert_eq!(
            steps.column,
            StepColumn::Text,
            "moving rows goes back to the text"
        );
        for _ in 0.."Ask Dana for feedback".len() {
            assert!(steps.backspace(TODAY));
        }
        assert_eq!(steps.rows.len(), 2, "emptying the text keeps the step");
        assert!(
            steps.backspace(TODAY),
            "backspace on the empty step removes it"
        );
        focus.commit(&mut r, Stage::Goals, f, TODAY);
        assert_eq!(r.actions(Stage::Goals, "steps")[0].text, "Take the course");
    }

    #[test]
    fn a_wrong_due_date_gets_a_message_and_is_kept_as_typed() {
        let mut r = sample_reflection();
        let f = field(Stage::Goals, "steps");
        let mut focus = FieldFocus::open(&r, Stage::Goals, f);
        typed(&mut focus, f.kind, "Step");
        let FieldFocus::Steps(steps) = &mut focus else {
            panic!("steps focus")
        };
        steps.switch_column(TODAY);
        typed(&mut focus, f.kind, "2026-13-01");
        let FieldFocus::Steps(steps) = &focus else {
            panic!("steps focus")
        };
        assert_eq!(dates::parse(&steps.rows[0].due, TODAY), DateInput::Invalid);
        focus.commit(&mut r, Stage::Goals, f, TODAY);
        assert_eq!(r.actions(Stage::Goals, "steps")[0].due, "2026-13-01");
    }

    /// Issue 11: a step typed here gets its id when it is first saved and
    /// keeps it as it is typed on, undone and redone, and when a step is
    /// added above it.
    #[test]
    fn a_new_step_keeps_its_first_id_as_it_is_edited_and_undone() {
        let mut r = sample_reflection();
        let f = field(Stage::Goals, "steps");
        let mut focus = FieldFocus::open(&r, Stage::Goals, f);
        let key = |c| Input {
            key: Key::Char(c),
            ..Input::default()
        };
        let commit_after = |focus: &mut FieldFocus, changed: bool, r: &mut Reflection| {
            if changed {
                focus.commit(r, Stage::Goals, f, TODAY);
            }
        };
        for c in "Call".chars() {
            let changed = focus.edit(f.kind, key(c));
            commit_after(&mut focus, changed, &mut r);
        }
        let id = r.actions(Stage::Goals, "steps")[0].id.clone();
        assert!(!id.is_empty());
        for c in " Dana".chars() {
            let changed = focus.edit(f.kind, key(c));
            commit_after(&mut focus, changed, &mut r);
        }
        let changed = focus.undo();
        commit_after(&mut focus, changed, &mut r);
        let changed = focus.redo();
        commit_after(&mut focus, changed, &mut r);
        let FieldFocus::Steps(steps) = &mut focus else {
            panic!("steps focus")
        };
        steps.up(TODAY);
        steps.up(TODAY);
        let _ = steps.new_step(TODAY);
        steps.rows.swap(0, 1);
        steps.row = 0;
        typed(&mut focus, f.kind, "Rest");
        focus.commit(&mut r, Stage::Goals, f, TODAY);
        let saved = r.actions(Stage::Goals, "steps");
        assert_eq!(saved.len(), 2, "{saved:?}");
        assert_eq!(saved[1].text, "Call Dana");
        assert_eq!(saved[1].id, id, "the same step, the same id");
        assert!(!saved[0].id.is_empty() && saved[0].id != id);
    }
}
