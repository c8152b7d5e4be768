//! Prints the analysis of log files as JSON: `cargo run --example diagnose -- LOG... [--workflow PATH]`.

use autoheal_logs::{LogFile, LogInput, Options, WorkflowFile, analyze};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut logs = Vec::new();
    let mut workflow = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--workflow" {
            workflow = args.get(i + 1).cloned();
            i += 2;
            continue;
        }
        logs.push(std::fs::read(&args[i]).unwrap_or_else(|e| panic!("{}: {e}", args[i])));
        i += 1;
    }
    let workflow_text = workflow
        .as_ref()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default());
    let input = LogInput {
        logs: logs.iter().map(|b| LogFile { job: None, bytes: b }).collect(),
        workflow: workflow
            .as_deref()
            .zip(workflow_text.as_deref())
            .map(|(path, text)| WorkflowFile { path, text }),
        ..LogInput::default()
    };
    match analyze(&input, &Options::default()) {
        Ok(a) => println!("{}", a.to_json()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
