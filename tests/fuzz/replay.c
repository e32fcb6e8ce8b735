/* Runs a fuzz target over its corpus without libFuzzer, so that `make
 * check` replays every seed and every regression input (with the
 * target's asserts, and under ASan/UBSan with --enable-sanitizers).  Each
 * input runs in a child process: a crash is one failed test, and the
 * next inputs still run.  TAP.  Compile with -DCORPUS='"dir"'. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CORPUS
#error "compile with -DCORPUS='\"path/to/corpus/dir\"'"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A target without LLVMFuzzerInitialize gets this one. */
__attribute__((weak)) int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static unsigned char *
slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			unsigned char *nb = realloc(buf, cap = cap ? cap * 2 : 4096);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	/* Exactly n bytes, so ASan sees a read past the input. */
	unsigned char *exact = malloc(n ? n : 1);
	if (exact)
		memcpy(exact, buf, n);
	free(buf);
	*size = n;
	return exact;
}

int
main(int argc, char **argv)
{
	DIR *dir = opendir(CORPUS);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, failed = 0;

	if (!dir) {
		printf("1..0 # SKIP %s: %s\n", CORPUS, strerror(errno));
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *nn);
			if (!nn)
				return 99;
			names = nn;
		}
		if (!(names[n++] = strdup(e->d_name)))
			return 99;
	}
	closedir(dir);
	qsort(names, n, sizeof *names, by_name);
	LLVMFuzzerInitialize(&argc, &argv);
	printf("1..%zu\n", n);
	fflush(stdout);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		size_t size = 0;
		unsigned char *data;
		pid_t pid;
		int status = 0;

		snprintf(path, sizeof path, "%s/%s", CORPUS, names[i]);
		data = slurp(path, &size);
		if (!data) {
			printf("not ok %zu - %s: cannot read: %s\n", i + 1, names[i], strerror(errno));
			failed++;
			free(names[i]);
			continue;
		}
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			LLVMFuzzerTestOneInput(data, size);
			exit(0);   /* not _exit: LeakSanitizer checks at exit */
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0 ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			printf("not ok %zu - %s (%zu bytes): ", i + 1, names[i], size);
			if (pid < 0)
				printf("fork: %s\n", strerror(errno));
			else if (WIFSIGNALED(status))
				printf("killed by signal %d\n", WTERMSIG(status));
			else
				printf("exit %d\n", WEXITSTATUS(status));
			failed++;
		} else {
			printf("ok %zu - %s (%zu bytes)\n", i + 1, names[i], size);
		}
		free(data);
		free(names[i]);
	}
	free(names);
	return failed ? 1 : 0;
}
