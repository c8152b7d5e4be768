use crate::test_support::*;
use crate::{Category, FailureInput, PythonVersion};

fn missing(subject: &str) -> FailureInput {
    FailureInput::new(Category::MissingDependency, Some(subject)).in_job("test")
}

/// As the diagnosis gives it: the module, the distribution, where it came from.
fn import(module: &str, dist: &str, known: bool) -> FailureInput {
    let mut f = missing(dist).at_step_name("Test");
    f.module = Some(module.to_string());
    f.known_distribution = known;
    f
}

const PIP_LINE: &str = "\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: '3.12'}
      - name: Install
        run: |
          python -m pip install --upgrade pip
          pip install -r requirements.txt pytest   # test deps
      - name: Test
        run: pytest --cov=app tests/
";

#[test]
fn extends_the_nearest_project_pip_install_line_before_its_comment() {
    let plain = PIP_LINE.replace("pip install -r requirements.txt pytest", "pip install pytest");
    let out = apply_only(&missing("pytest-cov").at_step_name("Test"), &plain);
    assert_eq!(
        out,
        plain.replace(
            "pip install pytest   # test deps",
            "pip install pytest pytest-cov   # test deps"
        )
    );
    // The option alone names the plugin through the table.
    assert_eq!(apply_only(&missing("--cov=app").at_step_name("Test"), &plain), out);
}

/// pip's arguments are read as the shell passes them (issue 12): a quoted
/// requirement (`"pip>=23"`) is the tool `pip`, so a line that only upgrades
/// the packaging tools is no project install line to extend, and a quoted
/// package counts as named.
#[test]
fn quoted_pip_arguments_are_read_without_their_quotes() {
    let tools_last = PIP_LINE.replace(
        "          python -m pip install --upgrade pip\n          pip install -r requirements.txt pytest   # test deps\n",
        "          pip install pytest\n          python -m pip install --upgrade \"pip>=23\" 'wheel'\n",
    );
    let out = apply_only(&missing("pytest-cov").at_step_name("Test"), &tools_last);
    assert!(
        out.contains(
            "          pip install pytest pytest-cov\n          python -m pip install --upgrade \"pip>=23\" 'wheel'\n"
        ),
        "{out}"
    );
}

/// A line reading a requirements file the fix cannot read (no repository
/// view, or the file is generated in the job: `poetry export` writes hashes
/// by default) is not extended: the file may turn on pip's hash checking,
/// which a bare name breaks (review87 H1). A step of its own is a separate
/// pip run, safe either way.
#[test]
fn a_line_whose_requirements_file_is_unread_gets_a_step_of_its_own() {
    let out = apply_only(&missing("pytest-cov").at_step_name("Test"), PIP_LINE);
    assert!(
        out.contains("pip install -r requirements.txt pytest   # test deps\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "      - name: Install dependencies\n        run: python -m pip install pytest-cov\n      - name: Test\n"
        ),
        "{out}"
    );
}

#[test]
fn extends_the_requirements_file_the_workflow_installs_from() {
    let repo = repo(&[("requirements.txt", "requests==2.32.0\r\nflask\r\n")]);
    let f = import("yaml", "PyYAML", true);
    let files = apply_with_repo(&f, PIP_LINE, &repo);
    assert_eq!(files["requirements.txt"], "requests==2.32.0\r\nflask\r\nPyYAML\r\n");
    assert_eq!(files[PATH], PIP_LINE, "the workflow is untouched");
    let fixed = autoheal_engine::repo::MemoryRepo::new(files.clone());
    assert!(
        crate::fixes_for(&f, PATH, PIP_LINE, &fixed).fixes.is_empty(),
        "once there, nothing more to add"
    );
}

/// The `-r` file is a path from the workspace: under a checkout's `path:
/// app` the repository's `requirements.txt` is `app/requirements.txt`, and
/// the repository's own `app/requirements.txt` (another file) is never the
/// one extended; before the job checks the repository out, no file of it
/// is.
#[test]
fn the_requirements_file_is_the_repositorys_only_where_the_checkout_put_it() {
    let repo = repo(&[("requirements.txt", "flask\n"), ("app/requirements.txt", "django\n")]);
    let f = import("yaml", "PyYAML", true);
    let under_app = PIP_LINE
        .replace(
            "      - uses: actions/checkout@v4\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: app\n",
        )
        .replace("-r requirements.txt", "-r app/requirements.txt");
    let files = apply_with_repo(&f, &under_app, &repo);
    assert_eq!(files["requirements.txt"], "flask\nPyYAML\n", "{files:?}");
    assert_eq!(files.get("app/requirements.txt"), None, "untouched");
    let before = PIP_LINE.replace("      - uses: actions/checkout@v4\n", "").replace(
        "        run: pytest --cov=app tests/\n",
        "        run: pytest --cov=app tests/\n      - uses: actions/checkout@v4\n",
    );
    let files = apply_with_repo(&f, &before, &repo);
    assert_eq!(files.get("requirements.txt"), None, "{files:?}");
    // Its `-r` file unknown there, the line is not extended either: the
    // module is installed by a step of its own.
    assert!(
        files[PATH].contains("run: python -m pip install PyYAML"),
        "{}",
        files[PATH]
    );
}

/// The `-r` file is read where the line runs: the job's default working
/// directory counts, and a computed one (a matrix value) leaves the file
/// unknown, so the root's file of the same name is never the one extended
/// (round 6 of the fix shapes); the install line itself is.
#[test]
fn the_requirements_file_is_the_one_in_the_lines_working_directory() {
    let in_dir = |dir: &str| {
        PIP_LINE.replace(
            "    runs-on: ubuntu-latest\n",
            &format!("    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: {dir}\n"),
        )
    };
    let repo = repo(&[
        ("requirements.txt", "pre-commit\n"),
        ("api/requirements.txt", "flask\n"),
    ]);
    let f = import("yaml", "PyYAML", true);
    let literal = in_dir("api");
    let files = apply_with_repo(&f, &literal, &repo);
    assert_eq!(files["api/requirements.txt"], "flask\nPyYAML\n");
    assert!(!files.contains_key("requirements.txt"), "{files:?}");
    let computed = in_dir("services/${{ matrix.package }}");
    let files = apply_with_repo(&f, &computed, &repo);
    assert!(
        !files.contains_key("requirements.txt"),
        "the root's file is not the leg's: {files:?}"
    );
    // The leg's file is unread, so its line is not extended either (it may
    // pin hashes: review87 H1); the install gets a step of its own.
    assert!(
        files[PATH].contains("requirements.txt pytest   # test deps\n"),
        "{}",
        files[PATH]
    );
    assert!(
        files[PATH].contains("run: python -m pip install PyYAML\n"),
        "{}",
        files[PATH]
    );
}

/// A `cd`/`pushd` before the install (earlier on its line or on an earlier
/// line of the script) moves it elsewhere: its `-r` file is not the root's
/// file of the same name, so that file is neither extended nor read as
/// installing the package (review83 H1); the line is not extended either,
/// since the unread file may pin hashes (review87 H1): the install gets a
/// step of its own.
#[test]
fn a_cd_before_the_install_leaves_its_requirements_file_unknown() {
    let repo = repo(&[
        ("requirements.txt", "pre-commit\nPyYAML\n"),
        ("services/api/requirements.txt", "flask\n"),
    ]);
    let f = import("yaml", "PyYAML", true);
    for install in [
        "cd services/api\n          pip install -r requirements.txt pytest",
        "cd services/api && pip install -r requirements.txt pytest",
        "pushd services/api\n          pip install -r requirements.txt pytest",
        "echo go; cd services/api; pip install -r requirements.txt pytest",
    ] {
        let wf = PIP_LINE.replace("pip install -r requirements.txt pytest", install);
        let files = apply_with_repo(&f, &wf, &repo);
        assert!(!files.contains_key("requirements.txt"), "{install}: {files:?}");
        assert!(!files[PATH].contains("pytest PyYAML"), "{install}: {}", files[PATH]);
        assert!(
            files[PATH].contains("run: python -m pip install PyYAML\n"),
            "{install}: {}",
            files[PATH]
        );
    }
    // A subshell or a shell's command string: the `cd` inside is read, and the
    // package goes inside the command, before its `)` or closing quote.
    for (install, extended) in [
        (
            "(cd services/api; pip install pytest)",
            "(cd services/api; pip install pytest PyYAML)",
        ),
        (
            "bash -c \"cd services/api && pip install pytest\"",
            "bash -c \"cd services/api && pip install pytest PyYAML\"",
        ),
        (
            "sh -ec 'cd services/api; pip install pytest; pip check'",
            "sh -ec 'cd services/api; pip install pytest PyYAML; pip check'",
        ),
        // Quotes the install's own arguments open are words, not the end of
        // the command (review84 H2: `-e ".[test]"` became `-e PyYAML
        // ".[test]"`), and an enclosing string's quote still ends it.
        ("pip install -e \".[test]\"", "pip install -e \".[test]\" PyYAML"),
        (
            "pip install -e '.[test]' pytest",
            "pip install -e '.[test]' pytest PyYAML",
        ),
        (
            "pip install --index-url \"https://pypi.example/simple\" pytest",
            "pip install --index-url \"https://pypi.example/simple\" pytest PyYAML",
        ),
        (
            "bash -c \"pip install -e '.[test]' && pytest\"",
            "bash -c \"pip install -e '.[test]' PyYAML && pytest\"",
        ),
        (
            "sh -c 'pip install \"requests[socks]>=2\"'",
            "sh -c 'pip install \"requests[socks]>=2\" PyYAML'",
        ),
    ] {
        let wf = PIP_LINE.replace("pip install -r requirements.txt pytest   # test deps", install);
        let files = apply_with_repo(&f, &wf, &repo);
        assert!(!files.contains_key("requirements.txt"), "{install}: {files:?}");
        assert!(files[PATH].contains(extended), "{install}: {}", files[PATH]);
    }
    // A quoted requirements file is read as the file it names.
    let quoted = PIP_LINE.replace(
        "pip install -r requirements.txt pytest   # test deps",
        "pip install -r \"requirements.txt\" pytest",
    );
    let files = apply_with_repo(&f, &quoted, &self::repo(&[("requirements.txt", "flask\n")]));
    assert!(
        files.get("requirements.txt").is_some_and(|t| t.contains("PyYAML")),
        "{files:?}"
    );
    // A `cd` after the install, or `cd` as an argument, changes nothing.
    let after = PIP_LINE.replace(
        "pip install -r requirements.txt pytest   # test deps",
        "pip install -r requirements.txt pytest   # test deps\n          cd docs",
    );
    let out = crate::fixes_for(&f, PATH, &after, &repo);
    assert!(out.fixes.is_empty(), "the root's file installs it: {:?}", out.fixes);
}

#[test]
fn only_an_install_that_runs_is_extended_and_never_inside_a_substitution() {
    // review85 H2–H4 and M1: each line below was edited wrongly (the package
    // inside `$(…)`, an echo's text extended, the `2` of `2>&1` left as an
    // argument, the root's file extended under a `cd` the shell's options hid).
    let repo = repo(&[
        ("requirements.txt", "pre-commit\n"),
        ("services/api/requirements.txt", "flask\n"),
    ]);
    let f = import("yaml", "PyYAML", true);
    let install = "pip install -r requirements.txt pytest   # test deps";
    // Substitutions: their line is not extended (the next step gets the install).
    for line in [
        "pip install $(grep -v '^#' extra.txt) pytest",
        "pip install pytest $(cat extra.txt)",
        "pip install pytest `cat extra.txt`",
        "pip install \"$(cat extra.txt)\" pytest",
    ] {
        let wf = PIP_LINE.replace(install, line);
        let files = apply_with_repo(&f, &wf, &repo);
        assert!(
            files[PATH].contains(line),
            "{line}: the line is untouched: {}",
            files[PATH]
        );
        assert!(!files.contains_key("requirements.txt"), "{line}: {files:?}");
    }
    // An echo of the words is no install; the real install line is extended.
    for (line, want) in [
        (
            "pip install -r requirements.txt pytest\n          echo \"pip install finished\"",
            "echo \"pip install finished\"",
        ),
        (
            "echo \"pip install foo\" && pip install pytest",
            "echo \"pip install foo\" && pip install pytest PyYAML",
        ),
        // An assignment's quoted value is text too (review86 M4).
        (
            "pip install -r requirements.txt pytest\n          MSG=\"pip install finished\"",
            "MSG=\"pip install finished\"",
        ),
        // The redirection keeps its file descriptor.
        (
            "pip install pytest 2>&1 | tee pip.log",
            "pip install pytest PyYAML 2>&1 | tee pip.log",
        ),
        ("pip install pytest >pip.log", "pip install pytest PyYAML >pip.log"),
    ] {
        let wf = PIP_LINE.replace(install, line);
        let files = apply_with_repo(&f, &wf, &repo);
        assert!(files[PATH].contains(want), "{line}: {}", files[PATH]);
        assert!(!files[PATH].contains("finished PyYAML"), "{line}: {}", files[PATH]);
    }
    // A `cd` behind a shell's valued options or sudo's user: the root's file
    // is not the one installed.
    for line in [
        "bash -o pipefail -c \"cd services/api && pip install -r requirements.txt pytest\"",
        "sudo -u runner bash -c \"cd services/api && pip install -r requirements.txt pytest\"",
    ] {
        let wf = PIP_LINE.replace(install, line);
        let files = apply_with_repo(&f, &wf, &repo);
        assert!(!files.contains_key("requirements.txt"), "{line}: {files:?}");
        assert!(files[PATH].contains(line), "{line}: untouched: {}", files[PATH]);
        assert!(
            files[PATH].contains("run: python -m pip install PyYAML\n"),
            "{line}: {}",
            files[PATH]
        );
    }
}

#[test]
fn a_hash_checked_or_offline_install_gets_no_bare_name() {
    // review86 H1: pip's hash-checking mode is all or nothing, so a bare
    // `PyYAML` beside hashed requirements made pip refuse the whole install.
    let f = import("yaml", "PyYAML", true);
    let hashed = "requests==2.32.0 \\\n    --hash=sha256:5536\n";
    let install = "pip install -r requirements.txt pytest   # test deps";
    let refused = "refuse the whole install";
    let local = "only from the local archives";
    for (line, files, why_part) in [
        (
            "pip install -r requirements.txt",
            vec![("requirements.txt", hashed)],
            refused,
        ),
        (
            "pip install -r requirements.txt",
            vec![("requirements.txt", "-r base.txt\n"), ("base.txt", hashed)],
            refused,
        ),
        // Includes are followed at any depth, relative to the including file
        // (review87 H1).
        (
            "pip install -r requirements.txt",
            vec![
                ("requirements.txt", "-r reqs/base.txt\n"),
                ("reqs/base.txt", "--requirement=../lock/all.txt\n"),
                ("lock/all.txt", hashed),
            ],
            refused,
        ),
        (
            "pip install --require-hashes -r requirements.txt",
            vec![("requirements.txt", "requests==2.32.0\n")],
            refused,
        ),
        (
            "pip install --no-index --find-links wheels -r requirements.txt",
            vec![("requirements.txt", "requests==2.32.0\n")],
            local,
        ),
    ] {
        let wf = PIP_LINE.replace(install, line);
        let o = crate::fixes_for(&f, PATH, &wf, &repo(&files));
        assert!(o.fixes.is_empty(), "{line}: {:?}", o.fixes);
        let why = o.manual_reason.unwrap_or_default();
        assert!(why.contains(why_part), "{line}: {why}");
        // Each cause gets its own advice (review87 L2).
        assert_eq!(why.contains("--generate-hashes"), why_part == refused, "{line}: {why}");
    }
    // Written over several lines or inside a compound command, the options
    // still refuse a bare name (final review M2).
    for (line, why_part) in [
        (
            "pip install --require-hashes \\\n            -r requirements.txt",
            refused,
        ),
        (
            "pip install --no-index \\\n            --find-links wheels -r requirements.txt",
            local,
        ),
        (
            "if true; then pip install --require-hashes -r requirements.txt; fi",
            refused,
        ),
    ] {
        let wf = PIP_LINE.replace(install, line);
        let o = crate::fixes_for(&f, PATH, &wf, &repo(&[("requirements.txt", "requests==2.32.0\n")]));
        assert!(o.fixes.is_empty(), "{line}: {:?}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains(why_part), "{line}");
    }
    // pip reads the modes from the environment too (review87 L1): at the
    // workflow's, the job's or the install step's `env:`; a value pip reads
    // as false leaves them off.
    let plain = vec![("requirements.txt", "requests==2.32.0\n")];
    for (anchor, env, why_part) in [
        ("jobs:\n", "env:\n  PIP_REQUIRE_HASHES: '1'\n", refused),
        ("    runs-on:", "    env:\n      PIP_NO_INDEX: \"true\"\n", local),
        (
            "        run: |\n          python -m pip",
            "        env:\n          PIP_REQUIRE_HASHES: ${{ vars.HASHES }}\n",
            refused,
        ),
    ] {
        let wf = PIP_LINE.replacen(anchor, &format!("{env}{anchor}"), 1);
        let o = crate::fixes_for(&f, PATH, &wf, &repo(&plain));
        assert!(o.fixes.is_empty(), "{env}: {:?}\n{wf}", o.fixes);
        assert!(o.manual_reason.unwrap_or_default().contains(why_part), "{env}");
    }
    let off = PIP_LINE.replacen("\njobs:", "\nenv:\n  PIP_REQUIRE_HASHES: 'off'\njobs:", 1);
    let files = apply_with_repo(&f, &off, &repo(&plain));
    assert_eq!(files["requirements.txt"], "requests==2.32.0\nPyYAML\n");
    // A requirements file the fix cannot read (moved by a `cd`, outside the
    // workspace, included from such a place) may pin hashes: neither it nor
    // the line is extended; the install is a step of its own (review87 H1).
    for (line, files) in [
        (
            "cd app && pip install -r requirements.txt",
            vec![("app/requirements.txt", hashed)],
        ),
        (
            "pip install -r requirements.txt",
            vec![("requirements.txt", "-r ../lock.txt\n")],
        ),
        (
            "pip install -r requirements.txt",
            vec![("requirements.txt", "flask\n-r generated.txt\n")],
        ),
    ] {
        let wf = PIP_LINE.replace(install, line);
        let files = apply_with_repo(&f, &wf, &repo(&files));
        assert!(!files.contains_key("requirements.txt"), "{line}: {files:?}");
        assert!(files[PATH].contains(&format!("{line}\n")), "{line}: {}", files[PATH]);
        assert!(
            files[PATH].contains("run: python -m pip install PyYAML\n"),
            "{line}: {}",
            files[PATH]
        );
    }
    // `--no-deps` is not extended (the name would come without its own
    // dependencies); the install gets a step of its own.
    let wf = PIP_LINE.replace(install, "pip install --no-deps -r requirements.txt pytest");
    let files = apply_with_repo(&f, &wf, &repo(&[("requirements.txt", "requests==2.32.0\n")]));
    assert!(
        files[PATH].contains("--no-deps -r requirements.txt pytest\n"),
        "{}",
        files[PATH]
    );
    assert!(!files.contains_key("requirements.txt"), "{files:?}");
    assert!(files[PATH].contains("pip install PyYAML"), "{}", files[PATH]);
}

#[test]
fn tomllib_is_never_fixed_with_tomli() {
    // A pinned older Python is raised; nothing is installed.
    let old = PIP_LINE.replace("python-version: '3.12'", "python-version: '3.10'");
    let f = import("tomllib", "tomli", true);
    let fixes = outcome(&f, &old).fixes;
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    assert!(fixes[0].edits.iter().all(|e| e.new_text == "'3.11'"), "{fixes:?}");
    // No setup-python: the Python the log shows is not the workflow's to raise.
    let mut f = import("tomllib", "tomli", true);
    f.python = Some(PythonVersion::new(3, 9));
    let bare = "on: push\njobs:\n  test:\n    runs-on: ubuntu-22.04\n    steps:\n      - name: Test\n        run: python -m app\n";
    let why = manual_reason(&f, bare);
    assert!(why.contains("standard library only from 3.11"), "{why}");
    assert!(why.contains("does not set up Python"), "{why}");
    assert!(!why.contains("pip install tomli"), "{why}");
}

#[test]
fn distutils_on_3_12_comes_from_setuptools() {
    let f = import("distutils", "setuptools", true);
    let files = apply_with_repo(&f, PIP_LINE, &repo(&[("requirements.txt", "flask\n")]));
    assert_eq!(files["requirements.txt"], "flask\nsetuptools\n");
}

#[test]
fn only_trusted_distributions_are_installed() {
    // A guessed name nobody vouches for.
    let why = manual_reason(&import("pydivsufsort", "pydivsufsort", false), PIP_LINE);
    assert!(why.contains("not in autoheal's module table"), "{why}");
    // The repository already depends on it.
    let repo = repo(&[("requirements/dev.txt", "pydivsufsort>=0.0.14\n")]);
    let o = crate::fixes_for(&import("pydivsufsort", "pydivsufsort", false), PATH, PIP_LINE, &repo);
    assert!(
        o.fixes[0]
            .explanation
            .contains("already depends on it in `requirements/dev.txt`"),
        "{:?}",
        o
    );
    // A look-alike of a popular distribution, even when a dependency file
    // names it and the module table is claimed.
    let repo = repo_files(&[("requirements.txt", "reqeusts\n")]);
    for f in [
        import("reqeusts", "reqeusts", false),
        import("colourama", "colourama", true),
    ] {
        let o = crate::fixes_for(&f, PATH, PIP_LINE, &repo);
        assert!(o.fixes.is_empty(), "{:?}", o.fixes);
        assert!(o.manual_reason.as_deref().unwrap().contains("one slip away"), "{o:?}");
    }
    let why = manual_reason(&missing("python-dateutils").at_step_name("Test"), PIP_LINE);
    assert!(why.contains("`python-dateutil`"), "{why}");
}

fn repo_files(files: &[(&str, &str)]) -> autoheal_engine::repo::MemoryRepo {
    repo(files)
}

#[test]
fn the_step_environment_decides_where_the_install_goes() {
    let pipenv = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install pipenv\n      - run: pipenv install --dev\n      - name: Test\n        run: pipenv run pytest\n";
    let out = apply_only(&import("yaml", "PyYAML", true), pipenv);
    assert!(
        out.contains(
            "      - name: Install dependencies\n        run: pipenv run pip install PyYAML\n      - name: Test\n"
        ),
        "the tool bootstrap line `pip install pipenv` is not the project's environment: {out}"
    );
    let poetry = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: snok/install-poetry@v1\n      - run: poetry install --no-root\n      - name: Test\n        run: poetry run pytest\n";
    assert!(
        apply_only(&import("bs4", "beautifulsoup4", true), poetry)
            .contains("        run: poetry run pip install beautifulsoup4\n      - name: Test\n")
    );
    let uv = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: astral-sh/setup-uv@v5\n      - run: uv sync\n      - name: Test\n        run: uv run pytest\n";
    assert!(
        apply_only(&import("cv2", "opencv-python", true), uv)
            .contains("        run: uv pip install opencv-python\n      - name: Test\n")
    );
    let pipx = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pipx install nox-runner\n      - name: Test\n        run: nox-runner -s tests\n";
    assert!(apply_only(&import("yaml", "PyYAML", true), pipx).contains("run: pipx inject nox-runner PyYAML\n"));
    let tox = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install tox\n      - name: Test\n        run: tox -e py312\n";
    assert!(manual_reason(&import("yaml", "PyYAML", true), tox).contains("tox.ini"));
}

/// A project whose tool locks its dependencies gets no install in the
/// workflow (that would hide the undeclared dependency, and a manifest
/// edited without its lock fails locked installs): the reason names the
/// tool's own command. The lock is looked for beside the step's working
/// directory and at the root.
#[test]
fn a_locked_project_gets_its_tools_command_not_an_install() {
    let f = import("yaml", "PyYAML", true);
    let poetry = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: poetry install\n      - name: Test\n        run: poetry run pytest\n";
    let locked = repo(&[("poetry.lock", "# Poetry\n")]);
    let why = crate::fixes_for(&f, PATH, poetry, &locked)
        .manual_reason
        .unwrap_or_default();
    assert!(
        why.contains("`poetry add PyYAML`") && why.contains("`poetry.lock`"),
        "{why}"
    );
    let uv = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: ./api/\n    steps:\n      - run: uv sync --locked\n      - name: Test\n        run: uv run pytest\n";
    let nested = repo(&[("api/uv.lock", "version = 1\n")]);
    let why = crate::fixes_for(&f, PATH, uv, &nested)
        .manual_reason
        .unwrap_or_default();
    assert!(
        why.contains("`uv add PyYAML`") && why.contains("`api/uv.lock`"),
        "{why}"
    );
    let pipenv = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pipenv install --deploy --dev\n      - name: Test\n        run: pipenv run pytest\n";
    let pipfile = repo(&[("Pipfile.lock", "{}\n")]);
    assert!(
        crate::fixes_for(&f, PATH, pipenv, &pipfile)
            .manual_reason
            .is_some_and(|w| w.contains("`pipenv install PyYAML`"))
    );
    // Without a lock (or another tool's), the tool's environment gets the install.
    let other = repo(&[("uv.lock", "version = 1\n")]);
    assert!(
        apply_with_repo(&f, poetry, &other)[PATH].contains("run: poetry run pip install PyYAML"),
        "uv.lock does not lock a Poetry project"
    );
}

/// A step whose Python is not the one another step's `pip install`
/// reaches gets no install: an activated virtual environment, an
/// interpreter by path, a versioned interpreter, `sudo`, a container.
#[test]
fn an_install_that_would_not_reach_the_failing_python_is_not_offered() {
    let with = |script: &str| {
        format!(
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - name: Test\n        run: |\n          {}\n",
            script.replace('\n', "\n          ")
        )
    };
    for (script, why) in [
        (".venv/bin/python -m pytest", "runs `.venv/bin/python` by its path"),
        ("./env/bin/pytest -q", "runs `./env/bin/pytest` by its path"),
        ("python3.10 -m pytest", "runs `python3.10`"),
        ("sudo python3 -m pytest", "runs Python with `sudo`"),
        ("pyenv shell 3.10.14\npytest", "switches its Python with `pyenv`"),
        ("docker run --rm -v $PWD:/w img pytest", "runs `docker run`"),
        ("docker compose run app pytest", "runs `docker compose run`"),
    ] {
        let reason = manual_reason(&import("yaml", "PyYAML", true), &with(script));
        assert!(reason.contains(why), "{script}: {reason}");
    }
    // A virtual environment the step activates: the install activates it
    // too, in its own step, or goes to a `pip install` of a step that
    // activates the same one; never to the job's other Python.
    let out = apply_only(
        &import("yaml", "PyYAML", true),
        &with(". .venv/bin/activate\npython -m pytest"),
    );
    assert!(
        out.contains("run: . .venv/bin/activate && python -m pip install PyYAML\n      - name: Test\n")
            && out.contains("pip install -r requirements.txt\n"),
        "{out}"
    );
    let made = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install tox\n      - run: |\n          python -m venv venv\n          . venv/bin/activate\n          pip install -e .\n      - name: Test\n        run: |\n          source venv/bin/activate && pytest\n";
    let out = apply_only(&import("yaml", "PyYAML", true), made);
    assert!(out.contains("          pip install -e . PyYAML\n"), "{out}");
    let bash = with(". .venv/bin/activate\npytest")
        .replace("      - name: Test\n", "      - name: Test\n        shell: bash\n");
    assert!(manual_reason(&import("yaml", "PyYAML", true), &bash).contains("activates the virtual environment"));
    // The job's own interpreter, and `sudo` for something else, still get
    // the install.
    for script in [
        "python -m pytest",
        "sudo apt-get install -y libyaml-dev\npytest",
        "python3 -m pytest",
    ] {
        let files = apply_with_repo(
            &import("yaml", "PyYAML", true),
            &with(script),
            &repo(&[("requirements.txt", "flask\n")]),
        );
        assert_eq!(files["requirements.txt"], "flask\nPyYAML\n", "{script}");
    }
}

#[test]
fn the_projects_own_package_and_submodules_are_not_missing_dependencies() {
    let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n      - run: pip install pytest\n      - name: Test\n        run: pytest\n";
    let repo = repo(&[
        ("pyproject.toml", "[project]\nname = \"mylib\"\n"),
        ("src/mylib/__init__.py", ""),
    ]);
    let o = crate::fixes_for(&import("mylib", "mylib", false), PATH, src, &repo);
    assert!(o.fixes.is_empty() && o.manual_reason.unwrap().contains("project's own package"));
    assert!(manual_reason(&import("numpy.core._multiarray_umath", "numpy", false), src).contains("submodule"));
}

#[test]
fn the_module_decides_over_the_subject_in_either_order() {
    let repo = repo(&[("requirements.txt", "flask\n")]);
    let installs = |f: &FailureInput| apply_with_repo(f, PIP_LINE, &repo)["requirements.txt"].clone();
    // The module Python printed is the evidence; the subject beside it is
    // not read, whatever it names, in either order of the same two names.
    assert_eq!(installs(&import("yaml", "PyYAML", true)), "flask\nPyYAML\n");
    assert_eq!(installs(&import("yaml", "requests", true)), "flask\nPyYAML\n");
    assert_eq!(installs(&import("requests", "PyYAML", true)), "flask\nrequests\n");
    // The subject's "known" flag speaks for the subject only: a module the
    // table does not know gets no trust from a known subject beside it.
    let guessed = |known| outcome(&import("acme_internal", "PyYAML", known), PIP_LINE).fixes.len();
    assert_eq!(guessed(true), guessed(false));
    assert_eq!(guessed(true), 0);
    // A module that fails its grammar is refused, never replaced by the
    // subject.
    let broken = import("yaml;id", "PyYAML", true);
    assert!(manual_reason(&broken, PIP_LINE).contains("not a valid module name"));
    // Without a module the subject decides: a module name, or a distribution.
    assert_eq!(installs(&missing("yaml").at_step_name("Test")), "flask\nPyYAML\n");
    assert_eq!(
        installs(&missing("pytest-cov").at_step_name("Test")),
        "flask\npytest-cov\n"
    );
}

#[test]
fn hostile_subjects_and_already_installed_give_no_fix() {
    for s in HOSTILE {
        assert!(
            outcome(&missing(s).at_step_name("Test"), PIP_LINE).fixes.is_empty(),
            "{s:?}"
        );
    }
    assert!(manual_reason(&import("pytest", "pytest", true), PIP_LINE).contains("already installs"));
}

/// `tomllib` as mapping gives it once the workflow pins an older Python.
fn newer_stdlib(python: Option<PythonVersion>) -> FailureInput {
    let mut f = missing("tomllib").at_step_name("Test");
    f.module = Some("tomllib".into());
    f.python = python;
    f
}

const PINNED: &str = "\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: \"3.9\"   # oldest
      - run: pip install -e .
      - name: Test
        run: pytest
";

#[test]
fn a_newer_stdlib_module_raises_the_pinned_python_and_installs_nothing() {
    let f = newer_stdlib(Some(PythonVersion::new(3, 9)));
    let out = apply_only(&f, PINNED);
    assert_eq!(out, PINNED.replace("\"3.9\"   # oldest", "\"3.11\"   # oldest"));
    let fix = &outcome(&f, PINNED).fixes[0];
    assert_eq!(fix.title, "Set up Python 3.11 instead of 3.9 in job `test`");
    assert!(!fix.explanation.contains("pip install"), "{}", fix.explanation);
    // Without the log's version the pin decides; once raised, nothing is left.
    assert_eq!(apply_only(&newer_stdlib(None), PINNED), out);
    assert!(manual_reason(&f, &out).contains("already sets up Python 3.11"));
}

#[test]
fn the_python_is_not_raised_when_the_project_or_the_job_is_about_the_old_one() {
    let f = newer_stdlib(None);
    let supports = repo(&[(
        "pyproject.toml",
        "[project]\nname = \"app\"\nrequires-python = \">=3.8,<4\"\n",
    )]);
    let reason = crate::fixes_for(&f, PATH, PINNED, &supports).manual_reason.unwrap();
    assert!(reason.contains("declares support for Python 3.8"), "{reason}");
    // Poetry's caret constraint, and a key whose value is not read: no raise.
    let poetry = repo(&[(
        "pyproject.toml",
        "[tool.poetry]\nname = \"app\"\n\n[tool.poetry.dependencies]\npython = \"^3.8\"\nrequests = \"^2\"\n",
    )]);
    let reason = crate::fixes_for(&f, PATH, PINNED, &poetry).manual_reason.unwrap();
    assert!(reason.contains("declares support for Python 3.8"), "{reason}");
    let unread = repo(&[("setup.py", "setup(\n    python_requires=PY_REQ,\n)\n")]);
    let reason = crate::fixes_for(&f, PATH, PINNED, &unread).manual_reason.unwrap();
    assert!(reason.contains("in a form autoheal does not read"), "{reason}");
    let requires_new = repo(&[("setup.cfg", "[options]\npython_requires = >=3.11\n")]);
    assert_eq!(crate::fixes_for(&f, PATH, PINNED, &requires_new).fixes.len(), 1);
    let named = PINNED.replace("  test:\n", "  test-py39:\n");
    let reason = manual_reason(&f.clone().in_job("test-py39"), &named);
    assert!(reason.contains("named for Python 3.9"), "{reason}");
    let other_python = newer_stdlib(Some(PythonVersion::new(3, 8)));
    assert!(manual_reason(&other_python, PINNED).contains("not the 3.9 the job sets up"));
    let tox = PINNED.replace("run: pytest", "run: tox -e py39");
    assert!(manual_reason(&f, &tox).contains("tox"));
    let matrix = PINNED.replace("\"3.9\"", "${{ matrix.python }}");
    assert!(manual_reason(&f, &matrix).contains("expression"));
}

#[test]
fn an_activation_is_read_in_one_place() {
    use super::env::{activation, sourced_activate_script};
    assert_eq!(
        sourced_activate_script(".", "venv/bin/activate"),
        Some("venv/bin/activate")
    );
    assert_eq!(sourced_activate_script("source", "activate"), Some("activate"));
    assert_eq!(
        sourced_activate_script("source", ".venv/Scripts/activate"),
        Some(".venv/Scripts/activate")
    );
    assert_eq!(sourced_activate_script("cat", "venv/bin/activate"), None);
    assert_eq!(sourced_activate_script(".", "venv/bin/activate.fish"), None);
    // Only a plain virtual environment's script is one a new step can source
    // the same way; the others make the step's Python another interpreter.
    assert_eq!(
        activation("source ~/.venv/bin/activate && pytest").as_deref(),
        Some("~/.venv/bin/activate")
    );
    assert_eq!(activation(". $VENV/bin/activate"), None);
    assert_eq!(activation(". venv/Scripts/activate"), None);
}

/// A new install step runs in the failing step's own shell: a login shell
/// activates the environment (conda's `bash -el {0}`) the tests import
/// from; a shell that does not take command lines gets no step.
#[test]
fn a_new_install_step_runs_in_the_failing_steps_own_shell() {
    let conda = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: conda-incubator/setup-miniconda@v3\n        with:\n          activate-environment: app\n      - name: Test\n        shell: bash -el {0}\n        run: python -m pytest\n";
    let out = apply_only(&import("yaml", "PyYAML", true), conda);
    assert!(
        out.contains(
            "      - name: Install dependencies\n        shell: bash -el {0}\n        run: python -m pip install PyYAML\n      - name: Test\n"
        ),
        "{out}"
    );
    let python = conda.replace("shell: bash -el {0}", "shell: python");
    assert!(manual_reason(&import("yaml", "PyYAML", true), &python).contains("`shell: python`"));
    // No shell of its own: the new step inherits the same defaults.
    let plain = conda.replace("        shell: bash -el {0}\n", "");
    let out = apply_only(&import("yaml", "PyYAML", true), &plain);
    assert!(!out.contains("shell:"), "{out}");
}

proptest::proptest! {
    /// Any chain of `-r` includes, with cycles and noise: an answer, never a
    /// panic; a `--hash` at any depth up to the bound refuses the bare name,
    /// and deeper than the bound counts as unread (a step of its own, the
    /// files untouched). The include paths stay inside the workspace.
    #[test]
    fn includes_at_any_depth_decide_the_hash_mode(
        depth in 0usize..12,
        noise in "([a-z0-9=<>. -]{0,12}\n){0,3}",
        cycle in proptest::bool::ANY,
    ) {
        let f = import("yaml", "PyYAML", true);
        // Requirement-shaped noise only: an option line could be an include
        // of a file that is not there (unread) or a hash.
        let noise: String = noise
            .lines()
            .filter(|l| !l.trim_start().starts_with('-') && !l.contains("--"))
            .map(|l| format!("{l}\n"))
            .collect();
        // requirements.txt -> reqs/l1.txt -> reqs/l2.txt …, each include
        // written relative to the file that names it.
        let mut repo_files: Vec<(String, String)> = Vec::new();
        let name = |i: usize| if i == 0 { "requirements.txt".to_string() } else { format!("reqs/l{i}.txt") };
        for i in 0..=depth {
            let include = if i < depth {
                let next = name(i + 1);
                if i == 0 { format!("-r {next}\n") } else { format!("-r ../{next}\n") }
            } else if cycle {
                // Back to the first file, as pip resolves an include: from the
                // including file's directory. No hash anywhere.
                if i == 0 { "-r requirements.txt\n".to_string() } else { "-r ../requirements.txt\n".to_string() }
            } else {
                "requests==2.32.0 --hash=sha256:00\n".to_string()
            };
            repo_files.push((name(i), format!("{noise}{include}")));
        }
        let refs: Vec<(&str, &str)> = repo_files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let wf = PIP_LINE.replace("pip install -r requirements.txt pytest   # test deps", "pip install -r requirements.txt");
        let o = crate::fixes_for(&f, PATH, &wf, &repo(&refs));
        if cycle && depth <= 8 {
            // A cycle is read once and ends: nothing hashed, nothing unread,
            // so the first file is extended.
            let fix = o.fixes.first().expect("a fix");
            proptest::prop_assert!(
                fix.edits.iter().all(|e| e.path == "requirements.txt"),
                "{:?}",
                fix.edits
            );
        } else if depth <= 8 {
            proptest::prop_assert!(o.fixes.is_empty(), "{:?}", o.fixes);
            proptest::prop_assert!(o.manual_reason.unwrap_or_default().contains("refuse the whole install"));
        } else {
            let fix = o.fixes.first().expect("a step of its own");
            proptest::prop_assert!(fix.edits.iter().all(|e| e.path == PATH), "{:?}", fix.edits);
        }
    }
}
