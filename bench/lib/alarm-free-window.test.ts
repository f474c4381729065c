import { describe, expect, test } from "vitest";
import { type AlarmFreeOptions, alarmFreeStart, cumulativeOffsets } from "./alarm-free-window.ts";

// Three payments answered at 0, 1 and 2 s; inquiries 2, 5, 8 and 13 s after each answer, each up
// to 100 ms late per inquiry before it, plus a 200 ms guard; results 100 ms apart.
const base: AlarmFreeOptions = {
  now: 2_100,
  answeredAt: [0, 1_000, 2_000],
  inquiryOffsetsMs: [2_000, 5_000, 8_000, 13_000],
  spacingMs: 100,
  slackMs: 0,
  driftPerInquiryMs: 100,
  guardMs: 200,
  maxWaitMs: 60_000,
};

describe("alarmFreeStart", () => {
  test("starts at once when every result comes before its payment's first inquiry", () => {
    expect(alarmFreeStart({ ...base, now: 500 })).toStrictEqual({
      startAt: 500,
      inquiriesInside: 0,
    });
  });

  test("otherwise starts once every inquiry due before its payment's result is over", () => {
    // Payment 0's first inquiry is over by 2 000 + 2 000 + 300 = 2 300 (it inquires next at
    // 5 000); payments 1 and 2 get their results (2 400, 2 500) before their first inquiries
    // (3 000, 4 000).
    expect(alarmFreeStart(base)).toStrictEqual({ startAt: 2_300, inquiriesInside: 0 });
  });

  test("a burst slower than the payments' creation may have to wait for a longer gap", () => {
    // Results 1.5 s apart: the last one at start + 3 s must still come before its next inquiry.
    const slow = { ...base, spacingMs: 1_500 };
    expect(alarmFreeStart(slow)).toStrictEqual({ startAt: 10_500, inquiriesInside: 0 });
  });

  test("beyond the longest wait, starts where the fewest payments may inquire", () => {
    const slow = { ...base, spacingMs: 1_500, maxWaitMs: 3_000 };
    // At 3 300 only payment 2 (result at 6 300) may still inquire first (at 4 000).
    expect(alarmFreeStart(slow)).toStrictEqual({ startAt: 3_300, inquiriesInside: 1 });
  });
});

describe("cumulativeOffsets", () => {
  test("adds the delays up", () => {
    expect(cumulativeOffsets((i) => [2_000, 3_000, 3_000][i] ?? 5_000, 5)).toStrictEqual([
      2_000, 5_000, 8_000, 13_000, 18_000,
    ]);
  });
});
