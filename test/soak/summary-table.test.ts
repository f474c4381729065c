import { describe, expect, it } from "vitest";
import { formatColumns } from "./summary-table.ts";

describe("formatColumns", () => {
  it("pads the first column on the right and the others on the left", () => {
    expect(
      formatColumns([
        ["scenario", "n", "ok"],
        ["pays", 120, 120],
        ["never-pays", 7, 6],
      ]),
    ).toStrictEqual(["scenario      n   ok", "pays        120  120", "never-pays    7    6"]);
  });
});
