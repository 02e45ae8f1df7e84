//! `apply`: what came of an effect (a save, an open, a trash, an export)
//! taken back into the state. The I/O layer decides nothing; every
//! consequence, the failures above all, is decided here and tested here.

use crate::tui::widgets::fit;

use super::effect::{conflict_notice, held_elsewhere};
use super::{Access, App, Message, Modal, Outcome, TitlePurpose, Tone};

impl App {
    pub fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Opened { reflection, access } => {
                // A note about the list (a deletion, a restore) does not belong here.
                self.notice = None;
                self.open_reflection(reflection);
                match access {
                    Access::Writable => {}
                    // The id would crowd out the advice; the title is on screen.
                    Access::HeldElsewhere(pid) => self.make_read_only(format!(
                        "Read only: {}. Close it there, then press e here.",
                        held_elsewhere(pid)
                    )),
                    Access::Unclaimed(why) => self.make_read_only(format!(
                        "Read only: could not claim it for writing ({why})."
                    )),
                    Access::ConflictCopy { file, what } => self.make_copy_read_only(file, what),
                }
                if let Some(step) = self.opening_step.take() {
                    self.show_step(&step);
                }
                if std::mem::take(&mut self.opening_checkin) {
                    self.start_checkin(true);
                }
            }
            Outcome::OpenFailed(why) => {
                self.opening_step = None;
                self.opening_checkin = false;
                self.notice = Some(Message::warning(why));
            }
            Outcome::Ticked {
                reflection,
                step,
                what,
                done,
            } => {
                if let Some(agenda) = self.agenda.as_mut() {
                    agenda.keep(reflection, step);
                }
                self.notice = Some(Message::calm(if done {
                    format!("Done: {what}")
                } else {
                    format!("Not done yet: {what}")
                }));
            }
            Outcome::TickRefused(why) => self.notice = Some(why),
            Outcome::CreateFailed { new, why } => {
                self.notice = Some(Message::warning(format!(
                    "Could not start a reflection: {why}"
                )));
                // The title is not lost: it waits in the prompt, to try again
                // (and is tried once more on the way out).
                self.open_title_prompt(TitlePurpose::New(new.guide));
                if let Some(Modal::Title(prompt)) = self.modal.as_mut() {
                    prompt.editor.insert_str(&new.title);
                }
            }
            Outcome::Listed { listing, select } => match listing {
                Ok(listing) => {
                    let selected = self.home.selected_key();
                    self.home.set_listing(listing);
                    if let Some(id) = select.or(selected) {
                        self.home.select_id(&id);
                    }
                    if let Some(agenda) = self.agenda.as_mut() {
                        agenda.refresh(&self.home.listing.reflections, self.clock.today);
                    }
                    self.refresh_progress();
                }
                Err(why) => {
                    self.notice = Some(Message::warning(format!(
                        "Could not list reflections: {why}"
                    )));
                }
            },
            Outcome::SearchLoaded(corpus) => {
                // Fresh answers can let new rows in above the selected one;
                // the selection stays on the same reflection.
                let selected = self.home.selected_key();
                self.home.set_corpus(corpus);
                if let Some(id) = selected {
                    self.home.select_id(&id);
                }
            }
            Outcome::SearchFailed(why) => {
                self.home.set_corpus(Default::default());
                self.notice = Some(Message::warning(format!("Search sees titles only: {why}")));
            }
            Outcome::Saved => {
                if self
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.tone == Tone::Warning)
                {
                    self.notice = None;
                }
            }
            Outcome::SaveFailed(why) => {
                self.notice = Some(Message::warning(format!(
                    "Could not save ({why}). Your writing is safe here; retrying."
                )));
            }
            // The person stays where they are and their keys stay theirs: a
            // change of screen they did not ask for would read their next
            // words as commands. Their typing follows into the copy.
            Outcome::Conflict { copy, .. } => {
                // A lasting notice: on this screen, on home, until they close
                // rebound (where it is said again on the way out).
                self.notice = Some(Message::warning(conflict_notice(&copy)));
                if let Some(session) = self.session.as_mut() {
                    session.conflict_copy = Some(copy);
                }
            }
            Outcome::ConflictCopyFailed(why) => {
                self.notice = Some(Message::warning(format!(
                    "The file changed outside rebound and your version could not be kept beside it ({why}); retrying."
                )));
            }
            Outcome::Closed => {
                self.close_reflection();
            }
            Outcome::Trashed { title, name } => {
                let title = fit(&title, 32);
                self.notice = Some(Message::calm(format!(
                    "Moved \"{title}\" to the trash. u brings it back; later, `rebound restore` does."
                )));
                self.home.last_trashed = Some(name);
            }
            Outcome::TrashFailed(why) => {
                self.notice = Some(Message::warning(format!("Could not delete it: {why}")));
            }
            Outcome::Restored {
                id,
                title,
                searchable,
            } => {
                // Searchable again at once, answers included.
                if let Some(text) = searchable {
                    self.home.insert_text(id.clone(), text);
                }
                self.home.select_id(&id);
                self.notice = Some(Message::calm(format!(
                    "Restored \"{title}\" from the trash."
                )));
            }
            Outcome::NotInTrash => {
                self.notice = Some(Message::warning(
                    "It is no longer in the trash (restored already?).",
                ));
            }
            Outcome::RestoreFailed(why) => {
                self.notice = Some(Message::warning(format!("Could not bring it back: {why}")));
            }
            Outcome::ExportExists => {
                if let Some(prompt) = self.export_prompt_mut() {
                    prompt.warning = Some("That file exists. Enter again replaces it.".into());
                    prompt.replace = true;
                }
            }
            Outcome::Exported { format, path } => {
                if let Some(session) = self.session.as_mut() {
                    // The file's name first: a long folder is what a narrow
                    // window cuts, never the name the person looks for.
                    let written = match (path.file_name(), path.parent()) {
                        (Some(name), Some(dir)) if !dir.as_os_str().is_empty() => {
                            format!("{} in {}", name.to_string_lossy(), dir.display())
                        }
                        _ => path.display().to_string(),
                    };
                    session.message = Some(Message::calm(format!(
                        "Wrote {} to {written}",
                        format.name()
                    )));
                }
                if matches!(self.modal, Some(Modal::Export(_))) {
                    self.modal = None;
                }
            }
            Outcome::ExportFailed(why) => {
                if let Some(prompt) = self.export_prompt_mut() {
                    prompt.warning = Some(format!("Could not write {why}"));
                    prompt.replace = false;
                }
            }
            Outcome::TookOver(reflection) => {
                let view = self.session.as_ref().map(|s| s.view);
                self.open_reflection(reflection);
                if let Some(session) = self.session.as_mut() {
                    if let Some(view) = view {
                        session.view = view;
                    }
                    session.message = Some(Message::calm(
                        "The other rebound has closed it; it is yours to edit now.",
                    ));
                }
            }
            Outcome::StillReadOnly(why) => {
                if let Some(session) = self.session.as_mut() {
                    session.message = Some(Message::warning(why));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::stage::FullStages;
    use std::path::PathBuf;

    use time::UtcOffset;
    use time::macros::date;

    use super::*;
    use crate::export::Format;
    use crate::guide::Guide;
    use crate::reflection::tests::sample_reflection;
    use crate::reflection::{Reflection, Status};
    use crate::store::{Listing, Summary};
    use crate::tui::keys::Action;
    use crate::tui::state::NewReflection;
    use crate::tui::state::{Effect, Focus, Screen};

    fn app() -> App {
        App::new(
            Guide::builtin().expect("guide"),
            date!(2026 - 11 - 29),
            UtcOffset::UTC,
        )
    }

    fn opened(app: &mut App, reflection: Reflection, access: Access) {
        app.apply(Outcome::Opened { reflection, access });
    }

    fn completed() -> Reflection {
        let mut r = sample_reflection();
        r.status = Status::Completed;
        r
    }

    fn listing(ids: &[&str]) -> Listing {
        Listing {
            reflections: ids
                .iter()
                .map(|id| {
                    Summary::of(&Reflection::new(
                        (*id).into(),
                        (*id).into(),
                        sample_reflection().created,
                    ))
                })
                .collect(),
            ..Listing::default()
        }
    }

    #[test]
    fn a_failed_save_warns_until_a_save_succeeds() {
        let mut app = app();
        opened(&mut app, sample_reflection(), Access::Writable);
        app.apply(Outcome::SaveFailed("No space left on device".into()));
        let notice = app.notice.clone().expect("a warning");
        assert_eq!(notice.tone, Tone::Warning);
        assert!(
            notice.text.contains("No space left on device"),
            "{notice:?}"
        );
        assert!(notice.text.contains("safe here"), "{notice:?}");
        // Typing goes on while it retries.
        assert_eq!(app.screen(), Screen::Walk);
        app.apply(Outcome::Saved);
        assert_eq!(app.notice, None);
    }

    /// Found under faults (issue 9): after a conflict the app switched to
    /// the reading page while the person was typing, where `d`, `y`, `u`, `e`
    /// and Space are commands: "so I did yell" moved the reflection to the
    /// trash. Now the person stays where they are and every key is theirs.
    #[test]
    fn after_a_conflict_typing_stays_typing_and_goes_to_the_copy() {
        let mut app = app();
        opened(&mut app, sample_reflection(), Access::Writable);
        app.apply(Outcome::Conflict {
            file: PathBuf::from("/data/reflections/a.toml"),
            copy: PathBuf::from("/data/conflicts/a-1.toml"),
        });
        assert_eq!(
            app.screen(),
            Screen::Walk,
            "no screen the person did not ask for"
        );
        let session = app.session.as_ref().expect("still open");
        assert!(session.read_only.is_none());
        assert_eq!(
            session.conflict_copy.as_deref(),
            Some(std::path::Path::new("/data/conflicts/a-1.toml"))
        );
        let says = &app.notice.as_ref().expect("a lasting notice").text;
        assert!(says.contains("changed outside rebound"), "{says}");
        assert!(says.contains("conflicts/a-1.toml"), "{says}");
        assert!(says.contains("keep one"), "{says}");
        let before = app.revision();
        for c in "so I did yell".chars() {
            let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
            let action = crate::tui::keys::action_for(&key, &app.contexts());
            assert_eq!(app.update(action), Effect::None, "{c:?} did something");
        }
        assert!(app.revision() > before, "the words are kept, to be saved");
        let session = app.session.as_ref().expect("still open");
        assert!(
            session
                .reflection
                .text(crate::stage::Stage::Perspective, "expected")
                .ends_with("so I did yell")
        );
        // A save of the copy says so again; the notice stays.
        app.apply(Outcome::Conflict {
            file: PathBuf::from("/data/reflections/a.toml"),
            copy: PathBuf::from("/data/conflicts/a-1.toml"),
        });
        assert_eq!(app.notice.as_ref().map(|n| &n.tone), Some(&Tone::Warning));
    }

    #[test]
    fn a_reflection_held_elsewhere_opens_to_read_and_editing_asks_to_take_over() {
        let mut app = app();
        opened(
            &mut app,
            sample_reflection(),
            Access::HeldElsewhere(Some(42)),
        );
        assert_eq!(app.screen(), Screen::Reading);
        let said = &app.session.as_ref().expect("open").message;
        assert!(said.as_ref().is_some_and(|m| m.text.contains("process 42")));
        assert_eq!(app.update(Action::EditReflection), Effect::TakeOver);
        app.apply(Outcome::StillReadOnly(
            "Still read only: open elsewhere.".into(),
        ));
        assert!(app.session.as_ref().is_some_and(|s| s.read_only.is_some()));
        app.apply(Outcome::TookOver(sample_reflection()));
        let session = app.session.as_ref().expect("open");
        assert!(session.read_only.is_none());
        assert_eq!(app.screen(), Screen::Reading, "stays where the person was");
        // Found by a new user: `e` on an unfinished reflection said it
        // "stays complete". It is not complete, so nothing is said of that.
        app.update(Action::EditReflection);
        assert_eq!(app.screen(), Screen::Walk);
        let said = app.session.as_ref().and_then(|s| s.message.as_ref());
        assert!(
            !said.is_some_and(|m| m.text.contains("complete")),
            "{said:?}"
        );
    }

    #[test]
    fn a_restore_that_lost_the_race_says_so_calmly() {
        let mut app = app();
        app.apply(Outcome::NotInTrash);
        let says = &app.notice.as_ref().expect("a notice").text;
        assert!(says.contains("no longer in the trash"), "{says}");
    }

    #[test]
    fn a_restore_selects_the_row_and_names_it() {
        let mut app = app();
        app.apply(Outcome::Listed {
            listing: Ok(listing(&["a", "b", "c"])),
            select: None,
        });
        app.apply(Outcome::Restored {
            id: "c".into(),
            title: "Third".into(),
            searchable: Some("answers".into()),
        });
        assert_eq!(app.selected_summary().map(|s| s.id.as_str()), Some("c"));
        assert!(
            app.notice
                .as_ref()
                .is_some_and(|n| n.text.contains("Third"))
        );
    }

    /// Found in review: another rebound's edit could let a row in above the
    /// selected one while a search was on, and Enter opened the wrong one.
    #[test]
    fn fresh_search_text_keeps_the_selected_reflection_selected() {
        let mut app = app();
        app.apply(Outcome::Listed {
            listing: Ok(listing(&["a", "b", "c"])),
            select: None,
        });
        app.update(Action::StartSearch);
        app.apply(Outcome::SearchLoaded(crate::search::Corpus::new([
            ("a".to_string(), "nothing".to_string()),
            ("b".to_string(), "nothing".to_string()),
            ("c".to_string(), "dana".to_string()),
        ])));
        for c in "dana".chars() {
            let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
            app.update(Action::Edit(key));
        }
        assert_eq!(app.selected_summary().map(|s| s.id.as_str()), Some("c"));
        app.apply(Outcome::SearchLoaded(crate::search::Corpus::new([
            ("a".to_string(), "dana said".to_string()),
            ("b".to_string(), "nothing".to_string()),
            ("c".to_string(), "dana".to_string()),
        ])));
        assert_eq!(app.home.visible.len(), 2, "a now matches too");
        assert_eq!(app.selected_summary().map(|s| s.id.as_str()), Some("c"));
    }

    #[test]
    fn a_relisting_keeps_the_selected_reflection_selected() {
        let mut app = app();
        app.apply(Outcome::Listed {
            listing: Ok(listing(&["a", "b", "c"])),
            select: Some("b".into()),
        });
        app.apply(Outcome::Listed {
            listing: Ok(listing(&["new", "a", "b", "c"])),
            select: None,
        });
        assert_eq!(app.selected_summary().map(|s| s.id.as_str()), Some("b"));
    }

    #[test]
    fn an_existing_export_file_is_replaced_only_on_a_second_enter() {
        let mut app = app();
        opened(&mut app, completed(), Access::Writable);
        app.update(Action::StartExport);
        assert_eq!(app.focus(), Focus::ExportPrompt);
        let Effect::Export { replace, .. } = app.update(Action::ConfirmExport) else {
            panic!("asks to export");
        };
        assert!(!replace);
        app.apply(Outcome::ExportExists);
        let prompt = app.export_prompt().expect("still asking");
        assert!(prompt.replace);
        assert!(
            prompt
                .warning
                .as_deref()
                .is_some_and(|w| w.contains("exists"))
        );
        let Effect::Export { replace, .. } = app.update(Action::ConfirmExport) else {
            panic!("asks again");
        };
        assert!(replace, "the second Enter replaces");
        app.apply(Outcome::ExportFailed("/x: Permission denied".into()));
        let prompt = app.export_prompt().expect("still asking");
        assert!(!prompt.replace, "a failure asks again before replacing");
        app.apply(Outcome::Exported {
            format: Format::Markdown,
            path: "/tmp/a.md".into(),
        });
        assert!(app.modal.is_none());
        let said = app.session.as_ref().and_then(|s| s.message.as_ref());
        assert!(said.is_some_and(|m| m.text == "Wrote Markdown to a.md in /tmp"));
    }

    /// Found under faults (issue 9): keys typed while the window was too
    /// small were dropped. They wait, in order, and come back once it grows;
    /// and (found in review) each is read on the screen it then reaches, so
    /// `n`, a title and Enter typed on home start a reflection called that.
    #[test]
    fn keys_typed_while_the_window_is_too_small_wait_and_are_read_as_typed() {
        use crate::tui::state::Typed;
        use crossterm::event::{KeyCode, KeyEvent};
        let mut app = app();
        app.apply(Outcome::Listed {
            listing: Ok(listing(&["a", "b"])),
            select: None,
        });
        assert!(app.resize((40, 10), true).is_empty());
        // `n`, Enter for the guide offered first, the title, Enter.
        let keys = [KeyCode::Char('n'), KeyCode::Enter]
            .into_iter()
            .chain("daily jog".chars().map(KeyCode::Char))
            .chain([KeyCode::Enter]);
        for code in keys {
            assert_eq!(app.typed(Typed::Key(KeyEvent::from(code))), Effect::None);
        }
        assert_eq!(app.screen(), Screen::Home, "nothing happened blind");
        assert!(app.modal.is_none());
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), crossterm::event::KeyModifiers::CONTROL);
        assert_eq!(
            app.typed(Typed::Key(ctrl_c)),
            Effect::Quit,
            "Ctrl-C still quits"
        );
        let waiting = app.resize((100, 32), false);
        assert_eq!(waiting.len(), 12);
        let effects: Vec<Effect> = waiting.into_iter().map(|t| app.typed(t)).collect();
        assert_eq!(
            effects.last(),
            Some(&Effect::Create(NewReflection {
                title: "daily jog".into(),
                guide: "full".into()
            }))
        );
        assert!(app.resize((100, 32), false).is_empty(), "each key once");
    }

    #[test]
    fn a_failed_open_or_create_says_why_on_home() {
        let mut app = app();
        app.apply(Outcome::OpenFailed("a.toml: not valid TOML".into()));
        assert_eq!(app.screen(), Screen::Home);
        assert!(
            app.notice
                .as_ref()
                .is_some_and(|n| n.text.contains("not valid TOML"))
        );
        // Found under faults (issue 9): a title whose reflection could not be
        // created (disk full) was dropped. It waits in the prompt.
        let new = NewReflection {
            title: "The launch that slipped".into(),
            guide: "ten-minute".into(),
        };
        app.apply(Outcome::CreateFailed {
            new: new.clone(),
            why: "No space left on device".into(),
        });
        assert!(
            app.notice
                .as_ref()
                .is_some_and(|n| n.text.starts_with("Could not start"))
        );
        let prompt = app.title_prompt().expect("the prompt is back");
        assert_eq!(prompt.editor.lines().join(""), "The launch that slipped");
        // In the guide it was to follow.
        assert_eq!(app.settle_title_prompt(), Some(new));
    }

    #[test]
    fn trashing_closes_nothing_itself_but_remembers_what_u_brings_back() {
        let mut app = app();
        opened(&mut app, completed(), Access::Writable);
        app.apply(Outcome::Closed);
        assert_eq!(app.screen(), Screen::Home);
        app.apply(Outcome::Trashed {
            title: "The launch".into(),
            name: "a.2".into(),
        });
        assert_eq!(app.home.last_trashed.as_deref(), Some("a.2"));
        assert_eq!(
            app.update(Action::UndoDelete),
            Effect::Restore("a.2".into())
        );
        app.apply(Outcome::TrashFailed("Permission denied".into()));
        assert!(app.notice.as_ref().is_some_and(|n| n.tone == Tone::Warning));
    }
}
