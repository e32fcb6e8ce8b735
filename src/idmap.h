/* Id -> index lookup for one record type (open addressing). */
#ifndef DOSSIER_IDMAP_H
#define DOSSIER_IDMAP_H

#include <stddef.h>
#include <stdint.h>

/* A key's bytes, kept in the map's own arena. */
struct idmap_key { uint32_t off, len; };

struct idmap {
	uint64_t *slots;     /* hash << 32 | (index + 1), 0 = empty */
	size_t cap;          /* power of two */
	struct idmap_key *keys;   /* by index */
	size_t nkeys;        /* room in keys */
	char *arena;
	size_t arena_n, arena_cap;
};

/* A byte string that is not NUL-terminated, borrowed from the data file. */
struct ds_str { const char *s; size_t n; };

/* Room for n keys.  Returns 0, or -1 on allocation failure. */
int idmap_init(struct idmap *, size_t n);
/* Adds s[0..n) as the key of index k (< the n of idmap_init); returns -1,
 * or the index of an equal key already present (k is then not added), or
 * -2 when memory runs out. */
long idmap_insert(struct idmap *, const char *s, size_t n, size_t k);
/* Index of key, or -1. */
long idmap_find(const struct idmap *, const char *s, size_t n);
/* The key of index k is now the key of index to[k] (a permutation of
 * 0..n-1).  Returns 0, or -1 when memory runs out (the map unchanged). */
int idmap_renumber(struct idmap *, const uint32_t *to);
void idmap_free(struct idmap *);

#endif
