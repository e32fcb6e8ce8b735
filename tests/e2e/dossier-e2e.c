/* Helpers shared by dossier's screen tests; see dossier-e2e.h. */
#include <config.h>

#include "dossier-e2e.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* ---- the program and its data ---- */

const char *dossier_path(void)
{
	const char *d = getenv("DOSSIER");
	if (!d || !*d)
		fail_msg("DOSSIER is not set: run through `make check` or set "
			 "DOSSIER=/abs/path/src/dossier");
	return d;
}

const char *data_path(void)
{
	static char path[4096];
	if (!path[0]) {
		const char *top = getenv("top_srcdir");
		if (!top || !*top)
			fail_msg("top_srcdir is not set: run through `make check` or set top_srcdir");
		snprintf(path, sizeof path, "%s/data/meta-ai.rec", top);
		if (access(path, R_OK) != 0)
			fail_msg("cannot read %s", path);
	}
	return path;
}

/* stdout of `dossier OPT ARG -f DATA`, malloc'd; *status is waitpid's. */
static char *capture(const char *opt, const char *arg, int *status)
{
	const char *prog = dossier_path(), *data = data_path();
	int fd[2];
	if (pipe(fd) != 0)
		fail_msg("pipe: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDOUT_FILENO);
		close(fd[1]);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("DOSSIER_FILE");
		execl(prog, prog, opt, arg, "-f", data, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	size_t len = 0, cap = 8192;
	char *out = malloc(cap);
	assert_non_null(out);
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap *= 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
		ssize_t n = read(fd[0], out + len, 4096);
		if (n > 0)
			len += (size_t)n;
		else if (n < 0 && errno == EINTR)
			continue;
		else
			break;
	}
	out[len] = '\0';
	close(fd[0]);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return out;
}

struct table *cli_table(const char *opt, const char *arg)
{
	struct table *t = calloc(1, sizeof *t);
	assert_non_null(t);
	char *out = capture(opt, arg, &t->status);
	size_t lines = 0;
	for (char *p = out; *p; p++)
		lines += *p == '\n';
	t->row = calloc(lines + 1, sizeof *t->row);
	t->nfields = calloc(lines + 1, sizeof *t->nfields);
	assert_non_null(t->row);
	assert_non_null(t->nfields);
	char *save = NULL;
	for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t nf = 1;
		for (char *p = line; *p; p++)
			nf += *p == '\t';
		char **f = calloc(nf, sizeof *f);
		assert_non_null(f);
		char *p = line;
		for (size_t j = 0; j < nf; j++) {
			char *tab = strchr(p, '\t');
			if (tab)
				*tab = '\0';
			f[j] = strdup(p);
			assert_non_null(f[j]);
			p = tab ? tab + 1 : p + strlen(p);
		}
		t->row[t->n] = f;
		t->nfields[t->n] = nf;
		t->n++;
	}
	free(out);
	return t;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		for (size_t j = 0; j < t->nfields[i]; j++)
			free(t->row[i][j]);
		free(t->row[i]);
	}
	free(t->row);
	free(t->nfields);
	free(t);
}

const char *field(const struct table *t, size_t i, size_t j)
{
	if (i >= t->n || j >= t->nfields[i])
		return "";
	return t->row[i][j];
}

bool list_has(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *end = p;
		while (*end && *end != ',')
			end++;
		const char *e = end;
		while (e > p && e[-1] == ' ')
			e--;
		if ((size_t)(e - p) == n && memcmp(p, word, n) == 0)
			return true;
		p = end;
	}
	return false;
}

size_t search_count(const char *query)
{
	struct table *t = cli_table("--search", query);
	size_t n = t->n;
	table_free(t);
	return n;
}

char *utf8_prefix(const char *s, size_t nchars)
{
	size_t i = 0;
	while (s[i] && nchars > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		nchars--;
	}
	char *out = strndup(s, i);
	assert_non_null(out);
	return out;
}

/* ---- the browser ---- */

struct vt *start_browser(void **state, int rows, int cols, char *const env_extra[])
{
	char *argv[] = { (char *)dossier_path(), (char *)"-f", (char *)data_path(), NULL };
	char *env[32];
	size_t n = 0;
	env[n++] = (char *)"LC_ALL=C.UTF-8";
	env[n++] = (char *)"NO_COLOR";
	env[n++] = (char *)"DOSSIER_FILE";
	for (size_t i = 0; env_extra && env_extra[i] && n < 31; i++)
		env[n++] = env_extra[i];
	env[n] = NULL;
	struct vt *v = vt_spawn(argv, env, rows, cols);
	assert_non_null(v);
	*state = v;
	/* Every view names the timeline: the full view's pane title, the narrow
	 * view's tab. */
	if (rows >= 5 && cols >= 20)
		expect_text(v, "Timeline");
	settle(v);
	return v;
}

int teardown_vt(void **state)
{
	vt_free(*state);
	*state = NULL;
	return 0;
}

void settle(struct vt *v)
{
	if (!vt_wait_ready(v, PATIENCE_MS))
		fail_screen(v, "the program never went back to waiting for a key");
}

void press(struct vt *v, const char *keys)
{
	vt_send(v, keys);
	settle(v);
}

void fail_screen(struct vt *v, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "# %s\n", msg);
	vt_dump(v, stderr);
	fail_msg("%s", msg);
	abort(); /* fail_msg does not return */
}

void expect_text(struct vt *v, const char *utf8)
{
	if (!vt_wait_text(v, utf8, PATIENCE_MS))
		fail_screen(v, "never appeared on screen: \"%s\"", utf8);
}

void expect_gone(struct vt *v, const char *utf8)
{
	if (!vt_wait_gone(v, utf8, PATIENCE_MS))
		fail_screen(v, "still on screen: \"%s\"", utf8);
}

int screen_rows(struct vt *v)
{
	int r;
	vt_size(v, &r, NULL);
	return r;
}

int screen_cols(struct vt *v)
{
	int c;
	vt_size(v, NULL, &c);
	return c;
}

static int real_row(struct vt *v, int row)
{
	return row < 0 ? screen_rows(v) + row : row;
}

char *row_text(struct vt *v, int row)
{
	char *s = vt_row(v, real_row(v, row));
	assert_non_null(s);
	return s;
}

bool row_contains(struct vt *v, int row, const char *utf8)
{
	char *s = row_text(v, row);
	bool yes = strstr(s, utf8) != NULL;
	free(s);
	return yes;
}

static bool row_has_all(struct vt *v, int row, va_list ap)
{
	char *s = row_text(v, row);
	bool ok = true;
	for (const char *want = va_arg(ap, const char *); want; want = va_arg(ap, const char *))
		if (!strstr(s, want))
			ok = false;
	free(s);
	return ok;
}

bool wait_row(struct vt *v, int row, int timeout_ms, ...)
{
	/* Poll in small slices: vt_pump returns as soon as output arrives. */
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		va_list ap;
		va_start(ap, timeout_ms);
		bool ok = row_has_all(v, row, ap);
		va_end(ap);
		if (ok)
			return true;
		if (now_ms() >= deadline || vt_pump(v, 10) < 0) {
			va_start(ap, timeout_ms);
			ok = row_has_all(v, row, ap);
			va_end(ap);
			return ok;
		}
	}
}

void expect_row_all(struct vt *v, int row, ...)
{
	const char *want[16];
	size_t n = 0;
	va_list ap;
	va_start(ap, row);
	for (const char *w = va_arg(ap, const char *); w && n < 15; w = va_arg(ap, const char *))
		want[n++] = w;
	va_end(ap);
	want[n] = NULL;
	long long deadline = now_ms() + PATIENCE_MS;
	for (;;) {
		char *s = row_text(v, row);
		bool ok = true;
		for (size_t i = 0; i < n; i++)
			ok = ok && strstr(s, want[i]) != NULL;
		free(s);
		if (ok)
			return;
		if (now_ms() >= deadline || vt_pump(v, 10) < 0)
			break;
	}
	char msg[1024] = "";
	size_t len = 0;
	for (size_t i = 0; i < n && len < sizeof msg; i++)
		len += (size_t)snprintf(msg + len, sizeof msg - len, "%s\"%s\"", i ? " and " : "",
		    want[i]);
	fail_screen(v, "row %d never showed %s", row, msg);
}

/* Encodes c at out (room for 6 bytes); a bad code point becomes U+FFFD. */
static size_t put_utf8(char *out, uint32_t c)
{
	int n = u8_uctomb((uint8_t *)out, (ucs4_t)c, 6);
	return n > 0 ? (size_t)n : (size_t)u8_uctomb((uint8_t *)out, 0xFFFD, 6);
}

char *cells_text(struct vt *v, int row, int c0, int c1)
{
	row = real_row(v, row);
	if (c0 < 0)
		c0 = 0;
	if (c1 > screen_cols(v))
		c1 = screen_cols(v);
	char *s = malloc((size_t)(c1 > c0 ? c1 - c0 : 0) * 4 + 1);
	assert_non_null(s);
	size_t n = 0;
	for (int c = c0; c < c1; c++) {
		int w;
		uint32_t cp = vt_cell(v, row, c, &w);
		if (w == 0 && cp == 0 && c > c0)
			continue; /* right half of a wide char */
		n += put_utf8(s + n, cp ? cp : ' ');
	}
	s[n] = '\0';
	return s;
}

int find_in(struct vt *v, int row, int c0, int c1, const char *utf8)
{
	row = real_row(v, row);
	for (int c = c0 < 0 ? 0 : c0; c < c1; c++) {
		int w;
		vt_cell(v, row, c, &w);
		if (w == 0)
			continue;
		char *s = cells_text(v, row, c, c1);
		bool hit = strncmp(s, utf8, strlen(utf8)) == 0;
		free(s);
		if (hit)
			return c;
	}
	return -1;
}

char **screen_copy(struct vt *v)
{
	int rows = screen_rows(v);
	char **s = calloc((size_t)rows, sizeof *s);
	assert_non_null(s);
	for (int r = 0; r < rows; r++)
		s[r] = row_text(v, r);
	return s;
}

void screen_free(char **s, int rows)
{
	for (int r = 0; s && r < rows; r++)
		free(s[r]);
	free(s);
}

struct vt_attr *attrs_copy(struct vt *v)
{
	int rows = screen_rows(v), cols = screen_cols(v);
	struct vt_attr *a = calloc((size_t)rows * (size_t)cols, sizeof *a);
	assert_non_null(a);
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < cols; c++)
			a[r * cols + c] = vt_cell_attr(v, r, c);
	return a;
}

bool attrs_differ(struct vt *v, const struct vt_attr *was, int skip_row, int *row, int *col)
{
	int rows = screen_rows(v), cols = screen_cols(v);
	for (int r = 0; r < rows; r++) {
		if (r == skip_row)
			continue;
		for (int c = 0; c < cols; c++) {
			/* libvterm keeps stale attributes on the right half of a wide
			 * char: only the left half counts. */
			int w;
			vt_cell(v, r, c, &w);
			if (w == 0)
				continue;
			struct vt_attr a = vt_cell_attr(v, r, c), b = was[r * cols + c];
			if (a.bold != b.bold || a.reverse != b.reverse || a.underline != b.underline ||
			    a.fg_default != b.fg_default || a.bg_default != b.bg_default) {
				*row = r;
				*col = c;
				return true;
			}
		}
	}
	return false;
}

int find_cp(struct vt *v, int row, uint32_t cp)
{
	row = real_row(v, row);
	for (int c = 0; c < screen_cols(v); c++)
		if (vt_cell(v, row, c, NULL) == cp)
			return c;
	return -1;
}

int left_border_col(struct vt *v)
{
	int c = find_cp(v, 0, BOX_DL);
	if (c <= 0 || c >= screen_cols(v) - 1)
		fail_screen(v, "no ┐ ending the left column on row 0");
	return c;
}

bool cell_marked(struct vt *v, int row, int col)
{
	struct vt_attr a = vt_cell_attr(v, real_row(v, row), col);
	return a.reverse || !a.bg_default;
}

/* The tty is back in the mode a shell expects: line editing and echo. */
void expect_cooked(struct vt *v, const char *when)
{
	struct termios t;
	if (vt_tcgetattr(v, &t) != 0)
		fail_screen(v, "%s: tcgetattr on the pty failed", when);
	if (!(t.c_lflag & ICANON) || !(t.c_lflag & ECHO))
		fail_screen(v, "%s: terminal left with ICANON %s, ECHO %s", when,
		    t.c_lflag & ICANON ? "on" : "OFF", t.c_lflag & ECHO ? "on" : "OFF");
}

void expect_full_view(struct vt *v, const char *when)
{
	int r, c, lc;
	expect_text(v, "Article");
	settle(v);
	lc = left_border_col(v);
	if (!vt_find(v, "Timeline", &r, &c) || r != 0 || c >= lc)
		fail_screen(v, "%s: no Timeline pane at the top left", when);
	/* The people pane, showing people or, after o, organizations, in
	 * the left column (the article may hold the words too). */
	for (r = 1; r < screen_rows(v) - 1; r++)
		if (find_in(v, r, 0, lc, "People") >= 0 || find_in(v, r, 0, lc, "Organizations") >= 0)
			break;
	if (r >= screen_rows(v) - 1)
		fail_screen(v, "%s: no People pane in the left column", when);
	if (!vt_find(v, "Article", &r, &c) || r != 0 || c <= lc)
		fail_screen(v, "%s: no Article pane on the right", when);
	for (r = 0; r < screen_rows(v) - 1; r++) {
		uint32_t cp = vt_cell(v, r, screen_cols(v) - 1, NULL);
		if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL && cp != BOX_VL)
			fail_screen(v, "%s: row %d has no right border in the last column", when, r);
		cp = vt_cell(v, r, lc, NULL);
		if (cp != BOX_V && cp != BOX_DL && cp != BOX_UL && cp != BOX_VL)
			fail_screen(v, "%s: row %d: the left column's border is not at col %d",
			    when, r, lc);
	}
}

void expect_clean_quit(struct vt *v, const char *when)
{
	vt_send(v, "q");
	int st = vt_wait_exit(v, PATIENCE_MS);
	if (st == -1)
		fail_screen(v, "%s: q did not quit", when);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail_screen(v, "%s: q should exit 0 (waitpid status 0x%x)", when, st);
	if (vt_altscreen(v))
		fail_screen(v, "%s: still on the alternate screen after q", when);
	bool visible;
	vt_cursor(v, NULL, NULL, &visible);
	if (!visible)
		fail_screen(v, "%s: the cursor is left hidden after q", when);
	expect_cooked(v, when);
}

void expect_signal_end(struct vt *v, int sig, const char *when)
{
	int st = vt_wait_exit(v, PATIENCE_MS);
	if (st == -1)
		fail_screen(v, "%s: signal %d did not end dossier", when, sig);
	/* Death by the signal itself, not exit(128 + sig): a shell loop
	 * around dossier then stops on Ctrl-C. */
	if (!WIFSIGNALED(st) || WTERMSIG(st) != sig)
		fail_screen(v, "%s: dossier should die of signal %d (waitpid status 0x%x%s)",
		    when, sig, st, WIFEXITED(st) ? ", a normal exit" : "");
	expect_cooked(v, when);
	if (vt_altscreen(v))
		fail_screen(v, "%s: still on the alternate screen after signal %d", when, sig);
}
