use super::*;
use crate::availability::availability;
use crate::contexts::Scope;
use crate::parser::parse;

fn check_with(src: &str, scope: &Scope, key: Option<&str>) -> Checked {
    let expr = parse(src).unwrap_or_else(|e| panic!("{src}: {}", e.message));
    let row = key.map(|k| availability(k).unwrap_or_else(|| panic!("no row {k}")));
    Checker::new(scope).with_availability(row).check(&expr)
}

fn errors_in(src: &str, scope: &Scope, key: Option<&str>) -> Vec<(usize, String)> {
    check_with(src, scope, key)
        .errors
        .into_iter()
        .map(|e| (e.span.start, e.message))
        .collect()
}

fn errors(src: &str) -> Vec<(usize, String)> {
    errors_in(src, &Scope::new(), None)
}

fn ty(src: &str, scope: &Scope) -> String {
    let checked = check_with(src, scope, None);
    assert!(checked.errors.is_empty(), "{src}: {:?}", checked.errors);
    checked.ty.to_string()
}

fn matrix_scope() -> Scope {
    let mut scope = Scope::new();
    scope.set_matrix(Type::object([
        ("o", Type::object::<&str>([])),
        ("a", Type::array_of(Type::Bool)),
        ("a2", Type::array_of(Type::object::<&str>([]))),
        ("ver", Type::Number),
    ]));
    scope
}

#[test]
fn literal_and_context_types() {
    let scope = Scope::new();
    assert_eq!(ty("'x'", &scope), "string");
    assert_eq!(ty("1", &scope), "number");
    assert_eq!(ty("null", &scope), "null");
    assert_eq!(ty("!github.ref", &scope), "bool");
    assert_eq!(ty("runner.os", &scope), "string");
    assert_eq!(ty("github.event", &scope), "object");
    assert_eq!(ty("github.event.commits.*", &scope), "array<any>");
    assert_eq!(ty("github.event.commits.*.author.name", &scope), "array<any>");
    assert_eq!(ty("strategy.job-index", &scope), "number");
    assert_eq!(ty("steps.anything.outputs.x", &scope), "string");
    assert_eq!(ty("needs.build.result", &scope), "string");
    assert_eq!(ty("vars", &scope), "{string => string}");
    assert_eq!(ty("RUNNER.OS", &scope), "string");
}

#[test]
fn logical_operators_narrow() {
    let scope = Scope::new();
    assert_eq!(ty("'...' && 60 || 20", &scope), "number");
    assert_eq!(ty("('...' || 60) && 20", &scope), "number");
    assert_eq!(ty("'a' || 1", &scope), "string");
    assert_eq!(ty("github.ref == 'x'", &scope), "bool");
}

#[test]
fn undefined_variable() {
    assert_eq!(
        errors("foo.bar"),
        vec![(0, "undefined variable \"foo\". available variables are \"env\", \"github\", \"inputs\", \"job\", \"matrix\", \"needs\", \"runner\", \"secrets\", \"steps\", \"strategy\", \"vars\"".to_string())]
    );
    let checked = check_with("gihtub.ref", &Scope::new(), None);
    assert_eq!(checked.errors[0].help.as_deref(), Some("did you mean \"github\"?"));
    assert_eq!(checked.ty, Type::Any);
}

#[test]
fn undefined_property_of_closed_object() {
    assert_eq!(
        errors("runner.foooooo"),
        vec![(0, "property \"foooooo\" is not defined in object type {arch: string; debug: string; environment: string; name: string; os: string; temp: string; tool_cache: string; workspace: string}".to_string())]
    );
    let checked = check_with("github.evnt_name", &Scope::new(), None);
    assert_eq!(checked.errors[0].help.as_deref(), Some("did you mean \"event_name\"?"));
    // Open objects accept any property.
    assert!(errors("github.event.whatever.deep").is_empty());
    assert!(errors("env.ANYTHING").is_empty());
}

#[test]
fn caller_provided_scopes() {
    let mut scope = Scope::new();
    scope
        .set_needs([("second", Type::object([("second", Type::String)]))])
        .set_inputs(Type::object::<&str>([]))
        .set_steps([("get", Type::object([("data", Type::String), ("status", Type::String)]))]);
    assert_eq!(
        errors_in("toJSON(needs.first.outputs)", &scope, None),
        vec![(
            7,
            "property \"first\" is not defined in object type {second: {outputs: {second: string}; result: string}}"
                .to_string()
        )]
    );
    assert_eq!(
        errors_in("inputs.some_input", &scope, None),
        vec![(
            0,
            "property \"some_input\" is not defined in object type {}".to_string()
        )]
    );
    assert_eq!(
        errors_in("steps.get.outputs.nope", &scope, None),
        vec![(
            0,
            "property \"nope\" is not defined in object type {data: string; status: string}".to_string()
        )]
    );
    assert!(
        errors_in(
            "steps.get.outcome == 'success' && needs.second.outputs.second",
            &scope,
            None
        )
        .is_empty()
    );
}

#[test]
fn jobs_context_only_where_available() {
    let scope = Scope::new();
    assert!(
        errors("jobs.build.outputs.x")[0]
            .1
            .starts_with("undefined variable \"jobs\"")
    );
    assert!(
        errors_in(
            "jobs.build.outputs.x",
            &scope,
            Some("on.workflow_call.outputs.<output_id>.value")
        )
        .is_empty()
    );
    let mut typed = Scope::new();
    typed.set_jobs([("job1", Type::object([("foo", Type::String)]))]);
    assert_eq!(
        errors_in("jobs.job1.outputs.unknown_output", &typed, None),
        vec![(
            0,
            "property \"unknown_output\" is not defined in object type {foo: string}".to_string()
        )]
    );
}

#[test]
fn comparisons() {
    let scope = matrix_scope();
    let bad = [
        (
            "'foo' == matrix.o",
            "\"string\" value cannot be compared to \"{}\" value with \"==\" operator",
        ),
        (
            "42 != matrix.a",
            "\"number\" value cannot be compared to \"array<bool>\" value with \"!=\" operator",
        ),
        (
            "matrix.a == matrix.a2",
            "\"array<bool>\" value cannot be compared to \"array<{}>\" value with \"==\" operator",
        ),
        (
            "1 > null",
            "\"number\" value cannot be compared to \"null\" value with \">\" operator",
        ),
        (
            "false < true",
            "\"bool\" value cannot be compared to \"bool\" value with \"<\" operator",
        ),
        (
            "'foo' >= matrix.o",
            "\"string\" value cannot be compared to \"{}\" value with \">=\" operator",
        ),
        (
            "false <= matrix.a",
            "\"bool\" value cannot be compared to \"array<bool>\" value with \"<=\" operator",
        ),
    ];
    for (src, message) in bad {
        assert_eq!(errors_in(src, &scope, None), vec![(0, message.to_string())], "{src}");
    }
    for src in [
        "'42' == 42",
        "true == 1",
        "null == 0",
        "'1' == true",
        "'0' == null",
        "null == matrix.o",
        "matrix.o == matrix.o",
        "matrix.a == matrix.a",
        "'41' < 42",
        "matrix.ver > 0",
        "github.event.x < 1",
    ] {
        assert!(errors_in(src, &scope, None).is_empty(), "{src}");
    }
}

#[test]
fn dereference_and_index_errors() {
    assert_eq!(
        errors("vars.FOO.bar"),
        vec![(
            0,
            "receiver of object dereference \"bar\" must be type of object but got \"string\"".to_string()
        )]
    );
    let mut scope = Scope::new();
    scope.set_inputs(Type::object([
        ("boolean", Type::Bool),
        ("number", Type::Number),
        ("choice", Type::String),
    ]));
    scope.set_github_event_inputs(Type::object([("boolean", Type::String), ("choice", Type::String)]));
    assert_eq!(
        errors_in("github[inputs.boolean]", &scope, None),
        vec![(
            7,
            "property access of object must be type of string but got \"bool\"".to_string()
        )]
    );
    assert!(errors_in("github[github.event.inputs.boolean]", &scope, None).is_empty());
    assert_eq!(
        errors_in("github.event.*[github.event.inputs.choice]", &scope, None),
        vec![(
            15,
            "index access of array must be type of number but got \"string\"".to_string()
        )]
    );
    assert_eq!(
        errors_in("github[inputs.number]", &scope, None),
        vec![(
            7,
            "property access of object must be type of string but got \"number\"".to_string()
        )]
    );
    assert_eq!(
        errors("runner.os[0]"),
        vec![(
            0,
            "index access operand must be type of object or array but got \"string\"".to_string()
        )]
    );
    assert_eq!(
        errors("runner.os.*"),
        vec![(
            0,
            "receiver of object filtering \"*\" must be type of array or object but got \"string\"".to_string()
        )]
    );
    assert_eq!(
        errors("runner['nope']"),
        vec![(0, "property \"nope\" is not defined in object type {arch: string; debug: string; environment: string; name: string; os: string; temp: string; tool_cache: string; workspace: string}".to_string())]
    );
    assert!(errors("github.event.commits[0].message").is_empty());
    // A closed object with no properties filters to nothing; an object
    // with properties (or an open one) filters to its values.
    assert_eq!(
        errors_in("matrix.o.*.x", &matrix_scope(), None),
        vec![(
            0,
            "object type \"{}\" cannot be filtered by object filtering `.*` since it has no object element".to_string()
        )]
    );
    assert!(errors_in("matrix.*", &matrix_scope(), None).is_empty());
    assert!(errors("github.event.*.body").is_empty());
}

#[test]
fn function_calls() {
    assert_eq!(
        errors("foo(1)"),
        vec![(0, "undefined function \"foo\". available functions are \"always\", \"cancelled\", \"case\", \"contains\", \"endsWith\", \"failure\", \"format\", \"fromJSON\", \"hashFiles\", \"join\", \"startsWith\", \"success\", \"toJSON\"".to_string())]
    );
    assert_eq!(
        check_with("startWith('a', 'b')", &Scope::new(), None).errors[0]
            .help
            .as_deref(),
        Some("did you mean \"startsWith\"?")
    );
    assert_eq!(
        errors("startsWith('a')"),
        vec![(0, "number of arguments is wrong. function \"startsWith(string, string) -> bool\" takes 2 parameters but 1 arguments are given".to_string())]
    );
    assert_eq!(
        errors("hashFiles()"),
        vec![(0, "number of arguments is wrong. function \"hashFiles(string...) -> string\" takes at least 1 parameters but 0 arguments are given".to_string())]
    );
    let mut scope = Scope::new();
    scope.set_matrix(Type::object([(
        "object",
        Type::object([("bool", Type::Bool), ("array", Type::array_of(Type::Bool))]),
    )]));
    assert_eq!(
        errors_in("contains(matrix.object, 'x')", &scope, None),
        vec![
            (9, "1st argument of function call is not assignable. \"{array: array<bool>; bool: bool}\" cannot be assigned to \"string\". called function type is \"contains(string, string) -> bool\"".to_string()),
            (9, "1st argument of function call is not assignable. \"{array: array<bool>; bool: bool}\" cannot be assigned to \"array<any>\". called function type is \"contains(array<any>, any) -> bool\"".to_string()),
        ]
    );
    for src in [
        "toJson(github.event)",
        "CONTAINS(github.event.commits.*.message, 'x')",
        "join(github.event.commits.*.message, ', ')",
        "join('a')",
        "contains(github.ref, 1)",
        "hashFiles('a', 'b')",
        "format('x')",
        "success() || failure() || always() || cancelled()",
    ] {
        assert!(errors(src).is_empty(), "{src}: {:?}", errors(src));
    }
    assert_eq!(ty("toJSON(1)", &Scope::new()), "string");
    assert_eq!(ty("always()", &Scope::new()), "bool");
}

#[test]
fn format_placeholders_are_checked() {
    assert_eq!(
        errors("format('{0} {2}', 1, 2)"),
        vec![
            (0, "format string \"{0} {2}\" does not contain placeholder {1}. remove argument which is unused in the format string".to_string()),
            (0, "format string \"{0} {2}\" contains placeholder {2} but only 2 arguments are given to format".to_string()),
        ]
    );
    assert!(errors("format('{{literal}} {0} {0} {1}', 1, 2)").is_empty());
    assert_eq!(
        errors("format('{ \"a\": {0} }', 1)"),
        vec![(0, "format string \"{ \\\"a\\\": {0} }\" is invalid: \"{\" at offset 0 does not start a placeholder like {0}; write \"{{\" for a literal brace".to_string())]
    );
    assert!(errors("format(github.ref, 1, 2)").is_empty());
    assert_eq!(format_placeholders("{1}{{0}}{0}{1}"), Ok(vec![0, 1]));
    assert!(format_placeholders("a}b").is_err());
}

#[test]
fn from_json_literals() {
    let scope = Scope::new();
    assert_eq!(
        ty("fromJSON('{\"bool\":true,\"array\":[false]}')", &scope),
        "{array: array<bool>; bool: bool}"
    );
    assert_eq!(ty("fromJSON('[\"foo\", 1.2]')", &scope), "array<string>");
    assert_eq!(ty("fromJSON(github.event.x)", &scope), "any");
    assert_eq!(
        errors("fromJSON('\"foo')"),
        vec![(
            9,
            "broken JSON string is passed to fromJSON() at offset 4: unexpected end of JSON input".to_string()
        )]
    );
    assert_eq!(
        errors("fromJSON('')"),
        vec![(
            9,
            "broken JSON string is passed to fromJSON() at offset 0: unexpected end of JSON input".to_string()
        )]
    );
}

#[test]
fn case_function() {
    let scope = Scope::new();
    assert_eq!(ty("case(github.ref == 'a', 'x', 'y')", &scope), "string");
    assert_eq!(
        ty("case(github.ref == 'a', 1, github.ref == 'b', 2, 3)", &scope),
        "number"
    );
    let arity = errors("case(true, 1)");
    assert_eq!(arity.len(), 1);
    assert!(arity[0].1.starts_with("number of arguments is wrong. function \"case(bool, any, ..., any) -> any\" takes an odd number of arguments, at least 3"));
    assert_eq!(errors("case(true, 1, 2, 3)").len(), 1);
    assert_eq!(
        errors("case('x', 1, 2)"),
        vec![(5, "1st argument of function call is not assignable. \"string\" cannot be assigned to \"bool\". called function type is \"case(bool, any, ..., any) -> any\"".to_string())]
    );
}

#[test]
fn context_availability() {
    let scope = Scope::new();
    assert_eq!(
        errors_in("github.ref == env.REF", &scope, Some("jobs.<job_id>.if")),
        vec![(14, "context \"env\" is not allowed here. available contexts are \"github\", \"inputs\", \"needs\", \"vars\". see https://docs.github.com/en/actions/learn-github-actions/contexts#context-availability for more details".to_string())]
    );
    assert_eq!(
        errors_in("env.SHELL", &scope, Some("jobs.<job_id>.steps.shell")),
        vec![(0, "context \"env\" is not allowed here. no context is available here. see https://docs.github.com/en/actions/learn-github-actions/contexts#context-availability for more details".to_string())]
    );
    assert_eq!(
        errors_in("env.PATH", &scope, Some("env")),
        vec![(0, "context \"env\" is not allowed here. available contexts are \"github\", \"inputs\", \"secrets\", \"vars\". see https://docs.github.com/en/actions/learn-github-actions/contexts#context-availability for more details".to_string())]
    );
    assert!(
        errors_in(
            "steps.x.outcome == 'success' && env.A && runner.os",
            &scope,
            Some("jobs.<job_id>.steps.if")
        )
        .is_empty()
    );
    assert_eq!(errors_in("secrets.A", &scope, Some("jobs.<job_id>.steps.if")).len(), 1);
}

#[test]
fn special_function_availability() {
    let scope = Scope::new();
    assert_eq!(
        errors_in("success()", &scope, Some("jobs.<job_id>.steps.run")),
        vec![(0, "calling function \"success\" is not allowed here. \"success\" is only available in \"jobs.<job_id>.if\", \"jobs.<job_id>.steps.if\". see https://docs.github.com/en/actions/learn-github-actions/contexts#context-availability for more details".to_string())]
    );
    let hash = errors_in("hashfiles('x')", &scope, Some("jobs.<job_id>.if"));
    assert_eq!(hash.len(), 1);
    assert!(hash[0].1.starts_with("calling function \"hashfiles\" is not allowed here. \"hashfiles\" is only available in \"jobs.<job_id>.steps.continue-on-error\""));
    assert!(
        errors_in(
            "always() && hashFiles('x') != ''",
            &scope,
            Some("jobs.<job_id>.steps.if")
        )
        .is_empty()
    );
    assert!(errors_in("format('{0}', 1)", &scope, Some("jobs.<job_id>.strategy")).is_empty());
}

#[test]
fn errors_do_not_cascade() {
    // One root cause, one error: the unknown variable makes the rest `any`.
    assert_eq!(errors("nope.a.b.c == runner.os").len(), 1);
    assert_eq!(errors("runner.nope.a.b").len(), 1);
}

#[test]
fn template_checks() {
    let scope = matrix_scope();
    let checker = Checker::new(&scope).with_availability(availability("jobs.<job_id>.steps.run"));
    let text = "echo \"${{github.event}} ${{ matrix.a }} ${{ 'ok' }} ${{null}}\"";
    let checked = check_template(text, &checker);
    assert!(checked.errors.is_empty(), "{:?}", checked.errors);
    let values: Vec<(usize, String)> = checked
        .template_value_errors()
        .into_iter()
        .map(|e| (e.span.start, e.message))
        .collect();
    let prefix = "object, array, and null values should not be evaluated in template with ${{ }} but evaluating the value of type";
    assert_eq!(
        values,
        vec![
            (6, format!("{prefix} object")),
            (24, format!("{prefix} array<bool>")),
            (52, format!("{prefix} null")),
        ]
    );
}

#[test]
fn template_errors_are_relative_to_the_string() {
    let scope = Scope::new();
    let checker = Checker::new(&scope);
    let text = "a ${{ env.OS == \"x\" }} b ${{ runner.nope }} ${{ github.ref";
    let checked = check_template(text, &checker);
    let errors: Vec<(usize, ErrorKind)> = checked.errors.iter().map(|e| (e.span.start, e.kind)).collect();
    assert_eq!(
        errors,
        vec![
            (16, ErrorKind::Syntax),
            (29, ErrorKind::UndefinedProperty),
            (44, ErrorKind::Unclosed)
        ]
    );
    assert_eq!(checked.expressions.len(), 3);
    assert!(checked.expressions[0].expr.is_none());
    assert_eq!(checked.expressions[1].expr.as_ref().map(|e| e.span.start), Some(29));
}

#[test]
fn template_untrusted_inputs() {
    let scope = Scope::new();
    let text = "echo '${{ github.event.head_commit.message }}' ${{ github.sha }}";
    let checked = check_template(text, &Checker::new(&scope));
    let found: Vec<(&str, usize)> = checked
        .untrusted_inputs()
        .iter()
        .map(|u| (u.path, u.span.start))
        .collect();
    assert_eq!(found, vec![("github.event.head_commit.message", 10)]);
}

#[test]
fn undeclared_configuration_variable_says_why_and_keeps_the_property_wording() {
    let mut scope = Scope::new();
    scope.set_context("vars", Type::object([("region", Type::String), ("zone", Type::String)]));
    assert_eq!(errors_in("vars.REGION", &scope, None), vec![]);
    let errs = errors_in("vars.REGON", &scope, None);
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].1,
        "property \"REGON\" is not defined in object type {region: string; zone: string}: `config-variables` in the repository's actionlint config does not list it, so `vars.REGON` is always empty"
    );
    let mut none = Scope::new();
    none.set_context("vars", Type::object::<&str>([]));
    assert!(
        errors_in("vars.ANY", &none, None)[0]
            .1
            .contains("object type {}: `config-variables`")
    );
    // Any other closed object keeps the generic message.
    scope.set_context("inputs", Type::object::<&str>([]));
    assert!(
        errors_in("inputs.x", &scope, None)[0]
            .1
            .starts_with("property \"x\" is not defined")
    );
}

#[test]
fn only_overloads_taking_that_many_arguments_explain_a_failed_call() {
    let mut scope = Scope::new();
    scope.set_matrix(Type::object([(
        "rows",
        Type::array_of(Type::object([("name", Type::String)])),
    )]));
    // `join` has one- and two-argument overloads: a two-argument call with the
    // wrong array is wrong in its first argument, not in its arity.
    assert_eq!(
        errors_in("join(matrix.rows, ', ')", &scope, None),
        vec![
            (5, "1st argument of function call is not assignable. \"array<{name: string}>\" cannot be assigned to \"array<string>\". called function type is \"join(array<string>, string) -> string\"".to_string()),
            (5, "1st argument of function call is not assignable. \"array<{name: string}>\" cannot be assigned to \"string\". called function type is \"join(string, string) -> string\"".to_string()),
        ]
    );
    // With no overload of that arity, one error says every arity.
    assert_eq!(
        errors("join('a', 'b', 'c')"),
        vec![(0, "number of arguments is wrong. function \"join\" takes 1 or 2 parameters but 3 arguments are given; its overloads are \"join(array<string>, string) -> string\", \"join(string, string) -> string\", \"join(array<string>) -> string\", \"join(string) -> string\"".to_string())]
    );
    assert_eq!(errors("contains('a')").len(), 1);
}

#[test]
fn configuration_variable_names_github_never_gives() {
    let kinds = |src: &str| -> Vec<(usize, ErrorKind)> {
        check_with(src, &Scope::new(), None)
            .errors
            .into_iter()
            .map(|e| (e.span.start, e.kind))
            .collect()
    };
    // Names GitHub allows, in any case, by property and by index.
    for ok in [
        "vars.AWS_REGION",
        "vars.lower_case",
        "vars._X1",
        "vars['Region_2']",
        "VARS.Github",
        "vars[github.ref]",
    ] {
        assert_eq!(kinds(ok), vec![], "{ok}");
    }
    // The reserved prefix in any case, a character outside [A-Za-z0-9_],
    // a leading digit (only reachable through an index).
    for bad in [
        "vars.GITHUB_SERVER",
        "vars.github_token",
        "Vars.GitHub_X",
        "vars.my-var",
        "vars['my var']",
        "vars['1ST']",
        "vars['']",
        "vars['é_x']",
    ] {
        assert_eq!(kinds(bad), vec![(0, ErrorKind::VariableName)], "{bad}");
    }
    let errs = errors("format('{0}', vars.GITHUB_X)");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].0, 14);
    assert!(
        errs[0]
            .1
            .starts_with("configuration variable name \"GITHUB_X\" must not start with the GITHUB_ prefix"),
        "{}",
        errs[0].1
    );
    // Other contexts' properties are not configuration variables.
    assert_eq!(kinds("env.GITHUB_X"), vec![]);
    assert_eq!(kinds("secrets.GITHUB_TOKEN"), vec![]);
}
