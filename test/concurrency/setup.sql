-- test/concurrency/setup.sql — after the seed forms: give every form at
-- least three 资金分配 rows (the new rows are 0 / 0, so every form still
-- adds up) for the balanced writers to move amounts between.
BEGIN;
INSERT INTO perfbudget.expenditure (project_id, line_no, item, half_year, annual)
SELECT p.id, n, '调剂' || n, 0, 0
FROM perfbudget.project p CROSS JOIN generate_series(2, 3) AS n
WHERE NOT EXISTS (SELECT FROM perfbudget.expenditure e WHERE e.project_id = p.id AND e.line_no = n);
COMMIT;
