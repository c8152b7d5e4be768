use super::{ActionRef, action_inputs, known_action, parse_action_ref, popular_inputs, ref_major};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::lint::{LintOptions, lint};
use crate::repo::MemoryRepo;
use crate::rules::test_support::{PATH, apply_first_fix, render};

fn render_with_repo(src: &str, path: &str, repo: &MemoryRepo) -> Vec<String> {
    let config = Config::default();
    let opts = LintOptions {
        repo,
        ..LintOptions::new(&config)
    };
    let idx = crate::text::LineIndex::new(src);
    lint(path, src.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "action")
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {} {}", p.line, p.column, d.severity, d.message)
        })
        .collect()
}

#[test]
fn references_are_parsed_into_their_forms() {
    assert_eq!(parse_action_ref("./a/b"), Ok(ActionRef::Local { path: "./a/b" }));
    assert_eq!(
        parse_action_ref("$/.github/actions/x"),
        Ok(ActionRef::Local {
            path: "$/.github/actions/x"
        })
    );
    assert!(parse_action_ref("$/.github/actions/x@v1").is_err());
    assert_eq!(
        parse_action_ref("docker://alpine:3"),
        Ok(ActionRef::Docker { image: "alpine:3" })
    );
    // A registry port is not a tag.
    assert_eq!(
        parse_action_ref("docker://registry:5000/img"),
        Ok(ActionRef::Docker {
            image: "registry:5000/img"
        })
    );
    assert_eq!(
        parse_action_ref("github/codeql-action/init@v3"),
        Ok(ActionRef::Remote {
            owner: "github",
            repo: "codeql-action",
            path: Some("init"),
            git_ref: "v3"
        })
    );
    for bad in [
        "actions/checkout",
        "checkout@v4",
        "actions/checkout@",
        "./a@v1",
        "docker://",
        "docker://image:",
        "docker://ghcr.io/o/img@",
        "/abs/path@v1",
        "a//b@v1",
    ] {
        assert!(parse_action_ref(bad).is_err(), "{bad}");
    }
}

#[test]
fn majors_are_read_only_from_version_refs() {
    assert_eq!(ref_major("v4"), Some(4));
    assert_eq!(ref_major("v3.1.0"), Some(3));
    assert_eq!(ref_major("2"), Some(2));
    for r in [
        "v3-node20",
        "main",
        "release/v1",
        "v2.x",
        "8e5e7e5ab8b370d6c329ec480221332ada57f0ab",
    ] {
        assert_eq!(ref_major(r), None, "{r}");
    }
}

#[test]
fn outdated_majors_warn_and_shut_down_ones_are_errors() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v2\n      - uses: \"actions/upload-artifact@v3\"\n        with:\n          path: dist\n      - uses: actions/checkout@v5\n      - uses: actions/download-artifact@v3-node20\n      - uses: actions/checkout@main\n";
    let diags: Vec<_> = crate::rules::test_support::lint_rule(src, "action");
    let got: Vec<(Severity, &str, &str)> = diags.iter().map(|d| (d.severity, d.code, d.message.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                Severity::Warning,
                "action/removed-runtime",
                "\"actions/checkout@v2\" runs on node12, which GitHub no longer supports; update it to v5"
            ),
            (
                Severity::Error,
                "action/shut-down",
                "\"actions/upload-artifact@v3\" no longer works: GitHub shut down the service it depends on; update it to v6"
            ),
        ]
    );
    // The fix goes to the first major on node24, never to v4 or v5 (node20).
    let out = apply_first_fix(src, "action");
    assert!(
        out.contains("- uses: actions/checkout@v5\n      - uses: \"actions/upload-artifact@v3\""),
        "{out}"
    );
    let fixed = crate::rules::test_support::lint_rule(&out, "action");
    let second = &fixed[0].fixes[0];
    assert_eq!(second.applicability, crate::Applicability::Unsafe);
    let out2 = crate::fix::apply_edits(PATH, &out, &second.edits.iter().collect::<Vec<_>>()).unwrap();
    assert!(out2.contains("\"actions/upload-artifact@v6\""), "{out2}");
}

/// Each runtime per major, as the data gives it, and where the fix goes:
/// node12/node16 are "no longer supported", node20 "retired"; the fix is the
/// lowest later major on node24 and skips later majors still on node20
/// (download-artifact v5 and v6); node24 majors get nothing; with no node24
/// major known there is no fix, and the message says so.
#[test]
fn each_runtime_is_reported_and_fixed_only_to_a_current_major() {
    let cases: [(&str, Option<(&str, &str)>); 9] = [
        ("actions/checkout@v3", Some(("action/removed-runtime", "v5"))),
        ("actions/checkout@v4", Some(("action/retired-runtime", "v5"))),
        ("actions/download-artifact@v4", Some(("action/retired-runtime", "v7"))),
        ("actions/download-artifact@v6", Some(("action/retired-runtime", "v7"))),
        ("actions/setup-node@v4", Some(("action/retired-runtime", "v5"))),
        ("docker/login-action@v3", Some(("action/retired-runtime", "v4"))),
        ("actions/checkout@v6", None),
        ("actions/checkout@v7", None),
        ("softprops/action-gh-release@v1", Some(("action/removed-runtime", ""))),
    ];
    for (uses, want) in cases {
        let src = format!("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n");
        let found: Vec<_> = crate::rules::test_support::lint_rule(&src, "action")
            .into_iter()
            .filter(|d| d.code.ends_with("-runtime"))
            .collect();
        match want {
            None => assert!(found.is_empty(), "{uses}: {found:?}"),
            Some((code, "")) => {
                assert_eq!(found.len(), 1, "{uses}: {found:?}");
                assert_eq!(found[0].code, code, "{uses}");
                assert!(found[0].fixes.is_empty(), "{uses}: no target, no fix");
                // The data's date is in the message (the snapshots redact it).
                let name = uses.split('@').next().unwrap_or_default();
                let tail = format!(
                    "; no major of {name} on node24 is known (as of {}), so check its releases",
                    super::runtimes::as_of()
                );
                assert!(found[0].message.ends_with(&tail), "{}", found[0].message);
            }
            Some((code, target)) => {
                assert_eq!(found.len(), 1, "{uses}: {found:?}");
                assert_eq!(found[0].code, code, "{uses}");
                let why = if code == "action/retired-runtime" {
                    "runs on node20, which GitHub has retired"
                } else {
                    "which GitHub no longer supports"
                };
                assert!(found[0].message.contains(why), "{}", found[0].message);
                let name = uses.split('@').next().unwrap_or_default();
                let fixed = apply_first_fix(&src, "action");
                assert!(fixed.contains(&format!("uses: {name}@{target}\n")), "{uses}: {fixed}");
                let major: u32 = target[1..].parse().unwrap_or_default();
                assert_eq!(
                    super::runtimes::runtime_of(name, major),
                    Some(super::runtimes::CURRENT_NODE)
                );
            }
        }
    }
}

#[test]
fn a_local_action_on_a_retired_runtime_is_a_warning_where_it_is_used() {
    let action = "name: x\ndescription: d\nruns:\n  using: node20\n  main: i.js\n";
    let old = "name: x\ndescription: d\nruns:\n  using: node16\n  main: i.js\n";
    let repo = MemoryRepo::new([
        ("a/action.yml", action),
        ("a/i.js", ""),
        ("b/action.yml", old),
        ("b/i.js", ""),
    ]);
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./a\n      - uses: ./b\n";
    let got = render_with_repo(src, PATH, &repo);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].starts_with("6:15: warning local action \"./a\" is invalid: `using: node20`"),
        "{got:#?}"
    );
    assert!(
        got[1].starts_with("7:15: error local action \"./b\" is invalid: `using: node16`"),
        "{got:#?}"
    );
}

#[test]
fn a_local_action_checked_out_by_an_earlier_step_is_not_missing() {
    let repo = MemoryRepo::new([("README.md", "")]);
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./shared/setup\n      - uses: actions/checkout@v5\n        with:\n          repository: org/actions\n          path: ./shared/\n      - uses: ./shared/setup\n      - uses: ./sharedx/setup\n      - uses: actions/checkout@v5\n        with:\n          path: ${{ matrix.dir }}\n      - uses: ./anything\n";
    let got = render_with_repo(src, PATH, &repo);
    // Before the checkout, and a directory the checkout's path does not hold.
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].starts_with("6:15: warning no action.yml"), "{got:#?}");
    assert!(got[1].starts_with("12:15: warning no action.yml"), "{got:#?}");
}

#[test]
fn a_directory_with_only_a_dockerfile_is_an_action() {
    // The runner builds `Dockerfile` (or `dockerfile`) when a directory has
    // no metadata; the root directory counts too.
    let repo = MemoryRepo::new([("docker/Dockerfile", "FROM alpine\n"), ("dockerfile", "FROM alpine\n")]);
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./docker\n        with:\n          args: x\n      - uses: ./\n      - uses: ./nothing\n";
    let got = render_with_repo(src, PATH, &repo);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("10:15: warning no action.yml"), "{got:#?}");
}

#[test]
fn local_actions_are_checked_against_their_metadata() {
    let action = "name: x\ndescription: greets\ninputs:\n  who:\n    required: true\n  greeting:\n    required: true\n    default: hi\n  old:\n    deprecationMessage: use who\nruns:\n  using: node24\n  main: i.js\n";
    let repo = MemoryRepo::new([
        (".github/actions/greet/action.yml", action),
        (".github/actions/greet/i.js", ""),
        ("other/file.txt", ""),
    ]);
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/greet\n        with:\n          whom: me\n          old: x\n      - uses: ./.github/actions/greet/\n        with:\n          WHO: me\n      - uses: ./missing\n      - uses: ./.github/workflows/r.yml\n      - uses: ./.github/actions/greet/action.yml\n";
    assert_eq!(
        render_with_repo(src, PATH, &repo),
        [
            "6:15: error missing input \"who\", which action \"./.github/actions/greet\" requires",
            "8:11: error input \"whom\" is not defined in action \"./.github/actions/greet\"; did you mean \"who\"?; available inputs are \"greeting\", \"old\", \"who\"",
            "9:11: warning input \"old\" of action \"./.github/actions/greet\" is deprecated: use who",
            "13:15: warning no action.yml, action.yaml or Dockerfile in \"missing\" in this repository; a `./` action must be checked out before it is used",
            "14:15: error \"./.github/workflows/r.yml\" is a workflow file; call a reusable workflow from a job's `uses:`, not from a step",
            "15:15: error \"./.github/actions/greet/action.yml\" names the action's metadata file; `uses:` takes the action's directory: `./.github/actions/greet`",
        ]
    );
    // `$/` (self-repository syntax) reads the same action.
    let self_ref = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: $/.github/actions/greet\n        with:\n          who: me\n          whom: me\n";
    let got = render_with_repo(self_ref, PATH, &repo);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("9:11: error input \"whom\" is not defined in action \"$/.github/actions/greet\""),
        "{got:?}"
    );
    // Without a repository nothing about local actions is known but what
    // the `uses:` text itself says (a workflow file, a metadata file).
    assert_eq!(render(src, "action").len(), 2);
}

#[test]
fn a_local_actions_own_problems_are_shown_where_it_is_used() {
    let js = "name: js\ndescription: d\nruns:\n  using: node16\n  main: dist/index.js\n  post: dist/post.js\n  env:\n    A: b\n";
    let docker = "name: d\ndescription: d\ninputs:\n  tag: {}\nruns:\n  using: docker\n  image: Dockerfile\n";
    let composite = "name: c\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n";
    let repo = MemoryRepo::new([
        ("a/js/action.yml", js),
        ("a/js/dist/index.js", ""),
        ("a/docker/action.yaml", docker),
        ("a/composite/action.yml", composite),
        ("a/empty/action.yml", ""),
        ("a/broken/action.yml", "name: [x\n"),
    ]);
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: ./a/js\n      - uses: ./a/docker\n        with:\n          tag: x\n          args: --verbose\n          entrypoint: sh\n      - uses: ./a/composite\n      - uses: ./a/empty\n      - uses: ./a/broken\n";
    let got = render_with_repo(src, PATH, &repo);
    let at = |line: &str| got.iter().filter(|g| g.starts_with(line)).cloned().collect::<Vec<_>>();
    let js_problems = at("6:15: error local action \"./a/js\" is invalid: ");
    assert_eq!(js_problems.len(), 3, "{got:#?}");
    assert!(js_problems[0].contains("`using: node16` is end-of-life"), "{got:#?}");
    assert!(js_problems.iter().any(|p| p.contains("\"env\"")), "{got:#?}");
    assert!(
        js_problems.iter().any(
            |p| p.contains("file \"dist/post.js\" named by `runs.post` does not exist in \"a/js\"")
                && p.ends_with("(a/js/action.yml:6:9)")
        ),
        "{got:#?}"
    );
    // `args` and `entrypoint` are inputs of every Docker action.
    let docker_problems = at("7:15");
    assert_eq!(docker_problems.len(), 1, "{got:#?}");
    assert!(
        docker_problems[0].contains("Dockerfile \"Dockerfile\" named by `runs.image` does not exist"),
        "{got:#?}"
    );
    let composite_problems = at("12:15");
    assert!(composite_problems.iter().any(|p| p.contains("description")), "{got:#?}");
    assert!(composite_problems.iter().any(|p| p.contains("shell")), "{got:#?}");
    assert!(at("13:15")[0].contains("the action metadata is empty"), "{got:#?}");
    assert!(!at("14:15").is_empty(), "{got:#?}");
}

#[test]
fn action_inputs_are_read_from_metadata() {
    let inputs = action_inputs("inputs:\n  a:\n    required: 'true'\n  b: {}\n").unwrap();
    assert_eq!(
        inputs.iter().map(|i| (i.name.as_str(), i.required)).collect::<Vec<_>>(),
        [("a", true), ("b", false)]
    );
    assert!(action_inputs("- not a mapping").is_none());
}

mod props {
    use super::super::{ActionRef, parse_action_ref};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn remote_references_reassemble_to_their_text(s in "[a-z./@:-]{0,30}") {
            if let Ok(ActionRef::Remote { owner, repo, path, git_ref }) = parse_action_ref(&s) {
                let name = match path { Some(p) => format!("{owner}/{repo}/{p}"), None => format!("{owner}/{repo}") };
                prop_assert_eq!(format!("{name}@{git_ref}"), s);
            }
        }
    }
}

/// The hand-curated inputs are real: where the corpus holds an action's
/// current `action.yml` (its default branch), every input curated for it is
/// declared there (a name copied from a test's expectation would not be),
/// and every deprecated input is one the metadata marks deprecated.
#[test]
fn curated_inputs_are_declared_by_the_real_metadata() {
    let mut compared = 0;
    for known in super::KNOWN_ACTIONS {
        let (Some(inputs), Some(real)) = (known.inputs, super::corpus_snapshot(known.name)) else {
            continue;
        };
        compared += 1;
        for input in inputs {
            assert!(
                real.inputs.iter().any(|r| r.name == *input),
                "{}: {input} is not in {}",
                known.name,
                real.source
            );
        }
        for (old, _) in known.deprecated {
            assert!(
                real.inputs.iter().any(|r| r.name == *old && r.deprecated),
                "{}: {old}",
                known.name
            );
        }
    }
    // checkout v4 and cache v4 lost their curated lists to real per-major
    // files; setup-python v5 keeps one (inputs of releases after the commit read).
    assert!(compared >= 1, "setup-python has a curated list and a corpus snapshot");
}

/// reviewdog/action-actionlint v1 (a Docker action) is judged by its real
/// v1 file: `fail_on_error` carries a deprecationMessage there, `fail_level`
/// is declared, and a name it does not declare is unknown.
#[test]
fn reviewdog_actionlint_v1_inputs_come_from_its_v1_file() {
    let step = |with: &str| {
        format!(
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: reviewdog/action-actionlint@v1\n        with:\n          {with}\n"
        )
    };
    let codes = |with: &str| -> Vec<(&'static str, String)> {
        crate::rules::test_support::lint_rule(&step(with), "action")
            .into_iter()
            .filter(|d| d.code.ends_with("-input"))
            .map(|d| (d.code, d.message))
            .collect()
    };
    let deprecated = codes("fail_on_error: true");
    assert_eq!(deprecated.len(), 1, "{deprecated:?}");
    assert_eq!(deprecated[0].0, "action/deprecated-input");
    assert!(deprecated[0].1.contains("\"fail_on_error\""), "{deprecated:?}");
    assert_eq!(codes("fail_level: error"), []);
    let unknown = codes("fail_levels: error");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].0, "action/unknown-input");
}

/// Inputs are judged against the `action.yml` of the major the ref names:
/// `fetch-tags` came with checkout v3.6, so it is unknown to the v2 file and
/// fine at v4; setup-node v2's file marks `version` deprecated.
#[test]
fn inputs_are_checked_against_the_major_used() {
    let step = |uses: &str, with: &str| {
        format!(
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n        with:\n          {with}\n"
        )
    };
    let v2 = crate::rules::test_support::lint_rule(&step("actions/checkout@v2", "fetch-tags: true"), "action");
    assert_eq!(
        v2.iter()
            .filter(|d| d.code == "action/unknown-input")
            .map(|d| d.message.split(';').next().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["input \"fetch-tags\" is not defined in action \"actions/checkout@v2\""],
        "{v2:?}"
    );
    let v4 = crate::rules::test_support::lint_rule(&step("actions/checkout@v4", "fetch-tags: true"), "action");
    assert!(!v4.iter().any(|d| d.code == "action/unknown-input"), "{v4:?}");
    // A SHA pin whose comment names the major is judged as that major.
    let pinned = step(
        "actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab # v2.7.0",
        "fetch-tags: true",
    );
    let pinned = crate::rules::test_support::lint_rule(&pinned, "action");
    assert!(pinned.iter().any(|d| d.code == "action/unknown-input"), "{pinned:?}");
    let node = crate::rules::test_support::lint_rule(&step("actions/setup-node@v2", "version: 12"), "action");
    let deprecated: Vec<&str> = node
        .iter()
        .filter(|d| d.code == "action/deprecated-input")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        deprecated,
        [
            "input \"version\" of action \"actions/setup-node@v2\" is deprecated (its action.yml gives a deprecationMessage); use \"node-version\" instead"
        ]
    );
    // v4's file no longer declares `version`: an unknown input, which still
    // names what replaced it.
    let v4 = crate::rules::test_support::lint_rule(&step("actions/setup-node@v4", "version: 20"), "action");
    let unknown: Vec<&str> = v4
        .iter()
        .filter(|d| d.code == "action/unknown-input")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unknown.len(), 1, "{v4:?}");
    assert!(
        unknown[0].starts_with(
            "input \"version\" is not defined in action \"actions/setup-node@v4\"; it was renamed: use \"node-version\" instead; available inputs are"
        ),
        "{unknown:?}"
    );
    // Required inputs of that major: github-script v6 requires `script`.
    let script = crate::rules::test_support::lint_rule(&step("actions/github-script@v6", "debug: true"), "action");
    assert!(
        script
            .iter()
            .any(|d| d.code == "action/missing-input" && d.message.contains("\"script\"")),
        "{script:?}"
    );
    // A major no real file or curated list describes is not judged.
    let v1 = crate::rules::test_support::lint_rule(&step("actions/github-script@v1", "nonsense: 1"), "action");
    assert!(!v1.iter().any(|d| d.code == "action/unknown-input"), "{v1:?}");
}

/// An input a later release of a major added (a `later-input:` of the facts
/// file) is known at that major although the file read predates it:
/// checkout's `allow-unsafe-pr-checkout` was backported to v2–v6 in July
/// 2026, setup-python v5.5.0 added `freethreaded`, docker/login-action
/// v3.6/v3.7 `registry-auth` and `scope`. Checkout v7 is judged by
/// the corpus snapshot, which declares the input v7 introduced.
#[test]
fn inputs_later_releases_of_a_major_added_are_known() {
    let step = |uses: &str, with: &str| {
        format!(
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n        with:\n          {with}\n"
        )
    };
    let unknown = |uses: &str, with: &str| -> Vec<String> {
        crate::rules::test_support::lint_rule(&step(uses, with), "action")
            .into_iter()
            .filter(|d| d.code == "action/unknown-input")
            .map(|d| d.message)
            .collect()
    };
    for uses in [
        "actions/checkout@v2",
        "actions/checkout@v4",
        "actions/checkout@v5",
        "actions/checkout@v6",
        "actions/checkout@v7",
        "actions/checkout@9c091bb21b7c1c1d1991bb908d89e4e9dddfe3e0 # v7.0.0",
    ] {
        assert_eq!(
            unknown(uses, "allow-unsafe-pr-checkout: true"),
            Vec::<String>::new(),
            "{uses}"
        );
    }
    assert_eq!(
        unknown("actions/setup-python@v5", "freethreaded: true"),
        Vec::<String>::new()
    );
    // v7 is judged now: a misspelt input is reported, with the right name.
    let v7 = unknown("actions/checkout@v7", "fetch-depht: 0");
    assert!(
        v7.len() == 1 && v7[0].contains("did you mean \"fetch-depth\""),
        "{v7:?}"
    );
    // Still unknown where no release of the major declares it (pip-install
    // came in setup-python v6.1.0).
    assert_eq!(unknown("actions/setup-python@v5", "pip-install: x").len(), 1);
}

/// Where a fix moves an outdated ref: the lowest later major whose runtime
/// is current, from real metadata where it was read (v5's real file says
/// node20, so never v5; v6 is on node24 in the curated data).
#[test]
fn upgrades_go_to_the_lowest_major_on_the_current_runtime() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-python@v4\n";
    let out = apply_first_fix(src, "action");
    assert!(out.contains("actions/setup-python@v6\n"), "{out}");
}

/// No runtime is known twice: a major whose real per-major `action.yml`
/// was read (a facts entry, or a corpus snapshot whose commit the corpus
/// pins with that major) is not also in the hand-curated data (the xtask
/// enforces it when regenerating; this holds it for the committed tables).
/// Other corpus snapshots take their majors from the curated rows, so they
/// agree by construction. An unverified entry (read at a tag through a
/// transcript) may stand beside a curated row, which is then the trusted
/// runtime and fix target, but never contradict it.
#[test]
fn curated_runtimes_never_repeat_a_generated_major() {
    for (name, major, runtime) in super::runtimes::curated_rows() {
        let real = super::generated_actions()
            .find(|a| a.name == name && a.majors.contains(&major) && !a.evidence.ends_with("only in the runtime data"));
        if let Some(real) = real.filter(|r| !r.verified) {
            assert_eq!(real.runtime, runtime, "{name} {major}: {}", real.source);
            continue;
        }
        assert!(
            real.is_none(),
            "{name} {major} {runtime} is curated but {:?} gives it",
            real.map(|r| r.source)
        );
    }
    for a in super::generated_actions() {
        assert!(
            !a.source.is_empty() && a.read_on.len() == 10,
            "{}: source and date",
            a.name
        );
        assert!(!a.majors.is_empty() || !a.evidence.is_empty(), "{}", a.name);
    }
}

/// A corpus snapshot whose commit the corpus workflows pin as one major
/// (`actions/setup-python@5fda3b9… # v7.0.0`) describes that major only: a
/// ref to it is judged against the snapshot's inputs and runtime, and the
/// previous major is no longer judged by a later release's file.
#[test]
fn a_snapshot_the_corpus_pins_describes_that_major() {
    let snapshot = super::corpus_snapshot("actions/setup-python").expect("corpus snapshot");
    assert_eq!(snapshot.majors, [7], "{}", snapshot.evidence);
    assert!(snapshot.evidence.contains("pin as v7"), "{}", snapshot.evidence);
    let step = |uses: &str| {
        format!(
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n        with:\n          python-versoin: 3.12\n"
        )
    };
    let v7 = crate::rules::test_support::lint_rule(&step("actions/setup-python@v7"), "action");
    let codes: Vec<&str> = v7.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["action/unknown-input"], "{v7:?}");
    assert!(v7[0].message.contains("did you mean \"python-version\""), "{v7:?}");
    // v6 is judged by its own file (e797f83, v6.0.0), not by v7's snapshot.
    let v6 = crate::rules::test_support::lint_rule(&step("actions/setup-python@v6"), "action");
    let codes: Vec<&str> = v6.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["action/unknown-input"], "{v6:?}");
}

/// setup-python v6 is read from a v6.0.0 commit (e797f83): a misspelt input
/// is reported with the right name, `pip-install` (added in v6.1.0, removed
/// in v7.0.0) is accepted at v6 only, and `steps.<id>.outputs` holds the three
/// declared outputs, so `python_path` is an error and `python-path` is not.
#[test]
fn setup_python_v6_is_judged_by_its_own_file() {
    let with = |uses: &str, input: &str| {
        format!(
            "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: {uses}\n        with:\n          {input}\n"
        )
    };
    let unknown = |uses: &str, input: &str| -> Vec<String> {
        crate::rules::test_support::lint_rule(&with(uses, input), "action")
            .into_iter()
            .filter(|d| d.code == "action/unknown-input")
            .map(|d| d.message)
            .collect()
    };
    let typo = unknown("actions/setup-python@v6", "python_version: '3.13'");
    assert!(
        typo.len() == 1 && typo[0].contains("did you mean \"python-version\""),
        "{typo:?}"
    );
    assert_eq!(
        unknown("actions/setup-python@v6", "pip-install: x"),
        Vec::<String>::new()
    );
    assert_eq!(
        unknown("actions/setup-python@v6", "pip-version: '25'"),
        Vec::<String>::new()
    );
    assert_eq!(unknown("actions/setup-python@v7", "pip-install: x").len(), 1);
    assert_eq!(super::runtimes::runtime_of("actions/setup-python", 6), Some("node24"));

    let outputs = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: py\n        uses: actions/setup-python@v6\n      - run: echo ${{ steps.py.outputs.python_path }} ${{ steps.py.outputs.python-path }}\n";
    let undefined: Vec<usize> = crate::rules::test_support::lint_rule(outputs, "expression")
        .iter()
        .filter(|d| d.code == "expression/undefined-property")
        .map(|d| d.range.start)
        .collect();
    assert_eq!(undefined, [outputs.find("steps.py.outputs.python_path").unwrap()]);
}

/// `actions/cache@27d5ce7` is pinned `# v5.0.5` by the corpus, so it is v5: its file gives v5's runtime (the curated row went), required
/// inputs and deprecated ones, and `@v4` (node20) is fixed to `@v5`.
#[test]
fn a_pinned_snapshot_gives_its_majors_runtime_required_and_deprecated_inputs() {
    let snapshot = super::generated_for("actions/cache", 5).expect("cache v5");
    assert!(snapshot.evidence.contains("pin as v5"), "{}", snapshot.evidence);
    assert_eq!(super::runtimes::runtime_of("actions/cache", 5), Some("node24"));
    assert_eq!(super::runtimes::current_major_after("actions/cache", 4), Some(5));
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v5\n        with:\n          path: p\n          save-always: true\n";
    let found = crate::rules::test_support::lint_rule(src, "action");
    let mut codes: Vec<&str> = found.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["action/deprecated-input", "action/missing-input"], "{found:?}");
    assert!(found.iter().any(|d| d.message.contains("\"key\"")), "{found:?}");
    let old = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: p\n          key: k\n";
    assert!(apply_first_fix(old, "action").contains("actions/cache@v5\n"));
}

/// The inputs of a popular action at a major: that major's real metadata,
/// with the curated names at the curated major; nothing for a major
/// neither knows. The language server's completions read the same.
#[test]
fn popular_inputs_are_those_of_the_major_used() {
    let names = |major| {
        popular_inputs("actions/checkout", major)
            .into_iter()
            .map(|i| i.name)
            .collect::<Vec<_>>()
    };
    assert!(names(4).contains(&"fetch-tags"));
    assert!(!names(2).contains(&"fetch-tags"));
    assert!(names(900).is_empty());
    let current = known_action("actions/checkout").map(|k| k.current_major).unwrap_or(4);
    let curated = known_action("actions/checkout")
        .and_then(|k| k.inputs)
        .unwrap_or_default();
    for c in curated {
        assert!(names(current).contains(c), "{c}");
    }
}

/// A local action used by several steps, whose outputs later steps read, is
/// read once per lint for the `action` rule and the expression types
/// together, and every use is still checked against it.
#[test]
fn a_local_action_used_many_times_is_read_once_per_lint() {
    use crate::rules::test_support::CountingRepo;
    let action = "name: x\ndescription: d\ninputs:\n  who:\n    required: true\noutputs:\n  greeting:\n    value: hi\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n";
    let repo = CountingRepo::new(
        MemoryRepo::new([(".github/actions/greet/action.yml", action)]),
        "greet/action.yml",
    );
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: one\n        uses: ./.github/actions/greet\n      - id: two\n        uses: ./.github/actions/greet\n      - run: echo ${{ steps.one.outputs.greeting }} ${{ steps.two.outputs.nope }}\n";
    let config = Config::default();
    let opts = LintOptions {
        repo: &repo,
        verify_fixes: false,
        ..LintOptions::new(&config)
    };
    let diags = lint(PATH, src.as_bytes(), &opts);
    let missing: Vec<usize> = diags
        .iter()
        .filter(|d| d.rule == "action" && d.message.starts_with("missing input \"who\""))
        .map(|d| src[..d.range.start].lines().count())
        .collect();
    assert_eq!(missing, [7, 9], "{diags:#?}");
    assert!(
        diags
            .iter()
            .any(|d| d.rule == "expression" && d.message.contains("nope")),
        "{diags:#?}"
    );
    assert_eq!(repo.reads(), 1);
}

/// A job's `outputs:` (and a composite action's) read step outputs from
/// anywhere in the job, above `steps:` too: an output the unverified
/// setup-node v5 does not declare is a warning there as well.
#[test]
fn job_outputs_above_the_steps_are_read_for_unknown_outputs() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      v: ${{ steps.node.outputs.nodeversion }}\n      w: ${{ steps.node.outputs.node-version }}\n    steps:\n      - id: node\n        uses: actions/setup-node@v5\n";
    let found: Vec<(usize, &str)> = crate::rules::test_support::lint_rule(src, "action")
        .iter()
        .map(|d| (d.range.start, d.code))
        .filter(|(_, c)| *c == "action/unknown-output")
        .collect();
    assert_eq!(
        found,
        [(src.find("nodeversion").unwrap_or_default(), "action/unknown-output")]
    );
    let action = "name: a\ndescription: d\noutputs:\n  v:\n    description: v\n    value: ${{ steps.node.outputs.nodeversion }}\nruns:\n  using: composite\n  steps:\n    - id: node\n      uses: actions/setup-node@v5\n";
    let config = Config::default();
    let found = lint("action.yml", action.as_bytes(), &LintOptions::new(&config))
        .into_iter()
        .filter(|d| d.code == "action/unknown-output")
        .count();
    assert_eq!(found, 1);
}

/// A GitHub owner name is letters, digits and `-` (`_` in enterprise
/// accounts): `@actions/checkout@v5` (an npm-style scope) names no owner,
/// and the runner cannot resolve it.
#[test]
fn an_owner_with_other_characters_is_invalid() {
    for uses in ["@actions/checkout@v5", "act ions/checkout@v5", "actions!/checkout@v5"] {
        let err = parse_action_ref(uses).expect_err(uses);
        assert!(err.contains("owner"), "{uses}: {err}");
    }
    for uses in [
        "actions/checkout@v5",
        "my-org/my_repo.js@v1",
        "acme_emu/tool/sub@main",
        "A1/b@c",
    ] {
        assert!(parse_action_ref(uses).is_ok(), "{uses}");
    }
}
