import { describe, expect, test } from "vitest";
import {
  formatSpread,
  summarizeSpread,
  type VerdictRecord,
  verdictRecords,
} from "./repeat-spread.ts";
import { judge } from "./targets.ts";

function first<T>(list: readonly T[]): T {
  const [item] = list;
  if (item === undefined) throw new Error("expected at least one item");
  return item;
}

const record = (figure: string, value: number, pass: boolean): VerdictRecord => ({
  bench: "client",
  figure,
  value,
  pass,
  digits: 2,
  unit: "",
});

describe("summarizeSpread", () => {
  test("takes each figure's lowest and highest value and counts the runs it passed", () => {
    const runs = [
      [record("own work", 0.2, true), record("lost", 0, true)],
      [record("own work", 0.31, false), record("lost", 0, true)],
      [record("own work", 0.17, true), record("lost", 1, false)],
    ];
    expect(summarizeSpread(runs)).toStrictEqual([
      {
        bench: "client",
        figure: "own work",
        min: 0.17,
        max: 0.31,
        passed: 2,
        runs: 3,
        digits: 2,
        unit: "",
      },
      { bench: "client", figure: "lost", min: 0, max: 1, passed: 2, runs: 3, digits: 2, unit: "" },
    ]);
  });

  test("a figure that could not be measured counts as a run but leaves min and max alone", () => {
    const spread = first(
      summarizeSpread([[record("own work", Number.NaN, false)], [record("own work", 0.2, true)]]),
    );
    expect(spread).toMatchObject({ min: 0.2, max: 0.2, passed: 1, runs: 2 });
    expect(formatSpread({ ...spread, min: Number.NaN, max: Number.NaN })).toBe(
      `${"client".padEnd(12)} ${"own work".padEnd(52)} ${"-–-".padStart(18)}  1/2 passed`,
    );
  });

  test("a run's verdicts become records with the figure's digits and unit", () => {
    const verdict = judge(
      {
        name: "p99",
        value: 120,
        direction: "at most",
        target: 50,
        noiseMargin: 0,
        digits: 0,
        unit: "ms",
      },
      true,
    );
    expect(verdictRecords("notify-load", [verdict])).toStrictEqual([
      { bench: "notify-load", figure: "p99", value: 120, pass: false, digits: 0, unit: "ms" },
    ]);
    expect(formatSpread(first(summarizeSpread([verdictRecords("notify-load", [verdict])])))).toBe(
      `${"notify-load".padEnd(12)} ${"p99".padEnd(52)} ${"120–120 ms".padStart(18)}  0/1 passed`,
    );
  });
});
