/* Search over everything a dossier shows: events (date and Title, as the
 * timeline shows them), people and organizations (Name, Latin, every
 * Alias, Role or Kind, Note) and paragraphs with their Gloss and the Text
 * of their notes (a note's segment is its paragraph's, field SF_NOTE, sub
 * its place in the paragraph's notes), in reading order: timeline, people,
 * organizations, article.
 * The folded text is built once, on first use (or ahead of it, a slice at a
 * time, by search_prepare); a query that extends the previous one only
 * re-checks the previous hits. */
#ifndef DOSSIER_SEARCH_H
#define DOSSIER_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier.h"
#include "fold.h"
#include "index.h"

enum search_field {
	SF_DATE, SF_WHEN, SF_TITLE, SF_TEXT, SF_NAME, SF_ALIAS, SF_ROLE, SF_NOTE,
	SF_GLOSS, SF_LATIN
};

/* One searchable string of one item. */
/* One per searchable string: 32 bytes, as there are millions of them in
 * a large dossier. */
struct search_seg {
	const char *orig;          /* the original string (borrowed) */
	uint32_t orig_n;           /* its length */
	uint32_t fstart, flen;     /* in the folded corpus */
	uint32_t item;             /* index in its kind's table */
	uint32_t anchor;           /* its first fold anchor (corpus.a) */
	uint8_t kind;              /* enum ds_kind */
	uint8_t field;             /* enum search_field */
	uint16_t sub;              /* which Alias */
};

/* The original string of a segment. */
static inline struct ds_str
search_seg_str(const struct search_seg *sg)
{
	return (struct ds_str){ sg->orig, sg->orig_n };
}

/* One hit: 8 bytes, as a frequent letter has over a million of them in
 * a large dossier, and the scan that finds them writes each.  Where it
 * lies in the original string is worked out when asked
 * (search_hit_span): the screen shows a handful at a time. */
struct search_hit {
	uint32_t seg;
	uint32_t fpos;             /* folded offset of the match, or SEARCH_BRIDGED */
};

/* A bridged hit (search_bridging): a mention, in a paragraph's text or
 * its English, of a person or organization the whole query names, written
 * in another of its forms (杨立昆 for the query LeCun).  No folded offset:
 * it is not a match of the query's text; its original bytes are kept
 * aside (struct search_span). */
#define SEARCH_BRIDGED UINT32_MAX

static inline bool
search_hit_bridged(const struct search_hit *h)
{
	return h->fpos == SEARCH_BRIDGED;
}

/* The original bytes of bridged hit number hit, which have no folded
 * text to be found from: few, so kept apart in the order of the hits. */
struct search_span {
	uint32_t hit;              /* its index in the hits */
	uint32_t off, len;         /* bytes within its string */
};

/* A person or organization whose Name, Latin name or an Alias folds to
 * the whole query. */
struct search_bridge {
	uint32_t seg;              /* that form's string */
	uint32_t who;              /* index in people or orgs */
	uint8_t kind;              /* DS_PERSON or DS_ORG */
};

#define SEARCH_SLICES 64

struct search {
	const struct dossier *d;
	bool built;
	struct fold_buf corpus;
	struct search_seg *segs;
	size_t nsegs, segcap;
	size_t build_next;         /* the next item to add to the corpus */
	/* Offsets in the corpus are 32 bits: a corpus that would pass
	 * max_corpus bytes (SEARCH_MAX_CORPUS; tests lower it) is not made,
	 * and every search fails with error set, as when memory runs out. */
	size_t max_corpus;
	const char *error;         /* why searching fails, or NULL */
	bool sampled;              /* freq is filled */
	uint32_t freq[256];        /* bytes in a sample of the corpus */
	uint16_t (*slice_freq)[256];   /* in each of its SEARCH_SLICES slices */
	/* The last query and its hits, for incremental narrowing. */
	char *query;
	size_t qlen;
	struct search_hit *hits;
	size_t nhits, hitcap;
	struct search_span *spans;     /* of the bridged hits, by hit */
	size_t nspans;
	/* A corpus of split_min bytes or more is scanned by two threads,
	 * a part each (search_init sets SEARCH_SPLIT_MIN; tests lower it to
	 * split small dossiers); split: the string where the second part of
	 * the last full scan began, 0 when one thread scanned it all. */
	size_t split_min;
	size_t split;
	/* Bridging (search_bridging): the index of mentions it looks in,
	 * borrowed or its own (own_ix, made when first needed), and the
	 * people and organizations the last query named. */
	bool bridging;
	struct index *ix, *own_ix;
	struct search_bridge *bridges;
	size_t nbridges, bridgecap;
};

#define SEARCH_SPLIT_MIN (4UL * 1024 * 1024)
#define SEARCH_MAX_CORPUS ((size_t)UINT32_MAX)

void search_init(struct search *, const struct dossier *);
/* Builds part of the folded corpus ahead of the first search, for about
 * budget_ms, so that the screen can do it while it waits for keys; true
 * once the corpus is complete (or failed: s->error).  search_run builds
 * whatever is left. */
bool search_prepare(struct search *, double budget_ms);
/* Runs query (UTF-8; invalid bytes ignored); returns the number of hits,
 * or -1 when no search can be made (s->error says why: memory ran out,
 * or the folded text is too large); never a part of the hits.  Hits stay
 * valid until the next run. */
long search_run(struct search *, const char *query, size_t n);
/* From the next search_run on, a query that is the whole of a form of
 * people or organizations also finds their mentions written in their
 * other forms, merged into the hits in reading order (search_bridge.c).
 * ix: the index of mentions to use, or NULL: one is made when a query
 * first needs it. */
void search_bridging(struct search *, struct index *ix);
/* The index of mentions bridging uses: the one given, or the search's
 * own, made on first use; NULL when memory runs out. */
struct index *search_index(struct search *);
/* Who bridged hit number hit is a mention of, and the form the query
 * matched; NULL for a hit of the query's text. */
const struct search_bridge *search_bridge_of(const struct search *, size_t hit);
/* Called by search_run: adds the bridged hits of the query; 0, or -1
 * when memory runs out. */
int search_add_bridged(struct search *);
const struct search_seg *search_seg_of(const struct search *, const struct search_hit *);
/* The original bytes of hit number hit: *off and *len within its
 * string (search_seg_str).  A hit of the query's text is mapped back
 * through the fold map then, a binary search in its string's anchors:
 * ask for the hits shown, not for all of them. */
void search_hit_span(const struct search *, size_t hit, size_t *off, size_t *len);
/* The same for a hit of the query's text, wherever it is kept (the
 * bridging's merge maps hits it has not placed yet). */
void search_text_span(const struct search *, const struct search_hit *,
    size_t *off, size_t *len);
/* Index of the first hit whose item comes at or after (kind, item) in
 * reading order, or nhits. */
size_t search_first_at(const struct search *, enum ds_kind kind, size_t item);
void search_free(struct search *);

#endif
