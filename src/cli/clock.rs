//! The command line's clock: now, or the day `REBOUND_TODAY` names, so tests and scripts can fix today.

use color_eyre::eyre::Result;
use time::UtcOffset;

use super::UsageError;
use crate::dates::{self, Clock};

/// Today from the system clock, unless `REBOUND_TODAY=YYYY-MM-DD` says
/// otherwise (empty counts as unset). Only the command line reads it: a
/// test can then ask what `remind` or `steps` would say on a given day.
pub(super) fn clock(offset: UtcOffset) -> Result<Clock> {
    let Some(given) = std::env::var_os("REBOUND_TODAY").filter(|v| !v.is_empty()) else {
        return Ok(Clock::now(offset));
    };
    let text = given.to_string_lossy();
    // A typo here would quietly move every due date; said, not guessed.
    let today = dates::parse_iso(&text).ok_or_else(|| {
        UsageError(format!(
            "REBOUND_TODAY is {text:?}; it takes a date as YYYY-MM-DD, or unset it"
        ))
    })?;
    Ok(Clock { offset, today })
}
