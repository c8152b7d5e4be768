use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::json;

use super::*;

/// Minimal blocking HTTP/1.1 client: returns (status, raw head, body).
fn send(base: &str, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> (u16, String, String) {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("connect");
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    let body = body.unwrap_or("");
    request.push_str(&format!(
        "Content-Length: {}\r\ncontent-type: application/json\r\n\r\n{body}",
        body.len()
    ));
    stream.write_all(request.as_bytes()).expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

#[test]
fn serves_repo_and_records_requests_without_secrets() {
    let fake = FakeGithub::start();
    fake.add_repo("o/r", "trunk");
    let (status, _, body) = send(
        &fake.url(),
        "GET",
        "/repos/o/r",
        &[("Authorization", "Bearer s3cret")],
        None,
    );
    assert_eq!(status, 200);
    assert!(body.contains("\"default_branch\":\"trunk\""), "{body}");
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].had_authorization);
    assert!(requests[0].headers.iter().all(|(_, v)| !v.contains("s3cret")));
}

#[test]
fn paginates_with_link_headers() {
    let fake = FakeGithub::start();
    fake.add_repo("o/r", "main");
    fake.set_page_size(2);
    for i in 0..5 {
        fake.add_issue(
            "o/r",
            SeedIssue {
                title: format!("t{i}"),
                ..SeedIssue::default()
            },
        );
    }
    let (status, head, body) = send(&fake.url(), "GET", "/repos/o/r/issues?state=open", &[], None);
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&body)
            .map(|v| v.as_array().map(Vec::len))
            .ok()
            .flatten(),
        Some(2)
    );
    assert!(head.to_ascii_lowercase().contains("link:"), "{head}");
    assert!(head.contains("page=2>; rel=\"next\""), "{head}");
    let (_, head, _) = send(&fake.url(), "GET", "/repos/o/r/issues?state=open&page=3", &[], None);
    assert!(!head.contains("rel=\"next\""), "{head}");
}

#[test]
fn log_redirect_goes_to_blob_host_which_rejects_tokens() {
    let fake = FakeGithub::start();
    fake.add_repo("o/r", "main");
    fake.add_run("o/r", json!({ "id": 7 }));
    fake.set_job_log("o/r", 70, "hello log");
    let (status, head, _) = send(&fake.url(), "GET", "/repos/o/r/actions/jobs/70/logs", &[], None);
    assert_eq!(status, 302);
    let location = head
        .lines()
        .find_map(|line| {
            line.strip_prefix("location: ")
                .or_else(|| line.strip_prefix("Location: "))
        })
        .unwrap_or_default()
        .to_string();
    let path = location.trim_start_matches(&fake.blob_url()).to_string();
    assert!(location.starts_with(&fake.blob_url()), "{location}");
    let (status, _, body) = send(&fake.blob_url(), "GET", &path, &[], None);
    assert_eq!((status, body.as_str()), (200, "hello log"));
    let (status, _, _) = send(&fake.blob_url(), "GET", &path, &[("Authorization", "Bearer x")], None);
    assert_eq!(status, 403);
}

#[test]
fn faults_apply_the_given_number_of_times() {
    let fake = FakeGithub::start();
    fake.add_repo("o/r", "main");
    fake.inject_fault(
        None,
        "/repos/o/r",
        1,
        FaultKind::TooManyRequests { retry_after_secs: 3 },
    );
    let (status, head, _) = send(&fake.url(), "GET", "/repos/o/r", &[], None);
    assert_eq!(status, 429);
    assert!(head.contains("retry-after: 3"), "{head}");
    assert_eq!(send(&fake.url(), "GET", "/repos/o/r", &[], None).0, 200);
}

#[test]
fn git_data_round_trip_and_pull_duplicates_are_refused() {
    let fake = FakeGithub::start();
    fake.add_repo("o/r", "main");
    let base = fake.commit_files("o/r", "main", &[("a.yml", "old")], "init");
    let url = fake.url();
    let (_, _, blob) = send(
        &url,
        "POST",
        "/repos/o/r/git/blobs",
        &[],
        Some(r#"{"content":"bmV3","encoding":"base64"}"#),
    );
    let blob: Value = serde_json::from_str(&blob).unwrap_or_default();
    let tree_body = json!({ "tree": [{ "path": "a.yml", "mode": "100644", "type": "blob", "sha": blob["sha"] }] });
    let (_, _, tree) = send(&url, "POST", "/repos/o/r/git/trees", &[], Some(&tree_body.to_string()));
    let tree: Value = serde_json::from_str(&tree).unwrap_or_default();
    let commit_body = json!({ "message": "m", "tree": tree["sha"], "parents": [base] });
    let (_, _, commit) = send(
        &url,
        "POST",
        "/repos/o/r/git/commits",
        &[],
        Some(&commit_body.to_string()),
    );
    let commit: Value = serde_json::from_str(&commit).unwrap_or_default();
    let ref_body = json!({ "ref": "refs/heads/fix", "sha": commit["sha"] });
    assert_eq!(
        send(&url, "POST", "/repos/o/r/git/refs", &[], Some(&ref_body.to_string())).0,
        201
    );
    assert_eq!(fake.file_at("o/r", "fix", "a.yml").as_deref(), Some("new"));
    assert_eq!(fake.file_at("o/r", "main", "a.yml").as_deref(), Some("old"));
    let pull = r#"{"title":"t","head":"fix","base":"main","body":"b"}"#;
    assert_eq!(send(&url, "POST", "/repos/o/r/pulls", &[], Some(pull)).0, 201);
    assert_eq!(send(&url, "POST", "/repos/o/r/pulls", &[], Some(pull)).0, 422);
}

#[test]
fn stops_when_dropped() {
    let fake = FakeGithub::start();
    let addr = fake.url().trim_start_matches("http://").to_string();
    drop(fake);
    assert!(TcpStream::connect(addr).is_err());
}
