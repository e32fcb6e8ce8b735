/* Mentions: every surface form in a byte trie made an Aho-Corasick
 * automaton, run once over a paragraph: at each byte the forms that end
 * there are the state's output links, longest first, so finding every
 * form costs about the paragraph's length, however long the forms are
 * (walking the trie from each character cost the length of the longest
 * match there, minutes for a long name repeated in the text).  The
 * longest form from each start is kept; overlapping candidates are then
 * settled longest first. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "index.h"

/* What building the trie walks, apart (12 bytes) from the rest of a
 * node, so that more of it is in the cache. */
struct trie_node {
	int32_t child;             /* first child, -1 none */
	int32_t sibling;           /* next sibling, -1 none */
	uint8_t byte;
};

struct trie_info {
	int32_t who;               /* form ending here: entity index, -1 none */
	int32_t fail;              /* longest proper suffix in the trie */
	int32_t out;               /* deepest node with a form on the fail
				    * chain, this one included; -1 none */
	uint32_t depth;            /* bytes from the root */
	uint8_t kind;
};

/* Of the forms that end at one place, the longest this many are taken:
 * this bounds the work per byte of the paragraph.  More end together
 * only when forms are suffixes of one another many times over, and the
 * shorter ones would be inside the longer ones' spans anyway. */
#define ENDING_TRIES 16

static int32_t
new_node(struct index *ix, uint8_t byte)
{
	if (ix->nnodes == ix->nodecap) {
		size_t cap = ix->nodecap ? ix->nodecap * 2 : 256;
		struct trie_node *nn = NULL;
		struct trie_info *ni = NULL;
		if (cap > INT32_MAX || !(nn = realloc(ix->nodes, cap * sizeof *nn)) ||
		    (ix->nodes = nn, !(ni = realloc(ix->info, cap * sizeof *ni)))) {
			ix->oom = true;
			return -1;
		}
		ix->info = ni;
		ix->nodecap = cap;
	}
	ix->nodes[ix->nnodes] = (struct trie_node){ -1, -1, byte };
	ix->info[ix->nnodes] = (struct trie_info){ -1, 0, -1, 0, 0 };
	return (int32_t)ix->nnodes++;
}

static int32_t
child_of(const struct index *ix, int32_t node, uint8_t byte)
{
	if (node == 0)
		return ix->root[byte];
	for (int32_t c = ix->nodes[node].child; c >= 0; c = ix->nodes[c].sibling)
		if (ix->nodes[c].byte == byte)
			return c;
	return -1;
}

/* child_of, moving the child found to the front of its siblings: the
 * next form inserted most likely shares the prefix (a name and its
 * aliases, or the same names again in another part of a large dossier),
 * and the order of siblings means nothing else. */
static int32_t
child_to_front(struct index *ix, int32_t node, uint8_t byte)
{
	int32_t prev = -1;

	if (node == 0)
		return ix->root[byte];
	for (int32_t c = ix->nodes[node].child; c >= 0; prev = c, c = ix->nodes[c].sibling) {
		if (ix->nodes[c].byte != byte)
			continue;
		if (prev >= 0) {
			ix->nodes[prev].sibling = ix->nodes[c].sibling;
			ix->nodes[c].sibling = ix->nodes[node].child;
			ix->nodes[node].child = c;
		}
		return c;
	}
	return -1;
}

static void
insert(struct index *ix, struct ds_str form, enum ds_kind kind, size_t who)
{
	int32_t node = 0;

	for (size_t i = 0; i < form.n && !ix->oom; i++) {
		uint8_t b = (uint8_t)form.s[i];
		int32_t c = child_to_front(ix, node, b);
		if (c < 0) {
			c = new_node(ix, b);
			if (c < 0)
				return;
			ix->nodes[c].sibling = ix->nodes[node].child;
			ix->info[c].depth = ix->info[node].depth + 1;
			ix->nodes[node].child = c;
			if (node == 0)
				ix->root[b] = c;
		}
		node = c;
	}
	/* The first entity to claim a form keeps it (people before orgs). */
	if (form.n && ix->info[node].who < 0) {
		ix->info[node].who = (int32_t)who;
		ix->info[node].kind = (uint8_t)kind;
	}
}

static void
insert_entities(struct index *ix, enum ds_kind kind, const struct ds_entity *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		insert(ix, e[i].name, kind, i);
		for (size_t a = 0; a < e[i].nalias; a++)
			insert(ix, e[i].alias[a], kind, i);
	}
}

/* The fail and out links, breadth first (a node's fail link is shallower
 * than it). */
static void
link_trie(struct index *ix)
{
	const struct trie_node *t = ix->nodes;
	struct trie_info *in = ix->info;
	int32_t *queue = malloc(ix->nnodes * sizeof *queue);
	size_t head = 0, tail = 0;

	if (!queue) {
		ix->oom = true;
		return;
	}
	queue[tail++] = 0;
	while (head < tail) {
		int32_t u = queue[head++];
		for (int32_t c = t[u].child; c >= 0; c = t[c].sibling) {
			int32_t f = in[u].fail, x = -1;
			if (u != 0)
				for (;;) {
					if ((x = child_of(ix, f, t[c].byte)) >= 0 || f == 0)
						break;
					f = in[f].fail;
				}
			in[c].fail = x >= 0 ? x : 0;
			in[c].out = in[c].who >= 0 ? c : in[in[c].fail].out;
			queue[tail++] = c;
		}
	}
	free(queue);
}

int
index_init(struct index *ix, const struct dossier *d)
{
	memset(ix, 0, sizeof *ix);
	ix->d = d;
	for (int b = 0; b < 256; b++)
		ix->root[b] = -1;
	new_node(ix, 0);
	insert_entities(ix, DS_PERSON, d->people, d->npeople);
	insert_entities(ix, DS_ORG, d->orgs, d->norgs);
	if (!ix->oom)
		link_trie(ix);
	ix->para = calloc(d->nparas ? d->nparas : 1, sizeof *ix->para);
	if (!ix->para)
		ix->oom = true;
	return ix->oom ? -1 : 0;
}

static bool
is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/* The state after byte b. */
static int32_t
step(const struct index *ix, int32_t state, uint8_t b)
{
	for (;;) {
		int32_t x = child_of(ix, state, b);
		if (x >= 0)
			return x;
		if (state == 0)
			return 0;
		state = ix->info[state].fail;
	}
}

/* Records in at[] (per start byte: the node of the longest form found
 * starting there, or -1) the forms that end at s[j], the automaton in
 * state there.  A Latin form must not sit inside a Latin word ("Meta" in
 * "Metaverse" is not a mention). */
static void
ending_at(const struct index *ix, const char *s, size_t n, size_t j, int32_t state,
    int32_t *at)
{
	const struct trie_info *in = ix->info;
	int32_t t = in[state].out;

	if (j + 1 < n && is_word((unsigned char)s[j]) && is_word((unsigned char)s[j + 1]))
		return;
	for (int tries = 0; t > 0 && tries < ENDING_TRIES; tries++) {
		size_t i = j + 1 - in[t].depth;
		/* Forms ending later are longer: the last one found wins. */
		if (!(i > 0 && is_word((unsigned char)s[i]) && is_word((unsigned char)s[i - 1])) &&
		    (at[i] < 0 || in[at[i]].depth < in[t].depth))
			at[i] = t;
		t = in[in[t].fail].out;
	}
}

static int
by_length(const void *a, const void *b)
{
	const struct ds_mention *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static int
by_offset(const void *a, const void *b)
{
	const struct ds_mention *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* Keeps the longest of overlapping candidates; cands sorted by length.
 * Every span taken before a candidate is at least as long as it, so one
 * that overlaps it covers its first or its last byte: two looks tell
 * whether it is free, however long it is. */
static uint32_t
settle(struct ds_mention *c, uint32_t n, size_t textlen, bool *oom)
{
	unsigned char *taken = calloc(textlen ? textlen : 1, 1);
	uint32_t kept = 0;

	if (!taken) {
		*oom = true;
		return 0;
	}
	for (uint32_t i = 0; i < n; i++) {
		if (taken[c[i].off] || taken[c[i].off + c[i].len - 1])
			continue;
		memset(taken + c[i].off, 1, c[i].len);
		c[kept++] = c[i];
	}
	free(taken);
	return kept;
}

static void
compute(struct index *ix, size_t p)
{
	struct ds_str t = ix->d->paras[p].text;
	struct mention_list *ml = &ix->para[p];
	struct ds_mention *c = NULL;
	uint32_t n = 0, cap = 0;
	int32_t state = 0, *at = malloc((t.n ? t.n : 1) * sizeof *at);

	ml->done = true;
	if (!at) {
		ix->oom = true;
		return;
	}
	for (size_t i = 0; i < t.n; i++)
		at[i] = -1;
	for (size_t j = 0; j < t.n; j++) {
		state = step(ix, state, (uint8_t)t.s[j]);
		if (ix->info[state].out > 0)
			ending_at(ix, t.s, t.n, j, state, at);
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct trie_info *nd;
		if (at[i] < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			struct ds_mention *nc = realloc(c, cap * sizeof *nc);
			if (!nc) {
				ix->oom = true;
				break;
			}
			c = nc;
		}
		nd = &ix->info[at[i]];
		c[n++] = (struct ds_mention){ (uint32_t)i, nd->depth, (uint32_t)nd->who, nd->kind };
	}
	free(at);
	if (n) {   /* c is NULL when there is no candidate */
		qsort(c, n, sizeof *c, by_length);
		n = settle(c, n, t.n, &ix->oom);
		qsort(c, n, sizeof *c, by_offset);
	}
	ml->v = c;
	ml->n = n;
}

const struct ds_mention *
index_mentions(struct index *ix, size_t p, size_t *n)
{
	if (!ix->para[p].done)
		compute(ix, p);
	*n = ix->para[p].n;
	return ix->para[p].v;
}

static void
push(struct ds_refs *r, uint32_t v, bool *oom)
{
	if ((r->n & (r->n - 1)) == 0) {
		uint32_t *nv = realloc(r->v, (r->n ? r->n * 2 : 1) * sizeof *nv);
		if (!nv) {
			*oom = true;
			return;
		}
		r->v = nv;
	}
	r->v[r->n++] = v;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Paragraph p on the lists of the people and organizations it mentions. */
static void
collect(struct index *ix, size_t p)
{
	size_t n;
	const struct ds_mention *m = index_mentions(ix, p, &n);

	for (size_t i = 0; i < n; i++) {
		struct ds_refs *r = &ix->paras_of[m[i].kind == DS_ORG][m[i].who];
		if (r->n == 0 || r->v[r->n - 1] != p)
			push(r, (uint32_t)p, &ix->oom);
	}
}

/* Whether every paragraph is on the lists. */
static bool
collected(const struct index *ix)
{
	return ix->paras_of[0] && ix->prepared == ix->d->nparas;
}

bool
index_prepare(struct index *ix, double budget_ms)
{
	const struct dossier *d = ix->d;
	double until = budget_ms >= 0 ? now_ms() + budget_ms : 0;

	if (!ix->paras_of[0] && !ix->oom) {
		ix->paras_of[0] = calloc(d->npeople ? d->npeople : 1, sizeof (struct ds_refs));
		ix->paras_of[1] = calloc(d->norgs ? d->norgs : 1, sizeof (struct ds_refs));
		if (!ix->paras_of[0] || !ix->paras_of[1])
			ix->oom = true;
	}
	while (!ix->oom && ix->prepared < d->nparas) {
		collect(ix, ix->prepared++);
		/* Paragraphs are small: look at the clock now and then. */
		if (budget_ms >= 0 && ix->prepared % 16 == 0 && now_ms() >= until)
			return false;
	}
	return true;
}

const struct ds_refs *
index_paragraphs_of(struct index *ix, enum ds_kind kind, size_t who)
{
	index_prepare(ix, -1);
	if (ix->oom || !collected(ix))
		return NULL;
	return &ix->paras_of[kind == DS_ORG][who];
}

/* Does t hold the bytes of one of e's surface forms? */
static bool
holds_form(struct ds_str t, const struct ds_entity *e)
{
	if (e->name.n && memmem(t.s, t.n, e->name.s, e->name.n))
		return true;
	for (size_t i = 0; i < e->nalias; i++)
		if (memmem(t.s, t.n, e->alias[i].s, e->alias[i].n))
			return true;
	return false;
}

long
index_mentions_by_article(struct index *ix, enum ds_kind kind, size_t who,
    struct index_article_count *out, size_t max)
{
	const struct dossier *d = ix->d;
	const struct ds_entity *e = kind == DS_ORG ? &d->orgs[who] : &d->people[who];
	const struct ds_refs *ps = collected(ix) ? index_paragraphs_of(ix, kind, who) : NULL;
	size_t n = ps ? ps->n : d->nparas;
	uint32_t last = UINT32_MAX;
	long count = 0;

	/* Without the paragraphs of every name at hand, those of this one
	 * are found by its forms' bytes, several times faster than
	 * finding every name's mentions (the index settles which are). */
	for (size_t i = 0; i < n && !ix->oom; i++) {
		uint32_t p = ps ? ps->v[i] : (uint32_t)i, a = d->paras[p].article, k = 0;
		size_t nm;
		const struct ds_mention *m;
		if (!ps && !holds_form(d->paras[p].text, e))
			continue;
		m = index_mentions(ix, p, &nm);
		for (size_t j = 0; j < nm; j++)
			k += m[j].who == who && m[j].kind == kind;
		if (!k)
			continue;
		if (a != last) {
			if ((size_t)count < max)
				out[count] = (struct index_article_count){ a, 0, 0 };
			count++;
			last = a;
		}
		if ((size_t)count <= max) {
			out[count - 1].paras++;
			out[count - 1].mentions += k;
		}
	}
	return ix->oom ? -1 : count;
}

size_t
index_latin_at(struct ds_str text, struct ds_str form, size_t from)
{
	const char *at = text.s + from, *end = text.s + text.n;
	unsigned char c0 = form.n ? (unsigned char)form.s[0] : 0;

	if (from > text.n || !((c0 | 32) >= 'a' && (c0 | 32) <= 'z'))
		return text.n;
	while ((at = memmem(at, (size_t)(end - at), form.s, form.n)) != NULL) {
		size_t i = (size_t)(at - text.s);
		if (!(i > 0 && is_word((unsigned char)text.s[i - 1])) &&
		    !(i + form.n < text.n && is_word((unsigned char)text.s[i + form.n])))
			return i;
		at++;
	}
	return text.n;
}

void
index_free(struct index *ix)
{
	const struct dossier *d = ix->d;

	if (!d) {   /* never initialized */
		memset(ix, 0, sizeof *ix);
		return;
	}
	for (size_t p = 0; ix->para && p < d->nparas; p++)
		free(ix->para[p].v);
	free(ix->para);
	for (int k = 0; k < 2; k++) {
		size_t n = k ? d->norgs : d->npeople;
		for (size_t i = 0; ix->paras_of[k] && i < n; i++)
			free(ix->paras_of[k][i].v);
		free(ix->paras_of[k]);
	}
	free(ix->nodes);
	free(ix->info);
	memset(ix, 0, sizeof *ix);
}
