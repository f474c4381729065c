import { defineProject } from "vitest/config";

// Unit tests of the benchmarks' pure parts (how figures are judged against their targets). The
// benchmarks themselves are a program (`npm run bench`, and the `bench` step of `npm test`).
export default defineProject({
  test: {
    name: "bench",
    environment: "node",
    include: ["lib/*.test.ts"],
  },
});
