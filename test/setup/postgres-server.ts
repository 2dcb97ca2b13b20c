import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway PostgreSQL cluster for the integration tests, started from Debian's binaries
 * (installed by scripts/ensure-postgres.sh when missing): initdb into a temp folder, listen on a
 * free loopback port with trust auth, stop and delete it afterwards. Set TEST_DATABASE_URL to use
 * an existing server instead.
 */
export interface PostgresServer {
  readonly url: string;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** initdb and postgres refuse to run as root: run them as the `postgres` system user then. */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = execFileSync("bash", [new URL("../../scripts/ensure-postgres.sh", import.meta.url).pathname], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const dir = mkdtempSync(join(tmpdir(), "finplan-pg-"));
  const user = runAsUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const as = { ...(user ?? {}), encoding: "utf8" as const };
  const data = join(dir, "data");
  const init = spawnSync(`${bin}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], as);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = spawnSync(
    `${bin}/pg_ctl`,
    ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"],
    as,
  );
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${start.stdout}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      spawnSync(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"], as);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
