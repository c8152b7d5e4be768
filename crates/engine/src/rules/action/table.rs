//! Popular actions: the HAND-CURATED part of their metadata, for what no
//! real `action.yml` read by `cargo xtask gen actions` gives (see
//! `generated.rs`, which takes precedence for every major it holds). An
//! input list that a real file of the same major fully covers is not kept
//! here (checkout v4, cache v4, cache/restore v4, build-push-action v6,
//! setup-qemu-action v3, metadata-action v5; setup-node v4 and upload-artifact
//! v4, read at their tags, whose lists named inputs those majors lack:
//! `package-manager-cache`, `version`, `archive`); the lists left add inputs of later releases of their
//! major that the one commit read lacks, or describe a major no real file
//! gives.
//!
//! Source: each list is the `inputs:` of the action's `action.yml` at the
//! newest release of `current_major`, read on GitHub and last reviewed
//! **2025-08** (plus inputs seen in the corpus since and found in the
//! action's metadata: upload-artifact `archive`, download-artifact
//! `digest-mismatch`, setup-python `pip-version`); where the corpus holds
//! the action's current `action.yml`, a test checks every curated name
//! against it. `broken_through` comes from GitHub's deprecation notices:
//! artifact actions v3 and older ("scheduled for deprecation on November
//! 30, 2024", the run annotation), cache v1-v2 (the legacy cache service,
//! retired in early 2025); runs using them fail. Inputs are checked only at exactly `current_major` (other
//! majors had other inputs), an unknown input is a warning, never an error,
//! and entries with `inputs: None` only have their versions checked. Every
//! entry is an action real workflows of the corpus use.

/// One action (or sub-action path, like `github/codeql-action/init`).
pub struct KnownAction {
    /// `owner/repo` or `owner/repo/path`, lower case.
    pub name: &'static str,
    /// The major whose inputs the table was curated against (the inputs are
    /// checked at this major only). Runtimes by major, and where a fix moves
    /// an outdated ref, come from the generated data and
    /// `data/action-runtimes.txt`.
    pub current_major: u32,
    /// Majors up to and including this one no longer work at all (GitHub
    /// shut their backend down), so using them is an error.
    pub broken_through: u32,
    pub inputs: Option<&'static [&'static str]>,
    /// Inputs without a default that the action fails without, with the
    /// first major that requires them.
    pub required: &'static [(&'static str, u32)],
    /// Old input names still accepted, and what to use instead.
    pub deprecated: &'static [(&'static str, &'static str)],
    /// The action sets outputs its `action.yml` does not declare (a
    /// JavaScript action may set any output; `actions/github-script` runs the
    /// user's script, whose `core.setOutput` calls its README documents), so
    /// `steps.<id>.outputs` is not limited to the declared names.
    pub open_outputs: bool,
}

const fn versions(name: &'static str, current_major: u32) -> KnownAction {
    KnownAction {
        name,
        current_major,
        broken_through: 0,
        inputs: None,
        required: &[],
        deprecated: &[],
        open_outputs: false,
    }
}

pub static KNOWN_ACTIONS: &[KnownAction] = &[
    versions("actions/checkout", 4),
    KnownAction {
        inputs: Some(&[
            "python-version",
            "python-version-file",
            "cache",
            "architecture",
            "check-latest",
            "token",
            "cache-dependency-path",
            "update-environment",
            "allow-prereleases",
            "freethreaded",
            "pip-version",
        ]),
        ..versions("actions/setup-python", 5)
    },
    KnownAction {
        deprecated: &[("version", "node-version")],
        ..versions("actions/setup-node", 4)
    },
    KnownAction {
        inputs: Some(&[
            "go-version",
            "go-version-file",
            "check-latest",
            "token",
            "cache",
            "cache-dependency-path",
            "architecture",
            "stable",
        ]),
        ..versions("actions/setup-go", 5)
    },
    KnownAction {
        inputs: Some(&[
            "java-version",
            "java-version-file",
            "distribution",
            "java-package",
            "architecture",
            "jdkFile",
            "check-latest",
            "server-id",
            "server-username",
            "server-password",
            "settings-path",
            "overwrite-settings",
            "gpg-private-key",
            "gpg-passphrase",
            "cache",
            "cache-dependency-path",
            "job-status",
            "token",
            "mvn-toolchain-id",
            "mvn-toolchain-vendor",
        ]),
        required: &[("distribution", 2)],
        ..versions("actions/setup-java", 4)
    },
    KnownAction {
        inputs: Some(&[
            "dotnet-version",
            "dotnet-quality",
            "global-json-file",
            "source-url",
            "owner",
            "config-file",
            "cache",
            "cache-dependency-path",
            "workloads",
            "architecture",
        ]),
        ..versions("actions/setup-dotnet", 4)
    },
    KnownAction {
        required: &[("path", 1), ("key", 1)],
        broken_through: 2,
        ..versions("actions/cache", 4)
    },
    KnownAction {
        inputs: Some(&["path", "key", "upload-chunk-size", "enableCrossOsArchive"]),
        required: &[("path", 1), ("key", 1)],
        ..versions("actions/cache/save", 4)
    },
    KnownAction {
        required: &[("path", 1)],
        broken_through: 3,
        ..versions("actions/upload-artifact", 4)
    },
    KnownAction {
        inputs: Some(&[
            "name",
            "path",
            "pattern",
            "merge-multiple",
            "github-token",
            "repository",
            "run-id",
            "artifact-ids",
            "digest-mismatch",
        ]),
        broken_through: 3,
        ..versions("actions/download-artifact", 4)
    },
    KnownAction {
        inputs: Some(&[
            "script",
            "github-token",
            "debug",
            "user-agent",
            "previews",
            "result-encoding",
            "retries",
            "retry-exempt-status-codes",
            "base-url",
        ]),
        required: &[("script", 1)],
        open_outputs: true,
        ..versions("actions/github-script", 7)
    },
    versions("actions/stale", 9),
    versions("actions/labeler", 5),
    versions("actions/upload-pages-artifact", 3),
    versions("actions/configure-pages", 5),
    versions("actions/deploy-pages", 4),
    KnownAction {
        inputs: Some(&["registry", "username", "password", "ecr", "logout", "scope"]),
        ..versions("docker/login-action", 3)
    },
    versions("docker/build-push-action", 6),
    KnownAction {
        inputs: Some(&[
            "version",
            "driver",
            "driver-opts",
            "buildkitd-flags",
            "buildkitd-config",
            "buildkitd-config-inline",
            "install",
            "use",
            "name",
            "endpoint",
            "platforms",
            "config",
            "config-inline",
            "append",
            "keep-state",
            "cache-binary",
            "cleanup",
        ]),
        ..versions("docker/setup-buildx-action", 3)
    },
    versions("docker/setup-qemu-action", 3),
    versions("docker/metadata-action", 5),
    versions("github/codeql-action/init", 3),
    versions("github/codeql-action/analyze", 3),
    versions("github/codeql-action/autobuild", 3),
    versions("github/codeql-action/upload-sarif", 3),
    KnownAction {
        inputs: Some(&[
            "deploy_key",
            "github_token",
            "personal_token",
            "publish_branch",
            "publish_dir",
            "destination_dir",
            "external_repository",
            "allow_empty_commit",
            "keep_files",
            "force_orphan",
            "user_name",
            "user_email",
            "commit_message",
            "full_commit_message",
            "tag_name",
            "tag_message",
            "enable_jekyll",
            "disable_nojekyll",
            "cname",
            "exclude_assets",
        ]),
        ..versions("peaceiris/actions-gh-pages", 4)
    },
    KnownAction {
        inputs: Some(&[
            "user",
            "password",
            "repository-url",
            "packages-dir",
            "verify-metadata",
            "skip-existing",
            "verbose",
            "print-hash",
            "attestations",
            "repository_url",
            "packages_dir",
            "verify_metadata",
            "skip_existing",
            "print_hash",
        ]),
        deprecated: &[
            ("repository_url", "repository-url"),
            ("packages_dir", "packages-dir"),
            ("verify_metadata", "verify-metadata"),
            ("skip_existing", "skip-existing"),
            ("print_hash", "print-hash"),
        ],
        ..versions("pypa/gh-action-pypi-publish", 1)
    },
    versions("codecov/codecov-action", 5),
    versions("softprops/action-gh-release", 2),
];

/// The table entry for `owner/repo[/path]`, case-insensitively.
pub fn known_action(name: &str) -> Option<&'static KnownAction> {
    KNOWN_ACTIONS.iter().find(|a| a.name.eq_ignore_ascii_case(name))
}
