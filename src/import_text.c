/* Plain-text articles: paragraphs from lines, the byline, the title and
 * section headings from the shape of the lines. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "import_doc.h"

void
imp_doc_init(struct imp_doc *d)
{
	memset(d, 0, sizeof *d);
}

void
imp_doc_free(struct imp_doc *d)
{
	free(d->title);
	free(d->author);
	free(d->editor);
	free(d->source);
	free(d->date);
	for (size_t i = 0; i < d->npara; i++) {
		free(d->paras[i].text);
		free(d->paras[i].section);
	}
	free(d->paras);
	imp_doc_init(d);
}

static char *
dup(struct imp_doc *d, const char *s, size_t n)
{
	char *c = malloc(n + 1);

	if (!c) {
		d->oom = true;
		return NULL;
	}
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

void
imp_doc_add(struct imp_doc *d, const char *text, size_t n, const char *section)
{
	if (d->npara == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		struct imp_para *p = realloc(d->paras, cap * sizeof *p);
		if (!p) {
			d->oom = true;
			return;
		}
		d->paras = p;
		d->cap = cap;
	}
	struct imp_para *p = &d->paras[d->npara];
	p->text = dup(d, text, n);
	p->section = section ? dup(d, section, strlen(section)) : NULL;
	if (p->text)
		d->npara++;
	else
		free(p->section);
}

/* Blanks at either end: ASCII spaces and tabs, U+3000 (an indent). */
static void
trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n && (**s == ' ' || **s == '\t'))
			++*s, --*n;
		else if (*n >= 3 && memcmp(*s, "\u3000", 3) == 0)
			*s += 3, *n -= 3;
		else
			break;
	}
	for (;;) {
		if (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
			--*n;
		else if (*n >= 3 && memcmp(*s + *n - 3, "\u3000", 3) == 0)
			*n -= 3;
		else
			break;
	}
}

static size_t
nchars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

static const struct { const char *key; int field; } keys[] = {
	{ "责任编辑", 1 }, { "责编", 1 }, { "主编", 1 }, { "编辑", 1 },
	{ "撰文", 0 }, { "作者", 0 }, { "撰稿", 0 }, { "采写", 0 }, { "记者", 0 },
	{ "文", 0 }, { "来源", 2 }, { "出处", 2 },
	{ "发布时间", 3 }, { "发布日期", 3 }, { "日期", 3 },
	{ "Author", 0 }, { "Editor", 1 }, { "Source", 2 }, { "Published", 3 }, { "Date", 3 },
};

/* A separator after a byline's key: ':' '：' '|' '｜' '丨', with blanks. */
static bool
separator(const char **s, size_t *n)
{
	static const char *const seps[] = { ":", "：", "|", "｜", "丨" };

	trim(s, n);
	for (size_t j = 0; j < sizeof seps / sizeof *seps; j++) {
		size_t k = strlen(seps[j]);
		if (*n >= k && memcmp(*s, seps[j], k) == 0) {
			*s += k, *n -= k;
			trim(s, n);
			return *n > 0;
		}
	}
	return false;
}

static void
store(struct imp_doc *d, int field, const char *v, size_t n)
{
	char **slot = field == 0 ? &d->author : field == 1 ? &d->editor :
	    field == 2 ? &d->source : &d->date;

	if (!*slot) {
		*slot = dup(d, v, n);
	} else if (field == 0 && !memmem(*slot, strlen(*slot), v, n)) {
		/* several writers: 作者:甲 then 文|乙 */
		size_t old = strlen(*slot);
		char *more = realloc(*slot, old + n + 3);
		if (!more) {
			d->oom = true;
			return;
		}
		memcpy(more + old, ", ", 2);
		memcpy(more + old + 2, v, n);
		more[old + 2 + n] = '\0';
		*slot = more;
	}
}

bool
imp_byline(struct imp_doc *d, const char *s, size_t n)
{
	trim(&s, &n);
	if (n > 160)
		return false;
	for (size_t j = 0; j < sizeof keys / sizeof *keys; j++) {
		size_t k = strlen(keys[j].key);
		const char *v = s + k;
		size_t vn = n - k;
		if (n > k && memcmp(s, keys[j].key, k) == 0 && separator(&v, &vn) &&
		    nchars(v, vn) <= 60) {
			store(d, keys[j].field, v, vn);
			return true;
		}
	}
	/* By A. Writer: a capital after "By ", and no sentence. */
	if (n > 4 && (memcmp(s, "By ", 3) == 0 || memcmp(s, "BY ", 3) == 0) &&
	    s[3] >= 'A' && s[3] <= 'Z' && n <= 80 && s[n - 1] != '.') {
		store(d, 0, s + 3, n - 3);
		return true;
	}
	return false;
}

/* Whether s[0..n) ends as a sentence or clause does. */
static bool
ends_sentence(const char *s, size_t n)
{
	static const char *const ends[] = { ".", "!", "?", ";", ":", ",", "\"", ")",
		"。", "！", "？", "；", "：", "，", "、", "…", "”", "’", "）", "」", "』" };

	for (size_t j = 0; j < sizeof ends / sizeof *ends; j++) {
		size_t k = strlen(ends[j]);
		if (n >= k && memcmp(s + n - k, ends[j], k) == 0)
			return true;
	}
	return false;
}

static bool
short_line(const char *s, size_t n, size_t max)
{
	return n && nchars(s, n) <= max && !ends_sentence(s, n) && !memchr(s, '\n', n);
}

static void
drop(struct imp_doc *d, size_t i)
{
	free(d->paras[i].text);
	free(d->paras[i].section);
	memmove(d->paras + i, d->paras + i + 1, (d->npara - i - 1) * sizeof *d->paras);
	d->npara--;
}

void
imp_head(struct imp_doc *d, bool headings)
{
	char *section = NULL;

	/* The top: bylines, and a title before the first paragraph. */
	for (size_t seen = 0; seen < 8 && d->npara > 1; seen++) {
		struct imp_para *p = &d->paras[0];
		size_t n = strlen(p->text);
		if (imp_byline(d, p->text, n)) {
			drop(d, 0);
		} else if (headings && !d->title && short_line(p->text, n, 80)) {
			d->title = p->text;
			p->text = NULL;
			drop(d, 0);
		} else {
			break;
		}
	}
	/* The bottom: bylines (来源:, 责任编辑:). */
	for (size_t seen = 0; seen < 3 && d->npara > 1; seen++)
		if (imp_byline(d, d->paras[d->npara - 1].text, strlen(d->paras[d->npara - 1].text)))
			drop(d, d->npara - 1);
		else
			break;
	if (!headings)
		return;
	/* Short lines with a paragraph after them are headings. */
	for (size_t i = 0; i < d->npara;) {
		struct imp_para *p = &d->paras[i];
		if (i > 0 && i + 1 < d->npara && short_line(p->text, strlen(p->text), 24) &&
		    !short_line(d->paras[i + 1].text, strlen(d->paras[i + 1].text), 24)) {
			free(section);
			section = p->text;
			p->text = NULL;
			drop(d, i);
			continue;
		}
		if (section && !p->section && !(p->section = strdup(section)))
			d->oom = true;
		i++;
	}
	free(section);
}

/* Chinese, Japanese or Korean, or their full-width punctuation: no
 * space is written between two lines where one of them is. */
static bool
wide(ucs4_t c)
{
	return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
	    (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x3ffff);
}

/* Joins the lines of a block: a space between them, except beside a
 * Chinese character and after a hyphen that ends a word. */
static void
join(struct imp_doc *d, const char **lines, const size_t *lens, size_t k, char *section)
{
	size_t total = 0;

	for (size_t j = 0; j < k; j++)
		total += lens[j] + 1;
	char *t = malloc(total + 1), *p = t;
	if (!t) {
		d->oom = true;
		return;
	}
	for (size_t j = 0; j < k; j++) {
		if (j) {
			ucs4_t before = 0, after = 0;
			u8_prev(&before, (const uint8_t *)p, (const uint8_t *)t);
			u8_mbtouc(&after, (const uint8_t *)lines[j], lens[j]);
			if (!wide(before) && !wide(after) && !(before == '-' && p - t >= 2 && p[-2] != ' '))
				*p++ = ' ';
		}
		memcpy(p, lines[j], lens[j]);
		p += lens[j];
	}
	imp_doc_add(d, t, (size_t)(p - t), section);
	free(t);
}

void
imp_text_parse(struct imp_doc *d, const char *buf, size_t n)
{
	size_t nlines = 1, k = 0, maxblock = 0, run = 0, blanks = 0;

	for (size_t i = 0; i < n; i++)
		nlines += buf[i] == '\n';
	const char **line = malloc(nlines * sizeof *line);
	size_t *len = malloc(nlines * sizeof *len);
	if (!line || !len) {
		free(line);
		free(len);
		d->oom = true;
		return;
	}
	for (size_t i = 0; i <= n; k++) {
		const char *e = memchr(buf + i, '\n', n - i);
		size_t end = e ? (size_t)(e - buf) : n;
		line[k] = buf + i;
		len[k] = end - i;
		trim(&line[k], &len[k]);
		i = end + 1;
	}
	/* Blank lines between blocks of several lines: paragraphs are
	 * separated by blank lines, their lines hard-wrapped. */
	for (size_t j = 0, seen = 0; j < k; j++) {
		blanks += len[j] && seen && !len[j - 1];
		seen |= len[j] != 0;
		run = len[j] ? run + 1 : 0;
		if (run > maxblock)
			maxblock = run;
	}
	for (size_t j = 0; j < k;) {
		if (!len[j]) {
			j++;
			continue;
		}
		size_t b = j;
		if (maxblock > 1 && blanks)
			while (j < k && len[j])
				j++;
		else
			j++;
		join(d, line + b, len + b, j - b, NULL);
	}
	free(line);
	free(len);
	imp_head(d, true);
}
