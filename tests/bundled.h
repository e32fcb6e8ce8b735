/* The bundled dossier for the unit tests: data/meta-ai.rec of the source
 * tree ($top_srcdir when make check sets it). */
#ifndef DOSSIER_TESTS_BUNDLED_H
#define DOSSIER_TESTS_BUNDLED_H

#include "dossier.h"

/* Loads it into d: 0, or its errors on stderr and -1. */
int load_bundled(struct dossier *d);
/* The same for another file of the source tree, such as
 * "tests/data/multi.rec". */
int load_source_file(struct dossier *d, const char *rel);

#endif
