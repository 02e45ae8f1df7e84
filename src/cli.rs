//! The command line: arguments, the data dir, and the subcommands that start
//! or resume a reflection.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, eyre};
use time::UtcOffset;

use crate::guide::Guide;
use crate::store::Store;
use crate::tui::{self, Launch};

#[derive(Debug, Parser)]
#[command(
    name = "rebound",
    version,
    about = "Walk through a career setback, stage by stage, until it becomes a dated growth plan.",
    after_help = "Examples:\n  rebound                          open the home screen\n  rebound new --title \"Missed the promotion\"\n  rebound resume                   continue where you stopped"
)]
pub struct Cli {
    /// Where reflections are kept (default: your platform's data folder).
    #[arg(long, global = true, value_name = "DIR", env = "REBOUND_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new reflection (asks for a title unless --title is given).
    #[command(after_help = "Example:\n  rebound new --title \"The launch that slipped\"")]
    New {
        /// A few words naming the setback.
        #[arg(long, short)]
        title: Option<String>,
    },
    /// Go back to an unfinished reflection, at the stage and field where you stopped.
    #[command(
        after_help = "Examples:\n  rebound resume                 the most recently edited unfinished one\n  rebound resume 2026-11-29-the  any unique start of an id"
    )]
    Resume {
        /// The reflection's id, or any unique start of it.
        id: Option<String>,
    },
}

pub fn data_dir(cli: &Cli) -> Result<PathBuf> {
    if let Some(dir) = &cli.data_dir {
        return Ok(dir.clone());
    }
    directories::ProjectDirs::from("", "", "rebound")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| eyre!("no home folder found; pass --data-dir DIR or set REBOUND_DATA_DIR"))
}

pub fn run(cli: Cli, offset: UtcOffset) -> Result<()> {
    let guide = Guide::builtin().map_err(|e| eyre!("the built-in guide is broken: {e}"))?;
    let store = Store::open(&data_dir(&cli)?)?;
    let launch = match cli.command {
        None => Launch::Home,
        Some(Command::New { title: None }) => Launch::AskTitle,
        Some(Command::New { title: Some(title) }) => {
            // Checked before anything is created, so a script without a
            // terminal leaves no empty reflection behind.
            tui::ensure_terminal()?;
            let title = crate::text::clean_paste(&title, false).trim().to_string();
            Launch::Open(Box::new(store.create(
                &title,
                time::OffsetDateTime::now_utc(),
                guide,
            )?))
        }
        Some(Command::Resume { id }) => {
            let id = match id {
                Some(prefix) => store.resolve(&prefix)?,
                None => store.latest_unfinished()?.ok_or_else(|| {
                    eyre!("no unfinished reflection to resume; start one with `rebound new`")
                })?,
            };
            Launch::Open(Box::new(store.load(&id)?))
        }
    };
    tui::ensure_terminal()?;
    tui::run(&store, guide, offset, launch)
}
