/* Unit tests of the search prompt's line editor (src/prompt.c): every
 * editing key through the key table, with ASCII, Chinese, combining marks
 * and emoji; the history and its draft; and which part of a long line is
 * shown at every width. */
#include <config.h>

#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unigbrk.h>

#include "prompt.h"
#include "text.h"

#define CTRL(c) ((c) & 0x1f)
#define E_ACUTE "e\xcc\x81"      /* e + U+0301 COMBINING ACUTE ACCENT */

static struct prompt P;

static int
setup(void **state)
{
	(void)state;
	memset(&P, 0, sizeof P);
	prompt_open(&P);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	prompt_free(&P);
	return 0;
}

static void
type(const char *s)
{
	prompt_insert(&P, s, strlen(s));
}

static void
set(const char *s, size_t cur)
{
	prompt_open(&P);
	type(s);
	P.cur = cur;
}

/* The text, and the cursor as a byte offset. */
static void
is(const char *text, size_t cur)
{
	if (strcmp(P.buf, text) != 0 || P.len != strlen(text))
		fail_msg("text '%s' (%zu bytes), want '%s'", P.buf, P.len, text);
	if (P.cur != cur)
		fail_msg("'%s': cursor at byte %zu, want %zu", P.buf, P.cur, cur);
}

static enum prompt_result
key(int code, bool is_key)
{
	return prompt_key(&P, code, is_key);
}

static void
test_insert(void **state)
{
	(void)state;
	type("llama");
	is("llama", 5);
	type(" 苹果");
	is("llama 苹果", 12);
	P.cur = 5;
	type("😀" E_ACUTE);
	is("llama😀" E_ACUTE " 苹果", 12);
	/* Invalid bytes go, the rest stays. */
	set("", 0);
	prompt_insert(&P, "a\xff" "b\xc3", 4);
	is("ab", 2);
	/* Pasted text: tabs and line ends are spaces, other controls go. */
	set("", 0);
	type("one\ttwo\r\nthree\nfour\x1b[31m\xc2\x9b" "five\x7f");
	is("one two three four[31mfive", 26);
	/* Full: whole characters only. */
	set("", 0);
	for (int i = 0; i < 200; i++)
		type("中");
	assert_true(P.len < PROMPT_MAX);
	assert_int_equal(P.len % 3, 0);
	assert_int_equal(text_valid_prefix(P.buf, P.len), P.len);
}

static void
test_motion(void **state)
{
	(void)state;
	set("a" E_ACUTE "中😀b", 0);
	const size_t stops[] = { 0, 1, 4, 7, 11, 12 };
	for (size_t i = 1; i < 6; i++) {
		assert_int_equal(key(KEY_RIGHT, true), PR_MOVED);
		is("a" E_ACUTE "中😀b", stops[i]);
	}
	assert_int_equal(key(KEY_RIGHT, true), PR_IGNORED);
	for (size_t i = 5; i-- > 0;) {
		assert_int_equal(key(KEY_LEFT, true), PR_MOVED);
		is("a" E_ACUTE "中😀b", stops[i]);
	}
	assert_int_equal(key(KEY_LEFT, true), PR_IGNORED);
	assert_int_equal(key(CTRL('e'), false), PR_MOVED);
	assert_int_equal(P.cur, 12);
	assert_int_equal(key(CTRL('a'), false), PR_MOVED);
	assert_int_equal(P.cur, 0);
	assert_int_equal(key(KEY_END, true), PR_MOVED);
	assert_int_equal(P.cur, 12);
	assert_int_equal(key(KEY_HOME, true), PR_MOVED);
	assert_int_equal(P.cur, 0);
	/* A typed character is not a key of the prompt. */
	assert_int_equal(key('j', false), PR_IGNORED);
	is("a" E_ACUTE "中😀b", 0);
}

static void
test_delete_graphemes(void **state)
{
	(void)state;
	/* Backspace takes e and its accent in one press. */
	set("caf" E_ACUTE, strlen("caf" E_ACUTE));
	assert_int_equal(key(KEY_BACKSPACE, true), PR_EDITED);
	is("caf", 3);
	/* DEL and C-h are Backspace too. */
	assert_int_equal(key(127, false), PR_EDITED);
	is("ca", 2);
	assert_int_equal(key(CTRL('h'), false), PR_EDITED);
	is("c", 1);
	set("苹果😀", 10);
	assert_int_equal(key(KEY_BACKSPACE, true), PR_EDITED);
	is("苹果", 6);
	assert_int_equal(key(KEY_BACKSPACE, true), PR_EDITED);
	is("苹", 3);
	/* Delete: the grapheme under the cursor. */
	set(E_ACUTE "x中", 0);
	assert_int_equal(key(KEY_DC, true), PR_EDITED);
	is("x中", 0);
	P.cur = 1;
	assert_int_equal(key(KEY_DC, true), PR_EDITED);
	is("x", 1);
	assert_int_equal(key(KEY_DC, true), PR_IGNORED);
	/* At the start Backspace does nothing; on an empty line it cancels. */
	P.cur = 0;
	assert_int_equal(key(KEY_BACKSPACE, true), PR_IGNORED);
	is("x", 0);
	set("", 0);
	assert_int_equal(key(KEY_BACKSPACE, true), PR_CANCEL);
}

static void
test_kill(void **state)
{
	(void)state;
	set("llama 苹果", 5);
	assert_int_equal(key(CTRL('k'), false), PR_EDITED);
	is("llama", 5);
	assert_int_equal(key(CTRL('k'), false), PR_IGNORED);
	set("llama 苹果", 9);
	assert_int_equal(key(CTRL('u'), false), PR_EDITED);
	is("果", 0);
	assert_int_equal(key(CTRL('u'), false), PR_IGNORED);
}

static void
test_kill_word(void **state)
{
	(void)state;
	set("hello world", 11);
	assert_int_equal(key(CTRL('w'), false), PR_EDITED);
	is("hello ", 6);
	/* The spaces before the cursor go with the word before them. */
	assert_int_equal(key(CTRL('w'), false), PR_EDITED);
	is("", 0);
	assert_int_equal(key(CTRL('w'), false), PR_IGNORED);
	/* Chinese: a word at a time as UAX #29 breaks it, one ideograph,
	 * never the whole query. */
	set("llama 苹果公司", strlen("llama 苹果公司"));
	key(CTRL('w'), false);
	is("llama 苹果公", strlen("llama 苹果公"));
	key(CTRL('w'), false);
	key(CTRL('w'), false);
	key(CTRL('w'), false);
	is("llama ", 6);
	/* Words end at punctuation; the text after the cursor stays. */
	set("foo-bar baz", 7);
	key(CTRL('w'), false);
	is("foo- baz", 4);
	key(CTRL('w'), false);
	is("foo baz", 3);
	/* A combining mark stays with its letter. */
	set("caf" E_ACUTE " x", strlen("caf" E_ACUTE));
	key(CTRL('w'), false);
	is(" x", 0);
	/* Mixed scripts: Meta的AI */
	set("Meta的AI", strlen("Meta的AI"));
	key(CTRL('w'), false);
	is("Meta的", 7);
	key(CTRL('w'), false);
	is("Meta", 4);
}

static void
test_accept_cancel(void **state)
{
	(void)state;
	set("x", 1);
	assert_int_equal(key('\r', false), PR_ACCEPT);
	assert_int_equal(key('\n', false), PR_ACCEPT);
	assert_int_equal(key(KEY_ENTER, true), PR_ACCEPT);
	assert_int_equal(key(27, false), PR_CANCEL);
	assert_int_equal(key(CTRL('g'), false), PR_CANCEL);
	is("x", 1);
}

static void
test_history(void **state)
{
	(void)state;
	type("older");
	prompt_remember(&P);
	prompt_open(&P);
	type("newer");
	prompt_remember(&P);
	prompt_remember(&P);           /* not twice in a row */
	assert_int_equal(P.nhist, 2);

	prompt_open(&P);
	type("draft 草稿");
	P.cur = 3;
	assert_int_equal(key(KEY_UP, true), PR_EDITED);
	is("newer", 5);
	assert_int_equal(key(KEY_UP, true), PR_EDITED);
	is("older", 5);
	assert_int_equal(key(KEY_UP, true), PR_IGNORED);
	is("older", 5);
	assert_int_equal(key(KEY_DOWN, true), PR_EDITED);
	is("newer", 5);
	/* Below the newest: the line being typed, as it was. */
	assert_int_equal(key(KEY_DOWN, true), PR_EDITED);
	is("draft 草稿", strlen("draft 草稿"));
	assert_int_equal(key(KEY_DOWN, true), PR_IGNORED);
	/* Up and Down on an empty draft give it back empty. */
	prompt_open(&P);
	key(KEY_UP, true);
	key(KEY_DOWN, true);
	is("", 0);
}

static bool
grapheme_boundary(size_t at)
{
	const uint8_t *s = (const uint8_t *)P.buf, *end = s + P.len;

	for (const uint8_t *q = s; q; q = q < end ? u8_grapheme_next(q, end) : NULL)
		if (q == s + at)
			return true;
	return false;
}

/* Invariants of prompt_view at one width: the cursor is seen at the
 * column the text before it takes, the shown text fits between the marks
 * and fills them, marks stand where text is hidden, and the cut falls
 * between grapheme clusters. */
static void
check_view(int cols)
{
	struct prompt_view pv;
	const char *s = P.buf;
	int m = cols >= 3;

	prompt_view(&P, cols, &pv);
	assert_true(pv.start <= P.cur && P.cur <= pv.end && pv.end <= P.len);
	assert_true(pv.cursor >= 0 && pv.cursor < cols);
	assert_int_equal(pv.cursor, pv.left + text_width(s + pv.start, P.cur - pv.start));
	assert_true(text_width(s + pv.start, pv.end - pv.start) <= cols - pv.left - pv.right);
	assert_int_equal(pv.left, m && pv.start > 0);
	assert_int_equal(pv.right, m && pv.end < P.len);
	if (pv.right)
		assert_true(pv.cursor < cols - 1);
	if (pv.end < P.len) {
		const uint8_t *next = u8_grapheme_next((const uint8_t *)s + pv.end,
		    (const uint8_t *)s + P.len);
		assert_true(text_width(s + pv.start, (size_t)((const char *)next - s) - pv.start) >
		    cols - pv.left - pv.right);
	}
	assert_true(grapheme_boundary(pv.start));
	assert_true(grapheme_boundary(pv.end));
}

static void
test_view_widths(void **state)
{
	static const char *const texts[] = {
		"", "llama", "the quick brown fox jumps over the lazy dog again and again",
		"苹果公司的人工智能团队正在开发新的大语言模型", "Ｌｌａｍａ２ and ＡＩ ＦＡＩＲ",
		"caf" E_ACUTE " na" "i\xcc\x88" "ve e\xcc\x81\xcc\xa3 r" E_ACUTE "sum" E_ACUTE,
		"😀😁😂🤣 emoji 😃😄😅 end",
		"mixed 中文 and Latin, 😀, e\xcc\x81, Ｆｕｌｌ ｗｉｄｔｈ, long enough to scroll",
	};
	(void)state;
	for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
		set(texts[k], 0);
		for (;;) {
			for (int cols = 1; cols <= 80; cols++)
				check_view(cols);
			if (P.cur == P.len)
				break;
			key(KEY_RIGHT, true);
		}
	}
}

static void
test_view_long_query(void **state)
{
	struct prompt_view pv;
	(void)state;
	/* Typing at the end of a long query: its tail is shown up to the
	 * cursor in the last column, the start marked as cut off. */
	type("Meta's large language model llama and its successors");
	prompt_view(&P, 30, &pv);
	assert_true(pv.left);
	assert_false(pv.right);
	assert_int_equal(pv.end, P.len);
	assert_int_equal(pv.cursor, 29);
	assert_string_equal(P.buf + pv.start, P.buf + P.len - 28);
	/* Home: the head, the end marked. */
	key(KEY_HOME, true);
	prompt_view(&P, 30, &pv);
	assert_int_equal(pv.start, 0);
	assert_false(pv.left);
	assert_true(pv.right);
	assert_int_equal(pv.cursor, 0);
	assert_int_equal(pv.end, 29);
	/* A fitting query is shown whole at any cursor. */
	set("llama", 2);
	prompt_view(&P, 6, &pv);
	assert_true(pv.start == 0 && pv.end == 5 && !pv.left && !pv.right && pv.cursor == 2);
	/* With the cursor at its end it needs a column more. */
	P.cur = 5;
	prompt_view(&P, 5, &pv);
	assert_true(pv.left && pv.cursor == 4);
	/* In the middle of a long line the cursor is near the middle. */
	set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", 23);
	prompt_view(&P, 20, &pv);
	assert_true(pv.left && pv.right);
	assert_int_equal(pv.cursor, 10);
	assert_int_equal(P.buf[pv.start], 'e');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert, setup, teardown),
		cmocka_unit_test_setup_teardown(test_motion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_graphemes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill_word, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accept_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_widths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_long_query, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
