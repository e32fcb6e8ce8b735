/* What the command line asked for. */
#ifndef DOSSIER_OPTIONS_H
#define DOSSIER_OPTIONS_H

#include <stdbool.h>

enum mode { MODE_BROWSE, MODE_CHECK, MODE_LIST, MODE_SEARCH, MODE_IMPORT };

struct options {
	enum mode mode;
	const char *file;
	const char *arg;           /* --list WHAT, --search QUERY, --import ARTICLE */
	const char *published;     /* --published DATE */
	const char *output;        /* -o OUT */
	bool file_given;           /* -f or the operand, not the default */
	const char *state_dir;     /* --state-dir DIR, or NULL */
	bool no_state;             /* --no-state */
	bool no_mouse;             /* --no-mouse: the terminal keeps the mouse */
	bool from_top;             /* --from-top: not back to the saved place */
	int text;                  /* --text: the article's enum text_mode */
	int ambiwidth;             /* --ambiwidth: 1 single, 2 double, 0 not given */
};

#endif
