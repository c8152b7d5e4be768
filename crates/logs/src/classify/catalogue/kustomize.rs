//! kustomize (`kustomize build`, and `kubectl kustomize` / `kubectl apply -k`,
//! which embed it).
//!
//! Source: kustomize's accumulator and file loader (`api/internal/target/
//! kusttarget.go`, `api/loader/fileloader.go`), as its issues and users'
//! logs print them: a `resources:` entry the kustomization lists that is not
//! there fails the build with `Error: accumulating resources: accumulation
//! err='accumulating resources from '{entry}': evalsymlink failure on
//! '{absolute path}' : lstat {absolute path}: no such file or directory':
//! must build at directory: not a valid directory: evalsymlink failure on
//! '{absolute path}' : lstat …` (the entry tried as a file, then as a
//! directory; an overlay nesting a base repeats `recursed accumulation of
//! path '{dir}': accumulating resources: …`). Older releases wrote the two
//! attempts as `accumulateFile "…", accumulateDirector: "…"` or `loader.New
//! "…"`. The directory `kustomize build {dir}` is given, when it does not
//! exist, fails without the accumulation: `Error: must build at directory:
//! not a valid directory: evalsymlink failure on '{dir}' : lstat {dir}: no
//! such file or directory`.
//!
//! A resource the kustomization lists is named in `kustomization.yaml`, not
//! in the workflow: the path is named, not fixable (no edit of the workflow
//! reaches it). The directory given on the command line is the step's own
//! path, read like any other missing path.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "kustomize/resource-missing",
    grammar: "Error: accumulating resources: … accumulating resources from '{entry}': evalsymlink failure on '{path}' \
              : lstat {path}: no such file or directory … | Error: must build at directory: not a valid directory: \
              evalsymlink failure on '{dir}' : lstat {dir}: no such file or directory",
    needles: &["accumulating resources", "must build at directory"],
    check: resource_missing,
    examples: &[
        ex(
            "Error: accumulating resources: accumulation err='accumulating resources from 'hpa.yaml': evalsymlink \
             failure on '/home/runner/work/app/app/deploy/base/hpa.yaml' : lstat \
             /home/runner/work/app/app/deploy/base/hpa.yaml: no such file or directory': must build at directory: not \
             a valid directory: evalsymlink failure on '/home/runner/work/app/app/deploy/base/hpa.yaml' : lstat \
             /home/runner/work/app/app/deploy/base/hpa.yaml: no such file or directory",
            Category::FileNotFound,
            Some("deploy/base/hpa.yaml"),
        ),
        ex(
            "Error: must build at directory: not a valid directory: evalsymlink failure on \
             '/home/runner/work/app/app/deploy/overlays/prod' : lstat /home/runner/work/app/app/deploy/overlays/prod: \
             no such file or directory",
            Category::FileNotFound,
            Some("deploy/overlays/prod"),
        ),
    ],
}];

fn resource_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    // The first path that is not there: the innermost entry's (the build
    // reports each level of a nested overlay, the missing file last).
    let missing = || {
        regex!(r"evalsymlink failure on '([^']+)' : lstat [^:]+: no such file or directory")
            .captures_iter(text)
            .last()
            .map(|c| c.get(1).expect("group").as_str())
    };
    if text.starts_with("accumulating resources") {
        let path = missing()?;
        return Some(
            path_hit(
                path,
                0.8,
                "kustomize could not find a resource its kustomization lists (`resources:`): it was moved, renamed or \
                 never committed. The kustomization names it, not the workflow: fix the list or the file (a manual \
                 fix).",
            )
            .fixable(false),
        );
    }
    if text.starts_with("must build at directory: not a valid directory") {
        let path = missing()?;
        return Some(path_hit(
            path,
            0.75,
            "kustomize was asked to build a directory that does not exist.",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_resource_is_named_not_fixed() {
        let nested = resource_missing(&Line::plain(
            "Error: accumulating resources: recursed accumulation of path \
             '/home/runner/work/shop/shop/k8s/base': accumulating resources: accumulation err='accumulating \
             resources from 'service.yaml': evalsymlink failure on '/home/runner/work/shop/shop/k8s/base/service.yaml' \
             : lstat /home/runner/work/shop/shop/k8s/base/service.yaml: no such file or directory': must build at \
             directory: not a valid directory: evalsymlink failure on \
             '/home/runner/work/shop/shop/k8s/base/service.yaml' : lstat \
             /home/runner/work/shop/shop/k8s/base/service.yaml: no such file or directory",
        ))
        .expect("read");
        assert_eq!(nested.category, Category::FileNotFound);
        assert_eq!(nested.subject.as_deref(), Some("k8s/base/service.yaml"));
        assert!(!nested.fixable, "the kustomization names it");
        // The directory on the command line is the step's own path.
        let dir = resource_missing(&Line::plain(
            "Error: must build at directory: not a valid directory: evalsymlink failure on 'config/crd' : lstat \
             /home/runner/work/op/op/config/crd: no such file or directory",
        ))
        .expect("read");
        assert_eq!(dir.subject.as_deref(), Some("config/crd"));
        assert!(dir.fixable);
        // A kustomization that did load but failed otherwise says nothing
        // is missing.
        crate::classify::catalogue::assert_reads(
            resource_missing,
            &[],
            &[
                "Error: accumulating resources: accumulation err='accumulating resources from 'service.yaml': yaml: \
                 line 9: did not find expected key': got file 'service.yaml', but '/w/service.yaml' must be a \
                 directory to be a root",
                "Error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in \
                 directory '/w/k8s'",
            ],
        );
    }
}
