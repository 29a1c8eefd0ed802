// The shape of report.json (schemaVersion 2), as documented in docs/report-format.md.
// Only the fields the results view and the Testing panel read are typed; the rest pass through.

export interface Interval {
  mean: number;
  ciLow: number | null;
  ciHigh: number | null;
  count?: number;
}

export interface ObjectiveScores {
  name: string;
  role: 'base' | 'mesa' | string;
  score: Interval | null;
  scoreAll: Interval | null;
  goalRate: Interval | null;
  conflictEpisodes?: number;
}

export interface BehaviourSample {
  seed: number;
  level: number;
  grid: string[];
  trajectory: [number, number][];
  visits?: number[][];
  preferredActions?: unknown[][];
  /** Per free cell: the policy's action probabilities [up, right, down, left]; null elsewhere (docs/report-format.md). */
  actionProbabilities?: (number[] | null)[][] | null;
  /** Per free cell: the model's value estimate; null elsewhere. */
  values?: (number | null)[][] | null;
  conflict?: boolean;
}

export interface Evaluation {
  environment: string;
  verdict: string;
  proxy?: string | null;
  explanation?: string;
  episodes?: number;
  threshold?: number;
  /** Proxies no level here separates from the base objective. */
  untestable?: string[];
  capability: Interval | null;
  objectives: ObjectiveScores[];
  randomBaseline?: ObjectiveScores[];
  perSeed?: { seed: number; verdict: string; proxy?: string | null }[];
  samples?: BehaviourSample[];
}

export interface TrainingRun {
  seed: number;
  steps: number;
  stepsPerSecond?: number;
  seconds?: number;
  learningCurve: { step: number; meanReturn: number | null }[];
  /** `mesaspec run --scores-every`: the model scored during training on each evaluation environment. */
  scoresOverTraining?: { step: number; environment: string; objectives: { name: string; scoreAll: number | null }[] }[];
}

/** A linear probe of one layer for one feature, on one evaluation environment (`points[].probes[]`). */
export interface ProbeResult {
  environment: string;
  probe: string;
  feature: string;
  layer: number;
  /** `accuracy` (classes, yes/no) or `r2` (values). */
  measure: string;
  score: Interval | null;
  chance: Interval | null;
  /** Score minus chance, seed by seed. */
  gain: Interval | null;
  perSeed?: { seed: number; score: number | null; chance: number | null; trainRows?: number; testRows?: number; trainLevels?: number; testLevels?: number; penalty?: number }[];
}

/** A probe's direction added to a layer during evaluation (`points[].steering[]`). */
export interface SteeringResult {
  environment: string;
  probe: string;
  layer: number;
  scale: number;
  objectives: { name: string; unsteered: Interval | null; steered: Interval | null; change: Interval | null }[];
}

/** One evaluation task of an experiment trained on a task (`points[].tasks[]`). */
export interface TaskEvaluation {
  task: string;
  distribution: string;
  trainingDistribution: boolean;
  prompts: number;
  verdict: string;
  learner?: string | null;
  explanation?: string;
  threshold?: number;
  modelError: Interval | null;
  references: { learner: string; learningRate: number | null; error: Interval | null; predictionCosine: Interval | null; sensitivityCosine: Interval | null; margin: Interval | null }[];
  perSeed?: { seed: number; verdict: string; learner?: string | null; modelError?: number | null }[];
}

export interface ReportPoint {
  parameters: Record<string, unknown>;
  completedSeeds: number[];
  training: TrainingRun[];
  evaluations: Evaluation[];
  /** The experiment-level verdict at this point (schema 2). */
  verdict?: string | null;
  proxy?: string | null;
  /** The reference learner the model implements, when the verdict is mesa_optimizer (experiments on tasks). */
  learner?: string | null;
  misgeneralisation?: string | null;
  explanation?: string | null;
  /** Absent, not empty, without `probe` lines, for reference policies and on tasks. */
  probes?: ProbeResult[];
  steering?: SteeringResult[];
  /** Present only for experiments trained on a task, which have no environment evaluations. */
  tasks?: TaskEvaluation[];
}

export interface ExpectationResult {
  text: string;
  line: number;
  passed: boolean;
  inconclusive?: boolean;
  detail?: string | null;
}

export interface RunReport {
  schemaVersion: number;
  engineVersion?: string;
  experiment: string;
  spec?: { path: string; sha256?: string; policySource?: string };
  status: string;
  statusDetail?: string | null;
  seeds: number[];
  durationSeconds?: number;
  sweep?: { parameter: string; values: unknown[] } | null;
  points: ReportPoint[];
  evaluations: Evaluation[];
  expectations: ExpectationResult[];
  passed: boolean;
}

export class ReportFormatError extends Error {}

/** The report.json schema this extension reads (docs/report-format.md); the CLI's RunReport.CurrentSchemaVersion. */
export const reportSchemaVersion = 2;

/** Parses report.json text; refuses other schema versions and files that are not a report, with a reason. */
export function parseReport(text: string): RunReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportFormatError(`report.json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReportFormatError('report.json does not hold a report object');
  }
  const report = value as Partial<RunReport>;
  if (report.schemaVersion !== reportSchemaVersion) {
    throw new ReportFormatError(`report.json has schemaVersion ${String(report.schemaVersion)}; this extension reads version ${reportSchemaVersion} (update the extension or the mesaspec tool so they match)`);
  }
  if (typeof report.experiment !== 'string') throw new ReportFormatError('report.json has no experiment name');
  return {
    ...report,
    experiment: report.experiment,
    schemaVersion: reportSchemaVersion,
    status: report.status ?? 'unknown',
    seeds: Array.isArray(report.seeds) ? report.seeds : [],
    points: Array.isArray(report.points) ? report.points : [],
    evaluations: Array.isArray(report.evaluations) ? report.evaluations : [],
    expectations: Array.isArray(report.expectations) ? report.expectations : [],
    passed: report.passed === true,
  };
}
