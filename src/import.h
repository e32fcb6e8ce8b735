/* dossier --import: an article (plain text or HTML) to a dossier, or
 * added to an existing one.  See IMPORTING in dossier(1). */
#ifndef DOSSIER_IMPORT_H
#define DOSSIER_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "recwrite.h"

struct import_opts {
	const char *article;       /* the article's path */
	const char *into;          /* the dossier to add it to, or NULL */
	const char *out;           /* where to write, or NULL: standard output */
	bool has_published;
	struct ds_date published;  /* --published */
};

/* Runs the import; messages go to err.  Returns the exit status: 0; 64
 * for a bad request; 65 when the article or the dossier is bad data; 66
 * when one cannot be read; 70 when memory runs out or the result would
 * not pass --check; 73 when the output cannot be written. */
int import_run(const struct import_opts *, FILE *err);

/* The dossier text itself, for the tests: the article's bytes
 * buf[0..n) (named name) into out.  Returns 0 or an exit status as
 * import_run, with the message in err. */
int import_buffer(const struct import_opts *, const char *name, const char *buf,
    size_t n, struct rw_buf *out, FILE *err);

#endif
