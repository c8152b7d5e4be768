//! Diagnosed failures from `autoheal-logs` become fix inputs.

use autoheal_logs::report::{Failure, RunnerClass, SubjectDetail};

use crate::{FailureInput, StepRef};

impl From<&Failure> for FailureInput {
    fn from(f: &Failure) -> Self {
        let category = f.category;
        let mut input = FailureInput::new(category, f.subject.as_deref());
        input.fixable = f.fixable;
        input.job = f.job.clone();
        input.step = f.step.as_ref().map(|s| StepRef {
            number: s.number,
            name: s.name.clone(),
        });
        input.offset = f.span.as_ref().and_then(|s| s.range).map(|(start, _)| start);
        input.script_line = f.location.script_line;
        input.silent_minutes = f.location.silent_minutes;
        match &f.detail {
            SubjectDetail::Module {
                module,
                distribution,
                known,
                python,
            } => {
                input.subject = Some(distribution.clone());
                input.module = Some(module.clone());
                input.known_distribution = *known;
                input.python = *python;
            }
            SubjectDetail::NewerStdlib { module, python, .. } => {
                input.subject = Some(module.clone());
                input.module = Some(module.clone());
                input.python = *python;
            }
            SubjectDetail::OwnPackage { module } => {
                input.subject = Some(module.clone());
                input.module = Some(module.clone());
                input.own_package = true;
            }
            SubjectDetail::PytestPlugin { distribution, .. } => {
                input.subject = Some(distribution.clone());
                input.known_distribution = true;
            }
            SubjectDetail::Command { name, .. } => input.subject = Some(name.clone()),
            SubjectDetail::Path { path } => input.subject = Some(path.clone()),
            SubjectDetail::Limit { minutes, scope } => {
                input.timeout_minutes = Some(*minutes);
                input.limit_scope = *scope;
            }
            SubjectDetail::RateLimit { service, authenticated } => {
                input.rate_limit = Some(*service);
                input.rate_limit_authenticated = *authenticated;
            }
            SubjectDetail::WorkflowLocation { path, line, column } => {
                input.invalid_file = path.clone();
                input.line = Some(*line);
                input.column = *column;
            }
            SubjectDetail::Untrusted { .. } => input.fixable = false,
            // Only a label the runner itself called self-hosted: an
            // `arm64` word in a log may name a download, not the machine.
            SubjectDetail::Runner {
                confirmed_runs_on,
                runner: Some(RunnerClass::SelfHosted),
                ..
            } => input.confirmed_runner = confirmed_runs_on.clone(),
            SubjectDetail::Runner { .. } => {}
            SubjectDetail::Canceled { .. } | SubjectDetail::Package { .. } | SubjectDetail::None => {}
        }
        input
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Category;
    use autoheal_logs::report::{Category as LogCategory, Failure, LogLocation, SubjectDetail};

    fn failure(category: LogCategory, subject: Option<&str>, detail: SubjectDetail) -> Failure {
        Failure {
            category,
            subject: subject.map(str::to_string),
            fixable: true,
            confidence: 0.9,
            job: Some("test".into()),
            step: None,
            evidence: Vec::new(),
            message: String::new(),
            span: None,
            fixes: Vec::new(),
            detail,
            consequence: false,
            location: LogLocation::default(),
        }
    }

    #[test]
    fn typed_details_fill_the_fields_fixes_use() {
        let f = failure(
            LogCategory::MissingDependency,
            Some("yaml"),
            SubjectDetail::Module {
                module: "yaml".into(),
                distribution: "PyYAML".into(),
                known: true,
                python: None,
            },
        );
        let input = FailureInput::from(&f);
        assert_eq!(
            (input.category, input.subject.as_deref(), input.module.as_deref()),
            (Category::MissingDependency, Some("PyYAML"), Some("yaml"))
        );
        let t = FailureInput::from(&failure(
            LogCategory::Timeout,
            Some("30"),
            SubjectDetail::Limit {
                minutes: 30,
                scope: autoheal_logs::LimitScope::Step,
            },
        ));
        assert_eq!((t.timeout_minutes, t.limit_scope), (Some(30), crate::LimitScope::Step));
        let r = FailureInput::from(&failure(
            LogCategory::RateLimit,
            None,
            SubjectDetail::RateLimit {
                service: autoheal_logs::report::RateLimitService::DockerHub,
                authenticated: None,
            },
        ));
        assert_eq!(r.rate_limit, Some(autoheal_logs::report::RateLimitService::DockerHub));
        let u = FailureInput::from(&failure(
            LogCategory::MissingCommand,
            None,
            SubjectDetail::Untrusted { text: "$(id)".into() },
        ));
        assert!(!u.fixable);
    }
}
