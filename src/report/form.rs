//! Printed forms (承诺书, 点评登记表): what a `Document` of tables cannot say — a heading with
//! its annex number, labelled fields above a ruled table, a category column spanning its rows,
//! a pledge paragraph, signature and date lines — as plain data. One page per form; the html,
//! md and docx renderers lay it out, none of them knows which form it prints.

use super::{Cell, Column, Document, Table};

/// The forms of one report, each starting on a new page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forms {
    /// Title of the whole file (html `<title>`, docx title).
    pub title: String,
    pub pages: Vec<FormPage>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormPage {
    /// The annex the form is (`附件一`), printed in the top left corner.
    pub annex: String,
    pub title: String,
    /// The line under the title (the half-year).
    pub subtitle: String,
    /// Labelled values above the table (承诺人, 所在党组织 …), laid out on one line.
    pub fields: Vec<(String, String)>,
    /// A paragraph between the fields and the table (the pledge).
    pub lead: Option<String>,
    pub table: FormTable,
    /// Lines under the table; a field with an empty value is a line to write on.
    pub footer: Vec<Vec<(String, String)>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormTable {
    /// Header of the first column, whose cell spans the rows of its group (承诺类别); `None`
    /// for a table without groups.
    pub group_header: Option<String>,
    /// Column headers with their widths in millimetres of the 170 mm between an A4 page's
    /// margins (relative widths: renderers scale them to the line); a column of at most
    /// `NARROW` mm is centred.
    pub columns: Vec<(String, u16)>,
    pub groups: Vec<FormGroup>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormGroup {
    pub label: String,
    /// Rows of text cells; a group without rows prints one empty row (room to write).
    pub rows: Vec<Vec<String>>,
}

/// Width of the group column (four CJK characters and padding), in millimetres.
pub const GROUP_WIDTH: u16 = 20;
/// Columns at most this wide (numbers, dates, short words) are centred.
pub const NARROW: u16 = 24;

impl FormTable {
    /// A table without groups: its rows under the columns.
    pub fn ungrouped(columns: Vec<(String, u16)>, rows: Vec<Vec<String>>) -> FormTable {
        FormTable {
            group_header: None,
            columns,
            groups: vec![FormGroup {
                label: String::new(),
                rows,
            }],
        }
    }

    /// Every column header, the group column first.
    pub fn headers(&self) -> Vec<&str> {
        self.group_header
            .iter()
            .map(String::as_str)
            .chain(self.columns.iter().map(|(h, _)| h.as_str()))
            .collect()
    }

    /// Relative widths of every column, the group column first.
    pub fn widths(&self) -> Vec<u16> {
        self.group_header
            .iter()
            .map(|_| GROUP_WIDTH)
            .chain(self.columns.iter().map(|(_, w)| *w))
            .collect()
    }

    /// Whether each column (the group column first) is centred.
    pub fn centred(&self) -> Vec<bool> {
        self.widths().iter().map(|w| *w <= NARROW).collect()
    }
}

impl Forms {
    /// The forms as a plain document (one table per page, the group label repeated on every
    /// row), for the formats that print tables only (terminal, xlsx).
    pub fn to_document(&self) -> Document {
        let mut tables = Vec::new();
        for (i, page) in self.pages.iter().enumerate() {
            let mut title = page.title.clone();
            for (k, v) in &page.fields {
                title.push_str(&format!(" · {k}{v}"));
            }
            let t = &page.table;
            let columns = t
                .headers()
                .iter()
                .enumerate()
                .map(|(c, h)| Column::new(&format!("c{c}"), *h))
                .collect();
            let mut table = Table::new(&format!("form{}", i + 1), title, columns);
            for g in &t.groups {
                for row in &g.rows {
                    let label = t.group_header.as_ref().map(|_| Cell::text(&g.label));
                    table.rows.push(
                        label
                            .into_iter()
                            .chain(row.iter().map(Cell::text))
                            .collect(),
                    );
                }
            }
            tables.push(table);
        }
        Document {
            title: self.title.clone(),
            meta: Vec::new(),
            tables,
            ..Document::default()
        }
    }

    /// A plain document as forms: its tables on one page under its title and meta lines (the
    /// docx of reports that are not forms).
    pub fn from_document(doc: &Document) -> Forms {
        let mut pages = Vec::new();
        for (i, table) in doc.tables.iter().enumerate() {
            let columns = table
                .columns
                .iter()
                .map(|c| (c.label.clone(), 30))
                .collect();
            let rows = table
                .rows
                .iter()
                .map(|r| r.iter().map(Cell::display).collect())
                .collect();
            pages.push(FormPage {
                title: if i == 0 {
                    doc.title.clone()
                } else {
                    String::new()
                },
                subtitle: table.title.clone(),
                fields: if i == 0 { doc.meta.clone() } else { Vec::new() },
                table: FormTable::ungrouped(columns, rows),
                ..FormPage::default()
            });
        }
        Forms {
            title: doc.title.clone(),
            pages,
        }
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    //! Two forms every form renderer's tests share: CJK text, a hostile value, an empty group;
    //! and the branch the tests of the letter and comment forms share.
    use super::*;

    /// The branch `b1` under `top` (secretary 李四 `ls`) with its members 张三 `zs` and `ls`.
    pub const BRANCH: [(&str, &str); 3] = [
        (
            "orgs/x.toml",
            "id = \"b1\"\nname = \"第一支部\"\nkind = \"branch\"\nsector = \"community\"\nparent = \"top\"\nsecretary = \"ls\"\n",
        ),
        (
            "members/x.toml",
            "id = \"zs\"\nname = \"张三\"\norg = \"b1\"\nstatus = \"full\"\noffice = \"none\"\n",
        ),
        (
            "members/x.toml",
            "id = \"ls\"\nname = \"李四\"\norg = \"b1\"\nstatus = \"full\"\noffice = \"leader\"\n",
        ),
    ];

    pub fn forms() -> Forms {
        let table = FormTable {
            group_header: Some("类别".into()),
            columns: vec![("序号".into(), 10), ("承诺事项".into(), 60)],
            groups: vec![
                FormGroup {
                    label: "思想政治".into(),
                    rows: vec![
                        vec!["1".into(), "学习党章<script>&".into()],
                        vec!["2".into(), "走访3户\n每月一次".into()],
                    ],
                },
                FormGroup {
                    label: "廉政建设".into(),
                    rows: Vec::new(),
                },
            ],
        };
        let page = FormPage {
            annex: "附件一".into(),
            title: "共产党员公开承诺书".into(),
            subtitle: "（2026 年下半年）".into(),
            fields: vec![("承诺人：".into(), "张三".into())],
            lead: Some("本人郑重承诺。".into()),
            table,
            footer: vec![vec![
                ("承诺人（签字）：".into(), String::new()),
                ("日期：".into(), "2026 年 7 月 9 日".into()),
            ]],
        };
        let mut second = page.clone();
        second.fields = vec![("承诺人：".into(), "李四".into())];
        Forms {
            title: "承诺书".into(),
            pages: vec![page, second],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_flatten_to_one_table_per_page_with_the_group_on_every_row() {
        let doc = fixture::forms().to_document();
        assert_eq!(doc.tables.len(), 2);
        let t = &doc.tables[0];
        assert_eq!(t.title, "共产党员公开承诺书 · 承诺人：张三");
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1][0], Cell::text("思想政治"));
        assert_eq!(t.rows[1][2], Cell::text("走访3户\n每月一次"));
    }

    #[test]
    fn a_document_becomes_one_page_per_table() {
        let doc = Document {
            title: "T".into(),
            meta: vec![("k".into(), "v".into())],
            tables: vec![
                Table::new("a", "A", vec![Column::new("x", "X")]),
                Table::new("b", "B", vec![Column::new("y", "Y")]),
            ],
            ..Document::default()
        };
        let forms = Forms::from_document(&doc);
        assert_eq!(forms.pages.len(), 2);
        assert_eq!(forms.pages[0].title, "T");
        assert_eq!(forms.pages[1].subtitle, "B");
        assert!(forms.pages[1].fields.is_empty());
    }
}
