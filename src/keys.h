/* The one key table: key handling, the ? help overlay, --keys and the
 * KEYS section check of dossier(1) all read it. */
#ifndef DOSSIER_KEYS_H
#define DOSSIER_KEYS_H

#include <stdbool.h>
#include <stdio.h>

enum action {
	ACT_NONE,
	ACT_QUIT, ACT_HELP, ACT_REDRAW, ACT_NEXT_PANE, ACT_PREV_PANE,
	ACT_PANE_TIMELINE, ACT_PANE_PEOPLE, ACT_PANE_ARTICLE,
	ACT_DOWN, ACT_UP, ACT_TOP, ACT_BOTTOM, ACT_PAGE_DOWN, ACT_PAGE_UP,
	ACT_HALF_DOWN, ACT_HALF_UP, ACT_NEXT_PARA, ACT_PREV_PARA,
	ACT_ENTER, ACT_SEARCH, ACT_NEXT_HIT, ACT_PREV_HIT, ACT_FILTER, ACT_TOGGLE_ORGS,
	ACT_CANCEL, ACT_RELOAD, ACT_CLOSE,
	ACT_ZOOM, ACT_LIST_NARROWER, ACT_LIST_WIDER, ACT_TIMELINE_SHORTER,
	ACT_TIMELINE_TALLER, ACT_SPLIT_RESET, ACT_DOSSIER,
	ACT_NEXT_NOTE, ACT_PREV_NOTE, ACT_NOTES, ACT_OVERLAY_ENTER, ACT_MOUSE,
	ACT_NEXT_LINK, ACT_PREV_LINK, ACT_NEXT_MENTION, ACT_PREV_MENTION,
	ACT_EVENT_PARA,
	ACT_NEXT_ARTICLE, ACT_PREV_ARTICLE, ACT_ARTICLES, ACT_FILTER_ARTICLE,
	/* The search prompt's line editor (scope KS_PROMPT). */
	ACT_PROMPT_ACCEPT, ACT_PROMPT_CANCEL, ACT_PROMPT_LEFT, ACT_PROMPT_RIGHT,
	ACT_PROMPT_HOME, ACT_PROMPT_END, ACT_PROMPT_BACKSPACE, ACT_PROMPT_DELETE,
	ACT_PROMPT_KILL_BOL, ACT_PROMPT_KILL_EOL, ACT_PROMPT_KILL_WORD,
	ACT_PROMPT_OLDER, ACT_PROMPT_NEWER,
	ACT_TEXT_MODE,
	/* The reader's own: marks, notes and their lists (src/state_view.c). */
	ACT_MARK, ACT_GOTO_MARK, ACT_OWN_NOTE, ACT_OWN_NOTES, ACT_OWN_MARKS,
	ACT_OWN_GO, ACT_OWN_EDIT, ACT_OWN_DELETE,
	ACT_NACTIONS               /* keep last: the number of actions */
};

/* Where a binding applies. */
enum key_scope { KS_GLOBAL, KS_TIMELINE, KS_PEOPLE, KS_ARTICLE, KS_PROMPT, KS_OVERLAY,
	KS_ARTICLES, KS_LIST, KS_NSCOPES };

struct key_binding {
	int code;                  /* curses KEY_* or a character */
	bool is_key;               /* code is a KEY_* function key */
	const char *name;          /* as written in help and dossier(1) */
	enum action action;
	enum key_scope scope;
	const char *help;
};

extern const struct key_binding key_table[];
extern const char *const key_scope_names[];

/* The action bound to a key in a scope: a pane scope (KS_TIMELINE,
 * KS_PEOPLE or KS_ARTICLE) and the overlays' (KS_OVERLAY) fall back to
 * the global bindings, the prompt has only its own.  Enter is '\n'
 * whether it comes as '\r' or KEY_ENTER; Backspace is KEY_BACKSPACE
 * whether it comes as DEL or C-h. */
enum action key_lookup(int code, bool is_key, enum key_scope pane);
/* Writes the table, one binding a line: scope, key name, help. */
void key_table_print(FILE *out);

#endif
