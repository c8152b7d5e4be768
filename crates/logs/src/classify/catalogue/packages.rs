//! System package managers: apt, apk, dnf/dnf5/yum, zypper, Homebrew,
//! Chocolatey and winget.
//!
//! Sources: apt's messages (`E: Unable to locate package {name}`, `E: Failed to
//! fetch {url}  {status}`, `E: Could not get lock {file}`, `E: Unable to correct
//! problems, you have held broken packages.`), apk's (`ERROR: unable to select
//! packages:` and `{name} (no such package)`), dnf 4's (`No match for argument:
//! {name}` then `Error: Unable to find a match: {name}`, `dnf/cli/commands/install.py`),
//! dnf5's (`Failed to resolve the transaction:` then `No match for argument:
//! {name}`, libdnf5's goal resolution log), yum's (`No package {name}
//! available.`), zypper's (`src/RequestFeedback.cc`: `Package '{name}' not
//! found.`, `'{name}' not found in package names. Trying capabilities.`, `No
//! provider of '{name}' found.`), Homebrew's (`Error: No available formula with
//! the name "{name}"`), Chocolatey's (`{name} not installed. The package was not
//! found with the source(s) listed.`) and winget's (`No package found matching
//! input criteria.`, its `APPINSTALLER_CLI_ERROR_NO_APPLICATIONS_FOUND`;
//! `Installer hash does not match; this cannot be overridden when running as
//! admin`, its refusal of a download whose SHA-256 is not the manifest's).
//! Chocolatey's installer exit codes, its own execution timeout and its counts
//! are in `chocolatey.rs`.
//! Also apt's `E: The repository '…' does not have a Release file.`, its `E:
//! The repository '{uri} {suite} InRelease' is not signed.` (`apt-pkg/acquire-item.cc`,
//! after `W: GPG error: … NO_PUBKEY {key}` when the repository's key is not
//! installed) and
//! PowerShellGet's `Unable to resolve package source '{uri}'.`. Chocolatey's
//! download helper (`Get-ChocolateyWebFile`, `Get-WebFile`) throws `The remote
//! file either doesn't exist, is unauthorized, or is forbidden for url
//! '{url}'. {exception}`, which choco prints as `ERROR: …` before `The install
//! of {name} was NOT successful.` (the same text under `Attempt to get headers
//! for {url} failed.` is a warning the download may survive). apt's
//! transfer summary (`Fetched {size} in {t} ({rate})`, `apt-pkg/acquire`)
//! says a download went through: ranking reads it (`rank.rs`). apt prints
//! it before the `E: Failed to fetch` of a source that failed, so only a limit
//! printed before it, and no `E:` after it, is one the step got past.
//! libdnf's `Failed to download metadata for repo '{repo}': {reason}` (dnf 4
//! prints it after `Error: `) and Chocolatey's checksum refusal
//! (`Get-ChecksumValid`: checksum.exe's `Error - hashes do not match. Actual
//! value was '{hash}'.`, then the throw `Checksum for '{file}' did not meet
//! '{checksum}' for checksum type '{type}'.`) stop an install before it began;
//! dpkg-buildpackage's `dpkg-checkbuilddeps: error: Unmet build dependencies:
//! {deps}` stops a Debian package build before it began.

use super::util::{rate_limit_hit, service_for_host, url_host};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

/// Whole-line messages of yum and zypper, read only in that shape.
const GENERIC_NEEDLES: &[&str] = &["' not found.", " available."];

const NOT_AVAILABLE_NEEDLES: &[&str] = &[
    "Unable to locate package",
    "has no installation candidate",
    "unable to select packages",
    "(no such package)",
    "Unable to find a match",
    "No match for argument",
    "No available formula",
    "was not found with the source(s) listed",
    "No package found matching input criteria",
    "No provider of '",
    "' not found.",
    " available.",
];

/// The id of apt's transfer summary, which ranking reads.
pub const APT_FETCHED: &str = "packages/apt-fetched";

pub const FETCH_SUCCESSES: &[super::FetchSuccess] = &[(APT_FETCHED, &[RateLimitService::AptMirror])];

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: APT_FETCHED,
        grammar: "Fetched {size} in {t} ({rate}) (apt's transfer summary)",
        needles: &["Fetched "],
        check: apt_fetched,
        examples: &[ex("Fetched 148 kB in 0s (2,310 kB/s)", Category::Unknown, None)],
    },
    Entry {
        id: "packages/apt-source-progress-error",
        grammar: "Err:{n} {uri} {suite} {target} then `  {status} {reason} [IP: {ip} {port}]` (apt's progress report \
                  for one source; whether it stopped apt is its later `E:` line, or `W:` when apt went on)",
        needles: &["[IP: "],
        check: apt_source_progress_error,
        examples: &[ex(
            "  429  Too Many Requests [IP: 13.107.246.38 443]",
            Category::RateLimit,
            Some("apt mirror"),
        )],
    },
    Entry {
        id: "packages/apt-fetch-failed",
        grammar: "E: Failed to fetch {url}  {status} {reason} [IP: {ip} {port}] | W: Failed to fetch {url} …",
        needles: &["Failed to fetch"],
        check: apt_fetch_failed,
        examples: &[
            ex(
                "E: Failed to fetch http://azure.archive.ubuntu.com/ubuntu/pool/main/c/curl/libcurl4_7.81.0_amd64.deb  \
                 429  Too Many Requests [IP: 10.0.0.1 80]",
                Category::RateLimit,
                Some("apt mirror"),
            ),
            ex(
                "E: Failed to fetch http://archive.ubuntu.com/ubuntu/pool/main/z/zlib/zlib1g-dev_1.2.11_amd64.deb  \
                 404  Not Found",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "packages/not-available",
        grammar: "E: Unable to locate package {name} | E: Package '{name}' has no installation candidate | ERROR: \
                  unable to select packages: | {name} (no such package) | Error: Unable to find a match: {name} | \
                  Error: No available formula with the name \"{name}\" | The package was not found with the source(s) \
                  listed. | No match for argument: {name} (dnf, dnf5) | No package {name} available. (yum) | Package \
                  '{name}' not found. | No provider of '{name}' found. (zypper) | No package found matching input \
                  criteria. (winget)",
        needles: NOT_AVAILABLE_NEEDLES,
        check: not_available,
        examples: &[
            ex("E: Unable to locate package libfoo-dev", Category::Unknown, None),
            ex("No match for argument: protobuf-devl", Category::Unknown, None),
            ex("No provider of 'libfoo3' found.", Category::Unknown, None),
            ex("Package 'libfoo3' not found.", Category::Unknown, None),
            ex("No package libfoo-devel available.", Category::Unknown, None),
            ex("No package found matching input criteria.", Category::Unknown, None),
        ],
    },
    Entry {
        id: "packages/apt-lock-or-root",
        grammar: "E: Could not get lock {file} | E: Could not open lock file {file} - open (13: Permission denied) | \
                  are you root? | E: dpkg was interrupted, you must manually run '{command}' to correct the problem. \
                  (`apt-pkg/deb/debsystem.cc`: the machine's dpkg state, left by an install that was killed)",
        needles: &[
            "Could not get lock",
            "Could not open lock file",
            "are you root?",
            "dpkg was interrupted",
        ],
        check: apt_lock_or_root,
        examples: &[
            ex(
                "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)",
                Category::Unknown,
                None,
            ),
            ex(
                "E: dpkg was interrupted, you must manually run 'sudo dpkg --configure -a' to correct the problem. ",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "packages/apt-no-release-file",
        grammar: "E: The repository '{uri} {suite} Release' does not have a Release file. (apt: a repository or PPA with \
                  nothing for this release)",
        needles: &["does not have a Release file"],
        check: apt_no_release_file,
        examples: &[ex(
            "E: The repository 'http://ppa.launchpad.net/acme/tools/ubuntu noble Release' does not have a Release file.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/apt-repository-not-signed",
        grammar: "E: The repository '{uri} {suite} InRelease' is not signed. (apt: the repository's signing key is not \
                  installed, `W: GPG error: … NO_PUBKEY {key}` above)",
        needles: &["' is not signed."],
        check: apt_not_signed,
        examples: &[ex(
            "E: The repository 'https://packages.example.com/apt jammy InRelease' is not signed.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/powershellget-source",
        grammar: "Unable to resolve package source '{uri}'. (PowerShellGet's Install-Module: the gallery could not be \
                  reached)",
        needles: &["Unable to resolve package source"],
        check: powershellget_source,
        examples: &[ex(
            "Unable to resolve package source 'https://www.powershellgallery.com/api/v2'.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/choco-download-failed",
        grammar: "ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url '{url}'. \
                  {exception message}",
        needles: &["The remote file either doesn't exist"],
        check: choco_download_failed,
        examples: &[ex(
            "ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url \
             'https://example.com/tool-1.0.zip'. Exception calling \"GetResponse\" with \"0\" argument(s): \"The \
             remote server returned an error: (404) Not Found.\"",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/broken",
        grammar: "E: Unable to correct problems, you have held broken packages. | E: Unmet dependencies. Try 'apt \
                  --fix-broken install' with no packages (or specify a solution). (`apt-private/private-install.cc`, \
                  after `The following packages have unmet dependencies:`)",
        needles: &["held broken packages", "E: Unmet dependencies."],
        check: broken,
        examples: &[
            ex(
                "E: Unable to correct problems, you have held broken packages.",
                Category::Unknown,
                None,
            ),
            ex(
                "E: Unmet dependencies. Try 'apt --fix-broken install' with no packages (or specify a solution).",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "packages/dnf-metadata-failed",
        grammar: "Error: Failed to download metadata for repo '{repo}': {reason} (libdnf's `Repo::Impl` load, dnf 4 \
                  and yum on dnf: every mirror or baseurl of the repository failed, or an end-of-life release has \
                  none left: `Cannot prepare internal mirrorlist: No URLs in mirrorlist`)",
        needles: &["Failed to download metadata for repo '"],
        check: dnf_metadata_failed,
        examples: &[ex(
            "Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs in \
             mirrorlist",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/choco-checksum-mismatch",
        grammar: "Error - hashes do not match. Actual value was '{hash}'. (checksum.exe, run by Chocolatey's \
                  `Get-ChecksumValid`) | ERROR: Checksum for '{file}' did not meet '{checksum}' for checksum type \
                  '{type}'. … (`Get-ChecksumValid`'s throw, printed by choco with `ERROR: `)",
        needles: &["Error - hashes do not match.", "did not meet '"],
        check: choco_checksum_mismatch,
        examples: &[
            ex(
                "Error - hashes do not match. Actual value was '3F1A0C92E5B7D4A8'.",
                Category::Unknown,
                None,
            ),
            ex(
                "ERROR: Checksum for 'C:\\Users\\runneradmin\\AppData\\Local\\Temp\\chocolatey\\nsis\\3.10\\nsis.exe' did \
                 not meet '1B9F0E4D' for checksum type 'sha256'. Consider passing the actual checksums through with \
                 --checksum --checksum64 once you validate the checksums are appropriate.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "packages/winget-hash-mismatch",
        grammar: "Installer hash does not match; this cannot be overridden when running as admin | Installer hash does \
                  not match; … (winget: the download's SHA-256 is not the manifest's)",
        needles: &["Installer hash does not match"],
        check: winget_hash_mismatch,
        examples: &[ex(
            "Installer hash does not match; this cannot be overridden when running as admin",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/dpkg-unmet-build-dependencies",
        grammar: "dpkg-checkbuilddeps: error: Unmet build dependencies: {deps} (dpkg-buildpackage's check of \
                  debian/control's Build-Depends)",
        needles: &["Unmet build dependencies: "],
        check: dpkg_unmet_build_dependencies,
        examples: &[ex(
            "dpkg-checkbuilddeps: error: Unmet build dependencies: debhelper-compat (= 13) dh-python",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "packages/brew-no-keg",
        grammar: "Error: No such keg: {Cellar path} (Homebrew's `Keg` lookup for `unlink`, `link`, `uninstall`)",
        needles: &["Error: No such keg: "],
        check: brew_no_keg,
        examples: &[ex(
            "Error: No such keg: /opt/homebrew/Cellar/python@3.11",
            Category::Unknown,
            None,
        )],
    },
];

/// apt's indented status under `Err:{n} {uri} …`: a progress report, not the
/// outcome (apt goes on with the other sources and says at the end, `E:` when
/// it stops, `W: … They have been ignored, or old ones used instead.` when it
/// does not). Weak, so the `E:` line or what the step did next decides.
fn apt_source_progress_error(line: &Line<'_>) -> Option<Hit> {
    let c = super::util::regex!(r"^\s*(\d{3})\s+(.*?)\s*\[IP: [^\]]+\]\s*$").captures(line.text)?;
    let hit = if &c[1] == "429" {
        let service = line
            .recent
            .iter()
            .rev()
            .find(|l| l.trim_start().starts_with("Err:"))
            .and_then(|l| url_host(l))
            .and_then(service_for_host)
            .unwrap_or(RateLimitService::AptMirror);
        rate_limit_hit(
            service,
            None,
            0.85,
            "The apt mirror answered 429 Too Many Requests for one source (apt's progress line).",
        )
    } else {
        Hit::new(
            Category::Unknown,
            0.2,
            crate::classify::hit::Strength::Weak,
            format!("apt could not fetch one source ({} {}).", &c[1], c[2].trim()),
        )
    };
    Some(hit.weak())
}

fn apt_fetch_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    // apt's own prefixes (`E:`, `W:`); uv's `error: Failed to fetch: `…``
    // is not apt's.
    if !super::util::regex!(r"(?:^|\s)[EW]: Failed to fetch ").is_match(text) {
        return None;
    }
    if super::util::regex!(r"\s429\s|Too Many Requests").is_match(text) {
        let service = url_host(text)
            .and_then(service_for_host)
            .unwrap_or(RateLimitService::AptMirror);
        return Some(rate_limit_hit(
            service,
            None,
            0.85,
            "The apt mirror rate-limited the package downloads (HTTP 429).",
        ));
    }
    if text.contains(" 404 ") {
        return Some(Hit::install_failure(
            "apt tried to download a package version the mirror no longer has: the package index is stale (run \
             `apt-get update` first).",
        ));
    }
    Some(Hit::install_failure(
        "apt could not download from the mirror (a mirror outage or a network problem).",
    ))
}

/// A Chocolatey package's install script could not download what it
/// installs: the package names a URL that is gone or refuses the runner.
/// Only choco's error line decides (its headers check prints the same text
/// unprefixed and goes on); a 429 there is left to the rate-limit entries.
fn choco_download_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    if !text.starts_with("ERROR: The remote file") || text.contains("(429)") {
        return None;
    }
    let url = super::util::regex!(r"for url '([^']+)'")
        .captures(text)
        .map(|c| c[1].to_string())
        .unwrap_or_default();
    Some(Hit::install_failure(format!(
        "A Chocolatey package's install script could not download `{url}` (gone, or refused): the package is broken \
         for this version; pin another version or install the tool another way."
    )))
}

fn not_available(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // The managers' own words; the two generic needles only in their whole-line
    // shapes (yum, zypper): `No package {name} available.`, `Package '{name}'
    // not found.`.
    let specific = NOT_AVAILABLE_NEEDLES
        .iter()
        .filter(|n| !GENERIC_NEEDLES.contains(n))
        .any(|n| text.contains(n));
    let whole_line =
        super::util::regex!(r"^(?:No package \S+ available\.|Package '[^']+' not found\.)$").is_match(text);
    if !specific && !whole_line {
        return None;
    }
    Some(Hit::install_failure(
        "The system package manager has no package of that name (a wrong name, a missing repository, or a stale \
         index).",
    ))
}

fn apt_lock_or_root(line: &Line<'_>) -> Option<Hit> {
    let message = if line.text.contains("dpkg was interrupted") {
        "dpkg's state on this machine is half-configured (an install was killed): a person runs `dpkg --configure -a` \
         on the runner; on a self-hosted runner it stays broken for every job until then."
    } else if line.text.contains("Permission denied") || line.text.contains("are you root") {
        "The package manager needs root: run it with sudo (or in a container, as root)."
    } else {
        "Another package manager process holds the lock."
    };
    Some(Hit::blocker(message))
}

fn broken(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure("apt cannot resolve the package dependencies."))
}

/// A dnf repository's metadata could not be fetched from any of its mirrors:
/// the install stops before resolving anything. An end-of-life release
/// (CentOS 8's mirrorlist emptied) says `No URLs in mirrorlist`.
fn dnf_metadata_failed(line: &Line<'_>) -> Option<Hit> {
    let c = super::util::regex!(r"^(?:Error: )?Failed to download metadata for repo '([^']+)': (.+)$")
        .captures(line.text.trim())?;
    let eol = if c[2].contains("No URLs in mirrorlist") {
        " Its mirror list is empty: the release is past its end of life (CentOS 8's mirrors moved to vault), so the \
         image or the repository configuration must change."
    } else {
        ""
    };
    Some(Hit::install_failure(format!(
        "dnf could not download the metadata of repository `{}`.{eol}",
        &c[1]
    )))
}

/// A Chocolatey package's download did not match the checksum the package
/// declares: the vendor replaced the file at that URL, or the download was
/// tampered with; a person checks it (never `--ignore-checksums` by a bot).
fn choco_checksum_mismatch(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let own = super::util::regex!(r"^Error - hashes do not match\. Actual value was '[0-9A-Fa-f]+'\.?$").is_match(text)
        || super::util::regex!(r"^(?:ERROR: )?Checksum for '[^']+' did not meet '[^']*' for checksum type '\w+'\.")
            .is_match(text);
    own.then(|| {
        Hit::install_failure(
            "A Chocolatey package's download does not match the checksum the package declares (the vendor replaced \
             the file, or the download is not the vendor's): the package version is broken until its maintainers \
             update it; pin another version.",
        )
    })
}

/// winget's download does not have the SHA-256 its manifest declares (the
/// publisher replaced the file at that URL, or the manifest is stale). Its
/// install flow's hash check ends three ways: as administrator (a hosted
/// runner's user) it refuses with `Installer hash does not match; this cannot
/// be overridden when running as admin`; otherwise it refuses with an
/// override's hint (`…; to override this check use --force` in early
/// versions, `--ignore-security-hash` with the `InstallerHashOverride`
/// setting now) or a bare `Installer hash does not match.`; or, overridden,
/// it only warns and goes on installing. Only the refusals are read: any
/// other text under the same words may be the warning.
fn winget_hash_mismatch(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let rest = text.strip_prefix("Installer hash does not match")?;
    let why = if rest.starts_with("; this cannot be overridden when running as admin") {
        "running as administrator winget allows no override. Another version or source is a person's call."
    } else if rest.starts_with("; to override this check use ") || rest == "." || rest.is_empty() {
        "winget allows an override only where a person chooses it (`--ignore-security-hash` with the \
         `InstallerHashOverride` setting, not as administrator); another version or source is a person's call."
    } else {
        return None;
    };
    Some(Hit::install_failure(format!(
        "winget refused the installer it downloaded: its hash is not the one the package's manifest declares (the \
         publisher replaced the file, or the manifest is stale), and {why}"
    )))
}

/// The Debian package's declared build dependencies are not installed on
/// the runner (`apt-get build-dep`, or an install of each, is missing): a
/// person adds the install; its names are Debian relations, not commands.
fn dpkg_unmet_build_dependencies(line: &Line<'_>) -> Option<Hit> {
    let deps = line
        .text
        .trim()
        .strip_prefix("dpkg-checkbuilddeps: error: Unmet build dependencies: ")?;
    Some(Hit::blocker(format!(
        "dpkg-buildpackage stopped: the package's build dependencies are not installed ({}).",
        crate::subject::display_text(deps)
    )))
}

/// Homebrew has no installed keg at the path: the formula is not installed
/// (the image dropped it, or it has another name), so `brew unlink` or `link`
/// of it fails. The keg is Homebrew's, not a file of the workflow.
fn brew_no_keg(line: &Line<'_>) -> Option<Hit> {
    let keg = line.text.trim().strip_prefix("Error: No such keg: ")?;
    Some(Hit::install_failure(format!(
        "Homebrew has no installed `{}`: the runner image does not have that formula (installed), so it cannot be \
         linked or unlinked.",
        keg.rsplit('/').next().unwrap_or(keg)
    )))
}

fn apt_no_release_file(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "An apt repository (often a PPA) has no Release file for this Ubuntu or Debian release: a person removes \
         the repository or picks one that supports the release.",
    ))
}

/// apt refuses a repository it cannot verify: its key was never added (or
/// was added where `signed-by` does not point).
fn apt_not_signed(line: &Line<'_>) -> Option<Hit> {
    super::util::regex!(r"^E: The repository '[^']+' is not signed\.$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::install_failure(
                "apt refused an added repository whose signing key is not installed (`NO_PUBKEY` in apt's GPG \
                 warning): a person adds the key (`signed-by=` in the source line) or removes the repository.",
            )
        })
}

fn powershellget_source(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "PowerShellGet could not reach its package source (the PowerShell Gallery was unreachable or refused the \
         request).",
    ))
}

fn apt_fetched(line: &Line<'_>) -> Option<Hit> {
    super::util::regex!(r"^Fetched [\d,.]+ [kMG]?B in \S+ \(")
        .is_match(line.text.trim())
        .then(|| Hit::notice("apt fetched packages."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dpkg_buildpackages_unmet_build_dependencies() {
        crate::classify::catalogue::assert_reads(
            dpkg_unmet_build_dependencies,
            &["dpkg-checkbuilddeps: error: Unmet build dependencies: debhelper-compat (= 13) dh-python"],
            &["dpkg-buildpackage: warning: build dependencies/conflicts unsatisfied; aborting"],
        );
    }

    #[test]
    fn reads_dnfs_metadata_failure_and_chocolateys_checksum_refusal_in_their_own_words() {
        crate::classify::catalogue::assert_reads(
            dnf_metadata_failed,
            &[
                "Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs \
                 in mirrorlist",
                "Failed to download metadata for repo 'epel': repomd.xml GPG signature verification error: Bad GPG \
                 signature",
            ],
            &[
                "echo \"Failed to download metadata for repo 'x'\"",
                "Errors during downloading metadata for repository 'fedora':",
            ],
        );
        let eol = dnf_metadata_failed(&Line::plain(
            "Error: Failed to download metadata for repo 'baseos': Cannot prepare internal mirrorlist: No URLs in \
             mirrorlist",
        ))
        .expect("read");
        assert!(eol.message.contains("end of life"), "{}", eol.message);
        assert_eq!(eol.strength, crate::classify::hit::Strength::InstallFailure);
        crate::classify::catalogue::assert_reads(
            choco_checksum_mismatch,
            &[
                "Error - hashes do not match. Actual value was '3F1A0C92E5B7D4A8C6E2'.",
                "ERROR: Checksum for 'C:\\Temp\\chocolatey\\git\\2.47.1\\Git-64-bit.exe' did not meet 'ab12' for \
                 checksum type 'sha256'. Consider passing --ignore-checksums if necessary.",
            ],
            &[
                "The version did not meet 'the requirement' for anything",
                "Error - hashes do not match.",
                "  Checksum for 'a.zip' did not match",
            ],
        );
    }

    #[test]
    fn an_unsigned_repository_is_apts_own_refusal() {
        crate::classify::catalogue::assert_reads(
            apt_not_signed,
            &["E: The repository 'https://download.docker.com/linux/ubuntu noble InRelease' is not signed."],
            &[
                "W: The repository 'https://example.com/apt focal InRelease' is not signed.",
                "echo \"E: The repository 'x y InRelease' is not signed.\" >&2 # docs",
            ],
        );
    }

    #[test]
    fn wingets_hash_refusal_is_a_failed_install() {
        let hit = winget_hash_mismatch(&Line::plain(
            "Installer hash does not match; this cannot be overridden when running as admin",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.strength),
            (Category::Unknown, crate::classify::hit::Strength::InstallFailure)
        );
        assert!(winget_hash_mismatch(&Line::plain("echo Installer hash does not match")).is_none());
    }

    /// winget's hash check ends three ways (its install flow: the admin
    /// block, the non-admin refusal, the overridden warning after which it
    /// goes on installing); only a refusal is read, and only the admin block
    /// is told that no override exists.
    #[test]
    fn only_wingets_refusals_are_read_and_only_the_admin_one_allows_no_override() {
        for refusal in [
            "Installer hash does not match; to override this check use --force",
            "Installer hash does not match.",
        ] {
            let hit = winget_hash_mismatch(&Line::plain(refusal)).expect(refusal);
            assert!(
                hit.strength == crate::classify::hit::Strength::InstallFailure
                    && !hit.message.contains("running as administrator"),
                "{refusal}: {}",
                hit.message
            );
        }
        // A warning after an override, whatever its words: winget went on.
        assert!(
            winget_hash_mismatch(&Line::plain(
                "Installer hash does not match; proceeding due to --ignore-security-hash"
            ))
            .is_none()
        );
    }

    #[test]
    fn a_chocolatey_download_failure_is_chocos_error_line() {
        crate::classify::catalogue::assert_reads(
            choco_download_failed,
            &[
                "ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url \
               'https://example.com/x.msi'. Exception calling \"GetResponse\" with \"0\" argument(s): \"The remote \
               server returned an error: (404) Not Found.\"",
            ],
            &[
                // The headers check, which the download may survive.
                "  The remote file either doesn't exist, is unauthorized, or is forbidden for url \
                 'https://example.com/x.msi'. Exception calling \"GetResponse\" with \"0\" argument(s): \"The \
                 underlying connection was closed\"",
                // A limit: the rate-limit entries read it.
                "ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url \
                 'https://example.com/x.msi'. Exception calling \"GetResponse\" with \"0\" argument(s): \"The \
                 remote server returned an error: (429) Too Many Requests.\"",
            ],
        );
    }

    #[test]
    fn apt_transfer_summary_and_near_misses() {
        crate::classify::catalogue::assert_reads(
            apt_fetched,
            &[
                "Fetched 148 kB in 0s (2,310 kB/s)",
                "Fetched 13.9 MB in 2s (6,950 kB/s)",
            ],
            &["Fetched the artifact", "Fetched 3 tags from origin"],
        );
    }
}
