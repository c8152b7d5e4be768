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
