#include <config.h>
#include <stdio.h>
#include <unistd.h>
#include "cli.h"
#include "ui.h"

int
ui_preflight(const struct options *o)
{
	(void)o;
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fputs("dossier: standard output is not a terminal; use --check, --list or --search\n"
		    "Try 'dossier --help' for more information.\n", stderr);
		return EX_USAGE_;
	}
	return 0;
}

int
ui_run(struct dossier *d, const struct options *o)
{
	(void)d; (void)o;
	return 0;
}
