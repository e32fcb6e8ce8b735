/* Unit tests of search folding (src/fold.c): NFKC + case folding, and the
 * map from folded bytes back to exactly the original ones. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fold.h"

static void
folds_to(const char *s, const char *want)
{
	size_t n = 12345;
	char *f = fold_string(s, strlen(s), &n);

	assert_non_null(f);
	if (n != strlen(want) || memcmp(f, want, n) != 0 || f[n] != '\0')
		fail_msg("fold('%s') = '%.*s', want '%s'", s, (int)n, f, want);
	free(f);
}

static void
test_fold_string(void **state)
{
	(void)state;
	folds_to("llama", "llama");
	folds_to("LLAMA", "llama");
	folds_to("ＬＬＡＭＡ", "llama");
	folds_to("Ｌｌａｍａ ２", "llama 2");
	folds_to("Straße", "strasse");
	folds_to("STRASSE", "strasse");
	folds_to("ẞ", "ss");                      /* capital sharp s */
	folds_to("e\xcc\x81", "\xc3\xa9");        /* e + U+0301 composes to é */
	folds_to("\xc3\xa9", "\xc3\xa9");
	folds_to("\xc3\x89", "\xc3\xa9");         /* É */
	folds_to("E\xcc\x81", "\xc3\xa9");
	folds_to("，", ",");
	folds_to("①", "1");
	folds_to("Ⅻ", "xii");
	folds_to("ﬁ", "fi");
	folds_to("Meta的AI人才", "meta的ai人才");
	folds_to("ΣΊΣΥΦΟΣ", "σίσυφοσ");
	folds_to("", "");
	/* Invalid bytes are dropped. */
	folds_to("Lla\xffma", "llama");
	folds_to("\xc0\xaf" "a\xed\xa0\x80" "b\xe4\xb8", "ab");
}

static void
test_equalities(void **state)
{
	static const char *const groups[][3] = {
		{ "llama", "LLAMA", "ＬＬＡＭＡ" },
		{ "straße", "STRASSE", "Strasse" },
		{ "caf\xc3\xa9", "cafe\xcc\x81", "CAFE\xcc\x81" },
		{ "ai", "AI", "ＡＩ" },
	};

	(void)state;
	for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
		size_t n0, n;
		char *f0 = fold_string(groups[g][0], strlen(groups[g][0]), &n0);
		assert_non_null(f0);
		for (int k = 1; k < 3; k++) {
			char *f = fold_string(groups[g][k], strlen(groups[g][k]), &n);
			assert_non_null(f);
			if (n != n0 || memcmp(f, f0, n) != 0)
				fail_msg("'%s' and '%s' fold differently", groups[g][0],
				    groups[g][k]);
			free(f);
		}
		free(f0);
	}
}

/* Folds text into a buffer, finds the folding of query in it (the nth
 * occurrence, from 0) and checks that it maps back to text[off..off+len). */
static void
maps_back(const char *text, const char *query, int nth, size_t off, size_t len)
{
	struct fold_buf fb = { 0 };
	size_t qn;
	char *q = fold_string(query, strlen(query), &qn);
	const char *p, *a, *b;

	assert_non_null(q);
	fold_append(&fb, text, strlen(text));
	assert_int_equal(fb.oom, 0);
	p = fb.s;
	for (int k = 0;; k++) {
		p = memmem(p, fb.n - (size_t)(p - fb.s), q, qn);
		if (!p)
			fail_msg("'%s' not found in '%s'", query, text);
		if (k == nth)
			break;
		p++;
	}
	fold_to_orig(&fb, (size_t)(p - fb.s), qn, &a, &b);
	if (a != text + off || b != text + off + len)
		fail_msg("'%s' in '%s' maps to %td+%td '%.*s', want %zu+%zu '%.*s'",
		    query, text, a - text, b - a, (int)(b - a), a, off, len,
		    (int)len, text + off);
	free(q);
	fold_free(&fb);
}

static void
test_full_width(void **state)
{
	static const char t[] = "开源的ＬＬＡＭＡ模型和Llama";

	(void)state;
	/* The full-width word: 15 original bytes for 5 folded ones. */
	maps_back(t, "llama", 0, strlen("开源的"), strlen("ＬＬＡＭＡ"));
	maps_back(t, "ＬＬＡＭＡ", 0, strlen("开源的"), strlen("ＬＬＡＭＡ"));
	/* Part of it. */
	maps_back(t, "lam", 0, strlen("开源的Ｌ"), strlen("ＬＡＭ"));
	/* After it, offsets are right again. */
	maps_back(t, "模型", 0, strlen("开源的ＬＬＡＭＡ"), strlen("模型"));
	maps_back(t, "llama", 1, strlen("开源的ＬＬＡＭＡ模型和"), 5);
	maps_back(t, "a模", 0, strlen("开源的ＬＬＡＭ"), strlen("Ａ模"));
	maps_back(t, "开源", 0, 0, strlen("开源"));
}

static void
test_sharp_s(void **state)
{
	static const char t[] = "Die Straße ist lang";
	size_t s = strlen("Die Stra");

	(void)state;
	/* ß folds to "ss": two bytes from two bytes, but two characters
	 * from one; the word and its parts map back to whole characters. */
	maps_back(t, "STRASSE", 0, strlen("Die "), strlen("Straße"));
	maps_back(t, "ss", 0, s, strlen("ß"));
	maps_back(t, "e ist", 0, s + strlen("ß"), strlen("e ist"));
	/* Half of ß's folding highlights all of it. */
	maps_back(t, "stras", 0, strlen("Die "), strlen("Straß"));
	maps_back(t, "se", 0, s, strlen("ße"));
}

static void
test_length_changing(void **state)
{
	/* ẞ (3 bytes) folds to "ss" (2 bytes); ﬁ (3) to "fi" (2); Ⅻ (3) to
	 * "xii" (3, same length but other bytes). */
	static const char t[] = "ẞ-ﬁx-Ⅻ-end";

	(void)state;
	maps_back(t, "ss", 0, 0, strlen("ẞ"));
	maps_back(t, "s", 1, 0, strlen("ẞ"));
	maps_back(t, "fix", 0, strlen("ẞ-"), strlen("ﬁx"));
	maps_back(t, "i", 0, strlen("ẞ-"), strlen("ﬁ"));
	maps_back(t, "xii", 0, strlen("ẞ-ﬁx-"), strlen("Ⅻ"));
	maps_back(t, "ii", 0, strlen("ẞ-ﬁx-"), strlen("Ⅻ"));
	maps_back(t, "i-", 0, strlen("ẞ-ﬁx-"), strlen("Ⅻ-"));
	maps_back(t, "-end", 0, strlen("ẞ-ﬁx-Ⅻ"), 4);
}

static void
test_combining(void **state)
{
	/* Decomposed é (3 bytes) folds to composed é (2 bytes). */
	static const char t[] = "Cafe\xcc\x81 cr\xc3\xa8me e";

	(void)state;
	maps_back(t, "\xc3\xa9", 0, 3, 3);
	maps_back(t, "caf\xc3\xa9", 0, 0, 6);
	maps_back(t, "cafe\xcc\x81", 0, 0, 6);
	maps_back(t, "\xc3\xa9 cr", 0, 3, 6);
	maps_back(t, "cr\xc3\xa8me", 0, 7, 6);
	/* The plain e's are not the é. */
	maps_back(t, "e", 0, strlen(t) - 3, 1);
	maps_back(t, "e", 1, strlen(t) - 1, 1);
}

static void
test_invalid_bytes(void **state)
{
	static const char t[] = "ab\xff" "CD\xc0\xaf" "中";

	(void)state;
	maps_back(t, "ab", 0, 0, 2);
	maps_back(t, "cd", 0, 3, 2);
	maps_back(t, "中", 0, 7, 3);
	/* The dropped bytes make "bc" adjacent in the folding; the map
	 * spans them. */
	maps_back(t, "bc", 0, 1, 3);
}

static void
test_several_appends(void **state)
{
	/* Separate strings appended to one buffer keep their own origins. */
	static const char s1[] = "ＡＢ", s2[] = "Cd", s3[] = "Straße";
	struct fold_buf fb = { 0 };
	const char *a, *b, *p;

	(void)state;
	fold_append(&fb, s1, strlen(s1));
	fold_append(&fb, s2, strlen(s2));
	fold_append(&fb, s3, strlen(s3));
	assert_int_equal(fb.n, strlen("abcdstrasse"));
	assert_memory_equal(fb.s, "abcdstrasse", fb.n);
	fold_to_orig(&fb, 0, 2, &a, &b);
	assert_ptr_equal(a, s1);
	assert_ptr_equal(b, s1 + 6);
	fold_to_orig(&fb, 2, 2, &a, &b);
	assert_ptr_equal(a, s2);
	assert_ptr_equal(b, s2 + 2);
	p = memmem(fb.s, fb.n, "sse", 3);
	assert_non_null(p);
	fold_to_orig(&fb, (size_t)(p - fb.s), 3, &a, &b);
	assert_ptr_equal(a, s3 + 4);
	assert_ptr_equal(b, s3 + strlen(s3));
	fold_free(&fb);
	assert_null(fb.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_string),
		cmocka_unit_test(test_equalities),
		cmocka_unit_test(test_full_width),
		cmocka_unit_test(test_sharp_s),
		cmocka_unit_test(test_length_changing),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_several_appends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
