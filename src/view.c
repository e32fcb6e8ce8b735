/* The view's state and its operations: focus, keys, mouse, search hits,
 * overlays.  The panes' own operations are in view_lists.c and
 * view_article.c, reached through their pane_ops entries. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "view.h"

const struct pane_ops *const pane_ops[NPANES] = {
	[PANE_TIMELINE] = &timeline_ops,
	[PANE_PEOPLE] = &people_ops,
	[PANE_ARTICLE] = &article_ops,
};

int
pane_height(const struct view *v, enum pane p)
{
	int h = layout_inner(&v->lay, p).h;

	return h > 0 ? h : 1;
}

/* The layout with the reader's choices and what the lists hold: the
 * dossier's events (the box keeps its size under a filter), its people
 * or organizations as shown.  The splits'
 * moves are kept as made, so that a move past a limit is not stored. */
static void
layout(struct view *v, int rows, int cols)
{
	size_t pp = v->show_orgs ? v->d->norgs : v->d->npeople;

	v->lopts.tl_rows = v->d->nevents < 10000 ? (int)v->d->nevents : 0;
	v->lopts.people_rows = pp < 10000 ? (int)pp : 0;
	layout_compute_opts(&v->lay, rows, cols, v->focus, &v->lopts);
	if (v->lay.mode == LAYOUT_FULL) {
		v->lopts.left = v->lay.left;
		v->lopts.top = v->lay.top;
	}
}

int
view_init(struct view *v, struct dossier *d, struct index *ix)
{
	memset(v, 0, sizeof *v);
	v->d = d;
	v->filter = -1;
	v->art_filter = -1;
	v->marked_para = -1;
	v->cur_note = -1;
	v->mention_para = -1;
	v->highlight_kind = -1;
	v->focus = PANE_TIMELINE;
	v->date_w = timeline_date_measure(d);
	v->draft_w = timeline_draft_measure(d);
	search_init(&v->search, d);
	v->wrap = calloc(d->nparas ? d->nparas : 1, sizeof *v->wrap);
	v->text_before = malloc((d->nparas + 1) * sizeof *v->text_before);
	for (size_t i = 0; v->text_before && i <= d->nparas; i++)
		v->text_before[i] = i ? v->text_before[i - 1] + d->paras[i - 1].text.n : 0;
	/* Take over the index if one was made while d was loaded. */
	v->ix = *ix;
	memset(ix, 0, sizeof *ix);
	if (!v->ix.d && index_init(&v->ix, d) < 0)
		return -1;
	if (!v->wrap || !v->text_before || v->ix.oom)
		return -1;
	search_bridging(&v->search, &v->ix);
	/* A size until the screen tells its own. */
	layout(v, 24, 80);
	/* With several articles the reading starts at the first one's head. */
	if (d->nparas && art_head_rows(v, 0))
		v->art = art_pos_at(v, 0, 0, art_text_width(v));
	view_follow_reading(v);
	return 0;
}

void
view_free(struct view *v)
{
	for (size_t i = 0; v->wrap && i < v->d->nparas; i++)
		free(v->wrap[i].lines);
	free(v->wrap);
	v->wrap = NULL;
	free(v->text_before);
	v->text_before = NULL;
	free(v->tl_rows);
	free(v->ent_rows[0]);
	free(v->ent_rows[1]);
	index_free(&v->ix);
	search_free(&v->search);
	prompt_free(&v->prompt);
	overlay_free(&v->ov);
	own_free(v);
}

void
view_resize(struct view *v, int rows, int cols)
{
	layout(v, rows, cols);
	for (int p = 0; p < NPANES; p++)
		pane_ops[p]->show(v);
	if (v->ov.kind != OV_NONE) {
		if (overlay_fits(&v->lay))
			overlay_place(&v->ov, &v->lay);
		else    /* the terminal shrank under it */
			view_close_overlay(v);
	}
}

void
view_focus(struct view *v, enum pane p)
{
	v->focus = p;
	layout(v, v->lay.rows, v->lay.cols);
	if (v->lay.zoomed)      /* the pane zoomed is another: all it shows */
		view_resize(v, v->lay.rows, v->lay.cols);
	pane_ops[p]->show(v);
}

void
view_relayout(struct view *v)
{
	view_resize(v, v->lay.rows, v->lay.cols);
}

void
view_show_orgs(struct view *v, bool orgs)
{
	if (v->show_orgs == orgs)
		return;
	v->show_orgs = orgs;
	view_relayout(v);
}

void
view_zoom(struct view *v)
{
	v->lopts.zoom = !v->lopts.zoom;
	view_relayout(v);
}

void
view_move_split(struct view *v, int cols, int rows)
{
	if (v->lay.mode != LAYOUT_FULL || v->lay.zoomed) {
		snprintf(v->message, sizeof v->message, "%s",
		    v->lay.zoomed ? _("zoomed: z shows every pane") :
		    _("one pane at a time: no split to move"));
		return;
	}
	v->lopts.left += cols;
	v->lopts.top += rows;
	view_relayout(v);
}

void
view_reset_split(struct view *v)
{
	v->lopts.left = v->lopts.top = 0;
	view_relayout(v);
}

/* ---- overlays ---- */

void
view_close_overlay(struct view *v)
{
	overlay_clear(&v->ov);
	v->own.listing = OWN_LIST_NONE;
}

static bool
overlay_room(struct view *v, const char *no_room)
{
	if (overlay_fits(&v->lay))
		return true;
	snprintf(v->message, sizeof v->message, "%s", no_room);
	return false;
}

void
view_open_help(struct view *v)
{
	if (!overlay_room(v, _("no room for help")))
		return;
	overlay_help(&v->ov);
	overlay_place(&v->ov, &v->lay);
}

void
view_open_details(struct view *v)
{
	if (!overlay_room(v, _("no room for details")))
		return;
	overlay_clear(&v->ov);
	v->ov.kind = OV_DETAILS;
	pane_ops[v->focus]->details(v, &v->ov);
	overlay_place(&v->ov, &v->lay);
}

static struct ds_str
lit(const char *s)
{
	return (struct ds_str){ s, strlen(s) };
}

/* Adds label: value when the data has a value, with its Latin form. */
static void
add_field(struct overlay *o, const char *label, struct ds_str value, struct ds_str latin)
{
	if (!value.n)
		return;
	if (latin.n)
		overlay_add_join(o, lit(label), value, " / ", latin, R_NORMAL);
	else
		overlay_add(o, lit(label), value, R_NORMAL);
}

void
view_open_dossier(struct view *v)
{
	static const struct ds_str none = { "", 0 };
	const struct dossier *d = v->d;

	if (!overlay_room(v, _("no room for the dossier")))
		return;
	overlay_clear(&v->ov);
	v->ov.kind = OV_DETAILS;
	/* Hits of the articles' fields are marked: the first article's. */
	v->ov.item_kind = DS_ARTICLE;
	v->ov.item = 0;
	overlay_add(&v->ov, lit(_("Dossier")), d->title.n ? d->title : lit(_("(untitled)")), R_HEADING);
	add_field(&v->ov, _("Summary"), d->summary, none);
	add_field(&v->ov, _("Language"), d->language, none);
	for (size_t i = 0; i < d->narticles; i++) {
		const struct ds_article *a = &d->articles[i];
		overlay_add(&v->ov, lit(_("Article")), a->title.n ? a->title : a->id, R_HEADING);
		add_field(&v->ov, _("English title"), a->title_en, none);
		add_field(&v->ov, _("Author"), a->author, a->author_latin);
		add_field(&v->ov, _("Editor"), a->editor, a->editor_latin);
		add_field(&v->ov, _("Date"), a->date, none);
		add_field(&v->ov, _("Source"), a->source, none);
	}
	overlay_place(&v->ov, &v->lay);
}

/* ---- keys ---- */

/* Esc: drop the filter, then the article filter, then the search hits,
 * then the marks. */
static void
cancel(struct view *v)
{
	if (v->filter >= 0)
		view_set_filter(v, -1);
	else if (v->art_filter >= 0)
		view_set_article_filter(v, -1);
	else if (v->have_hits)
		v->have_hits = false;
	else {
		v->marked_para = -1;
		v->highlight_kind = -1;
	}
	v->message[0] = '\0';
}

static void
toggle_filter(struct view *v)
{
	if (v->filter >= 0) {
		view_set_filter(v, -1);
		return;
	}
	if (v->show_orgs || v->d->npeople == 0) {
		snprintf(v->message, sizeof v->message, "%s", _("f filters by a person: press o for people"));
		return;
	}
	if (people_count(v))
		view_set_filter(v, (long)people_entity(v, v->people.sel));
}

/* A key while an overlay is open: it scrolls, steps through hits or
 * closes; other keys do nothing. */
/* The timeline's row of event ev; a filter that hides it is lifted,
 * and the status line says so. */
static size_t
event_row(struct view *v, size_t ev)
{
	size_t row;

	for (row = 0; row < tl_count(v) && tl_event(v, row) != ev; row++)
		;
	if (row < tl_count(v) || v->filter < 0)
		return row;
	view_set_filter(v, -1);
	snprintf(v->message, sizeof v->message, "%s", _("filter lifted to show the event"));
	for (row = 0; row < tl_count(v) && tl_event(v, row) != ev; row++)
		;
	return row;
}

/* Enter in details: to the event or paragraph selected, else closes. */
static void
follow_link(struct view *v)
{
	struct ov_item *it = v->ov.picked && v->ov.sel < v->ov.nitems ? &v->ov.items[v->ov.sel] : NULL;
	enum ds_kind kind = it ? it->link_kind : DS_NKINDS;
	size_t link = it ? it->link : 0;

	view_close_overlay(v);
	if (kind == DS_EVENT) {
		size_t row = event_row(v, link);
		view_focus(v, PANE_TIMELINE);
		if (row < tl_count(v)) {
			v->tl.sel = row;
			list_show(&v->tl, tl_count(v), pane_height(v, PANE_TIMELINE));
			view_select_event(v, row);
		}
	} else if (kind == DS_PARAGRAPH) {
		view_focus(v, PANE_ARTICLE);
		art_goto(v, link, 0);
		view_follow_reading(v);
	}
}

static void
overlay_key(struct view *v, enum action a)
{
	if (notes_overlay_key(v, a))
		return;
	if (v->ov.kind == OV_ARTICLES) {
		view_articles_key(v, a);
		return;
	}
	switch (a) {
	case ACT_CLOSE: view_close_overlay(v); break;
	case ACT_OVERLAY_ENTER: follow_link(v); break;
	case ACT_NEXT_LINK:
	case ACT_PREV_LINK:
		if (v->ov.kind == OV_DETAILS && !overlay_pick_link(&v->ov, a == ACT_NEXT_LINK ? 1 : -1))
			snprintf(v->message, sizeof v->message, "%s", _("nothing here to go to"));
		break;
	case ACT_NEXT_HIT: view_step_hit(v, 1); break;
	case ACT_PREV_HIT: view_step_hit(v, -1); break;
	default: overlay_action(&v->ov, a); break;
	}
}

/* The moves after which '' goes back to where the article was. */
static bool
is_jump(enum action a)
{
	return a == ACT_TOP || a == ACT_BOTTOM || a == ACT_NEXT_HIT || a == ACT_PREV_HIT;
}

enum key_scope
view_scope(const struct view *v)
{
	if (v->own.listing)
		return KS_LIST;
	if (v->ov.kind == OV_ARTICLES)
		return KS_ARTICLES;
	return v->ov.kind != OV_NONE ? KS_OVERLAY : pane_ops[v->focus]->scope;
}

void
view_action(struct view *v, enum action a)
{
	struct art_pos before = v->art;

	if (v->own.listing) {
		own_list_key(v, a);
		return;
	}
	if (v->ov.kind != OV_NONE) {
		overlay_key(v, a);
		return;
	}
	switch (a) {
	case ACT_MARK: own_expect_letter(v, 'm'); break;
	case ACT_GOTO_MARK: own_expect_letter(v, '\''); break;
	case ACT_OWN_NOTE: own_note_start(v); break;
	case ACT_OWN_NOTES: own_open_list(v, OWN_LIST_NOTES); break;
	case ACT_OWN_MARKS: own_open_list(v, OWN_LIST_MARKS); break;
	case ACT_QUIT: v->quit = true; break;
	case ACT_HELP: view_open_help(v); break;
	case ACT_NEXT_PANE: view_focus(v, (enum pane)((v->focus + 1) % NPANES)); break;
	case ACT_PREV_PANE: view_focus(v, (enum pane)((v->focus + NPANES - 1) % NPANES)); break;
	case ACT_PANE_TIMELINE: view_focus(v, PANE_TIMELINE); break;
	case ACT_PANE_PEOPLE: view_focus(v, PANE_PEOPLE); break;
	case ACT_PANE_ARTICLE: view_focus(v, PANE_ARTICLE); break;
	case ACT_ENTER: view_open_details(v); break;
	case ACT_NEXT_HIT: view_step_hit(v, 1); break;
	case ACT_PREV_HIT: view_step_hit(v, -1); break;
	case ACT_FILTER: toggle_filter(v); break;
	case ACT_TEXT_MODE: view_cycle_text(v); break;
	case ACT_CANCEL: cancel(v); break;
	case ACT_ZOOM: view_zoom(v); break;
	case ACT_DOSSIER: view_open_dossier(v); break;
	case ACT_NEXT_NOTE: view_step_note(v, 1); break;
	case ACT_PREV_NOTE: view_step_note(v, -1); break;
	case ACT_NOTES: view_open_notes(v); break;
	case ACT_MOUSE: view_toggle_mouse(v); break;
	case ACT_NEXT_MENTION: view_step_mention(v, 1); break;
	case ACT_PREV_MENTION: view_step_mention(v, -1); break;
	case ACT_LIST_NARROWER: view_move_split(v, -4, 0); break;
	case ACT_LIST_WIDER: view_move_split(v, 4, 0); break;
	case ACT_TIMELINE_SHORTER: view_move_split(v, 0, -2); break;
	case ACT_TIMELINE_TALLER: view_move_split(v, 0, 2); break;
	case ACT_SPLIT_RESET: view_reset_split(v); break;
	case ACT_NEXT_ARTICLE:
	case ACT_PREV_ARTICLE:
		if (!view_step_article(v, a == ACT_NEXT_ARTICLE ? 1 : -1))
			snprintf(v->message, sizeof v->message, "%s",
			    a == ACT_NEXT_ARTICLE ? _("no next article") : _("no previous article"));
		break;
	case ACT_ARTICLES: view_open_articles(v); break;
	case ACT_FILTER_ARTICLE:
		view_set_article_filter(v, v->art_filter >= 0 || !v->d->narticles ? -1 :
		    (long)art_article(v));
		break;
	default: pane_ops[v->focus]->action(v, a); break;
	}
	if (is_jump(a) && (v->art.para != before.para || v->art.off != before.off))
		own_jumped(v, before.para, before.off);
}

/* ---- mouse ---- */

static bool
in_rect(struct rect r, int y, int x)
{
	return y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

void
view_click_at(struct view *v, int y, int x, long ms)
{
	bool twice = v->click_ms > 0 && ms - v->click_ms <= VIEW_DOUBLE_CLICK_MS &&
	    y == v->click_y && x == v->click_x && v->ov.kind == OV_NONE;

	/* A third click is a first again. */
	v->click_ms = twice ? 0 : ms;
	v->click_y = y;
	v->click_x = x;
	if (twice && layout_pane_at(&v->lay, y, x) == (int)v->focus)
		view_open_details(v);
	else
		view_click(v, y, x);
}

void
view_toggle_mouse(struct view *v)
{
	v->mouse = !v->mouse;
	snprintf(v->message, sizeof v->message, "%s", v->mouse ?
	    _("mouse on: click, double-click and wheel (c: off)") :
	    _("mouse off: the terminal selects and copies (c: on)"));
}

void
view_click(struct view *v, int y, int x)
{
	int p;
	struct rect in;

	if (v->lay.mode == LAYOUT_TOO_SMALL)
		return;
	if (v->ov.kind != OV_NONE) {
		if (!in_rect(v->ov.box, y, x))
			view_close_overlay(v);
		return;
	}
	if ((p = layout_tab_at(&v->lay, y, x)) >= 0) {
		view_focus(v, (enum pane)p);
		return;
	}
	if ((p = layout_pane_at(&v->lay, y, x)) < 0)
		return;
	view_focus(v, (enum pane)p);
	in = layout_inner(&v->lay, (enum pane)p);
	if (in_rect(in, y, x))
		pane_ops[p]->click(v, y - in.y);
}

void
view_wheel(struct view *v, int y, int x, int rows)
{
	int p;

	if (v->lay.mode == LAYOUT_TOO_SMALL)
		return;
	if (v->ov.kind != OV_NONE) {
		overlay_scroll(&v->ov, rows);
		return;
	}
	if ((p = layout_pane_at(&v->lay, y, x)) >= 0)
		pane_ops[p]->wheel(v, rows);
}

/* ---- search ---- */

/* The first hit of [lo, hi) that ends after from, all of them in one
 * string in order: a binary search, so that a line late in a long
 * paragraph maps a few hits back, not the thousands before it. */
static size_t
first_ending_after(const struct search *se, size_t lo, size_t hi, size_t from)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, off, len;
		search_hit_span(se, mid, &off, &len);
		if (off + len > from)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

size_t
view_hit_spans_in(const struct view *v, enum ds_kind kind, size_t item,
    struct ds_str s, size_t from, size_t to, struct span *out, size_t max)
{
	const struct search *se = &v->search;
	size_t n = 0, h, end, lo, hi;
	uint32_t seg;

	if (!v->have_hits && !v->searching)
		return 0;
	/* The item's hits come string by string: find those of s. */
	for (h = search_first_at(se, kind, item); h < se->nhits; h++) {
		const struct search_seg *sg = search_seg_of(se, &se->hits[h]);
		if (sg->kind != kind || sg->item != item)
			return 0;
		if (sg->orig == s.s)
			break;
	}
	if (h >= se->nhits)
		return 0;
	seg = se->hits[h].seg;
	for (lo = h, hi = se->nhits; lo < hi; ) {   /* the end of s's hits */
		size_t mid = lo + (hi - lo) / 2;
		if (se->hits[mid].seg <= seg)
			lo = mid + 1;
		else
			hi = mid;
	}
	end = lo;
	for (h = first_ending_after(se, h, end, from); h < end && n < max; h++) {
		size_t off, len;
		search_hit_span(se, h, &off, &len);
		if (off >= to)
			break;
		out[n++] = (struct span){ off, len, h == v->cur_hit ? R_CUR_HIT : R_HIT };
	}
	return n;
}

size_t
view_hit_spans(const struct view *v, enum ds_kind kind, size_t item,
    struct ds_str s, struct span *out, size_t max)
{
	return view_hit_spans_in(v, kind, item, s, 0, s.n, out, max);
}

void
view_hit_bridge(const struct view *v, size_t hit, char *buf, size_t size)
{
	const struct search *se = &v->search;
	const struct search_bridge *b;
	const struct search_seg *sg, *form;
	size_t off, len;

	if (size)
		buf[0] = '\0';
	if (hit >= se->nhits || !(b = search_bridge_of(se, hit)))
		return;
	sg = search_seg_of(se, &se->hits[hit]);
	form = &se->segs[b->seg];
	search_hit_span(se, hit, &off, &len);
	/* Data bytes: the status line draws them through text_clip. */
	snprintf(buf, size, _("%.*s = %.*s"), (int)len, sg->orig + off,
	    (int)form->orig_n, form->orig);
}

/* The kinds a pane lists, in reading order. */
static bool
pane_lists(const struct view *v, enum ds_kind k)
{
	switch (v->focus) {
	case PANE_TIMELINE: return k == DS_EVENT;
	case PANE_PEOPLE: return k == (v->show_orgs ? DS_ORG : DS_PERSON);
	default: return k == DS_PARAGRAPH;
	}
}

/* Where a search starts: the first hit at or after the focused pane's
 * selection or reading place among that pane's items, else its first
 * hit there, else the first after it anywhere, else the first. */
static size_t
hit_from_here(struct view *v)
{
	const struct search *s = &v->search;
	enum ds_kind k;
	size_t item, h, first;

	switch (v->focus) {
	case PANE_TIMELINE:
		k = DS_EVENT;
		item = tl_count(v) ? tl_event(v, v->tl.sel) : 0;
		break;
	case PANE_PEOPLE:
		k = v->show_orgs ? DS_ORG : DS_PERSON;
		item = people_count(v) ? people_entity(v, (v->show_orgs ? v->orgs : v->people).sel) : 0;
		break;
	default:
		k = DS_PARAGRAPH;
		item = v->art.para;
	}
	h = search_first_at(s, k, item);
	if (h < s->nhits && pane_lists(v, (enum ds_kind)search_seg_of(s, &s->hits[h])->kind))
		return h;
	first = search_first_at(s, k, 0);
	if (first < s->nhits && pane_lists(v, (enum ds_kind)search_seg_of(s, &s->hits[first])->kind))
		return first;
	return h < s->nhits ? h : 0;
}

void
view_search_update(struct view *v)
{
	long n = search_run(&v->search, v->prompt.buf, v->prompt.len);

	v->have_hits = n > 0;
	if (n <= 0)
		return;
	view_goto_hit(v, hit_from_here(v));
}

/* Opens the details of the focused pane's selection with the hit's row
 * in sight. */
static void
details_for_hit(struct view *v, const struct search_seg *sg, size_t off)
{
	size_t r;

	overlay_clear(&v->ov);
	if (!overlay_fits(&v->lay))
		return;
	v->ov.kind = OV_DETAILS;
	if (sg->kind == DS_PARAGRAPH)   /* the top one may be another, at the end */
		paragraph_details(v, &v->ov, sg->item);
	else
		pane_ops[v->focus]->details(v, &v->ov);
	overlay_place(&v->ov, &v->lay);
	r = overlay_row_of(&v->ov, sg->orig, off);
	overlay_show_row(&v->ov, r);
}

/* Whether the hit at off in sg's string shows, highlighted, in a column
 * starting at x (from the pane's left) w columns wide: its first
 * character at least. */
static bool
fits(const struct search_seg *sg, size_t off, int x, int w, int pane_w)
{
	size_t clen;
	int end = text_width(sg->orig, off) +
	    text_char_width(sg->orig + off, sg->orig_n - off, &clen);

	if (x + w > pane_w)
		w = pane_w - x;
	return end <= w;
}

/* Whether the hit is drawn in the timeline row of its event. */
static bool
event_hit_shown(const struct view *v, const struct search_seg *sg, size_t off)
{
	int pw = layout_inner(&v->lay, PANE_TIMELINE).w, dw = timeline_date_width(v);

	if (sg->field == SF_DATE)
		return fits(sg, off, 1, dw, pw);
	return sg->field == SF_TITLE && fits(sg, off, 1 + dw + 1 + timeline_draft_width(v), pw, pw);
}

/* Whether the hit is drawn in the people pane: the name, the Latin alias
 * beside it and the role, each in its column. */
static bool
entity_hit_shown(const struct view *v, const struct search_seg *sg, size_t off)
{
	const struct ds_entity *e = sg->kind == DS_ORG ? &v->d->orgs[sg->item] :
	    &v->d->people[sg->item];
	int pw = layout_inner(&v->lay, PANE_PEOPLE).w, nw, aw;

	people_columns(v, &nw, &aw);
	switch (sg->field) {
	case SF_NAME:
		return fits(sg, off, 1, nw, pw);
	case SF_ALIAS:
	case SF_LATIN:
		return latin_alias(e).s == sg->orig && fits(sg, off, 1 + nw + 1, aw, pw);
	case SF_ROLE:
		return fits(sg, off, 1 + nw + 1 + aw + 1, pw, pw);
	default:
		return false;
	}
}

void
view_goto_hit(struct view *v, size_t hit)
{
	const struct search_seg *sg;
	size_t off, len;

	if (hit >= v->search.nhits)
		return;
	v->cur_hit = hit;
	sg = search_seg_of(&v->search, &v->search.hits[hit]);
	search_hit_span(&v->search, hit, &off, &len);
	view_close_overlay(v);
	switch (sg->kind) {
	case DS_EVENT:
		if (!view_event_listed(v, sg->item))
			view_set_article_filter(v, -1);
		view_focus(v, PANE_TIMELINE);
		view_select_event(v, event_row(v, sg->item));
		if (!event_hit_shown(v, sg, off))    /* cut off at the pane's edge */
			details_for_hit(v, sg, off);
		break;
	case DS_PERSON:
	case DS_ORG:
		view_show_orgs(v, sg->kind == DS_ORG);
		if (people_row(v, sg->item) == people_count(v))
			view_set_article_filter(v, -1);
		view_focus(v, PANE_PEOPLE);
		view_select_entity(v, people_row(v, sg->item));
		if (!entity_hit_shown(v, sg, off))
			details_for_hit(v, sg, off);
		break;
	case DS_PARAGRAPH:
		view_focus(v, PANE_ARTICLE);
		if (sg->field == SF_TEXT || sg->field == SF_GLOSS) {
			size_t at = art_show_hit(v, sg->item, sg->field == SF_GLOSS, off);
			int row = art_row_of_offset(v, sg->item, at, art_text_width(v));
			/* A row of context above the hit when there is room. */
			art_goto(v, sg->item, row > 0 && art_text_height(v, sg->item) > 2 ? row - 1 : row);
			/* At the last screenful the hit is lower down: still shown. */
		} else {
			art_goto(v, sg->item, 0);
		}
		view_follow_reading(v);
		if (sg->field != SF_TEXT && sg->field != SF_GLOSS)
			details_for_hit(v, sg, off);
		break;
	default:
		break;
	}
}

void
view_step_hit(struct view *v, int dir)
{
	size_t n = v->search.nhits;

	if (!v->search.query || v->search.qlen == 0 || n == 0) {
		snprintf(v->message, sizeof v->message, "%s",
		    v->search.query && v->search.qlen ? _("no match") : _("no search: press /"));
		return;
	}
	v->have_hits = true;
	view_goto_hit(v, dir > 0 ? (v->cur_hit + 1) % n : (v->cur_hit + n - 1) % n);
}
