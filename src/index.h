/* What the screen asks quickly: the mentions of people and organizations in
 * each paragraph (every Name and Alias, the longest surface form winning
 * where two overlap) and the paragraphs that mention each of them.  Both are
 * computed on demand, per paragraph, and cached: opening a dossier costs
 * only building the table of surface forms. */
#ifndef DOSSIER_INDEX_H
#define DOSSIER_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier.h"

struct ds_mention {
	uint32_t off, len;         /* bytes in the paragraph text */
	uint32_t who;              /* index in people or orgs */
	uint8_t kind;              /* DS_PERSON or DS_ORG */
};

struct trie_node;
struct trie_info;

struct index {
	const struct dossier *d;
	struct trie_node *nodes;
	struct trie_info *info;    /* per node too */
	size_t nnodes, nodecap;
	int32_t root[256];         /* the root's children by byte, -1 none */
	struct mention_list {
		struct ds_mention *v;
		uint32_t n;
		bool done;
	} *para;                   /* per paragraph, filled on demand */
	struct ds_refs *paras_of[2]; /* per person / org: paragraphs, on demand */
	size_t prepared;           /* paragraphs on paras_of's lists so far */
	bool oom;
};

/* Returns 0, or -1 when memory runs out. */
int index_init(struct index *, const struct dossier *);
/* Mentions in paragraph p, in text order; NULL with *n = 0 if none. */
const struct ds_mention *index_mentions(struct index *, size_t p, size_t *n);
/* Finds the mentions of every paragraph ahead of index_paragraphs_of, for
 * about budget_ms (negative: to the end), so that the screen can do it
 * while it waits for keys; true once they are all known (or memory ran
 * out). */
bool index_prepare(struct index *, double budget_ms);
/* Paragraphs mentioning person or org who (kind DS_PERSON or DS_ORG), in
 * order.  The first call scans every paragraph once (what index_prepare
 * has not). */
const struct ds_refs *index_paragraphs_of(struct index *, enum ds_kind kind, size_t who);
/* Mentions of person or org who in one article. */
struct index_article_count {
	uint32_t article;
	uint32_t paras;            /* its paragraphs that mention who */
	uint32_t mentions;
};
/* Fills out[0..max) with the articles mentioning who, in article order,
 * and returns how many there are (more than max if out is short); -1
 * when memory runs out.  Looks at the paragraphs that hold the bytes of
 * one of who's forms, or once index_paragraphs_of has been called, at
 * those it found. */
long index_mentions_by_article(struct index *, enum ds_kind kind, size_t who,
    struct index_article_count *out, size_t max);
/* Where, at or after from, form stands in text as a word of its own (no
 * ASCII letter or digit on either side), if form is Latin (its first byte
 * an ASCII letter); else text.n.  How a paragraph's English is looked
 * through for the people and organizations its text mentions. */
size_t index_latin_at(struct ds_str text, struct ds_str form, size_t from);
void index_free(struct index *);

#endif
