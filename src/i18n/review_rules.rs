//! Catalog entries of the scoring rules of SPEC §6 as branches practise them: the quota group of
//! party-group members, blank rows, and recorded decisions. (key, zh-CN, en).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    // blank rows
    (
        "review.reason.no-sheet-score",
        "评分行空白（未填写自评、互评、领导点评、群众评议）",
        "no sheet score",
    ),
    (
        "review.explain.missing-sheet-score",
        "评分行是空白的：自评、互评、领导点评、群众评议都未填写。空白行不计分，也不计入名额和名次（否则仅凭目标考核分就会排出名次）；填写其中至少一项后才计分",
        "the row is blank: no self, peer, leader or masses value. A blank row is not scored, nor counted in quotas and ranks (else the objective component alone would rank people); it is scored once at least one of the four is entered",
    ),
    (
        "review.sheet.header-blank",
        "空白行不计分：每行至少填写一项后，该对象才参加本期考评",
        "a blank row is not scored: each subject is reviewed once at least one of the four is entered",
    ),
    (
        "review.sheet.blank-note",
        "注意：空白行不计分。在填写 self、peer、leader、masses 中至少一项之前，这些对象在考评中列为未评分（原因 no sheet score），不计入名额和名次",
        "note: a blank row is not scored. Until at least one of self, peer, leader, masses is entered, its subject is listed as not scored (reason `no sheet score`) and counts in no quota or rank",
    ),
    // quota groups
    (
        "review.explain.group-own",
        "名额和组内名次：在所在组织 {group} 内计算",
        "quota and group rank: counted in the member's own organization {group}",
    ),
    (
        "review.explain.group-party",
        "名额和组内名次：计入上级组织 {group}，因为 {org} 是党小组，党小组不单独开展民主评议，由上级支部统一评议",
        "quota and group rank: counted in {group}, because {org} is a party group, and a party group does not hold the democratic review itself; its parent does",
    ),
    (
        "review.explain.group-org",
        "名额和组内名次：在 {group} 的下级组织之间计算",
        "quota and group rank: counted among the organizations under {group}",
    ),
    // recorded decisions
    (
        "review.recorded.honour",
        "表彰「{title}」",
        "honour “{title}”",
    ),
    ("review.recorded.rectify", "整改", "rectify"),
    ("review.recorded.due", "，期限 {due}", ", due {due}"),
    (
        "review.recorded.verified",
        "，{date} 复验",
        ", verified {date}",
    ),
    (
        "review.recorded.unsupported",
        "计算结果不支持",
        "not supported by the computed result",
    ),
    (
        "review.explain.recorded",
        "已记录的决定（{file}）：{decision}",
        "recorded decision ({file}): {decision}",
    ),
    (
        "review.explain.recorded-supported",
        "计算结果支持这一决定",
        "the computed result supports it",
    ),
    (
        "review.explain.recorded-unsupported-honour",
        "计算结果不支持：表彰候选须为最高等次且未被否决；已记录的决定照常有效，在结果中标注",
        "not supported by the computed result: an honour candidate needs the top grade and no veto; the recorded decision stands and is marked in the results",
    ),
    (
        "review.explain.recorded-unsupported-rectify",
        "计算结果不支持：整改对应最低两个等次或一票否决；已记录的决定照常有效，在结果中标注",
        "not supported by the computed result: rectification follows the two lowest grades or a veto; the recorded decision stands and is marked in the results",
    ),
    (
        "review.explain.recorded-due",
        "整改期限以记录的 {due} 为准，取代计算所得的 {computed}",
        "the recorded due {due} replaces the computed {computed}",
    ),
    (
        "review.explain.recorded-unscored",
        "全年没有得分，已记录的决定照常有效，在结果中标注为计算结果不支持",
        "no annual score: the recorded decision stands and is marked as not supported by the computed result",
    ),
    (
        "review.explain.no-candidate",
        "计算结果：无候选",
        "computed: no candidate",
    ),
    ("review.col.check", "核对", "Check"),
];
