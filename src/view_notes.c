/* The article's notes in reading order (paragraph, then place of the
 * quote): stepping to the next or previous one from the reading place,
 * and the list of them all, each going to its place. */
#include <config.h>

#include <stdio.h>

#include "i18n.h"
#include "view.h"

size_t
note_count(const struct view *v)
{
	return v->d->nnotes;
}

size_t
note_at(const struct view *v, size_t k)
{
	for (size_t p = 0; p < v->d->nparas; p++) {
		const struct ds_refs *r = &v->d->paras[p].notes;
		if (k < r->n)
			return r->v[k];
		k -= r->n;
	}
	return v->d->nnotes;
}

/* Whether note n is at or after (para, off). */
static bool
at_or_after(const struct ds_note *n, size_t para, size_t off)
{
	return n->para > para || (n->para == para && n->quote_off >= off);
}

/* Whether the quote of note n is on screen. */
static bool
note_shown(const struct view *v, const struct ds_note *n)
{
	int row = art_row_of_offset(v, n->para, n->quote_off, art_text_width(v));

	return art_row_shown(v, n->para, row);
}

void
view_goto_note(struct view *v, size_t k)
{
	const struct ds_note *n;

	if (k >= note_count(v))
		return;
	n = &v->d->notes[note_at(v, k)];
	art_goto(v, n->para, art_row_of_offset(v, n->para, n->quote_off, art_text_width(v)));
	view_follow_reading(v);
	v->cur_note = (long)k;
	snprintf(v->message, sizeof v->message, _("note %zu/%zu"), k + 1, note_count(v));
}

void
view_step_note(struct view *v, int dir)
{
	size_t count = note_count(v), k;
	long cur = v->cur_note;

	if (cur >= 0 && (size_t)cur < count && note_shown(v, &v->d->notes[note_at(v, (size_t)cur)])) {
		k = (size_t)(cur + dir);
	} else {
		/* From the reading place: the first note at the top or after
		 * it, or the last one before it. */
		for (k = 0; k < count; k++)
			if (at_or_after(&v->d->notes[note_at(v, k)], v->art.para, v->art.off))
				break;
		if (dir < 0)
			k = k - 1;
	}
	if (k >= count) {    /* also below 0, wrapped */
		snprintf(v->message, sizeof v->message, "%s", count == 0 ? _("no notes") :
		    dir > 0 ? _("no more notes below") : _("no more notes above"));
		return;
	}
	view_goto_note(v, k);
}

void
view_open_notes(struct view *v)
{
	struct overlay *o = &v->ov;

	if (note_count(v) == 0) {
		snprintf(v->message, sizeof v->message, "%s", _("no notes"));
		return;
	}
	if (!overlay_fits(&v->lay)) {
		snprintf(v->message, sizeof v->message, "%s", _("no room for the notes"));
		return;
	}
	overlay_clear(o);
	o->kind = OV_NOTES;
	for (size_t k = 0; k < note_count(v); k++) {
		const struct ds_note *n = &v->d->notes[note_at(v, k)];
		overlay_add_join(o, v->d->paras[n->para].id, n->quote, ": ", n->text, R_NORMAL);
	}
	/* The current note selected, else the first at the reading place. */
	o->sel = v->cur_note >= 0 && (size_t)v->cur_note < note_count(v) ? (size_t)v->cur_note : 0;
	if (v->cur_note < 0)
		for (size_t k = 0; k < note_count(v); k++)
			if (at_or_after(&v->d->notes[note_at(v, k)], v->art.para, v->art.off)) {
				o->sel = k;
				break;
			}
	overlay_place(o, &v->lay);
	overlay_show_row(o, overlay_item_row(o, o->sel));
}

bool
notes_overlay_key(struct view *v, enum action a)
{
	struct overlay *o = &v->ov;
	long step = a == ACT_DOWN ? 1 : a == ACT_UP ? -1 :
	    a == ACT_PAGE_DOWN ? overlay_page(o) : a == ACT_PAGE_UP ? -overlay_page(o) : 0;

	if (o->kind != OV_NOTES)
		return false;
	if (a == ACT_OVERLAY_ENTER) {
		size_t k = o->sel;
		view_close_overlay(v);
		view_goto_note(v, k);
		return true;
	}
	if (a == ACT_TOP || a == ACT_BOTTOM)
		step = a == ACT_TOP ? -(long)o->nitems : (long)o->nitems;
	if (step == 0)
		return false;
	if (step < 0 && (size_t)-step > o->sel)
		o->sel = 0;
	else if (step > 0 && o->sel + (size_t)step >= o->nitems)
		o->sel = o->nitems - 1;
	else
		o->sel = (size_t)((long)o->sel + step);
	overlay_show_row(o, overlay_item_row(o, o->sel));
	return true;
}
