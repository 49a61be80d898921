//! The table model shared by all reports and listings.

use chrono::NaiveDate;
use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::Serialize;

/// A report: a title and one or more tables.
///
/// Human formats print `title` and `meta` (labels and values in the workspace language); machine
/// formats (json, yaml, csv) print `report` and `keyed_meta` (stable English keys, typed values)
/// instead, so that scripts see the same data in every locale (SPEC §7).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    pub title: String,
    /// Lines printed above the tables (organization, period, as-of date …).
    pub meta: Vec<(String, String)>,
    pub tables: Vec<Table>,
    /// Stable id of the report (`board`, `ledger` …); empty for a listing, which machine formats
    /// write as a plain array of rows when it has one table.
    pub report: String,
    /// The meta lines for machine formats: a stable key and a typed value each.
    pub keyed_meta: Vec<(String, Cell)>,
}

impl Document {
    /// Adds a meta line: `label` and the value's display text for human formats, `key` and the
    /// typed value for machine formats.
    pub fn push_meta(&mut self, key: &str, label: impl Into<String>, value: Cell) {
        let shown = value.display();
        self.push_meta_shown(key, value, label, shown);
    }

    /// Adds a meta line whose human text differs from its machine value (an organization's name
    /// for its id).
    pub fn push_meta_shown(
        &mut self,
        key: &str,
        value: Cell,
        label: impl Into<String>,
        shown: impl Into<String>,
    ) {
        self.meta.push((label.into(), shown.into()));
        self.keyed_meta.push((key.to_string(), value));
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    /// Stable machine name (sheet name in xlsx, key in json).
    pub id: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// A picture the html renderer may draw from this table.
    pub chart: Option<Chart>,
    /// The column whose values split the picture into one per value (members and
    /// organizations are never drawn in one chart).
    #[serde(skip)]
    pub chart_by: Option<usize>,
    /// Columns whose values head a group of rows on paper (html): printed once, in a row
    /// across the table, where they change, instead of in every row (the committer of the
    /// items of a letter). Other formats show them in every row.
    #[serde(skip)]
    pub group_by: Vec<usize>,
}

/// Chart hints: which columns (by index) a picture is drawn from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Chart {
    /// One bar per row: label column and value column (rankings, distributions).
    Bars { label: usize, value: usize },
    /// A histogram of a numeric column (score distribution).
    Histogram { value: usize },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// Stable machine key (json keys, csv header in `--format csv`).
    pub key: String,
    /// Localized label (terminal, md, html, xlsx).
    pub label: String,
    /// Which formats show the column: ids are for machines, names for everyone.
    #[serde(skip)]
    pub show: Show,
    /// The values are rates, fractions of one (xlsx shows them in a `0%` format).
    #[serde(skip)]
    pub rate: bool,
}

/// Which formats show a column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    /// Every format.
    #[default]
    Both,
    /// Machine formats only (json, yaml, csv): an id a reader would not want to read.
    Machine,
    /// Human formats only (table, md, html, xlsx).
    Human,
    /// Paper only (table, md, html).
    Printed,
    /// Formats that keep typed values (csv, json, yaml, xlsx).
    Typed,
}

/// One cell: typed so that xlsx gets numbers and dates, json gets numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    /// Held inline up to 24 bytes (an id, a name, a label): most cells of a large report
    /// allocate nothing of their own.
    Text(CompactString),
    Int(i64),
    /// A decimal shown with at most the given number of decimals.
    Num(Decimal),
    Date(#[serde(serialize_with = "ser_date")] NaiveDate),
    Bool(bool),
    /// An enumerated value: its canonical English id for machine formats (`outstanding-member`,
    /// several joined by `,`), its label in the workspace language for human formats.
    Keyword {
        id: Box<str>,
        label: Box<str>,
    },
}

impl Cell {
    pub fn text(s: impl Into<CompactString>) -> Cell {
        Cell::Text(s.into())
    }
    /// Several lines in one cell; empty without any.
    pub fn lines(items: &[String]) -> Cell {
        if items.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(items.join("\n").into())
        }
    }
    pub fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }
    pub fn num(d: Decimal) -> Cell {
        Cell::Num(d)
    }
    pub fn opt_date(d: Option<crate::model::Date>) -> Cell {
        d.map_or(Cell::Empty, |d| Cell::Date(d.0))
    }
    pub fn keyword(id: impl Into<String>, label: impl Into<String>) -> Cell {
        Cell::Keyword {
            id: id.into().into_boxed_str(),
            label: label.into().into_boxed_str(),
        }
    }

    /// The cell's value for machine formats: a keyword's id, else the display text.
    pub fn machine_text(&self) -> String {
        match self {
            Cell::Keyword { id, .. } => id.to_string(),
            Cell::Bool(b) => b.to_string(),
            other => other.display(),
        }
    }

    /// The cell as display text (dates as YYYY-MM-DD, decimals rounded to 2 places).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(d) => fmt_decimal(*d),
            Cell::Date(d) => crate::model::Date(*d).to_string(),
            Cell::Bool(b) => if *b { "✓" } else { "" }.to_string(),
            Cell::Keyword { label, .. } => label.to_string(),
        }
    }

    /// The cell as a JSON value. Empty text (an empty list joined, say) is absent: `null`, like
    /// every absent value of a machine format.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Cell::Empty => serde_json::Value::Null,
            Cell::Text(s) if s.is_empty() => serde_json::Value::Null,
            Cell::Keyword { id, .. } if id.is_empty() => serde_json::Value::Null,
            Cell::Text(s) => serde_json::Value::String(s.to_string()),
            Cell::Keyword { id, .. } => serde_json::Value::String(id.to_string()),
            Cell::Int(i) => (*i).into(),
            Cell::Num(d) => decimal_json(*d),
            Cell::Date(d) => serde_json::Value::String(crate::model::Date(*d).to_string()),
            Cell::Bool(b) => (*b).into(),
        }
    }
}

/// A decimal rounded half away from zero to 2 places, without trailing zeros.
pub fn fmt_decimal(d: Decimal) -> String {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// A decimal as a JSON number, rounded to 2 places (integers stay integers).
pub fn decimal_json(d: Decimal) -> serde_json::Value {
    let r = d
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    serde_json::from_str(&r.to_string()).unwrap_or(serde_json::Value::Null)
}

impl Table {
    pub fn new(id: &str, title: impl Into<String>, columns: Vec<Column>) -> Table {
        Table {
            id: id.to_string(),
            title: title.into(),
            columns,
            rows: Vec::new(),
            chart: None,
            chart_by: None,
            group_by: Vec::new(),
        }
    }
}

impl Column {
    pub fn new(key: &str, label: impl Into<String>) -> Column {
        Column {
            key: key.to_string(),
            label: label.into(),
            show: Show::Both,
            rate: false,
        }
    }

    /// A column of rates (fractions of one).
    pub fn rate(self) -> Column {
        Column { rate: true, ..self }
    }

    /// The column shown on paper only (table, md, html): a text for reading whose typed parts
    /// go to the formats people compute with.
    pub fn printed_only(self) -> Column {
        Column {
            show: Show::Printed,
            ..self
        }
    }

    /// The column shown in the formats people and programs compute with (csv, json, yaml,
    /// xlsx), not on paper, where a `printed_only` column says it.
    pub fn typed_only(self) -> Column {
        Column {
            show: Show::Typed,
            ..self
        }
    }

    /// The column shown in human formats only (several machine columns said as one).
    pub fn human_only(self) -> Column {
        Column {
            show: Show::Human,
            ..self
        }
    }

    /// The column shown in machine formats only (an id next to a name column).
    pub fn machine_only(self) -> Column {
        Column {
            show: Show::Machine,
            ..self
        }
    }
}

impl Document {
    /// The document as a format shows it: columns the format does not show (`keep` says no
    /// to their `Show`) are left out, and a chart drawn from one is dropped.
    pub fn for_format(&self, keep: impl Fn(Show) -> bool) -> std::borrow::Cow<'_, Document> {
        if self.shows_all(&keep) {
            return std::borrow::Cow::Borrowed(self);
        }
        // Only the cells shown are copied.
        let tables = self
            .tables
            .iter()
            .map(|t| {
                let shown: Vec<bool> = t.columns.iter().map(|c| keep(c.show)).collect();
                let mut out = Table {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    columns: t.columns.clone(),
                    rows: t
                        .rows
                        .iter()
                        .map(|row| kept(&shown, row.iter()).cloned().collect())
                        .collect(),
                    chart: t.chart.clone(),
                    chart_by: t.chart_by,
                    group_by: t.group_by.clone(),
                };
                out.drop_columns(&shown);
                out
            })
            .collect();
        std::borrow::Cow::Owned(Document {
            title: self.title.clone(),
            meta: self.meta.clone(),
            tables,
            report: self.report.clone(),
            keyed_meta: self.keyed_meta.clone(),
        })
    }

    fn shows_all(&self, keep: &impl Fn(Show) -> bool) -> bool {
        self.tables
            .iter()
            .all(|t| t.columns.iter().all(|c| keep(c.show)))
    }

    /// `for_format` of an owned document: the cells are moved, not copied, so that a large
    /// report is never held twice.
    pub fn into_format(mut self, keep: impl Fn(Show) -> bool) -> Document {
        if self.shows_all(&keep) {
            return self;
        }
        for t in &mut self.tables {
            let shown: Vec<bool> = t.columns.iter().map(|c| keep(c.show)).collect();
            for row in &mut t.rows {
                *row = kept(&shown, std::mem::take(row).into_iter()).collect();
            }
            t.drop_columns(&shown);
        }
        self
    }
}

/// The cells of a row whose column is shown (a cell beyond the columns is kept).
fn kept<'a, T: 'a>(
    shown: &'a [bool],
    cells: impl Iterator<Item = T> + 'a,
) -> impl Iterator<Item = T> + 'a {
    cells
        .enumerate()
        .filter(|(i, _)| shown.get(*i).copied().unwrap_or(true))
        .map(|(_, c)| c)
}

impl Table {
    /// Leaves out the columns not `shown` (the rows already left out their cells), and
    /// renumbers the chart and the groups, dropping a chart drawn from a column left out.
    fn drop_columns(&mut self, shown: &[bool]) {
        let new_index = |i: usize| {
            shown
                .get(i)
                .copied()
                .unwrap_or(false)
                .then(|| shown[..i].iter().filter(|k| **k).count())
        };
        let columns = std::mem::take(&mut self.columns);
        self.columns = columns
            .into_iter()
            .zip(shown)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c)
            .collect();
        self.chart = match self.chart {
            Some(Chart::Bars { label, value }) => new_index(label)
                .zip(new_index(value))
                .map(|(label, value)| Chart::Bars { label, value }),
            Some(Chart::Histogram { value }) => {
                new_index(value).map(|value| Chart::Histogram { value })
            }
            None => None,
        };
        self.chart_by = self.chart_by.and_then(new_index);
        self.group_by = self.group_by.iter().filter_map(|&i| new_index(i)).collect();
    }
}

fn ser_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&crate::model::Date(*d))
}
