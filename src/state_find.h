/* Search in the reader's own notes. */
#ifndef DOSSIER_STATE_FIND_H
#define DOSSIER_STATE_FIND_H

#include <stddef.h>

#include "state.h"

/* The live notes whose text or quote holds query, folded as the search
 * folds: their indexes in d->notes, the first max of them to out.
 * Returns how many there are (0 for an empty query), or -1 on ENOMEM. */
long state_find_notes(const struct state_data *d, const char *query, size_t *out,
    size_t max);

#endif
