/* Error collection for loading: messages are "FILE:LINE: text", kept in
 * order, at most DIAG_MAX of them, like a compiler that gives up late. */
#ifndef DOSSIER_DIAG_H
#define DOSSIER_DIAG_H

#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX 20

struct diag {
	const char *file;
	size_t count;              /* errors reported, even past DIAG_MAX */
	char *msg[DIAG_MAX];
};

void diag_init(struct diag *, const char *file);
void diag_error(struct diag *, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with a column (from 1): "FILE:LINE:COL: text". */
void diag_error_at(struct diag *, unsigned long line, unsigned long col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* True once DIAG_MAX errors are in: callers stop scanning. */
int diag_full(const struct diag *);
/* Forgets the errors after the first n. */
void diag_truncate(struct diag *, size_t n);
/* Adds the errors of from (same file) after those of d, as if reported
 * to d in that order, and frees from. */
void diag_append(struct diag *, struct diag *from);
/* Writes the messages kept, one a line, and how many more there were. */
void diag_print(const struct diag *, FILE *out);
void diag_free(struct diag *);

#endif
