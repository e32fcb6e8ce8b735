/* A scripted browsing session under valgrind memcheck: every pane, search,
 * overlays, the filter, resizes, the mouse, then q.  valgrind must report
 * no invalid access, no uninitialised read and no definite leak (its
 * --error-exitcode turns any into the exit status).  Skipped without
 * valgrind, or when dossier is built with AddressSanitizer. */
#include <config.h>

#include <setjmp.h>
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

#define VALGRIND_ERROR 99
/* valgrind is some 50 times slower. */
#define VG_PATIENCE_MS 120000

static bool
have_valgrind(void)
{
	return system("valgrind --version >/dev/null 2>&1") == 0;
}

static bool
built_with_asan(void)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "grep -q __asan_init '%s'", dossier_path());
	return system(cmd) == 0;
}

static void
step(struct vt *v, const char *keys)
{
	vt_send(v, keys);
	if (!vt_wait_idle(v, 400, VG_PATIENCE_MS))
		fail_screen(v, "dossier under valgrind never finished drawing after %s", keys);
}

static void
test_session(void **state)
{
	char log[] = "/tmp/dossier-vg-XXXXXX";
	int fd = mkstemp(log);
	assert_true(fd >= 0);
	close(fd);
	char logopt[64];
	snprintf(logopt, sizeof logopt, "--log-file=%s", log);
	char *argv[] = { (char *)"valgrind", (char *)"-q", (char *)"--error-exitcode=99",
		(char *)"--leak-check=full", (char *)"--errors-for-leak-kinds=definite",
		(char *)"--show-leak-kinds=definite", logopt, (char *)dossier_path(),
		(char *)"-f", (char *)data_path(), NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 40, 120);
	assert_non_null(v);
	*state = v;
	if (!vt_wait_text(v, "Timeline", VG_PATIENCE_MS))
		fail_screen(v, "no first frame under valgrind");

	static const char *const script[] = {
		"jjj\r", "\033", "2", "jj", "f", "\r", "\033", "\033", "o", "j", "o",
		"3", "    ", "G", "g", "\r", "\033", "?", "\033",
		"/llama", "\r", "n", "n", "N", "/扎克", "\033", "/ＬＬＡＭＡ\r",
		"\033[<0;100;10M", "\033[<0;100;10m", "\033[<65;10;5M",
	};
	for (size_t i = 0; i < sizeof script / sizeof *script; i++)
		step(v, script[i]);
	vt_resize(v, 20, 60);
	step(v, "jj");
	vt_resize(v, 3, 10);
	step(v, "j");
	vt_resize(v, 40, 120);
	step(v, "1");
	expect_full_view(v, "under valgrind");
	vt_send(v, "q");
	int st = vt_wait_exit(v, VG_PATIENCE_MS);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "cat '%s' >&2", log);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		if (system(cmd) != 0)
			fprintf(stderr, "cannot show %s\n", log);
		unlink(log);
		fail_screen(v, "valgrind session: waitpid status 0x%x (exit %d; %d means valgrind "
		    "found errors, its log is above)", st, WIFEXITED(st) ? WEXITSTATUS(st) : -1,
		    VALGRIND_ERROR);
	}
	unlink(log);
	expect_cooked(v, "after the valgrind session");
}

int
main(void)
{
	/* A whole-program skip in TAP: cmocka's skip() reads as a failure
	 * to automake's driver. */
	if (!have_valgrind() || built_with_asan()) {
		printf("1..0 # SKIP %s\n", have_valgrind() ? "dossier is built with AddressSanitizer"
		    : "valgrind not found");
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_session, teardown_vt),
	};

	return cmocka_run_group_tests_name("memory", tests, NULL, NULL);
}
