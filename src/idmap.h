/* Id -> index lookup for one record type (open addressing). */
#ifndef DOSSIER_IDMAP_H
#define DOSSIER_IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct idmap {
	uint64_t *slots;     /* hash << 32 | (index + 1), 0 = empty */
	size_t cap;          /* power of two */
};

/* A byte string that is not NUL-terminated, borrowed from the data file. */
struct ds_str { const char *s; size_t n; };

/* Room for n keys.  Returns 0, or -1 on allocation failure. */
int idmap_init(struct idmap *, size_t n);
/* Adds keys[k] (keys: borrowed, alive as long as the map); returns -1, or
 * the index of an equal key already present (k is then not added). */
long idmap_insert(struct idmap *, const struct ds_str *keys, size_t k);
/* Index of key, or -1. */
long idmap_find(const struct idmap *, const struct ds_str *keys, const char *s, size_t n);
/* Key k is now at index to[k] of keys (which the caller reorders). */
void idmap_renumber(struct idmap *, const uint32_t *to);
void idmap_free(struct idmap *);

#endif
