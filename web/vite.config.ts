import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web dashboard: `vite build --config web/vite.config.ts` writes web/dist, which the API server serves. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // React, React DOM and Recharts together are about 700 kB minified (about 210 kB gzipped).
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
