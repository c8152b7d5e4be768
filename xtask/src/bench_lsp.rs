//! `autoheal lsp` as an editor runs it: the release binary over stdio, with
//! many workflows open; the time from `didChange` to the matching
//! `publishDiagnostics` on one large workflow, and the server's memory.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use crate::bench::{median, p95};
use serde_json::{Value, json};

pub struct Figures {
    pub open: usize,
    pub open_secs: f64,
    pub edits: usize,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// The analysis alone, as the server logs it (`analyzed … in N ms`):
    /// the edit-to-diagnostics time less the server's pause after an edit
    /// and the transport.
    pub analysis_median_ms: Option<f64>,
    pub analysis_p95_ms: Option<f64>,
    /// Resident memory after the edits, and its peak, in KiB (Linux).
    pub rss_kib: Option<u64>,
    pub peak_kib: Option<u64>,
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Server {
    fn start(bin: &Path) -> anyhow::Result<Server> {
        let mut child = Command::new(bin)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            // shellcheck would time a subprocess, not the server.
            .env("PATH", "")
            .spawn()?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = BufReader::new(child.stdout.take().expect("piped"));
        Ok(Server {
            child,
            stdin,
            stdout,
            next_id: 1,
        })
    }

    fn send(&mut self, message: Value) -> anyhow::Result<()> {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.stdin.flush()?;
        Ok(())
    }

    fn notify(&mut self, method: &str, params: Value) -> anyhow::Result<()> {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    fn request(&mut self, method: &str, params: Value) -> anyhow::Result<Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        loop {
            let m = self.receive()?;
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return Ok(m);
            }
        }
    }

    /// The next message from the server; requests it makes of the client
    /// (configuration, registrations) are answered with `null`.
    fn receive(&mut self) -> anyhow::Result<Value> {
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                anyhow::ensure!(self.stdout.read_line(&mut line)? > 0, "the server closed its output");
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length:") {
                    length = Some(n.trim().parse::<usize>()?);
                }
            }
            let mut body = vec![0; length.ok_or_else(|| anyhow::anyhow!("a message without Content-Length"))?];
            self.stdout.read_exact(&mut body)?;
            let m: Value = serde_json::from_slice(&body)?;
            if let (Some(id), Some(_)) = (m.get("id"), m.get("method")) {
                let id = id.clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}))?;
                continue;
            }
            return Ok(m);
        }
    }

    /// Wait for diagnostics on `uri` (at `version`, when given); the
    /// analysis time the server logged for that version, when it did.
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> anyhow::Result<Option<f64>> {
        let mut analysis_ms = None;
        loop {
            let m = self.receive()?;
            if m["method"] == "window/logMessage"
                && let (Some(text), Some(v)) = (m["params"]["message"].as_str(), version)
            {
                let prefix = format!("analyzed {uri} version {v} in ");
                analysis_ms = text
                    .strip_prefix(&prefix)
                    .and_then(|rest| rest.split(" ms").next())
                    .and_then(|n| n.parse::<f64>().ok())
                    .or(analysis_ms);
            }
            if m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
            {
                return Ok(analysis_ms);
            }
        }
    }
}

/// Open `files` (the first is the one edited), then time `edits` edits of
/// the first one's first line after a few untimed ones.
pub fn measure(bin: &Path, files: &[PathBuf], edits: usize) -> anyhow::Result<Figures> {
    let mut server = Server::start(bin)?;
    let root = std::env::temp_dir().join("autoheal-bench-lsp");
    std::fs::create_dir_all(&root)?;
    let root_uri = format!("file://{}", root.display());
    server.request(
        "initialize",
        json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
    )?;
    server.notify("initialized", json!({}))?;

    // Every file as a workflow of this workspace, opened in turn; each open
    // waits for its diagnostics, as an editor restoring a session would.
    let start = Instant::now();
    let mut uris = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path)?;
        let uri = format!("{root_uri}/.github/workflows/f{i}.yml");
        server.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        )?;
        server.diagnostics(&uri, None)?;
        uris.push(uri);
    }
    let open_secs = start.elapsed().as_secs_f64();

    const WARMUP: usize = 3;
    let uri = uris[0].clone();
    let mut times: Vec<Duration> = Vec::with_capacity(edits);
    let mut analysis: Vec<f64> = Vec::with_capacity(edits);
    for i in 0..WARMUP + edits {
        let version = i as i64 + 2;
        // Type and delete a character at the start of the first line, in
        // turn, as a user editing the `name:` would.
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "#"})
        } else {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""})
        };
        let start = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        )?;
        let analyzed = server.diagnostics(&uri, Some(version))?;
        if i >= WARMUP {
            times.push(start.elapsed());
            analysis.extend(analyzed);
        }
    }
    let (rss_kib, peak_kib) = memory(server.child.id());
    server.request("shutdown", Value::Null)?;
    server.notify("exit", Value::Null)?;
    server.child.wait()?;

    let mut times: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    let max_ms = times.iter().copied().fold(0.0, f64::max);
    Ok(Figures {
        open: files.len(),
        open_secs,
        edits: times.len(),
        median_ms: median(&mut times),
        p95_ms: p95(&mut times),
        max_ms,
        analysis_median_ms: (!analysis.is_empty()).then(|| median(&mut analysis)),
        analysis_p95_ms: (!analysis.is_empty()).then(|| p95(&mut analysis)),
        rss_kib,
        peak_kib,
    })
}

/// `VmRSS` and `VmHWM` of a process, in KiB, from `/proc` (Linux only).
fn memory(pid: u32) -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    (field("VmRSS:"), field("VmHWM:"))
}
