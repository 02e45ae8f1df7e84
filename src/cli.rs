//! The command line: arguments, the data dir, and the subcommands, both the
//! ones that open the TUI and the scriptable ones (list, steps, remind,
//! stats, show, export, delete, restore, stories, guides, path).

mod agenda_load;
mod checkin;
mod clock;
mod guides;
mod list;
mod naming;
mod remind;
mod show;
mod stats;
mod steps;
mod stories;
mod trash;

use std::path::PathBuf;

use std::io::{IsTerminal, Write};

use clap::{Parser, Subcommand};
use color_eyre::eyre::{Result, eyre};
use time::UtcOffset;

use crate::agenda::Which;
use crate::export::{self, Format};
use crate::guide::Guide;
use crate::guides::Catalogue;
use crate::step_formats::StepFormat;
use crate::store::{Store, StoreError};
pub use guides::GuidesCommand;

#[derive(Debug, Parser)]
#[command(
    name = "rebound",
    version,
    about = "Walk through a career setback, stage by stage, until it becomes a dated growth plan.",
    after_help = "Examples:\n  rebound                          open the home screen\n  rebound new --title \"Missed the promotion\"\n  rebound resume                   continue where you stopped\n  rebound list --status completed\n  rebound steps --overdue          steps past their date, across reflections\n  rebound remind                   a line on what is due, or nothing (for ~/.bashrc or cron)\n  rebound stats                    how heavy each setback felt over time, steps done by month\n  rebound show 2026-11-20          any unique start of an id\n  rebound resume missed            or the start of a title\n\nExit codes: 0 success, 1 failure (one line on stderr), 2 bad usage."
)]
pub struct Cli {
    /// Where reflections are kept (default: $REBOUND_DATA_DIR, else your platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new reflection (asks for a guide, then a title, unless given).
    #[command(
        after_help = "Examples:\n  rebound new --title \"The launch that slipped\"\n  rebound new --guide ten-minute   a short one; `rebound guides` lists them all"
    )]
    New {
        /// A few words naming the setback.
        #[arg(long, short)]
        title: Option<String>,
        /// The guide to follow, by name (see `rebound guides`); else you choose.
        #[arg(long, short, value_name = "NAME")]
        guide: Option<String>,
    },
    /// Go back to an unfinished reflection, at the stage and field where you stopped.
    #[command(
        after_help = "Examples:\n  rebound resume                 the most recently edited unfinished one\n  rebound resume 2026-11-29-the  any unique start of an id\n  rebound resume missed          a title that starts with (or else contains) these words"
    )]
    Resume {
        /// The reflection's id, any unique start of it, or the start of its title.
        id: Option<String>,
    },
    /// List reflections, newest first: a table, or JSON for scripts.
    #[command(
        after_help = "Examples:\n  rebound list\n  rebound list --status completed\n  rebound list --json | jq -r '.[] | select(.open_steps > 0) | .id'"
    )]
    List {
        /// One JSON array instead of a table.
        #[arg(long)]
        json: bool,
        /// Only reflections with this status.
        #[arg(long, value_enum, value_name = "STATUS")]
        status: Option<StatusFilter>,
    },
    /// List the open steps of every reflection: overdue first, then by due date, then undated.
    #[command(
        after_help = "Examples:\n  rebound steps\n  rebound steps --overdue\n  rebound steps --all --json | jq -r '.[] | select(.overdue) | .text'\n  rebound steps --format ics -o steps.ics\n  rebound steps --all --format taskwarrior | task import"
    )]
    Steps {
        /// Done steps too.
        #[arg(long, conflicts_with = "overdue")]
        all: bool,
        /// Only steps past their date and not done.
        #[arg(long)]
        overdue: bool,
        /// One JSON array instead of a table.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Write the steps for another tool: iCalendar to-dos, all-day
        /// iCalendar events, Taskwarrior `task import` JSON or todo.txt.
        #[arg(long, value_enum)]
        format: Option<StepFormat>,
        /// Write to FILE instead of stdout (never over a file that is there
        /// without --force).
        #[arg(long = "output", short = 'o', value_name = "FILE", requires = "format")]
        output: Option<PathBuf>,
        /// Replace FILE if it is there.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Say in a line or two what is overdue and due today; nothing at all when nothing is.
    #[command(
        after_help = "For a shell start-up file (~/.bashrc, ~/.zshrc) or cron:\n  rebound remind\n  0 9 * * 1-5 rebound remind | mail -E -s rebound you@example.com"
    )]
    Remind {
        /// Also name files that could not be read (on stderr).
        #[arg(long, short)]
        verbose: bool,
    },
    /// Look again at a reflection: how heavy it feels now, what became of each step, what comes next.
    #[command(
        after_help = "Examples:\n  rebound checkin                the reflection whose check-in has waited longest\n  rebound checkin 2026-11-20     any unique start of an id, or the start of a title"
    )]
    Checkin {
        /// The reflection's id, any unique start of it, or the start of its title.
        id: Option<String>,
    },
    /// How heavy each setback felt over time, and steps done per month: plain numbers.
    #[command(
        after_help = "Examples:\n  rebound stats\n  rebound stats --json | jq '.steps.done_by_month'"
    )]
    Stats {
        /// One JSON object instead of lines for people.
        #[arg(long)]
        json: bool,
    },
    /// Print a reflection as Markdown (every stage and the growth plan).
    #[command(
        after_help = "Examples:\n  rebound show 2026-11-20-the-launch\n  rebound show 2026-11 | less\n  rebound show 'the launch'\n  rebound show '2026-11-20-the-launch (conflicted copy 2026-11-29).toml'   a sync tool's copy, as `rebound list` names it"
    )]
    Show {
        /// The reflection's id, any unique start of it, the start of its
        /// title, or the file name of a conflict copy.
        id: String,
        /// Add the private free writing ("Writing it out"), left out otherwise.
        #[arg(long)]
        with_writing: bool,
    },
    /// Write a reflection as Markdown, JSON or TOML, to stdout or a file.
    #[command(
        after_help = "Examples:\n  rebound export 2026-11-20-the-launch > plan.md\n  rebound export 2026-11-20 --format json -o plan.json\n  rebound export 2026-11-20 -o notes/plan.md     (the format follows the file name)\n  rebound export 2026-11-20 -o plan.md --force   replace plan.md"
    )]
    Export {
        /// The reflection's id, any unique start of it, or the start of its title.
        id: String,
        /// markdown, json or toml (default: from -o's file name, else markdown).
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Write here instead of to stdout (a new file, and any folders it
        /// needs, are private to you).
        #[arg(long = "output", short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists (it keeps its permissions).
        #[arg(long)]
        force: bool,
        /// Add the private free writing ("Writing it out"), left out otherwise.
        #[arg(long)]
        with_writing: bool,
    },
    /// Move a reflection to the trash folder (it can be restored).
    #[command(
        after_help = "Examples:\n  rebound delete 2026-11-20-the-launch        asks first\n  rebound delete 2026-11-20-the-launch --yes  for scripts; without a terminal --yes is required\n  rebound restore 2026-11-20-the-launch       brings it back"
    )]
    Delete {
        /// The reflection's id, any unique start of it, or the start of its title.
        id: String,
        /// Do not ask for confirmation.
        #[arg(long, short)]
        yes: bool,
    },
    /// Bring a deleted reflection back from the trash, or list the trash.
    #[command(
        after_help = "Examples:\n  rebound restore                              what is in the trash\n  rebound restore 2026-11-20-the-launch"
    )]
    Restore {
        /// The trashed file's name (as `rebound restore` lists it), or any unique start of it.
        id: Option<String>,
    },
    /// Invented stories of people who came through a setback: the list, or one to read.
    #[command(after_help = "Examples:\n  rebound stories\n  rebound stories layoff")]
    Stories {
        /// The story's name, as `rebound stories` lists it.
        name: Option<String>,
    },
    /// The guides a reflection can follow: name, title, length, built in or yours.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  rebound guides\n  rebound guides show full | less\n  mkdir -p \"$(rebound guides --path)\" && rebound guides show full > \"$(rebound guides --path)/mine.toml\""
    )]
    Guides {
        #[command(subcommand)]
        show: Option<GuidesCommand>,
        /// Print the folder your own guides go in ($REBOUND_GUIDES_DIR, else your config folder).
        #[arg(long)]
        path: bool,
    },
    /// Print the data folder, where reflections are kept.
    #[command(after_help = "Example:\n  ls \"$(rebound path)/reflections\"")]
    Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFilter {
    InProgress,
    Completed,
}

/// A mistake in how rebound was called; exits with code 2, like clap's own.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The data dir, absolute, decided once: `--data-dir`, else
/// `REBOUND_DATA_DIR` (empty counts as unset), else the platform's own.
pub fn data_dir(cli: &Cli) -> Result<PathBuf> {
    chosen_data_dir(cli).map(|(dir, _)| dir)
}

/// The data dir, and whether the person named it (`--data-dir` or
/// `REBOUND_DATA_DIR`) rather than taking the platform's own.
fn chosen_data_dir(cli: &Cli) -> Result<(PathBuf, bool)> {
    // Read here rather than by clap, so an empty value means "not set".
    let given = cli.data_dir.clone().or_else(|| {
        std::env::var_os("REBOUND_DATA_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    });
    let Some(dir) = given else {
        return directories::ProjectDirs::from("", "", "rebound")
            .map(|dirs| (dirs.data_dir().to_path_buf(), false))
            .ok_or_else(|| {
                eyre!("no home folder found; pass --data-dir DIR or set REBOUND_DATA_DIR")
            });
    };
    // A stray newline (`$(cat file)`, a copied line) would quietly make a
    // folder whose name ends in it.
    if dir.to_string_lossy().chars().any(char::is_control) {
        return Err(UsageError(format!(
            "the data dir {:?} has a control character in its name (a stray newline?)",
            dir.to_string_lossy()
        ))
        .into());
    }
    // Relative to where rebound was started, made absolute once, so nothing
    // later depends on the current folder.
    std::path::absolute(&dir)
        .map(|dir| (dir, true))
        .map_err(|e| eyre!("the data dir {}: {e}", dir.display()))
}

/// Where an interactive session starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// Ask for a title, then start a new reflection: in the guide named, or
    /// in one chosen first.
    AskTitle(Option<String>),
    /// Open the reflection with this id where the person stopped.
    Open(String),
    /// Open the reflection with this id at a check-in.
    Checkin(String),
}

/// What `main` does once the command line has done its part.
pub enum Next {
    /// The command did all there was to do.
    Done,
    /// Start a front end the person works in (checked to have a terminal).
    Interactive {
        store: Store,
        guide: &'static Guide,
        start: Start,
    },
}

/// Runs a scriptable subcommand, or says which interactive session to start;
/// the command line never starts a front end itself.
pub fn run(cli: Cli, offset: UtcOffset) -> Result<Next> {
    let guide = Guide::builtin().map_err(|e| eyre!("the built-in guide is broken: {e}"))?;
    // Stories and guides are not part of the data dir: they read nothing there.
    if let Some(Command::Stories { name }) = &cli.command {
        return done(stories::stories(name.as_deref(), guide));
    }
    if let Some(Command::Guides { show, path }) = &cli.command {
        return done(guides::guides(show.as_ref(), *path));
    }
    let (dir, named) = chosen_data_dir(&cli)?;
    let missing = !dir.exists();
    // `path` only says where; it creates nothing, and stdout stays the bare
    // path for scripts.
    if let Some(Command::Path) = cli.command {
        if missing {
            let _ = writeln!(
                std::io::stderr(),
                "(it does not exist yet; it is made when you start your first reflection)"
            );
        }
        return done(print(&format!("{}\n", dir.display())));
    }
    // A first run has nothing due, and a shell start-up file must never
    // nag someone who has not begun.
    if missing && matches!(cli.command, Some(Command::Remind { .. })) {
        return Ok(Next::Done);
    }
    // A folder named by hand that is not there is most likely a typo: said
    // so, rather than listed as empty, which would look like lost writing.
    // The platform's own folder not made yet is simply a first run.
    let reads = matches!(
        cli.command,
        Some(
            Command::List { .. }
                | Command::Steps { .. }
                | Command::Stats { .. }
                | Command::Show { .. }
                | Command::Export { .. }
                | Command::Delete { .. }
                | Command::Restore { .. }
                | Command::Resume { .. }
                | Command::Checkin { .. }
        )
    );
    if named && missing && reads {
        return Err(eyre!(
            "the data dir {} does not exist (mistyped? it is made when you start a reflection with `rebound new`)",
            dir.display()
        ));
    }
    // A first run asked for one reflection: there are none to find, which
    // says more than "no reflection matches".
    let names_one = matches!(
        cli.command,
        Some(
            Command::Show { .. }
                | Command::Export { .. }
                | Command::Delete { .. }
                | Command::Resume { id: Some(_) }
                | Command::Checkin { .. }
        )
    );
    if missing && names_one {
        return Err(eyre!(
            "there are no reflections yet ({} is made with the first one); start one with `rebound new`",
            dir.display()
        ));
    }
    let store = Store::at(&dir);
    let clock = clock::clock(offset)?;
    let start = match cli.command {
        None => Start::Home,
        Some(Command::Path | Command::Stories { .. } | Command::Guides { .. }) => {
            return Ok(Next::Done);
        }
        Some(Command::List { json, status }) => {
            return done(list::list(&store, json, status, offset));
        }
        Some(Command::Steps {
            all,
            overdue,
            json,
            format,
            output,
            force,
        }) => {
            let shape = steps::Shape::asked(json, format, output, force);
            return done(steps::steps(
                &store,
                Which::asked(all, overdue),
                shape,
                clock,
            ));
        }
        Some(Command::Remind { verbose }) => {
            return done(remind::remind(&store, verbose, clock));
        }
        Some(Command::Stats { json }) => {
            return done(stats::stats(&store, json, guide, clock));
        }
        Some(Command::Show { id, with_writing }) => {
            let r = naming::load_named(&store, &id)?;
            let guide = show::guide_of(&r);
            let writing = show::writing_if(with_writing);
            let text = export::render_with(&r, &guide, Format::Markdown, clock, writing);
            return done(print(&text));
        }
        Some(Command::Export {
            id,
            format,
            output,
            force,
            with_writing,
        }) => {
            let r = naming::load_named(&store, &id)?;
            let to = show::Output {
                format,
                output,
                force,
                writing: show::writing_if(with_writing),
            };
            return done(show::export_to(&r, &show::guide_of(&r), to, clock));
        }
        Some(Command::Delete { id, yes }) => return done(trash::delete(&store, &id, yes)),
        Some(Command::Restore { id }) => return done(trash::restore(&store, id.as_deref())),
        Some(Command::New { title, guide: name }) => {
            // A guide that is not there is said before anything else, with
            // or without a terminal: the same line `guides show` gives.
            let entry = match &name {
                Some(name) => Some(guides::named(Catalogue::get(), name)?),
                None => None,
            };
            match title {
                None => Start::AskTitle(entry.map(|e| e.name.clone())),
                Some(title) => {
                    // Checked before anything is created, so a script without a
                    // terminal leaves no empty reflection behind.
                    ensure_terminal()?;
                    let title = crate::text::clean_paste(&title, false).trim().to_string();
                    let now = time::OffsetDateTime::now_utc().to_offset(offset);
                    let created = match entry {
                        Some(e) => store.create_in(&title, now, &e.name, &e.guide)?,
                        None => store.create(&title, now, guide)?,
                    };
                    Start::Open(created.id)
                }
            }
        }
        Some(Command::Checkin { id }) => {
            Start::Checkin(checkin::id_to_check_in(&store, id.as_deref(), clock.today)?)
        }
        Some(Command::Resume { id }) => {
            let id = match id {
                Some(name) => naming::id_to_resume(&store, &name)?,
                None => store.latest_unfinished()?.ok_or_else(|| {
                    eyre!("no unfinished reflection to resume; start one with `rebound new`")
                })?,
            };
            // Read here too, so a file that will not load is one line on
            // stderr before any screen appears.
            store.load(&id)?;
            Start::Open(id)
        }
    };
    ensure_terminal()?;
    Ok(Next::Interactive {
        store,
        guide,
        start,
    })
}

fn done(result: Result<()>) -> Result<Next> {
    result.map(|()| Next::Done)
}

/// An interactive session needs a terminal to draw on and read keys from.
fn ensure_terminal() -> Result<()> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(eyre!("needs an interactive terminal (stdin and stdout)"))
    }
}

/// Writes to stdout; a reader that stops early (`| head`) is not an error.
fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Like `print`, for output written as it is made: through a buffer, so a
/// long list is never held whole, and as quiet when the reader goes.
fn print_streamed(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Why a file was not written, in one line: a file already there is the
/// person's to replace (--force), anything else says what went wrong.
pub(super) fn written_error(e: StoreError, path: &std::path::Path) -> color_eyre::Report {
    match e {
        StoreError::Exists(_) => eyre!(
            "{} already exists; nothing was written (add --force to replace it)",
            path.display()
        ),
        e => eyre!("could not write {e}"),
    }
}
