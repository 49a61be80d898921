//! The rules of one matter file.

use super::*;

pub fn matter(path: &str, m: &Matter, settings: &Settings, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &m.id, "id");
    folder_is(&mut f, "matters", "year", &m.year, "check.matter.folder");
    history(&mut f, m);
    if !year_in_range(&mut f, m.year) {
        return f.out;
    }
    let year = Period::year(m.year);
    let (start, end) = year.window();
    let grace_end = plus_days(end, REVIEW_GRACE_DAYS);
    let mut dated: Vec<(String, Date, Date)> = Vec::new();
    for (i, o) in m.opinions.iter().enumerate() {
        dated.push((format!("opinion[{i}].date"), o.date, end));
    }
    for (i, mt) in m.meetings.iter().enumerate() {
        dated.push((format!("meeting[{i}].date"), mt.date, end));
        meeting_numbers(&mut f, i, mt);
        if let Some(p) = mt.published
            && p < mt.date
        {
            f.error(
                crate::diag::Code::DateOrder,
                &format!("meeting[{i}].published"),
                "check.date-order",
                "check.date-order.help",
                &[
                    ("later", &"published"),
                    ("later_date", &p),
                    ("earlier", &"date"),
                    ("earlier_date", &mt.date),
                ],
            );
        }
    }
    tasks(&mut f, m, &mut dated, end);
    if let Some(d) = m.publicity.as_ref().and_then(|p| p.date) {
        dated.push(("publicity.date".into(), d, end));
    }
    let scale = settings.review.scale;
    for (i, p) in m.progress.iter().enumerate() {
        dated.push((format!("progress[{i}].date"), p.date, end));
        let task = unknown_task(&mut f, m, &p.task, &format!("progress[{i}].task"));
        if p.value.0.is_sign_negative() && !p.value.0.is_zero() {
            f.error(
                crate::diag::Code::OutOfRange,
                &format!("progress[{i}].value"),
                "check.negative",
                "check.negative.help",
                &[("key", &"value")],
            );
        } else if let Some(t) = task
            && t.target.is_none()
            && p.value.0 > 100.into()
        {
            f.error(
                crate::diag::Code::OutOfRange,
                &format!("progress[{i}].value"),
                "check.matter.percent",
                "check.matter.percent.help",
                &[("task", &t.id), ("value", &p.value)],
            );
        }
    }
    for (i, r) in m.reviews.iter().enumerate() {
        dated.push((format!("review[{i}].date"), r.date, grace_end));
        if let Some(p) = r.published {
            dated.push((format!("review[{i}].published"), p, grace_end));
        }
        if let Some(task) = &r.task {
            unknown_task(&mut f, m, task, &format!("review[{i}].task"));
        }
        if let Some(score) = r.score
            && (score.0.is_sign_negative() && !score.0.is_zero() || score > scale)
        {
            f.error(
                crate::diag::Code::OutOfRange,
                &format!("review[{i}].score"),
                "check.score-range",
                "check.score-range.help",
                &[("value", &score), ("scale", &scale)],
            );
        }
    }
    for (at, date, last) in dated {
        if date < start || date > last {
            let what = format!("{} {}", t_year(ctx), m.year);
            date_outside(&mut f, &at, date, &what, start, last);
        }
    }
    f.out
}

fn history(f: &mut Finder, m: &Matter) {
    let mut prev: Option<Date> = None;
    let mut in_order = true;
    for (i, h) in m.history.iter().enumerate() {
        let expected = Step::ALL.get(i).copied().filter(|s| *s != Step::Done);
        if Some(h.step) != expected {
            in_order = false;
            let expected_word = expected.map_or("-", |s| s.as_str());
            f.error(
                crate::diag::Code::StepHistory,
                &format!("history[{i}].step"),
                "check.matter.history-order",
                "check.matter.history-order.help",
                &[("step", &h.step), ("expected", &expected_word)],
            );
        }
        if let Some(p) = prev
            && h.completed < p
        {
            f.error(
                crate::diag::Code::StepHistory,
                &format!("history[{i}].completed"),
                "check.matter.history-date",
                "check.matter.history-date.help",
                &[("date", &h.completed), ("previous", &p)],
            );
        }
        prev = Some(h.completed);
        if let Some(reason) = &h.forced {
            f.info(
                crate::diag::Code::ForcedStep,
                &format!("history[{i}].forced"),
                "check.matter.forced",
                "check.matter.forced.help",
                &[("step", &h.step), ("reason", reason)],
            );
        }
    }
    if in_order
        && let Some(expected) = Step::ALL.get(m.history.len()).copied()
        && m.step != expected
    {
        f.error(
            crate::diag::Code::StepHistory,
            "step",
            "check.matter.step",
            "check.matter.step.help",
            &[
                ("step", &m.step),
                ("expected", &expected),
                ("count", &m.history.len()),
            ],
        );
    }
}

fn meeting_numbers(f: &mut Finder, i: usize, mt: &crate::model::Meeting) {
    let votes = u64::from(mt.yes) + u64::from(mt.no) + u64::from(mt.abstain);
    if u64::from(mt.present) > u64::from(mt.expected) {
        f.error(
            crate::diag::Code::OutOfRange,
            &format!("meeting[{i}].present"),
            "check.matter.present",
            "check.matter.present.help",
            &[("present", &mt.present), ("expected", &mt.expected)],
        );
    }
    if votes > u64::from(mt.present) {
        f.error(
            crate::diag::Code::OutOfRange,
            &format!("meeting[{i}].yes"),
            "check.matter.votes",
            "check.matter.votes.help",
            &[("votes", &votes), ("present", &mt.present)],
        );
    }
}

fn tasks(f: &mut Finder, m: &Matter, dated: &mut Vec<(String, Date, Date)>, end: Date) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, t) in m.tasks.iter().enumerate() {
        unique_id(f, &mut seen, "task", i, &t.id, "check.duplicate-task");
        if t.org.is_none() && t.member.is_none() {
            f.error(
                crate::diag::Code::Schema,
                &format!("task[{i}]"),
                "check.matter.task-owner",
                "check.matter.task-owner.help",
                &[("task", &t.id)],
            );
        }
        positive_target(f, &format!("task[{i}]"), t.target);
        if let Some(d) = t.signed {
            dated.push((format!("task[{i}].signed"), d, end));
        }
        if let Some(d) = t.due {
            dated.push((format!("task[{i}].due"), d, end));
        }
    }
}

fn unknown_task<'m>(
    f: &mut Finder,
    m: &'m Matter,
    id: &str,
    at: &str,
) -> Option<&'m crate::model::Task> {
    let task = m.task(id);
    if task.is_none() {
        f.unknown(
            at,
            "check.word.task",
            id,
            m.tasks.iter().map(|t| t.id.as_str()),
        );
    }
    task
}
