//! The F1 help laid out for the window: the keys of the screen underneath,
//! scrolled when they do not all fit, above closing lines (the crisis
//! pointer among them) that never scroll away.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::support::CRISIS_LINE;
use crate::tui::keys::{Context, bindings_for};
use crate::tui::reading_page::wrap;
use crate::tui::theme;

/// The help box is never wider than this.
const MOST_WIDTH: u16 = 54;

pub struct HelpPage {
    /// The box, centred in the window.
    pub rect: Rect,
    /// One line a key, as many as there are.
    pub keys: Vec<Line<'static>>,
    /// Under the keys, always shown: saving, the crisis line, how to close.
    pub closing: Vec<Line<'static>>,
    /// How many key lines the box has room for.
    pub key_rows: usize,
}

impl HelpPage {
    /// `under` are the contexts of the screen the help describes.
    pub fn new(under: &[Context], area: Rect) -> HelpPage {
        let keys = key_lines(under);
        let width = MOST_WIDTH.min(area.width);
        let mut closing = vec![
            Line::raw(""),
            Line::styled("  Everything you type is saved as you go.", theme::dim()),
        ];
        let crisis = Line::from(vec![Span::raw("  "), Span::raw(CRISIS_LINE)]);
        closing.extend(wrap(crisis, usize::from(width.saturating_sub(4))));
        // The blank line above the keys, and the borders.
        let inner = usize::from(area.height.saturating_sub(2));
        let key_rows = inner.saturating_sub(closing.len() + 2);
        let scrolls = keys.len() > key_rows;
        // The key that opened help closes it too; say so where that is `?`.
        let mut close = String::from("  ");
        if scrolls {
            close.push_str("↑↓ PgDn scroll · ");
        }
        close.push_str(if under.contains(&Context::Commands) {
            "Esc, F1 or ? closes this help."
        } else {
            "Esc or F1 closes this help."
        });
        closing.push(Line::styled(close, theme::dim()));
        let height = u16::try_from(keys.len().min(key_rows) + closing.len() + 3)
            .unwrap_or(u16::MAX)
            .min(area.height);
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        HelpPage {
            rect,
            keys,
            closing,
            key_rows,
        }
    }

    /// The furthest the keys scroll: the last key on the last row.
    pub fn max_scroll(&self) -> usize {
        self.keys.len().saturating_sub(self.key_rows)
    }

    /// The lines inside the box with the keys scrolled by `scroll`: a cue
    /// above when keys are hidden above, and below when hidden below (each
    /// on a row that is blank otherwise, so no key gives way to it).
    pub fn lines(&self, scroll: usize) -> Vec<Line<'static>> {
        let scroll = scroll.min(self.max_scroll());
        let end = (scroll + self.key_rows).min(self.keys.len());
        let mut lines = vec![if scroll > 0 {
            Line::styled(format!("  ↑ {scroll} more"), theme::dim())
        } else {
            Line::raw("")
        }];
        lines.extend(self.keys[scroll..end].iter().cloned());
        let mut closing = self.closing.clone();
        if end < self.keys.len()
            && let Some(first) = closing.first_mut()
        {
            *first = Line::styled(format!("  ↓ {} more", self.keys.len() - end), theme::dim());
        }
        lines.extend(closing);
        lines
    }
}

fn key_lines(under: &[Context]) -> Vec<Line<'static>> {
    // Help describes the screen underneath it, not itself.
    let contexts: Vec<Context> = under
        .iter()
        .copied()
        .filter(|c| *c != Context::Help)
        .collect();
    let mut shown: Vec<&str> = Vec::new();
    let mut lines = Vec::new();
    for b in bindings_for(&contexts) {
        // A key listed twice does only what its first (most specific) entry
        // says: Ctrl-Z undoes in a text field and suspends elsewhere.
        if shown.contains(&b.label) {
            continue;
        }
        shown.push(b.label);
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<13}", b.label), theme::key()),
            Span::raw(b.does),
        ]));
    }
    lines
}
