/* The sanitiser of text output: see escape.h for what is escaped and why. */
#include <config.h>

#include <string.h>
#include <unistr.h>

#include "escape.h"

bool
esc_unsafe(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x2028 || c == 0x2029;
}

/* One character (or one bad byte) of s: returns how many bytes of s it
 * takes and points *out at what to write for it, *outn bytes: s itself or
 * its escape, made in buf. */
static size_t
esc_next(const char *s, size_t n, char buf[8], const char **out, size_t *outn)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b = (unsigned char)s[0];
	ucs4_t c = b;
	int len = 1;

	if (b >= 0x80) {
		len = u8_mbtoucr(&c, (const uint8_t *)s, n);
		if (len < 0) {
			len = 1;
			c = 0x110000;   /* a bad byte: \xNN below */
		}
	}
	if (c < 0x110000 && c != '\\' && !esc_unsafe(c)) {
		*out = s;
		*outn = (size_t)len;
		return (size_t)len;
	}
	*out = buf;
	buf[0] = '\\';
	if (c == '\n' || c == '\t' || c == '\\') {
		buf[1] = c == '\n' ? 'n' : c == '\t' ? 't' : '\\';
		*outn = 2;
	} else if (c < 0x80 || c == 0x110000) {
		buf[1] = 'x';
		buf[2] = hex[b >> 4];
		buf[3] = hex[b & 15];
		*outn = 4;
	} else {
		buf[1] = 'u';
		for (int i = 0; i < 4; i++)
			buf[2 + i] = hex[(c >> (12 - 4 * i)) & 15];
		*outn = 6;
	}
	return (size_t)len;
}

/* How many bytes at the start of s are plain printable ASCII: the common
 * case, written as one block. */
static size_t
plain_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= 0x20 && s[i] < 0x7f && s[i] != '\\')
		i++;
	return i;
}

void
esc_put(FILE *out, const char *s, size_t n)
{
	char buf[8];
	const char *o;
	size_t on, used;

	while (n > 0) {
		used = plain_run(s, n);
		if (used == 0) {
			used = esc_next(s, n, buf, &o, &on);
			fwrite(o, 1, on, out);
		} else
			fwrite(s, 1, used, out);
		s += used;
		n -= used;
	}
}

size_t
esc_format(char *dst, size_t room, const char *s, size_t n)
{
	char buf[8];
	const char *o;
	size_t on, used, need = 0, w = 0;

	while (n > 0) {
		used = esc_next(s, n, buf, &o, &on);
		/* Once a unit does not fit, nothing after it is written. */
		if (w == need && w + on < room) {
			memcpy(dst + w, o, on);
			w += on;
		}
		need += on;
		s += used;
		n -= used;
	}
	if (room > 0)
		dst[w] = '\0';
	return need;
}
