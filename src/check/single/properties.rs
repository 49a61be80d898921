//! Tests of `single`.

use proptest::prelude::*;

use super::*;
use crate::check::tests::ctx;
use crate::model::Holder;

fn day(n: u64) -> Date {
    plus_days(Date::ymd(2026, 1, 1), n)
}

proptest! {
    /// `capacity` is reported exactly when some day has more serving holders than the
    /// capacity, counted day by day.
    #[test]
    fn capacity_matches_a_day_by_day_count(
        cap in 1u32..4,
        spells in prop::collection::vec((0u64..60, prop::option::of(0u64..30)), 0..7),
    ) {
        let holders: Vec<Holder> = spells
            .iter()
            .enumerate()
            .map(|(i, (start, len))| Holder {
                member: format!("m{i}").into(),
                claimed: None,
                confirmed: Some(day(*start)),
                published: None,
                ended: len.map(|l| day(start + l)),
                end_reason: None,
            })
            .collect();
        let record = Post {
            id: "p".into(),
            name: "P".into(),
            org: "o".into(),
            kind: PostKind::Standing,
            from: None,
            until: None,
            duties: vec!["d".into()],
            capacity: Some(cap),
            log_every: None,
            eligible: None,
            targets: Vec::new(),
            holders: holders.clone(),
            logs: Vec::new(),
            private: None,
            extra: None,
        };
        let over = (0..100).any(|n| {
            holders.iter().filter(|h| h.occupies_on(day(n))).count() > cap as usize
        });
        let reported = super::post("posts/p.toml", &record, &ctx())
            .iter()
            .any(|d| d.code == crate::diag::Code::Capacity);
        prop_assert_eq!(reported, over);
    }
}
