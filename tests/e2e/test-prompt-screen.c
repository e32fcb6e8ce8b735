/* End-to-end tests of the search prompt on the status line: a long query
 * scrolls around the cursor with its hit count in view, an invalid byte
 * from the keyboard does not swallow the keys after it, a bracketed paste
 * is text and never keys, / Enter moves to the next hit as in less, and
 * the too-small notice is read whole at 19x5. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dossier-e2e.h"

static const char long_query[] = "LeCun and Zuckerberg agree to keep research apart from products";

/* The hit shown on the status line ("hit K/N"): K, or 0 if none. */
static size_t shown_hit(struct vt *v, size_t n)
{
	char *status = row_text(v, -1), *at = strstr(status, "  hit ");
	size_t k = 0, total = 0;
	if (!at || sscanf(at, "  hit %zu/%zu", &k, &total) != 2 || total != n)
		k = 0;
	free(status);
	return k;
}

static void expect_cursor(struct vt *v, int row, int col, const char *when)
{
	int r, c;
	bool visible;
	vt_cursor(v, &r, &c, &visible);
	if (!visible || r != row || c != col)
		fail_screen(v, "%s: cursor at %d,%d%s, want %d,%d", when, r, c,
		    visible ? "" : " (hidden)", row, col);
}

/* 40 columns: the query's tail up to the cursor, marked as cut off on the
 * left, then the count; Home shows its head, marked on the right. */
static void test_long_query_scrolls(void **state)
{
	size_t n = search_count(long_query);
	char count[32], *text;
	int last;
	assert_true(n >= 1);
	struct vt *v = start_browser(state, 24, 40, NULL);
	last = screen_rows(v) - 1;
	snprintf(count, sizeof count, "/%zu", n);

	vt_send(v, "/");
	vt_send(v, long_query);
	expect_row(v, -1, "m products", "  hit ", count);
	settle(v);
	/* "/<" then 28 columns of the query's end, the cursor after it. */
	text = cells_text(v, last, 0, 30);
	if (strncmp(text, "/<", 2) != 0 ||
	    strcmp(text + 2, long_query + strlen(long_query) - 28) != 0)
		fail_screen(v, "the status line does not end the query at the cursor: '%s'", text);
	free(text);
	if (find_in(v, last, 30, 40, "  hit ") != 30)
		fail_screen(v, "the hit count is not right after the query");
	expect_cursor(v, last, 30, "typing a long query");

	/* C-a: the start of the query, its end cut off and marked. */
	vt_send(v, "\001");
	expect_row(v, -1, "/LeCun and");
	settle(v);
	text = cells_text(v, last, 0, 31);
	if (strncmp(text, "/LeCun and Zuckerberg agree t", 29) != 0 || text[30] != '>')
		fail_screen(v, "C-a does not show the query's start: '%s'", text);
	free(text);
	if (find_in(v, last, 31, 40, "  hit ") != 31 || !row_contains(v, -1, count))
		fail_screen(v, "the hit count moved after C-a");
	expect_cursor(v, last, 1, "C-a");

	/* C-e back, C-k at the start of the last word, Enter: the hits stay. */
	vt_send(v, "\005");
	expect_row(v, -1, "/<");
	settle(v);
	expect_cursor(v, last, 30, "C-e");
	vt_send(v, "\033OD\033OD\033OD\033OD\033OD\033OD\033OD\033OD\013");
	if (!vt_wait_gone(v, "products", PATIENCE_MS))
		fail_screen(v, "C-k did not delete to the end");
	expect_row(v, -1, "apart from ");
	settle(v);
	press(v, "\r");
	expect_row(v, -1, "  hit ");
	expect_clean_quit(v, "long query");
}

/* A Chinese query, two columns a character, scrolls the same way. */
static void test_wide_query_scrolls(void **state)
{
	static const char q[] = "内部不同团队开发互为竞品的模型,其中有的项目已经被Meta放弃";
	size_t n = search_count(q);
	int last;
	assert_true(n >= 1);
	struct vt *v = start_browser(state, 24, 40, NULL);
	last = screen_rows(v) - 1;
	vt_send(v, "/");
	vt_send(v, q);
	expect_row(v, -1, "Meta放弃", "  hit ");
	settle(v);
	if (vt_cell(v, last, 1, NULL) != '<')
		fail_screen(v, "a cut-off Chinese query has no < mark");
	int r, c;
	bool visible;
	vt_cursor(v, &r, &c, &visible);
	if (r != last || vt_cell(v, last, c - 1, NULL) != 0 || vt_cell(v, last, c - 2, NULL) != 0x5f03)
		fail_screen(v, "the cursor (%d,%d) is not right after 弃", r, c);
}

/* An invalid byte is dropped alone; the keys after it arrive. */
static void test_invalid_byte(void **state)
{
	size_t n = search_count("llama");
	char want[64];
	struct vt *v = start_browser(state, 24, 80, NULL);
	snprintf(want, sizeof want, "/%zu", n);
	vt_send(v, "/\xff" "ll\xc3" "ama");
	expect_row(v, -1, "/llama  hit ", want);
	/* A character cut short by the next byte: that byte counts. */
	vt_send(v, "\xe4\xb8" "\033");
	expect_row(v, -1, "? help");
}

/* Pasted text goes into the prompt, line breaks and all, as text; with
 * no prompt open it is ignored, and a q in it does not quit. */
static void test_bracketed_paste(void **state)
{
	size_t len;
	struct vt *v = start_browser(state, 24, 80, NULL);
	const char *raw = vt_raw(v, &len);
	if (!memmem(raw, len, "\033[?2004h", 8))
		fail_screen(v, "bracketed paste is not switched on");

	vt_send(v, "\033[200~q\rjjj\033[201~");
	expect_row(v, -1, "paste ignored");
	settle(v);
	if (!vt_alive(v))
		fail_screen(v, "a pasted q quit");
	vt_send(v, "/\033[200~Le\nCun\tand\033[201~");
	expect_row(v, -1, "/Le Cun and");
	vt_send(v, "\033");
	expect_row(v, -1, "? help");

	expect_clean_quit(v, "after pastes");
	raw = vt_raw(v, &len);
	const char *off = memmem(raw, len, "\033[?2004l", 8);
	if (!off)
		fail_screen(v, "bracketed paste is left on after q");
	for (const char *p = off; (p = memmem(p + 1, len - (size_t)(p + 1 - raw), "\033[?2004h", 8));)
		if (p > off)
			fail_screen(v, "bracketed paste is switched on again after q");
}

/* / Enter, and / Up Enter (the same query), go to the next hit. */
static void test_repeat_search(void **state)
{
	size_t n = search_count("llama"), k;
	char want[64];
	assert_true(n > 3);
	/* Wide enough that every hit shows in its pane, with no details
	 * window opened for one (which would take the / key). */
	struct vt *v = start_browser(state, 40, 160, NULL);
	vt_send(v, "/llama\r");
	snprintf(want, sizeof want, "/%zu", n);
	expect_row(v, -1, "/llama  hit ", want);
	settle(v);
	k = shown_hit(v, n);
	if (k == 0)
		fail_screen(v, "no hit count on the status line");
	vt_send(v, "/\r");
	snprintf(want, sizeof want, "/llama  hit %zu/%zu", k % n + 1, n);
	expect_row(v, -1, want);
	vt_send(v, "/\033OA\r");
	snprintf(want, sizeof want, "/llama  hit %zu/%zu", (k + 1) % n + 1, n);
	expect_row(v, -1, want);
	/* C-g cancels like Esc: back to hit 3. */
	vt_send(v, "/lla");
	expect_row(v, -1, "/lla  hit ");
	vt_send(v, "\007");
	expect_row(v, -1, want);
	settle(v);
	bool visible;
	vt_cursor(v, NULL, NULL, &visible);
	if (visible)
		fail_screen(v, "C-g left the prompt's cursor shown");
	/* Up shows the last query; Down gives back the one being typed. */
	vt_send(v, "/Zuck");
	expect_row(v, -1, "/Zuck  hit ");
	vt_send(v, "\033OA");
	expect_row(v, -1, "/llama  hit ");
	vt_send(v, "\033OB");
	expect_row(v, -1, "/Zuck  hit ");
}

/* Below the smallest layout the notice is wrapped to the width. */
static void test_too_small(void **state)
{
	struct vt *v = start_browser(state, 5, 19, NULL);
	expect_row(v, 0, "dossier: terminal");
	expect_row(v, 1, "too small, needs");
	expect_row(v, 2, "20x5");
	vt_resize(v, 5, 8);
	expect_row(v, 0, "dossier:");
	expect_row(v, 1, "terminal");
	expect_row(v, 2, "too");
	vt_resize(v, 5, 20);
	expect_text(v, "Timeline");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_long_query_scrolls, teardown_vt),
		cmocka_unit_test_teardown(test_wide_query_scrolls, teardown_vt),
		cmocka_unit_test_teardown(test_invalid_byte, teardown_vt),
		cmocka_unit_test_teardown(test_bracketed_paste, teardown_vt),
		cmocka_unit_test_teardown(test_repeat_search, teardown_vt),
		cmocka_unit_test_teardown(test_too_small, teardown_vt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
