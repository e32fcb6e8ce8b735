/* The articles of a dossier in the view: going from one to the next, the
 * list of them to read one or filter by it, the filter that narrows the
 * timeline and the people pane to one article, and where the reading
 * place and a search hit are, article-wise.  Setting the filter costs a
 * pass over the events and the people and the mentions of the article's
 * paragraphs; nothing here walks the dossier per key otherwise. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sources.h"
#include "view.h"

/* Columns of an article's name on the status line. */
#define PLACE_NAME_COLS 16

static bool
has(const struct ds_refs *r, size_t x)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i] == x)
			return true;
	return false;
}

/* ---- going from article to article ---- */

void
view_goto_article(struct view *v, size_t a)
{
	if (a >= v->d->narticles || v->d->articles[a].npara == 0)
		return;
	art_goto(v, v->d->articles[a].first, 0);
	view_follow_reading(v);
	/* At the end of the text the last screenful may begin in an
	 * earlier article: the head asked for is on screen, lower down. */
	if (art_article(v) != a)
		snprintf(v->message, sizeof v->message, _("article %zu/%zu is on screen, at the end"),
		    a + 1, v->d->narticles);
}

bool
view_step_article(struct view *v, int dir)
{
	const struct dossier *d = v->d;
	size_t a = art_article(v);

	if (d->narticles == 0 || d->nparas == 0)
		return false;
	/* [ within an article goes back to its head first, as { does. */
	if (dir < 0 && (v->art.para > d->articles[a].first ||
	    art_row_of(v, v->art, art_text_width(v)) > 0)) {
		view_goto_article(v, a);
		return true;
	}
	while (dir > 0 ? a + 1 < d->narticles : a > 0) {
		a = dir > 0 ? a + 1 : a - 1;
		if (d->articles[a].npara) {
			view_goto_article(v, a);
			return true;
		}
	}
	return false;
}

/* ---- the article filter ---- */

bool
view_event_listed(const struct view *v, size_t ev)
{
	return v->art_filter < 0 || has(&v->d->events[ev].articles, (size_t)v->art_filter);
}

static void
drop_rows(struct view *v)
{
	free(v->tl_rows);
	free(v->ent_rows[0]);
	free(v->ent_rows[1]);
	v->tl_rows = v->ent_rows[0] = v->ent_rows[1] = NULL;
	v->ntl_rows = v->nent_rows[0] = v->nent_rows[1] = 0;
}

/* The people (k 0) or organizations (k 1) named in article a's text, in
 * their order. */
static int
named_in(struct view *v, const struct ds_article *a)
{
	size_t n[2] = { v->d->npeople, v->d->norgs };
	unsigned char *seen = calloc(n[0] + n[1] + 1, 1);

	if (!seen)
		return -1;
	for (size_t p = a->first; p < a->first + a->npara; p++) {
		size_t nm;
		const struct ds_mention *m = index_mentions(&v->ix, p, &nm);
		for (size_t i = 0; i < nm; i++)
			seen[(m[i].kind == DS_ORG ? n[0] : 0) + m[i].who] = 1;
	}
	for (int k = 0; k < 2; k++) {
		const unsigned char *s = seen + (k ? n[0] : 0);
		v->ent_rows[k] = malloc((n[k] ? n[k] : 1) * sizeof **v->ent_rows);
		for (size_t i = 0; v->ent_rows[k] && i < n[k]; i++)
			if (s[i])
				v->ent_rows[k][v->nent_rows[k]++] = (uint32_t)i;
	}
	free(seen);
	return v->ent_rows[0] && v->ent_rows[1] && !v->ix.oom ? 0 : -1;
}

int
view_refilter(struct view *v)
{
	const struct dossier *d = v->d;
	const struct ds_refs *mine = v->filter >= 0 ? &d->people[v->filter].events : NULL;
	size_t n = mine ? mine->n : d->nevents;

	drop_rows(v);
	if (v->art_filter < 0)
		return 0;
	v->tl_rows = malloc((n ? n : 1) * sizeof *v->tl_rows);
	for (size_t i = 0; v->tl_rows && i < n; i++) {
		size_t ev = mine ? mine->v[i] : i;
		if (view_event_listed(v, ev))
			v->tl_rows[v->ntl_rows++] = (uint32_t)ev;
	}
	if (v->tl_rows && named_in(v, &d->articles[v->art_filter]) == 0)
		return 0;
	drop_rows(v);
	v->art_filter = -1;
	snprintf(v->message, sizeof v->message, _("out of memory: no filter"));
	return -1;
}

void
view_set_article_filter(struct view *v, long a)
{
	size_t ev = tl_count(v) ? tl_event(v, v->tl.sel) : v->d->nevents, row;
	struct list_pos *lp[2] = { &v->people, &v->orgs };
	size_t who[2];

	for (int k = 0; k < 2; k++) {
		bool any = v->art_filter >= 0 ? v->nent_rows[k] > 0 :
		    (k ? v->d->norgs : v->d->npeople) > 0;
		who[k] = !any ? SIZE_MAX : v->art_filter >= 0 ? v->ent_rows[k][lp[k]->sel] :
		    lp[k]->sel;
	}
	v->art_filter = a < (long)v->d->narticles ? a : -1;
	view_refilter(v);
	/* The selections stay where they are still listed; else the first. */
	for (int k = 0; k < 2; k++) {
		size_t n = v->art_filter >= 0 ? v->nent_rows[k] : k ? v->d->norgs : v->d->npeople;
		row = who[k] == SIZE_MAX ? n : entity_row(v, k, who[k]);
		lp[k]->sel = row < n ? row : 0;
		lp[k]->top = 0;
		list_show(lp[k], n, pane_height(v, PANE_PEOPLE));
	}
	v->tl.top = 0;
	row = ev < v->d->nevents ? tl_row_of(v, ev) : tl_count(v);
	if (row < tl_count(v)) {
		v->tl.sel = row;
		list_show(&v->tl, tl_count(v), pane_height(v, PANE_TIMELINE));
	} else if (tl_count(v)) {
		view_select_event(v, 0);
	} else {
		v->tl.sel = 0;
		v->marked_para = -1;
	}
}

/* ---- the list of articles ---- */

static void
select_listed(struct view *v, size_t a)
{
	struct overlay *o = &v->ov;
	size_t first, last;

	if (a >= o->nitems)
		return;
	o->items[v->art_sel].role = R_NORMAL;
	o->items[a].role = R_SELECTED;
	v->art_sel = a;
	/* All its rows in sight, its first at least. */
	first = last = overlay_row_of(o, o->items[a].value.s, 0);
	while (last + 1 < o->nrows && o->rows[last + 1].item == a)
		last++;
	overlay_show_row(o, last);
	overlay_show_row(o, first);
}

void
view_open_articles(struct view *v)
{
	const struct dossier *d = v->d;
	char byline[512];

	if (d->narticles == 0) {
		snprintf(v->message, sizeof v->message, _("no articles"));
		return;
	}
	if (!overlay_fits(&v->lay)) {
		snprintf(v->message, sizeof v->message, "%s", _("terminal too small for the articles"));
		return;
	}
	overlay_clear(&v->ov);
	v->ov.kind = OV_ARTICLES;
	for (size_t a = 0; a < d->narticles; a++) {
		const struct ds_article *ar = &d->articles[a];
		size_t n = article_byline(d, a, byline, sizeof byline);
		if (n && n < sizeof byline)
			n += (size_t)snprintf(byline + n, sizeof byline - n, " · ");
		if (n < sizeof byline)
			n += (size_t)snprintf(byline + n, sizeof byline - n,
			    P_("%u paragraph", "%u paragraphs", ar->npara), (unsigned)ar->npara);
		overlay_add_join(&v->ov, ar->id, ar->title, " — ",
		    (struct ds_str){ byline, n < sizeof byline ? n : sizeof byline - 1 }, R_NORMAL);
	}
	overlay_place(&v->ov, &v->lay);
	v->art_sel = 0;
	select_listed(v, art_article(v));
}

void
view_articles_key(struct view *v, enum action act)
{
	size_t n = v->ov.nitems, a = v->art_sel;
	long page = overlay_page(&v->ov);

	switch (act) {
	case ACT_DOWN: a = a + 1 < n ? a + 1 : a; break;
	case ACT_UP: a = a ? a - 1 : 0; break;
	case ACT_PAGE_DOWN: a = a + (size_t)page < n ? a + (size_t)page : n - 1; break;
	case ACT_PAGE_UP: a = a > (size_t)page ? a - (size_t)page : 0; break;
	case ACT_TOP: a = 0; break;
	case ACT_BOTTOM: a = n - 1; break;
	case ACT_ENTER:
		view_close_overlay(v);
		view_focus(v, PANE_ARTICLE);
		view_goto_article(v, a);
		return;
	case ACT_FILTER_ARTICLE:
		view_close_overlay(v);
		view_set_article_filter(v, v->art_filter == (long)a ? -1 : (long)a);
		return;
	case ACT_CLOSE:
		view_close_overlay(v);
		return;
	default:
		return;
	}
	select_listed(v, a);
}

/* ---- where things are, article-wise ---- */

void
view_reading_place(const struct view *v, char *buf, size_t size)
{
	const struct dossier *d = v->d;
	size_t a = art_article(v);
	char name[64], where[160];

	/* The paragraph, its section, the percent read or END. */
	art_where(v, where, sizeof where);
	if (d->narticles < 2 || d->nparas == 0) {
		snprintf(buf, size, " · %s ", where);
		return;
	}
	source_tag(d, &(struct ds_refs){ (uint32_t[]){ (uint32_t)a }, 1 }, PLACE_NAME_COLS,
	    name, sizeof name);
	/* In an article of several, its paragraph's number in it. */
	const char *tail = strstr(where, " · ");
	char place[160];
	snprintf(place, sizeof place, _("%zu/%zu %s · p%zu/%u%s"), a + 1, d->narticles, name,
	    v->art.para - d->articles[a].first + 1, (unsigned)d->articles[a].npara,
	    tail ? tail : "");
	snprintf(buf, size, " · %s ", place);
}

void
view_hit_source(const struct view *v, size_t hit, char *buf, size_t size)
{
	const struct dossier *d = v->d;
	const struct search_seg *sg;

	if (size)
		buf[0] = '\0';
	if (d->narticles < 2 || hit >= v->search.nhits)
		return;
	sg = search_seg_of(&v->search, &v->search.hits[hit]);
	if (sg->kind == DS_PARAGRAPH)
		source_tag(d, &(struct ds_refs){ (uint32_t[]){ d->paras[sg->item].article }, 1 },
		    PLACE_NAME_COLS, buf, size);
	else if (sg->kind == DS_EVENT)
		source_tag(d, &d->events[sg->item].articles, PLACE_NAME_COLS, buf, size);
}

/* ---- details ---- */

void
event_articles_details(struct view *v, struct overlay *o, size_t ev)
{
	const struct dossier *d = v->d;
	const struct ds_refs *arts = &d->events[ev].articles;

	for (size_t i = 0; d->narticles > 1 && i < arts->n; i++)
		overlay_add_join(o, cstr(_("Told by")), article_name(d, arts->v[i]), " — ",
		    d->articles[arts->v[i]].title, R_NORMAL);
}

void
entity_articles_details(struct view *v, struct overlay *o, enum ds_kind kind, size_t who)
{
	const struct dossier *d = v->d;
	struct index_article_count *c;
	long n;
	char counts[160], mentions[64], paras[64];

	if (d->narticles < 2 || !(c = malloc(d->narticles * sizeof *c)))
		return;
	n = index_mentions_by_article(&v->ix, kind, who, c, d->narticles);
	for (long i = 0; i < n; i++) {
		snprintf(mentions, sizeof mentions, P_("%u mention", "%u mentions",
		    c[i].mentions), (unsigned)c[i].mentions);
		snprintf(paras, sizeof paras, P_("%u paragraph", "%u paragraphs", c[i].paras),
		    (unsigned)c[i].paras);
		/* TRANSLATORS: "3 mentions in 2 paragraphs". */
		snprintf(counts, sizeof counts, _("%s in %s"), mentions, paras);
		overlay_add_join(o, cstr(_("Named in")), article_name(d, c[i].article), ": ",
		    cstr(counts), R_NORMAL);
	}
	if (n == 0)
		overlay_add(o, cstr(_("Named in")), cstr(_("no article's text")), R_DIM);
	free(c);
}
