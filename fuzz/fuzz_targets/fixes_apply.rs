//! Arbitrary workflow bytes × every fix type with arbitrary subjects: no
//! panic, and every fix offered applies, re-parses and is idempotent.
#![no_main]

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::NoRepo;
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for};
use libfuzzer_sys::fuzz_target;

const PATH: &str = ".github/workflows/ci.yml";

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, rest) = data.split_at(4);
    let Ok(text) = std::str::from_utf8(rest) else { return };
    // The last line is the subject; the rest is the workflow.
    let (source, subject) = text.rsplit_once('\n').unwrap_or((text, ""));
    let category = Category::ALL[usize::from(head[0]) % Category::ALL.len()];
    let mut f = FailureInput::new(category, Some(subject));
    if head[1] & 1 == 1 {
        f = f.in_job(subject);
    }
    f = f.at_step_number(u32::from(head[2] % 8));
    f.timeout_minutes = Some(u32::from(head[3]) * 2);
    f.line = Some(u32::from(head[3] % 40));
    f.rate_limit = Some(if head[1] & 2 == 2 {
        RateLimitService::DockerHub
    } else {
        RateLimitService::GithubRestPrimary
    });
    let outcome = fixes_for(&f, PATH, source, &NoRepo);
    for fix in &outcome.fixes {
        let files: Files = [(PATH.to_string(), source.to_string())].into();
        let changed = apply_fixes(&files, [fix]).expect("verified fixes apply");
        if let Some(out) = changed.get(PATH) {
            if category != Category::YamlSyntax {
                assert!(!autoheal_engine::yaml::parse(out.as_bytes()).has_parse_errors());
            }
        }
    }
});
