//! `rebound show` and `rebound export`: the format, where it goes, and whether the private writing goes too.

use std::io::Write;
use std::path::PathBuf;

use color_eyre::eyre::Result;

use crate::export::{self, Clock, Format, Writing};
use crate::guide::Guide;
use crate::reflection::Reflection;
use crate::store::{Existing, Special};

use super::{print, written_error};

/// What `rebound export` was asked for.
pub(super) struct Output {
    pub format: Option<Format>,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub writing: Writing,
}

/// The writing goes only when asked for by its flag.
pub(super) fn writing_if(with_writing: bool) -> Writing {
    if with_writing {
        Writing::Included
    } else {
        Writing::LeftOut
    }
}

/// `rebound export`: to stdout, or to a file (private, atomic).
/// The guide to show `r` with, saying on stderr when its own is not
/// installed (every answer still shows, under the full guide's questions
/// or as kept ones).
pub(super) fn guide_of(r: &Reflection) -> std::borrow::Cow<'static, Guide> {
    let resolved = crate::guides::guide_for(r);
    if resolved.missing {
        eprintln!(
            "rebound: the guide \"{}\" is not installed; shown with the full guide, every answer kept",
            crate::text::fit(&r.guide, 40)
        );
    }
    resolved.guide
}

pub(super) fn export_to(r: &Reflection, guide: &Guide, to: Output, clock: Clock) -> Result<()> {
    let Output {
        format,
        output,
        force,
        writing,
    } = to;
    let output = output.filter(|p| p.as_os_str() != "-");
    let format = format
        .or_else(|| {
            output
                .as_ref()
                .and_then(|p| Format::from_path(&p.to_string_lossy()))
        })
        .unwrap_or(Format::Markdown);
    let text = export::render_with(r, guide, format, clock, writing);
    match output {
        None => print(&text),
        Some(path) => {
            let existing = if force {
                Existing::Replace
            } else {
                Existing::Refuse
            };
            crate::store::write_export(&path, &text, existing, Special::WriteThrough)
                .map_err(|e| written_error(e, &path))?;
            let _ = writeln!(
                std::io::stderr(),
                "Wrote {} ({}).",
                path.display(),
                format.name()
            );
            Ok(())
        }
    }
}
