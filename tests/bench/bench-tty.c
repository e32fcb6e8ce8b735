/* bench-tty: timings of dossier (and of the reference tools) as a user sees
 * them, through the pseudo-terminal harness of the screen tests (libvt).
 *
 *   bench-tty run [-r RUNS] -- CMD [ARG]...
 *       runs CMD (output read and dropped) RUNS times: wall time, peak RSS
 *   bench-tty dossier [-r RUNS] [-q QUERY]... -- CMD [ARG]...
 *       CMD opens a dossier in a 120x40 terminal; measures the first
 *       complete frame, the first key of the first QUERY typed at once
 *       (q0.key1), then after a pause of a second each keystroke of each
 *       QUERY typed after /, n, and
 *       paging (Space from the top, G, then b from the bottom), and the
 *       peak RSS of the session (session.rss)
 *   bench-tty less [-r RUNS] -w TEXT -- CMD [ARG]...
 *       CMD is a pager (less FILE): the first frame (TEXT on screen), Space
 *       from the top, G, then b from the bottom
 *
 * Every result is a line "RESULT name median min max count unit", times in
 * milliseconds.  A screen time is measured from the write (or the spawn)
 * to the last byte of output before the screen goes quiet, with the
 * expected text on it; the quiet period itself is not counted.  The times
 * include the pty and the terminal emulator, as any terminal's would. */
#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"

#define ROWS 40
#define COLS 120
#define PAGES 20              /* paging keys measured per run */
#define NEXTS 20              /* n keys measured per run */
#define FRAME_QUIET_MS 150    /* the first frame is complete after this */
#define KEY_QUIET_MS 40       /* a key's frame is complete after this */
#define PAUSE_MS 1000         /* the reader's pause before searching */
#define TIMEOUT_MS 60000     /* for the first frame or a search key */
#define NO_CHANGE_MS 2000    /* a page key with no output by then did nothing */
#define MAX_QUERIES 4

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- samples ---- */

struct series {
	char name[96];
	const char *unit;
	double *v;
	size_t n, cap;
};

static struct series all[128];
static size_t nseries;

static struct series *
series(const char *name, const char *unit)
{
	for (size_t i = 0; i < nseries; i++)
		if (strcmp(all[i].name, name) == 0)
			return &all[i];
	if (nseries == sizeof all / sizeof *all) {
		fputs("bench-tty: too many series\n", stderr);
		exit(70);
	}
	snprintf(all[nseries].name, sizeof all[nseries].name, "%s", name);
	all[nseries].unit = unit;
	return &all[nseries++];
}

static void
sample(const char *name, const char *unit, double x)
{
	struct series *s = series(name, unit);

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	s->v[s->n++] = x;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
report(void)
{
	for (size_t i = 0; i < nseries; i++) {
		struct series *s = &all[i];
		double med;
		if (!s->n)
			continue;
		qsort(s->v, s->n, sizeof *s->v, cmp_double);
		med = s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2;
		printf("RESULT %s %.3f %.3f %.3f %zu %s\n", s->name, med, s->v[0],
		    s->v[s->n - 1], s->n, s->unit);
	}
	fflush(stdout);
}

/* ---- waiting for the screen ---- */

static char *const env[] = {
	"LC_ALL=C.UTF-8", "LESS", "LESSOPEN", "LESSCLOSE", "LESSKEYIN", "DOSSIER_FILE",
	"NO_COLOR", NULL
};

/* Pumps output until every text in want (NULL-terminated, may be NULL) is
 * on screen, or else alt is; at least one byte arrived after t0 if
 * need_output; and nothing arrived for quiet_ms.  Returns the time of
 * the last byte minus t0, or -1 on timeout or EOF. */
static double
settle(struct vt *v, double t0, const char *const *want, const char *alt,
    bool need_output, int quiet_ms, int timeout_ms)
{
	double last = -1, deadline = t0 + timeout_ms;

	for (;;) {
		bool ok = !need_output || last >= 0;
		for (size_t i = 0; ok && want && want[i]; i++)
			ok = vt_find(v, want[i], NULL, NULL);
		if (!ok && alt && (!need_output || last >= 0))
			ok = vt_find(v, alt, NULL, NULL);
		double t = now_ms(), since = last >= 0 ? last : t0;
		if (ok && t - since >= quiet_ms)
			return last >= 0 ? last - t0 : 0;
		if (t >= deadline)
			return -1;
		double wait = ok ? since + quiet_ms - t : deadline - t;
		int n = vt_pump(v, wait < 1 ? 1 : (int)(wait + 0.999));
		if (n > 0)
			last = now_ms();
		else if (n < 0)
			return -1;
	}
}

static void
fail(struct vt *v, const char *what)
{
	fprintf(stderr, "bench-tty: %s: the screen did not settle as expected\n", what);
	if (v)
		vt_dump(v, stderr);
	vt_free(v);
	exit(1);
}

/* Sends bytes, returns the time until the screen settles. */
static double
key(struct vt *v, const char *bytes, const char *const *want, const char *alt,
    const char *what)
{
	double t0 = now_ms(), ms;

	vt_send(v, bytes);
	ms = settle(v, t0, want, alt, true, KEY_QUIET_MS, TIMEOUT_MS);
	if (ms < 0)
		fail(v, what);
	return ms;
}

/* Sends bytes up to count times, as long as the screen changes. */
static void
pages(struct vt *v, const char *bytes, const char *name, int count)
{
	for (int k = 0; k < count; k++) {
		double t0 = now_ms(), ms;
		vt_send(v, bytes);
		ms = settle(v, t0, NULL, NULL, true, KEY_QUIET_MS, NO_CHANGE_MS);
		if (ms < 0)
			break;       /* nothing moved: the end of the text */
		sample(name, "ms", ms);
	}
}

/* The status line's "hit I/N". */
static bool
hit_status(struct vt *v, size_t *i, size_t *n)
{
	for (int r = ROWS - 1; r >= 0; r--) {
		char *row = vt_row(v, r);
		char *h = row ? strstr(row, " hit ") : NULL;
		bool ok = h && sscanf(h, " hit %zu/%zu", i, n) == 2;
		free(row);
		if (ok)
			return true;
	}
	return false;
}

/* ---- dossier ---- */

static void
type_query(struct vt *v, const char *q, int qi)
{
	const char *p = q;
	char prefix[256], want_hit[300], want_none[300], name[96], what[300];
	int k = 0;

	key(v, "/", NULL, NULL, "/");
	while (*p) {
		/* One character, whole, per write. */
		size_t len = 1;
		while (((unsigned char)p[len] & 0xc0) == 0x80)
			len++;
		snprintf(prefix, sizeof prefix, "%.*s", (int)(p - q + len), q);
		char ch[8];
		snprintf(ch, sizeof ch, "%.*s", (int)len, p);
		snprintf(want_hit, sizeof want_hit, "/%s  hit ", prefix);
		snprintf(want_none, sizeof want_none, "/%s  (no match)", prefix);
		const char *want[] = { want_hit, NULL };
		snprintf(what, sizeof what, "search '%s'", prefix);
		double ms = key(v, ch, want, want_none, what);
		k++;
		snprintf(name, sizeof name, "q%d.key%d", qi, k);
		sample(name, "ms", ms);
		size_t i, n;
		if (hit_status(v, &i, &n)) {
			snprintf(name, sizeof name, "q%d.hits%d", qi, k);
			sample(name, "hits", (double)n);
		}
		p += len;
	}
	key(v, "\r", NULL, NULL, "Enter");
}

static void
bench_dossier(char **argv, int runs, const char *const *queries, int nq)
{
	for (int run = 0; run < runs; run++) {
		double t0 = now_ms(), ms;
		struct vt *v = vt_spawn(argv, env, ROWS, COLS);
		const char *frame[] = { "p1/", "Timeline", "People", "Article", NULL };
		size_t i, n;
		char want[64];

		if (!v)
			fail(NULL, "spawn");
		ms = settle(v, t0, frame, NULL, true, FRAME_QUIET_MS, TIMEOUT_MS);
		if (ms < 0)
			fail(v, "first frame");
		sample("frame", "ms", ms);

		/* A search at once, while the search corpus may still be in
		 * the making; then a pause, as a reader would make, before the
		 * searches timed key by key. */
		if (nq) {
			char first[8], want_hit[16], want_none[24];
			size_t len = 1;
			while (((unsigned char)queries[0][len] & 0xc0) == 0x80)
				len++;
			snprintf(first, sizeof first, "%.*s", (int)len, queries[0]);
			snprintf(want_hit, sizeof want_hit, "/%s  hit ", first);
			snprintf(want_none, sizeof want_none, "/%s  (no match)", first);
			const char *w[] = { want_hit, NULL };
			key(v, "/", NULL, NULL, "/");
			sample("q0.key1", "ms", key(v, first, w, want_none, "search at once"));
			key(v, "\033", NULL, NULL, "Esc");
		}
		settle(v, now_ms(), NULL, NULL, false, PAUSE_MS, TIMEOUT_MS);

		for (int q = 0; q < nq; q++) {
			type_query(v, queries[q], q + 1);
			/* n: the status line shows the next hit. */
			for (int k = 0; q == 0 && k < NEXTS; k++) {
				if (!hit_status(v, &i, &n))
					break;
				snprintf(want, sizeof want, " hit %zu/%zu", i % n + 1, n);
				const char *w[] = { want, NULL };
				sample("next", "ms", key(v, "n", w, NULL, "n"));
			}
			key(v, "\033", NULL, NULL, "Esc");
		}

		/* Paging in the article: from the top, then from the bottom. */
		/* The article may have the focus already (a hit there gave
		 * it): then 3 draws nothing, so no output is waited for. */
		vt_send(v, "3");
		settle(v, now_ms(), NULL, NULL, false, KEY_QUIET_MS, TIMEOUT_MS);
		vt_send(v, "g");
		settle(v, now_ms(), NULL, NULL, false, KEY_QUIET_MS, TIMEOUT_MS);
		pages(v, " ", "page.top", PAGES);
		pages(v, "G", "bottom", 1);
		pages(v, "b", "page.bottom", PAGES);

		vt_send(v, "q");
		if (vt_wait_exit(v, 10000) != 0)
			fail(v, "q");
		vt_free(v);
	}
	/* The largest child so far: every child was this dossier. */
	struct rusage ru;
	if (getrusage(RUSAGE_CHILDREN, &ru) == 0)
		sample("session.rss", "KiB", (double)ru.ru_maxrss);
}

/* ---- a pager ---- */

static void
bench_less(char **argv, int runs, const char *first)
{
	for (int run = 0; run < runs; run++) {
		double t0 = now_ms(), ms;
		struct vt *v = vt_spawn(argv, env, ROWS, COLS);
		const char *frame[] = { first, NULL };

		if (!v)
			fail(NULL, "spawn");
		ms = settle(v, t0, frame, NULL, true, FRAME_QUIET_MS, TIMEOUT_MS);
		if (ms < 0)
			fail(v, "first frame");
		sample("frame", "ms", ms);
		pages(v, " ", "page.top", PAGES);
		pages(v, "G", "bottom", 1);
		pages(v, "b", "page.bottom", PAGES);
		vt_send(v, "q");
		vt_wait_exit(v, 10000);
		vt_free(v);
	}
}

/* ---- a whole command ---- */

static void
bench_run(char **argv, int runs)
{
	for (int run = 0; run < runs; run++) {
		struct rusage ru;
		int st, fd[2];
		char buf[65536];
		double t0 = now_ms();
		pid_t pid;

		/* Output goes through a pipe: GNU grep stops at the first match
		 * when its output is /dev/null. */
		if (pipe(fd) < 0 || (pid = fork()) < 0) {
			perror("bench-tty: fork");
			exit(71);
		}
		if (pid == 0) {
			close(fd[0]);
			dup2(fd[1], STDOUT_FILENO);
			close(fd[1]);
			execvp(argv[0], argv);
			fprintf(stderr, "bench-tty: %s: %s\n", argv[0], strerror(errno));
			_exit(127);
		}
		close(fd[1]);
		for (;;) {
			ssize_t r = read(fd[0], buf, sizeof buf);
			if (r == 0 || (r < 0 && errno != EINTR))
				break;
		}
		close(fd[0]);
		while (wait4(pid, &st, 0, &ru) < 0)
			if (errno != EINTR) {
				perror("bench-tty: wait4");
				exit(71);
			}
		sample("wall", "ms", now_ms() - t0);
		sample("rss", "KiB", (double)ru.ru_maxrss);
		if (!WIFEXITED(st) || WEXITSTATUS(st) > 1) {
			fprintf(stderr, "bench-tty: %s exited with status %d\n", argv[0],
			    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
			exit(1);
		}
	}
}

static void
usage(void)
{
	fputs("Usage: bench-tty run [-r RUNS] -- CMD [ARG]...\n"
	    "       bench-tty dossier [-r RUNS] [-q QUERY]... -- CMD [ARG]...\n"
	    "       bench-tty less [-r RUNS] -w TEXT -- CMD [ARG]...\n", stderr);
	exit(64);
}

int
main(int argc, char **argv)
{
	const char *mode, *queries[MAX_QUERIES], *first = NULL;
	int runs = 5, nq = 0, i;

	if (argc < 2)
		usage();
	mode = argv[1];
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "-r") == 0)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-q") == 0 && nq < MAX_QUERIES)
			queries[nq++] = argv[++i];
		else if (strcmp(argv[i], "-w") == 0)
			first = argv[++i];
		else
			usage();
	}
	if (i + 1 >= argc || runs < 1)
		usage();
	argv += i + 1;
	if (strcmp(mode, "run") == 0)
		bench_run(argv, runs);
	else if (strcmp(mode, "dossier") == 0)
		bench_dossier(argv, runs, queries, nq);
	else if (strcmp(mode, "less") == 0 && first)
		bench_less(argv, runs, first);
	else
		usage();
	report();
	return 0;
}
