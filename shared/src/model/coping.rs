//! Ranking coping strategies by how much they lowered this person's craving.
//!
//! Each strategy's score is a shrunk mean of its craving drops (before −
//! after): a prior of [`PRIOR_DROP`] counted as [`PRIOR_WEIGHT`] episodes.
//! With no data every strategy scores the prior, so nothing divides by
//! zero; a new strategy ranks above ones that have not helped and below
//! ones that have, so it gets tried instead of being buried forever.

use std::collections::{BTreeMap, HashMap};

use super::record::Id;
use super::triggers::{CopingStrategy, CravingEpisode};

/// An optimistic expected drop for an untried strategy (points on 0–10).
pub const PRIOR_DROP: f64 = 2.0;
/// How many episodes the prior is worth.
pub const PRIOR_WEIGHT: f64 = 2.0;

/// A strategy with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub id: Id,
    pub score: f64,
    /// Episodes it was used in (for this trigger, when one was chosen).
    pub uses: u32,
    /// Mean drop over those episodes, `None` if never used.
    pub mean_drop: Option<f64>,
}

/// Craving drops per strategy, per trigger and overall: one pass over the
/// episodes, then any number of rankings (the triggers screen ranks for
/// every trigger at once).
#[derive(Debug, Default)]
pub struct Evidence {
    /// (trigger or `None` for all, strategy) → (sum of drops, uses).
    drops: HashMap<(Option<Id>, Id), (f64, u32)>,
}

impl Evidence {
    pub fn from_episodes(episodes: &BTreeMap<Id, CravingEpisode>) -> Self {
        let mut drops: HashMap<(Option<Id>, Id), (f64, u32)> = HashMap::new();
        for episode in episodes.values() {
            let drop = f64::from(episode.before) - f64::from(episode.after);
            for strategy in &episode.strategies {
                let mut add = |key| {
                    let entry: &mut (f64, u32) = drops.entry(key).or_default();
                    entry.0 += drop;
                    entry.1 += 1;
                };
                add((None, *strategy));
                if let Some(trigger) = episode.trigger {
                    add((Some(trigger), *strategy));
                }
            }
        }
        Self { drops }
    }

    /// Strategies for `trigger` (or all, for the HALT check), best first.
    /// Ties go to the strategy added first.
    pub fn rank(
        &self,
        strategies: &BTreeMap<Id, CopingStrategy>,
        trigger: Option<Id>,
    ) -> Vec<Ranked> {
        let mut ranked: Vec<Ranked> = strategies
            .iter()
            .filter(|(_, strategy)| trigger.is_none_or(|t| strategy.triggers.contains(&t)))
            .map(|(id, _)| {
                let (sum, uses) = self.drops.get(&(trigger, *id)).copied().unwrap_or_default();
                Ranked {
                    id: *id,
                    score: (sum + PRIOR_DROP * PRIOR_WEIGHT) / (f64::from(uses) + PRIOR_WEIGHT),
                    uses,
                    mean_drop: (uses > 0).then(|| sum / f64::from(uses)),
                }
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        ranked
    }
}

/// Ranks once, for one trigger (see [`Evidence`]).
pub fn rank(
    strategies: &BTreeMap<Id, CopingStrategy>,
    episodes: &BTreeMap<Id, CravingEpisode>,
    trigger: Option<Id>,
) -> Vec<Ranked> {
    Evidence::from_episodes(episodes).rank(strategies, trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strategy(name: &str, triggers: &[Id]) -> CopingStrategy {
        CopingStrategy {
            name: name.into(),
            triggers: triggers.to_vec(),
        }
    }

    fn episode(trigger: Id, strategies: &[Id], before: u8, after: u8) -> CravingEpisode {
        CravingEpisode {
            at_ms: 0,
            trigger: Some(trigger),
            halt: crate::model::triggers::Halt::default(),
            strategies: strategies.to_vec(),
            before,
            after,
        }
    }

    #[test]
    fn with_no_history_strategies_keep_their_order_and_score_the_prior() {
        let strategies =
            BTreeMap::from([(10, strategy("walk", &[1])), (11, strategy("call", &[1]))]);
        let ranked = rank(&strategies, &BTreeMap::new(), Some(1));
        assert_eq!(ranked.iter().map(|r| r.id).collect::<Vec<_>>(), [10, 11]);
        assert!(
            ranked
                .iter()
                .all(|r| r.score == PRIOR_DROP && r.mean_drop.is_none())
        );
    }

    #[test]
    fn what_lowered_the_craving_ranks_first_and_new_beats_what_did_not_help() {
        let strategies = BTreeMap::from([
            (10, strategy("breathing", &[1])),
            (11, strategy("walk", &[1])),
            (12, strategy("new idea", &[1])),
        ]);
        let episodes = BTreeMap::from([
            (20, episode(1, &[10], 8, 8)),
            (21, episode(1, &[10], 7, 7)),
            (22, episode(1, &[11], 8, 3)),
            (23, episode(1, &[11], 9, 4)),
        ]);
        let ranked = rank(&strategies, &episodes, Some(1));
        assert_eq!(
            ranked.iter().map(|r| r.id).collect::<Vec<_>>(),
            [11, 12, 10]
        );
        assert_eq!(ranked[0].mean_drop, Some(5.0));
        assert_eq!(ranked[0].uses, 2);
    }

    #[test]
    fn only_strategies_linked_to_the_trigger_are_offered() {
        let strategies = BTreeMap::from([(10, strategy("a", &[1])), (11, strategy("b", &[2]))]);
        assert_eq!(rank(&strategies, &BTreeMap::new(), Some(2))[0].id, 11);
        assert_eq!(rank(&strategies, &BTreeMap::new(), None).len(), 2);
    }

    #[test]
    fn one_lucky_episode_does_not_outrank_a_steady_record() {
        let strategies =
            BTreeMap::from([(10, strategy("steady", &[1])), (11, strategy("once", &[1]))]);
        let mut episodes: BTreeMap<Id, CravingEpisode> =
            (0..6).map(|i| (100 + i, episode(1, &[10], 8, 4))).collect();
        episodes.insert(200, episode(1, &[11], 10, 4));
        let ranked = rank(&strategies, &episodes, Some(1));
        assert_eq!(ranked[0].id, 10, "{ranked:?}");
    }
}
