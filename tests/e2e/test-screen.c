/* End-to-end tests of the three-pane browser: the real dossier in a
 * pseudo-terminal, its screen read back through libvterm.  What the screen
 * must show is taken from the program's own non-interactive modes
 * (--list events/people/paragraphs) at run time, so the tests follow the
 * bundled data rather than copies of it. */
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

/* --list events columns */
enum { EV_ID, EV_DATE, EV_TITLE, EV_WHEN, EV_PERSONS, EV_ORGS, EV_PARAS };
/* --list paragraphs columns */
enum { PA_ID, PA_SECTION, PA_TEXT };

/* 1-based position of a paragraph id in --list paragraphs, 0 if absent. */
static size_t para_number(const struct table *paras, const char *id)
{
	for (size_t i = 0; i < paras->n; i++)
		if (strcmp(field(paras, i, PA_ID), id) == 0)
			return i + 1;
	return 0;
}

/* The first item of a comma-separated list, malloc'd. */
static char *first_item(const char *list)
{
	size_t n = strcspn(list, ",");
	char *s = strndup(list, n);
	assert_non_null(s);
	return s;
}

/* ---- the start screen ---- */

static void test_start_screen(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	int lc = left_border_col(v);
	int r, c;

	/* Timeline and People are in the left column, one above the other;
	 * the article is right of it, at the top. */
	if (!vt_find(v, "Timeline", &r, &c) || r != 0 || c >= lc)
		fail_screen(v, "\"Timeline\" should title the top of the left column");
	int tl_col = c;
	if (!vt_find(v, "People", &r, &c) || r <= 1 || r >= screen_rows(v) - 2 || c >= lc)
		fail_screen(v, "\"People\" should title the lower half of the left column");
	if (c != tl_col)
		fail_screen(v, "the People title (col %d) is not aligned with Timeline's (col %d)",
		    c, tl_col);
	if (vt_cell(v, r, 0, NULL) != BOX_DR && vt_cell(v, r, 0, NULL) != BOX_VR)
		fail_screen(v, "the People title row does not start a box at column 0");
	if (!vt_find(v, "Article", &r, &c) || r != 0 || c <= lc)
		fail_screen(v, "\"Article\" should title the right pane");

	/* The article opens with its head (title; author, editor, date) and
	 * then the first paragraph, inside the right pane. */
	struct table *arts = cli_table("--list", "articles");
	assert_int_equal(arts->n, 1);
	c = find_in(v, 1, lc, screen_cols(v), field(arts, 0, 1));
	if (c <= lc + 1 || c > lc + 4)
		fail_screen(v, "the article's title should open the article pane (row 1)");
	expect_row(v, 2, field(arts, 0, 2), field(arts, 0, 6), field(arts, 0, 3));
	table_free(arts);
	struct table *paras = cli_table("--list", "paragraphs");
	assert_true(paras->n > 0);
	assert_string_equal(field(paras, 0, PA_ID), "p1");
	const char *opening = "两个月前,开源大模型Llama 2惊艳四座";
	assert_non_null(strstr(field(paras, 0, PA_TEXT), opening));
	if (!vt_find(v, opening, &r, &c))
		fail_screen(v, "the first paragraph's opening is not on screen");
	if (r != 4 || c <= lc + 1 || c > lc + 4)
		fail_screen(v, "the opening is at row %d col %d, not under the article's head "
		    "(row 4, just right of column %d)", r, c, lc + 1);

	/* The status line: key hints left, focused pane right. */
	expect_row(v, -1, "Timeline ·", "p1/");
	char tot[32];
	snprintf(tot, sizeof tot, "p1/%zu", paras->n);
	if (!row_contains(v, -1, tot))
		fail_screen(v, "status line should count %zu paragraphs (%s)", paras->n, tot);
	table_free(paras);
}

/* ---- borders ---- */

static bool is_right_corner(uint32_t cp)
{
	return cp == BOX_DL || cp == BOX_UL || cp == BOX_VL;
}

static bool is_left_corner(uint32_t cp)
{
	return cp == BOX_DR || cp == BOX_UR || cp == BOX_VR;
}

/* Full view: the left column spans 0..lc, the article lc+1..cols-1; every
 * body row (all but the status line) is closed by both boxes, right
 * borders only at lc and cols-1, left borders only at 0 and lc+1, and no
 * double-width character pokes into a border. */
static void check_borders(struct vt *v, const char *when)
{
	int rows = screen_rows(v), cols = screen_cols(v);
	int lc = left_border_col(v);

	for (int r = 0; r < rows - 1; r++) {
		int w;
		uint32_t cp;
		int rightmost = -1;
		for (int c = 0; c < cols; c++) {
			cp = vt_cell(v, r, c, &w);
			bool right = is_right_corner(cp), left = is_left_corner(cp);
			if (right || cp == BOX_V)
				rightmost = c;
			if (right && c != lc && c != cols - 1)
				fail_screen(v, "%s: right corner U+%04X at row %d col %d, "
				    "borders are at %d and %d", when, cp, r, c, lc, cols - 1);
			if (left && c != 0 && c != lc + 1)
				fail_screen(v, "%s: left corner U+%04X at row %d col %d, "
				    "borders are at 0 and %d", when, cp, r, c, lc + 1);
			if (cp == BOX_V && c != 0 && c != lc && c != lc + 1 && c != cols - 1)
				fail_screen(v, "%s: stray │ at row %d col %d", when, r, c);
		}
		if (rightmost != cols - 1)
			fail_screen(v, "%s: row %d ends its right border at col %d, not in the "
			    "last column %d", when, r, rightmost, cols - 1);
		const int right_cols[] = { lc, cols - 1 }, left_cols[] = { 0, lc + 1 };
		for (int k = 0; k < 2; k++) {
			cp = vt_cell(v, r, right_cols[k], &w);
			if (!is_right_corner(cp) && cp != BOX_V)
				fail_screen(v, "%s: row %d has U+%04X at col %d, where a right "
				    "border belongs", when, r, cp, right_cols[k]);
			cp = vt_cell(v, r, left_cols[k], &w);
			if (!is_left_corner(cp) && cp != BOX_V)
				fail_screen(v, "%s: row %d has U+%04X at col %d, where a left "
				    "border belongs", when, r, cp, left_cols[k]);
			vt_cell(v, r, right_cols[k] - 1, &w);
			if (w == 2)
				fail_screen(v, "%s: row %d: a double-width char at col %d is cut by "
				    "the border at col %d", when, r, right_cols[k] - 1, right_cols[k]);
		}
	}
}

/* Everything in the article pane, row after row. */
static char *article_pane_text(struct vt *v)
{
	int lc = left_border_col(v), rows = screen_rows(v), cols = screen_cols(v);
	size_t len = 0;
	char *all = NULL;
	for (int r = 0; r < rows - 1; r++) {
		char *s = cells_text(v, r, lc + 1, cols);
		size_t n = strlen(s);
		all = realloc(all, len + n + 2);
		assert_non_null(all);
		memcpy(all + len, s, n);
		len += n;
		all[len++] = '\n';
		all[len] = '\0';
		free(s);
	}
	return all;
}

/* Page through the whole article with Space, checking the borders on
 * every page, so every mix of Chinese and Latin text meets the border. */
static void page_through(struct vt *v, size_t nparas)
{
	char last[32], label[64];
	/* The end: the last screenful, which G shows too; the status line
	 * says END where it says the percent read. */
	(void)nparas;
	snprintf(last, sizeof last, " · END ");
	int pages = 0;
	char *top = article_pane_text(v);
	for (;;) {
		press(v, " ");
		pages++;
		snprintf(label, sizeof label, "%dx%d after %d Space", screen_cols(v),
		    screen_rows(v), pages);
		check_borders(v, label);
		char *now = article_pane_text(v);
		bool same = strcmp(now, top) == 0;
		if (same && !row_contains(v, -1, last)) {
			/* A loaded machine may pause mid-frame longer than the
			 * quiet period: give the frame a fair chance. */
			vt_wait_idle(v, 500, PATIENCE_MS);
			free(now);
			now = article_pane_text(v);
			same = strcmp(now, top) == 0;
		}
		free(top);
		top = now;
		if (same && row_contains(v, -1, last))
			break;
		if (same)
			fail_screen(v, "Space no longer scrolls, but the status is not at %s", last);
		if (pages > 400)
			fail_screen(v, "400 pages and the article has not ended");
	}
	free(top);
	/* 56 paragraphs of Chinese do not fit in a handful of pages. */
	if (pages <= 3)
		fail_screen(v, "the whole article took only %d pages", pages);
}

static void test_borders(void **state)
{
	struct table *paras = cli_table("--list", "paragraphs");
	struct vt *v = start_browser(state, 40, 120, NULL);
	check_borders(v, "start screen");
	press(v, "3");
	expect_row(v, -1, "Article ·");
	page_through(v, paras->n);

	/* Other widths wrap differently: an odd text width, and the narrowest
	 * full view. */
	static const int sizes[][2] = { { 30, 97 }, { 24, 81 } };
	for (size_t i = 0; i < 2; i++) {
		vt_resize(v, sizes[i][0], sizes[i][1]);
		settle(v);
		press(v, "g");
		check_borders(v, "top of the article after a resize");
		page_through(v, paras->n);
	}
	table_free(paras);
}

/* Narrow view: one box from row 1 (under the tab bar) to the row above the
 * status line, over the full width; nothing pokes through its right edge. */
static void check_narrow_box(struct vt *v, const char *when)
{
	int rows = screen_rows(v), cols = screen_cols(v);
	for (int r = 1; r < rows - 1; r++) {
		uint32_t want_l = r == 1 ? BOX_DR : r == rows - 2 ? BOX_UR : BOX_V;
		uint32_t want_r = r == 1 ? BOX_DL : r == rows - 2 ? BOX_UL : BOX_V;
		uint32_t l = vt_cell(v, r, 0, NULL), rt = vt_cell(v, r, cols - 1, NULL);
		if (l != want_l || rt != want_r)
			fail_screen(v, "%s: row %d has U+%04X ... U+%04X, expected U+%04X ... U+%04X",
			    when, r, l, rt, want_l, want_r);
		int w;
		vt_cell(v, r, cols - 2, &w);
		if (w == 2)
			fail_screen(v, "%s: row %d: a double-width char at col %d is cut by the "
			    "border", when, r, cols - 2);
		for (int c = 1; c < cols - 1; c++) {
			uint32_t cp = vt_cell(v, r, c, NULL);
			if (cp == BOX_V || is_right_corner(cp) || is_left_corner(cp))
				fail_screen(v, "%s: stray border U+%04X at row %d col %d", when, cp, r, c);
		}
	}
}

static void test_narrow_borders(void **state)
{
	/* Chinese in titles that get clipped at the border: the article's
	 * title, and the timeline's when filtered by a person. */
	struct table *people = cli_table("--list", "people");
	size_t row = people->n;
	for (size_t i = 0; i < people->n; i++)
		if (strcmp(field(people, i, 0), "zuckerberg") == 0)
			row = i;
	assert_true(row < people->n);
	struct vt *v = start_browser(state, 24, 60, NULL);
	expect_row(v, 0, "1 Timeline");
	press(v, "2");
	char keys[64] = "";
	for (size_t i = 0; i < row; i++)
		strcat(keys, "j");
	press(v, keys);
	press(v, "f");
	press(v, "1");
	expect_text(v, "Timeline: ");
	static const char *const panes[] = { "1", "3", "2" };
	for (size_t p = 0; p < 3; p++) {
		press(v, panes[p]);
		for (int cols = 20; cols <= 36; cols++) {
			char when[64];
			vt_resize(v, 24, cols);
			settle(v);
			snprintf(when, sizeof when, "pane %s at %dx24", panes[p], cols);
			check_narrow_box(v, when);
		}
		vt_resize(v, 24, 60);
		settle(v);
	}
	table_free(people);
}

/* ---- focus ---- */

/* The title's first letter of each pane; focused titles look different. */
static struct vt_attr title_attr(struct vt *v, const char *title)
{
	int r, c;
	if (!vt_find(v, title, &r, &c))
		fail_screen(v, "no pane titled %s", title);
	return vt_cell_attr(v, r, c);
}

static bool same_attr(struct vt_attr a, struct vt_attr b)
{
	return a.bold == b.bold && a.reverse == b.reverse && a.underline == b.underline &&
	       a.fg_default == b.fg_default && a.bg_default == b.bg_default;
}

static void expect_focus(struct vt *v, const char *keys, const char *pane)
{
	static const char *const titles[] = { "Timeline", "People", "Article" };
	char want[64];

	vt_send(v, keys);
	snprintf(want, sizeof want, " %s · ", pane);
	expect_row(v, -1, want);
	settle(v);
	/* The status's right part names one pane only. */
	for (size_t i = 0; i < 3; i++) {
		char other[64];
		snprintf(other, sizeof other, " %s · ", titles[i]);
		if (strcmp(titles[i], pane) != 0 && row_contains(v, -1, other))
			fail_screen(v, "status names %s and %s", pane, titles[i]);
	}
	/* The focused pane's title stands out from the other two. */
	struct vt_attr a[3];
	size_t f = 3;
	for (size_t i = 0; i < 3; i++) {
		a[i] = title_attr(v, titles[i]);
		if (strcmp(titles[i], pane) == 0)
			f = i;
	}
	for (size_t i = 0; i < 3; i++)
		if (i != f && same_attr(a[i], a[f]))
			fail_screen(v, "after %s the focused %s title looks like the %s title",
			    keys, pane, titles[i]);
}

static void test_focus_keys(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	expect_row(v, -1, " Timeline · ");
	expect_focus(v, "\t", "People");
	expect_focus(v, "\t", "Article");
	expect_focus(v, "\t", "Timeline");
	expect_focus(v, "\033[Z", "Article");
	expect_focus(v, "\033[Z", "People");
	expect_focus(v, "\033[Z", "Timeline");
	expect_focus(v, "3", "Article");
	expect_focus(v, "2", "People");
	expect_focus(v, "1", "Timeline");
	expect_focus(v, "2", "People");
	expect_focus(v, "3", "Article");
	expect_focus(v, "1", "Timeline");
}

/* ---- timeline drives the article ---- */

/* The article pane's first text row: row 1, or row 3 under a "§" heading
 * (heading, blank row, text).  Leading gutter marks are dropped. */
static char *article_top_text(struct vt *v)
{
	int lc = left_border_col(v), cols = screen_cols(v);
	for (int row = 1; row <= 3; row += 2) {
		char *s = cells_text(v, row, lc + 2, cols - 1);
		char *p = s;
		for (;;) {
			if (*p == ' ')
				p++;
			else if (strncmp(p, "▌", strlen("▌")) == 0)
				p += strlen("▌");
			else if (strncmp(p, "†", strlen("†")) == 0)
				p += strlen("†");
			else
				break;
		}
		if (strncmp(p, "§", strlen("§")) != 0 || row == 3) {
			char *out = strdup(p);
			free(s);
			assert_non_null(out);
			return out;
		}
		free(s);
	}
	return NULL;
}

static void check_event_selected(struct vt *v, const struct table *events,
    const struct table *paras, size_t k)
{
	char *pid = first_item(field(events, k, EV_PARAS));
	size_t pn = para_number(paras, pid);
	assert_true(pn > 0);
	char want[64];
	snprintf(want, sizeof want, " p%zu/%zu", pn, paras->n);
	expect_row(v, -1, " Timeline · ", want);
	settle(v);

	/* The status names the selected event. */
	char *title = utf8_prefix(field(events, k, EV_TITLE), 20);
	if (!row_contains(v, -1, title))
		fail_screen(v, "status should name event %zu (%s)", k, field(events, k, EV_ID));

	/* The event's row is visible in the timeline, and marked as selected. */
	int lc = left_border_col(v), r, found = -1;
	for (r = 1; r < screen_rows(v) - 1 && found < 0; r++)
		if (vt_cell(v, r, 0, NULL) == BOX_UR)
			break;
		else if (find_in(v, r, 1, lc, title) >= 0)
			found = r;
	if (found < 0)
		fail_screen(v, "event %s (%s) is not in the timeline", field(events, k, EV_ID),
		    title);
	int c = find_in(v, found, 1, lc, title);
	if (!cell_marked(v, found, c))
		fail_screen(v, "the selected event's row %d is not highlighted", found);

	/* The article shows the event's (first) paragraph at its top. */
	const char *text = field(paras, pn - 1, PA_TEXT);
	char *opening = utf8_prefix(text, 8);
	char *top = article_top_text(v);
	if (!top || strncmp(top, opening, strlen(opening)) != 0)
		fail_screen(v, "after selecting %s the article should start with %s's \"%s\", "
		    "shows \"%s\"", field(events, k, EV_ID), pid, opening, top ? top : "");
	free(top);
	free(opening);
	free(title);
	free(pid);
}

static void test_timeline_moves_article(void **state)
{
	struct table *events = cli_table("--list", "events");
	struct table *paras = cli_table("--list", "paragraphs");
	assert_true(events->n > 20);

	/* Two events chosen from the data: an early one whose paragraph is not
	 * the first, and one near the end, below the first screenful. */
	size_t picks[2] = { 0, events->n - 2 };
	for (size_t k = 3; k < events->n; k++) {
		char *p = first_item(field(events, k, EV_PARAS));
		bool ok = *p && strcmp(p, "p1") != 0;
		free(p);
		if (ok) {
			picks[0] = k;
			break;
		}
	}
	assert_true(picks[0] > 0);
	assert_true(*field(events, picks[1], EV_PARAS));

	struct vt *v = start_browser(state, 40, 120, NULL);
	size_t at = 0;
	/* The timeline opens on the event of the article's start: from the
	 * first one down. */
	press(v, "g");
	for (size_t i = 0; i < 2; i++) {
		char keys[128] = "";
		for (; at < picks[i]; at++)
			strcat(keys, "j");
		vt_send(v, keys);
		check_event_selected(v, events, paras, picks[i]);
	}
	/* And back up with k. */
	char keys[128] = "";
	for (; at > picks[0]; at--)
		strcat(keys, "k");
	vt_send(v, keys);
	check_event_selected(v, events, paras, picks[0]);
	table_free(events);
	table_free(paras);
}

/* ---- filter by person ---- */

struct timeline_rows {
	int first, last; /* screen rows inside the timeline box */
};

static struct timeline_rows timeline_box(struct vt *v)
{
	struct timeline_rows t = { 1, 0 };
	for (int r = 1; r < screen_rows(v) - 1; r++)
		if (vt_cell(v, r, 0, NULL) == BOX_UR || vt_cell(v, r, 0, NULL) == BOX_VR) {
			t.last = r - 1;
			return t;
		}
	fail_screen(v, "cannot find the bottom of the timeline box");
}

/* The title text of a timeline row: after the mark column and the date. */
static char *row_title(struct vt *v, int r, int lc)
{
	char *s = cells_text(v, r, 2, lc);
	char *p = s;
	while (*p == ' ')
		p++;
	while (*p && *p != ' ')
		p++; /* the date */
	while (*p == ' ')
		p++;
	char *e = p + strlen(p);
	while (e > p && e[-1] == ' ')
		e--;
	/* A title cut at the pane's edge ends with the mark of the cut:
	 * the rest is a prefix of the title. */
	if (e - p >= 3 && memcmp(e - 3, "\u2026", 3) == 0)
		e -= 3;
	char *out = strndup(p, (size_t)(e - p));
	free(s);
	assert_non_null(out);
	return out;
}

static void check_filtered(struct vt *v, const struct table *events, const char *who,
    const char *name)
{
	size_t n = 0, idx[256];
	for (size_t i = 0; i < events->n && n < 256; i++)
		if (list_has(field(events, i, EV_PERSONS), who))
			idx[n++] = i;
	assert_true(n > 1 && n < events->n);

	char title[128];
	snprintf(title, sizeof title, "Timeline: %s (%zu)", name, n);
	expect_text(v, title);
	settle(v);
	int lc = left_border_col(v), r, c;
	if (!vt_find(v, title, &r, &c) || r != 0 || c >= lc)
		fail_screen(v, "%s should title the timeline pane", title);

	/* Row i of the timeline is the i-th of the person's events, in date
	 * order; the rows after them are empty. */
	struct timeline_rows box = timeline_box(v);
	size_t shown = 0;
	for (r = box.first; r <= box.last; r++) {
		char *t = row_title(v, r, lc);
		if (shown < n && (int)shown <= box.last - box.first) {
			const char *full = field(events, idx[shown], EV_TITLE);
			if (!*t || strncmp(full, t, strlen(t)) != 0)
				fail_screen(v, "filtered timeline row %d is \"%s\", expected %s's "
				    "event %s \"%s\"", r, t, who, field(events, idx[shown], EV_ID), full);
			shown++;
		} else if (*t) {
			fail_screen(v, "timeline row %d (\"%s\") is not one of %s's %zu events",
			    r, t, who, n);
		}
		free(t);
	}
	int h = box.last - box.first + 1;
	assert_int_equal(shown, n < (size_t)h ? n : (size_t)h);
}

static void check_unfiltered(struct vt *v, const struct table *events)
{
	char title[64];
	snprintf(title, sizeof title, "Timeline (%zu)", events->n);
	expect_text(v, title);
	expect_gone(v, "Timeline: ");
	settle(v);
	int lc = left_border_col(v);
	struct timeline_rows box = timeline_box(v);
	/* The full list is back: its first rows are the first events. */
	for (int r = box.first; r <= box.last && r < box.first + 3; r++) {
		char *t = row_title(v, r, lc);
		const char *full = field(events, (size_t)(r - box.first), EV_TITLE);
		if (!*t || strncmp(full, t, strlen(t)) != 0)
			fail_screen(v, "unfiltered timeline row %d is \"%s\", not \"%s\"", r, t, full);
		free(t);
	}
}

static void test_filter_by_person(void **state)
{
	struct table *events = cli_table("--list", "events");
	struct table *people = cli_table("--list", "people");
	const char *who = "zuckerberg";
	size_t row = people->n;
	for (size_t i = 0; i < people->n; i++)
		if (strcmp(field(people, i, 0), who) == 0)
			row = i;
	assert_true(row < people->n);
	const char *name = field(people, row, 1);
	assert_string_equal(name, "马克·扎克伯格");

	struct vt *v = start_browser(state, 40, 120, NULL);
	press(v, "2");
	char keys[64] = "";
	for (size_t i = 0; i < row; i++)
		strcat(keys, "j");
	vt_send(v, keys);
	char want[128];
	snprintf(want, sizeof want, " People · %s", name);
	expect_row(v, -1, want);
	settle(v);

	press(v, "f");
	check_filtered(v, events, who, name);
	press(v, "f");
	check_unfiltered(v, events);

	press(v, "f");
	check_filtered(v, events, who, name);
	press(v, "\033");
	check_unfiltered(v, events);
	table_free(events);
	table_free(people);
}

/* ---- overlays ---- */

/* The overlay titled `title` is a box; the panes' wide characters under
 * its edges are repaired, not cut: no width-2 char runs into its left
 * border, no lone right half sits after its right border. */
static void check_overlay_edges(struct vt *v, const char *title)
{
	int top, c;
	if (!vt_find(v, title, &top, &c))
		fail_screen(v, "no overlay titled %s", title);
	int left = c - 1;
	while (left >= 0 && vt_cell(v, top, left, NULL) != BOX_DR)
		left--;
	int right = c;
	while (right < screen_cols(v) && vt_cell(v, top, right, NULL) != BOX_DL)
		right++;
	if (left < 0 || right >= screen_cols(v))
		fail_screen(v, "the %s overlay has no corners on row %d", title, top);
	int bottom = top + 1;
	while (bottom < screen_rows(v) && vt_cell(v, bottom, left, NULL) == BOX_V)
		bottom++;
	if (bottom >= screen_rows(v) || vt_cell(v, bottom, left, NULL) != BOX_UR ||
	    vt_cell(v, bottom, right, NULL) != BOX_UL)
		fail_screen(v, "the %s overlay's box is not closed (cols %d-%d)", title, left, right);
	for (int r = top; r <= bottom; r++) {
		int w;
		uint32_t cp = vt_cell(v, r, right, NULL);
		uint32_t want = r == top ? BOX_DL : r == bottom ? BOX_UL : BOX_V;
		if (cp != want)
			fail_screen(v, "the %s overlay's right edge is broken on row %d (U+%04X)",
			    title, r, cp);
		if (left > 0) {
			vt_cell(v, r, left - 1, &w);
			if (w == 2)
				fail_screen(v, "row %d: a wide char at col %d runs under the overlay's "
				    "left edge", r, left - 1);
		}
		if (right + 1 < screen_cols(v)) {
			cp = vt_cell(v, r, right + 1, &w);
			if (w == 0)
				fail_screen(v, "row %d: the right half of a wide char is left alone at "
				    "col %d, after the overlay's right edge", r, right + 1);
		}
	}
}

static void test_help_overlay(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	char **before = screen_copy(v);

	vt_send(v, "?");
	expect_text(v, "search everything");
	settle(v);
	/* It lists the keys with their help: a few of the key table's rows. */
	const char *keys[][2] = { { "Tab", "next pane" }, { "q", "quit" }, { "/", "search" },
		/* Keys with the same action share a row. */
		{ "j, Down", "move down" }, { "PgDn, Space, C-f", "page down" } };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		int r, c;
		if (!vt_find(v, keys[i][1], &r, &c))
			fail_screen(v, "help does not explain %s (\"%s\")", keys[i][0], keys[i][1]);
		if (find_in(v, r, 0, c, keys[i][0]) < 0)
			fail_screen(v, "help row %d explains \"%s\" without naming the key %s",
			    r, keys[i][1], keys[i][0]);
	}

	check_overlay_edges(v, "Keys");

	/* q closes the overlay, it does not quit. */
	vt_send(v, "q");
	expect_gone(v, "search everything");
	settle(v);
	if (!vt_alive(v))
		fail_screen(v, "q in the help overlay quit the program");
	for (int r = 0; r < screen_rows(v); r++) {
		char *now = row_text(v, r);
		if (strcmp(now, before[r]) != 0)
			fail_screen(v, "row %d differs after closing help:\nwas: %s\nnow: %s",
			    r, before[r], now);
		free(now);
	}

	vt_send(v, "?");
	expect_text(v, "search everything");
	settle(v);
	vt_send(v, "\033");
	expect_gone(v, "search everything");
	settle(v);
	assert_true(vt_alive(v));
	expect_text(v, "Timeline (");
	screen_free(before, screen_rows(v));
}

static void test_help_over_chinese(void **state)
{
	/* The article's Chinese under both edges, at a few widths and scroll
	 * positions, so wide chars straddle them. */
	struct vt *v = start_browser(state, 40, 121, NULL);
	static const int widths[] = { 121, 118, 117, 110, 101 };
	press(v, "3");
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		vt_resize(v, 40, widths[i]);
		settle(v);
		for (int page = 0; page < 2; page++) {
			vt_send(v, "?");
			expect_text(v, "search everything");
			settle(v);
			check_overlay_edges(v, "Keys");
			vt_send(v, "\033");
			expect_gone(v, "search everything");
			press(v, " ");
		}
	}
}

/* Text: of the Event record with this Id in the data file, malloc'd. */
static char *event_text(const char *id)
{
	FILE *f = fopen(data_path(), "r");
	assert_non_null(f);
	char line[8192];
	bool in_event = false, in_record = false;
	char *text = NULL;
	while (!text && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "%rec:", 5) == 0) {
			const char *t = line + 5;
			while (*t == ' ')
				t++;
			in_event = strcmp(t, "Event") == 0;
			in_record = false;
		} else if (!*line) {
			in_record = false;
		} else if (in_event && strncmp(line, "Id:", 3) == 0) {
			const char *t = line + 3;
			while (*t == ' ')
				t++;
			in_record = strcmp(t, id) == 0;
		} else if (in_record && strncmp(line, "Text:", 5) == 0) {
			const char *t = line + 5;
			while (*t == ' ')
				t++;
			text = strdup(t);
		}
	}
	fclose(f);
	assert_non_null(text);
	return text;
}

/* The popup row labelled `label` holds `value`'s start. */
static void expect_labelled(struct vt *v, const char *label, const char *value)
{
	for (int r = 0; r < screen_rows(v); r++) {
		int c = find_in(v, r, 0, screen_cols(v), label);
		if (c < 0)
			continue;
		int vc = find_in(v, r, c + (int)strlen(label), screen_cols(v), value);
		if (vc > c)
			return;
	}
	fail_screen(v, "no popup row shows %s \"%s\"", label, value);
}

static void test_details_popup(void **state)
{
	struct table *events = cli_table("--list", "events");
	const size_t k = 2;
	struct vt *v = start_browser(state, 40, 120, NULL);
	press(v, "gjj");
	char *title = utf8_prefix(field(events, k, EV_TITLE), 20);
	expect_row(v, -1, " Timeline · ", title);

	vt_send(v, "\r");
	expect_text(v, "Details");
	settle(v);
	expect_labelled(v, "When", field(events, k, EV_WHEN));
	char *text = event_text(field(events, k, EV_ID));
	char *start = utf8_prefix(text, 24);
	expect_labelled(v, "Text", start);
	expect_labelled(v, "Title", title);

	vt_send(v, "\033");
	expect_gone(v, "Details");
	settle(v);
	assert_true(vt_alive(v));
	expect_text(v, "Timeline (");
	expect_row(v, -1, " Timeline · ", title);
	free(start);
	free(text);
	free(title);
	table_free(events);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_start_screen, teardown_vt),
		cmocka_unit_test_teardown(test_borders, teardown_vt),
		cmocka_unit_test_teardown(test_narrow_borders, teardown_vt),
		cmocka_unit_test_teardown(test_focus_keys, teardown_vt),
		cmocka_unit_test_teardown(test_timeline_moves_article, teardown_vt),
		cmocka_unit_test_teardown(test_filter_by_person, teardown_vt),
		cmocka_unit_test_teardown(test_help_overlay, teardown_vt),
		cmocka_unit_test_teardown(test_help_over_chinese, teardown_vt),
		cmocka_unit_test_teardown(test_details_popup, teardown_vt),
	};
	return cmocka_run_group_tests_name("three-pane browser", tests, NULL, NULL);
}
