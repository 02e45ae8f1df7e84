//! Writing an export where the person says: a new file, a replaced one (only when asked), or through a FIFO or a terminal.

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

/// What to do when the path leads to a FIFO or a character device
/// (`-o /dev/stdout`, a pipe a script reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// Write into it as it is, waiting for a reader if a FIFO has none yet.
    WriteThrough,
    /// Refuse it without waiting: the TUI's loop must never hang on a FIFO
    /// nobody reads, nor a device draw over its screen.
    Refuse,
}

/// What a path leads to, as far as writing an export there goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    File,
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl FileKind {
    /// Said in an error: "that is {what}".
    pub fn what(self) -> &'static str {
        match self {
            FileKind::File => "a file",
            FileKind::Folder => "a folder",
            FileKind::Fifo => "a FIFO",
            FileKind::CharDevice => "a device",
            FileKind::BlockDevice => "a disk (a block device)",
            FileKind::Socket => "a socket",
            FileKind::Other => "something other than a file",
        }
    }

    /// Whether `rebound export -o` writes into it as it is.
    pub fn written_through(self) -> bool {
        matches!(self, FileKind::Fifo | FileKind::CharDevice)
    }

    fn of(file_type: fs::FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return FileKind::Fifo;
            }
            if file_type.is_char_device() {
                return FileKind::CharDevice;
            }
            if file_type.is_block_device() {
                return FileKind::BlockDevice;
            }
            if file_type.is_socket() {
                return FileKind::Socket;
            }
        }
        if file_type.is_file() {
            FileKind::File
        } else if file_type.is_dir() {
            FileKind::Folder
        } else {
            FileKind::Other
        }
    }
}

/// What was found at the path, decided by what was actually opened.
enum Found {
    /// Nothing (or a link to nothing): a new file is made.
    Nothing,
    /// A file: refused, or replaced atomically; never written into in place.
    File,
    /// A FIFO or a character device, open for writing.
    Through(fs::File),
}

/// Writes an export (or any file the person names). A new file is written
/// privately and atomically, in folders made (private) if missing; an
/// existing one is replaced only with `Existing::Replace`, and keeps its
/// mode; a link is followed and the file it points to is written in its own
/// folder, so the link stays. A FIFO or a character device (`-o
/// /dev/stdout`) is written through with `Special::WriteThrough`, never
/// replaced, and is not a file to refuse. A folder, a disk, a socket is
/// refused with a clear reason.
///
/// What is there is decided once, by opening the path (never creating or
/// truncating) and asking what was opened: a check and a later open would
/// leave a moment in which a FIFO swapped for a file has that file's
/// beginning overwritten in place.
pub fn write_export(
    path: &Path,
    text: &str,
    existing: Existing,
    special: Special,
) -> Result<(), StoreError> {
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
    if special == Special::WriteThrough
        && let Some(fd) = own_descriptor(path)
    {
        return write_to_descriptor(fd, text).map_err(|source| err(path, source));
    }
    match open_existing(path, special)? {
        Found::Through(mut file) => {
            use std::io::Write;
            file.write_all(text.as_bytes())
                .and_then(|()| file.flush())
                .map_err(|source| err(path, source))
        }
        Found::File if existing == Existing::Refuse => Err(StoreError::Exists(path.to_path_buf())),
        Found::File => {
            let target = through_links(path).map_err(|source| err(path, source))?;
            replace_keeping_mode(&target, text.as_bytes()).map_err(|source| err(&target, source))
        }
        Found::Nothing => {
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

/// Opens the path for writing, without creating or truncating anything, and
/// says what it leads to by what was opened. Opened through the path itself,
/// so even links the system makes up (`/dev/stdout` to `/proc/self/fd/1` to
/// a pipe) lead where they should.
#[cfg(unix)]
fn open_existing(path: &Path, special: Special) -> Result<Found, StoreError> {
    use std::os::unix::fs::OpenOptionsExt;
    let open = |flags: i32| {
        fs::OpenOptions::new()
            .write(true)
            .custom_flags(flags | libc::O_NOCTTY)
            .open(path)
    };
    // The TUI leaves what it will refuse unopened (opening a FIFO tells its
    // reader the writing is over); what is opened is still checked below.
    if special == Special::Refuse
        && let Ok(meta) = fs::metadata(path)
        && let kind @ (FileKind::Fifo | FileKind::CharDevice) = FileKind::of(meta.file_type())
    {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind,
        });
    }
    // Not blocking, so a FIFO with no reader is an answer (ENXIO), not a hang.
    let file = match open(libc::O_NONBLOCK) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Nothing),
        // A FIFO nobody reads yet (a socket says the same): the command line
        // waits for its reader, as `echo > fifo` does. Whatever is opened
        // then is still asked what it is before a byte is written.
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) && special == Special::WriteThrough => {
            match open(0) {
                Ok(file) => file,
                Err(e) => return by_metadata(path, special, e),
            }
        }
        Err(e) => return by_metadata(path, special, e),
    };
    let meta = file.metadata().map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match decide(path, FileKind::of(meta.file_type()), special)? {
        Decision::File => Ok(Found::File),
        Decision::Through => {
            blocking(&file).map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            Ok(Found::Through(file))
        }
    }
}

#[cfg(not(unix))]
fn open_existing(path: &Path, special: Special) -> Result<Found, StoreError> {
    match fs::metadata(path) {
        Ok(meta) => match decide(path, FileKind::of(meta.file_type()), special)? {
            Decision::File => Ok(Found::File),
            Decision::Through => Err(StoreError::NotAFile {
                path: path.to_path_buf(),
                kind: FileKind::Other,
            }),
        },
        Err(_) => Ok(Found::Nothing),
    }
}

/// Writes to the opened FIFO or device wait as usual: a large export into a
/// pipe would otherwise stop half-way when the pipe is full.
#[cfg(unix)]
fn blocking(file: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns and keeps
    // open; F_GETFL/F_SETFL only read and change its status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } == -1 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// When the path could not be opened for writing: a read-only file of the
/// person's is still refused (or replaced atomically when asked, as before);
/// anything else is the reason it could not be opened.
#[cfg(unix)]
fn by_metadata(path: &Path, special: Special, error: io::Error) -> Result<Found, StoreError> {
    let kind = fs::metadata(path).map(|m| FileKind::of(m.file_type()));
    match kind {
        Ok(kind) if !kind.written_through() || special == Special::Refuse => {
            match decide(path, kind, special)? {
                Decision::File => Ok(Found::File),
                Decision::Through => Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source: error,
                }),
            }
        }
        _ => Err(StoreError::Io {
            path: path.to_path_buf(),
            source: error,
        }),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Decision {
    /// Refused or replaced atomically, per `Existing`.
    File,
    /// Written into as it is.
    Through,
}

/// The one rule for what each kind of thing gets. A disk is refused even
/// with --force: an export written over one destroys its filesystem, which
/// no one means by `-o`.
fn decide(path: &Path, kind: FileKind, special: Special) -> Result<Decision, StoreError> {
    match kind {
        FileKind::File => Ok(Decision::File),
        FileKind::Folder => Err(StoreError::Io {
            path: path.to_path_buf(),
            source: io::Error::other("it leads to a folder; add a file name, e.g. plan.md"),
        }),
        kind if kind.written_through() && special == Special::WriteThrough => Ok(Decision::Through),
        kind => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind,
        }),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
    }

    /// Found in review: the path was looked at, then opened again to write
    /// through; a FIFO swapped for a file (or a link re-pointed to one) in
    /// between had that file's beginning overwritten in place, without
    /// --force. What is opened decides: a file there is a file to refuse.
    #[cfg(unix)]
    #[test]
    fn a_file_found_where_a_fifo_was_is_refused_never_written_into() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notes = dir.path().join("notes.md");
        std::fs::write(&notes, "my own notes, kept\n").expect("write");
        // The moment after the swap, as the writer meets it.
        assert!(matches!(
            open_existing(&notes, Special::WriteThrough),
            Ok(Found::File)
        ));
        let fifo = dir.path().join("pipe");
        mkfifo(&fifo);
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&fifo, &link).expect("link");
        std::fs::remove_file(&link).expect("unlink");
        std::os::unix::fs::symlink(&notes, &link).expect("re-pointed");
        let refused = write_export(&link, "EXPORT", Existing::Refuse, Special::WriteThrough);
        assert!(matches!(refused, Err(StoreError::Exists(_))), "{refused:?}");
        assert_eq!(
            std::fs::read_to_string(&notes).expect("read"),
            "my own notes, kept\n"
        );
    }

    /// Only a FIFO or a character device is written through, and only from
    /// the command line; a disk is refused even when replacing is allowed.
    #[test]
    fn only_fifos_and_terminals_are_written_through_and_a_disk_never() {
        let at = Path::new("/x");
        let through = |kind| decide(at, kind, Special::WriteThrough).ok();
        assert_eq!(through(FileKind::Fifo), Some(Decision::Through));
        assert_eq!(through(FileKind::CharDevice), Some(Decision::Through));
        assert_eq!(through(FileKind::File), Some(Decision::File));
        for kind in [
            FileKind::BlockDevice,
            FileKind::Socket,
            FileKind::Folder,
            FileKind::Other,
        ] {
            assert_eq!(through(kind), None, "{kind:?}");
        }
        for kind in [FileKind::Fifo, FileKind::CharDevice] {
            let refused = decide(at, kind, Special::Refuse);
            assert!(
                matches!(refused, Err(StoreError::NotAFile { .. })),
                "{refused:?}"
            );
        }
        let disk = decide(at, FileKind::BlockDevice, Special::WriteThrough);
        assert!(
            disk.is_err_and(|e| e.to_string().contains("a disk (a block device)")),
            "named for what it is"
        );
    }

    /// A FIFO is opened without waiting (so the TUI never hangs on one); the
    /// writing then waits as usual, so an export larger than the pipe goes
    /// whole instead of stopping when the pipe is full.
    #[cfg(unix)]
    #[test]
    fn a_long_export_goes_whole_through_a_fifo_and_the_tui_never_waits_on_one() {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe");
        mkfifo(&fifo);
        let refused = write_export(&fifo, "x", Existing::Replace, Special::Refuse);
        assert!(
            matches!(
                refused,
                Err(StoreError::NotAFile {
                    kind: FileKind::Fifo,
                    ..
                })
            ),
            "{refused:?}"
        );

        let reader = fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
            .expect("a reader first");
        blocking(&reader).expect("reads wait");
        let long = "a line of the plan\n".repeat(20_000);
        let expected = long.len();
        // Until the writer comes, a FIFO reads as ended: read on until all
        // of it is there, or a while has passed.
        let reading = std::thread::spawn(move || {
            let mut reader = reader;
            let (mut got, mut buf) = (0, vec![0; 1 << 16]);
            let start = std::time::Instant::now();
            while got < expected && start.elapsed() < std::time::Duration::from_secs(20) {
                match reader.read(&mut buf) {
                    Ok(0) => std::thread::sleep(std::time::Duration::from_millis(1)),
                    Ok(n) => got += n,
                    Err(_) => break,
                }
            }
            got
        });
        write_export(&fifo, &long, Existing::Refuse, Special::WriteThrough).expect("written");
        assert_eq!(reading.join().expect("reader"), expected);
    }
}
