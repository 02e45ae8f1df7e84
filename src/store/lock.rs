//! One writer per reflection: an advisory `flock` on `<data>/locks/<id>.lock`.
//!
//! The lock file also holds the owner's pid for messages. The kernel drops
//! the lock when its process ends, however it ends (even SIGKILL), so a lock
//! left by a dead process never blocks anyone.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// Held while a reflection is open for writing; released when dropped.
#[derive(Debug)]
pub struct Lock {
    // Kept open: closing the file releases the lock.
    _file: File,
}

/// Why a lock was not taken.
pub enum Refused {
    /// Another live process holds it; its pid, if it wrote one.
    Held(Option<u32>),
    Io(io::Error),
}

pub fn acquire(path: &Path) -> Result<Lock, Refused> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A link planted at the lock's name is refused, never followed: the
        // pid written below would land in whatever file it points to.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(path).map_err(|e| {
        Refused::Io(if is_a_link_refused(&e) {
            io::Error::other("it is a link, which rebound does not follow; remove it")
        } else {
            e
        })
    })?;
    if !try_lock(&file).map_err(Refused::Io)? {
        let mut text = String::new();
        let _ = file.read_to_string(&mut text);
        return Err(Refused::Held(text.trim().parse().ok()));
    }
    // Ours now: say who holds it.
    let _ = file.set_len(0);
    let _ = file.seek(SeekFrom::Start(0));
    let _ = write!(file, "{}", std::process::id());
    Ok(Lock { _file: file })
}

#[cfg(unix)]
fn is_a_link_refused(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_a_link_refused(_e: &io::Error) -> bool {
    false
}

/// Whether a process with this pid exists (it may belong to someone else).
#[cfg(unix)]
pub fn process_is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn process_is_running(_pid: u32) -> bool {
    true
}

#[cfg(unix)]
fn try_lock(file: &File) -> io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock only reads the descriptor, which `file` keeps open.
    let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EWOULDBLOCK) => Ok(false),
        // Some network and FUSE filesystems cannot lock at all. Refusing
        // would make every reflection read only for good; writing without
        // the guard is what rebound did before it had one.
        Some(libc::ENOLCK | libc::EOPNOTSUPP | libc::EINVAL) => Ok(true),
        _ => Err(error),
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> io::Result<bool> {
    Ok(true)
}
