/* End-to-end tests of hostile text on the screen: a dossier whose titles
 * and paragraphs hold tabs, escape sequences, C0 and C1 controls and bidi
 * overrides (tests/data/controls.rec).  A tab shows as spaces, every other
 * control as a one-column placeholder, nothing of it reaches the terminal
 * raw, and every border stays in its column. */
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

static const char *controls_path(void)
{
	static char path[4096];
	const char *top = getenv("top_srcdir");
	if (!top || !*top)
		fail_msg("top_srcdir is not set: run through `make check` or set top_srcdir");
	snprintf(path, sizeof path, "%s/tests/data/controls.rec", top);
	return path;
}

static struct vt *start_controls(void **state, int rows, int cols)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)controls_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, rows, cols);
	assert_non_null(v);
	*state = v;
	expect_text(v, "Timeline");
	settle(v);
	return v;
}

/* The bytes of what the file holds are nowhere in the output. */
static void expect_no_raw(struct vt *v, const char *bytes, const char *what)
{
	size_t len;
	const char *raw = vt_raw(v, &len);
	if (memmem(raw, len, bytes, strlen(bytes)))
		fail_screen(v, "%s reached the terminal raw", what);
}

static int count_cp(struct vt *v, uint32_t cp)
{
	int n = 0;
	for (int r = 0; r < screen_rows(v); r++)
		for (int c = 0; c < screen_cols(v); c++)
			n += vt_cell(v, r, c, NULL) == cp;
	return n;
}

static void test_controls_shown(void **state)
{
	struct vt *v = start_controls(state, 24, 100);
	int lc, r, c;

	expect_full_view(v, "controls at 100x24");
	lc = left_border_col(v);
	/* alpha<TAB>beta: a tab reaches the next stop of eight columns, in
	 * the timeline's title as in the article's text. */
	if (!vt_find(v, "alpha   beta␛[7m", &r, &c) || c >= lc)
		fail_screen(v, "the event title's tab is not three spaces in the timeline");
	if (!vt_find(v, "alpha   beta ␛[31mred␛[0m ␛]0;pwned␇ C1", &r, &c) || c <= lc)
		fail_screen(v, "the paragraph's tab and escapes are not shown as written");
	/* C1 controls and bidi overrides are U+FFFD, one column each:
	 * CSI in the title and paragraphs, RLO/PDF, LRI/PDI. */
	if (count_cp(v, 0xfffd) < 6)
		fail_screen(v, "C1 and bidi controls are not shown as U+FFFD");
	expect_text(v, "�desrever� �iso�");
	expect_text(v, "DEL␡");
	expect_no_raw(v, "\033]0;pwned", "the title escape");
	expect_no_raw(v, "\033[31mred", "the colour escape");
	expect_no_raw(v, "\xc2\x9b", "U+009B");
	expect_no_raw(v, "\xc2\x85", "U+0085");
	expect_no_raw(v, "\xe2\x80\xae", "U+202E");
	expect_no_raw(v, "\xe2\x81\xa6", "U+2066");

	/* The details of the event: the same text, every row of the window
	 * closed by its right border in one column. */
	press(v, "\r");
	expect_text(v, "Details");
	settle(v);
	int top, right = -1, bottom = -1;
	if (!vt_find(v, "Details", &top, &c))
		fail_screen(v, "no details window");
	for (c = screen_cols(v) - 2; c > 0 && right < 0; c--)
		if (vt_cell(v, top, c, NULL) == BOX_DL)
			right = c;
	for (r = top + 1; r < screen_rows(v) && bottom < 0; r++) {
		uint32_t cp = vt_cell(v, r, right, NULL);
		if (cp == BOX_UL)
			bottom = r;
		else if (cp != BOX_V)
			fail_screen(v, "details row %d has no right border at col %d", r, right);
	}
	if (right < 0 || bottom < 0)
		fail_screen(v, "the details window has no corners");
	expect_text(v, "alpha   beta␛[7m");
	press(v, "\033");
	expect_clean_quit(v, "controls");
}

/* At every width of the full view, and in the article's narrow view, the
 * borders stay where they are while the hostile lines wrap. */
static void test_controls_borders(void **state)
{
	struct vt *v = start_controls(state, 24, 80);

	for (int cols = 80; cols <= 130; cols += 5) {
		char when[32];
		vt_resize(v, 24, cols);
		snprintf(when, sizeof when, "controls at %dx24", cols);
		/* The frame for this width has come when its corner has. */
		for (int waited = 0; vt_cell(v, 0, cols - 1, NULL) != BOX_DL; waited += 50)
			if (waited > PATIENCE_MS || vt_pump(v, 50) < 0)
				fail_screen(v, "%s: no frame of that width", when);
		expect_full_view(v, when);
	}
	vt_resize(v, 20, 60);
	press(v, "3");
	expect_row(v, 0, "3 Article");
	settle(v);
	for (int r = 1; r < screen_rows(v) - 1; r++) {
		uint32_t cp = vt_cell(v, r, screen_cols(v) - 1, NULL);
		if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL)
			fail_screen(v, "60x20 article: row %d has no right border", r);
	}
	expect_text(v, "alpha   beta");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_controls_shown, teardown_vt),
		cmocka_unit_test_teardown(test_controls_borders, teardown_vt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
