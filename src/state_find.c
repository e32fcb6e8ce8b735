/* Search in the reader's own notes, folded as the dossier's search folds
 * (case, width, NFKC), so that one query finds both. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "state_find.h"

static bool
contains(const char *s, const char *fq, size_t fn)
{
	size_t n;
	char *f = s ? fold_string(s, strlen(s), &n) : NULL;
	bool hit = f && memmem(f, n, fq, fn) != NULL;

	free(f);
	return hit;
}

long
state_find_notes(const struct state_data *d, const char *query, size_t *out, size_t max)
{
	size_t fn, n = 0;
	char *fq = fold_string(query, strlen(query), &fn);

	if (!fq)
		return -1;
	for (size_t i = 0; i < d->nnotes && fn > 0; i++) {
		const struct state_note *note = &d->notes[i];
		if (note->deleted || !(contains(note->text, fq, fn) || contains(note->quote, fq, fn)))
			continue;
		if (n < max)
			out[n] = i;
		n++;
	}
	free(fq);
	return (long)n;
}
