import Decimal from "decimal.js";
import { type CalendarDate, previousDay } from "../dates.ts";
import { MissingReferenceDataError, ValidationError } from "../errors.ts";
import { Money } from "../money.ts";
import {
  type MonthlyPercentFraction,
  rowForBirthYear,
  type SocialSecurityTables,
  yearlyValue,
} from "./ssa-tables.ts";

/**
 * Social Security retired-worker benefit, computed the way SSA does (42 USC 415, 402(q), 402(w);
 * the rules and their sources are in `data/ssa/rules.json`):
 *
 * 1. Each year's covered earnings are capped at that year's contribution and benefit base.
 * 2. Years before the indexing year (the year the worker attains 60, i.e. first eligibility − 2)
 *    are multiplied by AWI(indexing year) / AWI(year); later years count at nominal value.
 * 3. AIME = the highest 35 indexed years ÷ 420 months, rounded down to the dollar.
 * 4. PIA = 90% / 32% / 15% of AIME across the bend points of the eligibility year (age 62),
 *    truncated to the dime.
 * 5. COLAs effective in December of the eligibility year and later, up to the year before
 *    benefits start, each multiply the PIA and are truncated to the dime.
 * 6. Claiming before full retirement age reduces the benefit by 5/9 of 1% per month for the
 *    first 36 months and 5/12 of 1% beyond; claiming after it adds delayed credits by birth year
 *    (2/3 of 1% per month for 1943+) up to age 70. The result is truncated to the dime, then the
 *    monthly payment to the dollar.
 *
 * Ages are attained the day before the birthday (SSA's rule), so someone born on January 1 takes
 * the full retirement age of the previous birth year.
 *
 * Years beyond the published series (AWI after its last year, bend points and wage base after
 * theirs, COLAs not yet announced) are taken at the latest published level, which puts a future
 * benefit in today's dollars. Every such fallback is listed in `assumptions`.
 */

/** One year of covered earnings as reported by SSA (dollars and cents). */
export interface EarningsYear {
  readonly year: number;
  readonly earnings: Decimal;
}

export interface IndexedEarningsYear {
  readonly year: number;
  readonly earnings: Decimal;
  /** Earnings capped at the year's contribution and benefit base. */
  readonly capped: Decimal;
  readonly indexFactor: Decimal;
  readonly indexed: Decimal;
  /** Whether the year is among the highest 35 used for AIME. */
  readonly counted: boolean;
}

export const COMPUTATION_YEARS = 35;
const EARLIEST_CLAIM_MONTHS = 62 * 12;
const LATEST_CREDIT_MONTHS = 70 * 12;

export interface AimeResult {
  readonly aime: number;
  readonly indexingYear: number;
  readonly years: readonly IndexedEarningsYear[];
  readonly assumptions: readonly string[];
}

/** Steps 1–3: cap, index and average the highest 35 years (see the module comment). */
export function computeAime(
  earnings: readonly EarningsYear[],
  eligibilityYear: number,
  tables: SocialSecurityTables,
): AimeResult {
  const indexingYear = eligibilityYear - 2;
  const assumptions = new Set<string>();
  const indexAwi = yearlyValue(tables.awi, indexingYear, "average wage index");
  if (indexAwi.projected) {
    assumptions.add(
      `AWI for ${indexingYear} is not published; indexed to the ${indexAwi.year} AWI (wages in today's dollars)`,
    );
  }
  const rows = [...earnings]
    .sort((a, b) => a.year - b.year)
    .map((row) => {
      const base = yearlyValue(tables.wageBase, row.year, "contribution and benefit base");
      if (base.projected) {
        assumptions.add(
          `wage base after ${base.year} not published; ${base.year}'s base used for later years`,
        );
      }
      const capped = Decimal.min(row.earnings, base.value);
      let indexFactor = new Decimal(1);
      if (row.year < indexingYear) {
        const yearAwi = yearlyValue(tables.awi, row.year, "average wage index");
        indexFactor = indexAwi.value.dividedBy(yearAwi.value);
      }
      return {
        year: row.year,
        earnings: row.earnings,
        capped,
        indexFactor,
        indexed: capped.times(indexFactor),
      };
    });
  const best = new Set(
    [...rows]
      .sort((a, b) => b.indexed.comparedTo(a.indexed) || a.year - b.year)
      .slice(0, COMPUTATION_YEARS)
      .map((r) => r.year),
  );
  const total = rows.filter((r) => best.has(r.year)).reduce((sum, r) => sum.plus(r.indexed), new Decimal(0));
  const aime = total
    .dividedBy(COMPUTATION_YEARS * 12)
    .floor()
    .toNumber();
  return {
    aime,
    indexingYear,
    years: rows.map((r) => ({ ...r, counted: best.has(r.year) })),
    assumptions: [...assumptions],
  };
}

/** Step 4: PIA in cents from AIME and the bend points of the eligibility year, truncated to the dime. */
export function computePiaCents(aime: number, eligibilityYear: number, tables: SocialSecurityTables): number {
  const bend = yearlyValue(tables.bendPoints, eligibilityYear, "bend points").value;
  return piaCentsFromBendPoints(aime, bend);
}

export function piaCentsFromBendPoints(aime: number, [bend1, bend2]: readonly [number, number]): number {
  const first = Math.min(aime, bend1);
  const second = Math.max(0, Math.min(aime, bend2) - bend1);
  const third = Math.max(0, aime - bend2);
  // 90% of a dollar is 90 cents: the sum is exact in integer cents.
  const cents = 90 * first + 32 * second + 15 * third;
  return truncateToDime(cents);
}

export function truncateToDime(cents: number): number {
  return Math.floor(cents / 10) * 10;
}

/** Step 5 for one COLA: new PIA = PIA × (1 + pct/100), truncated to the dime. */
export function applyColaCents(piaCents: number, colaPercent: Decimal): number {
  const raised = new Decimal(piaCents).times(colaPercent.dividedBy(100).plus(1));
  return truncateToDime(raised.floor().toNumber());
}

/** PIA raised by every published COLA effective from `eligibilityYear` through `throughYear`. */
export function piaWithColasCents(
  piaCents: number,
  eligibilityYear: number,
  throughYear: number,
  tables: SocialSecurityTables,
): number {
  let cents = piaCents;
  for (let year = eligibilityYear; year <= throughYear; year++) {
    const pct = tables.colaPercent.get(year);
    if (pct !== undefined) cents = applyColaCents(cents, pct);
  }
  return cents;
}

/** An exact rational number with bigint parts, so monthly percentages like 5/9 of 1% never round early. */
interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

function monthlyRatio(rate: MonthlyPercentFraction, months: number): Ratio {
  return { n: BigInt(rate.numerator) * BigInt(months), d: BigInt(rate.denominator) * 100n };
}

function addRatios(a: Ratio, b: Ratio): Ratio {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** cents × (1 + signed adjustment), truncated to the dime, exact. */
function adjustCents(cents: number, adjustment: Ratio, sign: 1n | -1n): number {
  const numerator = BigInt(cents) * (adjustment.d + sign * adjustment.n);
  const exact = numerator / adjustment.d; // bigint division truncates toward zero; values are positive
  return truncateToDime(Number(exact));
}

/** The early-claiming reduction for `monthsEarly` months (worker or spouse rates). */
export function earlyReduction(
  monthsEarly: number,
  rates: { first36: MonthlyPercentFraction; beyond36: MonthlyPercentFraction },
): Ratio {
  const first = monthlyRatio(rates.first36, Math.min(monthsEarly, 36));
  const beyond = monthlyRatio(rates.beyond36, Math.max(0, monthsEarly - 36));
  return addRatios(first, beyond);
}

/** Fraction of the PIA removed (negative) or added (positive) at a claim age, as a decimal for display. */
export function claimAdjustmentFraction(ratio: Ratio, sign: 1 | -1): number {
  return (sign * Number(ratio.n)) / Number(ratio.d);
}

export interface ClaimAdjustment {
  /** Monthly benefit before the dollar truncation, in cents (dime-truncated). */
  readonly cents: number;
  /** Signed adjustment: −0.30 for 60 months early, +0.24 for 36 months of credits. */
  readonly adjustment: number;
}

/**
 * Step 6: the worker's monthly amount at a claim age. `piaCents` already carries the COLAs up to
 * the year before the claim; `drc` is the birth-year credit rate (null before 1917: not verified).
 */
export function adjustForClaimAge(
  piaCents: number,
  claimAgeMonths: number,
  fraMonths: number,
  drc: MonthlyPercentFraction | null,
  tables: SocialSecurityTables,
): ClaimAdjustment {
  if (claimAgeMonths < fraMonths) {
    const ratio = earlyReduction(fraMonths - claimAgeMonths, tables.earlyReduction.worker);
    return { cents: adjustCents(piaCents, ratio, -1n), adjustment: claimAdjustmentFraction(ratio, -1) };
  }
  const creditMonths = Math.min(claimAgeMonths, LATEST_CREDIT_MONTHS) - fraMonths;
  if (creditMonths === 0) return { cents: truncateToDime(piaCents), adjustment: 0 };
  if (drc === null)
    throw new MissingReferenceDataError("delayed retirement credit rate not verified for this birth year");
  const ratio = monthlyRatio(drc, creditMonths);
  return { cents: adjustCents(piaCents, ratio, 1n), adjustment: claimAdjustmentFraction(ratio, 1) };
}

/** Birth year for SSA tables: the year of the day before the birthday. */
export function ssaBirthYear(birthDate: CalendarDate): number {
  return previousDay(birthDate).year;
}

export function firstEligibilityYear(birthDate: CalendarDate): number {
  return ssaBirthYear(birthDate) + 62;
}

export function fullRetirementAgeMonths(birthDate: CalendarDate, tables: SocialSecurityTables): number {
  return rowForBirthYear(tables.fullRetirementAge, ssaBirthYear(birthDate), "full retirement age").months;
}

/** Calendar year in which the worker reaches `ageMonths` (ages attained the day before the birthday). */
export function yearAtAge(birthDate: CalendarDate, ageMonths: number): number {
  const attained = previousDay(birthDate);
  return Math.floor((attained.year * 12 + attained.month - 1 + ageMonths) / 12);
}

export function validateClaimAge(claimAgeMonths: number, field: string): void {
  if (
    !Number.isInteger(claimAgeMonths) ||
    claimAgeMonths < EARLIEST_CLAIM_MONTHS ||
    claimAgeMonths > LATEST_CREDIT_MONTHS
  ) {
    throw new ValidationError(field, "claim age must be between 62 and 70, in whole months");
  }
}

export interface BenefitAtAge {
  readonly claimAgeMonths: number;
  readonly claimYear: number;
  /** PIA with the COLAs effective before the claim year, in today's dollars beyond the last COLA. */
  readonly piaAtClaim: Money;
  readonly adjustment: number;
  /** Monthly benefit, truncated to the dollar. */
  readonly monthly: Money;
}

export interface SpousalInput {
  readonly birthDate: CalendarDate;
  readonly claimAgeMonths: number;
  /** The spouse's own PIA; the spousal benefit is only the excess of half the worker's PIA over it. */
  readonly ownPia: Money;
}

export interface SpousalBenefit {
  readonly claimAgeMonths: number;
  readonly fullRetirementAgeMonths: number;
  /** Half the worker's PIA less the spouse's own PIA, before any reduction. */
  readonly excessAtFra: Money;
  readonly adjustment: number;
  readonly monthly: Money;
}

export interface SocialSecurityEstimate {
  readonly eligibilityYear: number;
  readonly indexingYear: number;
  readonly fullRetirementAgeMonths: number;
  readonly aime: number;
  /** PIA at first eligibility, before any COLA. */
  readonly pia: Money;
  readonly at62: BenefitAtAge;
  readonly atFullRetirementAge: BenefitAtAge;
  readonly at70: BenefitAtAge;
  readonly atClaimAge: BenefitAtAge;
  /** The benefit at each whole age from 62 to 70, for a claiming chart. */
  readonly byAge: readonly BenefitAtAge[];
  readonly spousal: SpousalBenefit | null;
  readonly earnings: readonly IndexedEarningsYear[];
  readonly assumptions: readonly string[];
}

export interface EstimateInput {
  readonly birthDate: CalendarDate;
  readonly earnings: readonly EarningsYear[];
  readonly claimAgeMonths: number;
  readonly spouse?: SpousalInput;
}

function centsToMoney(cents: number): Money {
  return Money.fromCents(BigInt(cents));
}

/** Everything the `ss` command shows: AIME, PIA, and the benefit at 62, FRA, 70 and the chosen age. */
export function estimateSocialSecurity(
  input: EstimateInput,
  tables: SocialSecurityTables,
): SocialSecurityEstimate {
  validateClaimAge(input.claimAgeMonths, "claim_age");
  const eligibilityYear = firstEligibilityYear(input.birthDate);
  const fraMonths = fullRetirementAgeMonths(input.birthDate, tables);
  const drc = rowForBirthYear(
    tables.delayedCredit,
    ssaBirthYear(input.birthDate),
    "delayed credit rate",
  ).monthly;
  const aime = computeAime(input.earnings, eligibilityYear, tables);
  const bend = yearlyValue(tables.bendPoints, eligibilityYear, "bend points");
  const assumptions = [...aime.assumptions];
  if (bend.projected) {
    assumptions.push(
      `bend points for ${eligibilityYear} not published; ${bend.year}'s used (today's dollars)`,
    );
  }
  const piaCents = piaCentsFromBendPoints(aime.aime, bend.value);
  const lastCola = Math.max(...tables.colaPercent.keys());

  const benefitAt = (claimAgeMonths: number): BenefitAtAge => {
    const claimYear = yearAtAge(input.birthDate, claimAgeMonths);
    const withColas = piaWithColasCents(piaCents, eligibilityYear, claimYear - 1, tables);
    const adjusted = adjustForClaimAge(withColas, claimAgeMonths, fraMonths, drc, tables);
    return {
      claimAgeMonths,
      claimYear,
      piaAtClaim: centsToMoney(withColas),
      adjustment: adjusted.adjustment,
      monthly: centsToMoney(Math.floor(adjusted.cents / 100) * 100),
    };
  };

  const atClaimAge = benefitAt(input.claimAgeMonths);
  if (atClaimAge.claimYear - 1 > lastCola) {
    assumptions.push(
      `no COLA after the one effective December ${lastCola}: later amounts are in today's dollars`,
    );
  }
  return {
    eligibilityYear,
    indexingYear: aime.indexingYear,
    fullRetirementAgeMonths: fraMonths,
    aime: aime.aime,
    pia: centsToMoney(piaCents),
    at62: benefitAt(EARLIEST_CLAIM_MONTHS),
    atFullRetirementAge: benefitAt(fraMonths),
    at70: benefitAt(LATEST_CREDIT_MONTHS),
    atClaimAge,
    byAge: Array.from({ length: 9 }, (_, k) => benefitAt((62 + k) * 12)),
    spousal: input.spouse ? spousalBenefit(piaCents, eligibilityYear, input.spouse, tables) : null,
    earnings: aime.years,
    assumptions,
  };
}

/**
 * Spousal benefit: up to 50% of the worker's PIA (with COLAs to the spouse's claim year) at the
 * spouse's full retirement age, less the spouse's own PIA; reduced by 25/36 of 1% per month for
 * the first 36 months early and 5/12 of 1% beyond; no delayed credits. Truncated to the dime,
 * then the dollar. It assumes the worker has filed by then (a spousal benefit needs that).
 */
export function spousalBenefit(
  workerPiaCents: number,
  workerEligibilityYear: number,
  spouse: SpousalInput,
  tables: SocialSecurityTables,
): SpousalBenefit {
  validateClaimAge(spouse.claimAgeMonths, "spouse_claim_age");
  const fraMonths = fullRetirementAgeMonths(spouse.birthDate, tables);
  const claimYear = yearAtAge(spouse.birthDate, spouse.claimAgeMonths);
  const workerPia = piaWithColasCents(workerPiaCents, workerEligibilityYear, claimYear - 1, tables);
  const half = truncateToDime(Math.floor(workerPia / 2));
  const excess = Math.max(0, half - Number(spouse.ownPia.cents));
  let cents = truncateToDime(excess);
  let adjustment = 0;
  if (spouse.claimAgeMonths < fraMonths) {
    const ratio = earlyReduction(fraMonths - spouse.claimAgeMonths, tables.earlyReduction.spouse);
    cents = adjustCents(excess, ratio, -1n);
    adjustment = claimAdjustmentFraction(ratio, -1);
  }
  return {
    claimAgeMonths: spouse.claimAgeMonths,
    fullRetirementAgeMonths: fraMonths,
    excessAtFra: centsToMoney(excess),
    adjustment,
    monthly: centsToMoney(Math.floor(cents / 100) * 100),
  };
}
