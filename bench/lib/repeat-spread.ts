/**
 * The spread of each judged figure over repeated runs (`npm run bench -- --repeat N`): every run
 * writes its verdicts as records, and the spread is the lowest and highest value each figure took
 * and how many of the runs it passed in. That is how the noise margins are set: a margin covers
 * the spread of short runs on a quiet machine, with room to spare.
 */
import type { Verdict } from "./targets.ts";

/** One judged figure of one run, as a run writes it for the summary. */
export interface VerdictRecord {
  /** The benchmark, e.g. `client`. */
  bench: string;
  /** The figure's name; `the benchmark could not run` when it threw. */
  figure: string;
  value: number;
  pass: boolean;
  digits: number;
  unit: string;
}

/** A figure's spread over the runs it appeared in. */
export interface FigureSpread {
  bench: string;
  figure: string;
  min: number;
  max: number;
  /** Runs in which the figure passed, and runs in which it was measured. */
  passed: number;
  runs: number;
  digits: number;
  unit: string;
}

/** The name a benchmark's failure to run is recorded under. */
export const COULD_NOT_RUN = "the benchmark could not run";

/** Records of one run's verdicts for `bench`. */
export function verdictRecords(bench: string, verdicts: readonly Verdict[]): VerdictRecord[] {
  return verdicts.map(({ measured, pass }) => ({
    bench,
    figure: measured.name,
    value: measured.value,
    pass,
    digits: measured.digits ?? 2,
    unit: measured.unit ?? "",
  }));
}

/**
 * Each figure's spread over `runs` (one list of records per run), in the order the figures first
 * appear. A value that is not a number (a figure that could not be measured) counts as a run
 * without widening min and max.
 */
export function summarizeSpread(runs: readonly (readonly VerdictRecord[])[]): FigureSpread[] {
  const byKey = new Map<string, FigureSpread>();
  for (const records of runs) {
    for (const r of records) {
      const key = `${r.bench}\u0000${r.figure}`;
      const spread = byKey.get(key) ?? {
        bench: r.bench,
        figure: r.figure,
        min: Number.NaN,
        max: Number.NaN,
        passed: 0,
        runs: 0,
        digits: r.digits,
        unit: r.unit,
      };
      spread.runs += 1;
      if (r.pass) spread.passed += 1;
      if (Number.isFinite(r.value)) {
        spread.min = Number.isNaN(spread.min) ? r.value : Math.min(spread.min, r.value);
        spread.max = Number.isNaN(spread.max) ? r.value : Math.max(spread.max, r.value);
      }
      byKey.set(key, spread);
    }
  }
  return [...byKey.values()];
}

/** One line per figure: `bench  figure  min–max unit  passed/runs passed`. */
export function formatSpread(spread: FigureSpread): string {
  const n = (x: number) => (Number.isFinite(x) ? x.toFixed(spread.digits) : "-");
  const unit = spread.unit === "" ? "" : ` ${spread.unit}`;
  const range = `${n(spread.min)}–${n(spread.max)}${unit}`;
  return `${spread.bench.padEnd(12)} ${spread.figure.padEnd(52)} ${range.padStart(18)}  ${spread.passed}/${spread.runs} passed`;
}
