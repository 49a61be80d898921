//! Every reference resolves (SPEC §3): organizations, members, roles, committers, leaders
//! commenting, and the subjects of score rows, which must lie in the sheet organization's subtree.
//! Tasks referenced inside a matter are checked by `single::matter`.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{Context, Finder};
use crate::diag::Diagnostic;
use crate::diag::did_you_mean;
use crate::workspace::Workspace;

/// What a reference may name.
#[derive(Clone, Copy)]
enum Target {
    Org,
    Member,
    /// A member or an organization (committers, assisting units).
    Either,
    Role,
}

/// Distinct unknown ids for which a did-you-mean is computed; past this (a folder that failed
/// to load, say) suggestions are skipped so that `check` stays fast on large workspaces.
const SUGGESTION_BUDGET: usize = 256;

struct Refs<'a> {
    ws: &'a Workspace,
    /// Suggestions already computed, by (target, unknown id).
    suggestions: RefCell<HashMap<(u8, String), Option<&'a str>>>,
}

impl<'a> Refs<'a> {
    fn exists(&self, target: Target, id: &str) -> bool {
        match target {
            Target::Org => self.ws.org(id).is_some(),
            Target::Member => self.ws.member(id).is_some(),
            Target::Either => self.ws.org(id).is_some() || self.ws.member(id).is_some(),
            Target::Role => self.ws.settings.roles.iter().any(|r| r.id == id),
        }
    }

    fn suggest(&self, target: Target, id: &str) -> Option<&'a str> {
        let key = (target as u8, id.to_string());
        if let Some(s) = self.suggestions.borrow().get(&key) {
            return *s;
        }
        if self.suggestions.borrow().len() >= SUGGESTION_BUDGET {
            return None;
        }
        let ws = self.ws;
        let orgs = ws.orgs.iter().map(|o| o.id.as_str());
        let members = ws.members.iter().map(|m| m.id.as_str());
        let s = match target {
            Target::Org => did_you_mean(id, orgs),
            Target::Member => did_you_mean(id, members),
            Target::Either => did_you_mean(id, orgs.chain(members)),
            Target::Role => did_you_mean(id, ws.settings.roles.iter().map(|r| r.id.as_str())),
        };
        self.suggestions.borrow_mut().insert(key, s);
        s
    }

    /// Reports `id` at `at` when it names nothing of `target`.
    fn check(&self, f: &mut Finder, at: &str, target: Target, id: &str) -> bool {
        if self.exists(target, id) {
            return true;
        }
        // The record's own file failed to parse and was reported: one error, not one per
        // reference to it (and nothing to check against it).
        if !matches!(target, Target::Role) && self.ws.is_broken_id(id) {
            return false;
        }
        let kind = match target {
            Target::Org => "check.word.org",
            Target::Member => "check.word.member",
            Target::Either => "check.word.committer",
            Target::Role => "check.word.role",
        };
        f.unknown_with(at, kind, id, self.suggest(target, id));
        false
    }
}

pub(super) fn check(ws: &Workspace, ctx: &Context, out: &mut Vec<Diagnostic>) {
    let r = Refs {
        ws,
        suggestions: RefCell::new(HashMap::new()),
    };
    for o in &ws.orgs {
        let mut f = Finder::new(&o.path, ctx.locale);
        if let Some(p) = &o.parent
            && p != &o.id
        {
            r.check(&mut f, "parent", Target::Org, p);
        }
        if let Some(role) = &o.role {
            r.check(&mut f, "role", Target::Role, role);
        }
        if let Some(s) = &o.secretary {
            r.check(&mut f, "secretary", Target::Member, s);
        }
        out.extend(f.out);
    }
    for m in &ws.members {
        let mut f = Finder::new(&m.path, ctx.locale);
        r.check(&mut f, "org", Target::Org, &m.org);
        if let Some(l) = &m.lives_in {
            r.check(&mut f, "lives_in", Target::Org, l);
        }
        out.extend(f.out);
    }
    for p in &ws.posts {
        let mut f = Finder::new(&p.path, ctx.locale);
        r.check(&mut f, "org", Target::Org, &p.org);
        for (i, h) in p.holders.iter().enumerate() {
            r.check(
                &mut f,
                &format!("holder[{i}].member"),
                Target::Member,
                &h.member,
            );
        }
        for (i, l) in p.logs.iter().enumerate() {
            r.check(
                &mut f,
                &format!("log[{i}].member"),
                Target::Member,
                &l.member,
            );
        }
        out.extend(f.out);
    }
    for m in &ws.matters {
        let mut f = Finder::new(&m.path, ctx.locale);
        r.check(&mut f, "org", Target::Org, &m.org);
        for (i, t) in m.tasks.iter().enumerate() {
            let at = |k: &str| format!("task[{i}].{k}");
            if let Some(o) = &t.org {
                r.check(&mut f, &at("org"), Target::Org, o);
            }
            for (key, id) in [
                ("member", &t.member),
                ("leader", &t.leader),
                ("liaison", &t.liaison),
            ] {
                if let Some(id) = id {
                    r.check(&mut f, &at(key), Target::Member, id);
                }
            }
            for (j, a) in t.assist.iter().enumerate() {
                r.check(&mut f, &format!("task[{i}].assist[{j}]"), Target::Either, a);
            }
        }
        out.extend(f.out);
    }
    for c in &ws.commitments {
        let mut f = Finder::new(&c.path, ctx.locale);
        r.check(&mut f, "committer", Target::Either, &c.committer);
        for (i, cm) in c.comments.iter().enumerate() {
            r.check(&mut f, &format!("comment[{i}].by"), Target::Member, &cm.by);
        }
        out.extend(f.out);
    }
    for e in &ws.evaluations {
        let mut f = Finder::new(&e.path, ctx.locale);
        let sheet_org = r.check(&mut f, "org", Target::Org, &e.org);
        for (i, row) in e.scores.iter().enumerate() {
            if let Some(m) = &row.member {
                let at = format!("score[{i}].member");
                if r.check(&mut f, &at, Target::Member, m)
                    && sheet_org
                    && let Some(member) = ws.member(m)
                    && !ws.is_within(&member.org, &e.org)
                    && !ws.is_below_broken(&member.org)
                {
                    f.error(
                        crate::diag::Code::OutsideSubtree,
                        &at,
                        "check.sheet.member-outside",
                        "check.sheet.outside.help",
                        &[("id", m), ("org", &e.org), ("member_org", &member.org)],
                    );
                }
            }
            if let Some(o) = &row.org {
                let at = format!("score[{i}].org");
                if r.check(&mut f, &at, Target::Org, o)
                    && sheet_org
                    && (o == e.org || !ws.is_within(o, &e.org) && !ws.is_below_broken(o))
                {
                    f.error(
                        crate::diag::Code::OutsideSubtree,
                        &at,
                        "check.sheet.org-outside",
                        "check.sheet.org-outside.help",
                        &[("id", o), ("org", &e.org), ("member_org", o)],
                    );
                }
            }
        }
        for (i, o) in e.outcomes.iter().enumerate() {
            r.check(
                &mut f,
                &format!("outcome[{i}].member"),
                Target::Member,
                &o.member,
            );
        }
        out.extend(f.out);
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{ctx, org, ws_with};
    use crate::diag::Place;
    use crate::model::{Evaluation, Member, Post};
    use crate::workspace::{Rec, Records};

    fn member(id: &str, org: &str) -> Rec<Member> {
        let text = format!(
            "id = \"{id}\"\nname = \"{id}\"\norg = \"{org}\"\nstatus = \"full\"\noffice = \"none\"\n"
        );
        Rec {
            path: format!("members/{id}.toml"),
            value: toml::from_str(&text).unwrap(),
        }
    }

    /// Each finding as `file code@path help`.
    fn findings(records: Records) -> Vec<String> {
        let ws = ws_with(records);
        let mut out = Vec::new();
        super::check(&ws, &ctx(), &mut out);
        out.into_iter()
            .map(|d| {
                let at = match &d.place {
                    Place::Path(segs) => segs.iter().map(ToString::to_string).collect::<String>(),
                    _ => String::new(),
                };
                format!(
                    "{} {}@{} {}",
                    d.file,
                    d.code,
                    at.trim_start_matches('.'),
                    d.help.unwrap_or_default()
                )
            })
            .collect()
    }

    fn base() -> Records {
        let mut r = Records::default();
        r.orgs.push(org("root", None));
        r.orgs.push(org("a", Some("root")));
        r.orgs.push(org("b", Some("root")));
        r.members.push(member("zhangsan", "a"));
        r.members.push(member("lisi", "b"));
        r
    }

    #[test]
    fn references_resolve_with_suggestions() {
        let mut r = base();
        r.members.push(member("wangwu", "bb"));
        let post: Post = toml::from_str(
            "id = \"p\"\nname = \"P\"\norg = \"a\"\nkind = \"standing\"\nduties = [\"d\"]\n\
             [[holder]]\nmember = \"zhangsna\"\n[[log]]\ndate = 2026-01-01\nmember = \"nobody\"\ntext = \"x\"\n",
        )
        .unwrap();
        r.posts.push(Rec {
            path: "posts/p.toml".into(),
            value: post,
        });
        assert_eq!(
            findings(r),
            [
                "members/wangwu.toml unknown-reference@org did you mean `b`?",
                "posts/p.toml unknown-reference@holder[0].member did you mean `zhangsan`?",
                "posts/p.toml unknown-reference@log[0].member correct the id, or create the member `nobody` first",
            ]
        );
    }

    #[test]
    fn references_to_a_broken_file_are_not_reported_again() {
        let mut r = base();
        r.members.push(member("wangwu", "c"));
        r.members.push(member("zhaoliu", "c"));
        r.members.push(member("qianqi", "d"));
        r.broken.push(crate::workspace::Broken {
            path: "orgs/c.toml".into(),
            message: "TOML syntax error".into(),
            line: 1,
            column: 1,
        });
        assert_eq!(
            findings(r),
            ["members/qianqi.toml unknown-reference@org did you mean `a`?"]
        );
    }

    #[test]
    fn score_rows_lie_in_the_sheet_subtree() {
        let mut r = base();
        let sheet: Evaluation = toml::from_str(
            "org = \"a\"\nperiod = \"2026-Q1\"\ndate = 2026-04-01\n\
             [[score]]\nmember = \"zhangsan\"\n[[score]]\nmember = \"lisi\"\n\
             [[score]]\norg = \"a\"\n[[score]]\norg = \"b\"\n",
        )
        .unwrap();
        r.evaluations.push(Rec {
            path: "evaluations/2026-Q1/a.toml".into(),
            value: sheet,
        });
        let got: Vec<String> = findings(r)
            .into_iter()
            .map(|f| f.split(' ').take(2).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            got,
            [
                "evaluations/2026-Q1/a.toml outside-subtree@score[1].member",
                "evaluations/2026-Q1/a.toml outside-subtree@score[2].org",
                "evaluations/2026-Q1/a.toml outside-subtree@score[3].org",
            ]
        );
    }
}
