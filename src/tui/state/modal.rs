//! The prompts and confirmations that sit on top of a screen. There is at
//! most one at a time, so which one has the keys is never in doubt.

use ratatui_textarea::Input;

use crate::export::Format;
use crate::reflection::display_title;
use crate::text::clean_paste;
use crate::tui::editor::Editor;
use crate::tui::field::one_line_editor;
use crate::tui::keys::Action;

use super::{App, Effect, Message, Tone};

pub enum Modal {
    /// Which guide a new reflection follows, before its title.
    ChooseGuide(super::GuideChooser),
    /// A title for a new reflection, or a new title for the open one.
    Title(TitlePrompt),
    /// "Move this reflection to the trash?"
    ConfirmDelete(ConfirmDelete),
    /// Where to write the open reflection, and in which format.
    Export(ExportPrompt),
    /// The day to look again at the open reflection's plan.
    LookAgain(LookAgainPrompt),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitlePurpose {
    /// A new reflection, in the guide of this name.
    New(String),
    Rename,
}

/// A reflection to start: its title, and the name of the guide it follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReflection {
    pub title: String,
    pub guide: String,
}

pub struct TitlePrompt {
    pub editor: Editor,
    pub purpose: TitlePurpose,
}

pub struct ConfirmDelete {
    pub id: String,
    pub title: String,
}

pub struct ExportPrompt {
    pub editor: Editor,
    pub format: Format,
    /// Set once the person has been told the file exists.
    pub replace: bool,
    pub warning: Option<String>,
}

/// The day to look again, typed as a date or a phrase (`+3w`).
pub struct LookAgainPrompt {
    pub editor: Editor,
    /// Still the day it opened with (the current one or the example):
    /// typing replaces it, Enter keeps it.
    pub prefilled: bool,
    /// Why Enter did not save: the text is not a day rebound can read.
    pub warning: Option<String>,
}

impl App {
    pub fn title_prompt(&self) -> Option<&TitlePrompt> {
        match &self.modal {
            Some(Modal::Title(prompt)) => Some(prompt),
            _ => None,
        }
    }

    pub fn confirm_delete(&self) -> Option<&ConfirmDelete> {
        match &self.modal {
            Some(Modal::ConfirmDelete(confirm)) => Some(confirm),
            _ => None,
        }
    }

    pub fn export_prompt(&self) -> Option<&ExportPrompt> {
        match &self.modal {
            Some(Modal::Export(prompt)) => Some(prompt),
            _ => None,
        }
    }

    pub(super) fn export_prompt_mut(&mut self) -> Option<&mut ExportPrompt> {
        match &mut self.modal {
            Some(Modal::Export(prompt)) => Some(prompt),
            _ => None,
        }
    }

    pub fn open_title_prompt(&mut self, purpose: TitlePurpose) {
        let current = match (&purpose, &self.session) {
            (TitlePurpose::Rename, Some(s)) => s.reflection.title.clone(),
            _ => String::new(),
        };
        let mut editor = one_line_editor(current);
        editor.set_placeholder_text("e.g. The launch that slipped");
        self.show_modal(Modal::Title(TitlePrompt { editor, purpose }));
    }

    pub(super) fn ask_to_delete(&mut self, id: String, title: &str) {
        let title = display_title(title).to_string();
        self.show_modal(Modal::ConfirmDelete(ConfirmDelete { id, title }));
    }

    pub(super) fn open_export_prompt(&mut self) {
        let path = self.default_export_path(Format::Markdown);
        self.show_modal(Modal::Export(ExportPrompt {
            editor: one_line_editor(path),
            format: Format::Markdown,
            replace: false,
            warning: None,
        }));
    }

    /// A prompt on top starts a new exchange: a calm line left from the last
    /// one ("Wrote Markdown to …") would read as being about this question.
    /// Warnings stay: a failed save or a read-only file is still true.
    pub(super) fn show_modal(&mut self, modal: Modal) {
        let calm = |m: &Option<Message>| m.as_ref().is_some_and(|m| m.tone == Tone::Calm);
        if calm(&self.notice) {
            self.notice = None;
        }
        if let Some(session) = self.session.as_mut()
            && calm(&session.message)
        {
            session.message = None;
        }
        self.modal = Some(modal);
    }

    fn default_export_path(&self, format: Format) -> String {
        // A copy's export is named for the copy, so it never stands in for
        // (or replaces) an export of the original.
        let id = self.session.as_ref().map_or("reflection", |s| {
            s.copy_file().map_or(s.reflection.id.as_str(), |file| {
                file.strip_suffix(".toml").unwrap_or(file)
            })
        });
        self.export_dir
            .join(format!("{id}.{}", format.extension()))
            .display()
            .to_string()
    }

    /// On the way out, a title typed in the prompt but not confirmed is not
    /// dropped: a new title is applied to the open reflection, and a title for
    /// a new reflection is returned so the loop can create it.
    pub fn settle_title_prompt(&mut self) -> Option<NewReflection> {
        let Some(Modal::Title(prompt)) = self.modal.take() else {
            return None;
        };
        let title = prompt.editor.lines().join(" ").trim().to_string();
        if title.is_empty() {
            return None;
        }
        match prompt.purpose {
            TitlePurpose::New(guide) => Some(NewReflection { title, guide }),
            TitlePurpose::Rename => {
                self.rename(title);
                None
            }
        }
    }

    fn rename(&mut self, title: String) {
        if let Some(session) = self.session.as_mut()
            && session.reflection.title != title
            && session.read_only.is_none()
        {
            session.reflection.title = title;
            session.changed();
        }
    }

    pub(super) fn update_modal(&mut self, action: Action) -> Effect {
        match self.modal {
            Some(Modal::ConfirmDelete(_)) => self.update_confirm(action),
            Some(Modal::ChooseGuide(_)) => self.update_chooser(action),
            Some(Modal::Title(_)) => self.update_title(action),
            Some(Modal::Export(_)) => self.update_export(action),
            Some(Modal::LookAgain(_)) => self.update_look_again(action),
            None => Effect::None,
        }
    }

    fn update_confirm(&mut self, action: Action) -> Effect {
        match action {
            Action::ConfirmYes => match self.modal.take() {
                Some(Modal::ConfirmDelete(confirm)) => Effect::Delete(confirm.id),
                _ => Effect::None,
            },
            Action::ConfirmNo => {
                self.modal = None;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn update_title(&mut self, action: Action) -> Effect {
        let Some(Modal::Title(prompt)) = self.modal.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::ConfirmTitle => {
                let title = prompt.editor.lines().join(" ").trim().to_string();
                let purpose = std::mem::replace(&mut prompt.purpose, TitlePurpose::Rename);
                self.modal = None;
                match purpose {
                    TitlePurpose::New(guide) => Effect::Create(NewReflection { title, guide }),
                    TitlePurpose::Rename => {
                        self.rename(title);
                        Effect::None
                    }
                }
            }
            Action::CancelTitle => {
                self.modal = None;
                Effect::None
            }
            action => {
                edit_one_line(&mut prompt.editor, action);
                Effect::None
            }
        }
    }

    /// Keys in the export prompt: a path to edit and a format to choose.
    fn update_export(&mut self, action: Action) -> Effect {
        let Some(prompt) = self.export_prompt_mut() else {
            return Effect::None;
        };
        match action {
            Action::CancelExport => self.modal = None,
            Action::ConfirmExport => {
                let path = prompt.editor.lines().join("").trim().to_string();
                if path.is_empty() {
                    prompt.warning = Some("Type a file name to write to.".into());
                    return Effect::None;
                }
                // As on the command line, a file name that names a format wins.
                return Effect::Export {
                    format: Format::from_path(&path).unwrap_or(prompt.format),
                    path,
                    replace: prompt.replace,
                };
            }
            Action::NextFormat => {
                let at = Format::ALL
                    .iter()
                    .position(|f| *f == prompt.format)
                    .unwrap_or(0);
                let next = Format::ALL[(at + 1) % Format::ALL.len()];
                // A path that ends in the old extension follows the format.
                let path = prompt.editor.lines().join("");
                let old = format!(".{}", prompt.format.extension());
                if let Some(stem) = path.strip_suffix(&old) {
                    prompt.editor = one_line_editor(format!("{stem}.{}", next.extension()));
                }
                prompt.format = next;
                prompt.replace = false;
                prompt.warning = None;
            }
            action => {
                // Another path: ask again before replacing whatever it names.
                if edit_one_line(&mut prompt.editor, action) == Some(true) {
                    prompt.replace = false;
                    prompt.warning = None;
                }
            }
        }
        Effect::None
    }
}

/// A key or a paste for a one-line editor (a prompt, the search line): Enter
/// never starts a second line, and a pasted line break becomes a space.
/// `None` when the action is not an edit; otherwise whether the text changed.
pub(super) fn edit_one_line(editor: &mut Editor, action: Action) -> Option<bool> {
    match action {
        Action::Edit(key) => Some(editor.key(Input::from(key), true)),
        Action::Text(edit) => Some(editor.command(edit)),
        Action::Undo => Some(editor.undo()),
        Action::Redo => Some(editor.redo()),
        Action::Paste(text) => Some(editor.insert_str(&clean_paste(&text, false))),
        _ => None,
    }
}
