//! Random small workflows × applicable fixes: every fix offered applies,
//! the result parses, only the intended bytes change, and fixing the same
//! failure again on the result offers nothing (idempotence).

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::NoRepo;
use autoheal_engine::yaml;
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for};
use proptest::prelude::*;

const PATH: &str = ".github/workflows/ci.yml";

const RUNNERS: &[&str] = &[
    "ubuntu-latest",
    "macos-14",
    "windows-latest",
    "ubuntu-24.04-arm",
    "[self-hosted, linux, arm64]",
];
const RUNS: &[&str] = &[
    "pip install -r requirements.txt pytest",
    "pytest --cov=app",
    "docker pull node:20",
    "gh api repos/o/r",
    "npm ci",
    "jq . report.json",
    "xvfb-run make test",
    "docker-compose up -d",
    "make",
    "cargo test --locked",
];

#[derive(Debug, Clone)]
struct Shape {
    crlf: bool,
    indent: usize,
    comments: bool,
    jobs: Vec<(usize, Option<u32>, Vec<usize>, bool)>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let job = (
        0..RUNNERS.len(),
        proptest::option::of(1u32..400),
        proptest::collection::vec(0..RUNS.len(), 1..4),
        any::<bool>(),
    );
    (
        any::<bool>(),
        prop_oneof![Just(2usize), Just(4)],
        any::<bool>(),
        proptest::collection::vec(job, 1..4),
    )
        .prop_map(|(crlf, indent, comments, jobs)| Shape {
            crlf,
            indent,
            comments,
            jobs,
        })
}

fn render(s: &Shape) -> String {
    let eol = if s.crlf { "\r\n" } else { "\n" };
    let i = |n: usize| " ".repeat(n * s.indent);
    let mut out = format!("on: push{eol}jobs:{eol}");
    for (j, (runner, timeout, steps, block)) in s.jobs.iter().enumerate() {
        if s.comments {
            out.push_str(&format!("{}# job {j}{eol}", i(1)));
        }
        out.push_str(&format!(
            "{}job{j}:{eol}{}runs-on: {}{eol}",
            i(1),
            i(2),
            RUNNERS[*runner]
        ));
        if let Some(t) = timeout {
            out.push_str(&format!(
                "{}timeout-minutes: {t}{}{eol}",
                i(2),
                if s.comments { "  # limit" } else { "" }
            ));
        }
        out.push_str(&format!("{}steps:{eol}{}- uses: actions/checkout@v4{eol}", i(2), i(3)));
        for (k, r) in steps.iter().enumerate() {
            if *block {
                out.push_str(&format!(
                    "{}- name: step{k}{eol}{}  run: |{eol}{}    {}{eol}",
                    i(3),
                    i(3),
                    i(3),
                    RUNS[*r]
                ));
            } else {
                out.push_str(&format!("{}- name: step{k}{eol}{}  run: {}{eol}", i(3), i(3), RUNS[*r]));
            }
        }
    }
    out
}

fn failure(kind: usize, job: usize, step: usize, minutes: u32) -> FailureInput {
    let j = format!("job{job}");
    let s = format!("step{step}");
    let mut f = match kind {
        0 => FailureInput::new(Category::MissingDependency, Some("PyYAML")),
        1 => FailureInput::new(Category::MissingDependency, Some("--cov")),
        2 => FailureInput::new(Category::Timeout, None),
        3 => FailureInput::new(Category::MissingCommand, Some("jq")),
        4 => FailureInput::new(Category::MissingCommand, Some("npm")),
        5 => FailureInput::new(Category::MissingCommand, Some("docker-compose")),
        6 => FailureInput::new(Category::FileNotFound, Some("report.json")),
        7 => FailureInput::new(Category::OptionalJob, None),
        8 => FailureInput::new(Category::RateLimit, None),
        9 => FailureInput::new(Category::RateLimit, Some("Docker Hub")),
        _ => FailureInput::new(Category::RateLimit, Some("crates.io")),
    };
    f = f.in_job(&j).at_step_name(&s);
    if kind == 2 {
        f.timeout_minutes = Some(minutes);
    }
    if kind == 8 {
        f.rate_limit = Some(RateLimitService::GithubRestSecondary);
    }
    if kind == 9 {
        f.rate_limit = Some(RateLimitService::DockerHub);
    }
    if kind > 9 {
        f.rate_limit = Some(RateLimitService::CratesIo);
    }
    f
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn fixes_reparse_keep_line_endings_and_are_idempotent(
        s in shape(), kind in 0usize..11, job in 0usize..3, step in 0usize..3, minutes in 1u32..400,
    ) {
        let src = render(&s);
        let f = failure(kind, job % s.jobs.len(), step, minutes);
        let outcome = fixes_for(&f, PATH, &src, &NoRepo);
        prop_assert!(outcome.fixes.is_empty() != outcome.manual_reason.is_none(), "a fix or a reason, never both or neither");
        for fix in &outcome.fixes {
            let files: Files = [(PATH.to_string(), src.clone())].into();
            let changed = apply_fixes(&files, [fix]).expect("a verified fix applies");
            let out = changed.get(PATH).expect("the workflow changed");
            prop_assert!(!yaml::parse(out.as_bytes()).has_parse_errors(), "does not parse:\n{}", out);
            if s.crlf {
                prop_assert!(!out.replace("\r\n", "").contains('\n'), "a bare LF in a CRLF file:\n{:?}", out);
            } else {
                prop_assert!(!out.contains('\r'));
            }
            let again = fixes_for(&f, PATH, out, &NoRepo);
            prop_assert!(again.fixes.is_empty(), "offered again: {:?}\n{}", again.fixes.iter().map(|f| &f.title).collect::<Vec<_>>(), out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Arbitrary (often broken) YAML and subjects never panic, and any fix
    /// offered still applies cleanly.
    #[test]
    fn arbitrary_text_never_panics(src in "(jobs:|on: push|  [a-z]{1,6}:|    - run: [a-z $|]{0,12}|    steps:|\t|#x|\r?\n){0,24}", subject in ".{0,12}", cat in 0usize..8, n in 0u32..9) {
        let mut f = FailureInput::new(Category::ALL[cat], Some(&subject)).at_step_number(n);
        f.line = Some(n);
        f.timeout_minutes = Some(n * 7);
        for fix in fixes_for(&f, PATH, &src, &NoRepo).fixes {
            let files: Files = [(PATH.to_string(), src.clone())].into();
            prop_assert!(apply_fixes(&files, [&fix]).is_ok());
        }
    }
}
