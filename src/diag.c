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

/* A message longer than the buffer is cut at a character's start, with
 * an ellipsis, and the quote it was cut in closed. */
static void
cut(char *body, size_t size)
{
	size_t n = size - sizeof "…'", quotes = 0;

	while (n > 0 && ((unsigned char)body[n] & 0xc0) == 0x80)
		n--;
	for (size_t i = 0; i < n; i++)
		quotes += body[i] == '\'';
	strcpy(body + n, quotes % 2 ? "…'" : "…");
}

/* "FILE:LINE:COL: body", "FILE:LINE: body" or "FILE: body", with the
 * file's name and the body (values quoted from the file) through the
 * sanitiser: a message never carries a control character to the terminal. */
static char *
compose(const char *file, unsigned long line, unsigned long col,
    const char *body)
{
	size_t fn = esc_format(NULL, 0, file, strlen(file));
	size_t bn = esc_format(NULL, 0, body, strlen(body));
	size_t need = fn + bn + 48, k;
	char *m = malloc(need);

	if (!m)
		return NULL;
	esc_format(m, fn + 1, file, strlen(file));
	if (line && col)
		k = fn + (size_t)snprintf(m + fn, 48, ":%lu:%lu: ", line, col);
	else if (line)
		k = fn + (size_t)snprintf(m + fn, 48, ":%lu: ", line);
	else
		k = fn + (size_t)snprintf(m + fn, 48, ": ");
	esc_format(m + k, need - k, body, strlen(body));
	return m;
}

static void add(struct diag *, unsigned long, unsigned long, const char *, va_list)
	__attribute__((format(printf, 4, 0)));

static void
add(struct diag *d, unsigned long line, unsigned long col, const char *fmt,
    va_list ap)
{
	char body[512];

	d->count++;
	if (d->count > DIAG_MAX)
		return;
	if ((size_t)vsnprintf(body, sizeof body, fmt, ap) >= sizeof body)
		cut(body, sizeof body);
	d->msg[d->count - 1] = compose(d->file, line, col, body);
}

void
diag_error(struct diag *d, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, line, 0, fmt, ap);
	va_end(ap);
}

void
diag_error_at(struct diag *d, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, line, col, fmt, ap);
	va_end(ap);
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
diag_print(const struct diag *d, FILE *out)
{
	for (size_t i = 0; i < d->count && i < DIAG_MAX; i++)
		if (d->msg[i])
			fprintf(out, "%s\n", d->msg[i]);
	if (d->count > DIAG_MAX) {
		esc_put(out, d->file, strlen(d->file));
		fprintf(out, ": %zu more errors not shown\n", d->count - DIAG_MAX);
	}
}

void
diag_free(struct diag *d)
{
	for (size_t i = 0; i < DIAG_MAX; i++)
		free(d->msg[i]);
	memset(d->msg, 0, sizeof d->msg);
	d->count = 0;
}
