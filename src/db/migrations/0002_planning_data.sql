-- Spending, 529, retirement, goals, interactions and the event outbox.
-- Money is NUMERIC(14,2) everywhere; rates are NUMERIC(9,6).

CREATE TABLE import_batches (
  id            uuid PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  file_name     text NOT NULL,
  format        text NOT NULL,
  rows_read     integer NOT NULL,
  imported      integer NOT NULL,
  duplicates    integer NOT NULL,
  rejected      integer NOT NULL,
  report        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE transactions (
  id            uuid PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  batch_id      uuid REFERENCES import_batches (id) ON DELETE SET NULL,
  account       text NOT NULL,
  posted_on     date NOT NULL,
  description   text NOT NULL,
  amount        numeric(14, 2) NOT NULL,
  category      text NOT NULL,
  rule_id       text,
  mcc           text,
  -- OFX FITID, or a hash of the normalised row with its occurrence index: re-imports are no-ops.
  fingerprint   text NOT NULL,
  UNIQUE (household_id, fingerprint)
);
CREATE INDEX transactions_household_date ON transactions (household_id, posted_on);

-- A household's own categorization rules; `conditions` holds what must match (contains, regex,
-- account, min/max amount as decimal strings), all of them for the rule to apply.
CREATE TABLE category_rules (
  id            uuid PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  category      text NOT NULL,
  reason        text NOT NULL,
  conditions    jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX category_rules_household ON category_rules (household_id);

-- The monthly roll-up. Its key includes the month, as TimescaleDB requires of a hypertable.
CREATE TABLE spending_categories (
  household_id           uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  month                  date NOT NULL CHECK (extract(day FROM month) = 1),
  housing                numeric(14, 2) NOT NULL DEFAULT 0,
  transportation         numeric(14, 2) NOT NULL DEFAULT 0,
  food_groceries         numeric(14, 2) NOT NULL DEFAULT 0,
  food_dining            numeric(14, 2) NOT NULL DEFAULT 0,
  healthcare             numeric(14, 2) NOT NULL DEFAULT 0,
  insurance              numeric(14, 2) NOT NULL DEFAULT 0,
  education              numeric(14, 2) NOT NULL DEFAULT 0,
  childcare              numeric(14, 2) NOT NULL DEFAULT 0,
  entertainment          numeric(14, 2) NOT NULL DEFAULT 0,
  travel                 numeric(14, 2) NOT NULL DEFAULT 0,
  subscriptions          numeric(14, 2) NOT NULL DEFAULT 0,
  debt_payments          numeric(14, 2) NOT NULL DEFAULT 0,
  savings_contributions  numeric(14, 2) NOT NULL DEFAULT 0,
  investments            numeric(14, 2) NOT NULL DEFAULT 0,
  income                 numeric(14, 2) NOT NULL DEFAULT 0,
  -- Outflows no rule recognised: reported apart, never silently counted as spending.
  uncategorized          numeric(14, 2) NOT NULL DEFAULT 0,
  -- The twelve spending categories; savings and investments are not spending.
  total_spending numeric(14, 2) GENERATED ALWAYS AS (
    housing + transportation + food_groceries + food_dining + healthcare + insurance + education
    + childcare + entertainment + travel + subscriptions + debt_payments
  ) STORED,
  PRIMARY KEY (household_id, month)
);

-- TimescaleDB when the extension is installed on the server; plain PostgreSQL otherwise, with the
-- same queries (the primary key already indexes (household_id, month)).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    EXECUTE 'CREATE EXTENSION IF NOT EXISTS timescaledb';
    EXECUTE 'SELECT create_hypertable(''spending_categories'', ''month'', if_not_exists => TRUE, migrate_data => TRUE)';
  END IF;
END
$$;

CREATE TABLE spending_benchmarks (
  income_bracket  text NOT NULL,
  category        text NOT NULL,
  share_of_income numeric(9, 6) NOT NULL,
  survey_year     integer NOT NULL,
  source          text NOT NULL,
  PRIMARY KEY (income_bracket, category, survey_year)
);

CREATE TABLE plans_529 (
  plan_id     text PRIMARY KEY,
  state       char(2) NOT NULL,
  name        text NOT NULL,
  details     jsonb NOT NULL,
  as_of       text NOT NULL
);

-- Each plan's primary published glide path, one row per whole year to enrollment. Only the equity
-- share is published for every plan; how the rest splits between bonds and cash is not, so it is
-- not stored.
CREATE TABLE glide_paths_529 (
  plan_id              text NOT NULL REFERENCES plans_529 (plan_id) ON DELETE CASCADE,
  years_to_enrollment  integer NOT NULL CHECK (years_to_enrollment >= 0),
  path_id              text NOT NULL,
  portfolio            text NOT NULL,
  equity               numeric(9, 6) NOT NULL CHECK (equity BETWEEN 0 AND 1),
  source               text NOT NULL,
  PRIMARY KEY (plan_id, years_to_enrollment)
);

CREATE TABLE fund_list_versions (
  plan_id     text NOT NULL,
  version     integer NOT NULL,
  options     jsonb NOT NULL,
  source      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, version)
);

CREATE TABLE beneficiaries (
  id                    uuid PRIMARY KEY,
  household_id          uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  name                  text NOT NULL,
  birth_date            date NOT NULL,
  plan_id               text,
  balance               numeric(14, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  monthly_contribution  numeric(14, 2) NOT NULL DEFAULT 0 CHECK (monthly_contribution >= 0)
);
CREATE INDEX beneficiaries_household ON beneficiaries (household_id);

CREATE TABLE retirement_profiles (
  household_id          uuid PRIMARY KEY REFERENCES households (id) ON DELETE CASCADE,
  birth_date            date NOT NULL,
  retirement_age_months integer NOT NULL CHECK (retirement_age_months BETWEEN 480 AND 960),
  savings               numeric(14, 2) NOT NULL CHECK (savings >= 0),
  monthly_contribution  numeric(14, 2) NOT NULL CHECK (monthly_contribution >= 0),
  desired_income        numeric(14, 2) NOT NULL CHECK (desired_income >= 0),
  social_security       numeric(14, 2),
  salary                numeric(14, 2),
  expected_return       numeric(9, 6) NOT NULL,
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE earnings_histories (
  household_id  uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  year          integer NOT NULL,
  earnings      numeric(14, 2) NOT NULL CHECK (earnings >= 0),
  PRIMARY KEY (household_id, year)
);

CREATE TABLE goals (
  id            uuid PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('retirement', 'college', 'custom')),
  name          text NOT NULL,
  target_amount numeric(14, 2),
  target_date   date,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goals_household ON goals (household_id);

CREATE TABLE client_interactions (
  id                uuid PRIMARY KEY,
  household_id      uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  planner_id        uuid REFERENCES users (id) ON DELETE SET NULL,
  kind              text NOT NULL CHECK (kind IN ('meeting', 'message', 'login', 'document_view', 'task_done')),
  occurred_at       timestamptz NOT NULL,
  response_minutes  integer,
  details           jsonb
);
CREATE INDEX client_interactions_household_time ON client_interactions (household_id, occurred_at);

-- Transactional outbox: an event row is written in the same transaction as the change that
-- caused it; a relay publishes rows in id order per key and marks them sent.
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  event_id      uuid NOT NULL UNIQUE,
  topic         text NOT NULL,
  message_key   text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  sent_at       timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
