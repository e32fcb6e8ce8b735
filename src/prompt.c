/* Line editing for the search prompt. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "prompt.h"
#include "text.h"

#define CTRL(c) ((c) & 0x1f)

void
prompt_open(struct prompt *p)
{
	p->len = p->cur = 0;
	p->buf[0] = '\0';
	p->hpos = p->nhist;
}

void
prompt_insert(struct prompt *p, const char *s, size_t n)
{
	while (n > 0) {
		size_t ok = text_valid_prefix(s, n);
		if (ok == 0) {
			s++, n--;      /* an invalid byte is ignored */
			continue;
		}
		/* Whole characters only, and never past the buffer. */
		while (p->len + ok >= PROMPT_MAX && ok > 0) {
			ok--;
			while (ok > 0 && ((unsigned char)s[ok] & 0xc0) == 0x80)
				ok--;
		}
		if (ok == 0)
			return;
		memmove(p->buf + p->cur + ok, p->buf + p->cur, p->len - p->cur);
		memcpy(p->buf + p->cur, s, ok);
		p->len += ok;
		p->cur += ok;
		p->buf[p->len] = '\0';
		s += ok, n -= ok;
	}
}

static size_t
prev_char(const struct prompt *p, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)p->buf[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static size_t
next_char(const struct prompt *p, size_t i)
{
	if (i >= p->len)
		return p->len;
	i++;
	while (i < p->len && ((unsigned char)p->buf[i] & 0xc0) == 0x80)
		i++;
	return i;
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
is_space_at(const struct prompt *p, size_t i)
{
	return p->buf[i] == ' ' || p->buf[i] == '\t';
}

static enum prompt_result
history(struct prompt *p, int dir)
{
	if (dir < 0 && p->hpos > 0)
		set_text(p, p->hist[--p->hpos]);
	else if (dir > 0 && p->hpos < p->nhist) {
		if (++p->hpos == p->nhist)
			set_text(p, "");
		else
			set_text(p, p->hist[p->hpos]);
	} else
		return PR_IGNORED;
	return PR_EDITED;
}

enum prompt_result
prompt_key(struct prompt *p, int code, bool is_key)
{
	if (is_key) {
		switch (code) {
		case KEY_LEFT: p->cur = prev_char(p, p->cur); return PR_MOVED;
		case KEY_RIGHT: p->cur = next_char(p, p->cur); return PR_MOVED;
		case KEY_HOME: p->cur = 0; return PR_MOVED;
		case KEY_END: p->cur = p->len; return PR_MOVED;
		case KEY_BACKSPACE:
			if (p->cur == 0)
				return p->len == 0 ? PR_CANCEL : PR_IGNORED;
			delete_range(p, prev_char(p, p->cur), p->cur);
			return PR_EDITED;
		case KEY_DC:
			if (p->cur == p->len)
				return PR_IGNORED;
			delete_range(p, p->cur, next_char(p, p->cur));
			p->cur = p->cur;
			return PR_EDITED;
		case KEY_UP: return history(p, -1);
		case KEY_DOWN: return history(p, 1);
		case KEY_ENTER: return PR_ACCEPT;
		default: return PR_IGNORED;
		}
	}
	switch (code) {
	case '\n': case '\r': return PR_ACCEPT;
	case 27: case CTRL('g'): return PR_CANCEL;
	case 127: case CTRL('h'): return prompt_key(p, KEY_BACKSPACE, true);
	case CTRL('u'):
		delete_range(p, 0, p->cur);
		return PR_EDITED;
	case CTRL('w'): {
		size_t a = p->cur;
		while (a > 0 && is_space_at(p, prev_char(p, a)))
			a = prev_char(p, a);
		while (a > 0 && !is_space_at(p, prev_char(p, a)))
			a = prev_char(p, a);
		delete_range(p, a, p->cur);
		return PR_EDITED;
	}
	case CTRL('a'): p->cur = 0; return PR_MOVED;
	case CTRL('e'): p->cur = p->len; return PR_MOVED;
	default:
		return PR_IGNORED;
	}
}

void
prompt_remember(struct prompt *p)
{
	if (p->len == 0)
		return;
	if (p->nhist > 0 && strcmp(p->hist[p->nhist - 1], p->buf) == 0)
		return;
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
