/* Rec text from any values: the one place that knows how a value must be
 * written for the reader (src/rec.c) to give it back unchanged. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "recwrite.h"

void
rw_init(struct rw_buf *b)
{
	b->s = NULL;
	b->n = b->cap = 0;
	b->oom = false;
}

void
rw_free(struct rw_buf *b)
{
	free(b->s);
	rw_init(b);
}

static bool
reserve(struct rw_buf *b, size_t more)
{
	if (b->oom)
		return false;
	if (b->n + more + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + more + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			b->oom = true;
			return false;
		}
		b->s = s;
		b->cap = cap;
	}
	return true;
}

void
rw_put(struct rw_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
rw_puts(struct rw_buf *b, const char *s)
{
	rw_put(b, s, strlen(s));
}

void
rw_printf(struct rw_buf *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || !reserve(b, (size_t)len)) {
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}

void
rw_field(struct rw_buf *b, const char *name, const char *v, size_t n)
{
	size_t i = 0;

	rw_puts(b, name);
	rw_put(b, ":", 1);
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	if (i < n)
		rw_put(b, " ", 1);
	for (; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '\n') {
			/* "+" alone for an empty line, "+ " before any other. */
			bool empty = i + 1 == n || v[i + 1] == '\n';
			rw_puts(b, empty ? "\n+" : "\n+ ");
		} else if (c == 0xc2 && i + 1 < n && (unsigned char)v[i + 1] >= 0x80 &&
		    (unsigned char)v[i + 1] <= 0x9f) {
			i++;   /* a C1 control, U+0080..U+009F: a terminal would obey it */
		} else if (c >= 0x20 && c != 0x7f) {
			rw_put(b, v + i, 1);
		} else if (c == '\t') {
			rw_put(b, "\t", 1);
		}
	}
	rw_put(b, "\n", 1);
}

void
rw_fields(struct rw_buf *b, const char *name, const char *value)
{
	if (value)
		rw_field(b, name, value, strlen(value));
}

/* Where the records of type go in the old file s[0..n) (which ends with a
 * newline): after the last record of its last section, before the
 * comments and blank lines that lead to the next section.  n when the
 * type has no section. */
size_t
rw_section_end(const char *s, size_t n, const char *type, bool *found)
{
	size_t i = 0, at = n, k = strlen(type);
	bool in = false;

	*found = false;
	while (i < n) {
		const char *e = memchr(s + i, '\n', n - i);
		size_t next = e ? (size_t)(e - s) + 1 : n;
		if (n - i > 5 && memcmp(s + i, "%rec:", 5) == 0) {
			size_t t = i + 5;
			while (t < next && (s[t] == ' ' || s[t] == '\t'))
				t++;
			if (in)
				at = i;
			in = next - t >= k && memcmp(s + t, type, k) == 0 &&
			    (t + k == next || strchr(" \t\r\n", s[t + k]));
			if (in) {
				*found = true;
				at = n;
			}
		} else if (in) {
			at = n;
		}
		i = next;
	}
	if (!*found)
		return n;
	/* back over the blank and comment lines before the next section */
	while (at > 0) {
		size_t start = at - 1;
		while (start > 0 && s[start - 1] != '\n')
			start--;
		size_t t = start;
		while (t < at - 1 && (s[t] == ' ' || s[t] == '\t' || s[t] == '\r'))
			t++;
		if (s[t] != '#' && t != at - 1)
			break;
		at = start;
	}
	return at;
}

bool
rw_write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* Temporary file beside path, fsync, rename over path, fsync the
 * directory: path is the old file or the new one, never a part. */
int
rw_replace_file(const char *path, const char *s, size_t n, FILE *err)
{
	char *dcopy = strdup(path), *fcopy = strdup(path), *tmp = NULL;
	const char *dir, *file;
	struct stat st;
	mode_t mask;
	int fd = -1, dfd, rc = -1;

	if (!dcopy || !fcopy) {
		fputs("dossier: out of memory\n", err);
		goto out;
	}
	dir = dirname(dcopy);
	file = basename(fcopy);
	if (!(tmp = malloc(strlen(dir) + strlen(file) + 16))) {
		fputs("dossier: out of memory\n", err);
		goto out;
	}
	sprintf(tmp, "%s/.%s.XXXXXX", dir, file);
	if ((fd = mkstemp(tmp)) < 0) {
		rw_complain(err, path, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, stat(path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask) != 0 ||
	    !rw_write_all(fd, s, n) || fsync(fd) != 0) {
		rw_complain(err, tmp, strerror(errno));
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		rw_complain(err, tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		rw_complain(err, path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(dcopy);
	free(fcopy);
	return rc;
}

void
rw_complain(FILE *err, const char *path, const char *reason)
{
	fputs("dossier: ", err);
	esc_put(err, path, strlen(path));
	fprintf(err, ": %s\n", reason);
}
