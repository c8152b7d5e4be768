//! The wire in front of tower-lsp-server: splitting the byte stream into
//! messages, answering malformed ones, and the one writer of the output.
//!
//! Why this layer exists: tower-lsp-server reads through tokio-util's
//! `FramedRead`, whose stream ends at the first decode error, so a single
//! malformed message would end the session. Here the input is split into
//! frames first; a well-formed JSON-RPC message is passed on unchanged, a
//! malformed one is answered with a JSON-RPC 2.0 error response (Parse error
//! -32700 when the body is not JSON or the frame cannot be read, Invalid
//! Request -32600 when it is JSON but not a message), carrying the message's
//! `id` when one can be read and `null` otherwise, and the session goes on.
//!
//! Those error responses and the server's own output reach the client
//! through [`write_output`], which writes whole frames only, so the two
//! never interleave.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Error, Id, Request, Response};

/// Larger bodies are refused (and skipped by resynchronizing).
pub const MAX_BODY: usize = 64 * 1024 * 1024;
/// A header section longer than this is garbage.
const MAX_HEADER: usize = 8 * 1024;
const HEADER_END: &[u8] = b"\r\n\r\n";
const LENGTH: &[u8] = b"content-length:";

#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A well-formed JSON-RPC message body.
    Message(Vec<u8>),
    /// A malformed message: why, and the body of the error response it gets.
    Malformed { why: String, reply: Vec<u8> },
}

/// Bytes split off the front of the stream: a body, or unreadable bytes.
enum Split {
    Body(Vec<u8>),
    Unreadable(&'static str),
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Take the next frame off the front of `buf`, or `None` when more bytes
/// are needed. Never panics; always makes progress when it returns a frame.
pub fn next_frame(buf: &mut Vec<u8>) -> Option<Frame> {
    Some(match split(buf)? {
        Split::Body(body) => classify(body),
        Split::Unreadable(why) => malformed(why.to_string(), Error::parse_error(), Id::Null),
    })
}

/// Split the next `Content-Length` frame off `buf`, whatever its body.
fn split(buf: &mut Vec<u8>) -> Option<Split> {
    let Some(end) = find(buf, HEADER_END) else {
        if buf.len() > MAX_HEADER {
            return Some(resync(buf, 1, "header too long"));
        }
        return None;
    };
    let length = std::str::from_utf8(&buf[..end]).ok().and_then(|h| {
        h.split("\r\n").find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())
                .flatten()
        })
    });
    let start = end + HEADER_END.len();
    let Some(length) = length else {
        return Some(resync(buf, start, "no valid Content-Length header"));
    };
    if length > MAX_BODY {
        return Some(resync(buf, start, "body too large"));
    }
    if buf.len() < start + length {
        return None;
    }
    let body = buf[start..start + length].to_vec();
    buf.drain(..start + length);
    Some(Split::Body(body))
}

/// Drop at least `skip` bytes and everything up to the next header start.
fn resync(buf: &mut Vec<u8>, skip: usize, why: &'static str) -> Split {
    let skip = skip.min(buf.len());
    let next = find_ignore_case(&buf[skip..], LENGTH).map_or(buf.len(), |i| skip + i);
    buf.drain(..next);
    Split::Unreadable(why)
}

/// A body the server can take, or the error response it gets instead.
fn classify(body: Vec<u8>) -> Frame {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return malformed("body is not JSON".into(), Error::parse_error(), Id::Null);
    };
    if is_message(&value) {
        return Frame::Message(body);
    }
    malformed(
        "body is not a JSON-RPC 2.0 message".into(),
        Error::invalid_request(),
        readable_id(&value),
    )
}

/// A JSON-RPC 2.0 request, notification or response, as the specification
/// defines them and as tower-lsp-server reads them. The framework alone is
/// laxer (a request without `method` becomes one for the method `""`).
fn is_message(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    let Some(object) = value.as_object() else {
        return false;
    };
    let valid_id = match object.get("id") {
        None | Some(Value::Null | Value::String(_)) => true,
        Some(Value::Number(n)) => n.is_i64(),
        Some(_) => false,
    };
    // `"params": null` is not structured, but clients send it (for
    // `shutdown`, say) and the server reads it as no params.
    let request = object.get("method").is_some_and(Value::is_string)
        && object
            .get("params")
            .is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
    let response = object.contains_key("id")
        && !object.contains_key("method")
        && object.contains_key("result") != object.contains_key("error");
    object.get("jsonrpc") == Some(&Value::from("2.0"))
        && valid_id
        && (request || response)
        && (serde_json::from_value::<Request>(value.clone()).is_ok()
            || serde_json::from_value::<Response>(value.clone()).is_ok())
}

/// The `id` of a message that is not otherwise valid, when it is a valid id
/// (an integer or a string); JSON-RPC 2.0 answers with `null` otherwise.
fn readable_id(value: &serde_json::Value) -> Id {
    match value.get("id") {
        Some(serde_json::Value::Number(n)) => n.as_i64().map_or(Id::Null, Id::Number),
        Some(serde_json::Value::String(s)) => Id::String(s.clone()),
        _ => Id::Null,
    }
}

fn malformed(why: String, error: Error, id: Id) -> Frame {
    let reply = serde_json::to_vec(&Response::from_error(id, error)).unwrap_or_default();
    Frame::Malformed { why, reply }
}

fn framed(body: &[u8]) -> Vec<u8> {
    [format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(), body].concat()
}

/// Copy well-formed messages from `input` to `server` until `input` ends;
/// send the error response of each malformed one to `replies`.
pub async fn forward<R, W>(mut input: R, mut server: W, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        while let Some(frame) = next_frame(&mut buf) {
            match frame {
                Frame::Message(body) => {
                    if server.write_all(&framed(&body)).await.is_err() || server.flush().await.is_err() {
                        return;
                    }
                }
                Frame::Malformed { why, reply } => {
                    eprintln!("autoheal-lsp: answered a malformed message with an error: {why}");
                    let _ = replies.send(reply);
                }
            }
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let _ = server.shutdown().await;
}

/// The only writer of `output`: the server's frames (read from `server`)
/// and the error responses from `replies`, each frame written whole. Ends
/// when the server's output ends, after writing everything it wrote.
pub async fn write_output<R, W>(mut server: R, mut replies: mpsc::UnboundedReceiver<Vec<u8>>, output: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite,
{
    let mut output = std::pin::pin!(output);
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut replies_open = true;
    loop {
        // The server writes well-formed frames; split them to write each whole.
        while let Some(Split::Body(body)) = split(&mut buf) {
            if write_frame(&mut output, &body).await.is_err() {
                return;
            }
        }
        tokio::select! {
            read = server.read(&mut chunk) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            },
            reply = replies.recv(), if replies_open => match reply {
                Some(body) => {
                    if write_frame(&mut output, &body).await.is_err() {
                        return;
                    }
                }
                None => replies_open = false,
            },
        }
    }
    let _ = output.flush().await;
}

async fn write_frame<W: AsyncWrite>(output: &mut std::pin::Pin<&mut W>, body: &[u8]) -> std::io::Result<()> {
    output.write_all(&framed(body)).await?;
    output.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    fn frame(body: &str) -> Vec<u8> {
        framed(body.as_bytes())
    }

    const PING: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    fn reply(frame: &Frame) -> Value {
        match frame {
            Frame::Malformed { reply, .. } => serde_json::from_slice(reply).expect("reply is JSON"),
            Frame::Message(_) => panic!("expected a malformed frame, got {frame:?}"),
        }
    }

    #[test]
    fn good_frames_pass_bad_ones_are_answered_and_the_stream_resyncs() {
        let mut buf = [
            frame("{not json"),
            frame("[]"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":5}"#),
            frame(r#"{"jsonrpc":"2.0","id":"a"}"#),
            frame(r#"{"jsonrpc":"2.0","id":4,"method":"x","params":1}"#),
            frame(r#"{"jsonrpc":"1.0","id":2.5,"method":"x"}"#),
            b"garbage\r\n\r\n".to_vec(),
            frame(PING),
        ]
        .concat();
        let mut out = Vec::new();
        while let Some(f) = next_frame(&mut buf) {
            out.push(f);
        }
        assert!(buf.is_empty());
        assert_eq!(out.len(), 8, "{out:?}");
        let error = |code: i64, id: Value| json!({"jsonrpc": "2.0", "error": {"code": code, "message": if code == -32700 { "Parse error" } else { "Invalid request" }}, "id": id});
        assert_eq!(reply(&out[0]), error(-32700, Value::Null));
        assert_eq!(reply(&out[1]), error(-32600, Value::Null));
        assert_eq!(reply(&out[2]), error(-32600, json!(7)));
        // Neither a request (no method) nor a response (no result or error).
        assert_eq!(reply(&out[3]), error(-32600, json!("a")));
        // Params must be an array or an object.
        assert_eq!(reply(&out[4]), error(-32600, json!(4)));
        // A fractional id is no valid id.
        assert_eq!(reply(&out[5]), error(-32600, Value::Null));
        assert_eq!(reply(&out[6]), error(-32700, Value::Null));
        assert_eq!(out[7], Frame::Message(PING.as_bytes().to_vec()));
    }

    #[test]
    fn a_body_or_header_over_its_budget_is_refused_without_buffering_it() {
        // The length alone refuses the body; the stream resyncs on the next frame.
        let mut buf = [
            format!("Content-Length: {}\r\n\r\n{{}}", MAX_BODY + 1).into_bytes(),
            frame(PING),
        ]
        .concat();
        assert_eq!(
            reply(&next_frame(&mut buf).expect("refused at once"))["error"]["code"],
            -32700
        );
        assert_eq!(next_frame(&mut buf), Some(Frame::Message(PING.as_bytes().to_vec())));
        // A header that never ends is dropped once past its budget.
        let mut buf = vec![b'x'; MAX_HEADER + 1];
        assert!(matches!(next_frame(&mut buf), Some(Frame::Malformed { .. })));
        assert!(buf.is_empty());
        buf.extend(frame(PING));
        assert_eq!(next_frame(&mut buf), Some(Frame::Message(PING.as_bytes().to_vec())));
    }

    #[test]
    fn responses_from_the_client_pass_and_half_responses_do_not() {
        for body in [
            r#"{"jsonrpc":"2.0","id":3,"result":null}"#,
            r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"no"}}"#,
            r#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}"#,
        ] {
            let mut buf = frame(body);
            assert_eq!(next_frame(&mut buf), Some(Frame::Message(body.as_bytes().to_vec())));
        }
        let mut both = frame(r#"{"jsonrpc":"2.0","id":3,"result":1,"error":{"code":1,"message":"m"}}"#);
        assert_eq!(reply(&next_frame(&mut both).unwrap())["id"], 3);
    }

    #[test]
    fn partial_frames_wait_for_more() {
        let full = frame(PING);
        let mut buf = full[..full.len() - 3].to_vec();
        assert_eq!(next_frame(&mut buf), None);
        buf.extend_from_slice(&full[full.len() - 3..]);
        assert_eq!(next_frame(&mut buf), Some(Frame::Message(PING.as_bytes().to_vec())));
        let mut huge = b"Content-Length: 99999999999\r\n\r\n".to_vec();
        assert!(matches!(next_frame(&mut huge), Some(Frame::Malformed { .. })));
        let mut invalid_utf8 = [b"Content-Length: 2\r\n\r\n".to_vec(), vec![0xff, 0xfe]].concat();
        assert_eq!(reply(&next_frame(&mut invalid_utf8).unwrap())["error"]["code"], -32700);
    }

    #[tokio::test]
    async fn the_output_carries_whole_frames_from_both_sources() {
        let (mut server_w, server_r) = tokio::io::duplex(64);
        let (tx, rx) = mpsc::unbounded_channel();
        let mut out = Vec::new();
        let server_frames = [frame(PING), frame(r#"{"jsonrpc":"2.0","id":1,"result":null}"#)].concat();
        let writer = write_output(server_r, rx, &mut out);
        let feeder = async move {
            tx.send(b"{}".to_vec()).unwrap();
            // Small writes: frames arrive in pieces.
            for piece in server_frames.chunks(5) {
                server_w.write_all(piece).await.unwrap();
            }
            drop(server_w);
            drop(tx);
        };
        tokio::join!(writer, feeder);
        let mut buf = out.clone();
        let mut bodies = Vec::new();
        while let Some(Split::Body(body)) = split(&mut buf) {
            bodies.push(String::from_utf8(body).unwrap());
        }
        assert!(buf.is_empty(), "{}", String::from_utf8_lossy(&out));
        assert_eq!(bodies.len(), 3, "{bodies:?}");
        assert!(bodies.contains(&"{}".to_string()));
        assert_eq!(
            bodies.iter().filter(|b| *b != "{}").collect::<Vec<_>>(),
            [PING, r#"{"jsonrpc":"2.0","id":1,"result":null}"#]
        );
    }

    proptest! {
        #[test]
        fn any_bytes_never_panic_and_always_progress(noise in proptest::collection::vec(any::<u8>(), 0..600)) {
            let mut buf = [noise, frame(PING)].concat();
            let mut last_len = buf.len() + 1;
            let mut messages = 0;
            while let Some(f) = next_frame(&mut buf) {
                prop_assert!(buf.len() < last_len);
                last_len = buf.len();
                match f {
                    Frame::Message(_) => messages += 1,
                    Frame::Malformed { reply, .. } => {
                        let reply: Value = serde_json::from_slice(&reply).unwrap();
                        prop_assert!([-32700, -32600].contains(&reply["error"]["code"].as_i64().unwrap()));
                    }
                }
            }
            prop_assert!(messages <= 2);
        }
    }
}
