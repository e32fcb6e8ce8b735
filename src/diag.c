/* Collects load errors with their position. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "escape.h"

void
diag_init(struct diag *d, const char *file)
{
	memset(d, 0, sizeof *d);
	d->file = file;
}

/* "FILE:LINE: body", or "FILE: body" without a line, with the file's name
 * and the body (values quoted from the file) through the sanitiser: a
 * message never carries a control character to the terminal. */
static char *
compose(const char *file, unsigned long line, const char *body)
{
	size_t fn = esc_format(NULL, 0, file, strlen(file));
	size_t bn = esc_format(NULL, 0, body, strlen(body));
	size_t need = fn + bn + 32, k;
	char *m = malloc(need);

	if (!m)
		return NULL;
	esc_format(m, fn + 1, file, strlen(file));
	k = fn + (size_t)(line ? snprintf(m + fn, 32, ":%lu: ", line) : snprintf(m + fn, 32, ": "));
	esc_format(m + k, need - k, body, strlen(body));
	return m;
}

void
diag_error(struct diag *d, unsigned long line, const char *fmt, ...)
{
	char body[512];
	va_list ap;

	d->count++;
	if (d->count > DIAG_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(body, sizeof body, fmt, ap);
	va_end(ap);
	d->msg[d->count - 1] = compose(d->file, line, body);
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
