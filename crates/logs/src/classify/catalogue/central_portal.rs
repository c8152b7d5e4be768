//! The Sonatype Central Portal's answer to a deployment, as its publishing
//! plugins print it.
//!
//! Sources: `central-publishing-maven-plugin` waits for the deployment it
//! uploaded (`Waiting until Deployment {id} is validated`) and, when the
//! Portal fails it, logs one error whose text runs over several lines:
//! `Deployment {id} failed`, then each component as `pkg:maven/{group}/
//! {artifact}@{version}:` with its errors as ` - {error}`; Maven repeats the
//! same text, each line under `[ERROR] `, in its `Failed to execute goal
//! org.sonatype.central:central-publishing-maven-plugin:…` report. The Gradle
//! plugin `com.vanniktech.maven.publish` throws `Deployment {id} failed
//! validation:` with `Publication {purl}:` and `* {error}` lines. The errors
//! are the Portal's validation messages (its documentation's requirements:
//! `Component with package url: '{purl}' already exists`, `Missing signature
//! for file: {file}`, `Javadocs must be provided but not found in entries`, a
//! namespace that is not allowed, POM information that is missing). The first
//! error is the finding: the goal's failure below only repeats it. Every one
//! is a person's call (a version is never published twice; signatures, docs
//! and POM fields are the build's publication).

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "central_portal/deployment-failed",
    grammar: "Deployment {id} failed | Deployment {id} failed validation: … pkg:maven/{coords}@{version}: | \
              Publication {purl}: … - {error} | * {error}",
    needles: &[
        "Component with package url",
        "for file:",
        "must be provided but not found",
        "is not allowed",
        "is missing",
        "is not defined",
    ],
    check: deployment_failed,
    examples: &[ex_after(
        &[
            "Deployment 9c1f3e72-5a4b-4d8e-b0f6-2e7a9c3d5b18 failed",
            "pkg:maven/dev.kelp/kelp-core@2.0.1:",
        ],
        " - Component with package url: 'pkg:maven/dev.kelp/kelp-core@2.0.1' already exists",
        Category::Unknown,
        None,
    )],
}];

fn deployment_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:\[ERROR\]\s+)?(?:-|\*) (\S.*)$").captures(line.text.trim())?;
    let component = regex!(r"^(?:\[ERROR\]\s+)?(?:Publication )?pkg:maven/\S+:$");
    let deployment = regex!(r"\bDeployment [0-9a-f-]{8,} failed(?: validation:)?$");
    let under_report = line.recent.iter().any(|l| component.is_match(l.trim()))
        && line.recent.iter().any(|l| deployment.is_match(l.trim()));
    if !under_report {
        return None;
    }
    let error = c[1].trim();
    let why = if error.starts_with("Component with package url") && error.ends_with("already exists") {
        "that version is already on Maven Central (a release run again, or an earlier deployment of it), and a \
         published version never changes: a person bumps the version or drops the deployment in the Portal"
    } else {
        "the Portal's validation refused the deployment (signatures, checksums, javadoc or sources jars, the POM's \
         required fields, the namespace): a person fixes the build's publication"
    };
    Some(Hit::blocker(format!(
        "Maven Central did not publish the deployment: {why}. The Portal said: {}",
        display_text(error)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    fn under(recent: &[&str], text: &str) -> Option<Hit> {
        deployment_failed(&Line {
            recent,
            ..Line::plain(text)
        })
    }

    #[test]
    fn the_portals_errors_under_a_failed_deployment() {
        let maven = [
            "Deployment 9c1f3e72-5a4b-4d8e-b0f6-2e7a9c3d5b18 failed",
            "pkg:maven/dev.kelp/kelp-core@2.0.1:",
        ];
        let hit = under(
            &maven,
            " - Component with package url: 'pkg:maven/dev.kelp/kelp-core@2.0.1' already exists",
        )
        .expect("read");
        assert_eq!(
            (hit.category, hit.fixable, hit.strength),
            (Category::Unknown, false, Strength::Blocker)
        );
        assert!(hit.message.contains("already on Maven Central"), "{}", hit.message);
        let relay = [
            "[ERROR] Failed to execute goal org.sonatype.central:central-publishing-maven-plugin:0.8.0:publish \
             (injected-central-publishing) on project kelp-core: Execution injected-central-publishing of goal \
             org.sonatype.central:central-publishing-maven-plugin:0.8.0:publish failed: Deployment \
             9c1f3e72-5a4b-4d8e-b0f6-2e7a9c3d5b18 failed",
            "[ERROR] pkg:maven/dev.kelp/kelp-core@2.0.1:",
        ];
        assert!(under(&relay, "[ERROR]  - Missing signature for file: kelp-core-2.0.1.jar").is_some());
        let gradle = [
            "> Deployment 0f2e9a14-77c1-4b0e-9d3a-5c8b1e2f4a6d failed validation:",
            "Publication pkg:maven/dev.beryl/lattice-api@0.8.3:",
        ];
        let hit = under(&gradle, "* Javadocs must be provided but not found in entries").expect("read");
        assert!(hit.message.contains("validation"), "{}", hit.message);
        // Without the Portal's report around it, a list item is nobody's.
        assert!(under(&[], " - Component with package url: 'pkg:maven/a/b@1' already exists").is_none());
        assert!(under(&maven[..1], " - License information is missing").is_none());
        assert!(under(&maven, "Component with package url: 'pkg:maven/a/b@1' already exists").is_none());
    }
}
