//! Authenticating GitHub API calls that hit the anonymous limit: only known
//! actions, through the input their `action.yml` documents for a token, and
//! scripts that already send `$GITHUB_TOKEN`/`$GH_TOKEN` but never got it,
//! when every command of the script is a plain API client. A token never
//! goes to a step that runs the project's own code (build scripts, package
//! managers, tests), since that code could be changed by a pull request.

use autoheal_engine::model::{Job, Step, Workflow};
use autoheal_engine::yaml::Node;

use super::Part;
use crate::Ctx;
use crate::script::strip_comment;
use crate::yaml_edit::{insert_nested, set_entry};

const TOKEN: &str = "${{ secrets.GITHUB_TOKEN }}";

/// Actions that download from the GitHub API and take a token input with no
/// default, so they call anonymously unless given one (from each
/// `action.yml`).
const TOKEN_INPUT_WITHOUT_DEFAULT: &[(&str, &str)] = &[
    ("arduino/setup-task", "repo-token"),
    ("arduino/setup-protoc", "repo-token"),
];

/// Actions whose token input defaults to the job's token in their current
/// `action.yml`: an anonymous limit means an older version or GitHub
/// Enterprise Server, which passing the same token does not change.
const TOKEN_INPUT_DEFAULTS_TO_JOB_TOKEN: &[(&str, &str)] = &[
    ("actions/setup-go", "token"),
    ("actions/setup-python", "token"),
    ("actions/setup-node", "token"),
    ("actions/github-script", "github-token"),
    ("github/codeql-action", "token"),
    ("hashicorp/setup-copywrite", "token"),
];

/// Commands that send requests and run no code of the repository.
const API_CLIENTS: &[&str] = &[
    "gh", "curl", "wget", "jq", "echo", "printf", "test", "sleep", "true", "false",
];

/// `owner/repo` of `owner/repo[/path]@ref`.
fn action_repo(uses: &str) -> &str {
    let name = uses.split('@').next().unwrap_or(uses);
    let mut parts = name.splitn(3, '/');
    match (parts.next(), parts.next()) {
        (Some(owner), Some(repo)) => &name[..owner.len() + 1 + repo.len()],
        _ => name,
    }
}

pub(super) fn authenticate(ctx: &Ctx<'_>, wf: &Workflow<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Part, String> {
    if let Some(uses) = step.uses() {
        return action_input(ctx, step, uses);
    }
    script_variable(ctx, wf, job, step)
}

fn action_input(ctx: &Ctx<'_>, step: &Step<'_>, uses: &str) -> Result<Part, String> {
    let repo = action_repo(uses);
    if let Some((_, input)) = TOKEN_INPUT_DEFAULTS_TO_JOB_TOKEN.iter().find(|(a, _)| *a == repo) {
        return Err(format!(
            "`{repo}` already sends the job's token by default (its `{input}` input) in current versions; the anonymous limit \
             means `{uses}` predates that default or the run is on GitHub Enterprise Server, so upgrade the action or pass a \
             github.com token yourself"
        ));
    }
    let Some((_, input)) = TOKEN_INPUT_WITHOUT_DEFAULT.iter().find(|(a, _)| *a == repo) else {
        return Err(format!(
            "`{repo}` is not an action autoheal knows a token input for; check its documentation for one"
        ));
    };
    let with = step.get("with");
    if with.is_some_and(|w| w.get(input).is_some()) {
        return Err(format!("step \"{}\" already sets `{input}`", step.display_name()));
    }
    let edit = match with {
        Some(w) if w.is_mapping() => set_entry(ctx.path, ctx.source, w, None, input, TOKEN),
        Some(_) => None,
        None => insert_nested(ctx.path, ctx.source, step.node, "with", input, TOKEN),
    }
    .ok_or("the step's `with:` cannot be edited")?;
    Ok(Part {
        edits: vec![edit],
        does: format!(
            "passes the job's `GITHUB_TOKEN` to `{repo}` through its `{input}` input, which it documents for this: \
             authenticated requests get a much higher limit than anonymous ones from the runner's shared address"
        ),
        title: format!("pass the job's token to `{repo}` (`{input}`)"),
        checks: vec![format!("{input}: {TOKEN}")],
        safe: true,
    })
}

/// The `$GITHUB_TOKEN`/`$GH_TOKEN` a script sends but nothing defines.
fn script_variable(ctx: &Ctx<'_>, wf: &Workflow<'_>, job: &Job<'_>, step: &Step<'_>) -> Result<Part, String> {
    let script = step.run().and_then(Node::as_str).unwrap_or("");
    let code: Vec<&str> = script
        .lines()
        .map(|l| strip_comment(l).trim())
        .filter(|l| !l.is_empty())
        .collect();
    let var = ["GH_TOKEN", "GITHUB_TOKEN"]
        .into_iter()
        .find(|v| {
            code.iter()
                .any(|l| l.contains(&format!("${v}")) || l.contains(&format!("${{{v}}}")))
        })
        .ok_or_else(|| {
            format!(
                "step \"{}\" does not send a token variable, and autoheal does not rewrite its commands to add one",
                step.display_name()
            )
        })?;
    let defines = |n: Option<&Node>| n.and_then(|n| n.get("env")).is_some_and(|e| e.get(var).is_some());
    if defines(Some(step.node)) || defines(Some(job.node())) || defines(Some(wf.root)) {
        return Err(format!("`{var}` is already set for step \"{}\"", step.display_name()));
    }
    let foreign = code.iter().find(|l| !plain_api_line(l));
    if let Some(line) = foreign {
        return Err(format!(
            "step \"{}\" also runs `{line}`, which is not a plain API client; the token is not given to a step that may run \
             the project's own code",
            step.display_name()
        ));
    }
    let edit = insert_nested(ctx.path, ctx.source, step.node, "env", var, TOKEN)
        .ok_or("the step's `env:` cannot be edited")?;
    Ok(Part {
        edits: vec![edit],
        does: format!(
            "sets `{var}`, which the script already sends but nothing defined, to the job's `GITHUB_TOKEN`, so its requests \
             are authenticated"
        ),
        title: format!("set `{var}` for the API calls"),
        checks: vec![format!("{var}: {TOKEN}")],
        safe: true,
    })
}

/// Every command of the line (split at `|`, `;`, `&&`, `||`) is a plain API
/// client, and nothing is substituted (`$(…)`, backticks), which could run
/// anything.
fn plain_api_line(line: &str) -> bool {
    if line.contains("$(") || line.contains('`') {
        return false;
    }
    line.split(['|', ';', '&'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .all(|part| {
            let command = part
                .split_whitespace()
                .find(|w| !w.contains('=') || w.starts_with('-'))
                .unwrap_or("");
            API_CLIENTS.contains(&command)
        })
}

#[cfg(test)]
mod tests {
    use super::{action_repo, plain_api_line};

    #[test]
    fn plain_api_lines() {
        assert!(plain_api_line(
            "curl -sH \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com/x | jq -r .tag"
        ));
        assert!(plain_api_line("gh release download v1 && echo done"));
        assert!(!plain_api_line("curl -s $URL | sh"));
        assert!(!plain_api_line("V=$(curl -s https://api.github.com)"));
        assert!(!plain_api_line("make release"));
        assert!(!plain_api_line("./scripts/upload.sh"));
    }

    #[test]
    fn action_repos() {
        assert_eq!(action_repo("github/codeql-action/init@v3"), "github/codeql-action");
        assert_eq!(action_repo("arduino/setup-task@v2"), "arduino/setup-task");
    }
}
