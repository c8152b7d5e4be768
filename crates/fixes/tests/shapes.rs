//! Golden tests over workflow shapes the per-fix tests do not cover, and
//! injection attempts against every fix type.

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::{MemoryRepo, NoRepo};
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for};

const PATH: &str = ".github/workflows/ci.yml";

fn apply(f: &FailureInput, src: &str) -> String {
    let out = fixes_for(f, PATH, src, &NoRepo);
    let fix = out
        .fixes
        .first()
        .unwrap_or_else(|| panic!("no fix: {:?}", out.manual_reason));
    let files: Files = [(PATH.to_string(), src.to_string())].into();
    apply_fixes(&files, [fix])
        .expect("applies")
        .remove(PATH)
        .expect("changed")
}

const REUSABLE_CALLER: &str = "\
# Calls the shared build, then deploys.
on:
  push:
    branches: [main]

jobs:
  build:
    uses: ./.github/workflows/build.yml   # shared
    with:
      target: release
    secrets: inherit

  deploy:
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 15
    environment: production
    steps:
      - uses: actions/download-artifact@v4
      - run: ./deploy.sh
";

#[test]
fn reusable_workflow_callers_keep_their_call_jobs_untouched() {
    let mut f = FailureInput::new(Category::Timeout, None).in_job("deploy");
    f.timeout_minutes = Some(15);
    let out = apply(&f, REUSABLE_CALLER);
    assert_eq!(
        out,
        REUSABLE_CALLER.replace("timeout-minutes: 15", "timeout-minutes: 30")
    );
    let on_call = FailureInput::new(Category::OptionalJob, None).in_job("build");
    assert!(fixes_for(&on_call, PATH, REUSABLE_CALLER, &NoRepo).fixes.is_empty());
}

const COMPOSITE_HEAVY: &str = "\
on: pull_request
jobs:
  docs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/setup-env          # composite: python + node
      - uses: ./.github/actions/cache-deps
        with: {key: docs}
      - uses: ./.github/actions/build-docs
      - name: Render diagrams
        run: dot -Tsvg docs/arch.dot -o docs/arch.svg
      - uses: ./.github/actions/publish
";

#[test]
fn composite_heavy_jobs_get_the_install_step_right_before_the_failing_step() {
    let out = apply(
        &FailureInput::new(Category::MissingCommand, Some("dot"))
            .in_job("docs")
            .at_step_name("Render diagrams"),
        COMPOSITE_HEAVY,
    );
    let want = COMPOSITE_HEAVY.replace(
        "      - name: Render diagrams\n",
        "      - name: Install dot\n        run: sudo apt-get update && sudo apt-get install -y graphviz\n      - name: Render diagrams\n",
    );
    assert_eq!(out, want);
}

const ANCHORS: &str = "\
on: push
jobs:
  unit:
    runs-on: ubuntu-latest
    steps:
      - &checkout
        uses: actions/checkout@v4
      - &install
        name: Install
        run: pip install pytest
      - run: pytest tests/unit
  integration:
    runs-on: ubuntu-latest
    steps:
      - *checkout
      - *install
      - run: pytest tests/integration
";

#[test]
fn files_with_anchors_are_edited_at_the_anchor_not_the_alias() {
    let f = FailureInput::new(Category::MissingDependency, Some("requests")).in_job("unit");
    let out = apply(&f, ANCHORS);
    assert_eq!(
        out,
        ANCHORS.replace("run: pip install pytest", "run: pip install pytest requests")
    );
    // Through the alias, the same anchored bytes are the ones to extend.
    let via_alias = FailureInput::new(Category::MissingDependency, Some("requests")).in_job("integration");
    let o = fixes_for(&via_alias, PATH, ANCHORS, &NoRepo);
    if let Some(fix) = o.fixes.first() {
        assert!(
            fix.edits
                .iter()
                .all(|e| e.range.start < ANCHORS.find("  integration:").unwrap()),
            "edits never land inside an alias"
        );
    }
}

const COMMENT_HEAVY: &str = "\
# =====================================================================
# Nightly: long-running checks. Owner: @platform-team
# =====================================================================
on:
  schedule:
    - cron: '0 3 * * *'   # 03:00 UTC

jobs:

  # -------------------------------------------------------------------
  # Fuzzing (slow on purpose)
  # -------------------------------------------------------------------
  fuzz:
    runs-on: ubuntu-latest    # hosted

    # Keep this below the hosted limit.
    timeout-minutes: 45       # was 30

    steps:
      # Check out with full history.
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0      # needed for corpus diffing

      # Run the fuzzers.
      - run: ninja fuzz       # see build.ninja
";

#[test]
fn comment_heavy_files_keep_every_comment_and_blank_line() {
    let mut f = FailureInput::new(Category::Timeout, None).in_job("fuzz");
    f.observed_minutes = Some(45);
    let out = apply(&f, COMMENT_HEAVY);
    assert_eq!(
        out,
        COMMENT_HEAVY.replace(
            "timeout-minutes: 45       # was 30",
            "timeout-minutes: 90       # was 30"
        )
    );
    let cmd = apply(
        &FailureInput::new(Category::MissingCommand, Some("ninja")).in_job("fuzz"),
        COMMENT_HEAVY,
    );
    assert!(cmd.contains("      # Run the fuzzers.\n      - name: Install ninja\n        run: sudo apt-get update && sudo apt-get install -y ninja-build\n      - run: ninja fuzz       # see build.ninja\n"), "{cmd}");
    // `make` is on every hosted Ubuntu image: missing means something else.
    let make = COMMENT_HEAVY.replace("ninja fuzz", "make fuzz");
    let o = autoheal_fixes::fixes_for(
        &FailureInput::new(Category::MissingCommand, Some("make")).in_job("fuzz"),
        PATH,
        &make,
        &NoRepo,
    );
    assert!(o.fixes.is_empty() && o.manual_reason.unwrap().contains("preinstalled"));
    assert_eq!(cmd.matches('#').count(), COMMENT_HEAVY.matches('#').count());
}

use autoheal_logs::subject::HOSTILE_SUBJECTS as HOSTILE;

const TARGET: &str = "\
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install pytest
      - name: Test
        run: pytest
";

#[test]
fn crafted_subjects_never_produce_a_fix_and_never_reach_the_output() {
    let repo = MemoryRepo::new([("requirements.txt", "x\n")]);
    for subject in HOSTILE {
        for cat in [
            Category::MissingDependency,
            Category::MissingCommand,
            Category::FileNotFound,
        ] {
            let f = FailureInput::new(cat, Some(subject))
                .in_job("test")
                .at_step_name("Test");
            let out = fixes_for(&f, PATH, TARGET, &repo);
            assert!(out.fixes.is_empty(), "{cat:?} {subject:?}: {:?}", out.fixes);
        }
        // Categories whose subject is informational must not copy it anywhere.
        for cat in [Category::RateLimit, Category::OptionalJob, Category::Timeout] {
            let mut f = FailureInput::new(cat, Some(subject))
                .in_job("test")
                .at_step_name("Test");
            f.rate_limit = Some(RateLimitService::GithubRestPrimary);
            f.timeout_minutes = Some(10);
            for fix in fixes_for(&f, PATH, TARGET, &repo).fixes {
                for e in &fix.edits {
                    // (An empty subject is in every text: nothing to paste.)
                    let pasted = !subject.trim().is_empty() && e.new_text.contains(subject.trim());
                    assert!(!pasted, "{cat:?} pasted {subject:?}");
                }
            }
        }
    }
}

#[test]
fn crafted_job_and_step_names_do_not_leak_either() {
    let f = FailureInput::new(Category::MissingCommand, Some("jq"))
        .in_job("test$(id)")
        .at_step_name("`id`");
    assert!(
        fixes_for(&f, PATH, TARGET, &NoRepo).fixes.is_empty(),
        "no job by that name"
    );
}
