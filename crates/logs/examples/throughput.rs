//! Throughput on a generated log: `cargo run --release --example throughput -- [MiB]`.

use std::time::Instant;

use autoheal_logs::bench::SyntheticLog;
use autoheal_logs::{Analyzer, Options};

fn main() {
    let mib: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1024);
    let analyzer = Analyzer::new(&Options::default()).expect("analyzer");
    let start = Instant::now();
    let analysis = analyzer
        .analyze_reader(SyntheticLog::new(mib << 20), None)
        .expect("analyze");
    let secs = start.elapsed().as_secs_f64();
    let root = analysis
        .root_cause()
        .map(|f| format!("{} {:?}", f.category.as_str(), f.subject));
    println!(
        "{mib} MiB in {secs:.2}s = {:.0} MB/s; root cause: {root:?}",
        (mib << 20) as f64 / 1e6 / secs
    );
}
