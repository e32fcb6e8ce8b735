/* Reloading the file while it is shown: where the reader was (selections,
 * filter, the article's paragraph) is found again in the new dossier by
 * ids.  No curses here: unit-tested. */
#ifndef DOSSIER_RELOAD_H
#define DOSSIER_RELOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "view.h"

/* A view's place, as indexes into the dossier it is found again in. */
struct view_place {
	enum pane focus;
	bool show_orgs;
	long filter;               /* person, or -1 (also when gone) */
	size_t event;              /* selected event, else the nearest before */
	size_t person, org;        /* the same for the people pane's lists */
	struct layout_opts lopts;  /* the zoom and the splits */
	struct art_pos art;        /* the article's place: its paragraph (or the
	                              one before, at its top, if it is gone) */
};

/* v's place, found in to (a reload of v->d's file). */
void view_place_find(const struct view *v, const struct dossier *to,
    struct view_place *pl);
/* Puts a fresh view (on the dossier pl was found in, its layout
 * computed) in place pl. */
void view_place_restore(struct view *v, const struct view_place *pl);

#endif
