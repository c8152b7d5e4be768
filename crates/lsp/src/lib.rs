//! `autoheal lsp`: a language server that translates between LSP and the
//! autoheal engine. No rule logic lives here: diagnostics and fixes come
//! from `autoheal-engine`, past failures from `.autoheal/failures/`.
//!
//! The CLI calls [`run_stdio`]; tests and embedders use [`service`] with
//! any byte streams.

pub mod activation;
mod analysis;
mod code_actions;
mod completion;
mod convert;
mod document;
pub mod failure_store;
pub mod frames;
mod hover;
mod local_action;
mod navigation;
mod server;
mod settings;
mod workspace;

pub use code_actions::FIX_ALL_KIND;
pub use convert::PAST_FAILURE_CODE;
pub use document::MAX_DOCUMENT_BYTES;
pub use server::Backend;
pub use tower_lsp_server::{ClientSocket, LspService, Server};

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A fresh server, ready to be driven by [`Server`] over any streams.
pub fn service() -> (LspService<Backend>, ClientSocket) {
    LspService::new(Backend::new)
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    /// The client sent `shutdown` (and the server took it) before the end.
    pub shut_down: bool,
}

impl Ended {
    /// The process exit code the LSP specification asks for after `exit`:
    /// 0 when `shutdown` came first, 1 otherwise. A client that closes the
    /// stream without `exit` is held to the same rule.
    pub fn exit_code(self) -> u8 {
        if self.shut_down { 0 } else { 1 }
    }
}

/// Serve LSP over the given streams until the client sends `exit` or closes
/// the input.
pub async fn serve<I, O>(input: I, output: O) -> Ended
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite,
{
    let shut_down = Arc::new(AtomicBool::new(false));
    let (service, socket) = LspService::new({
        let shut_down = shut_down.clone();
        move |client| Backend::new(client).reporting_shutdown_to(shut_down)
    });
    // The input passes through [`frames::forward`], which answers malformed
    // messages itself (see `frames` for why); its answers and the server's
    // output share one writer, [`frames::write_output`].
    let (checked_in, checked_out) = tokio::io::duplex(256 * 1024);
    let (server_out, server_out_read) = tokio::io::duplex(256 * 1024);
    let (replies, replies_rx) = tokio::sync::mpsc::unbounded_channel();
    let guard = tokio::spawn(frames::forward(input, checked_in, replies));
    // The server returns after `exit` (or at the end of the input) and
    // drops its output, which ends the writer once everything is written.
    tokio::join!(
        Server::new(checked_out, server_out, socket).serve(service),
        frames::write_output(server_out_read, replies_rx, output),
    );
    guard.abort();
    Ended {
        shut_down: shut_down.load(Ordering::SeqCst),
    }
}

/// Serve LSP over stdin/stdout (`autoheal lsp`). Logs go to stderr and
/// `window/logMessage`; stdout carries only protocol frames.
pub async fn run_stdio() -> Ended {
    serve(tokio::io::stdin(), tokio::io::stdout()).await
}

/// [`run_stdio`] on its own multi-threaded runtime, for synchronous callers.
/// Returns when the session ends, without waiting for stdin to close.
pub fn run_stdio_blocking() -> anyhow::Result<Ended> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let ended = runtime.block_on(run_stdio());
    // Tokio reads stdin on a blocking thread that cannot be cancelled, and
    // dropping the runtime waits for it: the process would live on after
    // `exit` until the client closed the pipe. Shut down without waiting.
    runtime.shutdown_background();
    Ok(ended)
}
