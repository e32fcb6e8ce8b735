/* Where the reader's own notes and places are in the dossier as it is
 * now: by paragraph id, else (the paragraph was renamed or rewritten
 * around them) by the quoted words, else nowhere: orphaned, but kept. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "state_anchor.h"

int
state_open_dossier(struct state *st, const char *dir, const struct dossier *d,
    bool readonly)
{
	char *sd = state_dir_default(dir);
	int rc = state_open(st, sd, d->path, d->rf.data, d->rf.size, readonly);

	free(sd);
	return rc;
}

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

long
state_offset_resolve(const struct dossier *d, const char *para, size_t offset,
    size_t *out)
{
	long p = state_para_index(d, para);

	*out = 0;
	if (p < 0)
		return -1;
	const struct ds_str *t = &d->paras[p].text;
	size_t off = offset < t->n ? offset : t->n;
	/* The text may have changed under the offset: back to a character. */
	while (off > 0 && off < t->n && ((unsigned char)t->s[off] & 0xc0) == 0x80)
		off--;
	*out = off;
	return p;
}

void
state_place_resolve(const struct dossier *d, const struct state_place *p,
    struct state_spot *out)
{
	out->para = state_offset_resolve(d, p->para, p->offset, &out->offset);
	out->event = p->event ? dossier_find(d, DS_EVENT, p->event, strlen(p->event)) : -1;
	out->person = p->person ? dossier_find(d, DS_PERSON, p->person, strlen(p->person)) : -1;
}

size_t
state_note_counts(const struct dossier *d, const struct state_data *sd, uint32_t *counts)
{
	size_t orphans = 0;

	memset(counts, 0, d->nparas * sizeof *counts);
	for (size_t i = 0; i < sd->nnotes; i++) {
		long p;
		if (sd->notes[i].deleted)
			continue;
		if (state_note_anchor(d, &sd->notes[i], &p) == ANCHOR_ORPHANED)
			orphans++;
		else
			counts[p]++;
	}
	return orphans;
}

struct order {
	long para;                 /* LONG_MAX: orphaned */
	state_time created;
	size_t note;
};

static int
by_place(const void *pa, const void *pb)
{
	const struct order *a = pa, *b = pb;

	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	if (a->created != b->created)
		return a->created < b->created ? -1 : 1;
	return (a->note > b->note) - (a->note < b->note);
}

long
state_notes_in_order(const struct dossier *d, const struct state_data *sd,
    const size_t *only, size_t nonly, size_t *out)
{
	size_t n = 0, m = only ? nonly : sd->nnotes;
	struct order *o = malloc((m + 1) * sizeof *o);

	if (!o)
		return -1;
	for (size_t k = 0; k < m; k++) {
		size_t i = only ? only[k] : k;
		long p;
		if (i >= sd->nnotes || sd->notes[i].deleted)
			continue;
		state_note_anchor(d, &sd->notes[i], &p);
		o[n++] = (struct order){ p >= 0 ? p : LONG_MAX, sd->notes[i].created, i };
	}
	qsort(o, n, sizeof *o, by_place);
	for (size_t k = 0; k < n; k++)
		out[k] = o[k].note;
	free(o);
	return (long)n;
}
