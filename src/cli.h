/* Non-interactive modes: --check, --list and --search. */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H

#include <stdio.h>

#include "dossier.h"

/* Exit statuses (sysexits). */
enum { EX_OK_ = 0, EX_NOMATCH = 1, EX_USAGE_ = 64, EX_DATAERR_ = 65,
	EX_NOINPUT_ = 66, EX_SOFTWARE_ = 70, EX_CONFIG_ = 78 };

int cli_check(const struct dossier *d, FILE *out);
/* what: people, orgs, events or paragraphs; returns 64 for anything else. */
int cli_list(const struct dossier *d, const char *what, FILE *out);
/* Returns 0 with hits, 1 without, 70 when memory runs out. */
int cli_search(const struct dossier *d, const char *query, FILE *out);

#endif
