/* The articles of a dossier in the view: each one's head in the article's
 * rows, going from one to the next, and where the reading place and a
 * search hit are, article-wise.  Nothing here walks the dossier. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "sources.h"
#include "view.h"

/* Columns of an article's name on the status line. */
#define PLACE_NAME_COLS 16

int
art_head_rows(const struct view *v, size_t para)
{
	const struct dossier *d = v->d;

	return d->narticles > 1 && para < d->nparas &&
	    d->articles[d->paras[para].article].first == para ? ART_HEAD_ROWS : 0;
}

size_t
art_article(const struct view *v)
{
	return v->d->narticles && v->art.para < v->d->nparas ?
	    v->d->paras[v->art.para].article : 0;
}

size_t
event_para(const struct view *v, const struct ds_event *e)
{
	for (size_t i = 0; v->d->narticles > 1 && i < e->paras.n; i++)
		if (v->d->paras[e->paras.v[i]].article == art_article(v))
			return e->paras.v[i];
	return e->paras.v[0];
}

bool
view_step_article(struct view *v, int dir)
{
	const struct dossier *d = v->d;
	size_t a = art_article(v);

	if (d->narticles == 0 || d->nparas == 0)
		return false;
	/* [ within an article goes back to its head first, as { does. */
	if (dir < 0 && (v->art.para > d->articles[a].first || v->art.row > 0)) {
		art_goto(v, d->articles[a].first, 0, art_text_width(v));
		return true;
	}
	while (dir > 0 ? a + 1 < d->narticles : a > 0) {
		a = dir > 0 ? a + 1 : a - 1;
		if (d->articles[a].npara) {
			art_goto(v, d->articles[a].first, 0, art_text_width(v));
			return true;
		}
	}
	return false;
}

/* Article a's name in at most PLACE_NAME_COLS columns. */
static void
short_name(const struct dossier *d, uint32_t a, char *buf, size_t size)
{
	source_tag(d, &(struct ds_refs){ &a, 1 }, PLACE_NAME_COLS, buf, size);
}

void
view_reading_place(const struct view *v, char *buf, size_t size)
{
	const struct dossier *d = v->d;
	size_t a = art_article(v);
	char name[64];

	if (d->narticles < 2 || d->nparas == 0) {
		snprintf(buf, size, " · p%zu/%zu ", d->nparas ? v->art.para + 1 : 0, d->nparas);
		return;
	}
	short_name(d, (uint32_t)a, name, sizeof name);
	snprintf(buf, size, " · %zu/%zu %s · p%zu/%u ", a + 1, d->narticles, name,
	    v->art.para - d->articles[a].first + 1, (unsigned)d->articles[a].npara);
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
		short_name(d, d->paras[sg->item].article, buf, size);
	else if (sg->kind == DS_EVENT)
		source_tag(d, &d->events[sg->item].articles, PLACE_NAME_COLS, buf, size);
}
