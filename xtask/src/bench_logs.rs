//! `cargo xtask bench logs [MiB]`: log analysis throughput on a synthetic job
//! log of any size, generated on the fly (never held in memory), with the
//! failure near the end, streamed through `Analyzer::analyze_reader`.

use std::io::{self, Read};
use std::time::Instant;

use autoheal_logs::{Analyzer, Options};

pub fn run(mib: u64) -> anyhow::Result<()> {
    let analyzer = Analyzer::new(&Options::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut times = Vec::new();
    let mut root = None;
    for _ in 0..3 {
        let start = Instant::now();
        let analysis = analyzer
            .analyze_reader(SyntheticLog::new(mib << 20), None)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        times.push(start.elapsed().as_secs_f64());
        root = analysis
            .root_cause()
            .map(|f| format!("{} {:?}", f.category.as_str(), f.subject));
    }
    let median = crate::bench::median(&mut times);
    println!(
        "log bench: {mib} MiB generated log, failure at the end; median of 3: {median:.2} s = {:.0} MB/s; root cause: {}",
        (mib << 20) as f64 / 1e6 / median,
        root.unwrap_or_default()
    );
    Ok(())
}

const FILLER: &[&str] = &[
    "2024-05-02T10:15:06.1234567Z   Downloading numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.whl (18.0 MB)\n",
    "2024-05-02T10:15:06.1234567Z tests/test_models.py::test_roundtrip[case-17] PASSED                       [ 42%]\n",
    "2024-05-02T10:15:06.1234567Z [INFO] Building module core (src/core/lib.c) with -O2 -Wall -Wextra\n",
    "2024-05-02T10:15:06.1234567Z ##[group]Run actions/cache@v4\n",
    "2024-05-02T10:15:06.1234567Z ##[endgroup]\n",
    "2024-05-02T10:15:06.1234567Z Compiling serde_json v1.0.117 (/home/runner/.cargo/registry/src/index)\n",
    "2024-05-02T10:15:06.1234567Z    info: syncing channel updates for 'stable-x86_64-unknown-linux-gnu'\n",
    "2024-05-02T10:15:06.1234567Z warning: unused variable: `x` --> src/lib.rs:10:9 (help: prefix with underscore)\n",
];

const TAIL: &str = "2024-05-02T10:45:00.0000000Z ##[group]Run python -m pytest\n\
2024-05-02T10:45:00.0000000Z python -m pytest\n\
2024-05-02T10:45:00.0000000Z ##[endgroup]\n\
2024-05-02T10:45:01.0000000Z E   ModuleNotFoundError: No module named 'yaml'\n\
2024-05-02T10:45:01.0000000Z ##[error]Process completed with exit code 2.\n";

/// Reads as `len` bytes of realistic log lines ending in a missing-module
/// failure.
pub struct SyntheticLog {
    remaining_filler: u64,
    line: usize,
    pending: &'static [u8],
    tail: &'static [u8],
}

impl SyntheticLog {
    pub fn new(len: u64) -> Self {
        SyntheticLog {
            remaining_filler: len.saturating_sub(TAIL.len() as u64),
            line: 0,
            pending: &[],
            tail: TAIL.as_bytes(),
        }
    }
}

impl Read for SyntheticLog {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < buf.len() {
            if self.pending.is_empty() {
                if self.remaining_filler > 0 {
                    let line = FILLER[self.line % FILLER.len()].as_bytes();
                    self.line += 1;
                    let take = (line.len() as u64).min(self.remaining_filler) as usize;
                    self.remaining_filler -= take as u64;
                    self.pending = &line[..take];
                } else if !self.tail.is_empty() {
                    self.pending = self.tail;
                    self.tail = &[];
                } else {
                    break;
                }
            }
            let n = self.pending.len().min(buf.len() - written);
            buf[written..written + n].copy_from_slice(&self.pending[..n]);
            self.pending = &self.pending[n..];
            written += n;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_logs::Category;

    #[test]
    fn synthetic_log_has_the_requested_size_and_failure() {
        let mut bytes = Vec::new();
        SyntheticLog::new(100_000).read_to_end(&mut bytes).expect("read");
        assert_eq!(bytes.len(), 100_000);
        let analysis = Analyzer::new(&Options::default())
            .expect("a")
            .analyze_reader(&bytes[..], None)
            .expect("analyze");
        let root = analysis.root_cause().expect("failure");
        assert_eq!(
            (root.category, root.subject.as_deref()),
            (Category::MissingDependency, Some("PyYAML"))
        );
    }
}
