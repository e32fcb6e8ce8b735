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
/* The bundled data with a Chinese article title too long for the status
 * line of an 80-column terminal (test_status_clipped). */
static char long_title_path[] = "/tmp/dossier-zh-title-XXXXXX";
static const char long_title[] =
    "Meta的AI人才流失危机：开源大模型Llama 2惊艳四座之后，内部斗争与算力短缺让研究人员接连出走";
#ifdef ZH_LOCALE
static const char lc_all[] = "zh_CN.UTF-8";
static const bool language = false;
#else
static const char lc_all[] = "C.UTF-8";
static const bool language = true;
#endif

static struct vt *
start_zh_file(void **state, int rows, int cols, const char *file)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)file, NULL };
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

static struct vt *
start_zh(void **state, int rows, int cols)
{
	return start_zh_file(state, rows, cols, data_path());
}

/* Column of the first cell of row whose text starts utf8, or -1. */
static int
col_of(struct vt *v, int row, const char *utf8)
{
	return find_in(v, row, 0, screen_cols(v), utf8);
}

/* The status line's text without the blanks at its end; malloc'd. */
static char *
status_text(struct vt *v)
{
	char *s = cells_text(v, -1, 0, screen_cols(v));
	size_t n = strlen(s);

	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

/* The status line: the help and quit hints in Chinese, and the paragraph
 * position at its right end, so nothing was laid out by bytes. */
static void
expect_status(struct vt *v, const char *when)
{
	int cols = screen_cols(v);
	char *s = status_text(v);

	if (!strstr(s, "? 帮助") || !strstr(s, "q 退出"))
		fail_screen(v, "%s: no '? 帮助' and 'q 退出' on the status line", when);
	if (strlen(s) < 5 || !strstr(s, "第 1/") || !strstr(s, " 段 · "))
		fail_screen(v, "%s: no paragraph position '第 1/N 段' on the status line", when);
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

/* Narrow view: one box under the tab bar, its borders at cols 0 and the
 * last on every row. */
static void
expect_narrow_box(struct vt *v, const char *when)
{
	int rows = screen_rows(v), cols = screen_cols(v);

	for (int r = 1; r < rows - 1; r++) {
		uint32_t want = r == 1 ? BOX_DL : r == rows - 2 ? BOX_UL : BOX_V;
		if (vt_cell(v, r, cols - 1, NULL) != want || vt_cell(v, r, 0, NULL) == ' ')
			fail_screen(v, "%s: row %d's border is not at cols 0 and %d", when, r,
			    cols - 1);
	}
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

		vt_resize(v, 24, cols);
		settle(v);
		snprintf(when, sizeof when, "narrow %dx24", cols);
		expect_narrow_box(v, when);
		/* The tab bar: a wide character is never cut at its edge. */
		int w;
		vt_cell(v, 0, cols - 1, &w);
		if (w == 2)
			fail_screen(v, "%s: a double-width char overflows the tab bar", when);
	}
	expect_clean_quit(v, "narrow");
}

/* The article's title on the status line: cut at a whole character, the
 * cut marked with "…" right after it (one blank may follow, where a
 * double-width character did not fit), then the position ("第 1/N 段")
 * still ending the line.  Without room for a character and the mark, the
 * title may be left out, unless need_title. */
static void
expect_title_cut(struct vt *v, const char *title, bool need_title, const char *when)
{
	int cols = screen_cols(v);
	char *row = cells_text(v, -1, 0, cols), *at, *dot;

	expect_status(v, when);
	if (!(at = strstr(row, "正文 · ")))
		fail_screen(v, "%s: no '正文 · ' on the status line", when);
	at += strlen("正文 · ");
	if (!need_title && strncmp(at, "第 1/", strlen("第 1/")) == 0) {
		free(row);
		return;
	}
	if (!(dot = strstr(at, "… · 第 1/")) && !(dot = strstr(at, "…  · 第 1/")))
		fail_screen(v, "%s: the title is not cut with '…' before the position", when);
	if (dot == at || (size_t)(dot - at) >= strlen(title) ||
	    strncmp(at, title, (size_t)(dot - at)) != 0)
		fail_screen(v, "%s: '%.*s' is not a cut start of the title", when,
		    (int)(dot - at), at);
	int c = find_in(v, -1, 0, cols, "…"), w;
	vt_cell(v, screen_rows(v) - 1, c, &w);
	if (w != 1)
		fail_screen(v, "%s: the '…' is not one cell wide", when);
	free(row);
}

/* A status line too long for the terminal, in Chinese: an article title
 * that does not fit at 80x24 nor in the narrow view is cut at a character
 * and marked, and every border stays in its column. */
static void
test_status_clipped(void **state)
{
	struct vt *v = start_zh_file(state, 24, 80, long_title_path);

	press(v, "3");
	expect_full_view_zh(v, "80x24");
	expect_title_cut(v, long_title, true, "80x24");
	for (int cols = 60; cols >= 40; cols -= 2) {
		char when[32];

		vt_resize(v, 24, cols);
		settle(v);
		snprintf(when, sizeof when, "narrow %dx24", cols);
		expect_narrow_box(v, when);
		expect_title_cut(v, long_title, cols >= 50, when);
	}
	expect_clean_quit(v, "status clipped");
}

/* The dossier overlay (i) in Chinese: its labels, in one column. */
static void
test_info_overlay(void **state)
{
	static const char *const labels[] = { "资料集", "摘要", "语言", "英文标题", "作者",
		"编辑", "日期" };
	struct vt *v = start_zh(state, 40, 120);
	int top, left, col = -1, r = 0;

	press(v, "i");
	expect_text(v, "详情（");
	if (!vt_find(v, "详情（", &top, &left))
		fail_screen(v, "no overlay title");
	int right = find_cp(v, top, BOX_DL);
	/* Each label, in the order of the data, in the overlay's label column. */
	r = top + 1;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		int c = -1;
		for (; r < screen_rows(v) - 1 && c < 0; r++)
			c = find_in(v, r, left - 2, right, labels[i]);
		if (c < 0)
			fail_screen(v, "no '%s' in the dossier overlay", labels[i]);
		if (col >= 0 && c != col)
			fail_screen(v, "'%s' starts at col %d, not %d as the labels above",
			    labels[i], c, col);
		col = c;
	}
	expect_text(v, "毕安娣 / Bi Andi");
	press(v, "q");
	expect_gone(v, "英文标题");
	expect_clean_quit(v, "dossier overlay");
}

/* The parts of the status line at 120x40 in Chinese: the paragraph, its
 * section, the end of the article, the notes and the zoom. */
static void
test_status_120x40(void **state)
{
	struct vt *v = start_zh(state, 40, 120);
	char *s;

	expect_status(v, "120x40");
	expect_row(v, -1, "第 1/", " 段 · 0%");
	press(v, "3G");
	expect_row(v, -1, " 段 · 第 ", " 节 · 末尾");
	s = status_text(v);
	size_t n = strlen(s);
	if (n < strlen("末尾") || strcmp(s + n - strlen("末尾"), "末尾") != 0)
		fail_screen(v, "the status line does not end with 末尾 at the article's end");
	free(s);
	press(v, "gt");
	expect_row(v, -1, "注释 1/");
	press(v, "z<");
	expect_row(v, -1, "已缩放：按 z 显示全部窗格");
	press(v, "z");
	expect_clean_quit(v, "status 120x40");
}

/* The bundled data with the first article's title replaced. */
static bool
write_long_title(void)
{
	FILE *in = fopen(data_path(), "r"), *out;
	char line[8192];
	bool in_article = false, done = false;
	int fd = mkstemp(long_title_path);

	if (!in || fd < 0 || !(out = fdopen(fd, "w")))
		return false;
	while (fgets(line, sizeof line, in)) {
		if (strncmp(line, "%rec: ", 6) == 0)
			in_article = strcmp(line, "%rec: Article\n") == 0;
		else if (in_article && !done && strncmp(line, "Title: ", 7) == 0) {
			fprintf(out, "Title: %s\n", long_title);
			done = true;
			continue;
		}
		fputs(line, out);
	}
	fclose(in);
	return fclose(out) == 0 && done;
}

static int
remove_long_title(void **state)
{
	(void)state;
	unlink(long_title_path);
	return 0;
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
		cmocka_unit_test_teardown(test_info_overlay, teardown_vt),
		cmocka_unit_test_teardown(test_status_120x40, teardown_vt),
		cmocka_unit_test_teardown(test_bridged_hit, teardown_vt),
	};

	if (!write_long_title()) {
		fprintf(stderr, "cannot write %s\n", long_title_path);
		return 1;
	}
	return cmocka_run_group_tests_name("zh-screen", tests, NULL, remove_long_title);
}
