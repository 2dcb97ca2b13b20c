-- The API's JSON form of each roll-up month, built by the database when the month is written, so
-- that reading ten years of a household's months is one string concatenation instead of building
-- 120 JSON objects (with sixteen NUMERIC-to-text conversions each) on every request.

-- One definition of the month's JSON: amounts as exact NUMERIC text ("1234.50"), the month as
-- YYYY-MM-DD, the keys in column order. A new roll-up column needs a new version of this function.
CREATE FUNCTION spending_month_json(s spending_categories) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'month', to_char(s.month, 'YYYY-MM-DD'),
    'housing', s.housing::text,
    'transportation', s.transportation::text,
    'food_groceries', s.food_groceries::text,
    'food_dining', s.food_dining::text,
    'healthcare', s.healthcare::text,
    'insurance', s.insurance::text,
    'education', s.education::text,
    'childcare', s.childcare::text,
    'entertainment', s.entertainment::text,
    'travel', s.travel::text,
    'subscriptions', s.subscriptions::text,
    'debt_payments', s.debt_payments::text,
    'savings_contributions', s.savings_contributions::text,
    'investments', s.investments::text,
    'income', s.income::text,
    'uncategorized', s.uncategorized::text,
    'total_spending', s.total_spending::text
  )::text
$$;

-- Null only between a month's insert and the statement that fills it, inside one transaction.
ALTER TABLE spending_categories ADD COLUMN month_json text;
UPDATE spending_categories s SET month_json = spending_month_json(s);
