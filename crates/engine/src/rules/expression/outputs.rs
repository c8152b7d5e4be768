//! The outputs a step or a called workflow produces, as types for
//! `steps.<id>.outputs` and `needs.<job>.outputs`: read from a local
//! action's metadata or a local reusable workflow's `on.workflow_call`
//! through the repository view, or from the generated popular-action
//! table; open (any output) when unknown.

use autoheal_expr::Type;

use crate::config::Config;
use crate::repo::RepoFiles;
use crate::rules::Reads;
use crate::rules::action::{
    ActionRef, commented_major, corpus_snapshot, generated_for, known_action, local_path, parse_action_ref, ref_major,
};
use crate::rules::workflow_call::{CallSpec, WorkflowRef, call_spec, parse_workflow_ref};
use crate::yaml::Node;

pub(crate) struct Outputs<'a> {
    repo: &'a dyn RepoFiles,
    config: &'a Config,
    /// The lint's shared reads (see [`Reads`]).
    reads: &'a Reads,
    source: &'a str,
}

impl<'a> Outputs<'a> {
    /// `source` is the text the step nodes were parsed from (a SHA pin's
    /// comment names its major there).
    pub(crate) fn new(repo: &'a dyn RepoFiles, config: &'a Config, reads: &'a Reads, source: &'a str) -> Self {
        Outputs {
            repo,
            config,
            reads,
            source,
        }
    }

    /// The type of `steps.<id>.outputs` for a step.
    pub(crate) fn of_step(&self, step: &Node) -> Type {
        let open = Type::map_of(Type::String);
        let Some(uses) = step.get("uses").and_then(Node::as_str) else {
            return open;
        };
        let action = parse_action_ref(uses);
        if let Ok(remote @ ActionRef::Remote { git_ref, .. }) = &action {
            // Popular actions' outputs, from the real metadata of the major
            // used (`@v4`, or a SHA pin whose comment names it, as the
            // `action` rule reads it), else (a branch, an uncommented SHA)
            // the corpus snapshot's.
            let major =
                ref_major(git_ref).or_else(|| step.get("uses").and_then(|node| commented_major(self.source, node)));
            let name = remote.name();
            if name.as_deref().and_then(known_action).is_some_and(|k| k.open_outputs) {
                return open;
            }
            let meta = name.and_then(|name| match major {
                Some(major) => generated_for(&name, major),
                None => corpus_snapshot(&name),
            });
            // An unverified entry (read at a tag through a transcript) does
            // not close the outputs: an error needs a file read at a commit;
            // the `action` rule warns about a name it does not declare.
            return match meta {
                Some(meta) if meta.verified => Type::object(meta.outputs.iter().map(|o| (*o, Type::String))),
                _ => open,
            };
        }
        let Ok(ActionRef::Local { path }) = action else {
            return open;
        };
        let dir = local_path(path).trim_end_matches('/');
        let mut actions = self.reads.actions.borrow_mut();
        match actions
            .get(self.repo, self.config, dir)
            .and_then(|a| a.outputs.as_ref())
        {
            Some(names) => Type::object(names.iter().map(|n| (n.as_str(), Type::String))),
            None => open,
        }
    }

    /// The `on.workflow_call` contract of the local reusable workflow
    /// `uses` names, when it can be read.
    pub(crate) fn callee(&self, uses: &str) -> Option<CallSpec> {
        let Ok(WorkflowRef::Local { path }) = parse_workflow_ref(uses) else {
            return None;
        };
        let path = local_path(path).to_string();
        let mut callees = self.reads.callees.borrow_mut();
        callees
            .entry(path.clone())
            .or_insert_with(|| call_spec(&self.repo.read(&path)?).ok())
            .clone()
    }

    /// The type of `needs.<job>.outputs` for a job that calls `uses`.
    pub(crate) fn of_call(&self, uses: &str) -> Type {
        match self.callee(uses) {
            Some(spec) => Type::object(spec.outputs.iter().map(|n| (n.as_str(), Type::String))),
            None => Type::map_of(Type::String),
        }
    }
}
