use super::*;
use autoheal_engine::repo::{MemoryRepo, NoRepo};

fn labels(text_with_cursor: &str, kind: FileKind, repo: &dyn RepoFiles) -> Vec<String> {
    let offset = text_with_cursor.find('|').expect("cursor");
    let text = text_with_cursor.replacen('|', "", 1);
    complete(&text, offset, kind, &["gpu-box".to_string()], repo)
        .into_iter()
        .map(|i| i.label)
        .collect()
}

const WF: &str = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n  test:\n    needs: [build]\n    runs-on: ubuntu-latest\n";

#[test]
fn keys_by_position() {
    let top = labels("on: push\n|", FileKind::Workflow, &NoRepo);
    assert!(
        top.contains(&"jobs".to_string()) && !top.contains(&"on".to_string()),
        "{top:?}"
    );
    let job = labels("jobs:\n  build:\n    runs-on: x\n    |", FileKind::Workflow, &NoRepo);
    assert!(
        job.contains(&"timeout-minutes".to_string()) && !job.contains(&"runs-on".to_string()),
        "{job:?}"
    );
    let step = labels(
        "jobs:\n  build:\n    steps:\n      - uses: a/b@v1\n        |",
        FileKind::Workflow,
        &NoRepo,
    );
    assert!(
        step.contains(&"with".to_string()) && !step.contains(&"uses".to_string()),
        "{step:?}"
    );
    let new_item = labels(
        "jobs:\n  build:\n    steps:\n      - run: x\n      - |",
        FileKind::Workflow,
        &NoRepo,
    );
    assert!(new_item.contains(&"run".to_string()), "{new_item:?}");
    let events = labels("on:\n  |", FileKind::Workflow, &NoRepo);
    assert!(events.contains(&"workflow_dispatch".to_string()));
    let action = labels("name: a\nruns:\n  |", FileKind::Action, &NoRepo);
    assert!(action.contains(&"using".to_string()));
}

#[test]
fn keys_come_from_the_engine_schema() {
    // Both were missing while the LSP kept its own copy of the lists.
    let job = labels("jobs:\n  build:\n    runs-on: x\n    |", FileKind::Workflow, &NoRepo);
    assert!(job.contains(&"snapshot".to_string()), "{job:?}");
    let step = labels(
        "jobs:\n  build:\n    steps:\n      - run: x\n        |",
        FileKind::Workflow,
        &NoRepo,
    );
    assert!(step.contains(&"background".to_string()), "{step:?}");
    // Per-event filters: `workflow_call` takes inputs, outputs and secrets.
    let call = labels("on:\n  workflow_call:\n    |", FileKind::Workflow, &NoRepo);
    assert_eq!(call, ["inputs", "outputs", "secrets"]);
    let events = labels("on:\n  |", FileKind::Workflow, &NoRepo);
    assert_eq!(events.len(), autoheal_engine::rules::events::EVENTS.len());
}

#[test]
fn needs_offers_other_job_ids() {
    let text = WF.replace("needs: [build]", "needs: |");
    let got = labels(&text, FileKind::Workflow, &NoRepo);
    assert_eq!(got, vec!["build".to_string()]);
    let list = WF.replace("needs: [build]", "needs:\n      - |");
    assert_eq!(labels(&list, FileKind::Workflow, &NoRepo), vec!["build".to_string()]);
}

#[test]
fn runs_on_offers_configured_and_hosted_labels() {
    let got = labels("jobs:\n  a:\n    runs-on: |\n", FileKind::Workflow, &NoRepo);
    assert_eq!(got[0], "gpu-box");
    assert!(got.contains(&"ubuntu-latest".to_string()));
}

#[test]
fn with_offers_local_action_inputs() {
    let repo = MemoryRepo::new([(
        "acts/x/action.yml",
        "inputs:\n  token:\n    description: A token\n  level: {}\n",
    )]);
    let text = "jobs:\n  a:\n    steps:\n      - uses: ./acts/x\n        with:\n          |\n";
    assert_eq!(
        labels(text, FileKind::Workflow, &repo),
        vec!["token".to_string(), "level".to_string()]
    );
}

#[test]
fn with_offers_inputs_of_popular_actions_from_the_engine_table() {
    let text = "jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          |\n";
    let got = labels(text, FileKind::Workflow, &NoRepo);
    assert!(
        got.contains(&"fetch-depth".to_string()) && got.contains(&"ref".to_string()),
        "{got:?}"
    );
    let unknown = "jobs:\n  a:\n    steps:\n      - uses: someone/unknown@v1\n        with:\n          |\n";
    assert!(labels(unknown, FileKind::Workflow, &NoRepo).is_empty());
}

#[test]
fn nothing_inside_scripts_or_at_odd_offsets() {
    let text = "jobs:\n  a:\n    steps:\n      - run: |\n          echo |\n";
    assert!(labels(text, FileKind::Workflow, &NoRepo).is_empty());
    assert!(complete("😀", 1, FileKind::Workflow, &[], &NoRepo).is_empty());
    assert!(complete("a", 999, FileKind::Workflow, &[], &NoRepo).len() < 100);
}
