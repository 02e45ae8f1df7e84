//! Waiting for the next key without trusting a terminal that may have gone.
//!
//! crossterm's reader loops forever on a hung-up terminal (closing the window
//! while rebound runs), so the loop first asks the OS whether input is ready
//! or the terminal is gone, and only then lets crossterm read.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Bytes are waiting (or a signal interrupted the wait).
    Ready,
    Timeout,
    /// The terminal hung up: save and leave.
    TerminalGone,
}

#[cfg(unix)]
pub fn wait(timeout: Duration) -> Wait {
    let mut fds = [libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    }];
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: `fds` is a valid array of one pollfd for the duration of the call.
    let ready = unsafe { libc::poll(fds.as_mut_ptr(), 1, millis) };
    if ready < 0 {
        // Interrupted by a signal: let the loop look at its stop flag.
        return Wait::Ready;
    }
    if ready == 0 {
        return Wait::Timeout;
    }
    if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Wait::TerminalGone;
    }
    Wait::Ready
}

#[cfg(not(unix))]
pub fn wait(timeout: Duration) -> Wait {
    match crossterm::event::poll(timeout) {
        Ok(true) => Wait::Ready,
        Ok(false) => Wait::Timeout,
        Err(_) => Wait::TerminalGone,
    }
}
