/* Overlays: the ? help (from the key table) and the detail popup of the
 * selected event, person, organization or paragraph. */
#ifndef DOSSIER_POPUP_H
#define DOSSIER_POPUP_H

#include "view.h"

/* Whether the terminal has room for an overlay; one that cannot be seen
 * must not stay open and take the keys. */
bool popup_fits(const struct view *);
/* Draws the open overlay, if any, over the panes. */
void popup_draw(struct view *);
/* Handles a key while an overlay is open. */
void popup_key(struct view *, int code, bool is_key);

#endif
