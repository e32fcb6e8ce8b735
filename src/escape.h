/* Text from a data file or the command line made safe for a terminal and
 * for one tab-separated field: the one sanitiser of every line dossier
 * writes outside the screen (--list, --search, --check, messages).
 *
 * Written visibly, never raw:
 *   newline, tab, backslash     \n  \t  \\
 *   other C0 controls, DEL      \xNN        (\x1b for ESC)
 *   C1 controls                 \uNNNN      (\u009b for CSI)
 *   bidi embeddings, overrides  \uNNNN      (U+202A-U+202E, U+2066-U+2069)
 *   and isolates, line and paragraph separators (U+2028, U+2029)
 *   a byte that is not part of valid UTF-8   \xNN
 * Everything else, the bidi marks U+200E, U+200F and U+061C included (they
 * are letters' companions in right-to-left text and reorder nothing past
 * their neighbours), is copied as it is. */
#ifndef DOSSIER_ESCAPE_H
#define DOSSIER_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* True for a character that must never reach a terminal raw: the
 * controls, bidi controls and separators above (not the backslash, which
 * is escaped only to keep escapes unambiguous). */
bool esc_unsafe(uint32_t c);

/* Writes s[0..n) to out, escaped. */
void esc_put(FILE *out, const char *s, size_t n);

/* Escapes s[0..n) into dst as snprintf does: at most room - 1 bytes and a
 * NUL (room > 0), never cutting an escape or a character in two; returns
 * the length the whole escaped text needs. */
size_t esc_format(char *dst, size_t room, const char *s, size_t n);

#endif
