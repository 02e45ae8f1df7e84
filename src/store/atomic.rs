//! Saving a file so that a crash at any moment leaves its old or new content.
//!
//! Never a torn file: temp file in the same folder, fsync, rename, fsync the
//! folder.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Returns the metadata of the file as written, read before it took the
/// name: a stat of the name afterwards that differs in more than the change
/// time the rename makes is someone else's write.
pub fn save_atomically(path: &Path, contents: &[u8]) -> io::Result<fs::Metadata> {
    let (dir, name) = folder_and_name(path)?;
    let mut temp = private_temp(dir, name)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    let written = temp.as_file().metadata()?;
    // Dropped on failure, which removes the temp file.
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)?;
    Ok(written)
}

/// Replaces a file the person owns (an export over their own notes, asked
/// for) atomically, keeping the permissions it had: only new files are made
/// private.
pub fn replace_keeping_mode(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (dir, name) = folder_and_name(path)?;
    let mut temp = private_temp(dir, name)?;
    if let Ok(meta) = fs::metadata(path) {
        temp.as_file().set_permissions(meta.permissions())?;
    }
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

fn folder_and_name(path: &Path) -> io::Result<(&Path, &str)> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("a file to save needs a folder"))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| io::Error::other("a file to save needs a name"))?;
    Ok((dir, name))
}

/// A new private file beside the one it will become: `.<name>.<pid>.<random>.tmp`.
/// The leading dot keeps it out of listings, the pid tells a crashed writer's
/// leftovers from a live one's, and the random part makes the name
/// unguessable. It is created new (O_EXCL), so a link planted at that name is
/// never followed, only refused. Dropping it removes it.
fn private_temp(dir: &Path, name: &str) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{name}.{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    builder.tempfile_in(dir)
}

/// Writes a new file only if nothing has the name yet: true when it was
/// created here, false when the name was taken (by another rebound starting
/// at the same moment, say). The whole file appears at once, as with
/// `save_atomically`: it is written aside, then linked into place, which
/// fails rather than replaces when the name exists.
pub fn create_new_atomically(path: &Path, contents: &[u8]) -> io::Result<bool> {
    let (dir, name) = folder_and_name(path)?;
    let mut temp = private_temp(dir, name)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    match fs::hard_link(temp.path(), path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        // A filesystem without hard links: exclusive creation still claims
        // the name, though the file fills a moment after it appears.
        Err(_) => {
            let mut options = fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = match options.open(path) {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
                Err(e) => return Err(e),
            };
            // A file that could not be filled must not keep the name.
            if let Err(e) = file.write_all(contents).and_then(|()| file.sync_all()) {
                let _ = fs::remove_file(path);
                return Err(e);
            }
        }
    }
    // The file is in place; a folder that cannot be synced does not undo that.
    let _ = sync_dir(dir);
    Ok(true)
}

/// Some filesystems (certain network and FUSE mounts) cannot fsync a folder;
/// the rename has happened by then, so that is not a failed save.
#[cfg(unix)]
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir)?.sync_all() {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOTSUP)) => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
pub(super) fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        save_atomically(&path, b"first version, rather long\n").expect("first save");
        save_atomically(&path, b"second\n").expect("second save");
        assert_eq!(fs::read_to_string(&path).expect("read"), "second\n");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["a.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_private_to_their_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        save_atomically(&path, b"x").expect("save");
        let mode = fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o}");
    }
}
