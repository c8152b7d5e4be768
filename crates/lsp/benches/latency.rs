//! didChange → publishDiagnostics latency on a large real workflow
//! (llama.cpp's build.yml from the shared corpus), through the full
//! in-process protocol stack. Median over 20 incremental edits.
//!
//!   cargo bench -p autoheal-lsp --bench latency
//!
//! Skips (exit 0) when the corpus file is missing.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::TestClient;

const CORPUS: &str = "../../../shared/corpus/workflows/ggerganov__llama.cpp/.github__workflows__build.yml";
const EDITS: usize = 20;
const WARMUP: usize = 3;

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("latency: skipped, {} is missing", path.display());
        return;
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let times = rt.block_on(measure(&text));
    let mut sorted = times.clone();
    sorted.sort();
    let median = sorted[sorted.len() / 2];
    let lines = text.lines().count();
    println!(
        "latency: didChange -> publishDiagnostics on build.yml ({lines} lines): median {:.2} ms, min {:.2} ms, max {:.2} ms over {} edits",
        ms(median),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1]),
        sorted.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn measure(text: &str) -> Vec<Duration> {
    let (mut client, _) = TestClient::start(None, &["utf-16"]).await;
    let uri = "file:///bench/.github/workflows/build.yml";
    client.open(uri, text).await;
    client.diagnostics(uri, Some(1)).await;
    let mut times = Vec::new();
    for i in 0..WARMUP + EDITS {
        let version = i as i64 + 2;
        // Alternate typing and deleting a character at the start of line 1,
        // as a user editing the `name:` would.
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "#"})
        } else {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""})
        };
        let start = Instant::now();
        client.change(uri, version, json!([change])).await;
        client.diagnostics(uri, Some(version)).await;
        if i >= WARMUP {
            times.push(start.elapsed());
        }
    }
    times
}
