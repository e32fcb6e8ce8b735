/* Unit tests of the importer: the rec writer (src/recwrite.c), plain text
 * and HTML reading (src/import_text.c, src/import_html.c) on the invented
 * fixtures of tests/data/import, and whole imports (src/import.c): bad
 * input, unresolved dates, adding to a dossier; and the model's drafts. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dossier.h"
#include "import.h"
#include "import_doc.h"
#include "import_job.h"
#include "recwrite.h"

/* A fixture of tests/data/import, found from $top_srcdir, else here. */
static const char *
fixture(const char *name)
{
	static char path[4096];
	const char *top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/tests/data/import/%s", top ? top : BUILD_TOP_SRCDIR, name);
	return path;
}
#define FIXTURE(name) fixture(name)

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	*n = (size_t)len;
	return buf;
}

static void
load(struct dossier *d, const struct rw_buf *b)
{
	struct diag dg;
	int rc;

	diag_init(&dg, "t.rec");
	rc = dossier_load_buffer(d, "t.rec", b->s, b->n, &dg);
	for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
		print_message("# %s\n", dg.msg[i]);
	diag_free(&dg);
	assert_int_equal(rc, 0);
}

static void
expect_str(struct ds_str got, const char *want)
{
	if (got.n != strlen(want) || memcmp(got.s, want, got.n) != 0)
		fail_msg("want \"%s\", got \"%.*s\"", want, (int)got.n, got.s);
}

static const struct ds_event *
event_by_id(const struct dossier *d, const char *id)
{
	long i = dossier_find(d, DS_EVENT, id, strlen(id));

	if (i < 0)
		fail_msg("no event %s", id);
	return &d->events[i];
}

/* ---- the rec writer ---- */

static void
test_recwrite(void **state)
{
	static const char *const values[] = {
		"one line", "two\nlines", "blank\n\nline inside", "ends with newline\n",
		"\n\nstarts with two", "trailing blanks  ", "+ a plus\n+ and another",
		"tab\there", "# not a comment\n%rec: not a descriptor",
	};
	struct rw_buf b;
	struct dossier d;

	(void)state;
	rw_init(&b);
	rw_puts(&b, "%rec: Dossier\n\nTitle: t\n\n%rec: Org\n");
	for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
		rw_printf(&b, "\nId: o%zu\n", i);
		rw_fields(&b, "Name", values[i]);
	}
	assert_false(b.oom);
	load(&d, &b);
	assert_int_equal(d.norgs, sizeof values / sizeof *values);
	for (size_t i = 0; i < d.norgs; i++) {
		expect_str(d.orgs[i].name, values[i]);
	}
	dossier_free(&d);
	/* What the reader would lose is dropped: leading blanks, CR, controls. */
	rw_free(&b);
	static const char raw[] = "  \tx\ry\x1b[2Jz\x7f\xc2\x9b" "1m\xc2\xb7";
	rw_field(&b, "Text", raw, sizeof raw - 1);
	assert_string_equal(b.s, "Text: xy[2Jz1m\xc2\xb7\n");
	rw_free(&b);
	rw_field(&b, "Text", "", 0);
	assert_string_equal(b.s, "Text:\n");
	rw_free(&b);
}

/* Where new records of a type go: after the last record of its section,
 * before the comments that lead to the next one. */
static void
test_section_end(void **state)
{
	static const char text[] =
	    "%rec: Dossier\n\nTitle: t\n\n"
	    "%rec: Person\n%key: Id\n\nId: a\nName: A\n+ more\n\n"
	    "# the organizations\n\n%rec: Org\n\nId: o\nName: O\n";
	size_t n = sizeof text - 1;
	bool found;

	(void)state;
	assert_int_equal(rw_section_end(text, n, "Person", &found),
	    (size_t)(strstr(text, "+ more\n") + 7 - text));
	assert_true(found);
	assert_int_equal(rw_section_end(text, n, "Org", &found), n);
	assert_true(found);
	assert_int_equal(rw_section_end(text, n, "Event", &found), n);
	assert_false(found);
	/* "%rec: Persons" is another type */
	assert_int_equal(rw_section_end("%rec: Persons\n\nId: x\n", 21, "Person", &found), 21);
	assert_false(found);
}

/* ---- reading text and HTML ---- */

static void
expect_paras(const struct imp_doc *d, size_t n, const char *const *text,
    const char *const *section)
{
	for (size_t i = 0; i < d->npara && i < n; i++) {
		assert_string_equal(d->paras[i].text, text[i]);
		if (section[i])
			assert_string_equal(d->paras[i].section, section[i]);
		else
			assert_null(d->paras[i].section);
	}
	assert_int_equal(d->npara, n);
}

/* Reads a fixture into d, as HTML or as text. */
static void
parse(const char *path, bool html, struct imp_doc *d)
{
	size_t n;
	char *buf = slurp(path, &n);

	imp_doc_init(d);
	if (html)
		assert_true(imp_html_parse(d, buf, n));
	else
		imp_text_parse(d, buf, n);
	free(buf);
}

static void
test_html_article(void **state)
{
	static const char *const text[] = {
		"In 2013 the Basement Lab hired Ada Lovelace as its first head.",
		"Lovelace ran it for ten years & more;\nshe left last year.",
		"Last spring Charles Babage took over the lab.",
		"艾达·洛芙莱斯(Ada Lovelace)说,次年3月实验室搬家。",
	};
	static const char *const section[] = { NULL, NULL, "Now", "Now" };
	struct imp_doc d;

	(void)state;
	parse(FIXTURE("article.html"), true, &d);
	assert_string_equal(d.title, "A lab changes hands");
	assert_string_equal(d.author, "A. Writer");
	assert_string_equal(d.date, "2024-03-05T09:30:00+00:00");
	assert_string_equal(d.source, "Example Gazette");
	/* no nav, header, figure caption, aside, footer, script or byline */
	expect_paras(&d, 4, text, section);
	imp_doc_free(&d);
}

static void
test_html_without_article(void **state)
{
	static const char *const text[] = {
		"这是一个示例段落,用于测试导入程序。",
		"2022年5月,示例实验室发布了一个模型。",
		"次年,示例实验室又发布了一个更大的模型。",
	};
	static const char *const section[] = { NULL, NULL, "小标题" };
	struct imp_doc d;

	(void)state;
	parse(FIXTURE("no-article.html"), true, &d);
	assert_string_equal(d.title, "示例新闻");
	assert_string_equal(d.author, "示例作者");
	assert_string_equal(d.date, "2023-09-18");
	expect_paras(&d, 3, text, section);
	imp_doc_free(&d);
}

static void
test_text_wrapped(void **state)
{
	static const char *const text[] = {
		"In 2013 the Basement Lab hired Ada Lovelace as its first head. "
		"Lovelace ran it for ten years.",
		"Last year Charles Babbage took over the lab, and in May he hired "
		"Mary Somerville.",
	};
	static const char *const section[] = { NULL, "Now" };
	struct imp_doc d;

	(void)state;
	parse(FIXTURE("wrapped.txt"), false, &d);
	assert_string_equal(d.title, "A lab changes hands");
	assert_string_equal(d.author, "A. Writer");
	expect_paras(&d, 2, text, section);
	imp_doc_free(&d);
}

static void
test_text_lines(void **state)
{
	static const char *const text[] = {
		"艾达·洛芙莱斯（Ada Lovelace）于去年底加入示例实验室。",
		"同年9月,洛芙莱斯发表了论文。",
		"杨小明(Xiaoming Yang)表示,两个月前实验室搬家。",
	};
	static const char *const section[] = { NULL, NULL, "小标题" };
	struct imp_doc d;

	(void)state;
	parse(FIXTURE("fullwidth.txt"), false, &d);
	assert_string_equal(d.title, "示例标题");
	/* full-width colon, and a bar with blanks */
	assert_string_equal(d.author, "张小明, 李小红");
	assert_string_equal(d.source, "示例日报");
	assert_null(d.editor);
	expect_paras(&d, 3, text, section);
	imp_doc_free(&d);
}

/* Hard-wrapped lines: joined with a space, except beside a Chinese
 * character or full-width punctuation, and after a word's hyphen. */
static void
test_text_joined(void **state)
{
	static const char text[] =
	    "A title\n\n"
	    "第一段的发展\nMeta在AI领域，\nMeta再次说:\n“好”\nand left.\n\n"
	    "Second para-\ngraph, a well-\nknown - fact.\n";
	static const char *const want[] = {
		"第一段的发展Meta在AI领域，Meta再次说: “好” and left.",
		"Second para-graph, a well-known - fact.",
	};
	static const char *const section[] = { NULL, NULL };
	struct imp_doc d;

	(void)state;
	imp_doc_init(&d);
	imp_text_parse(&d, text, sizeof text - 1);
	assert_string_equal(d.title, "A title");
	expect_paras(&d, 2, want, section);
	imp_doc_free(&d);
}

static void
test_bylines(void **state)
{
	static const struct { const char *line; const char *author, *editor; } t[] = {
		{ "编辑:王五", NULL, "王五" }, { "编辑：王五", NULL, "王五" },
		{ "撰文:赵六", "赵六", NULL }, { "文|赵六", "赵六", NULL },
		{ "文 | 赵六", "赵六", NULL }, { "文丨赵六", "赵六", NULL },
		{ "By Jane Example", "Jane Example", NULL },
		{ "责任编辑：王五", NULL, "王五" },
		{ "文章说:这不是署名", NULL, NULL }, { "By the way, no.", NULL, NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct imp_doc d;
		imp_doc_init(&d);
		assert_int_equal(imp_byline(&d, t[i].line, strlen(t[i].line)),
		    t[i].author || t[i].editor);
		if (t[i].author)
			assert_string_equal(d.author, t[i].author);
		else
			assert_null(d.author);
		if (t[i].editor)
			assert_string_equal(d.editor, t[i].editor);
		else
			assert_null(d.editor);
		imp_doc_free(&d);
	}
}

/* ---- whole imports ---- */

static int
import(const struct import_opts *o, const char *buf, size_t n, struct rw_buf *out,
    char *err, size_t cap)
{
	FILE *f = fmemopen(err, cap, "w");
	int rc;

	assert_non_null(f);
	memset(err, 0, cap);
	rw_init(out);
	rc = import_buffer(o, "in.txt", buf, n, out, f);
	fclose(f);
	return rc;
}

static void
test_bad_input(void **state)
{
	static const struct { const char *buf; size_t n; const char *msg; } t[] = {
		{ "", 0, "in.txt: empty article\n" },
		{ " \n\t\n", 4, "in.txt: empty article\n" },
		{ "line one\nbin\0ary\n", 17, "in.txt:2: NUL byte: not a text or HTML file\n" },
		{ "ok\nok\n\xd6\xd0\xce\xc4 gbk\n", 14,
		  "in.txt:3: invalid UTF-8: not a text or HTML file in UTF-8\n" },
		{ "\xef\xbb\xbf", 3, "in.txt: empty article\n" },
	};
	struct import_opts o = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct rw_buf out;
		char err[256];
		assert_int_equal(import(&o, t[i].buf, t[i].n, &out, err, sizeof err), 65);
		assert_string_equal(err, t[i].msg);
		assert_int_equal(out.n, 0);
		rw_free(&out);
	}
}

/* People of a byline split at its separators, a blank before one too:
 * "Writer ；B." once left the last byte of the full-width semicolon on
 * the next name, and the import failed its own check (found by
 * fuzz-import; the input is corpus/import/regress-byline-blank-separator). */
static void
test_byline_separators(void **state)
{
	static const char art[] = "By A. Writer \xef\xbc\x9b B. Other , C. Third\n\n"
	    "A. Writer and B. Other met C. Third in 2020.\n\nNothing else happened.\n";
	struct import_opts o = { 0 };
	struct rw_buf out;
	char err[512];

	(void)state;
	assert_int_equal(import(&o, art, sizeof art - 1, &out, err, sizeof err), 0);
	assert_string_equal(err, "");
	assert_non_null(strstr(out.s, "Name: A. Writer\n"));
	assert_non_null(strstr(out.s, "Name: B. Other\n"));
	assert_non_null(strstr(out.s, "Name: C. Third\n"));
	rw_free(&out);
}

static size_t
count(const char *s, const char *w)
{
	size_t c = 0;

	for (const char *p = s; (p = strstr(p, w)); p += strlen(w))
		c++;
	return c;
}

/* Without a publication date, relative dates are Notes, not Events. */
static void
test_unresolved(void **state)
{
	static const char text[] = "2013年,实验室成立。\n两个月前,它搬了家。\n次年,它关门了。\n";
	struct import_opts o = { 0 };
	struct rw_buf out;
	struct dossier d;
	char err[256];

	(void)state;
	assert_int_equal(import(&o, text, strlen(text), &out, err, sizeof err), 0);
	load(&d, &out);
	assert_int_equal(d.nevents, 1);
	assert_int_equal(d.events[0].date.year, 2013);
	assert_int_equal(d.nnotes, 2);
	expect_str(d.notes[0].quote, "两个月前");
	expect_str(d.notes[1].quote, "次年");
	assert_int_equal(d.notes[1].para, 2);
	dossier_free(&d);
	rw_free(&out);
	/* With one, they are Events. */
	o.has_published = true;
	o.published = (struct ds_date){ 2023, 9, 0 };
	assert_int_equal(import(&o, text, strlen(text), &out, err, sizeof err), 0);
	load(&d, &out);
	assert_int_equal(d.nevents, 3);
	assert_int_equal(d.nnotes, 0);
	dossier_free(&d);
	rw_free(&out);
}

/* Events: the clause, and the people named in it. */
static void
test_events(void **state)
{
	static const char text[] =
	    "编辑:王五\n"
	    "研究主管艾达·洛芙莱斯(Ada Lovelace)于2020年9月离开,次年3月,洛芙莱斯加入了示例公司。\n";
	struct import_opts o = { 0 };
	struct rw_buf out;
	struct dossier d;
	char err[256];

	(void)state;
	assert_int_equal(import(&o, text, strlen(text), &out, err, sizeof err), 0);
	load(&d, &out);
	assert_int_equal(d.nparas, 1);
	assert_int_equal(d.npeople, 2);
	assert_int_equal(d.nevents, 2);
	const struct ds_event *e = event_by_id(&d, "e-p1-2");
	expect_str(e->date_text, "2021-03");
	expect_str(e->when, "次年3月");
	/* the short form in the clause links the person */
	assert_int_equal(e->persons.n, 1);
	expect_str(d.idkeys[DS_PERSON][e->persons.v[0]], "lovelace");
	expect_str(e->title, "次年3月,洛芙莱斯加入了示例公司");
	assert_true(dossier_draft(&d, e->rec));
	assert_false(dossier_draft(&d, d.paras[0].rec));
	dossier_free(&d);
	rw_free(&out);
}

/* A form inside a longer one is no mention (Model in Model 2), and a
 * comma between digits ends a clause unless it is a thousands comma. */
static void
test_links(void **state)
{
	static const char text[] =
	    "示例公司的Model 2和Model都很受欢迎。\n"
	    "2020年,Model 2售出1,000份,2,3月Model又发布了。\n";
	struct import_opts o = { 0 };
	struct rw_buf out;
	struct dossier d;
	char err[256];

	(void)state;
	assert_int_equal(import(&o, text, strlen(text), &out, err, sizeof err), 0);
	load(&d, &out);
	assert_int_equal(d.norgs, 2);
	assert_int_equal(d.nevents, 2);
	/* 2020年: the clause runs past the thousands comma, Model 2 only */
	const struct ds_event *e = event_by_id(&d, "e-p2-1");
	expect_str(e->title, "2020年,Model 2售出1,000份");
	assert_int_equal(e->orgs.n, 1);
	expect_str(d.idkeys[DS_ORG][e->orgs.v[0]], "model-2");
	/* 3月 (of 2020): "2,3月" is no number, so its clause starts after the comma */
	e = event_by_id(&d, "e-p2-2");
	expect_str(e->date_text, "2020-03");
	expect_str(e->title, "3月Model又发布了");
	assert_int_equal(e->orgs.n, 1);
	expect_str(d.idkeys[DS_ORG][e->orgs.v[0]], "model");
	dossier_free(&d);
	rw_free(&out);
}

/* Hundreds of people named only in Chinese: their ids are person,
 * person-2, ... person-600, each once, and with no gap, across the
 * growth of the set of ids taken. */
static void
test_many_ids(void **state)
{
	static const char *const cs[] = { "艾", "巴", "查", "达", "丽", "洛", "芙", "莱",
		"斯", "贝", "奇", "卡", "米", "勒", "汉", "森" };
	struct import_opts o = { 0 };
	struct rw_buf text, out;
	struct dossier d;
	char err[256], id[32];

	(void)state;
	rw_init(&text);
	rw_puts(&text, "标题\n");
	for (unsigned i = 0; i < 600; i++)
		rw_printf(&text, "\n研究员%s%s·%s%s于2020年加入了实验室。\n", cs[i >> 12 & 15],
		    cs[i >> 8 & 15], cs[i >> 4 & 15], cs[i & 15]);
	assert_int_equal(import(&o, text.s, text.n, &out, err, sizeof err), 0);
	load(&d, &out);
	assert_int_equal(d.npeople, 600);
	assert_int_equal(d.nevents, 600);
	assert_true(dossier_find(&d, DS_PERSON, "person", 6) >= 0);
	for (unsigned k = 2; k <= 600; k++) {
		snprintf(id, sizeof id, "person-%u", k);
		if (dossier_find(&d, DS_PERSON, id, strlen(id)) < 0)
			fail_msg("no person %s", id);
	}
	dossier_free(&d);
	rw_free(&out);
	rw_free(&text);
}

/* A date in a paragraph with no clause end: the title is the words
 * around it, at most 256 bytes either side, cut between characters and
 * between words; and many such dates take no longer than the paragraph. */
static void
test_long_clause(void **state)
{
	struct import_opts o = { 0 };
	struct rw_buf text, out;
	struct dossier d;
	char err[256];

	(void)state;
	rw_init(&text);
	rw_puts(&text, "标题\n\n");
	for (int i = 0; i < 150; i++)
		rw_puts(&text, "实验");     /* 900 bytes of Chinese */
	rw_puts(&text, "2020年5月");
	for (int i = 0; i < 40; i++)
		rw_puts(&text, " laboratory");     /* 440 bytes of words */
	rw_puts(&text, "\n");
	assert_int_equal(import(&o, text.s, text.n, &out, err, sizeof err), 0);
	load(&d, &out);
	assert_int_equal(d.nevents, 1);
	struct ds_str t = d.events[0].title;
	const char *at = memmem(t.s, t.n, "2020年5月", strlen("2020年5月"));
	assert_non_null(at);
	/* 256 bytes back is inside a character: 255 bytes, from its end */
	assert_int_equal(at - t.s, 255);
	assert_int_equal(memcmp(t.s, "验实验", 9), 0);
	/* 256 bytes on is inside the 24th word: the title ends with the 23rd */
	assert_int_equal(t.s + t.n - (at + strlen("2020年5月")), 23 * 11);
	assert_int_equal(memcmp(t.s + t.n - 11, " laboratory", 11), 0);
	dossier_free(&d);
	rw_free(&out);
	rw_free(&text);
}

/* ---- the table of forms ---- */

static int
by_place(const void *a, const void *b)
{
	const struct imp_hit *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->ent < y->ent ? -1 : x->ent > y->ent;
}

static bool
alnum_byte(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* What the table must find: every occurrence of every form, overlapping
 * ones too, not inside a run of ASCII letters and digits. */
static void
every_occurrence(const struct job *j, const char *s, size_t n, struct imp_hits *h)
{
	for (size_t e = 0; e < j->nents; e++) {
		const struct nm_cand *c = j->ents[e].cand;
		for (size_t f = 0; f <= c->nalias; f++) {
			const char *w = f ? c->alias[f - 1] : c->name;
			size_t wn = strlen(w);
			for (size_t at = 0; at + wn <= n; at++) {
				if (memcmp(s + at, w, wn) != 0 ||
				    (at > 0 && alnum_byte(w[0]) && alnum_byte(s[at - 1])) ||
				    (at + wn < n && alnum_byte(w[wn - 1]) && alnum_byte(s[at + wn])))
					continue;
				if (h->n == h->cap) {
					h->cap = h->cap ? 2 * h->cap : 64;
					h->v = realloc(h->v, h->cap * sizeof *h->v);
					assert_non_null(h->v);
				}
				h->v[h->n++] = (struct imp_hit){ at, wn, e, c->person };
			}
		}
	}
}

/* Forms of one to a dozen bytes, some the start of others, some sharing
 * their first bytes, in random texts of those forms and what surrounds
 * them: the table finds what trying every form everywhere finds. */
static void
test_forms_table(void **state)
{
	static char *const names[][3] = {
		{ "X", "XY", NULL }, { "Model", "Model 2", NULL }, { "李", "李明", NULL },
		{ "李明华", NULL, NULL }, { "Llama", "LLaMA", NULL }, { "AB", "ABC", "ABCD" },
		{ "扎克伯格", "Zuck", NULL }, { "Meta AI", "Meta", NULL }, { "2", NULL, NULL },
	};
	static const char *const filler[] = { " ", "s", "和", "。", "9", "-", "a", "明" };
	struct nm_cand cands[sizeof names / sizeof *names];
	struct ent ents[sizeof names / sizeof *names];
	struct job j = { 0 };
	struct imp_forms forms;
	unsigned seed = 7;

	(void)state;
	memset(cands, 0, sizeof cands);
	memset(ents, 0, sizeof ents);
	for (size_t e = 0; e < sizeof names / sizeof *names; e++) {
		cands[e].name = names[e][0];
		while (cands[e].nalias < 2 && names[e][cands[e].nalias + 1])
			cands[e].alias[cands[e].nalias] = names[e][cands[e].nalias + 1], cands[e].nalias++;
		cands[e].person = e % 2;
		ents[e].cand = &cands[e];
		ents[e].person = e % 2;
	}
	j.ents = ents;
	j.nents = sizeof names / sizeof *names;
	assert_int_equal(imp_forms_init(&forms, &j), 0);
	for (int round = 0; round < 300; round++) {
		struct rw_buf text;
		struct imp_hits got = { 0 }, want = { 0 };
		rw_init(&text);
		for (int k = 0; k < 40; k++) {
			seed = seed * 1103515245 + 12345;
			unsigned r = seed >> 16;
			if (r % 3)
				rw_puts(&text, filler[r / 3 % 8]);
			else
				rw_puts(&text, names[r / 3 % j.nents][0]);
		}
		assert_int_equal(imp_forms_find(&forms, text.s, text.n, &got), 0);
		every_occurrence(&j, text.s, text.n, &want);
		assert_int_equal(got.n, want.n);
		if (got.n) {
			qsort(got.v, got.n, sizeof *got.v, by_place);
			qsort(want.v, want.n, sizeof *want.v, by_place);
		}
		for (size_t i = 0; i < got.n; i++) {
			assert_int_equal(got.v[i].off, want.v[i].off);
			assert_int_equal(got.v[i].len, want.v[i].len);
			assert_int_equal(got.v[i].ent, want.v[i].ent);
			assert_int_equal(got.v[i].person, want.v[i].person);
		}
		free(got.v);
		free(want.v);
		rw_free(&text);
	}
	imp_forms_free(&forms);
}

/* Import, then import another article into the result. */
static void
test_round_trip(void **state)
{
	static const char first[] = "艾达·洛芙莱斯(Ada Lovelace)于2013年创办实验室。\n";
	static const char second[] = "Title line\n2015年,Ada Lovelace和查尔斯·巴贝奇(Charles Babbage)见面。\n";
	char path[] = "/tmp/test-import.XXXXXX", err[512];
	struct import_opts o = { 0 };
	struct rw_buf out;
	struct dossier d;
	int fd;

	(void)state;
	assert_int_equal(import(&o, first, strlen(first), &out, err, sizeof err), 0);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, out.s, out.n), (ssize_t)out.n);
	close(fd);
	rw_free(&out);
	o.into = path;
	assert_int_equal(import(&o, second, strlen(second), &out, err, sizeof err), 0);
	unlink(path);
	load(&d, &out);
	assert_int_equal(d.narticles, 2);
	assert_int_equal(d.nparas, 2);
	/* Lovelace is reused, Babbage is new */
	assert_int_equal(d.npeople, 2);
	assert_int_equal(count(out.s, "Name: 艾达·洛芙莱斯"), 1);
	assert_int_equal(d.nevents, 2);
	for (size_t i = 0; i < d.nevents; i++)
		if (d.events[i].date.year == 2015)
			assert_int_equal(d.events[i].persons.n, 2);
	/* one section per type, as recfix wants */
	assert_int_equal(count(out.s, "%rec: Paragraph"), 1);
	assert_int_equal(count(out.s, "%rec: Person"), 1);
	assert_int_equal(count(out.s, "%rec: Event"), 1);
	/* the first dossier's text is all there, its ids unchanged */
	assert_non_null(strstr(out.s, "Id: a1\n"));
	assert_non_null(strstr(out.s, "Id: p1\nArticle: a1\n"));
	assert_non_null(strstr(out.s, "Id: article\n"));
	assert_non_null(strstr(out.s, "Id: article-p1\n"));
	/* Dossier, two Articles, two People, two Events: all guessed */
	assert_int_equal(dossier_drafts(&d), 7);
	dossier_free(&d);
	rw_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recwrite),
		cmocka_unit_test(test_byline_separators),
		cmocka_unit_test(test_section_end),
		cmocka_unit_test(test_html_article),
		cmocka_unit_test(test_html_without_article),
		cmocka_unit_test(test_text_wrapped),
		cmocka_unit_test(test_text_lines),
		cmocka_unit_test(test_text_joined),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_unresolved),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_forms_table),
		cmocka_unit_test(test_many_ids),
		cmocka_unit_test(test_long_clause),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
