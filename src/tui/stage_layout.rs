//! Where a stage screen's parts go across a window: the form beside the
//! guide or above it, and how wide a focused answer is, so the keys that
//! move by wrapped rows wrap at the width the screen draws.

/// Wide enough for the guide pane beside the form.
pub const SIDE_PANE_MIN_WIDTH: u16 = 90;
pub const SIDE_PANE_WIDTH: u16 = 38;
/// Columns an answer is indented by, under its label.
pub const INDENT: u16 = 4;
/// Rows a multi-line answer shows while it is being edited.
pub const FOCUSED_TEXT_ROWS: u16 = 6;

/// The form's width in a window this wide.
pub fn form_width(window_width: u16) -> u16 {
    if window_width >= SIDE_PANE_MIN_WIDTH {
        window_width - SIDE_PANE_WIDTH
    } else {
        window_width
    }
}

/// The questions' width: the form less a column either side.
pub fn fields_width(form_width: u16) -> u16 {
    form_width.saturating_sub(2)
}

/// An answer's width under its label.
pub fn answer_width(fields_width: u16) -> u16 {
    fields_width.saturating_sub(INDENT).max(1)
}

/// An answer's width in a window this wide.
pub fn answer_width_in(window_width: u16) -> u16 {
    answer_width(fields_width(form_width(window_width)))
}
