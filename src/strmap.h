/* A set of strings that grows, each with a number: the importer's ids and
 * the names it finds, looked up once each instead of walked. */
#ifndef DOSSIER_STRMAP_H
#define DOSSIER_STRMAP_H

#include <stddef.h>

#include "idmap.h"

struct strmap {
	struct ds_str *keys;       /* borrowed: alive as long as the map */
	size_t *val;
	size_t n, cap;
	struct idmap set;
};

/* The index of s[0..n) in keys, or -1. */
long strmap_find(const struct strmap *, const char *s, size_t n);
/* Adds s[0..n), which is not there yet, with its number: its index, or -1
 * when memory runs out. */
long strmap_add(struct strmap *, const char *s, size_t n, size_t val);
/* Frees the map, not the strings. */
void strmap_free(struct strmap *);

#endif
