//! The save policy: every change reaches the disk once typing pauses, and
//! never later than a second after it was made; a failed save is retried
//! without spinning.

use std::time::{Duration, Instant};

/// A change is saved once typing pauses this long...
const QUIET_PERIOD: Duration = Duration::from_millis(300);
/// ...and never later than this after it was made.
const LONGEST_WAIT: Duration = Duration::from_millis(1000);
/// How often the loop wakes with nothing to do, to notice signals.
pub const TICK: Duration = Duration::from_millis(200);

/// Tracks what is on disk, so every change is written within a second.
pub struct Autosave {
    saved_revision: u64,
    seen_revision: u64,
    first_unsaved: Option<Instant>,
    last_change: Option<Instant>,
    last_failure: Option<Instant>,
}

impl Autosave {
    pub fn new() -> Autosave {
        Autosave {
            saved_revision: 0,
            seen_revision: 0,
            first_unsaved: None,
            last_change: None,
            last_failure: None,
        }
    }

    /// A save of `revision` went through.
    pub fn saved(&mut self, revision: u64) {
        self.saved_revision = revision;
        self.first_unsaved = None;
        self.last_failure = None;
    }

    /// A save failed: wait a little before trying again.
    pub fn failed(&mut self, now: Instant) {
        self.last_failure = Some(now);
    }

    /// Whether `revision` still has to reach the disk.
    pub fn unsaved(&self, revision: u64) -> bool {
        revision != self.saved_revision
    }

    /// Notes the current revision; true when a save is due now.
    pub fn due(&mut self, revision: u64, now: Instant) -> bool {
        if revision == self.saved_revision {
            self.first_unsaved = None;
            self.last_change = None;
            return false;
        }
        if revision != self.seen_revision {
            self.seen_revision = revision;
            self.last_change = Some(now);
            self.first_unsaved.get_or_insert(now);
        }
        if self
            .last_failure
            .is_some_and(|t| now.duration_since(t) < LONGEST_WAIT)
        {
            return false;
        }
        let quiet = self
            .last_change
            .is_some_and(|t| now.duration_since(t) >= QUIET_PERIOD);
        let overdue = self
            .first_unsaved
            .is_some_and(|t| now.duration_since(t) >= LONGEST_WAIT);
        quiet || overdue
    }

    /// How long the loop may sleep before a save could fall due.
    pub fn wait(&self, now: Instant) -> Duration {
        let mut wait = TICK;
        if self.first_unsaved.is_none() || self.last_failure.is_some() {
            return wait;
        }
        if let Some(t) = self.last_change {
            wait = wait.min((t + QUIET_PERIOD).saturating_duration_since(now));
        }
        if let Some(t) = self.first_unsaved {
            wait = wait.min((t + LONGEST_WAIT).saturating_duration_since(now));
        }
        wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_saved_after_a_pause_and_never_later_than_a_second() {
        let start = Instant::now();
        let mut autosave = Autosave::new();
        assert!(!autosave.due(0, start));
        assert!(!autosave.due(1, start));
        assert!(autosave.due(1, start + QUIET_PERIOD));

        // Steady typing (a change every 100 ms) still saves within a second.
        let mut autosave = Autosave::new();
        let mut saved_at = None;
        for step in 0..20u64 {
            let now = start + Duration::from_millis(100 * step);
            if autosave.due(step + 1, now) {
                saved_at = Some(step);
                break;
            }
        }
        assert_eq!(saved_at, Some(10));
    }

    #[test]
    fn the_loop_wakes_in_time_for_the_next_save() {
        let start = Instant::now();
        let mut autosave = Autosave::new();
        autosave.due(1, start);
        let later = start + Duration::from_millis(250);
        assert_eq!(
            autosave.wait(later),
            QUIET_PERIOD - Duration::from_millis(250)
        );
        assert_eq!(Autosave::new().wait(start), TICK);
    }

    #[test]
    fn after_a_save_the_loop_sleeps_a_full_tick_instead_of_spinning() {
        let start = Instant::now();
        let mut autosave = Autosave::new();
        assert!(autosave.due(1, start + QUIET_PERIOD) || autosave.due(1, start + QUIET_PERIOD * 2));
        autosave.saved_revision = 1;
        let later = start + Duration::from_secs(5);
        assert!(!autosave.due(1, later));
        assert_eq!(autosave.wait(later), TICK);
    }
}
