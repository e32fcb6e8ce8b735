/* What a piece of screen is, for the screen to colour: the view hands the
 * panes spans of text in these roles (mentions, notes, hits). */
#ifndef DOSSIER_ROLE_H
#define DOSSIER_ROLE_H

#include <stddef.h>

/* draw_attr() turns a role into colour or, without colour, into
 * bold/reverse/underline. */
enum role {
	R_NORMAL, R_BORDER, R_BORDER_FOCUS, R_TITLE, R_TITLE_FOCUS,
	R_SELECTED, R_SELECTED_DIM, R_PERSON, R_ORG, R_HIGHLIGHT, R_NOTE,
	R_HIT, R_CUR_HIT, R_READ, R_DATE, R_HEADING, R_STATUS, R_DIM,
	R_MYNOTE,                  /* the reader's own notes, apart from the dossier's */
	R_NROLES
};

/* A byte range of a string drawn in a role; later spans win. */
struct span {
	size_t off, len;
	enum role role;
};

#endif
