/* libFuzzer target: the text module.  The first byte picks a width from 1
 * to 200 columns, the rest is text (valid UTF-8 or not).  Checks that the
 * UTF-8 check agrees with libunistring's u8_check, and what the panes rely
 * on: widths are sums of character widths, a clip never splits
 * a character nor overflows, and wrapped lines are in order, inside the
 * text, at most cols wide unless a line is one character that is wider,
 * and lose nothing but spaces and line breaks. */
#include <config.h>

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* starts[k]: is offset k of s[0..n) the start of a character, as text.c
 * steps (an invalid byte is one character)?  starts[n] is true. */
static bool *
char_starts(const char *s, size_t n)
{
	bool *starts = calloc(n + 1, sizeof *starts);
	size_t i = 0, clen;

	assert(starts);
	while (i < n) {
		starts[i] = true;
		text_char_width(s + i, n - i, &clen);
		assert(clen >= 1 && clen <= n - i);
		i += clen;
	}
	starts[n] = true;
	return starts;
}

/* Bytes a wrap may leave out of every line: spaces and tabs around a
 * break, and the line break characters themselves (LF, VT, FF, CR, NEL,
 * LINE SEPARATOR, PARAGRAPH SEPARATOR). */
static size_t
droppable(const char *s, size_t n)
{
	static const char *const seps[] = { "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9", NULL };

	if (strchr(" \t\n\v\f\r", s[0]) && s[0] != '\0')
		return 1;
	for (size_t k = 0; seps[k]; k++) {
		size_t l = strlen(seps[k]);
		if (l <= n && memcmp(s, seps[k], l) == 0)
			return l;
	}
	return 0;
}

static void
check_wrap(const char *s, size_t n, int cols, const bool *starts)
{
	struct text_line *lines;
	size_t count = text_wrap(s, n, cols, &lines);
	size_t covered = 0, clen;

	assert(count >= 1 && lines);
	for (size_t i = 0; i < count; i++) {
		const struct text_line *l = &lines[i];

		assert(l->start <= n && l->len <= n - l->start);
		assert(i == 0 || lines[i - 1].start + lines[i - 1].len <= l->start);
		assert(l->width == text_width(s + l->start, l->len));
		assert(starts[l->start] && starts[l->start + l->len]);
		if (l->width > cols) {
			/* Only a single character wider than the pane. */
			text_char_width(s + l->start, l->len, &clen);
			assert(clen == l->len);
		}
		/* Nothing between two lines but what a break drops. */
		while (covered < l->start) {
			size_t d = droppable(s + covered, n - covered);
			assert(d > 0);
			covered += d;
		}
		covered = l->start + l->len;
	}
	while (covered < n) {
		size_t d = droppable(s + covered, n - covered);
		assert(d > 0);
		covered += d;
	}
	free(lines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t n, clip, clen;
	int cols, used = -1, w;
	bool *starts;

	if (size < 1)
		return 0;
	cols = data[0] % 200 + 1;
	s = (const char *)data + 1;
	n = size - 1;
	starts = char_starts(s, n);

	/* The reader's UTF-8 check agrees with libunistring's. */
	{
		const uint8_t *bad = u8_check((const uint8_t *)s, n);
		assert(text_valid_prefix(s, n) == (bad ? (size_t)(bad - (const uint8_t *)s) : n));
		assert(text_clean(s, n) == (!bad && !memchr(s, '\0', n)));
	}

	w = text_width(s, n);
	assert(w >= 0);

	clip = text_clip(s, n, cols, &used);
	assert(clip <= n);
	assert(used >= 0 && used <= cols);
	assert(used == text_width(s, clip));
	assert(starts[clip]);
	/* The clip is the longest that fits: the next character is wider. */
	if (clip < n)
		assert(used + text_char_width(s + clip, n - clip, &clen) > cols);
	else
		assert(used == w);

	check_wrap(s, n, cols, starts);
	free(starts);
	return 0;
}
