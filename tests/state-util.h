/* Helpers shared by the tests of the reader's own state. */
#ifndef DOSSIER_STATE_UTIL_H
#define DOSSIER_STATE_UTIL_H

#include <stddef.h>

#include "state.h"

/* Every kind of record, with values that test the format: line breaks,
 * blanks at the start of a line, an empty quote, CJK, a tombstone. */
void sample_data(struct state_data *d);
/* cmocka assertions that a and b hold the same state. */
void assert_data_equal(const struct state_data *a, const struct state_data *b);

/* A fresh directory for this test program (removed at exit), and a path
 * in it. */
const char *tmp_dir(void);
void tmp_path(char *buf, size_t size, const char *name);
void write_bytes(const char *path, const char *buf, size_t len);
/* A malloc'd copy of the file's bytes (NUL-terminated), or NULL. */
char *read_bytes(const char *path, size_t *len);
/* Number of entries of dir whose names contain part. */
int count_files(const char *dir, const char *part);

#endif
