//! What has the keys now, and the key contexts each focus reads its keys in.

use crate::guide::FieldKind;
use crate::tui::keys::Context;

/// What has the keys now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Help,
    Confirm,
    /// Which guide a new reflection follows.
    GuideChooser,
    TitlePrompt,
    ExportPrompt,
    LookAgainPrompt,
    /// The search line on home.
    Search,
    Home,
    Agenda,
    Progress,
    /// The list of stories.
    Stories,
    /// A story being read.
    Story,
    /// A field of a question stage, of this kind.
    Field(FieldKind),
    /// The due date of an action step, being edited.
    DueDate,
    /// A question of a check-in, of this kind: a field's own keys, under
    /// the check-in's way of moving on and leaving.
    Checkin(FieldKind),
    /// A step's new date in a check-in's review.
    CheckinDueDate,
    /// The growth plan page of the walk.
    Plan,
    /// The growth plan of a guide that goes deeper in a longer one there is.
    DeeperPlan,
    Reading,
    /// Reading a sync tool's conflict copy: nothing here changes anything.
    ReadingCopy,
    /// The free-writing page.
    Writing,
}

impl Focus {
    /// Every focus the app can be in, for checks that must cover them all.
    pub const ALL: [Focus; 32] = [
        Focus::Help,
        Focus::Confirm,
        Focus::GuideChooser,
        Focus::TitlePrompt,
        Focus::ExportPrompt,
        Focus::LookAgainPrompt,
        Focus::Search,
        Focus::Home,
        Focus::Agenda,
        Focus::Progress,
        Focus::Stories,
        Focus::Story,
        Focus::Field(FieldKind::Line),
        Focus::Field(FieldKind::Text),
        Focus::Field(FieldKind::List),
        Focus::Field(FieldKind::Checklist),
        Focus::Field(FieldKind::Rating),
        Focus::Field(FieldKind::Date),
        Focus::Field(FieldKind::Actions),
        Focus::DueDate,
        Focus::Checkin(FieldKind::Line),
        Focus::Checkin(FieldKind::Text),
        Focus::Checkin(FieldKind::Checklist),
        Focus::Checkin(FieldKind::Rating),
        Focus::Checkin(FieldKind::Date),
        Focus::Checkin(FieldKind::Actions),
        Focus::CheckinDueDate,
        Focus::Plan,
        Focus::DeeperPlan,
        Focus::Reading,
        Focus::ReadingCopy,
        Focus::Writing,
    ];

    /// The binding contexts in force, most specific first.
    pub fn contexts(self) -> Vec<Context> {
        let specific: &[Context] = match self {
            Focus::Help => &[Context::Help],
            Focus::Confirm => &[Context::Confirm, Context::Commands],
            Focus::GuideChooser => &[Context::GuideChooser, Context::Commands],
            Focus::TitlePrompt => &[Context::TitlePrompt, Context::Text],
            Focus::ExportPrompt => &[Context::ExportPrompt, Context::Text],
            Focus::LookAgainPrompt => &[Context::LookAgainPrompt, Context::Text],
            Focus::Search => &[Context::HomeSearch, Context::Text],
            Focus::Home => &[Context::Home, Context::Commands],
            Focus::Agenda => &[Context::Agenda, Context::Commands],
            Focus::Progress => &[Context::Progress, Context::Commands],
            Focus::Stories => &[Context::Stories, Context::Commands],
            Focus::Story => &[Context::Story, Context::Commands],
            Focus::Reading => &[Context::Detail, Context::Commands],
            Focus::ReadingCopy => &[Context::CopyDetail, Context::Commands],
            Focus::Plan => &[Context::Plan, Context::PlanNav, Context::Commands],
            Focus::DeeperPlan => &[
                Context::Deeper,
                Context::Plan,
                Context::PlanNav,
                Context::Commands,
            ],
            Focus::Writing => &[Context::Writing, Context::MultiLine, Context::Text],
            Focus::DueDate => &[
                Context::DueDate,
                Context::Text,
                Context::StageNav,
                Context::StageGuide,
            ],
            Focus::CheckinDueDate => &[Context::DueDate, Context::Text, Context::CheckinNav],
            Focus::Checkin(kind) => match kind {
                FieldKind::Text | FieldKind::List => &[
                    Context::MultiLine,
                    Context::Text,
                    Context::CheckinNav,
                    Context::CheckinBack,
                ],
                FieldKind::Checklist => &[
                    Context::Checklist,
                    Context::CheckinNav,
                    Context::CheckinBack,
                    Context::Commands,
                ],
                FieldKind::Rating => &[
                    Context::Rating,
                    Context::CheckinNav,
                    Context::CheckinBack,
                    Context::Commands,
                ],
                FieldKind::Actions => &[
                    Context::Steps,
                    Context::Text,
                    Context::CheckinNav,
                    Context::CheckinBack,
                ],
                FieldKind::Line | FieldKind::Date => &[
                    Context::SingleLine,
                    Context::Text,
                    Context::CheckinNav,
                    Context::CheckinBack,
                ],
            },
            Focus::Field(kind) => match kind {
                FieldKind::Text | FieldKind::List => &[
                    Context::MultiLine,
                    Context::Text,
                    Context::StageNav,
                    Context::StageBack,
                    Context::StageGuide,
                ],
                FieldKind::Checklist => &[
                    Context::Checklist,
                    Context::StageNav,
                    Context::StageBack,
                    Context::StageGuide,
                    Context::Commands,
                ],
                FieldKind::Rating => &[
                    Context::Rating,
                    Context::StageNav,
                    Context::StageBack,
                    Context::StageGuide,
                    Context::Commands,
                ],
                FieldKind::Actions => &[
                    Context::Steps,
                    Context::Text,
                    Context::StageNav,
                    Context::StageBack,
                    Context::StageGuide,
                ],
                FieldKind::Line | FieldKind::Date => &[
                    Context::SingleLine,
                    Context::Text,
                    Context::StageNav,
                    Context::StageBack,
                    Context::StageGuide,
                ],
            },
        };
        let mut contexts = specific.to_vec();
        contexts.push(Context::Global);
        contexts
    }
}
