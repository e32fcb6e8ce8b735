#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "bundled.h"
#include "diag.h"

int
load_bundled(struct dossier *d)
{
	return load_source_file(d, "data/meta-ai.rec");
}

int
load_source_file(struct dossier *d, const char *rel)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	struct diag dg;
	int rc;

	snprintf(path, sizeof path, "%s/%s", top ? top : BUILD_TOP_SRCDIR, rel);
	diag_init(&dg, path);
	rc = dossier_load(d, path, &dg);
	for (size_t i = 0; rc && i < dg.count && i < DIAG_MAX; i++)
		fprintf(stderr, "%s\n", dg.msg[i]);
	diag_free(&dg);
	return rc ? -1 : 0;
}
