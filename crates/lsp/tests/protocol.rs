//! The server driven over JSON-RPC, in-process, the way an editor drives it.

use crate::support;

use serde_json::{Value, json};
use support::{TestClient, apply_edits, file_uri};

const WF_URI: &str = "file:///nowhere/repo/.github/workflows/ci.yml";

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn range(sl: u32, sc: u32, el: u32, ec: u32) -> Value {
    json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}})
}

#[tokio::test]
async fn diagnostics_carry_rule_code_docs_link_and_source() {
    let (mut c, init) = TestClient::start(None, &["utf-16"]).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    let text =
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\npermissions: {}\n";
    c.open(WF_URI, text).await;
    let diags = c.diagnostics(WF_URI, Some(1)).await;
    let timeout = diags
        .iter()
        .find(|d| d["code"] == "timeout/missing")
        .expect("timeout diagnostic");
    assert_eq!(timeout["range"], range(2, 2, 2, 7));
    assert_eq!(timeout["source"], "autoheal");
    assert!(
        timeout["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/docs/rules/timeout.md")
    );
}

#[tokio::test]
async fn other_yaml_files_are_ignored() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    c.open("file:///r/docker-compose.yml", "services:\n  a:\n    image:x\n")
        .await;
    c.open("file:///r/action.yml", "name: a\nruns:\n  using:node20\n").await;
    // The action file is served; the compose file never gets a publish.
    let n = c.notification("textDocument/publishDiagnostics").await;
    assert_eq!(n["params"]["uri"], "file:///r/action.yml");
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": "file:///r/docker-compose.yml"}}),
        )
        .await;
    assert!(symbols.is_null());
}

#[tokio::test]
async fn incremental_edits_across_multibyte_characters_map_in_utf16() {
    let (mut c, _) = TestClient::start(None, &["utf-16"]).await;
    let text = "name: 🚀 日本 CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: echo \"😀 日本\"\n  deploy:\n    timeout-minutes: 10\n    runs-on: ubuntu-latest\n    needs: [build]\n    steps: [run: x]\npermissions: {}\n";
    c.open(WF_URI, text).await;
    assert_eq!(c.diagnostics(WF_URI, Some(1)).await, Vec::<Value>::new());
    // "name: 🚀 " is 9 UTF-16 units (the rocket is a surrogate pair).
    c.change(WF_URI, 2, json!([{"range": range(0, 9, 0, 11), "text": "中文テスト"}]))
        .await;
    // Insert `"😀", ` after `[`, then replace `build` (now at 18..23) with a typo.
    c.change(
        WF_URI,
        3,
        json!([
            {"range": range(11, 12, 11, 12), "text": "\"😀\", "},
            {"range": range(11, 18, 11, 23), "text": "buidl"}
        ]),
    )
    .await;
    let diags = c.diagnostics(WF_URI, Some(3)).await;
    let typo = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("\"buidl\""))
        .expect("typo diagnostic");
    // Reported at the job (as actionlint does), the name itself in the
    // related information: both ranges are mapped.
    assert_eq!(typo["range"], range(8, 2, 8, 8));
    assert_eq!(
        typo["relatedInformation"][0]["location"]["range"],
        range(11, 18, 11, 23)
    );
    assert!(typo["message"].as_str().unwrap().contains("did you mean \"build\""));
    let emoji = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("\"😀\""))
        .expect("emoji job diagnostic");
    assert_eq!(
        emoji["relatedInformation"][0]["location"]["range"],
        range(11, 12, 11, 16)
    );
    // The server's text matches the client's: the outline shows the edited name.
    let symbols = c
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": WF_URI}}))
        .await;
    assert_eq!(symbols[0]["name"], "🚀 中文テスト CI");
}

#[tokio::test]
async fn utf8_is_used_when_offered() {
    let (mut c, init) = TestClient::start(None, &["utf-8", "utf-16"]).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = "name: 😀\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - {name: 😀, run:make}\npermissions: {}\n";
    c.open(WF_URI, text).await;
    let diags = c.diagnostics(WF_URI, Some(1)).await;
    let syntax = diags
        .iter()
        .find(|d| d["code"] == "syntax/missing-space")
        .expect("missing space diagnostic");
    // `      - {name: 😀, ` is 21 bytes (the emoji is 4; 19 UTF-16 units).
    assert_eq!(syntax["range"]["start"], json!({"line": 7, "character": 21}));
}

#[tokio::test]
async fn quick_fix_applies_and_clears_the_diagnostic() {
    let (mut c, _) = TestClient::start(None, &["utf-16"]).await;
    let mut text = "name: 日本 😀\non: push\njobs:\n  build:\n    runs-on:ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\npermissions: {}\n".to_string();
    c.open(WF_URI, &text).await;
    let diags = c.diagnostics(WF_URI, Some(1)).await;
    assert_eq!(codes(&diags), ["syntax/parse"]);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": WF_URI}, "range": diags[0]["range"], "context": {"diagnostics": diags, "only": ["quickfix"]}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert!(actions[0]["title"].as_str().unwrap().contains("space after `runs-on:`"));
    assert_eq!(actions[0]["diagnostics"][0]["code"], "syntax/parse");
    let edits = actions[0]["edit"]["changes"][WF_URI].as_array().unwrap().clone();
    let fixed = apply_edits(&text, &edits, false);
    assert!(fixed.contains("    runs-on: ubuntu-latest\n"));
    // Send the edit as the client would: incrementally.
    c.change(
        WF_URI,
        2,
        json!(
            edits
                .iter()
                .map(|e| json!({"range": e["range"], "text": e["newText"]}))
                .collect::<Vec<_>>()
        ),
    )
    .await;
    text = fixed;
    assert_eq!(
        c.diagnostics(WF_URI, Some(2)).await,
        Vec::<Value>::new(),
        "diagnostics cleared for {text}"
    );
}

#[tokio::test]
async fn fix_all_applies_every_safe_fix() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let text = "on: push\njobs:\n  a:\n    runs-on:ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: x\n  b:\n    runs-on:ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: y\npermissions: {}\n";
    c.open(WF_URI, text).await;
    let diags = c.diagnostics(WF_URI, Some(1)).await;
    assert_eq!(codes(&diags), ["syntax/parse", "syntax/parse"]);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": WF_URI}, "range": range(0, 0, 0, 0), "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0]["kind"], autoheal_lsp::FIX_ALL_KIND);
    let edits = actions[0]["edit"]["changes"][WF_URI].as_array().unwrap().clone();
    let fixed = apply_edits(text, &edits, false);
    c.change(WF_URI, 2, json!([{"text": fixed}])).await;
    assert_eq!(c.diagnostics(WF_URI, Some(2)).await, Vec::<Value>::new());
}

#[tokio::test]
async fn unsafe_fixes_are_offered_but_not_in_fix_all() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let text =
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\npermissions: {}\n";
    c.open(WF_URI, text).await;
    let diags = c.diagnostics(WF_URI, Some(1)).await;
    assert_eq!(codes(&diags), ["timeout/missing"]);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": WF_URI}, "range": range(2, 3, 2, 3), "context": {"diagnostics": []}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "one quick fix, no fix-all: {actions:?}");
    assert!(actions[0]["data"]["explanation"].as_str().unwrap().contains("360"));
    let fixed = apply_edits(text, actions[0]["edit"]["changes"][WF_URI].as_array().unwrap(), false);
    assert!(
        fixed.contains("    runs-on: ubuntu-latest\n    timeout-minutes: 60\n"),
        "{fixed}"
    );
}

#[tokio::test]
async fn hover_symbols_definition_completion() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let text = "name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Show\n        run: echo ${{ github.sha }}\n  deploy:\n    timeout-minutes: 5\n    runs-on: ubuntu-latest\n    needs: [build]\n    \npermissions: {}\n";
    c.open(WF_URI, text).await;
    c.diagnostics(WF_URI, Some(1)).await;
    let pos = |line: u32, character: u32| json!({"textDocument": {"uri": WF_URI}, "position": {"line": line, "character": character}});

    let hover = c.request("textDocument/hover", pos(3, 3)).await;
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("`timeout`") && md.contains("timeout-minutes"), "{md}");

    let hover = c.request("textDocument/hover", pos(7, 25)).await;
    assert!(
        hover["contents"]["value"].as_str().unwrap().contains("workflow run"),
        "{hover}"
    );

    let symbols = c
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": WF_URI}}))
        .await;
    assert_eq!(symbols[0]["name"], "CI");
    assert_eq!(symbols[0]["children"][0]["name"], "build");
    assert_eq!(symbols[0]["children"][0]["children"][0]["name"], "Show");
    assert_eq!(symbols[0]["children"][1]["name"], "deploy");

    let def = c.request("textDocument/definition", pos(11, 14)).await;
    assert_eq!(def["uri"], WF_URI);
    assert_eq!(def["range"], range(3, 2, 3, 7));

    let items = c.request("textDocument/completion", pos(12, 4)).await;
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"steps") && labels.contains(&"if"), "{labels:?}");
    assert!(
        !labels.contains(&"needs"),
        "present keys are not offered again: {labels:?}"
    );
}

#[tokio::test]
async fn bad_input_never_stops_the_server() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    // A malformed frame: valid header, body that is not JSON.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json").await;
    // An unknown method gets an error response.
    let resp = c.request_raw("autoheal/nonsense", json!({})).await;
    assert_eq!(resp["error"]["code"], -32601);
    // Positions beyond the document and requests on unopened documents.
    let text = "on: push\njobs:\n  a:\n    runs-on: x\npermissions: {}\n";
    c.open(WF_URI, text).await;
    c.diagnostics(WF_URI, Some(1)).await;
    let far = json!({"textDocument": {"uri": WF_URI}, "position": {"line": 999, "character": 999}});
    assert!(
        c.request_raw("textDocument/hover", far.clone())
            .await
            .get("error")
            .is_none()
    );
    assert!(
        c.request_raw("textDocument/completion", far.clone())
            .await
            .get("error")
            .is_none()
    );
    assert!(
        c.request_raw("textDocument/definition", far)
            .await
            .get("error")
            .is_none()
    );
    let bad_range =
        json!({"textDocument": {"uri": WF_URI}, "range": range(50, 0, 3, 0), "context": {"diagnostics": []}});
    assert!(
        c.request_raw("textDocument/codeAction", bad_range)
            .await
            .get("error")
            .is_none()
    );
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": WF_URI}}))
        .await;
    assert_eq!(
        c.diagnostics(WF_URI, None).await,
        Vec::<Value>::new(),
        "closing clears diagnostics"
    );
    let closed = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": WF_URI}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert!(closed.is_null());
    c.change(WF_URI, 9, json!([{"text": "x"}])).await;
    // Still serving.
    let symbols = c
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": WF_URI}}))
        .await;
    assert!(symbols.is_null());
    c.request("shutdown", Value::Null).await;
}

#[tokio::test]
async fn rapid_edits_publish_in_order_and_end_on_the_latest() {
    let (mut c, _) = TestClient::start(None, &[]).await;
    let base =
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\npermissions: {}\n";
    c.open(WF_URI, base).await;
    for v in 2..=30 {
        // Odd versions have the timeout problem, even ones do not.
        let text = if v % 2 == 0 {
            base.replace("    steps:", "    timeout-minutes: 5\n    steps:")
        } else {
            base.to_string()
        };
        c.change(WF_URI, v, json!([{"text": text}])).await;
    }
    let mut last = 0;
    loop {
        let n = c.notification("textDocument/publishDiagnostics").await;
        let v = n["params"]["version"].as_i64().unwrap();
        assert!(v >= last, "version {v} published after {last}");
        last = v;
        if v == 30 {
            assert_eq!(
                n["params"]["diagnostics"],
                json!([]),
                "the latest text (even version) is clean"
            );
            break;
        }
    }
}

#[tokio::test]
async fn config_is_honored_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::write(root.join(".github/autoheal.yml"), "rules:\n  timeout: off\n").unwrap();
    let (mut c, _) = TestClient::start(Some(root), &[]).await;
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    c.open(
        &uri,
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\npermissions: {}\n",
    )
    .await;
    assert_eq!(c.diagnostics(&uri, Some(1)).await, Vec::<Value>::new());
    std::fs::write(root.join(".github/autoheal.yml"), "rules:\n  timeout: error\n").unwrap();
    let config_uri = file_uri(&root.join(".github/autoheal.yml"));
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    )
    .await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(codes(&diags), ["timeout/missing"]);
    assert_eq!(diags[0]["severity"], 1, "the configured severity");
}

#[tokio::test]
async fn config_problems_are_published_on_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".github")).unwrap();
    std::fs::write(dir.path().join(".github/autoheal.yml"), "rules:\n  timeot: off\n").unwrap();
    let (mut c, _) = TestClient::start(Some(dir.path()), &[]).await;
    let config_uri = file_uri(&dir.path().join(".github/autoheal.yml"));
    let diags = c.diagnostics(&config_uri, None).await;
    assert_eq!(codes(&diags), ["config"]);
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean \"timeout\"")
    );
}

#[tokio::test]
async fn past_failures_show_on_their_step_and_follow_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::create_dir_all(root.join(".autoheal/failures")).unwrap();
    let text = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/checkout@v5 # autoheal: ignore[unpinned-uses]\n      - name: Run tests\n        run: pytest\npermissions: {}\n";
    std::fs::write(root.join(".github/workflows/ci.yml"), text).unwrap();
    let record = json!({
        "version": 1, "run_id": 123456, "run_url": "https://github.com/o/r/actions/runs/123456",
        "date": "2026-11-20T10:00:00Z", "workflow_path": ".github/workflows/ci.yml", "workflow_hash": "fnv1a64:0000000000000000",
        "failures": [{
            "category": "missing_dependency", "subject": "PyYAML", "fixable": true, "confidence": 0.9, "job": "test",
            "step": {"number": 3, "name": "Run tests"},
            "evidence": [{"line": 10, "text": "ModuleNotFoundError: No module named 'yaml'"}],
            "message": "ModuleNotFoundError: No module named 'yaml'", "span": null, "fixes": []
        }]
    });
    std::fs::write(root.join(".autoheal/failures/ci--123456.json"), record.to_string()).unwrap();
    let (mut c, _) = TestClient::start(Some(root), &[]).await;
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    c.open(&uri, text).await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(codes(&diags), [autoheal_lsp::PAST_FAILURE_CODE]);
    let msg = diags[0]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("failed in run 123456 (2026-11-20): ModuleNotFoundError: No module named 'yaml'"),
        "{msg}"
    );
    assert!(msg.contains("missing_dependency"));
    assert_eq!(
        diags[0]["codeDescription"]["href"],
        "https://github.com/o/r/actions/runs/123456"
    );
    assert_eq!(diags[0]["range"]["start"], json!({"line": 7, "character": 8}));

    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 8, "character": 12}}),
        )
        .await;
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("Last recorded failure") && md.contains("No module named 'yaml'"),
        "{md}"
    );

    // A step inserted above: the failure moves with its step.
    c.change(
        &uri,
        2,
        json!([{"range": range(7, 0, 7, 0), "text": "      - run: echo first\n"}]),
    )
    .await;
    let diags = c.diagnostics(&uri, Some(2)).await;
    assert_eq!(diags[0]["range"]["start"], json!({"line": 8, "character": 8}));
    // The step renamed: the failure no longer maps and is dropped.
    c.change(&uri, 3, json!([{"range": range(8, 14, 8, 23), "text": "Unit tests"}]))
        .await;
    assert_eq!(c.diagnostics(&uri, Some(3)).await, Vec::<Value>::new());
}

#[tokio::test]
async fn past_failures_get_fixes_for_the_current_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::create_dir_all(root.join(".autoheal/failures")).unwrap();
    let text = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/checkout@v5 # autoheal: ignore[unpinned-uses]\n      - uses: actions/setup-python@v6 # autoheal: ignore[unpinned-uses]\n        with:\n          python-version: '3.12'\n      - name: Install\n        run: pip install pytest\n      - name: Run tests\n        run: pytest\npermissions: {}\n";
    std::fs::write(root.join(".github/workflows/ci.yml"), text).unwrap();
    let record = json!({
        "version": 1, "run_id": 7, "date": "2026-11-20T10:00:00Z", "workflow_path": ".github/workflows/ci.yml",
        "workflow_hash": "fnv1a64:0000000000000000",
        "failures": [{
            "category": "missing_dependency", "subject": "PyYAML", "fixable": true, "confidence": 0.9, "job": "test",
            "step": {"number": 5, "name": "Run tests"},
            "message": "ModuleNotFoundError: No module named 'yaml'", "span": null, "fixes": []
        }]
    });
    std::fs::write(root.join(".autoheal/failures/ci--7.json"), record.to_string()).unwrap();
    let (mut c, _) = TestClient::start(Some(root), &[]).await;
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    c.open(&uri, text).await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(codes(&diags), [autoheal_lsp::PAST_FAILURE_CODE]);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diags[0]["range"], "context": {"diagnostics": diags, "only": ["quickfix"]}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    assert!(!actions.is_empty(), "a generated fix for the missing module");
    let fixed = apply_edits(text, actions[0]["edit"]["changes"][&uri].as_array().unwrap(), false);
    assert!(fixed.contains("PyYAML"), "{fixed}");
}

/// A past missing file whose only namesake is under `examples/`: the
/// rewrite onto it is display-only. A person may still pick it as a single
/// quick fix (its title says it is a guess, it is never preferred), and
/// fix-all, which applies without a look, leaves it out.
#[tokio::test]
async fn a_display_only_fix_is_a_labelled_quick_fix_and_not_in_fix_all() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::create_dir_all(root.join(".autoheal/failures")).unwrap();
    std::fs::create_dir_all(root.join("examples")).unwrap();
    std::fs::write(root.join("examples/requirements-dev.txt"), "pytest\n").unwrap();
    let text = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/checkout@v5 # autoheal: ignore[unpinned-uses]\n      - name: Install\n        run: pip install -r requirements-dev.txt\npermissions: {}\n";
    std::fs::write(root.join(".github/workflows/ci.yml"), text).unwrap();
    let record = json!({
        "version": 1, "run_id": 8, "date": "2026-11-20T10:00:00Z", "workflow_path": ".github/workflows/ci.yml",
        "workflow_hash": "fnv1a64:0000000000000000",
        "failures": [{
            "category": "file_not_found", "subject": "requirements-dev.txt", "fixable": true, "confidence": 0.9,
            "job": "test", "step": {"number": 3, "name": "Install"},
            "message": "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
            "span": null, "fixes": []
        }]
    });
    std::fs::write(root.join(".autoheal/failures/ci--8.json"), record.to_string()).unwrap();
    let (mut c, _) = TestClient::start(Some(root), &[]).await;
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    c.open(&uri, text).await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(codes(&diags), [autoheal_lsp::PAST_FAILURE_CODE]);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "the quick fix, and no fix-all: {actions:?}");
    let action = &actions[0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["data"]["applicability"], "display-only", "{action}");
    assert!(
        action["title"]
            .as_str()
            .unwrap()
            .ends_with("(a guess: check it before applying)"),
        "{action}"
    );
    assert_ne!(action["isPreferred"], true, "{action}");
    let fixed = apply_edits(text, action["edit"]["changes"][&uri].as_array().unwrap(), false);
    assert!(fixed.contains("-r examples/requirements-dev.txt"), "{fixed}");
    let all = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(0, 0, 0, 0), "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        )
        .await;
    assert_eq!(all, json!([]), "{all}");
}

/// A run file holds the doubtful rewrite onto `examples/` as `unsafe` (as
/// format 1 wrote it; a file of format 2 can say so too: it is untrusted),
/// on the unchanged file. Its saved fix is never offered: the server makes
/// the fixes again for the text, so the person sees the rewrite labelled as
/// a guess, whatever the file's version.
#[tokio::test]
async fn a_run_files_saved_rewrite_is_made_again_as_a_labelled_guess() {
    for version in [1, 2] {
        saved_rewrite_is_made_again(version).await;
    }
}

async fn saved_rewrite_is_made_again(version: u32) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::create_dir_all(root.join(".autoheal/failures")).unwrap();
    std::fs::create_dir_all(root.join("examples")).unwrap();
    std::fs::write(root.join("examples/requirements-dev.txt"), "pytest\n").unwrap();
    let text = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/checkout@v5 # autoheal: ignore[unpinned-uses]\n      - name: Install\n        run: pip install -r requirements-dev.txt\npermissions: {}\n";
    std::fs::write(root.join(".github/workflows/ci.yml"), text).unwrap();
    let at = text.find("requirements-dev.txt").unwrap();
    let title = "Use `examples/requirements-dev.txt` instead of `requirements-dev.txt` in step \"Install\"";
    let record = json!({
        "version": version, "run_id": 9, "date": "2026-11-20T10:00:00Z", "workflow_path": ".github/workflows/ci.yml",
        "workflow_hash": autoheal_lsp::failure_store::content_hash(text.as_bytes()),
        "failures": [{
            "category": "file_not_found", "subject": "requirements-dev.txt", "fixable": true, "confidence": 0.9,
            "job": "test", "step": {"number": 3, "name": "Install"},
            "message": "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
            "span": null,
            "fixes": [{
                // A title the generator never makes: the one offered must
                // be the server's own, made again, not this saved one.
                "title": format!("SAVED {title}"), "applicability": "unsafe",
                "edits": [{"path": ".github/workflows/ci.yml", "byte_range": [at, at + 20],
                           "new_text": "examples/requirements-dev.txt"}]
            }]
        }]
    });
    std::fs::write(root.join(".autoheal/failures/ci--9.json"), record.to_string()).unwrap();
    let (mut c, _) = TestClient::start(Some(root), &[]).await;
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    c.open(&uri, text).await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(codes(&diags), [autoheal_lsp::PAST_FAILURE_CODE]);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diags[0]["range"], "context": {"diagnostics": diags, "only": ["quickfix"]}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["data"]["applicability"], "display-only", "{actions:?}");
    assert_eq!(
        actions[0]["title"],
        format!("{title} (a guess: check it before applying)"),
        "{actions:?}"
    );
    assert_ne!(actions[0]["isPreferred"], true, "{actions:?}");
}

const CLEAN_BUT_NO_TIMEOUT: &str =
    "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\npermissions: {}\n";

/// The VS Code settings `autoheal.configPath` and
/// `autoheal.severityOverrides`, sent as `initializationOptions`.
#[tokio::test]
async fn initialization_options_choose_the_config_file_and_override_severities() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    // The default file would turn `timeout` off; the chosen one does not,
    // and has a mistake that is published on it.
    std::fs::write(root.join(".github/autoheal.yml"), "rules:\n  timeout: off\n").unwrap();
    std::fs::create_dir_all(root.join("ci")).unwrap();
    std::fs::write(root.join("ci/lint.yml"), "rules:\n  timeout: warning\n  nope: off\n").unwrap();
    let options = json!({"configPath": "ci/lint.yml", "severityOverrides": {"job-needs": "info"}});
    let (mut c, _) = TestClient::start_with(Some(root), &[], options, None).await;
    let config_uri = file_uri(&root.join("ci/lint.yml"));
    let config_diags = c.diagnostics(&config_uri, None).await;
    assert_eq!(codes(&config_diags), ["config"], "{config_diags:?}");
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    let text = CLEAN_BUT_NO_TIMEOUT.replace("    steps:", "    needs: [nope]\n    steps:");
    c.open(&uri, &text).await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    let severity_of = |code: &str| diags.iter().find(|d| d["code"] == code).map(|d| d["severity"].clone());
    assert_eq!(
        severity_of("timeout/missing"),
        Some(json!(2)),
        "ci/lint.yml's warning: {diags:?}"
    );
    assert_eq!(
        severity_of("job-needs/unknown-job"),
        Some(json!(3)),
        "the override's info: {diags:?}"
    );
}

/// Settings from `workspace/configuration` (asked for after `initialized`,
/// and again on `workspace/didChangeConfiguration`) win over the
/// initialization options.
#[tokio::test]
async fn workspace_configuration_is_asked_for_and_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    let options = json!({"severityOverrides": {"timeout": "error"}});
    let section = json!({"severityOverrides": {"timeout": "off"}, "path": "", "trace": {"server": "off"}});
    let (mut c, _) = TestClient::start_with(Some(root), &[], options, Some(section)).await;
    let uri = file_uri(&root.join(".github/workflows/ci.yml"));
    c.open(&uri, CLEAN_BUT_NO_TIMEOUT).await;
    // The first publish may predate the answer; the last one follows it.
    let mut diags = c.diagnostics(&uri, Some(1)).await;
    while !diags.is_empty() {
        diags = c.diagnostics(&uri, Some(1)).await;
    }
    assert_eq!(c.configuration_requests[0]["items"][0]["section"], "autoheal");

    c.configuration = json!({"severityOverrides": {"timeout": "warning"}});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null}))
        .await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(codes(&diags), ["timeout/missing"]);
    assert_eq!(diags[0]["severity"], 2);

    // A client that pushes its settings is not asked.
    let asked = c.configuration_requests.len();
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"autoheal": {"severityOverrides": {"timeout": "error"}}}}),
    )
    .await;
    let diags = c.diagnostics(&uri, Some(1)).await;
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(c.configuration_requests.len(), asked);
}
