//! `rebound guides [show NAME]`: the guides one a line, or one guide's TOML as stored, to copy.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};

use clap::Subcommand;
use color_eyre::eyre::{Result, eyre};

use super::print;
use crate::guides::{Catalogue, Entry, Origin};
use crate::text::{columns, fit, printable_line};

/// Wider titles are cut with `…`, so the length and origin stay in view.
const TITLE_COLUMNS: usize = 40;

#[derive(Debug, Subcommand)]
pub enum GuidesCommand {
    /// Print a guide's TOML exactly as stored: a valid start for a guide of your own.
    #[command(
        after_help = "Example:\n  rebound guides show full > \"$(rebound guides --path)/mine.toml\""
    )]
    Show {
        /// The guide's name, as `rebound guides` lists it.
        name: String,
    },
}

pub(super) fn guides(command: Option<&GuidesCommand>, path: bool) -> Result<()> {
    let catalogue = Catalogue::get();
    if path {
        let dir = catalogue
            .dir
            .as_ref()
            .ok_or_else(|| eyre!("no home folder found; set REBOUND_GUIDES_DIR"))?;
        return print(&format!("{}\n", dir.display()));
    }
    match command {
        None => {
            // Named before the list, so a person reading from the top sees
            // first why their guide is missing from it.
            let mut err = std::io::stderr();
            for problem in &catalogue.problems {
                let _ = writeln!(err, "{}", printable_line(&problem.to_string()));
            }
            let to_person = std::io::stdout().is_terminal();
            print(&listed(catalogue, to_person))
        }
        Some(GuidesCommand::Show { name }) => print(&named(catalogue, name)?.text),
    }
}

/// The guide a command names, or one line on why there is none: its file
/// did not load (where and what), or no guide has that name (the names there are).
pub(super) fn named<'a>(catalogue: &'a Catalogue, name: &str) -> Result<&'a Entry> {
    let name = name.trim();
    if let Some(entry) = catalogue.named(name) {
        return Ok(entry);
    }
    if let Some(problem) = catalogue.problem_named(name) {
        return Err(eyre!("the guide \"{name}\" did not load: {problem}"));
    }
    Err(eyre!(
        "no guide is named \"{}\"; the guides are {}",
        printable_line(name),
        catalogue.names().join(", ")
    ))
}

/// One line a guide: name, title, length, built-in or yours. For a person at
/// a terminal, a last line says where their own guides go.
fn listed(catalogue: &Catalogue, to_person: bool) -> String {
    let rows: Vec<[String; 4]> = catalogue
        .guides
        .iter()
        .map(|entry| {
            let title = entry.guide.title.as_deref().unwrap_or("(no title)");
            let origin = match entry.origin {
                Origin::BuiltIn => "built-in",
                Origin::Yours(_) => "yours",
            };
            [
                entry.name.clone(),
                fit(&printable_line(title.trim()), TITLE_COLUMNS),
                entry.length(),
                origin.to_string(),
            ]
        })
        .collect();
    let width = |i: usize| rows.iter().map(|r| columns(&r[i])).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    let mut out = String::new();
    for row in &rows {
        for (cell, w) in row.iter().zip(widths) {
            let _ = write!(out, "{cell}{}  ", " ".repeat(w - columns(cell)));
        }
        let _ = writeln!(out, "{}", row[3]);
    }
    if let (true, Some(dir)) = (to_person, &catalogue.dir) {
        let _ = writeln!(
            out,
            "\nYour own guides go in {} (`rebound guides show full` is one to start from).",
            printable_line(&dir.display().to_string())
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap checks its own definitions only when they are used; this uses them all.
    #[test]
    fn the_command_line_definitions_hold_together() {
        use clap::CommandFactory;
        super::super::Cli::command().debug_assert();
    }

    #[test]
    fn the_list_lines_up_its_columns_and_tells_a_person_where_guides_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mine = crate::guide::GUIDE_TOML
            .replacen("title = \"The full guide\"", "title = \"Mine\"", 1)
            .replacen("minutes = \"45–70\"\n", "", 1);
        std::fs::write(dir.path().join("mine.toml"), mine).expect("write");
        let catalogue = Catalogue::load(Some(dir.path().to_path_buf()));
        let text = listed(&catalogue, false);
        assert_eq!(
            text,
            "full            The full guide                          45–70 minutes  built-in\n\
             ten-minute      Ten minutes                             10 minutes     built-in\n\
             job-loss        Job loss                                20–25 minutes  built-in\n\
             passed-over     Passed over                             20–25 minutes  built-in\n\
             failed-project  A failed project, reviewed blamelessly  30–40 minutes  built-in\n\
             mine            Mine                                    34 questions   yours\n"
        );
        let told = listed(&catalogue, true);
        assert!(told.starts_with(&text), "{told}");
        assert!(
            told.contains(&format!("go in {}", dir.path().display())),
            "{told}"
        );
    }
}
