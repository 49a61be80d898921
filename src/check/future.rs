//! `future-date` (SPEC §2.4): a date of something that happened — a holder's steps, a duty log,
//! an opinion, a meeting, a signature, progress, a review, a comment, joining or leaving — lies
//! after `--as-of`. Dates that are naturally ahead (`due`, a temporary post's `from` and
//! `until`) are not looked at. A warning: the writing commands refuse such dates, so one in
//! the files was typed by hand or the clock of the machine is wrong.

use crate::diag::{Diagnostic, Severity};
use crate::model::Date;
use crate::workspace::Workspace;

use super::{Context, Finder};

pub fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in &ws.members {
        let mut f = Finder::new(&m.path, ctx.locale);
        date(&mut f, ctx, "joined", m.joined);
        date(&mut f, ctx, "left", m.left);
        out.extend(f.out);
    }
    for p in &ws.posts {
        let mut f = Finder::new(&p.path, ctx.locale);
        for (i, h) in p.holders.iter().enumerate() {
            date(&mut f, ctx, &format!("holder[{i}].claimed"), h.claimed);
            date(&mut f, ctx, &format!("holder[{i}].confirmed"), h.confirmed);
            date(&mut f, ctx, &format!("holder[{i}].published"), h.published);
            date(&mut f, ctx, &format!("holder[{i}].ended"), h.ended);
        }
        for (i, l) in p.logs.iter().enumerate() {
            date(&mut f, ctx, &format!("log[{i}].date"), Some(l.date));
        }
        out.extend(f.out);
    }
    for m in &ws.matters {
        let mut f = Finder::new(&m.path, ctx.locale);
        for (i, h) in m.history.iter().enumerate() {
            date(
                &mut f,
                ctx,
                &format!("history[{i}].completed"),
                Some(h.completed),
            );
        }
        for (i, o) in m.opinions.iter().enumerate() {
            date(&mut f, ctx, &format!("opinion[{i}].date"), Some(o.date));
        }
        for (i, x) in m.meetings.iter().enumerate() {
            date(&mut f, ctx, &format!("meeting[{i}].date"), Some(x.date));
            date(&mut f, ctx, &format!("meeting[{i}].published"), x.published);
        }
        for (i, t) in m.tasks.iter().enumerate() {
            date(&mut f, ctx, &format!("task[{i}].signed"), t.signed);
        }
        if let Some(p) = &m.publicity {
            date(&mut f, ctx, "publicity.date", p.date);
        }
        for (i, p) in m.progress.iter().enumerate() {
            date(&mut f, ctx, &format!("progress[{i}].date"), Some(p.date));
        }
        for (i, r) in m.reviews.iter().enumerate() {
            date(&mut f, ctx, &format!("review[{i}].date"), Some(r.date));
            date(&mut f, ctx, &format!("review[{i}].published"), r.published);
        }
        out.extend(f.out);
    }
    for c in &ws.commitments {
        let mut f = Finder::new(&c.path, ctx.locale);
        date(&mut f, ctx, "signed", c.signed);
        date(&mut f, ctx, "published", c.published);
        for (i, item) in c.items.iter().enumerate() {
            for (j, p) in item.progress.iter().enumerate() {
                date(
                    &mut f,
                    ctx,
                    &format!("item[{i}].progress[{j}].date"),
                    Some(p.date),
                );
            }
        }
        for (i, x) in c.comments.iter().enumerate() {
            date(&mut f, ctx, &format!("comment[{i}].date"), Some(x.date));
        }
        out.extend(f.out);
    }
    for e in &ws.evaluations {
        let mut f = Finder::new(&e.path, ctx.locale);
        date(&mut f, ctx, "date", Some(e.date));
        for (i, o) in e.outcomes.iter().enumerate() {
            date(&mut f, ctx, &format!("outcome[{i}].verified"), o.verified);
        }
        out.extend(f.out);
    }
}

fn date(f: &mut Finder<'_>, ctx: &Context, at: &str, d: Option<Date>) {
    if let Some(d) = d.filter(|d| *d > ctx.as_of) {
        f.push(
            Severity::Warning,
            crate::diag::Code::FutureDate,
            at,
            "check.future-date",
            "check.future-date.help",
            &[("key", &at), ("date", &d), ("as_of", &ctx.as_of)],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::ctx;

    #[test]
    fn dates_after_as_of_are_reported_and_due_dates_are_not() {
        let c = ctx();
        let mut f = Finder::new("members/a.toml", c.locale);
        date(&mut f, &c, "joined", Some(Date::ymd(2026, 11, 21)));
        date(&mut f, &c, "left", Some(Date::ymd(2026, 11, 20)));
        date(&mut f, &c, "x", None);
        let codes: Vec<String> = f
            .out
            .iter()
            .map(|d| format!("{}@{:?}", d.code, d.severity))
            .collect();
        assert_eq!(codes, ["future-date@Warning"]);
        assert!(
            f.out[0].message.contains("2026-11-21"),
            "{}",
            f.out[0].message
        );
    }
}
