//! CLI tests of the review area: scores, explanations, formats, blank sheets and the checks of
//! `[review]`, through the real binary.

use super::TestEnv;

const SETTINGS: &str = "format = 1\nname = \"江滨社区党委\"\nroot = \"jiangbin\"\nyear = 2026\nlocale = \"en\"\nsector = \"community\"\n";

/// The SPEC §6 example: 张三's row gives peer 88.33, masses 87.67, base 86.8, +3 → 89.8.
fn spec_env(settings_extra: &str) -> TestEnv {
    let env = TestEnv::empty();
    env.write("dangjian.toml", &format!("{SETTINGS}{settings_extra}"));
    env.write(
        "orgs/jiangbin.toml",
        "id = \"jiangbin\"\nname = \"江滨社区党支部\"\nkind = \"branch\"\nsector = \"community\"\n",
    );
    env.write(
        "orgs/sub.toml",
        "id = \"sub\"\nname = \"第一支部\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"jiangbin\"\n",
    );
    for (id, name, org) in [
        ("zhangsan", "张三", "jiangbin"),
        ("lisi", "李四", "jiangbin"),
        ("wangwu", "王五", "sub"),
    ] {
        env.write(
            &format!("members/{id}.toml"),
            &format!("id = \"{id}\"\nname = \"{name}\"\norg = \"{org}\"\nstatus = \"full\"\noffice = \"none\"\n"),
        );
    }
    env.write(
        "posts/pingan-1.toml",
        "id = \"pingan-1\"\nname = \"平安创建岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"巡查\"]\nlog_every = \"month\"\n\
         [[holder]]\nmember = \"zhangsan\"\nclaimed = 2026-01-10\nconfirmed = 2026-01-15\n\
         [[log]]\ndate = 2026-02-03\nmember = \"zhangsan\"\ntext = \"巡查\"\n",
    );
    env.write(
        "commitments/2026-H1/zhangsan.toml",
        "committer = \"zhangsan\"\nhalf = \"2026-H1\"\n[[item]]\nid = \"c1\"\ncategory = \"pairing\"\ntype = \"concrete\"\n\
         text = \"帮助3户困难家庭\"\ntarget = 3\nunit = \"户\"\ndue = 2026-03-31\n[[item.progress]]\ndate = 2026-03-10\nvalue = 3\n",
    );
    env.write(
        "evaluations/2026-Q1/jiangbin.toml",
        "org = \"jiangbin\"\nperiod = \"2026-Q1\"\ndate = 2026-04-05\n\
         [[score]]\nmember = \"zhangsan\"\nself = 90\npeer = [88, 92, 85]\nleader = 92\nmasses = [90, 85, 95, 70, 88]\n\
         adjust = [{ points = 3, reason = \"抗洪救灾表现突出\" }]\n\
         [[score]]\nmember = \"wangwu\"\nleader = 95\n\
         [[score]]\norg = \"sub\"\nleader = 88.125\n",
    );
    env
}

#[test]
fn quarterly_json_has_the_shape_of_the_spec() {
    let env = spec_env("");
    let r = env.run(&[
        "--as-of",
        "2026-04-10",
        "review",
        "quarterly",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected = r#"{
  "period": "2026-Q1",
  "as_of": "2026-04-10",
  "scale": 100,
  "subjects": [
    {
      "kind": "member",
      "id": "wangwu",
      "name": "王五",
      "org": "sub",
      "components": {
        "leader": 95.0
      },
      "adjust": 0.0,
      "score": 95.0,
      "grade": "qualified",
      "demoted": true,
      "vetoed": false,
      "rank": 1,
      "rank_overall": 1
    },
    {
      "kind": "member",
      "id": "zhangsan",
      "name": "张三",
      "org": "jiangbin",
      "components": {
        "self": 90.0,
        "peer": 88.33,
        "leader": 92.0,
        "masses": 87.67,
        "objective": 75.0
      },
      "adjust": 3.0,
      "score": 89.8,
      "grade": "qualified",
      "demoted": false,
      "vetoed": false,
      "rank": 1,
      "rank_overall": 2
    },
    {
      "kind": "org",
      "id": "sub",
      "name": "第一支部",
      "org": "jiangbin",
      "components": {
        "leader": 88.13
      },
      "adjust": 0.0,
      "score": 88.13,
      "grade": "good",
      "demoted": false,
      "vetoed": false,
      "rank": 1,
      "rank_overall": 1
    }
  ],
  "missing": [
    {
      "kind": "member",
      "id": "lisi",
      "reason": "no score row"
    }
  ],
  "grades": {
    "excellent": 0,
    "qualified": 2,
    "basic": 0,
    "unqualified": 0,
    "advanced": 0,
    "good": 1,
    "average": 0,
    "lagging": 0
  }
}
"#;
    assert_eq!(r.stdout, expected);
}

#[test]
fn explain_shows_every_step_in_english() {
    let env = spec_env("");
    let r = env.run(&[
        "--as-of",
        "2026-04-10",
        "review",
        "quarterly",
        "--explain",
        "张三",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected = "\
张三 (zhangsan, member), review 2026-Q1 (2026-01-01 to 2026-03-31)
  organization: 江滨社区党支部 (jiangbin)
  quota and group rank: counted in the member's own organization 江滨社区党支部 (jiangbin)
  score row: evaluations/2026-Q1/jiangbin.toml, [[score]] number 0 (from 0), review meeting on 2026-04-05
1. Scores given
  Self: 90 (one number, used as it is)
  Peer: 3 ballots (88, 92, 85), fewer than 5 (2 × trim 1 + 3), so none is dropped; mean = 88.3333…
  Leader: 92 (one number, used as it is)
  Masses: 5 ballots (90, 85, 95, 70, 88), at least 5 (2 × trim 1 + 3): the highest 95 and the lowest 70 are dropped; mean of 85, 88, 90 = 87.6667…
2. Objective component
  commitment rate C: 1 commitment item falls due in the period, each at its latest progress entry by the period's end
    c1 \"帮助3户困难家庭\" (commitments/2026-H1/zhangsan.toml) due 2026-03-31: 3 of target 3 on 2026-03-10, fraction min(1, 3/3) = 1
    C = mean of the fractions = 1
  post rate P: every calendar unit (ISO week, month, quarter) lying wholly inside both the period and the spell needs one duty-log entry by the member on that post
    平安创建岗 (pingan-1), a log entry every month, spell 2026-01-15 to open: 2 units required, 1 met
      units without an entry: 2026-03-01…2026-03-31
    P = 1 met / 2 required = 0.5
  objective O = 100 × mean of C, P = 75
3. Weighted mean (over the components present, divided by their weights' sum)
  Self 90 × weight 0.1 = 9
  Peer 88.3333… × weight 0.2 = 17.6667…
  Leader 92 × weight 0.3 = 27.6
  Masses 87.6667… × weight 0.2 = 17.5333…
  Objective 75 × weight 0.2 = 15
  base = 86.8 ÷ 1 = 86.8
4. Adjustments
  +3  抗洪救灾表现突出
5. Score
  86.8 + (3) = 89.8, within 0 to 100
  rounded half away from zero to 2 decimals, at the end only: score 89.8 (grades, ranks and the annual mean use this value)
6. Grade
  89.8 reaches qualified (min 75)
  grade: qualified
7. Rank
  rank 1 of 1 scored in 江滨社区党支部 (jiangbin) (equal scores share a rank), 2 overall
";
    assert_eq!(r.stdout, expected);
}

#[test]
fn explain_names_the_quota_that_demoted_a_subject_and_speaks_chinese() {
    let env = spec_env("");
    let r = env.run(&[
        "--as-of",
        "2026-04-10",
        "--lang",
        "zh-CN",
        "review",
        "quarterly",
        "--explain",
        "wangwu",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("95 达到 优秀（最低 90 分）\n  名额限制：优秀 最多占本组 0.3，本组有分 1 人，名额 0 个；名额按分数从高到低分配、同分者一起计，轮到本分数时已不够，降为 合格"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("等次：合格\n七、名次\n  在 第一支部 (sub) 的 1 个有分对象中排第 1 名（同分同名次），全部范围内排第 1 名\n"), "{}", r.stdout);
    let r = env.run(&[
        "--as-of",
        "2026-04-10",
        "review",
        "quarterly",
        "--explain",
        "lisi",
    ]);
    assert_eq!(
        r.stdout,
        "李四 (lisi, member) has no score for 2026-Q1\n  should be reviewed, but no sheet of 2026-Q1 has a row for them; add a [[score]] row to the organization's sheet\n"
    );
    let r = env.run(&[
        "--as-of",
        "2026-04-10",
        "review",
        "quarterly",
        "--explain",
        "nobody",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`nobody` is not among the subjects of 2026-Q1"),
        "{}",
        r.stderr
    );
}

#[test]
fn org_filter_narrows_output_but_keeps_grades_and_group_ranks() {
    let env = spec_env("");
    let r = env.run(&[
        "--as-of",
        "2026-04-10",
        "review",
        "quarterly",
        "--org",
        "sub",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["wangwu", "sub"]);
    assert_eq!(v["subjects"][0]["grade"], "qualified");
    assert_eq!(v["subjects"][0]["demoted"], true);
    assert_eq!(v["missing"], serde_json::json!([]));
    let r = env.run(&["review", "quarterly", "--org", "nowhere"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no organization has the id or name `nowhere`"),
        "{}",
        r.stderr
    );
}

#[test]
fn default_period_is_the_latest_ended_and_kinds_are_checked() {
    let env = spec_env("");
    // DANGJIAN_AS_OF = 2026-11-20: the latest quarter ended is 2026-Q3 (no sheet: all missing).
    let r = env.run(&["review", "quarterly", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["period"], "2026-Q3");
    assert_eq!(v["missing"].as_array().unwrap().len(), 3);
    let r = env.run(&["review", "half", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["period"], "2026-H1");
    let r = env.run(&["review", "half", "--period", "2026-Q1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is not a half-year period"),
        "{}",
        r.stderr
    );
}

#[test]
fn csv_yaml_md_and_table_carry_the_same_data() {
    let env = spec_env("");
    let base = ["--as-of", "2026-04-10", "review", "quarterly", "--format"];
    let csv = env.run(&[&base[..], &["csv"]].concat());
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(csv.stdout.starts_with("rank_overall,kind,id,name,org,org_name,self,peer,leader,masses,objective,adjust,score,grade,demoted,vetoed,rank,change\r\n"), "{}", csv.stdout);
    assert!(
        csv.stdout.contains(
            "2,member,zhangsan,张三,jiangbin,江滨社区党支部,90,88.33,92,87.67,75,3,89.8,qualified,false,false,1,\r\n"
        ),
        "{}",
        csv.stdout
    );
    let yaml = env.run(&[&base[..], &["yaml"]].concat());
    assert!(
        yaml.stdout.contains("\"period\": \"2026-Q1\"\n"),
        "{}",
        yaml.stdout
    );
    assert!(
        yaml.stdout.contains("\"as_of\": \"2026-04-10\"\n"),
        "a date stays a string: {}",
        yaml.stdout
    );
    assert!(
        yaml.stdout.contains("    \"score\": 89.8\n"),
        "{}",
        yaml.stdout
    );
    let md = env.run(&[&base[..], &["md"]].concat());
    assert!(md.stdout.contains("张三"), "{}", md.stdout);
    assert!(md.stdout.contains("| 89.8 |"), "{}", md.stdout);
    let table = env.run(&base[..4]);
    assert!(
        table
            .stdout
            .starts_with("江滨社区党支部: review of Q1 2026\n"),
        "the title names the organization and the period: {}",
        table.stdout
    );
    assert!(
        !table.stdout.contains("zhangsan") && table.stdout.contains("张三"),
        "people by name, not by id: {}",
        table.stdout
    );
    assert!(table.stdout.contains("89.8"), "{}", table.stdout);
}

#[test]
fn annual_adds_year_parts_and_outcomes() {
    let env = spec_env("");
    env.write(
        "evaluations/2026-Y/jiangbin.toml",
        "org = \"jiangbin\"\nperiod = \"2026-Y\"\ndate = 2026-12-28\n\
         [[score]]\nmember = \"lisi\"\nleader = 55\n",
    );
    let r = env.run(&[
        "--as-of",
        "2027-01-10",
        "review",
        "annual",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["year"], 2026);
    let lisi = v["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "lisi")
        .unwrap();
    assert_eq!(lisi["parts"], serde_json::json!({"year_end": 55.0}));
    assert_eq!(lisi["grade"], "unqualified");
    assert_eq!(
        lisi["outcomes"],
        serde_json::json!([{"kind": "rectify", "due": "2027-01-27"}])
    );
    let zs = v["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "zhangsan")
        .unwrap();
    assert_eq!(zs["parts"], serde_json::json!({"quarters": 89.8}));
    assert!(
        v["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["kind"] == "member" || s.get("outcomes").is_none())
    );
    let r = env.run(&[
        "--as-of",
        "2027-01-10",
        "review",
        "annual",
        "--explain",
        "lisi",
    ]);
    assert!(
        r.stdout
            .contains("rectify by 2027-01-27 (year-end review 2026-12-28 + 30 days)"),
        "{}",
        r.stdout
    );
}

#[test]
fn sheet_writes_a_blank_sheet_once() {
    let env = spec_env("");
    let r = env.run(&[
        "review",
        "sheet",
        "--period",
        "2026-Q2",
        "--org",
        "jiangbin",
        "--dry-run",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("+member = \"lisi\"  # 李四"),
        "{}",
        r.stdout
    );
    assert!(!env.path("evaluations/2026-Q2/jiangbin.toml").exists());
    let r = env.run(&[
        "review",
        "sheet",
        "--period",
        "2026-Q2",
        "--org",
        "jiangbin",
        "--date",
        "2026-07-03",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = env.read("evaluations/2026-Q2/jiangbin.toml");
    assert!(
        text.contains("org = \"jiangbin\"\nperiod = \"2026-Q2\"\ndate = 2026-07-03\n"),
        "{text}"
    );
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("member = "))
        .collect();
    assert_eq!(
        rows,
        vec![
            "member = \"lisi\"  # 李四",
            "member = \"zhangsan\"  # 张三",
            "member = \"wangwu\"  # 王五"
        ]
    );
    assert!(
        text.ends_with("[[score]]\norg = \"sub\"  # 第一支部\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "# a blank row is not scored: each subject is reviewed once at least one of the four is entered\n"
        ),
        "{text}"
    );
    assert!(
        r.stdout.contains("note: a blank row is not scored."),
        "the command says a blank row is not scored: {}",
        r.stdout
    );
    // The blank sheet loads: its rows hold no sheet score, so every subject is missing with
    // `no sheet score` (SPEC §6: a blank sheet ranks nobody), whatever its objective data.
    let r = env.run(&[
        "review",
        "quarterly",
        "--period",
        "2026-Q2",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["subjects"], serde_json::json!([]));
    let reasons: Vec<&str> = v["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, vec!["no sheet score"; 4], "{}", r.stdout);
    let again = env.run(&[
        "review", "sheet", "--period", "2026-Q2", "--org", "jiangbin",
    ]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(env.read("evaluations/2026-Q2/jiangbin.toml"), text);
}

#[test]
fn check_reports_weights_grades_and_overdue_rectifications() {
    let env = spec_env(
        "[review]\nscale = 100\n[review.weights]\nself = 0.5\npeer = 0.2\nleader = 0.3\nmasses = 0.2\nobjective = -0.1\n\
         [[review.grades]]\nid = \"good\"\nname = \"好\"\nmin = 80\nmax_share = 1.5\n\
         [[review.grades]]\nid = \"bad\"\nname = \"差\"\nmin = 85\n",
    );
    env.write(
        "evaluations/2025-Y/jiangbin.toml",
        "org = \"jiangbin\"\nperiod = \"2025-Y\"\ndate = 2025-12-28\n\
         [[outcome]]\nmember = \"lisi\"\nkind = \"rectify\"\ndue = 2026-01-27\n\
         [[outcome]]\nmember = \"zhangsan\"\nkind = \"rectify\"\ndue = 2026-01-27\nverified = 2026-01-20\n",
    );
    let r = env.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let found: Vec<(String, String, i64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| ["weights", "grades", "overdue"].contains(&d["code"].as_str().unwrap()))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_i64().unwrap(),
            )
        })
        .collect();
    let has = |code: &str, file: &str| found.iter().any(|(c, f, _)| c == code && f == file);
    assert!(has("weights", "dangjian.toml"), "{found:?}");
    assert_eq!(
        found.iter().filter(|(c, _, _)| c == "weights").count(),
        2,
        "{found:?}"
    );
    // max_share 1.5, order 80 → 85, and the last grade with `min`.
    assert_eq!(
        found.iter().filter(|(c, _, _)| c == "grades").count(),
        3,
        "{found:?}"
    );
    assert_eq!(
        found
            .iter()
            .filter(|(c, _, _)| c == "overdue")
            .collect::<Vec<_>>(),
        vec![&(
            "overdue".to_string(),
            "evaluations/2025-Y/jiangbin.toml".to_string(),
            7
        )]
    );
    assert_eq!(r.code, 1);
}

#[test]
fn annual_explain_shows_parts_weights_and_post_rates() {
    let env = spec_env("");
    env.write(
        "evaluations/2026-Y/jiangbin.toml",
        "org = \"jiangbin\"\nperiod = \"2026-Y\"\ndate = 2026-12-28\n\
         [[score]]\nmember = \"lisi\"\nleader = 55\n[[score]]\nmember = \"zhangsan\"\nleader = 93\npeer = [90, 95]\n",
    );
    let r = env.run(&[
        "--as-of",
        "2027-01-10",
        "review",
        "annual",
        "--explain",
        "zhangsan",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Y: (0.2 × 92.5 + 0.3 × 93 + 0.2 × 100 × (1 + 1/11)/2) / 0.7 = 81.870…;
    // annual: (0.3 × 89.8 + 0.5 × 81.87) / 0.8 = 84.84375 → 84.84.
    let expected = "\
张三 (zhangsan, member), annual review 2026
  organization: 江滨社区党支部 (jiangbin)
  quota and group rank: counted in the member's own organization 江滨社区党支部 (jiangbin)
1. Period scores
  quarters = mean of the quarterly scores that exist (Q1 89.8, Q2 —, Q3 —, Q4 —) = 89.8
  half (H1) = —
  year end (Y) = 81.87
2. Weighted mean (over the parts present, divided by their weights' sum)
  Quarters 89.8 × weight 0.3 = 26.94
  Half-year: absent, its weight 0.2 does not count
  Year end 81.87 × weight 0.5 = 40.935
  base = 67.875 ÷ 0.8 = 84.8438…
  rounded half away from zero to 2 decimals, at the end only: annual score 84.84
3. Grade
  84.84 reaches qualified (min 75)
  grade: qualified
4. Rank
  rank 1 of 2 scored in 江滨社区党支部 (jiangbin) (equal scores share a rank), 2 overall
5. Honours and rectification
  平安创建岗 (pingan-1): 1 of 11 units logged over the year, rate 0.0909…, below 0.9
  none
";
    assert_eq!(r.stdout, expected);
}

#[test]
fn the_example_workspace_scores_its_third_quarter() {
    let env = TestEnv::example("qingxi");
    let r = env.run(&[
        "review",
        "quarterly",
        "--period",
        "2026-Q3",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let subjects = v["subjects"].as_array().unwrap();
    let get = |id: &str| {
        subjects
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // 袁春兰: 0.1 × 94 + 0.2 × 272/3 + 0.3 × 94 + 0.2 × 90 + 0.2 × 100 = 93.733… → 93.73, first
    // of 柳杨's quota group: its 4 members and the 3 of its party group 老年党小组 (7 scored → 2
    // places, taken by 93.73 and 杜晓峰's 92.33; 潘国华's 90.1 is demoted).
    assert_eq!(get("yuanchunlan")["score"], 93.73);
    assert_eq!(get("yuanchunlan")["grade"], "excellent");
    assert_eq!(get("duxiaofeng")["grade"], "excellent");
    assert_eq!(get("panguohua")["demoted"], true);
    assert_eq!(get("weizhongping")["org"], "liuyang-ln");
    assert_eq!(get("weizhongping")["rank"], 5);
    // 邓永刚 is vetoed in 2026-Q3: lowest grade, score and rank kept.
    let deng = get("dengyonggang");
    assert_eq!(
        (deng["vetoed"].clone(), deng["grade"].clone()),
        (true.into(), "unqualified".into())
    );
    assert_eq!(deng["rank"], 1);
    // 郭明 left on 2026-09-15 and has no row: not reviewed, not missing.
    assert!(subjects.iter().all(|s| s["id"] != "guoming"));
    assert!(
        v["missing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["id"] != "guoming")
    );
    for s in subjects {
        let score = s["score"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&score), "{s}");
    }
    let help = env.run(&["review", "--help"]);
    for cmd in ["quarterly", "half", "annual", "sheet"] {
        assert!(help.stdout.contains(cmd), "{}", help.stdout);
    }
}
