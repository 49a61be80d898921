//! The workspace: every record loaded, with indexes for the lookups the checks, workflows and
//! scoring need. `Workspace` itself is plain data; the submodules are the edges that touch the
//! file system (finding the root, loading, locating findings, locked atomic writes).

mod decode;
pub mod edit;
mod find;
pub mod include;
mod load;
mod locate;
pub mod output;
mod parse;
pub mod resolve;
pub mod write;

use std::collections::HashMap;

pub use decode::{Decoded, decode};
pub use find::find_root;
pub use include::{Part, load_district};
pub use load::{LoadOptions, Parsed, classify, load, parse_kind, read_text};
pub use locate::{line_column, locate, span_of};
pub use parse::{parse_record, parse_value};

use crate::i18n::Locale;
use crate::model::{Commitment, Evaluation, Matter, Member, Org, Period, Post, Settings};

/// A record with the path it was read from (relative to the root, with `/`).
#[derive(Clone, Debug)]
pub struct Rec<T> {
    pub path: String,
    pub value: T,
}

impl<T> std::ops::Deref for Rec<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Every record of a workspace. Records that failed to parse are absent (their diagnostics
/// were reported by the loader).
#[derive(Clone, Debug)]
pub struct Workspace {
    pub settings: Rec<Settings>,
    pub orgs: Vec<Rec<Org>>,
    pub members: Vec<Rec<Member>>,
    pub posts: Vec<Rec<Post>>,
    pub matters: Vec<Rec<Matter>>,
    pub commitments: Vec<Rec<Commitment>>,
    pub evaluations: Vec<Rec<Evaluation>>,
    /// Number of record files read (including those that failed to parse).
    pub files: usize,
    /// Record files that could not be read or parsed, by path.
    pub broken: Vec<Broken>,
    /// The workspaces included by `[[include]]` (SPEC §10), empty for a single workspace.
    pub parts: Vec<include::Part>,
    index: Index,
}

/// A record file that could not be read or parsed: its path, the loader's message and where
/// in the file the error is (line and column from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub path: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl Broken {
    /// The file's stem: the id its record would have.
    pub fn id(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or("");
        name.strip_suffix(".toml").unwrap_or(name)
    }

    /// The layout folder the file lies in (`orgs`, `matters` …).
    pub fn folder(&self) -> &str {
        self.path.split('/').next().unwrap_or("")
    }
}

#[derive(Clone, Debug, Default)]
struct Index {
    orgs: HashMap<String, usize>,
    members: HashMap<String, usize>,
    posts: HashMap<String, usize>,
    children: HashMap<String, Vec<usize>>,
}

impl Workspace {
    /// The organization `arg` names (an id, or an unambiguous name); see `resolve::find`.
    pub fn find_org(&self, arg: &str, locale: Locale) -> Result<&Org, crate::error::Error> {
        resolve::find(self.orgs.iter().map(|r| &r.value), arg, locale)
    }

    /// The member `arg` names (an id, or an unambiguous name).
    pub fn find_member(&self, arg: &str, locale: Locale) -> Result<&Member, crate::error::Error> {
        resolve::find(self.members.iter().map(|r| &r.value), arg, locale)
    }

    /// The post `arg` names (an id, or an unambiguous name).
    pub fn find_post(&self, arg: &str, locale: Locale) -> Result<&Post, crate::error::Error> {
        resolve::find(self.posts.iter().map(|r| &r.value), arg, locale)
    }

    /// Builds a workspace from records, as the loader does and as tests do. Records are kept
    /// in the order given; the first of duplicate ids wins in lookups.
    pub fn new(settings: Rec<Settings>, records: Records) -> Workspace {
        let mut index = Index::default();
        for (i, o) in records.orgs.iter().enumerate() {
            index.orgs.entry(o.id.clone()).or_insert(i);
            if let Some(p) = &o.parent {
                index.children.entry(p.clone()).or_default().push(i);
            }
        }
        for (i, m) in records.members.iter().enumerate() {
            index.members.entry(m.id.to_string()).or_insert(i);
        }
        for (i, p) in records.posts.iter().enumerate() {
            index.posts.entry(p.id.to_string()).or_insert(i);
        }
        Workspace {
            settings,
            orgs: records.orgs,
            members: records.members,
            posts: records.posts,
            matters: records.matters,
            commitments: records.commitments,
            evaluations: records.evaluations,
            files: records.files,
            broken: records.broken,
            parts: Vec::new(),
            index,
        }
    }

    /// The broken file that would hold the record `id` of `folder` (`members`, `matters` …).
    pub fn broken_record(&self, folder: &str, id: &str) -> Option<&Broken> {
        self.broken
            .iter()
            .find(|b| b.folder() == folder && b.id() == id)
    }

    /// Whether `id` is the id of an organization, member or post whose file failed to parse:
    /// references to it were not checked, and are not reported a second time.
    pub fn is_broken_id(&self, id: &str) -> bool {
        self.broken
            .iter()
            .any(|b| matches!(b.folder(), "orgs" | "members" | "posts") && b.id() == id)
    }

    /// Whether the chain of parents from the organization `id` up meets an organization whose
    /// file failed to parse: where `id` lies in the tree is then unknown.
    pub fn is_below_broken(&self, id: &str) -> bool {
        if self.broken.is_empty() {
            return false;
        }
        let top = self.ancestors(id).last().copied().or_else(|| self.org(id));
        self.is_broken_id(id)
            || top
                .and_then(|o| o.parent.as_deref())
                .is_some_and(|p| self.is_broken_id(p))
    }

    pub fn org(&self, id: &str) -> Option<&Org> {
        self.index.orgs.get(id).map(|&i| &self.orgs[i].value)
    }
    pub fn org_rec(&self, id: &str) -> Option<&Rec<Org>> {
        self.index.orgs.get(id).map(|&i| &self.orgs[i])
    }
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.index.members.get(id).map(|&i| &self.members[i].value)
    }
    pub fn member_rec(&self, id: &str) -> Option<&Rec<Member>> {
        self.index.members.get(id).map(|&i| &self.members[i])
    }
    pub fn post(&self, id: &str) -> Option<&Post> {
        self.index.posts.get(id).map(|&i| &self.posts[i].value)
    }

    /// Direct children of an organization, in load order.
    pub fn children(&self, id: &str) -> impl Iterator<Item = &Org> {
        self.index
            .children
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.orgs[i].value)
    }

    /// The parent chain of `id`, nearest first, stopping at a cycle or a missing parent.
    pub fn ancestors(&self, id: &str) -> Vec<&Org> {
        let mut out: Vec<&Org> = Vec::new();
        let mut cur = self.org(id).and_then(|o| o.parent.as_deref());
        while let Some(p) = cur {
            match self.org(p) {
                Some(o) if o.id != id && !out.iter().any(|a| a.id == o.id) => {
                    out.push(o);
                    cur = o.parent.as_deref();
                }
                _ => break,
            }
        }
        out
    }

    /// Whether `org` is `ancestor` or lies below it.
    pub fn is_within(&self, org: &str, ancestor: &str) -> bool {
        org == ancestor || self.ancestors(org).iter().any(|a| a.id == ancestor)
    }

    /// `id` and every organization below it, depth first, children in load order.
    pub fn subtree(&self, id: &str) -> Vec<&Org> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<&Org> = self.org(id).into_iter().collect();
        while let Some(o) = stack.pop() {
            if !seen.insert(o.id.as_str()) {
                continue;
            }
            out.push(o);
            let mut kids: Vec<&Org> = self.children(&o.id).collect();
            kids.reverse();
            stack.extend(kids);
        }
        out
    }

    /// Letters of a committer, any half.
    pub fn letters_of<'a>(
        &'a self,
        committer: &'a str,
    ) -> impl Iterator<Item = &'a Rec<Commitment>> {
        self.commitments
            .iter()
            .filter(move |c| c.committer == committer)
    }

    /// Sheets of a period.
    pub fn sheets_of(&self, period: Period) -> impl Iterator<Item = &Rec<Evaluation>> {
        self.evaluations.iter().filter(move |e| e.period == period)
    }

    /// A display name for a member or organization id, or the id itself.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.member(id)
            .map(|m| m.name.as_str())
            .or_else(|| self.org(id).map(|o| o.name.as_str()))
            .unwrap_or(id)
    }
}

/// The records of a workspace other than its settings, as handed to `Workspace::new`.
#[derive(Clone, Debug, Default)]
pub struct Records {
    pub orgs: Vec<Rec<Org>>,
    pub members: Vec<Rec<Member>>,
    pub posts: Vec<Rec<Post>>,
    pub matters: Vec<Rec<Matter>>,
    pub commitments: Vec<Rec<Commitment>>,
    pub evaluations: Vec<Rec<Evaluation>>,
    pub files: usize,
    pub broken: Vec<Broken>,
}
