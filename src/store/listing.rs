//! Listing the reflections: a summary of each, read through the summary index where it can be.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::index::visit_if_current;
use super::strays::Stray;
use super::{Store, StoreError};
use crate::dates::iso;
use crate::reflection::{Reflection, Status, display_title};
use crate::role::Role;

/// The summary index, in the data dir beside `reflections/`.
const SUMMARY_FILE: &str = "summary-index.json";

/// Bumped when the layout changes; an index of another version is rebuilt.
/// 2: summaries count open action steps, and titles are cleaned at load.
/// 3: schema 2 files, and clearer reasons for files that cannot be read.
/// 4: stamps hold the inode and change time.
/// 5: the first brave step counts among the open steps.
/// 6: each reflection's written steps and its start time, for the agenda.
/// 7: the day each step was done, the next check-in and every weighing.
/// 8: how many check-ins each reflection holds, weighed or not.
/// 9: the steps check-ins dropped, for the tools that still hold them.
const SUMMARY_VERSION: u32 = 10;

/// What a list needs about one reflection.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub status: Status,
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
    pub completed: Option<OffsetDateTime>,
    pub stage: String,
    /// The guide it is written with, by name.
    pub guide: String,
    /// Action steps with text that are not done yet.
    pub open_steps: usize,
    /// Every written step, in the reflection's order: the agenda is made
    /// from these without reading the files.
    pub steps: Vec<StepSummary>,
    /// The next day to look again (ISO), or empty when settled or never asked.
    pub next_checkin: String,
    /// How heavy it felt, oldest first: at the start, at completion, at
    /// each check-in. What the progress screen draws.
    pub weights: Vec<WeightSummary>,
    /// Check-ins recorded, including one still being written: a check-in
    /// need not be weighed, so `weights` alone would undercount them.
    pub checkins: usize,
    /// Steps a check-in took off the plan, as it last saw them: a calendar
    /// or task list given the step earlier is told it was cancelled.
    pub dropped: Vec<StepSummary>,
}

/// A written (not blank) step as the agenda needs it, text and date trimmed.
/// Kept in the index as a bare array (id, text, due, done, done on): at ten
/// thousand reflections the names of the fields would be a fair part of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepSummary(
    pub String,
    pub String,
    pub String,
    pub bool,
    #[serde(default)] pub String,
);

/// One weighing: when (`start`, `completion` or `checkin`), the day (ISO)
/// and the rating, 1 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightSummary(pub String, pub String, pub u8);

impl WeightSummary {
    pub fn when(&self) -> &str {
        &self.0
    }
    pub fn day(&self) -> &str {
        &self.1
    }
    pub fn weight(&self) -> u8 {
        self.2
    }
}

impl StepSummary {
    pub fn id(&self) -> &str {
        &self.0
    }
    pub fn text(&self) -> &str {
        &self.1
    }
    /// As typed: an ISO date, or text that did not parse as one.
    pub fn due(&self) -> &str {
        &self.2
    }
    pub fn done(&self) -> bool {
        self.3
    }
    /// The day it was ticked done (ISO), or empty when not known.
    pub fn done_on(&self) -> &str {
        &self.4
    }
}

impl Summary {
    pub fn of(r: &Reflection) -> Summary {
        let steps: Vec<StepSummary> = r
            .steps()
            .into_iter()
            .filter(|s| !s.is_blank())
            .map(|s| {
                let done_on = s.done_on().map(iso).unwrap_or_default();
                StepSummary(
                    s.id,
                    s.text.trim().into(),
                    s.due.trim().into(),
                    s.done,
                    done_on,
                )
            })
            .collect();
        Summary {
            id: r.id.clone(),
            title: r.title.clone(),
            status: r.status,
            created: r.created,
            updated: r.updated,
            completed: r.completed,
            stage: r.position.stage.clone(),
            guide: r.guide.clone(),
            open_steps: steps.iter().filter(|s| !s.done()).count(),
            steps,
            // Only a finished plan is looked at again: one reopened by an
            // edit is not due until it is complete once more.
            next_checkin: (r.status == Status::Completed)
                .then(|| r.next_checkin())
                .flatten()
                .map(iso)
                .unwrap_or_default(),
            weights: weights(r),
            checkins: r.checkins().len(),
            dropped: dropped(r),
        }
    }
}

/// The steps check-ins dropped that are not on the plan now, each once, as
/// the latest check-in to drop it saw it.
fn dropped(r: &Reflection) -> Vec<StepSummary> {
    let on_plan: Vec<String> = r.steps().into_iter().map(|s| s.id).collect();
    let mut all: Vec<StepSummary> = Vec::new();
    let reviews = r.checkins().iter().flat_map(|c| c.steps());
    for review in reviews.filter(|s| s.outcome == crate::reflection::Outcome::Dropped) {
        if on_plan.contains(&review.id) {
            continue;
        }
        all.retain(|s| s.id() != review.id);
        let (text, due) = (review.text.trim().into(), review.due.trim().into());
        all.push(StepSummary(review.id, text, due, false, String::new()));
    }
    all
}

/// Every weighing a reflection holds, in the order they were made.
pub fn weights(r: &Reflection) -> Vec<WeightSummary> {
    let at = |when: &str, day: Date, weight: Option<u8>| {
        weight.map(|w| WeightSummary(when.into(), iso(day), w))
    };
    let mut all: Vec<WeightSummary> = [
        at("start", r.created.date(), r.rating_of(Role::WeightStart)),
        r.completed
            .and_then(|c| at("completion", c.date(), r.rating_of(Role::WeightNow))),
    ]
    .into_iter()
    .flatten()
    .collect();
    all.extend(
        r.checkins()
            .iter()
            .filter_map(|c| at("checkin", c.date()?, c.weight())),
    );
    all
}

/// A file in the reflections folder that could not be read; named, never touched.
#[derive(Debug, Clone, PartialEq)]
pub struct BadFile {
    pub path: PathBuf,
    pub reason: String,
}

/// What a list found: each reflection as the caller keeps it (a whole
/// `Summary` unless said otherwise), and every file that is not one.
#[derive(Debug)]
pub struct Listing<R = Summary> {
    /// From `list`, unfinished first, then completed, newest first within
    /// each; from `list_as`, in id order.
    pub reflections: Vec<R>,
    pub bad_files: Vec<BadFile>,
    /// Files beside the reflections that are not reflections (conflict
    /// copies from a sync tool, say): named, never touched.
    pub strays: Vec<Stray>,
    /// The data dir, when it does not exist yet: nothing is made until the
    /// first reflection is started.
    pub missing_dir: Option<PathBuf>,
}

// Written out, since a derived one would ask a `Default` of every row.
impl<R> Default for Listing<R> {
    fn default() -> Self {
        Listing {
            reflections: Vec::new(),
            bad_files: Vec::new(),
            strays: Vec::new(),
            missing_dir: None,
        }
    }
}

/// One file as the index remembers it: its summary, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Entry {
    Readable {
        title: String,
        completed: bool,
        created: i64,
        updated: i64,
        completed_at: Option<i64>,
        stage: String,
        guide: String,
        steps: Vec<StepSummary>,
        next_checkin: String,
        weights: Vec<WeightSummary>,
        #[serde(default)]
        checkins: usize,
        #[serde(default)]
        dropped: Vec<StepSummary>,
    },
    Unreadable {
        reason: String,
    },
}

impl Entry {
    fn from_summary(s: &Summary) -> Entry {
        Entry::Readable {
            title: s.title.clone(),
            completed: s.status == Status::Completed,
            created: s.created.unix_timestamp(),
            updated: s.updated.unix_timestamp(),
            completed_at: s.completed.map(OffsetDateTime::unix_timestamp),
            stage: s.stage.clone(),
            guide: s.guide.clone(),
            steps: s.steps.clone(),
            next_checkin: s.next_checkin.clone(),
            weights: s.weights.clone(),
            checkins: s.checkins,
            dropped: s.dropped.clone(),
        }
    }

    /// The summary again, or the reason the file could not be read.
    fn to_summary(&self, id: &str) -> Result<Summary, String> {
        match self {
            Entry::Unreadable { reason } => Err(reason.clone()),
            Entry::Readable {
                title,
                completed,
                created,
                updated,
                completed_at,
                stage,
                guide,
                steps,
                next_checkin,
                weights,
                checkins,
                dropped,
            } => {
                let time = |t: i64| {
                    OffsetDateTime::from_unix_timestamp(t).unwrap_or(OffsetDateTime::UNIX_EPOCH)
                };
                Ok(Summary {
                    id: id.to_string(),
                    title: title.clone(),
                    status: if *completed {
                        Status::Completed
                    } else {
                        Status::InProgress
                    },
                    created: time(*created),
                    updated: time(*updated),
                    completed: completed_at.map(time),
                    stage: stage.clone(),
                    guide: guide.clone(),
                    open_steps: steps.iter().filter(|s| !s.done()).count(),
                    steps: steps.clone(),
                    next_checkin: next_checkin.clone(),
                    weights: weights.clone(),
                    checkins: *checkins,
                    dropped: dropped.clone(),
                })
            }
        }
    }
}

impl Store {
    /// Every reflection's summary. Files whose stamp matches the summary
    /// index are not read; the rest are, and the index is brought up to date
    /// (a failure to write it never stops the listing).
    pub fn list(&self) -> Result<Listing, StoreError> {
        let mut listing = self.list_as(Some)?;
        listing.reflections.sort_by(|a, b| {
            (a.status == Status::Completed)
                .cmp(&(b.status == Status::Completed))
                .then(b.updated.cmp(&a.updated))
                .then(a.id.cmp(&b.id))
        });
        Ok(listing)
    }

    /// Like `list`, but each summary is handed to `keep`, in id order, and
    /// only what it returns is held (`None` leaves the reflection out). When
    /// the index is current it is read as it streams, so a hundred thousand
    /// reflections cost what `keep` holds of them, not the index file and
    /// every summary at once.
    pub fn list_as<R>(
        &self,
        mut keep: impl FnMut(Summary) -> Option<R>,
    ) -> Result<Listing<R>, StoreError> {
        let scan = self.scan()?;
        let dir = self.reflections_dir();
        let strays: Vec<Stray> = scan
            .others
            .into_iter()
            .map(|name| Stray::named(name, &dir))
            .collect();
        let fresh = || Listing {
            strays: strays.clone(),
            missing_dir: (!self.root.exists()).then(|| self.root.clone()),
            ..Listing::default()
        };
        let mut listing = fresh();
        let path = self.root.join(SUMMARY_FILE);
        // Steps and weights are read where each guide puts them: a guide
        // file that moves a role makes every summary stale, not just one.
        let version = SUMMARY_VERSION ^ crate::guides::Catalogue::get().places_fingerprint();
        let current = visit_if_current(&path, version, &scan.ids, |id, entry| {
            self.gather(&mut listing, &mut keep, &id, &entry);
        });
        if !current {
            listing = fresh();
            let entries =
                self.refreshed_index(SUMMARY_FILE, version, scan.ids, |id| match self.load(id) {
                    Ok(r) => Entry::from_summary(&Summary::of(&r)),
                    Err(e) => Entry::Unreadable {
                        reason: match e {
                            StoreError::Unreadable { source, .. } => source.to_string(),
                            StoreError::Io { source, .. } => source.to_string(),
                            other => other.to_string(),
                        },
                    },
                });
            for (id, (_, entry)) in &entries {
                self.gather(&mut listing, &mut keep, id, entry);
            }
        }
        Ok(listing)
    }

    /// One index entry into `listing`: kept as `keep` makes it, or named as
    /// a file that cannot be read; a conflict copy of it learns its title.
    fn gather<R>(
        &self,
        listing: &mut Listing<R>,
        keep: &mut impl FnMut(Summary) -> Option<R>,
        id: &str,
        entry: &Entry,
    ) {
        match entry.to_summary(id) {
            Ok(summary) => {
                for copy in listing.strays.iter_mut().filter_map(|s| s.copy.as_mut()) {
                    if copy.of == id {
                        copy.title = Some(display_title(&summary.title).to_string());
                    }
                }
                listing.reflections.extend(keep(summary));
            }
            Err(reason) => listing.bad_files.push(BadFile {
                path: self.path_of(id),
                reason,
            }),
        }
    }

    /// The unfinished reflection edited most recently, for `rebound resume`.
    pub fn latest_unfinished(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .list()?
            .reflections
            .into_iter()
            .find(|s| s.status == Status::InProgress)
            .map(|s| s.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{guide, store};
    use std::fs;
    use time::macros::datetime;

    #[test]
    fn listing_puts_unfinished_first_newest_first_and_names_bad_files() {
        let (_dir, store) = store();
        let mut done = store
            .create("done", datetime!(2026-11-20 09:00 UTC), guide())
            .expect("create");
        done.status = Status::Completed;
        done.updated = datetime!(2026-11-28 09:00 UTC);
        store.save(&done, guide()).expect("save");
        store
            .create("older", datetime!(2026-11-21 09:00 UTC), guide())
            .expect("create");
        store
            .create("newer", datetime!(2026-11-22 09:00 UTC), guide())
            .expect("create");
        let broken = store.reflections_dir().join("2026-01-01-broken.toml");
        fs::write(&broken, "schema_version = [").expect("write broken");

        let listing = store.list().expect("list");
        let titles: Vec<_> = listing
            .reflections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["newer", "older", "done"]);
        assert_eq!(listing.bad_files.len(), 1);
        assert_eq!(listing.bad_files[0].path, broken);
        assert_eq!(
            fs::read_to_string(&broken).expect("still there"),
            "schema_version = ["
        );
        assert_eq!(
            store.latest_unfinished().expect("latest").as_deref(),
            Some("2026-11-22-newer")
        );
    }

    #[test]
    fn a_current_index_read_as_it_streams_gives_what_a_rebuild_gives() {
        let (dir, store) = store();
        for (title, day) in [("one", 20), ("two", 21), ("three", 22)] {
            let at = datetime!(2026-11-01 09:00 UTC)
                .replace_day(day)
                .expect("day");
            store.create(title, at, guide()).expect("create");
        }
        let copy = "2026-11-20-one.sync-conflict-20261129-101010-LAPTOP1.toml";
        fs::write(store.reflections_dir().join(copy), "x = 1").expect("copy");
        fs::remove_file(dir.path().join(SUMMARY_FILE)).ok();

        let rebuilt = store.list().expect("list");
        let streamed = store.list().expect("list again");
        assert_eq!(streamed.reflections, rebuilt.reflections);
        assert_eq!(streamed.strays, rebuilt.strays);
        let title = |l: &Listing| l.strays[0].copy.as_ref().and_then(|c| c.title.clone());
        assert_eq!(title(&streamed).as_deref(), Some("one"));

        // Only what `keep` returns is held, in id order.
        let kept = store
            .list_as(|s| (s.title != "two").then_some(s.title))
            .expect("list_as");
        assert_eq!(kept.reflections, ["one", "three"]);
        assert_eq!(kept.strays, rebuilt.strays);
    }

    #[test]
    fn the_index_spares_reading_unchanged_files_and_sees_every_hand_edit() {
        let (dir, store) = store();
        let r = store
            .create("Indexed", datetime!(2026-11-20 09:00 UTC), guide())
            .expect("create");
        let path = store.reflections_dir().join(format!("{}.toml", r.id));
        assert_eq!(store.list().expect("list").reflections[0].title, "Indexed");
        assert!(dir.path().join(SUMMARY_FILE).exists());

        // An unchanged file is not read: what the index says is listed.
        let original = fs::read_to_string(&path).expect("read");
        let index_path = dir.path().join(SUMMARY_FILE);
        let index = fs::read_to_string(&index_path).expect("index");
        fs::write(&index_path, index.replace("Indexed", "From the index")).expect("write");
        assert_eq!(
            store.list().expect("list").reflections[0].title,
            "From the index"
        );

        // Even an edit that keeps the size and puts the modification time
        // back is seen: the change time and inode move regardless.
        let modified = fs::metadata(&path)
            .expect("meta")
            .modified()
            .expect("mtime");
        fs::write(&path, original.replace("Indexed", "Xndexed")).expect("write");
        fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(modified))
            .expect("restore mtime");
        assert_eq!(store.list().expect("list").reflections[0].title, "Xndexed");

        // A real edit changes the stamp and is seen at once.
        fs::write(&path, original.replace("Indexed", "Edited by hand")).expect("write");
        assert_eq!(
            store.list().expect("list").reflections[0].title,
            "Edited by hand"
        );

        // A broken index is only a cache: the files still list.
        fs::write(dir.path().join(SUMMARY_FILE), "{ not json").expect("break index");
        assert_eq!(store.list().expect("list").reflections.len(), 1);

        // A removed file leaves the list, and a broken one is still named.
        fs::remove_file(&path).expect("remove");
        fs::write(store.reflections_dir().join("2026-01-01-bad.toml"), "x = ").expect("bad");
        let listing = store.list().expect("list");
        assert!(listing.reflections.is_empty());
        assert_eq!(listing.bad_files.len(), 1);
        assert_eq!(
            store.list().expect("list again").bad_files.len(),
            1,
            "bad files stay named from the index"
        );
    }
}
