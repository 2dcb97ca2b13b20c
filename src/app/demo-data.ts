import { randomUUID } from "node:crypto";
import { type CalendarDate, parseIsoDate } from "../core/dates.ts";
import { Money } from "../core/money.ts";
import { cardCsv, cardOfx, checkingCsv, generateDemoHousehold } from "../core/spending/demo-household.ts";
import type { Database } from "../db/database.ts";
import { insertBeneficiary } from "../db/repositories/beneficiaries.ts";
import { insertMember } from "../db/repositories/households.ts";
import { findUserByEmail } from "../db/repositories/users.ts";
import { createAccount } from "./accounts.ts";
import { importIntoHousehold } from "./household-spending.ts";
import { putRetirementProfile } from "./retirement-profiles.ts";

/**
 * The demo firm that `npm start` creates on first run: one planner, an admin, and three synthetic
 * client households (invented people, no real data) with retirement profiles, 529 beneficiaries and
 * two years of bank and card statements from the seeded demo generator. Logins are printed at
 * start-up; they are for trying the product locally, never for a shared server.
 */
export const DEMO_PASSWORD = "finplan-demo-2026";
export const DEMO_PLANNER = "planner@demo.finplan";
export const DEMO_ADMIN = "admin@demo.finplan";
/** Months of generated bank and card statements per demo household. */
export const DEMO_MONTHS = 24;

interface DemoClient {
  readonly email: string;
  readonly name: string;
  readonly state: string;
  readonly filing: "single" | "mfj";
  readonly income: string;
  readonly members: readonly { name: string; relationship: "spouse" | "child"; birthDate: string }[];
  /** 529 accounts for the children: plan id, balance and monthly saving. */
  readonly beneficiaries: readonly {
    name: string;
    birthDate: string;
    planId: string;
    balance: string;
    monthly: string;
  }[];
  readonly profile: {
    birthDate: string;
    retirementAge: number;
    savings: string;
    monthly: string;
    desired: string;
    salary: string;
    expectedReturn: number;
  };
}

const CLIENTS: readonly DemoClient[] = [
  {
    email: "rivera@demo.finplan",
    name: "Rivera",
    state: "NY",
    filing: "mfj",
    income: "185000",
    members: [
      { name: "Sam Rivera", relationship: "spouse", birthDate: "1983-08-02" },
      { name: "Lucia Rivera", relationship: "child", birthDate: "2016-05-20" },
    ],
    beneficiaries: [
      {
        name: "Lucia Rivera",
        birthDate: "2016-05-20",
        planId: "ny-529-direct",
        balance: "24000",
        monthly: "400",
      },
    ],
    profile: {
      birthDate: "1981-03-14",
      retirementAge: 65,
      savings: "350000",
      monthly: "2000",
      desired: "120000",
      salary: "150000",
      expectedReturn: 0.06,
    },
  },
  {
    email: "chen@demo.finplan",
    name: "Chen",
    state: "IL",
    filing: "mfj",
    income: "240000",
    members: [
      { name: "Mei Chen", relationship: "spouse", birthDate: "1977-11-30" },
      { name: "Owen Chen", relationship: "child", birthDate: "2012-02-14" },
      { name: "Ava Chen", relationship: "child", birthDate: "2015-09-03" },
    ],
    beneficiaries: [
      {
        name: "Owen Chen",
        birthDate: "2012-02-14",
        planId: "il-bright-start",
        balance: "61000",
        monthly: "650",
      },
      {
        name: "Ava Chen",
        birthDate: "2015-09-03",
        planId: "il-bright-start",
        balance: "38000",
        monthly: "650",
      },
    ],
    profile: {
      birthDate: "1976-06-21",
      retirementAge: 63,
      savings: "910000",
      monthly: "3500",
      desired: "150000",
      salary: "168000",
      expectedReturn: 0.065,
    },
  },
  {
    email: "okafor@demo.finplan",
    name: "Okafor",
    state: "TX",
    filing: "single",
    income: "132000",
    members: [],
    beneficiaries: [],
    profile: {
      birthDate: "1990-01-09",
      retirementAge: 67,
      savings: "95000",
      monthly: "1200",
      desired: "90000",
      salary: "132000",
      expectedReturn: 0.07,
    },
  },
];

/**
 * Creates whatever part of the demo firm is missing (each account is checked on its own, so an
 * interrupted first run completes on the next); returns whether anything was created.
 */
export async function ensureDemoData(db: Database, today: CalendarDate): Promise<boolean> {
  let created = false;
  const missing = async (email: string) => !(await findUserByEmail(db, email));
  if (await missing(DEMO_ADMIN)) {
    await createAccount(db, {
      email: DEMO_ADMIN,
      password: DEMO_PASSWORD,
      role: "admin",
      display_name: "Demo admin",
    });
    created = true;
  }
  if (await missing(DEMO_PLANNER)) {
    await createAccount(db, {
      email: DEMO_PLANNER,
      password: DEMO_PASSWORD,
      role: "planner",
      display_name: "Dana Planner",
    });
    created = true;
  }
  for (const [index, client] of CLIENTS.entries()) {
    if (!(await missing(client.email))) continue;
    created = true;
    await addDemoClient(db, client, index + 1, today);
  }
  return created;
}

/** The month DEMO_MONTHS before `today`'s, as YYYY-MM: the first month of the demo statements. */
function demoStart(today: CalendarDate): string {
  const index = today.year * 12 + (today.month - 1) - DEMO_MONTHS;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Two years of statements from the seeded generator, imported as a client would upload them. */
async function importDemoStatements(
  db: Database,
  householdId: string,
  seed: number,
  today: CalendarDate,
): Promise<void> {
  const statements = generateDemoHousehold({ seed, months: DEMO_MONTHS, start: demoStart(today) });
  const files: [string, string][] = [
    ["checking.csv", checkingCsv(statements.checking)],
    ["credit-card.csv", cardCsv(statements.card)],
    ["rewards-card.qfx", cardOfx(statements.rewardsCard, `${seed}0042`)],
  ];
  for (const [name, text] of files)
    await importIntoHousehold(db, householdId, name, [text], { columns: undefined });
}

async function addDemoClient(
  db: Database,
  client: DemoClient,
  seed: number,
  today: CalendarDate,
): Promise<void> {
  const created = await createAccount(db, {
    email: client.email,
    password: DEMO_PASSWORD,
    role: "client",
    display_name: client.name,
    planner: DEMO_PLANNER,
  });
  const householdId = created.householdId!;
  await db.query("UPDATE households SET state = $2, filing_status = $3, annual_income = $4 WHERE id = $1", [
    householdId,
    client.state,
    client.filing,
    client.income,
  ]);
  for (const member of client.members) {
    await insertMember(db, householdId, { id: randomUUID(), userId: null, ...member });
  }
  await db.query(
    "UPDATE household_members SET birth_date = $2 WHERE household_id = $1 AND relationship = 'self'",
    [householdId, client.profile.birthDate],
  );
  for (const child of client.beneficiaries) {
    await insertBeneficiary(db, householdId, {
      id: randomUUID(),
      name: child.name,
      birthDate: child.birthDate,
      planId: child.planId,
      balance: child.balance,
      monthlyContribution: child.monthly,
    });
  }
  await importDemoStatements(db, householdId, seed, today);
  const p = client.profile;
  await putRetirementProfile(db, householdId, {
    birth_date: parseIsoDate(p.birthDate),
    retirement_age: p.retirementAge * 12,
    savings: Money.parse(p.savings),
    monthly_contribution: Money.parse(p.monthly),
    desired_income: Money.parse(p.desired),
    salary: Money.parse(p.salary),
    return: p.expectedReturn,
  });
}
