import { daysInMonth } from "../dates.ts";
import { Money } from "../money.ts";
import { type Random, seededRandom } from "../random.ts";

/**
 * A synthetic household for demos and tests: two earners, $180,000 gross, a mortgage, a child in
 * daycare, a student loan and a car loan, with realistic merchants, amounts and seasonality
 * (heating bills peak in winter, groceries and travel in December, a summer trip). Nothing in it
 * is real personal data. Deliberate findings: Spotify is paid on two cards, dining out drifts up
 * faster than income, and one month has a large hospital bill.
 *
 * The generator is pure and seeded: the same seed, start month and length give identical files.
 */
export interface DemoOptions {
  readonly seed: number;
  readonly months: number;
  /** First month, YYYY-MM. */
  readonly start: string;
}

export interface DemoRow {
  readonly date: string;
  readonly description: string;
  /** Holder's view: negative is money out. */
  readonly amount: Money;
}

export interface DemoHousehold {
  readonly checking: DemoRow[];
  readonly card: DemoRow[];
  readonly rewardsCard: DemoRow[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random.next() * items.length)]!;

/** A positive amount around `mean` with relative spread `spread`, never below 20% of the mean. */
function around(random: Random, mean: number, spread = 0.25): number {
  return Math.max(mean * 0.2, mean * (1 + spread * random.normal()));
}

function day(year: number, month: number, d: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

class Ledger {
  readonly rows: DemoRow[] = [];
  add(date: string, description: string, dollars: number): void {
    this.rows.push({ date, description, amount: Money.fromNumber(-dollars) });
  }
  credit(date: string, description: string, dollars: number): void {
    this.rows.push({ date, description, amount: Money.fromNumber(dollars) });
  }
  totalOut(from: string, to: string): number {
    return -this.rows
      .filter((r) => r.date >= from && r.date <= to && r.amount.cents < 0n)
      .reduce((s, r) => s + r.amount.toNumber(), 0);
  }
}

const GROCERS = [
  "WHOLE FOODS MARKET #10234 SEATTLE WA",
  "TRADER JOE'S #552 SEATTLE WA",
  "COSTCO WHSE #0113 KIRKLAND WA",
  "SAFEWAY #1442 BELLEVUE WA",
];
const RESTAURANTS = [
  "STARBUCKS STORE 08812 SEATTLE WA",
  "CHIPOTLE 1123 BELLEVUE WA",
  "THE CHEESECAKE FACTORY BELLEVUE WA",
  "DOORDASH*THAI GINGER",
  "SQ *LOCAL BISTRO SEATTLE",
  "SWEETGREEN SEATTLE",
];
const SHOPPING = [
  "AMZN MKTP US*2K4LL0",
  "AMZN MKTP US*7H1QX2",
  "TARGET 00012345 BELLEVUE WA",
  "NORDSTROM #0042",
];

export function generateDemoHousehold(options: DemoOptions): DemoHousehold {
  const random = seededRandom(options.seed);
  const checking = new Ledger();
  const card = new Ledger();
  const rewards = new Ledger();
  const [startYear, startMonth] = options.start.split("-").map(Number) as [number, number];
  for (let i = 0; i < options.months; i++) {
    const year = startYear + Math.floor((startMonth - 1 + i) / 12);
    const month = ((startMonth - 1 + i) % 12) + 1;
    const end = daysInMonth(year, month);
    const d = (n: number) => day(year, month, Math.min(n, end));
    const any = () => d(1 + Math.floor(random.next() * end));
    const raise = 1.03 ** Math.floor(i / 12);
    const creep = 1 + 0.18 * (i / 12);
    const winter = Math.cos((2 * Math.PI * (month - 1)) / 12);

    checking.credit(d(15), "ACME CORP PAYROLL PPD ID: 4410001234", 3_410.55 * raise);
    checking.credit(d(end), "ACME CORP PAYROLL PPD ID: 4410001234", 3_410.55 * raise);
    checking.credit(d(1), "GLOBEX INC DIR DEP", 2_288.4 * raise);
    checking.credit(d(16), "GLOBEX INC DIR DEP", 2_288.4 * raise);
    if (month === 3) checking.credit(d(20), "ACME CORP PAYROLL BONUS", around(random, 7_500, 0.1));
    checking.add(d(1), "ROCKET MORTGAGE PAYMENT", 3_412.18);
    checking.add(d(3), "BRIGHT HORIZONS TUITION", 1_985);
    checking.add(d(5), "PUGET SOUND ENERGY BILLPAY", around(random, 165 + 95 * winter, 0.08));
    checking.add(d(8), "SEATTLE PUBLIC UTILITIES WATER", around(random, 92 - 20 * winter, 0.1));
    checking.add(d(9), "COMCAST XFINITY INTERNET", 89.99);
    checking.add(d(12), "VERIZON WIRELESS PAYMENTS", 142.5);
    checking.add(d(2), "NAVIENT STUDENT LOAN PMT", 412.5);
    checking.add(d(6), "TOYOTA FINANCIAL SVCS AUTO LOAN", 589);
    checking.add(d(10), "NORTHWESTERN MUTUAL LIFE INS PREM", 96);
    checking.add(d(14), "ONLINE TRANSFER TO SAV ...4821", 1_000);
    checking.add(d(16), "WA 529 COLLEGE SAVINGS CONTRIB", 250);
    checking.add(d(17), "VANGUARD BUY INVESTMENT", 500);
    if (random.next() < 0.4) checking.add(any(), "ATM WITHDRAWAL 00123 BELLEVUE", 200);
    if (random.next() < 0.5)
      checking.add(any(), "VENMO PAYMENT 1029384", Math.round(around(random, 60, 0.5)));

    card.add(d(4), "GEICO *AUTO", 184);
    card.add(d(7), "NETFLIX.COM NETFLIX.COM CA", i < 12 ? 22.99 : 24.99);
    card.add(d(11), "SPOTIFY USA", 11.99);
    card.add(d(13), "EQUINOX MEMBERSHIP", 245);
    card.add(d(18), "HULU 877-8244858", 17.99);
    for (let w = 0; w < 4; w++) {
      const festive = month === 11 || month === 12 ? 1.25 : 1;
      card.add(d(2 + 7 * w), pick(random, GROCERS), around(random, 235 * festive, 0.3));
      card.add(
        d(4 + 7 * w),
        pick(random, ["SHELL OIL 57442 BELLEVUE WA", "CHEVRON 0091 SEATTLE WA"]),
        around(random, 58, 0.2),
      );
    }
    const meals = 10 + Math.floor(random.next() * 6);
    for (let m = 0; m < meals; m++)
      card.add(any(), pick(random, RESTAURANTS), around(random, 48 * creep, 0.6));
    for (let s = 0; s < 6; s++) card.add(any(), pick(random, SHOPPING), around(random, 70, 0.7));
    card.add(d(21), "CVS PHARMACY #2291", around(random, 35, 0.3));
    if (random.next() < 0.3) card.add(any(), "PEDIATRIC ASSOCIATES COPAY", 40);
    if (month === 4 || month === 10) card.add(d(22), "BELLEVUE FAMILY DENTAL", around(random, 260, 0.2));
    if (i === 9) card.add(d(19), "OVERLAKE HOSPITAL MEDICAL CTR", 3_400);
    if (month === 7) {
      card.add(d(3), "DELTA AIR LINES ATLANTA", around(random, 1_850, 0.1));
      card.add(d(12), "MARRIOTT HOTELS MAUI", around(random, 2_400, 0.1));
      card.add(d(12), "HERTZ RENT-A-CAR", around(random, 420, 0.1));
    }
    if (month === 12) card.add(d(20), "ALASKA AIR 0271234567890", around(random, 1_100, 0.1));
    if (month === 4) card.add(d(10), "AIRBNB HMXYZ123", around(random, 900, 0.2));

    rewards.add(d(11), "SPOTIFY USA", 11.99);
    rewards.add(d(15), "DISNEY PLUS", 13.99);
    const outings = 2 + Math.floor(random.next() * 3);
    for (let o = 0; o < outings; o++) {
      rewards.add(
        any(),
        pick(random, ["UBER EATS", "UBER TRIP", "LYFT RIDE", "AMC THEATRES 0421", "TICKETMASTER"]),
        around(random, 45, 0.5),
      );
    }

    const cardOut = card.totalOut(d(1), d(end));
    checking.add(d(Math.min(25, end)), "AMERICAN EXPRESS AUTOPAY PPD", Math.round(cardOut * 100) / 100);
    card.credit(d(Math.min(26, end)), "AUTOPAY PAYMENT - THANK YOU", Math.round(cardOut * 100) / 100);
    const rewardsOut = rewards.totalOut(d(1), d(end));
    checking.add(d(Math.min(27, end)), "CHASE CREDIT CRD AUTOPAY", Math.round(rewardsOut * 100) / 100);
    rewards.credit(d(Math.min(28, end)), "PAYMENT RECEIVED - THANK YOU", Math.round(rewardsOut * 100) / 100);
  }
  const byDate = (a: DemoRow, b: DemoRow) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return {
    checking: checking.rows.sort(byDate),
    card: card.rows.sort(byDate),
    rewardsCard: rewards.rows.sort(byDate),
  };
}

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Chase-style checking export, newest first: charges negative, with a running balance. */
export function checkingCsv(rows: readonly DemoRow[], openingBalance = Money.fromDollars(15_000)): string {
  let balance = openingBalance;
  const lines = rows.map((r) => {
    balance = balance.add(r.amount);
    const credit = r.amount.cents > 0n;
    return [
      credit ? "CREDIT" : "DEBIT",
      usDate(r.date),
      quoted(r.description),
      r.amount.toString(),
      credit ? "ACH_CREDIT" : "ACH_DEBIT",
      balance.toString(),
      "",
    ].join(",");
  });
  return `Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #\n${lines.reverse().join("\n")}\n`;
}

/** Amex-style card export, newest first: charges positive, thousands separators in quotes. */
export function cardCsv(rows: readonly DemoRow[]): string {
  const lines = rows.map((r) => {
    const amount = r.amount.negate();
    const text = amount.format().replace("$", "");
    return [
      usDate(r.date),
      r.description,
      "J SAMPLE",
      "-71004",
      text.includes(",") ? quoted(text) : text,
    ].join(",");
  });
  return `Date,Description,Card Member,Account #,Amount\n${lines.reverse().join("\n")}\n`;
}

/** OFX 1.02 (SGML) credit-card statement with sequential FITIDs. */
export function cardOfx(rows: readonly DemoRow[], accountId: string): string {
  const compact = (iso: string) => iso.replace(/-/g, "");
  const transactions = rows.map((r, i) =>
    [
      "<STMTTRN>",
      `<TRNTYPE>${r.amount.cents < 0n ? "DEBIT" : "CREDIT"}`,
      `<DTPOSTED>${compact(r.date)}120000[-8:PST]`,
      `<TRNAMT>${r.amount.toString()}`,
      `<FITID>${compact(r.date)}${String(i + 1).padStart(5, "0")}`,
      `<NAME>${r.description}`,
      "</STMTTRN>",
    ].join("\n"),
  );
  const first = rows[0]?.date ?? "2000-01-01";
  const last = rows[rows.length - 1]?.date ?? first;
  return [
    "OFXHEADER:100",
    "DATA:OFXSGML",
    "VERSION:102",
    "SECURITY:NONE",
    "ENCODING:USASCII",
    "CHARSET:1252",
    "COMPRESSION:NONE",
    "OLDFILEUID:NONE",
    "NEWFILEUID:NONE",
    "",
    "<OFX>",
    "<SIGNONMSGSRSV1>",
    "<SONRS>",
    "<STATUS>",
    "<CODE>0",
    "<SEVERITY>INFO",
    "</STATUS>",
    `<DTSERVER>${compact(last)}`,
    "<LANGUAGE>ENG",
    "</SONRS>",
    "</SIGNONMSGSRSV1>",
    "<CREDITCARDMSGSRSV1>",
    "<CCSTMTTRNRS>",
    "<TRNUID>1",
    "<STATUS>",
    "<CODE>0",
    "<SEVERITY>INFO",
    "</STATUS>",
    "<CCSTMTRS>",
    "<CURDEF>USD",
    "<CCACCTFROM>",
    `<ACCTID>${accountId}`,
    "</CCACCTFROM>",
    "<BANKTRANLIST>",
    `<DTSTART>${compact(first)}`,
    `<DTEND>${compact(last)}`,
    ...transactions,
    "</BANKTRANLIST>",
    "</CCSTMTRS>",
    "</CCSTMTTRNRS>",
    "</CREDITCARDMSGSRSV1>",
    "</OFX>",
    "",
  ].join("\n");
}
