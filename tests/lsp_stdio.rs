//! `autoheal lsp` as an editor runs it: the real binary over stdin/stdout.
//! Malformed messages get JSON-RPC error responses and the server keeps
//! serving; `exit` ends the process while stdin is still open, with 0 after
//! `shutdown` and 1 without (the LSP specification's exit codes).

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Session {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    reader: std::thread::JoinHandle<()>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    [format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(), body].concat()
}

/// Splits the server's stdout into JSON messages, asserting it carries
/// nothing but well-formed frames.
fn read_messages(mut stdout: impl Read, tx: std::sync::mpsc::Sender<Value>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let header = String::from_utf8(buf[..end].to_vec()).expect("ASCII header");
            let len: usize = header
                .strip_prefix("Content-Length: ")
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("stdout carries only frames, got header {header:?}"));
            if buf.len() < end + 4 + len {
                break;
            }
            let value = serde_json::from_slice(&buf[end + 4..end + 4 + len]).expect("JSON body");
            buf.drain(..end + 4 + len);
            if tx.send(value).is_err() {
                return;
            }
        }
        match stdout.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

impl Session {
    fn start() -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_autoheal"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start autoheal lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = channel();
        let reader = std::thread::spawn(move || read_messages(stdout, tx));
        let mut s = Session {
            child,
            stdin,
            messages,
            reader,
        };
        s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
        assert!(s.reply_to(&json!(1))["result"]["capabilities"].is_object());
        s.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        s
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write to the server");
        self.stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&frame(message.to_string().as_bytes()));
    }

    /// The next message with a `result` or an `error` (server requests and
    /// notifications are skipped).
    fn next_reply(&mut self) -> Value {
        loop {
            let message = self.messages.recv_timeout(TIMEOUT).expect("the server replies in time");
            if message.get("result").is_some() || message.get("error").is_some() {
                return message;
            }
        }
    }

    fn reply_to(&mut self, id: &Value) -> Value {
        loop {
            let reply = self.next_reply();
            if &reply["id"] == id {
                return reply;
            }
        }
    }

    /// Waits for the process to end by itself (stdin stays open).
    fn exit_status(mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Everything written up to the end was whole frames.
                assert!(self.reader.join().is_ok(), "stdout carried something other than frames");
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the server did not exit on `exit` while its stdin was open");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn code_and_id(reply: &Value) -> (i64, Value) {
    (reply["error"]["code"].as_i64().unwrap_or(0), reply["id"].clone())
}

#[test]
fn malformed_messages_get_errors_then_shutdown_and_exit_end_with_0() {
    let mut s = Session::start();
    // One malformed message at a time, each answered before the next.
    s.send_raw(&frame(b"{not json"));
    assert_eq!(code_and_id(&s.next_reply()), (-32700, Value::Null));
    s.send_raw(&frame(br#"{"jsonrpc":"2.0","id":7,"method":5}"#));
    assert_eq!(code_and_id(&s.next_reply()), (-32600, json!(7)));
    s.send_raw(&frame(br#"{"jsonrpc":"2.0","id":"x","params":{}}"#));
    assert_eq!(code_and_id(&s.next_reply()), (-32600, json!("x")));
    s.send_raw(&frame(&[0xff, 0xfe, 0x00]));
    assert_eq!(code_and_id(&s.next_reply()), (-32700, Value::Null));
    s.send_raw(b"Content-Type: nothing\r\n\r\n");
    assert_eq!(code_and_id(&s.next_reply()), (-32700, Value::Null));
    // Still serving: a real request gets its real answer.
    let position = json!({"textDocument": {"uri": "file:///w/.github/workflows/ci.yml"},
                          "position": {"line": 0, "character": 0}});
    s.send(json!({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": position}));
    assert_eq!(
        s.reply_to(&json!(8)),
        json!({"jsonrpc": "2.0", "id": 8, "result": null})
    );
    s.send(json!({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}));
    assert_eq!(s.reply_to(&json!(9))["result"], Value::Null);
    s.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_status().code(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_1_even_after_malformed_messages() {
    let mut s = Session::start();
    s.send_raw(&frame(b"[]"));
    assert_eq!(code_and_id(&s.next_reply()), (-32600, Value::Null));
    s.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_status().code(), Some(1));
}

#[test]
fn exit_right_after_start_without_malformed_messages_ends_with_1() {
    let mut s = Session::start();
    s.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.exit_status().code(), Some(1));
}
