/* Self-test of the screen-test harness (vt.c), driving /bin/sh scripts
 * rather than dossier, so a harness bug is not mistaken for a program bug. */
#include <config.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <cmocka.h>

#include "vt.h"

/* Generous, because sanitizer builds on a loaded CI machine start slowly;
 * passing waits return as soon as the text shows up. */
#define PATIENCE_MS 10000

/* Each test stores its vt in *state so the teardown frees it even when an
 * assertion longjmps out of the test. */
static struct vt *sh(void **state, const char *script, char *const env[], int rows, int cols)
{
	char *argv[] = { (char *)"/bin/sh", (char *)"-c", (char *)script, NULL };
	struct vt *v = vt_spawn(argv, env, rows, cols);
	assert_non_null(v);
	*state = v;
	return v;
}

static int teardown_vt(void **state)
{
	vt_free(*state);
	*state = NULL;
	return 0;
}

static void expect_text(struct vt *v, const char *text)
{
	if (!vt_wait_text(v, text, PATIENCE_MS)) {
		vt_dump(v, stderr);
		fail_msg("never appeared on screen: \"%s\"", text);
	}
}

static long long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000LL + (now.tv_nsec - since->tv_nsec) / 1000000;
}

static void test_wide_columns(void **state)
{
	struct vt *v = sh(state, "printf '中文 abc\\n'", NULL, 10, 40);
	expect_text(v, "中文 abc");

	int row = -1, col = -1;
	assert_true(vt_find(v, "abc", &row, &col));
	assert_int_equal(row, 0);
	assert_int_equal(col, 5); /* 中 and 文 take two columns each */
	assert_true(vt_find(v, "文", NULL, &col));
	assert_int_equal(col, 2);

	int width = -1;
	assert_int_equal(vt_cell(v, 0, 0, &width), 0x4E2D);
	assert_int_equal(width, 2);
	assert_int_equal(vt_cell(v, 0, 1, &width), 0);
	assert_int_equal(width, 0);
	assert_int_equal(vt_cell(v, 0, 5, &width), 'a');
	assert_int_equal(width, 1);
	assert_int_equal(vt_cell(v, 0, 39, &width), 0);
	assert_int_equal(width, 1);

	char *line = vt_row(v, 0);
	assert_non_null(line);
	assert_int_equal(strlen(line), strlen("中文 abc") + 32); /* 40 columns */
	assert_memory_equal(line, "中文 abc   ", strlen("中文 abc   "));
	free(line);
	assert_null(vt_row(v, 10));
}

static void test_size_and_resize(void **state)
{
	struct vt *v = sh(state, "stty size; trap 'stty size' WINCH; echo ready;"
				 " while :; do sleep 0.02; done",
			  NULL, 24, 80);
	expect_text(v, "24 80");
	expect_text(v, "ready");

	vt_resize(v, 30, 100);
	int rows, cols;
	vt_size(v, &rows, &cols);
	assert_int_equal(rows, 30);
	assert_int_equal(cols, 100);
	expect_text(v, "30 100");

	vt_resize(v, 12, 50);
	expect_text(v, "12 50");
	char *line = vt_row(v, 11);
	assert_int_equal(strlen(line), 50);
	free(line);
}

static void test_altscreen(void **state)
{
	struct vt *v = sh(state, "stty -echo; echo main; printf '\\033[?1049h'; echo alt;"
				 " read x; printf '\\033[?1049l'; echo back; read x",
			  NULL, 10, 40);
	expect_text(v, "alt");
	assert_true(vt_altscreen(v));
	assert_false(vt_find(v, "main", NULL, NULL));

	vt_send(v, "\n");
	expect_text(v, "back");
	assert_false(vt_altscreen(v));
	assert_true(vt_find(v, "main", NULL, NULL));
}

static void test_exit_status(void **state)
{
	struct vt *v = sh(state, "echo bye; exit 3", NULL, 5, 20);
	int st = vt_wait_exit(v, PATIENCE_MS);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 3);
	assert_int_equal(vt_wait_exit(v, 0), st);
	assert_false(vt_alive(v));
	assert_true(vt_find(v, "bye", NULL, NULL)); /* output drained on exit */
	assert_int_equal(vt_pump(v, 100), -1);
}

static void test_kill_and_default_termios(void **state)
{
	struct vt *v = sh(state, "echo ready; exec sleep 30", NULL, 5, 20);
	expect_text(v, "ready");
	assert_true(vt_alive(v));

	struct termios t;
	assert_int_equal(vt_tcgetattr(v, &t), 0);
	assert_true(t.c_lflag & ICANON);
	assert_true(t.c_lflag & ECHO);
	assert_true(t.c_iflag & IUTF8);

	assert_int_equal(vt_wait_exit(v, 50), -1);
	vt_kill(v, SIGTERM);
	int st = vt_wait_exit(v, PATIENCE_MS);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGTERM);
}

static void test_exec_failure(void **state)
{
	char *argv[] = { (char *)"/nonexistent/program", NULL };
	struct vt *v = vt_spawn(argv, NULL, 5, 60);
	assert_non_null(v);
	*state = v;
	int st = vt_wait_exit(v, PATIENCE_MS);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 127);
	assert_true(vt_find(v, "cannot run", NULL, NULL));
}

static void test_wait_timeouts(void **state)
{
	struct vt *v = sh(state, "stty -echo; printf old; read x; printf '\\033[H\\033[2Jnew'; read x",
			  NULL, 5, 20);
	expect_text(v, "old");

	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_false(vt_wait_text(v, "absent", 200));
	long long ms = elapsed_ms(&start);
	assert_true(ms >= 190);
	assert_true(ms < 2000);

	assert_false(vt_wait_gone(v, "old", 100));
	vt_send(v, "\n");
	assert_true(vt_wait_gone(v, "old", PATIENCE_MS));
	expect_text(v, "new");
	assert_true(vt_wait_idle(v, 100, PATIENCE_MS));

	int row, col;
	bool visible;
	vt_cursor(v, &row, &col, &visible);
	assert_int_equal(row, 0);
	assert_int_equal(col, 3);
	assert_true(visible);
}

static void test_raw_and_attributes(void **state)
{
	struct vt *v = sh(state, "printf 'p\\033[1mB\\033[0m\\033[7mR\\033[0m"
				 "\\033[4mU\\033[0m\\033[31mC\\033[0m\\033[?25lEND\\n'",
			  NULL, 5, 20);
	expect_text(v, "pBRUCEND");
	assert_true(vt_wait_exit(v, PATIENCE_MS) == 0);

	size_t len;
	const char *raw = vt_raw(v, &len);
	assert_true(len >= strlen("pBRUCEND\r\n"));
	assert_non_null(strstr(raw, "\033[7mR"));
	assert_true(vt_raw_contains(v, "\033[31m"));
	assert_false(vt_raw_contains(v, "\033[32m"));

	struct vt_attr plain = vt_cell_attr(v, 0, 0);
	assert_false(plain.bold || plain.reverse || plain.underline);
	assert_true(plain.fg_default && plain.bg_default);
	assert_true(vt_cell_attr(v, 0, 1).bold);
	assert_true(vt_cell_attr(v, 0, 2).reverse);
	assert_true(vt_cell_attr(v, 0, 3).underline);
	assert_false(vt_cell_attr(v, 0, 4).fg_default);
	assert_true(vt_cell_attr(v, 0, 4).bg_default);

	bool visible = true;
	vt_cursor(v, NULL, NULL, &visible);
	assert_false(visible);
}

static void test_echo_off_survives_exit(void **state)
{
	struct vt *v = sh(state, "stty -echo; echo done", NULL, 5, 20);
	assert_int_equal(vt_wait_exit(v, PATIENCE_MS), 0);
	struct termios t;
	assert_int_equal(vt_tcgetattr(v, &t), 0);
	assert_false(t.c_lflag & ECHO);
	assert_true(t.c_lflag & ICANON);
}

static void test_environment(void **state)
{
	char *env[] = { (char *)"FOO=bar baz", (char *)"HOME", NULL };
	struct vt *v = sh(state, "echo \"T=$TERM F=$FOO H=${HOME-unset}\"", env, 5, 60);
	expect_text(v, "T=xterm-256color F=bar baz H=unset");
}

static void test_term_override(void **state)
{
	char *env[] = { (char *)"TERM=vt100", NULL };
	struct vt *v = sh(state, "echo \"T=$TERM\"", env, 5, 20);
	expect_text(v, "T=vt100");
}

static void test_input_roundtrip(void **state)
{
	struct vt *v = sh(state, "stty -echo; echo ready; read line; echo \"got:$line\"", NULL, 5, 40);
	expect_text(v, "ready");
	vt_send(v, "hello 中文\n");
	expect_text(v, "got:hello 中文");
}

/* The emulator must answer queries, as programs that probe the terminal
 * would otherwise wait forever. */
static void test_query_reply(void **state)
{
	struct vt *v = sh(state, "stty raw -echo; printf '\\033[6n';"
				 " dd bs=1 count=6 2>/dev/null | tr '\\033' E",
			  NULL, 5, 20);
	expect_text(v, "E[1;1R");
}

/* Both sides block if a big paste is written while the program's echo is
 * not read: vt_send must keep pumping. */
static void test_big_send_no_deadlock(void **state)
{
	struct vt *v = sh(state, "stty raw -echo; echo ready; exec cat", NULL, 5, 80);
	expect_text(v, "ready");

	size_t n = 200000;
	char *big = malloc(n + 4);
	assert_non_null(big);
	memset(big, 'x', n);
	memcpy(big + n, "END", 4);
	vt_send(v, big);
	free(big);
	expect_text(v, "END");
	size_t len;
	vt_raw(v, &len);
	assert_true(len >= n + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_wide_columns, teardown_vt),
		cmocka_unit_test_teardown(test_size_and_resize, teardown_vt),
		cmocka_unit_test_teardown(test_altscreen, teardown_vt),
		cmocka_unit_test_teardown(test_exit_status, teardown_vt),
		cmocka_unit_test_teardown(test_kill_and_default_termios, teardown_vt),
		cmocka_unit_test_teardown(test_exec_failure, teardown_vt),
		cmocka_unit_test_teardown(test_wait_timeouts, teardown_vt),
		cmocka_unit_test_teardown(test_raw_and_attributes, teardown_vt),
		cmocka_unit_test_teardown(test_echo_off_survives_exit, teardown_vt),
		cmocka_unit_test_teardown(test_environment, teardown_vt),
		cmocka_unit_test_teardown(test_term_override, teardown_vt),
		cmocka_unit_test_teardown(test_input_roundtrip, teardown_vt),
		cmocka_unit_test_teardown(test_query_reply, teardown_vt),
		cmocka_unit_test_teardown(test_big_send_no_deadlock, teardown_vt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
