//! The Argo CD CLI (`argocd app wait`, `argocd app sync`).
//!
//! Source: `cmd/argocd/commands/app.go` in argoproj/argo-cd,
//! `waitOnApplicationStatus`: when the application does not reach the
//! requested state (`--sync`, `--health`, `--operation`) within `--timeout`
//! it returns `timed out ({n}s) waiting for app "{app}" match desired state`
//! (`Timed out …` before 2.x), and with `--health` an application that turns
//! `Degraded` ends the wait with `application '{app}' health state has
//! transitioned from {state} to Degraded`. The CLI's `errors.CheckError`
//! logs the error through logrus at fatal level (`time="…" level=fatal
//! msg="…"`, or `FATA[{secs}] …` on a terminal) and exits 20. The wait's
//! limit is the command's own, not the job's; what did not become healthy is
//! the application or the cluster, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "argocd/wait-failed",
    grammar: "timed out ({n}s) waiting for app \"{app}\" match desired state | application '{app}' health state has \
              transitioned from {state} to Degraded (logged at fatal level)",
    needles: &["waiting for app", "health state has transitioned"],
    check: wait_failed,
    examples: &[ex(
        "time=\"2026-12-07T13:15:03Z\" level=fatal msg=\"timed out (300s) waiting for app \\\"storefront\\\" match \
         desired state\"",
        Category::Unknown,
        None,
    )],
}];

fn wait_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // The CLI's fatal log line: logrus' text form or its terminal form.
    if !(text.contains("level=fatal msg=") || regex!(r"^FATA\[\d+\] ").is_match(text)) {
        return None;
    }
    if let Some(c) =
        regex!(r#"[Tt]imed out \((\d+)s\) waiting for app \\?"([^"\\]+)\\?" match desired state"#).captures(text)
    {
        return Some(Hit::blocker(format!(
            "`argocd app wait` gave up after its own --timeout ({}s): application {} did not reach the state it \
             waited for (its resources above say which); not the job's time limit.",
            &c[1],
            display_text(&c[2])
        )));
    }
    let c = regex!(r"application '([^']+)' health state has transitioned from (\w+) to Degraded").captures(text)?;
    Some(Hit::blocker(format!(
        "`argocd app wait --health`: application {} became Degraded (from {}): the application or the cluster, for a \
         person.",
        display_text(&c[1]),
        display_text(&c[2])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_s_own_limit_and_a_degraded_app() {
        let hit = wait_failed(&Line::plain(
            "time=\"2026-12-07T13:15:03Z\" level=fatal msg=\"timed out (600s) waiting for app \\\"payments\\\" match \
             desired state\"",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
        assert!(hit.message.contains("not the job's time limit"), "{}", hit.message);
        assert!(hit.message.contains("600s"), "{}", hit.message);
        crate::classify::catalogue::assert_reads(
            wait_failed,
            &[
                "FATA[0300] Timed out (300s) waiting for app \"web\" match desired state",
                "{\"level\":\"fatal\",\"msg\":\"x\"} time=\"t\" level=fatal msg=\"application 'web' health state has \
                 transitioned from Progressing to Degraded\"",
            ],
            &[
                // The same words in a script's echo or a test's output.
                "echo \"timed out (300s) waiting for app \\\"web\\\" match desired state\"",
                "time=\"t\" level=info msg=\"application 'web' health state has transitioned from Progressing to \
                 Degraded\"",
            ],
        );
    }
}
