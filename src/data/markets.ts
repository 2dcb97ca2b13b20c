import { z } from "zod";
import type { MarketYear } from "../core/retirement/market-history.ts";
import { ReferenceDataError, readDataFile } from "./reference-files.ts";

const HEADER =
  "year,sp500_total_return,bond_10y_total_return,tbill_return,cpi_inflation,cash_proxy_return,source";
const decimalReturn = z.coerce.number().min(-1).max(5);
const row = z.object({
  year: z.coerce.number().int().min(1800).max(2200),
  stocks: decimalReturn,
  bonds: decimalReturn,
  inflation: z.coerce.number().min(-0.5).max(1),
});

/** The years 1928 on come from one source (Damodaran); earlier years are Shiller's (see data/markets/SOURCES.md). */
export const SINGLE_SOURCE_FIRST_YEAR = 1928;

/** Loads `data/markets/annual_returns.csv`, validating every row and that years are consecutive. */
export function loadMarketHistory(): MarketYear[] {
  const lines = readDataFile("markets/annual_returns.csv").trim().split(/\r?\n/);
  if (lines[0] !== HEADER) throw new ReferenceDataError("data/markets/annual_returns.csv: unexpected header");
  const years = lines.slice(1).map((line, index) => {
    const [year, stocks, bonds, , inflation] = line.split(",");
    const parsed = row.safeParse({ year, stocks, bonds, inflation });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReferenceDataError(
        `data/markets/annual_returns.csv line ${index + 2}: ${issue?.path.join(".")}: ${issue?.message}`,
      );
    }
    return parsed.data;
  });
  years.forEach((y, i) => {
    if (i > 0 && y.year !== years[i - 1]!.year + 1) {
      throw new ReferenceDataError(
        `data/markets/annual_returns.csv: year ${y.year} does not follow ${years[i - 1]!.year}`,
      );
    }
  });
  return years;
}
