/* --list mynotes and --list marks: the reader's own state as
 * tab-separated rows, escaped as every --list row is. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "escape.h"
#include "state_anchor.h"
#include "state_list.h"

static void
put(FILE *out, const char *s)
{
	esc_put(out, s, strlen(s));
}

static int
list_notes(const struct dossier *d, const struct state *st, FILE *out)
{
	static const char *const how[] = { "", "moved", "orphaned" };
	size_t *order = malloc((st->d.nnotes + 1) * sizeof *order);
	long n = order ? state_notes_in_order(d, &st->d, NULL, 0, order) : -1;
	char t[32];

	for (long i = 0; i < n; i++) {
		const struct state_note *note = &st->d.notes[order[i]];
		long p;
		enum state_anchor a = state_note_anchor(d, note, &p);
		put(out, note->id);
		putc('\t', out);
		if (p >= 0)
			esc_put(out, d->paras[p].id.s, d->paras[p].id.n);
		else
			put(out, note->para);
		putc('\t', out);
		put(out, note->quote);
		putc('\t', out);
		put(out, note->text);
		state_time_format(note->updated, t);
		fprintf(out, "\t%s\t%s\n", t, how[a]);
	}
	free(order);
	return n < 0 ? EX_SOFTWARE_ : 0;
}

static void
list_marks(const struct dossier *d, const struct state *st, FILE *out)
{
	for (int i = 0; i < STATE_NMARKS; i++) {
		const struct state_mark *m = &st->d.marks[i];
		if (!m->para)
			continue;
		fprintf(out, "%c\t", i < 26 ? 'a' + i : 'A' + i - 26);
		put(out, m->para);
		fprintf(out, "\t%zu\t%s\n", m->offset,
		    state_para_index(d, m->para) < 0 ? "orphaned" : "");
	}
}

int
state_list(const struct dossier *d, const struct options *o, const char *what, FILE *out)
{
	struct state st;
	char w[512];
	int rc = 0;

	if (state_open_dossier(&st, o->no_state ? "-" : o->state_dir, d, true) != 0) {
		state_close(&st);
		return EX_SOFTWARE_;
	}
	if (state_take_warning(&st, w)) {
		fputs("dossier: ", stderr);
		esc_put(stderr, w, strlen(w));
		putc('\n', stderr);
	}
	if (strcmp(what, "mynotes") == 0)
		rc = list_notes(d, &st, out);
	else
		list_marks(d, &st, out);
	state_close(&st);
	return rc;
}
