//! The type checker: infers each node's type against a [`Scope`], and reports unknown names,
//! bad calls, bad comparisons and contexts or functions that the workflow key does not allow.

use crate::ast::{BinaryOp, Expr, ExprKind};
use crate::availability::Availability;
use crate::contexts::{CONTEXT_NAMES, Scope};
use crate::error::{ErrorKind, ExprError, quote_str};
use crate::functions::{FUNCTION_NAMES, Signature, canonical_name, signatures};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::template::Embedded;
use crate::types::Type;

/// The outcome of checking one expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The inferred type of the whole expression.
    pub ty: Type,
    /// Problems, in the order found (outer nodes before inner ones where both apply).
    pub errors: Vec<ExprError>,
}

/// Checks expressions against a scope and, optionally, the availability row of the workflow
/// key they appear under.
#[derive(Debug, Clone, Copy)]
pub struct Checker<'a> {
    scope: &'a Scope,
    availability: Option<&'a Availability>,
}

impl<'a> Checker<'a> {
    pub fn new(scope: &'a Scope) -> Self {
        Checker {
            scope,
            availability: None,
        }
    }

    /// Also report contexts and special functions that `availability` does not allow.
    pub fn with_availability(mut self, availability: Option<&'a Availability>) -> Self {
        self.availability = availability;
        self
    }

    pub fn check(&self, expr: &Expr) -> Checked {
        let mut run = Run {
            checker: self,
            errors: Vec::new(),
        };
        let ty = run.ty(expr);
        Checked { ty, errors: run.errors }
    }
}

/// The error for an object, array or null value expanded inside a `${{ }}` template.
pub fn template_value_error(ty: &Type, span: Span) -> Option<ExprError> {
    (!ty.is_template_safe()).then(|| {
        ExprError::new(
            ErrorKind::TemplateValue,
            span,
            format!(
                "object, array, and null values should not be evaluated in template with ${{{{ }}}} but evaluating the value of type {ty}"
            ),
        )
    })
}

struct Run<'c, 'a> {
    checker: &'c Checker<'a>,
    errors: Vec<ExprError>,
}

fn quoted_list<'s>(names: impl IntoIterator<Item = &'s str>) -> String {
    names
        .into_iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Run<'_, '_> {
    fn error(&mut self, kind: ErrorKind, span: Span, message: String) {
        self.errors.push(ExprError::new(kind, span, message));
    }

    fn ty(&mut self, expr: &Expr) -> Type {
        match &expr.kind {
            ExprKind::Null => Type::Null,
            ExprKind::Bool(_) => Type::Bool,
            ExprKind::Number(_) => Type::Number,
            ExprKind::String(_) => Type::String,
            ExprKind::Variable(name) => self.variable(name, expr.span),
            ExprKind::Property { receiver, name, .. } => {
                let recv = self.ty(receiver);
                if is_vars(receiver) {
                    self.variable_name(name, expr.span);
                }
                // `vars` is typed only when the repository lists its
                // variables (actionlint's `config-variables`); say so.
                if let (ExprKind::Variable(ctx), Type::Object(obj)) = (&receiver.kind, &recv)
                    && ctx.eq_ignore_ascii_case("vars")
                    && obj.get(name).is_none()
                {
                    let declared = obj.props.keys().map(String::as_str).collect();
                    self.undeclared_variable(&recv_string(obj), declared, name, expr.span);
                    return Type::Any;
                }
                self.property(recv, name, expr.span)
            }
            ExprKind::Filter { receiver } => {
                let recv = self.ty(receiver);
                self.filter(recv, expr.span)
            }
            ExprKind::Index { receiver, index } => {
                let recv = self.ty(receiver);
                if is_vars(receiver)
                    && let ExprKind::String(name) = &index.kind
                {
                    self.variable_name(name, expr.span);
                }
                let idx = self.ty(index);
                self.index(recv, index, idx, expr.span)
            }
            ExprKind::Call { name, args, .. } => self.call(name, args, expr.span),
            ExprKind::Not(operand) => {
                self.ty(operand);
                Type::Bool
            }
            ExprKind::Binary { op, left, right, .. } => {
                let l = self.ty(left);
                let r = self.ty(right);
                match op {
                    // `a && b` is `b` when `a` is truthy; a falsy `a` is rarely what is used.
                    BinaryOp::And => r,
                    BinaryOp::Or => l.merge(&r),
                    _ => {
                        if !comparable(*op, &l, &r) {
                            self.error(
                                ErrorKind::Comparison,
                                expr.span,
                                format!("\"{l}\" value cannot be compared to \"{r}\" value with \"{op}\" operator"),
                            );
                        }
                        Type::Bool
                    }
                }
            }
        }
    }

    fn variable(&mut self, name: &str, span: Span) -> Type {
        let jobs_allowed = || self.checker.availability.is_some_and(|a| a.allows_context("jobs"));
        let found = self.checker.scope.context(name).or_else(|| {
            (name.eq_ignore_ascii_case("jobs") && jobs_allowed()).then(crate::contexts::default_jobs_context)
        });
        let Some(ty) = found else {
            let known: Vec<&str> = CONTEXT_NAMES
                .iter()
                .copied()
                .filter(|n| self.checker.scope.context(n).is_some())
                .collect();
            let help = did_you_mean(name, known.iter().copied());
            self.errors.push(
                ExprError::new(
                    ErrorKind::UndefinedVariable,
                    span,
                    format!(
                        "undefined variable \"{name}\". available variables are {}",
                        quoted_list(known)
                    ),
                )
                .with_help(help),
            );
            return Type::Any;
        };
        if let Some(availability) = self.checker.availability
            && !availability.allows_context(name)
        {
            let allowed = if availability.contexts.is_empty() {
                "no context is available here".to_string()
            } else {
                format!(
                    "available contexts are {}",
                    quoted_list(availability.contexts.iter().copied())
                )
            };
            self.error(
                ErrorKind::ContextNotAllowed,
                span,
                format!(
                    "context \"{}\" is not allowed here. {allowed}. {}",
                    name.to_ascii_lowercase(),
                    availability.docs
                ),
            );
        }
        ty
    }

    fn property(&mut self, recv: Type, name: &str, span: Span) -> Type {
        match recv {
            Type::Any => Type::Any,
            Type::Object(obj) => match obj.get(name) {
                Some(t) => t,
                None => {
                    self.undefined_property(&recv_string(&obj), obj.props.keys().map(String::as_str), name, span);
                    Type::Any
                }
            },
            Type::Array(arr) if arr.filtered => match &arr.elem {
                Type::Any => Type::filtered_array_of(Type::Any),
                Type::Object(obj) => match obj.get(name) {
                    Some(t) => Type::filtered_array_of(t),
                    None => {
                        self.undefined_property(&recv_string(obj), obj.props.keys().map(String::as_str), name, span);
                        Type::filtered_array_of(Type::Any)
                    }
                },
                other => {
                    let other = other.clone();
                    self.bad_dereference(name, &other, span);
                    Type::Any
                }
            },
            other => {
                self.bad_dereference(name, &other, span);
                Type::Any
            }
        }
    }

    fn undefined_property<'k>(&mut self, object: &str, props: impl Iterator<Item = &'k str>, name: &str, span: Span) {
        let help = did_you_mean(name, props);
        self.errors.push(
            ExprError::new(
                ErrorKind::UndefinedProperty,
                span,
                format!("property \"{name}\" is not defined in object type {object}"),
            )
            .with_help(help),
        );
    }

    /// A `vars.X` whose name GitHub never gives a configuration variable
    /// (its naming conventions: only ASCII letters, digits and `_`, not
    /// starting with a digit nor with the reserved `GITHUB_` prefix, in any
    /// case), so the value is always empty.
    fn variable_name(&mut self, name: &str, span: Span) {
        let problem = if name.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("github_")) {
            "must not start with the GITHUB_ prefix (in any case)"
        } else if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            "can only contain ASCII letters, digits and '_'"
        } else if name.starts_with(|c: char| c.is_ascii_digit()) {
            "must not start with a digit"
        } else {
            return;
        };
        self.error(
            ErrorKind::VariableName,
            span,
            format!(
                "configuration variable name \"{name}\" {problem}, so `vars` never holds it. see https://docs.github.com/en/actions/learn-github-actions/variables#naming-conventions-for-configuration-variables"
            ),
        );
    }

    /// A `vars.X` the repository's list of variables lacks. The message
    /// starts as any undefined property's (and actionlint's) does, so an
    /// ignore pattern written against that wording still matches.
    fn undeclared_variable(&mut self, object: &str, declared: Vec<&str>, name: &str, span: Span) {
        let help = did_you_mean(name, declared.iter().copied());
        self.errors.push(
            ExprError::new(
                ErrorKind::UndefinedProperty,
                span,
                format!(
                    "property \"{name}\" is not defined in object type {object}: `config-variables` in the repository's actionlint config does not list it, so `vars.{name}` is always empty"
                ),
            )
            .with_help(help),
        );
    }

    fn bad_dereference(&mut self, name: &str, recv: &Type, span: Span) {
        self.error(
            ErrorKind::InvalidAccess,
            span,
            format!("receiver of object dereference \"{name}\" must be type of object but got \"{recv}\""),
        );
    }

    fn filter(&mut self, recv: Type, span: Span) -> Type {
        match recv {
            Type::Any => Type::filtered_array_of(Type::Any),
            // A closed object with no properties (`steps` before any step
            // with an `id`, `needs` of a job that needs none) filters to
            // an empty array every time: the name is a mistake.
            Type::Object(obj) if obj.props.is_empty() && obj.rest.is_none() => {
                self.error(
                    ErrorKind::InvalidAccess,
                    span,
                    "object type \"{}\" cannot be filtered by object filtering `.*` since it has no object element"
                        .to_string(),
                );
                Type::filtered_array_of(Type::Any)
            }
            Type::Object(obj) => {
                let elem = obj.props.values().chain(obj.rest.iter()).fold(None::<Type>, |acc, t| {
                    Some(match acc {
                        Some(a) => a.merge(t),
                        None => t.clone(),
                    })
                });
                Type::filtered_array_of(elem.unwrap_or(Type::Any))
            }
            Type::Array(arr) => Type::filtered_array_of(arr.elem.clone()),
            other => {
                self.error(
                    ErrorKind::InvalidAccess,
                    span,
                    format!("receiver of object filtering \"*\" must be type of array or object but got \"{other}\""),
                );
                Type::Any
            }
        }
    }

    fn index(&mut self, recv: Type, index: &Expr, idx: Type, span: Span) -> Type {
        match recv {
            Type::Any => Type::Any,
            Type::Object(obj) => {
                if let ExprKind::String(name) = &index.kind {
                    return self.property(Type::Object(obj), name, span);
                }
                match idx {
                    Type::Any | Type::String => obj.rest.clone().unwrap_or(Type::Any),
                    other => {
                        self.error(
                            ErrorKind::InvalidAccess,
                            index.span,
                            format!("property access of object must be type of string but got \"{other}\""),
                        );
                        Type::Any
                    }
                }
            }
            Type::Array(arr) => match idx {
                Type::Any | Type::Number => arr.elem.clone(),
                other => {
                    self.error(
                        ErrorKind::InvalidAccess,
                        index.span,
                        format!("index access of array must be type of number but got \"{other}\""),
                    );
                    Type::Any
                }
            },
            other => {
                self.error(
                    ErrorKind::InvalidAccess,
                    span,
                    format!("index access operand must be type of object or array but got \"{other}\""),
                );
                Type::Any
            }
        }
    }

    fn call(&mut self, name: &str, args: &[Expr], span: Span) -> Type {
        let arg_types: Vec<Type> = args.iter().map(|a| self.ty(a)).collect();
        let Some(canonical) = canonical_name(name) else {
            let help = did_you_mean(name, FUNCTION_NAMES.iter().copied());
            self.errors.push(
                ExprError::new(
                    ErrorKind::UndefinedFunction,
                    span,
                    format!(
                        "undefined function \"{name}\". available functions are {}",
                        quoted_list(FUNCTION_NAMES.iter().copied())
                    ),
                )
                .with_help(help),
            );
            return Type::Any;
        };
        if let Some(availability) = self.checker.availability
            && !availability.allows_function(canonical)
        {
            self.error(
                ErrorKind::FunctionNotAllowed,
                span,
                format!(
                    "calling function \"{name}\" is not allowed here. \"{name}\" is only available in {}. {}",
                    quoted_list(availability.keys_allowing_function(canonical)),
                    availability.docs
                ),
            );
        }
        if canonical == "case" {
            return self.case(args, &arg_types, span);
        }
        let mut failures = Vec::new();
        let sigs = signatures(canonical);
        for sig in &sigs {
            match check_signature(sig, args, &arg_types, span) {
                Ok(ret) => return self.builtin_checks(canonical, args, span).unwrap_or(ret),
                Err(e) => failures.push((sig.takes(args.len()), e)),
            }
        }
        // When an overload takes this many arguments, the others' arity
        // errors are false ("join takes 1 parameters" of a two-argument
        // `join`): only the argument types of the fitting overloads are wrong.
        let any_fits = failures.iter().any(|(fits, _)| *fits);
        // When none does, the call has one mistake, its arity: one error
        // naming every arity, not one per overload.
        if !any_fits && sigs.len() > 1 {
            let mut arities: Vec<String> = sigs
                .iter()
                .map(|s| {
                    if s.variadic {
                        format!("at least {}", s.min_args)
                    } else {
                        s.params.len().to_string()
                    }
                })
                .collect();
            arities.sort();
            arities.dedup();
            let overloads: Vec<String> = sigs.iter().map(|s| format!("\"{s}\"")).collect();
            self.errors.push(ExprError::new(
                ErrorKind::FunctionArguments,
                span,
                format!(
                    "number of arguments is wrong. function \"{}\" takes {} parameters but {} arguments are given; its overloads are {}",
                    sigs[0].name,
                    arities.join(" or "),
                    args.len(),
                    overloads.join(", ")
                ),
            ));
            return Type::Any;
        }
        self.errors.extend(
            failures
                .into_iter()
                .filter(|(fits, _)| *fits || !any_fits)
                .map(|(_, e)| e),
        );
        Type::Any
    }

    /// Extra checks of `format` and `fromJSON` literals; returns a narrower result type.
    fn builtin_checks(&mut self, canonical: &str, args: &[Expr], span: Span) -> Option<Type> {
        let Some(Expr {
            kind: ExprKind::String(literal),
            span: literal_span,
        }) = args.first()
        else {
            return None;
        };
        match canonical {
            "format" => {
                self.format(literal, args.len() - 1, span);
                None
            }
            "fromJSON" => match crate::json::infer_type(literal) {
                Ok(ty) => Some(ty),
                Err(e) => {
                    self.error(
                        ErrorKind::BrokenJson,
                        *literal_span,
                        format!(
                            "broken JSON string is passed to fromJSON() at offset {}: {}",
                            e.offset, e.message
                        ),
                    );
                    None
                }
            },
            _ => None,
        }
    }

    fn format(&mut self, literal: &str, given: usize, span: Span) {
        let placeholders = match format_placeholders(literal) {
            Ok(p) => p,
            Err(reason) => {
                self.error(
                    ErrorKind::FormatString,
                    span,
                    format!("format string {} is invalid: {reason}", quote_str(literal)),
                );
                return;
            }
        };
        for i in 0..given {
            if !placeholders.contains(&i) {
                self.error(
                    ErrorKind::FormatString,
                    span,
                    format!(
                        "format string {} does not contain placeholder {{{i}}}. remove argument which is unused in the format string",
                        quote_str(literal)
                    ),
                );
            }
        }
        for &i in placeholders.iter().filter(|&&i| i >= given) {
            self.error(
                ErrorKind::FormatString,
                span,
                format!(
                    "format string {} contains placeholder {{{i}}} but only {given} arguments are given to format",
                    quote_str(literal)
                ),
            );
        }
    }

    /// `case(pred1, value1, [pred2, value2, ...], default)`.
    fn case(&mut self, args: &[Expr], arg_types: &[Type], span: Span) -> Type {
        const SIGNATURE: &str = "case(bool, any, ..., any) -> any";
        if args.len() < 3 || args.len() % 2 == 0 {
            self.error(
                ErrorKind::FunctionArguments,
                span,
                format!(
                    "number of arguments is wrong. function \"{SIGNATURE}\" takes an odd number of arguments, at least 3 (pairs of a condition and a value, then a default value), but {} arguments are given",
                    args.len()
                ),
            );
            return Type::Any;
        }
        let mut result: Option<Type> = None;
        for (i, (arg, ty)) in args.iter().zip(arg_types).enumerate() {
            let is_predicate = i % 2 == 0 && i + 1 < args.len();
            if is_predicate {
                if !Type::Bool.accepts(ty) {
                    self.error(
                        ErrorKind::FunctionArguments,
                        arg.span,
                        format!(
                            "{} argument of function call is not assignable. \"{ty}\" cannot be assigned to \"bool\". called function type is \"{SIGNATURE}\"",
                            ordinal(i + 1)
                        ),
                    );
                }
            } else {
                result = Some(match result {
                    Some(r) => r.merge(ty),
                    None => ty.clone(),
                });
            }
        }
        result.unwrap_or(Type::Any)
    }
}

/// Whether `expr` is the `vars` context itself (names are case-insensitive).
fn is_vars(expr: &Expr) -> bool {
    matches!(&expr.kind, ExprKind::Variable(ctx) if ctx.eq_ignore_ascii_case("vars"))
}

fn recv_string(obj: &crate::types::ObjectType) -> String {
    Type::Object(std::sync::Arc::new(obj.clone())).to_string()
}

fn check_signature(sig: &Signature, args: &[Expr], types: &[Type], span: Span) -> Result<Type, ExprError> {
    if !sig.takes(types.len()) {
        let (at_least, count) = if sig.variadic {
            ("at least ", sig.min_args)
        } else {
            ("", sig.params.len())
        };
        return Err(ExprError::new(
            ErrorKind::FunctionArguments,
            span,
            format!(
                "number of arguments is wrong. function \"{sig}\" takes {at_least}{count} parameters but {} arguments are given",
                types.len()
            ),
        ));
    }
    for (i, (arg, ty)) in args.iter().zip(types).enumerate() {
        let Some(param) = sig.params.get(i).or_else(|| sig.params.last().filter(|_| sig.variadic)) else {
            break;
        };
        if !param.accepts(ty) {
            return Err(ExprError::new(
                ErrorKind::FunctionArguments,
                arg.span,
                format!(
                    "{} argument of function call is not assignable. \"{ty}\" cannot be assigned to \"{param}\". called function type is \"{sig}\"",
                    ordinal(i + 1)
                ),
            ));
        }
    }
    Ok(sig.ret.clone())
}

/// Whether GitHub can compare the two types with `op` (after its loose conversions).
fn comparable(op: BinaryOp, l: &Type, r: &Type) -> bool {
    let primitive = |t: &Type| matches!(t, Type::Number | Type::Bool | Type::String);
    match (l, r) {
        (Type::Any, _) | (_, Type::Any) => true,
        _ if matches!(op, BinaryOp::Eq | BinaryOp::Ne) => match (l, r) {
            (Type::Null, _) | (_, Type::Null) => true,
            (Type::Object(_), Type::Object(_)) => true,
            (Type::Array(a), Type::Array(b)) => comparable(op, &a.elem, &b.elem),
            _ => primitive(l) && primitive(r),
        },
        _ => matches!(l, Type::Number | Type::String) && matches!(r, Type::Number | Type::String),
    }
}

/// The indexes used by a `format()` string, honoring `{{` and `}}` escapes, sorted and unique.
pub fn format_placeholders(format: &str) -> Result<Vec<usize>, String> {
    let bytes = format.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => {
                let digits_start = i + 1;
                let mut j = digits_start;
                while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
                if j == digits_start || bytes.get(j) != Some(&b'}') {
                    return Err(format!(
                        "\"{{\" at offset {i} does not start a placeholder like {{0}}; write \"{{{{\" for a literal brace"
                    ));
                }
                if let Ok(n) = format[digits_start..j].parse::<usize>() {
                    found.push(n);
                }
                i = j + 1;
            }
            b'}' => {
                return Err(format!(
                    "\"}}\" at offset {i} does not close a placeholder; write \"}}}}\" for a literal brace"
                ));
            }
            _ => i += 1,
        }
    }
    found.sort_unstable();
    found.dedup();
    Ok(found)
}

/// One `${{ … }}` of a checked string. The tree's spans are relative to the whole string.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateExpr {
    pub embedded: Embedded,
    /// `None` when the expression did not parse (the error is in [`CheckedTemplate::errors`]).
    pub expr: Option<Expr>,
    pub ty: Type,
}

/// The result of [`check_template`]; every span is relative to the checked string.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckedTemplate {
    pub expressions: Vec<TemplateExpr>,
    /// Unclosed `${{`, syntax errors and type errors, in source order.
    pub errors: Vec<ExprError>,
}

impl CheckedTemplate {
    /// Errors for objects, arrays and null expanded into the string. Only meaningful where the
    /// value is used as a string (not for keys such as `env:` or `matrix:` that take a whole
    /// object from a single expression).
    pub fn template_value_errors(&self) -> Vec<ExprError> {
        self.expressions
            .iter()
            .filter_map(|e| template_value_error(&e.ty, e.embedded.span))
            .collect()
    }

    /// The untrusted inputs read by any expression of the string.
    pub fn untrusted_inputs(&self) -> Vec<crate::untrusted::UntrustedInput> {
        self.expressions
            .iter()
            .filter_map(|e| e.expr.as_ref())
            .flat_map(crate::untrusted::untrusted_inputs)
            .collect()
    }
}

/// Finds, parses and checks every `${{ … }}` of a YAML string value.
pub fn check_template(text: &str, checker: &Checker<'_>) -> CheckedTemplate {
    let mut out = CheckedTemplate::default();
    for embedded in crate::template::find_expressions(text) {
        if !embedded.closed {
            out.errors.push(ExprError::new(
                ErrorKind::Unclosed,
                embedded.span,
                "expression \"${{\" is not closed with \"}}\"".to_string(),
            ));
            out.expressions.push(TemplateExpr {
                embedded,
                expr: None,
                ty: Type::Any,
            });
            continue;
        }
        match crate::parser::parse(embedded.inner_text(text)) {
            Ok(mut expr) => {
                expr.shift(embedded.inner.start);
                let checked = checker.check(&expr);
                out.errors.extend(checked.errors);
                out.expressions.push(TemplateExpr {
                    embedded,
                    expr: Some(expr),
                    ty: checked.ty,
                });
            }
            Err(e) => {
                out.errors.push(e.shifted(embedded.inner.start));
                out.expressions.push(TemplateExpr {
                    embedded,
                    expr: None,
                    ty: Type::Any,
                });
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
