/* The reader's own state in the view: resuming at the saved place, marks
 * (m, ' and ''), own notes written in a one-line prompt and their list,
 * and the search history kept across sessions.  Plain C over the view,
 * no curses; unit-tested in tests/test-state-view.c. */
#ifndef DOSSIER_STATE_VIEW_H
#define DOSSIER_STATE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys.h"
#include "overlay.h"
#include "prompt.h"
#include "state.h"

struct view;

enum own_prompt { OWN_NONE, OWN_ADD, OWN_EDIT };
enum own_list { OWN_LIST_NONE, OWN_LIST_NOTES, OWN_LIST_MARKS };

/* The part of the view that is the reader's own. */
struct view_own {
	struct state *st;          /* never NULL once set up; st->dir NULL: not kept */
	uint32_t *counts;          /* live own notes per paragraph */
	size_t orphans;
	/* Where '' goes: the reading place before the last jump. */
	bool have_jump;
	size_t jump_para, jump_off;
	int pending;               /* 'm' or '\'' waiting for its letter, else 0 */
	/* The note prompt: adding to paragraph para, or editing note id. */
	enum own_prompt prompting;
	size_t para;
	char *quote, *edit_id;
	struct prompt input;
	/* The list open over the panes, and the notes (indexes in
	 * st->d.notes) or marks (letters) it shows, in order. */
	enum own_list listing;
	size_t *rows, nrows, sel;
};

/* Takes st (which must outlive v): counts its notes, and hands its
 * searches to the search prompt's history.  -1 when memory runs out. */
int own_init(struct view *v, struct state *st);
void own_free(struct view *v);

/* Back to the place, focus and selections saved (nothing when none was
 * or from_top). */
void own_resume(struct view *v, bool from_top);
/* Keeps the current place, focus and selections in the state. */
void own_capture(struct view *v);
/* Saves when a note or mark changed (after a keystroke), or always
 * (at the end); a warning goes to the status line. */
void own_save(struct view *v, bool at_end);

/* The article moved far: its place before is where '' goes back to. */
void own_jumped(struct view *v, size_t para, size_t off);
/* m or ' was pressed: the next key is the letter. */
void own_expect_letter(struct view *v, int which);
/* The key after m or ': a letter (or ' after ') does its work; anything
 * else cancels. */
void own_letter(struct view *v, int code);

/* a: opens the prompt for a note on the paragraph at the reading place. */
void own_note_start(struct view *v);
/* The prompt's line is done (accept) or dropped. */
void own_note_finish(struct view *v, bool accept);

/* The lists: own notes (those matching the search while hits are shown)
 * and marks. */
void own_open_list(struct view *v, enum own_list which);
/* A key while a list is open: moves, goes, edits, deletes, closes. */
void own_list_key(struct view *v, enum action a);

/* The reader's own notes on paragraph para, for its details. */
void own_details(struct view *v, struct overlay *o, size_t para);

/* A search accepted: kept in the history. */
void own_searched(struct view *v, const char *query);

#endif
