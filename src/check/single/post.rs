//! The rules of one post file.

use super::*;

pub fn post(path: &str, p: &Post, ctx: &Context) -> Vec<Diagnostic> {
    let mut f = Finder::new(path, ctx.locale);
    id_and_stem(&mut f, &p.id, "id");
    if p.duties.iter().all(|d| d.trim().is_empty()) {
        f.error(
            crate::diag::Code::Schema,
            "duties",
            "check.post.no-duty",
            "check.post.no-duty.help",
            &[],
        );
    }
    if p.capacity == Some(0) {
        f.error(
            crate::diag::Code::OutOfRange,
            "capacity",
            "check.post.capacity-zero",
            "check.post.capacity-zero.help",
            &[],
        );
    }
    let window = post_window(&mut f, p);
    for (i, h) in p.holders.iter().enumerate() {
        holder_dates(&mut f, i, h);
        if let (Some((from, until)), Some(confirmed)) = (window, h.confirmed)
            && (confirmed < from || confirmed > until)
        {
            f.error(
                crate::diag::Code::Window,
                &format!("holder[{i}].confirmed"),
                "check.post.window",
                "check.post.window.help",
                &[
                    ("member", &h.member),
                    ("date", &confirmed),
                    ("from", &from),
                    ("until", &until),
                ],
            );
        }
    }
    capacity(&mut f, p);
    for (i, log) in p.logs.iter().enumerate() {
        if !p
            .holders
            .iter()
            .any(|h| h.member == log.member && h.serving_on(log.date))
        {
            f.error(
                crate::diag::Code::LogHolder,
                &format!("log[{i}].member"),
                "check.post.log-holder",
                "check.post.log-holder.help",
                &[("member", &log.member), ("date", &log.date)],
            );
        }
        if log
            .hours
            .is_some_and(|h| h.0.is_sign_negative() && !h.0.is_zero())
        {
            f.error(
                crate::diag::Code::OutOfRange,
                &format!("log[{i}].hours"),
                "check.negative",
                "check.negative.help",
                &[("key", &"hours")],
            );
        }
    }
    for (i, t) in p.targets.iter().enumerate() {
        if t.value
            .is_some_and(|v| v.0.is_sign_negative() && !v.0.is_zero())
        {
            f.error(
                crate::diag::Code::OutOfRange,
                &format!("target[{i}].value"),
                "check.negative",
                "check.negative.help",
                &[("key", &"value")],
            );
        }
    }
    long_tenure(&mut f, p, ctx.as_of);
    f.out
}

/// The window of a temporary post, after reporting a missing or inverted one, and any window
/// on a standing post.
fn post_window(f: &mut Finder, p: &Post) -> Option<(Date, Date)> {
    match p.kind {
        PostKind::Standing => {
            for (key, v) in [("from", p.from), ("until", p.until)] {
                if v.is_some() {
                    f.error(
                        crate::diag::Code::Schema,
                        key,
                        "check.post.standing-window",
                        "check.post.standing-window.help",
                        &[("key", &key)],
                    );
                }
            }
            None
        }
        PostKind::Temporary => match (p.from, p.until) {
            (Some(from), Some(until)) => {
                if until < from {
                    f.error(
                        crate::diag::Code::DateOrder,
                        "until",
                        "check.date-order",
                        "check.date-order.help",
                        &[
                            ("later", &"until"),
                            ("later_date", &until),
                            ("earlier", &"from"),
                            ("earlier_date", &from),
                        ],
                    );
                    None
                } else {
                    Some((from, until))
                }
            }
            (from, until) => {
                let missing = match (from, until) {
                    (None, None) => "from, until",
                    (None, _) => "from",
                    _ => "until",
                };
                f.error(
                    crate::diag::Code::Schema,
                    "kind",
                    "check.post.temporary-window",
                    "check.post.temporary-window.help",
                    &[("keys", &missing)],
                );
                None
            }
        },
    }
}

fn holder_dates(f: &mut Finder, i: usize, h: &crate::model::Holder) {
    let steps = [
        ("claimed", h.claimed),
        ("confirmed", h.confirmed),
        ("published", h.published),
        ("ended", h.ended),
    ];
    let mut last: Option<(&str, Date)> = None;
    for (key, date) in steps {
        let Some(date) = date else { continue };
        if let Some((prev_key, prev)) = last
            && date < prev
        {
            f.error(
                crate::diag::Code::DateOrder,
                &format!("holder[{i}].{key}"),
                "check.date-order",
                "check.date-order.help",
                &[
                    ("later", &key),
                    ("later_date", &date),
                    ("earlier", &prev_key),
                    ("earlier_date", &prev),
                ],
            );
            continue;
        }
        last = Some((key, date));
    }
}

fn capacity(f: &mut Finder, p: &Post) {
    let Some(cap) = p.capacity.filter(|c| *c > 0) else {
        return;
    };
    for (i, h) in p.holders.iter().enumerate() {
        let Some(confirmed) = h.confirmed else {
            continue;
        };
        let serving = p
            .holders
            .iter()
            .filter(|o| o.occupies_on(confirmed))
            .count();
        if serving > cap as usize {
            f.error(
                crate::diag::Code::Capacity,
                &format!("holder[{i}].confirmed"),
                "check.post.capacity",
                "check.post.capacity.help",
                &[
                    ("member", &h.member),
                    ("date", &confirmed),
                    ("count", &serving),
                    ("capacity", &cap),
                ],
            );
        }
    }
}

fn long_tenure(f: &mut Finder, p: &Post, as_of: Date) {
    for (i, h) in p.holders.iter().enumerate() {
        let Some(confirmed) = h.confirmed else {
            continue;
        };
        if h.ended.is_some_and(|e| e < as_of) {
            continue;
        }
        let Some(three) = confirmed.0.checked_add_months(Months::new(36)) else {
            continue;
        };
        if three < as_of.0 {
            f.info(
                crate::diag::Code::LongTenure,
                &format!("holder[{i}]"),
                "check.post.long-tenure",
                "check.post.long-tenure.help",
                &[("member", &h.member), ("since", &confirmed)],
            );
        }
    }
}
