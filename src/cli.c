/* Tab-separated output for scripts and tests: one row per record, every
 * field through the sanitiser, so that a row is always one line and no
 * byte of the data reaches a terminal raw. */
#include <config.h>

#include <string.h>

#include "cli.h"
#include "escape.h"
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
		fprintf(out, "\t%s\n", precision_names[date_precision(&e->date)]);
	}
}

/* Id, section, and the text or the dossier's English of it. */
static void
list_paragraphs(const struct dossier *d, bool gloss, FILE *out)
{
	for (size_t i = 0; i < d->nparas; i++) {
		put(out, d->paras[i].id);
		putc('\t', out);
		put(out, d->paras[i].section);
		putc('\t', out);
		put(out, gloss ? d->paras[i].gloss : d->paras[i].text);
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

int
cli_search(const struct dossier *d, const char *query, FILE *out)
{
	static const char *const kinds[] = {
		"event", "person", "org", "paragraph", "article", "note"
	};
	struct search s;
	long n;

	search_init(&s, d);
	n = search_run(&s, query, strlen(query));
	if (n < 0) {
		fprintf(stderr, "dossier: cannot search: %s\n", s.error);
		search_free(&s);
		return EX_SOFTWARE_;
	}
	for (long i = 0; i < n; i++) {
		const struct search_hit *h = &s.hits[i];
		const struct search_seg *sg = search_seg_of(&s, h);
		fprintf(out, "%s\t", kinds[sg->kind]);
		put(out, d->idkeys[sg->kind][sg->item]);
		fprintf(out, "\t%s\t", field_names[sg->field]);
		put_context(out, search_seg_str(sg), h->off, h->len, 20);
		putc('\n', out);
	}
	search_free(&s);
	return n > 0 ? 0 : EX_NOMATCH;
}
