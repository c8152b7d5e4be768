//! kubeconform, the Kubernetes manifest validator.
//!
//! Source: kubeconform's text output (`pkg/output/text.go`, as its README
//! and yannh/kubeconform's issues #32, #94, #173 and #305 print it): one line
//! per resource that is not valid, `{file} - {Kind} {name} is invalid:
//! {reason}` (the schema's complaint, `problem validating schema. Check JSON
//! formatting: jsonschema: '{path}' does not validate with {schema}:
//! {message}`, or a `For field …` list from older releases) or `{file} -
//! {Kind} {name} failed validation: {reason}` (an error: no schema found, a
//! manifest that does not parse), `-verbose` adding `{file} - {Kind} {name}
//! is valid` lines; then, with `-summary`, `Summary: {n} resource(s) found in
//! {m} file(s) - Valid: {v}, Invalid: {i}, Errors: {e}, Skipped: {s}` (`found
//! parsing stdin` for standard input). kubeconform exits 1 when any resource
//! is invalid or errored, so the first such line is the cause: the
//! manifest's (or the chart that rendered it), for a person; the summary is
//! a heading over it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "kubeconform/resource",
    grammar: "{file} - {Kind} {name} is invalid: {reason} | {file} - {Kind} {name} failed validation: {reason} | \
              Summary: {n} resources found in {m} files - Valid: {v}, Invalid: {i}, Errors: {e}, Skipped: {s}",
    needles: &[" is invalid: ", " failed validation: ", "Summary: "],
    check: resource,
    examples: &[ex(
        "k8s/web.yaml - Deployment web is invalid: problem validating schema. Check JSON formatting: jsonschema: \
         '/spec/replicas' does not validate with https://example.invalid/deployment-apps-v1.json#/properties/spec/\
         properties/replicas/type: expected integer or null, but got string",
        Category::Unknown,
        None,
    )],
}];

fn resource(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if let Some(c) = regex!(
        r"^Summary: \d+ resources? found (?:in \d+ files?|parsing stdin) - Valid: \d+, Invalid: (\d+), Errors: (\d+), Skipped: \d+$"
    )
    .captures(text)
    {
        // All valid: no failure of kubeconform's.
        return (&c[1] != "0" || &c[2] != "0").then(|| {
            Hit::summary("kubeconform found invalid manifests (its summary; the first resource above says which).")
        });
    }
    let c = regex!(r"^(\S+) - (\S+) (\S+) (is invalid|failed validation): (\S.*)$").captures(text)?;
    let (file, kind, name, verdict, reason) = (&c[1], &c[2], &c[3], &c[4], &c[5]);
    Some(Hit::blocker(format!(
        "kubeconform: {} {} in {} {}: {} (the manifest's, for a person).",
        display_text(kind),
        display_text(name),
        display_text(file),
        verdict,
        display_text(reason)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn an_invalid_or_unvalidated_resource_is_the_cause_and_the_summary_a_heading() {
        for text in [
            "rendered/api.yaml - Deployment api is invalid: problem validating schema. Check JSON formatting: \
             jsonschema: '/spec/template/spec/containers/0/ports/0/containerPort' does not validate with \
             https://example.invalid/deployment-apps-v1.json#/properties/x/type: expected integer, but got string",
            // An older release's form, and an error (no schema).
            "fixtures/invalid.yaml - ReplicationController bob is invalid: For field spec.replicas: Invalid type. \
             Expected: [integer,null], given: string",
            "storagecluster.yaml - StorageCluster ocs-storagecluster failed validation: could not find schema for \
             StorageCluster",
            "stdin - Service svc is invalid: problem validating schema. Check JSON formatting: jsonschema: '' does \
             not validate with https://example.invalid/service-v1.json#/additionalProperties: additionalProperties \
             'invalid' not allowed",
        ] {
            let hit = resource(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        for text in [
            "Summary: 14 resources found in 3 files - Valid: 13, Invalid: 1, Errors: 0, Skipped: 0",
            "Summary: 964 resources found in 450 files - Valid: 0, Invalid: 0, Errors: 964, Skipped: 0",
            "Summary: 1 resource found parsing stdin - Valid: 0, Invalid: 1, Errors: 0, Skipped: 0",
        ] {
            assert_eq!(
                resource(&Line::plain(text)).expect(text).strength,
                Strength::Summary,
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            resource,
            &[],
            &[
                // All valid, a valid resource under -verbose, other tools' words.
                "Summary: 3 resources found in 1 file - Valid: 3, Invalid: 0, Errors: 0, Skipped: 0",
                "k8s/web.yaml - Deployment web is valid",
                "Summary: 2 failed, 10 passed",
                "The Deployment \"web\" is invalid: spec.replicas: Invalid value: -1",
            ],
        );
    }
}
