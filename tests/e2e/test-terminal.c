/* End-to-end tests of dossier's dealings with the terminal: resizing down
 * to nothing and back, the size thresholds of the layouts, overlays on
 * small terminals, quitting, signals (SIGTERM, SIGHUP, ^C, ^Z), and
 * NO_COLOR. */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cmocka.h>

#include "dossier-e2e.h"

/* ---- resize ---- */

static void test_resize(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	expect_full_view(v, "120x40");

	/* Narrow: a tab bar on top, one pane below it, the status line. */
	vt_resize(v, 20, 60);
	expect_row(v, 0, "1 Timeline", "2 People", "3 Article");
	settle(v);
	if (!vt_alive(v))
		fail_screen(v, "dossier died resizing to 60x20");
	int r, c;
	if (!vt_find(v, "Timeline (", &r, &c) || r != 1)
		fail_screen(v, "60x20: the focused Timeline pane should be under the tab bar");
	if (vt_find(v, "People (", NULL, NULL) || vt_find(v, "Article:", NULL, NULL))
		fail_screen(v, "60x20: the narrow view shows more than one pane");
	for (r = 1; r < 19; r++) {
		uint32_t cp = vt_cell(v, r, 59, NULL);
		if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL)
			fail_screen(v, "60x20: row %d has no right border in column 59", r);
	}
	expect_row(v, -1, " Timeline · ");
	/* A number key shows another pane. */
	vt_send(v, "2");
	expect_row(v, 1, "People (");
	expect_gone(v, "Timeline (");
	settle(v);
	vt_send(v, "1");
	expect_row(v, 1, "Timeline (");
	settle(v);

	/* Too small for anything: a notice, wrapped to the width. */
	vt_resize(v, 3, 10);
	expect_text(v, "dossier:");
	settle(v);
	if (!vt_alive(v))
		fail_screen(v, "dossier died resizing to 10x3");
	char *row0 = cells_text(v, 0, 0, 10), *row1 = cells_text(v, 1, 0, 10);
	if (strcmp(row0, "dossier:  ") != 0 || strcmp(row1, "terminal  ") != 0)
		fail_screen(v, "10x3: rows 0 and 1 are \"%s\" \"%s\", not the wrapped notice",
		    row0, row1);
	free(row0);
	free(row1);
	/* Keys are harmless here. */
	press(v, "jG\t");
	if (!vt_alive(v))
		fail_screen(v, "dossier died on keys at 10x3");

	/* And everything comes back. */
	vt_resize(v, 40, 120);
	expect_text(v, "People (");
	expect_full_view(v, "back at 120x40");
	if (!vt_alive(v))
		fail_screen(v, "dossier died resizing back to 120x40");
	expect_row(v, -1, " Timeline · ");
}

enum mode { FULL, NARROW, TOO_SMALL };
static const char *const mode_names[] = { "full view", "narrow view", "too-small notice" };

static enum mode screen_mode(struct vt *v)
{
	if (row_contains(v, 0, "dossier:"))
		return TOO_SMALL;
	/* Every tab keeps its number and the start of its name. */
	if (row_contains(v, 0, "1 Ti") && row_contains(v, 0, "2 Pe") && row_contains(v, 0, "3 Ar"))
		return NARROW;
	if (row_contains(v, 0, "Timeline") && row_contains(v, 0, "Article"))
		return FULL;
	fail_screen(v, "neither full view, narrow view nor the too-small notice");
}

/* The thresholds: full view from 80x12, narrow from 20x5, a notice below. */
static void test_layout_thresholds(void **state)
{
	static const struct {
		int rows, cols;
		enum mode mode;
	} sizes[] = {
		{ 12, 80, FULL }, { 11, 80, NARROW }, { 12, 79, NARROW }, { 5, 20, NARROW },
		{ 5, 19, TOO_SMALL }, { 4, 20, TOO_SMALL }, { 24, 80, FULL }, { 4, 200, TOO_SMALL },
		{ 60, 19, TOO_SMALL }, { 60, 79, NARROW }, { 11, 200, NARROW }, { 12, 80, FULL },
	};
	struct vt *v = start_browser(state, 24, 100, NULL);
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		vt_resize(v, sizes[i].rows, sizes[i].cols);
		settle(v);
		if (!vt_alive(v))
			fail_screen(v, "dossier died resizing to %dx%d", sizes[i].cols, sizes[i].rows);
		enum mode m = screen_mode(v);
		if (m != sizes[i].mode)
			fail_screen(v, "%dx%d shows the %s, expected the %s", sizes[i].cols,
			    sizes[i].rows, mode_names[m], mode_names[sizes[i].mode]);
		if (m == FULL)
			expect_full_view(v, "threshold");
	}
}

/* An overlay that cannot be drawn must not swallow keys unseen: after ? or
 * Enter on a small terminal, either the overlay shows, or q still quits. */
static void overlay_or_quit(void **state, int rows, int cols, const char *key)
{
	struct vt *v = start_browser(state, rows, cols, NULL);
	vt_send(v, key);
	settle(v);
	bool shown = vt_find(v, "Keys", NULL, NULL) || vt_find(v, "Details", NULL, NULL) ||
		     vt_find(v, "(q or Esc", NULL, NULL);
	if (shown) {
		vt_send(v, "\033");
		settle(v);
		if (vt_find(v, "(q or Esc", NULL, NULL))
			fail_screen(v, "Esc did not close the overlay");
	}
	vt_send(v, "q");
	int st = vt_wait_exit(v, 1500);
	if (st == -1)
		fail_screen(v, "at %dx%d, %s opened no visible overlay, yet q no longer quits: "
		    "an invisible overlay is eating the keys", cols, rows,
		    strcmp(key, "?") == 0 ? "?" : "Enter");
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail_screen(v, "q should exit with status 0 (waitpid status 0x%x)", st);
}

static void test_help_on_small_terminal(void **state)
{
	overlay_or_quit(state, 10, 22, "?");
}

static void test_details_on_small_terminal(void **state)
{
	overlay_or_quit(state, 10, 22, "\r");
}

static void test_help_on_short_terminal(void **state)
{
	overlay_or_quit(state, 5, 100, "?");
}

/* ---- leaving ---- */

static void test_quit(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	if (!vt_altscreen(v))
		fail_screen(v, "the browser should run on the alternate screen");
	press(v, "j");
	expect_clean_quit(v, "after q");
}

/* A signal (sent with kill, or typed as ^C) ends dossier with the signal's
 * status, the terminal restored. */
static void quit_by_signal(void **state, int sig, const char *typed)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	press(v, "3 ");
	if (typed)
		vt_send(v, typed);
	else
		vt_kill(v, sig);
	expect_signal_end(v, sig, "after the signal");
}

static void test_sigterm(void **state)
{
	quit_by_signal(state, SIGTERM, NULL);
}

static void test_sighup(void **state)
{
	quit_by_signal(state, SIGHUP, NULL);
}

static void test_ctrl_c(void **state)
{
	quit_by_signal(state, SIGINT, "\x03");
}

/* A shell loop around dossier stops on Ctrl-C: dossier restores the
 * terminal and dies of SIGINT, and the shell, which got the SIGINT too,
 * stops the loop and dies of it as well.  After exit(130) instead, bash
 * would take the signal as handled and start dossier again. */
static void test_ctrl_c_stops_a_loop(void **state)
{
	if (access("/bin/bash", X_OK) != 0)
		skip();
	char *argv[] = { (char *)"/bin/bash", (char *)"-c",
		(char *)"while :; do \"$0\" -f \"$1\"; echo \"AGAIN=$?\"; done",
		(char *)dossier_path(), (char *)data_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 40, 120);
	assert_non_null(v);
	*state = v;
	expect_text(v, "Timeline (");
	settle(v);
	vt_send(v, "\x03");
	int st = vt_wait_exit(v, PATIENCE_MS);
	if (st == -1)
		fail_screen(v, "the loop went on after Ctrl-C%s",
		    vt_find(v, "AGAIN=", NULL, NULL) ? " (dossier exited normally)" : "");
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGINT)
		fail_screen(v, "the shell should die of SIGINT (waitpid status 0x%x)", st);
	if (vt_find(v, "AGAIN=", NULL, NULL))
		fail_screen(v, "dossier was started again after Ctrl-C");
	expect_cooked(v, "after the loop");
	if (vt_altscreen(v))
		fail_screen(v, "still on the alternate screen after Ctrl-C");
}

/* A crash (SIGSEGV, SIGABRT sent with kill) restores the terminal from
 * the signal handler with the running terminal's terminfo strings
 * (xterm-256color's rmcup also restores the title, \e[23;0;0t, which no
 * hard-coded reset did), then dies of the signal. */
static void crash(void **state, int sig)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	size_t before, len;
	press(v, "3 ");
	vt_raw(v, &before);
	vt_kill(v, sig);
	int st = vt_wait_exit(v, PATIENCE_MS);
	if (st == -1)
		fail_screen(v, "signal %d did not end dossier", sig);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
		fail_screen(v, "dossier should die of signal %d (waitpid status 0x%x)", sig, st);
	const char *raw = vt_raw(v, &len);
	/* The terminal's strings, in the order endwin would send them. */
	static const char *const want[] = {
		"\033(B\033[m",                 /* sgr0 */
		"\033[?1006;1000l",             /* XM with 0: the mouse off */
		"\033[?2004l",                  /* BD: bracketed paste off */
		"\033[?1l\033>",                /* rmkx */
		"\033[?1049l\033[23;0;0t",       /* rmcup */
		"\033[?12l\033[?25h",            /* cnorm */
	};
	const char *at = raw + before, *end = raw + len;
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const char *p = memmem(at, (size_t)(end - at), want[i], strlen(want[i]));
		if (!p)
			fail_screen(v, "after signal %d the reset lacks string %zu of the terminal "
			    "(or has it out of order)", sig, i);
		at = p + strlen(want[i]);
	}
	expect_cooked(v, "after the crash");
	if (vt_altscreen(v))
		fail_screen(v, "still on the alternate screen after signal %d", sig);
	bool visible;
	vt_cursor(v, NULL, NULL, &visible);
	if (!visible)
		fail_screen(v, "the cursor is left hidden after signal %d", sig);
}

static void test_crash_segv(void **state)
{
	crash(state, SIGSEGV);
}

static void test_crash_abort(void **state)
{
	crash(state, SIGABRT);
}

/* ---- Ctrl-Z ---- */

/* A child of ppid whose command is comm (any if NULL), from /proc; -1. */
static pid_t find_child(pid_t ppid, const char *comm)
{
	DIR *d = opendir("/proc");
	pid_t found = -1;
	struct dirent *e;
	if (!d)
		return -1;
	while (found < 0 && (e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		char path[300], buf[1024];
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[n] = '\0';
		char *open = strchr(buf, '('), *close = strrchr(buf, ')');
		if (!open || !close || close < open)
			continue;
		int pp;
		char st;
		if (sscanf(close + 1, " %c %d", &st, &pp) != 2 || pp != ppid)
			continue;
		if (comm && ((size_t)(close - open - 1) != strlen(comm) ||
				strncmp(open + 1, comm, strlen(comm)) != 0))
			continue;
		found = (pid_t)atol(e->d_name);
	}
	closedir(d);
	return found;
}

/* The state letter of /proc/PID/stat (R, S, T ...), 0 if gone. */
static char proc_state(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *close = strrchr(buf, ')'), st = 0;
	if (!close || sscanf(close + 1, " %c", &st) != 1)
		return 0;
	return st;
}

static pid_t stopped_dossier = -1;

static int teardown_tstp(void **state)
{
	int rc = teardown_vt(state);
	/* Killing the shell hangs dossier up too, but a test that failed with
	 * dossier stopped must not leave it behind in any case. */
	if (stopped_dossier > 0) {
		char st = proc_state(stopped_dossier);
		if (st && st != 'Z')
			kill(stopped_dossier, SIGKILL);
	}
	stopped_dossier = -1;
	return rc;
}

/* Job control needs a shell: in the pty alone, dossier would be a session
 * leader in an orphaned process group, where the kernel discards SIGTSTP.
 * `set -m` gives dossier a foreground job of its own, as a login shell
 * does; the shell reports the stop and later resumes it with fg. */
/* The last bracketed paste mode the program set: 'h' on, 'l' off, 0. */
static char paste_mode(struct vt *v)
{
	size_t len;
	const char *raw = vt_raw(v, &len);
	for (size_t i = len; i-- >= 8;)
		if (memcmp(raw + i - 7, "\033[?2004", 7) == 0 && (raw[i] == 'h' || raw[i] == 'l'))
			return raw[i];
	return 0;
}

/* Suspended by ^Z typed, or by SIGTSTP sent with kill (typed NULL). */
static void suspend_resume(void **state, const char *typed)
{
	if (access("/proc/self/stat", R_OK) != 0)
		skip(); /* no way to see that dossier is stopped */
	char *argv[] = { (char *)"/bin/sh", (char *)"-c",
		(char *)"set -m; \"$0\" -f \"$1\"; echo \"STOPPED=$?\"; read x; fg; echo \"DONE=$?\"",
		(char *)dossier_path(), (char *)data_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 40, 120);
	assert_non_null(v);
	*state = v;
	expect_text(v, "Timeline (");
	settle(v);
	pid_t sh = find_child(getpid(), "sh");
	pid_t pid = sh > 0 ? find_child(sh, "dossier") : -1;
	if (pid <= 0)
		fail_screen(v, "cannot find dossier's pid under the shell (/proc)");
	stopped_dossier = pid;

	/* ncurses ignores SIGTSTP while it writes a frame (so that a stop
	 * never cuts an escape sequence); like a user, try again. */
	bool stopped = false;
	for (int tries = 0; tries < 10 && !stopped; tries++) {
		if (typed)
			vt_send(v, typed);
		else
			kill(pid, SIGTSTP);
		stopped = vt_wait_text(v, "STOPPED=", PATIENCE_MS / 10);
	}
	char want[32];
	snprintf(want, sizeof want, "STOPPED=%d", 128 + SIGTSTP);
	if (!stopped)
		fail_screen(v, "%s did not suspend dossier (process state %c)",
		    typed ? "Ctrl-Z" : "SIGTSTP",
		    proc_state(pid));
	settle(v);
	if (!vt_find(v, want, NULL, NULL))
		fail_screen(v, "the shell saw dossier end rather than stop (want %s)", want);
	if (proc_state(pid) != 'T')
		fail_screen(v, "dossier (pid %ld) is in state %c, not stopped (T)", (long)pid,
		    proc_state(pid));
	if (vt_altscreen(v))
		fail_screen(v, "suspended dossier left the alternate screen on");
	expect_cooked(v, "while suspended");
	if (paste_mode(v) == 'h')
		fail_screen(v, "bracketed paste is left on while suspended");

	/* fg: it comes back, redrawn, and still answers keys. */
	vt_send(v, "\r");
	expect_text(v, "Timeline (");
	expect_text(v, "People (");
	settle(v);
	if (!vt_altscreen(v))
		fail_screen(v, "resumed dossier is not on the alternate screen");
	if (proc_state(pid) == 'T')
		fail_screen(v, "dossier is still stopped after fg");
	if (paste_mode(v) != 'h')
		fail_screen(v, "bracketed paste is not back on after fg");
	vt_send(v, "2");
	expect_row(v, -1, " People · ");
	vt_send(v, "q");
	expect_text(v, "DONE=0");
	stopped_dossier = -1;
	int st = vt_wait_exit(v, PATIENCE_MS);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail_screen(v, "the shell did not finish cleanly (status 0x%x)", st);
}

static void test_ctrl_z(void **state)
{
	suspend_resume(state, "\x1a");
}

static void test_sigtstp(void **state)
{
	suspend_resume(state, NULL);
}

/* ---- NO_COLOR ---- */

/* The first SGR sequence in out that sets a colour (foreground,
 * background or underline; 16, 256 or direct colours, ';' or ':'
 * separated), copied into what; false if there is none.  39 and 49 only
 * go back to the default colours and are allowed. */
static bool find_colour_sgr(const char *out, size_t len, char *what, size_t size)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (out[i] != '\033' || out[i + 1] != '[')
			continue;
		size_t p = i + 2, q = p;
		while (q < len && out[q] >= 0x30 && out[q] <= 0x3F)
			q++;
		size_t params_end = q;
		while (q < len && out[q] >= 0x20 && out[q] <= 0x2F)
			q++;
		if (q >= len)
			break;
		if (out[q] != 'm' || params_end != q || (p < params_end && strchr("<=>?", out[p])))
			continue;
		/* Walk the parameters: numbers separated by ';' (or ':'). */
		size_t k = p;
		while (k <= params_end) {
			long n = 0;
			while (k < params_end && out[k] >= '0' && out[k] <= '9')
				n = n * 10 + (out[k++] - '0');
			bool colour = (n >= 30 && n <= 38) || (n >= 40 && n <= 48) ||
				      (n >= 90 && n <= 97) || (n >= 100 && n <= 107) || n == 58;
			if (colour) {
				snprintf(what, size, "\\033[%.*sm (parameter %ld)",
				    (int)(params_end - p), out + p, n);
				return true;
			}
			/* Skip this parameter's sub-parameters (38:5:n form). */
			while (k < params_end && out[k] == ':') {
				k++;
				while (k < params_end && out[k] >= '0' && out[k] <= '9')
					k++;
			}
			k++; /* the ';' (or the end) */
		}
		i = q;
	}
	return false;
}

static void test_sgr_parser(void **state)
{
	(void)state;
	char what[128];
	static const char *const colour[] = {
		"\033[31m", "\033[1;31m", "\033[0;1;44m", "\033[38;5;21m", "\033[48;2;1;2;3m",
		"\033[38:5:21m", "\033[97m", "\033[;104m", "\033[7;30;47m",
	};
	static const char *const plain[] = {
		"\033[m", "\033[0m", "\033[1m", "\033[7m", "\033[1;4;7m", "\033[39;49m",
		"\033[?1049h", "\033[31;1H", "\033[38C", "\033(B\033[m", "31m", "\033[>4;1m",
	};
	for (size_t i = 0; i < sizeof colour / sizeof *colour; i++)
		if (!find_colour_sgr(colour[i], strlen(colour[i]), what, sizeof what))
			fail_msg("colour SGR %zu not detected", i);
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
		if (find_colour_sgr(plain[i], strlen(plain[i]), what, sizeof what))
			fail_msg("plain sequence %zu taken for colour: %s", i, what);
}

/* Visit screens that use every kind of mark: focus, a selected person,
 * search hits, help, details. */
static void exercise(struct vt *v)
{
	press(v, "2j");
	press(v, "1");
	vt_send(v, "/llama");
	expect_row(v, -1, "/llama  hit ");
	settle(v);
	press(v, "\r");
	press(v, "n");
	press(v, "?");
	press(v, "q");
	press(v, "1\r");
	press(v, "\033");
	press(v, "3 ");
}

/* A cell of an on-screen "Llama" that is marked as a search hit. */
static bool hit_visible(struct vt *v)
{
	for (int r = 0; r < screen_rows(v) - 1; r++)
		for (int c = find_in(v, r, 0, screen_cols(v), "Llama"); c >= 0;
		     c = find_in(v, r, c + 1, screen_cols(v), "Llama"))
			if (cell_marked(v, r, c))
				return true;
	return false;
}

static void quit_and_scan(struct vt *v, char *what, size_t size, bool *found)
{
	vt_send(v, "q");
	if (vt_wait_exit(v, PATIENCE_MS) == -1)
		fail_screen(v, "q did not quit");
	size_t len;
	const char *raw = vt_raw(v, &len);
	*found = find_colour_sgr(raw, len, what, size);
}

static void test_no_color(void **state)
{
	char *env[] = { (char *)"NO_COLOR=1", NULL };
	struct vt *v = start_browser(state, 40, 120, env);
	exercise(v);
	/* Hits still stand out, by reverse video alone. */
	vt_send(v, "/llama");
	expect_row(v, -1, "/llama  hit ");
	settle(v);
	if (!hit_visible(v))
		fail_screen(v, "NO_COLOR: no search hit is marked on screen");
	press(v, "\033");
	char what[128];
	bool found;
	quit_and_scan(v, what, sizeof what, &found);
	if (found)
		fail_msg("NO_COLOR=1 but dossier wrote the colour sequence %s", what);
}

static void test_color_by_default(void **state)
{
	struct vt *v = start_browser(state, 40, 120, NULL);
	exercise(v);
	char what[128];
	bool found;
	quit_and_scan(v, what, sizeof what, &found);
	if (!found)
		fail_msg("no colour sequence on xterm-256color without NO_COLOR: the NO_COLOR "
			 "test proves nothing");
}

static void test_empty_no_color(void **state)
{
	/* no-color.org: only a non-empty NO_COLOR turns colours off. */
	char *env[] = { (char *)"NO_COLOR=", NULL };
	struct vt *v = start_browser(state, 40, 120, env);
	exercise(v);
	char what[128];
	bool found;
	quit_and_scan(v, what, sizeof what, &found);
	if (!found)
		fail_msg("an empty NO_COLOR turned colours off");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_resize, teardown_vt),
		cmocka_unit_test_teardown(test_layout_thresholds, teardown_vt),
		cmocka_unit_test_teardown(test_help_on_small_terminal, teardown_vt),
		cmocka_unit_test_teardown(test_details_on_small_terminal, teardown_vt),
		cmocka_unit_test_teardown(test_help_on_short_terminal, teardown_vt),
		cmocka_unit_test_teardown(test_quit, teardown_vt),
		cmocka_unit_test_teardown(test_sigterm, teardown_vt),
		cmocka_unit_test_teardown(test_sighup, teardown_vt),
		cmocka_unit_test_teardown(test_ctrl_c, teardown_vt),
		cmocka_unit_test_teardown(test_ctrl_c_stops_a_loop, teardown_vt),
		cmocka_unit_test_teardown(test_crash_segv, teardown_vt),
		cmocka_unit_test_teardown(test_crash_abort, teardown_vt),
		cmocka_unit_test_teardown(test_ctrl_z, teardown_tstp),
		cmocka_unit_test_teardown(test_sigtstp, teardown_tstp),
		cmocka_unit_test(test_sgr_parser),
		cmocka_unit_test_teardown(test_no_color, teardown_vt),
		cmocka_unit_test_teardown(test_color_by_default, teardown_vt),
		cmocka_unit_test_teardown(test_empty_no_color, teardown_vt),
	};
	return cmocka_run_group_tests_name("terminal", tests, NULL, NULL);
}
