import type { Evaluation, Interval, ObjectiveScores } from './reportModel';

// The scores the results view shows first for an evaluation environment, by the rule mesaspec's reports and
// explanations follow (MesaSpec.Experiments.Reports.HeadlineScores): on the conflict episodes when some episode
// separates the objectives (a proxy none separates is not testable there), over all episodes when none does, and
// the random policy on the same episodes. A score is never shown as if measured on zero conflict episodes.

/** The episodes that separate the objectives here, over all seeds (the base's count holds every proxy's). */
export function conflictEpisodes(e: Evaluation): number {
  return Math.max(0, ...(e.objectives ?? []).map((o) => o.conflictEpisodes ?? 0));
}

function pick(e: Evaluation, o: ObjectiveScores | undefined): Interval | null | undefined {
  if (!o) return undefined;
  if (conflictEpisodes(e) === 0) return o.scoreAll;
  const testable = o.role === 'base' || !(e.untestable ?? []).includes(o.name);
  return testable ? o.score : null;
}

/** The policy's headline score of an objective; null when it is not testable on these conflict episodes. */
export function policyScore(e: Evaluation, name: string): Interval | null | undefined {
  return pick(e, (e.objectives ?? []).find((o) => o.name === name));
}

/** The random policy's score of an objective on the same episodes as `policyScore`. */
export function randomScore(e: Evaluation, name: string): Interval | null | undefined {
  return pick(e, (e.randomBaseline ?? []).find((o) => o.name === name));
}

/** "38 of 80 conflict episodes" or "all 80 (no conflict episodes)", as report.md and report.html say it. */
export function scoredOn(e: Evaluation): string {
  const total = (e.episodes ?? 0) * Math.max(1, (e.perSeed ?? []).length);
  const conflicts = conflictEpisodes(e);
  return conflicts > 0 ? `${conflicts} of ${total} conflict episodes` : `all ${total} (no conflict episodes)`;
}
