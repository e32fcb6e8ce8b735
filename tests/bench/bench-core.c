/* bench-core: the core's phases timed in process, to see where the time of
 * a load or a search goes (the pty timings of bench-tty include them).
 *
 *   bench-core [-r RUNS] [-q QUERY]... FILE
 *
 * Phases: reading and parsing the rec file (rec), building the model from
 * it (model = dossier_load - rec), the index's table of surface forms
 * (index), building the folded search corpus (search.build), the first
 * character of the first QUERY (search.first), then each QUERY typed one
 * character at a time, as the prompt runs them (search.QUERY, the first
 * one's first character included), and the mentions of every paragraph
 * (mentions.all, what index_paragraphs_of costs).  Output: "RESULT name median min max runs ms". */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dossier.h"
#include "index.h"
#include "search.h"

#define MAX_QUERIES 4
#define MAX_RUNS 64

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
result(const char *name, double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	printf("RESULT %s %.3f %.3f %.3f %d ms\n", name,
	    n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v[0], v[n - 1], n);
}

static void
load(struct dossier *d, const char *path)
{
	struct diag dg;

	diag_init(&dg, path);
	if (dossier_load(d, path, &dg) != 0) {
		for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
			fprintf(stderr, "%s\n", dg.msg[i]);
		exit(65);
	}
	diag_free(&dg);
}

/* Length of the first UTF-8 character of s. */
static size_t
char_len(const char *s)
{
	size_t n = 1;

	while (((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

int
main(int argc, char **argv)
{
	static double t_rec[MAX_RUNS], t_model[MAX_RUNS], t_index[MAX_RUNS],
	    t_build[MAX_RUNS], t_first[MAX_RUNS], t_q[MAX_QUERIES][MAX_RUNS],
	    t_ment[MAX_RUNS];
	const char *queries[MAX_QUERIES], *path;
	int runs = 5, nq = 0, i;

	for (i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "-r") == 0)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-q") == 0 && nq < MAX_QUERIES)
			queries[nq++] = argv[++i];
		else
			break;
	}
	if (i + 1 != argc || runs < 1 || runs > MAX_RUNS) {
		fputs("Usage: bench-core [-r RUNS] [-q QUERY]... FILE\n", stderr);
		return 64;
	}
	path = argv[i];
	for (int r = 0; r < runs; r++) {
		struct rec_file rf;
		struct dossier d;
		struct index ix;
		struct search s;
		struct diag dg;
		double t0, t1;

		diag_init(&dg, path);
		t0 = now_ms();
		if (rec_load(&rf, path, &dg) != 0) {
			fprintf(stderr, "%s: cannot load\n", path);
			return 65;
		}
		t_rec[r] = now_ms() - t0;
		rec_free(&rf);
		diag_free(&dg);

		t0 = now_ms();
		load(&d, path);
		t_model[r] = now_ms() - t0 - t_rec[r];

		t0 = now_ms();
		if (index_init(&ix, &d) < 0)
			return 70;
		t_index[r] = now_ms() - t0;

		search_init(&s, &d);
		t0 = now_ms();
		if (search_run(&s, "", 0) < 0)    /* builds the corpus */
			return 70;
		t_build[r] = now_ms() - t0;
		for (int q = 0; q < nq; q++) {
			const char *p = queries[q];
			t0 = now_ms();
			for (size_t len = char_len(p); ; len += char_len(p + len)) {
				if (search_run(&s, p, len) < 0)
					return 70;
				if (q == 0 && len == char_len(p))
					t_first[r] = now_ms() - t0;
				if (!p[len])
					break;
			}
			t_q[q][r] = now_ms() - t0;
		}
		search_free(&s);

		t0 = now_ms();
		for (size_t p = 0; p < d.nparas; p++) {
			size_t n;
			index_mentions(&ix, p, &n);
		}
		t1 = now_ms();
		t_ment[r] = t1 - t0;
		index_free(&ix);
		dossier_free(&d);
	}
	result("rec", t_rec, runs);
	result("model", t_model, runs);
	result("index", t_index, runs);
	result("search.build", t_build, runs);
	if (nq)
		result("search.first", t_first, runs);
	for (int q = 0; q < nq; q++) {
		char name[128];
		snprintf(name, sizeof name, "search.%s", queries[q]);
		result(name, t_q[q], runs);
	}
	result("mentions.all", t_ment, runs);
	return 0;
}
