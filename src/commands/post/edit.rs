//! What the writing post commands share: the `--date`/`--dry-run` options, the targeted reads
//! of organization chains, and the format-preserving TOML edits that carry a step's
//! `HolderEdit` or log entry into the post file (appended `[[holder]]`/`[[log]]` entries, dates
//! as TOML local dates).

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use toml_edit::{DocumentMut, Item, Value};

use crate::check;
use crate::commands::{Ctx, Exit, Refused};
use crate::i18n::{Locale, tf};
use crate::model::{Date, LogEntry, Member, Org, Post, Settings};
use crate::workflow::post::{Candidate, Field, HolderEdit, Refusal};
use crate::workspace::Rec;
use crate::workspace::edit;
use crate::workspace::resolve::{read_by_id, resolve};
use crate::workspace::write::{self, Editable, WorkspaceLock, Written};

/// Options every writing post command takes.
#[derive(Debug, clap::Args)]
pub struct WriteArgs {
    /// Date of the step, YYYY-MM-DD (default: --as-of, else today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
    /// Print the change as a unified diff and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

impl WriteArgs {
    pub fn date(&self, ctx: &Ctx) -> Date {
        self.date.unwrap_or(ctx.as_of)
    }
}

/// The date of a step that happened: `--date`, else `--as-of`; a date after `--as-of` is
/// refused with a help line (SPEC §2.4).
pub fn happened(s: &Session, ctx: &Ctx, args: &WriteArgs) -> Result<Date> {
    let date = args.date(ctx);
    let what = crate::i18n::t(s.locale, "records.what.record");
    match crate::commands::records::future_date(s.locale, what, "--date", date, ctx.as_of) {
        Some(reason) => Err(Refused {
            reasons: vec![reason],
        }
        .into()),
        None => Ok(date),
    }
}

/// A writing command under way: the workspace root, its settings and locale, and the lock held
/// until drop.
#[derive(Debug)]
pub struct Session {
    pub root: PathBuf,
    pub settings: Settings,
    pub locale: Locale,
    pub lock: WorkspaceLock,
}

/// Finds the root, reads `dangjian.toml` only, and takes the workspace lock.
pub fn begin(ctx: &Ctx) -> Result<Session> {
    let root = ctx.root()?;
    let (settings, locale) = ctx.settings(&root)?;
    let lock = write::lock(&root, locale, ctx.quiet)?;
    Ok(Session {
        root,
        settings,
        locale,
        lock,
    })
}

/// Takes the lock and finds the post a command edits (id or unambiguous name).
pub fn begin_post(ctx: &Ctx, post: &str) -> Result<(Session, Rec<Post>)> {
    let s = begin(ctx)?;
    let post = resolve::<Post>(&s.root, post, s.locale)?;
    Ok((s, post))
}

/// The post and the member a step names (id or unambiguous name); when both fail, both reasons.
pub fn post_and_member(s: &Session, post: &str, member: &str) -> Result<(Rec<Post>, Rec<Member>)> {
    let post = resolve::<Post>(&s.root, post, s.locale);
    let member = resolve::<Member>(&s.root, member, s.locale);
    match (post, member) {
        (Ok(p), Ok(m)) => Ok((p, m)),
        (Err(a), Err(b)) => Err(crate::error::Error::merge(a, b)),
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// `id` and its ancestors, nearest first, read one `orgs/<id>.toml` at a time along the parent
/// chain (stopping at a missing or unreadable file, or a cycle).
pub fn org_chain(root: &Path, id: &str, locale: Locale) -> Vec<String> {
    let mut out = vec![id.to_string()];
    let mut cur = id.to_string();
    while out.len() <= 64 {
        let parent = match read_by_id::<Org>(root, "orgs", &cur, locale) {
            Ok(Some(rec)) => rec.value.parent,
            _ => None,
        };
        match parent {
            Some(p) if !out.contains(&p) => {
                out.push(p.clone());
                cur = p;
            }
            _ => break,
        }
    }
    out
}

/// The organization chains of a member: of `org`, and of `lives_in` (empty without it).
pub fn member_chains(root: &Path, m: &Member, locale: Locale) -> (Vec<String>, Vec<String>) {
    let org = org_chain(root, &m.org, locale);
    let lives = m
        .lives_in
        .as_deref()
        .map(|l| org_chain(root, l, locale))
        .unwrap_or_default();
    (org, lives)
}

/// A refusal of the core as the error `main` prints (exit 1, every reason). The holders that
/// fill a post are named as people (`张德明 (zhangdeming)`), one member file read each.
pub fn refused(s: &Session, reasons: Vec<Refusal>) -> anyhow::Error {
    let named = |id: &String| match read_by_id::<Member>(&s.root, "members", id, s.locale) {
        Ok(Some(m)) => crate::workflow::post::who(&m),
        _ => id.clone(),
    };
    Refused {
        reasons: reasons
            .into_iter()
            .map(|r| match r {
                Refusal::CapacityFull {
                    capacity,
                    date,
                    holders,
                } => Refusal::CapacityFull {
                    capacity,
                    date,
                    holders: holders.iter().map(named).collect(),
                },
                other => other,
            })
            .map(|r| r.message(s.locale))
            .collect(),
    }
    .into()
}

pub use crate::workspace::edit::{date_value, num_value};

fn field_value(f: &Field) -> Value {
    match f {
        Field::Date(d) => date_value(*d),
        Field::Text(s) => Value::from(s.as_str()),
    }
}

/// Carries a holder edit into the document: sets keys on `holder[index]` (an array of tables
/// or an inline array), or appends a new holder entry after the last one.
pub fn apply_holder_edit(doc: &mut DocumentMut, e: &HolderEdit) -> Result<()> {
    let mut pairs: Vec<(&str, Value)> = Vec::new();
    for (k, v) in &e.set {
        pairs.push((k, field_value(v)));
    }
    match e.index {
        Some(i) => match doc.get_mut("holder") {
            Some(Item::ArrayOfTables(a)) => {
                let t = a
                    .get_mut(i)
                    .ok_or_else(|| anyhow!("holder[{i}] is missing"))?;
                for (k, v) in pairs {
                    t.insert(k, Item::Value(v));
                }
                Ok(())
            }
            Some(Item::Value(Value::Array(a))) => {
                let t = a
                    .get_mut(i)
                    .and_then(Value::as_inline_table_mut)
                    .ok_or_else(|| anyhow!("holder[{i}] is missing"))?;
                for (k, v) in pairs {
                    t.insert(k, v);
                }
                Ok(())
            }
            _ => Err(anyhow!("the post has no holder list")),
        },
        None => {
            let mut entry = vec![("member", Value::from(e.member.as_str()))];
            entry.extend(pairs);
            append_entry(doc, "holder", entry)
        }
    }
}

/// Appends a `[[log]]` entry.
pub fn append_log(doc: &mut DocumentMut, entry: &LogEntry) -> Result<()> {
    let mut pairs = vec![
        ("date", date_value(entry.date)),
        ("member", Value::from(entry.member.as_str())),
        ("text", Value::from(entry.text.as_str())),
    ];
    if let Some(h) = entry.hours {
        pairs.push(("hours", num_value(h)));
    }
    append_entry(doc, "log", pairs)
}

/// Appends an entry to the list `key`, keeping the style the file uses.
fn append_entry(doc: &mut DocumentMut, key: &str, pairs: Vec<(&str, Value)>) -> Result<()> {
    let table = edit::table_of(pairs.into_iter().map(|(k, v)| (k, Some(v))).collect());
    edit::insert_entry(doc.as_table_mut(), key, table, None)
}

/// Applies the core's edit of a holder to the post's file and writes it (or diffs it).
pub fn save_holder_edit(
    s: &Session,
    ctx: &Ctx,
    post: &Rec<Post>,
    change: &HolderEdit,
    dry_run: bool,
) -> Result<Written> {
    let mut file = Editable::open(&s.root, &post.path, s.locale)?;
    apply_holder_edit(&mut file.doc, change)?;
    save_post(s, ctx, &file, dry_run)
}

/// The arguments of the steps that make a member a holder of a post (`claim`, `assign`).
#[derive(Debug, clap::Args)]
pub struct HolderArgs {
    /// Post id or name
    pub post: String,
    /// Member id or name
    pub member: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// A step that makes a member a holder, read under the lock: the post, the member with the
/// organization chains the core checks eligibility against, and the date of the step.
pub struct HolderStep {
    pub s: Session,
    pub post: Rec<Post>,
    pub member: Rec<Member>,
    org_chain: Vec<String>,
    lives_chain: Vec<String>,
    pub date: Date,
}

impl HolderStep {
    pub fn begin(ctx: &Ctx, args: &HolderArgs) -> Result<HolderStep> {
        let s = begin(ctx)?;
        let (post, member) = post_and_member(&s, &args.post, &args.member)?;
        let (org_chain, lives_chain) = member_chains(&s.root, &member, s.locale);
        let date = happened(&s, ctx, &args.write)?;
        Ok(HolderStep {
            s,
            post,
            member,
            org_chain,
            lives_chain,
            date,
        })
    }

    /// The member as the core judges a candidate.
    pub fn candidate(&self) -> Candidate<'_> {
        Candidate {
            member: &self.member,
            org_chain: &self.org_chain,
            lives_chain: &self.lives_chain,
        }
    }

    /// Writes the core's edit of the holder (or diffs it).
    pub fn save(&self, ctx: &Ctx, change: &HolderEdit, dry_run: bool) -> Result<Written> {
        save_holder_edit(&self.s, ctx, &self.post, change, dry_run)
    }

    /// Prints what the write did, with the step's message (catalog key `key`).
    pub fn report(&self, ctx: &Ctx, written: &Written, key: &'static str) -> Exit {
        let message = step_message(self.s.locale, key, &self.member, &self.post, self.date);
        report(ctx, written, &self.post.path, self.s.locale, &message)
    }
}

/// Validates and writes (or diffs) an edited post, as `check` would judge the single file.
pub fn save_post(s: &Session, ctx: &Ctx, edit: &Editable, dry_run: bool) -> Result<Written> {
    let cctx = check::Context {
        as_of: ctx.as_of,
        locale: s.locale,
    };
    write::save::<Post>(&s.lock, edit, dry_run, s.locale, |p| {
        check::single::post(&edit.rel, p, &cctx)
    })
}

/// Prints what a write did: the diff of a dry run, or the step's message and the file written.
pub fn report(ctx: &Ctx, written: &Written, rel: &str, locale: Locale, message: &str) -> Exit {
    match written {
        Written::DryRun(diff) => print!("{diff}"),
        other => {
            if !ctx.quiet {
                println!("{}", crate::diag::escape::lines(message));
                println!("{}", write::describe(other, rel, locale));
            }
        }
    }
    Exit::Success
}

/// The message of a step, naming the member and the post.
pub fn step_message(
    locale: Locale,
    key: &'static str,
    member: &Member,
    post: &Post,
    date: Date,
) -> String {
    tf(
        locale,
        key,
        &[
            ("member", &crate::workflow::post::who(member)),
            ("post", &post.name),
            ("date", &date),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;
    use crate::workflow::post::{self as core, Candidate};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn member(id: &str) -> Member {
        toml::from_str(&format!(
            "id = \"{id}\"\nname = \"{id}\"\norg = \"jiangbin\"\nstatus = \"full\"\noffice = \"none\"\n"
        ))
        .unwrap()
    }

    /// Walks the steps on both the TOML text and the model: the edited text parses back to the
    /// edited model, whatever style the file uses for its lists.
    fn walk(text: &str) -> String {
        let mut doc: DocumentMut = text.parse().unwrap();
        let mut model: Post = toml::from_str(text).unwrap();
        let chain = vec!["jiangbin".to_string()];
        let steps: Vec<(&str, &str)> = vec![
            ("claim", "a"),
            ("assign", "a"),
            ("assign", "b"),
            ("publish", ""),
            ("log", "a"),
            ("end", "b"),
        ];
        for (i, (step, id)) in steps.into_iter().enumerate() {
            let m = member(id);
            let c = Candidate {
                member: &m,
                org_chain: &chain,
                lives_chain: &[],
            };
            let date = Date(d("2026-03-01").0 + chrono::Days::new(i as u64));
            let edits = match step {
                "claim" => vec![core::claim(&model, &c, date).unwrap().edit],
                "assign" => vec![core::assign(&model, &c, date).unwrap()],
                "publish" => core::publish(&model, date),
                "end" => vec![core::end(&model, &m, date, Some("换岗")).unwrap()],
                _ => {
                    let entry = core::log(
                        &model,
                        &m,
                        date,
                        "巡查",
                        Some("1.5".parse::<Num>().unwrap()),
                    )
                    .unwrap();
                    append_log(&mut doc, &entry).unwrap();
                    model.logs.push(entry);
                    vec![]
                }
            };
            for e in edits {
                apply_holder_edit(&mut doc, &e).unwrap();
                e.apply(&mut model);
            }
            let reparsed: Post = toml::from_str(&doc.to_string()).unwrap();
            assert_eq!(reparsed, model, "after {step}:\n{doc}");
        }
        doc.to_string()
    }

    #[test]
    fn edits_on_tables_and_inline_lists_agree_with_the_model() {
        let base = "id = \"p\"\nname = \"岗\"\norg = \"jiangbin\"\nkind = \"standing\"\nduties = [\"d\"]\n";
        let out = walk(base);
        assert!(
            out.contains("[[holder]]") && out.contains("[[log]]"),
            "{out}"
        );
        let inline = format!("{base}holder = []\nlog = []\n");
        let out = walk(&inline);
        assert!(out.contains("holder = [{"), "{out}");
        let with_log_first = format!(
            "{base}\n[[holder]]\nmember = \"z\"\nclaimed = 2026-01-01\nconfirmed = 2026-01-01\nended = 2026-01-02\n\n[[log]]\ndate = 2026-01-01\nmember = \"z\"\ntext = \"x\"\n"
        );
        let out = walk(&with_log_first);
        // New holders go after the last holder, before the log.
        assert!(
            out.find("member = \"b\"").unwrap() < out.find("[[log]]").unwrap(),
            "{out}"
        );
    }

    #[test]
    fn dates_are_toml_dates() {
        let v = date_value(d("2026-01-05"));
        assert!(v.is_datetime());
        assert_eq!(v.to_string().trim(), "2026-01-05");
        assert_eq!(num_value("2.50".parse().unwrap()).to_string().trim(), "2.5");
        assert_eq!(num_value("3".parse().unwrap()).to_string().trim(), "3");
    }
}
