//! The language server's frame guard on any bytes: never panics, every
//! frame it returns consumed input, a message passed on is JSON and a
//! malformed one gets a JSON error response.

use autoheal_lsp::frames::{Frame, next_frame};

pub const DICTIONARY: &[&str] = &[
    "Content-Length: ",
    "content-length:",
    "\r\n\r\n",
    "\r\n",
    "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n",
    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
    "{",
    "}",
    "99999999999999999999",
    "-1",
    "0",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
    vec![
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes(),
        format!(
            "Content-Length: 9\r\n\r\n{{not jsonContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .into_bytes(),
        b"Content-Length: 18446744073709551616\r\n\r\n".to_vec(),
        format!("X-{}: y\r\n\r\n", "h".repeat(10_000)).into_bytes(),
    ]
}

pub fn run(data: &[u8]) {
    let mut buf = data.to_vec();
    let mut last = buf.len() + 1;
    while let Some(frame) = next_frame(&mut buf) {
        assert!(buf.len() < last, "a frame must consume input");
        last = buf.len();
        match frame {
            Frame::Message(body) => assert!(serde_json::from_slice::<serde_json::Value>(&body).is_ok()),
            Frame::Malformed { reply, .. } => assert!(serde_json::from_slice::<serde_json::Value>(&reply).is_ok()),
        }
    }
}
