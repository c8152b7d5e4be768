//! What `diagnose` and `fix` share: reading the log files and the config,
//! and running the analysis.
//!
//! Logs are streamed, never held whole: a text log goes line by line
//! through the classifier (at most [`autoheal_logs::MAX_TEXT_LOG_BYTES`]),
//! a zip on disk is read entry by entry, and `-` reads stdin (a zip on
//! stdin is spooled to an anonymous temporary file, since a zip needs
//! seeking). The log is read once; mapping onto the workflow comes after.

use std::io::{self, Cursor, Read, Seek, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use autoheal_engine::config::{self, DEFAULT_CONFIG_PATH};
use autoheal_logs::{Analysis, LogFile, Options, Session, WorkflowFile};

use crate::{discover, files};

/// Bytes looked at to tell a zip or annotations JSON from a text log.
const SNIFF_BYTES: usize = 64 * 1024;
/// Annotations JSON is parsed whole; GitHub serves 50 annotations a page.
const MAX_ANNOTATIONS_BYTES: u64 = 64 << 20;
/// A zip on stdin is spooled to disk up to this size (compressed).
const MAX_SPOOLED_ZIP_BYTES: u64 = 4 << 30;

pub struct Loaded {
    /// What the logs say, not yet mapped onto a workflow.
    pub analysis: Analysis,
    pub root: Option<PathBuf>,
}

/// A workflow or config file, up to the engine's budget (the engine reports
/// a file over it).
pub fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    files::read_regular(path, crate::check::READ_LIMIT).with_context(|| format!("cannot read {}", path.display()))
}

/// A workflow as text. Invalid UTF-8 is an error at its line and column
/// (GitHub reads workflows as UTF-8), with the offending byte.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    String::from_utf8(read(path)?).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let (line, column) = line_column(&bytes[..at]);
        anyhow::anyhow!(
            "{}:{line}:{column}: not valid UTF-8 (byte 0x{:02x}); GitHub reads workflow files as UTF-8",
            path.display(),
            bytes[at]
        )
    })
}

/// The 1-based line and column (in characters) just after `before`, through
/// the engine's one position conversion (`text::LineIndex`).
fn line_column(before: &[u8]) -> (u32, u32) {
    let text = String::from_utf8_lossy(before);
    let at = autoheal_engine::text::LineIndex::new(&text).line_column(&text, text.len());
    (at.line, at.column)
}

pub fn load(logs: &[PathBuf], annotations: &[PathBuf], config: Option<&Path>) -> anyhow::Result<Loaded> {
    let root = discover::repo_root(&std::env::current_dir()?);
    if logs.iter().filter(|p| is_stdin(p)).count() > 1 {
        bail!("`-` (stdin) can be given only once");
    }
    let config_path = config.map(Path::to_path_buf).or_else(|| {
        root.as_ref()
            .map(|r| r.join(DEFAULT_CONFIG_PATH))
            .filter(|p| p.is_file())
    });
    let mut options = Options::default();
    if let Some(p) = config_path {
        let bytes = read(&p)?;
        let shown = p.display().to_string();
        let loaded = config::load(
            Some(config::ConfigFile {
                shown: &shown,
                bytes: &bytes,
            }),
            None,
        );
        let config = loaded.config;
        if let Some(d) = loaded.autoheal.first() {
            let at = d.range.start.min(bytes.len());
            let (line, column) = line_column(&bytes[..at]);
            bail!("{}:{line}:{column}: {}", p.display(), d.message);
        }
        options.custom_patterns = autoheal_logs::classify::custom::from_config(&config);
    }
    if let Some(r) = &root {
        if let Some(name) = r.file_name().and_then(|n| n.to_str()) {
            options.own_packages.push(name.replace('-', "_"));
        }
    }
    let analyzer = autoheal_logs::Analyzer::new(&options).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut session = analyzer.session();
    for p in annotations {
        let bytes = files::read_regular(p, MAX_ANNOTATIONS_BYTES + 1)
            .with_context(|| format!("cannot read {}", p.display()))?;
        if bytes.len() as u64 > MAX_ANNOTATIONS_BYTES {
            bail!(
                "{}: annotations larger than {} MiB",
                p.display(),
                MAX_ANNOTATIONS_BYTES >> 20
            );
        }
        session
            .add_annotations(&LogFile {
                job: None,
                bytes: &bytes,
            })
            .with_context(|| p.display().to_string())?;
    }
    for p in logs {
        add_log(&mut session, p)?;
    }
    Ok(Loaded {
        analysis: session.finish(None, None),
        root,
    })
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Streams one log into the session: zip, annotations or text, told from
/// its first bytes.
fn add_log(session: &mut Session<'_>, path: &Path) -> anyhow::Result<()> {
    let cannot_read = || format!("cannot read {}", path.display());
    stream_log(session, path).with_context(cannot_read)
}

fn stream_log(session: &mut Session<'_>, path: &Path) -> anyhow::Result<()> {
    let mut file = None;
    let mut reader: Box<dyn Read> = if is_stdin(path) {
        Box::new(io::stdin().lock())
    } else {
        if files::is_special(path) {
            bail!("not a regular file (a FIFO, socket or device); pipe it to `-` to read it from stdin");
        }
        let f = std::fs::File::open(path)?;
        file = Some(f.try_clone()?);
        Box::new(f)
    };
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut reader).take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    if autoheal_logs::zipped::looks_like_zip(&head) {
        let mut zip = match file {
            Some(mut f) => {
                f.rewind()?;
                f
            }
            None => spool(&head, reader)?,
        };
        zip.rewind()?;
        session.add_zip_reader(io::BufReader::new(zip))?;
    } else if autoheal_logs::annotations::looks_like_annotations(&head) {
        // Parsed whole when it is annotations; else streamed on as text.
        let mut bytes = head;
        (&mut reader)
            .take(MAX_ANNOTATIONS_BYTES + 1 - bytes.len() as u64)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 <= MAX_ANNOTATIONS_BYTES {
            session.add_log(&LogFile {
                job: None,
                bytes: &bytes,
            })?;
        } else {
            session.add_text_reader(None, Cursor::new(bytes).chain(reader))?;
        }
    } else {
        session.add_text_reader(None, Cursor::new(head).chain(reader))?;
    }
    Ok(())
}

/// A zip from stdin, copied into an anonymous temporary file (deleted when
/// closed) so it can be read entry by entry.
fn spool(head: &[u8], reader: Box<dyn Read>) -> anyhow::Result<std::fs::File> {
    let mut tmp = tempfile::tempfile().context("cannot create a temporary file for the zip")?;
    tmp.write_all(head)?;
    let copied = io::copy(&mut reader.take(MAX_SPOOLED_ZIP_BYTES + 1), &mut tmp)?;
    if copied + head.len() as u64 > MAX_SPOOLED_ZIP_BYTES {
        bail!("the zip on stdin is larger than {} MiB", MAX_SPOOLED_ZIP_BYTES >> 20);
    }
    Ok(tmp)
}

/// The analysis, mapped onto the workflow when one is given.
pub fn analyze(loaded: &Loaded, workflow: Option<(&str, &str)>) -> anyhow::Result<Analysis> {
    let mut analysis = loaded.analysis.clone();
    if let Some((path, text)) = workflow {
        analysis.map_onto(WorkflowFile { path, text });
    }
    Ok(analysis)
}

/// The workflow's path relative to the repository root (what GitHub and the
/// failure store call it).
pub fn repo_relative(path: &Path, root: Option<&Path>) -> String {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    match root.and_then(|r| abs.strip_prefix(r).ok()) {
        Some(rel) => rel.to_string_lossy().replace('\\', "/"),
        None => path.to_string_lossy().replace('\\', "/"),
    }
}
