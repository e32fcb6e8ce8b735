/* Terminal torture: what a user's terminal can throw at dossier in a few
 * seconds.  Hundreds of resizes from 1x1 to 300x100 while scrolling and
 * searching, a burst of 10 000 keys, mouse events at every corner and off
 * the screen, SIGWINCH in the search prompt, SIGTERM and SIGINT in the
 * middle of drawing, and odd locales and terminal types (SIGTSTP and
 * SIGCONT need a job-control shell: test-terminal has them).
 * After each: dossier is alive and draws the right screen, or ended
 * cleanly, and the tty is back in cooked mode with the normal screen. */
#include <config.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "dossier-e2e.h"

/* A fixed sequence, so a failure can be replayed. */
static unsigned long rng_state = 20230912;

static unsigned
rng(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

static void
expect_alive(struct vt *v, const char *when)
{
	vt_pump(v, 0);
	if (!vt_alive(v))
		fail_screen(v, "dossier died %s", when);
}

/* Back to 120x40 and a settled screen: the full view, borders in place. */
static void
expect_recovers(struct vt *v, const char *when)
{
	vt_resize(v, 40, 120);
	vt_send(v, "\033");      /* leave a prompt or overlay the storm opened */
	settle(v);
	vt_send(v, "\033");
	settle(v);
	expect_alive(v, when);
	expect_full_view(v, when);
}

/* Keys that browse without leaving: moves, pages, panes, search steps. */
static const char *const browse_keys[] = {
	"j", "k", " ", "b", "g", "G", "\t", "1", "2", "3", "n", "N", "o", "f",
	"\033OA", "\033OB", "\033[5~", "\033[6~", "\r", "\033", "?", "\033",
};
#define NBROWSE (sizeof browse_keys / sizeof *browse_keys)

static void
test_resize_storm(void **state)
{
	struct vt *v = start_browser(state, 100, 300, NULL);

	for (int i = 0; i < 200; i++) {
		int rows = 1 + (int)rng(100), cols = 1 + (int)rng(300);
		if (i % 20 == 0)
			rows = cols = 1;
		vt_resize_pty(v, rows, cols);
		/* Scroll and search between resizes, never waiting for a frame. */
		switch (i % 4) {
		case 0: vt_send(v, browse_keys[rng(NBROWSE)]); break;
		case 1: vt_send(v, i % 8 == 1 ? "/lla" : "ma\r"); break;
		case 2: vt_send(v, "3 "); break;
		default: vt_send(v, "n"); break;
		}
		vt_pump(v, 0);
		if (!vt_alive(v))
			fail_screen(v, "dossier died at resize %d (%dx%d)", i, cols, rows);
	}
	expect_recovers(v, "after 200 resizes");
	expect_clean_quit(v, "after 200 resizes");
}

static void
test_key_burst(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	char *burst = malloc(10000 * 8);
	size_t len = 0;

	assert_non_null(burst);
	/* 10 000 keys in one write: browsing keys, with searches typed in
	 * the prompt (Latin and Chinese) now and then. */
	for (int i = 0; i < 10000; i++) {
		const char *k = browse_keys[rng(NBROWSE)];
		if (i % 500 == 250)
			k = "/扎";
		else if (i % 500 == 251)
			k = "克\r";
		size_t n = strlen(k);
		memcpy(burst + len, k, n);
		len += n;
	}
	vt_send_n(v, burst, len);
	free(burst);
	if (!vt_wait_idle(v, 300, 60000))
		fail_screen(v, "dossier never went quiet after 10 000 keys");
	expect_alive(v, "after a burst of 10 000 keys");
	expect_recovers(v, "after a burst of 10 000 keys");
	expect_clean_quit(v, "after a burst of 10 000 keys");
}

/* An SGR (1006) mouse report: button b at 1-based (x, y), press or release. */
static void
send_mouse(struct vt *v, int b, int x, int y, bool press)
{
	char buf[64];

	snprintf(buf, sizeof buf, "\033[<%d;%d;%d%c", b, x, y, press ? 'M' : 'm');
	vt_send(v, buf);
}

static void
mouse_everywhere(struct vt *v, int rows, int cols)
{
	const int xs[] = { 1, 2, cols / 2, cols - 1, cols, cols + 1, 999 };
	const int ys[] = { 1, 2, rows / 2, rows - 1, rows, rows + 1, 999 };
	const int buttons[] = { 0, 2, 64, 65 };

	/* A column of events at a time, read before the next: more than the
	 * pty's buffer holds would be written in parts, and a sequence cut
	 * for longer than ESCDELAY on a loaded machine reaches the program
	 * as keys (its final m a mark waiting for the q of the test), as it
	 * would from a real terminal that slow. */
	for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
		for (size_t j = 0; j < sizeof ys / sizeof *ys; j++)
			for (size_t b = 0; b < sizeof buttons / sizeof *buttons; b++) {
				send_mouse(v, buttons[b], xs[i], ys[j], true);
				if (buttons[b] < 64)
					send_mouse(v, buttons[b], xs[i], ys[j], false);
			}
		settle(v);
	}
	expect_alive(v, "after mouse events at the corners");
}

static void
test_mouse_corners(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);

	mouse_everywhere(v, 40, 120);
	vt_resize(v, 20, 60);           /* narrow: the tab bar takes clicks */
	settle(v);
	mouse_everywhere(v, 20, 60);
	vt_resize(v, 3, 10);            /* too small: clicks are ignored */
	settle(v);
	mouse_everywhere(v, 3, 10);
	press(v, "?");                  /* an overlay open under the clicks */
	mouse_everywhere(v, 3, 10);
	expect_recovers(v, "after mouse events");
	/* A click on the article focuses it: the status line says so. */
	send_mouse(v, 0, 100, 10, true);
	send_mouse(v, 0, 100, 10, false);
	expect_row(v, -1, "Article");
	expect_clean_quit(v, "after mouse events");
}

/* The prompt and its query survive a resize, and typing goes on. */
static void
test_winch_in_prompt(void **state)
{
	struct vt *v = start_browser(state, 40, 160, NULL);
	size_t n = search_count("LLaMA");
	char want[64];

	assert_true(n > 0);
	/* The first event: the search starts at the first hit, an event whose
	 * title 160 columns show whole (narrower, it opens its details). */
	press(v, "g");
	press(v, "/LL");
	vt_resize(v, 20, 60);
	settle(v);
	expect_row(v, -1, "/LL");
	vt_resize(v, 2, 5);
	settle(v);
	vt_resize(v, 40, 160);
	settle(v);
	press(v, "aMA");
	snprintf(want, sizeof want, "hit 1/%zu", n);
	expect_row(v, -1, "/LLaMA", want);
	press(v, "\r");
	expect_row(v, -1, want);
	expect_full_view(v, "after resizes in the prompt");
	expect_clean_quit(v, "after resizes in the prompt");
}

/* A signal that arrives while a frame is being written ends dossier with
 * the signal's status, and the terminal is restored all the same. */
static void
signal_while_drawing(void **state, int sig)
{
	for (int round = 0; round < 5; round++) {
		struct vt *v = start_browser(state, 100, 300, NULL);
		/* Many frames queued: the signal lands in the middle of one. */
		for (int i = 0; i < 50; i++) {
			vt_resize_pty(v, 10 + (int)rng(60), 20 + (int)rng(200));
			vt_send(v, "3 /meta\r n");
		}
		vt_kill(v, sig);
		expect_signal_end(v, sig, "a signal while drawing");
		teardown_vt(state);
	}
}

static void
test_sigterm_while_drawing(void **state)
{
	signal_while_drawing(state, SIGTERM);
}

static void
test_sigint_while_drawing(void **state)
{
	signal_while_drawing(state, SIGINT);
}

/* Locales and terminal types: each either shows the full view or exits
 * with a message saying why; none crashes or leaves the tty raw. */
static void
locale_or_term(void **state, char *const env[], bool must_work)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)data_path(), NULL };
	char *full_env[8] = { (char *)"NO_COLOR", (char *)"DOSSIER_FILE" };
	size_t n = 2;
	for (size_t i = 0; env[i] && n < 7; i++)
		full_env[n++] = env[i];
	full_env[n] = NULL;
	struct vt *v = vt_spawn(argv, full_env, 40, 120);
	assert_non_null(v);
	*state = v;

	/* The first frame, or the message of a refusal. */
	vt_wait_text(v, "Timeline", PATIENCE_MS);
	vt_wait_idle(v, QUIET_MS, PATIENCE_MS);
	if (vt_alive(v) && vt_find(v, "Timeline", NULL, NULL)) {
		expect_full_view(v, env[0]);
		press(v, "/扎克\r");
		expect_alive(v, env[0]);
		expect_clean_quit(v, env[0]);
		return;
	}
	if (must_work)
		fail_screen(v, "%s: no full view", env[0]);
	int st = vt_wait_exit(v, PATIENCE_MS);
	if (st == -1)
		fail_screen(v, "%s: neither a screen nor an exit", env[0]);
	if (!WIFEXITED(st) || WEXITSTATUS(st) == 0)
		fail_screen(v, "%s: should exit non-zero with a message (waitpid status 0x%x)",
		    env[0], st);
	if (!vt_find(v, "dossier:", NULL, NULL))
		fail_screen(v, "%s: exited without saying why", env[0]);
	expect_cooked(v, env[0]);
}

static void
test_lang_c(void **state)
{
	char *env[] = { (char *)"LANG=C", (char *)"LC_ALL", (char *)"LC_CTYPE", NULL };
	locale_or_term(state, env, true);
}

static void
test_c_utf8(void **state)
{
	char *env[] = { (char *)"LC_ALL=C.UTF-8", NULL };
	locale_or_term(state, env, true);
}

static void
test_term_vt100(void **state)
{
	char *env[] = { (char *)"TERM=vt100", NULL };
	locale_or_term(state, env, true);
}

static void
test_term_screen(void **state)
{
	char *env[] = { (char *)"TERM=screen", NULL };
	locale_or_term(state, env, true);
}

static void
test_term_dumb(void **state)
{
	char *env[] = { (char *)"TERM=dumb", NULL };
	locale_or_term(state, env, false);
}

static void
test_term_unset(void **state)
{
	char *env[] = { (char *)"TERM", NULL };
	locale_or_term(state, env, false);
}

static void
test_term_unknown(void **state)
{
	char *env[] = { (char *)"TERM=no-such-terminal-type", NULL };
	locale_or_term(state, env, false);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_resize_storm, teardown_vt),
		cmocka_unit_test_teardown(test_key_burst, teardown_vt),
		cmocka_unit_test_teardown(test_mouse_corners, teardown_vt),
		cmocka_unit_test_teardown(test_winch_in_prompt, teardown_vt),
		cmocka_unit_test_teardown(test_sigterm_while_drawing, teardown_vt),
		cmocka_unit_test_teardown(test_sigint_while_drawing, teardown_vt),
		cmocka_unit_test_teardown(test_lang_c, teardown_vt),
		cmocka_unit_test_teardown(test_c_utf8, teardown_vt),
		cmocka_unit_test_teardown(test_term_vt100, teardown_vt),
		cmocka_unit_test_teardown(test_term_screen, teardown_vt),
		cmocka_unit_test_teardown(test_term_dumb, teardown_vt),
		cmocka_unit_test_teardown(test_term_unset, teardown_vt),
		cmocka_unit_test_teardown(test_term_unknown, teardown_vt),
	};

	return cmocka_run_group_tests_name("torture", tests, NULL, NULL);
}
