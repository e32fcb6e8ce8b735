/* Where the reader's own notes and places are in the dossier as it is
 * now: by paragraph id, else (the paragraph was renamed or rewritten
 * around them) by the quoted words, else nowhere: orphaned, but kept. */
#include <config.h>

#include <string.h>

#include "state_anchor.h"

long
state_para_index(const struct dossier *d, const char *id)
{
	return id ? dossier_find(d, DS_PARAGRAPH, id, strlen(id)) : -1;
}

/* The one paragraph whose text holds quote, or -1 (none, or more than
 * one: the words do not say which). */
static long
find_quote(const struct dossier *d, const char *quote)
{
	size_t n = strlen(quote);
	long found = -1;

	if (n == 0)
		return -1;
	for (size_t i = 0; i < d->nparas; i++) {
		const struct ds_str *t = &d->paras[i].text;
		if (!memmem(t->s, t->n, quote, n))
			continue;
		if (found >= 0)
			return -1;
		found = (long)i;
	}
	return found;
}

enum state_anchor
state_note_anchor(const struct dossier *d, const struct state_note *n, long *para)
{
	*para = state_para_index(d, n->para);
	if (*para >= 0)
		return ANCHOR_PARAGRAPH;
	*para = n->quote ? find_quote(d, n->quote) : -1;
	return *para >= 0 ? ANCHOR_QUOTE : ANCHOR_ORPHANED;
}
