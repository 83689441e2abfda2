-- test/concurrency/retotal.sql — a balanced pgbench transaction: raise or
-- lower a form's totals (income 资金总额, 财政拨款小计, 一般公共预算资金 and both
-- expenditure totals) together with one of its rows, by the same amount d.
-- A decrease is at most the row's half-year amount, so nothing goes below 0.
\set p random(1, 6)
\set k random(1, 3)
\set amt random(1, 500)
\set up random(0, 1)
BEGIN;
SELECT CASE WHEN :up = 1 THEN (:amt * 0.01) ELSE -least((:amt * 0.01), half_year) END AS d
FROM perfbudget.expenditure WHERE project_id = :p AND line_no = :k FOR UPDATE \gset
UPDATE perfbudget.expenditure SET half_year = half_year + (:d), annual = annual + (:d)
WHERE project_id = :p AND line_no = :k;
UPDATE perfbudget.project
SET total = total + (:d), fiscal_subtotal = fiscal_subtotal + (:d), general_budget = general_budget + (:d),
    spend_half_year = spend_half_year + (:d), spend_annual = spend_annual + (:d)
WHERE id = :p;
END;
