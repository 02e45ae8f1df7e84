//! A sync tool's conflict copy on home: a row of its own, opened only to read.

use super::*;

/// Issue 10: a sync tool's conflict copy sits right under its reflection on
/// home (one whose reflection is not listed comes last), ↓ reaches it, Enter
/// reads it, and nothing there changes it or, through the id it carries,
/// its original.
#[test]
fn a_conflict_copy_is_a_row_under_its_reflection_and_opens_only_to_read() {
    use crate::store::{Stray, conflict_copy};
    let mut app = home_with(&["The reorg", "Demo day"]);
    let stray = |name: String| Stray {
        path: format!("/data/reflections/{name}").into(),
        copy: conflict_copy(&name),
        name,
    };
    let copy_name = "id-0.sync-conflict-20261129-101010-LAPTOP7.toml".to_string();
    let orphan_name = "gone (Dana's conflicted copy 2026-11-29).toml".to_string();
    let mut listing = std::mem::take(&mut app.home.listing);
    listing.strays = vec![stray(orphan_name.clone()), stray(copy_name.clone())];
    app.set_listing(listing);
    assert_eq!(
        app.home.rows,
        [
            HomeRow::Reflection(0),
            HomeRow::Copy(1),
            HomeRow::Reflection(1),
            HomeRow::Copy(0)
        ]
    );
    app.update(Action::SelectNext);
    assert_eq!(app.selected_summary(), None);
    // `d` on the row says why not: the id inside is the original's.
    assert_eq!(app.update(Action::DeleteSelected), Effect::None);
    assert!(app.modal.is_none());
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("never deletes a conflict copy")),
        "{:?}",
        app.notice
    );
    assert_eq!(
        app.update(Action::OpenSelected),
        Effect::OpenCopy(copy_name.clone())
    );

    let mut theirs = completed_app().session.take().expect("open").reflection;
    theirs.id = "id-0".into();
    theirs.title = "The reorg, as the laptop has it".into();
    app.apply(Outcome::Opened {
        reflection: theirs.clone(),
        access: Access::ConflictCopy {
            file: copy_name.clone(),
            what: "A conflict copy of \"The reorg\" from LAPTOP7 (Syncthing)".into(),
        },
    });
    assert_eq!(app.screen(), Screen::Reading);
    assert_eq!(app.focus(), Focus::ReadingCopy);
    assert_eq!(session(&app).copy_file(), Some(copy_name.as_str()));
    assert_eq!(session(&app).reading.selected_step, None, "nothing to tick");

    for key in [' ', 'e', 'd'] {
        assert_eq!(
            press(&mut app, KeyCode::Char(key), KeyModifiers::NONE),
            Effect::None,
            "{key:?} asked for something"
        );
        assert!(app.modal.is_none(), "{key:?}");
        assert_eq!(app.focus(), Focus::ReadingCopy, "{key:?}");
        assert!(
            said(&app).is_some_and(|l| l.contains("copy")),
            "{key:?}: {:?}",
            said(&app)
        );
    }
    assert_eq!(
        press(&mut app, KeyCode::Tab, KeyModifiers::NONE),
        Effect::None
    );
    let s = session(&app);
    assert_eq!(s.revision, 0, "nothing changed");
    assert!(s.reflection.same_answers(&theirs));
    assert_eq!(s.reflection.status, theirs.status);
    assert_eq!(s.reading.selected_step, None);

    // Export is harmless and named for the copy, not the original.
    press(&mut app, KeyCode::Char('x'), KeyModifiers::NONE);
    let prompt = app.export_prompt().expect("export asks where");
    assert!(
        prompt
            .editor
            .lines()
            .join("")
            .ends_with("id-0.sync-conflict-20261129-101010-LAPTOP7.md"),
        "{:?}",
        prompt.editor.lines()
    );
    app.update(Action::CancelExport);

    assert_eq!(app.update(Action::BackHome), Effect::CloseReflection);
    let listing = std::mem::take(&mut app.home.listing);
    app.apply(Outcome::Closed);
    app.apply(Outcome::Listed {
        listing: Ok(listing),
        select: Some(copy_name.clone()),
    });
    assert_eq!(
        app.home.selected_copy().map(|s| s.name.as_str()),
        Some(copy_name.as_str())
    );
    // Search looks at reflections only.
    app.update(Action::StartSearch);
    type_keys(&mut app, "reorg");
    assert_eq!(app.home.rows, [HomeRow::Reflection(0)]);
}
