//! `cargo run -p autoheal-lsp --example serve`: the language server on
//! stdio, for editors and the Neovim end-to-end test before the `autoheal`
//! binary is built.

fn main() -> anyhow::Result<std::process::ExitCode> {
    Ok(std::process::ExitCode::from(
        autoheal_lsp::run_stdio_blocking()?.exit_code(),
    ))
}
