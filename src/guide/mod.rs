//! A guide's content (titles, intros, questions, hints, examples) read from
//! TOML and checked; the default, `assets/guides/full.toml`, is embedded in
//! the binary at build time.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

mod fit;

pub use fit::{Unasked, fits};

use crate::role::{Place, Places, Role};
use crate::stage::{PLAN_KEY, Stage};

/// The default guide's name, as `rebound guides` lists it.
pub const DEFAULT_NAME: &str = "full";

/// The default guide's TOML, exactly as shipped (`rebound guides show full`).
pub const GUIDE_TOML: &str = include_str!("../../assets/guides/full.toml");

/// The kind of answer a question takes; decides both storage and editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Multi-line, soft-wrapped text.
    Text,
    /// One item a line.
    List,
    /// A fixed set of options, any number ticked.
    Checklist,
    /// A value from 1 to 5.
    Rating,
    /// A calendar date, typed as YYYY-MM-DD or a phrase like `+2w`.
    Date,
    /// Steps with text, an optional due date and a done mark.
    Actions,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldGuide {
    pub key: String,
    pub kind: FieldKind,
    pub label: String,
    pub hint: String,
    pub example: String,
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// Labels for ratings 1..=5.
    #[serde(default)]
    pub scale: Vec<String>,
    /// What the growth plan gathers it as, if anything.
    #[serde(default)]
    pub role: Option<Role>,
    /// What the plan calls it, in the guide's words, where the role's own
    /// name would not fit ("References" rather than "Ask for feedback").
    #[serde(default)]
    pub plan_label: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageGuide {
    #[serde(default)]
    pub key: String,
    pub title: String,
    pub tagline: String,
    pub intro: String,
    /// Whether the guide pane points to the free-writing page here.
    #[serde(default)]
    pub writing: bool,
    #[serde(default)]
    pub fields: Vec<FieldGuide>,
}

impl StageGuide {
    pub fn field(&self, key: &str) -> Option<&FieldGuide> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn field_index(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// What `rebound guides` calls it.
    #[serde(default)]
    pub title: Option<String>,
    /// One line on who it is for.
    #[serde(default)]
    pub summary: Option<String>,
    /// How long it takes done properly, as people say it ("45–70").
    #[serde(default, deserialize_with = "minutes_as_text")]
    pub minutes: Option<String>,
    /// Raised by the guide's author when its questions change; each
    /// reflection records the version it was written with.
    #[serde(default = "first_version")]
    pub version: u32,
    /// A longer guide that carries on from this one in the same file: all
    /// of this guide's keys are that guide's too.
    #[serde(default)]
    pub deeper: Option<String>,
    stages: Vec<StageGuide>,
    plan: StageGuide,
    /// `places()`, made once: every reflection read asks for it.
    #[serde(skip)]
    places: OnceLock<Arc<Places>>,
    /// The stages' handles, made once: the walk is asked for on every draw,
    /// and making a handle looks its key up in a shared table.
    #[serde(skip)]
    handles: OnceLock<Vec<Stage>>,
}

fn first_version() -> u32 {
    1
}

/// More stages or questions than a screen's progress line can show, or a
/// person could answer in one sitting.
pub const MOST_STAGES: usize = 12;
pub const MOST_FIELDS: usize = 12;
/// Longer than any title or question a person reads at a glance; what
/// needs more words belongs in an intro or a hint.
const LONGEST_LINE: usize = 160;

/// `minutes = 20` is as natural to write as `minutes = "20–30"`; both read.
fn minutes_as_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct Minutes;
    impl serde::de::Visitor<'_> for Minutes {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number of minutes, or a range in quotes like \"20–30\"")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
            Ok(text.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<String, E> {
            Ok(n.to_string())
        }
    }
    d.deserialize_any(Minutes).map(Some)
}

/// Why a guide's text is not a guide: TOML that does not read (with where,
/// when toml knows), or a guide that reads but is incomplete.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuideError {
    #[error("{message}")]
    Syntax {
        message: String,
        /// Bytes of the text the mistake is at.
        span: Option<Range<usize>>,
    },
    #[error("{0}")]
    Invalid(String),
}

impl Guide {
    /// The guide shipped inside the binary, parsed and checked once.
    pub fn builtin() -> Result<&'static Guide, String> {
        static GUIDE: OnceLock<Result<Guide, String>> = OnceLock::new();
        GUIDE
            .get_or_init(|| {
                Guide::parse(GUIDE_TOML).map_err(|e| format!("assets/guides/full.toml: {e}"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A guide of no questions, only the plan: what stands in should the
    /// built-in one ever fail to parse (its tests make sure it does not).
    pub fn empty() -> Guide {
        Guide {
            title: None,
            summary: None,
            minutes: None,
            version: 1,
            deeper: None,
            stages: Vec::new(),
            places: OnceLock::new(),
            handles: OnceLock::new(),
            plan: StageGuide {
                key: PLAN_KEY.into(),
                title: "Growth plan".into(),
                tagline: String::new(),
                intro: String::new(),
                writing: false,
                fields: Vec::new(),
            },
        }
    }

    /// Parses and validates guide content, so a broken asset fails loudly in tests
    /// rather than as a confusing screen.
    pub fn parse(text: &str) -> Result<Guide, String> {
        Guide::read(text).map_err(|e| e.to_string())
    }

    /// Like `parse`, keeping where in the text a TOML mistake is, so a
    /// person's own guide file can be reported by line and column.
    pub fn read(text: &str) -> Result<Guide, GuideError> {
        let mut guide: Guide = toml::from_str(text).map_err(|e| GuideError::Syntax {
            message: in_guide_words(text, e.message().trim(), e.span()),
            span: e.span(),
        })?;
        guide.plan.key = PLAN_KEY.to_string();
        guide.validate().map_err(GuideError::Invalid)?;
        guide.clean();
        Ok(guide)
    }

    /// A person's own guide is text from a file, like an answer: escape
    /// sequences never reach the terminal from it. Lines stay lines where a
    /// guide writes paragraphs (intros, hints, examples).
    fn clean(&mut self) {
        let line = |s: &mut String| *s = crate::text::printable_line(s).into_owned();
        let text = |s: &mut String| *s = crate::text::printable(s).into_owned();
        for s in [&mut self.title, &mut self.summary, &mut self.minutes]
            .into_iter()
            .flatten()
        {
            line(s);
        }
        for stage in self.stages.iter_mut().chain([&mut self.plan]) {
            line(&mut stage.title);
            line(&mut stage.tagline);
            text(&mut stage.intro);
            for field in &mut stage.fields {
                line(&mut field.label);
                field.plan_label.iter_mut().for_each(line);
                text(&mut field.hint);
                text(&mut field.example);
                field.options.iter_mut().for_each(|o| line(&mut o.label));
                field.scale.iter_mut().for_each(line);
            }
        }
    }

    /// How many questions a person is asked before the plan.
    pub fn question_count(&self) -> usize {
        self.stages.iter().map(|s| s.fields.len()).sum()
    }

    fn validate(&self) -> Result<(), String> {
        if self.stages.is_empty() {
            return Err("a guide needs at least one [[stages]] with questions".into());
        }
        if self.stages.len() > MOST_STAGES {
            return Err(format!(
                "{} stages; a guide has at most {MOST_STAGES}",
                self.stages.len()
            ));
        }
        let mut stage_keys = HashSet::new();
        for stage in &self.stages {
            let at = if stage.key.is_empty() {
                "a stage".to_string()
            } else {
                format!("stage {}", stage.key)
            };
            if !is_key(&stage.key) {
                return Err(format!(
                    "{at} needs a key of a-z, 0-9 and _ (found \"{}\")",
                    stage.key
                ));
            }
            if stage.key == PLAN_KEY {
                return Err("\"plan\" is the growth plan's key; name the stage otherwise".into());
            }
            if !stage_keys.insert(stage.key.as_str()) {
                return Err(format!("{at} appears twice"));
            }
            if stage.title.trim().is_empty() {
                return Err(format!("{at} needs a title"));
            }
            if stage.fields.is_empty() {
                return Err(format!("{at} has no questions"));
            }
            if stage.fields.len() > MOST_FIELDS {
                return Err(format!("{at} has more than {MOST_FIELDS} questions"));
            }
        }
        // Each role, the stage it is in and where, as "stage.field".
        let mut roles: Vec<(Role, &str, String)> = Vec::new();
        for stage in self.stages.iter().chain(std::iter::once(&self.plan)) {
            let mut keys = HashSet::new();
            for field in &stage.fields {
                let at = format!("{}.{}", stage.key, field.key);
                if !is_key(&field.key) {
                    return Err(format!("{at} needs a key of a-z, 0-9 and _"));
                }
                if !keys.insert(field.key.as_str()) {
                    return Err(format!("{at} appears twice"));
                }
                if crate::role::is_bookkeeping(&field.key, stage.key == PLAN_KEY) {
                    return Err(format!(
                        "{at}: rebound keeps its own notes under \"{}\"; name the question otherwise",
                        field.key
                    ));
                }
                if field.label.trim().is_empty() || field.hint.trim().is_empty() {
                    return Err(format!("{at} needs a label and a hint"));
                }
                let long = [&stage.title, &stage.tagline, &field.label]
                    .into_iter()
                    .chain(&field.plan_label)
                    .chain(field.options.iter().map(|o| &o.label))
                    .chain(&field.scale)
                    .any(|s| s.chars().count() > LONGEST_LINE);
                if long {
                    return Err(format!(
                        "{at}: titles, taglines, labels, options and scale words are one line of at most {LONGEST_LINE} characters"
                    ));
                }
                let mut options = HashSet::new();
                if field.options.len() > MOST_FIELDS * 2
                    || !field
                        .options
                        .iter()
                        .all(|o| !o.key.trim().is_empty() && options.insert(&o.key))
                {
                    return Err(format!(
                        "{at}: a checklist has at most {} options, each with a key of its own",
                        MOST_FIELDS * 2
                    ));
                }
                match field.kind {
                    FieldKind::Rating if field.scale.len() != 5 => {
                        return Err(format!("{at} is a rating and needs five scale labels"));
                    }
                    FieldKind::Checklist if field.options.is_empty() => {
                        return Err(format!("{at} is a checklist and needs options"));
                    }
                    _ => {}
                }
                let Some(role) = field.role else { continue };
                if !role.kinds().contains(&field.kind) {
                    let kinds: Vec<String> = role
                        .kinds()
                        .iter()
                        .map(|k| format!("{k:?}").to_lowercase())
                        .collect();
                    return Err(format!(
                        "{at} has role {} and must be a {} question",
                        role.name(),
                        kinds.join(" or ")
                    ));
                }
                if let Some((_, _, first)) = roles.iter().find(|(r, ..)| *r == role) {
                    return Err(format!(
                        "{at} has role {}, which {first} already has",
                        role.name()
                    ));
                }
                roles.push((role, stage.key.as_str(), at));
            }
        }
        for field in &self.plan.fields {
            if field.role != Some(Role::WeightNow) {
                return Err(format!(
                    "plan.{}: the plan asks only how heavy it feels now (a rating with role weight_now)",
                    field.key
                ));
            }
        }
        if roles
            .iter()
            .any(|(r, s, _)| *r == Role::WeightNow && *s != PLAN_KEY)
        {
            return Err("role weight_now belongs on the [plan]".into());
        }
        let stage_of = |role| roles.iter().find(|(r, ..)| *r == role).map(|(_, s, _)| *s);
        if let Some(date) = stage_of(Role::FirstStepDate)
            && stage_of(Role::FirstStep) != Some(date)
        {
            return Err(format!(
                "{date}: role first_step_date needs role first_step in the same stage"
            ));
        }
        Ok(())
    }

    /// Checks that this guide can carry on in `deeper` in the same file:
    /// every question it asks is asked there, under the same keys and kind.
    /// Its roles must be the same questions' roles there, or a tick or a
    /// weight would move out of sight on going deeper; its checklists'
    /// options must be options there too.
    pub fn continues_in(&self, deeper: &Guide) -> Result<(), String> {
        for stage in self.walk() {
            for field in &self.stage(stage).fields {
                let there = deeper
                    .stage_keyed(stage.key())
                    .and_then(|s| deeper.stage(s).field(&field.key));
                let at = format!("{}.{}", stage.key(), field.key);
                let Some(there) = there.filter(|f| f.kind == field.kind) else {
                    return Err(format!(
                        "{at} is not a {} question of the guide it goes deeper in",
                        format!("{:?}", field.kind).to_lowercase()
                    ));
                };
                if there.role != field.role {
                    return Err(format!(
                        "{at} plays another role in the guide it goes deeper in"
                    ));
                }
                if let Some(option) = field
                    .options
                    .iter()
                    .find(|o| !there.options.iter().any(|t| t.key == o.key))
                {
                    return Err(format!(
                        "{at}: option {} is not one of the guide it goes deeper in",
                        option.key
                    ));
                }
            }
        }
        Ok(())
    }

    /// The question stages, in walking order.
    pub fn stages(&self) -> impl Iterator<Item = Stage> + '_ {
        self.handles
            .get_or_init(|| {
                self.stages
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Stage::question(i, &s.key))
                    .collect()
            })
            .iter()
            .copied()
    }

    /// Every stage in walking order, the plan last.
    pub fn walk(&self) -> impl Iterator<Item = Stage> + '_ {
        self.stages().chain(std::iter::once(Stage::PLAN))
    }

    /// How many question stages the walk has.
    pub fn stage_count(&self) -> usize {
        self.stages.len()
    }

    /// Where every walk starts.
    pub fn first_stage(&self) -> Stage {
        self.stages().next().unwrap_or(Stage::PLAN)
    }

    /// The stage saved under `key`, the plan included.
    pub fn stage_keyed(&self, key: &str) -> Option<Stage> {
        self.walk().find(|s| s.key() == key)
    }

    pub fn next(&self, stage: Stage) -> Option<Stage> {
        let mut walk = self.walk().skip_while(|s| *s != stage);
        walk.next()?;
        walk.next()
    }

    pub fn prev(&self, stage: Stage) -> Option<Stage> {
        self.walk().take_while(|s| *s != stage).last()
    }

    /// "stage 4 of 7", or "growth plan".
    pub fn reached(&self, stage: Stage) -> String {
        crate::stage::reached_phrase(stage, self.stage_count())
    }

    /// A stage's content. A stage from another guide is found by its key;
    /// one this guide does not have reads as the plan, never as a panic.
    pub fn stage(&self, stage: Stage) -> &StageGuide {
        if let Some(i) = stage.question_index() {
            match self.stages.get(i) {
                Some(s) if s.key == stage.key() => return s,
                _ => {}
            }
            if let Some(s) = self.stages.iter().find(|s| s.key == stage.key()) {
                return s;
            }
        }
        &self.plan
    }

    pub fn field(&self, stage: Stage, index: usize) -> Option<&FieldGuide> {
        self.stage(stage).fields.get(index)
    }

    /// The question that plays `role`, and its stage.
    pub fn role(&self, role: Role) -> Option<(Stage, &FieldGuide)> {
        self.walk().find_map(|stage| {
            let field = self
                .stage(stage)
                .fields
                .iter()
                .find(|f| f.role == Some(role))?;
            Some((stage, field))
        })
    }

    /// Where each role's answer is kept, for the model; shared, as every
    /// reflection in the guide holds the same.
    pub fn places(&self) -> Arc<Places> {
        Arc::clone(self.places.get_or_init(|| Arc::new(self.find_places())))
    }

    fn find_places(&self) -> Places {
        Places::new(
            self.walk()
                .flat_map(|stage| {
                    self.stage(stage).fields.iter().filter_map(move |f| {
                        let place = Place {
                            stage: stage.key().to_string(),
                            field: f.key.clone(),
                        };
                        Some((f.role?, place))
                    })
                })
                .collect(),
        )
    }

    /// Every (stage, field) pair in walking order, the plan last.
    pub fn all_fields(&self) -> impl Iterator<Item = (Stage, &FieldGuide)> {
        self.walk()
            .flat_map(move |s| self.stage(s).fields.iter().map(move |f| (s, f)))
    }
}

/// The parser says "unknown variant" of a value it cannot read as one of
/// a set; a person wrote a role or a kind, so it says which.
fn in_guide_words(text: &str, message: &str, span: Option<Range<usize>>) -> String {
    let line = span
        .and_then(|s| text.get(..s.start))
        .and_then(|before| before.rsplit('\n').next())
        .unwrap_or("");
    match line.split('=').next().map(str::trim) {
        Some(what @ ("role" | "kind")) => {
            message.replacen("unknown variant", &format!("unknown {what}"), 1)
        }
        _ => message.to_string(),
    }
}

/// A stage or field key: what a file can hold as a TOML key unquoted.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stage::FullStages;

    #[test]
    fn builtin_guide_has_seven_stages_and_a_plan() {
        let guide = Guide::builtin().expect("embedded guide is valid");
        for stage in Stage::QUESTION_STAGES {
            let content = guide.stage(stage);
            assert_eq!(content.key, stage.key());
            assert!(
                !content.intro.trim().is_empty(),
                "{} has an intro",
                stage.key()
            );
            for field in &content.fields {
                assert!(
                    !field.example.trim().is_empty(),
                    "{} has an example",
                    field.key
                );
            }
        }
        assert_eq!(guide.stage(Stage::PLAN).fields[0].key, "weight_now");
    }

    #[test]
    fn builtin_guide_uses_every_field_kind() {
        let guide = Guide::builtin().expect("embedded guide is valid");
        let kinds: HashSet<String> = guide
            .all_fields()
            .map(|(_, f)| format!("{:?}", f.kind))
            .collect();
        assert_eq!(kinds.len(), 7, "kinds used: {kinds:?}");
    }

    #[test]
    fn a_rating_without_five_labels_is_rejected() {
        let text = GUIDE_TOML.replacen("scale = [", "scale = [\"extra\", ", 1);
        let err = Guide::parse(&text).expect_err("six labels must be refused");
        assert!(err.contains("five scale labels"), "{err}");
    }

    #[test]
    fn the_full_guide_names_its_title_summary_and_length() {
        let guide = builtin();
        assert_eq!(guide.title.as_deref(), Some("The full guide"));
        assert!(guide.summary.as_deref().is_some_and(|s| !s.contains('\n')));
        assert_eq!(guide.minutes.as_deref(), Some("45–70"));
        assert_eq!(guide.question_count(), 34);
    }

    #[test]
    fn a_guide_without_title_summary_or_minutes_still_reads() {
        let bare: String = GUIDE_TOML
            .lines()
            .filter(|l| {
                !["title = \"The full", "summary =", "minutes ="]
                    .iter()
                    .any(|k| l.starts_with(k))
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let guide = Guide::parse(&bare).expect("metadata is optional");
        assert_eq!(guide.title, None);
        assert_eq!(guide.minutes, None);
    }

    #[test]
    fn minutes_may_be_a_plain_number() {
        let text = GUIDE_TOML.replacen("minutes = \"45–70\"", "minutes = 20", 1);
        let guide = Guide::parse(&text).expect("a number of minutes reads");
        assert_eq!(guide.minutes.as_deref(), Some("20"));
        let text = GUIDE_TOML.replacen("minutes = \"45–70\"", "minutes = true", 1);
        let err = Guide::parse(&text).expect_err("true is not a length");
        assert!(err.contains("number of minutes"), "{err}");
    }

    /// Found in review: a person's own guide was not cleaned as answers
    /// are, so an escape sequence in a hint would reach the terminal.
    #[test]
    fn escape_sequences_in_a_guide_never_reach_the_terminal() {
        let text = GUIDE_TOML.replacen("hint = \"", "hint = \"\\u001b[2J\\u001b]0;PWNED\\u0007", 1);
        let guide = Guide::read(&text).expect("reads");
        let hint = &guide.stage(Stage::Perspective).fields[0].hint;
        assert!(
            !hint.chars().any(|c| c.is_control() && c != '\n'),
            "{hint:?}"
        );
    }

    #[test]
    fn a_toml_mistake_says_where_it_is_in_the_text() {
        let text = GUIDE_TOML.replacen("minutes = \"45–70\"", "minutes = 45 to 70", 1);
        let Err(GuideError::Syntax { message, span }) = Guide::read(&text) else {
            panic!("a bare word is not TOML");
        };
        let at = span.expect("toml knows where").start;
        assert!(text[at..].starts_with("45"), "{message} at {at}");
        assert!(!message.contains('\n'), "one line: {message}");
    }

    /// A guide of its own shape: two stages named as its author likes,
    /// and roles that give the plan its goals, steps and weights.
    const TWO_STAGES: &str = r#"
[[stages]]
key = "what_happened"
title = "What happened"
tagline = "The facts."
intro = "Facts first."
[[stages.fields]]
key = "facts"
kind = "text"
label = "What happened?"
hint = "A few sentences."
example = "No offer."
[[stages.fields]]
key = "weight"
kind = "rating"
label = "How heavy?"
hint = "Not a verdict."
example = "3"
scale = ["a", "b", "c", "d", "e"]
role = "weight_start"
[[stages]]
key = "next"
title = "Next"
tagline = "One step."
intro = "Small is fine."
[[stages.fields]]
key = "todo"
kind = "actions"
label = "What will you do?"
hint = "Dated steps."
example = "Call Sam"
role = "steps"
[plan]
title = "Plan"
tagline = "On one page."
intro = "Here it is."
"#;

    #[test]
    fn a_guide_declares_its_own_stages_and_the_roles_the_plan_reads() {
        let guide = Guide::read(TWO_STAGES).expect("a guide of two stages reads");
        let keys: Vec<&str> = guide.walk().map(|s| s.key()).collect();
        assert_eq!(keys, ["what_happened", "next", "plan"]);
        assert_eq!(guide.reached(guide.first_stage()), "stage 1 of 2");
        let (stage, steps) = guide.role(Role::Steps).expect("steps declared");
        assert_eq!((stage.key(), steps.key.as_str()), ("next", "todo"));
        assert!(guide.role(Role::Goals).is_none());
        let places = guide.places();
        assert_eq!(
            places.role_at("what_happened", "weight"),
            Some(Role::WeightStart)
        );
    }

    #[test]
    fn each_broken_guide_says_what_is_wrong() {
        let broken = [
            (TWO_STAGES.replace("key = \"next\"", "key = \"what_happened\""), "appears twice"),
            (TWO_STAGES.replace("key = \"next\"", "key = \"plan\""), "growth plan's key"),
            (TWO_STAGES.replace("key = \"next\"", "key = \"Next Steps\""), "a-z, 0-9 and _"),
            (
                TWO_STAGES.replace("role = \"steps\"", "role = \"weight_start\""),
                "rating question",
            ),
            (
                TWO_STAGES.replace("role = \"weight_start\"", "role = \"steps\""),
                "must be a actions question",
            ),
            (
                TWO_STAGES.replace("example = \"Call Sam\"\nrole = \"steps\"", "example = \"x\"\nrole = \"first_step_date\""),
                "date question",
            ),
            (
                TWO_STAGES.replace("[plan]", "[plan]\nfields = [{ key = \"x\", kind = \"line\", label = \"x?\", hint = \"x\", example = \"x\" }]"),
                "the plan asks only",
            ),
        ];
        let long = "x".repeat(161);
        let broken = broken.into_iter().chain([
            (TWO_STAGES.replace("key = \"facts\"", "key = \"first_step_id\""), "keeps its own notes"),
            (TWO_STAGES.replace("label = \"What happened?\"", &format!("label = \"{long}?\"")), "at most 160"),
            (TWO_STAGES.replace("title = \"Next\"", "title = \" \""), "needs a title"),
            (
                TWO_STAGES.replace("role = \"steps\"", "role = \"weight_start\"").replace("kind = \"actions\"", "kind = \"rating\"\nscale = [\"a\", \"b\", \"c\", \"d\", \"e\"]"),
                "which what_happened.weight already has",
            ),
            (
                TWO_STAGES.replace("kind = \"text\"\nlabel = \"What happened?\"", "kind = \"checklist\"\noptions = [{ key = \"a\", label = \"A\" }, { key = \"a\", label = \"B\" }]\nlabel = \"What happened?\""),
                "a key of its own",
            ),
        ]);
        for (text, expected) in broken {
            let err = Guide::read(&text).expect_err(expected).to_string();
            assert!(err.contains(expected), "{expected}: {err}");
        }
        let none = "[plan]\ntitle = \"P\"\ntagline = \"t\"\nintro = \"i\"\n";
        let err = Guide::parse(&format!("stages = []\n{none}")).expect_err("no stages");
        assert!(err.contains("at least one"), "{err}");
    }

    #[test]
    fn an_unknown_role_is_named_where_it_is_with_the_roles_there_are() {
        let text = TWO_STAGES.replace("role = \"steps\"", "role = \"homework\"");
        let Err(GuideError::Syntax { message, span }) = Guide::read(&text) else {
            panic!("homework is not a role");
        };
        assert!(message.contains("unknown role `homework`"), "{message}");
        assert!(message.contains("first_step"), "lists the roles: {message}");
        let at = span.expect("toml knows where").start;
        assert!(text[at..].starts_with("\"homework\""), "{message} at {at}");
    }

    #[test]
    fn the_full_guide_gives_the_plan_every_role() {
        let places = builtin().places();
        // A story told in two sentences is the job-loss guide's; the full
        // guide's plan has every other part.
        for role in Role::ALL.into_iter().filter(|r| *r != Role::Story) {
            assert!(places.get(role).is_some(), "{} is declared", role.name());
        }
        let (stage, field) = builtin().role(Role::Steps).expect("steps");
        assert_eq!((stage.key(), field.key.as_str()), ("goals", "steps"));
    }

    fn builtin() -> &'static Guide {
        Guide::builtin().expect("embedded guide is valid")
    }

    /// Found in review: the odds example said "Better than even" for a 3,
    /// which the scale calls "Even chance".
    #[test]
    fn a_rating_example_uses_the_words_its_scale_gives_that_number() {
        for (stage, field) in builtin().all_fields() {
            if field.kind != FieldKind::Rating {
                continue;
            }
            let at = format!("{}.{}", stage.key(), field.key);
            let number = field.example.chars().next().and_then(|c| c.to_digit(10));
            let Some(n) = number.filter(|n| (1..=5).contains(n)) else {
                panic!("{at}: the example starts with its number");
            };
            let example = field.example.to_lowercase();
            for (i, label) in field.scale.iter().enumerate() {
                let named = example.contains(&label.to_lowercase());
                assert!(!named || i + 1 == n as usize, "{at}: {n} is not {label}");
            }
        }
        let odds = builtin().stage(Stage::Risk).field("odds").expect("odds");
        assert!(odds.example.to_lowercase().contains("even chance"));
    }

    /// Found in review: "Say more about each cause:" was the one label that
    /// was not a question, and exported as a heading ending in a colon.
    #[test]
    fn every_label_is_a_question() {
        for (stage, field) in builtin().all_fields() {
            assert!(
                field.label.ends_with('?'),
                "{}.{}: {}",
                stage.key(),
                field.key,
                field.label
            );
        }
    }

    /// The first stage asks for the facts, then the weight and what helps,
    /// and only then for what it might mean.
    #[test]
    fn perspective_asks_facts_then_weight_and_support_then_meaning() {
        let perspective = builtin().stage(Stage::Perspective);
        let at = |key| perspective.field_index(key).expect(key);
        assert!(at("what_happened") < at("weight_today"));
        assert!(at("weight_today") < at("hardest"));
        assert!(at("support") < at("lesson"));
        assert!(at("lesson") < at("ability"));
    }

    /// Below 90 columns only the hint shows, so what a distressed reader
    /// must see cannot live only in an intro.
    #[test]
    fn what_a_reader_in_distress_must_see_is_in_a_hint() {
        let perspective = builtin().stage(Stage::Perspective);
        let hints: Vec<&str> = perspective.fields.iter().map(|f| f.hint.as_str()).collect();
        let any = |words: &str| hints.iter().any(|h| h.contains(words));
        assert!(any("Skip any question"), "permission to skip");
        assert!(any("not a verdict"), "not a verdict");
        assert!(any("capable people"), "it happens to capable people");
        let support = perspective.field("support").expect("support");
        assert!(support.hint.contains("counsellor"), "{}", support.hint);
    }

    /// Old files name only the options they had; a new cause is one more key.
    #[test]
    fn personal_circumstances_is_a_cause_beside_the_old_ones() {
        let causes = builtin()
            .stage(Stage::Deconstruct)
            .field("causes")
            .expect("causes");
        let keys: Vec<&str> = causes.options.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(
            keys,
            ["skills", "decision", "external", "circumstances", "other"]
        );
    }
}
