/* Search folding: NFKC + Unicode case folding (libunistring), with a map
 * from folded bytes back to the original text so a hit can be highlighted
 * exactly even where folding changes the length. */
#ifndef DOSSIER_FOLD_H
#define DOSSIER_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Where a run of folded bytes comes from.  A run is either an identity run
 * (folded and original have the same length, byte for byte offsets agree)
 * or one grapheme cluster whose folded form has another length or puts its
 * characters at other offsets ("ß" folds to "ss"). */
struct fold_anchor {
	const char *orig;          /* original bytes at the run's start */
	uint32_t fpos;             /* folded offset of the run's start */
	uint32_t olen;             /* 0: identity run; else the cluster's length */
};

struct fold_buf {
	char *s;                   /* folded bytes */
	size_t n, cap;
	struct fold_anchor *a;
	size_t na, acap;
	int oom;
};

/* Appends the folding of s[0..n) to fb.  Invalid bytes are dropped. */
void fold_append(struct fold_buf *fb, const char *s, size_t n);
/* Maps the folded range [f, f+len) back to original bytes. */
void fold_to_orig(const struct fold_buf *fb, size_t f, size_t len,
    const char **start, const char **end);
/* The same for offsets visited in increasing order: *hint (0 at first)
 * remembers where the last one was found, so each costs about the number
 * of anchors passed since. */
void fold_to_orig_from(const struct fold_buf *fb, size_t *hint, size_t f,
    size_t len, const char **start, const char **end);
/* Folds s[0..n) into a malloc'd NUL-terminated string (for queries). */
char *fold_string(const char *s, size_t n, size_t *outlen);
void fold_free(struct fold_buf *fb);

#endif
