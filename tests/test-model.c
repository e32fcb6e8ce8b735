/* Unit tests of the model (src/dossier.c, src/date.c): a good dossier and
 * every check, each error with its exact "FILE:LINE: message" text. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dossier.h"
#include "text.h"

/* Four lines; whatever follows starts on line 5. */
#define HEAD "%rec: Dossier\n\nTitle: T\n\n"

static int
load(struct dossier *d, struct diag *dg, const char *text)
{
	diag_init(dg, "t.rec");
	return dossier_load_buffer(d, "t.rec", text, strlen(text), dg);
}

static void
show(const struct diag *dg)
{
	for (size_t i = 0; i < dg->count && i < DIAG_MAX; i++)
		print_message("# got: %s\n", dg->msg[i] ? dg->msg[i] : "(null)");
}

/* Loads text, expects it to fail with exactly the messages want[0..n), in
 * any order. */
static void
expect_errors(const char *text, size_t n, const char *const *want)
{
	struct dossier d;
	struct diag dg;
	int rc = load(&d, &dg, text);

	if (dg.count != n) {
		show(&dg);
		fail_msg("want %zu errors, got %zu", n, dg.count);
	}
	assert_int_equal(rc, 65);
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < n && j < DIAG_MAX; j++)
			if (dg.msg[j] && strcmp(dg.msg[j], want[i]) == 0)
				break;
		if (j == n || j == DIAG_MAX) {
			show(&dg);
			fail_msg("missing error: %s", want[i]);
		}
	}
	/* Nothing to free on failure: the model says so. */
	assert_null(d.events);
	assert_null(d.rf.fields);
	diag_free(&dg);
}

static void
expect_one(const char *text, const char *want)
{
	expect_errors(text, 1, &want);
}

static void
expect_ok(struct dossier *d, const char *text)
{
	struct diag dg;
	int rc = load(d, &dg, text);

	if (rc)
		show(&dg);
	assert_int_equal(rc, 0);
	assert_int_equal(dg.count, 0);
	diag_free(&dg);
}

static const char good[] =
    "# A small dossier with every record type.\n"  /* 1 */
    "%rec: Dossier\n"                              /* 2 */
    "\n"                                           /* 3 */
    "Title: Test\n"                                /* 4 */
    "Language: zh\n"                               /* 5 */
    "Summary: A summary\n"                         /* 6 */
    "+ on two lines.\n"                            /* 7 */
    "\n"                                           /* 8 */
    "%rec: Article\n"                              /* 9 */
    "%key: Id\n"                                   /* 10 */
    "\n"                                           /* 11 */
    "Id: a1\n"                                     /* 12 */
    "Title: Art\n"                                 /* 13 */
    "Date: 2023-09\n"                              /* 14 */
    "\n"                                           /* 15 */
    "%rec: Paragraph\n"                            /* 16 */
    "%key: Id\n"                                   /* 17 */
    "\n"                                           /* 18 */
    "Id: p1\n"                                     /* 19 */
    "Article: a1\n"                                /* 20 */
    "Text: 马克·扎克伯格说Meta很好。\n"            /* 21 */
    "\n"                                           /* 22 */
    "Id: p2\n"                                     /* 23 */
    "Article: a1\n"                                /* 24 */
    "Section: A\n"                                 /* 25 */
    "Text: 扎克伯格\n"                             /* 26 */
    "\n"                                           /* 27 */
    "%rec: Person\n"                               /* 28 */
    "%key: Id\n"                                   /* 29 */
    "\n"                                           /* 30 */
    "Id: zuck\n"                                   /* 31 */
    "Name: 马克·扎克伯格\n"                        /* 32 */
    "Alias: 扎克伯格\n"                            /* 33 */
    "Alias: Zuckerberg\n"                          /* 34 */
    "Org: meta\n"                                  /* 35 */
    "Hobby: sailing\n"                             /* 36 */
    "\n"                                           /* 37 */
    "%rec: Org\n"                                  /* 38 */
    "%key: Id\n"                                   /* 39 */
    "\n"                                           /* 40 */
    "Id: meta\n"                                   /* 41 */
    "Name: Meta\n"                                 /* 42 */
    "Kind: company\n"                              /* 43 */
    "\n"                                           /* 44 */
    "%rec: Event\n"                                /* 45 */
    "%key: Id\n"                                   /* 46 */
    "\n"                                           /* 47 */
    "Id: e-day\n"                                  /* 48 */
    "Date: 2023-02-24\n"                           /* 49 */
    "Title: a day\n"                               /* 50 */
    "Person: zuck\n"                               /* 51 */
    "Paragraph: p1\n"                              /* 52 */
    "\n"                                           /* 53 */
    "Id: e-year\n"                                 /* 54 */
    "Date: 2023\n"                                 /* 55 */
    "Title: a year\n"                              /* 56 */
    "Paragraph: p1\n"                              /* 57 */
    "Org: meta\n"                                  /* 58 */
    "\n"                                           /* 59 */
    "Id: e-month\n"                                /* 60 */
    "Date: 2023-02\n"                              /* 61 */
    "Title: a month\n"                             /* 62 */
    "Person: zuck\n"                               /* 63 */
    "\n"                                           /* 64 */
    "Id: e-old\n"                                  /* 65 */
    "Date: 2022-12-31\n"                           /* 66 */
    "Title: the year before\n"                     /* 67 */
    "Paragraph: p1\n"                              /* 68 */
    "\n"                                           /* 69 */
    "Id: e-month-2\n"                              /* 70 */
    "Date: 2023-02\n"                              /* 71 */
    "Title: the same month, later in the file\n"   /* 72 */
    "Person: zuck\n"                               /* 73 */
    "Extra: kept\n"                                /* 74 */
    "\n"                                           /* 75 */
    "Id: e-first\n"                                /* 76 */
    "Date: 2023-02-01\n"                           /* 77 */
    "When: 2月1日\n"                               /* 78 */
    "Title: first day\n"                           /* 79 */
    "Text: text\n"                                 /* 80 */
    "\n"                                           /* 81 */
    "Id: e-leap\n"                                 /* 82 */
    "Date: 2024-02-29\n"                           /* 83 */
    "Title: a leap day\n"                          /* 84 */
    "\n"                                           /* 85 */
    "Id: e-2000\n"                                 /* 86 */
    "Date: 2000-02-29\n"                           /* 87 */
    "Title: 2000 is a leap year\n"                 /* 88 */
    "\n"                                           /* 89 */
    "%rec: Note\n"                                 /* 90 */
    "\n"                                           /* 91 */
    "Paragraph: p1\n"                              /* 92 */
    "Quote: Meta很好\n"                            /* 93 */
    "Text: a note\n"                               /* 94 */
    "Source: kept too\n";                          /* 95 */

static bool
str_is(struct ds_str s, const char *want)
{
	return s.n == strlen(want) && memcmp(s.s, want, s.n) == 0;
}

#define assert_str(str, want) do { \
	struct ds_str str_ = (str); \
	if (!str_is(str_, want)) \
		fail_msg("got '%.*s', want '%s'", (int)str_.n, str_.s, want); \
} while (0)

static void
test_good(void **state)
{
	struct dossier d;
	long k;

	(void)state;
	expect_ok(&d, good);
	assert_int_equal(d.narticles, 1);
	assert_int_equal(d.nparas, 2);
	assert_int_equal(d.npeople, 1);
	assert_int_equal(d.norgs, 1);
	assert_int_equal(d.nevents, 8);
	assert_int_equal(d.nnotes, 1);
	assert_str(d.title, "Test");
	assert_str(d.language, "zh");
	assert_str(d.summary, "A summary\non two lines.");
	assert_str(d.articles[0].id, "a1");
	assert_str(d.articles[0].date, "2023-09");
	assert_str(d.paras[0].id, "p1");
	assert_int_equal(d.paras[0].article, 0);
	assert_str(d.paras[1].section, "A");
	assert_str(d.paras[1].text, "扎克伯格");
	assert_str(d.people[0].name, "马克·扎克伯格");
	assert_int_equal(d.people[0].nalias, 2);
	assert_str(d.people[0].alias[0], "扎克伯格");
	assert_str(d.people[0].alias[1], "Zuckerberg");
	assert_int_equal(d.people[0].orgs.n, 1);
	assert_int_equal(d.people[0].orgs.v[0], 0);
	assert_str(d.orgs[0].role, "company");
	assert_int_equal(d.notes[0].para, 0);
	assert_int_equal(d.notes[0].quote_off, strlen("马克·扎克伯格说"));
	assert_int_equal(d.paras[0].notes.n, 1);
	k = dossier_find(&d, DS_PERSON, "zuck", 4);
	assert_int_equal(k, 0);
	assert_int_equal(dossier_find(&d, DS_PERSON, "zuc", 3), -1);
	assert_int_equal(dossier_find(&d, DS_ORG, "zuck", 4), -1);
	assert_int_equal(dossier_find(&d, DS_PARAGRAPH, "p2", 2), 1);
	dossier_free(&d);
}

/* The fields of one record, as "Name=value\n" lines. */
static void
record_text(const struct dossier *d, size_t rec, char *buf, size_t room)
{
	const struct rec_record *r = &d->rf.recs[rec];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &d->rf.fields[r->first + i];
		n += (size_t)snprintf(buf + n, n < room ? room - n : 0, "%.*s=%.*s\n",
		    (int)f->name_len, rec_field_name(&d->rf, f), (int)f->len, f->value);
	}
	assert_true(n < room);
}

/* The widest event Date, which the timeline's date column takes for the
 * whole list: measured while the events are filled, on the side thread
 * for a large dossier, the same as a walk of every event measures it. */
static int
widest_date(const struct dossier *d)
{
	int w = 0;

	for (size_t i = 0; i < d->nevents; i++) {
		int dw = text_width(d->events[i].date_text.s, d->events[i].date_text.n);
		if (dw > w)
			w = dw;
	}
	return w;
}

static void
test_date_width(void **state)
{
	enum { EVENTS = 9000 };   /* past the second thread's threshold */
	size_t room = sizeof good + EVENTS * 64, at;
	char *text = malloc(room);
	struct dossier d;

	(void)state;
	assert_non_null(text);
	expect_ok(&d, good);
	assert_int_equal(dossier_date_width(&d), widest_date(&d));
	assert_true(dossier_date_width(&d) > 0);
	dossier_free(&d);
	at = (size_t)snprintf(text, room, "%s\n%%rec: Event\n", good);
	for (int i = 0; i < EVENTS; i++)
		at += (size_t)snprintf(text + at, room - at, "\nId: e-w%d\nDate: %s\nTitle: T\n",
		    i, i == EVENTS / 2 ? "2024-02-29" : "2024");
	expect_ok(&d, text);
	assert_true(d.nevents > EVENTS);
	assert_int_equal(dossier_date_width(&d), 10);
	assert_int_equal(widest_date(&d), 10);
	dossier_free(&d);
	free(text);
}

/* What the screen reads of the records (an event's, a person's or an
 * organization's fields, an event's draft mark) is the same once the
 * others' fields are given back; the others have none, and the model's
 * strings are untouched. */
static void
test_keep_shown_fields(void **state)
{
	static const char draft[] = "\n%rec: Event\n\nId: e-draft\nDate: 2024\n"
	    "Title: Drafted\nStatus: draft\n";
	char text[sizeof good + sizeof draft], before[64][512], now[512];
	size_t recs[64], n = 0, nfields;
	struct dossier d;

	(void)state;
	snprintf(text, sizeof text, "%s%s", good, draft);
	expect_ok(&d, text);
	for (size_t i = 0; i < d.nevents; i++)
		recs[n++] = d.events[i].rec;
	for (size_t i = 0; i < d.npeople; i++)
		recs[n++] = d.people[i].rec;
	for (size_t i = 0; i < d.norgs; i++)
		recs[n++] = d.orgs[i].rec;
	for (size_t i = 0; i < n; i++)
		record_text(&d, recs[i], before[i], sizeof before[i]);
	nfields = d.rf.nfields;
	assert_int_equal(dossier_drafts(&d), 1);
	dossier_keep_shown_fields(&d);
	for (size_t i = 0; i < n; i++) {
		record_text(&d, recs[i], now, sizeof now);
		assert_string_equal(now, before[i]);
	}
	assert_int_equal(dossier_drafts(&d), 1);
	for (size_t i = 0; i < d.nevents; i++)
		assert_int_equal(dossier_draft(&d, d.events[i].rec),
		    str_is(d.events[i].title, "Drafted"));
	assert_int_equal(d.rf.recs[d.paras[0].rec].nfields, 0);
	assert_int_equal(d.rf.recs[d.notes[0].rec].nfields, 0);
	assert_true(d.rf.nfields < nfields);
	assert_str(d.paras[0].text, "马克·扎克伯格说Meta很好。");
	assert_str(d.summary, "A summary\non two lines.");
	dossier_free(&d);
}

static void
test_event_order(void **state)
{
	/* Date order; a partial date after the fuller dates of its period;
	 * ties in file order. */
	static const char *const want[] = {
		"e-2000", "e-old", "e-first", "e-day", "e-month", "e-month-2",
		"e-year", "e-leap"
	};
	struct dossier d;

	(void)state;
	expect_ok(&d, good);
	assert_int_equal(d.nevents, sizeof want / sizeof *want);
	for (size_t i = 0; i < d.nevents; i++) {
		assert_str(d.events[i].id, want[i]);
		/* Ids still find their (moved) events. */
		assert_int_equal(dossier_find(&d, DS_EVENT, want[i], strlen(want[i])),
		    (long)i);
	}
	assert_str(d.events[2].when, "2月1日");
	assert_str(d.events[2].date_text, "2023-02-01");
	assert_int_equal(d.events[2].date.year, 2023);
	assert_int_equal(d.events[2].date.month, 2);
	assert_int_equal(d.events[2].date.day, 1);
	assert_int_equal(d.events[6].date.month, 0);
	assert_int_equal(date_precision(&d.events[6].date), DATE_YEAR);
	assert_int_equal(date_precision(&d.events[4].date), DATE_MONTH);
	assert_int_equal(date_precision(&d.events[2].date), DATE_DAY);
	/* Reverse links are in date order too: p1 is cited by e-day, e-year
	 * and e-old; zuck by e-day, e-month and e-month-2. */
	assert_int_equal(d.paras[0].events.n, 3);
	assert_str(d.events[d.paras[0].events.v[0]].id, "e-old");
	assert_str(d.events[d.paras[0].events.v[1]].id, "e-day");
	assert_str(d.events[d.paras[0].events.v[2]].id, "e-year");
	assert_int_equal(d.people[0].events.n, 3);
	assert_str(d.events[d.people[0].events.v[0]].id, "e-day");
	assert_str(d.events[d.people[0].events.v[1]].id, "e-month");
	assert_str(d.events[d.people[0].events.v[2]].id, "e-month-2");
	assert_int_equal(d.orgs[0].events.n, 1);
	assert_str(d.events[d.orgs[0].events.v[0]].id, "e-year");
	/* An event's references. */
	assert_int_equal(d.events[3].persons.n, 1);
	assert_int_equal(d.events[3].paras.n, 1);
	assert_int_equal(d.events[3].paras.v[0], 0);
	dossier_free(&d);
}

static void
test_unknown_fields_kept(void **state)
{
	struct dossier d;
	const struct rec_field *f;
	long e;

	(void)state;
	expect_ok(&d, good);
	f = rec_get(&d.rf, &d.rf.recs[d.people[0].rec], "Hobby");
	assert_non_null(f);
	assert_int_equal(f->len, 7);
	assert_memory_equal(f->value, "sailing", 7);
	assert_int_equal(f->line, 36);
	e = dossier_find(&d, DS_EVENT, "e-month-2", 9);
	assert_true(e >= 0);
	f = rec_get(&d.rf, &d.rf.recs[d.events[e].rec], "Extra");
	assert_non_null(f);
	assert_int_equal(f->line, 74);
	f = rec_get(&d.rf, &d.rf.recs[d.notes[0].rec], "Source");
	assert_non_null(f);
	assert_memory_equal(f->value, "kept too", 8);
	dossier_free(&d);
}

static void
test_dates(void **state)
{
	static const struct { const char *s; bool ok; int y, m, dd; } cases[] = {
		{ "2023", true, 2023, 0, 0 },
		{ "2023-02", true, 2023, 2, 0 },
		{ "2023-02-24", true, 2023, 2, 24 },
		{ "2024-02-29", true, 2024, 2, 29 },
		{ "2000-02-29", true, 2000, 2, 29 },
		{ "2023-12-31", true, 2023, 12, 31 },
		{ "2023-04-30", true, 2023, 4, 30 },
		{ "2023-13", false, 0, 0, 0 },
		{ "2023-00", false, 0, 0, 0 },
		{ "2023-02-30", false, 0, 0, 0 },
		{ "2023-02-29", false, 0, 0, 0 },
		{ "1900-02-29", false, 0, 0, 0 },
		{ "2023-04-31", false, 0, 0, 0 },
		{ "2023-01-00", false, 0, 0, 0 },
		{ "2023-2", false, 0, 0, 0 },
		{ "2023-02-1", false, 0, 0, 0 },
		{ "23", false, 0, 0, 0 },
		{ "20231", false, 0, 0, 0 },
		{ "2023/02", false, 0, 0, 0 },
		{ "2023-0a", false, 0, 0, 0 },
		{ "", false, 0, 0, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct ds_date dt = { -1, -1, -1 };
		bool ok = date_parse(cases[i].s, strlen(cases[i].s), &dt);
		if (ok != cases[i].ok)
			fail_msg("date_parse(%s) = %d", cases[i].s, ok);
		if (ok) {
			assert_int_equal(dt.year, cases[i].y);
			assert_int_equal(dt.month, cases[i].m);
			assert_int_equal(dt.day, cases[i].dd);
		}
	}
}

/* Sort places an event inside its Date's period; it must be a date, and
 * within that period. */
static void
test_event_sort(void **state)
{
	static const char text[] = HEAD
	    "%rec: Event\n"           /* 5 */
	    "\n"                      /* 6 */
	    "Id: year\n"              /* 7 */
	    "Date: 2022\n"            /* 8 */
	    "Sort: 2022-05\n"         /* 9 */
	    "Title: a few months after May\n"
	    "\n"
	    "Id: late\n"
	    "Date: 2022-11\n"
	    "Title: November\n"
	    "\n"
	    "Id: may\n"
	    "Date: 2022-05-03\n"
	    "Title: in May\n"
	    "\n"
	    "Id: bare\n"
	    "Date: 2022\n"
	    "Title: by the end of the year\n";
	static const char *const want[] = { "may", "year", "late", "bare" };
	struct dossier d;
	char bad[512], msg[256];
	static const char *const sorts[] = { "2023-05", "2022-13", "2021", "soon" };

	(void)state;
	expect_ok(&d, text);
	for (size_t i = 0; i < d.nevents; i++)
		assert_str(d.events[i].id, want[i]);
	assert_int_equal(d.events[1].sort.month, 5);
	assert_int_equal(d.events[1].date.month, 0);
	assert_int_equal(d.events[3].sort.month, 0);
	dossier_free(&d);
	for (size_t i = 0; i < sizeof sorts / sizeof *sorts; i++) {
		snprintf(bad, sizeof bad, "%s%%rec: Event\n\nId: e\nDate: 2022\n"
		    "Title: t\nSort: %s\n", HEAD, sorts[i]);
		snprintf(msg, sizeof msg, "t.rec:10: bad Sort '%s' (want a date "
		    "within the event's Date, such as 2022-05 for 2022)", sorts[i]);
		expect_one(bad, msg);
	}
}

/* The dossier's English: a paragraph's Gloss, a Latin name, the Article's
 * English title and Latin byline, and whether its Title is supplied. */
static void
test_english_fields(void **state)
{
	static const char text[] = HEAD
	    "%rec: Article\n\n"
	    "Id: a\nTitle: 标题\nTitleSource: dossier\nEnglishTitle: The title\n"
	    "Author: 毕安娣\nAuthorLatin: Bi Andi\nEditor: 王靖\nEditorLatin: Wang Jing\n\n"
	    "Id: b\nTitle: Its own\nTitleSource: article\n\n"
	    "%rec: Paragraph\n\n"
	    "Id: p1\nText: 你好\nGloss: Hello\n\n"
	    "Id: p2\nText: 再见\n\n"
	    "%rec: Person\n\n"
	    "Id: x\nName: 杨立昆\nLatin: Yann LeCun\n\n"
	    "%rec: Org\n\n"
	    "Id: o\nName: 谷歌\n";
	struct dossier d;

	(void)state;
	expect_ok(&d, text);
	assert_str(d.articles[0].title_en, "The title");
	assert_str(d.articles[0].author_latin, "Bi Andi");
	assert_str(d.articles[0].editor_latin, "Wang Jing");
	assert_true(d.articles[0].title_supplied);
	assert_false(d.articles[1].title_supplied);
	assert_int_equal(d.articles[1].title_en.n, 0);
	assert_str(d.paras[0].gloss, "Hello");
	assert_int_equal(d.paras[1].gloss.n, 0);
	assert_str(d.people[0].latin, "Yann LeCun");
	assert_int_equal(d.orgs[0].latin.n, 0);
	dossier_free(&d);
}

static void
test_date_cmp(void **state)
{
	/* In order: each sorts strictly before the next. */
	static const char *const seq[] = {
		"1999-12-31", "2022-12-31", "2022-12", "2022", "2023-01-01",
		"2023-01-02", "2023-01", "2023-02", "2023-10-01", "2023", "2024"
	};
	struct ds_date a, b;

	(void)state;
	for (size_t i = 0; i < sizeof seq / sizeof *seq; i++) {
		assert_true(date_parse(seq[i], strlen(seq[i]), &a));
		assert_int_equal(date_cmp(&a, &a), 0);
		for (size_t j = 0; j < sizeof seq / sizeof *seq; j++) {
			int c;
			assert_true(date_parse(seq[j], strlen(seq[j]), &b));
			c = date_cmp(&a, &b);
			if ((i < j && c >= 0) || (i > j && c <= 0) || (i == j && c))
				fail_msg("date_cmp(%s, %s) = %d", seq[i], seq[j], c);
		}
	}
}

static void
test_bad_dates(void **state)
{
	static const char *const dates[] = {
		"2023-13", "2023-02-30", "2023-2", "1900-02-29", "2023-00",
		"2023-1-01", "sometime", "2023-02-29",
	};
	char text[512], want[256];

	(void)state;
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		snprintf(text, sizeof text, "%s"
		    "%%rec: Event\n"      /* 5 */
		    "\n"                  /* 6 */
		    "Id: ok\n"            /* 7 */
		    "Date: 2024-02-29\n"  /* 8 */
		    "Title: fine\n"       /* 9 */
		    "\n"                  /* 10 */
		    "Id: e\n"             /* 11 */
		    "Title: t\n"          /* 12 */
		    "Date: %s\n",         /* 13 */
		    HEAD, dates[i]);
		snprintf(want, sizeof want, "t.rec:13:7: bad Date '%s' "
		    "(want YYYY, YYYY-MM or YYYY-MM-DD, a real day)", dates[i]);
		expect_one(text, want);
	}
}

static void
test_duplicate_ids(void **state)
{
	static const char text[] = HEAD
	    "%rec: Person\n"              /* 5 */
	    "\n"                          /* 6 */
	    "Id: x\n"                     /* 7 */
	    "Name: A\n"                   /* 8 */
	    "\n"                          /* 9 */
	    "Name: B\n"                   /* 10 */
	    "Id: x\n"                     /* 11 */
	    "\n"                          /* 12 */
	    "%rec: Org\n"                 /* 13 */
	    "\n"                          /* 14 */
	    "Id: x\n"                     /* 15: another type: fine */
	    "Name: O\n"                   /* 16 */
	    "\n"                          /* 17 */
	    "Id: y\n"                     /* 18 */
	    "Name: P\n"                   /* 19 */
	    "\n"                          /* 20 */
	    "Id: y\n"                     /* 21 */
	    "Name: Q\n"                   /* 22 */
	    "\n"                          /* 23 */
	    "Id: y\n"                     /* 24 */
	    "Name: R\n";                  /* 25 */
	static const char *const want[] = {
		"t.rec:11: duplicate Person Id 'x'",
		"t.rec:21: duplicate Org Id 'y'",
		"t.rec:24: duplicate Org Id 'y'",
	};

	(void)state;
	expect_errors(text, 3, want);
}

static void
test_dangling(void **state)
{
	static const char text[] = HEAD
	    "%rec: Article\n"             /* 5 */
	    "\n"                          /* 6 */
	    "Id: a\n"                     /* 7 */
	    "\n"                          /* 8 */
	    "%rec: Paragraph\n"           /* 9 */
	    "\n"                          /* 10 */
	    "Id: p\n"                     /* 11 */
	    "Article: nope\n"             /* 12 */
	    "Text: t\n"                   /* 13 */
	    "\n"                          /* 14 */
	    "%rec: Person\n"              /* 15 */
	    "\n"                          /* 16 */
	    "Id: x\n"                     /* 17 */
	    "Name: X\n"                   /* 18 */
	    "Org: o\n"                    /* 19 */
	    "Org: nope-org\n"             /* 20 */
	    "\n"                          /* 21 */
	    "%rec: Org\n"                 /* 22 */
	    "\n"                          /* 23 */
	    "Id: o\n"                     /* 24 */
	    "Name: O\n"                   /* 25 */
	    "\n"                          /* 26 */
	    "%rec: Event\n"               /* 27 */
	    "\n"                          /* 28 */
	    "Id: e\n"                     /* 29 */
	    "Date: 2023\n"                /* 30 */
	    "Title: t\n"                  /* 31 */
	    "Person: x\n"                 /* 32 */
	    "Person: ghost\n"             /* 33 */
	    "Paragraph: p9\n"             /* 34 */
	    "Org: o9\n"                   /* 35 */
	    "Paragraph: p\n"              /* 36 */
	    "\n"                          /* 37 */
	    "%rec: Note\n"                /* 38 */
	    "\n"                          /* 39 */
	    "Paragraph: p0\n"             /* 40 */
	    "Quote: t\n"                  /* 41 */
	    "Text: n\n";                  /* 42 */
	static const char *const want[] = {
		"t.rec:12: Article 'nope' does not exist",
		"t.rec:20: Org 'nope-org' does not exist",
		"t.rec:33: Person 'ghost' does not exist",
		"t.rec:34: Paragraph 'p9' does not exist",
		"t.rec:35: Org 'o9' does not exist",
		"t.rec:40: Paragraph 'p0' does not exist",
	};

	(void)state;
	expect_errors(text, 6, want);
}

static void
test_missing_fields(void **state)
{
	static const char text[] = HEAD
	    "%rec: Person\n"              /* 5 */
	    "\n"                          /* 6 */
	    "# the record starts below\n" /* 7 */
	    "Role: r\n"                   /* 8 */
	    "Id: x\n"                     /* 9 */
	    "\n"                          /* 10 */
	    "Name: no id\n"               /* 11 */
	    "\n"                          /* 12 */
	    "%rec: Org\n"                 /* 13 */
	    "\n"                          /* 14 */
	    "Kind: k\n"                   /* 15 */
	    "Id: o\n"                     /* 16 */
	    "\n"                          /* 17 */
	    "%rec: Event\n"               /* 18 */
	    "\n"                          /* 19 */
	    "Id: e\n"                     /* 20 */
	    "When: sometime\n"            /* 21 */
	    "\n"                          /* 22 */
	    "%rec: Paragraph\n"           /* 23 */
	    "\n"                          /* 24 */
	    "Text: no id\n"               /* 25 */
	    "\n"                          /* 26 */
	    "%rec: Article\n"             /* 27 */
	    "\n"                          /* 28 */
	    "Title: no id\n"              /* 29 */
	    "\n"                          /* 30 */
	    "%rec: Note\n"                /* 31 */
	    "\n"                          /* 32 */
	    "Text: nothing else\n";       /* 33 */
	static const char *const want[] = {
		"t.rec:8: Person record without Name field",
		"t.rec:11: Person record without Id field",
		"t.rec:15: Org record without Name field",
		"t.rec:20: Event record without Date field",
		"t.rec:20: Event record without Title field",
		"t.rec:25: Paragraph record without Id field",
		"t.rec:29: Article record without Id field",
		"t.rec:33: Note record without Paragraph field",
		"t.rec:33: Note record without Quote field",
	};

	(void)state;
	expect_errors(text, sizeof want / sizeof *want, want);
}

static void
test_malformed_id(void **state)
{
	static const char text[] = HEAD
	    "%rec: Person\n"              /* 5 */
	    "\n"                          /* 6 */
	    "Id: a b\n"                   /* 7 */
	    "Name: A\n"                   /* 8 */
	    "\n"                          /* 9 */
	    "Name: B\n"                   /* 10 */
	    "Id:\n"                       /* 11 */
	    "\n"                          /* 12 */
	    "Id: 杨\n"                    /* 13 */
	    "Name: C\n"                   /* 14 */
	    "\n"                          /* 15 */
	    "Id: ok_Id-9\n"               /* 16 */
	    "Name: D\n"                   /* 17 */
	    "\n"                          /* 18 */
	    "Id: a.b\n"                   /* 19 */
	    "Name: E\n";                  /* 20 */
	static const char *const want[] = {
		"t.rec:7: malformed Id 'a b' (allowed: A-Z a-z 0-9 _ -)",
		"t.rec:11: empty Id",
		"t.rec:13: malformed Id '杨' (allowed: A-Z a-z 0-9 _ -)",
		"t.rec:19: malformed Id 'a.b' (allowed: A-Z a-z 0-9 _ -)",
	};

	(void)state;
	expect_errors(text, 4, want);
}

static void
test_unknown_type(void **state)
{
	(void)state;
	expect_one(HEAD
	    "%rec: Widget\n"              /* 5 */
	    "%key: Id\n"                  /* 6 */
	    "\n"                          /* 7 */
	    "# a comment\n"               /* 8 */
	    "Id: w\n",                    /* 9 */
	    "t.rec:5: unknown record type 'Widget'");
	/* Type names are case-sensitive. */
	expect_one(HEAD "%rec: person\n\nId: x\nName: X\n",
	    "t.rec:5: unknown record type 'person'");
	/* Also with no record at all, and in line order with the errors of
	 * the records around it. */
	expect_one(HEAD "%rec: Gadget\n%key: Id\n",
	    "t.rec:5: unknown record type 'Gadget'");
	static const char *const order[] = {
		"t.rec:7: Person record without Name field",
		"t.rec:9: unknown record type 'Gadget'",
		"t.rec:13: Person record without Name field",
	};
	expect_errors(HEAD "%rec: Person\n\nId: a\n\n"     /* 5-8 */
	    "%rec: Gadget\n\n"                                 /* 9-10 */
	    "%rec: Person\n\nId: b\n",                        /* 11-13 */
	    3, order);
}

static void
test_dossier_count(void **state)
{
	static const char *const two[] = {
		"t.rec:5: more than one Dossier record",
		"t.rec:14: more than one Dossier record",
	};

	(void)state;
	expect_one("%rec: Person\n\nId: x\nName: X\n", "t.rec:1: no Dossier record");
	expect_one("", "t.rec:1: no Dossier record");
	expect_errors(HEAD
	    "Title: second\n"             /* 5 */
	    "\n"                          /* 6 */
	    "%rec: Person\n"              /* 7 */
	    "\n"                          /* 8 */
	    "Id: x\n"                     /* 9 */
	    "Name: X\n"                   /* 10 */
	    "\n"                          /* 11 */
	    "%rec: Dossier\n"             /* 12 */
	    "\n"                          /* 13 */
	    "Title: third\n",             /* 14 */
	    2, two);
}

static void
test_note_quote(void **state)
{
	static const char text[] = HEAD
	    "%rec: Paragraph\n"           /* 5 */
	    "\n"                          /* 6 */
	    "Id: p1\n"                    /* 7 */
	    "Text: 两个月前,开源大模型Llama 2惊艳四座\n" /* 8 */
	    "\n"                          /* 9 */
	    "%rec: Note\n"                /* 10 */
	    "\n"                          /* 11 */
	    "Paragraph: p1\n"             /* 12 */
	    "Quote: Llama 2\n"            /* 13: fine */
	    "Text: ok\n"                  /* 14 */
	    "\n"                          /* 15 */
	    "Paragraph: p1\n"             /* 16 */
	    "Text: not there\n"           /* 17 */
	    "Quote: Llama 3\n"            /* 18 */
	    "\n"                          /* 19 */
	    "Paragraph: p1\n"             /* 20 */
	    "Text: case matters\n"        /* 21 */
	    "Quote: llama\n";             /* 22 */
	static const char *const want[] = {
		"t.rec:18: Quote 'Llama 3' does not occur in paragraph p1",
		"t.rec:22: Quote 'llama' does not occur in paragraph p1",
	};

	(void)state;
	expect_errors(text, 2, want);
}

static void
test_reader_errors_pass_through(void **state)
{
	(void)state;
	expect_one(HEAD "%rec: Person\n\nId: x\nName \n",
	    "t.rec:8: field line without ':'");
}

static void
test_error_limit(void **state)
{
	/* 25 bad records: all counted, the first DIAG_MAX kept. */
	size_t cap = 8192, len;
	char *text = malloc(cap);
	char want[128];
	struct dossier d;
	struct diag dg;

	(void)state;
	assert_non_null(text);
	len = (size_t)snprintf(text, cap, "%s%%rec: Event\n\n", HEAD);  /* 1-6 */
	for (int i = 0; i < 25; i++)
		/* Record i: lines 7 + 4i .. 9 + 4i and a blank line. */
		len += (size_t)snprintf(text + len, cap - len,
		    "Id: e%d\nTitle: t\nDate: 2023-02-%d\n\n", i, 30 + i % 2);
	assert_true(len < cap);
	assert_int_equal(load(&d, &dg, text), 65);
	assert_int_equal(dg.count, 25);
	for (int i = 0; i < DIAG_MAX; i++) {
		snprintf(want, sizeof want, "t.rec:%d:7: bad Date '2023-02-%d' "
		    "(want YYYY, YYYY-MM or YYYY-MM-DD, a real day)", 9 + 4 * i,
		    30 + i % 2);
		assert_non_null(dg.msg[i]);
		assert_string_equal(dg.msg[i], want);
	}
	diag_free(&dg);
	free(text);
}

struct job_seen {
	int calls;
	size_t npeople, nparas;
	char first_name[64];
};

static void
job_run(const struct dossier *d, void *arg)
{
	struct job_seen *seen = arg;

	seen->calls++;
	seen->npeople = d->npeople;
	seen->nparas = d->nparas;
	if (d->npeople)
		snprintf(seen->first_name, sizeof seen->first_name, "%.*s",
		    (int)d->people[0].name.n, d->people[0].name.s);
}

/* Writes text to a new temporary file; its name is in path. */
static void
temp_file(char *path, size_t size, const char *text)
{
	FILE *f;
	int fd;

	snprintf(path, size, "%s/dossier-test-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void
test_side_job(void **state)
{
	/* The job runs once, sees the filled tables, and the model is the
	 * same as without it; a load that fails before the tables are
	 * filled runs no job. */
	char path[256];
	struct job_seen seen = { 0 };
	struct ds_side_job job = { job_run, &seen };
	struct dossier d, plain;
	struct diag dg;

	(void)state;
	temp_file(path, sizeof path, good);
	diag_init(&dg, path);
	assert_int_equal(dossier_load_with(&d, path, &dg, &job), 0);
	diag_free(&dg);
	expect_ok(&plain, good);
	assert_int_equal(seen.calls, 1);
	assert_int_equal(seen.npeople, plain.npeople);
	assert_int_equal(seen.nparas, plain.nparas);
	assert_true(plain.npeople > 0);
	assert_str(plain.people[0].name, seen.first_name);
	assert_int_equal(d.nevents, plain.nevents);
	for (size_t i = 0; i < d.nevents; i++) {
		assert_int_equal(d.events[i].id.n, plain.events[i].id.n);
		assert_memory_equal(d.events[i].id.s, plain.events[i].id.s, d.events[i].id.n);
		assert_int_equal(d.events[i].persons.n, plain.events[i].persons.n);
	}
	dossier_free(&d);
	dossier_free(&plain);
	remove(path);

	memset(&seen, 0, sizeof seen);
	temp_file(path, sizeof path, HEAD "%rec: Person\n\nId: x\nName: A\n\nId: x\nName: B\n");
	diag_init(&dg, path);
	assert_int_equal(dossier_load_with(&d, path, &dg, &job), 65);
	assert_int_equal(dg.count, 1);
	assert_int_equal(seen.calls, 0);
	diag_free(&dg);
	remove(path);
}

/* A file past the size where it is read and checked on two cores: a bad
 * byte far into it gives the reader's error alone (the model is never
 * built on bytes that were not checked), as a serial check would; clean,
 * the model's errors stand. */
static void
test_large_file_checked(void **state)
{
	const char *head = HEAD "%rec: Person\n\nId: x\nName: A\n\nId: x\nName: B\n\n"
	    "%rec: Paragraph\n\n";    /* the duplicate Id on line 10 */
	const char *para = "Text: 两个月前，开源大模型Llama 2惊艳四座。Meta's FAIR lab.\n\n";
	size_t cap = 6u << 20, len, line = 15;   /* lines of head, plus one */
	char *text = malloc(cap + 256), *path = malloc(256), want[128];
	struct dossier d;
	struct diag dg;

	(void)state;
	assert_non_null(text);
	assert_non_null(path);
	len = (size_t)snprintf(text, cap, "%s", head);
	for (int i = 0; len < (5u << 20); i++, line += 3)
		len += (size_t)snprintf(text + len, cap - len, "Id: p%d\n%s", i, para);
	strcpy(text + len, "Id: bad\nText: caf\xc3\n\n");
	temp_file(path, 256, text);
	diag_init(&dg, "t.rec");
	assert_int_equal(dossier_load_with(&d, path, &dg, NULL), 65);
	snprintf(want, sizeof want, "t.rec:%zu:10: invalid UTF-8 (byte 0xc3)", line + 1);
	if (dg.count != 1)
		show(&dg);
	assert_int_equal(dg.count, 1);
	assert_string_equal(dg.msg[0], want);
	diag_free(&dg);
	remove(path);

	text[len] = '\0';           /* clean: the model's error */
	temp_file(path, 256, text);
	diag_init(&dg, "t.rec");
	assert_int_equal(dossier_load_with(&d, path, &dg, NULL), 65);
	assert_int_equal(dg.count, 1);
	assert_string_equal(dg.msg[0], "t.rec:10: duplicate Person Id 'x'");
	diag_free(&dg);
	remove(path);
	free(path);
	free(text);
}

/* A dossier of n events (event i naming persons x, y and z, starting
 * with the one of index i % 3, or
 * nope<i> where bad(i)), then a note naming paragraph zz (or p1 when
 * bad(n)).  Event i's first Person line is 26 + 7i. */
static char *
many_events(size_t n, bool (*bad)(size_t))
{
	static const char *const xyz[] = { "x", "y", "z" };
	size_t cap = 64 * n + 512, len;
	char *text = malloc(cap);

	assert_non_null(text);
	len = (size_t)snprintf(text, cap, "%s%%rec: Person\n\nId: x\nName: X\n\n"
	    "Id: y\nName: Y\n\nId: z\nName: Z\n\n%%rec: Paragraph\n\nId: p1\nText: hello\n\n%%rec: Event\n\n", HEAD);
	for (size_t i = 0; i < n; i++)
		len += bad(i) ? (size_t)snprintf(text + len, cap - len,
		    "Id: e%zu\nTitle: t\nDate: 2023\nPerson: nope%zu\nPerson: y\nPerson: z\n\n", i, i) :
		    (size_t)snprintf(text + len, cap - len,
		    "Id: e%zu\nTitle: t\nDate: 2023\nPerson: %s\nPerson: %s\nPerson: %s\n\n", i,
		    xyz[i % 3], xyz[(i + 1) % 3], xyz[(i + 2) % 3]);
	snprintf(text + len, cap - len, "%%rec: Note\n\nParagraph: %s\nQuote: l\nText: t\n",
	    bad(n) ? "zz" : "p1");
	return text;
}

static bool bad_none(size_t i) { (void)i; return false; }
static bool bad_few(size_t i) { return i == 3 || i == 9000 || i == 10000; }
static bool bad_early(size_t i) { return (i >= 100 && i < 125) || i == 10000; }
static bool bad_late(size_t i) { return i >= 9000 && i < 9025; }

/* On a large dossier the references are resolved by two threads: the
 * errors still come in file order, counted past DIAG_MAX as one. */
static void
test_link_errors_in_order(void **state)
{
	struct dossier d;
	struct diag dg;
	char want[128], *text;

	(void)state;
	/* Good: every list as a serial link makes it. */
	text = many_events(10000, bad_none);
	expect_ok(&d, text);
	for (size_t i = 0; i < d.nevents; i++) {
		assert_int_equal(d.events[i].persons.n, 3);
		for (size_t k = 0; k < 3; k++)
			assert_int_equal(d.events[i].persons.v[k], (i + k) % 3);
	}
	for (size_t p = 0; p < 3; p++) {
		assert_int_equal(d.people[p].events.n, 10000);
		for (size_t k = 0; k < 10000; k++)
			assert_int_equal(d.people[p].events.v[k], k);
	}
	assert_int_equal(d.paras[0].notes.n, 1);
	dossier_free(&d);
	free(text);

	text = many_events(10000, bad_few);
	assert_int_equal(load(&d, &dg, text), 65);
	if (dg.count != 3)
		show(&dg);
	assert_int_equal(dg.count, 3);
	assert_string_equal(dg.msg[0], "t.rec:47: Person 'nope3' does not exist");
	assert_string_equal(dg.msg[1], "t.rec:63026: Person 'nope9000' does not exist");
	assert_string_equal(dg.msg[2], "t.rec:70025: Paragraph 'zz' does not exist");
	diag_free(&dg);
	free(text);

	for (int late = 0; late < 2; late++) {
		size_t first = late ? 9000 : 100;
		text = many_events(10000, late ? bad_late : bad_early);
		assert_int_equal(load(&d, &dg, text), 65);
		assert_int_equal(dg.count, 25 + !late);   /* the events, the note */
		for (size_t i = 0; i < DIAG_MAX; i++) {
			snprintf(want, sizeof want, "t.rec:%zu: Person 'nope%zu' does not exist",
			    26 + 7 * (first + i), first + i);
			assert_string_equal(dg.msg[i], want);
		}
		diag_free(&dg);
		free(text);
	}
}


/* On a large dossier the tables are filled by two threads (events and
 * notes on the second): errors found by both come in file order, as a
 * serial fill gives them, and a good one is the same either way. */
static void
test_fill_errors_in_order(void **state)
{
	struct dossier d;
	struct diag dg;
	char *text = many_events(10000, bad_none), *big;
	size_t n = strlen(text);
	char *at;

	(void)state;
	big = malloc(n + 256);
	assert_non_null(big);
	memcpy(big, text, n + 1);
	/* A person with no Name at line 3 of the people... */
	at = strstr(big, "Id: y\nName: Y");
	assert_non_null(at);
	memcpy(at + 6, "Nome", 4);   /* record y, line 10 */
	/* ...an event's bad date far in (event 5000's Date is on line
	 * 26 + 7 * 5000 - 1)... */
	at = strstr(big, "Id: e5000\n");
	assert_non_null(at);
	at = strstr(at, "Date: 2023");
	memmove(at + 13, at + 10, strlen(at + 10) + 1);
	memcpy(at + 6, "2023-13", 7);
	/* ...and a Dossier record after it all. */
	strcat(big, "\n%rec: Dossier\n\nTitle: again\n");
	assert_int_equal(load(&d, &dg, big), 65);
	if (dg.count != 3)
		show(&dg);
	assert_int_equal(dg.count, 3);
	assert_string_equal(dg.msg[0], "t.rec:10: Person record without Name field");
	assert_string_equal(dg.msg[1], "t.rec:35025:7: bad Date '2023-13' "
	    "(want YYYY, YYYY-MM or YYYY-MM-DD, a real day)");
	assert_non_null(strstr(dg.msg[2], ": more than one Dossier record"));
	diag_free(&dg);
	free(big);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_event_order),
		cmocka_unit_test(test_unknown_fields_kept),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_event_sort),
		cmocka_unit_test(test_english_fields),
		cmocka_unit_test(test_date_cmp),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_dangling),
		cmocka_unit_test(test_missing_fields),
		cmocka_unit_test(test_malformed_id),
		cmocka_unit_test(test_unknown_type),
		cmocka_unit_test(test_dossier_count),
		cmocka_unit_test(test_note_quote),
		cmocka_unit_test(test_reader_errors_pass_through),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_side_job),
		cmocka_unit_test(test_large_file_checked),
		cmocka_unit_test(test_link_errors_in_order),
		cmocka_unit_test(test_fill_errors_in_order),
		cmocka_unit_test(test_date_width),
		cmocka_unit_test(test_keep_shown_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
