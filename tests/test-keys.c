/* Unit tests of the key table (src/keys.c): lookups in each scope, with
 * the pane scopes falling back to the global keys and the prompt not;
 * no key bound twice in one scope; every action bound and explained; and
 * --keys printing every binding. */
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

#include "keys.h"

#define CTRL(c) ((c) & 0x1f)

static void
test_lookup(void **state)
{
	(void)state;
	/* Global keys in every pane. */
	assert_int_equal(key_lookup('j', false, KS_ARTICLE), ACT_DOWN);
	assert_int_equal(key_lookup(KEY_DOWN, true, KS_TIMELINE), ACT_DOWN);
	assert_int_equal(key_lookup('q', false, KS_PEOPLE), ACT_QUIT);
	/* A pane's own keys only there. */
	assert_int_equal(key_lookup('}', false, KS_ARTICLE), ACT_NEXT_PARA);
	assert_int_equal(key_lookup('}', false, KS_TIMELINE), ACT_NONE);
	assert_int_equal(key_lookup('o', false, KS_PEOPLE), ACT_TOGGLE_ORGS);
	assert_int_equal(key_lookup('o', false, KS_ARTICLE), ACT_NONE);
	/* Enter however the terminal sends it. */
	assert_int_equal(key_lookup('\r', false, KS_TIMELINE), ACT_ENTER);
	assert_int_equal(key_lookup(KEY_ENTER, true, KS_PEOPLE), ACT_ENTER);
	/* is_key tells a function key from a character of the same code. */
	assert_int_equal(key_lookup(KEY_DOWN, false, KS_ARTICLE), ACT_NONE);
	assert_int_equal(key_lookup(0x4e2d, false, KS_ARTICLE), ACT_NONE);   /* 中 */
}

static void
test_lookup_prompt(void **state)
{
	(void)state;
	assert_int_equal(key_lookup('\n', false, KS_PROMPT), ACT_PROMPT_ACCEPT);
	assert_int_equal(key_lookup('\r', false, KS_PROMPT), ACT_PROMPT_ACCEPT);
	assert_int_equal(key_lookup(KEY_ENTER, true, KS_PROMPT), ACT_PROMPT_ACCEPT);
	assert_int_equal(key_lookup(27, false, KS_PROMPT), ACT_PROMPT_CANCEL);
	assert_int_equal(key_lookup(CTRL('g'), false, KS_PROMPT), ACT_PROMPT_CANCEL);
	assert_int_equal(key_lookup(KEY_HOME, true, KS_PROMPT), ACT_PROMPT_HOME);
	assert_int_equal(key_lookup(CTRL('a'), false, KS_PROMPT), ACT_PROMPT_HOME);
	assert_int_equal(key_lookup(KEY_END, true, KS_PROMPT), ACT_PROMPT_END);
	assert_int_equal(key_lookup(CTRL('e'), false, KS_PROMPT), ACT_PROMPT_END);
	assert_int_equal(key_lookup(KEY_DC, true, KS_PROMPT), ACT_PROMPT_DELETE);
	assert_int_equal(key_lookup(KEY_BACKSPACE, true, KS_PROMPT), ACT_PROMPT_BACKSPACE);
	assert_int_equal(key_lookup(127, false, KS_PROMPT), ACT_PROMPT_BACKSPACE);
	assert_int_equal(key_lookup(CTRL('h'), false, KS_PROMPT), ACT_PROMPT_BACKSPACE);
	assert_int_equal(key_lookup(CTRL('k'), false, KS_PROMPT), ACT_PROMPT_KILL_EOL);
	assert_int_equal(key_lookup(CTRL('u'), false, KS_PROMPT), ACT_PROMPT_KILL_BOL);
	assert_int_equal(key_lookup(CTRL('w'), false, KS_PROMPT), ACT_PROMPT_KILL_WORD);
	assert_int_equal(key_lookup(KEY_UP, true, KS_PROMPT), ACT_PROMPT_OLDER);
	assert_int_equal(key_lookup(KEY_DOWN, true, KS_PROMPT), ACT_PROMPT_NEWER);
	/* Keys of the panes are text in the prompt. */
	assert_int_equal(key_lookup('q', false, KS_PROMPT), ACT_NONE);
	assert_int_equal(key_lookup('j', false, KS_PROMPT), ACT_NONE);
	assert_int_equal(key_lookup(' ', false, KS_PROMPT), ACT_NONE);
	/* C-u is half a page up outside the prompt, a kill in it. */
	assert_int_equal(key_lookup(CTRL('u'), false, KS_ARTICLE), ACT_HALF_UP);
}

static size_t
bindings(void)
{
	size_t n = 0;

	while (key_table[n].name)
		n++;
	return n;
}

static void
test_no_key_twice(void **state)
{
	size_t n = bindings();

	(void)state;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			const struct key_binding *a = &key_table[i], *b = &key_table[j];
			if (a->scope == b->scope && a->code == b->code && a->is_key == b->is_key)
				fail_msg("%s is bound twice in the %s scope", a->name,
				    key_scope_names[a->scope]);
			/* One name is one key, in a scope and across them. */
			if (strcmp(a->name, b->name) == 0 &&
			    (a->code != b->code || a->is_key != b->is_key))
				fail_msg("%s names two different keys", a->name);
		}
}

static void
test_every_action_explained(void **state)
{
	size_t n = bindings();

	(void)state;
	for (size_t i = 0; i < n; i++) {
		assert_true(key_table[i].name[0] != '\0');
		if (!key_table[i].help || !key_table[i].help[0])
			fail_msg("%s has no help text", key_table[i].name);
		if (key_table[i].action == ACT_NONE)
			fail_msg("%s in %s does nothing", key_table[i].name,
			    key_scope_names[key_table[i].scope]);
	}
	for (int a = ACT_NONE + 1; a < ACT_NACTIONS; a++) {
		bool bound = false;
		for (size_t i = 0; i < n; i++)
			bound |= (int)key_table[i].action == a;
		if (!bound)
			fail_msg("action %d has no key", a);
	}
}

static void
test_print(void **state)
{
	char *out = NULL;
	size_t len = 0, lines = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	assert_non_null(f);
	key_table_print(f);
	fclose(f);
	for (size_t i = 0; i < len; i++)
		lines += out[i] == '\n';
	assert_int_equal(lines, bindings());
	assert_non_null(strstr(out, "prompt\tC-k\tdelete from the cursor to the end\n"));
	assert_non_null(strstr(out, "prompt\tC-g\t"));
	assert_non_null(strstr(out, "prompt\tDelete\t"));
	assert_non_null(strstr(out, "global\tq\tquit\n"));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_lookup_prompt),
		cmocka_unit_test(test_no_key_twice),
		cmocka_unit_test(test_every_action_explained),
		cmocka_unit_test(test_print),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
