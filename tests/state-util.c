/* Helpers shared by the tests of the reader's own state. */
#include <config.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "state-util.h"

#define T0 ((state_time)1795000000 * 1000000)

static void
note(struct state_data *d, const char *id, const char *para, const char *quote,
    const char *text, state_time created, state_time updated)
{
	struct state_note n = { (char *)id, (char *)para, (char *)quote, (char *)text,
		created, updated, text == NULL };
	assert_int_equal(state_merge_note(d, &n), 0);
}

void
sample_data(struct state_data *d)
{
	static const char *const queries[] = { "llama", "杨立昆", "a\\b" };

	memset(d, 0, sizeof *d);
	d->dossier = strdup("/data/meta-ai.rec");
	d->content = strdup("0123456789abcdef");
	d->have_place = true;
	d->place = (struct state_place){ strdup("article"), strdup("p12"), 34, strdup("e-3"),
		strdup("lecun") };
	d->place_set = T0 + 7;
	d->marks[0] = (struct state_mark){ strdup("p1"), 0, T0 };
	d->marks[51] = (struct state_mark){ strdup("p60"), 120, T0 + 1 };
	note(d, "n1", "p1", "两个月前", "first note", T0, T0);
	note(d, "n2", "p2", "", "second note", T0 + 1, T0 + 2);
	note(d, "n3", "p2", "Llama 2", "lines\n  indented\n\n+ not a field\n# nor a comment\n"
	    "%rec: nor this\nlast", T0 + 3, T0 + 3);
	note(d, "n4", NULL, NULL, NULL, 0, T0 + 9);
	d->history = malloc(3 * sizeof *d->history);
	for (size_t i = 0; i < 3; i++)
		d->history[i] = strdup(queries[i]);
	d->nhistory = 3;
	d->saved = T0 + 10;
}

static void
str_equal(const char *what, const char *a, const char *b)
{
	if (a == b)
		return;
	if (!a || !b || strcmp(a, b) != 0)
		fail_msg("%s: '%s' against '%s'", what, a ? a : "(null)", b ? b : "(null)");
}

void
assert_data_equal(const struct state_data *a, const struct state_data *b)
{
	str_equal("Dossier", a->dossier, b->dossier);
	str_equal("Content", a->content, b->content);
	assert_int_equal(a->have_place, b->have_place);
	if (a->have_place) {
		str_equal("Focus", a->place.focus, b->place.focus);
		str_equal("Paragraph", a->place.para, b->place.para);
		assert_int_equal(a->place.offset, b->place.offset);
		str_equal("Event", a->place.event, b->place.event);
		str_equal("Person", a->place.person, b->place.person);
		assert_true(a->place_set == b->place_set);
	}
	for (size_t i = 0; i < STATE_NMARKS; i++) {
		str_equal("mark", a->marks[i].para, b->marks[i].para);
		if (a->marks[i].para) {
			assert_int_equal(a->marks[i].offset, b->marks[i].offset);
			assert_true(a->marks[i].set == b->marks[i].set);
		}
	}
	assert_int_equal(a->nnotes, b->nnotes);
	for (size_t i = 0; i < a->nnotes; i++) {
		const struct state_note *n = &a->notes[i];
		long k = state_note_find(b, n->id);
		if (k < 0)
			fail_msg("note %s missing", n->id);
		const struct state_note *m = &b->notes[k];
		assert_int_equal(n->deleted, m->deleted);
		str_equal("note Paragraph", n->para, m->para);
		str_equal("note Quote", n->quote, m->quote);
		str_equal("note Text", n->text, m->text);
		if (!n->deleted)
			assert_true(n->created == m->created);
		assert_true(n->updated == m->updated);
	}
	assert_int_equal(a->nhistory, b->nhistory);
	for (size_t i = 0; i < a->nhistory; i++)
		str_equal("Query", a->history[i], b->history[i]);
}

static char dir[4096];

static void
remove_dir(void)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", dir);
}

const char *
tmp_dir(void)
{
	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/test-state.XXXXXX", t && *t ? t : "/tmp");
		assert_non_null(mkdtemp(dir));
		atexit(remove_dir);
	}
	return dir;
}

void
tmp_path(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", tmp_dir(), name);
}

void
write_bytes(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

char *
read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

int
count_files(const char *d, const char *part)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	int n = 0;

	if (!dp)
		return 0;
	while ((e = readdir(dp)) != NULL)
		if (strstr(e->d_name, part))
			n++;
	closedir(dp);
	return n;
}
