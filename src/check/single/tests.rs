//! Tests of `single`.

use super::*;
use crate::check::tests::ctx;
use crate::check::tests::settings as test_settings;
use crate::diag::Place;

/// Runs the single-record rule of the kind that `path` holds over `text`, and returns each
/// finding as `code@key.path`.
fn check(path: &str, text: &str) -> Vec<String> {
    let c = ctx();
    let s = test_settings();
    let diags = match path.split('/').next() {
        Some("posts") => post(path, &toml::from_str(text).unwrap(), &c),
        Some("matters") => matter(path, &toml::from_str(text).unwrap(), &s, &c),
        Some("commitments") => commitment(path, &toml::from_str(text).unwrap(), &c),
        Some("evaluations") => evaluation(path, &toml::from_str(text).unwrap(), &s, &c),
        Some("members") => member(path, &toml::from_str(text).unwrap(), &c),
        Some("orgs") => org(path, &toml::from_str(text).unwrap(), &c),
        _ => settings_rules(path, text),
    };
    diags
        .into_iter()
        .map(|d| {
            assert!(d.help.is_some(), "{} has no help", d.code);
            let at = match &d.place {
                Place::Path(segs) => segs.iter().map(ToString::to_string).collect::<String>(),
                _ => String::new(),
            };
            format!("{}@{}", d.code, at.trim_start_matches('.'))
        })
        .collect()
}

fn settings_rules(path: &str, text: &str) -> Vec<Diagnostic> {
    super::settings(path, &toml::from_str(text).unwrap(), &ctx())
}

const POST: &str =
    "id = \"p\"\nname = \"P\"\norg = \"root\"\nkind = \"standing\"\nduties = [\"d\"]\n";

#[test]
fn a_clean_post_has_no_findings() {
    let text = format!(
        "{POST}capacity = 1\n[[holder]]\nmember = \"a\"\nclaimed = 2026-01-01\nconfirmed = 2026-01-02\npublished = 2026-01-03\nended = 2026-03-01\n\
         [[holder]]\nmember = \"b\"\nconfirmed = 2026-03-02\n[[log]]\ndate = 2026-03-01\nmember = \"a\"\ntext = \"x\"\n"
    );
    assert_eq!(check("posts/p.toml", &text), Vec::<String>::new());
}

#[test]
fn post_rules() {
    assert_eq!(check("posts/q.toml", POST), ["id-mismatch@id"]);
    let no_duty = POST.replace("[\"d\"]", "[]");
    assert_eq!(check("posts/p.toml", &no_duty), ["schema@duties"]);
    let dates =
        format!("{POST}[[holder]]\nmember = \"a\"\nclaimed = 2026-02-01\nconfirmed = 2026-01-15\n");
    assert_eq!(
        check("posts/p.toml", &dates),
        ["date-order@holder[0].confirmed"]
    );
    let cap = format!(
        "{POST}capacity = 1\n[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-01\n[[holder]]\nmember = \"b\"\nconfirmed = 2026-02-01\n"
    );
    assert_eq!(
        check("posts/p.toml", &cap),
        ["capacity@holder[1].confirmed"]
    );
    let log = format!(
        "{POST}[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-10\nended = 2026-02-01\n[[log]]\ndate = 2026-02-02\nmember = \"a\"\ntext = \"x\"\n"
    );
    assert_eq!(check("posts/p.toml", &log), ["log-holder@log[0].member"]);
    let long = format!("{POST}[[holder]]\nmember = \"a\"\nconfirmed = 2023-11-19\n");
    assert_eq!(check("posts/p.toml", &long), ["long-tenure@holder[0]"]);
    let not_long = format!("{POST}[[holder]]\nmember = \"a\"\nconfirmed = 2023-11-20\n");
    assert!(check("posts/p.toml", &not_long).is_empty());
}

#[test]
fn temporary_posts_have_a_window() {
    let temp = POST.replace("standing", "temporary");
    assert_eq!(check("posts/p.toml", &temp), ["schema@kind"]);
    let window = format!(
        "{temp}from = 2026-06-18\nuntil = 2026-07-31\n[[holder]]\nmember = \"a\"\nconfirmed = 2026-08-01\n"
    );
    assert_eq!(
        check("posts/p.toml", &window),
        ["window@holder[0].confirmed"]
    );
    let inverted = format!("{temp}from = 2026-06-18\nuntil = 2026-06-01\n");
    assert_eq!(check("posts/p.toml", &inverted), ["date-order@until"]);
    let standing = format!("{POST}from = 2026-06-18\n");
    assert_eq!(check("posts/p.toml", &standing), ["schema@from"]);
}

const MATTER: &str = "id = \"m\"\nname = \"M\"\norg = \"root\"\nyear = 2026\n";

#[test]
fn matter_step_and_history() {
    let ok = format!(
        "{MATTER}step = \"decompose\"\n[[history]]\nstep = \"consult\"\ncompleted = 2026-01-10\n\
         [[history]]\nstep = \"decide\"\ncompleted = 2026-01-20\nforced = \"urgent\"\n"
    );
    assert_eq!(
        check("matters/2026/m.toml", &ok),
        ["forced-step@history[1].forced"]
    );
    let wrong_step = ok.replace("\"decompose\"", "\"implement\"");
    assert!(check("matters/2026/m.toml", &wrong_step).contains(&"step-history@step".to_string()));
    let wrong_order = ok.replace("step = \"consult\"", "step = \"commit\"");
    assert!(
        check("matters/2026/m.toml", &wrong_order)
            .contains(&"step-history@history[0].step".to_string())
    );
    let back = ok.replace("2026-01-20", "2026-01-05");
    assert!(
        check("matters/2026/m.toml", &back)
            .contains(&"step-history@history[1].completed".to_string())
    );
    let fresh = format!("{MATTER}step = \"consult\"\n");
    let far = fresh.replace("2026", "2147483647");
    assert_eq!(
        check("matters/2147483647/m.toml", &far),
        ["out-of-range@year"]
    );
    assert!(check("matters/2026/m.toml", &fresh).is_empty());
    assert_eq!(
        check("matters/2025/m.toml", &fresh),
        ["period-mismatch@year"]
    );
}

#[test]
fn matter_numbers_and_tasks() {
    let text = format!(
        "{MATTER}step = \"consult\"\n[[meeting]]\nbody = \"branch\"\ndate = 2026-01-20\nexpected = 10\npresent = 11\nyes = 9\nno = 2\nabstain = 1\n\
         [[task]]\nid = \"t1\"\ntext = \"x\"\norg = \"root\"\n[[task]]\nid = \"t1\"\ntext = \"y\"\n\
         [[progress]]\ntask = \"t1\"\ndate = 2026-03-01\nvalue = 120\n[[progress]]\ntask = \"t2\"\ndate = 2027-03-01\nvalue = 1\n\
         [[review]]\ndate = 2026-12-20\nscore = 101\n"
    );
    assert_eq!(
        check("matters/2026/m.toml", &text),
        [
            "out-of-range@meeting[0].present",
            "out-of-range@meeting[0].yes",
            "duplicate-id@task[1].id",
            "schema@task[1]",
            "out-of-range@progress[0].value",
            "unknown-reference@progress[1].task",
            "out-of-range@review[0].score",
            "date-outside@progress[1].date",
        ]
    );
}

#[test]
fn commitment_rules() {
    let text = "committer = \"a\"\nhalf = \"2026-H1\"\nsigned = 2026-01-15\n\
        [[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"x\"\ntarget = 3\ndue = 2026-07-31\n\
        [[item.progress]]\ndate = 2026-03-01\ndone = true\n\
        [[item]]\nid = \"c1\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"y\"\n\
        [[item.progress]]\ndate = 2026-03-01\nvalue = 1\n";
    assert_eq!(
        check("commitments/2026-H1/a.toml", text),
        [
            "schema@item[0].progress[0]",
            "duplicate-id@item[1].id",
            "schema@item[1].progress[0]",
            "date-outside@item[0].due",
        ]
    );
    let clean = "committer = \"a\"\nhalf = \"2026-H2\"\n";
    assert_eq!(
        check("commitments/2026-H1/a.toml", clean),
        ["period-mismatch@half"]
    );
    let quarter = "committer = \"a\"\nhalf = \"2026-Q1\"\n";
    assert_eq!(
        check("commitments/2026-Q1/a.toml", quarter),
        ["schema@half"]
    );
}

#[test]
fn evaluation_rules() {
    let text = "org = \"root\"\nperiod = \"2026-Q1\"\ndate = 2026-06-30\n\
        [[score]]\nmember = \"a\"\nself = 101\npeer = [90, -1]\n\
        [[score]]\nmember = \"a\"\n[[score]]\nmember = \"b\"\norg = \"x\"\n\
        [[outcome]]\nmember = \"a\"\nkind = \"honour\"\n";
    assert_eq!(
        check("evaluations/2026-Q1/root.toml", text),
        [
            "date-outside@date",
            "out-of-range@score[0].self",
            "out-of-range@score[0].peer[1]",
            "duplicate-subject@score[1].member",
            "schema@score[2]",
            "period-mismatch@outcome[0]",
        ]
    );
    let ok = "org = \"root\"\nperiod = \"2026-Q1\"\ndate = 2026-06-29\n";
    assert!(check("evaluations/2026-Q1/root.toml", ok).is_empty());
    assert_eq!(
        check("evaluations/2026-Q2/root.toml", ok),
        ["period-mismatch@period"]
    );
}

#[test]
fn settings_and_members() {
    let s = "format = 2\nname = \"t\"\nroot = \"Root\"\nyear = 2026\nsector = \"community\"\n\
        [[role]]\nid = \"a\"\nname = \"x\"\n[[role]]\nid = \"a\"\nname = \"y\"\n";
    assert_eq!(
        check("dangjian.toml", s),
        [
            "schema@format",
            "invalid-id@root",
            "duplicate-id@role[1].id"
        ]
    );
    let m = "id = \"a\"\nname = \"A\"\norg = \"root\"\nstatus = \"full\"\noffice = \"none\"\njoined = 2020-01-01\nleft = 2019-01-01\n";
    assert_eq!(check("members/a.toml", m), ["date-order@left"]);
    assert_eq!(
        check(
            "members/B.toml",
            &m.replace("\"a\"", "\"B\"")
                .replace("left = 2019-01-01\n", "")
        ),
        ["invalid-id@id"]
    );
    let o = "id = \"x\"\nname = \"X\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"x\"\n";
    assert_eq!(check("orgs/x.toml", o), ["cycle@parent"]);
}

#[test]
fn office_is_optional_and_defaults_to_none() {
    let m = "id = \"a\"\nname = \"A\"\norg = \"root\"\nstatus = \"resident\"\n";
    assert_eq!(check("members/a.toml", m), Vec::<String>::new());
    let parsed: crate::model::Member = toml::from_str(m).unwrap();
    assert_eq!(parsed.office, crate::model::Office::None);
}
