//! Hostile documents and editing bursts: the server answers every one with
//! a bounded amount of work and keeps serving.

use crate::support;

use autoheal_fuzz_targets::hostile::{TAB_IN_BLOCK_SCALAR, alias_bomb, deep_block_sequence, deep_flow_sequence};
use serde_json::{Value, json};
use support::{TestClient, apply_edits, file_uri};

const WF_URI: &str = "file:///nowhere/repo/.github/workflows/ci.yml";

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().filter_map(|d| d["code"].as_str()).collect()
}

/// One `syntax` error saying the file is over a budget.
fn is_one_limit_error(diags: &[Value]) -> bool {
    diags.len() == 1
        && diags[0]["data"]["rule"] == "syntax"
        && diags[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("stops reading here") || m.contains("the most autoheal reads"))
}

/// The requests a client sends at a position while typing, each answered
/// without an error.
async fn answers_at(c: &mut TestClient, uri: &str, line: u32, character: u32) {
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
    for method in [
        "textDocument/hover",
        "textDocument/completion",
        "textDocument/definition",
    ] {
        let resp = c.request_raw(method, at.clone()).await;
        assert!(resp.get("error").is_none(), "{method} at {line}:{character}: {resp}");
    }
}

/// Every request a client sends while typing, answered without an error.
async fn still_serving(c: &mut TestClient) {
    answers_at(c, WF_URI, 3, 4).await;
    let symbols = c
        .request_raw("textDocument/documentSymbol", json!({"textDocument": {"uri": WF_URI}}))
        .await;
    assert!(symbols.get("error").is_none(), "{symbols}");
}

#[tokio::test]
async fn an_alias_bomb_deep_nesting_and_a_huge_document_each_get_one_limit_error() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let deep = deep_block_sequence(100_000);
    let huge = format!("on: push\n{}", "# padding\n".repeat(500_000));
    c.open(WF_URI, &alias_bomb()).await;
    let diags = c.diagnostics(WF_URI, Some(1)).await;
    assert!(is_one_limit_error(&diags), "{diags:?}");
    still_serving(&mut c).await;
    let flow = deep_flow_sequence(100_000);
    for (version, text) in [(2, deep), (3, huge), (4, flow)] {
        c.change(WF_URI, version, json!([{"text": text}])).await;
        let diags = c.diagnostics(WF_URI, Some(version)).await;
        assert!(is_one_limit_error(&diags), "version {version}: {diags:?}");
        still_serving(&mut c).await;
    }
}

/// An alias bomb as the workspace's `.github/autoheal.yml`: one config error
/// published on that file, and workflows are still analyzed.
#[tokio::test]
async fn an_alias_bomb_as_the_config_is_one_error_on_it_and_workflows_are_still_analyzed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    std::fs::write(dir.path().join(".github/autoheal.yml"), alias_bomb()).expect("write");
    let (mut c, _) = TestClient::start(Some(dir.path()), &[]).await;
    let config_uri = file_uri(&dir.path().join(".github/autoheal.yml"));
    let diags = c.diagnostics(&config_uri, None).await;
    assert_eq!(codes(&diags), ["config"], "{diags:?}");
    assert!(
        diags[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("(an alias bomb?)")),
        "{diags:?}"
    );
    let wf = file_uri(&dir.path().join(".github/workflows/ci.yml"));
    c.open(
        &wf,
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
    )
    .await;
    assert_eq!(codes(&c.diagnostics(&wf, Some(1)).await), ["timeout/missing"]);
}

/// A clean workflow big enough that one analysis takes a while (about a
/// second in a debug build).
fn four_hundred_jobs() -> String {
    let jobs: String = (0..400)
        .map(|i| {
            format!("  j{i}:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make {i}\n")
        })
        .collect();
    format!("on: push\npermissions: {{}}\njobs:\n{jobs}")
}

#[tokio::test]
async fn a_burst_of_edits_costs_a_few_analyses_and_ends_on_the_latest_text() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let base = four_hundred_jobs();
    c.open(WF_URI, &base).await;
    c.diagnostics(WF_URI, Some(1)).await;
    const EDITS: i64 = 50;
    for v in 2..=EDITS + 1 {
        // The last edit leaves one job without `timeout-minutes`.
        let text = if v == EDITS + 1 {
            base.replacen("    timeout-minutes: 5\n", "", 1)
        } else {
            base.replacen("make 0", &format!("make {v}"), 1)
        };
        c.change(WF_URI, v, json!([{"text": text}])).await;
    }
    let last = c.diagnostics(WF_URI, Some(EDITS + 1)).await;
    assert_eq!(codes(&last), ["timeout/missing"], "the latest text's one finding");
    let analyses = c
        .notifications
        .iter()
        .filter(|n| n["method"] == "window/logMessage")
        .filter_map(|n| n["params"]["message"].as_str())
        .filter(|m| m.starts_with("analyzed ") && m.contains(WF_URI) && !m.contains(" version 1 "))
        .count();
    assert!(
        (1..=5).contains(&analyses),
        "{analyses} analyses for {EDITS} quick edits: they are debounced"
    );
}

/// Requests that need the analysis while a refresh analyzes the same text wait for it
/// and share it: the server never runs two analyses of one document at once.
#[tokio::test]
async fn requests_during_a_refresh_never_start_a_second_analysis_of_the_document() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let base = four_hundred_jobs();
    c.open(WF_URI, &base).await;
    c.diagnostics(WF_URI, Some(1)).await;
    let at = json!({"textDocument": {"uri": WF_URI}, "position": {"line": 4, "character": 6}});
    for v in 2..=8 {
        c.change(
            WF_URI,
            v,
            json!([{"text": base.replacen("make 0", &format!("make {v}"), 1)}]),
        )
        .await;
        // Past the debounce the refresh is analyzing; these requests arrive meanwhile.
        tokio::time::sleep(std::time::Duration::from_millis(170)).await;
        for method in ["textDocument/hover", "textDocument/completion", "textDocument/hover"] {
            let resp = c.request_raw(method, at.clone()).await;
            assert!(resp.get("error").is_none(), "{method}: {resp}");
        }
    }
    c.diagnostics(WF_URI, Some(8)).await;
    let analyses: Vec<&str> = c
        .notifications
        .iter()
        .filter(|n| n["method"] == "window/logMessage")
        .filter_map(|n| n["params"]["message"].as_str())
        .filter(|m| m.starts_with("analyzed ") && m.contains(WF_URI))
        .collect();
    assert!(analyses.len() >= 2, "{analyses:?}");
    assert!(
        analyses.iter().all(|m| m.ends_with("(1 of this document in flight)")),
        "{analyses:#?}"
    );
}

#[tokio::test]
async fn the_tab_quick_fix_leaves_a_block_scalar_alone() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let text = TAB_IN_BLOCK_SCALAR;
    c.open(WF_URI, text).await;
    let diags: Vec<Value> = c
        .diagnostics(WF_URI, Some(1))
        .await
        .into_iter()
        .filter(|d| d["code"] == "syntax/parse")
        .collect();
    assert_eq!(diags.len(), 1, "{diags:?}");
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": WF_URI}, "range": diags[0]["range"], "context": {"diagnostics": diags, "only": ["quickfix"]}}),
        )
        .await;
    let action = actions
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|a| a["title"].as_str().is_some_and(|t| t.contains("tab")))
        })
        .unwrap_or_else(|| panic!("a tab fix: {actions}"));
    let edits = action["edit"]["changes"][WF_URI]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let fixed = apply_edits(text, &edits, false);
    assert_eq!(
        fixed,
        text.replace("\truns-on", "    runs-on"),
        "only the indentation tab"
    );
}

/// Text no editor should send but any can: a BOM, CRLF and lone CR line
/// ends, NUL and other control characters, 200 KB lines, astral characters,
/// a lone surrogate (as the JSON escape `\ud800`, which is not a Unicode
/// scalar). Each is analyzed or refused with an error answer, every request
/// at any position (past the end, `u32::MAX`, inside a surrogate pair) is
/// answered, and the server keeps serving.
#[tokio::test]
async fn odd_text_and_odd_positions_are_answered_and_the_server_keeps_serving() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let base = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n        uses: actions/checkout@v4\n";
    let texts = [
        format!("\u{feff}{base}"),
        base.replace('\n', "\r\n"),
        base.replace('\n', "\r"),
        format!("\u{feff}{}\0\0", base.replace('\n', "\r\n")),
        base.replace("echo", "echo \0\u{1}\u{7f}\u{85}\u{2028}"),
        base.replace("echo", &format!("echo {}", "😀".repeat(50_000))),
        base.replace("a:\n", &format!("{}:\n", "a".repeat(200_000))),
        base.replace("ubuntu-latest", "${{ 'x' }}😀\u{301}\u{200d}"),
    ];
    let max = u32::MAX;
    let positions = [(0, 0), (5, 14), (5, 20), (5, max), (6, 3), (max, 0), (max, max), (2, 1)];
    for (i, text) in texts.iter().enumerate() {
        let version = i as i64 + 1;
        if i == 0 {
            c.open(WF_URI, text).await;
        } else {
            c.change(WF_URI, version, json!([{"text": text}])).await;
        }
        c.diagnostics(WF_URI, Some(version)).await;
        for (line, character) in positions {
            answers_at(&mut c, WF_URI, line, character).await;
            let range = json!({"start": {"line": line, "character": character}, "end": {"line": 0, "character": 0}});
            let resp = c
                .request_raw(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": WF_URI}, "range": range, "context": {"diagnostics": []}}),
                )
                .await;
            assert!(
                resp.get("error").is_none(),
                "text {i}, codeAction at {line}:{character}: {resp}"
            );
        }
        let symbols = c
            .request_raw("textDocument/documentSymbol", json!({"textDocument": {"uri": WF_URI}}))
            .await;
        assert!(symbols.get("error").is_none(), "text {i}: {symbols}");
    }
    // Incremental edits at positions past the text, reversed, and inside
    // the surrogate pair of an emoji.
    let mut version = texts.len() as i64;
    for (sl, sc, el, ec) in [
        (max, max, 0, 0),
        (5, 13, 5, 12),
        (0, max, max, max),
        (5, 14, 5, 15),
        (1, 1, 1, 1),
    ] {
        version += 1;
        c.change(
            WF_URI,
            version,
            json!([{"range": {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}, "text": "😀\r\n\0"}]),
        )
        .await;
        c.diagnostics(WF_URI, Some(version)).await;
    }
    // A lone surrogate cannot be a Rust string: the notification is
    // dropped, the document keeps its last text and the server serves.
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{WF_URI}","version":{}}},"contentChanges":[{{"text":"on: push\ud800\n"}}]}}}}"#,
        version + 1
    );
    c.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
        .await;
    c.change(WF_URI, version + 2, json!([{"text": base}])).await;
    c.diagnostics(WF_URI, Some(version + 2)).await;
    still_serving(&mut c).await;
}

/// The workspace's `.github/autoheal.yml` not UTF-8 and its
/// `.github/actionlint.yaml` holding a NUL: one error on the config at its
/// line, and a local action's `action.yml` opened with a BOM, NUL and CRLF
/// is analyzed; the server keeps serving.
#[tokio::test]
async fn odd_bytes_in_the_config_and_action_metadata_are_errors_not_crashes() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    std::fs::write(dir.path().join(".github/autoheal.yml"), b"rules:\n  timeout: \xff\n").expect("write");
    std::fs::write(
        dir.path().join(".github/actionlint.yaml"),
        b"self-hosted-runner:\n  labels: [\0]\n",
    )
    .expect("write");
    let (mut c, _) = TestClient::start(Some(dir.path()), &[]).await;
    let config_uri = file_uri(&dir.path().join(".github/autoheal.yml"));
    let diags = c.diagnostics(&config_uri, None).await;
    assert_eq!(codes(&diags), ["config"], "{diags:?}");
    assert_eq!(diags[0]["range"]["start"]["line"], 1, "{diags:?}");
    let action = file_uri(&dir.path().join("act/action.yml"));
    let text = "\u{feff}name: x\r\ndescription: y\r\nruns:\r\n  using: composite\r\n  steps:\r\n    - run: ma\0ke\r\n      shell: bash\r\n";
    c.open(&action, text).await;
    let diags = c.diagnostics(&action, Some(1)).await;
    let nul = diags
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains("U+0000")))
        .unwrap_or_else(|| panic!("the NUL named: {diags:?}"));
    assert_eq!(nul["range"]["start"], json!({"line": 5, "character": 13}), "{nul}");
    answers_at(&mut c, &action, 5, 13).await;
    let wf = file_uri(&dir.path().join(".github/workflows/ci.yml"));
    c.open(
        &wf,
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
    )
    .await;
    assert_eq!(codes(&c.diagnostics(&wf, Some(1)).await), ["timeout/missing"]);
}

/// A checkout can ship `.github/autoheal.yml` as a symlink to `/dev/stdin`
/// (the server's own protocol stream), `/dev/zero` (endless) or a FIFO:
/// the server never opens one (reading it hung or ate memory) and serves
/// with the default config. A FIFO stands in for `/dev/stdin` here.
#[cfg(unix)]
#[tokio::test]
async fn a_config_linked_to_a_device_or_fifo_is_never_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    std::os::unix::fs::symlink(&fifo, dir.path().join(".github/autoheal.yml")).expect("link");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(".github/actionlint.yaml")).expect("link");
    let (mut c, _) = TestClient::start(Some(dir.path()), &[]).await;
    let wf = file_uri(&dir.path().join(".github/workflows/ci.yml"));
    c.open(
        &wf,
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
    )
    .await;
    assert_eq!(codes(&c.diagnostics(&wf, Some(1)).await), ["timeout/missing"]);
    std::fs::remove_file(dir.path().join(".github/autoheal.yml")).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(".github/autoheal.yml")).expect("link");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&dir.path().join(".github/autoheal.yml")), "type": 2}]}),
    )
    .await;
    c.change(&wf, 2, json!([{"text": "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"}])).await;
    assert_eq!(codes(&c.diagnostics(&wf, Some(2)).await), ["timeout/missing"]);
}

/// The one diagnostic of a document over the text cap.
fn is_one_too_large_error(diags: &[Value]) -> bool {
    diags.len() == 1
        && diags[0]["severity"] == 1
        && diags[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("larger than 16 MiB") && m.contains("not analyzed"))
}

/// Comment lines of exactly `bytes` bytes (at least 2).
fn comment_block(bytes: usize) -> String {
    let line = format!("# {}\n", "x".repeat(1021));
    let mut block = line.repeat((bytes - 2) / line.len());
    block.push_str(&format!("#{}\n", "x".repeat(bytes - block.len() - 2)));
    assert_eq!(block.len(), bytes);
    block
}

fn insert_at_start(text: &str) -> Value {
    json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": text}])
}

/// Endless insertions, or a huge `didOpen`, are not held past
/// `MAX_DOCUMENT_BYTES`: the document gets one diagnostic saying why (not
/// the analysis budget's limit error, which a kept text gets), every request
/// is still answered, and a whole replacement or a reopen recovers.
#[tokio::test]
async fn a_document_past_the_text_cap_is_dropped_with_one_diagnostic_and_recovers_when_replaced() {
    let cap = autoheal_lsp::MAX_DOCUMENT_BYTES;
    assert_eq!(cap, 16 << 20, "the test's message names 16 MiB");
    let small = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
    let (mut c, _) = TestClient::start(None, &[]).await;
    c.open(WF_URI, small).await;
    let normal = c.diagnostics(WF_URI, Some(1)).await;
    assert!(!normal.is_empty() && !is_one_too_large_error(&normal), "{normal:?}");

    // Up to the cap exactly: kept, and over the analysis budget.
    c.change(WF_URI, 2, insert_at_start(&comment_block(cap - small.len())))
        .await;
    let diags = c.diagnostics(WF_URI, Some(2)).await;
    assert!(is_one_limit_error(&diags), "{diags:?}");
    // Two bytes more: dropped.
    c.change(WF_URI, 3, insert_at_start("#\n")).await;
    let diags = c.diagnostics(WF_URI, Some(3)).await;
    assert!(is_one_too_large_error(&diags), "{diags:?}");
    assert!(
        diags[0]["message"].as_str().is_some_and(|m| m.contains("(16.0 MiB)")),
        "{diags:?}"
    );
    still_serving(&mut c).await;
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": WF_URI}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert!(hover.is_null(), "a dropped text has nothing to hover: {hover}");
    // More insertions, and an edit of a range, cannot be applied to a text
    // not kept: the document stays dropped.
    c.change(WF_URI, 4, insert_at_start(&comment_block(1 << 20))).await;
    assert!(is_one_too_large_error(&c.diagnostics(WF_URI, Some(4)).await));
    let delete_all = json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 99999999, "character": 0}}, "text": ""}]);
    c.change(WF_URI, 5, delete_all).await;
    assert!(is_one_too_large_error(&c.diagnostics(WF_URI, Some(5)).await));
    // The whole text replaced: analyzed again.
    c.change(WF_URI, 6, json!([{"text": small}])).await;
    assert_eq!(c.diagnostics(WF_URI, Some(6)).await, normal);
    still_serving(&mut c).await;

    // A didOpen past the cap: dropped; closed, its diagnostic is cleared;
    // reopened smaller, analyzed.
    let other = "file:///nowhere/repo/.github/workflows/other.yml";
    c.open(other, &comment_block(cap + 1)).await;
    assert!(is_one_too_large_error(&c.diagnostics(other, Some(1)).await));
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": other}}))
        .await;
    assert!(c.diagnostics(other, None).await.is_empty());
    c.open(other, small).await;
    assert_eq!(c.diagnostics(other, Some(1)).await, normal);
}
