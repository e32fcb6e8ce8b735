/* End-to-end tests of the data file under the screen: the file truncated
 * and rewritten during a session (no crash, the status line tells, R
 * reloads it in the same place, a bad file is not taken), and a name of
 * 200 000 characters in a paragraph of 1 MB, whose mentions must not hold
 * up the first frame. */
#include <config.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dossier-e2e.h"

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	rewind(f);
	buf = malloc((size_t)size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	*n = (size_t)size;
	return buf;
}

/* Writes the parts, one after the other, to path (a new file each time:
 * a write in place, as a program that truncates and writes does). */
static void
put(const char *path, const char *a, size_t na, const char *b, size_t nb)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(a, 1, na, f), na);
	if (nb)
		assert_int_equal(fwrite(b, 1, nb, f), nb);
	assert_int_equal(fclose(f), 0);
}

static struct vt *
browse(void **state, const char *path)
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)path, NULL };
	char *env[] = { (char *)"LC_ALL=C.UTF-8", (char *)"NO_COLOR", (char *)"DOSSIER_FILE", NULL };
	struct vt *v = vt_spawn(argv, env, 40, 120);

	assert_non_null(v);
	*state = v;
	return v;
}

static void
test_changing_file(void **state)
{
	char path[] = "/tmp/dossier-e2e-XXXXXX";
	size_t n, nparas = 0;
	char *data = slurp(data_path(), &n), want[64];
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	put(path, data, n, NULL, 0);
	for (const char *p = data; (p = strstr(p, "\nId: p")) != NULL; p++)
		nparas += p[6] >= '0' && p[6] <= '9';   /* p1, p2 ... */
	struct vt *v = browse(state, path);
	snprintf(want, sizeof want, "p1/%zu", nparas);
	expect_row(v, -1, want);
	settle(v);

	/* Truncated under it: the keys still work on what was read. */
	assert_int_equal(truncate(path, 0), 0);
	press(v, "3G");
	press(v, "gjk12");
	press(v, "3");
	if (!vt_alive(v))
		fail_screen(v, "dossier died when its file was truncated");
	expect_row(v, -1, "file changed on disk: R reloads");
	expect_text(v, "两个月前");
	/* R on the empty file: not taken, the dossier shown stays. */
	press(v, "R");
	expect_row(v, -1, "not reloaded, 1 error", "no Dossier record");
	expect_text(v, "两个月前");

	/* Rewritten with a paragraph before the others: R shows it, and
	 * the article stays at the paragraph it showed, now the sixth. */
	const char *at = strstr(data, "%rec: Paragraph\n%key: Id\n\n");
	assert_non_null(at);
	at += strlen("%rec: Paragraph\n%key: Id\n\n");
	static const char added[] = "Id: p0\nArticle: meta-ai\nText: 新的第一段。\n\n";
	char *edited = malloc(n + sizeof added);
	assert_non_null(edited);
	memcpy(edited, data, (size_t)(at - data));
	memcpy(edited + (at - data), added, sizeof added - 1);
	put(path, edited, (size_t)(at - data) + sizeof added - 1, at, n - (size_t)(at - data));
	press(v, "3g}}}}");
	snprintf(want, sizeof want, "p5/%zu", nparas);
	expect_row(v, -1, want, "file changed on disk: R reloads");
	press(v, "R");
	snprintf(want, sizeof want, "p6/%zu", nparas + 1);
	expect_row(v, -1, "reloaded", want);
	press(v, "g");
	expect_text(v, "新的第一段");
	expect_gone(v, "file changed on disk");
	/* The errors of a reload that failed (and no good one since) are
	 * written when the screen is left. */
	put(path, "%rec: Dossier\n\nTitle: T\nbad line\n", 32, NULL, 0);
	press(v, "R");
	expect_row(v, -1, "not reloaded, 1 error", ":4: field line without ':'");
	expect_text(v, "新的第一段");
	expect_clean_quit(v, "after the reloads");
	expect_text(v, "the last reload of");
	expect_text(v, ":4: field line without ':'");
	unlink(path);
	free(edited);
	free(data);
}

/* A person whose Name is 200 000 Chinese characters, all alike, and a
 * paragraph of 1 MB of them (a line just under the limit), made here: matching it from every
 * character took minutes, and the screen answered neither keys nor
 * signals.  The first frame now comes within the usual patience, with
 * the name's mentions marked, and q quits. */
static void
test_long_name(void **state)
{
	char path[] = "/tmp/dossier-e2e-XXXXXX";
	size_t name = 200000, para = 340000, n = 0;
	char *buf = malloc(3 * (name + para) + 1024);
	int fd = mkstemp(path);

	assert_non_null(buf);
	assert_true(fd >= 0);
	close(fd);
	n += (size_t)sprintf(buf, "%%rec: Dossier\n\nTitle: T\n\n%%rec: Paragraph\n\nId: p\nText: ");
	for (size_t i = 0; i < para; i++, n += 3)
		memcpy(buf + n, "中", 3);
	n += (size_t)sprintf(buf + n, "\n\n%%rec: Person\n\nId: x\nName: ");
	for (size_t i = 0; i < name; i++, n += 3)
		memcpy(buf + n, "中", 3);
	buf[n++] = '\n';
	put(path, buf, n, NULL, 0);
	free(buf);
	struct vt *v = browse(state, path);
	expect_row(v, -1, "p1/1");
	expect_text(v, "People (1)");
	settle(v);
	expect_clean_quit(v, "on a dossier with a 200 000-character name");
	vt_free(v);
	/* A signal at once, while it loads or makes its first frame, ends
	 * it (the terminal restored). */
	for (int sig = SIGINT; sig <= SIGTERM; sig += SIGTERM - SIGINT) {
		v = browse(state, path);
		vt_kill(v, sig);
		expect_signal_end(v, sig, "a signal before the first frame");
		expect_cooked(v, "a signal before the first frame");
		vt_free(v);
	}
	*state = NULL;
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_changing_file, teardown_vt),
		cmocka_unit_test_teardown(test_long_name, teardown_vt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
