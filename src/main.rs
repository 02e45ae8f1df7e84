//! Start-up: read the arguments, run the chosen front end, report errors in one line.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use rebound::cli;

fn main() -> ExitCode {
    // Read before any thread starts: the local offset is only safe to read then.
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let cli = cli::Cli::parse();
    if let Err(e) = color_eyre::install() {
        eprintln!("rebound: {e}");
    }
    match cli::run(cli, offset) {
        Ok(()) => ExitCode::SUCCESS,
        Err(report) => {
            // One readable line: the message and its causes, no backtrace.
            let line: Vec<String> = report.chain().map(ToString::to_string).collect();
            // writeln, not eprintln: after a hang-up stderr may be gone, and
            // eprintln would panic on the way out.
            let _ = writeln!(std::io::stderr(), "rebound: {}", line.join(": "));
            ExitCode::FAILURE
        }
    }
}
