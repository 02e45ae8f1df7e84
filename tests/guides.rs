//! Every built-in guide, walked: each stage and its growth plan drawn at
//! 80x24 with the guide's own examples as answers (snapshots in
//! tests/snapshots/), and a person's own guide that changes and then
//! disappears while every answer still shows.

use std::path::Path;
use std::process::{Command, Output};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rebound::guide::{FieldKind, Guide};
use rebound::guides::Catalogue;
use rebound::reflection::{ActionItem, Reflection};
use rebound::tui::screens::draw;
use rebound::tui::state::App;
use time::UtcOffset;
use time::macros::{date, datetime};

/// A reflection in `guide` with every question answered by its example,
/// the way the guide's running example would have answered it.
fn answered_by_examples(name: &str, guide: &Guide) -> Reflection {
    let mut r = Reflection::in_guide(
        format!("2026-11-20-{name}"),
        format!("Walking the {name} guide"),
        datetime!(2026-11-20 09:30 UTC),
        name,
        guide,
    );
    for stage in guide.walk() {
        for field in &guide.stage(stage).fields {
            let key = field.key.as_str();
            let example = field.example.trim();
            match field.kind {
                FieldKind::Line | FieldKind::Text => r.set_text(stage, key, example.into()),
                FieldKind::Date => r.set_text(stage, key, "2026-12-14".into()),
                FieldKind::List => r.set_list(
                    stage,
                    key,
                    example.split(" / ").map(str::to_string).collect(),
                ),
                FieldKind::Checklist => {
                    if let Some(first) = field.options.first() {
                        r.toggle_check(stage, key, &first.key);
                    }
                }
                FieldKind::Rating => {
                    let n = example.chars().next().and_then(|c| c.to_digit(10));
                    r.set_rating(stage, key, n.and_then(|n| u8::try_from(n).ok()));
                }
                FieldKind::Actions => r.set_actions(
                    stage,
                    key,
                    example
                        .split(" / ")
                        .map(|text| ActionItem {
                            text: text.into(),
                            due: "2026-12-07".into(),
                            ..ActionItem::default()
                        })
                        .collect(),
                ),
            }
        }
    }
    r
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| draw(frame, app)).expect("draw");
    terminal.backend().to_string()
}

/// The built-in guides, as the catalogue lists them.
fn built_in() -> Vec<(String, Guide)> {
    let catalogue = Catalogue::load(None);
    assert!(catalogue.problems.is_empty(), "{:?}", catalogue.problems);
    catalogue
        .guides
        .iter()
        .map(|e| (e.name.clone(), e.guide.clone().into_owned()))
        .collect()
}

#[test]
fn every_stage_of_every_built_in_guide_draws_at_80x24() {
    let default = Guide::builtin().expect("embedded guide is valid");
    for (name, guide) in built_in() {
        let answered = answered_by_examples(&name, &guide);
        for stage in guide.walk() {
            let mut app = App::new(default, date!(2026 - 11 - 29), UtcOffset::UTC);
            let mut r = answered.clone();
            r.position.stage = stage.key().into();
            r.position.field = String::new();
            app.open_reflection(r);
            let shot = screen(&app, 80, 24);
            let content = guide.stage(stage);
            assert!(
                shot.contains(content.title.as_str()),
                "{name}/{}: the title shows\n{shot}",
                stage.key()
            );
            if let Some(first) = content.fields.first().filter(|_| !stage.is_plan()) {
                assert!(
                    shot.contains(&first.label[..first.label.len().min(20)]),
                    "{name}/{}: the first question shows\n{shot}",
                    stage.key()
                );
            }
            let place = match stage.question_index() {
                Some(i) => format!("{}_{}", i + 1, stage.key()),
                None => "plan".to_string(),
            };
            insta::assert_snapshot!(format!("guide_{name}_{place}"), shot);
        }
    }
}

#[test]
fn every_built_in_guide_gives_its_plan_goals_or_steps_a_first_step_and_the_weights() {
    use rebound::role::Role;
    for (name, guide) in built_in() {
        let declared = |role| guide.role(role).is_some();
        assert!(
            declared(Role::WeightStart) && declared(Role::WeightNow),
            "{name} weighs it"
        );
        assert!(declared(Role::Support), "{name} asks what helps");
        assert!(
            declared(Role::FirstStep) && declared(Role::FirstStepDate),
            "{name} has one dated step"
        );
        let plan = rebound::outline::growth_plan(
            &answered_by_examples(&name, &guide),
            &guide,
            date!(2026 - 11 - 29),
        );
        assert!(plan.steps().count() >= 1, "{name}: the plan has its steps");
        assert!(
            rebound::lifecycle::missing_for_completion(&answered_by_examples(&name, &guide))
                .is_empty(),
            "{name}: answered by its examples, it can be marked complete"
        );
    }
}

#[test]
fn the_ten_minute_guide_goes_deeper_in_the_full_one_with_every_answer_in_place() {
    let guides = built_in();
    let (_, quick) = guides
        .iter()
        .find(|(n, _)| n == "ten-minute")
        .expect("ten-minute");
    let full = Guide::builtin().expect("full");
    assert_eq!(quick.deeper.as_deref(), Some("full"));
    let mut r = answered_by_examples("ten-minute", quick);
    let before = rebound::outline::stage_answers(&r, quick);
    r.follow_guide("full", full);
    assert_eq!(r.guide, "full");
    assert!(
        r.unasked(full).is_empty(),
        "every answer is a question of full"
    );
    let after = rebound::outline::stage_answers(&r, full);
    for stage in before {
        for answer in stage.answers {
            let found = after
                .iter()
                .flat_map(|s| &s.answers)
                .any(|a| a.value == answer.value);
            assert!(found, "{} is still answered", answer.question);
        }
    }
    let step = r
        .first_step()
        .expect("the one step is the full guide's first step");
    assert_eq!(step.due, "2026-12-14");
}

// A person's own guide, changed and then removed, from the command line.

fn rebound(data: &Path, guides: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rebound"))
        .args(args)
        .env("REBOUND_DATA_DIR", data)
        .env("REBOUND_GUIDES_DIR", guides)
        .env("NO_COLOR", "1")
        .env_remove("REBOUND_TODAY")
        .output()
        .expect("run rebound")
}

const OWN_GUIDE: &str = r#"title = "After an interview"
version = 1

[[stages]]
key = "what_happened"
title = "What happened"
tagline = "The facts."
intro = "Facts first."

[[stages.fields]]
key = "facts"
kind = "text"
label = "What happened in the interview?"
hint = "A few sentences."
example = "No offer."

[[stages.fields]]
key = "old_question"
kind = "line"
label = "What did they ask that surprised you?"
hint = "One line."
example = "A case study."

[[stages]]
key = "next"
title = "Next"
tagline = "Steps."
intro = "Small ones."

[[stages.fields]]
key = "todo"
kind = "actions"
label = "What will you do?"
hint = "Dated steps."
example = "Ask for feedback"
role = "steps"

[plan]
title = "Plan"
tagline = "One page."
intro = "Here."
"#;

/// The reflection a person walked in their own guide, as the file holds it.
fn walked_in_own_guide(data: &Path) {
    let dir = data.join("reflections");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("2026-11-20-interview.toml"),
        r#"schema_version = 2
id = "2026-11-20-interview"
title = "The interview"
status = "in-progress"
created = "2026-11-20T09:30:00Z"
guide = "interview"
guide_version = 1

[answers.what_happened]
facts = "Final round, no offer."
old_question = "Whiteboard a migration plan."

[answers.next]
todo = [{ id = "ask-feedback", text = "Ask Mara for feedback", due = "2026-12-01", done = false }]
"#,
    )
    .expect("write");
}

#[test]
fn answers_survive_their_own_guide_changing_and_then_disappearing() {
    let data = tempfile::tempdir().expect("temp dir");
    let guides = tempfile::tempdir().expect("temp dir");
    let file = guides.path().join("interview.toml");
    std::fs::write(&file, OWN_GUIDE).expect("write guide");
    walked_in_own_guide(data.path());
    let show = |expect_note: bool| {
        let out = rebound(data.path(), guides.path(), &["show", "interview"]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{err}");
        for answer in [
            "Final round, no offer.",
            "Whiteboard a migration plan.",
            "Ask Mara for feedback",
        ] {
            assert!(text.contains(answer), "{answer} shows:\n{text}");
        }
        assert_eq!(err.contains("not installed"), expect_note, "{err}");
        text
    };
    let as_written = show(false);
    assert!(as_written.contains("What did they ask that surprised you?"));

    // The guide loses a question: its answer stays, as a question of its own.
    let changed = OWN_GUIDE
        .replace("version = 1", "version = 2")
        .replace(
            "[[stages.fields]]\nkey = \"old_question\"\nkind = \"line\"\nlabel = \"What did they ask that surprised you?\"\nhint = \"One line.\"\nexample = \"A case study.\"\n\n",
            "",
        );
    assert_ne!(changed, OWN_GUIDE);
    std::fs::write(&file, &changed).expect("change guide");
    let after_change = show(false);
    assert!(!after_change.contains("surprised you"), "{after_change}");
    assert!(after_change.contains("Old question"), "{after_change}");

    // The guide file is removed: the full guide stands in, nothing is lost,
    // and the steps are still found where the full guide keeps them or as
    // kept answers.
    std::fs::remove_file(&file).expect("remove guide");
    show(true);
    let json = rebound(
        data.path(),
        guides.path(),
        &["export", "interview", "--format", "json"],
    );
    let text = String::from_utf8_lossy(&json.stdout);
    assert!(text.contains("Ask Mara for feedback"), "{text}");
    assert!(
        text.contains("\"guide\": \"interview\""),
        "the file still names its guide: {text}"
    );
}

/// What the full guide's own tests ask of its words, asked of every
/// built-in guide: questions that are questions, examples whose numbers
/// mean what the scale says, and on the first stage, what a reader in
/// distress must see.
#[test]
fn every_built_in_guide_reads_as_calmly_as_the_full_one() {
    use rebound::role::Role;
    for (name, guide) in built_in() {
        for stage in guide.walk() {
            for field in &guide.stage(stage).fields {
                let at = format!("{name}/{}.{}", stage.key(), field.key);
                assert!(field.label.ends_with('?'), "{at}: {}", field.label);
                assert!(!field.example.trim().is_empty(), "{at} has an example");
                if field.kind != FieldKind::Rating {
                    continue;
                }
                let n = field.example.chars().next().and_then(|c| c.to_digit(10));
                let Some(n) = n.filter(|n| (1..=5).contains(n)) else {
                    panic!("{at}: the example starts with its number");
                };
                // "Very heavy" holds "heavy": a scale word named must at
                // least include the one for this number.
                let example = field.example.to_lowercase();
                let named = |label: &String| example.contains(&label.to_lowercase());
                let own = &field.scale[n as usize - 1];
                assert!(
                    !field.scale.iter().any(named) || named(own),
                    "{at}: {n} is {own}: {}",
                    field.example
                );
            }
        }
        // The chooser shows a summary whole on one line at 80 columns.
        let summary = guide.summary.as_deref().unwrap_or_default();
        assert!(
            !summary.is_empty() && summary.chars().count() <= 70,
            "{name}: {summary:?}"
        );
        let first = guide.stage(guide.first_stage());
        let hints: String = first.fields.iter().map(|f| f.hint.as_str()).collect();
        for words in ["Skip any question", "not a verdict", "capable people"] {
            assert!(
                hints.contains(words),
                "{name}: the first stage says {words:?}"
            );
        }
        let (_, support) = guide.role(Role::Support).expect("support");
        assert!(
            support.hint.contains("counsellor"),
            "{name}: {}",
            support.hint
        );
    }
}
