-- test/concurrency/move.sql — a balanced pgbench transaction: move amounts
-- between two 资金分配 rows of one form, in two statements (the form is out
-- of balance between them; the deferred check sees only the end).
-- x ≤ half(i) moves in the 半年 column, y ≥ x in the 全年 column, so both
-- rows keep 0 ≤ half ≤ annual.  The rows are locked in line order and the
-- project row only at COMMIT (by the trigger), the same order as every
-- other writer here, so the balanced writers do not deadlock each other.
\set p random(1, 6)
\set i random(1, 3)
\set amt random(1, 500)
\set amt2 random(1, 500)
BEGIN;
WITH locked AS (
    SELECT line_no, half_year, annual FROM perfbudget.expenditure
    WHERE project_id = :p AND line_no IN (:i, :i % 3 + 1) ORDER BY line_no FOR UPDATE)
SELECT least((:amt * 0.01), half_year) AS x,
       greatest(least((:amt * 0.01), half_year),
                least((:amt2 * 0.01), annual - half_year + least((:amt * 0.01), half_year))) AS y
FROM locked WHERE line_no = :i \gset
UPDATE perfbudget.expenditure SET half_year = half_year - :x, annual = annual - :y
WHERE project_id = :p AND line_no = :i;
UPDATE perfbudget.expenditure SET half_year = half_year + :x, annual = annual + :y
WHERE project_id = :p AND line_no = :i % 3 + 1;
END;
