//! A guard in front of the protocol reader. The framework's reader stops
//! for good at the first malformed frame (bad header, invalid UTF-8, a body
//! that is not a JSON-RPC message), which would end the session. This layer
//! splits the byte stream into frames itself, drops bad ones with a log
//! line on stderr, and forwards only well-formed messages.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};

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
    /// Bytes that were dropped, and why.
    Dropped(String),
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
    let Some(end) = find(buf, HEADER_END) else {
        if buf.len() > MAX_HEADER {
            return Some(resync(buf, 1, "header too long"));
        }
        return None;
    };
    let header = &buf[..end];
    let length = std::str::from_utf8(header).ok().and_then(|h| {
        h.split("\r\n").find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())
                .flatten()
        })
    });
    let Some(length) = length else {
        return Some(resync(buf, end + HEADER_END.len(), "no valid Content-Length header"));
    };
    if length > MAX_BODY {
        return Some(resync(buf, end + HEADER_END.len(), "body too large"));
    }
    let start = end + HEADER_END.len();
    if buf.len() < start + length {
        return None;
    }
    let body: Vec<u8> = buf[start..start + length].to_vec();
    buf.drain(..start + length);
    let valid = serde_json::from_slice::<Request>(&body).is_ok() || serde_json::from_slice::<Response>(&body).is_ok();
    Some(if valid {
        Frame::Message(body)
    } else {
        Frame::Dropped("body is not a JSON-RPC message".into())
    })
}

/// Drop at least `skip` bytes and everything up to the next header start.
fn resync(buf: &mut Vec<u8>, skip: usize, why: &str) -> Frame {
    let skip = skip.min(buf.len());
    let next = find_ignore_case(&buf[skip..], LENGTH).map_or(buf.len(), |i| skip + i);
    buf.drain(..next);
    Frame::Dropped(why.to_string())
}

/// Copy well-formed frames from `input` to `output` until `input` ends.
pub async fn forward<R, W>(mut input: R, mut output: W)
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
                    let header = format!("Content-Length: {}\r\n\r\n", body.len());
                    if output.write_all(header.as_bytes()).await.is_err() || output.write_all(&body).await.is_err() {
                        return;
                    }
                    if output.flush().await.is_err() {
                        return;
                    }
                }
                Frame::Dropped(why) => eprintln!("autoheal-lsp: dropped a malformed message: {why}"),
            }
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let _ = output.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn frame(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    const PING: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    #[test]
    fn good_frames_pass_bad_ones_drop_and_the_stream_resyncs() {
        let mut buf = [
            frame("{not json"),
            frame("[]"),
            b"garbage\r\n\r\n".to_vec(),
            frame(PING),
        ]
        .concat();
        let mut out = Vec::new();
        while let Some(f) = next_frame(&mut buf) {
            out.push(f);
        }
        assert_eq!(out.len(), 4, "{out:?}");
        assert!(matches!(out[0], Frame::Dropped(_)));
        assert!(matches!(out[1], Frame::Dropped(_)));
        assert!(matches!(out[2], Frame::Dropped(_)));
        assert_eq!(out[3], Frame::Message(PING.as_bytes().to_vec()));
        assert!(buf.is_empty());
    }

    #[test]
    fn partial_frames_wait_for_more() {
        let full = frame(PING);
        let mut buf = full[..full.len() - 3].to_vec();
        assert_eq!(next_frame(&mut buf), None);
        buf.extend_from_slice(&full[full.len() - 3..]);
        assert_eq!(next_frame(&mut buf), Some(Frame::Message(PING.as_bytes().to_vec())));
        let mut huge = b"Content-Length: 99999999999\r\n\r\n".to_vec();
        assert!(matches!(next_frame(&mut huge), Some(Frame::Dropped(_))));
        let mut invalid_utf8 = [b"Content-Length: 2\r\n\r\n".to_vec(), vec![0xff, 0xfe]].concat();
        assert!(matches!(next_frame(&mut invalid_utf8), Some(Frame::Dropped(_))));
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
                if matches!(f, Frame::Message(_)) {
                    messages += 1;
                }
            }
            prop_assert!(messages <= 2);
        }
    }
}
