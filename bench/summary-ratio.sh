#!/bin/bash
# bench/summary-ratio.sh — department_summary against two hand-written GROUP BYs
# (issue 9, point 4) in a database already loaded (e.g. the one bench/scale leaves):
# the money and indicator counts (as bench/scale), and the same with the issue counts.
# Three alternating rounds of EXPLAIN (ANALYZE, TIMING OFF), jit off; prints the ratios.
#   PGDATABASE=scale bench/summary-ratio.sh
Q1="SELECT * FROM perfbudget.department_summary"
Q2="SELECT p.budget_year, p.region, p.department, count(*) AS projects,
            sum(p.total), sum(p.fiscal_subtotal), sum(p.general_budget), sum(p.government_fund),
            sum(p.special_account), sum(p.state_capital), sum(p.social_insurance_fund), sum(p.carryover),
            sum(p.other_funds), sum(p.spend_half_year), sum(p.spend_annual),
            sum(i.n) AS indicators, sum(i.q) AS quantitative_indicators
          FROM perfbudget.project p
          LEFT JOIN (SELECT project_id, count(*) AS n,
                            count(*) FILTER (WHERE perfbudget.perf_symbol(annual_target) <> '定性') AS q
                     FROM perfbudget.indicator GROUP BY project_id) i ON i.project_id = p.id
          GROUP BY GROUPING SETS ((p.budget_year, p.region, p.department), (p.budget_year))"
Q3="SELECT p.budget_year, p.region, p.department, count(*) AS projects,
            sum(p.total), sum(p.fiscal_subtotal), sum(p.general_budget), sum(p.government_fund),
            sum(p.special_account), sum(p.state_capital), sum(p.social_insurance_fund), sum(p.carryover),
            sum(p.other_funds), sum(p.spend_half_year), sum(p.spend_annual),
            sum(i.n) AS indicators, sum(i.q) AS quantitative_indicators,
            sum(f.e) AS issues_error, sum(f.w) AS issues_warning
          FROM perfbudget.project p
          LEFT JOIN (SELECT project_id, count(*) AS n,
                            count(*) FILTER (WHERE perfbudget.perf_symbol(annual_target) <> '定性') AS q
                     FROM perfbudget.indicator GROUP BY project_id) i ON i.project_id = p.id
          LEFT JOIN (SELECT s.project_id, count(*) FILTER (WHERE r.severity = 'error') AS e,
                            count(*) FILTER (WHERE r.severity = 'warning') AS w
                     FROM perfbudget.issue_finding s JOIN perfbudget.issue_rule r ON r.code = s.code AND r.enabled
                     GROUP BY s.project_id) f ON f.project_id = p.id
          GROUP BY GROUPING SETS ((p.budget_year, p.region, p.department), (p.budget_year))"
t() { psql -X -At -c "SET jit = off" -c "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $1" | awk '/Planning Time|Execution Time/ {s += $3} END {printf "%.0f", s}'; }
echo "# $(date -u +%H:%M) load $(cut -d' ' -f1-3 /proc/loadavg); forms: $(psql -X -At -c 'SELECT count(*) FROM perfbudget.project')"
for r in 1 2 3; do
	a=$(t "$Q1"); b=$(t "$Q2"); c=$(t "$Q3")
	echo "rep $r: department_summary $a ms, hand GROUP BY $b ms, hand GROUP BY with issue counts $c ms; ratios $(echo "scale=2; $a/$b" | bc) / $(echo "scale=2; $a/$c" | bc)"
done
echo "# $(date -u +%H:%M) load $(cut -d' ' -f1-3 /proc/loadavg)"
