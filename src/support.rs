//! Words about support: when how heavy a setback feels calls for one, and the crisis pointer.
//!
//! The rule lives in the core so every front end (the walk today, a later
//! check-in) says it at the same moment. Nothing here is stored: the line is
//! said once, when the rating is given, and is gone when the person moves on.

use crate::reflection::Reflection;
use crate::role::Role;
use crate::stage::Stage;

/// One calm line: an ordinary resource, not an alarm and not a diagnosis.
pub const SUPPORT_LINE: &str = "That is a lot to carry. It can help to talk it through with a friend, a doctor or a counsellor.";

/// For anyone thinking of harming themselves, wherever they are: no one
/// country's number, but where to find their own.
pub const CRISIS_LINE: &str = "If you are thinking of harming yourself, call your local emergency number or a crisis line now; findahelpline.com lists them by country.";

/// Whether the rating just given at `(stage, field)` calls for the support
/// line: a weight of 5, or a weight on the plan that is still 4 or 5 and no
/// lower than at the start.
pub fn calls_for_support(r: &Reflection, stage: Stage, field: &str) -> bool {
    let start = r.rating_of(Role::WeightStart);
    match r.places().role_at(stage.key(), field) {
        Some(Role::WeightStart) => start == Some(5),
        Some(Role::WeightNow) => {
            later_weight_calls_for_support(start, r.rating_of(Role::WeightNow))
        }
        _ => false,
    }
}

/// Whether a weight given later (on the plan, at a check-in) calls for the
/// support line: a 5, or a 4 no lighter than at the start.
pub fn later_weight_calls_for_support(start: Option<u8>, now: Option<u8>) -> bool {
    match (start, now) {
        (_, Some(5)) => true,
        (Some(start), Some(now @ 4)) => now >= start,
        _ => false,
    }
}

/// The same for a check-in's weight on this reflection.
pub fn checkin_calls_for_support(r: &Reflection, now: Option<u8>) -> bool {
    later_weight_calls_for_support(r.rating_of(Role::WeightStart), now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reflection::tests::sample_reflection;
    use crate::stage::FullStages;

    const WEIGHT_TODAY: (Stage, &str) = (Stage::Perspective, "weight_today");
    const WEIGHT_NOW: (Stage, &str) = (Stage::PLAN, "weight_now");

    fn weights(today: Option<u8>, now: Option<u8>) -> Reflection {
        let mut r = sample_reflection();
        r.set_rating(WEIGHT_TODAY.0, WEIGHT_TODAY.1, today);
        r.set_rating(WEIGHT_NOW.0, WEIGHT_NOW.1, now);
        r
    }

    #[test]
    fn a_checkin_still_as_heavy_as_at_the_start_calls_for_support() {
        let r = weights(Some(4), Some(3));
        assert!(checkin_calls_for_support(&r, Some(4)));
        assert!(checkin_calls_for_support(&r, Some(5)));
        assert!(!checkin_calls_for_support(&r, Some(3)));
        assert!(!checkin_calls_for_support(&weights(Some(5), None), Some(4)));
    }

    #[test]
    fn a_weight_of_five_calls_for_support_wherever_it_is_given() {
        let r = weights(Some(5), Some(5));
        assert!(calls_for_support(&r, Stage::Perspective, "weight_today"));
        assert!(calls_for_support(&r, Stage::PLAN, "weight_now"));
        let lighter = weights(Some(4), None);
        assert!(!calls_for_support(
            &lighter,
            Stage::Perspective,
            "weight_today"
        ));
    }

    #[test]
    fn a_plan_weight_still_as_heavy_as_at_the_start_calls_for_support() {
        let still = weights(Some(4), Some(4));
        assert!(calls_for_support(&still, Stage::PLAN, "weight_now"));
        let heavier = weights(Some(3), Some(4));
        assert!(calls_for_support(&heavier, Stage::PLAN, "weight_now"));
        let easing = weights(Some(5), Some(4));
        assert!(!calls_for_support(&easing, Stage::PLAN, "weight_now"));
        let no_start = weights(None, Some(4));
        assert!(!calls_for_support(&no_start, Stage::PLAN, "weight_now"));
        let light = weights(Some(1), Some(3));
        assert!(!calls_for_support(&light, Stage::PLAN, "weight_now"));
    }

    #[test]
    fn other_ratings_never_call_for_support() {
        let mut r = weights(Some(5), Some(5));
        r.set_rating(Stage::Deconstruct, "impact", Some(5));
        assert!(!calls_for_support(&r, Stage::Deconstruct, "impact"));
        assert!(!calls_for_support(&r, Stage::Risk, "odds"));
    }
}
