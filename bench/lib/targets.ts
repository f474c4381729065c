/**
 * Benchmark targets and how a run is judged against them.
 *
 * Every benchmark returns its figures as `Measured` rows: the value, the target, and the noise
 * margin: how far a run on a shared machine may stray from the truth by chance alone. The margin
 * sits in the code next to the target it belongs to, with the spread it was taken from.
 *
 * A full run (`npm run bench`) judges each figure against its target itself. A short run
 * (`npm run bench -- --short`, the `bench` step of `npm test`) has fewer samples, so it fails a
 * figure only when it misses its target by more than the margin: a real regression, not noise.
 *
 * A target that is not met yet carries an `interim` limit (today's figure plus a little): the
 * row prints `TARGET NOT MET` in every run, and the interim limit (with the same margin in a
 * short run) is what fails, so the gap can only shrink. Where the figure is absolute but depends
 * on the machine (requests per second), the interim limit and margin are a share of a reference
 * measured in the same run, named in `interimBasis`. Figures that must be exact (lost
 * notifications) have a margin of 0.
 */

/** Which side of the target is good. */
export type Direction = "at least" | "at most";

/** One figure of a benchmark and what it is held to. */
export interface Measured {
  /** What was measured, e.g. `core sign / node:crypto sign`. */
  name: string;
  value: number;
  direction: Direction;
  target: number;
  /** Allowed shortfall in a short run, in the figure's own unit. */
  noiseMargin: number;
  /** For a target not met yet: the limit enforced meanwhile. */
  interim?: number;
  /** What the interim limit was derived from in this run, when it is not a fixed number. */
  interimBasis?: string;
  /** Digits to print; 2 unless given. */
  digits?: number;
  unit?: string;
}

/** A figure judged. */
export interface Verdict {
  measured: Measured;
  pass: boolean;
  targetMet: boolean;
  /** The limit that was applied (target or interim, with the margin in a short run). */
  limit: number;
}

const beyond = (value: number, direction: Direction, limit: number) =>
  direction === "at least" ? value < limit : value > limit;

/** Judges one figure: `short` allows the noise margin. */
export function judge(measured: Measured, short: boolean): Verdict {
  const { value, direction, target, interim, noiseMargin } = measured;
  const targetMet = Number.isFinite(value) && !beyond(value, direction, target);
  const base = targetMet ? target : (interim ?? target);
  const slack = short ? noiseMargin : 0;
  const limit = direction === "at least" ? base - slack : base + slack;
  // A limit derived from another figure of the run (an interim basis) may itself be missing.
  const pass = Number.isFinite(value) && Number.isFinite(limit) && !beyond(value, direction, limit);
  return { measured, pass, targetMet, limit };
}

const sign = (direction: Direction) => (direction === "at least" ? "≥" : "≤");

/** One line per verdict: PASS/FAIL, the figure, its target, and the limit a short run allows. */
export function formatVerdict(verdict: Verdict, short: boolean): string {
  const { measured, pass, targetMet, limit } = verdict;
  const digits = measured.digits ?? 2;
  const unit = measured.unit ? ` ${measured.unit}` : "";
  const n = (x: number) => x.toFixed(digits);
  const op = sign(measured.direction);
  let rule = `target ${op} ${n(measured.target)}${unit}`;
  if (!targetMet && measured.interim !== undefined) {
    const basis = measured.interimBasis === undefined ? "" : ` (${measured.interimBasis})`;
    rule = `TARGET ${op} ${n(measured.target)}${unit} NOT MET; interim limit ${op} ${n(measured.interim)}${basis}`;
  } else if (!targetMet) {
    rule += pass
      ? `: missed by less than the noise margin ${n(measured.noiseMargin)}`
      : ": NOT MET";
  }
  if (short && measured.noiseMargin > 0 && (targetMet || measured.interim !== undefined)) {
    rule += `; a short run fails beyond ${n(limit)} (noise margin ${n(measured.noiseMargin)})`;
  }
  return `${pass ? "PASS" : "FAIL"}  ${measured.name.padEnd(52)}${n(measured.value).padStart(9)}${unit}  (${rule})`;
}

/** How a benchmark is run: `short` is the few-sample mode for CI. */
export interface BenchOptions {
  short: boolean;
}

/** What every `bench/*.bench.ts` module exports as its default. */
export type Benchmark = (options: BenchOptions) => Promise<Measured[]>;
