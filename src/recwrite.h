/* Writing rec text safely: a growing buffer, and fields whose values may
 * hold any text (newlines become '+' continuation lines, nothing is
 * written that the reader would take differently). */
#ifndef DOSSIER_RECWRITE_H
#define DOSSIER_RECWRITE_H

#include <stdbool.h>
#include <stddef.h>

struct rw_buf {
	char *s;                   /* NUL-terminated while !oom */
	size_t n, cap;
	bool oom;                  /* an allocation failed: the text is incomplete */
};

void rw_init(struct rw_buf *);
void rw_free(struct rw_buf *);
void rw_put(struct rw_buf *, const char *s, size_t n);
void rw_puts(struct rw_buf *, const char *s);
void rw_printf(struct rw_buf *, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "Name: value\n", with each newline of value[0..n) as a continuation
 * line.  Carriage returns and other control characters but the tab are
 * dropped (C1 ones too), and blanks at the start of the value (the reader would skip
 * them) too.  An empty value gives "Name:". */
void rw_field(struct rw_buf *, const char *name, const char *value, size_t n);
/* The same for a NUL-terminated value; NULL writes nothing. */
void rw_fields(struct rw_buf *, const char *name, const char *value);

#endif
