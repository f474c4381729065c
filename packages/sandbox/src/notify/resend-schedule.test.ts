import { describe, expect, it } from "vitest";
import { isAcknowledgement } from "./is-acknowledgement.ts";
import { attemptOffsetsMs, PROVIDER_RESEND_SCHEDULE_SECONDS } from "./resend-schedule.ts";

describe("attemptOffsetsMs", () => {
  it("adds up the provider's waits: 8 attempts, the last 24 h 22 min after the first", () => {
    expect(attemptOffsetsMs(PROVIDER_RESEND_SCHEDULE_SECONDS, 1)).toStrictEqual([
      0, 120_000, 720_000, 1_320_000, 4_920_000, 12_120_000, 33_720_000, 87_720_000,
    ]);
  });

  it("scales: 0.001 turns 2 minutes into 120 ms", () => {
    expect(attemptOffsetsMs(PROVIDER_RESEND_SCHEDULE_SECONDS, 0.001)).toStrictEqual([
      0, 120, 720, 1320, 4920, 12120, 33720, 87720,
    ]);
  });
});

describe("isAcknowledgement", () => {
  it("is true only for HTTP 200 with result.resultStatus S", () => {
    const ack = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';
    expect(isAcknowledgement(200, ack)).toBe(true);
    expect(isAcknowledgement(201, ack)).toBe(false);
    expect(isAcknowledgement(200, '{"result":{"resultStatus":"F"}}')).toBe(false);
    expect(isAcknowledgement(200, "OK")).toBe(false);
    expect(isAcknowledgement(200, "null")).toBe(false);
  });
});
