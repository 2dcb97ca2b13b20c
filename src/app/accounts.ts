import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ConflictError, RateLimitedError, UnauthorizedError, ValidationError } from "../core/errors.ts";
import type { Database } from "../db/database.ts";
import {
  clearFailedLogins,
  countRecentFailedLogins,
  findLiveToken,
  insertToken,
  recordFailedLogin,
  revokeToken,
} from "../db/repositories/auth-tokens.ts";
import { insertHousehold, insertMember, linkPlanner } from "../db/repositories/households.ts";
import { findUserByEmail, insertUser, ROLES, type User } from "../db/repositories/users.ts";
import { hashPassword, hashToken, newToken, verifyPassword } from "./secrets.ts";

/** Accounts, logins, sessions and API tokens: the use cases behind `finplan user create` and /api/auth. */

export const SESSION_HOURS = 12;
export const API_TOKEN_DAYS = 365;
/** Failed logins allowed per email in the window before further attempts are refused. */
export const LOGIN_ATTEMPTS = 5;
export const LOGIN_WINDOW_MINUTES = 15;

const email = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "is not an email address" }));

export const createAccountRequest = z.object({
  email,
  password: z.string({ error: "is required" }).min(10, { error: "must be at least 10 characters" }).max(200),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  display_name: z.string().trim().min(1).max(120).optional(),
  planner: email.optional().describe("a client's planner, by email"),
});
export type CreateAccountRequest = z.output<typeof createAccountRequest>;

export const loginRequest = z.object({
  email,
  password: z.string({ error: "is required" }).min(1, { error: "is required" }).max(200),
});

export interface CreatedAccount {
  readonly user: User;
  readonly householdId: string | null;
}

/**
 * Creates a user. A client also gets their own household (with themselves as its first member),
 * linked to their planner when one is named. All of it commits together or not at all.
 */
export async function createAccount(db: Database, request: CreateAccountRequest): Promise<CreatedAccount> {
  const passwordHash = await hashPassword(request.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, request.email))
      throw new ConflictError(`a user with email ${request.email} exists`);
    let plannerId: string | null = null;
    if (request.planner !== undefined) {
      if (request.role !== "client") throw new ValidationError("planner", "only a client has a planner");
      const planner = await findUserByEmail(tx, request.planner);
      if (planner?.role !== "planner")
        throw new ValidationError("planner", `no planner with email ${request.planner}`);
      plannerId = planner.id;
    }
    const user: User = {
      id: randomUUID(),
      email: request.email,
      role: request.role,
      displayName: request.display_name ?? request.email.split("@")[0]!,
    };
    await insertUser(tx, { ...user, passwordHash });
    if (user.role !== "client") return { user, householdId: null };
    const householdId = randomUUID();
    await insertHousehold(tx, {
      id: householdId,
      name: `${user.displayName} household`,
      state: null,
      filingStatus: null,
      annualIncome: null,
    });
    await insertMember(tx, householdId, {
      id: randomUUID(),
      name: user.displayName,
      relationship: "self",
      birthDate: null,
      userId: user.id,
    });
    if (plannerId) await linkPlanner(tx, plannerId, householdId);
    return { user, householdId };
  });
}

let decoyHash: Promise<string> | null = null;

/** A hash of a random password, made once, to verify against when the email is unknown. */
function unknownUserHash(): Promise<string> {
  decoyHash ??= hashPassword(newToken());
  return decoyHash;
}

export interface Session {
  readonly token: string;
  readonly tokenId: string;
  readonly csrfToken: string;
  readonly user: User;
  readonly expiresAt: Date;
}

/**
 * Checks a password and opens a session. Failed attempts are counted per email; after
 * LOGIN_ATTEMPTS failures in LOGIN_WINDOW_MINUTES further attempts are refused, even with the
 * right password, until the window passes. A wrong email and a wrong password look the same.
 */
export async function login(
  db: Database,
  request: z.output<typeof loginRequest>,
  now: Date,
): Promise<Session> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  if ((await countRecentFailedLogins(db, request.email, since)) >= LOGIN_ATTEMPTS) {
    throw new RateLimitedError("too many failed logins; try again later", LOGIN_WINDOW_MINUTES * 60);
  }
  const user = await findUserByEmail(db, request.email);
  // An unknown email still costs one scrypt, so response time does not tell which emails exist.
  const hash = user?.passwordHash ?? (await unknownUserHash());
  if (!(await verifyPassword(request.password, hash)) || !user) {
    await recordFailedLogin(db, request.email, now);
    throw new UnauthorizedError("wrong email or password");
  }
  await clearFailedLogins(db, request.email);
  const { passwordHash: _, ...publicUser } = user;
  return issueToken(db, publicUser, "session", null, now);
}

export async function issueToken(
  db: Database,
  user: User,
  kind: "session" | "api",
  name: string | null,
  now: Date,
): Promise<Session> {
  const token = newToken();
  const csrfToken = newToken();
  const tokenId = randomUUID();
  const lifetime = kind === "session" ? SESSION_HOURS * 3_600_000 : API_TOKEN_DAYS * 86_400_000;
  const expiresAt = new Date(now.getTime() + lifetime);
  await insertToken(db, {
    id: tokenId,
    tokenHash: hashToken(token),
    userId: user.id,
    kind,
    name,
    csrfToken,
    expiresAt,
  });
  return { token, tokenId, csrfToken, user, expiresAt };
}

export interface Authenticated {
  readonly user: User;
  readonly tokenId: string;
  readonly kind: "session" | "api";
  readonly csrfToken: string | null;
  readonly expiresAt: Date;
}

/** The user behind a bearer or session token, or null for an unknown, expired or revoked one. */
export async function authenticate(db: Database, token: string, now: Date): Promise<Authenticated | null> {
  const found = await findLiveToken(db, hashToken(token), now);
  if (!found) return null;
  return {
    user: found.user,
    tokenId: found.token.id,
    kind: found.token.kind,
    csrfToken: found.token.csrfToken,
    expiresAt: found.expiresAt,
  };
}

export async function revoke(db: Database, user: User, tokenId: string, now: Date): Promise<boolean> {
  return revokeToken(db, tokenId, user.id, now);
}
