//! `dangjian matter task <id> <task-id> --text … (--org O | --member M) … --due D`: adds a task
//! (任务分解), refusing unknown organizations and members and duplicate task ids.

use anyhow::Result;
use toml_edit::{Array, Value};

use super::{
    EditOpts, Session, date_value, member_id, num_value, org_id, push_table, refused, table_of,
};
use crate::commands::{Ctx, Exit};
use crate::i18n::tf;
use crate::model::{Date, Num, is_valid_id};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("responsible").required(true).args(["org", "member"])))]
pub struct Args {
    /// Id of the matter
    pub id: String,
    /// Id of the task, unique within the matter
    pub task: String,
    /// What is to be done
    #[arg(long)]
    pub text: String,
    /// Responsible organization (id or name)
    #[arg(long)]
    pub org: Option<String>,
    /// Responsible member (id or name)
    #[arg(long)]
    pub member: Option<String>,
    /// Leader in charge (责任领导), a member
    #[arg(long)]
    pub leader: Option<String>,
    /// Liaison (联络员), a member
    #[arg(long)]
    pub liaison: Option<String>,
    /// Assisting organization (协办单位); repeat for several
    #[arg(long)]
    pub assist: Vec<String>,
    /// Target quantity
    #[arg(long)]
    pub target: Option<Num>,
    /// Unit of the target
    #[arg(long)]
    pub unit: Option<String>,
    /// Due date
    #[arg(long, value_name = "DATE")]
    pub due: Date,
    #[command(flatten)]
    pub opts: EditOpts,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Exit> {
    let mut s = Session::open(ctx, &args.id, &args.opts)?;
    let loc = s.locale;
    let root = s.root.clone();
    let mut reasons = Vec::new();
    if !is_valid_id(&args.task) {
        reasons.push(tf(loc, "matter.invalid-task-id", &[("task", &args.task)]));
    }
    if s.matter.task(&args.task).is_some() {
        reasons.push(tf(loc, "matter.task-exists", &[("task", &args.task)]));
    }
    if args.text.trim().is_empty() {
        reasons.push(tf(loc, "matter.empty-text", &[]));
    }
    if let Some(t) = args.target
        && t.0.is_sign_negative()
    {
        reasons.push(tf(loc, "matter.negative", &[("value", &t)]));
    }
    // Every reference is resolved; each unknown one is a problem of its own (a usage error).
    let mut unknown: Option<anyhow::Error> = None;
    let mut resolve = |arg: &Option<String>, org: bool| -> Option<String> {
        let a = arg.as_deref()?;
        let r = if org {
            org_id(&root, a, loc)
        } else {
            member_id(&root, a, loc)
        };
        match r {
            Ok(id) => Some(id),
            Err(e) => {
                unknown = Some(match unknown.take() {
                    Some(prev) => crate::error::Error::merge(prev, e),
                    None => e,
                });
                None
            }
        }
    };
    let org = resolve(&args.org, true);
    let member = resolve(&args.member, false);
    let leader = resolve(&args.leader, false);
    let liaison = resolve(&args.liaison, false);
    let assist: Vec<String> = args
        .assist
        .iter()
        .filter_map(|a| resolve(&Some(a.clone()), true))
        .collect();
    if let Some(e) = unknown {
        return Err(e);
    }
    if !reasons.is_empty() {
        return Err(refused(reasons));
    }
    let assist = (!assist.is_empty()).then(|| {
        let mut a = Array::new();
        for x in &assist {
            a.push(x.as_str());
        }
        Value::Array(a)
    });
    let t = table_of(vec![
        ("id", Some(Value::from(args.task.as_str()))),
        ("text", Some(Value::from(args.text.as_str()))),
        ("org", org.map(Value::from)),
        ("member", member.map(Value::from)),
        ("leader", leader.map(Value::from)),
        ("liaison", liaison.map(Value::from)),
        ("assist", assist),
        ("target", args.target.map(num_value)),
        ("unit", args.unit.as_deref().map(Value::from)),
        ("due", Some(date_value(args.due))),
    ]);
    push_table(&mut s.edit.doc, "task", t, s.locale)?;
    s.save(None)
}
