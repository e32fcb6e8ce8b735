/* Help and detail overlays, each a window of its own over the panes (a
 * separate window lets curses repair wide characters under its edges). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "keys.h"
#include "popup.h"
#include "sources.h"
#include "text.h"

/* Lines of an overlay before wrapping: a label and a value. */
struct item {
	char label[24];
	struct ds_str value;
	enum role role;
};

struct items {
	struct item v[256];
	size_t n;
	char scratch[4096];        /* storage for generated values */
	size_t used;
};

static void
put(struct items *it, const char *label, struct ds_str value, enum role r)
{
	if (it->n == sizeof it->v / sizeof *it->v)
		return;
	snprintf(it->v[it->n].label, sizeof it->v[it->n].label, "%s", label);
	it->v[it->n].value = value;
	it->v[it->n].role = r;
	it->n++;
}

static struct ds_str
cstr(const char *s)
{
	return (struct ds_str){ s, strlen(s) };
}

/* a, sep, b into the scratch space. */
static struct ds_str
join(struct items *it, struct ds_str a, const char *sep, struct ds_str b)
{
	char *dst = it->scratch + it->used;
	size_t room = sizeof it->scratch - it->used;
	int n = snprintf(dst, room, "%.*s%s%.*s", (int)a.n, a.s, sep, (int)b.n, b.s);

	if (n < 0 || (size_t)n >= room)
		return (struct ds_str){ "", 0 };
	it->used += (size_t)n + 1;
	return (struct ds_str){ dst, (size_t)n };
}

/* An entity's name with its Latin form beside it, where it has one of its
 * own. */
static struct ds_str
name_latin(struct items *it, const struct ds_entity *e)
{
	if (e->latin.n == 0 || (e->latin.n == e->name.n &&
	    memcmp(e->latin.s, e->name.s, e->name.n) == 0))
		return e->name;
	return join(it, e->name, " ", e->latin);
}

/* Every field of the record, with references shown by name. */
static void
record_items(struct view *v, size_t rec, struct items *it)
{
	const struct rec_file *rf = &v->d->rf;
	const struct rec_record *r = &rf->recs[rec];
	static const struct { const char *field; enum ds_kind kind; } refs[] = {
		{ "Person", DS_PERSON }, { "Org", DS_ORG }, { "Paragraph", DS_PARAGRAPH },
	};

	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		char label[24];
		struct ds_str val = { f->value, f->len };
		snprintf(label, sizeof label, "%.*s", (int)f->name_len, rec_field_name(rf, f));
		for (size_t k = 0; k < sizeof refs / sizeof *refs; k++) {
			long idx;
			if (strcmp(label, refs[k].field) != 0)
				continue;
			idx = dossier_find(v->d, refs[k].kind, f->value, f->len);
			if (idx < 0)
				break;
			if (refs[k].kind == DS_PARAGRAPH)
				val = join(it, val, ": ", v->d->paras[idx].text);
			else
				val = join(it, name_latin(it, refs[k].kind == DS_PERSON ?
				    &v->d->people[idx] : &v->d->orgs[idx]), "  ", val);
		}
		put(it, label, val, R_NORMAL);
	}
}

static void
paragraph_items(struct view *v, struct items *it)
{
	const struct ds_paragraph *p = &v->d->paras[v->art.para];
	size_t nm;
	const struct ds_mention *m = index_mentions(&v->ix, v->art.para, &nm);

	put(it, "Paragraph", p->id, R_HEADING);
	for (size_t i = 0; i < p->notes.n; i++) {
		const struct ds_note *n = &v->d->notes[p->notes.v[i]];
		put(it, "Note", join(it, n->quote, " → ", n->text), R_NOTE);
	}
	for (size_t i = 0; i < p->events.n; i++) {
		const struct ds_event *e = &v->d->events[p->events.v[i]];
		put(it, "Event", join(it, e->date_text, "  ", e->title), R_NORMAL);
	}
	for (size_t i = 0; i < nm; i++) {
		const struct ds_entity *e = m[i].kind == DS_ORG ? &v->d->orgs[m[i].who] :
		    &v->d->people[m[i].who];
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= m[j].kind == m[i].kind && m[j].who == m[i].who;
		if (!seen)
			put(it, m[i].kind == DS_ORG ? "Org" : "Person",
			    join(it, name_latin(it, e), "  ", e->role), R_NORMAL);
	}
}

/* With several articles: those telling event ev. */
static void
told_by_items(struct view *v, size_t ev, struct items *it)
{
	const struct dossier *d = v->d;
	const struct ds_refs *arts = &d->events[ev].articles;

	for (size_t i = 0; d->narticles > 1 && i < arts->n; i++)
		put(it, "Told by", join(it, article_name(d, arts->v[i]), " — ",
		    d->articles[arts->v[i]].title), R_NORMAL);
}

/* With several articles: how often each one's text names who. */
static void
named_in_items(struct view *v, enum ds_kind kind, size_t who, struct items *it)
{
	const struct dossier *d = v->d;
	struct index_article_count *c;
	char counts[96];
	long n;

	if (d->narticles < 2 || !(c = malloc(d->narticles * sizeof *c)))
		return;
	n = index_mentions_by_article(&v->ix, kind, who, c, d->narticles);
	for (long i = 0; i < n; i++) {
		snprintf(counts, sizeof counts, "%u mention%s in %u paragraph%s",
		    (unsigned)c[i].mentions, c[i].mentions == 1 ? "" : "s",
		    (unsigned)c[i].paras, c[i].paras == 1 ? "" : "s");
		put(it, "Named in", join(it, article_name(d, c[i].article), ": ", cstr(counts)),
		    R_NORMAL);
	}
	if (n == 0)
		put(it, "Named in", cstr("no article's text"), R_DIM);
	free(c);
}

static void
detail_items(struct view *v, struct items *it)
{
	switch (v->popup - 1) {
	case PANE_TIMELINE:
		if (tl_count(v)) {
			record_items(v, v->d->events[tl_event(v, v->tl.sel)].rec, it);
			told_by_items(v, tl_event(v, v->tl.sel), it);
		}
		break;
	case PANE_PEOPLE: {
		const struct ds_entity *e = v->show_orgs ? &v->d->orgs[v->orgs.sel] :
		    &v->d->people[v->people.sel];
		if ((v->show_orgs ? v->d->norgs : v->d->npeople) == 0)
			break;
		record_items(v, e->rec, it);
		for (size_t i = 0; i < e->events.n; i++) {
			const struct ds_event *ev = &v->d->events[e->events.v[i]];
			put(it, "Event", join(it, ev->date_text, "  ", ev->title), R_DIM);
		}
		named_in_items(v, v->show_orgs ? DS_ORG : DS_PERSON,
		    v->show_orgs ? v->orgs.sel : v->people.sel, it);
		break;
	}
	default:
		if (v->d->nparas)
			paragraph_items(v, it);
	}
}

static bool
same_help(const struct key_binding *a, const struct key_binding *b)
{
	return a->scope == b->scope && a->action == b->action && strcmp(a->help, b->help) == 0;
}

/* The key table by scope, keys with the same action and text on one row
 * ("j, Down  move down"). */
static void
help_items(struct items *it)
{
	size_t nb = 0;

	while (key_table[nb].name)
		nb++;
	for (int scope = KS_GLOBAL; scope <= KS_PROMPT; scope++) {
		put(it, "", cstr(key_scope_names[scope]), R_HEADING);
		for (size_t i = 0; i < nb; i++) {
			const struct key_binding *b = &key_table[i];
			char label[sizeof it->v[0].label];
			bool dup = false;
			if ((int)b->scope != scope)
				continue;
			for (size_t j = 0; j < i && !dup; j++)
				dup = same_help(&key_table[j], b);
			if (dup)
				continue;
			snprintf(label, sizeof label, "%s", b->name);
			for (size_t j = i + 1; j < nb; j++)
				if (same_help(&key_table[j], b))
					snprintf(label + strlen(label), sizeof label - strlen(label),
					    ", %s", key_table[j].name);
			put(it, label, cstr(b->help), R_NORMAL);
		}
	}
	put(it, "", cstr("mouse"), R_HEADING);
	put(it, "click", cstr("focus a pane and select a row"), R_NORMAL);
	put(it, "wheel", cstr("scroll the pane under the pointer"), R_NORMAL);
}

/* Wrapped rows of the items: which item, which byte range of its value. */
struct row { size_t item; size_t start, len; bool first; };

static size_t
layout_rows(struct items *it, int lw, int vw, struct row *rows, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < it->n && n < max; i++) {
		struct text_line *lines;
		size_t nl = text_wrap(it->v[i].value.s, it->v[i].value.n, vw, &lines);
		if (nl == 0)
			continue;
		for (size_t k = 0; k < nl && n < max; k++)
			rows[n++] = (struct row){ i, lines[k].start, lines[k].len, k == 0 };
		free(lines);
	}
	(void)lw;
	return n;
}

/* The widest label plus a gap, at most cap. */
static int
label_width(const struct items *it, int cap)
{
	int w = 0;

	for (size_t i = 0; i < it->n; i++) {
		int lw = text_width(it->v[i].label, strlen(it->v[i].label));
		if (lw > w)
			w = lw;
	}
	w += 2;
	return w < cap ? w : cap;
}

bool
popup_fits(const struct view *v)
{
	return v->lay.mode != LAYOUT_TOO_SMALL && v->lay.cols >= 24 && v->lay.rows >= 6;
}

void
popup_draw(struct view *v)
{
	static struct items it;
	static struct row rows[1024];
	int H = v->lay.rows, W = v->lay.cols;
	int h, w, lw, nrows;
	WINDOW *win;

	if (!v->help && !v->popup)
		return;
	it.n = it.used = 0;
	if (v->help)
		help_items(&it);
	else
		detail_items(v, &it);
	w = W > 84 ? 80 : W - 4;
	if (!popup_fits(v))
		return;
	lw = label_width(&it, (w - 4) / 3);
	nrows = (int)layout_rows(&it, lw, w - 4 - lw, rows, 1024);
	h = nrows + 2 < H - 2 ? nrows + 2 : H - 2;
	if ((size_t)nrows <= (size_t)(h - 2))
		v->popup_top = 0;
	else if (v->popup_top > (size_t)(nrows - (h - 2)))
		v->popup_top = (size_t)(nrows - (h - 2));
	win = newwin(h, w, (H - h) / 2, (W - w) / 2);
	if (!win)
		return;
	werase(win);
	draw_box(win, (struct rect){ 0, 0, h, w }, v->help ? "Keys (q or Esc closes)" :
	    "Details (q or Esc closes)", true);
	for (int y = 0; y < h - 2 && v->popup_top + (size_t)y < (size_t)nrows; y++) {
		const struct row *r = &rows[v->popup_top + (size_t)y];
		const struct item *iv = &it.v[r->item];
		if (r->first)
			draw_str(win, y + 1, 2, lw, iv->label, R_HEADING);
		draw_text(win, y + 1, 2 + lw, w - 4 - lw, iv->value.s + r->start, r->len, iv->role);
	}
	wnoutrefresh(win);
	delwin(win);
}

void
popup_key(struct view *v, int code, bool is_key)
{
	enum action a = key_lookup(code, is_key, KS_GLOBAL);

	switch (a) {
	case ACT_DOWN: v->popup_top++; break;
	case ACT_UP: if (v->popup_top) v->popup_top--; break;
	case ACT_PAGE_DOWN: v->popup_top += 10; break;
	case ACT_PAGE_UP: v->popup_top = v->popup_top > 10 ? v->popup_top - 10 : 0; break;
	case ACT_TOP: v->popup_top = 0; break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	default:
		if (a == ACT_NONE && !is_key && code != '\n' && code != '\r')
			break;
		/* q, Esc, ? and Enter close it. */
		v->help = false;
		v->popup = 0;
		v->popup_top = 0;
	}
}
