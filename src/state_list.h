/* The reader's own state from the command line. */
#ifndef DOSSIER_STATE_LIST_H
#define DOSSIER_STATE_LIST_H

#include <stdbool.h>
#include <stdio.h>

#include "dossier.h"
#include "options.h"
#include "state.h"

/* --list mynotes or marks (what): a row per live note, in reading order,
 * orphaned notes last; a row per mark.  Returns an exit status. */
int state_list(const struct dossier *d, const struct options *o, const char *what,
    FILE *out);

#endif
