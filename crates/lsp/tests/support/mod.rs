//! A minimal LSP client over an in-memory duplex pipe, driving the real
//! server (framing included) in-process.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, ReadHalf, WriteHalf};
use tokio::sync::mpsc;

pub struct TestClient {
    write: WriteHalf<DuplexStream>,
    rx: mpsc::UnboundedReceiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pub notifications: VecDeque<Value>,
    /// What `workspace/configuration` is answered with (one value per
    /// item asked); other server requests get `null`.
    pub configuration: Value,
    /// The `workspace/configuration` requests the server sent.
    pub configuration_requests: Vec<Value>,
}

const TIMEOUT: Duration = Duration::from_secs(20);

async fn read_frames(mut read: ReadHalf<DuplexStream>, tx: mpsc::UnboundedSender<Value>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let header = String::from_utf8_lossy(&buf[..end]).to_string();
            let len: usize = header
                .lines()
                .find_map(|l| l.strip_prefix("Content-Length: "))
                .and_then(|v| v.trim().parse().ok())
                .expect("Content-Length header");
            if buf.len() < end + 4 + len {
                break;
            }
            let body = buf[end + 4..end + 4 + len].to_vec();
            buf.drain(..end + 4 + len);
            let value: Value = serde_json::from_slice(&body).expect("server sends JSON");
            if tx.send(value).is_err() {
                return;
            }
        }
        match read.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

impl TestClient {
    /// Start a server and initialize it with `root` and the client's
    /// offered position encodings.
    pub async fn start(root: Option<&std::path::Path>, encodings: &[&str]) -> (TestClient, Value) {
        Self::start_with(root, encodings, Value::Null, None).await
    }

    /// [`TestClient::start`] with `initializationOptions`, and, when
    /// `configuration` is given, the `workspace.configuration` capability
    /// and that answer to `workspace/configuration`.
    pub async fn start_with(
        root: Option<&std::path::Path>,
        encodings: &[&str],
        initialization_options: Value,
        configuration: Option<Value>,
    ) -> (TestClient, Value) {
        let (client_io, server_io) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_io);
        tokio::spawn(autoheal_lsp::serve(server_read, server_write));
        let (read, write) = tokio::io::split(client_io);
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(read_frames(read, tx));
        let answers_configuration = configuration.is_some();
        let mut client = TestClient {
            write,
            rx,
            next_id: 1,
            notifications: VecDeque::new(),
            configuration: configuration.unwrap_or(Value::Null),
            configuration_requests: Vec::new(),
        };
        let root_uri = root.map(file_uri);
        let init = client
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root_uri,
                    "initializationOptions": initialization_options,
                    "capabilities": {
                        "general": { "positionEncodings": encodings },
                        "workspace": {
                            "didChangeWatchedFiles": { "dynamicRegistration": true },
                            "configuration": answers_configuration
                        }
                    }
                }),
            )
            .await;
        client.notify("initialized", json!({})).await;
        (client, init)
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) {
        self.write.write_all(bytes).await.expect("write");
        self.write.flush().await.expect("flush");
    }

    pub async fn send(&mut self, msg: Value) {
        let body = serde_json::to_vec(&msg).expect("json");
        let frame = [format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes(), body].concat();
        self.send_raw(&frame).await;
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// The next message from the server, answering its requests.
    async fn recv(&mut self) -> Value {
        loop {
            let msg = tokio::time::timeout(TIMEOUT, self.rx.recv())
                .await
                .expect("server answered in time")
                .expect("server alive");
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let id = msg["id"].clone();
                let result = if msg["method"] == "workspace/configuration" {
                    self.configuration_requests.push(msg["params"].clone());
                    let asked = msg["params"]["items"].as_array().map_or(0, Vec::len);
                    Value::Array(vec![self.configuration.clone(); asked])
                } else {
                    Value::Null
                };
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": result})).await;
                continue;
            }
            return msg;
        }
    }

    /// Send a request and return the whole response (`result` or `error`).
    pub async fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        self.response(id).await
    }

    pub async fn response(&mut self, id: i64) -> Value {
        loop {
            let msg = self.recv().await;
            if msg.get("id") == Some(&json!(id)) {
                return msg;
            }
            self.notifications.push_back(msg);
        }
    }

    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_raw(method, params).await;
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// The next notification with `method` (buffered ones first).
    pub async fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.notifications.iter().position(|n| n["method"] == method) {
            return self.notifications.remove(i).expect("present");
        }
        loop {
            let msg = self.recv().await;
            if msg["method"] == method {
                return msg;
            }
            self.notifications.push_back(msg);
        }
    }

    /// Wait for diagnostics of `uri` whose version is at least `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        loop {
            let n = self.notification("textDocument/publishDiagnostics").await;
            if n["params"]["uri"] != uri {
                continue;
            }
            if let Some(v) = version {
                if n["params"]["version"].as_i64().is_some_and(|got| got < v) {
                    continue;
                }
            }
            return n["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
        }
    }

    pub async fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        )
        .await;
    }
}

pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// Apply LSP text edits (UTF-16 or UTF-8 positions) to `text`, as a client does.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let character = pos["character"].as_u64().unwrap() as usize;
        let mut start = 0;
        for _ in 0..line {
            start += text[start..].find('\n').map_or(text.len() - start, |i| i + 1);
        }
        let mut units = 0;
        for (i, ch) in text[start..].char_indices() {
            if units >= character || ch == '\n' {
                return start + i;
            }
            units += if utf8 { ch.len_utf8() } else { ch.len_utf16() };
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}
