import { randomUUID } from "node:crypto";
import { type CalendarDate, parseIsoDate } from "../core/dates.ts";
import { Money } from "../core/money.ts";
import type { InteractionKind } from "../core/planner/engagement.ts";
import type { SpendingCategory } from "../core/spending/categories.ts";
import { cardCsv, cardOfx, checkingCsv, generateDemoHousehold } from "../core/spending/demo-household.ts";
import type { Database } from "../db/database.ts";
import { insertBeneficiary, listBeneficiaries } from "../db/repositories/beneficiaries.ts";
import { insertMember } from "../db/repositories/households.ts";
import { insertInteraction } from "../db/repositories/planner-metrics.ts";
import { findUserByEmail } from "../db/repositories/users.ts";
import { createAccount } from "./accounts.ts";
import { importIntoHousehold } from "./household-spending.ts";
import { addGoal, recordContribution, setPlanTargets } from "./plan-inputs.ts";
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
  /** What the planner agreed with the household: savings rate, budgets, goals (invented, for the demo). */
  readonly plan: {
    savingsRate: number;
    budgets: Partial<Record<SpendingCategory, string>>;
    goals: readonly {
      kind: "college" | "custom";
      name: string;
      target: string;
      years: number;
      current?: string;
    }[];
    /** Recent contact: kind, days ago, and for a message the client's reply time in minutes. */
    interactions: readonly [InteractionKind, number, number?][];
  };
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
    plan: {
      savingsRate: 0.15,
      budgets: {
        housing: "3800",
        food_groceries: "1100",
        food_dining: "500",
        entertainment: "300",
        travel: "400",
      },
      goals: [{ kind: "college", name: "Lucia's college fund", target: "120000", years: 8 }],
      interactions: [
        ["meeting", 40],
        ["message", 21, 300],
        ["login", 12],
        ["document_view", 12],
      ],
    },
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
    plan: {
      savingsRate: 0.2,
      budgets: {
        housing: "4200",
        food_groceries: "1400",
        food_dining: "700",
        travel: "800",
        childcare: "600",
      },
      goals: [
        { kind: "college", name: "Owen and Ava's college", target: "260000", years: 5 },
        { kind: "custom", name: "Lake cabin down payment", target: "80000", years: 3, current: "22000" },
      ],
      interactions: [
        ["meeting", 9],
        ["message", 8, 45],
        ["task_done", 6],
        ["login", 3],
        ["document_view", 3],
        ["message", 2, 30],
      ],
    },
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
    plan: {
      savingsRate: 0.12,
      budgets: { housing: "2600", food_dining: "450", entertainment: "250", subscriptions: "80" },
      goals: [
        { kind: "custom", name: "Emergency fund (six months)", target: "36000", years: 2, current: "14000" },
      ],
      interactions: [["login", 55]],
    },
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

/** The year and month `months` before `today`'s. */
function monthsBefore(today: CalendarDate, months: number): { year: number; month: number } {
  const index = today.year * 12 + (today.month - 1) - months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month DEMO_MONTHS before `today`'s, as YYYY-MM: the first month of the demo statements. */
function demoStart(today: CalendarDate): string {
  const { year, month } = monthsBefore(today, DEMO_MONTHS);
  return `${year}-${String(month).padStart(2, "0")}`;
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
  await agreeDemoPlan(db, householdId, client, today);
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

/**
 * The demo household's plan as its planner set it a year ago (savings rate, budgets, goals), its
 * recent contact with the planner, and the 529 contributions of the last three months at each
 * child's monthly amount, so engagement, plan adherence and goal progress have something to
 * measure (and the three households differ: Chen in close touch, Okafor barely).
 */
async function agreeDemoPlan(db: Database, householdId: string, client: DemoClient, today: CalendarDate) {
  const budgets = Object.fromEntries(
    Object.entries(client.plan.budgets).map(([category, amount]) => [category, Money.parse(amount)]),
  );
  await setPlanTargets(db, householdId, { savings_rate: client.plan.savingsRate, budgets });
  const agreed = new Date(Date.UTC(today.year - 1, today.month - 1, 1));
  for (const goal of client.plan.goals) {
    await addGoal(
      db,
      householdId,
      {
        kind: goal.kind,
        name: goal.name,
        target_amount: Money.parse(goal.target),
        target_date: { year: today.year + goal.years, month: 6, day: 30 },
        ...(goal.current ? { current_amount: Money.parse(goal.current) } : {}),
      },
      today,
      agreed,
    );
  }
  const noon = Date.UTC(today.year, today.month - 1, today.day, 12);
  for (const [kind, daysAgo, responseMinutes] of client.plan.interactions) {
    await insertInteraction(db, {
      id: randomUUID(),
      householdId,
      plannerId: null,
      kind,
      occurredAt: new Date(noon - daysAgo * 86_400_000),
      responseMinutes: responseMinutes ?? null,
    });
  }
  for (const child of await listBeneficiaries(db, householdId)) {
    for (let back = 1; back <= 3; back++) {
      const contributed_on = { ...monthsBefore(today, back), day: 5 };
      const amount = Money.parse(child.monthlyContribution);
      await recordContribution(db, child.id, { contributed_on, amount }, today);
    }
  }
}
