/* The browser with a small stack, which its threads get too: a dossier of
 * 100 times the bundled one (read and parsed on two cores, its index and
 * search scan on a second thread), browsed, searched and paged, then q.
 * No large buffer of ours may live on a stack.  The command line is held
 * to 32 KiB (tests/limits.sh); the browser gets 128 KiB, as ncurses' own
 * terminfo reader overflows 64 KiB before dossier draws anything
 * (SIGSEGV in _nc_read_file_entry under setupterm).  Skipped when dossier
 * is built with a sanitizer, whose runtime needs more stack than that. */
#include <config.h>

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

static char big[] = "/tmp/dossier-stack-XXXXXX";

static bool
built_with_sanitizer(void)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "grep -q -e __asan_init -e __tsan_init '%s'", dossier_path());
	return system(cmd) == 0;
}

static int
make_big(void **state)
{
	(void)state;
	const char *top = getenv("top_builddir");
	char cmd[8192];
	int fd = mkstemp(big);

	if (!top || fd < 0)
		return -1;
	close(fd);
	snprintf(cmd, sizeof cmd, "'%s/tests/bench/gen-dossier' -n 100 -o '%s' '%s'", top, big,
	    data_path());
	return system(cmd) == 0 ? 0 : -1;
}

static int
remove_big(void **state)
{
	(void)state;
	unlink(big);
	return 0;
}

/* Hits of --search QUERY in the big dossier, with an ordinary stack. */
static size_t
count_big(const char *query)
{
	char cmd[8192], line[4096];
	size_t n = 0;
	FILE *p;

	snprintf(cmd, sizeof cmd, "'%s' --search '%s' -f '%s'", dossier_path(), query, big);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof line, p))
		if (strchr(line, '\n'))
			n++;
	assert_int_equal(pclose(p), 0);
	return n;
}

static void
test_small_stack(void **state)
{
	char *argv[] = { (char *)"/bin/sh", (char *)"-c",
		(char *)"ulimit -s 128 && exec \"$0\" \"$@\"", (char *)dossier_path(),
		(char *)"-f", big, NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 40, 120);
	size_t hits = 0;

	assert_non_null(v);
	*state = v;
	if (!vt_wait_text(v, "Timeline", 60000))
		fail_screen(v, "no first frame with a 128 KiB stack");
	settle(v);
	/* Search: the first keys scan on two threads, the rest narrows. */
	press(v, "/扎克伯格");
	press(v, "\r");
	if (!vt_find(v, "hit 1/", NULL, NULL))
		fail_screen(v, "no search hit with a 128 KiB stack");
	char *status = row_text(v, screen_rows(v) - 1);
	const char *p = strstr(status, "hit 1/");
	assert_non_null(p);
	hits = strtoul(p + 6, NULL, 10);
	free(status);
	assert_int_equal(hits, count_big("扎克伯格"));
	press(v, "nnN");
	press(v, "3");
	press(v, "G");
	press(v, "b");
	press(v, "g");
	press(v, "?");
	press(v, "\033");
	press(v, "2");
	press(v, "f");
	press(v, "\033");
	vt_resize(v, 20, 60);
	settle(v);
	vt_resize(v, 40, 120);
	settle(v);
	expect_full_view(v, "with a 128 KiB stack");
	expect_clean_quit(v, "with a 128 KiB stack");
}

int
main(void)
{
	/* A whole-program skip in TAP: cmocka's skip() reads as a failure
	 * to automake's driver. */
	if (built_with_sanitizer()) {
		printf("1..0 # SKIP dossier is built with a sanitizer\n");
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_small_stack, teardown_vt),
	};

	return cmocka_run_group_tests_name("stack", tests, make_big, remove_big);
}
