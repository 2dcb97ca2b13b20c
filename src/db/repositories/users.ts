import type { Queryable } from "../database.ts";

export type Role = "client" | "planner" | "admin";
export const ROLES: readonly Role[] = ["client", "planner", "admin"];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly displayName: string;
}

interface UserRow extends Record<string, unknown> {
  id: string;
  email: string;
  role: Role;
  display_name: string;
  password_hash: string;
}

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, role: row.role, displayName: row.display_name };
}

export async function insertUser(
  db: Queryable,
  user: User & { readonly passwordHash: string },
): Promise<void> {
  await db.query(
    "INSERT INTO users (id, email, password_hash, role, display_name) VALUES ($1, $2, $3, $4, $5)",
    [user.id, user.email, user.passwordHash, user.role, user.displayName],
  );
}

export async function findUserByEmail(
  db: Queryable,
  email: string,
): Promise<(User & { passwordHash: string }) | null> {
  const [row] = await db.query<UserRow>("SELECT * FROM users WHERE email = $1", [email.toLowerCase()]);
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(db: Queryable, id: string): Promise<User | null> {
  const [row] = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
  return row ? toUser(row) : null;
}

export async function listUsers(
  db: Queryable,
  limit: number,
  offset: number,
): Promise<{ items: User[]; total: number }> {
  const rows = await db.query<UserRow>("SELECT * FROM users ORDER BY email LIMIT $1 OFFSET $2", [
    limit,
    offset,
  ]);
  const [count] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM users");
  return { items: rows.map(toUser), total: Number(count?.n ?? 0) };
}
