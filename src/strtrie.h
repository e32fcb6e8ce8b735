/* A trie of byte strings, built once: every string that starts at a place
 * of a text, found by walking from there as far as some string goes,
 * whatever their number.  The importer finds its names with it. */
#ifndef DOSSIER_STRTRIE_H
#define DOSSIER_STRTRIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idmap.h"

struct strtrie {
	uint64_t *key;             /* the edges: parent node and byte */
	uint32_t *child;           /* and the node each leads to */
	size_t nslots;
	size_t *term;              /* per node: the first string ending there */
	size_t *next;              /* per string: the next one ending there */
	size_t nnodes;
};

/* The trie of strs[0..n) (empty ones left out); 0, or -1 when memory
 * runs out. */
int strtrie_init(struct strtrie *, const struct ds_str *strs, size_t n);
/* Calls each(arg, at, i) for every string i that occurs in s[0..n) at
 * at, at after at, overlapping ones too; stops and returns false when
 * each does. */
bool strtrie_each(const struct strtrie *, const char *s, size_t n,
    bool (*each)(void *arg, size_t at, size_t i), void *arg);
void strtrie_free(struct strtrie *);

#endif
