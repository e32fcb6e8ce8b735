/* Overlays on the screen: the ? help and the details window, as the view
 * holds them (overlay.h). */
#ifndef DOSSIER_POPUP_H
#define DOSSIER_POPUP_H

#include "view.h"

/* Draws the open overlay, if any, over the panes. */
void popup_draw(const struct view *);

#endif
