//! Tests of `format`.

use super::*;

fn check(kind: Kind, input: &str, expect: &str) {
    let once = canonical(kind, input).unwrap();
    assert_eq!(once, expect, "first pass");
    let twice = canonical(kind, &once).unwrap();
    assert_eq!(twice, once, "not idempotent");
}

#[test]
fn keys_follow_the_schema_and_comments_stay() {
    check(
        Kind::Member,
        "# 张三的档案\n\n# 状态\nstatus   =  \"full\"   # 正式\nname=\"张三\"\n  id = \"zhangsan\"\n\n\n[extra]\ngender = \"男\"\n[private]\nphone = \"138\"\norg = \"x\"\noffice = \"none\"\n",
        "# 张三的档案\n\nid = \"zhangsan\"\nname = \"张三\"\n# 状态\nstatus = \"full\"   # 正式\n\n[private]\nphone = \"138\"\norg = \"x\"\noffice = \"none\"\n\n[extra]\ngender = \"男\"\n",
    );
}

#[test]
fn dated_arrays_are_sorted_stably() {
    check(
        Kind::Post,
        "id = \"p\"\nname = \"P\"\norg = \"o\"\nkind = \"standing\"\nduties = [\"a\",\"b\"]\n[[log]]\ndate = 2026-03-01\nmember = \"b\"\ntext = \"late\"\n[[log]]\n# first of two on 02-01\ndate = 2026-02-01\nmember = \"a\"\ntext = \"x\"\n[[log]]\nmember = \"c\"\ndate = 2026-02-01\ntext = \"y\"\n[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-01\n",
        "id = \"p\"\nname = \"P\"\norg = \"o\"\nkind = \"standing\"\nduties = [\"a\", \"b\"]\n\n[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-01\n\n[[log]]\n# first of two on 02-01\ndate = 2026-02-01\nmember = \"a\"\ntext = \"x\"\n\n[[log]]\ndate = 2026-02-01\nmember = \"c\"\ntext = \"y\"\n\n[[log]]\ndate = 2026-03-01\nmember = \"b\"\ntext = \"late\"\n",
    );
}

#[test]
fn nested_item_progress_and_inline_tables() {
    check(
        Kind::Commitment,
        "half = \"2026-H1\"\ncommitter = \"z\"\n[[item]]\nid = \"c1\"\ntype = \"concrete\"\ncategory = \"pairing\"\ntext = \"t\"\n[[item.progress]]\nvalue = 2\ndate = 2026-04-01\n[[item.progress]]\ndate = 2026-03-01\nvalue = 1\n[[item]]\nid = \"c2\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"u\"\nprogress = [{done=true,date=2026-05-01},{ date = 2026-04-01, done = false }]\n",
        "committer = \"z\"\nhalf = \"2026-H1\"\n\n[[item]]\nid = \"c1\"\ncategory = \"pairing\"\ntype = \"concrete\"\ntext = \"t\"\n\n[[item.progress]]\ndate = 2026-03-01\nvalue = 1\n\n[[item.progress]]\ndate = 2026-04-01\nvalue = 2\n\n[[item]]\nid = \"c2\"\ncategory = \"duty\"\ntype = \"service\"\ntext = \"u\"\nprogress = [{ date = 2026-04-01, done = false }, { date = 2026-05-01, done = true }]\n",
    );
}

#[test]
fn bom_crlf_and_trailing_comments_are_kept() {
    check(
        Kind::Org,
        "\u{feff}name = \"A\"\r\nid = \"a\"\r\nkind = \"branch\"\r\nsector = \"community\"\r\n# the end\r\n",
        "\u{feff}id = \"a\"\r\nname = \"A\"\r\nkind = \"branch\"\r\nsector = \"community\"\r\n\r\n# the end\r\n",
    );
}

#[test]
fn settings_nested_tables_and_unknown_keys() {
    check(
        Kind::Settings,
        "# top\nformat = 1\n[review.weights]\npeer = 0.2\nself = 0.1\n[review.annual]\nhalf = 0.2\n[review]\nrectify_days = 30\nscale = 100\n[[role]]\nname = \"R\"\nid = \"r\"\n",
        "# top\nformat = 1\n\n[[role]]\nid = \"r\"\nname = \"R\"\n\n[review]\nscale = 100\nrectify_days = 30\n\n[review.weights]\nself = 0.1\npeer = 0.2\n\n[review.annual]\nhalf = 0.2\n",
    );
}

#[test]
fn odd_but_valid_files_keep_their_meaning() {
    let cases: &[(Kind, &str)] = &[
        (Kind::Post, ""),
        (Kind::Post, "# only a comment\n"),
        (
            Kind::Post,
            "eligible.scope = \"org\"\nid = \"p\"\n# c\neligible.office = \"none\"\n",
        ),
        (
            Kind::Post,
            "eligible = { scope = \"org\", status = [\"full\"] }\nid = \"p\"\n",
        ),
        (
            Kind::Post,
            "id = \"p\"\nduties = [\n  \"a\", # first\n  \"b\",\n]\n",
        ),
        (
            Kind::Post,
            "id = \"p\"\n[ eligible ]   # who\nscope = \"org\"\n",
        ),
        (Kind::Post, "\"id\" = \"p\"\n'name' = \"P\"\n"),
        (
            Kind::Post,
            "[[log]]\ndate = 2026-02-01\n[[log]]\ndate = \"2026-01-01\"\n",
        ),
        (
            Kind::Matter,
            "id = \"m\"\nnmae = \"typo\"\nname = \"M\"\n[[progress]]\ntask = \"t\"\ndate = 2026-05-01\nvalue = 2\n[[progress]]\ntask = \"t\"\ndate = 2026-04-01\nvalue = 1\n[[task]]\nid = \"t\"\ntext = \"x\"\n",
        ),
        (
            Kind::Evaluation,
            "org = \"o\"\n[[score]]\nmember = \"a\"\nadjust = [{reason=\"r\",points=3}]\nself = 90\n",
        ),
        (
            Kind::Settings,
            "format = 1\n[review]\nweights.self = 0.1\nscale = 100\n",
        ),
    ];
    for (kind, text) in cases {
        let once = canonical(*kind, text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let twice = canonical(*kind, &once).unwrap();
        assert_eq!(once, twice, "not idempotent:\n{text}\n---\n{once}");
        let mut before: toml::Table = toml::from_str(text).unwrap();
        // Only `[[progress]]` of the matter case is out of date order.
        if let Some(toml::Value::Array(p)) = before.get_mut("progress") {
            p.reverse();
        }
        let after: toml::Table = toml::from_str(&once).unwrap();
        assert_eq!(before, after, "meaning changed:\n{text}\n---\n{once}");
        assert_eq!(
            text.matches('#').count(),
            once.matches('#').count(),
            "{once}"
        );
    }
}

#[test]
fn syntax_errors_have_a_place() {
    let err = canonical(Kind::Org, "id = \"a\"\nname = \n").unwrap_err();
    let err = err.downcast::<SyntaxError>().unwrap();
    assert_eq!(err.line, 2);
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    const ROOT: [&str; 6] = [
        "id = \"p\"",
        "name = \"平安岗\"",
        "org = \"o\"",
        "kind = \"standing\"",
        "duties = [ \"a\" ,\"b\" ]",
        "capacity = 2   # 最多两人",
    ];

    fn decorated(line: &str, blank: usize, comment: Option<usize>, out: &mut String) {
        out.push_str(&"\n".repeat(blank));
        if let Some(n) = comment {
            out.push_str(&format!("  # 注释 {n}\n"));
        }
        out.push_str(line);
        out.push('\n');
    }

    proptest! {
        #[test]
        fn any_text_formats_or_fails_cleanly(text in "[a-z_=\"\\[\\]#\n .0-9{},\r\u{feff}-]{0,120}") {
            for kind in Kind::ALL {
                if let Ok(once) = canonical(kind, &text) {
                    let twice = canonical(kind, &once).unwrap();
                    prop_assert_eq!(&twice, &once, "input {:?}", text);
                    let a: Result<toml::Table, _> = toml::from_str(text.trim_start_matches('\u{feff}'));
                    let b: Result<toml::Table, _> = toml::from_str(once.trim_start_matches('\u{feff}'));
                    // Kinds without dated arrays: the meaning is the same table.
                    let unsorted = !matches!(kind, Kind::Post | Kind::Matter | Kind::Commitment);
                    if let (Ok(a), Ok(b), true) = (a, b, unsorted) {
                        prop_assert_eq!(a, b, "input {:?}", text);
                    }
                }
            }
        }

        #[test]
        fn formatting_is_idempotent_and_keeps_record_and_comments(
            order in Just((0..ROOT.len()).collect::<Vec<_>>()).prop_shuffle(),
            dates in prop::collection::vec((1u32..=12, 1u32..=3), 0..6),
            blank in prop::collection::vec(0usize..3, 16),
            comment in prop::collection::vec(any::<bool>(), 16),
            holder_first in any::<bool>(),
            crlf in any::<bool>(),
            bom in any::<bool>(),
            header in any::<bool>(),
        ) {
            let mut text = String::new();
            if header {
                text.push_str("# 文件头\n\n");
            }
            let mut n = 0;
            let mut next = |i: usize| { n += 1; (blank[i % 16], comment[i % 16].then_some(n)) };
            for (i, k) in order.iter().enumerate() {
                let (b, c) = next(i);
                decorated(ROOT[*k], b, c, &mut text);
            }
            let holder = "[[holder]]\nmember = \"a\"\nconfirmed = 2026-01-01\n";
            if holder_first {
                text.push_str(holder);
            }
            for (i, (m, d)) in dates.iter().enumerate() {
                let (b, c) = next(i + 6);
                let entry = format!("[[log]]\nmember = \"a\"\ntext = \"第{i}条\"\ndate = 2026-{m:02}-{d:02}");
                decorated(&entry, b, c, &mut text);
            }
            if !holder_first {
                text.push_str(holder);
            }
            let input = {
                let body = if crlf { text.replace('\n', "\r\n") } else { text.clone() };
                if bom { format!("\u{feff}{body}") } else { body }
            };
            let out = canonical(Kind::Post, &input).unwrap();
            prop_assert_eq!(canonical(Kind::Post, &out).unwrap(), out.clone());
            prop_assert_eq!(out.starts_with('\u{feff}'), bom);
            prop_assert_eq!(out.contains("\r\n"), crlf);
            let plain = out.trim_start_matches('\u{feff}').replace("\r\n", "\n");
            prop_assert_eq!(plain.starts_with("# 文件头\n\n"), header, "{}", plain);
            let first_key = plain.lines().find(|l| !l.is_empty() && !l.starts_with('#'));
            prop_assert_eq!(first_key, Some("id = \"p\""));

            // The same record, logs in date order (stable).
            let mut before: toml::Table = toml::from_str(&text).unwrap();
            if let Some(toml::Value::Array(logs)) = before.get_mut("log") {
                logs.sort_by_key(|l| l.get("date").map(|d| d.to_string()));
            }
            let after: toml::Table = toml::from_str(&plain).unwrap();
            prop_assert_eq!(before, after);

            // Every comment kept.
            let count = |s: &str| s.matches('#').count();
            prop_assert_eq!(count(&text), count(&plain));
            // One blank line before each table header, none elsewhere.
            prop_assert!(!plain.contains("\n\n\n"));
            for (i, line) in plain.lines().enumerate() {
                if line.starts_with("[[") && i > 0 {
                    let prev: Vec<&str> = plain.lines().take(i).collect();
                    let above = prev.iter().rev().find(|l| !l.starts_with('#'));
                    prop_assert_eq!(above.copied(), Some(""), "{}", plain);
                }
            }
        }
    }
}

#[test]
fn blank_lines_between_commented_sections_are_kept() {
    check(
        Kind::Org,
        "id = \"o\"\nname = \"O\"\nkind = \"branch\"\nsector = \"community\"\n\n\n# [a]\n# x = 1\n\n\n# [b]\n# y = 2\n\n",
        "id = \"o\"\nname = \"O\"\nkind = \"branch\"\nsector = \"community\"\n\n# [a]\n# x = 1\n\n# [b]\n# y = 2\n",
    );
}
