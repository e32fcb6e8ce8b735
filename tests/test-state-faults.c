/* Fault tests of the state files: a writer killed (SIGKILL) at random
 * moments, a disk that fills up (RLIMIT_FSIZE), two processes writing at
 * once.  The file must always read whole and hold the old or the new
 * notes, never a mix, and no process may lose another's notes. */
#include <config.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "state.h"
#include "state-util.h"

static const char bytes[] = "%rec: Dossier\n\nTitle: faults\n";

static void
setup(char *dir, size_t dsize, char *path, size_t psize, const char *name)
{
	tmp_path(dir, dsize, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, psize, "%s/d.rec", dir);
	write_bytes(path, bytes, strlen(bytes));
}

/* Notes "note 1" .. "note N" in order, with some bulk so that a write
 * takes long enough to be cut: returns N, or fails the test. */
static size_t
check_prefix(const struct state_data *d)
{
	char want[64];

	for (size_t i = 0; i < d->nnotes; i++) {
		snprintf(want, sizeof want, "note %zu", i + 1);
		if (d->notes[i].deleted || strncmp(d->notes[i].text, want, strlen(want)) != 0)
			fail_msg("note %zu is '%.20s', not '%s'", i, d->notes[i].text, want);
	}
	return d->nnotes;
}

/* Adds "note N+1" and saves, forever (until killed). */
static void __attribute__((noreturn))
writer(const char *dir, const char *path, int rounds, int progress)
{
	struct state st;
	char text[2048];
	ssize_t w;

	if (state_open(&st, dir, path, bytes, strlen(bytes), false) != 0 || st.warning[0])
		_exit(3);
	for (int r = 0; rounds < 0 || r < rounds; r++) {
		snprintf(text, sizeof text, "note %zu ", st.d.nnotes + 1);
		memset(text + strlen(text), 'x', 1500);
		text[1500] = '\0';
		if (state_add_note(&st, "p1", "q", text, state_now()) != 0 ||
		    state_save(&st, state_now()) != 0)
			_exit(4);
		/* A byte a save, for a parent that waits for one. */
		if (progress >= 0)
			w = write(progress, "s", 1);
		(void)w;
	}
	_exit(0);
}

static void
load(const char *dir, const char *path, struct state *st)
{
	assert_int_equal(state_open(st, dir, path, bytes, strlen(bytes), true), 0);
	if (st->warning[0])
		fail_msg("after a kill: %s", st->warning);
}

/* SIGKILL at a random moment of a loop of saves, again and again: every
 * time, the file reads whole, and no note it held before is gone. */
static void
killed_writer(void **unused)
{
	char dir[4096], path[4200];
	size_t before = 0, saved_rounds = 0;
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();

	setup(dir, sizeof dir, path, sizeof path, "killed");
	print_message("# seed %u\n", seed);
	srand(seed);
	for (int i = 0; i < 150; i++) {
		struct state st;
		int status, saved[2];
		char c;
		pid_t pid;

		/* Every other round waits for a save to be done before the
		 * random wait: however slow the build (sanitizers) or busy
		 * the machine, kills land after saves too. */
		assert_int_equal(pipe(saved), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(saved[0]);
			writer(dir, path, -1, saved[1]);
		}
		close(saved[1]);
		if (i % 2)
			assert_int_equal(read(saved[0], &c, 1), 1);
		usleep((useconds_t)(rand() % 8000));
		kill(pid, SIGKILL);
		close(saved[0]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status))
			fail_msg("writer exited with %d", WEXITSTATUS(status));
		load(dir, path, &st);
		size_t n = check_prefix(&st.d);
		assert_true(n >= before);
		saved_rounds += n > before;
		before = n;
		state_close(&st);
		assert_true(count_files(dir, ".tmp-") <= 1);
	}
	/* The kills did land between saves, not only before the first. */
	assert_true(saved_rounds > 10);
	assert_int_equal(count_files(dir, ".bad-"), 0);
}

/* In a child whose files may not grow past limit bytes (SIGXFSZ
 * ignored, so that write fails with EFBIG as on a full disk): adds a note
 * of len bytes, and the save must fail with a one-line warning, leaving
 * no temporary file and the notes in memory.  With retry, the limit is
 * then lifted and the next save must write them.  Returns the exit
 * status (0: as expected). */
static int
save_past_limit(struct state *st, const char *dir, size_t limit, size_t len, bool retry)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { limit, RLIM_INFINITY };
		char *text = malloc(len + 1);
		size_t had = st->d.nnotes;
		signal(SIGXFSZ, SIG_IGN);
		if (!text || setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(5);
		memset(text, 'y', len);
		text[len] = '\0';
		if (state_add_note(st, "p1", "q", text, state_now()) != 0)
			_exit(6);
		if (state_save(st, state_now()) != -1 || !strstr(st->warning, "cannot save") ||
		    strchr(st->warning, '\n') || !st->dirty || st->d.nnotes != had + 1 ||
		    count_files(dir, ".tmp-") != 0)
			_exit(7);
		rl.rlim_cur = RLIM_INFINITY;
		if (retry && (setrlimit(RLIMIT_FSIZE, &rl) != 0 || state_save(st, state_now()) != 0))
			_exit(8);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* A disk that fills up while writing: at once, or part-way through.  The
 * old file is untouched, byte for byte; room again, the notes kept in
 * memory are saved. */
static void
full_disk(void **unused)
{
	char dir[4096], path[4200], file[8400];
	struct state st;
	char *old, *now;
	size_t oldlen, nowlen;

	setup(dir, sizeof dir, path, sizeof path, "full");
	assert_int_equal(state_open(&st, dir, path, bytes, strlen(bytes), false), 0);
	assert_int_equal(state_add_note(&st, "p1", "q", "note 1", state_now()), 0);
	assert_int_equal(state_save(&st, state_now()), 0);
	snprintf(file, sizeof file, "%s/%s", dir, st.name);
	assert_non_null(old = read_bytes(file, &oldlen));
	assert_int_equal(save_past_limit(&st, dir, 10, 10, false), 0);
	assert_int_equal(save_past_limit(&st, dir, oldlen + 100, 3000, false), 0);
	assert_non_null(now = read_bytes(file, &nowlen));
	assert_int_equal(nowlen, oldlen);
	assert_memory_equal(now, old, oldlen);
	free(now);
	assert_int_equal(save_past_limit(&st, dir, oldlen + 100, 3000, true), 0);
	state_close(&st);
	assert_non_null(now = read_bytes(file, &nowlen));
	assert_true(nowlen > oldlen + 3000);
	load(dir, path, &st);
	assert_int_equal(st.d.nnotes, 2);
	state_close(&st);
	free(old);
	free(now);
}

/* Two processes add notes and save at the same time: every note of both
 * is in the file at the end. */
static void
concurrent_writers(void **unused)
{
	char dir[4096], path[4200];
	struct state st;
	pid_t pid[2];
	int status;

	setup(dir, sizeof dir, path, sizeof path, "concurrent");
	for (int w = 0; w < 2; w++) {
		pid[w] = fork();
		assert_true(pid[w] >= 0);
		if (pid[w] == 0) {
			struct state s;
			char text[64];
			if (state_open(&s, dir, path, bytes, strlen(bytes), false) != 0)
				_exit(3);
			for (int i = 0; i < 40; i++) {
				snprintf(text, sizeof text, "writer %d note %d", w, i);
				if (state_add_note(&s, "p1", "q", text, state_now()) != 0 ||
				    state_save(&s, state_now()) != 0)
					_exit(4);
			}
			_exit(0);
		}
	}
	for (int w = 0; w < 2; w++) {
		assert_int_equal(waitpid(pid[w], &status, 0), pid[w]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	load(dir, path, &st);
	assert_int_equal(st.d.nnotes, 80);
	for (int w = 0; w < 2; w++)
		for (int i = 0; i < 40; i++) {
			char text[64];
			bool found = false;
			snprintf(text, sizeof text, "writer %d note %d", w, i);
			for (size_t k = 0; k < st.d.nnotes && !found; k++)
				found = strcmp(st.d.notes[k].text, text) == 0;
			if (!found)
				fail_msg("lost: %s", text);
		}
	state_close(&st);
}

/* Many processes, each with one new note, save at the same moment (let
 * go together by the close of a pipe): without the lock, one would read
 * the file before another's rename and write over its note. */
static void
writers_let_go_together(void **unused)
{
	enum { N = 12 };
	char dir[4096], path[4200];
	struct state st;
	pid_t pid[N];
	int go[2], status;

	setup(dir, sizeof dir, path, sizeof path, "together");
	for (int round = 0; round < 3; round++) {
		assert_int_equal(pipe(go), 0);
		for (int w = 0; w < N; w++) {
			pid[w] = fork();
			assert_true(pid[w] >= 0);
			if (pid[w] == 0) {
				struct state s;
				char text[64], c;
				close(go[1]);
				if (state_open(&s, dir, path, bytes, strlen(bytes), false) != 0)
					_exit(3);
				snprintf(text, sizeof text, "round %d writer %d", round, w);
				if (state_add_note(&s, "p1", "q", text, state_now()) != 0)
					_exit(4);
				if (read(go[0], &c, 1) != 0)
					_exit(5);
				_exit(state_save(&s, state_now()) == 0 ? 0 : 6);
			}
		}
		close(go[0]);
		usleep(50000);   /* most have opened; the test holds either way */
		close(go[1]);
		for (int w = 0; w < N; w++) {
			assert_int_equal(waitpid(pid[w], &status, 0), pid[w]);
			assert_true(WIFEXITED(status));
			assert_int_equal(WEXITSTATUS(status), 0);
		}
	}
	load(dir, path, &st);
	assert_int_equal(st.d.nnotes, 3 * N);
	state_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(killed_writer),
		cmocka_unit_test(full_disk),
		cmocka_unit_test(concurrent_writers),
		cmocka_unit_test(writers_let_go_together),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
