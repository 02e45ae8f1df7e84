//! One text editor for every text field: readline's editing keys, and undo
//! that takes back a word at a time.
//!
//! It wraps ratatui-textarea, whose own history undoes one character per
//! step, and whose own key map reads Ctrl-U as undo. The wrapper keeps its
//! own list of undo steps, each a count of the textarea's edits: typing runs
//! on into one step until a new word starts, and anything else (a delete
//! after typing, a cursor move, a paste) ends it. That relies on every
//! textarea edit made here pushing exactly one history entry, which holds
//! because no selection is ever made (a selection turns typing into two).

use std::collections::VecDeque;
use std::ops::Deref;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, Input, Key, TextArea};
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use crate::tui::wrap::{self, Top};

/// The readline commands every text field understands; the key table says
/// which keys send them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    LineStart,
    LineEnd,
    CharBack,
    CharForward,
    WordBack,
    WordForward,
    DeleteCharBefore,
    DeleteCharAfter,
    /// Alt-Backspace: back to the start of the word (readline's backward-kill-word).
    DeleteWordBefore,
    /// Ctrl-W: back to the space before (readline's unix-word-rubout), so
    /// `[[B]E<3b>` goes whole, not a bracket at a time.
    DeleteToSpaceBefore,
    DeleteWordAfter,
    DeleteToLineStart,
    DeleteToLineEnd,
}

/// The textarea's history is raised to this many edits (its default of 50
/// would cut a step in half after a short paragraph).
const MOST_EDITS: usize = 10_000;

/// What the newest undo step is still open to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Burst {
    /// Typing; `in_word` when the last character typed was part of a word.
    Typing { in_word: bool },
    /// Deleting a character at a time.
    Deleting,
}

#[derive(Clone)]
pub struct Editor {
    area: TextArea<'static>,
    /// Undo steps, oldest first, each the number of textarea edits it holds;
    /// together, always the textarea's whole history.
    steps: VecDeque<usize>,
    /// How many edits the textarea's history keeps.
    most_edits: usize,
    /// How many of `steps` are applied; the rest can be redone.
    applied: usize,
    open: Option<Burst>,
    /// The first row in view when the answer is drawn wrapped, as the last
    /// key left it, so the view only moves when the cursor would leave it.
    top: Top,
    /// The display column a run of Up and Down keys aims for: where it
    /// started, so passing a short or empty row does not pull it left.
    goal: Option<usize>,
}

impl From<TextArea<'static>> for Editor {
    fn from(mut area: TextArea<'static>) -> Editor {
        area.set_max_histories(MOST_EDITS);
        Editor {
            area,
            steps: VecDeque::new(),
            most_edits: MOST_EDITS,
            applied: 0,
            open: None,
            top: Top::default(),
            goal: None,
        }
    }
}

/// Read-only access to the textarea; every change goes through the editor,
/// so its undo steps always match the textarea's history.
impl Deref for Editor {
    type Target = TextArea<'static>;
    fn deref(&self) -> &TextArea<'static> {
        &self.area
    }
}

impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self.area).render(area, buf);
    }
}

/// A character a word is made of. A combining mark is one too, whatever it
/// follows: the classes below give it the class of its base character.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\'' || is_combining_mark(c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Back from `at` over characters whose `class` is `over`, a base character
/// and its combining marks at a time, so a decomposed accent (`e` and U+0301)
/// is never split.
fn back_over(line: &[char], mut at: usize, class: fn(char) -> bool, over: bool) -> usize {
    while at > 0 {
        let mut base = at - 1;
        while base > 0 && is_combining_mark(line[base]) {
            base -= 1;
        }
        if class(line[base]) != over {
            break;
        }
        at = base;
    }
    at
}

/// On from `at` over characters whose `class` is `over`; a combining mark
/// goes with the character before it.
fn on_over(line: &[char], at: usize, class: fn(char) -> bool, over: bool) -> usize {
    let mut at = at.min(line.len());
    // Starting between a character and its marks, they take its class.
    let mut base = at;
    while base > 0 && base < line.len() && is_combining_mark(line[base]) {
        base -= 1;
    }
    let mut current = line.get(base).is_some_and(|&c| class(c));
    while let Some(&c) = line.get(at) {
        if !is_combining_mark(c) {
            current = class(c);
        }
        if current != over {
            break;
        }
        at += 1;
    }
    at
}

/// The longest grapheme looked for around the cursor, in characters: far
/// more than any letter with its marks, flag or emoji sequence needs.
const GRAPHEME_REACH: usize = 64;

/// The column of the grapheme that ends at `col` (the cursor moves over a
/// letter and its accents, a flag, an emoji sequence, at once).
fn grapheme_before(line: &[char], col: usize) -> usize {
    let col = col.min(line.len());
    // Flags pair their halves from the start of a run of them, which a
    // window of the text before the cursor may not see: count the run.
    let flags = line[..col]
        .iter()
        .rev()
        .take_while(|&&c| is_flag_half(c))
        .count();
    if flags > 0 {
        return col - if flags % 2 == 0 { 2 } else { 1 };
    }
    let from = col.saturating_sub(GRAPHEME_REACH);
    let text: String = line[from..col].iter().collect();
    let last = text
        .graphemes(true)
        .next_back()
        .map_or(0, |g| g.chars().count());
    col - last.max(usize::from(col > 0))
}

/// One half of a flag: flags are pairs of these regional indicators.
fn is_flag_half(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// The column just past the grapheme that starts at `col`.
fn grapheme_after(line: &[char], col: usize) -> usize {
    let col = col.min(line.len());
    let to = (col + GRAPHEME_REACH).min(line.len());
    let text: String = line[col..to].iter().collect();
    let first = text.graphemes(true).next().map_or(0, |g| g.chars().count());
    col + first.max(usize::from(col < line.len()))
}

/// readline's backward-word: back over anything that is not a word, then
/// to the start of the word.
fn word_start_before(line: &[char], col: usize) -> usize {
    let at = back_over(line, col.min(line.len()), is_word, false);
    back_over(line, at, is_word, true)
}

/// readline's forward-word: on over anything that is not a word, then to
/// just past the end of the word.
fn word_end_after(line: &[char], col: usize) -> usize {
    let at = on_over(line, col, is_word, false);
    on_over(line, at, is_word, true)
}

/// readline's unix-word-rubout: back over spaces, then to the space before.
fn space_before(line: &[char], col: usize) -> usize {
    let at = back_over(line, col.min(line.len()), is_space, true);
    back_over(line, at, is_space, false)
}

impl Editor {
    /// A key no binding claimed: typing, line breaks, plain cursor keys and
    /// their readline spellings (Ctrl-B/F for ← →, Ctrl-H for Backspace,
    /// Ctrl-D for Delete).
    /// `single_line` editors refuse line breaks. True when the text changed.
    pub fn key(&mut self, input: Input, single_line: bool) -> bool {
        let Input { key, ctrl, alt, .. } = input;
        match (key, ctrl, alt) {
            (Key::Char(c), false, false) => {
                self.type_char(c);
                true
            }
            (Key::Enter, _, _) | (Key::Char('j' | 'm'), true, false) => {
                if single_line {
                    return false;
                }
                self.type_char('\n');
                true
            }
            (Key::Backspace, false, false) | (Key::Char('h'), true, false) => {
                self.command(TextEdit::DeleteCharBefore)
            }
            (Key::Delete, false, false) | (Key::Char('d'), true, false) => {
                self.command(TextEdit::DeleteCharAfter)
            }
            (Key::Delete, _, true) => self.command(TextEdit::DeleteWordAfter),
            (Key::Left, false, false) | (Key::Char('b'), true, false) => {
                self.command(TextEdit::CharBack)
            }
            (Key::Right, false, false) | (Key::Char('f'), true, false) => {
                self.command(TextEdit::CharForward)
            }
            (Key::Left, true, _) => self.command(TextEdit::WordBack),
            (Key::Right, true, _) => self.command(TextEdit::WordForward),
            (Key::Home, _, _) => self.command(TextEdit::LineStart),
            (Key::End, _, _) => self.command(TextEdit::LineEnd),
            (Key::Up, false, false) => self.move_cursor(CursorMove::Up),
            (Key::Down, false, false) => self.move_cursor(CursorMove::Down),
            (Key::Char('<'), false, true) => self.move_cursor(CursorMove::Top),
            (Key::Char('>'), false, true) => self.move_cursor(CursorMove::Bottom),
            _ => false,
        }
    }

    /// A readline command; true when the text changed.
    pub fn command(&mut self, edit: TextEdit) -> bool {
        use TextEdit as E;
        let area = &mut self.area;
        let (changed, burst) = match edit {
            E::LineStart => return self.move_cursor(CursorMove::Head),
            E::LineEnd => return self.move_cursor(CursorMove::End),
            E::CharBack => return self.move_to_col(grapheme_before, false),
            E::CharForward => return self.move_to_col(grapheme_after, true),
            E::WordBack => return self.move_to_col(word_start_before, false),
            E::WordForward => return self.move_to_col(word_end_after, true),
            E::DeleteCharBefore => return self.delete_grapheme(true),
            E::DeleteCharAfter => return self.delete_grapheme(false),
            E::DeleteWordBefore => return self.delete_back_to(word_start_before),
            E::DeleteToSpaceBefore => return self.delete_back_to(space_before),
            E::DeleteWordAfter => return self.delete_forward_to(word_end_after),
            E::DeleteToLineStart => (area.delete_line_by_head(), None),
            E::DeleteToLineEnd => (area.delete_line_by_end(), None),
        };
        if changed {
            self.record(burst);
        }
        changed
    }

    /// Moves within the line to the column `to` finds from the cursor; at
    /// either end of a line, on to the next or previous one.
    fn move_to_col(&mut self, to: fn(&[char], usize) -> usize, forward: bool) -> bool {
        let (col, line) = self.cursor_line();
        let target = to(&line, col);
        if target == col {
            // At the line's end going on, or its start going back (an empty
            // line is both: the key says which way).
            let step = if forward {
                CursorMove::Forward
            } else {
                CursorMove::Back
            };
            return self.move_cursor(step);
        }
        self.jump_along(target);
        self.open = None;
        false
    }

    /// Deletes from the column `to` finds back to the cursor, as one undo
    /// step; at a line's start, joins it to the line above.
    fn delete_back_to(&mut self, to: fn(&[char], usize) -> usize) -> bool {
        let (col, line) = self.cursor_line();
        let from = to(&line, col);
        let changed = if from == col {
            self.area.delete_char()
        } else {
            self.jump_along(from);
            self.area.delete_str(col - from)
        };
        if changed {
            self.record(None);
        }
        changed
    }

    /// Deletes from the cursor to the column `to` finds, as one undo step;
    /// at a line's end, joins the next line to it.
    fn delete_forward_to(&mut self, to: fn(&[char], usize) -> usize) -> bool {
        let (col, line) = self.cursor_line();
        let end = to(&line, col);
        let changed = if end == col {
            self.area.delete_next_char()
        } else {
            self.area.delete_str(end - col)
        };
        if changed {
            self.record(None);
        }
        changed
    }

    /// Deletes the character before (or after) the cursor as it shows: a
    /// letter with its accents, a flag, an emoji sequence, never half of one.
    /// A run of these is one undo step; at a line's edge, lines join.
    fn delete_grapheme(&mut self, before: bool) -> bool {
        let (col, line) = self.cursor_line();
        let changed = match (before, col, col == line.len()) {
            (true, 0, _) => self.area.delete_char(),
            (false, _, true) => self.area.delete_next_char(),
            (true, _, _) => {
                let from = grapheme_before(&line, col);
                // Moving would end the run of deletes this one belongs to.
                let open = self.open;
                self.jump_along(from);
                self.open = open;
                self.area.delete_str(col - from)
            }
            (false, _, _) => self.area.delete_str(grapheme_after(&line, col) - col),
        };
        if changed {
            self.record(Some(Burst::Deleting));
        }
        changed
    }

    /// The cursor's column and the characters of its line.
    fn cursor_line(&self) -> (usize, Vec<char>) {
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let line = self.area.lines().get(row).map(|l| l.chars().collect());
        (col, line.unwrap_or_default())
    }

    /// Pasted (or restored) text, as one undo step of its own.
    pub fn insert_str(&mut self, text: &str) -> bool {
        let changed = self.area.insert_str(text);
        if changed {
            self.record(None);
        }
        changed
    }

    /// Moves the cursor; the next change starts a new undo step. Never
    /// changes the text, so always false.
    pub fn move_cursor(&mut self, to: CursorMove) -> bool {
        self.area.move_cursor(to);
        self.open = None;
        self.goal = None;
        false
    }

    /// Takes back the newest undo step: a word typed, a run of deletes, a paste.
    pub fn undo(&mut self) -> bool {
        self.open = None;
        self.goal = None;
        let Some(applied) = self.applied.checked_sub(1) else {
            return false;
        };
        self.applied = applied;
        let mut changed = false;
        for _ in 0..self.steps[applied] {
            changed |= self.area.undo();
        }
        changed
    }

    pub fn redo(&mut self) -> bool {
        self.open = None;
        self.goal = None;
        let Some(&edits) = self.steps.get(self.applied) else {
            return false;
        };
        self.applied += 1;
        let mut changed = false;
        for _ in 0..edits {
            changed |= self.area.redo();
        }
        changed
    }

    /// Up or Down by the rows the answer shows when wrapped at `width`, not
    /// by its lines: the cursor goes to the row the eye expects.
    pub fn move_by_rows(&mut self, down: bool, width: usize) -> bool {
        let cursor = self.area.cursor();
        let goal = self.goal;
        if let Some((row, col, x)) =
            wrap::step_toward(self.area.lines(), (cursor.0, cursor.1), down, width, goal)
        {
            self.jump(row, col);
            self.goal = Some(x);
        }
        self.open = None;
        false
    }

    /// The column a run of Up and Down aims for, to carry into the editor of
    /// a long answer's next window.
    pub(crate) fn goal(&self) -> Option<usize> {
        self.goal
    }

    pub(crate) fn aim(&mut self, goal: Option<usize>) {
        self.goal = goal;
    }

    /// Moves the cursor to `col` of its own line.
    fn jump_along(&mut self, col: usize) {
        let row = self.area.cursor().0;
        self.jump(row, col);
    }

    /// Puts the cursor at `row` and `col`, in about what one step along the
    /// line costs. Each of the textarea's moves costs as much as the line
    /// is long, so a walk a character at a time is quadratic (4.7 s over a
    /// 40,000-character word); its jump is one move but takes only 16-bit
    /// positions. Past those, the cursor walks from the nearest place a
    /// move reaches at once: where a jump lands, the line's end, or where it
    /// already is. (Rows always fit: a long answer's window holds at most a
    /// few hundred.)
    pub(crate) fn jump(&mut self, row: usize, col: usize) {
        self.open = None;
        self.goal = None;
        let area = &mut self.area;
        let row = row.min(area.lines().len().saturating_sub(1));
        let row16 = u16::try_from(row).unwrap_or(u16::MAX);
        let len = area.lines().get(row).map_or(0, |l| l.chars().count());
        let col = col.min(len);
        if let Ok(col16) = u16::try_from(col) {
            area.move_cursor(CursorMove::Jump(row16, col16));
            return;
        }
        let reach = usize::from(u16::MAX);
        let here = area.cursor();
        let mut start = if len - col < col - reach { len } else { reach };
        if here.0 == row && here.1.abs_diff(col) <= start.abs_diff(col) {
            start = here.1;
        } else {
            area.move_cursor(CursorMove::Jump(row16, u16::MAX));
            if start == len {
                area.move_cursor(CursorMove::End);
            }
        }
        let step = if col < start {
            CursorMove::Back
        } else {
            CursorMove::Forward
        };
        for _ in 0..start.abs_diff(col) {
            area.move_cursor(step);
        }
    }

    /// The first row in view, as the last key left it.
    pub fn top(&self) -> Top {
        self.top
    }

    /// Keeps the cursor in a view of `height` rows wrapped at `width`.
    pub fn follow_cursor(&mut self, width: usize, height: usize) {
        let cursor = self.area.cursor();
        self.top = wrap::follow(
            self.area.lines(),
            (cursor.0, cursor.1),
            self.top,
            width,
            height,
        );
    }

    pub fn set_placeholder_text(&mut self, text: &str) {
        self.area.set_placeholder_text(text);
    }

    pub fn set_line_number_style(&mut self, style: ratatui::style::Style) {
        self.area.set_line_number_style(style);
    }

    fn type_char(&mut self, c: char) {
        if c == '\n' {
            self.area.insert_newline();
        } else {
            self.area.insert_char(c);
        }
        let in_word = is_word(c);
        // A step runs on through a word and the spaces or marks after it,
        // and ends where the next word starts.
        let joins = matches!(self.open, Some(Burst::Typing { in_word: was }) if was || !in_word);
        self.count_edit(joins);
        self.open = Some(Burst::Typing { in_word });
    }

    /// One textarea edit was made: it joins the open step of the same kind,
    /// or starts a step of its own.
    fn record(&mut self, burst: Option<Burst>) {
        let joins = matches!(
            (burst, self.open),
            (Some(Burst::Deleting), Some(Burst::Deleting))
        );
        self.count_edit(joins);
        self.open = burst;
    }

    /// Counts the edit the textarea just made, as its history did: when
    /// full, it forgot its oldest edit first, then dropped whatever could
    /// have been redone. So the steps always add up to its history, and the
    /// oldest step may be a part of one (its start forgotten).
    fn count_edit(&mut self, joins_open_step: bool) {
        // Any change starts the aim of Up and Down afresh.
        self.goal = None;
        if self.steps.iter().sum::<usize>() >= self.most_edits
            && let Some(oldest) = self.steps.front_mut()
        {
            *oldest -= 1;
            if *oldest == 0 {
                self.steps.pop_front();
                self.applied = self.applied.saturating_sub(1);
            }
        }
        let open = (self.applied == self.steps.len())
            .then(|| self.steps.back_mut())
            .flatten();
        match open {
            Some(last) if joins_open_step => *last += 1,
            _ => {
                self.steps.truncate(self.applied);
                self.steps.push_back(1);
                self.applied = self.steps.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typed(editor: &mut Editor, text: &str) {
        for c in text.chars() {
            let key = if c == '\n' { Key::Enter } else { Key::Char(c) };
            editor.key(
                Input {
                    key,
                    ..Input::default()
                },
                false,
            );
        }
    }

    fn text(editor: &Editor) -> String {
        editor.lines().join("\n")
    }

    fn empty() -> Editor {
        Editor::from(TextArea::default())
    }

    /// Found in the third new-user walk: Down from the end of a long line,
    /// across a blank one, landed at the start of the next; editors keep
    /// aiming for the column a run of ups and downs started from.
    #[test]
    fn up_and_down_keep_aiming_for_the_column_they_started_from() {
        let mut e = empty();
        typed(
            &mut e,
            "Second line, a little longer\n\nFourth line, longer than the second",
        );
        e.jump(0, 0);
        e.command(TextEdit::LineEnd);
        e.move_by_rows(true, 80);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(1, 0));
        e.move_by_rows(true, 80);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(2, 28));
        e.move_by_rows(false, 80);
        e.move_by_rows(false, 80);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(0, 28));
        // Typing starts aiming afresh, as does any other move.
        let mut t = empty();
        typed(&mut t, "abcdef\nabcdefgh");
        t.move_by_rows(false, 80);
        typed(&mut t, "X");
        t.move_by_rows(true, 80);
        assert_eq!(t.cursor(), ratatui_textarea::DataCursor(1, 7));
        // Anything else starts aiming afresh.
        e.command(TextEdit::LineStart);
        e.move_by_rows(true, 80);
        e.move_by_rows(true, 80);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(2, 0));
    }

    /// Found by a new user (issue 10): seven Ctrl-Z turned "hello world"
    /// into "hell".
    #[test]
    fn undo_takes_back_a_word_at_a_time_and_redo_brings_it_back() {
        let mut e = empty();
        typed(&mut e, "hello world");
        assert!(e.undo());
        assert_eq!(text(&e), "hello ");
        assert!(e.undo());
        assert_eq!(text(&e), "");
        assert!(!e.undo(), "nothing left to undo");
        assert!(e.redo());
        assert_eq!(text(&e), "hello ");
        assert!(e.redo());
        assert_eq!(text(&e), "hello world");
        assert!(!e.redo());
    }

    #[test]
    fn deletes_moves_and_pastes_end_a_step() {
        let mut e = empty();
        typed(&mut e, "one two");
        e.command(TextEdit::DeleteCharBefore);
        e.command(TextEdit::DeleteCharBefore);
        assert_eq!(text(&e), "one t");
        assert!(e.undo(), "the run of deletes goes back at once");
        assert_eq!(text(&e), "one two");
        e.command(TextEdit::LineStart);
        typed(&mut e, "zero");
        e.insert_str(" pasted");
        assert_eq!(text(&e), "zero pastedone two");
        e.undo();
        assert_eq!(text(&e), "zeroone two");
        e.undo();
        assert_eq!(text(&e), "one two", "typing after a move is its own step");
        // A new edit after undoing drops the redo.
        typed(&mut e, "x");
        assert!(!e.redo());
    }

    /// Found by a new user (issue 10): Ctrl-U was undo, not readline's
    /// delete to the line's start.
    #[test]
    fn readline_commands_edit_as_in_a_shell() {
        let mut e = empty();
        typed(&mut e, "the quick brown fox");
        e.command(TextEdit::WordBack);
        e.command(TextEdit::DeleteToLineStart);
        assert_eq!(text(&e), "fox");
        e.command(TextEdit::LineEnd);
        typed(&mut e, " jumps over");
        e.command(TextEdit::DeleteWordBefore);
        assert_eq!(text(&e), "fox jumps ");
        e.command(TextEdit::LineStart);
        e.command(TextEdit::DeleteWordAfter);
        assert_eq!(text(&e), " jumps ");
        e.command(TextEdit::CharForward);
        e.command(TextEdit::DeleteToLineEnd);
        assert_eq!(text(&e), " ");
        e.undo();
        assert_eq!(text(&e), " jumps ");
    }

    /// Found in the new-user walk: Alt-F stopped at the start of the next
    /// word and Ctrl-W took `]]` from `[[B]E<3b>[F]]`, where a shell goes to
    /// the end of the word and back to the space.
    #[test]
    fn word_keys_go_where_a_shell_goes() {
        let mut e = empty();
        typed(&mut e, "alpha beta gamma delta");
        e.command(TextEdit::WordBack);
        e.command(TextEdit::WordBack);
        typed(&mut e, "X");
        e.command(TextEdit::WordForward);
        typed(&mut e, "Y");
        assert_eq!(text(&e), "alpha beta XgammaY delta");

        let mut e = empty();
        typed(&mut e, "so to.[[B]E<3b>[F]]");
        e.command(TextEdit::DeleteToSpaceBefore);
        assert_eq!(text(&e), "so ");
        e.undo();
        assert_eq!(text(&e), "so to.[[B]E<3b>[F]]", "one undo step");
        e.command(TextEdit::DeleteWordBefore);
        assert_eq!(
            text(&e),
            "so to.[[B]E<3b>[",
            "Alt-Backspace stops at the word"
        );

        // At a line's edge the word keys go on to the next or previous line.
        let mut e = empty();
        typed(&mut e, "one\ntwo");
        e.command(TextEdit::LineStart);
        e.command(TextEdit::DeleteToSpaceBefore);
        assert_eq!(text(&e), "onetwo");
        e.command(TextEdit::LineStart);
        e.command(TextEdit::DeleteWordAfter);
        assert_eq!(text(&e), "");
    }

    /// Found in review: a decomposed accent (e and U+0301) was cut in two,
    /// so Alt-D left the accent behind and Alt-F typed between the letter
    /// and its accent.
    #[test]
    fn word_keys_keep_an_accent_with_its_letter() {
        let cafe = "cafe\u{301}";
        let mut e = empty();
        typed(&mut e, &format!("{cafe} bar"));
        e.command(TextEdit::LineStart);
        e.command(TextEdit::DeleteWordAfter);
        assert_eq!(text(&e), " bar", "Alt-D takes the accent with the word");

        let mut e = empty();
        typed(&mut e, &format!("{cafe} bar"));
        e.command(TextEdit::LineStart);
        e.command(TextEdit::WordForward);
        typed(&mut e, "X");
        assert_eq!(
            text(&e),
            format!("{cafe}X bar"),
            "Alt-F goes past the accent"
        );

        let mut e = empty();
        typed(&mut e, &format!("bar {cafe}"));
        e.command(TextEdit::WordBack);
        typed(&mut e, "X");
        assert_eq!(text(&e), format!("bar X{cafe}"));
        e.command(TextEdit::LineEnd);
        e.command(TextEdit::DeleteWordBefore);
        assert_eq!(text(&e), "bar ", "Alt-Backspace takes letters and accent");

        // A mark on punctuation goes with the punctuation, never alone.
        let mut e = empty();
        typed(&mut e, "a.\u{301}b");
        e.command(TextEdit::WordBack);
        typed(&mut e, "|");
        assert_eq!(text(&e), "a.\u{301}|b");
        // Ctrl-W stops after a space, and after the mark on it, not between.
        let mut e = empty();
        typed(&mut e, "a \u{301}b");
        e.command(TextEdit::DeleteToSpaceBefore);
        assert_eq!(text(&e), "a \u{301}");
        // Starting between a letter and its accent (the arrows never stop
        // there, so jump), Alt-F ends the word.
        let mut e = empty();
        typed(&mut e, &format!("{cafe} bar"));
        e.jump(0, 4);
        e.command(TextEdit::WordForward);
        typed(&mut e, "X");
        assert_eq!(text(&e), format!("{cafe}X bar"));
    }

    /// Found in the third new-user walk: ← → and Backspace went a code point
    /// at a time, so typing split an accent from its letter, or a flag in
    /// two, and Backspace left half a flag in the file.
    /// Found in review: → on an empty line went back to the end of the
    /// line above; and a long run of flags was paired from the middle.
    #[test]
    fn an_empty_line_and_a_long_run_of_flags_move_the_right_way() {
        let mut e = empty();
        typed(&mut e, "abc\n\ndef");
        e.jump(1, 0);
        e.command(TextEdit::CharForward);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(2, 0));
        e.jump(1, 0);
        e.command(TextEdit::WordForward);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(2, 0));
        e.jump(1, 0);
        e.command(TextEdit::CharBack);
        assert_eq!(e.cursor(), ratatui_textarea::DataCursor(0, 3));

        let flags = "\u{1f1ef}\u{1f1f5}".repeat(32) + "\u{1f1ef}";
        let mut e = empty();
        typed(&mut e, &flags);
        e.command(TextEdit::DeleteCharBefore);
        assert_eq!(e.lines()[0].chars().count(), 64, "the lone half goes");
        e.command(TextEdit::DeleteCharBefore);
        assert_eq!(e.lines()[0].chars().count(), 62, "then a whole flag");
    }

    #[test]
    fn arrows_and_deletes_take_a_letter_with_its_accent_or_a_flag_whole() {
        let cafe = "cafe\u{301}";
        let flag = "\u{1f1ef}\u{1f1f5}";
        let family = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        let mut e = empty();
        typed(&mut e, &format!("{cafe}{flag}{family}x"));
        e.command(TextEdit::LineStart);
        for _ in 0..4 {
            e.command(TextEdit::CharForward);
        }
        typed(&mut e, "|");
        assert_eq!(text(&e), format!("{cafe}|{flag}{family}x"));
        e.command(TextEdit::CharForward);
        e.command(TextEdit::DeleteCharAfter);
        assert_eq!(text(&e), format!("{cafe}|{flag}x"), "the family goes whole");
        e.command(TextEdit::DeleteCharBefore);
        assert_eq!(text(&e), format!("{cafe}|x"), "the flag goes whole");
        e.command(TextEdit::CharBack);
        e.command(TextEdit::CharBack);
        typed(&mut e, "^");
        assert_eq!(text(&e), format!("caf^{}|x", "e\u{301}"));
        // A run of deletes is still one undo step.
        let mut e = empty();
        typed(&mut e, &format!("ab {flag}{cafe}"));
        e.command(TextEdit::DeleteCharBefore);
        e.command(TextEdit::DeleteCharBefore);
        assert_eq!(text(&e), format!("ab {flag}ca"));
        e.undo();
        assert_eq!(text(&e), format!("ab {flag}{cafe}"));
    }

    /// Found in review: the word keys walked a character at a time, and past
    /// column 65,535 the cursor could only be walked; each step costs the
    /// line's length, so a long word took seconds.
    #[test]
    fn word_keys_land_exactly_on_a_line_longer_than_a_jump_reaches() {
        let word = "a".repeat(65_600);
        let mut e = Editor::from(TextArea::new(vec![format!("{word} bb")]));
        e.command(TextEdit::LineEnd);
        e.command(TextEdit::WordBack);
        assert_eq!(e.cursor(), (0usize, 65_601usize));
        e.command(TextEdit::WordBack);
        assert_eq!(e.cursor(), (0usize, 0usize));
        e.command(TextEdit::WordForward);
        assert_eq!(e.cursor(), (0usize, 65_600usize));
        e.command(TextEdit::WordForward);
        assert_eq!(e.cursor(), (0usize, 65_603usize));
        e.command(TextEdit::DeleteWordBefore);
        assert_eq!(text(&e), format!("{word} "));
        e.command(TextEdit::DeleteToSpaceBefore);
        assert_eq!(text(&e), "");
        // Up and Down through the rows of a wrapped giant line.
        let mut e = Editor::from(TextArea::new(vec!["b".repeat(70_000)]));
        e.jump(0, 70_000);
        assert_eq!(e.cursor(), (0usize, 70_000usize));
        e.move_by_rows(false, 100);
        e.move_by_rows(false, 100);
        assert_eq!(e.cursor(), (0usize, 69_800usize));
        e.move_by_rows(true, 100);
        assert_eq!(e.cursor(), (0usize, 69_900usize));
    }

    /// Found in review: past the textarea's 10,000 remembered edits the
    /// oldest step still counted the edits it had forgotten, so one undo
    /// took back more than its step and a redo brought back part of another.
    #[test]
    fn undo_steps_still_match_once_the_oldest_edits_are_forgotten() {
        let mut e = empty();
        let (words, dots) = ("a".repeat(6_000), ".".repeat(6_000));
        typed(&mut e, &words);
        e.command(TextEdit::LineStart);
        e.command(TextEdit::LineEnd);
        typed(&mut e, &dots);
        assert!(e.undo());
        assert_eq!(text(&e), words);
        assert!(e.undo(), "what is left of the oldest step");
        assert_eq!(text(&e), "a".repeat(2_000), "the first 2,000 are forgotten");
        assert!(!e.undo());
        assert!(e.redo());
        assert_eq!(text(&e), words, "one step back, and only that step");
        assert!(e.redo());
        assert_eq!(text(&e), format!("{words}{dots}"));
        assert!(!e.redo());
    }

    #[test]
    fn a_one_line_editor_refuses_line_breaks() {
        let mut e = empty();
        let enter = Input {
            key: Key::Enter,
            ..Input::default()
        };
        assert!(!e.key(enter.clone(), true));
        assert!(e.key(enter, false));
        assert_eq!(e.lines(), ["", ""]);
    }

    fn any_step() -> impl Strategy<Value = u8> {
        0u8..15
    }

    proptest! {
        /// Undoing step by step and redoing step by step passes through the
        /// same texts, and past the last undo the textarea has nothing left
        /// either, whatever was typed and however little history is kept:
        /// the steps always match the textarea's history.
        #[test]
        fn undo_and_redo_retrace_the_same_steps(
            start in "[a-z \n]{0,12}",
            steps in proptest::collection::vec((any_step(), "[a-z .\n]{0,4}"), 0..40),
            most_edits in prop_oneof![1usize..30, Just(MOST_EDITS)],
        ) {
            let mut e = Editor::from(TextArea::new(start.split('\n').map(str::to_string).collect()));
            e.area.set_max_histories(most_edits);
            e.most_edits = most_edits;
            let before = text(&e);
            for (step, typed_text) in steps {
                match step {
                    0 => { typed(&mut e, &typed_text); }
                    1 => { e.insert_str(&typed_text); }
                    2 => { e.command(TextEdit::DeleteCharBefore); }
                    3 => { e.command(TextEdit::DeleteCharAfter); }
                    4 => { e.command(TextEdit::DeleteWordBefore); }
                    5 => { e.command(TextEdit::DeleteWordAfter); }
                    6 => { e.command(TextEdit::DeleteToLineStart); }
                    7 => { e.command(TextEdit::DeleteToLineEnd); }
                    8 => { e.command(TextEdit::WordBack); }
                    9 => { e.command(TextEdit::CharForward); }
                    10 => { e.move_cursor(CursorMove::Up); }
                    11 => { e.command(TextEdit::DeleteToSpaceBefore); }
                    12 => { e.command(TextEdit::WordForward); }
                    13 => { e.undo(); }
                    _ => { e.redo(); }
                }
            }
            prop_assert_eq!(e.steps.iter().sum::<usize>() <= most_edits, true);
            let mut seen = vec![text(&e)];
            while e.applied > 0 {
                prop_assert!(e.undo());
                seen.push(text(&e));
            }
            prop_assert!(!e.area.undo(), "the textarea had more to undo");
            if most_edits == MOST_EDITS {
                prop_assert_eq!(seen.last(), Some(&before));
            }
            seen.pop();
            while let Some(expected) = seen.pop() {
                prop_assert!(e.redo());
                prop_assert_eq!(text(&e), expected);
            }
            // Steps undone before are still there to redo, and nothing else.
            while e.redo() {}
            prop_assert!(!e.area.redo(), "the textarea had more to redo");
        }
    }
}
