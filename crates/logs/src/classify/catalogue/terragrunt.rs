//! Terragrunt, the Terraform wrapper that runs a stack of modules.
//!
//! Source: Terragrunt's logrus output before its 0.67 log rework (as its
//! issues #1914, #2070 and #2907 and PR #1811 print it): `run-all` reports a
//! module that failed as `ERRO[{seconds}] Module {dir} has finished with an
//! error: {error}  prefix=[{dir}]`, then gathers the errors as `ERRO[…] {n}
//! error(s) occurred:` over `\t* {error}` lines, and closes with `ERRO[…]
//! Unable to determine underlying exit code, so Terragrunt will exit with
//! error code 1`. A single module's run prints `ERRO[…] {error}` alone. Of
//! the errors, one is Terragrunt's own (`dependency.go`): `{config} is a
//! dependency of {config} but detected no outputs. Either the target module
//! has not been applied yet, or the module has no outputs. If this is
//! expected, set the skip_outputs flag to true on the dependency block.`:
//! a stack planned before its dependencies were applied, or with no
//! `mock_outputs` for the command (a person's choice). The module's line is
//! the cause; the gathered list and the exit-code line are headings over it.
//! Terraform's own diagnostics inside a module are read by `terraform`.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "terragrunt/module-error",
    grammar: "ERRO[{s}] Module {dir} has finished with an error: {error} | ERRO[{s}] {error} is a dependency of \
              {config} but detected no outputs. … | ERRO[{s}] {n} error(s) occurred: | ERRO[{s}] Unable to determine \
              underlying exit code, so Terragrunt will exit with error code 1",
    needles: &[
        "has finished with an error",
        "but detected no outputs",
        "error occurred:",
        "errors occurred:",
        "Unable to determine underlying exit code",
    ],
    check: module_error,
    examples: &[ex(
        "ERRO[0041] Module /work/live/prod/app has finished with an error: /work/live/prod/vpc/terragrunt.hcl is a \
         dependency of /work/live/prod/app/terragrunt.hcl but detected no outputs. Either the target module has not \
         been applied yet, or the module has no outputs.",
        Category::Unknown,
        None,
    )],
}];

const NO_OUTPUTS: &str = "Either the target module has not been applied yet, or the module has no outputs";

fn module_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let body = regex!(r"^ERRO\[\d+\] (\S.*)$")
        .captures(text)?
        .get(1)?
        .as_str()
        .trim_end();
    if regex!(r"^\d+ errors? occurred:$").is_match(body) || body.starts_with("Unable to determine underlying exit code")
    {
        return Some(Hit::summary(
            "Terragrunt gathered the errors of its modules (the first module's error above says which).",
        ));
    }
    let (module, error) =
        match regex!(r"^Module (\S+) has finished with an error: (\S.*?)(?:\s+prefix=\[\S*\])?$").captures(body) {
            Some(c) => (Some(c[1].to_string()), c[2].to_string()),
            None => (None, body.to_string()),
        };
    if let Some(c) = regex!(r"^(\S+) is a dependency of (\S+) but detected no outputs\.").captures(&error) {
        if error.contains(NO_OUTPUTS) || module.is_some() {
            return Some(Hit::blocker(format!(
                "Terragrunt read no outputs of {}, a dependency of {}: it was not applied yet (a plan of a new \
                 stack), or it has no outputs; the dependency block's mock_outputs or skip_outputs is a person's \
                 choice.",
                display_text(&c[1]),
                display_text(&c[2])
            )));
        }
    }
    let module = module?;
    Some(Hit::blocker(format!(
        "Terragrunt's module {} failed: {}",
        display_text(&module),
        display_text(&error)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_module_s_error_is_the_cause_and_the_gathered_list_a_heading() {
        for text in [
            "ERRO[0041] Module /home/runner/work/live/prod/app has finished with an error: \
             /home/runner/work/live/prod/vpc/terragrunt.hcl is a dependency of \
             /home/runner/work/live/prod/app/terragrunt.hcl but detected no outputs. Either the target module has \
             not been applied yet, or the module has no outputs. If this is expected, set the skip_outputs flag to \
             true on the dependency block.  prefix=[/home/runner/work/live/prod/app] ",
            // A single module's run: the dependency error alone.
            "ERRO[0002] /tmp/dev/vpc/terragrunt.hcl is a dependency of /tmp/dev/gke/terragrunt.hcl but detected no \
             outputs. Either the target module has not been applied yet, or the module has no outputs. If this is \
             expected, set the skip_outputs flag to true on the dependency block.",
            "ERRO[0019] Module /work/live/dev/db has finished with an error: exit status 1  prefix=[/work/live/dev/db]",
        ] {
            let hit = module_error(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        for text in [
            "ERRO[0041] 1 error occurred:",
            "ERRO[0011] 2 errors occurred:",
            "ERRO[0041] Unable to determine underlying exit code, so Terragrunt will exit with error code 1 ",
        ] {
            assert_eq!(
                module_error(&Line::plain(text)).expect(text).strength,
                Strength::Summary,
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            module_error,
            &[],
            &[
                // The gathered repeat (no ERRO prefix), info lines, others' words.
                "\t* /work/vpc/terragrunt.hcl is a dependency of /work/app/terragrunt.hcl but detected no outputs.",
                "INFO[0000] The stack at /work/live/prod will be processed in the following order for command plan:",
                "ERRO[0003] some other wrapper message",
                "Error: 1 error occurred:",
            ],
        );
    }
}
