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
pub mod hover_docs;
mod local_action;
mod navigation;
mod server;
mod workspace;

pub use code_actions::FIX_ALL_KIND;
pub use convert::PAST_FAILURE_CODE;
pub use server::Backend;
pub use tower_lsp_server::{ClientSocket, LspService, Server};

/// A fresh server, ready to be driven by [`Server`] over any streams.
pub fn service() -> (LspService<Backend>, ClientSocket) {
    LspService::new(Backend::new)
}

/// Serve LSP over the given streams until the client exits.
pub async fn serve<I, O>(input: I, output: O)
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite,
{
    let (service, socket) = service();
    // Frames pass through [`frames::forward`] so a malformed one is dropped
    // instead of ending the session.
    let (checked_in, checked_out) = tokio::io::duplex(256 * 1024);
    let guard = tokio::spawn(frames::forward(input, checked_in));
    Server::new(checked_out, output, socket).serve(service).await;
    guard.abort();
}

/// Serve LSP over stdin/stdout (`autoheal lsp`). Logs go to stderr and
/// `window/logMessage`; stdout carries only protocol frames.
pub async fn run_stdio() -> anyhow::Result<()> {
    serve(tokio::io::stdin(), tokio::io::stdout()).await;
    Ok(())
}

/// [`run_stdio`] on its own multi-threaded runtime, for synchronous callers.
pub fn run_stdio_blocking() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run_stdio())
}
