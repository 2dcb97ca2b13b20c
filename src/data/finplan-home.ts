import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * Where Finplan keeps a household's own data until the database arrives: `$FINPLAN_HOME`, or
 * `./.finplan/` (git-ignored). Reference data stays in `data/`.
 */
export function finplanHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.FINPLAN_HOME ?? join(process.cwd(), ".finplan"));
}

/**
 * Writes a file so that readers see the old content or the new, never a half-written file:
 * written to a temporary name in the same directory, flushed to disk, then renamed over the target.
 */
export class AtomicFile {
  private readonly temporary: string;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    this.fd = openSync(this.temporary, "wx");
  }

  /** Appends text; buffered in 64 KB slices so memory stays small however much is written. */
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 65_536) this.flush();
  }

  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
  }

  /** Drops everything written; the target is untouched. */
  abort(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }
}

export function writeFileAtomically(path: string, text: string): void {
  const file = new AtomicFile(path);
  file.write(text);
  file.commit();
}
