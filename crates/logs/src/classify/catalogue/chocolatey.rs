//! Chocolatey's install of a package's own installer, and its end-of-run
//! counts. (Its package lookup, download and checksum refusals are with the
//! other package managers' in `packages.rs`.)
//!
//! Source: Chocolatey's console output as users' logs show it (the
//! `Start-ChocolateyProcessAsAdmin` helper and choco's install summary):
//! - `ERROR: Running [{command}] was not successful. Exit code was '{n}'.`,
//!   for an MSI often followed by `Exit code indicates the following: {what}`
//!   (`1603`: `Generic MSI Error. This is a local environment error, not an
//!   issue with a package or the MSI itself …`): the package's installer ran
//!   and failed on this machine;
//! - `Chocolatey timed out waiting for the command to finish. The timeout` and,
//!   wrapped, ` specified (or the default value) was '{n}' seconds. Perhaps try
//!   a higher `--execution-timeout`? …`: Chocolatey's own limit on an install
//!   script (2700 seconds unless `--execution-timeout` or the
//!   `commandExecutionTimeoutSeconds` setting says otherwise), not the job's;
//! - `The install of {package} was NOT successful.` and `Chocolatey installed
//!   {n}/{m} packages. {k} packages failed.`: counts of the failures above,
//!   read as weak: a package's install script prints its own `ERROR: …`
//!   lines, which no entry may read; the step's fallback then finds that
//!   line (`classify/fallback.rs`), which a count read as a summary would
//!   hide.
//!
//! None is fixable: an installer failing on the machine, or one that needs
//! longer than Chocolatey allows, is a person's call.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "chocolatey/installer-exit-code",
        grammar: "ERROR: Running [{command}] was not successful. Exit code was '{n}'.[ Exit code indicates the \
                  following: {what}]",
        needles: &["was not successful. Exit code was '"],
        check: installer_exit_code,
        examples: &[ex(
            "ERROR: Running [\"C:\\Windows\\System32\\msiexec.exe\" /i \"C:\\Temp\\chocolatey\\x\\1.0\\x.msi\" /qn] was \
             not successful. Exit code was '1603'. Exit code indicates the following: Generic MSI Error. This is a \
             local environment error, not an issue with a package or the MSI itself.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "chocolatey/execution-timeout",
        grammar: "Chocolatey timed out waiting for the command to finish. The timeout specified (or the default value) \
                  was '{n}' seconds. … (wrapped after `The timeout`)",
        needles: &["Chocolatey timed out waiting for the command to finish"],
        check: execution_timeout,
        examples: &[ex(
            "Chocolatey timed out waiting for the command to finish. The timeout",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "chocolatey/counts",
        grammar: "The install of {package} was NOT successful. | Chocolatey installed {n}/{m} packages. {k} packages \
                  failed. (counts of the failures above them)",
        needles: &["was NOT successful.", "packages failed."],
        check: counts,
        examples: &[ex(
            "Chocolatey installed 0/1 packages. 1 packages failed.",
            Category::Unknown,
            None,
        )],
    },
];

fn installer_exit_code(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*ERROR: Running \[(.*)\] was not successful\. Exit code was '(-?\d+)'\.(?: Exit code indicates the following: ([^.]+)\.)?")
        .captures(line.text)?;
    let program = c[1]
        .trim()
        .trim_start_matches('"')
        .split('"')
        .next()
        .unwrap_or("")
        .rsplit(['\\', '/'])
        .next()
        .unwrap_or("")
        .to_string();
    let why = c
        .get(3)
        .map(|m| format!(" ({})", display_text(m.as_str().trim())))
        .unwrap_or_default();
    Some(Hit::install_failure(format!(
        "A Chocolatey package's installer ({}) failed on this machine with exit code {}{why}: the machine's state (a \
         pending reboot, a version already installed) or the package's; a person's call.",
        display_text(&program),
        &c[2]
    )))
}

fn execution_timeout(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("Chocolatey timed out waiting for the command to finish.")
        .then(|| {
            Hit::install_failure(
                "Chocolatey stopped a package's install script after its own execution timeout (`--execution-timeout`, \
                 2700 seconds unless set): not the job's time limit. A longer choco timeout, or a lighter install, \
                 is a person's call.",
            )
        })
}

fn counts(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^The install of \S+ was NOT successful\.$").is_match(text)
        || regex!(r"^Chocolatey installed \d+/\d+ packages\. (\d+) packages failed\.$")
            .captures(text)
            .is_some_and(|c| &c[1] != "0");
    failed
        .then(|| Hit::summary("Chocolatey counted a package it could not install; the `ERROR:` above says why.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_installers_exit_code_names_the_program_and_chocos_reading() {
        let hit = installer_exit_code(&Line::plain(
            "ERROR: Running [\"C:\\Windows\\System32\\msiexec.exe\" /i \"C:\\Temp\\x.msi\" /qn /norestart] was not \
             successful. Exit code was '1603'. Exit code indicates the following: Generic MSI Error. This is a local \
             environment error.",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.strength),
            (Category::Unknown, Strength::InstallFailure)
        );
        assert!(hit.message.contains("msiexec.exe") && hit.message.contains("1603 (Generic MSI Error)"));
        let exe = installer_exit_code(&Line::plain(
            "ERROR: Running [\"C:\\ProgramData\\chocolatey\\lib\\python3\\tools\\python-3.13.1-amd64.exe\" /quiet ] was \
             not successful. Exit code was '1'. See log for details.",
        ))
        .expect("read");
        assert!(exe.message.contains("python-3.13.1-amd64.exe") && exe.message.contains("exit code 1:"));
    }

    #[test]
    fn chocos_own_timeout_says_it_is_not_the_jobs() {
        let hit = execution_timeout(&Line::plain(
            "Chocolatey timed out waiting for the command to finish. The timeout",
        ))
        .expect("read");
        assert!(hit.message.contains("not the job's time limit"));
        assert!(!hit.fixable);
    }

    #[test]
    fn only_a_count_with_failures_summarizes() {
        crate::classify::catalogue::assert_reads(
            counts,
            &[
                "Chocolatey installed 0/1 packages. 1 packages failed.",
                "The install of sqllocaldb was NOT successful.",
            ],
            &[
                "Chocolatey installed 3/3 packages. 0 packages failed.",
                "echo The install of x was NOT successful. or was it",
            ],
        );
        let hit = counts(&Line::plain("The install of sqllocaldb was NOT successful.")).expect("read");
        assert_eq!(hit.strength, Strength::Weak);
    }
}
