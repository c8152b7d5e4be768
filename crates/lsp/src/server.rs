//! The LSP front: state of open documents, scheduling analyses, and the
//! request handlers, each a thin translation to the feature modules.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use autoheal_engine::model::FileKind;
use autoheal_engine::repo::{NoRepo, RepoFiles};
use autoheal_engine::text::PositionEncoding;
use autoheal_engine::{Config, TextRange};
use autoheal_fs_repo::{FsRepo, join_inside, read_text};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::{self, Analysis, Inputs};
use crate::document::{self, Kept, Snapshot};
use crate::failure_store::{self, SavedRun};
use crate::navigation::{self, Target};
use crate::settings::Settings;
use crate::{activation, code_actions, completion, convert, hover, workspace};

pub struct Backend {
    client: Client,
    state: Arc<State>,
    /// Set when the client sends `shutdown`: the exit code depends on it.
    shut_down: Arc<AtomicBool>,
}

#[derive(Default)]
struct State {
    encoding: RwLock<PositionEncoding>,
    root: RwLock<Option<PathBuf>>,
    /// The editor's settings (`initializationOptions`, then
    /// `workspace/configuration`).
    settings: RwLock<Settings>,
    /// The client answers `workspace/configuration`.
    client_configuration: AtomicBool,
    /// The config file in use (the `configPath` setting or the default).
    config_file: RwLock<Option<PathBuf>>,
    config: RwLock<Arc<Config>>,
    repo: RwLock<Option<Arc<dyn RepoFiles + Send>>>,
    runs: RwLock<Arc<Vec<SavedRun>>>,
    docs: Mutex<HashMap<Uri, OpenDoc>>,
    /// Held while checking freshness and publishing, so an older result can
    /// never be published after a newer one.
    publish: tokio::sync::Mutex<()>,
    generation: AtomicU64,
}

struct OpenDoc {
    snapshot: Snapshot,
    path: String,
    kind: FileKind,
    analysis: Option<Arc<Analysis>>,
    /// The current generation, readable from the blocking thread that
    /// analyzes an older one (which then stops early).
    latest: Arc<AtomicU64>,
    /// Held by whoever analyzes this document (the debounced refresh or a
    /// request): at most one analysis of a document is in flight.
    slot: Arc<tokio::sync::Mutex<()>>,
    /// Analyses of this document running now, as the log reports them: the
    /// slot keeps it at one.
    analyzing: Arc<AtomicUsize>,
    /// A refresh task is scheduled or running for this document.
    refresh_pending: bool,
    /// When the text last changed; the refresh waits for [`DEBOUNCE`] of quiet.
    changed_at: Instant,
    /// Set when the text grew past [`document::MAX_DOCUMENT_BYTES`] and was
    /// dropped (the snapshot is then empty): the one diagnostic published
    /// instead of an analysis.
    too_large: Option<String>,
}

impl OpenDoc {
    fn new(snapshot: Snapshot, path: String, kind: FileKind) -> OpenDoc {
        OpenDoc {
            latest: Arc::new(AtomicU64::new(snapshot.generation)),
            snapshot,
            path,
            kind,
            analysis: None,
            slot: Arc::default(),
            analyzing: Arc::default(),
            refresh_pending: false,
            // An opened document is analyzed at once.
            changed_at: Instant::now().checked_sub(DEBOUNCE).unwrap_or_else(Instant::now),
            too_large: None,
        }
    }

    /// Hold what an open or a change left of the text: the text, or, past
    /// the cap, an empty snapshot and the diagnostic saying why.
    fn keep(&mut self, kept: Kept, version: i32, generation: u64) {
        let text = match kept {
            Kept::Text(text) => {
                self.too_large = None;
                text
            }
            Kept::TooLarge { bytes } => {
                // An edit of a text already dropped knows no new size: the
                // first message stays.
                if bytes.is_some() || self.too_large.is_none() {
                    self.too_large = Some(too_large_message(bytes));
                }
                String::new()
            }
        };
        self.analysis = None;
        self.set_snapshot(Snapshot::new(text, version, generation));
    }

    /// The text, unless it was dropped as too large.
    fn kept_snapshot(&self) -> Option<&Snapshot> {
        self.too_large.is_none().then_some(&self.snapshot)
    }

    fn set_snapshot(&mut self, snapshot: Snapshot) {
        self.latest.store(snapshot.generation, Ordering::SeqCst);
        self.snapshot = snapshot;
        self.changed_at = Instant::now();
    }

    fn current_analysis(&self) -> Option<Arc<Analysis>> {
        self.analysis
            .clone()
            .filter(|a| a.snapshot.generation == self.snapshot.generation)
    }
}

/// Why a document is not analyzed, said once on it (at its start).
fn too_large_message(bytes: Option<usize>) -> String {
    let mib = |b: usize| b as f64 / f64::from(1u32 << 20);
    let size = bytes.map_or_else(String::new, |b| format!(" ({:.1} MiB)", mib(b)));
    format!(
        "this document is larger than {:.0} MiB{size}, the most the autoheal language server keeps of an open document \
         (GitHub reads at most 1 MiB of a workflow): it is not analyzed; close and reopen it once it is smaller",
        mib(document::MAX_DOCUMENT_BYTES)
    )
}

/// The one diagnostic of a document dropped as too large.
fn too_large_diagnostic(message: &str) -> Diagnostic {
    Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(convert::SOURCE.to_string()),
        message: message.to_string(),
        ..Default::default()
    }
}

/// Quiet time after an edit before the document is analyzed again: typing
/// costs one analysis per pause, not one per keystroke.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Reads lock-protected state, surviving a poisoned lock (a panic elsewhere
/// must not stop the server).
fn read<T: Clone>(lock: &RwLock<T>) -> T {
    match lock.read() {
        Ok(g) => g.clone(),
        Err(p) => p.into_inner().clone(),
    }
}

/// The repository view for a workspace root; without a root, none.
fn repo_at(root: Option<PathBuf>) -> Arc<dyn RepoFiles + Send> {
    match root {
        Some(root) => Arc::new(FsRepo::new(root)),
        None => Arc::new(NoRepo),
    }
}

fn write<T>(lock: &RwLock<T>, value: T) {
    match lock.write() {
        Ok(mut g) => *g = value,
        Err(p) => *p.into_inner() = value,
    }
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            state: Arc::new(State::default()),
            shut_down: Arc::default(),
        }
    }

    /// This server, setting `flag` when the client sends `shutdown`.
    pub fn reporting_shutdown_to(self, flag: Arc<AtomicBool>) -> Self {
        Backend {
            shut_down: flag,
            ..self
        }
    }

    fn docs(&self) -> std::sync::MutexGuard<'_, HashMap<Uri, OpenDoc>> {
        self.state.docs.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn encoding(&self) -> PositionEncoding {
        read(&self.state.encoding)
    }

    fn root(&self) -> Option<PathBuf> {
        read(&self.state.root)
    }

    fn repo(&self) -> Arc<dyn RepoFiles + Send> {
        if let Some(r) = read(&self.state.repo) {
            return r;
        }
        let r = repo_at(self.root());
        write(&self.state.repo, Some(r.clone()));
        r
    }

    async fn log(&self, level: MessageType, message: String) {
        eprintln!("autoheal-lsp: {message}");
        self.client.log_message(level, message).await;
    }

    /// Say in the log once per drop that a document's text was dropped.
    async fn log_too_large(&self, uri: &Uri) {
        let message = self.docs().get(uri).and_then(|d| d.too_large.clone());
        if let Some(message) = message {
            self.log(MessageType::WARNING, format!("{}: {message}", uri.as_str()))
                .await;
        }
    }

    fn inputs(&self, doc: &OpenDoc) -> Inputs {
        Inputs {
            path: doc.path.clone(),
            kind: doc.kind,
            config: read(&self.state.config),
            repo: self.repo(),
            runs: read(&self.state.runs),
        }
    }

    /// Re-read the config file and the failure store, publishing the
    /// config file's own problems on it.
    async fn reload_workspace(&self) {
        let root = self.root();
        let settings = read(&self.state.settings);
        let loaded = workspace::load_config(root.as_deref(), &settings);
        if let Some(missing) = &loaded.missing {
            self.log(
                MessageType::WARNING,
                format!(
                    "configPath {} is not a readable file; using the default configuration",
                    missing.display()
                ),
            )
            .await;
        }
        write(&self.state.config, Arc::new(loaded.config));
        // A config file that is no longer used keeps no stale diagnostics.
        let previous = read(&self.state.config_file);
        write(&self.state.config_file, loaded.file.clone());
        if let Some(old) = previous.filter(|old| Some(old) != loaded.file.as_ref()) {
            if let Some(uri) = workspace::path_uri(&old) {
                self.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
        }
        write(&self.state.repo, Some(repo_at(root.clone())));
        if let Some(root) = root.as_deref() {
            let (runs, errors) = failure_store::load(root);
            write(&self.state.runs, Arc::new(runs));
            for e in errors {
                self.log(MessageType::WARNING, format!("skipping failure record {e}"))
                    .await;
            }
        }
        let actionlint = loaded.actionlint.as_ref().map(|(f, d)| (f.as_path(), d.as_slice()));
        for (config_path, found) in loaded
            .file
            .as_deref()
            .map(|f| (f, loaded.diagnostics.as_slice()))
            .into_iter()
            .chain(actionlint)
        {
            if let Some(uri) = workspace::path_uri(config_path) {
                // Lossy: a file that is not UTF-8 has its one error at the
                // first bad byte, before any replacement moves an offset.
                let text = workspace::read_config(config_path)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                let snap = Snapshot::new(text, 0, 0);
                let enc = self.encoding();
                let diags = found.iter().map(|d| convert::diagnostic(d, &uri, &snap, enc)).collect();
                self.client.publish_diagnostics(uri, diags, None).await;
            }
        }
    }

    /// Merge settings from the editor over the current ones, logging what
    /// was wrong in them.
    async fn merge_settings(&self, value: &serde_json::Value) {
        let warnings = {
            let mut settings = read(&self.state.settings);
            let warnings = settings.merge(value, &autoheal_engine::rules::rule_ids());
            write(&self.state.settings, settings);
            warnings
        };
        for w in warnings {
            self.log(MessageType::WARNING, format!("settings: {w}")).await;
        }
    }

    /// Ask the client for the `autoheal` section of its settings, when it
    /// answers `workspace/configuration`; then reload and re-analyze.
    async fn pull_settings(&self) {
        if self.state.client_configuration.load(Ordering::SeqCst) {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("autoheal".to_string()),
            };
            match self.client.configuration(vec![item]).await {
                Ok(values) => {
                    if let Some(v) = values.first() {
                        self.merge_settings(v).await;
                    }
                }
                Err(e) => {
                    self.log(MessageType::WARNING, format!("workspace/configuration failed: {e}"))
                        .await;
                }
            }
        }
        self.reload_workspace().await;
        self.refresh_all().await;
    }

    fn detached(&self) -> Backend {
        Backend {
            client: self.client.clone(),
            state: self.state.clone(),
            shut_down: self.shut_down.clone(),
        }
    }

    /// Re-analyzes every open document (the config or the failure store
    /// changed): their analyses are dropped and refreshes scheduled.
    async fn refresh_all(&self) {
        let uris: Vec<Uri> = {
            let mut docs = self.docs();
            for doc in docs.values_mut() {
                // A new generation of the same text: an analysis in flight
                // used the old inputs, so its refresh task goes again.
                let mut snapshot = doc.snapshot.clone();
                snapshot.generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
                doc.set_snapshot(snapshot);
                doc.analysis = None;
            }
            docs.keys().cloned().collect()
        };
        for uri in uris {
            self.schedule_refresh(uri);
        }
    }

    /// Makes sure one refresh task will analyze and publish the document's
    /// latest text; edits while it waits or runs are picked up by the same
    /// task, so a burst of edits never starts a burst of analyses.
    fn schedule_refresh(&self, uri: Uri) {
        let start = match self.docs().get_mut(&uri) {
            Some(doc) => !std::mem::replace(&mut doc.refresh_pending, true),
            None => false,
        };
        if start {
            let this = self.detached();
            tokio::spawn(async move { this.refresh_until_current(uri).await });
        }
    }

    /// The refresh task: wait for a pause in the edits, analyze and publish,
    /// and go again while the text moved on meanwhile.
    async fn refresh_until_current(&self, uri: Uri) {
        loop {
            loop {
                let wait = match self.docs().get(&uri) {
                    Some(doc) => DEBOUNCE.saturating_sub(doc.changed_at.elapsed()),
                    None => return,
                };
                if wait.is_zero() {
                    break;
                }
                tokio::time::sleep(wait).await;
            }
            let done = self.refresh(&uri).await;
            let mut docs = self.docs();
            let Some(doc) = docs.get_mut(&uri) else { return };
            if done == Some(doc.snapshot.generation) {
                doc.refresh_pending = false;
                return;
            }
        }
    }

    /// Analyze the document's current text (or take the analysis a request
    /// already made of it) and publish, unless a newer edit superseded it.
    /// Returns the generation dealt with; `None` when the analysis stopped
    /// because the text changed under it.
    async fn refresh(&self, uri: &Uri) -> Option<u64> {
        if let Some(generation) = self.publish_too_large(uri).await {
            return Some(generation);
        }
        let analysis = match self.analysis_of_current(uri, true).await {
            Analyzed::Done(a) => a,
            Analyzed::Failed(generation) => return Some(generation),
            Analyzed::Superseded | Analyzed::Closed => return None,
        };
        let generation = analysis.snapshot.generation;
        let _order = self.state.publish.lock().await;
        let enc = self.encoding();
        let (diags, version) = {
            let docs = self.docs();
            let doc = docs.get(uri)?;
            if doc.snapshot.generation != generation {
                return None; // superseded by a newer edit
            }
            let snap = &analysis.snapshot;
            let mut diags: Vec<Diagnostic> = analysis
                .diagnostics
                .iter()
                .map(|d| convert::diagnostic(d, uri, snap, enc))
                .collect();
            diags.extend(
                analysis
                    .failures
                    .iter()
                    .map(|f| convert::failure_diagnostic(f, snap, enc)),
            );
            (diags, snap.version)
        };
        self.client.publish_diagnostics(uri.clone(), diags, Some(version)).await;
        Some(generation)
    }

    /// Publish the one diagnostic of a document dropped as too large;
    /// `None` when it is kept (or closed).
    async fn publish_too_large(&self, uri: &Uri) -> Option<u64> {
        let _order = self.state.publish.lock().await;
        let (message, generation, version) = {
            let docs = self.docs();
            let doc = docs.get(uri)?;
            (doc.too_large.clone()?, doc.snapshot.generation, doc.snapshot.version)
        };
        let diagnostic = too_large_diagnostic(&message);
        self.client
            .publish_diagnostics(uri.clone(), vec![diagnostic], Some(version))
            .await;
        Some(generation)
    }

    /// The analysis of the document's current text: the one already made,
    /// or a new one, made while holding the document's slot so no two run
    /// at once. A refresh (`cancellable`) stops early when an edit arrives
    /// meanwhile; a request's analysis runs to the end.
    async fn analysis_of_current(&self, uri: &Uri, cancellable: bool) -> Analyzed {
        let Some(slot) = self.docs().get(uri).map(|d| d.slot.clone()) else {
            return Analyzed::Closed;
        };
        let _slot = slot.lock().await;
        let Some((snap, inputs, existing, latest, analyzing)) = self.docs().get(uri).and_then(|d| {
            Some((
                d.kept_snapshot()?.clone(),
                self.inputs(d),
                d.current_analysis(),
                d.latest.clone(),
                d.analyzing.clone(),
            ))
        }) else {
            // Closed, or dropped as too large (its refresh publishes why).
            return Analyzed::Closed;
        };
        if let Some(a) = existing {
            return Analyzed::Done(a);
        }
        let (generation, version) = (snap.generation, snap.version);
        let superseded = move || cancellable && latest.load(Ordering::SeqCst) != generation;
        let started = Instant::now();
        let in_flight = analyzing.fetch_add(1, Ordering::SeqCst) + 1;
        let analyzed = analysis::guarded(move || analysis::analyze_unless(snap, &inputs, superseded)).await;
        analyzing.fetch_sub(1, Ordering::SeqCst);
        match analyzed {
            Ok(Some(a)) => {
                let message = format!(
                    "analyzed {} version {version} in {:.3} ms ({in_flight} of this document in flight)",
                    uri.as_str(),
                    started.elapsed().as_secs_f64() * 1000.0
                );
                self.client.log_message(MessageType::LOG, message).await;
                let a = Arc::new(a);
                if let Some(doc) = self.docs().get_mut(uri) {
                    if doc.snapshot.generation == generation {
                        doc.analysis = Some(a.clone());
                    }
                }
                Analyzed::Done(a)
            }
            Ok(None) => Analyzed::Superseded,
            Err(panic) => {
                self.log(
                    MessageType::ERROR,
                    format!("analysis of {} failed: {panic}", uri.as_str()),
                )
                .await;
                Analyzed::Failed(generation)
            }
        }
    }

    /// The analysis of the document's current text, for a request.
    async fn current_analysis(&self, uri: &Uri) -> Option<(Arc<Analysis>, OpenDocInfo)> {
        let info = self.docs().get(uri).map(|d| OpenDocInfo {
            path: d.path.clone(),
            kind: d.kind,
        })?;
        match self.analysis_of_current(uri, false).await {
            Analyzed::Done(a) => Some((a, info)),
            _ => None,
        }
    }

    fn snapshot(&self, uri: &Uri) -> Option<(Snapshot, OpenDocInfo)> {
        self.docs().get(uri).and_then(|d| {
            Some((
                d.kept_snapshot()?.clone(),
                OpenDocInfo {
                    path: d.path.clone(),
                    kind: d.kind,
                },
            ))
        })
    }

    /// Run a request's work on the blocking pool; a panic is logged and
    /// answered with an internal error.
    async fn run<T: Send + 'static>(&self, what: &str, f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
        match analysis::guarded(f).await {
            Ok(v) => Ok(v),
            Err(panic) => {
                self.log(MessageType::ERROR, format!("{what} failed: {panic}")).await;
                Err(tower_lsp_server::jsonrpc::Error::internal_error())
            }
        }
    }

    fn file_source(&self, uri: &Uri, path: &str, snap: &Snapshot) -> FileSource {
        // A document dropped as too large is in the list without its text:
        // an edit of it is refused rather than computed on the disk's text,
        // which is not what the editor holds.
        let open = self
            .docs()
            .iter()
            .map(|(u, d)| (d.path.clone(), u.clone(), d.kept_snapshot().cloned()))
            .collect();
        FileSource {
            current: (path.to_string(), uri.clone(), snap.clone()),
            open,
            root: self.root(),
        }
    }

    /// autoheal's config file, or actionlint's (whose facts add to it).
    fn is_config(&self, uri: &Uri) -> bool {
        let Some(p) = workspace::uri_path(uri) else {
            return false;
        };
        let actionlint = self.root().is_some_and(|root| {
            autoheal_engine::actionlint_config::ACTIONLINT_CONFIG_PATHS
                .iter()
                .any(|a| p == root.join(a))
        });
        actionlint || read(&self.state.config_file).is_some_and(|config| p == config)
    }

    fn is_failure_record(&self, uri: &Uri) -> bool {
        match (self.root(), workspace::uri_path(uri)) {
            (Some(root), Some(p)) => p.starts_with(root.join(failure_store::STORE_DIR)),
            _ => false,
        }
    }
}

/// What [`Backend::analysis_of_current`] came to.
enum Analyzed {
    Done(Arc<Analysis>),
    /// The engine panicked on this generation (logged).
    Failed(u64),
    /// The text changed while a refresh analyzed it.
    Superseded,
    /// The document is no longer open.
    Closed,
}

#[derive(Clone)]
struct OpenDocInfo {
    path: String,
    kind: FileKind,
}

/// Texts of files edits may touch: open documents first, then the disk.
struct FileSource {
    current: (String, Uri, Snapshot),
    /// Open documents; `None`: dropped as too large.
    open: Vec<(String, Uri, Option<Snapshot>)>,
    root: Option<PathBuf>,
}

impl convert::Files for FileSource {
    fn get(&self, path: &str) -> Option<(Uri, Snapshot)> {
        let path = path.trim_start_matches("./");
        if self.current.0 == path {
            return Some((self.current.1.clone(), self.current.2.clone()));
        }
        if let Some((_, u, s)) = self.open.iter().find(|(p, _, _)| p == path) {
            return Some((u.clone(), s.clone()?));
        }
        let full = join_inside(self.root.as_deref()?, path)?;
        let text = read_text(&full)?;
        Some((workspace::path_uri(&full)?, Snapshot::new(text, 0, 0)))
    }
}

fn negotiate_encoding(params: &InitializeParams) -> PositionEncoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
        _ => PositionEncoding::Utf16,
    }
}

fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    let from_folders = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| workspace::uri_path(&f.uri));
    #[allow(deprecated)]
    let from_root_uri = params.root_uri.as_ref().and_then(workspace::uri_path);
    from_folders.or(from_root_uri)
}

/// The pattern, relative to the root, that watches the config file in use
/// (the default one when `configPath` points outside the workspace).
fn config_watch_pattern(root: &std::path::Path, config: Option<&std::path::Path>) -> String {
    config
        .and_then(|c| c.strip_prefix(root).ok())
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|| autoheal_engine::config::DEFAULT_CONFIG_PATH.to_string())
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn symbol_to_lsp(s: &navigation::Symbol, snap: &Snapshot, enc: PositionEncoding) -> DocumentSymbol {
    let kind = match s.kind {
        navigation::SymbolKind::Workflow => SymbolKind::MODULE,
        navigation::SymbolKind::Job => SymbolKind::CLASS,
        navigation::SymbolKind::Step => SymbolKind::FUNCTION,
        navigation::SymbolKind::Field => SymbolKind::FIELD,
    };
    let range = snap.range(s.range.start, s.range.end, enc);
    let mut selection = snap.range(s.selection.start, s.selection.end, enc);
    if selection.start < range.start || selection.end > range.end {
        selection = Range {
            start: range.start,
            end: range.start,
        };
    }
    #[allow(deprecated)]
    DocumentSymbol {
        name: if s.name.trim().is_empty() {
            "(unnamed)".to_string()
        } else {
            s.name.clone()
        },
        detail: s.detail.clone(),
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: Some(s.children.iter().map(|c| symbol_to_lsp(c, snap, enc)).collect()),
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let enc = negotiate_encoding(&params);
        write(&self.state.encoding, enc);
        write(&self.state.root, workspace_root(&params));
        let answers_configuration = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false);
        self.state
            .client_configuration
            .store(answers_configuration, Ordering::SeqCst);
        if let Some(options) = &params.initialization_options {
            self.merge_settings(options).await;
        }
        let encoding_kind = match enc {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        };
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![":".to_string(), "-".to_string()]),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![
                        CodeActionKind::QUICKFIX,
                        CodeActionKind::from(code_actions::FIX_ALL_KIND),
                    ]),
                    ..Default::default()
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                definition_provider: Some(OneOf::Left(true)),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "autoheal".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.reload_workspace().await;
        // The settings the client holds now; asked for off the message loop.
        if self.state.client_configuration.load(Ordering::SeqCst) {
            let this = self.detached();
            tokio::spawn(async move { this.pull_settings().await });
        }
        if let Some(root) = self.root() {
            let Some(base) = workspace::path_uri(&root) else { return };
            let watch = |pattern: &str| FileSystemWatcher {
                glob_pattern: GlobPattern::Relative(RelativePattern {
                    base_uri: OneOf::Right(base.clone()),
                    pattern: pattern.to_string(),
                }),
                kind: None,
            };
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![
                    watch(&config_watch_pattern(&root, read(&self.state.config_file).as_deref())),
                    watch(&format!("{}/*.json", crate::failure_store::STORE_DIR)),
                    watch(".github/actionlint.{yaml,yml}"),
                ],
            };
            let registration = Registration {
                id: "autoheal-watch".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            };
            // Clients without dynamic registration reject this; saving the
            // config file still reloads it.
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.register_capability(vec![registration]).await;
            });
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let uri = params.text_document.uri;
        let path = workspace::relative_path(self.root().as_deref(), &uri);
        let Some(kind) = activation::file_kind(&path) else {
            return;
        };
        let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let kept = document::keep(params.text_document.text, document::MAX_DOCUMENT_BYTES);
        let mut doc = OpenDoc::new(Snapshot::new(String::new(), 0, generation), path, kind);
        doc.keep(kept, params.text_document.version, generation);
        doc.changed_at = Instant::now().checked_sub(DEBOUNCE).unwrap_or_else(Instant::now);
        let dropped = doc.too_large.is_some();
        self.docs().insert(uri.clone(), doc);
        if dropped {
            self.log_too_large(&uri).await;
        }
        self.schedule_refresh(uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let enc = self.encoding();
        let dropped_now = {
            let mut docs = self.docs();
            let Some(doc) = docs.get_mut(&uri) else { return };
            let was_kept = doc.too_large.is_none();
            let kept = document::apply_changes(
                doc.kept_snapshot().map(|s| &*s.text),
                &params.content_changes,
                enc,
                document::MAX_DOCUMENT_BYTES,
            );
            let generation = self.state.generation.fetch_add(1, Ordering::SeqCst) + 1;
            doc.keep(kept, params.text_document.version, generation);
            was_kept && doc.too_large.is_some()
        };
        if dropped_now {
            self.log_too_large(&uri).await;
        }
        self.schedule_refresh(uri);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.is_config(&uri) || self.is_failure_record(&uri) {
            self.reload_workspace().await;
            self.refresh_all().await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.docs().remove(&uri).is_some() {
            let _order = self.state.publish.lock().await;
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    /// Settings changed: clients that push them send the new ones here
    /// (under `autoheal`, or as the section itself); the others are asked.
    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pushed = match params.settings.get("autoheal") {
            Some(section) => Some(section.clone()),
            None if params.settings.is_object() => Some(params.settings.clone()),
            None => None,
        };
        if let Some(section) = pushed.filter(|s| s.as_object().is_some_and(|o| !o.is_empty())) {
            self.merge_settings(&section).await;
            self.reload_workspace().await;
            self.refresh_all().await;
        } else {
            let this = self.detached();
            tokio::spawn(async move { this.pull_settings().await });
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params
            .changes
            .iter()
            .any(|c| self.is_config(&c.uri) || self.is_failure_record(&c.uri))
        {
            self.reload_workspace().await;
            self.refresh_all().await;
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((analysis, info)) = self.current_analysis(&uri).await else {
            return Ok(None);
        };
        let enc = self.encoding();
        let snap = analysis.snapshot.clone();
        let files = self.file_source(&uri, &info.path, &snap);
        let only = params.context.only;
        let range = params.range;
        let Some(inputs) = self.docs().get(&uri).map(|d| self.inputs(d)) else {
            return Ok(None);
        };
        let actions = self
            .run("codeAction", move || {
                let start = snap.offset(range.start, enc);
                let end = snap.offset(range.end, enc).max(start);
                let range = TextRange::new(start, end);
                let fix_all = code_actions::wants_fix_all(only.as_deref());
                let verified = analysis.verified(
                    &inputs,
                    |d| code_actions::in_range(d.range, range) || (fix_all && code_actions::has_safe_fix(d)),
                    |f| code_actions::in_range(f.range, range),
                );
                let relint = |text: &str| inputs.lint_verified(text);
                code_actions::code_actions(&verified, &uri, range, only.as_deref(), &files, enc, &relint)
            })
            .await?;
        Ok(Some(actions))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let pos = params.text_document_position_params.position;
        let Some((analysis, _)) = self.current_analysis(&uri).await else {
            return Ok(None);
        };
        let enc = self.encoding();
        let repo = self.repo();
        let Some(inputs) = self.docs().get(&uri).map(|d| self.inputs(d)) else {
            return Ok(None);
        };
        self.run("hover", move || {
            let offset = analysis.snapshot.offset(pos, enc);
            let analysis = analysis.verified(&inputs, |d| d.range.touches(offset), |_| false);
            let snap = &analysis.snapshot;
            hover::hover(&analysis, offset, &*repo).map(|(markdown, range)| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: markdown,
                }),
                range: Some(snap.range(range.start, range.end, enc)),
            })
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let Some((snap, info)) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let enc = self.encoding();
        self.run("documentSymbol", move || {
            let doc = autoheal_engine::yaml::parse(snap.text.as_bytes());
            let root = doc.root.as_ref()?;
            let symbols = navigation::symbols(root, info.kind, file_name(&info.path));
            Some(DocumentSymbolResponse::Nested(
                symbols.iter().map(|s| symbol_to_lsp(s, &snap, enc)).collect(),
            ))
        })
        .await
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let uri = params.text_document_position_params.text_document.uri;
        let pos = params.text_document_position_params.position;
        let Some((snap, _)) = self.snapshot(&uri) else {
            return Ok(None);
        };
        let enc = self.encoding();
        let repo = self.repo();
        let root_dir = self.root();
        self.run("definition", move || {
            let doc = autoheal_engine::yaml::parse(snap.text.as_bytes());
            let offset = snap.offset(pos, enc);
            let location = match navigation::definition(doc.root.as_ref()?, offset, &*repo)? {
                Target::Here(r) => Location {
                    uri,
                    range: snap.range(r.start, r.end, enc),
                },
                Target::File(rel) => {
                    let full = join_inside(root_dir.as_deref()?, &rel)?;
                    Location {
                        uri: workspace::path_uri(&full)?,
                        range: Range::default(),
                    }
                }
            };
            Some(GotoDefinitionResponse::Scalar(location))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let uri = params.text_document_position.text_document.uri;
        let pos = params.text_document_position.position;
        let Some((snap, info)) = self.snapshot(&uri) else {
            return Ok(None);
        };
        let enc = self.encoding();
        let repo = self.repo();
        let labels = read(&self.state.config).runner_labels.clone();
        self.run("completion", move || {
            let offset = snap.offset(pos, enc);
            let items = completion::complete(&snap.text, offset, info.kind, &labels, &*repo);
            (!items.is_empty()).then_some(CompletionResponse::Array(items))
        })
        .await
    }
}
