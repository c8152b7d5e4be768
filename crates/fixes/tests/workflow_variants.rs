//! The generalization logs of `crates/logs/tests/fixtures/variants/`, run as
//! `autoheal diagnose --workflow` and `autoheal fix` run them: with the
//! workflow the failed run came from (written with the log, in
//! `tests/fixtures/workflow-variants/`) and, where it matters, the files the
//! repository holds. Each row states what the workflow must decide: the root
//! cause's category, subject and `fixable`, and the edit a person would get,
//! or that there is none. A wrong fix is worse than none, so a row may also
//! name text the fix must never add (a login step for a service container,
//! `sudo` in a container, an apt command on Windows).

use autoheal_engine::Applicability;
use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::MemoryRepo;
use autoheal_fixes::{FailureInput, Files, fixes_for};
use autoheal_logs::{Category, LogFile, LogInput, Options, WorkflowFile, analyze};

use Category::{FileNotFound, MissingCommand, MissingDependency, OptionalJob, RateLimit, Timeout, Unknown, YamlSyntax};

const PATH: &str = ".github/workflows/ci.yml";

/// What a person gets. A fix is *applied* when the plan `autoheal fix
/// --write` and heal apply takes it (its first Safe or Unsafe fix that is no
/// fallback, `plan.rs`); a fix is *shown* when the only non-fallback fix is
/// display-only (a missing file's rewrite onto a guess), which `autoheal
/// diagnose` lists for a person and nothing writes (`doubtful_moves.rs`).
#[derive(Clone, Copy, Debug)]
enum Edit {
    /// No fix is applied or shown.
    None,
    /// A fix is applied, and the fixed workflow has each text (which the
    /// original did not).
    Adds(&'static [&'static str]),
    /// A fix may be applied, shown or neither; whichever is, the fixed
    /// workflow gains none of these texts.
    NeverAdds(&'static [&'static str]),
    /// A fix is applied, and each text is new in the named job's block (the
    /// job that caused the failure, not another one that failed after it).
    AddsInJob(&'static str, &'static [&'static str]),
    /// No fix is applied; a display-only fix is shown, and each text is new
    /// in the named job's block (`None`: anywhere in the workflow).
    Shows(Option<&'static str>, &'static [&'static str]),
}

struct Row {
    log: &'static str,
    /// The job the log belongs to, as a run-logs zip names it (`None`: the
    /// log does not say).
    job: Option<&'static str>,
    workflow: &'static str,
    /// Files the repository holds besides the workflow.
    repo: &'static [(&'static str, &'static str)],
    category: Category,
    subject: Option<&'static str>,
    fixable: bool,
    edit: Edit,
}

const fn row(
    log: &'static str,
    job: Option<&'static str>,
    workflow: &'static str,
    category: Category,
    subject: Option<&'static str>,
    fixable: bool,
    edit: Edit,
) -> Row {
    Row {
        log,
        job,
        workflow,
        repo: &[],
        category,
        subject,
        fixable,
        edit,
    }
}

const ROWS: &[Row] = &[
    // Batch 50 (helper polish, 2026-12-05), written with the logs before any
    // change. An architecture mismatch on an x64 hosted job (an arm64
    // download) is never a job to make optional. (Written as `unknown`;
    // revised after the first run to the category issue 12's development
    // labels give a mismatch on an x64 host, not fixable.)
    row(
        "b50-exec-format-arm64-binary-on-x64-image.log",
        Some("lint"),
        "b50-x64-lint.yml",
        OptionalJob,
        Some("architecture_mismatch"),
        false,
        Edit::None,
    ),
    // The Apple-silicon leg of a matrix: only that leg is let fail.
    row(
        "b50-bad-cpu-type-macos14.log",
        Some("lint (macos-14)"),
        "b50-macos14-leg.yml",
        OptionalJob,
        Some("architecture_mismatch"),
        true,
        Edit::Adds(&[
            "continue-on-error: ${{ matrix.experimental }}",
            "os: macos-14",
            "experimental: true",
        ]),
    ),
    // A self-hosted ARM job beside the x64 one that must pass.
    row(
        "b50-qemu-x86-64-on-arm-selfhosted.log",
        Some("arm-smoke"),
        "b50-arm-selfhosted-job.yml",
        OptionalJob,
        Some("architecture_mismatch"),
        true,
        Edit::Adds(&["continue-on-error: true"]),
    ),
    row(
        "b50-setup-python-arm64-windows.log",
        Some("test (windows-11-arm)"),
        "b50-windows-arm-leg.yml",
        OptionalJob,
        Some("tool_unavailable_for_architecture"),
        true,
        Edit::Adds(&[
            "continue-on-error: ${{ matrix.experimental }}",
            "os: windows-11-arm",
            "experimental: true",
        ]),
    ),
    // A custom label (a self-hosted Mac) as a matrix value of `runs-on`.
    row(
        "b50-selfhosted-mac-lost-comm-ghlog.log",
        None,
        "b50-selfhosted-mac-leg.yml",
        OptionalJob,
        Some("lost_communication"),
        true,
        Edit::Adds(&[
            "continue-on-error: ${{ matrix.experimental }}",
            "runner: mac-mini-m2",
            "experimental: true",
        ]),
    ),
    // A shutdown on a standard hosted job: infrastructure, not optional.
    row(
        "b50-shutdown-signal-hosted-ubuntu.log",
        Some("test"),
        "b50-hosted-ubuntu-test.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // The leg the author marked `experimental`: the job's
    // `continue-on-error` takes the flag that is already there.
    row(
        "b50-shutdown-signal-experimental-leg-ghlog.log",
        None,
        "b50-experimental-python-leg.yml",
        OptionalJob,
        Some("shutdown_signal"),
        true,
        Edit::Adds(&["continue-on-error: ${{ matrix.experimental }}"]),
    ),
    // A cancel 30 minutes in, at the job's `timeout-minutes: 30`.
    row(
        "b50-cancel-at-job-timeout-30.log",
        Some("e2e"),
        "b50-e2e-timeout-30.yml",
        Timeout,
        Some("30"),
        true,
        Edit::Adds(&["timeout-minutes: 60"]),
    ),
    // Twelve minutes into the job, two into a step whose own limit is five
    // (a step's limit prints its own `has timed out`): the concurrency
    // group canceled it.
    row(
        "b50-cancel-before-job-limit-step-timeout.log",
        Some("deploy"),
        "b50-deploy-step-timeout.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // A service container is pulled before any step runs: a login step
    // cannot help it.
    row(
        "b50-dockerhub-429-service-container.log",
        Some("test"),
        "b50-postgres-service.yml",
        RateLimit,
        Some("Docker Hub"),
        true,
        Edit::NeverAdds(&["docker/login-action", "docker login"]),
    ),
    // curl does not read `GITHUB_TOKEN`: authenticating means a header.
    row(
        "b50-github-api-curl-unauthenticated.log",
        Some("install-gh"),
        "b50-install-gh-curl.yml",
        RateLimit,
        Some("GitHub REST API"),
        true,
        Edit::NeverAdds(&["GITHUB_TOKEN: ${{"]),
    ),
    // Containers run as root, without sudo.
    row(
        "b50-container-debian-curl-missing.log",
        Some("build"),
        "b50-debian-container.yml",
        MissingCommand,
        Some("curl"),
        true,
        Edit::NeverAdds(&["sudo"]),
    ),
    row(
        "b50-container-sudo-missing.log",
        Some("build"),
        "b50-ubuntu-container-sudo.yml",
        MissingCommand,
        Some("sudo"),
        true,
        Edit::NeverAdds(&["sudo apt-get install -y sudo"]),
    ),
    row(
        "b50-gitbash-windows-zip-missing.log",
        Some("package"),
        "b50-windows-zip.yml",
        MissingCommand,
        Some("zip"),
        true,
        Edit::NeverAdds(&["apt-get", "sudo"]),
    ),
    // The failed step has `continue-on-error: true`: the job failed on the
    // tests after it.
    row(
        "b50-trap-continue-on-error-exec-format-then-pytest.log",
        Some("test"),
        "b50-arm-continue-on-error.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // The script moved under `scripts/`: the path is fixed.
    Row {
        repo: &[("scripts/ci/lint.sh", "#!/bin/sh\nruff check .\n")],
        ..row(
            "b50-moved-lint-script.log",
            Some("lint"),
            "b50-lint-script.yml",
            FileNotFound,
            Some("ci/lint.sh"),
            true,
            Edit::Adds(&["bash scripts/ci/lint.sh --strict"]),
        )
    },
    // Nowhere in the repository: skipping the step (`hashFiles`) is only a
    // fallback a person may apply; `fix` applies nothing.
    Row {
        repo: &[("README.md", "# lint\n")],
        ..row(
            "b50-moved-lint-script.log",
            Some("lint"),
            "b50-lint-script.yml",
            FileNotFound,
            Some("ci/lint.sh"),
            true,
            Edit::None,
        )
    },
    // Batch 70 (helper polish, 2026-12-05), written with the logs before any
    // change: the fix goes to the step or job that caused the failure, never
    // to a step or job that failed after it.
    // A notification step (`if: failure()`) missing its module after the
    // smoke test failed: the smoke test is the cause; installing `requests`
    // for the notifier would be a fix of something else.
    row(
        "b70-ghlog-smoke-fails-then-notify-module-missing.log",
        None,
        "b70-smoke-notify.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    row(
        "b70-silent-script-then-issue-create-403.log",
        None,
        "b70-changelog-issue.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // The e2e step's own limit, under `continue-on-error`, did not fail the
    // job: no larger limit; the sitemap's missing npm package has no
    // workflow fix.
    row(
        "b70-step-timeout-then-esm-package-missing.log",
        None,
        "b70-e2e-continue-sitemap.yml",
        MissingDependency,
        Some("globby"),
        false,
        Edit::None,
    ),
    // Docker Hub's limit in `build`; `deploy-staging` (`needs: build`, `if:
    // always()`) failed after it. The login goes to `build`, with the Docker
    // Hub secrets the workflow already uses.
    row(
        "b70-ghlog-build-dockerhub-429-then-deploy-manifest.log",
        None,
        "b70-build-deploy.yml",
        RateLimit,
        Some("Docker Hub"),
        true,
        Edit::AddsInJob("build", &["secrets.DOCKERHUB_TOKEN"]),
    ),
    row(
        "b70-compose-dockerhub-429-then-teardown.log",
        Some("integration"),
        "b70-compose-integration.yml",
        RateLimit,
        Some("Docker Hub"),
        true,
        Edit::AddsInJob("integration", &["secrets.DOCKERHUB_TOKEN"]),
    ),
    // `pandas` missing in `test`; `publish-results` failed on the artifact
    // `test` never wrote. The install goes to `test`.
    row(
        "b70-ghlog-module-missing-then-needs-job-artifact.log",
        None,
        "b70-test-publish-results.yml",
        MissingDependency,
        Some("pandas"),
        true,
        Edit::AddsInJob("test", &["pandas"]),
    ),
    // Batch 102 (helper diag102): the fix each new entry of a fixable
    // category yields. Prisma's schema moved into the workspace package (its
    // migrations beside it, where Prisma reads them): `--schema` follows it,
    // shown only (review93: `migrate deploy` changes a live database).
    Row {
        repo: &[
            (
                "packages/db/prisma/schema.prisma",
                "datasource db {\n  provider = \"postgresql\"\n}\n",
            ),
            (
                "packages/db/prisma/migrations/20261201_init/migration.sql",
                "CREATE TABLE a ();\n",
            ),
            ("package.json", "{}\n"),
        ],
        ..row(
            "b102-prisma-migrate-deploy-schema-path-does-not-exist.log",
            Some("migrate"),
            "b102-prisma-migrate.yml",
            FileNotFound,
            Some("prisma/schema.prisma"),
            true,
            Edit::Shows(None, &["--schema=packages/db/prisma/schema.prisma"]),
        )
    },
    // Batch 108 (helper diag105; written as 105, renumbered when another batch 105 landed first): Meson's machine file. The native files
    // moved under `ci/meson/`: the option follows the file the job's
    // matrix names, in the step that failed. The configure step writes the
    // path with `${{ matrix.compiler }}`, so the log's `ci/native-gcc.ini`
    // is not the workflow's text: a fix that rewrote it would have to
    // replace an expression with one leg's value; none is the safe answer
    // there, and the row states it.
    Row {
        repo: &[
            ("ci/meson/native-gcc.ini", "[binaries]\nc = 'gcc'\n"),
            ("ci/meson/native-clang.ini", "[binaries]\nc = 'clang'\n"),
            ("meson.build", "project('quill', 'c')\n"),
        ],
        ..row(
            "b108-meson-setup-native-file-not-found-log-failed.log",
            Some("build (gcc)"),
            "b108-meson-native-file.yml",
            FileNotFound,
            Some("ci/native-gcc.ini"),
            true,
            // No fix at all: the path is built from the matrix (final
            // review B, 7: NeverAdds passed whatever other fix came).
            Edit::None,
        )
    },
    // The same log where the step names the file as written: the option
    // follows the file to `ci/meson/`, shown only (the same file name in
    // another directory is a guess).
    Row {
        repo: &[
            ("ci/meson/native-gcc.ini", "[binaries]\nc = 'gcc'\n"),
            ("meson.build", "project('quill', 'c')\n"),
        ],
        ..row(
            "b108-meson-setup-native-file-not-found-log-failed.log",
            Some("build (gcc)"),
            "b108-meson-native-file-literal.yml",
            FileNotFound,
            Some("ci/native-gcc.ini"),
            true,
            Edit::Shows(None, &["--native-file ci/meson/native-gcc.ini"]),
        )
    },
    // Batch 110 (helper diag110): SAM's template. The project moved under
    // `services/orders/` (the template's code beside it, where its relative
    // `CodeUri` resolves): `--template-file` follows it, in the step that
    // failed, shown only (the job deploys).
    Row {
        repo: &[
            (
                "services/orders/infra/template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources: {}\n",
            ),
            (
                "services/orders/src/app.py",
                "def handler(event, context):\n    return {}\n",
            ),
        ],
        ..row(
            "b110-sam-build-template-file-not-found-log-failed.log",
            Some("deploy (staging)"),
            "b110-sam-build-template.yml",
            FileNotFound,
            Some("infra/template.yaml"),
            true,
            Edit::Shows(Some("deploy"), &["--template-file services/orders/infra/template.yaml"]),
        )
    },
    // The template `sam build` writes, missing in a deploy job that
    // downloaded the build elsewhere: the build's output, never the source
    // template the repository tracks (`template.yaml`, which the path with
    // its directories dropped would match).
    Row {
        repo: &[
            (
                "template.yaml",
                "Transform: AWS::Serverless-2016-10-31\nResources: {}\n",
            ),
            ("src/app.py", "def handler(event, context):\n    return {}\n"),
        ],
        ..row(
            "b110-sam-deploy-built-template-not-found-log-failed.log",
            Some("deploy"),
            "b110-sam-deploy-built.yml",
            FileNotFound,
            Some(".aws-sam/build/template.yaml"),
            false,
            Edit::None,
        )
    },
    // The changelog moved under the Maven resources: no new path (Liquibase
    // would run every changeset again under it), even with the file there.
    Row {
        repo: &[(
            "src/main/resources/db/changelog/db.changelog-master.yaml",
            "databaseChangeLog: []\n",
        )],
        ..row(
            "b102-liquibase-update-changelog-not-in-search-path-log-failed.log",
            Some("migrate"),
            "b102-liquibase-migrate.yml",
            FileNotFound,
            Some("db/changelog/db.changelog-master.yaml"),
            false,
            Edit::None,
        )
    },
    // The playbooks and the inventory moved under `ansible/`: pointing at
    // the playbook alone would run it against no hosts, green.
    Row {
        repo: &[
            ("ansible/playbooks/deploy.yml", "- hosts: web\n  roles: [app]\n"),
            ("ansible/inventory/production.ini", "[web]\nweb-1\n"),
        ],
        ..row(
            "b102-ansible-playbook-playbook-could-not-be-found-ui.log",
            Some("deploy"),
            "b102-ansible-deploy.yml",
            FileNotFound,
            Some("playbooks/deploy.yml"),
            false,
            Edit::None,
        )
    },
    // Packer's plugin getter reads PACKER_GITHUB_API_TOKEN only: no fix
    // gives the step GITHUB_TOKEN.
    row(
        "b102-packer-init-plugin-host-rate-limited-log-failed.log",
        Some("build-ami"),
        "b102-packer-ami.yml",
        RateLimit,
        Some("GitHub REST API"),
        false,
        Edit::None,
    ),
    // Batch 103: a bundler's unresolved package (Vite's Rollup, esbuild) is
    // the project's package.json, which no fix edits, even where the
    // repository's manifest lacks it; twine's `dist/*` is the build's output
    // (the build wrote `wheelhouse/`): no path is rewritten, not even to a
    // committed `dist/` folder elsewhere in the repository.
    Row {
        repo: &[(
            "package.json",
            "{\"name\": \"console\", \"scripts\": {\"build\": \"vite build\"}, \"devDependencies\": {\"vite\": \"^6.0.3\"}}\n",
        )],
        ..row(
            "b103-vite-rollup-failed-to-resolve-import-package.log",
            None,
            "b103-vite-build.yml",
            MissingDependency,
            Some("lodash-es"),
            false,
            Edit::None,
        )
    },
    Row {
        repo: &[(
            "package.json",
            "{\"name\": \"scheduler\", \"devDependencies\": {\"esbuild\": \"^0.24.0\"}}\n",
        )],
        ..row(
            "b103-esbuild-could-not-resolve-package-ui.log",
            None,
            "b103-esbuild-worker.yml",
            MissingDependency,
            Some("date-fns"),
            false,
            Edit::None,
        )
    },
    Row {
        repo: &[
            ("pyproject.toml", "[project]\nname = \"relay\"\nversion = \"1.2.0\"\n"),
            (
                "docs/dist/relay-0.9.0-py3-none-any.whl",
                "old wheel kept for the docs\n",
            ),
        ],
        ..row(
            "b103-twine-upload-dist-pattern-no-files-log-failed.log",
            None,
            "b103-twine-publish.yml",
            FileNotFound,
            Some("dist/*"),
            false,
            Edit::None,
        )
    },
    // Batch 104 (helper diag104), written with the logs before the first
    // run: the fix a person should get, or none, in settings the catalogue
    // may not know.
    // node:20-alpine has no git and no apt-get: Alpine's apk, as root.
    // Withheld at the first run (no apk route); mended after it. Before the
    // checkout, which without git downloads the tree with no `.git`
    // (review89 H2: installed after it, `git describe` still failed).
    row(
        "b104-alpine-container-git-not-found.log",
        Some("build"),
        "b104-alpine-node-container.yml",
        MissingCommand,
        Some("git"),
        true,
        Edit::Adds(&["run: apk add --no-cache git\n      - uses: actions/checkout@v4"]),
    ),
    // The Windows leg only; the Linux leg's apt install stays as it is.
    row(
        "b104-windows-pwsh-pandoc-not-recognized-log-failed.log",
        None,
        "b104-docs-matrix-pandoc.yml",
        MissingCommand,
        Some("pandoc"),
        true,
        Edit::Adds(&["choco install -y pandoc"]),
    ),
    row(
        "b104-macos15-doxygen-command-not-found.log",
        Some("api-docs"),
        "b104-macos15-api-docs.yml",
        MissingCommand,
        Some("doxygen"),
        true,
        Edit::Adds(&["brew install doxygen"]),
    ),
    // ubuntu-latest is 24.04, which dropped Terraform: its setup action.
    row(
        "b104-ubuntu2404-terraform-command-not-found-log-failed.log",
        None,
        "b104-terraform-plan-ubuntu-latest.yml",
        MissingCommand,
        Some("terraform"),
        true,
        Edit::Adds(&["hashicorp/setup-terraform@v3"]),
    ),
    // A gem and an npm package: the manifest, never a workflow install.
    row(
        "b104-ruby-loaderror-faraday-retry-bundle-exec-ui.log",
        Some("sync-labels"),
        "b104-ruby-sync-labels.yml",
        MissingDependency,
        Some("faraday-retry"),
        false,
        Edit::None,
    ),
    row(
        "b104-node-esm-cannot-find-package-zod-log-failed.log",
        None,
        "b104-web-lint-env-schema.yml",
        MissingDependency,
        Some("zod"),
        false,
        Edit::None,
    ),
    // `bson` is PyMongo's; the PyPI project named `bson` is another one.
    // Written expecting `pymongo`; the table leaves names two distributions
    // provide unmapped, so no install is guessed (withheld, revised after the
    // first run). Never PyPI's `bson`.
    row(
        "b104-python-bson-module-pymongo-windows.log",
        Some("fixtures"),
        "b104-python-fixtures-windows.yml",
        MissingDependency,
        Some("bson"),
        false,
        Edit::None,
    ),
    // Registries: a bounded retry around the install that only fetches.
    row(
        "b104-bundler-rubygems-429-retrying-fetcher.log",
        Some("test"),
        "b104-rails-test-bundle-install.yml",
        RateLimit,
        Some("RubyGems"),
        true,
        Edit::AddsInJob("test", &["for attempt in"]),
    ),
    row(
        "b104-composer-packagist-429-log-failed.log",
        None,
        "b104-php-library-matrix.yml",
        RateLimit,
        Some("Packagist"),
        true,
        Edit::AddsInJob("tests", &["for attempt in"]),
    ),
    // The tests' own downloads: no token to invent, no fetch step to retry.
    row(
        "b104-huggingface-hub-429-pytest-ui.log",
        Some("test"),
        "b104-hf-tokenizer-tests.yml",
        RateLimit,
        Some("Hugging Face Hub"),
        false,
        Edit::None,
    ),
    // Both written expecting a doubled limit; both logs went silent for most
    // of the limit (22 of 25 minutes, 18 of 20), which the timeout fix reads
    // as a hang (a larger limit only makes it take longer): withheld, with
    // that reason. Revised after the first run; the logs were hang-shaped.
    row(
        "b104-cancel-at-job-limit-25-windows-leg.log",
        Some("test (windows-latest)"),
        "b104-dotnet-matrix-timeout-25.yml",
        Timeout,
        Some("25"),
        true,
        Edit::None,
    ),
    row(
        "b104-step-timeout-integration-20-log-failed.log",
        None,
        "b104-go-integration-step-timeout.yml",
        Timeout,
        Some("20"),
        true,
        Edit::None,
    ),
    // A tag's release build: the leg let fail would ship the release
    // without its macOS binary while the run shows green (review89 M3; the
    // row first expected the leg's `experimental: true`).
    row(
        "b104-selfhosted-macos-arm64-lost-communication-leg-log-failed.log",
        None,
        "b104-release-include-macos-arm64-selfhosted.yml",
        OptionalJob,
        Some("lost_communication"),
        true,
        Edit::None,
    ),
    // The same matrix in a pull request's checks: the leg is let fail.
    row(
        "b104-selfhosted-macos-arm64-lost-communication-leg-log-failed.log",
        None,
        "r89-ci-include-macos-arm64-selfhosted.yml",
        OptionalJob,
        Some("lost_communication"),
        true,
        Edit::Adds(&["continue-on-error: ${{ matrix.experimental }}", "experimental: true"]),
    ),
    // The new path is relative to the step's working directory, shown only
    // (the same file name in another directory is a guess).
    Row {
        repo: &[
            (
                "backend/tools/smoke.sh",
                "#!/usr/bin/env bash\nset -eu\ncurl -fsS localhost:8000/health\n",
            ),
            ("backend/requirements.txt", "fastapi==0.115.6\n"),
        ],
        ..row(
            "b104-moved-script-under-working-directory-log-failed.log",
            None,
            "b104-backend-smoke-working-directory.yml",
            FileNotFound,
            Some("scripts/smoke.sh"),
            true,
            Edit::Shows(None, &["bash tools/smoke.sh --env ci"]),
        )
    },
    // The install step already names the file's new place.
    Row {
        repo: &[("requirements/dev.txt", "ruff==0.8.3\n")],
        ..row(
            "b104-setup-python-cache-dependency-path-moved.log",
            Some("lint"),
            "b104-lint-setup-python-cache-path.yml",
            FileNotFound,
            Some("requirements-dev.txt"),
            true,
            Edit::Adds(&["cache-dependency-path: requirements/dev.txt"]),
        )
    },
    // Traps. openjdk:17-oracle is Oracle Linux: no apt-get in it.
    row(
        "b104-trap-openjdk-oracle-container-unzip-not-found-log-failed.log",
        None,
        "b104-trap-openjdk-oracle-container.yml",
        MissingCommand,
        Some("unzip"),
        true,
        Edit::None,
    ),
    // A standard x64 hosted job is not optional.
    row(
        "b104-trap-hosted-windows-lost-communication-log-failed.log",
        None,
        "b104-trap-windows-installer.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // The project's own package (src layout, never installed).
    Row {
        repo: &[
            (
                "pyproject.toml",
                "[project]\nname = \"ledgerkit\"\nversion = \"0.3.0\"\n",
            ),
            ("src/ledgerkit/__init__.py", ""),
            ("src/ledgerkit/ledger.py", "class Ledger:\n    pass\n"),
            ("requirements-test.txt", "pytest==8.3.4\n"),
        ],
        ..row(
            "b104-trap-project-own-package-not-installed-log-failed.log",
            None,
            "b104-trap-src-layout-tests.yml",
            Unknown,
            None,
            false,
            Edit::None,
        )
    },
    // A relative import missing its extension: the code's.
    Row {
        repo: &[("src/lib/routes.js", "export const routes = [];\n")],
        ..row(
            "b104-trap-esm-relative-import-missing-extension-log-failed.log",
            None,
            "b104-trap-sitemap-esm.yml",
            Unknown,
            None,
            false,
            Edit::None,
        )
    },
    // Batch 111 (helper diag111): the fixable categories at first run in
    // ecosystems and settings batch 104 did not use, each with the workflow
    // it failed in, written with the logs before the first run.
    // Hex.pm's 429 on a tarball: a bounded retry around `mix deps.get`.
    row(
        "b111-hex-repo-429-mix-deps-get.log",
        Some("test"),
        "b111-elixir-relay-tests.yml",
        RateLimit,
        Some("Hex.pm"),
        true,
        Edit::AddsInJob("test", &["for attempt in"]),
    ),
    // nuget.org's 429 on the Windows leg: NuGet's own retries.
    row(
        "b111-nuget-429-windows-leg-pwsh-log-failed.log",
        None,
        "b111-dotnet-ledger-matrix-restore.yml",
        RateLimit,
        Some("nuget.org"),
        true,
        Edit::AddsInJob("build", &["NUGET_ENHANCED_MAX_NETWORK_TRY_COUNT"]),
    ),
    // The billing service moved from `services/` to `apps/`.
    Row {
        repo: &[
            (
                "pom.xml",
                "<project><modules><module>apps/billing</module><module>apps/ledger</module></modules></project>\n",
            ),
            (
                "apps/billing/pom.xml",
                "<project><artifactId>billing</artifactId></project>\n",
            ),
            (
                "apps/ledger/pom.xml",
                "<project><artifactId>ledger</artifactId></project>\n",
            ),
        ],
        ..row(
            "b111-maven-pom-file-moved-log-failed.log",
            None,
            "b111-maven-billing-verify.yml",
            FileNotFound,
            Some("services/billing/pom.xml"),
            true,
            Edit::Adds(&["-f apps/billing/pom.xml"]),
        )
    },
    // The CLI crate moved from `crates/` to `tools/`.
    Row {
        repo: &[
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"tools/tdcli\", \"core\"]\nresolver = \"2\"\n",
            ),
            (
                "tools/tdcli/Cargo.toml",
                "[package]\nname = \"tdcli\"\nversion = \"0.4.0\"\nedition = \"2021\"\n",
            ),
            ("tools/tdcli/src/main.rs", "fn main() {}\n"),
            (
                "core/Cargo.toml",
                "[package]\nname = \"tidewater-core\"\nversion = \"0.4.0\"\nedition = \"2021\"\n",
            ),
        ],
        ..row(
            "b111-cargo-manifest-path-moved-macos-leg.log",
            Some("cli (macos-14)"),
            "b111-rust-cli-matrix-manifest-path.yml",
            FileNotFound,
            Some("crates/tdcli/Cargo.toml"),
            true,
            Edit::Adds(&["--manifest-path tools/tdcli/Cargo.toml"]),
        )
    },
    // A self-hosted runner without the SDK: the setup action installs it.
    row(
        "b111-selfhosted-linux-dotnet-command-not-found.log",
        Some("test"),
        "b111-selfhosted-invoicing-tests.yml",
        MissingCommand,
        Some("dotnet"),
        true,
        Edit::Adds(&["actions/setup-dotnet@v4"]),
    ),
    // protoc's Go plugin: installed at the version go.mod pins, by a person.
    row(
        "b111-protoc-gen-go-program-not-found-log-failed.log",
        None,
        "b111-go-protobuf-generate.yml",
        MissingCommand,
        Some("protoc-gen-go"),
        false,
        Edit::None,
    ),
    // Mix's rebar3 in a slim Elixir image: no known installer.
    row(
        "b111-mix-rebar3-not-found-elixir-slim-container.log",
        Some("compile"),
        "b111-elixir-slim-container-release.yml",
        MissingCommand,
        Some("rebar3"),
        false,
        Edit::None,
    ),
    // Batch 112 (helper diag112): CMake's toolchain file moved from
    // `cmake/toolchains/` to `toolchains/` (the old directory gone): the
    // option follows it in the step that failed.
    Row {
        repo: &[
            (
                "CMakeLists.txt",
                "cmake_minimum_required(VERSION 3.25)\nproject(buoy C CXX ASM)\n",
            ),
            ("cmake/warnings.cmake", "add_compile_options(-Wall)\n"),
            ("toolchains/arm-none-eabi.cmake", "set(CMAKE_SYSTEM_NAME Generic)\n"),
        ],
        ..row(
            "b112-cmake-toolchain-file-moved-arm-none-eabi.log",
            Some("firmware"),
            "b112-cmake-toolchain-file.yml",
            FileNotFound,
            Some("cmake/toolchains/arm-none-eabi.cmake"),
            true,
            Edit::AddsInJob("firmware", &["-DCMAKE_TOOLCHAIN_FILE=toolchains/arm-none-eabi.cmake"]),
        )
    },
    // Two toolchain files of that name, one per board: which one the job
    // meant is a person's call, no fix.
    Row {
        repo: &[
            (
                "CMakeLists.txt",
                "cmake_minimum_required(VERSION 3.25)\nproject(buoy C CXX ASM)\n",
            ),
            (
                "boards/stm32l4/toolchains/arm-none-eabi.cmake",
                "set(CMAKE_SYSTEM_NAME Generic)\n",
            ),
            (
                "boards/nrf52/toolchains/arm-none-eabi.cmake",
                "set(CMAKE_SYSTEM_NAME Generic)\n",
            ),
        ],
        ..row(
            "b112-cmake-toolchain-file-moved-arm-none-eabi.log",
            Some("firmware"),
            "b112-cmake-toolchain-file.yml",
            FileNotFound,
            Some("cmake/toolchains/arm-none-eabi.cmake"),
            true,
            Edit::None,
        )
    },
    // Batch 119 (helper diag119): RuboCop's `--config` file moved from
    // `.github/linters/` to the repository's root: the option follows it in
    // the lint step, not in the rspec job.
    Row {
        repo: &[(".rubocop.yml", "AllCops:\n  TargetRubyVersion: 3.3\n")],
        ..row(
            "b119-rubocop-config-file-moved-log-failed.log",
            Some("rubocop"),
            "b119-rubocop-config.yml",
            FileNotFound,
            Some(".github/linters/.rubocop.yml"),
            true,
            Edit::Shows(Some("rubocop"), &["--config .rubocop.yml"]),
        )
    },
    // Two `.rubocop.yml` files (the root's and a vendored gem's): which one
    // the step meant is a person's call, no fix.
    Row {
        repo: &[
            (".rubocop.yml", "AllCops:\n  TargetRubyVersion: 3.3\n"),
            (
                "vendor/engines/billing/.rubocop.yml",
                "inherit_from: ../../../.rubocop.yml\n",
            ),
        ],
        ..row(
            "b119-rubocop-config-file-moved-log-failed.log",
            Some("rubocop"),
            "b119-rubocop-config.yml",
            FileNotFound,
            Some(".github/linters/.rubocop.yml"),
            true,
            Edit::None,
        )
    },
    // Batch 117 (helper diag117): the SQL file `psql -f` runs moved under
    // `db/sql/`: the option follows it in the step that failed, not in the
    // later `psql -c` step, shown only (review93: a guess by the file name,
    // run against a database).
    Row {
        repo: &[("db/sql/schema.sql", "create table routes (id bigint primary key);\n")],
        ..row(
            "b117-psql-f-schema-file-no-such-file.log",
            Some("db-check"),
            "b117-psql-schema.yml",
            FileNotFound,
            Some("db/schema.sql"),
            true,
            Edit::Shows(Some("db-check"), &["-f db/sql/schema.sql"]),
        )
    },
    // The whole path under two services' directories: which one the step
    // meant is a person's call, no fix.
    Row {
        repo: &[
            ("api/db/schema.sql", "create table routes (id bigint primary key);\n"),
            ("worker/db/schema.sql", "create table jobs (id bigint primary key);\n"),
        ],
        ..row(
            "b117-psql-f-schema-file-no-such-file.log",
            Some("db-check"),
            "b117-psql-schema.yml",
            FileNotFound,
            Some("db/schema.sql"),
            true,
            Edit::None,
        )
    },
    // Batch 120 (helper diag120): `mvn` missing in an Ubuntu-based Temurin
    // container, run as root: Ubuntu's `maven` package, never setup-java
    // (a JDK, no Maven on the PATH).
    row(
        "b120-mvn-not-found-eclipse-temurin-container-log-failed.log",
        Some("package"),
        "b120-mvn-temurin-container.yml",
        MissingCommand,
        Some("mvn"),
        true,
        Edit::AddsInJob("package", &["run: apt-get update && apt-get install -y maven"]),
    ),
    // The same words where the install is withheld: the container runs as a
    // user who may not install packages, and a Red Hat UBI base has no apt.
    row(
        "b120-mvn-not-found-eclipse-temurin-container-log-failed.log",
        Some("package"),
        "b120-mvn-temurin-container-nonroot.yml",
        MissingCommand,
        Some("mvn"),
        true,
        Edit::None,
    ),
    row(
        "b120-mvn-not-found-eclipse-temurin-container-log-failed.log",
        Some("package"),
        "b120-mvn-temurin-ubi-container.yml",
        MissingCommand,
        Some("mvn"),
        true,
        Edit::None,
    ),
    // The same Ubuntu-based container as root, in a repository with a Maven
    // wrapper (review94 L): the wrapper pins the project's Maven, which
    // Ubuntu's `maven` package may not satisfy; no install, `./mvnw` is the
    // person's fix.
    Row {
        repo: &[
            ("pom.xml", "<project/>\n"),
            ("mvnw", "#!/bin/sh\n"),
            (".mvn/wrapper/maven-wrapper.properties", "distributionUrl=x\n"),
        ],
        ..row(
            "b120-mvn-not-found-eclipse-temurin-container-log-failed.log",
            Some("package"),
            "b120-mvn-temurin-container.yml",
            MissingCommand,
            Some("mvn"),
            true,
            Edit::None,
        )
    },
    // The whole path under `legacy/` beside a `db/sql/schema.sql` (diag117's
    // wrong target, mended by mend120b): an old copy kept under another
    // directory or the file that moved within `db/`, a person's call, no
    // fix.
    Row {
        repo: &[
            ("legacy/db/schema.sql", "create table routes (id int primary key);\n"),
            ("db/sql/schema.sql", "create table routes (id bigint primary key);\n"),
        ],
        ..row(
            "b117-psql-f-schema-file-no-such-file.log",
            Some("db-check"),
            "b117-psql-schema.yml",
            FileNotFound,
            Some("db/schema.sql"),
            true,
            Edit::None,
        )
    },
    // Batch 121 (helper diag121): wasm-pack's crate directory holds no
    // `Cargo.toml`. The step names the directory, not the manifest, so a
    // crate that moved is not pointed at from the log's path (no fix), and
    // nothing is guessed when the repository has no such crate either.
    Row {
        repo: &[
            ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n"),
            ("crates/web-bindings/Cargo.toml", "[package]\nname = \"canvas-web\"\n"),
            ("crates/core/Cargo.toml", "[package]\nname = \"canvas-core\"\n"),
        ],
        ..row(
            "b121-wasm-pack-crate-directory-missing-cargo-toml-log-failed.log",
            Some("build-wasm"),
            "b121-wasm-pack-build.yml",
            FileNotFound,
            Some("crates/web/Cargo.toml"),
            true,
            Edit::None,
        )
    },
    // Batch 114 (helper diag114): xcodebuild's `-exportOptionsPlist` file
    // moved under `ios/signing/`: the option follows it in the export step,
    // shown only (the project stayed in `ios/`, so `ios/` did not move).
    Row {
        repo: &[
            ("ios/Tides.xcodeproj/project.pbxproj", "// !$*UTF8*$!\n"),
            ("ios/signing/ExportOptions.plist", "<?xml version=\"1.0\"?>\n<plist/>\n"),
        ],
        ..row(
            "b114-xcodebuild-export-options-plist-moved-macos14.log",
            Some("archive"),
            "b114-ios-export-options.yml",
            FileNotFound,
            Some("ios/ExportOptions.plist"),
            true,
            Edit::Shows(
                Some("archive"),
                &["-exportOptionsPlist ios/signing/ExportOptions.plist"],
            ),
        )
    },
    // One property list per export method: which one the job meant is a
    // person's call, no fix.
    Row {
        repo: &[
            ("ios/Tides.xcodeproj/project.pbxproj", "// !$*UTF8*$!\n"),
            ("ios/signing/app-store/ExportOptions.plist", "<plist/>\n"),
            ("ios/signing/ad-hoc/ExportOptions.plist", "<plist/>\n"),
        ],
        ..row(
            "b114-xcodebuild-export-options-plist-moved-macos14.log",
            Some("archive"),
            "b114-ios-export-options.yml",
            FileNotFound,
            Some("ios/ExportOptions.plist"),
            true,
            Edit::None,
        )
    },
    // The job writes the file itself, from a secret, in a step a pull
    // request skips: the missing file is that step's output, not a file that
    // moved, and a template elsewhere in the repository is no replacement.
    Row {
        repo: &[
            ("ios/Tides.xcodeproj/project.pbxproj", "// !$*UTF8*$!\n"),
            ("ios/templates/ExportOptions.plist", "<plist/>\n"),
        ],
        ..row(
            "b114-xcodebuild-export-options-plist-moved-macos14.log",
            Some("archive"),
            "b114-ios-export-options-written-by-skipped-step.yml",
            FileNotFound,
            Some("ios/ExportOptions.plist"),
            true,
            Edit::None,
        )
    },
    // Batch 114's x86-64 Android image on an Apple-silicon `macos-latest`
    // (finlogs19 M2): the emulator step chooses the image's architecture
    // (`arch: x86_64`), so every run there fails the same way; a
    // configuration error, not a flaky runner: the instrumented job is not
    // made optional (its tests would never run again, the run green).
    row(
        "b114-emulator-x86-64-avd-on-macos14-arm64-boot-timeout.log",
        Some("instrumented (29)"),
        "b114-emulator-x86-64-on-macos-latest.yml",
        OptionalJob,
        Some("architecture_mismatch"),
        false,
        Edit::None,
    ),
    // pkg.m4 without pkg-config in a Debian container: installed with the
    // container's apt, as root (no sudo).
    row(
        "b112-configure-pkg-config-script-not-found-bookworm-slim.log",
        Some("bundle-deps"),
        "b112-pkg-config-bookworm-slim.yml",
        MissingCommand,
        Some("pkg-config"),
        true,
        Edit::AddsInJob("bundle-deps", &["run: apt-get update && apt-get install -y pkg-config"]),
    ),
    // The same log from a project's own build image: its package manager is
    // not known, so no install is guessed.
    row(
        "b112-configure-pkg-config-script-not-found-bookworm-slim.log",
        Some("bundle-deps"),
        "b112-pkg-config-custom-image.yml",
        MissingCommand,
        Some("pkg-config"),
        true,
        Edit::None,
    ),
    // A called workflow's job limit is its caller's `with: timeout:`; the
    // suite was printing until the limit (no hang).
    Row {
        repo: &[(
            ".github/workflows/integration.yml",
            "name: Integration\non:\n  workflow_call:\n    inputs:\n      go-version:\n        type: string\n        required: true\n      timeout:\n        type: number\n        default: 30\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ inputs.timeout }}\n    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: postgres\n        ports: ['5432:5432']\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n        with:\n          go-version: ${{ inputs.go-version }}\n      - name: Run integration suite\n        env:\n          DATABASE_URL: postgres://postgres:postgres@localhost:5432/ledger_test?sslmode=disable\n        run: go test -tags=integration -count=1 -v ./integration/...\n",
        )],
        ..row(
            "b111-reusable-callee-job-limit-40-caller-input-log-failed.log",
            None,
            "b111-ledger-ci-calls-integration.yml",
            Timeout,
            Some("40"),
            true,
            Edit::Adds(&["timeout: 80"]),
        )
    },
    // An x86-64 download on the hosted ARM leg of a pull request's lint:
    // that leg is let fail.
    row(
        "b111-hosted-arm-leg-buf-x86-64-exec-format.log",
        Some("lint (ubuntu-24.04-arm)"),
        "b111-buf-lint-arm-leg.yml",
        OptionalJob,
        Some("architecture_mismatch"),
        true,
        Edit::Adds(&["continue-on-error: ${{ matrix.experimental }}", "experimental: true"]),
    ),
    // `: ` in a plain scalar: quoted.
    row(
        "b111-invalid-workflow-markdown-link-line-14-ui.log",
        None,
        "b111-dispatch-input-description-colon.yml",
        YamlSyntax,
        Some("14"),
        true,
        Edit::Adds(&["description: 'Release channel: stable or beta'"]),
    ),
    // setuptools 82 removed `pkg_resources` (pypa/setuptools #5007): only a
    // release before it provides the module.
    row(
        "b111-pkg-resources-py312-macos-leg-log-failed.log",
        None,
        "b111-assets-matrix-py312.yml",
        MissingDependency,
        Some("setuptools"),
        true,
        Edit::Adds(&["setuptools<82"]),
    ),
    // Traps. Hex's request timeout is no rate limit.
    row(
        "b111-trap-hex-request-timeout-not-a-limit.log",
        Some("test"),
        "b111-elixir-relay-tests.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // nextest's per-test limit, not the job's `timeout-minutes`.
    row(
        "b111-trap-nextest-test-timed-out-selfhosted-log-failed.log",
        None,
        "b111-trap-nextest-selfhosted.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // The package under test, never installed: not a dependency.
    Row {
        repo: &[
            (
                "DESCRIPTION",
                "Package: tidepool\nTitle: Tidal Series Tools\nVersion: 0.3.1\nImports: zoo\nSuggests: testthat (>= 3.0.0)\n",
            ),
            (
                "tests/testthat.R",
                "library(testthat)\nlibrary(tidepool)\n\ntest_check(\"tidepool\")\n",
            ),
        ],
        ..row(
            "b111-trap-r-own-package-not-installed-testthat.log",
            Some("tests"),
            "b111-trap-r-package-testthat.yml",
            Unknown,
            None,
            false,
            Edit::None,
        )
    },
    // A test's fixture not copied to the build output: the project's.
    row(
        "b111-trap-dotnet-test-fixture-could-not-find-file-log-failed.log",
        None,
        "b111-trap-dotnet-ledger-tests.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // yamllint's syntax error in a Helm values file, not in the workflow.
    row(
        "b111-trap-yamllint-helm-values-syntax-error.log",
        Some("lint"),
        "b111-trap-yamllint-deploy.yml",
        Unknown,
        None,
        false,
        Edit::None,
    ),
    // Batch 113 (helper diag113): the two rows its fixes made fixable. A
    // notebook's kernel missing a module the job's pip never installed: the
    // install is the job's (the kernel is the job's Python, `ipykernel`).
    row(
        "b113-nbconvert-execute-cell-seaborn-missing.log",
        None,
        "b113-sales-notebooks-nbconvert.yml",
        MissingDependency,
        Some("seaborn"),
        true,
        Edit::Adds(&["seaborn"]),
    ),
    // The same failure where the job already installs seaborn: the kernel
    // runs elsewhere, and installing it again changes nothing.
    row(
        "b113-nbconvert-execute-cell-seaborn-missing.log",
        None,
        "b113-sales-notebooks-other-kernel.yml",
        MissingDependency,
        Some("seaborn"),
        true,
        Edit::None,
    ),
    // papermill's input notebook, named on the step's command line, moved
    // under `notebooks/training/`: shown only (the same file name in another
    // directory is a guess).
    Row {
        repo: &[
            (
                "notebooks/training/train.ipynb",
                "{\"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 5}\n",
            ),
            ("pyproject.toml", "[project]\nname = \"soilnet\"\nversion = \"0.3.0\"\n"),
        ],
        ..row(
            "b113-papermill-input-notebook-moved-windows.log",
            Some("smoke (windows-2022)"),
            "b113-soilnet-papermill-smoke.yml",
            FileNotFound,
            Some("notebooks/train.ipynb"),
            true,
            Edit::Shows(None, &["papermill notebooks/training/train.ipynb out/train.ipynb"]),
        )
    },
    // Two notebooks of that name elsewhere: which one the step meant is a
    // person's call, so no path is changed.
    Row {
        repo: &[
            (
                "notebooks/training/train.ipynb",
                "{\"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 5}\n",
            ),
            (
                "notebooks/legacy/train.ipynb",
                "{\"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 5}\n",
            ),
            ("pyproject.toml", "[project]\nname = \"soilnet\"\nversion = \"0.3.0\"\n"),
        ],
        ..row(
            "b113-papermill-input-notebook-moved-windows.log",
            Some("smoke (windows-2022)"),
            "b113-soilnet-papermill-smoke.yml",
            FileNotFound,
            Some("notebooks/train.ipynb"),
            true,
            Edit::None,
        )
    },
    // Batch 115: upload-pages-artifact's `path` is the site build's output
    // (Eleventy now writes `dist`): a committed old build under `legacy/`
    // holds a `_site` directory, and moving the input there would publish
    // the stale copy, so no path is changed (before the `pages` emitter, tar's
    // generic message made the row fixable).
    Row {
        repo: &[
            ("legacy/_site/index.html", "<!doctype html><title>almanac 1.x</title>\n"),
            (
                "package.json",
                "{\"name\": \"almanac\", \"scripts\": {\"build\": \"eleventy\"}}\n",
            ),
        ],
        ..row(
            "b115-upload-pages-artifact-site-dir-missing-tar.log",
            Some("build"),
            "b115-almanac-pages.yml",
            FileNotFound,
            Some("_site"),
            false,
            Edit::None,
        )
    },
];

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What went wrong with one row, or `None`.
fn check(row: &Row) -> Option<String> {
    let log = read(&format!(
        "{}/../logs/tests/fixtures/variants/{}",
        env!("CARGO_MANIFEST_DIR"),
        row.log
    ));
    let workflow = read(&format!(
        "{}/tests/fixtures/workflow-variants/{}",
        env!("CARGO_MANIFEST_DIR"),
        row.workflow
    ));
    let input = LogInput {
        logs: vec![LogFile {
            job: row.job,
            bytes: log.as_bytes(),
        }],
        workflow: Some(WorkflowFile {
            path: PATH,
            text: &workflow,
        }),
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).expect("analyze");
    let Some(root) = analysis.root_cause() else {
        return Some("no failure found".into());
    };
    let got = (root.category, root.subject.as_deref(), root.fixable);
    let want = (row.category, row.subject, row.fixable);
    let diagnosis_ok = if row.category == Unknown {
        root.category == Unknown && !root.fixable
    } else {
        got == want
    };
    if !diagnosis_ok {
        return Some(format!("got {got:?} ({:?}), want {want:?}", root.message));
    }
    let repo = MemoryRepo::new(
        row.repo
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .chain([(PATH.to_string(), workflow.clone())]),
    );
    let failure = FailureInput::from(root);
    let outcome = fixes_for(&failure, PATH, &workflow, &repo);
    // What `autoheal fix --write` and heal write: the plan's first fix.
    let plan = autoheal_fixes::plan(std::slice::from_ref(&failure), PATH, &workflow, &repo);
    let applied = plan.fixes.first().map(|fix| {
        (
            fix.title.clone(),
            plan.files.get(PATH).cloned().unwrap_or_else(|| workflow.clone()),
        )
    });
    // What only a person is shown: the first display-only fix, when the
    // plan took none.
    let shown = outcome
        .fixes
        .iter()
        .find(|f| !f.fallback && f.applicability == Applicability::DisplayOnly)
        .filter(|_| applied.is_none())
        .map(|fix| {
            let mut files: Files = [(PATH.to_string(), workflow.clone())].into();
            for e in &fix.edits {
                if let Some((_, t)) = row.repo.iter().find(|(p, _)| *p == e.path) {
                    files.entry(e.path.clone()).or_insert_with(|| t.to_string());
                }
            }
            let changed = apply_fixes(&files, [fix]).expect("a verified fix applies");
            (
                fix.title.clone(),
                changed.get(PATH).cloned().unwrap_or_else(|| workflow.clone()),
            )
        });
    let missing = |job: Option<&str>, texts: &[&str], (title, text): &(String, String)| {
        let (before, after) = match job {
            Some(job) => (job_block(&workflow, job), job_block(text, job)),
            None => (workflow.as_str(), text.as_str()),
        };
        texts
            .iter()
            .find(|t| !after.contains(*t) || before.contains(*t))
            .map(|t| format!("the fix \"{title}\" does not add `{t}` (job {job:?}):\n{text}"))
    };
    match (row.edit, &applied, &shown) {
        (Edit::None, None, None) => None,
        (Edit::None | Edit::Shows(..), Some((title, _)), _) => Some(format!("a fix was applied: {title}")),
        (Edit::None, None, Some((title, _))) => Some(format!("a display-only fix was shown: {title}")),
        (Edit::Adds(_) | Edit::AddsInJob(..), None, Some((title, _))) => {
            Some(format!("only a display-only fix, which nothing writes: {title}"))
        }
        (Edit::Adds(_) | Edit::AddsInJob(..), None, None) => Some(format!("no fix: {:?}", outcome.manual_reason)),
        (Edit::Adds(texts), Some(fixed), _) => missing(None, texts, fixed),
        (Edit::AddsInJob(job, texts), Some(fixed), _) => missing(Some(job), texts, fixed),
        (Edit::Shows(..), None, None) => Some(format!("no fix shown: {:?}", outcome.manual_reason)),
        (Edit::Shows(job, texts), None, Some(fixed)) => missing(job, texts, fixed),
        (Edit::NeverAdds(texts), ..) => applied.iter().chain(&shown).find_map(|(title, text)| {
            texts
                .iter()
                .find(|t| text.contains(*t) && !workflow.contains(*t))
                .map(|t| format!("the fix \"{title}\" adds `{t}`:\n{text}"))
        }),
    }
}

/// The lines of job `id` (from `  {id}:` to the next job's key).
fn job_block<'a>(workflow: &'a str, id: &str) -> &'a str {
    let key = format!("\n  {id}:\n");
    let Some(at) = workflow.find(&key) else {
        return "";
    };
    let rest = &workflow[at + 1..];
    let end = rest[key.len() - 1..]
        .match_indices("\n  ")
        .find(|(i, _)| {
            let line = &rest[key.len() - 1 + i + 3..];
            !line.starts_with(' ') && !line.starts_with('#')
        })
        .map_or(rest.len(), |(i, _)| key.len() - 1 + i + 1);
    &rest[..end]
}

#[test]
fn every_workflow_variant_gets_its_diagnosis_and_edit() {
    let misses: Vec<String> = ROWS
        .iter()
        .filter_map(|row| check(row).map(|why| format!("{} with {}: {why}", row.log, row.workflow)))
        .collect();
    assert!(
        misses.is_empty(),
        "{}/{} rows right; misses:\n{}",
        ROWS.len() - misses.len(),
        ROWS.len(),
        misses.join("\n")
    );
}

#[test]
fn every_workflow_fixture_has_a_row() {
    let dir = format!("{}/tests/fixtures/workflow-variants", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(ROWS.iter().any(|r| r.workflow == name), "{name} has no row");
    }
}

/// A module missing inside pip's isolated build environment (review90 H1):
/// pip builds a source distribution's wheel in an environment holding only
/// the sdist's own build requirements, so neither a `setuptools` pin in
/// requirements.txt nor one on the failing `pip install` line reaches the
/// `setup.py` that imports `pkg_resources` (or `distutils`). Batch 60's
/// distutils log as it was written, and the same log with the module
/// setuptools 82 removed: diagnosed, named, and given no fix; a job's own
/// `import pkg_resources` at run time (batch 111's row above) keeps its
/// `setuptools<82`.
#[test]
fn a_module_missing_in_pips_build_environment_gets_no_install() {
    let distutils = read(&format!(
        "{}/../logs/tests/fixtures/variants/b60-log-failed-py312-distutils-sdist.log",
        env!("CARGO_MANIFEST_DIR")
    ));
    let pkg_resources = distutils.replace("No module named 'distutils'", "No module named 'pkg_resources'");
    assert_ne!(distutils, pkg_resources);
    let workflow = "name: CI\non: push\njobs:\n  build:\n    strategy:\n      matrix:\n        python: ['3.12']\n    \
                    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: \
                    actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python }}\n      - run: \
                    pip install -r requirements.txt\n      - run: pytest\n";
    let repo = MemoryRepo::new([
        (PATH.to_string(), workflow.to_string()),
        (
            "requirements.txt".to_string(),
            "flask==3.1.2\npyrsistent-compat==0.9.1\n".to_string(),
        ),
    ]);
    for log in [&distutils, &pkg_resources] {
        let analysis = analysis_of_build_job(log, workflow);
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(
            (root.category, root.subject.as_deref(), root.fixable),
            (MissingDependency, Some("setuptools"), false),
            "{}",
            root.message
        );
        assert!(root.message.contains("isolated build environment"), "{}", root.message);
        let outcome = fixes_for(&FailureInput::from(root), PATH, workflow, &repo);
        let applied: Vec<String> = outcome
            .fixes
            .iter()
            .filter(|f| !f.fallback)
            .map(|f| format!("{:?} {}", f.applicability, f.title))
            .collect();
        assert!(applied.is_empty(), "{applied:?}");
    }
}

/// The final read of 2026-12-07 (H2f): uv builds a source distribution in its
/// own isolated environment too (`~/.cache/uv/builds-v0/.tmp…`, reported in
/// uv's `× Failed to build` box), which a requirements pin does not reach
/// (uv takes build constraints apart: `--build-constraint`).
#[test]
fn a_module_missing_in_uvs_build_environment_gets_no_install() {
    let p = "build (ubuntu-latest, 3.12)\tRun uv pip install --system -r requirements.txt\t2026-11-27T09:30:";
    let body = [
        "06.7500000Z ##[group]Run uv pip install --system -r requirements.txt",
        "06.8000000Z uv pip install --system -r requirements.txt",
        "06.8500000Z shell: /usr/bin/bash -e {0}",
        "06.9000000Z ##[endgroup]",
        "07.0000000Z Resolved 12 packages in 310ms",
        "07.1000000Z   × Failed to build `pyrsistent-compat==0.9.1`",
        "07.1100000Z   ├─▶ The build backend returned an error",
        "07.1200000Z   ╰─▶ Call to `setuptools.build_meta:__legacy__.build_wheel` failed (exit status: 1)",
        "07.1300000Z ",
        "07.1400000Z       [stderr]",
        "07.1500000Z       Traceback (most recent call last):",
        "07.1600000Z         File \"<string>\", line 14, in <module>",
        "07.1700000Z         File \"/home/runner/.cache/uv/builds-v0/.tmpVJomG5/lib/python3.12/site-packages/setuptools/build_meta.py\", line 435, in build_wheel",
        "07.1800000Z           return _build(['bdist_wheel'])",
        "07.1900000Z         File \"<string>\", line 3, in <module>",
        "07.2000000Z       ModuleNotFoundError: No module named 'pkg_resources'",
        "07.2100000Z ",
        "07.2200000Z       hint: This usually indicates a problem with the package or the build environment.",
        "07.3000000Z ##[error]Process completed with exit code 1.",
    ];
    let log: String = body.iter().map(|l| format!("{p}{l}\n")).collect();
    let workflow = "name: CI\non: push\njobs:\n  build:\n    strategy:\n      matrix:\n        python: ['3.12']\n    \
                    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: \
                    astral-sh/setup-uv@v6\n      - run: uv pip install --system -r requirements.txt\n      - run: pytest\n";
    let repo = MemoryRepo::new([
        (PATH.to_string(), workflow.to_string()),
        (
            "requirements.txt".to_string(),
            "flask==3.1.2\npyrsistent-compat==0.9.1\n".to_string(),
        ),
    ]);
    let analysis = analysis_of_build_job(&log, workflow);
    let root = analysis.root_cause().expect("a failure");
    let outcome = fixes_for(&FailureInput::from(root), PATH, workflow, &repo);
    let applied: Vec<String> = outcome
        .fixes
        .iter()
        .filter(|f| !f.fallback)
        .map(|f| format!("{:?} {}", f.applicability, f.title))
        .collect();
    assert!(
        applied.is_empty(),
        "{applied:?} ({:?} {:?}: {})",
        root.category,
        root.subject,
        root.message
    );
}

/// Issue 12's open item: pypa/build's isolated environment (`* Creating
/// isolated environment: venv+pip...`, its traceback printed as raised,
/// then `ERROR Backend subprocess exited …`) and pip's verbose run of a hook
/// (`Running command Getting requirements to build wheel`, the traceback,
/// then the box that says only `See above for output.`) are the isolated
/// build too: a setuptools pin in requirements.txt would not reach them, so
/// the failure is named, not fixable, and gets no fix.
#[test]
fn a_module_missing_in_pypa_builds_or_pips_verbose_build_gets_no_install() {
    let traceback = [
        "Traceback (most recent call last):",
        "  File \"/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/site-packages/pyproject_hooks/_in_process/_in_process.py\", line 389, in <module>",
        "    main()",
        "  File \"/opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/site-packages/pyproject_hooks/_in_process/_in_process.py\", line 143, in get_requires_for_build_sdist",
        "    return hook(config_settings)",
        "  File \"<string>\", line 3, in <module>",
        "  File \"<string>\", line 2, in <module>",
        "  File \"<string>\", line 1, in <module>",
        "  File \"<string>\", line 1, in <module>",
        "  File \"<string>\", line 1, in <module>",
        "  File \"<string>\", line 1, in <module>",
        "  File \"<string>\", line 1, in <module>",
        "ModuleNotFoundError: No module named 'pkg_resources'",
    ];
    let build = {
        let mut lines = vec![
            "* Creating isolated environment: venv+pip...",
            "* Installing packages in isolated environment:",
            "  - setuptools >= 40.8.0",
            "* Getting build dependencies for sdist...",
        ];
        lines.extend(traceback);
        lines.extend([
            "",
            "ERROR Backend subprocess exited when trying to invoke get_requires_for_build_sdist",
        ]);
        lines
    };
    let verbose = {
        let mut lines = vec![
            "Processing /home/runner/work/app/app",
            "  Installing build dependencies: started",
            "  Installing build dependencies: finished with status 'done'",
            "  Getting requirements to build wheel: started",
            "  Running command Getting requirements to build wheel",
        ];
        lines.extend(traceback);
        lines.extend([
            "  error: subprocess-exited-with-error",
            "  × Getting requirements to build wheel did not run successfully.",
            "  │ exit code: 1",
            "  ╰─> See above for output.",
            "  note: This error originates from a subprocess, and is likely not a problem with pip.",
            "  full command: /opt/hostedtoolcache/Python/3.12.7/x64/bin/python /opt/hostedtoolcache/Python/3.12.7/x64/lib/python3.12/site-packages/pip/_vendor/pyproject_hooks/_in_process/_in_process.py get_requires_for_build_wheel /tmp/tmpd8m2",
            "  Getting requirements to build wheel: finished with status 'error'",
            "error: subprocess-exited-with-error",
        ]);
        lines
    };
    let workflow = "name: CI\non: push\njobs:\n  build:\n    strategy:\n      matrix:\n        python: ['3.12']\n    \
                    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: \
                    actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python }}\n      - run: \
                    pip install -r requirements.txt\n      - run: python -m build\n      - run: pip install -v .\n";
    let repo = MemoryRepo::new([
        (PATH.to_string(), workflow.to_string()),
        ("requirements.txt".to_string(), "build==1.2.2\n".to_string()),
    ]);
    for (command, output, whose) in [
        ("python -m build", &build, "`python -m build`"),
        ("pip install -v .", &verbose, "pip's isolated build environment"),
    ] {
        let p = format!("build (ubuntu-latest, 3.12)\tRun {command}\t2026-11-27T09:30:");
        let mut body = vec![
            format!("06.7500000Z ##[group]Run {command}"),
            format!("06.8000000Z {command}"),
            "06.8500000Z shell: /usr/bin/bash -e {0}".to_string(),
            "06.9000000Z ##[endgroup]".to_string(),
        ];
        body.extend(
            output
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{:02}.{:07}Z {l}", 7 + i / 10, i % 10)),
        );
        body.push("09.9000000Z ##[error]Process completed with exit code 1.".to_string());
        let log: String = body.iter().map(|l| format!("{p}{l}\n")).collect();
        let analysis = analysis_of_build_job(&log, workflow);
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(
            (root.category, root.subject.as_deref(), root.fixable),
            (MissingDependency, Some("setuptools"), false),
            "{command}: {}",
            root.message
        );
        assert!(root.message.contains(whose), "{command}: {}", root.message);
        let outcome = fixes_for(&FailureInput::from(root), PATH, workflow, &repo);
        let applied: Vec<String> = outcome
            .fixes
            .iter()
            .filter(|f| !f.fallback)
            .map(|f| format!("{:?} {}", f.applicability, f.title))
            .collect();
        assert!(applied.is_empty(), "{command}: {applied:?}");
    }
}

/// The analysis of one log of the `build (ubuntu-latest, 3.12)` job with its
/// workflow (the build-isolation tests' shared setup).
fn analysis_of_build_job(log: &str, workflow: &str) -> autoheal_logs::Analysis {
    analysis_of_job("build (ubuntu-latest, 3.12)", log, workflow)
}

/// The analysis of one log of the job `job` with its workflow at [`PATH`]
/// (shared with the other test modules of this binary).
pub(crate) fn analysis_of_job(job: &str, log: &str, workflow: &str) -> autoheal_logs::Analysis {
    let input = LogInput {
        logs: vec![LogFile {
            job: Some(job),
            bytes: log.as_bytes(),
        }],
        workflow: Some(WorkflowFile {
            path: PATH,
            text: workflow,
        }),
        ..LogInput::default()
    };
    analyze(&input, &Options::default()).expect("analyze")
}

/// The firmware job's log and workflow (batch 112's row) with a toolchain
/// file whose name is long enough for CMake's formatter (indent 2, width 77)
/// to put the path on its own line under `Could not find toolchain file:`.
fn wrapped_toolchain_job() -> (String, String) {
    let log = read(&format!(
        "{}/../logs/tests/fixtures/variants/b112-cmake-toolchain-file-moved-arm-none-eabi.log",
        env!("CARGO_MANIFEST_DIR")
    ))
    .replace(
        "-DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-none-eabi.cmake",
        "-DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-none-eabi-gcc-cortex-m4f.cmake",
    )
    .replace(
        "Z   Could not find toolchain file: cmake/toolchains/arm-none-eabi.cmake\n",
        "Z   Could not find toolchain file:\n2026-12-07T01:10:45.7010000Z   cmake/toolchains/arm-none-eabi-gcc-cortex-m4f.cmake\n",
    );
    assert!(log.contains("file:\n"), "fixture changed");
    let workflow = "name: firmware\non:\n  push:\njobs:\n  firmware:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          sudo apt-get update -qq\n          sudo apt-get install -y --no-install-recommends gcc-arm-none-eabi libnewlib-arm-none-eabi\n      - run: |\n          cmake -S . -B build -G Ninja \\\n            -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-none-eabi-gcc-cortex-m4f.cmake \\\n            -DCMAKE_BUILD_TYPE=MinSizeRel \\\n            -DBOARD=stm32l432\n      - run: cmake --build build\n".to_string();
    (log, workflow)
}

fn firmware_analysis(log: &str, workflow: &str) -> autoheal_logs::Analysis {
    let input = LogInput {
        logs: vec![LogFile {
            job: Some("firmware"),
            bytes: log.as_bytes(),
        }],
        workflow: Some(WorkflowFile {
            path: PATH,
            text: workflow,
        }),
        ..LogInput::default()
    };
    analyze(&input, &Options::default()).expect("analyze")
}

fn applied_titles(root: &autoheal_logs::Failure, workflow: &str, repo: &MemoryRepo) -> Vec<String> {
    fixes_for(&FailureInput::from(root), PATH, workflow, repo)
        .fixes
        .iter()
        .filter(|f| !f.fallback)
        .map(|f| format!("{:?} {}", f.applicability, f.title))
        .collect()
}

/// review91 H1: the wrapped path is the toolchain file CMake did not find;
/// the `unable to find a build program corresponding to "Ninja"` CMake
/// prints after it is its consequence, never a missing ninja to install.
#[test]
fn a_wrapped_toolchain_path_is_the_missing_file_not_a_missing_ninja() {
    let (log, workflow) = wrapped_toolchain_job();
    let analysis = firmware_analysis(&log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.subject.as_deref()),
        (
            FileNotFound,
            Some("cmake/toolchains/arm-none-eabi-gcc-cortex-m4f.cmake")
        ),
        "{}",
        root.message
    );
    for failure in &analysis.failures {
        assert_ne!(failure.subject.as_deref(), Some("ninja"), "{failure:?}");
    }
    // The file moved: the option follows it, as on one line.
    let repo = MemoryRepo::new([
        (PATH.to_string(), workflow.clone()),
        (
            "CMakeLists.txt".to_string(),
            "cmake_minimum_required(VERSION 3.25)\nproject(buoy C CXX ASM)\n".to_string(),
        ),
        (
            "toolchains/arm-none-eabi-gcc-cortex-m4f.cmake".to_string(),
            "set(CMAKE_SYSTEM_NAME Generic)\n".to_string(),
        ),
    ]);
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    let fix = outcome.fixes.iter().find(|f| !f.fallback).expect("a fix");
    let files = std::collections::BTreeMap::from([(PATH.to_string(), workflow.clone())]);
    let changed = apply_fixes(&files, [fix]).expect("a verified fix applies");
    let fixed = changed.get(PATH).cloned().unwrap_or_default();
    assert!(
        fixed.contains("-DCMAKE_TOOLCHAIN_FILE=toolchains/arm-none-eabi-gcc-cortex-m4f.cmake"),
        "{fixed}"
    );
    // Nothing in the repository: no fix, and no ninja whatever the root.
    let bare = MemoryRepo::new([(PATH.to_string(), workflow.clone())]);
    for failure in &analysis.failures {
        let applied = applied_titles(failure, &workflow, &bare);
        assert!(
            applied.iter().all(|t| !t.to_lowercase().contains("ninja")),
            "{applied:?}"
        );
    }
}

/// A toolchain file's own `FATAL_ERROR` (its text read by no entry, the
/// module heading a summary) with `CMakeDetermineSystem.cmake` on its call
/// stack: the build program and compiler errors after it are consequences,
/// so the heading stays the finding, not fixable, and no ninja is installed.
#[test]
fn a_toolchain_files_own_error_keeps_its_heading_over_cmakes_consequences() {
    let log = "2026-12-07T01:10:45.4050000Z ##[group]Run cmake -S . -B build -G Ninja --toolchain cmake/arm.cmake
2026-12-07T01:10:45.4420000Z cmake -S . -B build -G Ninja --toolchain cmake/arm.cmake
2026-12-07T01:10:45.5900000Z shell: /usr/bin/bash -e {0}
2026-12-07T01:10:45.6270000Z ##[endgroup]
2026-12-07T01:10:45.6640000Z CMake Error at cmake/arm.cmake:14 (message):
2026-12-07T01:10:45.6650000Z   ARM_TOOLCHAIN_ROOT is not set
2026-12-07T01:10:45.6660000Z Call Stack (most recent call first):
2026-12-07T01:10:45.6670000Z   /usr/local/share/cmake-3.31/Modules/CMakeDetermineSystem.cmake:146 (include)
2026-12-07T01:10:45.6680000Z   CMakeLists.txt:4 (project)
2026-12-07T01:10:45.6690000Z 
2026-12-07T01:10:45.6700000Z 
2026-12-07T01:10:45.8860000Z CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".  CMAKE_MAKE_PROGRAM is not set.  You probably need to select a different build tool.
2026-12-07T01:10:45.9230000Z CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage
2026-12-07T01:10:46.0340000Z -- Configuring incomplete, errors occurred!
2026-12-07T01:10:46.0710000Z ##[error]Process completed with exit code 1.
";
    let workflow = "name: firmware\non: push\njobs:\n  firmware:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: cmake -S . -B build -G Ninja --toolchain cmake/arm.cmake\n".to_string();
    let analysis = firmware_analysis(log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!((root.category, root.fixable), (Unknown, false), "{}", root.message);
    assert!(root.message.contains("FATAL_ERROR"), "{}", root.message);
    let repo = MemoryRepo::new([(PATH.to_string(), workflow.clone())]);
    for failure in &analysis.failures {
        assert_ne!(failure.subject.as_deref(), Some("ninja"), "{failure:?}");
        let applied = applied_titles(failure, &workflow, &repo);
        assert!(
            applied.iter().all(|t| !t.to_lowercase().contains("ninja")),
            "{applied:?}"
        );
    }
}

/// Without an earlier CMake error in its step, the build program of the
/// generator is missing indeed: ninja keeps its install.
#[test]
fn a_missing_ninja_with_no_error_before_it_keeps_its_install() {
    let log = "2026-12-07T01:10:45.4050000Z ##[group]Run cmake -S . -B build -G Ninja
2026-12-07T01:10:45.4420000Z cmake -S . -B build -G Ninja
2026-12-07T01:10:45.5900000Z shell: /usr/bin/bash -e {0}
2026-12-07T01:10:45.6270000Z ##[endgroup]
2026-12-07T01:10:45.8860000Z CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".  CMAKE_MAKE_PROGRAM is not set.  You probably need to select a different build tool.
2026-12-07T01:10:45.9230000Z CMake Error: CMAKE_C_COMPILER not set, after EnableLanguage
2026-12-07T01:10:46.0340000Z -- Configuring incomplete, errors occurred!
2026-12-07T01:10:46.0710000Z ##[error]Process completed with exit code 1.
";
    let workflow = "name: firmware\non: push\njobs:\n  firmware:\n    runs-on: ubuntu-24.04\n    container: debian:bookworm\n    steps:\n      - uses: actions/checkout@v4\n      - run: apt-get update && apt-get install -y cmake gcc\n      - run: cmake -S . -B build -G Ninja\n".to_string();
    let analysis = firmware_analysis(log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (MissingCommand, Some("ninja"), true),
        "{}",
        root.message
    );
    let repo = MemoryRepo::new([(PATH.to_string(), workflow.clone())]);
    let applied = applied_titles(root, &workflow, &repo);
    assert!(
        applied.iter().any(|t| t.to_lowercase().contains("ninja")),
        "{applied:?}"
    );
}

/// Batch 114's export step run from `ios/` (`working-directory: ios`, so the
/// command line names `ExportOptions.plist` relative to it): a fix must
/// never write a path from the repository's root into that step.
#[test]
fn an_export_options_path_relative_to_the_steps_directory_is_not_rooted_at_the_repository() {
    let log = read(&format!(
        "{}/../logs/tests/fixtures/variants/b114-xcodebuild-export-options-plist-moved-macos14.log",
        env!("CARGO_MANIFEST_DIR")
    ));
    let cd_log = log.replace(
        "-exportOptionsPlist ios/ExportOptions.plist",
        "-exportOptionsPlist ExportOptions.plist",
    );
    assert_ne!(cd_log, log, "fixture changed");
    let repo = MemoryRepo::new([
        (
            "ios/Tides.xcodeproj/project.pbxproj".to_string(),
            "// !$*UTF8*$!\n".to_string(),
        ),
        ("ios/signing/ExportOptions.plist".to_string(), "<plist/>\n".to_string()),
    ]);
    let step = "xcodebuild -exportArchive -archivePath \"$RUNNER_TEMP/Tides.xcarchive\" -exportOptionsPlist \
                ExportOptions.plist -exportPath \"$RUNNER_TEMP/export\"";
    let workflow = format!(
        "name: ios-release\non:\n  push:\njobs:\n  archive:\n    runs-on: macos-14\n    steps:\n      - uses: \
         actions/checkout@v4\n      - run: {step}\n        working-directory: ios\n"
    );
    let analysis = analysis_of_job("archive", &cd_log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, FileNotFound, "{}", root.message);
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    for fix in outcome.fixes.iter().filter(|f| !f.fallback) {
        for edit in &fix.edits {
            assert!(
                !edit.new_text.contains("ios/signing/ExportOptions.plist"),
                "{}: a root-relative path in a step run from ios/: {:?}",
                fix.title,
                edit.new_text
            );
        }
    }
}

/// Batch 117's `psql -f` job, its log and workflow with `command` in place of
/// the step's psql command and `error` in place of psql's message.
fn psql_job(command: &str, error: &str, working_directory: Option<&str>) -> (String, String) {
    let log = read(&format!(
        "{}/../logs/tests/fixtures/variants/b117-psql-f-schema-file-no-such-file.log",
        env!("CARGO_MANIFEST_DIR")
    ));
    let original = "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f db/schema.sql";
    let changed = log
        .replace(original, command)
        .replace("psql: error: db/schema.sql: No such file or directory", error);
    assert_eq!(changed.matches(command).count(), 2, "fixture changed");
    let workflow = read(&format!(
        "{}/tests/fixtures/workflow-variants/b117-psql-schema.yml",
        env!("CARGO_MANIFEST_DIR")
    ));
    let step = format!("      - run: {original}\n");
    assert!(workflow.contains(&step), "workflow fixture changed");
    let new_step = match working_directory {
        Some(dir) => format!("      - run: {command}\n        working-directory: {dir}\n"),
        None => format!("      - run: {command}\n"),
    };
    (changed, workflow.replace(&step, &new_step))
}

fn psql_repo(files: &[&str]) -> MemoryRepo {
    MemoryRepo::new(files.iter().map(|p| (p.to_string(), "select 1;\n".to_string())))
}

/// The same psql words for a file it was to write (`-o`, psql's
/// `openQueryOutputFile`): the output's directory is missing, so a tracked
/// file of that name elsewhere is no place to point the step at.
#[test]
fn a_psql_output_file_in_a_missing_directory_is_not_moved() {
    let (log, workflow) = psql_job(
        "psql \"$DATABASE_URL\" -c '\\d+ routes' -o reports/schema.txt",
        "psql: error: reports/schema.txt: No such file or directory",
        None,
    );
    let analysis = analysis_of_job("db-check", &log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!((root.category, root.fixable), (Unknown, false), "{}", root.message);
    let repo = psql_repo(&["docs/reports/schema.txt"]);
    assert!(applied_titles(root, &workflow, &repo).is_empty());
}

/// A path a SQL script names (`\i db/types.sql` inside `db/schema.sql`,
/// psql's `psql:{script}:{line}:` prefix): no workflow edit reaches it.
#[test]
fn a_path_a_sql_script_includes_is_not_fixed_in_the_workflow() {
    let (log, workflow) = psql_job(
        "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f db/schema.sql",
        "psql:db/schema.sql:3: error: db/types.sql: No such file or directory",
        None,
    );
    let analysis = analysis_of_job("db-check", &log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!((root.category, root.fixable), (Unknown, false), "{}", root.message);
    let repo = psql_repo(&["db/schema.sql", "db/sql/types.sql"]);
    assert!(applied_titles(root, &workflow, &repo).is_empty());
}

/// The step runs from `services/routes` (its `working-directory`), so `-f
/// db/schema.sql` is `services/routes/db/schema.sql`: a fix that finds it at
/// the repository's `db/sql/schema.sql` names it from the step's directory
/// (`../../db/sql/schema.sql`), never as if the step ran at the root.
#[test]
fn a_psql_file_is_named_from_the_steps_directory() {
    let (log, workflow) = psql_job(
        "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f db/schema.sql",
        "psql: error: db/schema.sql: No such file or directory",
        Some("services/routes"),
    );
    let analysis = analysis_of_job("db-check", &log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, FileNotFound, "{}", root.message);
    let repo = psql_repo(&["db/sql/schema.sql", "services/routes/README.md"]);
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    for fix in outcome.fixes.iter().filter(|f| !f.fallback) {
        for edit in &fix.edits {
            assert!(
                !edit.new_text.contains("db/sql/schema.sql") || edit.new_text.contains("../../db/sql/schema.sql"),
                "{}: a root-relative path in a step run from services/routes: {:?}",
                fix.title,
                edit.new_text
            );
        }
    }
}

/// Batch 121's wasm-pack log and workflow, with `run` in place of the
/// wasm-pack step.
fn wasm_pack_job(run: &str) -> (String, String) {
    let log = read(&format!(
        "{}/../logs/tests/fixtures/variants/b121-wasm-pack-crate-directory-missing-cargo-toml-log-failed.log",
        env!("CARGO_MANIFEST_DIR")
    ));
    let workflow = read(&format!(
        "{}/tests/fixtures/workflow-variants/b121-wasm-pack-build.yml",
        env!("CARGO_MANIFEST_DIR")
    ));
    let step = "      - run: wasm-pack build crates/web --target bundler --out-dir ../../site/pkg\n";
    assert!(workflow.contains(step), "workflow fixture changed");
    (log, workflow.replace(step, run))
}

/// The files of the wasm-pack rows' repository (the crate under `dir`).
fn wasm_pack_repo(dir: &str) -> MemoryRepo {
    MemoryRepo::new([
        (format!("{dir}/Cargo.toml"), "[package]\nname = \"canvas-web\"\n"),
        (format!("{dir}/src/lib.rs"), "pub fn draw() {}\n"),
        ("site/package.json".to_string(), "{}\n"),
    ])
}

/// What the fixes make of the failure `log` reports in the `build-wasm` job:
/// its subject, the fixes offered (fallbacks aside, as "Level title") and the
/// reason given for a person.
fn wasm_pack_outcome(log: &str, workflow: &str, repo: &MemoryRepo) -> (Option<String>, Vec<String>, String) {
    let analysis = analysis_of_job("build-wasm", log, workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, FileNotFound, "{}", root.message);
    let outcome = fixes_for(&FailureInput::from(root), PATH, workflow, repo);
    let offered = outcome
        .fixes
        .iter()
        .filter(|f| !f.fallback)
        .map(|f| format!("{:?} {}", f.applicability, f.title))
        .collect();
    (root.subject.clone(), offered, outcome.manual_reason.unwrap_or_default())
}

/// The same wasm-pack refusal in a step that also names the manifest under
/// that directory (a later `cargo test --manifest-path`): the crate moved to
/// `web/`, but a rewrite of `crates/web/Cargo.toml` alone would leave
/// wasm-pack's `crates/web` as it was, a fix that repairs the line that did
/// not fail (it was offered Safe before `directory_named_alone`).
#[test]
fn a_manifest_whose_directory_the_step_also_names_alone_is_not_rewritten() {
    let (log, workflow) = wasm_pack_job(
        "      - run: |\n          wasm-pack build crates/web --target bundler --out-dir ../../site/pkg\n          \
         cargo test --manifest-path crates/web/Cargo.toml\n",
    );
    let (subject, offered, reason) = wasm_pack_outcome(&log, &workflow, &wasm_pack_repo("web"));
    assert_eq!(subject.as_deref(), Some("crates/web/Cargo.toml"));
    assert!(reason.contains("names `crates/web` on its own"), "{reason}");
    assert!(offered.is_empty(), "{offered:?}");
}

fn rubocop_job(command: &str, error: &str, step_extra: &str) -> (String, String) {
    let log = read(&format!(
        "{}/../logs/tests/fixtures/variants/b119-rubocop-config-file-moved-log-failed.log",
        env!("CARGO_MANIFEST_DIR")
    ));
    let original = "bundle exec rubocop --config .github/linters/.rubocop.yml --format github";
    let changed = log.replace(original, command).replace(
        "Configuration file not found: /home/runner/work/dispatch/dispatch/.github/linters/.rubocop.yml",
        error,
    );
    assert_eq!(changed.matches(command).count(), 2, "fixture changed");
    let workflow = read(&format!(
        "{}/tests/fixtures/workflow-variants/b119-rubocop-config.yml",
        env!("CARGO_MANIFEST_DIR")
    ));
    let step = format!("        run: {original}\n");
    assert!(workflow.contains(&step), "workflow fixture changed");
    (
        changed,
        workflow.replace(&step, &format!("        run: {command}\n{step_extra}")),
    )
}

fn rubocop_repo(files: &[&str]) -> MemoryRepo {
    MemoryRepo::new(
        files
            .iter()
            .map(|p| (p.to_string(), "AllCops:\n  NewCops: enable\n".to_string())),
    )
}

/// The same RuboCop words for a file the configuration the step gives
/// inherits (`inherit_from: .rubocop_todo.yml`): not the step's `--config`,
/// so no edit of the workflow, even with a file of that name elsewhere.
#[test]
fn a_file_rubocop_s_configuration_inherits_is_not_moved_in_the_workflow() {
    let (log, workflow) = rubocop_job(
        "bundle exec rubocop --config .github/linters/.rubocop.yml --format github",
        "Configuration file not found: /home/runner/work/dispatch/dispatch/.rubocop_todo.yml",
        "",
    );
    let analysis = analysis_of_job("rubocop", &log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(
        (root.category, root.subject.as_deref(), root.fixable),
        (FileNotFound, Some(".rubocop_todo.yml"), false),
        "{}",
        root.message
    );
    let repo = rubocop_repo(&[".github/linters/.rubocop.yml", "config/.rubocop_todo.yml"]);
    assert!(applied_titles(root, &workflow, &repo).is_empty());
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    assert!(outcome.fixes.iter().all(|f| f.fallback), "{:?}", outcome.fixes);
}

/// The step runs from `backend` (its `working-directory`), which the log
/// does not show: the missing `backend/.rubocop-ci.yml` is not what the
/// step's `--config .rubocop-ci.yml` reads as printed, so no fix rewrites the
/// option as if the step ran at the root.
#[test]
fn a_rubocop_config_under_a_working_directory_is_not_named_from_the_root() {
    let (log, workflow) = rubocop_job(
        "bundle exec rubocop --config .rubocop-ci.yml",
        "Configuration file not found: /home/runner/work/dispatch/dispatch/backend/.rubocop-ci.yml",
        "        working-directory: backend\n",
    );
    let analysis = analysis_of_job("rubocop", &log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    assert_eq!(root.category, FileNotFound, "{}", root.message);
    let repo = rubocop_repo(&["config/lint/.rubocop-ci.yml", "backend/Gemfile"]);
    assert!(applied_titles(root, &workflow, &repo).is_empty());
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    for fix in outcome.fixes.iter().filter(|f| !f.fallback) {
        for edit in &fix.edits {
            assert!(
                !edit.new_text.contains("config/lint/.rubocop-ci.yml")
                    || edit.new_text.contains("../config/lint/.rubocop-ci.yml"),
                "{}: a root-relative path in a step run from backend: {:?}",
                fix.title,
                edit.new_text
            );
        }
    }
}

/// A Windows leg's PowerShell step (`--config .github\linters\.rubocop.yml`,
/// Ruby's `D:/a/…` expanded path): whatever is offered names the moved file
/// with a path PowerShell reads, and nothing is written without a person.
#[test]
fn a_rubocop_config_on_a_windows_step_is_never_written() {
    let (log, workflow) = rubocop_job(
        "bundle exec rubocop --config .github\\linters\\.rubocop.yml --format github",
        "Configuration file not found: D:/a/dispatch/dispatch/.github/linters/.rubocop.yml",
        "        shell: pwsh\n",
    );
    let workflow = workflow.replace(
        "  rubocop:\n    runs-on: ubuntu-24.04",
        "  rubocop:\n    runs-on: windows-2022",
    );
    let analysis = analysis_of_job("rubocop", &log, &workflow);
    let root = analysis.root_cause().expect("a failure");
    // The POSIX reading of the script does not follow its backslashes: the
    // option is not confirmed, so the file is named and not fixed.
    assert_eq!((root.category, root.fixable), (FileNotFound, false), "{}", root.message);
    let repo = rubocop_repo(&[".rubocop.yml"]);
    assert!(applied_titles(root, &workflow, &repo).is_empty());
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    for fix in outcome.fixes.iter().filter(|f| !f.fallback) {
        for edit in &fix.edits {
            assert!(
                !edit.new_text.contains(".github\\linters") && !edit.new_text.contains(".github/linters"),
                "{}: the old path is kept: {:?}",
                fix.title,
                edit.new_text
            );
        }
    }
}

/// The same refusal for a directory of one part (review94 H): batch 121's
/// wasm-pack log and workflow with the crate at `web/` (`wasm-pack build web`
/// beside `cargo test --manifest-path web/Cargo.toml`) and the crate since
/// moved to `crates/web/`. A rewrite of the manifest alone left wasm-pack's
/// `web`, the line that failed, as it was, and was offered Safe. A one-part
/// word that is a command's own name (`npx prisma`) still does not count
/// (`file_not_found/directory.rs`' unit test; batch 102's Prisma row above).
#[test]
fn a_one_part_directory_the_step_also_names_alone_is_not_rewritten() {
    let (log, workflow) = wasm_pack_job(
        "      - run: |\n          wasm-pack build web --target bundler --out-dir ../site/pkg\n          \
         cargo test --manifest-path web/Cargo.toml\n",
    );
    let log = log
        .replace("--out-dir ../../site/pkg", "--out-dir ../site/pkg")
        .replace("crates/web", "web");
    let (subject, offered, reason) = wasm_pack_outcome(&log, &workflow, &wasm_pack_repo("crates/web"));
    assert_eq!(subject.as_deref(), Some("web/Cargo.toml"));
    assert!(offered.is_empty(), "{offered:?}");
    assert!(reason.contains("names `web` on its own"), "{reason}");
}

/// The same refusal when the step writes the directory with a trailing slash
/// (`wasm-pack build crates/web/`, which wasm-pack's message keeps) or names
/// it through the step's `env:` (`wasm-pack build $CRATE`) (finfix21 H and
/// L): the crate moved to `web/`, and a rewrite of cargo's manifest alone
/// would leave the line that failed as it was.
#[test]
fn a_directory_named_with_a_slash_or_through_env_is_not_left_behind() {
    let repo = wasm_pack_repo("web");
    let slash = (
        "wasm-pack build crates/web/ --target",
        "      - run: |\n          wasm-pack build crates/web/ --target bundler --out-dir ../../site/pkg\n          \
         cargo test --manifest-path crates/web/Cargo.toml\n",
    );
    let env = (
        "wasm-pack build $CRATE --target",
        "      - run: |\n          wasm-pack build $CRATE --target bundler --out-dir ../../site/pkg\n          \
         cargo test --manifest-path crates/web/Cargo.toml\n        env:\n          CRATE: crates/web\n",
    );
    for (command, run) in [slash, env] {
        let (log, workflow) = wasm_pack_job(run);
        let log = log.replace("wasm-pack build crates/web --target", command);
        let log = if command.contains("web/") {
            log.replace("is `crates/web` the", "is `crates/web/` the")
        } else {
            log
        };
        let (subject, offered, reason) = wasm_pack_outcome(&log, &workflow, &repo);
        assert_eq!(subject.as_deref(), Some("crates/web/Cargo.toml"), "{command}");
        assert!(offered.is_empty(), "{command}: {offered:?}");
        assert!(reason.contains("names `crates/web` on its own"), "{command}: {reason}");
    }
    // The same variable set in the workflow's own `env:`, which every step
    // sees (it was read only from the step's and the job's).
    let run = "      - run: |\n          wasm-pack build $CRATE --target bundler --out-dir ../../site/pkg\n          \
         cargo test --manifest-path crates/web/Cargo.toml\n";
    let (log, workflow) = wasm_pack_job(run);
    let log = log.replace("wasm-pack build crates/web --target", "wasm-pack build $CRATE --target");
    let workflow = workflow.replacen("jobs:\n", "env:\n  CRATE: crates/web\njobs:\n", 1);
    assert!(workflow.contains("env:\n  CRATE: crates/web\njobs:"), "{workflow}");
    let (subject, offered, reason) = wasm_pack_outcome(&log, &workflow, &repo);
    assert_eq!(subject.as_deref(), Some("crates/web/Cargo.toml"));
    assert!(offered.is_empty(), "workflow env: {offered:?}");
    assert!(
        reason.contains("names `crates/web` on its own"),
        "workflow env: {reason}"
    );
}
