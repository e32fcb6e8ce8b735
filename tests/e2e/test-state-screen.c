/* End-to-end tests of the reader's own state across two sessions of the
 * real program, with a state directory of the test's own: the second
 * session opens where the first stopped (after q, and after SIGTERM),
 * has its marks and its notes; --list mynotes prints the note; a state
 * directory that cannot be made is a warning, not a failure. */
#include <config.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dossier-e2e.h"
#include "vt.h"

static char dir[4096], env_dir[4200];
static char *env[] = { env_dir, NULL };

/* A fresh state directory for each test. */
static int
setup(void **state)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/test-state-screen.XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(env_dir, sizeof env_dir, "DOSSIER_STATE_DIR=%s", dir);
	*state = NULL;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[4200];

	if (*state)
		teardown_vt(state);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct vt *
session(void **state)
{
	if (*state)
		teardown_vt(state);
	return start_browser(state, 30, 100, env);
}

static void
resume_after_q(void **state)
{
	struct vt *v = session(state);

	press(v, "3}}}");
	expect_row(v, -1, "Article", "p4/56");
	expect_clean_quit(v, "first session");
	v = session(state);
	expect_row(v, -1, "Article", "p4/56");
	expect_clean_quit(v, "second session");
}

/* SIGTERM ends the session as q does: the place is kept. */
static void
resume_after_sigterm(void **state)
{
	struct vt *v = session(state);

	press(v, "3}}}}}");
	expect_row(v, -1, "p6/56");
	vt_kill(v, SIGTERM);
	expect_signal_end(v, SIGTERM, "SIGTERM");
	v = session(state);
	expect_row(v, -1, "Article", "p6/56");
}

static void
mark_across_sessions(void **state)
{
	struct vt *v = session(state);

	press(v, "3}}}");
	press(v, "ma");
	expect_row(v, -1, "mark a set");
	press(v, "g");
	expect_row(v, -1, "p1/56");
	expect_clean_quit(v, "first session");
	v = session(state);
	expect_row(v, -1, "p1/56");          /* it stopped at the top */
	press(v, "'a");
	expect_row(v, -1, "p4/56");
	press(v, "''");
	expect_row(v, -1, "p1/56");
	press(v, "M");
	expect_text(v, "p4");
	press(v, "q");
	expect_clean_quit(v, "second session");
}

/* The article's gutter column of note marks: after its border and the
 * column of the event's mark. */
static int
gutter_col(struct vt *v)
{
	return left_border_col(v) + 3;
}

static void
note_across_sessions(void **state)
{
	struct vt *v = session(state);
	int col;

	press(v, "3}");
	expect_row(v, -1, "p2/56");
	col = gutter_col(v);
	/* No mark of an own note yet in the gutter. */
	if (vt_cell(v, 1, col, NULL) == '*')
		fail_screen(v, "an own-note mark before any note");
	press(v, "a");
	expect_row(v, -1, "note: ");
	vt_send(v, "written in the first session");
	expect_row(v, -1, "note: written in the first session");
	press(v, "\r");
	expect_row(v, -1, "note added to p2");
	if (vt_cell(v, 1, col, NULL) != '*')
		fail_screen(v, "no own-note mark in the gutter of the paragraph");
	expect_clean_quit(v, "first session");

	v = session(state);
	expect_row(v, -1, "p2/56");
	if (vt_cell(v, 1, col, NULL) != '*')
		fail_screen(v, "the own-note mark is gone in the second session");
	press(v, "A");
	expect_text(v, "written in the first session");
	press(v, "q");
	expect_gone(v, "written in the first session");
	expect_clean_quit(v, "second session");

	/* --list mynotes prints it. */
	setenv("DOSSIER_STATE_DIR", dir, 1);
	struct table *t = cli_table("--list", "mynotes");
	unsetenv("DOSSIER_STATE_DIR");
	assert_int_equal(t->n, 1);
	assert_string_equal(field(t, 0, 1), "p2");
	assert_string_equal(field(t, 0, 3), "written in the first session");
	table_free(t);
}

/* A note is saved when it is added, not only at the end: killed with
 * SIGKILL (no chance to save) right after, the next session has it. */
static void
note_survives_sigkill(void **state)
{
	struct vt *v = session(state);

	press(v, "3a");
	vt_send(v, "saved at once");
	press(v, "\r");
	expect_row(v, -1, "note added to p1");
	vt_kill(v, SIGKILL);
	if (vt_wait_exit(v, PATIENCE_MS) == -1)
		fail_screen(v, "SIGKILL did not end dossier");
	v = session(state);
	press(v, "A");
	expect_text(v, "saved at once");
	press(v, "q");
	expect_clean_quit(v, "after SIGKILL");
}

/* A state directory under a regular file: a warning on the status line,
 * and the browser works. */
static void
unwritable_state_dir(void **state)
{
	char file[4200];
	struct vt *v;

	snprintf(file, sizeof file, "%s/file", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(env_dir, sizeof env_dir, "DOSSIER_STATE_DIR=%.4000s/state", file);
	v = start_browser(state, 30, 100, env);
	press(v, "3a");
	vt_send(v, "kept in memory");
	press(v, "\r");
	expect_row(v, -1, "cannot save");
	press(v, "}");                        /* not tried again at every key */
	expect_row(v, -1, "p2/56");
	expect_clean_quit(v, "unwritable");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(resume_after_q, setup, teardown),
		cmocka_unit_test_setup_teardown(resume_after_sigterm, setup, teardown),
		cmocka_unit_test_setup_teardown(mark_across_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(note_across_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(note_survives_sigkill, setup, teardown),
		cmocka_unit_test_setup_teardown(unwritable_state_dir, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
