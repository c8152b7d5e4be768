//! The run-logs zip: `<n>_<job>.txt` per job, `<job>/<n>_<step>.txt` per step.
//!
//! Read from memory, streamed entry by entry into a [`LogSink`]; nothing is
//! ever written to disk. Entry names are checked anyway (a hostile archive
//! is a sign of a hostile source) and the total decompressed size is bounded.

use std::collections::HashMap;
use std::io::{self, Cursor, Read, Seek};

use zip::ZipArchive;

use crate::error::LogError;
use crate::events::{LineEvent, LogSink, TextFeeder};
use crate::line::parse_line;
use crate::stream::for_each_line_in;

/// Limits for reading a zip.
#[derive(Clone, Copy, Debug)]
pub struct ZipLimits {
    /// Total decompressed bytes over all entries.
    pub max_total_bytes: u64,
    pub max_entries: usize,
}

impl Default for ZipLimits {
    fn default() -> Self {
        ZipLimits {
            max_total_bytes: 4 << 30,
            max_entries: 20_000,
        }
    }
}

/// True when `bytes` starts like a zip archive.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

#[derive(Debug)]
struct JobEntry {
    number: u32,
    name: String,
    index: Option<usize>,
    steps: Vec<(u32, String, usize)>,
}

/// `12_build (ubuntu).txt` → (12, "build (ubuntu)").
fn numbered(file: &str) -> Option<(u32, String)> {
    let stem = file.strip_suffix(".txt")?;
    let (n, name) = stem.split_once('_')?;
    Some((n.parse().ok()?, name.to_string()))
}

fn check_name(name: &str) -> Result<(), LogError> {
    let unsafe_name = name.starts_with('/')
        || name.starts_with('\\')
        || name.contains('\\')
        || name.as_bytes().get(1) == Some(&b':')
        || name.split('/').any(|part| part == "..")
        || name.contains('\0');
    if unsafe_name {
        Err(LogError::UnsafeEntryName(name.chars().take(200).collect()))
    } else {
        Ok(())
    }
}

fn bad_zip(e: zip::result::ZipError) -> LogError {
    LogError::BadZip(match e {
        zip::result::ZipError::InvalidArchive(why) => format!("not a zip archive or truncated ({why})"),
        zip::result::ZipError::Io(e) => format!("truncated or corrupt ({e})"),
        other => other.to_string(),
    })
}

/// Reads a run-logs zip into `sink`, one job per job file.
pub fn read_run_zip(bytes: &[u8], limits: ZipLimits, sink: &mut dyn LogSink) -> Result<(), LogError> {
    read_run_zip_from(Cursor::new(bytes), limits, sink)
}

/// [`read_run_zip`] from any seekable reader (a file on disk is read entry
/// by entry, never whole).
pub fn read_run_zip_from<R: Read + Seek>(reader: R, limits: ZipLimits, sink: &mut dyn LogSink) -> Result<(), LogError> {
    let mut archive = ZipArchive::new(reader).map_err(bad_zip)?;
    if archive.len() > limits.max_entries {
        return Err(LogError::BadZip(format!(
            "{} entries is more than the limit of {}",
            archive.len(),
            limits.max_entries
        )));
    }
    let mut jobs: HashMap<String, JobEntry> = HashMap::new();
    for index in 0..archive.len() {
        let name = archive.name_for_index(index).unwrap_or_default().to_string();
        check_name(&name)?;
        if name.ends_with('/') {
            continue;
        }
        match name.split_once('/') {
            None => {
                let Some((number, job)) = numbered(&name) else { continue };
                let entry = jobs.entry(job.clone()).or_insert(JobEntry {
                    number,
                    name: job,
                    index: None,
                    steps: vec![],
                });
                entry.number = number;
                entry.index = Some(index);
            }
            Some((dir, file)) if !file.contains('/') => {
                let Some((number, step)) = numbered(file) else { continue };
                let entry = jobs.entry(dir.to_string()).or_insert(JobEntry {
                    number: u32::MAX,
                    name: dir.to_string(),
                    index: None,
                    steps: vec![],
                });
                entry.steps.push((number, step, index));
            }
            Some(_) => {}
        }
    }
    let mut ordered: Vec<JobEntry> = jobs.into_values().collect();
    ordered.sort_by(|a, b| (a.number, &a.name).cmp(&(b.number, &b.name)));
    let mut budget = limits.max_total_bytes;
    for mut job in ordered {
        job.steps.sort_by_key(|s| s.0);
        sink.begin_job(Some(&job.name));
        match job.index {
            Some(index) => read_job_file(&mut archive, index, &job.steps, &mut budget, limits, sink)?,
            None => {
                for (number, name, index) in &job.steps {
                    sink.begin_step(Some(*number), name, 0);
                    let mut feeder = TextFeeder::new(true);
                    read_entry(&mut archive, *index, &mut budget, limits, |n, l| {
                        feeder.feed(n, l, sink)
                    })?;
                }
            }
        }
    }
    Ok(())
}

/// Streams one entry's lines within the remaining byte budget.
fn read_entry(
    archive: &mut ZipArchive<impl Read + Seek>,
    index: usize,
    budget: &mut u64,
    limits: ZipLimits,
    f: impl FnMut(u64, &[u8]),
) -> Result<(), LogError> {
    let entry = archive.by_index(index).map_err(bad_zip)?;
    let mut bounded = entry.take(*budget + 1);
    let read = for_each_line_in(&mut bounded, f).map_err(io_error)?;
    if read > *budget {
        return Err(LogError::TooLarge {
            limit: limits.max_total_bytes,
        });
    }
    *budget -= read;
    Ok(())
}

fn io_error(e: io::Error) -> LogError {
    LogError::BadZip(format!("truncated or corrupt entry ({e})"))
}

/// First line of an entry, the key that finds where the step starts in the
/// job file.
fn first_line(archive: &mut ZipArchive<impl Read + Seek>, index: usize) -> Result<Option<String>, LogError> {
    let entry = archive.by_index(index).map_err(bad_zip)?;
    let mut buf = Vec::new();
    entry.take(4096).read_to_end(&mut buf).map_err(io_error)?;
    let end = memchr::memchr(b'\n', &buf).unwrap_or(buf.len());
    let line = buf[..end].strip_suffix(b"\r").unwrap_or(&buf[..end]);
    Ok((!line.is_empty()).then(|| String::from_utf8_lossy(line).into_owned()))
}

fn read_job_file(
    archive: &mut ZipArchive<impl Read + Seek>,
    index: usize,
    steps: &[(u32, String, usize)],
    budget: &mut u64,
    limits: ZipLimits,
    sink: &mut dyn LogSink,
) -> Result<(), LogError> {
    let mut starts: HashMap<String, (u32, String)> = HashMap::new();
    for (number, name, step_index) in steps {
        if let Some(key) = first_line(archive, *step_index)? {
            starts.entry(key).or_insert((*number, name.clone()));
        }
    }
    let mut router = StepRouter {
        sink,
        given_step: false,
    };
    let mut feeder = TextFeeder::new(false);
    read_entry(archive, index, budget, limits, |n, l| {
        if !starts.is_empty() {
            if let Some((number, name)) = starts.remove(String::from_utf8_lossy(l).as_ref()) {
                router.sink.begin_step(Some(number), &name, n);
                router.given_step = true;
            }
        }
        let parsed = parse_line(l);
        feeder.feed_parsed(n, &parsed, &mut router);
        router.given_step = false;
    })
}

/// Passes events on, but drops the feeder's own step start on a line where
/// a numbered step file already started one.
struct StepRouter<'a> {
    sink: &'a mut dyn LogSink,
    given_step: bool,
}

impl LogSink for StepRouter<'_> {
    fn begin_job(&mut self, name: Option<&str>) {
        self.sink.begin_job(name);
    }
    fn begin_step(&mut self, number: Option<u32>, name: &str, line: u64) {
        if !self.given_step {
            self.sink.begin_step(number, name, line);
        }
    }
    fn line(&mut self, line: &LineEvent<'_>) {
        self.sink.line(line);
    }
}
