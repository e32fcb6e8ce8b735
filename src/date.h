/* ISO 8601 partial dates of events: 2023, 2023-02 or 2023-02-24. */
#ifndef DOSSIER_DATE_H
#define DOSSIER_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct ds_date {
	int year;
	int month;   /* 0 when absent */
	int day;     /* 0 when absent */
};

/* Parses s[0..n); false when malformed or impossible (2023-13, 2023-02-30). */
bool date_parse(const char *s, size_t n, struct ds_date *out);

/* Orders by period; a partial date sorts after the fuller dates in its
 * period (2023-05 before 2023, 2023-02-24 before 2023-02): a date known
 * only to its year is placed at the year's end, by which it had happened. */
int date_cmp(const struct ds_date *a, const struct ds_date *b);

enum date_precision { DATE_YEAR, DATE_MONTH, DATE_DAY };

enum date_precision date_precision(const struct ds_date *d);
/* Is inner within outer's period (2022-05 within 2022; a date within
 * itself)? */
bool date_within(const struct ds_date *inner, const struct ds_date *outer);

#endif
