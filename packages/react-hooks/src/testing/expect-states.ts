import { version } from "react";
import { expect } from "vitest";

const reactMajor = Number(version.split(".")[0]);

/**
 * Asserts the labels of every render of a hook, in order.
 *
 * React 19 renders each state a test step passes through, so there the renders must be exactly
 * `expected`. React 18's `act` renders once per step, with the state the step ended in, so a
 * state the step passed through may not be rendered; there the renders must be `expected` in the
 * same order with states left out but none added, repeated or reordered, and end on the same
 * final state. Either way a render of a state that never happened, or a false "paid", fails.
 */
export function expectRenderedStates(states: readonly string[], expected: readonly string[]) {
  if (reactMajor >= 19) {
    expect(states).toStrictEqual(expected);
    return;
  }
  let from = 0;
  const outOfOrder = states.filter((state) => {
    const at = expected.indexOf(state, from);
    if (at < 0) return true;
    from = at + 1;
    return false;
  });
  expect({ outOfOrder, last: states.at(-1) }).toStrictEqual({
    outOfOrder: [],
    last: expected.at(-1),
  });
}
