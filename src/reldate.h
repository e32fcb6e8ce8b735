/* Date expressions in an article's text, Chinese and English, resolved to
 * ISO 8601 partial dates: absolute ones (2022年5月, 18 April 2023),
 * relative to the publication date (去年底, 两个月前, last year) and
 * anaphoric ones (次年3月, 同年, that year), relative to the date resolved
 * last before them. */
#ifndef DOSSIER_RELDATE_H
#define DOSSIER_RELDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

enum rd_kind { RD_ABSOLUTE, RD_RELATIVE, RD_ANAPHORIC };

struct rd_match {
	size_t start, len;         /* the words, bytes of the text */
	enum rd_kind kind;
	bool resolved;             /* false: the date it depends on is unknown */
	struct ds_date date;       /* when resolved; as precise as the words */
};

struct rd_ctx {
	struct ds_date pub;        /* publication date; year 0 when unknown */
	struct ds_date last;       /* the date resolved last; year 0: none yet */
	bool lost;                 /* the date found last could not be resolved */
};

/* Publication date pub (may be NULL: unknown); no date seen yet. */
void reldate_init(struct rd_ctx *, const struct ds_date *pub);

/* The first date expression in s[from..n) (from on a character boundary),
 * resolved, into *m; ctx->last follows every date resolved.  After a date
 * that cannot be resolved, the anaphoric ones cannot either, until the
 * next one that can.  False when there is none. */
bool reldate_next(struct rd_ctx *, const char *s, size_t n, size_t from,
    struct rd_match *m);

/* Writes d as YYYY, YYYY-MM or YYYY-MM-DD into buf (at least 16 bytes). */
void reldate_format(const struct ds_date *d, char *buf);

#endif
