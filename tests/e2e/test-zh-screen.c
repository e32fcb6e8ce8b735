/* The screen in Chinese: pane titles, tabs, status line and help in
 * Chinese, and every border still in its column, at 80x24, 120x40 and in
 * the narrow tab view.  test-zh-screen runs it under C.UTF-8 with
 * LANGUAGE=zh_CN; test-zh-locale-screen (built with ZH_LOCALE) in a real
 * zh_CN.UTF-8 locale, LANGUAGE unset, as a reader in China has it, and
 * skips where that locale is not installed.  The catalogue is the build
 * tree's (DOSSIER_LOCALEDIR); without it both skip. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dossier-e2e.h"

static char localedir_env[4096];
#ifdef ZH_LOCALE
static const char lc_all[] = "zh_CN.UTF-8";
static const bool language = false;
#else
static const char lc_all[] = "C.UTF-8";
static const bool language = true;
#endif

static struct vt *
start_zh(void **state, int rows, int cols)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)data_path(), NULL };
	char lc[64];
	char *env[] = { lc, (char *)(language ? "LANGUAGE=zh_CN" : "LANGUAGE"),
		(char *)"NO_COLOR", (char *)"DOSSIER_FILE", (char *)"DOSSIER_STATE_DIR=-",
		localedir_env, NULL };

	snprintf(lc, sizeof lc, "LC_ALL=%s", lc_all);
	struct vt *v = vt_spawn(argv, env, rows, cols);
	assert_non_null(v);
	*state = v;
	expect_text(v, "时间线");
	settle(v);
	return v;
}

/* Column of the first cell of row whose text starts utf8, or -1. */
static int
col_of(struct vt *v, int row, const char *utf8)
{
	return find_in(v, row, 0, screen_cols(v), utf8);
}

/* The status line: the help and quit hints in Chinese, and the paragraph
 * position at its right end, so nothing was laid out by bytes. */
static void
expect_status(struct vt *v, const char *when)
{
	int cols = screen_cols(v);
	char *s = cells_text(v, -1, 0, cols);

	if (!strstr(s, "? 帮助") || !strstr(s, "q 退出"))
		fail_screen(v, "%s: no '? 帮助' and 'q 退出' on the status line", when);
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	if (n < 5 || !strstr(s, "p1/"))
		fail_screen(v, "%s: no paragraph position on the status line", when);
	free(s);
	/* The position ends at most one cell from the right edge. */
	uint32_t last = vt_cell(v, screen_rows(v) - 1, cols - 1, NULL);
	uint32_t before = vt_cell(v, screen_rows(v) - 1, cols - 2, NULL);
	if ((last == ' ' || last == 0) && (before == ' ' || before == 0))
		fail_screen(v, "%s: the status line does not reach the right edge", when);
}

/* Full view: 时间线 and 人物 in the left column, 正文 on the right, every
 * row's borders in their columns. */
static void
expect_full_view_zh(struct vt *v, const char *when)
{
	int r, c, lc = left_border_col(v);

	if (!vt_find(v, "时间线", &r, &c) || r != 0 || c >= lc)
		fail_screen(v, "%s: no 时间线 pane at the top left", when);
	if (!vt_find(v, "人物", &r, &c) || r == 0 || c >= lc)
		fail_screen(v, "%s: no 人物 pane in the left column", when);
	if (!vt_find(v, "正文", &r, &c) || r != 0 || c <= lc)
		fail_screen(v, "%s: no 正文 pane on the right", when);
	for (r = 0; r < screen_rows(v) - 1; r++) {
		uint32_t cp = vt_cell(v, r, screen_cols(v) - 1, NULL);
		if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL && cp != BOX_VL)
			fail_screen(v, "%s: row %d has no right border in the last column", when, r);
		cp = vt_cell(v, r, lc, NULL);
		if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL && cp != BOX_VL)
			fail_screen(v, "%s: row %d: the left column's border is not at col %d",
			    when, r, lc);
	}
	expect_status(v, when);
}

/* The help overlay: its title in Chinese, and the help of every key row
 * in one column, whatever the width of the key names and of the text. */
static void
expect_help_zh(struct vt *v, const char *when)
{
	static const char *const rows[][2] = {
		{ "q", "退出" }, { "?", "显示此帮助" }, { "Tab", "切换到下一个窗格" },
	};
	int r, c, col = -1;

	press(v, "?");
	if (!vt_find(v, "按键", &r, &c))
		fail_screen(v, "%s: no 按键 title on the help", when);
	int top = r, left = c;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int hr, hc;
		if (!vt_find(v, rows[i][1], &hr, &hc))
			fail_screen(v, "%s: no '%s' in the help", when, rows[i][1]);
		if (col_of(v, hr, rows[i][0]) < 0 || col_of(v, hr, rows[i][0]) > hc)
			fail_screen(v, "%s: '%s' is not on the row of its key %s", when,
			    rows[i][1], rows[i][0]);
		if (col >= 0 && hc != col)
			fail_screen(v, "%s: the help of %s starts at col %d, not %d", when,
			    rows[i][0], hc, col);
		col = hc;
	}
	/* The overlay's right border: one column on every row of the box. */
	int right = find_cp(v, top, BOX_DL);
	if (right <= left)
		fail_screen(v, "%s: no ┐ closing the help's title row", when);
	for (r = top + 1; r < screen_rows(v) - 1; r++) {
		uint32_t cp = vt_cell(v, r, right, NULL);
		if (cp == BOX_UL)
			break;
		if (cp != BOX_V)
			fail_screen(v, "%s: the help's right border is not at col %d on row %d",
			    when, right, r);
	}
	press(v, "q");
	expect_gone(v, "按键");
}

static bool
have_catalogue(void)
{
	const char *dir = getenv("DOSSIER_LOCALEDIR");
	char path[4096];

	if (!dir || !*dir)
		return false;
	snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES/dossier.mo", dir);
	snprintf(localedir_env, sizeof localedir_env, "DOSSIER_LOCALEDIR=%s", dir);
	return access(path, R_OK) == 0;
}

static void
test_full_80x24(void **state)
{
	struct vt *v = start_zh(state, 24, 80);
	expect_full_view_zh(v, "80x24");
	expect_help_zh(v, "80x24");
	expect_clean_quit(v, "80x24");
}

static void
test_full_120x40(void **state)
{
	struct vt *v = start_zh(state, 40, 120);
	expect_full_view_zh(v, "120x40");
	expect_help_zh(v, "120x40");
	expect_clean_quit(v, "120x40");
}

/* Narrow: the tabs in Chinese, one box under them with its right border
 * in the last column on every row, at every width down to the smallest. */
static void
test_narrow_tabs(void **state)
{
	struct vt *v = start_zh(state, 24, 60);

	expect_row(v, 0, "1 时间线", "2 人物", "3 正文");
	expect_status(v, "60x24");
	for (int cols = 60; cols >= 20; cols -= 3) {
		char when[32];
		int rows = screen_rows(v);

		vt_resize(v, 24, cols);
		settle(v);
		snprintf(when, sizeof when, "narrow %dx24", cols);
		for (int r = 1; r < rows - 1; r++) {
			uint32_t want = r == 1 ? BOX_DL : r == rows - 2 ? BOX_UL : BOX_V;
			if (vt_cell(v, r, cols - 1, NULL) != want || vt_cell(v, r, 0, NULL) == ' ')
				fail_screen(v, "%s: row %d's border is not at cols 0 and %d", when,
				    r, cols - 1);
		}
		/* The tab bar: a wide character is never cut at its edge. */
		int w;
		vt_cell(v, 0, cols - 1, &w);
		if (w == 2)
			fail_screen(v, "%s: a double-width char overflows the tab bar", when);
	}
	expect_clean_quit(v, "narrow");
}

/* A status line too short for the article's title: the title is cut at a
 * character, never inside a double-width one (an ellipsis after it, where
 * the drawing marks cuts), and the position still ends the line. */
static void
test_status_clipped(void **state)
{
	struct vt *v = start_zh(state, 24, 80);
	char title[512] = "";
	FILE *f = fopen(data_path(), "r");
	char line[512];
	bool in_article = false;

	/* The article's title, from the data file. */
	assert_non_null(f);
	while (!title[0] && fgets(line, sizeof line, f)) {
		if (strncmp(line, "%rec: ", 6) == 0)
			in_article = strcmp(line, "%rec: Article\n") == 0;
		else if (in_article && strncmp(line, "Title: ", 7) == 0)
			snprintf(title, sizeof title, "%.*s", (int)strcspn(line + 7, "\n"), line + 7);
	}
	fclose(f);
	assert_true(title[0]);

	press(v, "3");
	for (int cols = 50; cols >= 40; cols--) {
		char when[32], *row, *at, *dot;

		vt_resize(v, 24, cols);
		settle(v);
		snprintf(when, sizeof when, "status at %d columns", cols);
		expect_status(v, when);
		row = cells_text(v, -1, 0, cols);
		if (!(at = strstr(row, "正文 · ")))
			fail_screen(v, "%s: no '正文 · ' on the status line", when);
		at += strlen("正文 · ");
		if (!(dot = strstr(at, " · ")))
			fail_screen(v, "%s: no position after the title", when);
		/* A double-width character that does not fit leaves a blank. */
		while (dot > at && dot[-1] == ' ')
			dot--;
		if (dot - at >= 3 && strncmp(dot - 3, "…", 3) == 0)
			dot -= 3;
		if (dot == at || (size_t)(dot - at) >= strlen(title) ||
		    strncmp(at, title, (size_t)(dot - at)) != 0)
			fail_screen(v, "%s: '%.*s' is not a cut start of the title", when,
			    (int)(dot - at), at);
		free(row);
	}
	expect_clean_quit(v, "status clipped");
}

/* A hit in another spelling of the name searched for: the status line
 * says so in Chinese, 杨立昆 即 LeCun. */
static void
test_bridged_hit(void **state)
{
	struct table *hits = cli_table("--search", "lecun");
	size_t b = 0;
	char want[128];

	while (b < hits->n && field(hits, b, 5)[0] == '\0')
		b++;
	assert_true(b < hits->n);
	struct vt *v = start_zh(state, 24, 80);
	press(v, "g");
	press(v, "/lecun\r");
	for (size_t i = 0; i < b; i++)
		press(v, "n");
	snprintf(want, sizeof want, "第 %zu/%zu 处 · 杨立昆 即 LeCun", b + 1, hits->n);
	expect_row(v, -1, want);
	table_free(hits);
}

int
main(void)
{
	if (!have_catalogue()) {
		printf("1..0 # SKIP no zh_CN catalogue in $DOSSIER_LOCALEDIR (built without NLS?)\n");
		return 0;
	}
#ifdef ZH_LOCALE
	if (!setlocale(LC_ALL, lc_all)) {
		printf("1..0 # SKIP no %s locale here (localedef -i zh_CN -f UTF-8 %s)\n",
		    lc_all, lc_all);
		return 0;
	}
	setlocale(LC_ALL, "C");
#endif
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_full_80x24, teardown_vt),
		cmocka_unit_test_teardown(test_full_120x40, teardown_vt),
		cmocka_unit_test_teardown(test_narrow_tabs, teardown_vt),
		cmocka_unit_test_teardown(test_status_clipped, teardown_vt),
		cmocka_unit_test_teardown(test_bridged_hit, teardown_vt),
	};

	return cmocka_run_group_tests_name("zh-screen", tests, NULL, NULL);
}
