//! Entering and leaving the full-screen terminal, so that every exit path
//! (normal, error, panic) leaves the terminal as it was found.

use std::io::{self, stdout};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Owns the terminal while the TUI runs; dropping it restores the terminal.
pub struct TerminalSession {
    pub terminal: DefaultTerminal,
}

impl TerminalSession {
    pub fn start() -> io::Result<TerminalSession> {
        install_panic_hook();
        let terminal = ratatui::try_init().inspect_err(|_| restore())?;
        let session = TerminalSession { terminal };
        // Bracketed paste delivers a paste as one event, so a long paste
        // arrives whole instead of as thousands of key presses. If it fails,
        // dropping the session restores the terminal.
        execute!(stdout(), EnableBracketedPaste)?;
        Ok(session)
    }
}

impl TerminalSession {
    /// Ctrl-Z (or SIGTSTP): hands the terminal back as it was found, stops
    /// the process, and takes the screen again when it is continued (`fg`).
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        stop_like_a_job();
        self.resume()
    }

    /// After a stop, the terminal may have been used by anything: set it up
    /// again and repaint everything on the next draw. Nothing here asks the
    /// terminal a question: ratatui's `clear` asks where the cursor is, and
    /// after a SIGSTOP and `fg` the reply can come too late (or land at the
    /// shell's prompt), which must never end rebound.
    pub fn resume(&mut self) -> io::Result<()> {
        // crossterm remembers raw mode as on and would skip turning it on
        // again; after a SIGSTOP the shell has put the terminal back in its
        // own (line-by-line) mode, so keys would wait for Enter. Off, then on.
        let _ = crossterm::terminal::disable_raw_mode();
        crossterm::terminal::enable_raw_mode()?;
        execute!(
            stdout(),
            crossterm::terminal::EnterAlternateScreen,
            EnableBracketedPaste
        )?;
        let size = self.terminal.size()?;
        // A fullscreen resize clears the screen and forgets what was drawn,
        // so the next draw repaints everything.
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

/// Stops the process the way a terminal's Ctrl-Z would: SIGTSTP with its
/// default action, for just this moment. Unlike SIGSTOP, the system discards
/// it when no shell could bring the process back (it was started without job
/// control), so rebound carries on instead of freezing for good.
#[cfg(unix)]
fn stop_like_a_job() {
    // SAFETY: the sigaction structs are fully initialised (zeroed, then the
    // handler set) and live across the calls; the previous handler (the one
    // that sets rebound's suspend flag) is put back unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut previous) != 0 {
            return;
        }
        libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &previous, std::ptr::null_mut());
    }
}

#[cfg(not(unix))]
fn stop_like_a_job() {}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore();
    }
}

/// Quiet on failure: after a hang-up there is no terminal to restore or to
/// print to, and printing would only panic.
fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
}

/// Restores the terminal before the panic message prints, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
