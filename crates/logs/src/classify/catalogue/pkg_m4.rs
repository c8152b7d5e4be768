//! What a `configure` run's pkg-config checks found, read across the step.
//!
//! Source: pkg-config's `pkg.m4`. `PKG_PROG_PKG_CONFIG` looks the program up
//! with `AC_PATH_TOOL` (`checking for pkg-config... {path|no}`, after a
//! cross build's `checking for {host}-pkg-config... …`), then checks its
//! version (`checking pkg-config is at least version {min}... {yes|no}`) and
//! empties `PKG_CONFIG` when it is too old. `PKG_CHECK_MODULES` then sets
//! `pkg_failed=untried` whenever `PKG_CONFIG` is empty, and fails with `The
//! pkg-config script could not be found or is too old.` (through
//! `AC_MSG_FAILURE`, so `configure: error: …`). That message says which of the
//! two only through the checks above it, which `configure` may print many
//! lines earlier (every check the script runs in between): a missing program
//! is proven only by `AC_PATH_TOOL`'s `no`, a too-old one by the version
//! check's `no`. Without either in the step, the log does not say which, and
//! no install is offered.

use super::util::regex;
use crate::classify::hit::Hit;

/// The entry whose finding the checks decide (`build_tools.rs`).
pub const SCRIPT_MISSING: &str = "build_tools/pkg-m4-pkg-config-missing";

/// The current step's pkg-config checks, the latest of each kind.
#[derive(Clone, Debug, Default)]
pub struct PkgConfigProbe {
    /// `AC_PATH_TOOL`'s answer for the plain `pkg-config`: found or not.
    found: Option<bool>,
    /// The version check's answer: recent enough or not.
    recent_enough: Option<bool>,
}

impl PkgConfigProbe {
    /// Reads one output line of the step.
    pub fn learn(&mut self, text: &str) {
        let text = text.trim();
        if let Some(c) = regex!(r"^checking for pkg-config\.\.\. (?:\(cached\) )?(\S.*)$").captures(text) {
            self.found = Some(&c[1] != "no");
            self.recent_enough = None;
        } else if let Some(c) =
            regex!(r"^checking pkg-config is at least version [\d.]+\.\.\. (yes|no)$").captures(text)
        {
            self.recent_enough = Some(&c[1] == "yes");
        }
    }

    /// `hit` as the checks above it decide, when it is pkg.m4's `could not be
    /// found or is too old` (its entry, reading the line alone, gives a
    /// missing `pkg-config`).
    pub fn decide(&self, hit: Hit) -> Hit {
        if hit.entry != SCRIPT_MISSING || hit.category != crate::report::Category::MissingCommand {
            return hit;
        }
        let entry = hit.entry;
        match (self.found, self.recent_enough) {
            (Some(false), _) => Hit {
                message: "configure's pkg.m4 needs pkg-config, and AC_PATH_TOOL found none on PATH (`checking for \
                          pkg-config... no`): it is not installed."
                    .to_string(),
                ..hit
            },
            (_, Some(false)) => Hit {
                entry,
                ..Hit::blocker(
                    "The pkg-config found is older than the project's pkg.m4 accepts (`checking pkg-config is at \
                     least version … no`): a person updates it.",
                )
            },
            (Some(true), _) => Hit {
                entry,
                ..Hit::blocker(
                    "configure found pkg-config (`checking for pkg-config...` named it), yet pkg.m4 had none to run \
                     (PKG_CONFIG emptied or set to another program): a person reads configure's checks.",
                )
            },
            (None, _) => Hit {
                message: "configure's pkg.m4 had no pkg-config to run: it is missing or too old, and the step shows \
                          neither check that tells which (`checking for pkg-config...`, `checking pkg-config is at \
                          least version...`), so no install is offered."
                    .to_string(),
                ..hit
            }
            .fixable(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Category;

    fn script_missing() -> Hit {
        Hit {
            entry: SCRIPT_MISSING,
            ..Hit::cause(Category::MissingCommand, 0.75, "pkg-config").fixable(true)
        }
    }

    fn after(lines: &[&str]) -> Hit {
        let mut probe = PkgConfigProbe::default();
        for line in lines {
            probe.learn(line);
        }
        probe.decide(script_missing())
    }

    /// Only AC_PATH_TOOL's `no` makes it an install, however far above;
    /// a too-old one, or one found, is a person's; with neither, the
    /// entry's unfixable finding stands.
    #[test]
    fn the_checks_above_decide_missing_from_too_old() {
        let mut filler = vec!["checking for pkg-config... no"];
        filler.extend(std::iter::repeat_n("checking for gcc... gcc", 40));
        let missing = after(&filler);
        assert_eq!((missing.category, missing.fixable), (Category::MissingCommand, true));
        let cross = after(&[
            "checking for aarch64-linux-gnu-pkg-config... no",
            "checking for pkg-config... (cached) no",
        ]);
        assert!(cross.fixable);
        let mut old = vec![
            "checking for pkg-config... /opt/legacy/bin/pkg-config",
            "checking pkg-config is at least version 0.9.0... no",
        ];
        old.extend(std::iter::repeat_n("checking for stdint.h... yes", 40));
        let too_old = after(&old);
        assert_eq!((too_old.category, too_old.fixable), (Category::Unknown, false));
        assert_eq!(too_old.entry, SCRIPT_MISSING);
        let found = after(&["checking for pkg-config... /usr/bin/pkg-config"]);
        assert_eq!((found.category, found.fixable), (Category::Unknown, false));
        let neither = after(&["checking for gcc... gcc"]);
        assert_eq!((neither.category, neither.fixable), (Category::MissingCommand, false));
        // A cross build's prefixed tool missing, the plain one found.
        let host_only = after(&[
            "checking for x86_64-w64-mingw32-pkg-config... no",
            "checking for pkg-config... /usr/bin/pkg-config",
        ]);
        assert!(!host_only.fixable && host_only.category == Category::Unknown);
        // Another entry's finding is left as it is.
        let other = Hit::cause(Category::MissingCommand, 0.7, "make").fixable(true);
        assert!(PkgConfigProbe::default().decide(other).fixable);
    }
}
