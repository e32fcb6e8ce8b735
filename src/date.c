/* Partial ISO dates: parsing with calendar checks, and ordering. */
#include <config.h>

#include "date.h"

static int
digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

bool
date_parse(const char *s, size_t n, struct ds_date *out)
{
	struct ds_date d = { 0, 0, 0 };

	if (n != 4 && n != 7 && n != 10)
		return false;
	if (!digits(s, 4, &d.year))
		return false;
	if (n >= 7 && (s[4] != '-' || !digits(s + 5, 2, &d.month) ||
	    d.month < 1 || d.month > 12))
		return false;
	if (n == 10 && (s[7] != '-' || !digits(s + 8, 2, &d.day) ||
	    d.day < 1 || d.day > days_in_month(d.year, d.month)))
		return false;
	*out = d;
	return true;
}

int
date_cmp(const struct ds_date *a, const struct ds_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}
