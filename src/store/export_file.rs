//! Writing an export where the person says: a new file, a replaced one (only when asked), or through a FIFO or a device.

use std::fs;
use std::io;
use std::path::Path;

use super::StoreError;
use super::atomic::{create_new_atomically, replace_keeping_mode};
use super::paths::{create_private_dir, through_links};

/// What to do when the file named is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave it and say so: a person's own notes are never lost to a typo.
    Refuse,
    /// Replace its content, keeping its permissions (the person asked).
    Replace,
}

/// Writes an export (or any file the person names). A new file is written
/// privately and atomically, in folders made (private) if missing; an
/// existing one is replaced only with `Existing::Replace`, and keeps its
/// mode; a link is followed and the file it points to is written in its own
/// folder, so the link stays; a FIFO or a device (`-o /dev/stdout`) is
/// written through, never replaced, and is not a file to refuse. A folder
/// given where a file name belongs is refused with a clear reason.
pub fn write_export(path: &Path, text: &str, existing: Existing) -> Result<(), StoreError> {
    let err = |path: &Path, source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(err(
            path,
            io::Error::other("that is a folder; add a file name, e.g. plan.md"),
        ));
    }
    // `-o /dev/stdout` means this process's own stdout, wherever the shell
    // sent it (`>> journal.md` appends there; reopening the path would
    // start writing at the file's beginning, or replace it).
    if let Some(fd) = own_descriptor(path) {
        return write_to_descriptor(fd, text).map_err(|source| err(path, source));
    }
    // Decided by what the path leads to, links followed.
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(err(
            path,
            io::Error::other("it leads to a folder; add a file name, e.g. plan.md"),
        )),
        // Opened through the path itself, so even links the system makes up
        // (`/dev/stdout` to `/proc/self/fd/1` to a pipe) lead where they should.
        Ok(meta) if !meta.is_file() => {
            write_through(path, text).map_err(|source| err(path, source))
        }
        Ok(_) if existing == Existing::Refuse => Err(StoreError::Exists(path.to_path_buf())),
        Ok(_) => {
            let target = through_links(path).map_err(|source| err(path, source))?;
            replace_keeping_mode(&target, text.as_bytes()).map_err(|source| err(&target, source))
        }
        Err(_) => {
            let target = through_links(path).map_err(|source| err(path, source))?;
            // `-o notes/plan.md` as the README shows it works from anywhere.
            if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
                && !dir.exists()
            {
                create_private_dir(dir)?;
            }
            // Created new, so a file that appeared meanwhile is not replaced.
            match create_new_atomically(&target, text.as_bytes()) {
                Ok(true) => Ok(()),
                Ok(false) if existing == Existing::Refuse => {
                    Err(StoreError::Exists(path.to_path_buf()))
                }
                Ok(false) => replace_keeping_mode(&target, text.as_bytes())
                    .map_err(|source| err(&target, source)),
                Err(source) => Err(err(&target, source)),
            }
        }
    }
}

/// The descriptor a path names when it is one of this process's own:
/// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
fn own_descriptor(path: &Path) -> Option<i32> {
    let path = path.to_str()?;
    match path {
        "/dev/stdout" => Some(1),
        "/dev/stderr" => Some(2),
        _ => path
            .strip_prefix("/dev/fd/")
            .or_else(|| path.strip_prefix("/proc/self/fd/"))
            .and_then(|n| n.parse().ok()),
    }
}

/// Writes to an open descriptor of this process, as it was opened (appending
/// if the shell opened it so), without closing it.
#[cfg(unix)]
fn write_to_descriptor(fd: i32, text: &str) -> io::Result<()> {
    use std::io::Write;
    use std::os::fd::BorrowedFd;
    // SAFETY: fcntl(F_GETFD) only asks whether the descriptor is open; a
    // closed one is refused before it is borrowed.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the descriptor is open (checked above) and stays open for the
    // borrow: nothing in this function closes it.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    let mut file = fs::File::from(borrowed.try_clone_to_owned()?);
    file.write_all(text.as_bytes())?;
    file.flush()
}

#[cfg(not(unix))]
fn write_to_descriptor(_fd: i32, _text: &str) -> io::Result<()> {
    Err(io::Error::other("not supported here"))
}

/// A FIFO or a device is written to as it is: replacing it would break
/// whatever reads from it (or, as root, replace the device itself).
fn write_through(path: &Path, text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}
