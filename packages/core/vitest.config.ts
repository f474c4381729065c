import { defineProject } from "vitest/config";

const conditions = ["@ams-edge/source", "node"];

export default defineProject({
  // Vite takes the test environment's conditions from `ssr.resolve`; both are set so that the
  // `#crypto-provider` import picks the Node provider from source, as Node itself would.
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: "core",
    environment: "node",
    // The packaging checks of core (scripts/check-packages*.ts) are tested with it.
    include: ["src/**/*.test.ts", "../../scripts/check-packages-readme.test.ts"],
  },
});
