/* Tab-separated output for scripts and tests: one row per record, every
 * field through the sanitiser, so that a row is always one line and no
 * byte of the data reaches a terminal raw. */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
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
	/* Only when there are some: scripts that read the seven lines above
	 * see no change on a reviewed dossier. */
	size_t drafts = dossier_drafts(d);
	if (drafts)
		fprintf(out, "Draft\t%zu\n", drafts);
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
		putc('\t', out);
		put(out, e[i].latin);
		putc('\n', out);
	}
}

static const char *const precision_names[] = { "year", "month", "day" };

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
		fprintf(out, "\t%s\t", precision_names[date_precision(&e->date)]);
		put_ids(out, &e->articles, d->idkeys[DS_ARTICLE]);
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

/* Id, section, the text or the dossier's English of it, and the article. */
static void
list_paragraphs(const struct dossier *d, bool gloss, FILE *out)
{
	for (size_t i = 0; i < d->nparas; i++) {
		put(out, d->paras[i].id);
		putc('\t', out);
		put(out, d->paras[i].section);
		putc('\t', out);
		put(out, gloss ? d->paras[i].gloss : d->paras[i].text);
		putc('\t', out);
		put_article_of(out, d, i);
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

/* Paragraph id, quote, text: in reading order, as the browser steps
 * through them. */
static void
list_notes(const struct dossier *d, FILE *out)
{
	for (size_t p = 0; p < d->nparas; p++)
		for (size_t i = 0; i < d->paras[p].notes.n; i++) {
			const struct ds_note *n = &d->notes[d->paras[p].notes.v[i]];
			put(out, d->paras[p].id);
			putc('\t', out);
			put(out, n->quote);
			putc('\t', out);
			put(out, n->text);
			putc('\n', out);
		}
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
	else if (strcmp(what, "paragraphs") == 0)
		list_paragraphs(d, false, out);
	else if (strcmp(what, "glosses") == 0)
		list_paragraphs(d, true, out);
	else if (strcmp(what, "notes") == 0)
		list_notes(d, out);
	else
		return EX_USAGE_;
	return 0;
}

static const char *const field_names[] = {
	"date", "when", "title", "text", "name", "alias", "role", "note",
	"gloss", "latin"
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

/* The articles whose text names each person or organization hit, found
 * before anything is written, so that running out of memory writes
 * nothing: a run of arts per name, in the order of the hits (the hits
 * of one name follow each other). */
struct naming {
	struct index *ix;          /* the search's */
	struct index_article_count *c;
	uint32_t *arts;
	size_t narts;
	struct { size_t start, n; } *names;
	size_t nnames, next;
};

/* Past this many names, one look at every paragraph's mentions costs
 * less than looking for each name's forms. */
#define NAMES_ONE_BY_ONE 4

/* Whether hit i is the first of a person or organization. */
static bool
first_of_name(const struct search *s, long i)
{
	const struct search_seg *sg = search_seg_of(s, &s->hits[i]);
	const struct search_seg *prev = i ? search_seg_of(s, &s->hits[i - 1]) : NULL;

	return (sg->kind == DS_PERSON || sg->kind == DS_ORG) &&
	    !(prev && prev->kind == sg->kind && prev->item == sg->item);
}

static int
find_namings(const struct dossier *d, struct search *s, long n, struct naming *nm)
{
	size_t count = 0;

	for (long i = 0; i < n; i++)
		count += first_of_name(s, i);
	if (!count || !d->narticles)
		return 0;
	if (!(nm->ix = search_index(s)) || !(nm->c = malloc(d->narticles * sizeof *nm->c)) ||
	    !(nm->names = malloc(count * sizeof *nm->names)))
		return -1;
	if (count > NAMES_ONE_BY_ONE && !index_paragraphs_of(nm->ix, DS_PERSON, 0))
		return -1;
	for (long i = 0; i < n; i++) {
		const struct search_seg *sg = search_seg_of(s, &s->hits[i]);
		long k;
		uint32_t *more;
		if (!first_of_name(s, i))
			continue;
		k = index_mentions_by_article(nm->ix, sg->kind, sg->item, nm->c, d->narticles);
		more = k < 0 ? NULL : realloc(nm->arts, (nm->narts + (size_t)k + 1) * sizeof *more);
		if (!more)
			return -1;
		nm->arts = more;
		nm->names[nm->nnames].start = nm->narts;
		nm->names[nm->nnames++].n = (size_t)k;
		for (long j = 0; j < k; j++)
			nm->arts[nm->narts++] = nm->c[j].article;
	}
	return 0;
}

/* The articles hit i is in: a paragraph's, those telling an event, those
 * naming a person or organization. */
static void
put_hit_articles(FILE *out, const struct dossier *d, const struct search *s, long i,
    struct naming *nm)
{
	const struct search_seg *sg = search_seg_of(s, &s->hits[i]);

	switch (sg->kind) {
	case DS_PARAGRAPH:
		put_article_of(out, d, sg->item);
		break;
	case DS_EVENT:
		put_ids(out, &d->events[sg->item].articles, d->idkeys[DS_ARTICLE]);
		break;
	case DS_PERSON:
	case DS_ORG:
		nm->next += first_of_name(s, i);
		for (size_t j = 0; nm->next && nm->next <= nm->nnames &&
		    j < nm->names[nm->next - 1].n; j++) {
			if (j)
				putc(',', out);
			put(out, d->idkeys[DS_ARTICLE][nm->arts[nm->names[nm->next - 1].start + j]]);
		}
		break;
	default:
		break;
	}
}

/* For a bridged hit, whose mention it is: "person:ID" or "org:ID". */
static void
put_bridge(FILE *out, const struct dossier *d, const struct search *s, long i)
{
	const struct search_bridge *b = search_bridge_of(s, (size_t)i);

	if (!b)
		return;
	fputs(b->kind == DS_ORG ? "org:" : "person:", out);
	put(out, d->idkeys[b->kind][b->who]);
}

int
cli_search(const struct dossier *d, const char *query, FILE *out)
{
	static const char *const kinds[] = {
		"event", "person", "org", "paragraph", "article", "note"
	};
	struct search s;
	struct naming nm = { NULL, NULL, NULL, 0, NULL, 0, 0 };
	int rc = 0;
	long n;

	search_init(&s, d);
	search_bridging(&s, NULL);
	n = search_run(&s, query, strlen(query));
	if (n < 0) {
		fputs("dossier: ", stderr);
		fprintf(stderr, _("cannot search: %s\n"), s.error);
		search_free(&s);
		return EX_SOFTWARE_;
	}
	if (find_namings(d, &s, n, &nm) < 0) {
		fputs("dossier: ", stderr);
		fprintf(stderr, _("cannot search: %s\n"), _("out of memory"));
		rc = EX_SOFTWARE_;
		n = 0;
	}
	for (long i = 0; i < n; i++) {
		const struct search_seg *sg = search_seg_of(&s, &s.hits[i]);
		size_t off, len;
		search_hit_span(&s, (size_t)i, &off, &len);
		fprintf(out, "%s\t", kinds[sg->kind]);
		put(out, d->idkeys[sg->kind][sg->item]);
		fprintf(out, "\t%s\t", field_names[sg->field]);
		put_context(out, search_seg_str(sg), off, len, 20);
		putc('\t', out);
		put_hit_articles(out, d, &s, i, &nm);
		putc('\t', out);
		put_bridge(out, d, &s, i);
		putc('\n', out);
	}
	free(nm.c);
	free(nm.arts);
	free(nm.names);
	search_free(&s);
	return rc ? rc : n > 0 ? 0 : EX_NOMATCH;
}
