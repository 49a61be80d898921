//! Generates a large, realistic workspace for benchmarks: `cargo run --release --example gen --
//! --members N --seed S --out DIR`. Deterministic: the same N and seed give byte-identical files.
//!
//! Shape (20,000 members → about 70,000 files): a district committee over street committees
//! (about 8 communities each), communities over branches of about 25 members, three partner
//! organizations per community; posts with holders and duty logs, matters at every step of the
//! six-step method, commitment letters for both halves, evaluation sheets for every period of the
//! year ended by 2026-11-20. Everything is written as TOML text directly (fastest to run) and is
//! meant to pass `dangjian check` as of 2026-11-20.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

/// The day the generated records are "as of": nothing is dated after it.
const AS_OF: (i32, u32, u32) = (2026, 11, 20);
const YEAR: i32 = 2026;

/// splitmix64: small, fast, and good enough for realistic shapes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1).max(1) as u64;
        lo + (self.next() % span) as i64
    }
    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn as_of() -> NaiveDate {
    date(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn month_end(m: u32) -> NaiveDate {
    if m == 12 {
        date(YEAR, 12, 31)
    } else {
        date(YEAR, m + 1, 1) - Duration::days(1)
    }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Root,
    Street,
    Community,
    Leaf,
    Partner,
}

struct Org {
    id: String,
    name: String,
    kind: &'static str,
    level: Level,
    parent: Option<usize>,
    role: Option<&'static str>,
    secretary: Option<usize>,
    /// Members whose `org` is this one.
    members: Vec<usize>,
    /// Child organizations.
    children: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Full,
    Probationary,
    Activist,
    Resident,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Full => "full",
            Status::Probationary => "probationary",
            Status::Activist => "activist",
            Status::Resident => "resident",
        }
    }
    fn party(self) -> bool {
        matches!(self, Status::Full | Status::Probationary)
    }
}

struct Member {
    id: String,
    name: String,
    org: usize,
    status: Status,
    leader: bool,
    joined: Option<NaiveDate>,
    lives_in: Option<usize>,
    left: Option<NaiveDate>,
}

impl Member {
    /// Still in the workspace on `d` (left is the first day away).
    fn present_on(&self, d: NaiveDate) -> bool {
        self.left.is_none_or(|l| d < l)
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹", "曾", "彭", "萧",
    "蔡", "潘", "田", "董", "袁", "于", "余", "叶", "蒋", "杜", "苏", "魏", "程", "吕", "丁", "沈",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "建国", "建华", "志强", "玉兰", "淑芬", "文华", "德明",
    "春兰", "国华", "晓峰", "丽华", "海燕", "永福", "凤英", "红梅", "晓东", "立新", "金凤", "志明",
    "玉梅", "小红", "建平", "荣", "斌", "燕", "婷", "浩", "宇", "晨", "欣", "佳", "雪", "琳",
];
const STREET_NAMES: &[&str] = &[
    "清溪", "列东", "列西", "徐碧", "城关", "白沙", "富兴", "荆西", "岩前", "陈大", "洋溪", "莘口",
];
const COMMUNITY_NAMES: &[&str] = &[
    "江滨", "新桥", "柳杨", "东安", "青山", "梅岭", "翠园", "乐园", "红星", "建设", "和平", "碧湖",
    "长安", "金山", "龙岗", "凤鸣", "永安", "西门", "北站", "南岸",
];

struct Theme {
    key: &'static str,
    name: &'static str,
    duties: &'static [&'static str],
    target: (&'static str, u32, &'static str),
    log_every: &'static str,
    eligible: Option<&'static str>,
    logs: &'static [&'static str],
}

const THEMES: &[Theme] = &[
    Theme {
        key: "pingan",
        name: "平安创建岗",
        duties: &["巡查小区治安和消防隐患", "协助开展平安宣传"],
        target: ("每月巡查不少于4次", 4, "month"),
        log_every: "month",
        eligible: None,
        logs: &[
            "巡查{a}，发现消防通道堵塞{n}处，已联系物业清理",
            "夜间巡逻{a}，劝离可疑推销人员{n}人",
            "排查电动车楼道充电隐患{n}处，已督促整改",
        ],
    },
    Theme {
        key: "wenming",
        name: "文明劝导岗",
        duties: &["劝导乱停乱放、楼道堆物等不文明行为", "参与文明楼院创建"],
        target: ("每月开展文明劝导不少于2次", 2, "month"),
        log_every: "month",
        eligible: Some("status = [\"full\", \"probationary\", \"activist\", \"resident\"]"),
        logs: &[
            "在{a}劝导乱停放电动车{n}辆",
            "劝导楼道堆物{n}户，张贴提示{n}份",
            "参加“文明楼院”评比入户走访{n}户",
        ],
    },
    Theme {
        key: "lianzheng",
        name: "廉政监督岗",
        duties: &["监督社区“三务”公开", "收集居民对社区干部作风的意见"],
        target: ("每季度列席居务监督会议不少于1次", 1, "quarter"),
        log_every: "quarter",
        eligible: Some("office = \"none\""),
        logs: &[
            "列席社区居务监督会议，查阅{n}笔经费开支",
            "走访居民{n}户，征求对社区干部作风的意见",
        ],
    },
    Theme {
        key: "huanjing",
        name: "环境卫生岗",
        duties: &["组织楼栋卫生集中整治", "开展垃圾分类宣传和监督"],
        target: ("每月组织卫生整治不少于1次", 1, "month"),
        log_every: "month",
        eligible: None,
        logs: &[
            "组织{a}卫生集中整治，清理卫生死角{n}处",
            "开展垃圾分类入户宣传{n}0户",
        ],
    },
    Theme {
        key: "fuwu",
        name: "为民服务岗",
        duties: &["为居民代办事项", "收集居民诉求并反馈"],
        target: ("每月代办事项不少于3件", 3, "month"),
        log_every: "month",
        eligible: None,
        logs: &[
            "为{a}老人代办医保报销{n}件",
            "收集居民诉求{n}条，已转居委会办理",
        ],
    },
    Theme {
        key: "xuanchuan",
        name: "政策宣传岗",
        duties: &["宣传党的方针政策", "讲解惠民政策"],
        target: ("每月开展宣讲不少于1次", 1, "month"),
        log_every: "month",
        eligible: None,
        logs: &["在{a}开展政策宣讲，听众{n}0人", "入户讲解养老保险政策{n}户"],
    },
    Theme {
        key: "bangfu",
        name: "结对帮扶岗",
        duties: &["结对联系困难家庭", "帮助解决实际困难"],
        target: ("每月走访结对户不少于1次", 1, "month"),
        log_every: "month",
        eligible: None,
        logs: &[
            "走访结对困难户{n}户，协助申请临时救助",
            "为{a}独居老人检查用电用气安全{n}户",
        ],
    },
];

const AREAS: &[&str] = &[
    "一区",
    "二区",
    "三区",
    "老街",
    "新村",
    "花园小区",
    "市场周边",
    "学校周边",
];
const TUFA_LOGS: &[&str] = &[
    "协助转移{a}低洼地段群众{n}户",
    "参加{a}淤泥清理{n}小时",
    "排查灾后房屋安全隐患{n}处并登记上报",
];

struct Gen {
    rng: Rng,
    out: PathBuf,
    orgs: Vec<Org>,
    members: Vec<Member>,
    files: usize,
    bytes: usize,
    /// `--unquantified`: the first item of every commitment letter has no `target`, so that
    /// `check` reports one `unquantified` warning per letter (a run with many findings).
    unquantified: bool,
    /// Put before every organization and member id (`w01-` for the first community of
    /// `--district`), so that the workspaces of a district have no id in common.
    prefix: String,
}

const USAGE: &str =
    "usage: gen --members N --seed S --out DIR [--unquantified] [--district WORKSPACES]";

/// The district's own organization in `--district` mode, which every community hangs under.
const DISTRICT_ORG: &str = "district";

fn main() {
    let mut members = 20_000usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut unquantified = false;
    let mut district = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("error: {name} needs a value");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--members" | "-n" => members = parse(&value("--members")),
            "--seed" | "-s" => seed = parse(&value("--seed")),
            "--out" | "-o" => out = Some(PathBuf::from(value("--out"))),
            "--unquantified" => unquantified = true,
            "--district" => district = parse(&value("--district")),
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            other => {
                eprintln!("error: unexpected argument `{other}`\n{USAGE}");
                std::process::exit(2)
            }
        }
    }
    let Some(out) = out else {
        eprintln!("error: --out DIR is required\n{USAGE}");
        std::process::exit(2)
    };
    if out.join("dangjian.toml").exists() {
        if let Err(e) = std::fs::remove_dir_all(&out) {
            eprintln!("error: cannot clear {}: {e}", out.display());
            std::process::exit(2)
        }
    } else if out.exists()
        && out
            .read_dir()
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        eprintln!(
            "error: {} exists, is not empty and is not a workspace: refusing to overwrite",
            out.display()
        );
        std::process::exit(2)
    }
    let started = std::time::Instant::now();
    let (files, bytes) = if district == 0 {
        generate(&out, members, seed, unquantified, "")
    } else {
        write_district(&out, district, members, seed, unquantified)
    };
    eprintln!(
        "wrote {files} files ({:.1} MB) for {members} members in {:.1}s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
}

/// Writes one workspace; returns the files and bytes written.
fn generate(
    out: &Path,
    members: usize,
    seed: u64,
    unquantified: bool,
    prefix: &str,
) -> (usize, usize) {
    let mut g = Gen {
        rng: Rng(seed ^ 0x6461_6e67_6a69_616e),
        out: out.to_path_buf(),
        orgs: Vec::new(),
        members: Vec::new(),
        files: 0,
        bytes: 0,
        unquantified,
        prefix: prefix.to_string(),
    };
    g.build(members.max(10));
    g.write_settings();
    g.write_orgs();
    g.write_members();
    g.write_posts();
    g.write_matters();
    g.write_letters();
    g.write_sheets();
    (g.files, g.bytes)
}

/// `--district N`: a district workspace (its settings and its own organization) including `N`
/// community workspaces under `communities/`, of `members / N` members each, with ids prefixed
/// `w01-`, `w02-` … so that they are unique across the district (SPEC §10).
fn write_district(
    out: &Path,
    n: usize,
    members: usize,
    seed: u64,
    unquantified: bool,
) -> (usize, usize) {
    let mut settings = String::from(
        "# generated by `cargo run --release --example gen -- --district N`\n\
format = 1\n\
name = \"三明市梅列区委组织部（基准数据）\"\n",
    );
    let _ = write!(
        settings,
        "root = \"{DISTRICT_ORG}\"\nyear = {YEAR}\nlocale = \"zh-CN\"\nsector = \"community\"\n"
    );
    let (mut files, mut bytes) = (2, 0);
    for w in 1..=n {
        let path = format!("communities/w{w:02}");
        let _ = write!(
            settings,
            "\n[[include]]\npath = \"{path}\"\nparent = \"{DISTRICT_ORG}\"\n"
        );
        let (f, b) = generate(
            &out.join(&path),
            members / n,
            seed.wrapping_add(w as u64),
            unquantified,
            &format!("w{w:02}-"),
        );
        files += f;
        bytes += b;
    }
    let org = format!("id = \"{DISTRICT_ORG}\"\nname = \"三明市梅列区委\"\nkind = \"committee\"\nsector = \"community\"\n");
    mkdir(&out.join("orgs"));
    for (rel, text) in [("dangjian.toml", &settings), ("orgs/district.toml", &org)] {
        if let Err(e) = std::fs::write(out.join(rel), text) {
            eprintln!("error: cannot write {rel}: {e}");
            std::process::exit(2)
        }
        bytes += text.len();
    }
    (files, bytes)
}

fn parse<T: std::str::FromStr>(s: &str) -> T {
    s.parse().unwrap_or_else(|_| {
        eprintln!("error: `{s}` is not a valid number");
        std::process::exit(2)
    })
}

/// A letter's text with its first item unquantified: no `target` line, and its progress entries
/// saying `done` (whether the target was reached) instead of a value.
fn drop_first_target(text: &str) -> String {
    let Some(item) = text.find("[[item]]") else {
        return text.to_string();
    };
    let next = text[item + 8..]
        .find("[[item]]")
        .map_or(text.len(), |i| item + 8 + i);
    let mut target = None;
    let mut block = String::new();
    for line in text[item..next].split_inclusive('\n') {
        if let Some(v) = line.strip_prefix("target = ") {
            target = v.trim().parse::<u32>().ok();
        } else if let (Some(v), Some(t)) = (line.strip_prefix("value = "), target) {
            let done = v.trim().parse::<u32>().is_ok_and(|v| v >= t);
            block.push_str(&format!("done = {done}\n"));
        } else {
            block.push_str(line);
        }
    }
    format!("{}{block}{}", &text[..item], &text[next..])
}

impl Gen {
    fn write(&mut self, rel: &str, text: &str) {
        let unquantified;
        let text = if self.unquantified && rel.starts_with("commitments/") {
            unquantified = drop_first_target(text);
            unquantified.as_str()
        } else {
            text
        };
        let path = self.out.join(rel);
        if let Some(dir) = path.parent()
            && !dir.exists()
        {
            mkdir(dir);
        }
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            std::process::exit(2)
        }
        self.files += 1;
        self.bytes += text.len();
    }

    fn name(&mut self) -> String {
        let s = *self.rng.pick(SURNAMES);
        let g = *self.rng.pick(GIVEN);
        format!("{s}{g}")
    }

    fn add_org(
        &mut self,
        id: String,
        name: String,
        kind: &'static str,
        level: Level,
        parent: Option<usize>,
    ) -> usize {
        let i = self.orgs.len();
        self.orgs.push(Org {
            id,
            name,
            kind,
            level,
            parent,
            role: None,
            secretary: None,
            members: Vec::new(),
            children: Vec::new(),
        });
        if let Some(p) = parent {
            self.orgs[p].children.push(i);
        }
        i
    }

    fn add_member(&mut self, org: usize, status: Status, leader: bool) -> usize {
        let i = self.members.len();
        let name = self.name();
        let joined = match status {
            Status::Full => Some(date(
                self.rng.range(1975, 2023) as i32,
                self.rng.range(1, 12) as u32,
                self.rng.range(1, 28) as u32,
            )),
            Status::Probationary => Some(date(
                2025,
                self.rng.range(7, 12) as u32,
                self.rng.range(1, 28) as u32,
            )),
            _ => None,
        };
        self.members.push(Member {
            id: format!("{}m{:06}", self.prefix, i + 1),
            name,
            org,
            status,
            leader,
            joined,
            lives_in: None,
            left: None,
        });
        self.orgs[org].members.push(i);
        i
    }

    /// The org tree and the people.
    fn build(&mut self, n: usize) {
        let leaves = n.div_ceil(25).max(1);
        let communities = leaves.div_ceil(9);
        let streets = communities.div_ceil(8);
        let root = self.add_org(
            format!("{}root", self.prefix),
            "三明市梅列区城市社区党工委".into(),
            "committee",
            Level::Root,
            None,
        );
        let mut community_ids = Vec::new();
        for s in 0..streets {
            let sname = STREET_NAMES[s % STREET_NAMES.len()];
            let suffix = if s < STREET_NAMES.len() {
                String::new()
            } else {
                format!("{}", s / STREET_NAMES.len() + 1)
            };
            let st = self.add_org(
                format!("{}s{:03}", self.prefix, s + 1),
                format!("{sname}{suffix}街道党工委"),
                "committee",
                Level::Street,
                Some(root),
            );
            let here = communities.saturating_sub(s * 8).min(8);
            for c in 0..here {
                let cname = COMMUNITY_NAMES[(s * 8 + c) % COMMUNITY_NAMES.len()];
                let kind = ["committee", "general-branch", "branch"][c % 3];
                let kind_name = ["社区党委", "社区党总支", "社区党支部"][c % 3];
                let co = self.add_org(
                    format!("{}s{:03}-c{:02}", self.prefix, s + 1, c + 1),
                    format!("{sname}{suffix}街道{cname}{kind_name}"),
                    kind,
                    Level::Community,
                    Some(st),
                );
                self.orgs[co].role = Some("leading-core");
                community_ids.push(co);
            }
        }
        // Leaves under communities, round-robin, at most 9 each.
        let mut leaf_ids = Vec::new();
        for l in 0..leaves {
            let co = community_ids[l / 9];
            let k = self.orgs[co].children.len() + 1;
            let kind = if self.orgs[co].kind == "branch" {
                "group"
            } else {
                "branch"
            };
            let label = if kind == "group" {
                "党小组"
            } else {
                "党支部"
            };
            let cname = self.orgs[co].name.clone();
            let leaf = self.add_org(
                format!("{}-b{k:02}", self.orgs[co].id),
                format!("{cname}第{k}{label}"),
                kind,
                Level::Leaf,
                Some(co),
            );
            leaf_ids.push(leaf);
        }
        // Partners: residents' committee, a resident unit and a civil or mass organization.
        for (i, &co) in community_ids.iter().enumerate() {
            let base = self.orgs[co]
                .name
                .replace("社区党委", "社区")
                .replace("社区党总支", "社区")
                .replace("社区党支部", "社区");
            let cid = self.orgs[co].id.clone();
            let partners: [(&str, String, &'static str); 3] = [
                ("jwh", format!("{base}居民委员会"), "residents-committee"),
                (
                    "dw",
                    format!(
                        "{base}驻区单位{}",
                        ["供电所", "水务站", "中学", "卫生院"][i % 4]
                    ),
                    "resident-unit",
                ),
                if i % 2 == 0 {
                    ("zyd", format!("{base}志愿服务队"), "civil")
                } else {
                    ("fl", format!("{base}妇联"), "mass")
                },
            ];
            for (suffix, name, role) in partners {
                let p = self.add_org(
                    format!("{cid}-{suffix}"),
                    name,
                    "partner",
                    Level::Partner,
                    Some(co),
                );
                self.orgs[p].role = Some(role);
            }
        }
        // Leadership of root, streets, communities; then the leaves' people.
        let upper: Vec<usize> = (0..self.orgs.len())
            .filter(|&o| {
                matches!(
                    self.orgs[o].level,
                    Level::Root | Level::Street | Level::Community
                )
            })
            .collect();
        for &o in &upper {
            let count = if self.orgs[o].level == Level::Community {
                3
            } else {
                2
            };
            for k in 0..count {
                let m = self.add_member(o, Status::Full, true);
                if k == 0 {
                    self.orgs[o].secretary = Some(m);
                }
            }
        }
        let remaining = n.saturating_sub(self.members.len());
        for (li, &leaf) in leaf_ids.iter().enumerate() {
            let count = remaining / leaves + usize::from(li < remaining % leaves);
            for k in 0..count {
                let status = if k == 0 {
                    Status::Full
                } else {
                    match self.rng.range(0, 99) {
                        0..=79 => Status::Full,
                        80..=86 => Status::Probationary,
                        87..=91 => Status::Activist,
                        _ => Status::Resident,
                    }
                };
                let m = self.add_member(leaf, status, k == 0);
                if k == 0 {
                    self.orgs[leaf].secretary = Some(m);
                }
            }
        }
        // In-service members who live in another community; a few who left in 2026.
        let all = self.members.len();
        for m in 0..all {
            if self.members[m].leader || !self.members[m].status.party() {
                continue;
            }
            if self.rng.chance(0.05) {
                let co = *self.rng.pick(&community_ids);
                self.members[m].lives_in = Some(co);
            } else if self.rng.chance(0.01) {
                self.members[m].left = Some(date(
                    YEAR,
                    self.rng.range(7, 10) as u32,
                    self.rng.range(15, 28) as u32,
                ));
            }
        }
    }

    fn community_of(&self, mut o: usize) -> Option<usize> {
        loop {
            if self.orgs[o].level == Level::Community {
                return Some(o);
            }
            o = self.orgs[o].parent?;
        }
    }

    fn write_settings(&mut self) {
        let head = "# generated by `cargo run --release --example gen`\n\
format = 1\n\
name = \"三明市梅列区城市社区党工委（基准数据）\"\n";
        let tail = "year = 2026\n\
locale = \"zh-CN\"\n\
sector = \"community\"\n\n\
[[role]]\nid = \"leading-core\"\nname = \"社区党组织领导核心作用\"\n\n\
[[role]]\nid = \"residents-committee\"\nname = \"社区居委会组织实施作用\"\n\n\
[[role]]\nid = \"resident-unit\"\nname = \"驻区单位协调共建作用\"\n\n\
[[role]]\nid = \"civil\"\nname = \"社区民间组织服务推动作用\"\n\n\
[[role]]\nid = \"mass\"\nname = \"社区群团组织生力军作用\"\n\n\
[workflow.consult]\nmin_opinions = 2\nmin_sources = 2\n\n\
[workflow.decide]\nbodies = [\"joint\"]\n\n\
[workflow.evaluate]\npublish = true\n";
        let text = format!("{head}root = \"{}root\"\n{tail}", self.prefix);
        self.write("dangjian.toml", &text);
    }

    fn write_orgs(&mut self) {
        for o in 0..self.orgs.len() {
            let org = &self.orgs[o];
            let mut t = String::with_capacity(256);
            let _ = writeln!(
                t,
                "id = {}\nname = {}\nkind = {}",
                q(&org.id),
                q(&org.name),
                q(org.kind)
            );
            let _ = writeln!(t, "sector = \"community\"");
            if let Some(p) = org.parent {
                let _ = writeln!(t, "parent = {}", q(&self.orgs[p].id));
            }
            if let Some(r) = org.role {
                let _ = writeln!(t, "role = {}", q(r));
            }
            if let Some(s) = org.secretary {
                let _ = writeln!(t, "secretary = {}", q(&self.members[s].id));
            }
            let rel = format!("orgs/{}.toml", org.id);
            self.write(&rel, &t);
        }
    }

    fn write_members(&mut self) {
        for m in 0..self.members.len() {
            let mem = &self.members[m];
            let mut t = String::with_capacity(256);
            let _ = writeln!(
                t,
                "id = {}\nname = {}\norg = {}",
                q(&mem.id),
                q(&mem.name),
                q(&self.orgs[mem.org].id)
            );
            let _ = writeln!(
                t,
                "status = {}\noffice = {}",
                q(mem.status.word()),
                q(if mem.leader { "leader" } else { "none" })
            );
            if let Some(j) = mem.joined {
                let _ = writeln!(t, "joined = {j}");
            }
            if let Some(l) = mem.lives_in {
                let _ = writeln!(t, "lives_in = {}", q(&self.orgs[l].id));
            }
            if let Some(l) = mem.left {
                let _ = writeln!(t, "left = {l}");
            }
            let _ = writeln!(
                t,
                "\n[private]\nphone = \"1{:010}\"",
                3_000_000_000u64 + (m as u64 * 7_919_993) % 6_999_999_999
            );
            let rel = format!("members/{}.toml", mem.id);
            self.write(&rel, &t);
        }
    }

    /// Log dates of one spell: one (or two) per month, one per quarter or about one per week.
    fn log_dates(
        &mut self,
        every: &str,
        start: NaiveDate,
        end: NaiveDate,
        per_month: u32,
    ) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        if every == "week" {
            let mut d = start + Duration::days(1);
            while d <= end {
                out.push(d);
                d += Duration::days(self.rng.range(5, 7));
            }
            return out;
        }
        for m in 1..=12u32 {
            if every == "quarter" && m % 3 != 2 {
                continue;
            }
            let lo = date(YEAR, m, 1).max(start);
            let hi = month_end(m).min(end);
            if lo > hi || self.rng.chance(0.06) {
                continue;
            }
            let span = (hi - lo).num_days();
            for _ in 0..per_month {
                out.push(lo + Duration::days(self.rng.range(0, span)));
            }
        }
        out.sort();
        out.dedup();
        out
    }

    fn log_text(&mut self, templates: &[&str]) -> String {
        let t = *self.rng.pick(templates);
        let a = *self.rng.pick(AREAS);
        let n = self.rng.range(2, 6).to_string();
        t.replace("{a}", a).replace("{n}", &n)
    }

    fn write_posts(&mut self) {
        let today = as_of();
        let leaves: Vec<usize> = (0..self.orgs.len())
            .filter(|&o| self.orgs[o].level == Level::Leaf)
            .collect();
        for &leaf in &leaves {
            // Candidates: party members without office for every theme; activists and residents
            // only for 文明劝导岗.
            let mut party: Vec<usize> = self.orgs[leaf]
                .members
                .iter()
                .copied()
                .filter(|&m| self.members[m].status.party() && !self.members[m].leader)
                .collect();
            let mut others: Vec<usize> = self.orgs[leaf]
                .members
                .iter()
                .copied()
                .filter(|&m| !self.members[m].status.party())
                .collect();
            for (k, theme) in THEMES.iter().enumerate() {
                let pid = format!("{}-{}", self.orgs[leaf].id, theme.key);
                let mut holders: Vec<usize> = Vec::new();
                let want = 3usize.min(
                    party.len()
                        + if theme.key == "wenming" {
                            others.len()
                        } else {
                            0
                        },
                );
                while holders.len() < want {
                    if theme.key == "wenming"
                        && let Some(m) = others.pop()
                    {
                        holders.push(m);
                        continue;
                    }
                    match party.pop() {
                        Some(m) => holders.push(m),
                        None => break,
                    }
                }
                if holders.is_empty() && k > 0 {
                    continue;
                }
                let mut t = String::with_capacity(4096);
                let _ = writeln!(
                    t,
                    "id = {}\nname = {}\norg = {}\nkind = \"standing\"",
                    q(&pid),
                    q(theme.name),
                    q(&self.orgs[leaf].id)
                );
                let _ = writeln!(
                    t,
                    "duties = [{}]",
                    theme
                        .duties
                        .iter()
                        .map(|d| q(d))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                let _ = writeln!(t, "capacity = 3\nlog_every = {}", q(theme.log_every));
                if let Some(e) = theme.eligible {
                    let _ = writeln!(t, "\n[eligible]\n{e}");
                }
                let _ = writeln!(
                    t,
                    "\n[[target]]\ntext = {}\nvalue = {}\nper = {}",
                    q(theme.target.0),
                    theme.target.1,
                    q(theme.target.2)
                );
                let mut logs: Vec<(NaiveDate, usize)> = Vec::new();
                for &m in &holders {
                    let r = self.rng.range(0, 99);
                    let day = self.rng.range(0, 6) as u32;
                    let left = self.members[m].left;
                    let (claimed, confirmed, published, ended, reason): (
                        NaiveDate,
                        Option<NaiveDate>,
                        Option<NaiveDate>,
                        Option<NaiveDate>,
                        Option<&str>,
                    ) = if let Some(l) = left {
                        let c = date(YEAR, 1, 8 + day);
                        (
                            c - Duration::days(4),
                            Some(c),
                            Some(c + Duration::days(5)),
                            Some(l - Duration::days(3)),
                            Some("组织关系转出"),
                        )
                    } else if r < 4 {
                        (date(YEAR, 11, 2 + day), None, None, None, None)
                    } else if r < 8 {
                        let c = date(YEAR, 11, 2 + day);
                        (c - Duration::days(3), Some(c), None, None, None)
                    } else if r < 14 {
                        let c = date(YEAR, 1, 8 + day);
                        (
                            c - Duration::days(4),
                            Some(c),
                            Some(c + Duration::days(5)),
                            Some(date(YEAR, 6, 30)),
                            Some("换岗"),
                        )
                    } else {
                        let c = date(YEAR, 1, 8 + day);
                        (
                            c - Duration::days(4),
                            Some(c),
                            Some(c + Duration::days(5)),
                            None,
                            None,
                        )
                    };
                    let _ = write!(
                        t,
                        "\n[[holder]]\nmember = {}\nclaimed = {claimed}\n",
                        q(&self.members[m].id)
                    );
                    if let Some(c) = confirmed {
                        let _ = writeln!(t, "confirmed = {c}");
                    }
                    if let Some(p) = published {
                        let _ = writeln!(t, "published = {p}");
                    }
                    if let Some(e) = ended {
                        let _ = writeln!(t, "ended = {e}");
                    }
                    if let Some(reason) = reason {
                        let _ = writeln!(t, "end_reason = {}", q(reason));
                    }
                    if confirmed.is_some() && published.is_none() {
                        continue;
                    }
                    if let Some(c) = confirmed {
                        let end = ended.unwrap_or(today).min(today);
                        let per_month = if theme.key == "pingan" { 2 } else { 1 };
                        for d in self.log_dates(theme.log_every, c, end, per_month) {
                            logs.push((d, m));
                        }
                    }
                }
                logs.sort();
                for (d, m) in logs {
                    let text = self.log_text(theme.logs);
                    let _ = write!(
                        t,
                        "\n[[log]]\ndate = {d}\nmember = {}\ntext = {}\n",
                        q(&self.members[m].id),
                        q(&text)
                    );
                    if self.rng.chance(0.4) {
                        let _ = writeln!(
                            t,
                            "hours = {}",
                            ["1", "1.5", "2", "2.5", "3"][self.rng.range(0, 4) as usize]
                        );
                    }
                }
                let rel = format!("posts/{pid}.toml");
                self.write(&rel, &t);
            }
        }
        // A temporary post per community after the “6·18” flood, weekly log.
        let communities: Vec<usize> = (0..self.orgs.len())
            .filter(|&o| self.orgs[o].level == Level::Community)
            .collect();
        let (from, until) = (date(YEAR, 6, 18), date(YEAR, 7, 31));
        for &co in &communities {
            let mut pool: Vec<usize> = Vec::new();
            for &leaf in &self.orgs[co].children {
                pool.extend(
                    self.orgs[leaf]
                        .members
                        .iter()
                        .copied()
                        .filter(|&m| {
                            self.members[m].status.party()
                                && self.members[m].present_on(until + Duration::days(1))
                        })
                        .take(1),
                );
            }
            pool.truncate(6);
            let pid = format!("{}-tufa", self.orgs[co].id);
            let mut t = String::with_capacity(4096);
            let _ = writeln!(
                t,
                "# “6·18”洪灾后临时增设\nid = {}\nname = \"突发事件处置岗\"\norg = {}",
                q(&pid),
                q(&self.orgs[co].id)
            );
            let _ = writeln!(t, "kind = \"temporary\"\nfrom = {from}\nuntil = {until}");
            let _ = writeln!(
                t,
                "duties = [\"协助转移受灾群众\", \"参与灾后清淤和重建\"]\ncapacity = 6\nlog_every = \"week\""
            );
            let mut logs = Vec::new();
            for &m in &pool {
                let _ = write!(
                    t,
                    "\n[[holder]]\nmember = {}\nclaimed = {from}\nconfirmed = {from}\npublished = {}\nended = {until}\nend_reason = \"临时岗位期满\"\n",
                    q(&self.members[m].id),
                    from + Duration::days(1)
                );
                for d in self.log_dates("week", from, until, 1) {
                    logs.push((d, m));
                }
            }
            logs.sort();
            for (d, m) in logs {
                let text = self.log_text(TUFA_LOGS);
                let _ = write!(
                    t,
                    "\n[[log]]\ndate = {d}\nmember = {}\ntext = {}\n",
                    q(&self.members[m].id),
                    q(&text)
                );
            }
            let rel = format!("posts/{pid}.toml");
            self.write(&rel, &t);
        }
    }

    /// Five matters per leaf organization, spread over the seven steps.
    fn write_matters(&mut self) {
        const SUBJECTS: &[(&str, &str, u32)] = &[
            ("老旧小区改造", "处", 6),
            ("楼道照明改造", "盏", 24),
            ("垃圾分类示范小区创建", "个", 8),
            ("小区视频监控补点", "个", 12),
            ("居家养老服务", "户", 30),
            ("青少年暑期托管", "人", 60),
            ("文明楼院创建", "幢", 10),
            ("背街小巷整治", "条", 5),
        ];
        let leaves: Vec<usize> = (0..self.orgs.len())
            .filter(|&o| self.orgs[o].level == Level::Leaf)
            .collect();
        let mut counter = 0usize;
        for &leaf in &leaves {
            let Some(co) = self.community_of(leaf) else {
                continue;
            };
            let partners: Vec<usize> = self.orgs[co]
                .children
                .iter()
                .copied()
                .filter(|&c| self.orgs[c].level == Level::Partner)
                .collect();
            let people: Vec<usize> = self.orgs[leaf]
                .members
                .iter()
                .copied()
                .filter(|&m| self.members[m].status.party() && self.members[m].left.is_none())
                .collect();
            let secretary = self.orgs[leaf].secretary;
            for k in 0..5 {
                let step = (counter + k) % 7;
                let subject = SUBJECTS[(counter * 5 + k) % SUBJECTS.len()];
                let mid = format!("{}-x{}", self.orgs[leaf].id, k + 1);
                let text = self.matter(&mid, leaf, step, subject, &partners, &people, secretary);
                let rel = format!("matters/{YEAR}/{mid}.toml");
                self.write(&rel, &text);
            }
            counter += 1;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn matter(
        &mut self,
        id: &str,
        leaf: usize,
        step: usize,
        subject: (&str, &str, u32),
        partners: &[usize],
        people: &[usize],
        secretary: Option<usize>,
    ) -> String {
        const STEPS: [&str; 7] = [
            "consult",
            "decide",
            "decompose",
            "commit",
            "implement",
            "evaluate",
            "done",
        ];
        let mut t = String::with_capacity(4096);
        let late = step <= 1; // consult / decide: matters raised in the autumn
        let b = if late {
            10
        } else {
            self.rng.range(1, 3) as u32
        };
        let _ = writeln!(
            t,
            "id = {}\nname = {}\norg = {}\nyear = {YEAR}\nstep = {}",
            q(id),
            q(&format!(
                "{}{}",
                self.orgs[leaf]
                    .name
                    .replace("党支部", "")
                    .replace("党小组", ""),
                subject.0
            )),
            q(&self.orgs[leaf].id),
            q(STEPS[step])
        );
        // History: the completed steps.
        let completed = [
            date(YEAR, b, 12),
            date(YEAR, b, 22),
            date(YEAR, b + 1, 1),
            date(YEAR, b + 1, 6),
            date(YEAR, 10, 31),
            date(YEAR, 11, 10),
        ];
        for (s, done) in completed.iter().enumerate().take(step) {
            let _ = write!(
                t,
                "\n[[history]]\nstep = {}\ncompleted = {done}\n",
                q(STEPS[s])
            );
        }
        // Opinions.
        let sources = [
            "residents",
            "resident-unit",
            "civil",
            "mass",
            "leader",
            "members",
        ];
        let n_op = if step == 0 {
            1
        } else {
            2 + self.rng.range(0, 1) as usize
        };
        let first = self.rng.range(0, 5) as usize;
        for i in 0..n_op {
            let _ = write!(
                t,
                "\n[[opinion]]\nsource = {}\ndate = {}\ntext = {}\nadopted = true\n",
                q(sources[(first + i) % sources.len()]),
                date(YEAR, b, 3 + i as u32 * 2),
                q(&format!("建议推进{}", subject.0))
            );
        }
        if step >= 2 {
            let expected = self.rng.range(11, 25);
            let present = expected - self.rng.range(0, 3);
            let no = self.rng.range(0, 1);
            let _ = write!(
                t,
                "\n[[meeting]]\nbody = \"joint\"\ndate = {}\nexpected = {expected}\npresent = {present}\nyes = {}\nno = {no}\ndecision = {}\n",
                date(YEAR, b, 20),
                present - no,
                q(&format!("同意实施{}", subject.0))
            );
        }
        if step >= 2 {
            let n_tasks = 2 + self.rng.range(0, 1) as usize;
            let mut tasks = Vec::new();
            for i in 0..n_tasks {
                let target = subject.2 + self.rng.range(0, 4) as u32;
                let use_member = i == 1 && !people.is_empty();
                let due = if step >= 5 {
                    date(YEAR, 9, 30)
                } else {
                    date(YEAR, 12, 20)
                };
                let _ = write!(
                    t,
                    "\n[[task]]\nid = \"t{}\"\ntext = {}\n",
                    i + 1,
                    q(&format!("{}（第{}项）", subject.0, i + 1))
                );
                if use_member {
                    let m = people[self.rng.range(0, people.len() as i64 - 1) as usize];
                    let _ = writeln!(t, "member = {}", q(&self.members[m].id));
                } else if !partners.is_empty() {
                    let p = partners[i % partners.len()];
                    let _ = writeln!(t, "org = {}", q(&self.orgs[p].id));
                } else {
                    let _ = writeln!(t, "org = {}", q(&self.orgs[leaf].id));
                }
                if let Some(s) = secretary {
                    let _ = writeln!(t, "leader = {}", q(&self.members[s].id));
                }
                let _ = writeln!(t, "target = {target}\nunit = {}\ndue = {due}", q(subject.1));
                let signed = step >= 4 || (step == 3 && i == 0);
                if signed {
                    let _ = writeln!(t, "signed = {}", date(YEAR, b + 1, 3));
                }
                tasks.push(target);
            }
            if step >= 4 {
                let _ = write!(
                    t,
                    "\n[publicity]\ndate = {}\nplace = \"社区公开栏\"\n",
                    date(YEAR, b + 1, 5)
                );
            }
            if step >= 4 {
                for (i, &target) in tasks.iter().enumerate() {
                    // Monthly cumulative progress; complete by October when past implement.
                    let last = if step >= 5 { 9 } else { 10 };
                    let months: Vec<u32> = ((b + 1)..=last).collect();
                    let total = months.len() as u32 + u32::from(step == 4);
                    for (j, &m) in months.iter().enumerate() {
                        let value = if step >= 5 {
                            target * (j as u32 + 1) / months.len() as u32
                        } else {
                            target * (j as u32 + 1) / (total + 1)
                        };
                        let _ = write!(
                            t,
                            "\n[[progress]]\ntask = \"t{}\"\ndate = {}\nvalue = {value}\n",
                            i + 1,
                            date(YEAR, m, 25)
                        );
                    }
                    if step == 4 {
                        let value = target * total / (total + 1);
                        let _ = write!(
                            t,
                            "\n[[progress]]\ntask = \"t{}\"\ndate = {}\nvalue = {value}\n",
                            i + 1,
                            date(YEAR, 11, 15)
                        );
                    }
                }
            }
            if step >= 5 {
                let all = step == 6;
                for i in 0..tasks.len() {
                    if !all && i > 0 {
                        break;
                    }
                    let score = self.rng.range(85, 98);
                    let _ = write!(
                        t,
                        "\n[[review]]\ntask = \"t{}\"\ndate = {}\nscore = {score}\nresult = \"按期完成\"\npublished = {}\n",
                        i + 1,
                        date(YEAR, 11, 5),
                        date(YEAR, 11, 8)
                    );
                }
            }
        }
        t
    }

    fn commenter(&self, m: usize) -> Option<usize> {
        let mut o = Some(self.members[m].org);
        while let Some(org) = o {
            if let Some(s) = self.orgs[org].secretary
                && s != m
            {
                return Some(s);
            }
            o = self.orgs[org].parent;
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        t: &mut String,
        id: &str,
        category: &str,
        kind: &str,
        text: &str,
        target: u32,
        unit: &str,
        due: NaiveDate,
        progress: &[(NaiveDate, u32)],
    ) {
        let _ = write!(
            t,
            "\n[[item]]\nid = {}\ncategory = {}\ntype = {}\ntext = {}\ntarget = {target}\nunit = {}\ndue = {due}\n",
            q(id),
            q(category),
            q(kind),
            q(text),
            q(unit)
        );
        for (d, v) in progress {
            let _ = write!(t, "\n[[item.progress]]\ndate = {d}\nvalue = {v}\n");
        }
    }

    fn write_letters(&mut self) {
        const RATINGS: [&str; 4] = ["excellent", "good", "good", "fair"];
        for m in 0..self.members.len() {
            if !self.members[m].status.party() {
                continue;
            }
            let id = self.members[m].id.clone();
            let by = self.commenter(m);
            let k = self.rng.range(0, 99);
            // H1
            {
                let signed = date(YEAR, 1, 10 + (k % 15) as u32);
                let mut t = format!(
                    "committer = {}\nhalf = \"2026-H1\"\nsigned = {signed}\npublished = {}\n",
                    q(&id),
                    signed + Duration::days(3)
                );
                let short = k % 7 == 3;
                Self::item(
                    &mut t,
                    "c1",
                    "org-life",
                    "service",
                    "上半年参加“三会一课”和主题党日不少于6次",
                    6,
                    "次",
                    date(YEAR, 6, 30),
                    &[
                        (date(YEAR, 3, 31), 3),
                        (date(YEAR, 6, 28), if short { 5 } else { 6 }),
                    ],
                );
                let n = 2 + (k % 2) as u32;
                Self::item(
                    &mut t,
                    "c2",
                    "pairing",
                    "concrete",
                    &format!("结对帮扶困难家庭{n}户"),
                    n,
                    "户",
                    date(YEAR, 6, 30),
                    &[
                        (date(YEAR, 4, 15), 1),
                        (date(YEAR, 6, 20), if k % 9 == 5 { n - 1 } else { n }),
                    ],
                );
                Self::item(
                    &mut t,
                    "c3",
                    "economy",
                    "concrete",
                    "帮助辖区个体工商户解决经营困难3件",
                    3,
                    "件",
                    date(YEAR, 6, 15),
                    &[
                        (date(YEAR, 3, 20), 1),
                        (date(YEAR, 5, 30), if k % 4 == 0 { 2 } else { 3 }),
                    ],
                );
                if let Some(b) = by {
                    let _ = write!(
                        t,
                        "\n[[comment]]\nby = {}\ndate = {}\ntext = \"承诺事项推进有序\"\nrating = {}\n",
                        q(&self.members[b].id),
                        date(YEAR, 6, 26),
                        q(RATINGS[(k % 4) as usize])
                    );
                }
                let rel = format!("commitments/2026-H1/{id}.toml");
                self.write(&rel, &t);
            }
            if self.members[m].left.is_some() {
                continue;
            }
            // H2
            let signed = date(YEAR, 7, 8 + (k % 10) as u32);
            let mut t = format!(
                "committer = {}\nhalf = \"2026-H2\"\nsigned = {signed}\npublished = {}\n",
                q(&id),
                signed + Duration::days(2)
            );
            Self::item(
                &mut t,
                "c1",
                "org-life",
                "service",
                "下半年参加“三会一课”和主题党日不少于6次",
                6,
                "次",
                date(YEAR, 12, 31),
                &[
                    (date(YEAR, 7, 31), 1),
                    (date(YEAR, 8, 31), 2),
                    (date(YEAR, 9, 30), 3),
                    (date(YEAR, 10, 31), 4),
                ],
            );
            Self::item(
                &mut t,
                "c2",
                "pairing",
                "concrete",
                "结对帮扶受灾家庭3户",
                3,
                "户",
                date(YEAR, 9, 30),
                &[
                    (date(YEAR, 7, 20), 1),
                    (date(YEAR, 9, 25), if k % 5 == 2 { 2 } else { 3 }),
                ],
            );
            let prog: &[(NaiveDate, u32)] = match k % 4 {
                0 => &[(date(YEAR, 9, 12), 2), (date(YEAR, 11, 10), 4)],
                1 => &[(date(YEAR, 10, 20), 1)],
                2 => &[(date(YEAR, 9, 5), 1), (date(YEAR, 11, 2), 2)],
                _ => &[],
            };
            Self::item(
                &mut t,
                "c3",
                "other",
                "concrete",
                "冬季走访慰问独居老人4户",
                4,
                "户",
                date(YEAR, 12, 15),
                prog,
            );
            let rel = format!("commitments/2026-H2/{id}.toml");
            self.write(&rel, &t);
        }
        // Letters of the leaf organizations.
        for o in 0..self.orgs.len() {
            if self.orgs[o].level != Level::Leaf {
                continue;
            }
            let id = self.orgs[o].id.clone();
            for (half, signed, due, done) in [
                ("2026-H1", date(YEAR, 1, 20), date(YEAR, 6, 30), true),
                ("2026-H2", date(YEAR, 7, 15), date(YEAR, 12, 31), false),
            ] {
                let mut t = format!(
                    "committer = {}\nhalf = {}\nsigned = {signed}\npublished = {}\n",
                    q(&id),
                    q(half),
                    signed + Duration::days(3)
                );
                let p1 = if done {
                    vec![
                        (due - Duration::days(60), 10),
                        (due - Duration::days(5), 20),
                    ]
                } else {
                    vec![(date(YEAR, 9, 30), 12)]
                };
                Self::item(
                    &mut t,
                    "c1",
                    "pairing",
                    "service",
                    "党员结对联系困难家庭",
                    20,
                    "户",
                    due,
                    &p1,
                );
                Self::item(
                    &mut t,
                    "c2",
                    "org-life",
                    "service",
                    "规范落实“三会一课”",
                    6,
                    "次",
                    due,
                    &[(
                        due.min(as_of()) - Duration::days(20),
                        if done { 6 } else { 4 },
                    )],
                );
                let rel = format!("commitments/{half}/{id}.toml");
                self.write(&rel, &t);
            }
        }
    }

    fn write_sheets(&mut self) {
        let periods = [
            ("2026-Q1", date(YEAR, 3, 31)),
            ("2026-Q2", date(YEAR, 6, 30)),
            ("2026-H1", date(YEAR, 6, 30)),
            ("2026-Q3", date(YEAR, 9, 30)),
        ];
        let quality: Vec<i64> = (0..self.members.len())
            .map(|_| self.rng.range(70, 97))
            .collect();
        let mut vetoed = false;
        for (period, end) in periods {
            for o in 0..self.orgs.len() {
                if self.orgs[o].level == Level::Partner {
                    continue;
                }
                let mut t = format!(
                    "org = {}\nperiod = {}\ndate = {}\n",
                    q(&self.orgs[o].id),
                    q(period),
                    end + Duration::days(self.rng.range(8, 20))
                );
                let rows: Vec<usize> = self.orgs[o]
                    .members
                    .iter()
                    .copied()
                    .filter(|&m| {
                        let mem = &self.members[m];
                        mem.status.party()
                            && mem.left.is_none_or(|l| l > end)
                            && mem.joined.is_none_or(|j| j <= end)
                    })
                    .collect();
                for m in rows {
                    let base = quality[m] + self.rng.range(-2, 2);
                    let _ = write!(
                        t,
                        "\n[[score]]\nmember = {}\nself = {}\n",
                        q(&self.members[m].id),
                        (base + self.rng.range(0, 4)).min(100)
                    );
                    if self.rng.chance(0.5) {
                        let n = self.rng.range(3, 6);
                        let _ = writeln!(t, "peer = {}", self.ballots(base, n, 5));
                    } else {
                        let _ =
                            writeln!(t, "peer = {}", (base + self.rng.range(-3, 3)).clamp(0, 100));
                    }
                    let _ = writeln!(
                        t,
                        "leader = {}",
                        (base + self.rng.range(-3, 3)).clamp(0, 100)
                    );
                    let n = self.rng.range(5, 9);
                    let _ = writeln!(t, "masses = {}", self.ballots(base, n, 8));
                    if self.rng.chance(0.02) {
                        let _ = writeln!(
                            t,
                            "adjust = [{{ points = 3, reason = \"抗洪救灾表现突出\" }}]"
                        );
                    } else if self.rng.chance(0.01) {
                        let _ = writeln!(
                            t,
                            "adjust = [{{ points = -2, reason = \"无故缺席主题党日\" }}]"
                        );
                    }
                    if !vetoed && period == "2026-Q3" && base < 75 {
                        vetoed = true;
                        let _ = writeln!(t, "veto = \"受到党内警告处分\"");
                    }
                }
                for &c in &self.orgs[o].children.clone() {
                    if self.orgs[c].level == Level::Partner {
                        continue;
                    }
                    let base = self.rng.range(78, 95);
                    let _ = write!(
                        t,
                        "\n[[score]]\norg = {}\nself = {}\n",
                        q(&self.orgs[c].id),
                        base + 2
                    );
                    let peer = self.ballots(base, 4, 4);
                    let masses = self.ballots(base, 7, 6);
                    let _ = writeln!(t, "peer = {peer}\nleader = {base}\nmasses = {masses}");
                }
                let rel = format!("evaluations/{period}/{}.toml", self.orgs[o].id);
                self.write(&rel, &t);
            }
        }
    }

    fn ballots(&mut self, base: i64, n: i64, spread: i64) -> String {
        let v: Vec<String> = (0..n)
            .map(|_| {
                (base + self.rng.range(-spread, spread))
                    .clamp(0, 100)
                    .to_string()
            })
            .collect();
        format!("[{}]", v.join(", "))
    }
}

fn mkdir(dir: &Path) {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        std::process::exit(2)
    }
}
