/* Tab-separated output for scripts and tests: one row per record, every
 * field through the sanitiser, so that a row is always one line and no
 * byte of the data reaches a terminal raw. */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "escape.h"
#include "index.h"
#include "search.h"
#include "text.h"

static void
put(FILE *out, struct ds_str s)
{
	esc_put(out, s.s, s.n);
}

static void
put_ids(FILE *out, const struct ds_refs *r, const struct ds_str *ids)
{
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			putc(',', out);
		put(out, ids[r->v[i]]);
	}
}

int
cli_check(const struct dossier *d, FILE *out)
{
	fprintf(out, "Dossier\t1\nArticle\t%zu\nParagraph\t%zu\nPerson\t%zu\n"
	    "Org\t%zu\nEvent\t%zu\nNote\t%zu\n", d->narticles, d->nparas,
	    d->npeople, d->norgs, d->nevents, d->nnotes);
	return 0;
}

static void
list_entities(const struct ds_entity *e, size_t n, const struct dossier *d,
    bool person, FILE *out)
{
	for (size_t i = 0; i < n; i++) {
		put(out, e[i].id);
		putc('\t', out);
		put(out, e[i].name);
		putc('\t', out);
		for (size_t a = 0; a < e[i].nalias; a++) {
			if (a)
				fputs(", ", out);
			put(out, e[i].alias[a]);
		}
		putc('\t', out);
		put(out, e[i].role);
		if (person) {
			putc('\t', out);
			put_ids(out, &e[i].orgs, d->idkeys[DS_ORG]);
		}
		putc('\n', out);
	}
}

static void
list_events(const struct dossier *d, FILE *out)
{
	for (size_t i = 0; i < d->nevents; i++) {
		const struct ds_event *e = &d->events[i];
		put(out, e->id);
		putc('\t', out);
		put(out, e->date_text);
		putc('\t', out);
		put(out, e->title);
		putc('\t', out);
		put(out, e->when);
		putc('\t', out);
		put_ids(out, &e->persons, d->idkeys[DS_PERSON]);
		putc('\t', out);
		put_ids(out, &e->orgs, d->idkeys[DS_ORG]);
		putc('\t', out);
		put_ids(out, &e->paras, d->idkeys[DS_PARAGRAPH]);
		putc('\t', out);
		put_ids(out, &e->articles, d->idkeys[DS_ARTICLE]);
		putc('\n', out);
	}
}

static void
list_articles(const struct dossier *d, FILE *out)
{
	for (size_t i = 0; i < d->narticles; i++) {
		const struct ds_article *a = &d->articles[i];
		const struct ds_str head[] = { a->id, a->title, a->author, a->date, a->source };
		for (size_t c = 0; c < sizeof head / sizeof *head; c++) {
			put(out, head[c]);
			putc('\t', out);
		}
		fprintf(out, "%" PRIu32 "\t", a->npara);
		put(out, a->editor);
		putc('\t', out);
		put(out, a->url);
		putc('\n', out);
	}
}

/* The id of paragraph p's article; nothing in a dossier without one. */
static void
put_article_of(FILE *out, const struct dossier *d, size_t p)
{
	if (d->narticles)
		put(out, d->articles[d->paras[p].article].id);
}

int
cli_list(const struct dossier *d, const char *what, FILE *out)
{
	if (strcmp(what, "people") == 0)
		list_entities(d->people, d->npeople, d, true, out);
	else if (strcmp(what, "orgs") == 0)
		list_entities(d->orgs, d->norgs, d, false, out);
	else if (strcmp(what, "events") == 0)
		list_events(d, out);
	else if (strcmp(what, "articles") == 0)
		list_articles(d, out);
	else if (strcmp(what, "paragraphs") == 0) {
		for (size_t i = 0; i < d->nparas; i++) {
			put(out, d->paras[i].id);
			putc('\t', out);
			put(out, d->paras[i].section);
			putc('\t', out);
			put(out, d->paras[i].text);
			putc('\t', out);
			put_article_of(out, d, i);
			putc('\n', out);
		}
	} else
		return EX_USAGE_;
	return 0;
}

static const char *const field_names[] = {
	"date", "when", "title", "text", "name", "alias", "role", "note"
};

/* Up to width columns of context on each side of the hit, which is shown
 * in [brackets]. */
static void
put_context(FILE *out, struct ds_str s, size_t off, size_t len, int width)
{
	size_t start = off, end = off + len;
	int w = 0, cw;
	size_t clen;

	while (start > 0) {
		size_t p = start - 1;
		while (p > 0 && ((unsigned char)s.s[p] & 0xc0) == 0x80)
			p--;
		cw = text_char_width(s.s + p, s.n - p, &clen);
		if (w + cw > width)
			break;
		w += cw;
		start = p;
	}
	end += text_clip(s.s + end, s.n - end, width, NULL);
	if (start > 0)
		fputs("…", out);
	put(out, (struct ds_str){ s.s + start, off - start });
	putc('[', out);
	put(out, (struct ds_str){ s.s + off, len });
	putc(']', out);
	put(out, (struct ds_str){ s.s + off + len, end - off - len });
	if (end < s.n)
		fputs("…", out);
}

/* For the articles of person and organization hits: the index and room
 * for an entry per article, made on the first such hit. */
struct naming {
	struct index ix;
	struct index_article_count *c;
	size_t names;              /* people and organizations hit */
};

#define NAMES_ONE_BY_ONE 4

/* The articles a hit is in: a paragraph's, those telling an event, those
 * naming a person or organization.  -1 when memory runs out. */
static int
put_hit_articles(FILE *out, const struct dossier *d, const struct search_seg *sg,
    struct naming *nm)
{
	long n;

	switch (sg->kind) {
	case DS_PARAGRAPH:
		put_article_of(out, d, sg->item);
		return 0;
	case DS_EVENT:
		put_ids(out, &d->events[sg->item].articles, d->idkeys[DS_ARTICLE]);
		return 0;
	case DS_PERSON:
	case DS_ORG:
		if (!d->narticles)
			return 0;
		if (!nm->c && (index_init(&nm->ix, d) < 0 ||
		    !(nm->c = malloc(d->narticles * sizeof *nm->c))))
			return -1;
		/* One look at every paragraph's mentions costs about what
		 * looking for a few names' forms does. */
		if (nm->names > NAMES_ONE_BY_ONE && !index_paragraphs_of(&nm->ix, sg->kind, sg->item))
			return -1;
		n = index_mentions_by_article(&nm->ix, sg->kind, sg->item, nm->c, d->narticles);
		for (long i = 0; i < n; i++) {
			if (i)
				putc(',', out);
			put(out, d->idkeys[DS_ARTICLE][nm->c[i].article]);
		}
		return n < 0 ? -1 : 0;
	default:
		return 0;
	}
}

int
cli_search(const struct dossier *d, const char *query, FILE *out)
{
	static const char *const kinds[] = {
		"event", "person", "org", "paragraph", "article", "note"
	};
	struct search s;
	struct naming nm = { { 0 }, NULL, 0 };
	int rc = 0;
	long n;

	search_init(&s, d);
	n = search_run(&s, query, strlen(query));
	if (n < 0) {
		search_free(&s);
		return EX_SOFTWARE_;
	}
	for (long i = 0; i < n; i++) {
		const struct search_seg *sg = search_seg_of(&s, &s.hits[i]);
		const struct search_seg *prev = i ? search_seg_of(&s, &s.hits[i - 1]) : NULL;
		nm.names += (sg->kind == DS_PERSON || sg->kind == DS_ORG) &&
		    !(prev && prev->kind == sg->kind && prev->item == sg->item);
	}
	for (long i = 0; i < n; i++) {
		const struct search_hit *h = &s.hits[i];
		const struct search_seg *sg = search_seg_of(&s, h);
		fprintf(out, "%s\t", kinds[sg->kind]);
		put(out, d->idkeys[sg->kind][sg->item]);
		fprintf(out, "\t%s\t", field_names[sg->field]);
		put_context(out, search_seg_str(sg), h->off, h->len, 20);
		putc('\t', out);
		if (put_hit_articles(out, d, sg, &nm) < 0) {
			rc = EX_SOFTWARE_;
			break;
		}
		putc('\n', out);
	}
	index_free(&nm.ix);
	free(nm.c);
	search_free(&s);
	return rc ? rc : n > 0 ? 0 : EX_NOMATCH;
}
