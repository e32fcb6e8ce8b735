/* The search prompt's line editor: UTF-8 text, a cursor on grapheme
 * cluster boundaries, history for this run, and which part of a long line
 * to show.  Keys come through the key table (scope KS_PROMPT); nothing
 * here draws. */
#ifndef DOSSIER_PROMPT_H
#define DOSSIER_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

#define PROMPT_MAX 256
#define PROMPT_HISTORY 32

struct prompt {
	char buf[PROMPT_MAX];
	size_t len, cur;           /* bytes */
	char *hist[PROMPT_HISTORY];
	size_t nhist;
	size_t hpos;               /* == nhist: editing the draft */
	char draft[PROMPT_MAX];    /* the line being typed, while history shows */
};

enum prompt_result { PR_IGNORED, PR_EDITED, PR_MOVED, PR_ACCEPT, PR_CANCEL };

void prompt_open(struct prompt *);
/* Inserts UTF-8 text at the cursor, as typed or pasted: invalid bytes are
 * dropped, a tab or line end becomes a space, other controls are dropped;
 * what does not fit in the buffer is dropped whole characters at a time. */
void prompt_insert(struct prompt *, const char *s, size_t n);
/* Handles a key (code is a character, or a curses KEY_* code when is_key)
 * by its binding in the key table's prompt scope. */
enum prompt_result prompt_key(struct prompt *, int code, bool is_key);
/* Does what an action of the prompt scope says. */
enum prompt_result prompt_act(struct prompt *, enum action);
/* Remembers the current text in the history (not twice in a row). */
void prompt_remember(struct prompt *);
void prompt_free(struct prompt *);

/* What of the text to show in cols columns so that the cursor is seen:
 * bytes [start, end) drawn from column `left` (1 when text is cut off on
 * the left, which the first column marks), a mark in the last column when
 * text is cut off on the right, and the cursor's column.  Columns are
 * measured with text_width. */
struct prompt_view {
	size_t start, end;
	bool left, right;          /* text hidden on that side: draw a mark */
	int cursor;                /* 0 .. cols - 1 */
};
void prompt_view(const struct prompt *, int cols, struct prompt_view *);

#endif
