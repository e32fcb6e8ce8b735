/* The state files on disk: where they are, which one is a dossier's, and
 * how they are written so that nothing the reader wrote is ever lost:
 * atomically (a temporary file in the same directory, fsync, rename,
 * fsync of the directory), under a lock on the directory, merged with
 * what another process saved meanwhile; a damaged file is set aside,
 * never replaced. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "state.h"

/* Far above what a reader writes by hand (a note is at most 4 KB). */
#define STATE_FILE_MAX (64L * 1024 * 1024)
int state_lock_wait_ms = 5000;

static void
warn(struct state *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
warn(struct state *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->warning, sizeof st->warning, fmt, ap);
	va_end(ap);
}

static char *
join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

char *
state_dir_default(const char *dir)
{
	const char *env = getenv("DOSSIER_STATE_DIR");
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (!dir && env && *env)
		dir = env;
	if (dir)
		return strcmp(dir, "-") == 0 ? NULL : strdup(dir);
	/* The XDG rule: a relative XDG_STATE_HOME is ignored. */
	if (xdg && xdg[0] == '/')
		return join(xdg, "/dossier", "");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
	}
	return home ? join(home, "/.local/state/dossier", "") : NULL;
}

/* --- identity --- */

/* 64 bits that tell files apart (not a defence against forgery): a
 * word at a time, so that a large dossier is hashed at memory speed. */
static uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15u ^ n;

	for (; n >= 8; s += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	for (; n > 0; s++, n--)
		h = (h ^ *s) * 0x100000001b3u;
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 32);
}

static const char *
content_id(struct state *st)
{
	char buf[24];

	if (!st->content) {
		snprintf(buf, sizeof buf, "%016llx",
		    (unsigned long long)hash_bytes(st->bytes, st->size));
		st->content = strdup(buf);
	}
	return st->content;
}

/* BASE-HASH.rec: the dossier's file name, for people who look in the
 * directory, and the hash of its canonical path. */
static char *
state_name(const char *canonical)
{
	const char *base = strrchr(canonical, '/');
	char stem[41], buf[80];
	size_t n = 0;

	base = base ? base + 1 : canonical;
	for (; *base && *base != '.' && n < sizeof stem - 1; base++)
		stem[n++] = (char)((*base >= 'a' && *base <= 'z') || (*base >= 'A' && *base <= 'Z') ||
		    (*base >= '0' && *base <= '9') || *base == '-' || *base == '_' ? *base : '_');
	stem[n] = '\0';
	snprintf(buf, sizeof buf, "%s-%016llx.rec", n ? stem : "dossier",
	    (unsigned long long)hash_bytes(canonical, strlen(canonical)));
	return strdup(buf);
}

/* --- reading one file --- */

static enum state_load
unreadable(char *why, size_t whysize, const char *name, const char *reason, int fd,
    char *buf)
{
	snprintf(why, whysize, "%s: %s", name, reason);
	if (fd >= 0)
		close(fd);
	free(buf);
	return STATE_UNREADABLE;
}

/* Reads dir/name into d.  why: the reason when not STATE_OK/ABSENT. */
static enum state_load
load_file(int dirfd, const char *name, struct state_data *d, char *why, size_t whysize)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	char *buf;
	size_t got = 0;
	enum state_load r;

	why[0] = '\0';
	if (fd < 0 && errno == ENOENT)
		return STATE_ABSENT;
	if (fd < 0 || fstat(fd, &sb) != 0)
		return unreadable(why, whysize, name, strerror(errno), fd, NULL);
	if (!S_ISREG(sb.st_mode))
		return unreadable(why, whysize, name, "not a regular file", fd, NULL);
	if (sb.st_size > STATE_FILE_MAX)
		return unreadable(why, whysize, name, "too large", fd, NULL);
	if (!(buf = malloc((size_t)sb.st_size + 1)))
		return unreadable(why, whysize, name, strerror(errno), fd, NULL);
	while (got < (size_t)sb.st_size) {
		ssize_t k = read(fd, buf + got, (size_t)sb.st_size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return unreadable(why, whysize, name, strerror(errno), fd, buf);
		if (k == 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	r = state_parse(d, name, buf, got, why, whysize);
	free(buf);
	return r;
}

/* Renames dir/name to name.bad-TIME: kept for the reader, out of the way. */
static int
set_aside(int dirfd, const char *name, char *to, size_t tosize)
{
	char t[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(t, sizeof t, "%Y%m%dT%H%M%SZ", &tm);
	for (int i = 0; i < 100; i++) {
		struct stat sb;
		if (i == 0)
			snprintf(to, tosize, "%s.bad-%s", name, t);
		else
			snprintf(to, tosize, "%s.bad-%s-%d", name, t, i);
		if (fstatat(dirfd, to, &sb, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
			return renameat(dirfd, name, dirfd, to) == 0 && fsync(dirfd) == 0 ? 0 : -1;
	}
	errno = EEXIST;
	return -1;
}

/* What to do with a file that is not a good state file: warn, set it
 * aside (the session then starts afresh, with what could be read), or
 * when that cannot be done, or it is from a later version, never write
 * over it. */
static void
damaged(struct state *st, int dirfd, enum state_load r, const char *why)
{
	char to[PATH_MAX];

	if (r == STATE_NEWER) {
		warn(st, "%s/%s; not saving", st->dir, why);
		st->nosave = true;
	} else if (st->readonly) {
		warn(st, "%s/%s", st->dir, why);
	} else if (set_aside(dirfd, st->name, to, sizeof to) == 0) {
		warn(st, "%s/%s; kept as %s", st->dir, why, to);
		st->dirty = true;   /* what could be read gets a good file */
	} else {
		warn(st, "%s/%s; cannot set it aside (%s): not saving", st->dir, why,
		    strerror(errno));
		st->nosave = true;
	}
}

/* --- finding a dossier's file --- */

static bool
is_state_name(const char *n)
{
	size_t k = strlen(n);

	return k > 4 && strcmp(n + k - 4, ".rec") == 0 && n[0] != '.';
}

static bool
gone(const char *path)
{
	struct stat sb;

	return path && stat(path, &sb) != 0 && errno == ENOENT;
}

/* Whether a (a candidate's data) is a better one to take than b: one
 * whose dossier is gone (moved: it is this one) before one whose dossier
 * is still there (copied), then the latest saved. */
static bool
better(const struct state_data *a, const struct state_data *b)
{
	bool ga = gone(a->dossier), gb = gone(b->dossier);

	return ga != gb ? ga : a->saved > b->saved;
}

/* The state saved for a dossier with the same bytes under another path
 * (it was moved or copied).  Its name goes to *found. */
static void
find_by_content(struct state *st, int dirfd, char **found)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	struct state_data d = { 0 };
	char why[512];

	if (!dp) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		if (!is_state_name(e->d_name) || strcmp(e->d_name, st->name) == 0)
			continue;
		/* The dossier's bytes are hashed only when there is a file
		 * to compare with. */
		if (load_file(dirfd, e->d_name, &d, why, sizeof why) != STATE_OK ||
		    !d.content || !content_id(st) || strcmp(d.content, st->content) != 0 ||
		    (*found && !better(&d, &st->d)))
			continue;
		char *n = strdup(e->d_name);
		if (!n)
			break;
		free(*found);
		*found = n;
		state_data_free(&st->d);
		st->d = d;
		memset(&d, 0, sizeof d);
	}
	state_data_free(&d);
	closedir(dp);
}

/* Takes the state of a moved or copied dossier.  A moved one's old file
 * goes once the new one is saved; a copy's stays with the original. */
static void
adopt(struct state *st, int dirfd)
{
	char *found = NULL;

	find_by_content(st, dirfd, &found);
	if (!found)
		return;
	if (gone(st->d.dossier) && !st->readonly)
		st->moved_from = found;
	else
		free(found);
	st->dirty = true;
}

/* Locks the directory against other sessions' saves, which take
 * milliseconds: a session stopped in the middle of one (^Z) must not
 * hang the others, so after a while this gives up (EWOULDBLOCK).  Where
 * the file system has no locks (some network ones), a save goes on
 * without: it still merges, with a small window for a race. */
static int
lock_dir(int dirfd)
{
	for (int waited = 0; flock(dirfd, LOCK_EX | LOCK_NB) != 0; waited++) {
		if (errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (waited >= state_lock_wait_ms / 10) {
			errno = EWOULDBLOCK;
			return -1;
		}
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	}
	return 0;
}

int
state_open(struct state *st, const char *dir, const char *path, const char *bytes,
    size_t size, bool readonly)
{
	char why[512], real[PATH_MAX];
	int dirfd;
	enum state_load r;

	memset(st, 0, sizeof *st);
	if (!dir)
		return 0;
	st->readonly = readonly;
	st->bytes = bytes;
	st->size = size;
	st->dir = strdup(dir);
	st->canonical = strdup(realpath(path, real) ? real : path);
	st->name = st->canonical ? state_name(st->canonical) : NULL;
	if (!st->dir || !st->name)
		return -1;
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		if (errno != ENOENT)
			warn(st, "state directory %s: %s", dir, strerror(errno));
		return 0;
	}
	/* Under the lock, so as not to set aside a file another process
	 * has just replaced; without it, a damaged file is left for the
	 * first save to set aside. */
	if (!readonly && lock_dir(dirfd) != 0)
		st->readonly = true;
	r = load_file(dirfd, st->name, &st->d, why, sizeof why);
	if (r == STATE_ABSENT)
		adopt(st, dirfd);
	else if (r != STATE_OK)
		damaged(st, dirfd, r, why);
	st->readonly = readonly;
	close(dirfd);
	return 0;
}

/* --- writing --- */

static int
mkdirs(const char *dir)
{
	char *p = strdup(dir);
	int rc = 0;

	if (!p)
		return -1;
	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

static int
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t k = write(fd, buf, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = ENOSPC;
			return -1;
		}
		buf += k;
		len -= (size_t)k;
	}
	return 0;
}

/* Temporary files are made only under the lock: any found then was left
 * by a writer that died. */
static void
remove_stale(int dirfd, const char *name)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	size_t n = strlen(name);

	if (!dp) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(dp)) != NULL)
		if (strncmp(e->d_name, name, n) == 0 && strncmp(e->d_name + n, ".tmp-", 5) == 0)
			unlinkat(dirfd, e->d_name, 0);
	closedir(dp);
}

/* buf to dir/name: whole or not at all. */
static int
replace_file(int dirfd, const char *name, const char *buf, size_t len)
{
	char tmp[PATH_MAX];
	int fd, e;

	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", name, (long)getpid());
	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0)
		return -1;
	if (write_all(fd, buf, len) != 0 || fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlinkat(dirfd, tmp, 0);
		errno = e;
		return -1;
	}
	if (close(fd) != 0 || renameat(dirfd, tmp, dirfd, name) != 0) {
		e = errno;
		unlinkat(dirfd, tmp, 0);
		errno = e;
		return -1;
	}
	return fsync(dirfd);
}

/* Brings in what the file on disk has that st lacks. */
static int
merge_disk(struct state *st, int dirfd)
{
	struct state_data disk = { 0 };
	char why[512];
	enum state_load r = load_file(dirfd, st->name, &disk, why, sizeof why);
	int rc = 0;

	if (r == STATE_OK)
		rc = state_merge(&st->d, &disk, st->queries, st->nqueries) == 0 ? 0 : -1;
	else if (r != STATE_ABSENT)
		damaged(st, dirfd, r, why);
	state_data_free(&disk);
	if (rc)
		warn(st, "state: out of memory; not saved");
	return st->nosave ? -1 : rc;
}

static int
write_locked(struct state *st, int dirfd, state_time now)
{
	char *buf = NULL, *c = NULL;
	size_t len;

	remove_stale(dirfd, st->name);
	if (merge_disk(st, dirfd) != 0)
		return -1;
	free(st->d.dossier);
	/* A path need not be UTF-8; the file must be. */
	st->d.dossier = state_clean(st->canonical, true);
	if (content_id(st) && (c = strdup(st->content)) != NULL) {
		free(st->d.content);
		st->d.content = c;
	}
	st->d.saved = now;
	if (!st->d.dossier || !c || state_format(&st->d, &buf, &len) != 0) {
		warn(st, "state: out of memory; not saved");
		return -1;
	}
	if (replace_file(dirfd, st->name, buf, len) != 0) {
		warn(st, "cannot save the state in %s/%s: %s", st->dir, st->name,
		    strerror(errno));
		free(buf);
		return -1;
	}
	free(buf);
	if (st->moved_from) {
		unlinkat(dirfd, st->moved_from, 0);
		fsync(dirfd);
		free(st->moved_from);
		st->moved_from = NULL;
	}
	return 0;
}

int
state_save(struct state *st, state_time now)
{
	int dirfd, rc;

	if (!st->dir || st->readonly || !st->dirty)
		return 0;
	if (st->nosave)
		return -1;
	if (mkdirs(st->dir) != 0 ||
	    (dirfd = open(st->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		warn(st, "cannot save the state in %s: %s", st->dir, strerror(errno));
		return -1;
	}
	if (lock_dir(dirfd) != 0) {
		warn(st, "cannot lock the state directory %s: %s", st->dir, strerror(errno));
		close(dirfd);
		return -1;
	}
	rc = write_locked(st, dirfd, now);
	close(dirfd);   /* and the lock with it */
	if (rc == 0) {
		for (size_t i = 0; i < st->nqueries; i++)
			free(st->queries[i]);
		st->nqueries = 0;
		st->dirty = st->urgent = false;
	}
	return rc;
}

void
state_rebind(struct state *st, const char *bytes, size_t size)
{
	st->bytes = bytes;
	st->size = size;
	free(st->content);
	st->content = NULL;
}

void
state_close(struct state *st)
{
	for (size_t i = 0; i < st->nqueries; i++)
		free(st->queries[i]);
	free(st->queries);
	free(st->dir);
	free(st->name);
	free(st->canonical);
	free(st->content);
	free(st->moved_from);
	state_data_free(&st->d);
	memset(st, 0, sizeof *st);
}
