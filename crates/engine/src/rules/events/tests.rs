use crate::rules::test_support::render;

#[test]
fn unknown_events_and_activity_types() {
    let src = "on:\n  pull_requests:\n  Push:\n  issues:\n    types: [opend, closed]\n  push:\n    types: [created]\n  repository_dispatch:\n    types: [anything]\njobs: {}\n";
    assert_eq!(
        render(src, "events"),
        [
            "2:3: unknown event \"pull_requests\"; did you mean \"pull_request\"?; see https://docs.github.com/en/actions/reference/events-that-trigger-workflows",
            "3:3: unknown event \"Push\"; did you mean \"push\"?; see https://docs.github.com/en/actions/reference/events-that-trigger-workflows",
            "5:13: invalid activity type \"opend\" for the \"issues\" event; did you mean \"opened\"?; available types are \"opened\", \"edited\", \"deleted\", \"transferred\", \"pinned\", \"unpinned\", \"closed\", \"reopened\", \"assigned\", \"unassigned\", \"labeled\", \"unlabeled\", \"locked\", \"unlocked\", \"milestoned\", \"demilestoned\", \"typed\", \"untyped\"",
            "7:12: the \"push\" event has no activity types; remove \"types\"",
        ]
    );
}

#[test]
fn filters() {
    let src =
        "on:\n  push:\n    branches: [main]\n    branches-ignore: [dev]\n  pull_request:\n    tags: [v1]\njobs: {}\n";
    assert_eq!(
        render(src, "events"),
        [
            "4:5: \"branches\" and \"branches-ignore\" cannot both be used for the \"push\" event; negate patterns with `!` in \"branches\" instead",
            "6:5: the \"tags\" filter is not available for the \"pull_request\" event, so it is ignored; it only applies to push",
        ]
    );
}

#[test]
fn cron_and_timezones() {
    let src = "on:\n  schedule:\n    - cron: '*/5 * * * *'\n    - cron: '*/2 * * * *'\n    - cron: '0 25 * * *'\n    - cron: '0 0 * * *'\n      timezone: Mars/Olympus\n    - cron: '0 0 * * *'\n      timezone: America/New_York\njobs: {}\n";
    assert_eq!(
        render(src, "events"),
        [
            "4:13: schedule \"*/2 * * * *\" runs every 2 minute(s), but the shortest interval GitHub runs is once every 5 minutes",
            "5:13: invalid cron expression \"0 25 * * *\": hour 25 is out of range 0-23",
            "7:17: invalid timezone \"Mars/Olympus\" in \"schedule\"; use an IANA name such as \"Europe/Berlin\" or \"Etc/UTC\"",
        ]
    );
}

#[test]
fn dispatch_and_call_inputs() {
    let src = "on:\n  workflow_dispatch:\n    inputs:\n      a:\n        type: choice\n      b:\n        type: choice\n        options: [x, x]\n        default: y\n      c:\n        type: boolean\n        default: yes\n      d:\n        type: string\n        options: [x]\n  workflow_call:\n    inputs:\n      n:\n        type: number\n        default: ten\n      r:\n        type: string\n        required: true\n        default: z\njobs: {}\n";
    assert_eq!(
        render(src, "events"),
        [
            "4:7: input \"a\" is of type \"choice\" but has no \"options\"",
            "8:22: option \"x\" of input \"b\" is listed twice",
            "9:18: default \"y\" of input \"b\" is not one of its options (x)",
            "12:18: input \"c\" is a boolean, so its default must be `true` or `false`, not \"yes\"",
            "13:7: \"options\" only applies to inputs of type \"choice\", but input \"d\" is of type \"string\"",
            "20:18: input \"n\" is a number, but its default \"ten\" is not a number",
            "24:18: input \"r\" is required, so its default is never used; remove \"default\" or set `required: false`",
        ]
    );
}

#[test]
fn at_most_25_dispatch_inputs() {
    let inputs: String = (0..26)
        .map(|i| format!("      i{i}:\n        type: string\n"))
        .collect();
    let src = format!(
        "on:\n  workflow_dispatch:\n    inputs:\n{inputs}jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n"
    );
    let got = crate::rules::test_support::render(&src, "events");
    assert_eq!(
        got,
        ["2:3: \"workflow_dispatch\" takes at most 25 inputs, but 26 are declared; GitHub rejects the workflow"]
    );
    let ok = src.replace("      i25:\n        type: string\n", "");
    assert!(crate::rules::test_support::render(&ok, "events").is_empty());
}
