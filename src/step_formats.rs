//! Agenda steps written for the tools people already use: iCalendar, Taskwarrior, todo.txt.

use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Todo, TodoStatus};
use serde_json::{Value as Json, json};
use time::macros::time;
use time::{Date, OffsetDateTime, UtcOffset};
use uuid::Uuid;

use crate::agenda::AgendaStep;

/// The ways `rebound steps --format` can write steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StepFormat {
    /// One VTODO per step (Thunderbird, Apple Reminders, CalDAV task lists).
    Ics,
    /// One all-day VEVENT per dated step, for calendars that ignore to-dos
    /// (Google Calendar). Undated steps have no day to sit on and are left out.
    IcsEvents,
    /// A JSON array for `task import`.
    Taskwarrior,
    /// One todo.txt line per step.
    #[value(name = "todotxt")]
    TodoTxt,
}

/// Writes `steps` in `format`. `now` stamps the iCalendar (DTSTAMP) and gives
/// the local offset dates are read in; nothing else varies, so the same steps
/// and the same `now` always give the same text.
pub fn write(steps: &[AgendaStep], format: StepFormat, now: OffsetDateTime) -> String {
    match format {
        StepFormat::Ics => ics(steps, now, false),
        StepFormat::IcsEvents => ics(steps, now, true),
        StepFormat::Taskwarrior => taskwarrior(steps, now.offset()),
        StepFormat::TodoTxt => todo_txt(steps, now.offset()),
    }
}

/// The iCalendar UID of a step: the same step always gets the same one, so a
/// calendar that imports the file again updates the item instead of adding a
/// second. Both ids keep to `[a-z0-9_-]`, so the UID needs no escaping.
pub fn step_uid(step: &AgendaStep) -> String {
    format!("{}.{}@rebound", step.id, step.reflection)
}

/// Fixed for ever: changing it would give every exported step a new UUID and
/// duplicate it in Taskwarrior on the next import.
const STEP_NAMESPACE: Uuid = Uuid::from_u128(0x5f1c_2b7e_8a43_4d0e_9b61_3c2f_a7d8_e415);

/// The Taskwarrior UUID of a step: a name-based UUID (version 5, RFC 9562) of
/// the reflection and step ids, so `task import` updates the task it made last
/// time. Anyone can derive it again from the two ids.
pub fn step_uuid(step: &AgendaStep) -> Uuid {
    let name = format!("{}/{}", step.reflection, step.id);
    Uuid::new_v5(&STEP_NAMESPACE, name.as_bytes())
}

fn ics(steps: &[AgendaStep], now: OffsetDateTime, events: bool) -> String {
    let mut calendar = Calendar::empty();
    // Our own PRODID rather than the crate's: it names who wrote the file.
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//rebound//steps//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name("rebound steps");
    let stamp = utc_stamp(now);
    for step in steps {
        if events {
            if let Some(event) = step_event(step, &stamp) {
                calendar.push(event);
            }
        } else {
            calendar.push(step_todo(step, &stamp));
        }
    }
    calendar.to_string()
}

fn step_todo(step: &AgendaStep, stamp: &str) -> Todo {
    let mut todo = Todo::new();
    todo.uid(&step_uid(step))
        // Set here, or the crate stamps the wall clock and two runs differ.
        .add_property("DTSTAMP", stamp)
        .summary(&one_line(&step.text))
        .description(&description(step));
    if let Some(due) = step.due {
        todo.due(due);
    }
    if step.done {
        // When the step was ticked is not kept; the reflection's last change
        // is the latest it can have been.
        todo.status(TodoStatus::Completed)
            .add_property("COMPLETED", utc_stamp(step.updated));
    } else if step.dropped {
        // Imported before a check-in dropped it: the same UID, cancelled.
        todo.status(TodoStatus::Cancelled);
    } else {
        todo.status(TodoStatus::NeedsAction);
    }
    todo.done()
}

fn step_event(step: &AgendaStep, stamp: &str) -> Option<Event> {
    let due = step.due?;
    let mut event = Event::new();
    event
        .uid(&step_uid(step))
        .add_property("DTSTAMP", stamp)
        .summary(&one_line(&step.text))
        .description(&description(step))
        .starts(due)
        // A step is a reminder, not a meeting: the day stays free.
        .add_property("TRANSP", "TRANSPARENT");
    // DTEND of an all-day event is the day after (RFC 5545 3.6.1); with none,
    // the last day of the calendar has no next day and the event is one day anyway.
    if let Some(next) = due.next_day() {
        event.ends(next);
    }
    if step.dropped {
        event.status(EventStatus::Cancelled);
    }
    Some(event.done())
}

fn description(step: &AgendaStep) -> String {
    let mut text = format!("A step from the reflection “{}”.", one_line(&step.title));
    if step.due.is_none() && !step.due_text.trim().is_empty() {
        text.push_str(&format!("\nDue: {}", one_line(&step.due_text)));
    }
    if step.done {
        text.push_str("\nDone.");
    }
    if step.dropped {
        text.push_str("\nDropped at a check-in.");
    }
    text
}

fn taskwarrior(steps: &[AgendaStep], offset: UtcOffset) -> String {
    let tasks: Vec<Json> = steps.iter().map(|s| task(s, offset)).collect();
    // The alternate form of a JSON value is pretty-printed and cannot fail.
    format!("{:#}\n", Json::Array(tasks))
}

fn task(step: &AgendaStep, offset: UtcOffset) -> Json {
    let mut task = json!({
        "uuid": step_uuid(step).to_string(),
        "status": match (step.done, step.dropped) {
            (true, _) => "completed",
            // Taskwarrior's word for a task taken off the list.
            (false, true) => "deleted",
            (false, false) => "pending",
        },
        "entry": utc_stamp(step.created),
        "description": one_line(&step.text),
        "project": "rebound",
    });
    let Json::Object(fields) = &mut task else {
        return task;
    };
    if let Some(due) = step.due {
        // The last second of the due day where the person is, as Taskwarrior's
        // own `due:eod` does: the step turns overdue the morning after, as in rebound.
        fields.insert("due".into(), json!(local_end_of_day(due, offset)));
    }
    if step.done || step.dropped {
        let updated = utc_stamp(step.updated);
        fields.insert("end".into(), json!(updated));
        fields.insert("modified".into(), json!(updated));
    }
    // Other keys become user-defined attributes Taskwarrior keeps: they say
    // where the task came from.
    fields.insert("rebound_reflection".into(), json!(step.reflection));
    fields.insert("rebound_step".into(), json!(step.id));
    task
}

fn todo_txt(steps: &[AgendaStep], offset: UtcOffset) -> String {
    let mut out = String::new();
    // todo.txt has no word for cancelled: a dropped step is left out.
    for step in steps.iter().filter(|s| !s.dropped) {
        out.push_str(&todo_line(step, offset));
        out.push('\n');
    }
    out
}

fn todo_line(step: &AgendaStep, offset: UtcOffset) -> String {
    let mut line = String::new();
    if step.done {
        // A completion date needs a creation date after it (todo.txt format).
        line.push_str(&format!(
            "x {} ",
            iso_date(step.updated.to_offset(offset).date())
        ));
    }
    // Always led by a date, so a step whose text starts "x " or "(A) " is
    // never read as done or as a priority.
    line.push_str(&iso_date(step.created.to_offset(offset).date()));
    line.push(' ');
    line.push_str(&one_line(&step.text));
    line.push_str(" +rebound");
    if let Some(due) = step.due {
        line.push_str(&format!(" due:{}", iso_date(due)));
    }
    line.push_str(&format!(" reflection:{} step:{}", step.reflection, step.id));
    line
}

/// Text on one line: every run of white space (newlines included) becomes one
/// space and other control characters go, since every format here is line-based.
fn one_line(text: &str) -> String {
    text.split(char::is_whitespace)
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `YYYYMMDDTHHMMSSZ`, the UTC form iCalendar and Taskwarrior share.
fn utc_stamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn local_end_of_day(date: Date, offset: UtcOffset) -> String {
    utc_stamp(date.with_time(time!(23:59:59)).assume_offset(offset))
}

fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::{Calendar, CalendarComponent, ValueType};
    use time::macros::{date, datetime};

    const NOW: OffsetDateTime = datetime!(2026-11-02 09:30:00 +02:00);

    fn step(reflection: &str, id: &str, text: &str, due: Option<Date>, done: bool) -> AgendaStep {
        AgendaStep {
            reflection: reflection.into(),
            title: "The launch that slipped".into(),
            id: id.into(),
            text: text.into(),
            due,
            due_text: due.map(iso_date).unwrap_or_default(),
            done,
            dropped: false,
            overdue: false,
            created: datetime!(2026-10-01 20:15:00 +02:00),
            updated: datetime!(2026-10-20 08:00:05 +02:00),
        }
    }

    fn steps() -> Vec<AgendaStep> {
        vec![
            step(
                "launch",
                "a1b2c3d4e5",
                "Ask Priya for feedback",
                Some(date!(2026 - 12 - 13)),
                false,
            ),
            step(
                "launch",
                "f6g7h8j9k0",
                "Write the post-mortem\nand share it",
                None,
                false,
            ),
            step(
                "review",
                "a1b2c3d4e5",
                "Book the course",
                Some(date!(2026 - 11 - 01)),
                true,
            ),
        ]
    }

    fn property<'a>(c: &'a impl Component, key: &str) -> Option<&'a icalendar::Property> {
        c.properties().get(key)
    }

    /// Found by a walk-through: a step a check-in dropped stayed pending in
    /// Taskwarrior and the calendar it had been imported into, for ever.
    #[test]
    fn a_dropped_step_is_cancelled_under_the_same_id_and_left_out_of_todo_txt() {
        let mut gone = step("2026-11-20-launch", "meet", "Go to the meetup", None, false);
        let pending = write(std::slice::from_ref(&gone), StepFormat::Taskwarrior, NOW);
        gone.dropped = true;
        gone.due = Some(date!(2026 - 12 - 03));
        let tasks: Json = serde_json::from_str(&write(
            std::slice::from_ref(&gone),
            StepFormat::Taskwarrior,
            NOW,
        ))
        .expect("json");
        let before: Json = serde_json::from_str(&pending).expect("json");
        assert_eq!(tasks[0]["status"], "deleted");
        assert_eq!(
            tasks[0]["uuid"], before[0]["uuid"],
            "the same task, updated"
        );
        assert!(tasks[0]["end"].is_string());
        let ics = write(std::slice::from_ref(&gone), StepFormat::Ics, NOW);
        assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
        let events = write(std::slice::from_ref(&gone), StepFormat::IcsEvents, NOW);
        assert!(events.contains("STATUS:CANCELLED"), "{events}");
        assert_eq!(write(&[gone], StepFormat::TodoTxt, NOW), "");
    }

    #[test]
    fn a_calendar_of_steps_parses_back_with_one_todo_per_step() {
        let text = write(&steps(), StepFormat::Ics, NOW);
        let calendar: Calendar = text.parse().expect("our own iCalendar parses");
        let todos: Vec<_> = calendar.todos().collect();
        assert_eq!(todos.len(), 3);

        let first = todos[0];
        assert_eq!(first.get_uid(), Some("a1b2c3d4e5.launch@rebound"));
        assert_eq!(first.get_summary(), Some("Ask Priya for feedback"));
        let description = first.get_description().unwrap_or_default();
        assert!(
            description.contains("The launch that slipped"),
            "{description}"
        );
        let due = property(first, "DUE").expect("a dated step has DUE");
        assert_eq!(due.value(), "20261213");
        assert_eq!(due.value_type(), Some(ValueType::Date));
        assert_eq!(first.get_status(), Some(TodoStatus::NeedsAction));
        assert_eq!(
            property(first, "DTSTAMP").map(|p| p.value()),
            Some("20261102T073000Z")
        );
        assert!(property(first, "COMPLETED").is_none());

        let undated = todos[1];
        assert!(property(undated, "DUE").is_none());
        assert_eq!(
            undated.get_summary(),
            Some("Write the post-mortem and share it")
        );

        let done = todos[2];
        assert_eq!(done.get_status(), Some(TodoStatus::Completed));
        assert_eq!(
            property(done, "COMPLETED").map(|p| p.value()),
            Some("20261020T060005Z")
        );
    }

    #[test]
    fn calendar_lines_end_in_crlf_fold_at_75_octets_and_pair_begin_with_end() {
        let long = "Rehearse the story of the launch, what went wrong and what I would do \
                    differently — «ça ira», 失敗から学ぶ, with a friend who will ask hard questions";
        let all = [step(
            "launch",
            "longstep01",
            long,
            Some(date!(2026 - 12 - 13)),
            false,
        )];
        for format in [StepFormat::Ics, StepFormat::IcsEvents] {
            let text = write(&all, format, NOW);
            assert!(text.ends_with("\r\n"));
            let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(lines.iter().all(|l| !l.contains('\n') && !l.contains('\r')));
            assert!(lines.iter().all(|l| l.len() <= 75), "{lines:#?}");
            assert!(
                lines.iter().any(|l| l.starts_with(' ')),
                "the long SUMMARY folds"
            );

            let mut open = Vec::new();
            for line in &lines {
                if let Some(kind) = line.strip_prefix("BEGIN:") {
                    open.push(kind);
                } else if let Some(kind) = line.strip_prefix("END:") {
                    assert_eq!(open.pop(), Some(kind));
                }
            }
            assert!(open.is_empty());

            let calendar: Calendar = text.parse().expect("parses");
            let summaries: Vec<_> = calendar
                .components
                .iter()
                .filter_map(|c| match c {
                    CalendarComponent::Todo(t) => t.get_summary(),
                    CalendarComponent::Event(e) => e.get_summary(),
                    _ => None,
                })
                .collect();
            assert_eq!(summaries, [long], "unfolding gives the text back whole");
        }
    }

    #[test]
    fn events_are_all_day_on_the_due_date_and_undated_steps_are_left_out() {
        let text = write(&steps(), StepFormat::IcsEvents, NOW);
        let calendar: Calendar = text.parse().expect("parses");
        assert_eq!(calendar.todos().count(), 0);
        let events: Vec<_> = calendar.events().collect();
        assert_eq!(events.len(), 2, "the undated step has no day");
        let first = events[0];
        assert_eq!(first.get_uid(), Some("a1b2c3d4e5.launch@rebound"));
        let start = property(first, "DTSTART").expect("DTSTART");
        let end = property(first, "DTEND").expect("DTEND");
        assert_eq!((start.value(), end.value()), ("20261213", "20261214"));
        assert_eq!(start.value_type(), Some(ValueType::Date));
        assert_eq!(end.value_type(), Some(ValueType::Date));
        assert!(text.contains("TRANSP:TRANSPARENT"));
    }

    fn is_utc_stamp(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 16
            && b[8] == b'T'
            && b[15] == b'Z'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 8 || i == 15 || c.is_ascii_digit())
    }

    #[test]
    fn taskwarrior_tasks_carry_what_task_import_needs() {
        let text = write(&steps(), StepFormat::Taskwarrior, NOW);
        let tasks: Json = serde_json::from_str(&text).expect("valid JSON");
        let tasks = tasks.as_array().expect("an array");
        assert_eq!(tasks.len(), 3);
        for task in tasks {
            for key in ["uuid", "status", "entry", "description", "project"] {
                assert!(task.get(key).is_some(), "{key} in {task}");
            }
            let uuid = Uuid::parse_str(task["uuid"].as_str().unwrap_or_default()).expect("uuid");
            assert_eq!(uuid.get_version_num(), 5);
            assert_eq!(uuid.get_variant(), uuid::Variant::RFC4122);
            assert!(is_utc_stamp(task["entry"].as_str().unwrap_or_default()));
            assert_eq!(task["entry"], "20261001T181500Z");
            assert_eq!(task["project"], "rebound");
        }
        let [open, undated, done] = [&tasks[0], &tasks[1], &tasks[2]];
        assert_eq!(open["status"], "pending");
        // The end of 13 December at +02:00, the offset of `now`.
        assert_eq!(open["due"], "20261213T215959Z");
        assert!(open.get("end").is_none() && open.get("modified").is_none());
        assert_eq!(open["rebound_reflection"], "launch");
        assert_eq!(open["rebound_step"], "a1b2c3d4e5");
        assert!(undated.get("due").is_none());
        assert_eq!(undated["description"], "Write the post-mortem and share it");
        assert_eq!(done["status"], "completed");
        assert_eq!(done["end"], "20261020T060005Z");
        assert_eq!(done["modified"], "20261020T060005Z");
    }

    #[test]
    fn todo_txt_has_one_line_per_step_with_done_mark_due_date_and_keys() {
        let text = write(&steps(), StepFormat::TodoTxt, NOW);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "a step with a newline stays one line");
        assert_eq!(
            lines[0],
            "2026-10-01 Ask Priya for feedback +rebound due:2026-12-13 \
             reflection:launch step:a1b2c3d4e5"
        );
        assert!(!lines[1].contains("due:"));
        assert!(lines[1].contains(" Write the post-mortem and share it "));
        assert!(lines[2].starts_with("x 2026-10-20 2026-10-01 Book the course "));
        assert!(lines[2].contains(" due:2026-11-01 "));
        assert!(lines.iter().all(|l| l.contains(" +rebound ")));
        assert!(!lines[0].starts_with("x ") && !lines[1].starts_with("x "));
    }

    #[test]
    fn exporting_twice_gives_the_same_ids_and_each_step_its_own() {
        let all = steps();
        for format in [
            StepFormat::Ics,
            StepFormat::IcsEvents,
            StepFormat::Taskwarrior,
            StepFormat::TodoTxt,
        ] {
            let later = NOW + time::Duration::days(21);
            let (first, second) = (write(&all, format, NOW), write(&all, format, later));
            let ids = |text: &str| -> Vec<String> {
                text.lines()
                    .filter_map(|l| {
                        l.strip_prefix("UID:")
                            .or_else(|| l.trim().strip_prefix("\"uuid\": "))
                            .or_else(|| l.split(" step:").nth(1))
                    })
                    .map(str::to_owned)
                    .collect()
            };
            assert!(!ids(&first).is_empty(), "{format:?}");
            assert_eq!(ids(&first), ids(&second), "{format:?}");
            assert_eq!(
                first,
                write(&all, format, NOW),
                "{format:?} is deterministic"
            );
        }
        // The same step id in two reflections is two steps.
        let uids: Vec<String> = all.iter().map(step_uid).collect();
        let uuids: Vec<Uuid> = all.iter().map(step_uuid).collect();
        assert_ne!(uids[0], uids[2]);
        assert_ne!(uuids[0], uuids[2]);
        assert_ne!(uuids[0], uuids[1]);
        // Editing a step's text or date keeps its identity.
        let mut edited = all[0].clone();
        edited.text = "Ask Priya and Tom for feedback".into();
        edited.due = Some(date!(2027 - 01 - 10));
        assert_eq!(step_uid(&edited), uids[0]);
        assert_eq!(step_uuid(&edited), uuids[0]);
    }
}
