import type { Beneficiary } from "../../../web/src/api/college.ts";

/** Lucia Rivera as the API lists her in the demo data. */
export const LUCIA: Beneficiary = {
  id: "b1",
  name: "Lucia Rivera",
  birth_date: "2016-05-20",
  plan_id: "ny-529-direct",
  balance: "24000.00",
  monthly_contribution: "400.00",
};
