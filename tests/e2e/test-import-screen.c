/* End-to-end test of drafts on the screen: a dossier made by
 * dossier --import from the seed article shows a "?" before the title of
 * every draft event in the timeline, and Status: draft in an event's
 * details; the bundled dossier, which has no drafts, shows no such mark. */
#include <config.h>

#include <errno.h>
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

static char imported[4096];

/* dossier --import SEED --published 2023-09 -o IMPORTED, once. */
static int
make_import(void **state)
{
	const char *top = getenv("top_srcdir"), *tmp = getenv("TMPDIR");
	char seed[4096];
	int status;
	pid_t pid;

	(void)state;
	if (!top)
		return -1;
	snprintf(seed, sizeof seed, "%s/tests/data/seed/article.txt", top);
	snprintf(imported, sizeof imported, "%s/import-screen.%ld.rec", tmp && *tmp ? tmp : "/tmp",
	    (long)getpid());
	pid = fork();
	if (pid == 0) {
		execl(dossier_path(), "dossier", "--import", seed, "--published", "2023-09",
		    "-o", imported, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "dossier --import failed: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

static int
remove_import(void **state)
{
	(void)state;
	unlink(imported);
	return 0;
}

static struct vt *
browse(void **state, const char *file)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)file, NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 30, 120);

	assert_non_null(v);
	*state = v;
	expect_text(v, "Timeline");
	settle(v);
	/* The timeline opens on the event of the article's start: its first
	 * events at the top. */
	press(v, "g");
	return v;
}

/* The character two columns left of where text starts on the screen. */
static uint32_t
before_title(struct vt *v, const char *title)
{
	int r, c, w;

	if (!vt_find(v, title, &r, &c))
		fail_screen(v, "\"%s\" is not on the screen", title);
	if (c < 2)
		fail_screen(v, "\"%s\" starts at column %d", title, c);
	return vt_cell(v, r, c - 2, &w);
}

static void
test_draft_marks(void **state)
{
	struct vt *v = browse(state, imported);

	/* The first events of the seed, 2013: each a draft. */
	if (before_title(v, "10年前,Meta还叫Facebook") != '?')
		fail_screen(v, "no '?' before a draft event's title");
	if (before_title(v, "同年Oculus被Meta收购") != '?')
		fail_screen(v, "no '?' before a draft event's title");
	/* The details of the selected event say why. */
	press(v, "\r");
	expect_text(v, "Details");
	if (!vt_find(v, "Status", &(int){ 0 }, &(int){ 0 }) || !vt_find(v, "draft", &(int){ 0 }, &(int){ 0 }))
		fail_screen(v, "the details of a draft event do not show Status: draft");
}

static void
test_no_marks_without_drafts(void **state)
{
	struct table *ev = cli_table("--list", "events");
	char title[64];
	struct vt *v;

	/* A few characters of the first event's title, as the screen shows it. */
	snprintf(title, sizeof title, "%.9s", field(ev, 0, 2));
	table_free(ev);
	v = browse(state, data_path());
	/* the title follows the date and one space */
	if (before_title(v, title) == '?')
		fail_screen(v, "a '?' before the title of an event that is not a draft");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_draft_marks, teardown_vt),
		cmocka_unit_test_teardown(test_no_marks_without_drafts, teardown_vt),
	};
	return cmocka_run_group_tests(tests, make_import, remove_import);
}
