/* Line editing for the search prompt.  The cursor moves and deletes by
 * grapheme clusters (e + a combining accent is one), C-w by the word
 * breaks of UAX #29 (so Chinese goes a character or word at a time, not
 * the whole query), all through libunistring. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "prompt.h"
#include "text.h"

void
prompt_open(struct prompt *p)
{
	p->len = p->cur = 0;
	p->buf[0] = '\0';
	p->hpos = p->nhist;
}

/* n bytes of whole characters at the cursor, if they fit. */
static bool
insert_bytes(struct prompt *p, const char *s, size_t n)
{
	if (p->len + n >= PROMPT_MAX)
		return false;
	memmove(p->buf + p->cur + n, p->buf + p->cur, p->len - p->cur);
	memcpy(p->buf + p->cur, s, n);
	p->len += n;
	p->cur += n;
	p->buf[p->len] = '\0';
	return true;
}

void
prompt_insert(struct prompt *p, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		bool bad = uc == 0xfffd && !(n - i >= 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0);
		bool ok = true;
		if (bad)
			k = 1;        /* an invalid byte is dropped */
		else if (uc == '\t' || uc == '\r' || (uc == '\n' && !(i > 0 && s[i - 1] == '\r')))
			ok = insert_bytes(p, " ", 1);
		else if (!(uc < 0x20 || (uc >= 0x7f && uc < 0xa0)))
			ok = insert_bytes(p, s + i, (size_t)k);
		if (!ok)
			return;
		i += (size_t)k;
	}
}

static size_t
prev_grapheme(const struct prompt *p, size_t i)
{
	const uint8_t *s = (const uint8_t *)p->buf;
	const uint8_t *q = i > 0 ? u8_grapheme_prev(s + i, s) : NULL;

	return q ? (size_t)(q - s) : 0;
}

static size_t
next_grapheme(const struct prompt *p, size_t i)
{
	const uint8_t *s = (const uint8_t *)p->buf;
	const uint8_t *q = i < p->len ? u8_grapheme_next(s + i, s + p->len) : NULL;

	return q ? (size_t)(q - s) : p->len;
}

static void
delete_range(struct prompt *p, size_t a, size_t b)
{
	memmove(p->buf + a, p->buf + b, p->len - b);
	p->len -= b - a;
	p->cur = a;
	p->buf[p->len] = '\0';
}

static void
set_text(struct prompt *p, const char *s)
{
	size_t n = strlen(s);

	if (n >= PROMPT_MAX)
		n = PROMPT_MAX - 1;
	memcpy(p->buf, s, n);
	p->buf[n] = '\0';
	p->len = p->cur = n;
}

static bool
space_at(const struct prompt *p, size_t i)
{
	ucs4_t uc;

	u8_mbtouc(&uc, (const uint8_t *)p->buf + i, p->len - i);
	return uc_is_space(uc) || uc == 0x3000;   /* ideographic space too */
}

/* Start of the word before the cursor, spaces after it included. */
static size_t
word_start(const struct prompt *p)
{
	char brk[PROMPT_MAX];
	size_t a = p->cur, b;

	while (a > 0 && space_at(p, prev_grapheme(p, a)))
		a = prev_grapheme(p, a);
	if (a == 0)
		return 0;
	u8_wordbreaks((const uint8_t *)p->buf, p->len, brk);
	b = prev_grapheme(p, a);
	while (b > 0 && !brk[b])
		b = prev_grapheme(p, b);
	return b;
}

/* Up and Down walk the history; the line being typed is kept as the
 * draft and comes back below the newest entry. */
static enum prompt_result
history(struct prompt *p, int dir)
{
	if (dir < 0 && p->hpos > 0) {
		if (p->hpos == p->nhist)
			memcpy(p->draft, p->buf, p->len + 1);
		set_text(p, p->hist[--p->hpos]);
	} else if (dir > 0 && p->hpos < p->nhist)
		set_text(p, ++p->hpos == p->nhist ? p->draft : p->hist[p->hpos]);
	else
		return PR_IGNORED;
	return PR_EDITED;
}

static enum prompt_result
move_to(struct prompt *p, size_t i)
{
	if (i == p->cur)
		return PR_IGNORED;
	p->cur = i;
	return PR_MOVED;
}

static enum prompt_result
delete_to(struct prompt *p, size_t a, size_t b)
{
	if (a == b)
		return PR_IGNORED;
	delete_range(p, a, b);
	return PR_EDITED;
}

enum prompt_result
prompt_act(struct prompt *p, enum action a)
{
	switch (a) {
	case ACT_PROMPT_ACCEPT: return PR_ACCEPT;
	case ACT_PROMPT_CANCEL: return PR_CANCEL;
	case ACT_PROMPT_LEFT: return move_to(p, prev_grapheme(p, p->cur));
	case ACT_PROMPT_RIGHT: return move_to(p, next_grapheme(p, p->cur));
	case ACT_PROMPT_HOME: return move_to(p, 0);
	case ACT_PROMPT_END: return move_to(p, p->len);
	case ACT_PROMPT_BACKSPACE:
		/* Backspace on an empty line closes it, as in less. */
		if (p->len == 0)
			return PR_CANCEL;
		return delete_to(p, prev_grapheme(p, p->cur), p->cur);
	case ACT_PROMPT_DELETE: return delete_to(p, p->cur, next_grapheme(p, p->cur));
	case ACT_PROMPT_KILL_BOL: return delete_to(p, 0, p->cur);
	case ACT_PROMPT_KILL_EOL: return delete_to(p, p->cur, p->len);
	case ACT_PROMPT_KILL_WORD: return delete_to(p, word_start(p), p->cur);
	case ACT_PROMPT_OLDER: return history(p, -1);
	case ACT_PROMPT_NEWER: return history(p, 1);
	default: return PR_IGNORED;
	}
}

enum prompt_result
prompt_key(struct prompt *p, int code, bool is_key)
{
	return prompt_act(p, key_lookup(code, is_key, KS_PROMPT));
}

void
prompt_remember(struct prompt *p)
{
	if (p->len == 0)
		return;
	if (p->nhist > 0 && strcmp(p->hist[p->nhist - 1], p->buf) == 0) {
		p->hpos = p->nhist;
		return;
	}
	if (p->nhist == PROMPT_HISTORY) {
		free(p->hist[0]);
		memmove(p->hist, p->hist + 1, (PROMPT_HISTORY - 1) * sizeof *p->hist);
		p->nhist--;
	}
	p->hist[p->nhist] = strdup(p->buf);
	if (p->hist[p->nhist])
		p->nhist++;
	p->hpos = p->nhist;
}

void
prompt_free(struct prompt *p)
{
	for (size_t i = 0; i < p->nhist; i++)
		free(p->hist[i]);
	memset(p, 0, sizeof *p);
}

static int
width(const struct prompt *p, size_t a, size_t b)
{
	return text_width(p->buf + a, b - a);
}

/* The first grapheme boundary b <= from with [b, from) in cols columns. */
static size_t
back_fit(const struct prompt *p, size_t from, int cols)
{
	size_t b = from;

	while (b > 0) {
		size_t a = prev_grapheme(p, b);
		if (width(p, a, from) > cols)
			break;
		b = a;
	}
	return b;
}

/* The whole line if it fits; else the head when the cursor is in it, the
 * tail when the cursor is in that, else the cursor in the middle.  A line
 * cut off shows a mark on that side, when there are columns for one. */
void
prompt_view(const struct prompt *p, int cols, struct prompt_view *pv)
{
	int at_end = p->cur == p->len;   /* the cursor's own cell after the text */
	int m = cols >= 3;              /* columns for a mark */

	*pv = (struct prompt_view){ 0, p->len, false, false, 0 };
	if (cols < 1) {
		pv->end = 0;
		return;
	}
	if (width(p, 0, p->len) + at_end <= cols) {
		pv->cursor = width(p, 0, p->cur);
		return;
	}
	if (width(p, 0, p->cur) < cols - m) {
		pv->right = m;
		pv->end = text_clip(p->buf, p->len, cols - m, NULL);
		pv->cursor = width(p, 0, p->cur);
		return;
	}
	pv->start = back_fit(p, p->len, cols - m - at_end);
	if (p->cur < pv->start) {
		pv->start = back_fit(p, p->cur, (cols - 2 * m) / 2);
		pv->right = m;
		pv->end = pv->start + text_clip(p->buf + pv->start, p->len - pv->start,
		    cols - 2 * m, NULL);
	}
	pv->left = m && pv->start > 0;
	pv->cursor = pv->left + width(p, pv->start, p->cur);
}
