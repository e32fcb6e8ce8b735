/* The date resolver: a small hand-written scanner over the text, one
 * function per family of expressions, each trying to match at one place.
 * Dates are checked with date_parse, the model's own check. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "reldate.h"

struct cur {
	const char *s;
	size_t n, i;
};

static bool
lit(struct cur *c, const char *w)
{
	size_t k;

	/* Every pattern is tried at every character: most fail on the first
	 * byte, before any call. */
	if (c->i >= c->n || c->s[c->i] != w[0])
		return false;
	k = strlen(w);
	if (c->n - c->i < k || memcmp(c->s + c->i, w, k) != 0)
		return false;
	c->i += k;
	return true;
}

static bool
ascii_alnum(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* An ASCII word, the first letter in either case, not followed by an
 * ASCII letter or digit. */
static bool
word(struct cur *c, const char *w)
{
	size_t k;

	if (c->i >= c->n || (c->s[c->i] | 0x20) != (w[0] | 0x20))
		return false;
	k = strlen(w);
	if (c->n - c->i < k || memcmp(c->s + c->i + 1, w + 1, k - 1) != 0)
		return false;
	if (c->i + k < c->n && ascii_alnum((unsigned char)c->s[c->i + k]))
		return false;
	c->i += k;
	return true;
}

static bool
spaces(struct cur *c)
{
	size_t i = c->i;

	while (c->i < c->n && c->s[c->i] == ' ')
		c->i++;
	return c->i > i;
}

/* ASCII or full-width digits: their value, and how many in *ndig. */
static bool
digits(struct cur *c, int *v, int *ndig)
{
	int x = 0, k = 0;

	for (;;) {
		const unsigned char *p = (const unsigned char *)c->s + c->i;
		size_t left = c->n - c->i;
		if (left >= 1 && p[0] >= '0' && p[0] <= '9') {
			x = x * 10 + (p[0] - '0');
			c->i += 1;
		} else if (left >= 3 && p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99) {
			x = x * 10 + (p[2] - 0x90);   /* U+FF10..FF19 */
			c->i += 3;
		} else {
			break;
		}
		if (++k > 6)
			return false;
	}
	*v = x;
	*ndig = k;
	return k > 0;
}

/* A Chinese numeral from 1 to 99: 三, 十二, 二十, 两. */
static bool
cn_number(struct cur *c, int *v)
{
	static const char *const d[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	int x = 0, unit = -1;
	size_t start = c->i;

	for (;;) {
		int k = -1;
		for (int j = 0; j < 10; j++)
			if (lit(c, d[j])) {
				k = j;
				break;
			}
		if (k < 0 && lit(c, "两"))
			k = 2;
		if (k >= 0) {
			if (unit >= 0)
				return c->i = start, false;
			unit = k;
			continue;
		}
		if (lit(c, "十")) {
			if (x)
				return c->i = start, false;
			x = (unit > 0 ? unit : 1) * 10;
			unit = -1;
			continue;
		}
		break;
	}
	x += unit > 0 ? unit : 0;
	if (x == 0)
		c->i = start;
	*v = x;
	return x > 0;
}

static bool
number(struct cur *c, int *v)
{
	int nd;

	return digits(c, v, &nd) || cn_number(c, v);
}

static bool
valid(int y, int m, int d)
{
	struct ds_date t;
	char buf[16];

	if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31 || (d && !m))
		return false;
	t.year = y, t.month = m, t.day = d;
	reldate_format(&t, buf);
	return date_parse(buf, strlen(buf), &t);
}

void
reldate_format(const struct ds_date *d, char *buf)
{
	if (d->day)
		snprintf(buf, 16, "%04d-%02d-%02d", d->year % 10000, d->month % 100, d->day % 100);
	else if (d->month)
		snprintf(buf, 16, "%04d-%02d", d->year % 10000, d->month % 100);
	else
		snprintf(buf, 16, "%04d", d->year % 10000);
}

static void
add_months(struct ds_date *t, int delta)
{
	int k = t->year * 12 + (t->month - 1) + delta;

	t->year = k / 12;
	t->month = k % 12 + 1;
}

static int
mdays(int y, int m)
{
	for (int d = 31; d > 28; d--)
		if (valid(y, m, d))
			return d;
	return 28;
}

static void
add_days(struct ds_date *t, int delta)
{
	for (; delta > 0; delta--)
		if (++t->day > mdays(t->year, t->month)) {
			t->day = 1;
			add_months(t, 1);
		}
	for (; delta < 0; delta++)
		if (--t->day < 1) {
			add_months(t, -1);
			t->day = mdays(t->year, t->month);
		}
}

/* Words after a Chinese date that say which part of it: 底, 初, ... */
static void
cn_part(struct cur *c)
{
	static const char *const w[] = { "年底", "年初", "年末", "年中", "月底", "月初",
		"月末", "月中", "底", "初", "末", "中旬", "上旬", "下旬", "份" };

	for (size_t j = 0; j < sizeof w / sizeof *w; j++)
		if (lit(c, w[j]))
			return;
	if (c->n - c->i >= 3 && memcmp(c->s + c->i, "第", 3) == 0) {
		struct cur t = *c;
		int q;
		t.i += 3;
		if (number(&t, &q) && q >= 1 && q <= 4 && lit(&t, "季度"))
			*c = t;
	}
}

/* Optional "N月" then "D日": into t, which has its year. */
static void
cn_month_day(struct cur *c, struct ds_date *t)
{
	struct cur k = *c;
	int m, d;

	if (!number(&k, &m) || m < 1 || m > 12 || !lit(&k, "月"))
		return;
	*c = k;
	t->month = m;
	if (number(&k, &d) && (lit(&k, "日") || lit(&k, "号")) && valid(t->year ? t->year : 2000, m, d)) {
		*c = k;
		t->day = d;
	}
}

enum need { NEED_NONE, NEED_PUB, NEED_LAST };

struct found {
	enum rd_kind kind;
	enum need need;
	int unit;                  /* 0 years, 1 months, 2 days: what delta counts */
	int delta;
	bool keep_year;            /* the words give a month: the year comes from the base */
	bool pub_ok;               /* NEED_LAST, but the publication will do (a bare month) */
	size_t lead;               /* bytes before the words proper ("in ") */
	struct ds_date t;          /* what the words give themselves */
};

/* 2013年, 2022年5月, 2023年4月18日. */
static bool
cn_absolute(struct cur *c, struct found *f)
{
	int y, nd;

	if (!digits(c, &y, &nd) || nd != 4 || y < 1000 || !lit(c, "年"))
		return false;
	if (lit(c, "代"))
		return false;          /* 1990年代: a decade */
	f->kind = RD_ABSOLUTE;
	f->t.year = y;
	cn_month_day(c, &f->t);
	cn_part(c);
	return true;
}

/* "N月D日" after a word that gives the year: the day is checked in a
 * leap year here and again once the year is known. */
static void
cn_month_day_later(struct cur *c, struct found *f)
{
	f->t.year = 2000;
	cn_month_day(c, &f->t);
	f->t.year = 0;
	f->keep_year = true;
}

/* Words for a year or a month: 今年, 去年底, 前年3月 and 本月初, 上个月
 * from the publication date; 次年, 同年9月, 那一年 from the date before. */
static bool
cn_word(struct cur *c, struct found *f)
{
	static const struct { const char *w; int unit, delta; enum need need; } t[] = {
		{ "今年", 0, 0, NEED_PUB }, { "去年", 0, -1, NEED_PUB },
		{ "前年", 0, -2, NEED_PUB }, { "明年", 0, 1, NEED_PUB },
		{ "本月", 1, 0, NEED_PUB }, { "这个月", 1, 0, NEED_PUB },
		{ "上个月", 1, -1, NEED_PUB }, { "上月", 1, -1, NEED_PUB },
		{ "下个月", 1, 1, NEED_PUB }, { "下月", 1, 1, NEED_PUB },
		{ "次年", 0, 1, NEED_LAST }, { "翌年", 0, 1, NEED_LAST },
		{ "同年", 0, 0, NEED_LAST }, { "当年", 0, 0, NEED_LAST },
		{ "那一年", 0, 0, NEED_LAST }, { "这一年", 0, 0, NEED_LAST },
		{ "那年", 0, 0, NEED_LAST },
	};

	for (size_t j = 0; j < sizeof t / sizeof *t; j++)
		if (lit(c, t[j].w)) {
			f->kind = t[j].need == NEED_PUB ? RD_RELATIVE : RD_ANAPHORIC;
			f->need = t[j].need;
			f->unit = t[j].unit;
			f->delta = t[j].delta;
			if (t[j].unit == 0)
				cn_month_day_later(c, f);
			cn_part(c);
			return true;
		}
	return false;
}

/* N年前, 两个月前, 三天前. */
static bool
cn_ago(struct cur *c, struct found *f)
{
	int v;

	if (!number(c, &v))
		return false;
	f->kind = RD_RELATIVE;
	f->need = NEED_PUB;
	f->delta = -v;
	if (lit(c, "年前"))
		f->unit = 0;
	else if (lit(c, "个月前") || lit(c, "個月前"))
		f->unit = 1;
	else if (lit(c, "天前"))
		f->unit = 2;
	else
		return false;
	return true;
}

/* 5月, 7月底, 8月3日: the year of the date resolved last, else of the
 * publication. */
static bool
cn_bare_month(struct cur *c, struct found *f)
{
	cn_month_day_later(c, f);
	if (!f->t.month)
		return false;
	cn_part(c);
	f->kind = RD_ANAPHORIC;
	f->need = NEED_LAST;
	f->pub_ok = true;
	return true;
}

static const char *const months[12][2] = {
	{ "January", "Jan" }, { "February", "Feb" }, { "March", "Mar" },
	{ "April", "Apr" }, { "May", "May" }, { "June", "Jun" }, { "July", "Jul" },
	{ "August", "Aug" }, { "September", "Sep" }, { "October", "Oct" },
	{ "November", "Nov" }, { "December", "Dec" },
};

static int
en_month(struct cur *c)
{
	for (int m = 0; m < 12; m++) {
		if (c->i < c->n && c->s[c->i] != months[m][0][0])
			continue;   /* capitalised only: "may" is a verb */
		if (word(c, months[m][0]))
			return m + 1;
		if ((m == 8 && word(c, "Sept")) || word(c, months[m][1])) {
			lit(c, ".");
			return m + 1;
		}
	}
	return 0;
}

static bool
en_year(struct cur *c, int *y)
{
	int nd;
	size_t i = c->i;

	if (digits(c, y, &nd) && nd == 4 && *y >= 1000 &&
	    !(c->i < c->n && ascii_alnum((unsigned char)c->s[c->i])))
		return true;
	c->i = i;
	return false;
}

/* May 2023, April 18, 2023, April 18 2023. */
static bool
en_month_first(struct cur *c, struct found *f)
{
	struct cur k;
	int m = en_month(c), d, y, nd;

	if (!m || !spaces(c))
		return false;
	k = *c;
	if (digits(&k, &d, &nd) && nd <= 2) {
		lit(&k, ",");
		spaces(&k);
		if (en_year(&k, &y) && valid(y, m, d)) {
			*c = k;
			f->t.year = y, f->t.month = m, f->t.day = d;
			f->kind = RD_ABSOLUTE;
			return true;
		}
	}
	if (!en_year(c, &y))
		return false;
	f->t.year = y, f->t.month = m;
	f->kind = RD_ABSOLUTE;
	return true;
}

/* 18 April 2023, 18 April. */
static bool
en_day_first(struct cur *c, struct found *f)
{
	int d, m, y, nd;

	if (!digits(c, &d, &nd) || nd > 2 || d < 1 || !spaces(c) || !(m = en_month(c)))
		return false;
	if (spaces(c) && en_year(c, &y) && valid(y, m, d)) {
		f->t.year = y, f->t.month = m, f->t.day = d;
		f->kind = RD_ABSOLUTE;
		return true;
	}
	return false;
}

/* in 2013: a bare year, not a part of a longer number. */
static bool
en_bare_year(struct cur *c, struct found *f)
{
	int y;
	size_t i = c->i;

	if (!en_year(c, &y) || y < 1900 || y > 2099)
		return false;
	if (c->i < c->n) {
		unsigned char ch = (unsigned char)c->s[c->i];
		if (ch == '%' || ch >= 0x80 ||
		    ((ch == '.' || ch == ',') && c->i + 1 < c->n && c->s[c->i + 1] >= '0' && c->s[c->i + 1] <= '9')) {
			c->i = i;
			return false;
		}
	}
	f->t.year = y;
	f->kind = RD_ABSOLUTE;
	return true;
}

static bool
en_count(struct cur *c, int *v)
{
	static const char *const w[] = { "a", "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve" };
	int nd;

	if (digits(c, v, &nd))
		return spaces(c);
	for (int j = 12; j >= 0; j--)
		if (word(c, w[j]) || (j == 0 && word(c, "an"))) {
			*v = j ? j : 1;
			return spaces(c);
		}
	return false;
}

/* last year, this month, three years ago, the following year, in May. */
static bool
en_relative(struct cur *c, struct found *f)
{
	static const struct { const char *w; int unit, delta; enum need need; } t[] = {
		{ "last year", 0, -1, NEED_PUB }, { "this year", 0, 0, NEED_PUB },
		{ "next year", 0, 1, NEED_PUB }, { "last month", 1, -1, NEED_PUB },
		{ "this month", 1, 0, NEED_PUB }, { "next month", 1, 1, NEED_PUB },
		{ "yesterday", 2, -1, NEED_PUB },
		{ "the following year", 0, 1, NEED_LAST }, { "the next year", 0, 1, NEED_LAST },
		{ "a year later", 0, 1, NEED_LAST }, { "that year", 0, 0, NEED_LAST },
		{ "the same year", 0, 0, NEED_LAST },
	};
	size_t i = c->i;
	int v, m;

	for (size_t j = 0; j < sizeof t / sizeof *t; j++)
		if (word(c, t[j].w)) {
			f->kind = t[j].need == NEED_PUB ? RD_RELATIVE : RD_ANAPHORIC;
			f->need = t[j].need;
			f->unit = t[j].unit;
			f->delta = t[j].delta;
			return true;
		}
	if (en_count(c, &v)) {
		f->kind = RD_RELATIVE;
		f->need = NEED_PUB;
		f->delta = -v;
		if ((word(c, "years") || word(c, "year")) && spaces(c) && word(c, "ago"))
			return f->unit = 0, true;
		if ((word(c, "months") || word(c, "month")) && spaces(c) && word(c, "ago"))
			return f->unit = 1, true;
		if ((word(c, "days") || word(c, "day")) && spaces(c) && word(c, "ago"))
			return f->unit = 2, true;
	}
	c->i = i;
	if ((word(c, "in") || word(c, "since") || word(c, "until") || word(c, "by")) && spaces(c)) {
		size_t at = c->i;
		struct found g = *f;
		if (en_month_first(c, &g)) {
			*f = g;
			c->i = at;     /* left to the absolute form */
			return false;
		}
		c->i = at;
		if ((m = en_month(c)) != 0) {
			f->lead = at - i;
			f->t.month = m;
			f->kind = RD_ANAPHORIC;
			f->need = NEED_LAST;
			f->keep_year = true;
			f->pub_ok = true;
			return true;
		}
	}
	c->i = i;
	return false;
}

static bool
resolve(struct rd_ctx *ctx, struct found *f, struct ds_date *out)
{
	struct ds_date base;

	if (f->need == NEED_NONE) {
		*out = f->t;
		return true;
	}
	if (f->need == NEED_LAST && ctx->lost)
		return false;
	if (f->need == NEED_LAST)
		base = ctx->last.year || !f->pub_ok ? ctx->last : ctx->pub;
	else
		base = ctx->pub;
	if (!base.year)
		return false;
	*out = (struct ds_date){ base.year, 0, 0 };
	if (f->unit == 0) {
		out->year += f->delta;
		if (f->keep_year && f->t.month) {
			out->month = f->t.month;
			out->day = f->t.day;
		}
	} else if (f->unit == 1) {
		if (!base.month)
			return false;
		out->month = base.month;
		add_months(out, f->delta);
	} else {
		if (!base.day)
			return false;
		*out = base;
		add_days(out, f->delta);
	}
	return valid(out->year, out->month, out->day);
}

typedef bool (*matcher)(struct cur *, struct found *);

static bool
starts_word(const char *s, size_t i)
{
	return i == 0 || !ascii_alnum((unsigned char)s[i - 1]);
}

static bool
after_digit(const char *s, size_t i)
{
	return i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
	    (i >= 3 && (unsigned char)s[i - 3] == 0xef && (unsigned char)s[i - 2] == 0xbc &&
		(unsigned char)s[i - 1] >= 0x90 && (unsigned char)s[i - 1] <= 0x99));
}

static bool
match_at(struct cur *c, struct found *f)
{
	static const matcher cn[] = { cn_absolute, cn_word, cn_ago, cn_bare_month };
	static const matcher en[] = { en_month_first, en_day_first, en_bare_year, en_relative };
	size_t at = c->i;

	if (after_digit(c->s, at))
		return false;
	for (size_t j = 0; j < sizeof cn / sizeof *cn; j++) {
		*f = (struct found){ 0 };
		c->i = at;
		if (cn[j](c, f))
			return true;
	}
	if (!starts_word(c->s, at))
		return false;
	for (size_t j = 0; j < sizeof en / sizeof *en; j++) {
		*f = (struct found){ 0 };
		c->i = at;
		if (en[j](c, f))
			return true;
	}
	c->i = at;
	return false;
}

void
reldate_init(struct rd_ctx *ctx, const struct ds_date *pub)
{
	ctx->pub = pub ? *pub : (struct ds_date){ 0, 0, 0 };
	ctx->last = (struct ds_date){ 0, 0, 0 };
	ctx->lost = false;
}

bool
reldate_next(struct rd_ctx *ctx, const char *s, size_t n, size_t from, struct rd_match *m)
{
	struct cur c = { s, n, from };
	struct found f;

	while (c.i < n) {
		size_t at = c.i;
		if (match_at(&c, &f)) {
			m->start = at + f.lead;
			m->len = c.i - m->start;
			m->kind = f.kind;
			m->resolved = resolve(ctx, &f, &m->date);
			if (!m->resolved)
				m->date = (struct ds_date){ 0, 0, 0 };
			else
				ctx->last = m->date;
			ctx->lost = !m->resolved;
			return true;
		}
		/* next character */
		c.i = at + 1;
		while (c.i < n && ((unsigned char)s[c.i] & 0xc0) == 0x80)
			c.i++;
	}
	return false;
}
