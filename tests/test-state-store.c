/* Unit tests of the state files (src/state_store.c): where they go, how a
 * moved, copied or edited dossier finds its state, how two writers'
 * notes are merged, and what happens to a damaged file or an unusable
 * directory. */
#include <config.h>

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "state.h"
#include "state-util.h"

#define T0 ((state_time)1795000000 * 1000000)

static const char bytes1[] = "%rec: Dossier\n\nTitle: one\n";
static const char bytes2[] = "%rec: Dossier\n\nTitle: one, edited\n";

/* A directory of its own for each test: tmp/name, and a dossier in it. */
static void
setup_dir(char *dir, size_t size, const char *name)
{
	tmp_path(dir, size, name);
	assert_int_equal(mkdir(dir, 0700), 0);
}

static void
dossier_at(char *path, size_t size, const char *dir, const char *name, const char *bytes)
{
	snprintf(path, size, "%s/%s", dir, name);
	write_bytes(path, bytes, strlen(bytes));
}

static void
open_ok(struct state *st, const char *sdir, const char *path, const char *bytes)
{
	assert_int_equal(state_open(st, sdir, path, bytes, strlen(bytes), false), 0);
	if (st->warning[0])
		fail_msg("unexpected warning: %s", st->warning);
}

static void
state_file(char *buf, size_t size, const struct state *st)
{
	snprintf(buf, size, "%s/%s", st->dir, st->name);
}

static void
save_ok(struct state *st, state_time t)
{
	if (state_save(st, t) != 0)
		fail_msg("save failed: %s", st->warning);
	assert_false(st->dirty);
}

static const struct state_note *
live(const struct state *st, const char *text)
{
	for (size_t i = 0; i < st->d.nnotes; i++)
		if (!st->d.notes[i].deleted && strcmp(st->d.notes[i].text, text) == 0)
			return &st->d.notes[i];
	return NULL;
}

static void
no_state(void **unused)
{
	struct state st;

	assert_int_equal(state_open(&st, NULL, "/nowhere", "", 0, false), 0);
	assert_int_equal(state_add_note(&st, "p1", "q", "kept in memory", T0), 0);
	assert_int_equal(state_save(&st, T0), 0);
	assert_null(st.dir);
	state_close(&st);
}

static void
default_dir(void **unused)
{
	char *d;

	setenv("DOSSIER_STATE_DIR", "/env/dir", 1);
	setenv("XDG_STATE_HOME", "/xdg", 1);
	setenv("HOME", "/home/r", 1);
	assert_string_equal(d = state_dir_default("/opt"), "/opt");
	free(d);
	assert_null(state_dir_default("-"));
	assert_string_equal(d = state_dir_default(NULL), "/env/dir");
	free(d);
	setenv("DOSSIER_STATE_DIR", "-", 1);
	assert_null(state_dir_default(NULL));
	unsetenv("DOSSIER_STATE_DIR");
	assert_string_equal(d = state_dir_default(NULL), "/xdg/dossier");
	free(d);
	setenv("XDG_STATE_HOME", "relative", 1);   /* ignored, as XDG says */
	assert_string_equal(d = state_dir_default(NULL), "/home/r/.local/state/dossier");
	free(d);
	unsetenv("XDG_STATE_HOME");
	assert_string_equal(d = state_dir_default(NULL), "/home/r/.local/state/dossier");
	free(d);
}

static void
save_and_reopen(void **unused)
{
	char dir[4096], sdir[4200], path[4200], file[8400];
	struct state st, again;
	struct state_place p = { (char *)"article", (char *)"p5", 12, (char *)"e1", NULL };
	struct stat sb;

	setup_dir(dir, sizeof dir, "reopen");
	snprintf(sdir, sizeof sdir, "%s/state/deeper", dir);   /* made on save */
	dossier_at(path, sizeof path, dir, "meta-ai.rec", bytes1);
	open_ok(&st, sdir, path, bytes1);
	assert_false(st.dirty);
	assert_int_equal(state_save(&st, T0), 0);   /* nothing to save: nothing made */
	assert_int_equal(stat(sdir, &sb), -1);
	assert_int_equal(state_set_place(&st, &p, T0), 0);
	assert_int_equal(state_set_mark(&st, 'a', "p2", 3, T0), 0);
	assert_int_equal(state_add_note(&st, "p5", "words", "mine", T0), 0);
	assert_int_equal(state_add_query(&st, "llama"), 0);
	save_ok(&st, T0 + 1);
	assert_true(strncmp(st.name, "meta-ai-", 8) == 0);
	state_file(file, sizeof file, &st);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(sdir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	open_ok(&again, sdir, path, bytes1);
	assert_data_equal(&again.d, &st.d);
	assert_string_equal(again.d.place.para, "p5");
	assert_int_equal(again.d.place.offset, 12);
	assert_string_equal(again.d.dossier, st.canonical);
	state_close(&again);
	state_close(&st);
}

/* The rule of dossier(5): by path first (so an edited dossier keeps its
 * state), else by the identity of the bytes (a moved dossier takes its
 * state along; a copy starts from the original's). */
static void
moved_copied_edited(void **unused)
{
	char dir[4096], sdir[4200], p1[4200], p2[4200], p3[4200], old[8400];
	struct state st;
	struct stat sb;

	setup_dir(dir, sizeof dir, "identity");
	snprintf(sdir, sizeof sdir, "%s/state", dir);
	dossier_at(p1, sizeof p1, dir, "a.rec", bytes1);
	open_ok(&st, sdir, p1, bytes1);
	assert_int_equal(state_add_note(&st, "p1", "q", "from a", T0), 0);
	save_ok(&st, T0);
	state_file(old, sizeof old, &st);
	state_close(&st);

	/* Moved: its state moves with it. */
	snprintf(p2, sizeof p2, "%s/b.rec", dir);
	assert_int_equal(rename(p1, p2), 0);
	open_ok(&st, sdir, p2, bytes1);
	assert_non_null(live(&st, "from a"));
	assert_non_null(st.moved_from);
	save_ok(&st, T0 + 2);
	assert_int_equal(stat(old, &sb), -1);
	assert_int_equal(state_add_note(&st, "p1", "q", "from b", T0 + 3), 0);
	save_ok(&st, T0 + 3);
	state_file(old, sizeof old, &st);
	state_close(&st);

	/* A copy starts from the original's state; the original keeps its
	 * file. */
	dossier_at(p3, sizeof p3, dir, "copy.rec", bytes1);
	open_ok(&st, sdir, p3, bytes1);
	assert_non_null(live(&st, "from b"));
	assert_null(st.moved_from);
	save_ok(&st, T0 + 4);
	assert_int_equal(stat(old, &sb), 0);
	assert_int_equal(count_files(sdir, ".rec"), 2);
	state_close(&st);

	/* Edited in place: found by its path. */
	write_bytes(p2, bytes2, strlen(bytes2));
	open_ok(&st, sdir, p2, bytes2);
	assert_non_null(live(&st, "from a"));
	assert_non_null(live(&st, "from b"));
	state_close(&st);
}

/* Two sessions on one dossier: neither loses the other's notes, a
 * deletion is not undone by the other's older copy, and the later edit
 * of one note wins. */
static void
two_writers(void **unused)
{
	char dir[4096], path[4200];
	struct state a, b, c;
	char id[64];

	setup_dir(dir, sizeof dir, "writers");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&a, dir, path, bytes1);
	assert_int_equal(state_add_note(&a, "p1", "q", "shared", T0), 0);
	save_ok(&a, T0);
	snprintf(id, sizeof id, "%s", a.d.notes[0].id);
	open_ok(&b, dir, path, bytes1);
	assert_int_equal(state_add_note(&a, "p1", "q", "a's", T0 + 1), 0);
	assert_int_equal(state_add_note(&b, "p2", "q", "b's", T0 + 1), 0);
	assert_int_equal(state_edit_note(&b, id, "shared, edited by b", T0 + 2), 0);
	assert_int_equal(state_add_query(&a, "from a"), 0);
	assert_int_equal(state_add_query(&b, "from b"), 0);
	save_ok(&a, T0 + 3);
	save_ok(&b, T0 + 4);
	assert_non_null(live(&b, "a's"));   /* b now sees a's note */
	assert_int_equal(state_delete_note(&a, id, T0 + 5), 0);
	save_ok(&a, T0 + 5);
	b.dirty = true;                     /* b saves its older copy */
	save_ok(&b, T0 + 6);
	open_ok(&c, dir, path, bytes1);
	assert_non_null(live(&c, "a's"));
	assert_non_null(live(&c, "b's"));
	assert_null(live(&c, "shared, edited by b"));
	assert_true(c.d.notes[state_note_find(&c.d, id)].deleted);
	assert_int_equal(c.d.nhistory, 2);
	assert_string_equal(c.d.history[0], "from a");
	assert_string_equal(c.d.history[1], "from b");
	state_close(&a);
	state_close(&b);
	state_close(&c);
}

/* A damaged file: a warning, its bytes kept aside untouched, the session
 * goes on and saves a new file beside it. */
static void
check_set_aside(const char *name, const char *bad, size_t badlen, size_t notes_kept)
{
	char dir[4096], path[4200], file[8400], aside[8400];
	struct state st, probe;
	char *got;
	size_t len;

	setup_dir(dir, sizeof dir, name);
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&probe, dir, path, bytes1);
	state_file(file, sizeof file, &probe);
	state_close(&probe);
	write_bytes(file, bad, badlen);
	assert_int_equal(state_open(&st, dir, path, bytes1, strlen(bytes1), false), 0);
	if (!strstr(st.warning, "kept as") || strchr(st.warning, '\n'))
		fail_msg("%s: warning '%s'", name, st.warning);
	assert_int_equal(st.d.nnotes, notes_kept);
	assert_int_equal(count_files(dir, ".bad-"), 1);
	snprintf(aside, sizeof aside, "%s/%s", dir, strstr(st.warning, "kept as ") + 8);
	assert_non_null(got = read_bytes(aside, &len));
	assert_int_equal(len, badlen);
	assert_memory_equal(got, bad, len);
	free(got);
	assert_int_equal(state_add_note(&st, "p1", "q", "after", T0), 0);
	save_ok(&st, T0);
	assert_int_equal(count_files(dir, ".bad-"), 1);
	state_close(&st);
	open_ok(&st, dir, path, bytes1);
	assert_int_equal(st.d.nnotes, notes_kept + 1);
	state_close(&st);
}

static void
damaged_files_set_aside(void **unused)
{
	struct state_data d;
	char *buf;
	size_t len;

	check_set_aside("garbage", "\x01\x02garbage\xff\n", 11, 0);
	check_set_aside("foreign", "%rec: Dossier\n\nTitle: not state\n", 31, 0);
	sample_data(&d);
	assert_int_equal(state_format(&d, &buf, &len), 0);
	/* Cut inside the last note's text: the first two are whole. */
	check_set_aside("truncated", buf, (size_t)(strstr(buf, "indented") - buf), 2);
	free(buf);
	state_data_free(&d);
}

/* A directory where the state file should be is set aside too. */
static void
unreadable_set_aside(void **unused)
{
	char dir[4096], path[4200], file[8400];
	struct state st, probe;

	setup_dir(dir, sizeof dir, "unreadable");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&probe, dir, path, bytes1);
	state_file(file, sizeof file, &probe);
	state_close(&probe);
	assert_int_equal(mkdir(file, 0700), 0);
	assert_int_equal(state_open(&st, dir, path, bytes1, strlen(bytes1), false), 0);
	assert_non_null(strstr(st.warning, "not a regular file"));
	assert_int_equal(count_files(dir, ".bad-"), 1);
	assert_int_equal(state_add_note(&st, "p1", "q", "n", T0), 0);
	save_ok(&st, T0);
	state_close(&st);
}

/* Neither a later Format nor a file opened to be listed is touched. */
static void
left_alone(void **unused)
{
	static const char newer[] = "%rec: State\n\nFormat: 9\n";
	char dir[4096], path[4200], file[8400];
	struct state st, probe;
	char *got;
	size_t len;

	setup_dir(dir, sizeof dir, "alone");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&probe, dir, path, bytes1);
	state_file(file, sizeof file, &probe);
	state_close(&probe);
	write_bytes(file, newer, strlen(newer));
	assert_int_equal(state_open(&st, dir, path, bytes1, strlen(bytes1), false), 0);
	assert_non_null(strstr(st.warning, "newer"));
	assert_int_equal(state_add_note(&st, "p1", "q", "n", T0), 0);
	assert_int_equal(state_save(&st, T0), -1);
	assert_true(st.dirty);
	state_close(&st);
	write_bytes(file, "junk", 4);
	assert_int_equal(state_open(&st, dir, path, bytes1, strlen(bytes1), true), 0);
	assert_non_null(strstr(st.warning, st.name));
	assert_int_equal(state_add_note(&st, "p1", "q", "n", T0), 0);
	assert_int_equal(state_save(&st, T0), 0);
	state_close(&st);
	assert_int_equal(count_files(dir, ".bad-"), 0);
	assert_non_null(got = read_bytes(file, &len));
	assert_memory_equal(got, "junk", 4);
	free(got);
}

/* A directory that cannot be made (a regular file is in the way, which
 * stops root too): a warning, the notes stay in memory, and the next
 * save, once the way is clear, writes them. */
static void
unwritable_dir(void **unused)
{
	char dir[4096], path[4200], blocker[4200], sdir[4300];
	struct state st;

	setup_dir(dir, sizeof dir, "unwritable");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	dossier_at(blocker, sizeof blocker, dir, "blocker", "a file");
	snprintf(sdir, sizeof sdir, "%s/state", blocker);
	assert_int_equal(state_open(&st, sdir, path, bytes1, strlen(bytes1), false), 0);
	assert_non_null(strstr(st.warning, "Not a directory"));
	st.warning[0] = '\0';
	assert_int_equal(state_add_note(&st, "p1", "q", "waiting", T0), 0);
	assert_int_equal(state_save(&st, T0), -1);
	assert_non_null(strstr(st.warning, "cannot save"));
	assert_null(strchr(st.warning, '\n'));
	assert_true(st.dirty);
	assert_non_null(live(&st, "waiting"));
	assert_int_equal(unlink(blocker), 0);
	save_ok(&st, T0 + 1);
	state_close(&st);
	open_ok(&st, sdir, path, bytes1);
	assert_non_null(live(&st, "waiting"));
	state_close(&st);
}

/* A lock held for long (a session stopped in the middle of a save): a
 * save gives up with a warning and keeps the notes for the next one; an
 * open reads, and leaves a damaged file for a save to set aside. */
static void
lock_held(void **unused)
{
	char dir[4096], path[4200], file[8400];
	struct state st;
	int fd;

	setup_dir(dir, sizeof dir, "locked");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&st, dir, path, bytes1);
	state_file(file, sizeof file, &st);
	state_close(&st);
	write_bytes(file, "junk\n", 5);
	assert_true((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	state_lock_wait_ms = 50;
	/* flock locks belong to the open file: this process's own open of
	 * the directory is another one, and waits like another process. */
	assert_int_equal(state_open(&st, dir, path, bytes1, strlen(bytes1), false), 0);
	assert_non_null(strstr(st.warning, "field line without"));
	assert_int_equal(count_files(dir, ".bad-"), 0);
	assert_int_equal(state_add_note(&st, "p1", "q", "waits", T0), 0);
	assert_int_equal(state_save(&st, T0), -1);
	assert_non_null(strstr(st.warning, "cannot lock"));
	assert_true(st.dirty);
	close(fd);
	save_ok(&st, T0 + 1);
	assert_int_equal(count_files(dir, ".bad-"), 1);
	state_close(&st);
	open_ok(&st, dir, path, bytes1);
	assert_non_null(live(&st, "waits"));
	state_close(&st);
	state_lock_wait_ms = 5000;
}

/* The dossier reloaded with other bytes: the state saved after records
 * the new identity, so that a later move of the edited file finds it. */
static void
rebound(void **unused)
{
	char dir[4096], path[4200], moved[4200];
	struct state st;

	setup_dir(dir, sizeof dir, "rebound");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&st, dir, path, bytes1);
	assert_int_equal(state_add_note(&st, "p1", "q", "n", T0), 0);
	save_ok(&st, T0);
	write_bytes(path, bytes2, strlen(bytes2));
	state_rebind(&st, bytes2, strlen(bytes2));
	assert_int_equal(state_add_note(&st, "p1", "q", "after the reload", T0 + 1), 0);
	save_ok(&st, T0 + 1);
	state_close(&st);
	snprintf(moved, sizeof moved, "%s/moved.rec", dir);
	assert_int_equal(rename(path, moved), 0);
	open_ok(&st, dir, moved, bytes2);
	assert_non_null(live(&st, "after the reload"));
	state_close(&st);
}

/* A dossier whose path is not UTF-8 still gets a state file that reads
 * back. */
static void
path_not_utf8(void **unused)
{
	char dir[4096], path[4200];
	struct state st;

	setup_dir(dir, sizeof dir, "latin1");
	dossier_at(path, sizeof path, dir, "caf\xe9.rec", bytes1);
	open_ok(&st, dir, path, bytes1);
	assert_int_equal(state_add_note(&st, "p1", "q", "n", T0), 0);
	save_ok(&st, T0);
	state_close(&st);
	open_ok(&st, dir, path, bytes1);
	assert_non_null(live(&st, "n"));
	state_close(&st);
}

/* A temporary file left by a writer that died goes at the next save. */
static void
stale_temporary_removed(void **unused)
{
	char dir[4096], path[4200], tmp[8400];
	struct state st;

	setup_dir(dir, sizeof dir, "stale");
	dossier_at(path, sizeof path, dir, "d.rec", bytes1);
	open_ok(&st, dir, path, bytes1);
	snprintf(tmp, sizeof tmp, "%s/%s.tmp-99999", dir, st.name);
	write_bytes(tmp, "half", 4);
	assert_int_equal(state_add_note(&st, "p1", "q", "n", T0), 0);
	save_ok(&st, T0);
	assert_int_equal(count_files(dir, ".tmp-"), 0);
	state_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_state),
		cmocka_unit_test(default_dir),
		cmocka_unit_test(save_and_reopen),
		cmocka_unit_test(moved_copied_edited),
		cmocka_unit_test(two_writers),
		cmocka_unit_test(damaged_files_set_aside),
		cmocka_unit_test(unreadable_set_aside),
		cmocka_unit_test(left_alone),
		cmocka_unit_test(unwritable_dir),
		cmocka_unit_test(stale_temporary_removed),
		cmocka_unit_test(path_not_utf8),
		cmocka_unit_test(lock_held),
		cmocka_unit_test(rebound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
