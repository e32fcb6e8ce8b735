/* Writing rec text safely: a growing buffer, and fields whose values may
 * hold any text (newlines become '+' continuation lines, nothing is
 * written that the reader would take differently). */
#ifndef DOSSIER_RECWRITE_H
#define DOSSIER_RECWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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

/* Where records of type go in rec text s[0..n) that ends with a newline:
 * after the last record of its last section, before the comments and
 * blank lines leading to the next section; *found tells whether it has
 * one (n otherwise). */
size_t rw_section_end(const char *s, size_t n, const char *type, bool *found);

/* Replaces the file path with s[0..n) at once: a temporary file beside
 * it, fsync, rename over it, fsync of the directory.  The mode of the old
 * file is kept.  Returns 0, or -1 with the reason on err (path is then as
 * it was). */
int rw_replace_file(const char *path, const char *s, size_t n, FILE *err);

/* Writes s[0..n) to fd whole, again after a short write or EINTR;
 * false with errno set on failure. */
bool rw_write_all(int fd, const char *s, size_t n);

/* "dossier: PATH: reason" on err, the path escaped as every message is. */
void rw_complain(FILE *err, const char *path, const char *reason);

#endif
