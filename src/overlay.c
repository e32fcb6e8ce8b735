/* Overlays as data: items, their rows wrapped once per width, scrolling.
 * See overlay.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyph.h"
#include "i18n.h"
#include "overlay.h"
#include "text.h"

bool
overlay_fits(const struct layout *l)
{
	/* The smallest screen has room for a box of one row of 8 columns:
	 * little, but a hit shown there is shown. */
	return l->mode != LAYOUT_TOO_SMALL;
}

void
overlay_clear(struct overlay *o)
{
	for (size_t i = 0; i < o->nitems; i++)
		free(o->items[i].own);
	o->nitems = o->nrows = 0;
	o->wrapped = 0;
	o->top = o->sel = 0;
	o->picked = false;
	o->kind = OV_NONE;
	o->oom = false;
}

void
overlay_free(struct overlay *o)
{
	overlay_clear(o);
	free(o->items);
	free(o->rows);
	memset(o, 0, sizeof *o);
}

static struct ov_item *
new_item(struct overlay *o)
{
	if (o->nitems == o->itemcap) {
		size_t cap = o->itemcap ? o->itemcap * 2 : 32;
		struct ov_item *n = realloc(o->items, cap * sizeof *n);
		if (!n) {
			o->oom = true;
			return NULL;
		}
		o->items = n;
		o->itemcap = cap;
	}
	o->wrapped = 0;
	return memset(&o->items[o->nitems++], 0, sizeof *o->items);
}

void
overlay_add(struct overlay *o, struct ds_str label, struct ds_str value, enum role r)
{
	struct ov_item *it = new_item(o);

	if (it)
		*it = (struct ov_item){ .label = label, .value = value, .role = r };
}

/* A malloc'd copy of the parts, or NULL. */
static char *
concat(struct ds_str a, const char *sep, struct ds_str b, size_t *n)
{
	size_t ns = strlen(sep);
	char *s = malloc(a.n + ns + b.n + 1);

	if (!s)
		return NULL;
	memcpy(s, a.s, a.n);
	memcpy(s + a.n, sep, ns);
	memcpy(s + a.n + ns, b.s, b.n);
	*n = a.n + ns + b.n;
	s[*n] = '\0';
	return s;
}

void
overlay_add_join(struct overlay *o, struct ds_str label, struct ds_str a,
    const char *sep, struct ds_str b, enum role r)
{
	size_t n;
	char *s = concat(a, sep, b, &n);
	struct ov_item *it;

	if (!s) {
		o->oom = true;
		return;
	}
	if (!(it = new_item(o))) {
		free(s);
		return;
	}
	*it = (struct ov_item){ .label = label, .value = { s, n }, .role = r, .own = s };
}

void
overlay_add_entity(struct overlay *o, struct ds_str label, const struct ds_entity *e,
    struct ds_str after)
{
	size_t n;
	char *s;

	/* The Latin form only where it has one of its own. */
	if (e->latin.n == 0 || (e->latin.n == e->name.n &&
	    memcmp(e->latin.s, e->name.s, e->name.n) == 0)) {
		overlay_add_join(o, label, e->name, "  ", after, R_NORMAL);
		return;
	}
	if (!(s = concat(e->name, " ", e->latin, &n))) {
		o->oom = true;
		return;
	}
	overlay_add_join(o, label, (struct ds_str){ s, n }, "  ", after, R_NORMAL);
	free(s);
}

struct ds_str
cstr(const char *s)
{
	return (struct ds_str){ s, strlen(s) };
}

static bool
same_help(const struct key_binding *a, const struct key_binding *b)
{
	return a->scope == b->scope && a->action == b->action && strcmp(a->help, b->help) == 0;
}

/* Keys with the same action and text on one row ("j, Down  move down"):
 * the names joined into the item's own storage. */
static void
help_row(struct overlay *o, size_t i, size_t nb)
{
	const struct key_binding *b = &key_table[i];
	struct ds_str label = cstr(b->name);
	char *own = NULL;

	for (size_t j = i + 1; j < nb; j++) {
		size_t n;
		char *s;
		if (!same_help(&key_table[j], b))
			continue;
		s = concat(label, ", ", cstr(key_table[j].name), &n);
		if (!s) {
			o->oom = true;
			break;
		}
		free(own);
		own = s;
		label = (struct ds_str){ s, n };
	}
	overlay_add(o, label, cstr(_(b->help)), R_NORMAL);
	if (o->nitems && o->items[o->nitems - 1].label.s == own)
		o->items[o->nitems - 1].own = own;
	else
		free(own);
}

void
overlay_help(struct overlay *o)
{
	size_t nb = 0;

	overlay_clear(o);
	o->kind = OV_HELP;
	while (key_table[nb].name)
		nb++;
	for (int scope = 0; scope < KS_NSCOPES; scope++) {
		overlay_add(o, cstr(""), cstr(_(key_scope_names[scope])), R_HEADING);
		for (size_t i = 0; i < nb; i++) {
			bool dup = false;
			if ((int)key_table[i].scope != scope)
				continue;
			for (size_t j = 0; j < i && !dup; j++)
				dup = same_help(&key_table[j], &key_table[i]);
			if (!dup)
				help_row(o, i, nb);
		}
	}
	overlay_add(o, cstr(""), cstr(_("mouse")), R_HEADING);
	overlay_add(o, cstr(_("click")), cstr(_("focus a pane and select a row")), R_NORMAL);
	overlay_add(o, cstr(_("wheel")), cstr(_("scroll the pane or overlay under the pointer")), R_NORMAL);
	overlay_add(o, cstr(_("double-click")), cstr(_("the details of the row or paragraph clicked")), R_NORMAL);
	/* What the marks and colours on the screen mean. */
	overlay_add(o, cstr(""), cstr(_("legend")), R_HEADING);
	overlay_add(o, cstr(glyph(GL_READ)), cstr(_("in the lists: an event or name of the paragraph at the top of the article; in the article: the paragraph of the chosen event")), R_READ);
	overlay_add(o, cstr(glyph(GL_NOTE)), cstr(_("a paragraph with notes; the footer shows the first, and how many more")), R_NOTE);
	overlay_add(o, cstr(glyph(GL_SECTION)), cstr(_("a section heading of the article")), R_HEADING);
	overlay_add(o, cstr("\u2026"), cstr(_("text cut at the edge of its room (Enter shows it whole)")), R_NORMAL);
	overlay_add(o, cstr(glyph(GL_DATE_GAP)), cstr(_("the parts of a date the data does not know")), R_DIM);
	overlay_add(o, cstr(_("person")), cstr(_("a person's name in the article")), R_PERSON);
	overlay_add(o, cstr(_("org")), cstr(_("an organization's name in the article")), R_ORG);
	overlay_add(o, cstr(_("chosen")), cstr(_("the mentions of the person or organization selected")), R_HIGHLIGHT);
	overlay_add(o, cstr(_("note")), cstr(_("the words a note is about")), R_NOTE);
	overlay_add(o, cstr(_("hit")), cstr(_("a search hit; the current one stands out more")), R_HIT);
}

void
overlay_record(struct overlay *o, const struct dossier *d, size_t rec)
{
	const struct rec_file *rf = &d->rf;
	const struct rec_record *r = &rf->recs[rec];
	static const struct { const char *field; enum ds_kind kind; } refs[] = {
		{ "Person", DS_PERSON }, { "Org", DS_ORG }, { "Paragraph", DS_PARAGRAPH },
	};

	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		struct ds_str label = { rec_field_name(rf, f), f->name_len };
		struct ds_str val = { f->value, f->len };
		long idx = -1;
		size_t k;
		for (k = 0; k < sizeof refs / sizeof *refs; k++)
			if (label.n == strlen(refs[k].field) &&
			    memcmp(label.s, refs[k].field, label.n) == 0) {
				idx = dossier_find(d, refs[k].kind, f->value, f->len);
				break;
			}
		if (idx < 0)
			overlay_add(o, label, val, R_NORMAL);
		else if (refs[k].kind == DS_PARAGRAPH)
			overlay_add_join(o, label, val, ": ", d->paras[idx].text, R_NORMAL);
		else
			overlay_add_entity(o, label, refs[k].kind == DS_PERSON ?
			    &d->people[idx] : &d->orgs[idx], val);
	}
}

static int
label_width(const struct overlay *o, int cap)
{
	int w = 0;

	for (size_t i = 0; i < o->nitems; i++) {
		int lw = text_width(o->items[i].label.s, o->items[i].label.n);
		if (lw > w)
			w = lw;
	}
	w += 2;
	return w < cap ? w : cap;
}

static void
add_row(struct overlay *o, struct ov_row r)
{
	if (o->nrows == o->rowcap) {
		size_t cap = o->rowcap ? o->rowcap * 2 : 64;
		struct ov_row *n = realloc(o->rows, cap * sizeof *n);
		if (!n) {
			o->oom = true;
			return;
		}
		o->rows = n;
		o->rowcap = cap;
	}
	o->rows[o->nrows++] = r;
}

/* Every item wrapped to vw columns; an empty value is one empty row, so
 * that its label shows. */
static void
wrap_rows(struct overlay *o, int vw)
{
	o->nrows = 0;
	for (size_t i = 0; i < o->nitems && !o->oom; i++) {
		struct text_line *lines;
		size_t nl = text_wrap(o->items[i].value.s, o->items[i].value.n, vw, &lines);
		if (nl == 0) {
			o->oom = true;
			break;
		}
		for (size_t k = 0; k < nl; k++)
			add_row(o, (struct ov_row){ i, lines[k].start, lines[k].len, k == 0 });
		free(lines);
	}
	o->wrapped = vw;
}

void
overlay_place(struct overlay *o, const struct layout *l)
{
	int w = l->cols > 84 ? 80 : l->cols - 4, h, vw;

	if (o->kind == OV_NONE)
		return;
	if (w < 8)
		w = 8;
	o->label_w = label_width(o, (w - 4) / 3);
	vw = w - 4 - o->label_w;
	if (vw < 1)
		vw = 1;
	if (o->wrapped != vw)
		wrap_rows(o, vw);
	h = (int)(o->nrows + 2 < (size_t)l->rows - 2 ? o->nrows + 2 : (size_t)l->rows - 2);
	if (h < 3)
		h = 3;
	o->box = (struct rect){ (l->rows - h) / 2, (l->cols - w) / 2, h, w };
	overlay_scroll(o, 0);
}

int
overlay_page(const struct overlay *o)
{
	return o->box.h > 2 ? o->box.h - 2 : 1;
}

static size_t
last_top(const struct overlay *o)
{
	size_t page = (size_t)overlay_page(o);

	return o->nrows > page ? o->nrows - page : 0;
}

void
overlay_scroll(struct overlay *o, long rows)
{
	long t = (long)o->top + rows;

	if (t < 0)
		t = 0;
	o->top = (size_t)t > last_top(o) ? last_top(o) : (size_t)t;
}

bool
overlay_action(struct overlay *o, enum action a)
{
	long page = overlay_page(o), half = page / 2 ? page / 2 : 1;

	switch (a) {
	case ACT_DOWN: overlay_scroll(o, 1); break;
	case ACT_UP: overlay_scroll(o, -1); break;
	case ACT_PAGE_DOWN: overlay_scroll(o, page > 1 ? page - 1 : 1); break;
	case ACT_PAGE_UP: overlay_scroll(o, -(page > 1 ? page - 1 : 1)); break;
	case ACT_HALF_DOWN: overlay_scroll(o, half); break;
	case ACT_HALF_UP: overlay_scroll(o, -half); break;
	case ACT_TOP: o->top = 0; break;
	case ACT_BOTTOM: o->top = last_top(o); break;
	default: return false;
	}
	return true;
}

bool
overlay_more_above(const struct overlay *o)
{
	return o->top > 0;
}

bool
overlay_more_below(const struct overlay *o)
{
	return o->top < last_top(o);
}

size_t
overlay_row_of(const struct overlay *o, const char *s, size_t off)
{
	for (size_t r = 0; r < o->nrows; r++) {
		const struct ov_row *row = &o->rows[r];
		const struct ov_item *it = &o->items[row->item];
		bool last = r + 1 == o->nrows || o->rows[r + 1].item != row->item;
		if (it->value.s == s && off >= row->start &&
		    (off < row->start + row->len || last ||
		    off < o->rows[r + 1].start))
			return r;
	}
	return o->nrows;
}

void
overlay_link_last(struct overlay *o, enum ds_kind kind, size_t link)
{
	if (o->nitems == 0)
		return;
	o->items[o->nitems - 1].linked = true;
	o->items[o->nitems - 1].link_kind = kind;
	o->items[o->nitems - 1].link = link;
}

bool
overlay_pick_link(struct overlay *o, int dir)
{
	size_t n = o->nitems, i = o->picked ? o->sel : dir > 0 ? n - 1 : 0;

	for (size_t k = 0; k < n; k++) {
		i = dir > 0 ? (i + 1) % n : (i + n - 1) % n;
		if (o->items[i].linked) {
			o->sel = i;
			o->picked = true;
			overlay_show_row(o, overlay_item_row(o, i));
			return true;
		}
	}
	return false;
}

size_t
overlay_item_row(const struct overlay *o, size_t i)
{
	for (size_t r = 0; r < o->nrows; r++)
		if (o->rows[r].item == i)
			return r;
	return o->nrows;
}

void
overlay_show_row(struct overlay *o, size_t r)
{
	size_t page = (size_t)overlay_page(o);

	if (r >= o->nrows)
		return;
	if (r < o->top)
		o->top = r;
	else if (r >= o->top + page)
		o->top = r - page + 1;
	overlay_scroll(o, 0);
}
