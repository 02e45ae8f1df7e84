//! A fully answered reflection, shared by the rendering tests.

use rebound::reflection::{ActionItem, Reflection};
use rebound::stage::FullStages;
use rebound::wizard::Stage;
use time::macros::datetime;

fn step(text: &str, due: &str, done: bool) -> ActionItem {
    ActionItem {
        text: text.into(),
        due: due.into(),
        done,
        ..Default::default()
    }
}

fn items(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub fn filled_reflection() -> Reflection {
    let mut r = Reflection::new(
        "2026-11-20-the-launch-that-slipped".into(),
        "The launch that slipped".into(),
        datetime!(2026-11-20 09:30 UTC),
    );
    r.updated = datetime!(2026-11-28 18:05 UTC);
    #[allow(non_snake_case)]
    let [
        Perspective,
        Deconstruct,
        Reflect,
        Goals,
        Skills,
        Network,
        Risk,
        Plan,
    ] = Stage::ALL;
    r.set_text(
        Perspective,
        "expected",
        "Launch the clinic scheduler in May with fifty clinics signed by June.".into(),
    );
    r.set_text(Perspective, "what_happened", "We launched in July. Nine clinics signed, and the project was paused in September.\nThe team moved to other work.".into());
    r.set_text(
        Perspective,
        "lesson",
        "Talk to the people who will pay before building for them.".into(),
    );
    r.set_text(Perspective, "ability", "Customer discovery".into());
    r.set_text(
        Perspective,
        "hardest",
        "Telling the team it was paused.".into(),
    );
    r.set_list(
        Perspective,
        "support",
        items(&[
            "Friday walks with Sam",
            "Sleeping properly again",
            "My old mentor, Dana",
        ]),
    );
    r.set_rating(Perspective, "weight_today", Some(4));
    r.toggle_check(Deconstruct, "causes", "skills");
    r.toggle_check(Deconstruct, "causes", "external");
    r.set_text(
        Deconstruct,
        "cause_details",
        "We skipped interviews to hit the date, and a competitor cut prices in April.".into(),
    );
    r.set_rating(Deconstruct, "impact", Some(3));
    r.set_list(
        Deconstruct,
        "lost",
        items(&["Six months", "Some trust from the sales team"]),
    );
    r.set_list(
        Deconstruct,
        "gained",
        items(&["Running a launch end to end", "Pricing instincts"]),
    );
    r.set_text(
        Reflect,
        "went_wrong",
        "I treated the launch date as fixed and the scope as flexible, then cut discovery.".into(),
    );
    r.set_text(
        Reflect,
        "differently",
        "Run ten clinic interviews before writing a line of code.".into(),
    );
    r.set_list(
        Reflect,
        "strengths",
        items(&["Kept the team calm", "Shipped despite the slip"]),
    );
    r.set_list(
        Reflect,
        "improve",
        items(&["Saying no to dates I do not believe", "Pricing"]),
    );
    r.set_list(
        Goals,
        "objectives",
        items(&[
            "Lead a launch that lands",
            "Become the team's discovery expert",
        ]),
    );
    r.set_actions(
        Goals,
        "steps",
        vec![
            step("Interview five clinic managers", "2026-12-13", false),
            step("Take the pricing course", "2026-12-01", true),
            step("Write a one-page discovery checklist", "", false),
        ],
    );
    r.set_list(
        Goals,
        "if_then",
        items(&["If a date is imposed, then I will ask what scope it buys"]),
    );
    r.set_list(
        Skills,
        "gaps",
        items(&["Interviewing customers", "Pricing"]),
    );
    r.toggle_check(Skills, "methods", "course");
    r.toggle_check(Skills, "methods", "mentor");
    r.set_text(
        Skills,
        "method_details",
        "Pricing course in December; monthly calls with Dana on discovery.".into(),
    );
    r.set_text(Skills, "habit", "One customer call every Friday".into());
    r.set_text(Skills, "keep_up", "The clinic software newsletter".into());
    r.set_list(
        Network,
        "feedback_from",
        items(&["Dana, my old mentor", "Priya in sales"]),
    );
    r.set_list(
        Network,
        "feedback_ask",
        items(&["What did you see before I did?", "Where did I lose you?"]),
    );
    r.set_list(
        Network,
        "communities",
        items(&["Product meetup, first Thursday", "Clinic ops forum"]),
    );
    r.set_text(
        Risk,
        "risk",
        "Propose a small paid pilot with three clinics before any rebuild.".into(),
    );
    r.set_list(
        Risk,
        "rewards",
        items(&[
            "Real prices from real buyers",
            "A second chance at the product",
        ]),
    );
    r.set_list(
        Risk,
        "worst_cases",
        items(&["They say no: ask why, and try two more clinics"]),
    );
    r.set_text(
        Risk,
        "cost_of_waiting",
        "The product stays shelved and the lesson stays theory.".into(),
    );
    r.set_rating(Risk, "odds", Some(3));
    r.set_text(
        Risk,
        "first_step",
        "Email the three friendliest clinics".into(),
    );
    r.set_text(Risk, "first_step_date", "2026-12-04".into());
    r.set_rating(Plan, "weight_now", Some(2));
    r
}

/// The filled reflection, completed, looked at again twice: on 20 December
/// (a step moved, one done, the brave step taken, a next step added, an
/// answer under a key rebound has no question for) and on 17 January, when
/// it was settled.
// Only the rendering and export tests read check-ins.
#[allow(dead_code)]
pub fn checked_in_reflection() -> Reflection {
    use rebound::reflection::{
        BRAVE_KEY, BRAVE_TAKEN, Checkin, LOOK_AGAIN_FIELD, NEXT_LOOK_KEY, NEXT_STEP_DUE_KEY,
        NEXT_STEP_ID_KEY, NEXT_STEP_KEY, Outcome, Status, StepReview, WEIGHT_KEY,
    };
    use time::macros::date;
    let mut r = filled_reflection();
    r.status = Status::Completed;
    r.completed = Some(datetime!(2026-11-28 18:00 UTC));
    r.set_text(Stage::PLAN, LOOK_AGAIN_FIELD, "2026-12-19".into());
    let steps = r.steps();
    let review = |at: usize, due: &str, outcome| StepReview {
        id: steps[at].id.clone(),
        text: steps[at].text.clone(),
        due: due.into(),
        outcome,
    };

    let first_day = date!(2026 - 12 - 20);
    let mut first = Checkin::new(first_day);
    first.set_rating(WEIGHT_KEY, Some(3));
    first.set_steps(&[
        review(0, "2027-01-10", Outcome::Moved),
        review(2, "", Outcome::Done),
    ]);
    first.toggle_check(BRAVE_KEY, BRAVE_TAKEN);
    first.set_text(
        "brave_result",
        "Two clinics said yes to a small pilot.\nThe third never answered.".into(),
    );
    first.set_text(
        "working",
        "The Friday customer call. Writing the week down.".into(),
    );
    first.set_text("mood", "Steadier than in November".into());
    first.set_text(
        NEXT_STEP_KEY,
        "Share the pilot's first numbers with Priya".into(),
    );
    first.set_text(NEXT_STEP_DUE_KEY, "2027-01-08".into());
    let next_id = r.new_step_id("next_step", &[]);
    first.set_text(NEXT_STEP_ID_KEY, next_id.clone());
    first.set_text(NEXT_LOOK_KEY, "2027-01-17".into());
    r.record_checkin(first, first_day);

    let second_day = date!(2027 - 01 - 17);
    let mut second = Checkin::new(second_day);
    second.set_rating(WEIGHT_KEY, Some(2));
    second.set_steps(&[
        review(0, "2027-01-10", Outcome::Dropped),
        StepReview {
            id: next_id,
            text: "Share the pilot's numbers at the all-hands".into(),
            due: "2027-01-22".into(),
            outcome: Outcome::Changed,
        },
        StepReview {
            id: "pricing-notes".into(),
            text: "Write up what the pilot taught me about pricing".into(),
            due: "".into(),
            outcome: Outcome::Added,
        },
    ]);
    second.set_text(
        "story",
        "A launch I led slipped because we skipped talking to buyers. \
         I now start with a paid pilot, and the second one is going well."
            .into(),
    );
    second.set_text(NEXT_LOOK_KEY, "settled".into());
    r.record_checkin(second, second_day);
    r.updated = datetime!(2027-01-17 20:00 UTC);
    r
}
