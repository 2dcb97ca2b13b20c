-- What plan adherence and goal progress are measured against, and the last measurement of each
-- goal (for its trend).

-- The savings rate the household agreed with its planner, as a decimal share of income.
CREATE TABLE plan_targets (
  household_id  uuid PRIMARY KEY REFERENCES households (id) ON DELETE CASCADE,
  savings_rate  numeric(9, 6) NOT NULL CHECK (savings_rate BETWEEN 0 AND 1),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Monthly budget per spending category (the column names of spending_categories).
CREATE TABLE category_budgets (
  household_id    uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  category        text NOT NULL,
  monthly_amount  numeric(14, 2) NOT NULL CHECK (monthly_amount >= 0),
  PRIMARY KEY (household_id, category)
);

-- Contributions actually made to a beneficiary's 529 account.
CREATE TABLE contributions_529 (
  id              uuid PRIMARY KEY,
  beneficiary_id  uuid NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
  contributed_on  date NOT NULL,
  amount          numeric(14, 2) NOT NULL CHECK (amount > 0)
);
CREATE INDEX contributions_529_beneficiary_date ON contributions_529 (beneficiary_id, contributed_on);

-- Progress toward a custom goal is entered by the planner.
ALTER TABLE goals ADD COLUMN current_amount numeric(14, 2);

-- The latest funded ratio per goal ('retirement', 'college' or a goal id).
CREATE TABLE goal_measurements (
  household_id  uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  goal_key      text NOT NULL,
  funded_ratio  numeric(14, 6) NOT NULL,
  measured_at   timestamptz NOT NULL,
  PRIMARY KEY (household_id, goal_key)
);
