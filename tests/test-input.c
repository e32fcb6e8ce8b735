/* Unit tests of keyboard decoding (src/input.c): UTF-8 characters from
 * bytes, a bad byte dropped alone, function keys, bracketed pastes. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "input.h"

#define KEY_SOME 0402      /* any function key code */

/* Feeds the bytes; writes the characters decoded (as code points, -1 for
 * a key) into out and returns how many. */
static size_t
feed(struct input *in, const char *bytes, int *out)
{
	size_t n = 0;

	for (const char *p = bytes; *p; p++) {
		int code;
		if (input_feed(in, (unsigned char)*p, false, &code) == IN_CHAR)
			out[n++] = code;
	}
	return n;
}

static void
test_utf8(void **state)
{
	struct input in = { 0 };
	int out[16];

	(void)state;
	assert_int_equal(feed(&in, "a中😀\xc3\xa9", out), 4);
	assert_int_equal(out[0], 'a');
	assert_int_equal(out[1], 0x4e2d);
	assert_int_equal(out[2], 0x1f600);
	assert_int_equal(out[3], 0xe9);
}

static void
test_bad_bytes(void **state)
{
	struct input in = { 0 };
	int out[16];

	(void)state;
	/* A bad byte goes alone: the keys after it all arrive. */
	assert_int_equal(feed(&in, "\xff" "llama", out), 5);
	assert_int_equal(out[0], 'l');
	assert_int_equal(out[4], 'a');
	/* A character cut short by a new start: the new one counts. */
	assert_int_equal(feed(&in, "\xe4\xb8" "q\xe4\xb8\xad", out), 2);
	assert_int_equal(out[0], 'q');
	assert_int_equal(out[1], 0x4e2d);
	/* Stray continuation bytes, overlong forms and surrogates. */
	assert_int_equal(feed(&in, "\x80\xbf" "x\xc0\xaf" "y\xed\xa0\x80" "z", out), 3);
	assert_int_equal(out[0], 'x');
	assert_int_equal(out[1], 'y');
	assert_int_equal(out[2], 'z');
	/* Cut short by a key or by a pause. */
	int code = 0;
	assert_int_equal(feed(&in, "\xe4\xb8", out), 0);
	assert_int_equal(input_feed(&in, KEY_SOME, true, &code), IN_KEY);
	assert_int_equal(code, KEY_SOME);
	assert_int_equal(feed(&in, "\xad" "a", out), 1);
	assert_int_equal(out[0], 'a');
	assert_int_equal(feed(&in, "\xe4\xb8", out), 0);
	assert_int_equal(input_idle(&in), IN_NONE);
	assert_int_equal(feed(&in, "\xad" "b", out), 1);
	assert_int_equal(out[0], 'b');
}

static void
test_paste(void **state)
{
	static struct input in;
	int code = 0, out[4];

	(void)state;
	assert_int_equal(input_feed(&in, INPUT_PASTE_BEGIN, true, &code), IN_NONE);
	/* Nothing in a paste is a key, not even what curses made a key of. */
	assert_int_equal(feed(&in, "q\r/x", out), 0);
	assert_int_equal(input_feed(&in, KEY_SOME, true, &code), IN_NONE);
	assert_int_equal(feed(&in, "中", out), 0);
	assert_int_equal(input_feed(&in, INPUT_PASTE_END, true, &code), IN_PASTE);
	assert_int_equal(in.npaste, 7);
	assert_memory_equal(in.paste, "q\r/x中", 7);
	/* Typing goes on after it. */
	assert_int_equal(feed(&in, "j", out), 1);
	/* A stray end mark is nothing; a paste whose end never comes ends
	 * when the keyboard is quiet. */
	assert_int_equal(input_feed(&in, INPUT_PASTE_END, true, &code), IN_NONE);
	input_feed(&in, INPUT_PASTE_BEGIN, true, &code);
	feed(&in, "abc", out);
	assert_int_equal(input_idle(&in), IN_PASTE);
	assert_int_equal(in.npaste, 3);
	assert_int_equal(feed(&in, "k", out), 1);
	/* A long paste keeps what fits. */
	input_feed(&in, INPUT_PASTE_BEGIN, true, &code);
	for (int i = 0; i < INPUT_PASTE_MAX + 100; i++)
		input_feed(&in, 'x', false, &code);
	assert_int_equal(input_feed(&in, INPUT_PASTE_END, true, &code), IN_PASTE);
	assert_int_equal(in.npaste, INPUT_PASTE_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_paste),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
