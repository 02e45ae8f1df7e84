//! `rebound stats`: how heavy each setback felt over time and steps done per month, as a few lines for people or JSON for scripts.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::print;
use crate::export::Clock;
use crate::guide::Guide;
use crate::progress::{Journey, Progress};
use crate::store::Store;
use crate::text::{fit, printable_line};

/// Setbacks the text lists before it points to `--json` for the rest: a
/// summary someone reads, not a second `list`.
const MOST_LISTED: usize = 20;

/// The widest a title's column grows.
const TITLE_WIDTH: usize = 32;

/// The words of the 1-5 scale how heavy it feels is asked on.
fn weight_scale(guide: &Guide) -> &[String] {
    guide
        .role(crate::role::Role::WeightStart)
        .map_or(&[], |(_, f)| f.scale.as_slice())
}

pub(super) fn stats(
    store: &Store,
    json: bool,
    guide: &Guide,
    clock: Clock,
) -> color_eyre::Result<()> {
    let scale = weight_scale(guide);
    let listing = store.list()?;
    for bad in &listing.bad_files {
        let _ = writeln!(
            std::io::stderr(),
            "rebound: skipped {}: {}",
            printable_line(&bad.path.display().to_string()),
            printable_line(&bad.reason)
        );
    }
    let progress = Progress::of(&listing.reflections, clock.today);
    if json {
        return print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&JsonStats::of(&progress))?
        ));
    }
    if progress.journeys.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "No reflections yet. Once you have written one, how heavy it felt and the steps you did show here."
        );
        return Ok(());
    }
    print(&text(&progress, scale))
}

/// The few lines for people: each setback's weighings, then steps and check-ins.
fn text(progress: &Progress, scale: &[String]) -> String {
    let mut out = String::new();
    let (listed, left_out) = progress.recently_weighed(MOST_LISTED);
    if listed.is_empty() {
        out.push_str("No weighing yet: how heavy a setback feels is asked at its start, at completion and at each check-in.\n");
    } else {
        let _ = writeln!(out, "How heavy it felt ({}):", scale_words(scale));
        let width = listed
            .iter()
            .map(|j| printable_line(j.shown_title()).width())
            .max()
            .unwrap_or(0)
            .min(TITLE_WIDTH);
        for journey in &listed {
            let _ = writeln!(out, "  {}  {}", padded(journey, width), journey.path());
        }
        if left_out > 0 {
            let _ = writeln!(
                out,
                "  and {left_out} more weighed (`rebound stats --json` has them all)."
            );
        }
        let unweighed = progress.journeys.len() - listed.len() - left_out;
        if unweighed > 0 {
            let _ = writeln!(out, "  {} not weighed yet.", count(unweighed, "reflection"));
        }
    }
    if progress.done_by_month.is_empty() {
        out.push_str("Steps done by month: none with a day recorded yet.\n");
    } else {
        let months: Vec<String> = progress
            .done_by_month
            .iter()
            .map(|(month, n)| format!("{month} {n}"))
            .collect();
        let _ = writeln!(out, "Steps done by month: {}", months.join(", "));
    }
    match progress.done_without_day {
        0 => {}
        1 => out.push_str("1 done step has no day recorded.\n"),
        n => {
            let _ = writeln!(out, "{n} done steps have no day recorded.");
        }
    }
    let _ = writeln!(
        out,
        "Steps: {} done, {} open, {} past {}.",
        progress.done,
        progress.open,
        progress.overdue,
        if progress.overdue == 1 {
            "its date"
        } else {
            "their date"
        }
    );
    let _ = writeln!(
        out,
        "Check-ins: {} made, {} due.",
        progress.checkins_made, progress.checkins_due
    );
    out
}

/// "1 light … 5 crushing": what the numbers mean, from the guide's scale.
fn scale_words(scale: &[String]) -> String {
    match (scale.first(), scale.last()) {
        (Some(low), Some(high)) if scale.len() > 1 => format!(
            "1 {} … {} {}",
            low.to_lowercase(),
            scale.len(),
            high.to_lowercase()
        ),
        _ => "1 to 5".to_string(),
    }
}

fn padded(journey: &Journey, width: usize) -> String {
    let title = fit(&printable_line(journey.shown_title()), width);
    let room = width.saturating_sub(title.width());
    format!("{title}{}", " ".repeat(room))
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The numbers for scripts; the README names every key.
#[derive(Serialize)]
struct JsonStats<'a> {
    reflections: Vec<JsonReflection<'a>>,
    steps: JsonSteps,
    checkins: JsonCheckins,
}

#[derive(Serialize)]
struct JsonReflection<'a> {
    id: &'a str,
    title: &'a str,
    status: &'static str,
    weights: Vec<JsonWeight>,
}

#[derive(Serialize)]
struct JsonWeight {
    when: &'static str,
    day: String,
    weight: u8,
}

#[derive(Serialize)]
struct JsonSteps {
    done: usize,
    open: usize,
    overdue: usize,
    /// `YYYY-MM` to steps done that month, oldest first.
    done_by_month: BTreeMap<String, usize>,
    done_without_day: usize,
}

#[derive(Serialize)]
struct JsonCheckins {
    made: usize,
    due: usize,
}

impl<'a> JsonStats<'a> {
    fn of(p: &'a Progress) -> JsonStats<'a> {
        JsonStats {
            reflections: p
                .journeys
                .iter()
                .map(|j| JsonReflection {
                    id: &j.id,
                    title: &j.title,
                    status: j.status.as_str(),
                    weights: j
                        .weighings
                        .iter()
                        .map(|w| JsonWeight {
                            when: w.moment.as_str(),
                            day: crate::dates::iso(w.day),
                            weight: w.weight,
                        })
                        .collect(),
                })
                .collect(),
            steps: JsonSteps {
                done: p.done,
                open: p.open,
                overdue: p.overdue,
                done_by_month: p
                    .done_by_month
                    .iter()
                    .map(|(m, n)| (m.to_string(), *n))
                    .collect(),
                done_without_day: p.done_without_day,
            },
            checkins: JsonCheckins {
                made: p.checkins_made,
                due: p.checkins_due,
            },
        }
    }
}
