/* The reader's own state in the view.  See state_view.h. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "state_anchor.h"
#include "state_find.h"
#include "state_view.h"
#include "view.h"

/* Room for a quote: the first words of a paragraph or a search hit. */
#define QUOTE_COLS 24

static void
recount(struct view *v)
{
	struct view_own *o = &v->own;

	if (o->counts)
		o->orphans = state_note_counts(v->d, &o->st->d, o->counts);
}

/* The search prompt's history is that of the sessions before, the
 * latest last. */
static void
load_history(struct view *v)
{
	const struct state_data *d = &v->own.st->d;
	size_t from = d->nhistory > PROMPT_HISTORY ? d->nhistory - PROMPT_HISTORY : 0;

	for (size_t i = from; i < d->nhistory; i++) {
		prompt_open(&v->prompt);
		prompt_insert(&v->prompt, d->history[i], strlen(d->history[i]));
		prompt_remember(&v->prompt);
	}
	prompt_open(&v->prompt);
}

int
own_init(struct view *v, struct state *st)
{
	struct view_own *o = &v->own;

	o->st = st;
	o->counts = calloc(v->d->nparas ? v->d->nparas : 1, sizeof *o->counts);
	if (!o->counts)
		return -1;
	recount(v);
	load_history(v);
	return 0;
}

void
own_free(struct view *v)
{
	struct view_own *o = &v->own;

	free(o->counts);
	free(o->quote);
	free(o->edit_id);
	free(o->rows);
	prompt_free(&o->input);
	memset(o, 0, sizeof *o);
}

static void
say(struct view *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A one-shot message on the status line. */
static void
say(struct view *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->message, sizeof v->message, fmt, ap);
	va_end(ap);
}

static void refresh_list(struct view *v);

/* ---- the place ---- */

static size_t
row_of_event(const struct view *v, size_t ev)
{
	for (size_t r = 0; r < tl_count(v); r++)
		if (tl_event(v, r) == ev)
			return r;
	return tl_count(v);
}

static const char *const focus_names[NPANES] = {
	[PANE_TIMELINE] = "timeline", [PANE_PEOPLE] = "people", [PANE_ARTICLE] = "article",
};

void
own_resume(struct view *v, bool from_top)
{
	const struct state_data *d = &v->own.st->d;
	const struct state_place *pl = &d->place;
	struct state_spot s;

	if (from_top || !d->have_place || v->d->nparas == 0)
		return;
	state_place_resolve(v->d, pl, &s);
	if (pl->para)
		art_restore_place(v, pl->para, strlen(pl->para), pl->offset);
	/* The selections as they were, which the reading place need not
	 * have chosen. */
	if (s.event >= 0 && row_of_event(v, (size_t)s.event) < tl_count(v)) {
		v->tl.sel = row_of_event(v, (size_t)s.event);
		pane_ops[PANE_TIMELINE]->show(v);
	}
	if (s.person >= 0) {
		view_show_orgs(v, false);
		view_select_entity(v, (size_t)s.person);
	}
	for (int p = 0; p < NPANES; p++)
		if (pl->focus && strcmp(pl->focus, focus_names[p]) == 0)
			view_focus(v, (enum pane)p);
}

void
own_capture(struct view *v)
{
	struct state_place p = { 0 };
	struct ds_str ev = { NULL, 0 }, person = { NULL, 0 }, id;
	char *e = NULL, *who = NULL;

	if (v->d->nparas == 0)
		return;
	if (tl_count(v))
		ev = v->d->events[tl_event(v, v->tl.sel)].id;
	if (v->d->npeople)
		person = v->d->people[v->people.sel].id;
	id = art_place(v, &p.offset);
	p.focus = (char *)focus_names[v->focus];
	p.para = strndup(id.s, id.n);
	p.event = e = ev.s ? strndup(ev.s, ev.n) : NULL;
	p.person = who = person.s ? strndup(person.s, person.n) : NULL;
	if (p.para && (!ev.s || e) && (!person.s || who))
		state_set_place(v->own.st, &p, state_now());
	free(p.para);
	free(e);
	free(who);
}

void
own_save(struct view *v, bool at_end)
{
	struct state *st = v->own.st;
	char w[512];

	if (!st)
		return;
	if (at_end)
		own_capture(v);
	if (!at_end && !st->urgent)
		return;
	/* A save that fails is tried again at the next change or at the
	 * end, not at every key. */
	if (state_save(st, state_now()) != 0)
		st->urgent = false;
	if (state_take_warning(st, w))
		say(v, "%s", w);
	/* The save brought in what other sessions saved. */
	recount(v);
	if (v->own.listing)
		refresh_list(v);
}

/* ---- marks ---- */

void
own_jumped(struct view *v, size_t para, size_t off)
{
	v->own.have_jump = true;
	v->own.jump_para = para;
	v->own.jump_off = off;
}

void
own_expect_letter(struct view *v, int which)
{
	if (!v->own.st)
		return;
	v->own.pending = which;
	if (which == 'm')
		say(v, _("mark: type a letter"));
	else
		say(v, _("go to mark: type a letter, or ' for the place before the last jump"));
}

/* Moves the reading place to byte off of paragraph para, remembering
 * where it was for ''. */
static void
go(struct view *v, size_t para, size_t off)
{
	size_t from_para = v->art.para, from_off = v->art.off;
	const struct ds_str *id = &v->d->paras[para].id;

	art_restore_place(v, id->s, id->n, off);
	if (v->focus != PANE_ARTICLE)
		view_focus(v, PANE_ARTICLE);
	own_jumped(v, from_para, from_off);
}

static char *
para_id(const struct view *v, size_t para)
{
	return strndup(v->d->paras[para].id.s, v->d->paras[para].id.n);
}

static void
set_mark(struct view *v, int letter)
{
	char *id, l[2] = { (char)letter, '\0' };
	size_t off;
	struct ds_str place;

	if (v->d->nparas == 0)
		return;
	place = art_place(v, &off);
	if (!(id = strndup(place.s, place.n)))
		return;
	if (state_set_mark(v->own.st, letter, id, off, state_now()) == 0)
		say(v, _("mark %s set"), l);
	free(id);
}

static void
goto_mark(struct view *v, int letter)
{
	const struct state_mark *m = state_get_mark(v->own.st, letter);
	char l[2] = { (char)letter, '\0' };
	size_t off;
	long p;

	if (letter == '\'') {
		if (v->own.have_jump)
			go(v, v->own.jump_para, v->own.jump_off);
		else
			say(v, _("no jump to go back to"));
		return;
	}
	if (!m) {
		say(v, _("mark %s not set"), l);
		return;
	}
	if ((p = state_offset_resolve(v->d, m->para, m->offset, &off)) < 0) {
		say(v, _("mark's paragraph %s is gone"), m->para);
		return;
	}
	go(v, (size_t)p, off);
}

void
own_letter(struct view *v, int code)
{
	int which = v->own.pending;

	v->own.pending = 0;
	v->message[0] = '\0';
	if (state_mark_index(code) >= 0 && which == 'm')
		set_mark(v, code);
	else if ((state_mark_index(code) >= 0 || code == '\'') && which == '\'')
		goto_mark(v, code);
	if (state_mark_index(code) < 0 && code != '\'')
		say(v, "%s", which == 'm' ? _("marks are letters: none set") :
		    _("marks are letters: none gone to"));
}

/* ---- own notes ---- */

/* The quote of a new note: the current search hit when it is in that
 * paragraph, else the words at the reading place. */
static char *
quote_for(const struct view *v, size_t para)
{
	const struct ds_str *t = &v->d->paras[para].text;
	size_t off = para == v->art.para ? v->art.off : 0, n;

	/* The reading place may be on the paragraph's English, after its
	 * text: the quote is then its first words. */
	if (off >= t->n)
		off = 0;

	if (v->have_hits && v->cur_hit < v->search.nhits) {
		const struct search_seg *sg = search_seg_of(&v->search,
		    &v->search.hits[v->cur_hit]);
		size_t hoff, hlen;
		if (sg->kind == DS_PARAGRAPH && sg->item == para && sg->orig == t->s) {
			search_hit_span(&v->search, v->cur_hit, &hoff, &hlen);
			return strndup(t->s + hoff, hlen);
		}
	}
	n = text_clip(t->s + off, t->n - off, QUOTE_COLS, NULL);
	/* Latin words are not cut in the middle when a space is near. */
	for (size_t k = n; n < t->n - off && k > n / 2; k--)
		if (t->s[off + k] == ' ') {
			n = k;
			break;
		}
	return strndup(t->s + off, n);
}

static void
open_input(struct view *v, enum own_prompt mode, const char *text)
{
	prompt_open(&v->own.input);
	if (text)
		prompt_insert(&v->own.input, text, strlen(text));
	v->own.prompting = mode;
	v->message[0] = '\0';
}

void
own_note_start(struct view *v)
{
	if (!v->own.st || v->d->nparas == 0)
		return;
	free(v->own.quote);
	v->own.para = v->art.para;
	if (!(v->own.quote = quote_for(v, v->art.para)))
		return;
	open_input(v, OWN_ADD, NULL);
}

void
own_note_finish(struct view *v, bool accept)
{
	struct view_own *o = &v->own;
	char *text = strndup(o->input.buf, o->input.len), *id;

	if (accept && text && o->prompting == OWN_ADD && o->input.len &&
	    (id = para_id(v, o->para)) != NULL) {
		if (state_add_note(o->st, id, o->quote, text, state_now()) == 0)
			say(v, _("note added to %s"), id);
		free(id);
	} else if (accept && text && o->prompting == OWN_EDIT) {
		if (o->input.len == 0)
			state_delete_note(o->st, o->edit_id, state_now());
		else
			state_edit_note(o->st, o->edit_id, text, state_now());
		say(v, o->input.len ? _("note changed") : _("note deleted"));
	}
	free(text);
	o->prompting = OWN_NONE;
	recount(v);
	if (o->listing)
		refresh_list(v);
}

/* ---- the lists ---- */

static const char letters[] =
    "a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0u\0v\0w\0x\0y\0z\0"
    "A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z";

static struct ds_str
str(const char *s)
{
	return (struct ds_str){ s ? s : "", s ? strlen(s) : 0 };
}

/* The notes listed, in reading order (orphans last): only those matching
 * the search while its hits are shown. */
static void
list_notes(struct view *v)
{
	struct view_own *o = &v->own;
	const struct state_data *d = &o->st->d;
	size_t *match = NULL;
	long nm = 0, n;

	if (v->have_hits && v->prompt.len) {
		char *q = strndup(v->prompt.buf, v->prompt.len);
		match = malloc((d->nnotes + 1) * sizeof *match);
		nm = q && match ? state_find_notes(d, q, match, d->nnotes) : -1;
		free(q);
	}
	n = nm < 0 ? -1 : state_notes_in_order(v->d, d, match, (size_t)nm, o->rows);
	free(match);
	o->nrows = n > 0 ? (size_t)n : 0;
}

static void
list_marks(struct view *v)
{
	struct view_own *o = &v->own;

	o->nrows = 0;
	for (int i = 0; i < STATE_NMARKS; i++)
		if (o->st->d.marks[i].para)
			o->rows[o->nrows++] = (size_t)i;
}

static void
fill_overlay(struct view *v)
{
	struct view_own *o = &v->own;
	const struct state_data *d = &o->st->d;
	struct overlay *ov = &v->ov;

	overlay_clear(ov);
	ov->kind = OV_DETAILS;
	for (size_t r = 0; r < o->nrows; r++) {
		enum role role = r == o->sel ? R_SELECTED : R_MYNOTE;
		if (o->listing == OWN_LIST_NOTES) {
			const struct state_note *n = &d->notes[o->rows[r]];
			long p;
			enum state_anchor a = state_note_anchor(v->d, n, &p);
			struct ds_str label = a == ANCHOR_ORPHANED ? str(_("orphaned")) :
			    v->d->paras[p].id;
			overlay_add_join(ov, label, str(n->quote), "  ", str(n->text), role);
		} else {
			const struct state_mark *m = &d->marks[o->rows[r]];
			size_t off;
			long p = state_offset_resolve(v->d, m->para, m->offset, &off);
			struct ds_str words = str(_("(gone)"));
			if (p >= 0) {
				const struct ds_str *t = &v->d->paras[p].text;
				words = (struct ds_str){ t->s + off,
					text_clip(t->s + off, t->n - off, QUOTE_COLS * 2, NULL) };
			}
			overlay_add_join(ov, str(letters + 2 * o->rows[r]), str(m->para), "  ",
			    words, role);
		}
	}
	if (o->nrows == 0)
		overlay_add(ov, str(o->listing == OWN_LIST_NOTES ? _("My notes") : _("Marks")),
		    str(o->listing == OWN_LIST_NOTES ? _("none: a adds one to the reading place") :
		    _("none: m and a letter sets one")), R_DIM);
	overlay_place(ov, &v->lay);
	if (o->nrows)
		overlay_show_row(ov, overlay_row_of(ov, ov->items[o->sel].value.s, 0));
}

static void
refresh_list(struct view *v)
{
	struct view_own *o = &v->own;
	size_t *rows = realloc(o->rows, (o->st->d.nnotes + STATE_NMARKS + 1) * sizeof *rows);

	if (!rows)
		return;
	o->rows = rows;
	if (o->listing == OWN_LIST_NOTES)
		list_notes(v);
	else
		list_marks(v);
	if (o->sel >= o->nrows)
		o->sel = o->nrows ? o->nrows - 1 : 0;
	fill_overlay(v);
}

void
own_open_list(struct view *v, enum own_list which)
{
	if (!v->own.st)
		return;
	if (!overlay_fits(&v->lay)) {
		say(v, "%s", which == OWN_LIST_NOTES ? _("terminal too small for the notes") :
		    _("terminal too small for the marks"));
		return;
	}
	v->own.listing = which;
	v->own.sel = 0;
	refresh_list(v);
}

static void
close_list(struct view *v)
{
	v->own.listing = OWN_LIST_NONE;
	view_close_overlay(v);
}

static void
list_go(struct view *v)
{
	struct view_own *o = &v->own;
	long p;
	size_t off = 0;

	if (o->nrows == 0)
		return;
	if (o->listing == OWN_LIST_NOTES) {
		const struct state_note *n = &o->st->d.notes[o->rows[o->sel]];
		if (state_note_anchor(v->d, n, &p) == ANCHOR_ORPHANED) {
			say(v, _("this note's paragraph %s is gone"), n->para);
			return;
		}
	} else {
		const struct state_mark *m = &o->st->d.marks[o->rows[o->sel]];
		if ((p = state_offset_resolve(v->d, m->para, m->offset, &off)) < 0) {
			say(v, _("mark's paragraph %s is gone"), m->para);
			return;
		}
	}
	close_list(v);
	go(v, (size_t)p, off);
}

void
own_list_key(struct view *v, enum action action)
{
	struct view_own *o = &v->own;

	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		if (o->nrows == 0)
			break;
		o->sel = action == ACT_DOWN ? (o->sel + 1 < o->nrows ? o->sel + 1 : o->sel) :
		    (o->sel ? o->sel - 1 : 0);
		fill_overlay(v);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		o->sel = action == ACT_TOP || o->nrows == 0 ? 0 : o->nrows - 1;
		fill_overlay(v);
		break;
	case ACT_OWN_GO: list_go(v); break;
	case ACT_OWN_EDIT:
		if (o->listing == OWN_LIST_NOTES && o->nrows) {
			const struct state_note *n = &o->st->d.notes[o->rows[o->sel]];
			free(o->edit_id);
			if ((o->edit_id = strdup(n->id)) != NULL)
				open_input(v, OWN_EDIT, n->text);
		}
		break;
	case ACT_OWN_DELETE:
		if (o->listing == OWN_LIST_NOTES && o->nrows) {
			state_delete_note(o->st, o->st->d.notes[o->rows[o->sel]].id, state_now());
			recount(v);
			refresh_list(v);
			say(v, _("note deleted"));
		}
		break;
	case ACT_CLOSE: close_list(v); break;
	default: break;
	}
}

void
own_details(struct view *v, struct overlay *o, size_t para)
{
	const struct state_data *d;

	if (!v->own.counts || !v->own.counts[para])
		return;
	d = &v->own.st->d;
	for (size_t i = 0; i < d->nnotes; i++) {
		long p;
		if (d->notes[i].deleted || state_note_anchor(v->d, &d->notes[i], &p) ==
		    ANCHOR_ORPHANED || p != (long)para)
			continue;
		overlay_add_join(o, str(_("My note")), str(d->notes[i].quote), "  ",
		    str(d->notes[i].text), R_MYNOTE);
	}
}

void
own_searched(struct view *v, const char *query)
{
	if (v->own.st)
		state_add_query(v->own.st, query);
}
