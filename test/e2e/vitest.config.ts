import { defineConfig } from "vitest/config";

/** Browser tests: the real server (demo data, embedded database) driven through Debian's chromium. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/e2e/support/global.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
