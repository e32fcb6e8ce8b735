/* The search prompt's line editor: UTF-8 text, a cursor on character
 * boundaries, history for this run. */
#ifndef DOSSIER_PROMPT_H
#define DOSSIER_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#define PROMPT_MAX 256
#define PROMPT_HISTORY 32

struct prompt {
	char buf[PROMPT_MAX];
	size_t len, cur;           /* bytes */
	char *hist[PROMPT_HISTORY];
	size_t nhist;
	size_t hpos;               /* == nhist: editing a new line */
};

enum prompt_result { PR_IGNORED, PR_EDITED, PR_MOVED, PR_ACCEPT, PR_CANCEL };

void prompt_open(struct prompt *);
/* Inserts UTF-8 text at the cursor; invalid bytes are dropped. */
void prompt_insert(struct prompt *, const char *s, size_t n);
/* Handles an editing key: code is a character (is_key false) or a curses
 * KEY_* code. */
enum prompt_result prompt_key(struct prompt *, int code, bool is_key);
/* Remembers the current text in the history (not twice in a row). */
void prompt_remember(struct prompt *);
void prompt_free(struct prompt *);

#endif
