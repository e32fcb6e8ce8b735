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

/* Opens the state of d in dir as state_dir_default chooses it from dir
 * (the --state-dir option, "-" for --no-state, or NULL); see state_open. */
int state_open_dossier(struct state *st, const char *dir, const struct dossier *d,
    bool readonly);

/* The index of the paragraph with this id (NULL: none), or -1. */
long state_para_index(const struct dossier *d, const char *id);
/* Where note n belongs now; *para is the paragraph's index, or -1. */
enum state_anchor state_note_anchor(const struct dossier *d, const struct state_note *n,
    long *para);

/* A saved place against the dossier as it is now: model indexes, -1 for
 * what is not there (any more); the offset within the paragraph's text,
 * on the start of a character. */
struct state_spot {
	long para;
	size_t offset;
	long event, person;
};
void state_place_resolve(const struct dossier *d, const struct state_place *p,
    struct state_spot *out);
/* The same for a paragraph id and an offset (a mark). */
long state_offset_resolve(const struct dossier *d, const char *para, size_t offset,
    size_t *out);

/* The live notes of sd (all, or those whose indexes are only[0..nonly)
 * when only is not NULL) in reading order: by paragraph, then as made;
 * orphaned ones last.  Their indexes go to out (room for sd->nnotes);
 * returns how many, or -1 when memory runs out. */
long state_notes_in_order(const struct dossier *d, const struct state_data *sd,
    const size_t *only, size_t nonly, size_t *out);

/* counts[i] = the live own notes anchored in paragraph i (d->nparas of
 * them); returns the number of orphaned ones. */
size_t state_note_counts(const struct dossier *d, const struct state_data *sd,
    uint32_t *counts);

#endif
