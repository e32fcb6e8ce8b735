/* Stepping through the mentions of the person or organization selected
 * in the people pane, in the article's reading order. */
#include <config.h>

#include <stdio.h>

#include "i18n.h"
#include "view.h"

/* The offset of the first (dir 1) mention of (kind, who) in paragraph p
 * after `after` (or at it when `at` is set), the last before it for dir
 * -1; -1 if none. */
static long
find_in(const struct view *v, size_t p, int kind, size_t who, size_t from, bool at, int dir)
{
	size_t nm;
	const struct ds_mention *m = index_mentions((struct index *)&v->ix, p, &nm);
	long found = -1;

	for (size_t i = 0; i < nm; i++) {
		if ((int)m[i].kind != kind || m[i].who != who)
			continue;
		if (dir > 0 && (m[i].off > from || (at && m[i].off == from)))
			return m[i].off;
		if (dir < 0 && (m[i].off < from || (at && m[i].off == from)))
			found = m[i].off;
	}
	return found;
}

void
view_step_mention(struct view *v, int dir)
{
	int kind = v->show_orgs ? DS_ORG : DS_PERSON;
	size_t who = (v->show_orgs ? &v->orgs : &v->people)->sel;
	size_t n = v->show_orgs ? v->d->norgs : v->d->npeople;
	size_t para = v->art.para, from = v->art.off;
	bool at = true;
	long off = -1;

	if (n == 0 || v->d->nparas == 0)
		return;
	const struct ds_entity *e = v->show_orgs ? &v->d->orgs[who] : &v->d->people[who];
	/* From the mention gone to while it is on screen, else from the
	 * reading place. */
	if (v->mention_para >= 0 && (size_t)v->mention_para < v->d->nparas &&
	    v->mention_kind == kind && v->mention_who == who &&
	    art_row_shown(v, (size_t)v->mention_para, art_row_of_offset(v,
	    (size_t)v->mention_para, v->mention_off, art_text_width(v)))) {
		para = (size_t)v->mention_para;
		from = v->mention_off;
		at = false;
	}
	for (;;) {
		off = find_in(v, para, kind, who, from, at, dir);
		if (off >= 0)
			break;
		if ((dir > 0 && para + 1 >= v->d->nparas) || (dir < 0 && para == 0))
			break;
		para += (size_t)dir;
		from = dir > 0 ? 0 : v->d->paras[para].text.n;
		at = true;
	}
	if (off < 0) {
		snprintf(v->message, sizeof v->message,
		    dir > 0 ? _("no more mentions of %.*s below") : _("no more mentions of %.*s above"),
		    (int)(e->name.n > 200 ? 200 : e->name.n), e->name.s);
		return;
	}
	art_goto(v, para, art_row_of_offset(v, para, (size_t)off, art_text_width(v)));
	view_follow_reading(v);
	v->mention_para = (long)para;
	v->mention_off = (size_t)off;
	v->mention_kind = kind;
	v->mention_who = who;
	v->highlight_kind = kind;
	v->highlight_who = who;
	snprintf(v->message, sizeof v->message, _("%.*s in %.*s"),
	    (int)(e->name.n > 200 ? 200 : e->name.n), e->name.s,
	    (int)v->d->paras[para].id.n, v->d->paras[para].id.s);
}
