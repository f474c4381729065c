import { describe, expect, test } from "vitest";
import {
  type AlarmFreeOptions,
  alarmFreeStart,
  cumulativeOffsets,
  inquiryWaves,
} from "./alarm-free-window.ts";

// Payments created from t = 0 to t = 2 s; inquiries 2, 5, 8 and 13 s after each pay answer.
const base: AlarmFreeOptions = {
  now: 2_500,
  createdFrom: 0,
  createdTo: 2_000,
  inquiryOffsetsMs: [2_000, 5_000, 8_000, 13_000],
  durationMs: 1_000,
  driftPerInquiryMs: 100,
  guardMs: 200,
  maxWaitMs: 60_000,
};

describe("alarmFreeStart", () => {
  test("the waves span the creation window, the end widened by the drift and the guard", () => {
    expect(inquiryWaves(base)).toStrictEqual([
      [2_000, 4_300],
      [5_000, 7_400],
      [8_000, 10_500],
      [13_000, 15_600],
    ]);
  });

  test("starts at once when the burst fits before the first wave", () => {
    expect(alarmFreeStart({ ...base, now: 500, durationMs: 1_000 })).toStrictEqual({
      startAt: 500,
      freeUntil: 2_000,
      fits: true,
    });
  });

  test("inside a wave, waits for the first gap that holds the burst", () => {
    // 4 300 → 5 000 and 7 400 → 8 000 are too short; 10 500 → 13 000 holds 2 s.
    expect(alarmFreeStart({ ...base, durationMs: 2_000 })).toStrictEqual({
      startAt: 10_500,
      freeUntil: 13_000,
      fits: true,
    });
    // After the last wave nothing is expected.
    expect(alarmFreeStart({ ...base, durationMs: 5_000 })).toStrictEqual({
      startAt: 15_600,
      freeUntil: Number.POSITIVE_INFINITY,
      fits: true,
    });
  });

  test("beyond the longest wait, takes the longest gap found and says it does not fit", () => {
    expect(alarmFreeStart({ ...base, durationMs: 5_000, maxWaitMs: 9_000 })).toStrictEqual({
      startAt: 10_500,
      freeUntil: 13_000,
      fits: false,
    });
  });
});

describe("cumulativeOffsets", () => {
  test("adds the delays up", () => {
    expect(cumulativeOffsets((i) => [2_000, 3_000, 3_000][i] ?? 5_000, 5)).toStrictEqual([
      2_000, 5_000, 8_000, 13_000, 18_000,
    ]);
  });
});
