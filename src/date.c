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

/* A missing part counts as past the last real one: 13 for a month, 32
 * for a day. */
int
date_cmp(const struct ds_date *a, const struct ds_date *b)
{
	int am = a->month ? a->month : 13, bm = b->month ? b->month : 13;
	int ad = a->day ? a->day : 32, bd = b->day ? b->day : 32;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (am != bm)
		return am < bm ? -1 : 1;
	if (ad != bd)
		return ad < bd ? -1 : 1;
	return 0;
}

enum date_precision
date_precision(const struct ds_date *d)
{
	return d->day ? DATE_DAY : d->month ? DATE_MONTH : DATE_YEAR;
}

bool
date_within(const struct ds_date *inner, const struct ds_date *outer)
{
	return inner->year == outer->year &&
	    (!outer->month || inner->month == outer->month) &&
	    (!outer->day || inner->day == outer->day);
}
