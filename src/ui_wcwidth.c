/* ncurses moves its cursor, and keeps its picture of the terminal, by the
 * C library's wcwidth, which counts East Asian Ambiguous characters as one
 * column.  Where the terminal draws them two (--ambiwidth=double) that
 * picture would drift one column from the terminal's after each of them,
 * and ncurses would write the rest of the line in the wrong place.  So the
 * program defines wcwidth: the dynamic linker binds the calls of ncurses
 * to this definition before the C library's (ELF symbol interposition),
 * and it answers as the C library does, an Ambiguous character of one
 * column widened to two when the terminal draws it so.  In the default
 * mode the answer is the C library's, unchanged.  This file is linked into
 * the program only: the tests compare text_cell with the C library's own
 * wcwidth. */
#include <config.h>

#include <dlfcn.h>
#include <stdint.h>
#include <unistr.h>
#include <wchar.h>

#include "text.h"

/* The width the screen form gives wc (text_cell), -1 when it is not drawn
 * as itself: for a program linked statically, where there is no other
 * wcwidth to ask. */
static int
text_wcwidth(wchar_t wc)
{
	uint8_t s[6];
	int n = u8_uctomb(s, (ucs4_t)wc, sizeof s);
	uint32_t shown;
	size_t clen;
	int w;

	if (wc == 0)
		return 0;
	if (n <= 0)
		return -1;
	w = text_cell((const char *)s, (size_t)n, 0, &clen, &shown);
	return shown ? -1 : w;
}

int
wcwidth(wchar_t wc)
{
	static int (*libc_wcwidth)(wchar_t);
	static bool looked;
	int w;

	if (!looked) {
		*(void **)&libc_wcwidth = dlsym(RTLD_NEXT, "wcwidth");
		looked = true;
	}
	w = libc_wcwidth ? libc_wcwidth(wc) : text_wcwidth(wc);
	if (w == 1 && text_ambiwidth() == 2 && text_is_ambiguous((uint32_t)wc))
		w = 2;
	return w;
}
