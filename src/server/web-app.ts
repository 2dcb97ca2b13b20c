import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { App, AppEnv } from "./app.ts";

/** Where `vite build` puts the web dashboard (see web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Paths that belong to the API or its reference, never to the single-page app. */
const SERVER_PATH = /^\/(api|docs)(\/|$)/;

/**
 * Serves the built web dashboard from the same origin as the API, so the browser's session cookie
 * (SameSite=Strict) reaches the API without CORS. Files under web/dist are served as they are
 * (hashed assets cached for a year); any other GET outside /api and /docs answers with index.html,
 * because the app routes in the browser (`/households/<id>` is a page, not a file). Registered after
 * the API routes, which keep priority. While web/dist is missing (a checkout before its first build)
 * the paths fall through to the JSON 404.
 */
export function registerWebApp(app: App, distDir: string = WEB_DIST): void {
  const indexFile = join(distDir, "index.html");
  let files: MiddlewareHandler<AppEnv> | null = null;
  app.on(["GET", "HEAD"], "*", async (c, next) => {
    if (SERVER_PATH.test(c.req.path) || !existsSync(indexFile)) return next();
    files ??= serveStatic<AppEnv>({ root: distDir });
    const hashed = c.req.path.startsWith("/assets/");
    c.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    const served = await files(c, async () => undefined);
    if (served) return served;
    return c.html(await readFile(indexFile, "utf8"));
  });
}
