//! What a new workspace of each sector starts with: its roles (八个方面作用), which `init`
//! writes into `dangjian.toml`. The sector's six-step defaults are
//! `workflow::sixstep::Rules::sector_defaults`, which `init` writes out as comments.

use super::Sector;

/// The roles of each sector (八个方面作用), from seed 000; villages reconstructed (see the
/// comment written with them).
pub fn sector_roles(sector: Sector) -> &'static [(&'static str, &'static str)] {
    match sector {
        Sector::Village => &[
            ("leading-core", "村党组织领导核心作用"),
            ("villagers-committee", "村委会自治主体作用"),
            ("supervision", "村务监督委员会监督作用"),
            ("cooperative", "农民专业合作组织带动作用"),
            ("mass", "群团组织生力军作用"),
            ("six-officers", "村“六大员”服务作用"),
            ("members", "党员先锋模范作用"),
            ("farmers", "农民群众主体作用"),
        ],
        Sector::Community => &[
            ("leading-core", "社区党组织领导核心作用"),
            ("residents-committee", "社区居委会组织实施作用"),
            ("resident-unit", "驻区单位协调共建作用"),
            ("civil", "社区民间组织服务推动作用"),
            ("mass", "社区群团组织生力军作用"),
        ],
        Sector::Agency => &[
            ("leading-core", "党组(党委)领导核心作用"),
            ("cadres", "干部队伍骨干带头作用"),
            ("grassroots", "机关基层党组织协助监督作用"),
            ("members", "党员队伍先锋模范作用"),
            ("mass", "机关工会、共青团、妇委会等群团组织生力军作用"),
        ],
        Sector::Enterprise => &[
            (
                "political-core",
                "国有企业党组织政治核心作用和非公有制企业党组织引导监督作用",
            ),
            ("governance", "企业法人治理结构和法定代表人决策经营管理作用"),
            ("mass", "群团组织生力军作用"),
            ("talent", "人才队伍引领支撑作用"),
            ("members", "党员队伍先锋模范作用"),
            ("workers", "职工队伍主人翁作用"),
        ],
        Sector::School => &[
            (
                "leading-core",
                "公办高校党组织领导核心作用和民办高校及中小学校党组织政治核心作用",
            ),
            ("leadership", "党政领导班子推进科学发展作用"),
            ("union", "工会、教代会民主监督作用"),
            ("mass", "团委、学生会、少先队等群团组织桥梁纽带作用"),
            ("members", "党员先锋模范作用"),
            ("experts", "教育教学专家引领带动作用"),
            ("counsellors", "辅导员、班主任组织管理指导作用"),
            ("staff", "教职员工全员教书育人作用"),
        ],
        Sector::Other => &[],
    }
}
