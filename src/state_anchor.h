/* The reader's own notes and places against the dossier's paragraphs. */
#ifndef DOSSIER_STATE_ANCHOR_H
#define DOSSIER_STATE_ANCHOR_H

#include "dossier.h"
#include "state.h"

enum state_anchor {
	ANCHOR_PARAGRAPH,          /* its paragraph is there */
	ANCHOR_QUOTE,              /* found by its quote in one other paragraph */
	ANCHOR_ORPHANED            /* neither: shown apart, never dropped */
};

/* The index of the paragraph with this id (NULL: none), or -1. */
long state_para_index(const struct dossier *d, const char *id);
/* Where note n belongs now; *para is the paragraph's index, or -1. */
enum state_anchor state_note_anchor(const struct dossier *d, const struct state_note *n,
    long *para);

#endif
