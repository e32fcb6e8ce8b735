/* The state file format (dossier(5) STATE FILES): writing it, and reading
 * it back with the project's rec reader, strictly, so that damage is
 * found, and keeping every record that is whole. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rec.h"
#include "state.h"

/* --- writing --- */

/* Name: value, a line break in the value continuing on a "+ " line. */
static void
put_field(FILE *f, const char *name, const char *v)
{
	fputs(name, f);
	putc(':', f);
	if (!v || !*v) {
		putc('\n', f);
		return;
	}
	putc(' ', f);
	for (; *v; v++) {
		if (*v != '\n')
			putc(*v, f);
		else if (v[1] == '\n' || v[1] == '\0')
			fputs("\n+", f);
		else
			fputs("\n+ ", f);
	}
	putc('\n', f);
}

static void
put_time(FILE *f, const char *name, state_time t)
{
	char buf[32];

	state_time_format(t, buf);
	put_field(f, name, buf);
}

static void
put_size(FILE *f, const char *name, size_t v)
{
	fprintf(f, "%s: %zu\n", name, v);
}

static void
put_place(FILE *f, const struct state_data *d)
{
	const struct state_place *p = &d->place;

	fputs("\n%rec: Place\n\n", f);
	if (p->focus)
		put_field(f, "Focus", p->focus);
	if (p->para) {
		put_field(f, "Paragraph", p->para);
		put_size(f, "Offset", p->offset);
	}
	if (p->event)
		put_field(f, "Event", p->event);
	if (p->person)
		put_field(f, "Person", p->person);
	put_time(f, "Set", d->place_set);
}

static void
put_marks(FILE *f, const struct state_data *d)
{
	bool first = true;

	for (int i = 0; i < STATE_NMARKS; i++) {
		const struct state_mark *m = &d->marks[i];
		char letter[2] = { (char)(i < 26 ? 'a' + i : 'A' + i - 26), '\0' };
		if (!m->para)
			continue;
		fputs(first ? "\n%rec: Mark\n%key: Letter\n\n" : "\n", f);
		first = false;
		put_field(f, "Letter", letter);
		put_field(f, "Paragraph", m->para);
		put_size(f, "Offset", m->offset);
		put_time(f, "Set", m->set);
	}
}

static void
put_notes(FILE *f, const struct state_data *d)
{
	for (size_t i = 0; i < d->nnotes; i++) {
		const struct state_note *n = &d->notes[i];
		fputs(i == 0 ? "\n%rec: Note\n%key: Id\n\n" : "\n", f);
		put_field(f, "Id", n->id);
		if (n->deleted) {
			put_field(f, "Deleted", "yes");
			put_time(f, "Updated", n->updated);
			continue;
		}
		put_field(f, "Paragraph", n->para);
		put_field(f, "Quote", n->quote);
		put_field(f, "Text", n->text);
		put_time(f, "Created", n->created);
		put_time(f, "Updated", n->updated);
	}
}

int
state_format(const struct state_data *d, char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);

	if (!f)
		return -1;
	fputs("# The reader's own state for one dossier: where to resume, marks,\n"
	    "# own notes and searches.  Written by " PACKAGE_NAME "; see dossier(5).\n"
	    "%rec: State\n\n", f);
	fprintf(f, "Format: %d\n", STATE_FORMAT);
	if (d->dossier)
		put_field(f, "Dossier", d->dossier);
	if (d->content)
		put_field(f, "Content", d->content);
	if (d->have_place)
		put_place(f, d);
	put_marks(f, d);
	put_notes(f, d);
	for (size_t i = 0; i < d->nhistory; i++) {
		fputs(i == 0 ? "\n%rec: Search\n\n" : "\n", f);
		put_field(f, "Query", d->history[i]);
	}
	/* Last, so that a file cut short anywhere is seen to be. */
	fputs("\n%rec: End\n\n", f);
	put_time(f, "Saved", d->saved);
	if (ferror(f)) {
		fclose(f);
		free(*buf);
		*buf = NULL;
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* --- reading --- */

struct reader {
	const struct rec_file *rf;
	const struct rec_record *r;
	struct state_data *d;
	struct diag *dg;
	bool oom;
};

static bool
is_type(const struct rec_record *r, const char *t)
{
	return r->type_len == strlen(t) && memcmp(r->type, t, r->type_len) == 0;
}

static const struct rec_field *
field(struct reader *rd, const char *name, bool required)
{
	const struct rec_field *f = rec_get(rd->rf, rd->r, name);

	if (!f && required)
		diag_error(rd->dg, rd->r->line, "%.*s without %s", (int)rd->r->type_len,
		    rd->r->type, name);
	return f;
}

/* A copy of field name's value, or NULL (also when absent). */
static char *
str(struct reader *rd, const char *name, bool required)
{
	const struct rec_field *f = field(rd, name, required);
	char *s;

	if (!f)
		return NULL;
	if (!(s = strndup(f->value, f->len)))
		rd->oom = true;
	return s;
}

static bool
size_value(struct reader *rd, const char *name, size_t *v)
{
	const struct rec_field *f = field(rd, name, true);

	if (!f)
		return false;
	*v = 0;
	for (size_t i = 0; i < f->len; i++) {
		if (f->value[i] < '0' || f->value[i] > '9' || *v > SIZE_MAX / 10 - 1) {
			diag_error(rd->dg, f->line, "%s: not a number", name);
			return false;
		}
		*v = *v * 10 + (size_t)(f->value[i] - '0');
	}
	if (f->len == 0)
		diag_error(rd->dg, f->line, "%s: not a number", name);
	return f->len > 0;
}

static bool
time_value(struct reader *rd, const char *name, state_time *t)
{
	const struct rec_field *f = field(rd, name, true);

	if (!f)
		return false;
	if (state_time_parse(f->value, f->len, t) != 0) {
		diag_error(rd->dg, f->line, "%s: not a time", name);
		return false;
	}
	return true;
}

static bool
is_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || *s == '_' || *s == '-'))
			return false;
	return true;
}

static void
read_place(struct reader *rd)
{
	struct state_place p = { 0 };
	state_time set;

	p.focus = str(rd, "Focus", false);
	p.para = str(rd, "Paragraph", false);
	p.event = str(rd, "Event", false);
	p.person = str(rd, "Person", false);
	if ((!p.para || size_value(rd, "Offset", &p.offset)) && time_value(rd, "Set", &set) &&
	    !rd->oom) {
		state_place_free(&rd->d->place);
		rd->d->place = p;
		rd->d->place_set = set;
		rd->d->have_place = true;
		return;
	}
	state_place_free(&p);
}

static void
read_mark(struct reader *rd)
{
	const struct rec_field *l = field(rd, "Letter", true);
	struct state_mark m = { 0 };
	int i = l && l->len == 1 ? state_mark_index(l->value[0]) : -1;

	if (l && i < 0) {
		diag_error(rd->dg, l->line, "Letter: not a letter");
		return;
	}
	m.para = str(rd, "Paragraph", true);
	if (i >= 0 && m.para && size_value(rd, "Offset", &m.offset) &&
	    time_value(rd, "Set", &m.set) && !rd->oom &&
	    (!rd->d->marks[i].para || rd->d->marks[i].set <= m.set)) {
		free(rd->d->marks[i].para);
		rd->d->marks[i] = m;
		return;
	}
	free(m.para);
}

/* Takes n (its strings); two records of one id are settled at the end. */
static void
keep_note(struct reader *rd, struct state_note *n)
{
	struct state_data *d = rd->d;

	if (d->nnotes == d->notes_cap) {
		size_t cap = d->notes_cap ? 2 * d->notes_cap : 16;
		struct state_note *m = realloc(d->notes, cap * sizeof *m);
		if (!m) {
			free(n->id);
			free(n->para);
			free(n->quote);
			free(n->text);
			rd->oom = true;
			return;
		}
		d->notes = m;
		d->notes_cap = cap;
	}
	d->notes[d->nnotes++] = *n;
}

static void
read_note(struct reader *rd)
{
	struct state_note n = { 0 };
	const struct rec_field *del = field(rd, "Deleted", false);
	bool ok;

	n.id = str(rd, "Id", true);
	if (n.id && !is_id(n.id)) {
		diag_error(rd->dg, rd->r->line, "Id: malformed");
		free(n.id);
		return;
	}
	n.deleted = del != NULL;
	if (del && (del->len != 3 || memcmp(del->value, "yes", 3) != 0)) {
		diag_error(rd->dg, del->line, "Deleted: not yes");
		n.deleted = false;
		free(n.id);
		return;
	}
	if (n.deleted) {
		ok = n.id && time_value(rd, "Updated", &n.updated);
	} else {
		n.para = str(rd, "Paragraph", true);
		n.quote = str(rd, "Quote", true);
		n.text = str(rd, "Text", true);
		ok = n.id && n.para && n.quote && n.text &&
		    time_value(rd, "Created", &n.created) &&
		    time_value(rd, "Updated", &n.updated);
	}
	if (ok && !rd->oom) {
		keep_note(rd, &n);
		return;
	}
	free(n.id);
	free(n.para);
	free(n.quote);
	free(n.text);
}

static void
read_query(struct reader *rd)
{
	char *q = str(rd, "Query", true);
	char **h;

	if (!q)
		return;
	if (!(h = realloc(rd->d->history, (rd->d->nhistory + 1) * sizeof *h))) {
		free(q);
		rd->oom = true;
		return;
	}
	rd->d->history = h;
	h[rd->d->nhistory++] = q;
	if (rd->d->nhistory > STATE_HISTORY_MAX) {
		free(h[0]);
		memmove(h, h + 1, STATE_HISTORY_MAX * sizeof *h);
		rd->d->nhistory--;
	}
}

/* The first record: what the file is.  Returns STATE_OK, STATE_BAD (not
 * a state file) or STATE_NEWER. */
static enum state_load
read_header(struct reader *rd)
{
	const struct rec_field *f;
	size_t format;

	if (!is_type(rd->r, "State") || !(f = rec_get(rd->rf, rd->r, "Format"))) {
		diag_error(rd->dg, rd->r->line, "not a dossier state file");
		return STATE_BAD;
	}
	if (!size_value(rd, "Format", &format))
		return STATE_BAD;
	if (format > STATE_FORMAT) {
		diag_error(rd->dg, f->line, "Format %zu is newer than this program's %d",
		    format, STATE_FORMAT);
		return STATE_NEWER;
	}
	if (format < 1) {
		diag_error(rd->dg, f->line, "Format: unknown");
		return STATE_BAD;
	}
	rd->d->dossier = str(rd, "Dossier", false);
	rd->d->content = str(rd, "Content", false);
	return STATE_OK;
}

static enum state_load
read_records(struct reader *rd)
{
	const struct rec_file *rf = rd->rf;
	bool ended = false;
	enum state_load h;

	if (rf->nrecs == 0) {
		diag_error(rd->dg, 0, "not a dossier state file");
		return STATE_BAD;
	}
	rd->r = &rf->recs[0];
	if ((h = read_header(rd)) != STATE_OK)
		return h;
	for (size_t i = 1; i < rf->nrecs && !rd->oom; i++) {
		rd->r = &rf->recs[i];
		if (ended) {
			diag_error(rd->dg, rd->r->line, "record after End");
			ended = false;
		}
		if (is_type(rd->r, "Place"))
			read_place(rd);
		else if (is_type(rd->r, "Mark"))
			read_mark(rd);
		else if (is_type(rd->r, "Note"))
			read_note(rd);
		else if (is_type(rd->r, "Search"))
			read_query(rd);
		else if (is_type(rd->r, "End"))
			ended = time_value(rd, "Saved", &rd->d->saved);
		/* Other types: from a later version of the same Format. */
	}
	if (!ended && rd->dg->count == 0)
		diag_error(rd->dg, 0, "cut short (no End record)");
	if (state_dedupe_notes(rd->d) != 0)
		rd->oom = true;
	return rd->dg->count ? STATE_BAD : STATE_OK;
}

enum state_load
state_parse(struct state_data *d, const char *name, const char *buf, size_t size,
    char *err, size_t errsize)
{
	struct rec_file rf = { 0 };
	struct diag dg;
	struct reader rd = { &rf, NULL, d, &dg, false };
	enum state_load r;

	state_data_free(d);
	diag_init(&dg, name);
	rec_parse(&rf, buf, size, &dg);
	r = read_records(&rd);
	if (rd.oom && dg.count == 0)
		diag_error(&dg, 0, "out of memory");
	if (dg.count && r == STATE_OK)
		r = STATE_BAD;
	snprintf(err, errsize, "%s", dg.count && dg.msg[0] ? dg.msg[0] : "");
	rec_free(&rf);
	diag_free(&dg);
	return r;
}
