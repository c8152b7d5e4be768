//! The Azure CLI (`az`) and Microsoft Entra ID sign-in errors (azure/login).
//!
//! Sources: az prints a service's error as `ERROR: ({code}) {message}`, then
//! `Code: {code}` and `Message: {message}` (azure-core's `HttpResponseError`
//! text); Azure Resource Manager answers throttling with HTTP 429 and the codes
//! `SubscriptionRequestsThrottled`, `TenantRequestsThrottled` and
//! `ResourceCollectionRequestsThrottled` (Azure's "Understand how Azure Resource
//! Manager throttles requests", aka.ms/ARMThrottling), other services with
//! `TooManyRequests`. Entra ID's errors start `AADSTS{n}: {message}` (Microsoft
//! identity platform error codes); azure/login prints them, then its own
//! `Login failed with Error: …`.

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "azure/cli-error",
        grammar: "ERROR: ({code}) {message}",
        needles: &["ERROR: ("],
        check: cli_error,
        examples: &[
            ex(
                "ERROR: (SubscriptionRequestsThrottled) Number of 'write' requests for subscription '0000' actor \
                 '1111' exceeded. Please try again after '17' seconds after additional 'write' requests.",
                Category::RateLimit,
                Some("a service"),
            ),
            ex(
                "ERROR: (AuthorizationFailed) The client '1111' does not have authorization to perform action",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "azure/entra-sign-in",
        grammar: "AADSTS{n}: {message}",
        needles: &["AADSTS"],
        check: entra_sign_in,
        examples: &[ex(
            "AADSTS700213: No matching federated identity record found for presented assertion subject \
             'repo:acme/api:environment:production'.",
            Category::Unknown,
            None,
        )],
    },
];

const THROTTLED: &[&str] = &[
    "SubscriptionRequestsThrottled",
    "TenantRequestsThrottled",
    "ResourceCollectionRequestsThrottled",
    "TooManyRequests",
];

fn cli_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^ERROR: \((\w+)\) ").captures(line.text.trim_start())?;
    let code = &c[1];
    if THROTTLED.contains(&code) {
        return Some(rate_limit_hit(
            RateLimitService::Other,
            None,
            0.7,
            &format!("Azure throttled the job's requests ({code})."),
        ));
    }
    Some(Hit::blocker(format!("Azure refused the request ({code}).")))
}

fn entra_sign_in(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|\W)(AADSTS\d+): ").captures(line.text)?;
    Some(Hit::blocker(format!(
        "Microsoft Entra ID refused the sign-in ({}): the app registration's federated credential, client id or \
         tenant does not match the job.",
        &c[1]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn az_errors_and_entra_codes() {
        assert_reads(
            cli_error,
            &["ERROR: (ResourceGroupNotFound) Resource group 'rg' could not be found."],
            // gcloud's form and pip's have no code in parentheses.
            &[
                "ERROR: (gcloud.run.deploy) x",
                "ERROR: Could not find a version that satisfies the requirement x",
            ],
        );
        assert_reads(
            entra_sign_in,
            &["Error: AADSTS7000215: Invalid client secret provided."],
            &["AADSTS is Entra"],
        );
    }
}
