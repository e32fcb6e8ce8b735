/* Unit tests of reloading (src/reload.c, and the file watch and id
 * mapping of src/dossier.c): a changed file is noticed, and the reader's
 * place is found again in the new dossier by ids, or the nearest item
 * before a gone one. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "reload.h"

#define HEAD "%rec: Dossier\n\nTitle: T\n\n"

/* Before: events e1 < e2 < e3 (by date), people a b c, paragraphs
 * p1..p4.  After: e1, a and p2 gone, p0 and e0 new, the rest moved. */
static const char before[] = HEAD
    "%rec: Paragraph\n\n"
    "Id: p1\nText: one\n\nId: p2\nText: two\n\nId: p3\nText: three\n\nId: p4\nText: four\n\n"
    "%rec: Person\n\nId: a\nName: A\n\nId: b\nName: B\n\nId: c\nName: C\n\n"
    "%rec: Event\n\n"
    "Id: e1\nDate: 2021\nTitle: t1\nPerson: b\n\n"
    "Id: e2\nDate: 2022\nTitle: t2\nPerson: b\nPerson: c\n\n"
    "Id: e3\nDate: 2023\nTitle: t3\nPerson: c\n";
static const char after[] = HEAD
    "%rec: Paragraph\n\n"
    "Id: p0\nText: zero\n\nId: p1\nText: one\n\nId: p3\nText: three\n\nId: p4\nText: four\n\n"
    "%rec: Person\n\nId: c\nName: C\n\nId: b\nName: B\n\n"
    "%rec: Event\n\n"
    "Id: e0\nDate: 2020\nTitle: t0\nPerson: c\n\n"
    "Id: e3\nDate: 2023\nTitle: t3\nPerson: c\n\n"
    "Id: e2\nDate: 2022\nTitle: t2\nPerson: b\nPerson: c\n";

static void
load(struct dossier *d, const char *text)
{
	struct diag dg;

	diag_init(&dg, "t.rec");
	assert_int_equal(dossier_load_buffer(d, "t.rec", text, strlen(text), &dg), 0);
	diag_free(&dg);
}

static size_t
idx(const struct dossier *d, enum ds_kind k, const char *id)
{
	long i = dossier_find(d, k, id, strlen(id));

	assert_true(i >= 0);
	return (size_t)i;
}

static void
test_map(void **state)
{
	struct dossier a, b;

	(void)state;
	load(&a, before);
	load(&b, after);
	assert_int_equal(dossier_map(&a, DS_PARAGRAPH, idx(&a, DS_PARAGRAPH, "p3"), &b),
	    idx(&b, DS_PARAGRAPH, "p3"));
	assert_int_equal(dossier_map(&a, DS_PARAGRAPH, idx(&a, DS_PARAGRAPH, "p2"), &b), -1);
	assert_int_equal(dossier_map(&a, DS_EVENT, idx(&a, DS_EVENT, "e1"), &b), -1);
	assert_int_equal(dossier_map(&a, DS_EVENT, idx(&a, DS_EVENT, "e3"), &b),
	    idx(&b, DS_EVENT, "e3"));
	assert_int_equal(dossier_map(&a, DS_PERSON, 99, &b), -1);
	/* Gone: the nearest before that is still there, else the first. */
	assert_int_equal(dossier_map_near(&a, DS_PARAGRAPH, idx(&a, DS_PARAGRAPH, "p2"), &b),
	    idx(&b, DS_PARAGRAPH, "p1"));
	assert_int_equal(dossier_map_near(&a, DS_PERSON, idx(&a, DS_PERSON, "a"), &b), 0);
	assert_int_equal(dossier_map_near(&a, DS_EVENT, idx(&a, DS_EVENT, "e1"), &b), 0);
	dossier_free(&a);
	dossier_free(&b);
}

/* A view as the screen makes it, without the screen: a screen with one
 * row of article, so that the last paragraph alone fills the last
 * screenful and the places below are all above it. */
static void
view_on(struct view *v, struct dossier *d)
{
	struct index none = { 0 };

	assert_int_equal(view_init(v, d, &none), 0);
	view_resize(v, 5, 20);
	assert_int_equal(art_text_height(v, 0), 1);
}

static void
view_off(struct view *v)
{
	view_free(v);
}

static void
test_place(void **state)
{
	struct dossier a, b;
	struct view v;
	struct view_place pl;

	(void)state;
	load(&a, before);
	load(&b, after);
	view_on(&v, &a);
	v.focus = PANE_ARTICLE;
	view_set_filter(&v, (long)idx(&a, DS_PERSON, "c"));
	/* c's events: e2, e3; e3 selected. */
	v.tl.sel = 1;
	assert_int_equal(tl_event(&v, v.tl.sel), idx(&a, DS_EVENT, "e3"));
	v.people.sel = idx(&a, DS_PERSON, "b");
	v.show_orgs = true;
	art_goto(&v, idx(&a, DS_PARAGRAPH, "p3"), 1);
	assert_int_equal(art_row_of(&v, v.art, art_text_width(&v)), 1);
	view_place_find(&v, &b, &pl);
	view_off(&v);

	view_on(&v, &b);
	view_place_restore(&v, &pl);
	assert_int_equal(v.focus, PANE_ARTICLE);
	assert_true(v.show_orgs);
	assert_int_equal(v.filter, (long)idx(&b, DS_PERSON, "c"));
	assert_int_equal(tl_event(&v, v.tl.sel), idx(&b, DS_EVENT, "e3"));
	assert_int_equal(v.people.sel, idx(&b, DS_PERSON, "b"));
	assert_int_equal(v.art.para, idx(&b, DS_PARAGRAPH, "p3"));
	assert_int_equal(art_row_of(&v, v.art, art_text_width(&v)), 1);
	view_off(&v);

	/* The paragraph and the filter's person gone: the paragraph before,
	 * at its top, and no filter. */
	view_on(&v, &a);
	view_set_filter(&v, (long)idx(&a, DS_PERSON, "a"));
	art_goto(&v, idx(&a, DS_PARAGRAPH, "p2"), 1);
	view_place_find(&v, &b, &pl);
	view_off(&v);
	view_on(&v, &b);
	view_place_restore(&v, &pl);
	assert_int_equal(v.filter, -1);
	assert_int_equal(v.art.para, idx(&b, DS_PARAGRAPH, "p1"));
	assert_int_equal(art_row_of(&v, v.art, art_text_width(&v)), 0);
	view_off(&v);
	dossier_free(&a);
	dossier_free(&b);
}

/* The file as read is remembered: a rewrite, a truncation, a rename over
 * it or its removal is noticed; the dossier read stays as it was. */
static void
test_file_state(void **state)
{
	char path[] = "/tmp/test-reload-XXXXXX", other[64];
	struct dossier d;
	struct diag dg;
	FILE *f;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, before, strlen(before)), (ssize_t)strlen(before));
	close(fd);
	diag_init(&dg, path);
	assert_int_equal(dossier_load(&d, path, &dg), 0);
	assert_int_equal(dossier_file_state(&d), DS_FILE_SAME);
	/* Truncated: the strings of the model do not change. */
	assert_int_equal(truncate(path, 0), 0);
	assert_int_equal(dossier_file_state(&d), DS_FILE_CHANGED);
	assert_memory_equal(d.paras[2].text.s, "three", 5);
	/* Rewritten with the same size, a second later (a stat cannot tell
	 * writes apart within the file system's clock tick). */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(before, f);
	fclose(f);
	struct timespec later[2] = { d.rf.stamp.mtime, d.rf.stamp.mtime };
	later[0].tv_sec++;
	later[1].tv_sec++;
	assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
	assert_int_equal(dossier_file_state(&d), DS_FILE_CHANGED);
	dossier_free(&d);
	assert_int_equal(dossier_load(&d, path, &dg), 0);
	assert_int_equal(dossier_file_state(&d), DS_FILE_SAME);
	/* Replaced by another file (a new inode), as editors save. */
	snprintf(other, sizeof other, "%s.new", path);
	f = fopen(other, "w");
	assert_non_null(f);
	fputs(before, f);
	fclose(f);
	assert_int_equal(rename(other, path), 0);
	assert_int_equal(dossier_file_state(&d), DS_FILE_CHANGED);
	unlink(path);
	assert_int_equal(dossier_file_state(&d), DS_FILE_GONE);
	dossier_free(&d);
	diag_free(&dg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_file_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
