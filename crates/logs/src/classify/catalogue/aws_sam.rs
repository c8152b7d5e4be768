//! The AWS SAM CLI (`sam`).
//!
//! Source: `samcli/commands/_utils/template.py`, `get_template_data`: a
//! template path that does not exist raises `TemplateNotFoundException`
//! with `Template file not found at {template_file}`, which click prints as
//! `Error: Template file not found at {path}`. The path is the `--template-file`
//! (`-t`) option, or the default `template.yaml`/`template.yml`/`template.json`
//! where the command ran, made absolute (`os.path.abspath`) by the option's
//! callback before it is read. `sam deploy`, `sam package` and `sam sync` read
//! the template `sam build` wrote (`.aws-sam/build/template.yaml`) when no
//! template is given and a build ran.
//!
//! The words are common (scripts print them for their own templates), so the
//! entry reads them only in a step whose script runs `sam`, or under SAM's
//! own output (its telemetry notice). A template under
//! `.aws-sam/` is `sam build`'s output, missing because no build ran there:
//! named, never fixed by a new path. Any other is the project's template,
//! a path the workflow names or the working directory it ran in.

use super::util::{path_hit, regex};
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "aws_sam/template-not-found",
    grammar: "Error: Template file not found at {path}",
    needles: &["Template file not found at "],
    check: template_not_found,
    examples: &[ex_after(
        &[
            "\tLearn More: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/\
             serverless-sam-telemetry.html",
            "",
        ],
        "Error: Template file not found at /home/runner/work/orders-api/orders-api/infra/template.yaml",
        Category::FileNotFound,
        Some("infra/template.yaml"),
    )],
}];

/// SAM printed the line: the step's script runs it, or SAM's own output
/// (its telemetry notice, which every first run on a machine prints, and
/// which names the CLI and its documentation) is just above.
fn printed_by_sam(line: &Line<'_>) -> bool {
    runs_sam(line.script)
        || line
            .recent
            .iter()
            .any(|l| l.contains("SAM CLI") || l.contains("/serverless-application-model/"))
}

/// The step's script runs the SAM CLI (`sam build`, `sam deploy`, …).
fn runs_sam(script: &str) -> bool {
    regex!(r"(?m)(?:^|[\s;&|(])sam\s+(?:build|deploy|package|validate|sync|local|publish|delete|list|pipeline)\b")
        .is_match(script)
}

fn template_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?Template file not found at (\S+)$").captures(line.text.trim())?;
    if !printed_by_sam(line) {
        return None;
    }
    let path = &c[1];
    let built = regex!(r"(?:^|[/\\])\.aws-sam[/\\]").is_match(path);
    if built {
        let mut hit = path_hit(
            path,
            0.8,
            "The SAM CLI did not find the template `sam build` writes under .aws-sam/: no build ran where this \
             command ran (a skipped or failed build step, another job, or another working directory). It is the \
             build's output, not a file that moved: not fixed by a new path.",
        );
        hit.fixable = false;
        return Some(hit);
    }
    Some(path_hit(
        path,
        0.8,
        "The SAM CLI did not find the template it was given (--template-file) or, with none given, the \
         template.yaml of the directory it ran in.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, script: &str) -> Option<Hit> {
        template_not_found(&Line {
            script,
            ..Line::plain(text)
        })
    }

    #[test]
    fn the_template_sam_was_given_where_sam_ran() {
        let hit = read(
            "Error: Template file not found at /home/runner/work/orders-api/orders-api/infra/template.yaml",
            "sam build --template-file infra/template.yaml --use-container",
        )
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("infra/template.yaml"), true)
        );
        // `sam build`'s output: named, not fixable.
        let built = read(
            "Error: Template file not found at D:\\a\\orders-api\\orders-api\\.aws-sam\\build\\template.yaml",
            "sam deploy --no-confirm-changeset",
        )
        .expect("read");
        assert_eq!(
            (built.category, built.subject.as_deref(), built.fixable),
            (Category::FileNotFound, Some(".aws-sam/build/template.yaml"), false)
        );
        // A script's own words, and SAM's words in a step that does not run it.
        assert!(read("Error: Template file not found at /tmp/report.html", "python render.py").is_none());
        assert!(
            read(
                "echo Template file not found at /home/runner/work/a/a/template.yaml",
                "sam build"
            )
            .is_none()
        );
        assert!(!runs_sam("samtools view -b in.sam"));
        assert!(runs_sam("cd infra && sam deploy --stack-name orders"));
    }
}
