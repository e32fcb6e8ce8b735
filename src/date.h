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

/* Orders by period; a partial date sorts before fuller dates in its period. */
int date_cmp(const struct ds_date *a, const struct ds_date *b);

#endif
