//! The analysis result and its JSON shapes (`diagnose --format json` and the
//! `.autoheal/failures/` store).

use serde::{Deserialize, Serialize};

/// Root-cause categories. Everything a fix must not touch is `Unknown`.
/// Serialized as its snake-case name; a name this version does not know reads
/// as `Unknown` (so stored analyses of other versions still load).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    MissingDependency,
    Timeout,
    MissingCommand,
    FileNotFound,
    YamlSyntax,
    OptionalJob,
    RateLimit,
    #[default]
    Unknown,
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(Category::parse(&name).unwrap_or(Category::Unknown))
    }
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::MissingDependency,
        Category::Timeout,
        Category::MissingCommand,
        Category::FileNotFound,
        Category::YamlSyntax,
        Category::OptionalJob,
        Category::RateLimit,
        Category::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::MissingDependency => "missing_dependency",
            Category::Timeout => "timeout",
            Category::MissingCommand => "missing_command",
            Category::FileNotFound => "file_not_found",
            Category::YamlSyntax => "yaml_syntax",
            Category::OptionalJob => "optional_job",
            Category::RateLimit => "rate_limit",
            Category::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Some(match s {
            "missing_dependency" => Category::MissingDependency,
            "timeout" => Category::Timeout,
            "missing_command" => Category::MissingCommand,
            "file_not_found" => Category::FileNotFound,
            "yaml_syntax" => Category::YamlSyntax,
            "optional_job" => Category::OptionalJob,
            "rate_limit" => Category::RateLimit,
            "unknown" => Category::Unknown,
            _ => return None,
        })
    }
}

/// A service whose rate limit a log reports. Named from the message that
/// says so (the host in a URL, the registry's own error code), never from the
/// status code alone: the fix differs per service (authenticate, retry with
/// backoff around that step, cache, or use a mirror).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateLimitService {
    /// The REST API's primary limit (`API rate limit exceeded for …`).
    GithubRestPrimary,
    /// The REST API's secondary limit (`You have exceeded a secondary rate limit`).
    GithubRestSecondary,
    /// Docker Hub pulls (`toomanyrequests` from `registry-1.docker.io`).
    DockerHub,
    /// The GitHub Container Registry (`ghcr.io`).
    Ghcr,
    /// The npm registry (`registry.npmjs.org`, also yarn's and pnpm's).
    Npm,
    /// PyPI (`pypi.org`, `files.pythonhosted.org`).
    Pypi,
    /// Maven Central (`repo.maven.apache.org`, `repo1.maven.org`).
    MavenCentral,
    /// The Gradle plugin portal (`plugins.gradle.org`).
    GradlePluginPortal,
    /// crates.io (`index.crates.io`, `static.crates.io`).
    CratesIo,
    /// A Debian/Ubuntu package mirror used by apt.
    AptMirror,
    /// Quay.io (`quay.io`): a few requests per second per address, the same
    /// for anonymous and logged-in clients, then `429 Too Many Requests`.
    Quay,
    /// Amazon ECR Public (`public.ecr.aws`): per-second pull quotas, lower
    /// for unauthenticated pulls.
    EcrPublic,
    /// The Go module mirror (`proxy.golang.org`, `sum.golang.org`).
    GoProxy,
    /// nuget.org (`api.nuget.org`, `globalcdn.nuget.org`), read by `dotnet
    /// restore` and nuget.exe.
    NuGet,
    /// Gradle's distribution server (`services.gradle.org`), which the
    /// Gradle Wrapper downloads the Gradle version it pins from.
    GradleDistributions,
    /// RubyGems.org (`rubygems.org`, `index.rubygems.org`), read by Bundler
    /// and `gem`.
    RubyGems,
    /// Packagist (`repo.packagist.org`), Composer's default repository.
    Packagist,
    /// The Hugging Face Hub (`huggingface.co`): model and dataset downloads
    /// the job's own code makes (`from_pretrained`, `hf_hub_download`).
    HuggingFaceHub,
    /// Hex.pm (`repo.hex.pm`, `hex.pm`), the package repository Mix's Hex
    /// client (`mix deps.get`) and rebar3 read.
    HexPm,
    /// A limit was reported but the service is not one of the above.
    Other,
}

impl RateLimitService {
    pub const ALL: [RateLimitService; 20] = [
        RateLimitService::GithubRestPrimary,
        RateLimitService::GithubRestSecondary,
        RateLimitService::DockerHub,
        RateLimitService::Ghcr,
        RateLimitService::Npm,
        RateLimitService::Pypi,
        RateLimitService::MavenCentral,
        RateLimitService::GradlePluginPortal,
        RateLimitService::CratesIo,
        RateLimitService::AptMirror,
        RateLimitService::Quay,
        RateLimitService::EcrPublic,
        RateLimitService::GoProxy,
        RateLimitService::NuGet,
        RateLimitService::GradleDistributions,
        RateLimitService::RubyGems,
        RateLimitService::Packagist,
        RateLimitService::HuggingFaceHub,
        RateLimitService::HexPm,
        RateLimitService::Other,
    ];

    /// The stable identifier (also the JSON form).
    pub fn as_str(self) -> &'static str {
        match self {
            RateLimitService::GithubRestPrimary => "github_rest_primary",
            RateLimitService::GithubRestSecondary => "github_rest_secondary",
            RateLimitService::DockerHub => "docker_hub",
            RateLimitService::Ghcr => "ghcr",
            RateLimitService::Npm => "npm",
            RateLimitService::Pypi => "pypi",
            RateLimitService::MavenCentral => "maven_central",
            RateLimitService::GradlePluginPortal => "gradle_plugin_portal",
            RateLimitService::CratesIo => "crates_io",
            RateLimitService::AptMirror => "apt_mirror",
            RateLimitService::Quay => "quay",
            RateLimitService::EcrPublic => "ecr_public",
            RateLimitService::GoProxy => "go_proxy",
            RateLimitService::NuGet => "nuget",
            RateLimitService::GradleDistributions => "gradle_distributions",
            RateLimitService::RubyGems => "rubygems",
            RateLimitService::Packagist => "packagist",
            RateLimitService::HuggingFaceHub => "hugging_face_hub",
            RateLimitService::HexPm => "hex_pm",
            RateLimitService::Other => "other",
        }
    }

    /// The name people use, for messages and the `subject` field.
    pub fn display_name(self) -> &'static str {
        match self {
            RateLimitService::GithubRestPrimary => "GitHub REST API",
            RateLimitService::GithubRestSecondary => "GitHub REST API (secondary rate limit)",
            RateLimitService::DockerHub => "Docker Hub",
            RateLimitService::Ghcr => "GitHub Container Registry",
            RateLimitService::Npm => "npm registry",
            RateLimitService::Pypi => "PyPI",
            RateLimitService::MavenCentral => "Maven Central",
            RateLimitService::GradlePluginPortal => "Gradle plugin portal",
            RateLimitService::CratesIo => "crates.io",
            RateLimitService::AptMirror => "apt mirror",
            RateLimitService::Quay => "Quay.io",
            RateLimitService::EcrPublic => "Amazon ECR Public",
            RateLimitService::GoProxy => "Go module proxy",
            RateLimitService::NuGet => "nuget.org",
            RateLimitService::GradleDistributions => "Gradle distribution server",
            RateLimitService::RubyGems => "RubyGems",
            RateLimitService::Packagist => "Packagist",
            RateLimitService::HuggingFaceHub => "Hugging Face Hub",
            RateLimitService::HexPm => "Hex.pm",
            RateLimitService::Other => "a service",
        }
    }

    /// Whether a fix knows what the service needs. An unnamed service's does
    /// not; nor does the Hugging Face Hub's: its requests come from the
    /// job's own code (a model download in a test), not from a fetch step a
    /// retry could wrap, and a token (`HF_TOKEN`) is a secret only a person
    /// can add.
    pub fn remedy_known(self) -> bool {
        !matches!(self, RateLimitService::Other | RateLimitService::HuggingFaceHub)
    }

    pub fn parse(s: &str) -> Option<RateLimitService> {
        RateLimitService::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How a job failed because of the machine it ran on rather than its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunnerFailure {
    /// `The self-hosted runner: X lost communication with the server.`
    LostCommunication,
    /// `The runner has received a shutdown signal.` (spot or preemptible
    /// machines being reclaimed, a host shutting down).
    ShutdownSignal,
    /// A binary or image built for another CPU architecture was run
    /// (`exec format error`).
    ArchitectureMismatch,
    /// A setup action has no build of the tool for the runner's architecture
    /// (`The version '3.6' with architecture 'arm64' was not found`).
    ToolUnavailableForArchitecture,
}

impl RunnerFailure {
    pub fn as_str(self) -> &'static str {
        match self {
            RunnerFailure::LostCommunication => "lost_communication",
            RunnerFailure::ShutdownSignal => "shutdown_signal",
            RunnerFailure::ArchitectureMismatch => "architecture_mismatch",
            RunnerFailure::ToolUnavailableForArchitecture => "tool_unavailable_for_architecture",
        }
    }
}

/// What the log itself proves about the machine a job ran on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunnerClass {
    /// GitHub-hosted (`The hosted runner: … lost communication`).
    Hosted,
    /// A self-hosted runner.
    SelfHosted,
    /// An ARM64 machine (Linux or Windows).
    Arm64,
    /// An Apple-silicon macOS machine.
    MacosArm64,
}

/// The package ecosystem of a missing package that is not a Python module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ecosystem {
    Npm,
    /// A Go module (`go get`).
    Go,
    /// A Ruby gem.
    Rubygems,
    /// An R package from CRAN.
    Cran,
    /// A Perl module from CPAN (named as `cpanm` and a `cpanfile` name it,
    /// `Test::Deep`).
    Cpan,
    /// A PowerShell module from the PowerShell Gallery (`Install-Module
    /// {name}`).
    PowershellGallery,
    /// A Julia package (`Pkg.add("{name}")`, the General registry).
    Julia,
    /// A Dart or Flutter package (pub.dev, or the Flutter SDK's own
    /// packages), declared under `dependencies:` in pubspec.yaml.
    Pub,
    /// An OCaml library by its findlib name's first part (`ppx_deriving`
    /// for `ppx_deriving.show`), from an opam package the project's `.opam`
    /// file declares (usually of the same name, not always).
    Opam,
}

/// GitHub's default job time limit, and the most a hosted runner's job may
/// run (GitHub's "Usage limits": 6 hours).
pub(crate) const DEFAULT_JOB_LIMIT_MINUTES: u32 = 360;

/// A time limit at GitHub's 360-minute maximum is not raisable: no larger
/// limit exists on hosted runners, and a job that ran six hours is hung,
/// which a bigger number does not fix (the timeout fix's own rule, read here
/// so `fixable` says what the fixes will do). Applied once, after ranking and
/// mapping, to every path that makes a timeout (the annotation, a cancel at
/// the limit, the workflow's `timeout-minutes`).
pub(crate) fn no_fix_at_the_cap(failure: &mut Failure) {
    let SubjectDetail::Limit { minutes, .. } = failure.detail else {
        return;
    };
    if failure.category != Category::Timeout || !failure.fixable || minutes < DEFAULT_JOB_LIMIT_MINUTES {
        return;
    }
    failure.fixable = false;
    failure.message.push_str(
        " Not fixable: 360 minutes is GitHub's maximum for a hosted runner's job, and a job that ran that long is \
         hung; a person finds what it waited on.",
    );
}

/// What a runner-tied failure's message says until the workflow confirms the
/// runner (`rank.rs` appends it; `mapping.rs` and the hosted-image rule
/// replace it with what they found).
pub(crate) const NEEDS_WORKFLOW_NOTE: &str = " Not fixable without the workflow: making the job optional is only right \
     once the workflow confirms it runs on an ARM64, self-hosted, Apple-silicon or experimental runner.";

/// `message` without [`NEEDS_WORKFLOW_NOTE`].
pub(crate) fn without_workflow_note(message: &str) -> String {
    message.split(NEEDS_WORKFLOW_NOTE).next().unwrap_or("").to_string()
}

/// A Python `major.minor` version seen in the log (a tool-cache path, a
/// `site-packages` path, a setup action's output).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PythonVersion {
    pub major: u8,
    pub minor: u8,
}

impl PythonVersion {
    pub const fn new(major: u8, minor: u8) -> Self {
        PythonVersion { major, minor }
    }
}

impl std::fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Whose time limit a timeout hit, when the log says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitScope {
    /// The job's `timeout-minutes` (or GitHub's 360-minute default).
    Job,
    /// A step's own `timeout-minutes`.
    Step,
    /// Taken from the workflow or a custom pattern, not from the runner's
    /// words.
    #[default]
    Unknown,
}

impl LimitScope {
    pub fn is_unknown(&self) -> bool {
        *self == LimitScope::Unknown
    }
}

/// What exactly the fix needs, typed. Serialized as `detail` (absent when
/// `None`) so a saved or reported analysis keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SubjectDetail {
    #[default]
    None,
    /// A missing Python import and the distribution that provides it.
    Module {
        module: String,
        distribution: String,
        /// The distribution came from the module table (not guessed from the
        /// module name).
        known: bool,
        /// The interpreter's version, when the log shows it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        python: Option<PythonVersion>,
    },
    /// The project's own package (or one of its subpackages) is not
    /// importable. Not a missing dependency: the category is `unknown`.
    OwnPackage {
        module: String,
    },
    /// A pytest plugin missing, seen through a flag or fixture it adds.
    PytestPlugin {
        trigger: String,
        distribution: String,
    },
    /// A package of another ecosystem (an npm package for Node's resolver).
    Package {
        ecosystem: Ecosystem,
        name: String,
    },
    Command {
        name: String,
        known: bool,
    },
    /// A path relative to the workspace.
    Path {
        path: String,
    },
    /// The job's or step's time limit.
    Limit {
        minutes: u32,
        /// Whose limit the message names: the runner prints one message for
        /// a job's (`The job running on runner … has exceeded the maximum
        /// execution time of N minutes`) and another for a step's (`The action
        /// '…' has timed out after N minutes`), and a fix raises that one.
        #[serde(default, skip_serializing_if = "LimitScope::is_unknown")]
        scope: LimitScope,
    },
    /// `The operation was canceled.`: a timeout only when the elapsed time
    /// reaches the job's limit (decided by mapping with the workflow).
    Canceled {
        /// Minutes from the first to the cancel timestamp of the job's log
        /// (a lower bound of the job's run time).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        elapsed_minutes: Option<u32>,
    },
    /// A runner-tied failure (`optional_job`).
    Runner {
        failure: RunnerFailure,
        /// What the log shows about the machine, if anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        runner: Option<RunnerClass>,
        /// The job, when the log names it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        job: Option<String>,
        /// Where the job ran according to the workflow (`runs-on`), set by
        /// mapping when the workflow confirms the runner.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        confirmed_runs_on: Option<String>,
        /// The failure is tied to the runner only on this kind of machine,
        /// which the log suggests but does not prove (an x64 tool-cache
        /// binary missing an Intel Homebrew library is an architecture
        /// mismatch on Apple silicon, a missing library on an Intel Mac):
        /// mapping confirms it only for a job whose `runs-on` is that machine.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        only_on: Option<RunnerClass>,
    },
    /// A module of the standard library of a newer Python than the one that
    /// ran (`tomllib` before 3.11): no distribution provides it. Category
    /// `unknown` from the log; with the workflow, mapping makes it a
    /// `missing_dependency` the fix can raise the job's Python for, when the
    /// job pins one literal older version with `actions/setup-python`.
    NewerStdlib {
        module: String,
        /// The first Python whose standard library has the module.
        added_in: PythonVersion,
        /// The interpreter's version, when the log shows it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        python: Option<PythonVersion>,
    },
    /// A rate-limited service.
    RateLimit {
        service: RateLimitService,
        /// `Some(false)` when the message says the requests were
        /// unauthenticated (a token would raise the limit), `Some(true)` when
        /// it names an authenticated identity (installation, user).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        authenticated: Option<bool>,
    },
    /// A location in a workflow (or action metadata) file reported by GitHub.
    WorkflowLocation {
        path: Option<String>,
        line: u32,
        column: Option<u32>,
    },
    /// Extracted text that failed validation; for display only.
    Untrusted {
        text: String,
    },
}

impl SubjectDetail {
    fn is_none(&self) -> bool {
        matches!(self, SubjectDetail::None)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepRef {
    pub number: Option<u32>,
    pub name: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    /// 1-based line number in the input the line came from.
    pub line: u64,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    #[serde(default)]
    pub path: String,
    pub start: Position,
    pub end: Position,
    /// Byte range in the workflow text; not serialized (the JSON gives
    /// line/column), kept for edits.
    #[serde(skip)]
    pub range: Option<(usize, usize)>,
}

/// One diagnosed failure. Every field may be missing when it is read back
/// (stored analyses of older versions).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Failure {
    pub category: Category,
    pub subject: Option<String>,
    pub fixable: bool,
    pub confidence: f32,
    pub job: Option<String>,
    pub step: Option<StepRef>,
    pub evidence: Vec<Evidence>,
    pub message: String,
    pub span: Option<Span>,
    /// Filled by the fix generators (`autoheal-fixes`), in the shape
    /// `diagnose --format json` prints (`autoheal_engine::json::FixJson`);
    /// always empty here. `diagnose --save` writes them into a saved run for
    /// people to read; no reader takes a saved run's fixes back: they are
    /// made again from the saved failures for the workflow as it is now
    /// (docs/failure-store.md).
    pub fixes: Vec<serde_json::Value>,
    #[serde(default, skip_serializing_if = "SubjectDetail::is_none")]
    pub detail: SubjectDetail,
    /// True when this failure follows from an earlier one.
    #[serde(skip)]
    pub consequence: bool,
    /// Where the log itself points (workflow command properties, a bash
    /// script line), used to compute `span`.
    #[serde(skip)]
    pub location: LogLocation,
}

/// A location the log names explicitly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogLocation {
    /// From `::error file=…,line=…,col=…::` or an annotation's path.
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// Line N of `…/_temp/<uuid>.sh: line N:`: a line of the step's script.
    pub script_line: Option<u32>,
    /// Whole minutes between the line before the finding and the finding,
    /// from their timestamps: how long the job printed nothing before a
    /// time limit stopped it (a job that went quiet long before its limit
    /// hangs; a larger limit only delays that failure).
    pub silent_minutes: Option<u32>,
}

/// Everything found, likely root cause first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub version: u32,
    pub failures: Vec<Failure>,
}

impl Analysis {
    pub fn new(failures: Vec<Failure>) -> Self {
        Analysis { version: 1, failures }
    }

    /// The most likely root cause.
    pub fn root_cause(&self) -> Option<&Failure> {
        self.failures.first()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The workflow file (and line) GitHub named in an `Invalid workflow
    /// file: .github/workflows/x.yml#L7` message, if the log has one: the CLI
    /// uses it to find the workflow to fix.
    pub fn workflow_reference(&self) -> Option<(&str, Option<u32>)> {
        self.failures.iter().find_map(|f| match &f.detail {
            SubjectDetail::WorkflowLocation {
                path: Some(path), line, ..
            } => Some((path.as_str(), (*line != 0).then_some(*line))),
            _ => None,
        })
    }
}

/// Where saved runs live, relative to the repository root: `diagnose
/// --save` writes there and the language server watches and reads it.
pub const SAVED_RUNS_DIR: &str = ".autoheal/failures";

/// The format version [`SavedRun::new`] writes. 2: a fix a person must
/// check (a doubtful rewrite, a fallback) has the level `display-only`.
/// Version 1 (and a file with no version) wrote such fixes as `unsafe`.
/// Either reads the same: the failures are what a reader takes; the saved
/// fixes are never applied or offered (a reader makes them again for the
/// text as it is now), so their levels no longer matter.
pub const SAVED_RUN_VERSION: u32 = 2;

/// One file of [`SAVED_RUNS_DIR`]: the analysis of one run for one
/// workflow file, with enough to re-map it after the file changes. The one
/// definition of the store's format: `diagnose --save` writes it and the
/// language server reads it. Reading is tolerant of missing fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedRun {
    /// [`SAVED_RUN_VERSION`] when written; 0 when the file has none.
    pub version: u32,
    pub run_id: Option<u64>,
    pub run_url: Option<String>,
    /// RFC 3339 time of the run (or of the analysis when unknown).
    pub date: Option<String>,
    pub workflow_path: String,
    /// `fnv1a64:<hex>` of the workflow bytes the spans were computed on.
    pub workflow_hash: Option<String>,
    pub failures: Vec<Failure>,
}

impl SavedRun {
    /// The failures of `analysis` for one workflow file, stamped with the
    /// hash of the workflow bytes their spans refer to.
    pub fn new(analysis: &Analysis, workflow_path: &str, workflow_bytes: Option<&[u8]>) -> SavedRun {
        SavedRun {
            version: SAVED_RUN_VERSION,
            run_id: None,
            run_url: None,
            date: None,
            workflow_path: workflow_path.to_string(),
            workflow_hash: workflow_bytes.map(content_hash),
            failures: analysis.failures.clone(),
        }
    }

    /// The file name under `.autoheal/failures/`: the workflow path with
    /// separators replaced, plus the run id.
    pub fn file_name(&self) -> String {
        let flat: String = self
            .workflow_path
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let flat = flat.trim_start_matches('.').to_string();
        match self.run_id {
            Some(id) => format!("{flat}--{id}.json"),
            None => format!("{flat}--local.json"),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a stored run. A missing `workflow_path` is taken from the first
    /// failure's span; a leading `./` is dropped.
    pub fn from_json(text: &str) -> Result<SavedRun, serde_json::Error> {
        let mut run: SavedRun = serde_json::from_str(text)?;
        if run.workflow_path.is_empty() {
            run.workflow_path = run
                .failures
                .iter()
                .find_map(|f| f.span.as_ref().map(|s| s.path.clone()))
                .unwrap_or_default();
        }
        run.workflow_path = run.workflow_path.trim_start_matches("./").to_string();
        Ok(run)
    }
}

/// FNV-1a 64-bit hash of the workflow bytes, as stored in `workflow_hash`.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Failure {
        Failure {
            category: Category::MissingDependency,
            subject: Some("PyYAML".into()),
            fixable: true,
            confidence: 0.9,
            job: Some("test".into()),
            step: Some(StepRef {
                number: Some(4),
                name: Some("Run pytest".into()),
            }),
            evidence: vec![Evidence {
                line: 12,
                text: "ModuleNotFoundError: No module named 'yaml'".into(),
            }],
            message: "m".into(),
            span: Some(Span {
                path: ".github/workflows/ci.yml".into(),
                start: Position { line: 3, column: 5 },
                end: Position { line: 3, column: 20 },
                range: Some((10, 25)),
            }),
            fixes: vec![],
            detail: SubjectDetail::Module {
                module: "yaml".into(),
                distribution: "PyYAML".into(),
                known: true,
                python: Some(PythonVersion::new(3, 12)),
            },
            consequence: false,
            location: LogLocation::default(),
        }
    }

    #[test]
    fn json_shape_matches_the_spec() {
        let json: serde_json::Value = serde_json::from_str(&Analysis::new(vec![sample()]).to_json()).expect("json");
        assert_eq!(json["version"], 1);
        let f = &json["failures"][0];
        let mut keys: Vec<&str> = f.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "category",
                "confidence",
                "detail",
                "evidence",
                "fixable",
                "fixes",
                "job",
                "message",
                "span",
                "step",
                "subject"
            ]
        );
        assert_eq!(f["category"], "missing_dependency");
        assert_eq!(f["step"]["number"], 4);
        assert_eq!(f["evidence"][0]["line"], 12);
        assert_eq!(f["span"]["start"]["column"], 5);
        assert!(f["span"].get("range").is_none());
        assert_eq!(f["detail"]["kind"], "module");
        assert_eq!(f["detail"]["python"]["minor"], 12);
    }

    #[test]
    fn detail_round_trips_and_is_absent_when_none() {
        let mut f = sample();
        f.detail = SubjectDetail::RateLimit {
            service: RateLimitService::MavenCentral,
            authenticated: None,
        };
        let json = serde_json::to_string(&f).expect("json");
        assert!(json.contains(r#""service":"maven_central""#), "{json}");
        let back: Failure = serde_json::from_str(&json).expect("parse");
        assert_eq!(back.detail, f.detail);
        f.detail = SubjectDetail::None;
        let json = serde_json::to_string(&f).expect("json");
        assert!(!json.contains("detail"));
        // Files written before `detail` was serialized still load.
        let back: Failure = serde_json::from_str(&json).expect("parse");
        assert_eq!(back.detail, SubjectDetail::None);
        for s in RateLimitService::ALL {
            assert_eq!(RateLimitService::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn saved_run_round_trips() {
        let run = SavedRun {
            version: 1,
            run_id: Some(42),
            run_url: Some("https://github.com/o/r/actions/runs/42".into()),
            date: Some("2024-01-01T12:00:00Z".into()),
            workflow_path: ".github/workflows/ci.yml".into(),
            workflow_hash: Some(content_hash(b"on: push")),
            failures: vec![sample()],
        };
        assert_eq!(run.file_name(), "github_workflows_ci.yml--42.json");
        let back = SavedRun::from_json(&run.to_json()).expect("parse");
        assert_eq!(back.run_id, Some(42));
        assert_eq!(back.failures[0].step, run.failures[0].step);
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        let fresh = SavedRun::new(&Analysis::new(vec![sample()]), "ci.yml", Some(b"on: push"));
        assert_eq!(fresh.version, SAVED_RUN_VERSION);
        assert_eq!((fresh.workflow_hash, fresh.run_id), (run.workflow_hash, None));
    }

    #[test]
    fn old_and_partial_store_files_still_load() {
        // Written by an older version: no `detail`, fields missing, a
        // category this version does not know.
        let text = r#"{"version":1,"run_id":7,"failures":[
            {"category":"missing_dependency","subject":"PyYAML","job":"test",
             "span":{"path":"./.github/workflows/ci.yml","start":{"line":3,"column":1},"end":{"line":3,"column":9}}},
            {"category":"some_future_kind","message":"m"}]}"#;
        let run = SavedRun::from_json(text).expect("loads");
        assert_eq!(run.workflow_path, ".github/workflows/ci.yml");
        assert_eq!(run.failures[0].category, Category::MissingDependency);
        assert_eq!(run.failures[0].detail, SubjectDetail::None);
        assert!(!run.failures[0].fixable);
        assert_eq!(run.failures[1].category, Category::Unknown);
        assert_eq!(SavedRun::from_json("{}").expect("loads").version, 0);
        assert!(SavedRun::from_json("{not json").is_err());
        assert_eq!(content_hash(b""), "fnv1a64:cbf29ce484222325");
    }
}

#[cfg(test)]
mod doc_tests {
    use super::*;

    /// docs/json-output.md lists every `rate_limit.service` identifier the
    /// JSON can hold (`hex_pm` was emitted before it was listed).
    #[test]
    fn the_json_doc_lists_every_rate_limit_service() {
        let path = format!("{}/../../docs/json-output.md", env!("CARGO_MANIFEST_DIR"));
        let doc = std::fs::read_to_string(&path).expect("docs/json-output.md");
        let missing: Vec<_> = RateLimitService::ALL
            .iter()
            .map(|s| s.as_str())
            .filter(|id| !doc.contains(&format!("`{id}`")))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
