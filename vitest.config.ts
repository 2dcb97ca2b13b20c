import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/setup/global.ts"],
    // PGlite boots in seconds on a small machine; real-server suites create databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
