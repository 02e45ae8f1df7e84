//! Start-up: read the arguments, choose the front end (a command's output or
//! the full-screen TUI), report errors in one line with the right exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use clap::error::Error as ClapError;
use rebound::cli::{self, Next, Start};
use rebound::store::StoreError;
use rebound::text::printable_line;
use rebound::tui::{self, Launch};

fn main() -> ExitCode {
    // Read before any thread starts: the local offset is only safe to read then.
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: clap's own output, success.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "rebound: {}", one_line_usage(&e));
            return ExitCode::from(2);
        }
    };
    if let Err(e) = color_eyre::install() {
        eprintln!("rebound: {e}");
    }
    match run(cli, offset) {
        Ok(()) => ExitCode::SUCCESS,
        Err(report) => {
            // One readable line: the message and its causes, no backtrace.
            // Causes already spelled out by the message before them (store
            // errors name their cause) are not repeated.
            let mut line = String::new();
            for cause in report.chain().map(|c| c.to_string()) {
                if !line.contains(&cause) {
                    if !line.is_empty() {
                        line.push_str(": ");
                    }
                    line.push_str(&cause);
                }
            }
            // writeln, not eprintln: after a hang-up stderr may be gone, and
            // eprintln would panic on the way out. Whatever the message
            // quotes (a typed id, a file's text) prints harmlessly.
            let mut err = std::io::stderr();
            let _ = writeln!(err, "rebound: {}", printable_line(&line));
            // A name that fits several reflections: each on its own line,
            // to choose from.
            let candidates = report
                .downcast_ref::<StoreError>()
                .and_then(StoreError::candidate_lines);
            for candidate in candidates.unwrap_or_default() {
                let _ = writeln!(err, "{}", printable_line(&candidate));
            }
            if report.downcast_ref::<cli::UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The command line does its part; an interactive start goes to the TUI.
/// Here, and only here, the front end is chosen.
fn run(cli: cli::Cli, offset: time::UtcOffset) -> color_eyre::Result<()> {
    match cli::run(cli, offset)? {
        Next::Done => Ok(()),
        Next::Interactive {
            store,
            guide,
            start,
        } => {
            let launch = match start {
                Start::Home => Launch::Home,
                Start::AskTitle(guide) => Launch::AskTitle(guide),
                Start::Open(id) => Launch::Open(id),
                Start::Checkin(id) => Launch::Checkin(id),
            };
            tui::run(&store, guide, offset, launch)
        }
    }
}

/// clap's message on one line: what was wrong, the accepted values if it
/// lists them, and where to read more.
fn one_line_usage(error: &ClapError) -> String {
    let text = error.render().to_string();
    let mut line = String::new();
    for part in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
    {
        let part = part.strip_prefix("error: ").unwrap_or(part);
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(&part.replacen("Usage:", "usage:", 1));
    }
    format!("{line} (see rebound --help)")
}
