/* Articles' names, tags and bylines for the screen. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "sources.h"
#include "text.h"

struct ds_str
article_name(const struct dossier *d, size_t a)
{
	const struct ds_article *ar = &d->articles[a];

	return ar->source.n ? ar->source : ar->id;
}

/* A string written into a caller's buffer: once something does not fit,
 * nothing more is written. */
struct out {
	char *buf;
	size_t size, len;
	bool cut;
};

static void
add(struct out *o, const char *s, size_t n)
{
	size_t room = o->len + 1 < o->size ? o->size - o->len - 1 : 0;

	if (o->cut || !o->size)
		return;
	/* Cut before the character that does not fit whole. */
	if (n > room) {
		for (n = room; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
			;
		o->cut = true;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void
add_str(struct out *o, const char *s)
{
	add(o, s, strlen(s));
}

int
source_tag(const struct dossier *d, const struct ds_refs *articles, int cols,
    char *buf, size_t size)
{
	struct out o = { buf, size, 0, false };
	char more[24] = "";
	struct ds_str name;
	int mw, used;
	size_t keep;

	if (size)
		buf[0] = '\0';
	if (!articles->n)
		return 0;
	if (articles->n > 1)
		snprintf(more, sizeof more, "+%zu", articles->n - 1);
	mw = (int)strlen(more);
	name = article_name(d, articles->v[0]);
	if (text_width(name.s, name.n) + mw <= cols) {
		add(&o, name.s, name.n);
	} else {
		/* Cut, the ellipsis after the last letters, not a blank. */
		keep = cols - mw > 1 ? text_clip(name.s, name.n, cols - mw - 1, &used) : 0;
		while (keep && (name.s[keep - 1] == ' ' || name.s[keep - 1] == '\t'))
			keep--;
		add(&o, name.s, keep);
		if (keep)
			add_str(&o, "…");
	}
	add_str(&o, more);
	return text_width(buf, o.len);
}

size_t
article_byline(const struct dossier *d, size_t a, char *buf, size_t size)
{
	const struct ds_article *ar = &d->articles[a];
	const struct { const char *label; struct ds_str s; } parts[] = {
		{ "", ar->author }, { "ed. ", ar->editor }, { "", ar->date }, { "", ar->source },
	};
	struct out o = { buf, size, 0, false };

	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i].s.n)
			continue;
		if (o.len)
			add_str(&o, " · ");
		add_str(&o, parts[i].label);
		add(&o, parts[i].s.s, parts[i].s.n);
	}
	return o.len;
}
