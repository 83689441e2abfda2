/*
 * perf_date.c — dates in indicator cells: 2024年12月31日, 2023年底, 12月底,
 * 2024-12-31 / 2024.12.31 / 2024/12/31, and the day parts after a month.
 * Deadlines (前, 之前, 完成 …) are handled with the other suffixes in
 * perf_parse.c.
 *
 * Pure C, no allocation, no PostgreSQL.
 */
#include "perf_scan.h"

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
pb_month_days(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 31;
	if (month == 2)
		return (year == 0 || is_leap(year)) ? 29 : 28;
	return days[month - 1];
}

/* Read a 1–2 digit integer at p; returns digits read (0 if none). */
int
pb_small_int_at(const Scan *sc, size_t p, int *val)
{
	int			k = 0;

	*val = 0;
	while (k < 3 && is_digit_at(sc, p + k))
	{
		*val = *val * 10 + (sc->s[p + k] - '0');
		k++;
	}
	return (k >= 1 && k <= 2) ? k : 0;
}

bool
pb_set_day(Scan *sc, PbScalar *d, int day, size_t at)
{
	if (day < 1 || day > pb_month_days(d->year, d->month))
		return fail(sc, PB_ERR_SYNTAX, at, "the day does not exist in that month",
					"a real date such as 2024年12月31日");
	d->day = (uint8_t) day;
	return true;
}

bool
pb_set_month(Scan *sc, PbScalar *d, int month, size_t at)
{
	if (month < 1 || month > 12)
		return fail(sc, PB_ERR_SYNTAX, at, "the month is not between 1 and 12",
					"a month such as 12月");
	d->month = (uint8_t) month;
	return true;
}

/* After 'M月': a day (D日/号), 底/末 (month end), or nothing. */
bool
pb_scan_day_part(Scan *sc, PbScalar *d)
{
	size_t		p = skip_spaces(sc, sc->pos);
	int			day;
	int			k;

	if (LIT_AT(sc, p, "底") || LIT_AT(sc, p, "末"))
	{
		d->day = (uint8_t) pb_month_days(d->year, d->month);
		d->date_style = PB_DATE_MONTH_END;
		sc->pos = p + 3;
		return true;
	}
	k = pb_small_int_at(sc, p, &day);
	if (k > 0)
	{
		size_t		q = skip_spaces(sc, p + k);

		if (LIT_AT(sc, q, "日") || LIT_AT(sc, q, "号"))
		{
			if (!pb_set_day(sc, d, day, p))
				return false;
			sc->pos = q + 3;
			return true;
		}
		if (pb_ends_value_at(sc, p + k) && !LIT_AT(sc, p + k, " "))
		{
			if (!pb_set_day(sc, d, day, p))
				return false;
			sc->pos = p + k;
			return true;
		}
	}
	return true;
}

/* After 'YYYY年': 底/末, or M月 [day part], or nothing. */
bool
pb_scan_after_year(Scan *sc, PbScalar *d)
{
	size_t		p = skip_spaces(sc, sc->pos);
	int			month;
	int			k;

	if (LIT_AT(sc, p, "底") || LIT_AT(sc, p, "末"))
	{
		d->month = 12;
		d->day = 31;
		d->date_style = PB_DATE_YEAR_END;
		sc->pos = p + 3;
		return true;
	}
	k = pb_small_int_at(sc, p, &month);
	if (k > 0)
	{
		size_t		q = skip_spaces(sc, p + k);

		if (LIT_AT(sc, q, "月"))
		{
			if (!pb_set_month(sc, d, month, p))
				return false;
			sc->pos = q + 3;
			return pb_scan_day_part(sc, d);
		}
	}
	return true;
}

/*
 * 2024-12-31, 2024/12/31 or 2024.12.31 at p.  Returns 1 when read, 0 when
 * the text has another shape, -1 on an impossible month or day.
 */
int
pb_scan_numeric_date(Scan *sc, PbScalar *d, size_t p)
{
	int			year = 0;
	int			month;
	int			day;
	int			k1;
	int			k2;
	char		sep;

	for (int i = 0; i < 4; i++)
	{
		if (!is_digit_at(sc, p + i))
			return 0;
		year = year * 10 + (sc->s[p + i] - '0');
	}
	if (year < 1900 || year > 2199 || p + 4 >= sc->n)
		return 0;
	sep = ch(sc, p + 4);
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	k1 = pb_small_int_at(sc, p + 5, &month);
	if (k1 == 0 || p + 5 + k1 >= sc->n || sc->s[p + 5 + k1] != sep)
		return 0;
	k2 = pb_small_int_at(sc, p + 6 + k1, &day);
	if (k2 == 0)
		return 0;
	memset(d, 0, sizeof(*d));
	d->kind = PB_KIND_DATE;
	d->year = (int16_t) year;
	if (!pb_set_month(sc, d, month, p + 5) || !pb_set_day(sc, d, day, p + 6 + k1))
		return -1;
	sc->pos = p + 6 + k1 + k2;
	return 1;
}
