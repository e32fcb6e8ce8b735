/* A view over a loaded dossier for the view layer's unit tests, driven
 * by keys as the screen hands them over. */
#ifndef DOSSIER_TESTS_VIEW_FIXTURE_H
#define DOSSIER_TESTS_VIEW_FIXTURE_H

#include "view.h"

/* A view of d at rows x cols; the test fails if it cannot be made. */
struct view *open_view(struct dossier *d, int rows, int cols);
void close_view(struct view *);
/* Each byte a key, looked up in the scope the screen would use; after m
 * or ' the next byte is the mark's letter. */
void keys(struct view *, const char *s);

#endif
