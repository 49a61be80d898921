//! Tests of the import plan.

use super::*;

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

#[test]
fn dates_in_every_usual_spelling() {
    let want = Some(Date::ymd(2005, 7, 1));
    for s in [
        "2005-07-01",
        "2005/7/1",
        "2005年7月1日",
        "2005.07.01",
        "20050701",
        "2005-07-01 00:00:00",
    ] {
        assert_eq!(parse_date(&text(s)), want, "{s}");
    }
    assert_eq!(parse_date(&Cell::Date(2005, 7, 1)), want);
    assert_eq!(parse_date(&Cell::Number(38534.0)), want);
    assert_eq!(parse_date(&text("2005-13-01")), None);
    assert_eq!(parse_date(&text("2005.07")), None);
    assert_eq!(parse_date(&text("去年")), None);
}

#[test]
fn statuses_and_offices() {
    assert_eq!(parse_status("正式党员"), Some(MemberStatus::Full));
    assert_eq!(parse_status("预备党员"), Some(MemberStatus::Probationary));
    assert_eq!(parse_status("入党积极分子"), Some(MemberStatus::Activist));
    assert_eq!(parse_status("群众"), Some(MemberStatus::Resident));
    assert_eq!(parse_status("Full"), Some(MemberStatus::Full));
    assert_eq!(parse_status("党外人士"), None);
    assert_eq!(parse_office("是"), Some(Office::Leader));
    assert_eq!(parse_office("无"), Some(Office::None));
    assert_eq!(parse_office("也许"), None);
}

#[test]
fn headers_are_normalized() {
    assert_eq!(builtin_field("入党时间（年月日）"), Some(Field::Joined));
    assert_eq!(builtin_field(" 姓 名 *"), Some(Field::Name));
    assert_eq!(builtin_field("Phone"), Some(Field::Private("phone".into())));
    assert_eq!(builtin_field("爱好"), None);
}

#[test]
fn plan_refuses_bad_rows_with_their_numbers() {
    let grid = Grid {
        rows: vec![
            (1, vec![text("党员花名册")]),
            (
                2,
                vec![
                    text("姓名"),
                    text("所在支部"),
                    text("党员类别"),
                    text("入党时间"),
                    text("联系电话"),
                    text("爱好"),
                ],
            ),
            (
                3,
                vec![
                    text("张三"),
                    text("第一支部"),
                    text("正式党员"),
                    Cell::Date(2005, 7, 1),
                    Cell::Number(13800000001.0),
                ],
            ),
            (4, vec![text("李四"), text("第九支部"), text("正式党员")]),
            (
                5,
                vec![text("王五"), text("b1"), text("党外"), text("昨天")],
            ),
            (6, vec![Cell::Empty, text("b1"), text("群众")]),
        ],
        encoding: None,
    };
    let ctx = Context {
        orgs: vec![("b1".into(), "第一支部".into())],
        ..Context::default()
    };
    let plan = plan(&grid, &ctx, Locale::En).unwrap();
    assert_eq!(plan.ignored, vec!["爱好".to_string()]);
    assert_eq!(plan.rows.len(), 1);
    let row = &plan.rows[0];
    assert_eq!(row.row, 3);
    assert_eq!(row.values.org.as_deref(), Some("b1"));
    assert_eq!(row.values.joined, Some(Date::ymd(2005, 7, 1)));
    assert_eq!(
        row.values.private,
        vec![("phone".to_string(), "13800000001".to_string())]
    );
    assert_eq!(row.id, "zhangsan");
    let refused: Vec<usize> = plan.refused.iter().map(|(r, _)| *r).collect();
    assert_eq!(refused, vec![4, 5, 6]);
    assert!(plan.refused[0].1.contains("第九支部"), "{:?}", plan.refused);
    assert!(plan.refused[1].1.contains("党外") && plan.refused[1].1.contains("昨天"));
    assert!(plan.refused[2].1.contains("name"), "{:?}", plan.refused);
}

#[test]
fn names_lose_padding() {
    assert_eq!(clean_name(" 张\u{3000}三 "), "张三");
    assert_eq!(clean_name("Li  Lei"), "Li Lei");
}

#[test]
fn rows_without_id_get_the_pinyin_of_the_name_numbered_when_taken() {
    let grid = Grid {
        rows: vec![
            (1, vec![text("姓名"), text("所在支部"), text("党员类别")]),
            (2, vec![text("张三"), text("b1"), text("正式党员")]),
            (3, vec![text("张三"), text("b2"), text("正式党员")]),
            (4, vec![text("李四"), text("b1"), text("群众")]),
        ],
        encoding: None,
    };
    let ctx = Context {
        orgs: vec![
            ("b1".into(), "第一支部".into()),
            ("b2".into(), "第二支部".into()),
        ],
        members: vec![("lisi".into(), "李四".into(), "b2".into())],
        ..Context::default()
    };
    let plan = plan(&grid, &ctx, Locale::En).unwrap();
    let ids: Vec<&str> = plan.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["zhangsan", "zhangsan-2", "lisi-2"]);
}
