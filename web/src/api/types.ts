/**
 * The parts of the API's JSON answers the dashboard reads. Money arrives as decimal strings
 * ("1234.56") and stays a string until Intl formats it; rates and ratios are decimals (0.05).
 */
export type Role = "client" | "planner" | "admin";

export interface User {
  id: string;
  email: string;
  role: Role;
  display_name: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Household {
  id: string;
  name: string;
  state: string;
  filing_status: string;
  annual_income: string | null;
}
