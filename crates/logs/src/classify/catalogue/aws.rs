//! The AWS CLI and SDKs, and aws-actions/configure-aws-credentials.
//!
//! Sources: botocore's `ClientError` text, `An error occurred ({code}) when
//! calling the {operation} operation[ (reached max retries: {n})]: {message}`
//! (`botocore/exceptions.py`), with the throttling codes botocore's retry
//! handler retries (`botocore/retries/standard.py`, `_THROTTLED_ERROR_CODES`:
//! `Throttling`, `ThrottlingException`, `ThrottledException`,
//! `RequestThrottledException`, `TooManyRequestsException`,
//! `ProvisionedThroughputExceededException`, `RequestLimitExceeded`,
//! `BandwidthLimitExceeded`, `RequestThrottled`, `SlowDown`,
//! `EC2ThrottledException`; `LimitExceededException` is left out, since
//! services also use it for a count of resources); botocore's
//! `NoCredentialsError` (`Unable to locate credentials`); the `ClientError` is
//! read only where the CLI prints it (the start of the line, or after an S3
//! transfer's `upload failed: {src} to {dst} `) or where boto3's traceback ends
//! (`botocore.exceptions.ClientError: `); and
//! configure-aws-credentials' `Could not assume role with OIDC: {reason}` and
//! `Credentials could not be loaded, please check your action inputs`.
//!
//! AWS's throttling is a rate limit of a service autoheal has no remedy for
//! (`a service`, not fixable): the fix is fewer calls or a retry with backoff,
//! which a person chooses.

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "aws/client-error",
        grammar: "An error occurred ({code}) when calling the {operation} operation[ (reached max retries: {n})]: \
                  {message}",
        needles: &["An error occurred ("],
        check: client_error,
        examples: &[
            ex(
                "An error occurred (Throttling) when calling the DescribeStacks operation (reached max retries: 2): \
                 Rate exceeded",
                Category::RateLimit,
                Some("a service"),
            ),
            ex(
                "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "aws/no-credentials",
        grammar: "Unable to locate credentials[. You can configure credentials by running \"aws configure\".] | Could \
                  not assume role with OIDC: {reason} | Credentials could not be loaded, please check your action \
                  inputs",
        needles: &[
            "Unable to locate credentials",
            "Could not assume role with OIDC",
            "Credentials could not be loaded",
        ],
        check: no_credentials,
        examples: &[ex(
            "Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity",
            Category::Unknown,
            None,
        )],
    },
];

const THROTTLED: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "RequestThrottled",
    "SlowDown",
    "EC2ThrottledException",
];

fn client_error(line: &Line<'_>) -> Option<Hit> {
    // At the start of the line, as the CLI prints it (alone, or after an S3
    // transfer's `upload failed: {src} to {dst} `) or as boto3's traceback
    // ends (`botocore.exceptions.ClientError: `): the same words in a test's
    // output or a log message are not the job's call.
    let c = regex!(
        r"^(?:(?:upload|download|copy|move|delete) failed: .+? |botocore\.exceptions\.\w+: )?An error occurred \((\w+)\) when calling the (\w+) operation"
    )
    .captures(line.text.trim_start())?;
    let code = &c[1];
    if THROTTLED.contains(&code) {
        return Some(rate_limit_hit(
            RateLimitService::Other,
            None,
            0.7,
            &format!("AWS throttled the job's API calls ({code} on {}).", &c[2]),
        ));
    }
    Some(Hit::blocker(format!("AWS refused the call ({code} on {}).", &c[2])))
}

fn no_credentials(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The job had no AWS credentials (configure-aws-credentials missing or refused: an IAM role's trust policy, \
         the `id-token: write` permission, or secrets a fork's pull request cannot read).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_throttling_codes_are_limits() {
        let read = |t: &str| client_error(&Line::plain(t)).map(|h| h.category);
        assert_eq!(
            read("An error occurred (SlowDown) when calling the PutObject operation: Please reduce your request rate."),
            Some(Category::RateLimit)
        );
        assert_eq!(
            read("An error occurred (LimitExceededException) when calling the CreateStack operation: Limit exceeded"),
            Some(Category::Unknown)
        );
        assert_eq!(read("An error occurred while uploading"), None);
        assert_eq!(
            read(
                "botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the Query \
                  operation (reached max retries: 4): Rate exceeded"
            ),
            Some(Category::RateLimit)
        );
        // Quoted by a test or logged by a program that handled it.
        assert_eq!(
            read("E   assert 'An error occurred (Throttling) when calling the X operation' in out"),
            None
        );
        assert_eq!(
            read("2026-11-24 10:00:01 WARN retrying: An error occurred (Throttling) when calling the X operation"),
            None
        );
    }
}
