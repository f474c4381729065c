import { ATTENTION_REASONS } from "@ams-edge/core/api";
import { describe, expect, it } from "vitest";
import { attentionWords } from "./attention-words.ts";

describe("attentionWords", () => {
  it("has its own words for every reason the Worker sends, and a plain fallback", () => {
    const words = ATTENTION_REASONS.map(attentionWords);
    expect(new Set(words).size).toBe(ATTENTION_REASONS.length);
    expect(attentionWords("CANCEL_UNANSWERED")).toBe("Alipay never confirmed the cancel.");
    expect(attentionWords("SOMETHING_NEW")).toBe("Alipay has not given a clear answer about it.");
    expect(words).not.toContain(attentionWords("SOMETHING_NEW"));
  });
});
