// The JSON lines `mesaspec run --progress jsonl` prints, one event per line
// (src/MesaSpec.Cli/Running/JsonLinesRunObserver.cs), and what the editor shows for them.
import { formatNumber, formatSteps } from './html';
import type { ExpectationResult } from './reportModel';

export type RunEvent =
  | { event: 'seed'; point: number; points: number; seed: number }
  | { event: 'progress'; point: number; seed: number; step: number; totalSteps: number; meanReturn: number | null; stepsPerSecond: number }
  | { event: 'report'; status: string; seedsDone: number; seedsTotal: number }
  | { event: 'finished'; experiment: string; report: string; status: string; passed: boolean; summary: string; expectations: ExpectationResult[] }
  | { event: 'submitted'; experiment: string; clusterRun: string; backend: string; jobId: string; tasks: number; folder: string };

/** One line of output as an event, or undefined for anything else (a warning, a blank line). */
export function parseRunEvent(line: string): RunEvent | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(trimmed) as { event?: unknown };
    switch (value.event) {
      case 'seed':
      case 'progress':
      case 'report':
      case 'finished':
      case 'submitted':
        return value as RunEvent;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/** Splits a stream of chunks into whole lines. */
export class LineSplitter {
  private buffer = '';
  push(chunk: string): string[] {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r?\n/);
    this.buffer = lines.pop() ?? '';
    return lines;
  }
  flush(): string[] {
    const rest = this.buffer;
    this.buffer = '';
    return rest ? [rest] : [];
  }
}

/**
 * Turns events into the fraction done and a one-line message. The total number of seeds is only
 * known once a report was written (or from --seeds), so before that the fraction covers the
 * current seed's training alone and is reported as unknown.
 */
export class RunProgress {
  private seedsDone = 0;
  private seedsTotal: number | undefined;
  private points = 1;
  private point = 0;
  private seed: number | undefined;
  private step = 0;
  private totalSteps = 0;
  private stepsPerSecond = 0;
  private meanReturn: number | null = null;
  private status = 'starting';

  constructor(expectedSeeds?: number) {
    this.seedsTotal = expectedSeeds;
  }

  apply(event: RunEvent): void {
    switch (event.event) {
      case 'seed':
        this.points = event.points;
        this.point = event.point;
        this.seed = event.seed;
        this.step = 0;
        this.status = 'training';
        if (this.seedsTotal !== undefined && this.points > 1 && this.seedsTotal < this.points) this.seedsTotal *= this.points;
        break;
      case 'progress':
        this.seed = event.seed;
        this.step = event.step;
        this.totalSteps = event.totalSteps;
        this.stepsPerSecond = event.stepsPerSecond;
        this.meanReturn = event.meanReturn;
        break;
      case 'report':
        this.seedsDone = event.seedsDone;
        this.seedsTotal = event.seedsTotal;
        this.status = event.status;
        this.step = 0;
        this.totalSteps = 0;
        break;
      case 'finished':
        this.status = event.status;
        break;
      case 'submitted':
        this.status = `submitted to ${event.backend} as job ${event.jobId}`;
        break;
    }
  }

  /** Fraction done in [0, 1], or undefined while the total is unknown. */
  get fraction(): number | undefined {
    if (!this.seedsTotal) return undefined;
    const current = this.totalSteps > 0 ? Math.min(1, this.step / this.totalSteps) : 0;
    return Math.min(1, (this.seedsDone + current) / this.seedsTotal);
  }

  get message(): string {
    const parts: string[] = [];
    if (this.seed !== undefined) parts.push(`seed ${this.seed}`);
    if (this.points > 1) parts.push(`point ${this.point + 1}/${this.points}`);
    if (this.seedsTotal) parts.push(`${this.seedsDone}/${this.seedsTotal} seeds done`);
    if (this.totalSteps > 0) parts.push(`step ${formatSteps(this.step)}/${formatSteps(this.totalSteps)}`);
    if (this.stepsPerSecond > 0) parts.push(`${formatSteps(Math.round(this.stepsPerSecond))} steps/s`);
    if (this.meanReturn !== null) parts.push(`return ${formatNumber(this.meanReturn, 2)}`);
    return parts.length > 0 ? parts.join(' · ') : this.status;
  }
}
