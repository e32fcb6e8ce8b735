/* Screen-test harness: a program runs on the slave side of a pty made by
 * forkpty(); everything it writes is fed to libvterm's screen layer, which
 * tests then inspect cell by cell.  See vt.h for the contract. */
#include <config.h>

#include "vt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

/* A program that stops reading its input gets this long (without any
 * progress) before vt_send gives up on it, so a test fails instead of hanging. */
#define WRITE_STALL_MS 5000
/* Once the pty is at EOF only waitpid is left to watch; re-check this often. */
#define REAP_SLICE_MS 5
/* Cap per pump so a program that never stops writing cannot starve the
 * deadline checks of the wait loops. */
#define PUMP_MAX_BYTES (64 * 1024)
/* After the child is reaped, its last output may still be in flight. */
#define FINAL_DRAIN_MS 50
/* libvterm marks the right half of a double-width char this way. */
#define CONTINUATION ((uint32_t)-1)

struct buf {
	char *data;
	size_t len, cap;
};

struct vt {
	int fd;
	pid_t pid;
	bool reaped, eof;
	int status;
	int rows, cols;
	bool altscreen, cursor_visible;
	bool flushing;
	VTerm *term;
	VTermScreen *screen;
	struct buf raw;
	struct buf reply; /* libvterm's answers to queries (DA, DSR...) */
	unsigned long long read_goal; /* its tty bytes read once it has all we sent */
	bool (*wide)(uint32_t);       /* vt_draw_wide */
	char carry[4];                /* a character cut at the end of a read */
	size_t ncarry;
};

/* ---- small utilities ---- */

static void buf_append(struct buf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *d = realloc(b->data, cap);
		if (!d)
			abort(); /* a test harness has no better answer to OOM */
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static long long deadline_in(int ms)
{
	return now_ms() + (ms > 0 ? ms : 0);
}

static int remaining(long long deadline)
{
	long long r = deadline - now_ms();
	if (r <= 0)
		return 0;
	return r > INT_MAX ? INT_MAX : (int)r;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* poll() one fd until the deadline, retrying on EINTR.  Returns revents,
 * 0 on timeout. */
static short poll_until(int fd, short events, long long deadline)
{
	struct pollfd p = { .fd = fd, .events = events };
	for (;;) {
		int r = poll(&p, 1, remaining(deadline));
		if (r > 0)
			return p.revents;
		if (r == 0)
			return 0;
		if (errno != EINTR)
			return POLLERR;
	}
}

/* Encodes c at out (room for 6 bytes); a bad code point becomes U+FFFD. */
static size_t put_utf8(char *out, uint32_t c)
{
	int n = u8_uctomb((uint8_t *)out, (ucs4_t)c, 6);
	return n > 0 ? (size_t)n : (size_t)u8_uctomb((uint8_t *)out, 0xFFFD, 6);
}

/* ---- child process ---- */

/* Reaped children are never signalled again: their pid may be reused. */
static bool reap(struct vt *v, bool block)
{
	if (v->reaped)
		return true;
	int st;
	pid_t r;
	do
		r = waitpid(v->pid, &st, block ? 0 : WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r == v->pid) {
		v->reaped = true;
		v->status = st;
	} else if (r < 0) {
		/* ECHILD: someone else reaped it (e.g. SIGCHLD set to SIG_IGN). */
		v->reaped = true;
		v->status = -1;
	}
	return v->reaped;
}

/* Ignored signals and the signal mask survive exec; the program under test
 * must start with the defaults it would get from a real terminal. */
static void reset_signals(void)
{
	static const int sigs[] = { SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP,
				    SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* The kernel's default termios lacks IUTF8, which a UTF-8 xterm would set
 * (it makes canonical-mode backspace erase whole characters). */
static void set_iutf8(void)
{
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag |= IUTF8;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
}

/* LINES/COLUMNS would override the pty size in ncurses, and an inherited
 * TERM would make results depend on the terminal running `make check`. */
static void set_env(char *const env_extra[])
{
	unsetenv("LINES");
	unsetenv("COLUMNS");
	setenv("TERM", "xterm-256color", 1);
	for (size_t i = 0; env_extra && env_extra[i]; i++) {
		if (strchr(env_extra[i], '='))
			putenv(env_extra[i]); /* the string outlives us: exec follows */
		else
			unsetenv(env_extra[i]);
	}
}

static void exec_child(char *const argv[], char *const env_extra[])
{
	reset_signals();
	set_iutf8();
	set_env(env_extra);
	execvp(argv[0], argv);
	dprintf(STDERR_FILENO, "vt_spawn: cannot run %s: %s\r\n", argv[0], strerror(errno));
	_exit(127);
}

/* Writing to a pty whose slave is gone gives EIO, but a test process must
 * not die of SIGPIPE either way; only touch the disposition if nobody chose one. */
static void ignore_sigpipe(void)
{
	struct sigaction old;
	if (sigaction(SIGPIPE, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
		signal(SIGPIPE, SIG_IGN);
}

/* ---- emulator ---- */

static void on_output(const char *s, size_t len, void *user)
{
	/* Written after vterm_input_write returns: writing may pump output,
	 * which must not re-enter libvterm. */
	buf_append(&((struct vt *)user)->reply, s, len);
}

static int on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct vt *v = user;
	if (prop == VTERM_PROP_ALTSCREEN)
		v->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		v->cursor_visible = val->boolean;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_settermprop,
};

static bool make_term(struct vt *v)
{
	v->term = vterm_new(v->rows, v->cols);
	if (!v->term)
		return false;
	vterm_set_utf8(v->term, 1);
	vterm_output_set_callback(v->term, on_output, v);
	v->screen = vterm_obtain_screen(v->term);
	vterm_screen_set_callbacks(v->screen, &screen_callbacks, v);
	/* The alternate buffer must exist before reset, or ?1049h is ignored. */
	vterm_screen_enable_altscreen(v->screen, 1);
	vterm_screen_reset(v->screen, 1);
	v->cursor_visible = true;
	return true;
}

/* libvterm draws these two columns wide whatever they are (planes 2 and
 * 3), so they stand in for the characters vt_draw_wide widens. */
#define STAND_IN_BMP 0x20000u
#define STAND_IN_ASTRAL 0x30000u

static uint32_t stand_in(uint32_t cp)
{
	return cp < 0x10000 ? STAND_IN_BMP + cp : STAND_IN_ASTRAL + (cp & 0xffff);
}

/* The character a cell's code point stands for. */
static uint32_t stood_for(const struct vt *v, uint32_t cp)
{
	if (!v->wide || cp < STAND_IN_BMP || cp >= STAND_IN_ASTRAL + 0x10000)
		return cp;
	return cp < STAND_IN_ASTRAL ? cp - STAND_IN_BMP : 0x10000 + (cp - STAND_IN_ASTRAL);
}

static size_t utf8_len(unsigned char b)
{
	return b < 0xc2 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 1;
}

/* Feed p[0..n) with each character that v->wide widens replaced by its
 * stand-in; a character cut at the end waits in v->carry for the rest. */
static void feed_widened(struct vt *v, const char *p, size_t n)
{
	struct buf out = { 0 };
	struct buf in = { 0 };

	buf_append(&in, v->carry, v->ncarry);
	buf_append(&in, p, n);
	v->ncarry = 0;
	for (size_t i = 0; i < in.len;) {
		const unsigned char *s = (const unsigned char *)in.data + i;
		size_t len = utf8_len(s[0]), k;
		uint32_t cp;

		if (len > in.len - i) {
			memcpy(v->carry, s, in.len - i);
			v->ncarry = in.len - i;
			break;
		}
		for (k = 1; k < len && (s[k] & 0xc0) == 0x80; k++)
			;
		if (k < len || len == 1) {
			buf_append(&out, (const char *)s, 1);   /* ASCII, or not UTF-8 */
			i++;
			continue;
		}
		cp = s[0] & (0x7f >> len);
		for (k = 1; k < len; k++)
			cp = cp << 6 | (s[k] & 0x3f);
		if (v->wide(cp)) {
			char enc[6];
			buf_append(&out, enc, put_utf8(enc, stand_in(cp)));
		} else
			buf_append(&out, (const char *)s, len);
		i += len;
	}
	if (out.len)
		vterm_input_write(v->term, out.data, out.len);
	free(out.data);
	free(in.data);
}

static void feed(struct vt *v, const char *p, size_t n)
{
	buf_append(&v->raw, p, n);
	if (v->wide)
		feed_widened(v, p, n);
	else
		vterm_input_write(v->term, p, n);
}

void vt_draw_wide(struct vt *v, bool (*wide)(uint32_t))
{
	v->wide = wide;
}

/* ---- pty I/O ---- */

static size_t drain(struct vt *v);

/* Write everything, draining output while the program's input queue is full:
 * a program blocked writing to us never reads, and we would wait forever. */
static bool write_all(struct vt *v, const char *p, size_t n)
{
	long long deadline = deadline_in(WRITE_STALL_MS);
	while (n > 0) {
		ssize_t w = write(v->fd, p, n);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			deadline = deadline_in(WRITE_STALL_MS);
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return false; /* EIO: nobody has the slave open any more */
		short rev = poll_until(v->fd, POLLOUT | POLLIN, deadline);
		if (rev == 0)
			return false;
		if (rev & (POLLIN | POLLHUP | POLLERR))
			drain(v);
		if (v->eof)
			return false;
	}
	return true;
}

static void flush_replies(struct vt *v)
{
	if (v->flushing)
		return; /* the outer call picks up whatever was added meanwhile */
	v->flushing = true;
	while (v->reply.len > 0) {
		struct buf out = v->reply;
		v->reply = (struct buf){ 0 };
		write_all(v, out.data, out.len);
		free(out.data);
	}
	v->flushing = false;
}

/* Read what is available now (the master is non-blocking).  Linux reports
 * the slave's last close as EIO rather than 0; both mean EOF. */
static size_t drain(struct vt *v)
{
	char chunk[4096];
	size_t total = 0;
	while (!v->eof && total < PUMP_MAX_BYTES) {
		ssize_t n = read(v->fd, chunk, sizeof chunk);
		if (n > 0) {
			feed(v, chunk, (size_t)n);
			total += (size_t)n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			break;
		} else {
			v->eof = true;
		}
	}
	flush_replies(v);
	return total;
}

static bool set_fd_flags(int fd)
{
	/* CLOEXEC: a later child holding this master would keep the pty alive. */
	int fl = fcntl(fd, F_GETFL);
	int fdfl = fcntl(fd, F_GETFD);
	return fl >= 0 && fdfl >= 0 && fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0 &&
	       fcntl(fd, F_SETFD, fdfl | FD_CLOEXEC) == 0;
}

/* ---- public API: lifecycle ---- */

struct vt *vt_spawn(char *const argv[], char *const env_extra[], int rows, int cols)
{
	if (!argv || !argv[0] || rows <= 0 || cols <= 0)
		return NULL;
	struct vt *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	v->fd = -1;
	v->rows = rows;
	v->cols = cols;
	if (!make_term(v)) {
		free(v);
		return NULL;
	}
	buf_append(&v->raw, "", 0); /* vt_raw never returns NULL */
	ignore_sigpipe();
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	/* Blocked from the fork until the child has reset their dispositions
	 * (reset_signals unblocks them): a signal a test sends at once is then
	 * held, not lost to an SIG_IGN inherited from whoever ran the tests
	 * (a background job ignores SIGINT). */
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	v->pid = forkpty(&v->fd, NULL, NULL, &ws);
	if (v->pid == 0)
		exec_child(argv, env_extra);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (v->pid < 0 || !set_fd_flags(v->fd)) {
		v->reaped = v->pid < 0;
		vt_free(v);
		return NULL;
	}
	return v;
}

void vt_kill(struct vt *v, int sig)
{
	if (!v->reaped)
		kill(v->pid, sig);
}

bool vt_alive(struct vt *v)
{
	return !reap(v, false);
}

int vt_wait_exit(struct vt *v, int timeout_ms)
{
	long long deadline = deadline_in(timeout_ms);
	while (!reap(v, false)) {
		int left = remaining(deadline);
		if (left == 0)
			return -1;
		int slice = min_int(left, REAP_SLICE_MS);
		if (vt_pump(v, slice) < 0)
			poll(NULL, 0, slice);
	}
	while (vt_pump(v, FINAL_DRAIN_MS) > 0)
		;
	return v->status;
}

void vt_free(struct vt *v)
{
	if (!v)
		return;
	/* forkpty made the child a session and group leader: take background
	 * helpers that ignored the hangup down with it.  The kernel does not
	 * reuse a pid while a group of that id has members, so this cannot hit
	 * a stranger unless the pid wrapped around since the group emptied. */
	if (v->pid > 0)
		kill(-v->pid, SIGKILL);
	if (!reap(v, false)) {
		kill(v->pid, SIGKILL);
		reap(v, true);
	}
	if (v->fd >= 0)
		close(v->fd);
	vterm_free(v->term);
	free(v->raw.data);
	free(v->reply.data);
	free(v);
}

/* ---- public API: I/O and waiting ---- */

/* Bytes the program has read, of every file (/proc/PID/io rchar); false
 * when it cannot be told. */
static bool read_count(struct vt *v, unsigned long long *n)
{
	char path[64], line[128];
	bool ok = false;
	snprintf(path, sizeof path, "/proc/%d/io", (int)v->pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	while (!ok && fgets(line, sizeof line, f))
		ok = sscanf(line, "rchar: %llu", n) == 1;
	fclose(f);
	return ok;
}

void vt_send_n(struct vt *v, const char *bytes, size_t n)
{
	unsigned long long now;
	/* The program has read all of it once its count of bytes read is up
	 * by n from now (or from where the bytes before would take it). */
	if (n && !v->reaped && tcgetpgrp(v->fd) == v->pid && read_count(v, &now))
		v->read_goal = (now > v->read_goal ? now : v->read_goal) + n;
	else if (n)
		v->read_goal = 0;   /* another process reads them: not known */
	write_all(v, bytes, n);
}

void vt_send(struct vt *v, const char *bytes)
{
	vt_send_n(v, bytes, strlen(bytes));
}

int vt_pump(struct vt *v, int timeout_ms)
{
	if (v->eof)
		return -1;
	if (!poll_until(v->fd, POLLIN, deadline_in(timeout_ms)))
		return 0;
	size_t n = drain(v);
	if (n == 0 && v->eof)
		return -1;
	return (int)n;
}

/* Pump until the screen has (want=true) or lacks the text, or time is up. */
static bool wait_for(struct vt *v, const char *utf8, bool want, int timeout_ms)
{
	long long deadline = deadline_in(timeout_ms);
	for (;;) {
		if (vt_find(v, utf8, NULL, NULL) == want)
			return true;
		if (remaining(deadline) == 0 || vt_pump(v, remaining(deadline)) < 0)
			return vt_find(v, utf8, NULL, NULL) == want;
	}
}

bool vt_wait_text(struct vt *v, const char *utf8, int timeout_ms)
{
	return wait_for(v, utf8, true, timeout_ms);
}

bool vt_wait_gone(struct vt *v, const char *utf8, int timeout_ms)
{
	return wait_for(v, utf8, false, timeout_ms);
}

bool vt_wait_idle(struct vt *v, int quiet_ms, int timeout_ms)
{
	long long deadline = deadline_in(timeout_ms);
	long long quiet_until = deadline_in(quiet_ms);
	for (;;) {
		long long t = now_ms();
		if (t >= quiet_until)
			return true;
		if (t >= deadline)
			return false;
		long long until = quiet_until < deadline ? quiet_until : deadline;
		int n = vt_pump(v, (int)(until - t));
		if (n < 0)
			return true; /* EOF: nothing more will ever arrive */
		if (n > 0)
			quiet_until = deadline_in(quiet_ms);
	}
}

/* Bytes sent that are in the pty's input queue, unread: FIONREAD on the
 * slave, opened for the look (kept open, it would keep the pty from
 * hanging up when the program ends). */
static int unread(struct vt *v)
{
	const char *name = ptsname(v->fd);
	int fd = name ? open(name, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC) : -1;
	int n = 0;
	if (fd < 0)
		return 0;
	if (ioctl(fd, FIONREAD, &n) != 0)
		n = 0;
	close(fd);
	return n;
}

/* The first line of a /proc file of the program, into buf. */
static bool proc_line(struct vt *v, const char *file, const char *prefix, char *buf, size_t n)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)v->pid, file);
	FILE *f = fopen(path, "r");
	bool ok = false;
	if (!f)
		return false;
	while (!ok && fgets(buf, (int)n, f))
		ok = strncmp(buf, prefix, strlen(prefix)) == 0;
	fclose(f);
	return ok;
}

/* A mask of pending signals ("SigPnd:\t0000000000000000") is all zero. */
static bool none_pending(const char *line)
{
	const char *p = strchr(line, ':');
	for (p = p ? p + 1 : line; *p; p++)
		if (*p != '0' && *p != '\t' && *p != ' ' && *p != '\n')
			return false;
	return true;
}

/* 1: the program waits for input: it has read every byte sent, no signal
 * waits for it, and it sleeps in poll or select for a key, not the short
 * wait after an Esc that may start a key's sequence (nor a poll that only
 * looks).  0: not yet.  -1: /proc cannot tell. */
static int waiting(struct vt *v)
{
	char line[512];
	unsigned long long got;
	/* Only the program itself, not a child of it that has the terminal
	 * (a shell's job): its reads are the program's own. */
	if (tcgetpgrp(v->fd) != v->pid || !read_count(v, &got))
		return -1;
	if (got < v->read_goal || unread(v) > 0)
		return 0;
	if (!proc_line(v, "status", "SigPnd:", line, sizeof line) || !none_pending(line) ||
	    !proc_line(v, "status", "ShdPnd:", line, sizeof line) || !none_pending(line))
		return 0;
	if (!proc_line(v, "syscall", "", line, sizeof line))
		return -1;
	if (strncmp(line, "running", 7) == 0)
		return 0;
	long nr = strtol(line, NULL, 10);
#if defined __x86_64__
	/* wait4, waitid: a shell waiting for the program it started, in its
	 * own process group: the program is not the one to ask. */
	if (nr == 61 || nr == 247)
		return -1;
	/* poll(fds, n, timeout): curses waits its timeout for a key, and
	 * ESCDELAY (tens of ms) after an Esc.  select, pselect6, ppoll. */
	if (nr == 7) {
		char *p = line;
		for (int i = 0; i < 3 && p; i++)
			p = strchr(p + 1, ' ');
		/* A negative timeout (none) reads as a large number. */
		return p && strtoull(p, NULL, 16) >= 100;
	}
	/* read (a program without a timeout), select, pselect6, ppoll. */
	return nr == 0 || nr == 23 || nr == 270 || nr == 271;
#else
	(void)nr;
	if (!proc_line(v, "wchan", "", line, sizeof line) || strstr(line, "wait"))
		return -1;
	return strstr(line, "poll") || strstr(line, "select") || strstr(line, "read");
#endif
}

bool vt_wait_ready(struct vt *v, int timeout_ms)
{
	long long deadline = deadline_in(timeout_ms);
	for (;;) {
		while (vt_pump(v, 0) > 0)
			;
		if (v->eof || reap(v, false))
			return true;
		int w = waiting(v);
		if (w < 0)   /* no /proc to ask: wait for quiet */
			return vt_wait_idle(v, 30, remaining(deadline));
		/* What it wrote before it went to sleep is all there now. */
		if (w > 0 && vt_pump(v, 0) <= 0)
			return true;
		if (now_ms() >= deadline)
			return false;
		vt_pump(v, 1);
	}
}

/* ---- public API: screen ---- */

static bool get_cell(struct vt *v, int row, int col, VTermScreenCell *c)
{
	if (row < 0 || row >= v->rows || col < 0 || col >= v->cols)
		return false;
	VTermPos pos = { .row = row, .col = col };
	return vterm_screen_get_cell(v->screen, pos, c) != 0;
}

/* Append one cell's text; continuation cells add nothing, empty ones a space. */
static size_t cell_utf8(const struct vt *v, const VTermScreenCell *c, char *out)
{
	if (c->chars[0] == CONTINUATION)
		return 0;
	if (c->chars[0] == 0) {
		*out = ' ';
		return 1;
	}
	size_t n = 0;
	for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c->chars[i]; i++)
		n += put_utf8(out + n, stood_for(v, c->chars[i]));
	return n;
}

/* Row text plus, if colmap is given, the column each byte came from. */
static char *row_text(struct vt *v, int row, int **colmap)
{
	size_t cap = (size_t)v->cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
	char *s = malloc(cap);
	int *map = colmap ? malloc(cap * sizeof *map) : NULL;
	if (!s || (colmap && !map))
		abort();
	size_t len = 0;
	for (int col = 0; col < v->cols; col++) {
		VTermScreenCell c;
		if (!get_cell(v, row, col, &c))
			c.chars[0] = 0;
		size_t n = cell_utf8(v, &c, s + len);
		for (size_t i = 0; map && i < n; i++)
			map[len + i] = col;
		len += n;
	}
	s[len] = '\0';
	if (colmap)
		*colmap = map;
	return s;
}

char *vt_row(struct vt *v, int row)
{
	if (row < 0 || row >= v->rows)
		return NULL;
	return row_text(v, row, NULL);
}

bool vt_find(struct vt *v, const char *utf8, int *row, int *col)
{
	for (int r = 0; r < v->rows; r++) {
		int *map;
		char *s = row_text(v, r, &map);
		char *hit = strstr(s, utf8);
		if (hit) {
			if (row)
				*row = r;
			if (col)
				*col = *hit ? map[hit - s] : 0;
		}
		free(map);
		free(s);
		if (hit)
			return true;
	}
	return false;
}

uint32_t vt_cell(struct vt *v, int row, int col, int *width)
{
	VTermScreenCell c;
	uint32_t cp = 0;
	int w = 0;
	if (get_cell(v, row, col, &c) && c.chars[0] != CONTINUATION) {
		cp = stood_for(v, c.chars[0]);
		w = c.width;
	}
	if (width)
		*width = w;
	return cp;
}

struct vt_attr vt_cell_attr(struct vt *v, int row, int col)
{
	struct vt_attr a = { .fg_default = true, .bg_default = true };
	VTermScreenCell c;
	if (!get_cell(v, row, col, &c))
		return a;
	a.bold = c.attrs.bold;
	a.reverse = c.attrs.reverse;
	a.underline = c.attrs.underline != VTERM_UNDERLINE_OFF;
	a.fg_default = VTERM_COLOR_IS_DEFAULT_FG(&c.fg);
	a.bg_default = VTERM_COLOR_IS_DEFAULT_BG(&c.bg);
	return a;
}

void vt_cursor(struct vt *v, int *row, int *col, bool *visible)
{
	VTermPos pos;
	vterm_state_get_cursorpos(vterm_obtain_state(v->term), &pos);
	if (row)
		*row = pos.row;
	if (col)
		*col = pos.col;
	if (visible)
		*visible = v->cursor_visible;
}

void vt_resize(struct vt *v, int rows, int cols)
{
	if (rows <= 0 || cols <= 0)
		return;
	/* Output already sent was drawn for the old size. */
	vt_pump(v, 0);
	bool changed = rows != v->rows || cols != v->cols;
	v->rows = rows;
	v->cols = cols;
	vterm_set_size(v->term, rows, cols);
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	ioctl(v->fd, TIOCSWINSZ, &ws);
	/* A program that redraws on SIGWINCH has begun to by the time this
	 * returns, so a wait for quiet that follows cannot end before the
	 * new frame starts (on a loaded machine the signal may take longer
	 * than the quiet period to be handled). */
	if (changed)
		vt_pump(v, 1000);
}

void vt_resize_pty(struct vt *v, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	if (rows > 0 && cols > 0)
		ioctl(v->fd, TIOCSWINSZ, &ws);
}

void vt_size(struct vt *v, int *rows, int *cols)
{
	if (rows)
		*rows = v->rows;
	if (cols)
		*cols = v->cols;
}

bool vt_altscreen(struct vt *v)
{
	return v->altscreen;
}

const char *vt_raw(struct vt *v, size_t *len)
{
	if (len)
		*len = v->raw.len;
	return v->raw.data;
}

bool vt_raw_contains(struct vt *v, const char *bytes)
{
	size_t n = strlen(bytes);
	if (n == 0)
		return true;
	for (size_t i = 0; i + n <= v->raw.len; i++)
		if (memcmp(v->raw.data + i, bytes, n) == 0)
			return true;
	return false;
}

int vt_tcgetattr(struct vt *v, struct termios *t)
{
	/* On Linux, termios ioctls on the master act on the slave side. */
	return tcgetattr(v->fd, t);
}

void vt_dump(struct vt *v, FILE *f)
{
	int crow, ccol;
	vt_cursor(v, &crow, &ccol, NULL);
	fprintf(f, "--- screen %dx%d, cursor %d,%d%s%s ---\n", v->rows, v->cols, crow, ccol,
		v->altscreen ? ", altscreen" : "", v->eof ? ", eof" : "");
	for (int r = 0; r < v->rows; r++) {
		char *s = row_text(v, r, NULL);
		fprintf(f, "%3d|%s|\n", r, s);
		free(s);
	}
	fflush(f);
}
