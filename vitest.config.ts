import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/**/*.test.tsx"],
    // Component tests (test/web/*.test.tsx) choose a DOM per file with `// @vitest-environment happy-dom`.
    // Browser tests run on their own (npm run test:e2e) after the web app is built.
    exclude: [...configDefaults.exclude, "test/e2e/**"],
    environment: "node",
    globalSetup: ["test/setup/global.ts"],
    // PGlite boots in seconds on a small machine; real-server suites create databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
