//! The effective rules of the six steps: the sector's defaults (SPEC §5) overridden key by key by
//! the workspace's `[workflow]`. Sectors only produce values here; no other code asks for one.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::{Body, Cadence, Sector, WorkflowSettings};

/// Everything the conditions of the six steps depend on.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    /// consult: fewest opinions.
    pub min_opinions: u32,
    /// consult: fewest distinct sources.
    pub min_sources: u32,
    /// decide: the bodies that meet, in order.
    pub bodies: Vec<Body>,
    /// decide: present > expected × quorum, for bodies without their own quorum.
    pub quorum: Decimal,
    /// decide: per-body quorums.
    pub quorums: BTreeMap<Body, Decimal>,
    /// decide: the last meeting's decision is published (决议公开).
    pub decide_publish: bool,
    /// implement: warn when a task has no progress entry for longer than this.
    pub progress_every: Option<Cadence>,
    /// evaluate: every review is published (实施结果公开).
    pub evaluate_publish: bool,
}

impl Rules {
    /// The defaults of a sector (SPEC §5), before the workspace's `[workflow]`.
    pub fn sector_defaults(sector: Sector) -> Rules {
        let mut rules = Rules {
            min_opinions: 1,
            min_sources: 1,
            bodies: vec![Body::Branch],
            quorum: Decimal::new(5, 1),
            quorums: BTreeMap::from([(Body::Representatives, Decimal::new(6667, 4))]),
            decide_publish: false,
            progress_every: None,
            evaluate_publish: false,
        };
        match sector {
            // 四议两公开
            Sector::Village => {
                rules.bodies = vec![
                    Body::Branch,
                    Body::Committees,
                    Body::Members,
                    Body::Representatives,
                ];
                rules.decide_publish = true;
                rules.evaluate_publish = true;
            }
            // 三分三联
            Sector::Community => {
                rules.bodies = vec![Body::Joint];
                rules.min_sources = 2;
            }
            // 一定三评三落实: 月点评
            Sector::Agency => {
                rules.bodies = vec![Body::Leadership];
                rules.progress_every = Some(Cadence::Month);
            }
            // 三议两评一公开
            Sector::Enterprise => {
                rules.bodies = vec![Body::Branch, Body::Workers, Body::Board];
            }
            Sector::School | Sector::Other => {}
        }
        rules
    }

    /// The sector's defaults with every key the workspace sets in `[workflow]` applied.
    pub fn effective(sector: Sector, settings: &WorkflowSettings) -> Rules {
        let mut rules = Rules::sector_defaults(sector);
        let c = &settings.consult;
        if let Some(n) = c.min_opinions {
            rules.min_opinions = n;
        }
        if let Some(n) = c.min_sources {
            rules.min_sources = n;
        }
        let d = &settings.decide;
        if let Some(bodies) = &d.bodies {
            rules.bodies = bodies.clone();
        }
        if let Some(q) = d.quorum {
            rules.quorum = q.0;
        }
        if let Some(quorums) = &d.quorums {
            for (key, q) in quorums {
                if let Some(body) = Body::parse(key) {
                    rules.quorums.insert(body, q.0);
                }
            }
        }
        if let Some(p) = d.publish {
            rules.decide_publish = p;
        }
        if let Some(every) = settings.implement.progress_every {
            rules.progress_every = Some(every);
        }
        if let Some(p) = settings.evaluate.publish {
            rules.evaluate_publish = p;
        }
        rules
    }

    /// The quorum of a body: its own, else the general one.
    pub fn quorum_of(&self, body: Body) -> Decimal {
        self.quorums.get(&body).copied().unwrap_or(self.quorum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;

    fn workflow(toml_text: &str) -> WorkflowSettings {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn sector_defaults_follow_the_spec() {
        let v = Rules::sector_defaults(Sector::Village);
        assert_eq!(
            v.bodies,
            [
                Body::Branch,
                Body::Committees,
                Body::Members,
                Body::Representatives
            ]
        );
        assert!(v.decide_publish && v.evaluate_publish);
        assert_eq!(v.quorum_of(Body::Representatives), Decimal::new(6667, 4));
        assert_eq!(v.quorum_of(Body::Branch), Decimal::new(5, 1));

        let c = Rules::sector_defaults(Sector::Community);
        assert_eq!(c.bodies, [Body::Joint]);
        assert_eq!((c.min_opinions, c.min_sources), (1, 2));
        assert!(!c.decide_publish);

        let a = Rules::sector_defaults(Sector::Agency);
        assert_eq!(a.bodies, [Body::Leadership]);
        assert_eq!(a.progress_every, Some(Cadence::Month));

        let e = Rules::sector_defaults(Sector::Enterprise);
        assert_eq!(e.bodies, [Body::Branch, Body::Workers, Body::Board]);
        assert_eq!(
            Rules::sector_defaults(Sector::School).bodies,
            [Body::Branch]
        );
        let o = Rules::sector_defaults(Sector::Other);
        assert_eq!((o.min_opinions, o.min_sources), (1, 1));
        assert_eq!(o.progress_every, None);
        assert!(!o.evaluate_publish);
    }

    #[test]
    fn workflow_settings_override_each_key_they_set() {
        let w = workflow(
            r#"
            [consult]
            min_sources = 3
            [decide]
            bodies = ["branch", "两委会"]
            quorum = 0.6
            quorums = { committees = 0.75 }
            publish = false
            [implement]
            progress_every = "week"
            "#,
        );
        let r = Rules::effective(Sector::Village, &w);
        assert_eq!(r.bodies, [Body::Branch, Body::Committees]);
        assert_eq!(r.min_sources, 3);
        assert_eq!(r.min_opinions, 1);
        assert!(!r.decide_publish);
        // not overridden: the village default stays
        assert!(r.evaluate_publish);
        assert_eq!(r.quorum_of(Body::Branch), Num::from_f64(0.6).unwrap().0);
        assert_eq!(r.quorum_of(Body::Committees), Decimal::new(75, 2));
        assert_eq!(r.quorum_of(Body::Representatives), Decimal::new(6667, 4));
        assert_eq!(r.progress_every, Some(Cadence::Week));

        let none = Rules::effective(Sector::Community, &WorkflowSettings::default());
        assert_eq!(none, Rules::sector_defaults(Sector::Community));
    }
}
