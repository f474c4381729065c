import { renderHook } from "@testing-library/react";
import { useId, version } from "react";
import { version as domVersion } from "react-dom";
import { expect, test } from "vitest";

// Guards the project itself: if the aliases stopped reaching React 18, the hook suite would
// silently run against React 19 a second time.
test("this project renders with React 18", () => {
  expect([version.split(".")[0], domVersion.split(".")[0]]).toStrictEqual(["18", "18"]);
  const { result } = renderHook(() => useId());
  expect(result.current).toMatch(/^:r\w+:$/);
});
