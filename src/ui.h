/* The screen: three linked panes over the model and index. */
#ifndef DOSSIER_UI_H
#define DOSSIER_UI_H

#include "dossier.h"
#include "index.h"
#include "options.h"

/* Checks, before any loading, that the screen can run here: stdout and
 * stdin are terminals, TERM names a known terminal.  Returns 0 or an exit
 * status after printing why not. */
int ui_preflight(const struct options *);
/* Runs the browser until the user quits; returns the exit status.  It
 * takes over ix: the index of d made by index_init, or all zero to have
 * it made here. */
int ui_run(struct dossier *, struct index *ix, const struct options *);

#endif
