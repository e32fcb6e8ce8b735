/* The reader's place carried over a reload, by ids: an item that is gone
 * gives way to the nearest one before it. */
#include <config.h>

#include "reload.h"

void
view_place_find(const struct view *v, const struct dossier *to, struct view_place *pl)
{
	const struct dossier *d = v->d;
	long p = d->nparas ? dossier_map(d, DS_PARAGRAPH, v->art.para, to) : -1;

	pl->focus = v->focus;
	pl->lopts = v->lopts;
	pl->show_orgs = v->show_orgs;
	pl->filter = v->filter >= 0 ? dossier_map(d, DS_PERSON, (size_t)v->filter, to) : -1;
	pl->event = tl_count(v) ? dossier_map_near(d, DS_EVENT, tl_event(v, v->tl.sel), to) : 0;
	pl->person = dossier_map_near(d, DS_PERSON, v->people.sel, to);
	pl->org = dossier_map_near(d, DS_ORG, v->orgs.sel, to);
	/* The same paragraph: the same offset in its text, whatever its
	 * text is now (art_set keeps it in range). */
	pl->art = p >= 0 ? (struct art_pos){ (size_t)p, v->art.off, v->art.nudge } :
	    (struct art_pos){ dossier_map_near(d, DS_PARAGRAPH, v->art.para, to), 0, 0 };
}

void
view_place_restore(struct view *v, const struct view_place *pl)
{
	v->focus = pl->focus;
	v->lopts = pl->lopts;
	v->show_orgs = !pl->show_orgs;
	view_show_orgs(v, pl->show_orgs);
	v->people.sel = v->people.top = pl->person;
	v->orgs.sel = v->orgs.top = pl->org;
	if (pl->filter >= 0)
		view_set_filter(v, pl->filter);
	v->tl.sel = v->tl.top = 0;
	for (size_t i = 0; i < tl_count(v); i++)
		if (tl_event(v, i) == pl->event) {
			v->tl.sel = v->tl.top = i;
			break;
		}
	art_set(v, pl->art);
}
