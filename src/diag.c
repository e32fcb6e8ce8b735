/* Collects load errors with their position. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

void
diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = file;
}

void
diag_error(struct diag *d, unsigned long line, const char *fmt, ...)
{
	char body[512];
	va_list ap;
	size_t need;
	char *m;

	d->count++;
	if (d->count > DIAG_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(body, sizeof body, fmt, ap);
	va_end(ap);
	need = strlen(d->file) + strlen(body) + 32;
	m = malloc(need);
	if (!m)
		return;
	if (line)
		snprintf(m, need, "%s:%lu: %s", d->file, line, body);
	else
		snprintf(m, need, "%s: %s", d->file, body);
	d->msg[d->count - 1] = m;
}

int
diag_full(const struct diag *d)
{
	return d->count >= DIAG_MAX;
}

void
diag_truncate(struct diag *d, size_t n)
{
	for (size_t i = n; i < DIAG_MAX; i++) {
		free(d->msg[i]);
		d->msg[i] = NULL;
	}
	if (d->count > n)
		d->count = n;
}

void
diag_append(struct diag *d, struct diag *from)
{
	for (size_t i = 0; i < from->count; i++, d->count++)
		if (i < DIAG_MAX && d->count < DIAG_MAX) {
			d->msg[d->count] = from->msg[i];
			from->msg[i] = NULL;
		}
	diag_free(from);
}

void
diag_free(struct diag *d)
{
	for (size_t i = 0; i < DIAG_MAX; i++)
		free(d->msg[i]);
	memset(d->msg, 0, sizeof d->msg);
	d->count = 0;
}
