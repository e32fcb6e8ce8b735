#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "bundled.h"
#include "diag.h"

int
load_bundled(struct dossier *d)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	struct diag dg;
	int rc;

	snprintf(path, sizeof path, "%s/data/meta-ai.rec", top ? top : BUILD_TOP_SRCDIR);
	diag_init(&dg, path);
	rc = dossier_load(d, path, &dg);
	for (size_t i = 0; rc && i < dg.count && i < DIAG_MAX; i++)
		fprintf(stderr, "%s\n", dg.msg[i]);
	diag_free(&dg);
	return rc ? -1 : 0;
}
