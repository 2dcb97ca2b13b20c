import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors.ts";
import { runHistoricalBacktest } from "../../src/core/retirement/historical-backtest.ts";
import type { MarketYear } from "../../src/core/retirement/market-history.ts";
import { loadMarketHistory } from "../../src/data/markets.ts";

/** A tiny made-up market: every figure below can be checked by hand. */
const toyMarket: MarketYear[] = [
  { year: 2000, stocks: 0.1, bonds: 0.0, inflation: 0.1 },
  { year: 2001, stocks: -0.5, bonds: 0.0, inflation: 0.0 },
  { year: 2002, stocks: 0.2, bonds: 0.0, inflation: 0.0 },
];

describe("historical backtest mechanics on a hand-checkable market", () => {
  it("withdraws at the start of the year, grows the rest, and raises the withdrawal by last year's inflation", () => {
    const result = runHistoricalBacktest(toyMarket, {
      stockShare: 1,
      withdrawalRate: 0.1,
      years: 2,
      fromYear: 2000,
      toYear: 2001,
      initialBalance: 1000,
    });
    // 2000: (1000 − 100) × 1.1 = 990; withdrawal becomes 110. 2001: (990 − 110) × 0.5 = 440.
    expect(result.windows).toBe(1);
    expect(result.detail[0]!.endingBalance).toBeCloseTo(440, 10);
    expect(result.successRate).toBe(1);
  });

  it("fails a window when the balance cannot cover a withdrawal", () => {
    const result = runHistoricalBacktest(toyMarket, {
      stockShare: 1,
      withdrawalRate: 0.6,
      years: 2,
      fromYear: 2001,
      toYear: 2002,
      initialBalance: 1000,
    });
    // 2001: (1000 − 600) × 0.5 = 200 < 600 needed in 2002.
    expect(result.failedStartYears).toEqual([2001]);
    expect(result.detail[0]!.depletedIn).toBe(2002);
    expect(result.worstEndingBalance.toString()).toBe("0.00");
  });

  it("blends stocks and bonds rebalanced every year", () => {
    const result = runHistoricalBacktest(toyMarket, {
      stockShare: 0.5,
      withdrawalRate: 0,
      years: 3,
      fromYear: 2000,
      toYear: 2002,
      initialBalance: 100,
    });
    expect(result.detail[0]!.endingBalance).toBeCloseTo(100 * 1.05 * 0.75 * 1.1, 10);
  });

  it("counts every start year whose whole window fits in the range", () => {
    const history = loadMarketHistory();
    const result = runHistoricalBacktest(history, {
      stockShare: 0.6,
      withdrawalRate: 0.04,
      years: 30,
      fromYear: 1928,
      toYear: 2024,
      initialBalance: 1_000_000,
    });
    expect(result.windows).toBe(2024 - 1928 + 1 - 30 + 1);
    expect(result.detail[0]!.startYear).toBe(1928);
    expect(result.detail.at(-1)!.startYear).toBe(1995);
  });

  it.each([
    [{ fromYear: 1800 }, "from"],
    [{ toYear: 2099 }, "to"],
    [{ fromYear: 2000, toYear: 2010 }, "years"],
  ])("rejects a range outside the data: %j names %s", (range, field) => {
    const run = () =>
      runHistoricalBacktest(loadMarketHistory(), {
        stockShare: 0.6,
        withdrawalRate: 0.04,
        years: 30,
        fromYear: 1928,
        toYear: 2024,
        initialBalance: 1,
        ...range,
      });
    expect(run).toThrow(ValidationError);
    try {
      run();
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
  });
});
