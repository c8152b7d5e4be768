//! Any workflow × every fix type with any subject (which the repository's
//! dependency files also name), and the plan over several failures: no
//! panic, every fix offered applies, and the result parses (a syntax fix may
//! leave other parse errors).

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::MemoryRepo;
use autoheal_fixes::{Category, FailureInput, Files, RateLimitService, fixes_for, plan};

pub use super::yaml_dict::WORKFLOW_TOKENS as DICTIONARY;

const PATH: &str = ".github/workflows/ci.yml";

/// A 4-byte header (category, job/service bits, step, minutes), then the
/// workflow, then the subject on the last line.
pub fn seeds() -> Vec<Vec<u8>> {
    let subjects = [
        "yaml",
        "cv2",
        "jq",
        "docker-compose",
        "./missing.txt",
        "build",
        "30",
        "$(rm -rf /)",
    ];
    let mut seeds = Vec::new();
    for (i, workflow) in super::yaml_dict::workflow_seeds().into_iter().take(8).enumerate() {
        let mut seed = vec![i as u8, (i * 3) as u8, 2, 15];
        seed.extend_from_slice(&workflow);
        seed.extend_from_slice(subjects[i % subjects.len()].as_bytes());
        seeds.push(seed);
    }
    seeds
}

fn failure(head: &[u8], subject: &str) -> FailureInput {
    let category = Category::ALL[usize::from(head[0]) % Category::ALL.len()];
    let mut f = FailureInput::new(category, Some(subject));
    if head[1] & 1 == 1 {
        f = f.in_job(subject);
    } else {
        f = f.in_job("test");
    }
    f = f.at_step_number(u32::from(head[2] % 8));
    f.timeout_minutes = Some(u32::from(head[3]) * 2);
    f.line = Some(u32::from(head[3] % 40));
    f.rate_limit = Some(RateLimitService::ALL[usize::from(head[1] >> 1) % RateLimitService::ALL.len()]);
    f
}

pub fn run(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let (head, rest) = data.split_at(4);
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (source, subject) = text.rsplit_once('\n').unwrap_or((text, ""));
    let f = failure(head, subject);
    // The project's own files name the subject, so the fixes that read them
    // (the declared Python support, the dependency files) read any text too.
    let project: Files = [
        (
            "pyproject.toml".to_string(),
            format!(
                "[project]\nrequires-python = \"{subject}\"\ndependencies = [\"{subject}\"]\n[tool.poetry.dependencies]\npython = {subject}\n"
            ),
        ),
        // Includes of any text, followed as pip follows them (also into
        // itself: a cycle).
        (
            "requirements.txt".to_string(),
            format!("{subject}\n-r {subject}\n--requirement=requirements.txt\n"),
        ),
        ("setup.cfg".to_string(), format!("[options]\npython_requires = {subject}\n")),
    ]
    .into();
    let repo = MemoryRepo::new(project.clone());
    let outcome = fixes_for(&f, PATH, source, &repo);
    for fix in &outcome.fixes {
        let mut files = project.clone();
        files.insert(PATH.to_string(), source.to_string());
        let changed = apply_fixes(&files, [fix]).expect("verified fixes apply");
        if let Some(out) = changed.get(PATH) {
            if f.category != Category::YamlSyntax {
                assert!(
                    !autoheal_engine::yaml::parse(out.as_bytes()).has_parse_errors(),
                    "{fix:?}"
                );
            }
        }
    }
    // The same failure under several subjects, as one run's plan.
    let others: Vec<FailureInput> = subject
        .split(' ')
        .take(8)
        .map(|s| FailureInput {
            subject: Some(s.to_string()),
            ..f.clone()
        })
        .collect();
    let _ = plan(&others, PATH, source, &repo);
}
