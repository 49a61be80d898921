//! A year of a community branch from `init` to the annual report, with commands only (the test
//! writes nothing but the roster and the filled-in score sheets): after every writing command
//! the workspace passes `check --deny-warnings` and `fmt --check`.

use crate::{Run, TestEnv};

/// Runs `cmd` (split at spaces) as of `date` in English; it must succeed, and the workspace
/// must stay clean and canonical.
fn y(env: &TestEnv, date: &str, cmd: &str) -> Run {
    let mut args = vec!["-C", "jiangbin", "--lang", "en", "--as-of", date];
    args.extend(cmd.split(' '));
    let r = env.run(&args);
    assert_eq!(
        r.code, 0,
        "{cmd}\nstdout: {}\nstderr: {}",
        r.stdout, r.stderr
    );
    for check in [&["fmt", "--check"][..], &["check", "--deny-warnings"][..]] {
        let mut a = vec!["-C", "jiangbin", "--lang", "en", "--as-of", date];
        a.extend_from_slice(check);
        let c = env.run(&a);
        assert_eq!(
            c.code, 0,
            "{check:?} after `{cmd}` on {date}:\n{}{}",
            c.stdout, c.stderr
        );
    }
    r
}

/// Every Party member's letter for a half: drafted, one quantified item, signed, published.
fn letters(env: &TestEnv, date: &str, half: &str, due: &str) {
    for m in ["wangfang", "zhangsan", "lisi"] {
        y(env, date, &format!("commit new {m} --half {half}"));
        y(
            env,
            date,
            &format!(
                "commit item {m} --half {half} --category duty --type concrete --text 走访困难户 --target 4 --unit 户 --due {due}"
            ),
        );
        y(
            env,
            date,
            &format!("commit sign {m} --half {half} --date {date}"),
        );
        y(
            env,
            date,
            &format!("commit publish {m} --half {half} --date {date}"),
        );
    }
}

/// Scores of one period entered row by row.
fn scores(env: &TestEnv, date: &str, period: &str) {
    y(
        env,
        date,
        &format!("review sheet --period {period} --org jiangbin --date {date}"),
    );
    for (m, s) in [("wangfang", "95"), ("zhangsan", "88"), ("lisi", "70")] {
        y(
            env,
            date,
            &format!(
                "review score {m} --period {period} --self {s} --peer {s},{s},90 --leader {s} --masses {s},80,90"
            ),
        );
    }
}

#[test]
fn a_community_branch_walks_a_year_with_commands_only() {
    walk("community", "江滨社区党支部");
}

#[test]
fn a_village_branch_walks_a_year_with_commands_only() {
    walk("village", "溪口村党支部");
}

/// The year of one branch: the sector decides the partner's role and how the matter is decided
/// (三分三联 in a community; 四议两公开 in a village, with its publications).
fn walk(sector: &str, name: &str) {
    let village = sector == "village";
    let env = TestEnv::empty();
    let r = env.run(&[
        "--lang",
        "en",
        "--as-of",
        "2026-01-05",
        "init",
        "jiangbin",
        "--sector",
        sector,
        "--name",
        name,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    // January: the organizations, the secretary, the people.
    let d = "2026-01-06";
    if village {
        y(
            &env,
            d,
            "org new jwh --name 溪口村村民委员会 --kind partner --parent jiangbin",
        );
    } else {
        y(
            &env,
            d,
            "org new jwh --name 江滨社区居委会 --kind partner --parent jiangbin --role residents-committee",
        );
    }
    y(
        &env,
        d,
        "org new hexi --name 河西社区党支部 --kind branch --parent jiangbin",
    );
    y(
        &env,
        d,
        "member add --name 王芳 --org jiangbin --office leader --joined 2000-07-01 --phone 13800000001",
    );
    y(&env, d, "org edit jiangbin --secretary 王芳");
    env.write("roster.csv", "姓名,所在支部,党员类别,入党时间\n张三,jiangbin,正式党员,2010-07-01\n李四,jiangbin,预备党员,2025-06-30\n赵六,jiangbin,群众,\n");
    y(&env, d, "member import roster.csv");
    letters(&env, "2026-01-08", "2026-H1", "2026-06-30");

    // The post: set up, claimed, confirmed, published, a target, logs and a correction.
    let d = "2026-01-10";
    y(
        &env,
        d,
        "post new pingan --name 平安创建岗 --org jiangbin --duty 巡查小区治安隐患 --capacity 1",
    );
    y(
        &env,
        d,
        "post target pingan --text 每月巡查不少于4次 --value 4 --per month",
    );
    y(
        &env,
        d,
        "post target pingan --text 全年开展平安宣传不少于12次 --value 12 --per year",
    );
    y(&env, d, "post claim pingan zhangsan --date 2026-01-09");
    y(&env, d, "post assign pingan zhangsan --date 2026-01-10");
    y(&env, "2026-01-12", "post publish pingan --date 2026-01-12");

    // The matter, consult to done (三分三联).
    let m = "matter";
    y(
        &env,
        "2026-01-15",
        &format!("{m} new road --name 老旧下水道改造 --org jiangbin"),
    );
    y(
        &env,
        "2026-01-15",
        &format!("{m} opinion road --source residents --text 下水道常堵 --date 2026-01-14"),
    );
    y(
        &env,
        "2026-01-15",
        &format!(
            "{m} opinion road --source resident-unit --text 愿意出资 --date 2026-01-15 --adopted"
        ),
    );
    y(
        &env,
        "2026-01-16",
        &format!("{m} advance road --date 2026-01-16"),
    );
    if village {
        // 四议: branch, committees, members, representatives; then the decision made public.
        for (body, date) in [
            ("branch", "2026-01-17"),
            ("committees", "2026-01-18"),
            ("members", "2026-01-19"),
        ] {
            y(
                &env,
                date,
                &format!(
                    "{m} meeting road --body {body} --expected 9 --present 8 --yes 8 --decision 同意改造 --date {date}"
                ),
            );
        }
        y(
            &env,
            "2026-01-20",
            &format!(
                "{m} meeting road --body representatives --expected 30 --present 25 --yes 24 --decision 同意改造 --date 2026-01-20 --published 2026-01-20"
            ),
        );
    } else {
        y(
            &env,
            "2026-01-20",
            &format!(
                "{m} meeting road --body joint --expected 25 --present 23 --yes 21 --no 1 --abstain 1 --decision 同意改造 --date 2026-01-20"
            ),
        );
    }
    y(
        &env,
        "2026-01-21",
        &format!("{m} advance road --date 2026-01-21"),
    );
    y(
        &env,
        "2026-01-22",
        &format!(
            "{m} task road t1 --text 改造下水道 --org jwh --target 1200 --unit 米 --due 2026-09-30"
        ),
    );
    y(
        &env,
        "2026-01-23",
        &format!("{m} advance road --date 2026-01-23"),
    );
    y(
        &env,
        "2026-01-25",
        &format!("{m} sign road t1 --date 2026-01-25"),
    );
    y(
        &env,
        "2026-01-26",
        &format!("{m} publicize road --place 社区公开栏 --date 2026-01-26"),
    );
    y(
        &env,
        "2026-01-27",
        &format!("{m} advance road --date 2026-01-27"),
    );
    y(
        &env,
        "2026-02-03",
        "post log pingan zhangsan --text 巡查3个小区 --hours 2 --date 2026-02-03",
    );
    y(
        &env,
        "2026-02-03",
        "post log pingan zhangsan --amend 1 --text 巡查4个小区 --hours 2 --date 2026-02-03",
    );
    for who in ["wangfang", "zhangsan", "lisi"] {
        y(
            &env,
            "2026-03-10",
            &format!("commit progress {who} c1 --value 2 --date 2026-03-10"),
        );
    }
    y(
        &env,
        "2026-03-31",
        &format!("{m} progress road t1 --value 400 --date 2026-03-31"),
    );
    y(
        &env,
        "2026-03-31",
        &format!("{m} progress road t1 --value 500 --date 2026-03-31 --amend 1"),
    );
    scores(&env, "2026-04-05", "2026-Q1");
    for who in ["wangfang", "zhangsan", "lisi"] {
        y(
            &env,
            "2026-06-20",
            &format!("commit progress {who} c1 --value 4 --date 2026-06-20"),
        );
    }
    y(
        &env,
        "2026-06-28",
        "commit comment zhangsan --by 王芳 --text 进展良好 --rating good --date 2026-06-28",
    );
    y(
        &env,
        "2026-06-28",
        "commit comment zhangsan --amend 1 --by 王芳 --text 进展很好 --rating excellent --date 2026-06-28",
    );
    y(
        &env,
        "2026-06-30",
        &format!("{m} progress road t1 --value 1200 --date 2026-06-30"),
    );
    y(
        &env,
        "2026-07-01",
        &format!("{m} advance road --date 2026-07-01"),
    );
    y(&env, "2026-07-01", "member edit lisi --status full");
    // Q2 from a filled-in sheet; the matter reviewed and done; H1 by command.
    y(
        &env,
        "2026-07-03",
        "review sheet --period 2026-Q2 --org jiangbin --date 2026-07-03",
    );
    env.write(
        "q2.csv",
        "org,period,kind,id,name,self,peer,leader,masses\njiangbin,2026-Q2,member,wangfang,王芳,95,\"95,90\",95,\"95,90\"\njiangbin,2026-Q2,member,zhangsan,张三,88,\"88,90\",88,\"88,80\"\njiangbin,2026-Q2,member,lisi,李四,70,\"70,72\",70,\"70,75\"\n",
    );
    y(&env, "2026-07-04", "review import q2.csv");
    let published = if village {
        " --published 2026-07-05"
    } else {
        ""
    };
    y(
        &env,
        "2026-07-05",
        &format!("{m} review road --task t1 --score 95 --date 2026-07-05{published}"),
    );
    y(
        &env,
        "2026-07-06",
        &format!("{m} advance road --date 2026-07-06"),
    );

    // Letters: progress, a comment and a correction.

    scores(&env, "2026-07-06", "2026-H1");

    // July: 转正, a transfer, a departure, a capacity change and a same-day handover.
    letters(&env, "2026-07-10", "2026-H2", "2026-12-31");
    y(
        &env,
        "2026-07-15",
        "member add --name 周八 --org hexi --joined 2015-07-01",
    );
    y(&env, "2026-07-15", "commit new zhouba --half 2026-H2");
    y(
        &env,
        "2026-07-15",
        "commit item zhouba --half 2026-H2 --category duty --type concrete --text 走访 --target 2 --unit 户 --due 2026-12-31",
    );
    y(
        &env,
        "2026-07-15",
        "commit sign zhouba --half 2026-H2 --date 2026-07-15",
    );
    y(
        &env,
        "2026-07-15",
        "commit publish zhouba --half 2026-H2 --date 2026-07-15",
    );
    y(&env, "2026-07-20", "member edit zhouba --org jiangbin");
    y(&env, "2026-08-01", "post edit pingan --capacity 2");
    y(
        &env,
        "2026-08-01",
        "post end pingan zhangsan --reason 换岗 --date 2026-08-01",
    );
    y(
        &env,
        "2026-08-01",
        "post assign pingan lisi --date 2026-08-01",
    );
    y(
        &env,
        "2026-09-01",
        "member leave zhouba --date 2026-09-01 --reason 转出",
    );

    // Q3 from a filled-in workbook: the sheet handed out as xlsx, filled in, read back.
    y(
        &env,
        "2026-10-05",
        "review sheet --period 2026-Q3 --org jiangbin --date 2026-10-05",
    );
    y(
        &env,
        "2026-10-05",
        "review sheet --period 2026-Q3 --org jiangbin --format xlsx -o q3-blank.xlsx",
    );
    assert!(
        std::fs::read(env.path("q3-blank.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "org", "period", "kind", "id", "name", "self", "peer", "leader", "masses",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, score)) in [("wangfang", 94.0), ("zhangsan", 86.0), ("lisi", 75.0)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        for (c, v) in ["jiangbin", "2026-Q3", "member", id].iter().enumerate() {
            ws.write_string(r, c as u16, *v).unwrap();
        }
        for c in 5..9 {
            ws.write_number(r, c, *score).unwrap();
        }
    }
    wb.save(env.path("q3.xlsx")).unwrap();
    y(&env, "2026-10-06", "review import q3.xlsx");
    scores(&env, "2027-01-05", "2026-Q4");
    scores(&env, "2027-01-06", "2026-Y");
    y(
        &env,
        "2027-01-08",
        "review outcome 王芳 --year 2026 --honour 优秀共产党员",
    );
    y(
        &env,
        "2027-01-08",
        "review outcome lisi --year 2026 --rectify --due 2027-02-28",
    );
    y(
        &env,
        "2027-01-20",
        "review outcome lisi --year 2026 --verified 2027-01-20",
    );

    let report = y(&env, "2027-01-20", "report annual --year 2026 --format md");
    assert!(
        report.stdout.contains(&format!(
            "| 王芳 | {name} | honour |  | 优秀共产党员 |  | not supported by the computed result |"
        )),
        "{}",
        report.stdout
    );
    assert!(
        report.stdout.contains(&format!(
            "| 李四 | {name} | rectify | 2027-02-28 | rectify | 2027-01-20 |"
        )),
        "{}",
        report.stdout
    );
}
