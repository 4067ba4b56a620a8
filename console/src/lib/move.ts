import type { components } from '../api/generated/contract';

type Level = components['schemas']['Level'];
type LevelRules = components['schemas']['LevelRulesView'];
type Stats = components['schemas']['OrgUnitStats'];

/** The levels a unit of this level may stand under, from the API's parent→child rules. */
export function parentLevels(rules: LevelRules, child: Level): Level[] {
  return [...new Set(rules.rules.filter((r) => r.child === child).map((r) => r.parent))];
}

/** What moves with a unit: itself and its subtree's units, households, central households and party members. */
export interface MoveCounts {
  units: number;
  households: number;
  centralHouseholds: number;
  members: number;
}

export function moveCounts(stats: Stats): MoveCounts {
  return {
    // the figures leave the unit itself out; it moves too
    units: stats.units.total + 1,
    households: stats.households,
    centralHouseholds: stats.centralHouseholds,
    members: stats.members.partyMembers,
  };
}
