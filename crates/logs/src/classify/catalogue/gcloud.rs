//! The Google Cloud CLI (`gcloud`).
//!
//! Sources: gcloud prints a command's failure as `ERROR: (gcloud.{command})
//! {message}` (`googlecloudsdk/calliope/exceptions.py`); an API's refusal keeps
//! its status (`RESOURCE_EXHAUSTED`, `PERMISSION_DENIED`, …) and, for a quota,
//! Google's text `Quota exceeded for quota metric '{metric}' and limit
//! '{limit}' of service '{service}'`. A limit whose name is a rate (`… per
//! minute`, `per second`, `per 100 seconds`) is a rate limit; any other quota
//! (CPUs, addresses: `Quota '{name}' exceeded.  Limit: {n} in region {r}.`) is
//! not one, and a person raises it.

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "gcloud/error",
    grammar: "ERROR: (gcloud.{command}) {message}",
    needles: &["ERROR: (gcloud."],
    check: gcloud_error,
    examples: &[
        ex(
            "ERROR: (gcloud.run.deploy) RESOURCE_EXHAUSTED: Quota exceeded for quota metric 'Write requests' and \
             limit 'Write requests per minute per region' of service 'run.googleapis.com'",
            Category::RateLimit,
            Some("a service"),
        ),
        ex(
            "ERROR: (gcloud.compute.instances.create) Could not fetch resource:",
            Category::Unknown,
            None,
        ),
    ],
}];

fn gcloud_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^ERROR: \((gcloud(?:\.[\w-]+)+)\) (.*)$").captures(line.text.trim())?;
    let message = &c[2];
    let rate_quota =
        regex!(r"(?i)Quota exceeded for quota metric '[^']*' and limit '[^']*\bper (?:minute|second|\d+ seconds)\b")
            .is_match(message);
    if rate_quota || message.contains("RATE_LIMIT_EXCEEDED") {
        return Some(rate_limit_hit(
            RateLimitService::Other,
            None,
            0.7,
            &format!(
                "A Google Cloud API's per-minute request quota was exhausted ({}).",
                &c[1]
            ),
        ));
    }
    Some(Hit::blocker(format!("gcloud failed ({}).", &c[1])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_quota_is_a_limit_another_quota_is_not() {
        let read = |t: &str| gcloud_error(&Line::plain(t)).map(|h| h.category);
        assert_eq!(
            read(
                "ERROR: (gcloud.builds.submit) RESOURCE_EXHAUSTED: Quota exceeded for quota metric 'Build \
                  requests' and limit 'Build requests per minute' of service 'cloudbuild.googleapis.com'"
            ),
            Some(Category::RateLimit)
        );
        assert_eq!(
            read(
                "ERROR: (gcloud.compute.addresses.create) RESOURCE_EXHAUSTED: Quota exceeded for quota metric \
                  'Static IPs' and limit 'STATIC_ADDRESSES' of service 'compute.googleapis.com'"
            ),
            Some(Category::Unknown)
        );
        assert_eq!(read("ERROR: (gcloud) nope"), None);
    }
}
