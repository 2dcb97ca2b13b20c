import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { StartupError } from "../core/errors.ts";
import { type App, bodyLimitFor } from "./app.ts";

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A request refused for its size leaves its body unread, and the connection is torn down after the
 * 413; telling the client `Connection: close` up front keeps it from sending the next request down
 * a dying connection. (The Connection header cannot be set from a route: it is hop-by-hop.)
 */
function closeAfterOversizedBody(request: IncomingMessage, response: ServerResponse): void {
  const length = Number(request.headers["content-length"] ?? 0);
  if (length > bodyLimitFor(request.url ?? "/")) response.shouldKeepAlive = false;
}

const PORT_PROBLEMS: Record<string, string> = {
  EADDRINUSE: "is already in use: stop the other server or choose another port with --port (or PORT)",
  EACCES: "may not be opened by this user: choose a port above 1023 with --port (or PORT)",
  EADDRNOTAVAIL: "is on an address this machine does not have",
};

/** The listen error as a StartupError when it is one of the usual port problems; otherwise as it is. */
function portProblem(error: NodeJS.ErrnoException, hostname: string, port: number): Error {
  const problem = error.code ? PORT_PROBLEMS[error.code] : undefined;
  return problem ? new StartupError(`port ${port} on ${hostname} ${problem}`, { cause: error }) : error;
}

/** Serves the app over HTTP on `hostname:port` (port 0 picks a free one, for tests). */
export function listen(app: App, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.on("request", closeAfterOversizedBody);
    server.once("error", (error: NodeJS.ErrnoException) => reject(portProblem(error, hostname, port)));
  });
}
