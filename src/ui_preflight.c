/* Checks made before loading anything: can a screen be drawn here?  Kept
 * apart because <term.h> defines macros (lines, columns) that clash with
 * ordinary names. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "ui.h"

int
ui_preflight(const struct options *o)
{
	const char *term = getenv("TERM");
	int err = 0;

	(void)o;
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fputs("dossier: not a terminal: use --check, --list or --search in scripts\n"
		    "Try 'dossier --help' for more information.\n", stderr);
		return EX_USAGE_;
	}
	if (!term || !*term) {
		fputs("dossier: TERM is not set, so the screen cannot be drawn\n", stderr);
		return EX_CONFIG_;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fputs("dossier: unknown terminal type '", stderr);
		esc_put(stderr, term, strlen(term));
		fputs("' (no terminfo entry)\n", stderr);
		return EX_CONFIG_;
	}
	if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
		fputs("dossier: terminal '", stderr);
		esc_put(stderr, term, strlen(term));
		fputs("' cannot move the cursor; use --list or --search, or another TERM\n", stderr);
		del_curterm(cur_term);
		return EX_CONFIG_;
	}
	del_curterm(cur_term);
	return 0;
}

