//! The AWS CDK CLI (`cdk deploy`, `cdk bootstrap`): its report of the
//! CloudFormation stack events of a deployment.
//!
//! Source: the CDK toolkit's stack activity printers (`HistoryActivityPrinter`
//! and `CurrentActivityPrinter` in aws-cdk's `stack-activity-monitor`), which
//! print each CloudFormation event as `{stack} | {done}/{total} | {time} |
//! {ResourceStatus, padded} | {ResourceType} | {logical id}[ ({physical
//! id})] {ResourceStatusReason}` (the time in the runner's locale, `1:10:42
//! PM` or `13:10:42`), and after a failed deployment repeat the failed events
//! under `Failed resources:` without the count; the CLI then ends with ` ❌
//! {stack} failed: {Error}: The stack named {stack} failed creation, it may
//! need to be manually deleted from the AWS console: ROLLBACK_COMPLETE: …`
//! (its issues #901, #7340 show the form). The first `*_FAILED` event of a
//! resource says why (`… already exists`, an IAM refusal, a quota); the
//! resources CloudFormation cancels after it (`Resource creation cancelled`,
//! `Resource update cancelled`) and the stack's own `ROLLBACK_*` events follow
//! from it. A stack that failed is the project's infrastructure code or the
//! account's state, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "cdk/resource-failed",
    grammar: "{stack} | [{done}/{total} | ]{time} | {CREATE|UPDATE|DELETE|IMPORT}_FAILED | {ResourceType} | {logical \
              id} {reason}",
    needles: &["_FAILED"],
    check: resource_failed,
    examples: &[ex(
        "ApiStack | 2/9 | 10:04:17 AM | CREATE_FAILED        | AWS::IAM::Role        | TaskRole (TaskRole30FC0FBB) \
         Resource handler returned message: \"User: arn:aws:sts::123456789012:assumed-role/cdk-deploy/x is not \
         authorized to perform: iam:CreateRole\"",
        Category::Unknown,
        None,
    )],
}];

// The columns are padded (CDK's activity printer pads the timestamp to its
// width), and Node 20's ICU puts a narrow no-break space (U+202F, which `\s`
// matches) before AM/PM in `toLocaleTimeString()` (finlogs22).
fn resource_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^\S+\s+\|\s*(?:\d+/\d+\s*\|\s*)?\d{1,2}:\d{2}:\d{2}(?:\s[AP]M)?\s*\|\s*(CREATE|UPDATE|DELETE|IMPORT)_FAILED\s*\|\s*((?:AWS|Custom|Alexa)::\S+)\s*\|\s*(.+)$"
    )
    .captures(line.text.trim())?;
    let (action, kind, rest) = (c[1].to_ascii_lowercase(), &c[2], c[3].trim());
    // Resources cancelled because another one failed say nothing of their own.
    if regex!(r"Resource (?:creation|update) cancelled\s*$").is_match(rest) {
        return Some(
            Hit::blocker(format!(
                "CloudFormation cancelled {kind} {} after another resource failed.",
                display_text(rest)
            ))
            .weak(),
        );
    }
    Some(Hit::blocker(format!(
        "CloudFormation could not {action} {kind} {} (the CDK's stack events): the stack's code or the account's \
         state, for a person.",
        display_text(rest)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_failed_resource_event_is_the_cause() {
        // `Failed resources:` repeats the event without the count; a
        // 24-hour locale prints no AM/PM.
        for text in [
            "OrdersStack | 0/7 | 1:10:42 PM | CREATE_FAILED        | AWS::S3::Bucket       | ExportBucket \
             (ExportBucket4E99050E) Resource handler returned message: \"x already exists\"",
            "OrdersStack | 1:10:42 PM | CREATE_FAILED        | AWS::S3::Bucket       | ExportBucket \
             (ExportBucket4E99050E) Resource handler returned message: \"x already exists\"",
            "web | 3/12 | 14:02:09 | UPDATE_FAILED        | Custom::CDKBucketDeployment | Deploy/CustomResource \
             Received response status [FAILED] from custom resource.",
            // Node 20's narrow no-break space before PM, and padded columns.
            "OrdersStack |  0/7 |  1:10:42\u{202f}PM | CREATE_FAILED        | AWS::S3::Bucket       | ExportBucket \
             (ExportBucket4E99050E) Resource handler returned message: \"x already exists\"",
        ] {
            let hit = resource_failed(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::Unknown);
            assert_eq!(hit.strength, Strength::Blocker, "{text}");
        }
        let cancelled = resource_failed(&Line::plain(
            "OrdersStack | 0/7 | 1:10:42 PM | CREATE_FAILED        | AWS::DynamoDB::Table  | OrdersTable \
             (OrdersTable315BB997) Resource creation cancelled",
        ))
        .expect("read");
        assert_eq!(cancelled.strength, Strength::Weak);
        crate::classify::catalogue::assert_reads(
            resource_failed,
            &[],
            &[
                "OrdersStack | 0/7 | 1:10:43 PM | ROLLBACK_IN_PROGRESS | AWS::CloudFormation::Stack | OrdersStack \
                 The following resource(s) failed to create: [ExportBucket4E99050E].",
                "    expect(status).toBe('CREATE_FAILED')",
            ],
        );
    }
}
