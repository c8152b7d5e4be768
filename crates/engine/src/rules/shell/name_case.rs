//! `shell/name-case`: a shell named with capitals (`Bash`, `PWSH`, `Python
//! {0}`) on a job that runs only on Linux.
//!
//! The runner matches a shell's name against its built-in shells without
//! regard to case (its table of default arguments is case-insensitive), but
//! it then looks the program up on `PATH` by the name as written
//! (`WhichUtil.Which`, a file search that is case-sensitive on Linux) and
//! fails the step with "File not found" when it is not there; in a job
//! container it starts the program by that name inside the container. Linux
//! images install `bash`, `sh`, `pwsh` and `python` in lower case, so a
//! capitalised name fails there. Windows and macOS look files up without
//! regard to case, so the same name works on them: only jobs whose every
//! runner is Linux are judged.

use crate::yaml::Node;

/// The shells whose program has the same lower-case name on Linux; `cmd`
/// and `powershell` do not exist there at all (`shell/wrong-os`).
const LINUX_PROGRAMS: &[&str] = &["bash", "sh", "pwsh", "python"];

/// The program a `shell:` value runs when it is a known shell's name written
/// in another case, as the runner reads it (the first word of a custom
/// command such as `Bash -e {0}` too), with the name to write instead.
pub(super) fn miscased(shell: &str) -> Option<(&str, &'static str)> {
    if shell.contains("${{") {
        return None;
    }
    let program = shell.split_whitespace().next()?;
    let canonical = LINUX_PROGRAMS.iter().find(|p| p.eq_ignore_ascii_case(program))?;
    (program != *canonical).then_some((program, canonical))
}

/// The finding's message for `node` (a step's `shell:` or a
/// `defaults.run.shell`), when its program is miscased; `jobs` names the
/// Linux jobs that inherit a workflow default (empty for a step or a job's
/// own default).
pub(super) fn message(node: &Node, jobs: &[&str]) -> Option<String> {
    let (program, canonical) = miscased(node.as_str()?)?;
    let where_ = match jobs {
        [] => "this job runs only on Linux".to_string(),
        [one] => format!("job {one:?} runs it on Linux only"),
        many => format!(
            "jobs {} run it on Linux only",
            many.iter().map(|j| format!("{j:?}")).collect::<Vec<_>>().join(", ")
        ),
    };
    Some(format!(
        "shell program {program:?} is not found on Linux: the runner looks it up on PATH by the name as written, \
         and Linux file names are case-sensitive, so the step fails with \"File not found: '{program}'\" \
         ({where_}); write {canonical:?}"
    ))
}

#[cfg(test)]
mod tests {
    use super::miscased;

    #[test]
    fn a_known_shell_in_another_case_is_miscased_and_lower_case_is_not() {
        assert_eq!(miscased("Bash"), Some(("Bash", "bash")));
        assert_eq!(miscased(" PWSH "), Some(("PWSH", "pwsh")));
        assert_eq!(miscased("Python {0}"), Some(("Python", "python")));
        assert_eq!(miscased("SH -e {0}"), Some(("SH", "sh")));
        assert_eq!(miscased("bash"), None);
        assert_eq!(miscased("bash -euo pipefail {0}"), None);
        // Windows-only shells are another code's business; other programs
        // and expressions are not judged.
        assert_eq!(miscased("CMD"), None);
        assert_eq!(miscased("PowerShell"), None);
        assert_eq!(miscased("Node {0}"), None);
        assert_eq!(miscased("${{ matrix.Shell }}"), None);
        assert_eq!(miscased(""), None);
    }
}
