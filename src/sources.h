/* How the screen names the articles of a dossier: an article's short
 * name, the tag of the articles that tell an event (a timeline row's
 * source), an article's byline.  Plain C over the model; every width
 * through src/text.c. */
#ifndef DOSSIER_SOURCES_H
#define DOSSIER_SOURCES_H

#include <stddef.h>

#include "dossier.h"

/* Article a's short name: its Source, else its Id. */
struct ds_str article_name(const struct dossier *, size_t a);

/* The tag of articles (an event's, in article order) in at most cols
 * columns: the first one's name, cut with an ellipsis if need be, then
 * "+N" for N others.  Written to buf (NUL-terminated, cut at a character
 * if size is short); returns its width in columns, 0 for no article. */
int source_tag(const struct dossier *, const struct ds_refs *articles, int cols,
    char *buf, size_t size);

/* Article a's byline: its Author, "ed." and its Editor, its Date and its
 * Source, those it has, separated by " · ".  Written to buf as
 * source_tag; returns its length in bytes. */
size_t article_byline(const struct dossier *, size_t a, char *buf, size_t size);

#endif
