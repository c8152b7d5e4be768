//! Reading and writing the files the command line is pointed at.
//!
//! Reads take regular files only (a FIFO would block forever, `/dev/zero`
//! never ends) and stop at a byte budget. Writes never leave the repository:
//! the path is resolved, symlinks included, and refused when it lands
//! outside the root; a link whose target is inside is written through (the
//! link stays a link); the new content goes to a temporary file beside the
//! real target and is renamed over it, so an interrupted write never leaves
//! half a file. A cloned repository can ship any symlink it likes, so every
//! command that writes (`check --fix`, `fix --write`, `diagnose --save`,
//! `init`) goes through [`write_inside`].

use std::io::{self, Read as _, Write as _};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, bail};

pub use autoheal_fs_repo::read_regular;

/// Reads stdin, at most `limit` bytes (see [`read_regular`]).
pub fn read_stdin(limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// True when `path` exists and is something other than a regular file or a
/// directory (following symlinks): what discovery skips with a notice.
#[cfg(feature = "logs")]
pub fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| is_special_kind(&m))
}

/// What [`is_special`] says of a path, from its metadata (`check` has it).
pub fn is_special_kind(meta: &std::fs::Metadata) -> bool {
    !meta.is_file() && !meta.is_dir()
}

/// The boundary writes stay inside: the repository around the current
/// directory, else the current directory itself.
pub fn write_root() -> anyhow::Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    Ok(crate::discover::repo_root(&cwd).unwrap_or(cwd))
}

/// Writes `bytes` to `path` atomically, refusing any path that resolves
/// (through symlinks, `..`, missing directories) to a place outside `root`.
/// Missing directories are created, inside `root` only. Returns the real
/// path written.
pub fn write_inside(root: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<PathBuf> {
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot resolve the repository root {}", root.display()))?;
    let target = resolve(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    if !target.starts_with(&root) {
        bail!(
            "refusing to write {}: it resolves to {}, outside the repository {} (a symlink?)",
            path.display(),
            target.display(),
            root.display()
        );
    }
    let dir = target.parent().unwrap_or(&root);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // The directories just created are real ones under a resolved parent,
    // but check again in case one was swapped for a link meanwhile.
    if !dir.canonicalize().is_ok_and(|d| d.starts_with(&root)) {
        bail!(
            "refusing to write {}: {} left the repository",
            path.display(),
            dir.display()
        );
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if let Ok(meta) = std::fs::metadata(&target) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(&target)
        .map_err(|e| anyhow::anyhow!("cannot replace {}: {}", target.display(), e.error))?;
    Ok(target)
}

/// Where a write to `path` really lands: every symlink followed (dangling
/// ones too), `.` and `..` applied, missing trailing components kept as
/// they are. Absolute.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut path = std::path::absolute(path)?;
    // A chain of links longer than this is a loop (Linux stops at 40).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&path)?;
                let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
                path = base.join(link);
            }
            Ok(_) => return path.canonicalize(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return resolve_missing(&path),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A path that does not exist (yet): its deepest existing ancestor,
/// resolved, plus the missing components, which may not climb with `..`.
fn resolve_missing(path: &Path) -> io::Result<PathBuf> {
    let mut missing = Vec::new();
    let mut at = path;
    while let Some(parent) = at.parent() {
        missing.push(at.file_name().map(|n| n.to_os_string()).unwrap_or_default());
        at = parent;
        if std::fs::symlink_metadata(at).is_ok() {
            break;
        }
    }
    let mut real = resolve(at)?;
    for name in missing.iter().rev() {
        match Path::new(name).components().next() {
            Some(Component::Normal(_)) => real.push(name),
            _ => return Err(io::Error::other("a path through a missing directory cannot use `..`")),
        }
    }
    Ok(real)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
        dir
    }

    #[test]
    fn writes_a_new_file_and_its_directories_inside_the_root() {
        let repo = repo();
        let path = repo.path().join(".autoheal/failures/run.json");
        let written = write_inside(repo.path(), &path, b"{}").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"{}");
        assert_eq!(written, path.canonicalize().expect("canonical"));
    }

    #[test]
    fn a_link_to_a_file_inside_is_written_through_and_stays_a_link() {
        let repo = repo();
        let real = repo.path().join("shared/ci.yml");
        std::fs::create_dir_all(real.parent().expect("parent")).expect("mkdir");
        std::fs::write(&real, "old").expect("write");
        let link = repo.path().join("ci.yml");
        symlink("shared/ci.yml", &link).expect("symlink");
        write_inside(repo.path(), &link, b"new").expect("write");
        assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
    }

    #[test]
    fn links_out_of_the_root_are_refused_and_nothing_is_written_outside() {
        let repo = repo();
        let outside = tempfile::tempdir().expect("tempdir");
        let victim = outside.path().join("authorized_keys");
        std::fs::write(&victim, "keep").expect("write");
        // A link to a file, a dangling link, a linked directory, a `..` climb.
        symlink(&victim, repo.path().join("file.json")).expect("symlink");
        symlink(outside.path().join("new"), repo.path().join("dangling.json")).expect("symlink");
        symlink(outside.path(), repo.path().join("dir")).expect("symlink");
        for path in [
            repo.path().join("file.json"),
            repo.path().join("dangling.json"),
            repo.path().join("dir/authorized_keys"),
            repo.path().join("dir/sub/new.json"),
            repo.path().join("../escape.json"),
        ] {
            let err = write_inside(repo.path(), &path, b"pwned").expect_err("refused");
            assert!(err.to_string().contains("outside the repository"), "{err:#}");
        }
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep");
        let left: Vec<_> = std::fs::read_dir(outside.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "nothing created outside");
    }

    #[test]
    fn special_files_are_refused_before_they_are_opened() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo.yml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here; the CLI tests cover it where it exists
        }
        assert!(is_special(&fifo));
        let err = read_regular(&fifo, 10).expect_err("refused");
        assert!(err.to_string().contains("not a regular file"));
        let file = dir.path().join("big");
        std::fs::write(&file, "0123456789").expect("write");
        assert_eq!(read_regular(&file, 4).expect("read"), b"0123");
    }
}
