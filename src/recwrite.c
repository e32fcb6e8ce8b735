/* Rec text from any values: the one place that knows how a value must be
 * written for the reader (src/rec.c) to give it back unchanged. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recwrite.h"

void
rw_init(struct rw_buf *b)
{
	b->s = NULL;
	b->n = b->cap = 0;
	b->oom = false;
}

void
rw_free(struct rw_buf *b)
{
	free(b->s);
	rw_init(b);
}

static bool
reserve(struct rw_buf *b, size_t more)
{
	if (b->oom)
		return false;
	if (b->n + more + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + more + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = true;
			return false;
		}
		b->s = s;
		b->cap = cap;
	}
	return true;
}

void
rw_put(struct rw_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
rw_puts(struct rw_buf *b, const char *s)
{
	rw_put(b, s, strlen(s));
}

void
rw_printf(struct rw_buf *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || !reserve(b, (size_t)len)) {
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}

void
rw_field(struct rw_buf *b, const char *name, const char *v, size_t n)
{
	size_t i = 0;

	rw_puts(b, name);
	rw_put(b, ":", 1);
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	if (i < n)
		rw_put(b, " ", 1);
	for (; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '\n') {
			/* "+" alone for an empty line, "+ " before any other. */
			bool empty = i + 1 == n || v[i + 1] == '\n';
			rw_puts(b, empty ? "\n+" : "\n+ ");
		} else if (c == 0xc2 && i + 1 < n && (unsigned char)v[i + 1] >= 0x80 &&
		    (unsigned char)v[i + 1] <= 0x9f) {
			i++;   /* a C1 control, U+0080..U+009F: a terminal would obey it */
		} else if (c >= 0x20 && c != 0x7f) {
			rw_put(b, v + i, 1);
		} else if (c == '\t') {
			rw_put(b, "\t", 1);
		}
	}
	rw_put(b, "\n", 1);
}

void
rw_fields(struct rw_buf *b, const char *name, const char *value)
{
	if (value)
		rw_field(b, name, value, strlen(value));
}
