/* Key bindings.  Movement keys apply to every pane; a pane may add its
 * own.  The search prompt has a scope of its own: its line editor asks
 * this table what a key does. */
#include <config.h>

#include <curses.h>
#include <string.h>

#include "i18n.h"
#include "escape.h"
#include "keys.h"

#define CTRL(c) ((c) & 0x1f)

const char *const key_scope_names[] = {
	N_("global"), N_("timeline"), N_("people"), N_("article"), N_("prompt"), N_("overlay"),
	N_("articles"), N_("list")
};

const struct key_binding key_table[] = {
	{ 'q', false, "q", ACT_QUIT, KS_GLOBAL, N_("quit") },
	{ '?', false, "?", ACT_HELP, KS_GLOBAL, N_("show this help") },
	{ '\t', false, "Tab", ACT_NEXT_PANE, KS_GLOBAL, N_("focus the next pane") },
	{ KEY_BTAB, true, "S-Tab", ACT_PREV_PANE, KS_GLOBAL, N_("focus the previous pane") },
	{ '1', false, "1", ACT_PANE_TIMELINE, KS_GLOBAL, N_("focus the timeline") },
	{ '2', false, "2", ACT_PANE_PEOPLE, KS_GLOBAL, N_("focus people") },
	{ '3', false, "3", ACT_PANE_ARTICLE, KS_GLOBAL, N_("focus the article") },
	{ '/', false, "/", ACT_SEARCH, KS_GLOBAL, N_("search everything, as you type") },
	{ 'n', false, "n", ACT_NEXT_HIT, KS_GLOBAL, N_("next search hit") },
	{ 'N', false, "N", ACT_PREV_HIT, KS_GLOBAL, N_("previous search hit") },
	{ 27, false, "Esc", ACT_CANCEL, KS_GLOBAL, N_("clear the filter, else hits, else marks") },
	{ CTRL('l'), false, "C-l", ACT_REDRAW, KS_GLOBAL, N_("redraw the screen") },
	{ 'R', false, "R", ACT_RELOAD, KS_GLOBAL, N_("reload the file (it changed on disk), keeping the place") },
	{ 'i', false, "i", ACT_DOSSIER, KS_GLOBAL, N_("the dossier: title, summary, each article's author, editor, date, source") },
	{ 't', false, "t", ACT_NEXT_NOTE, KS_GLOBAL, N_("the article at its next note") },
	{ 'T', false, "T", ACT_PREV_NOTE, KS_GLOBAL, N_("the article at its previous note") },
	{ '#', false, "#", ACT_NOTES, KS_GLOBAL, N_("the list of all notes; Enter goes to the one selected") },
	{ '.', false, ".", ACT_NEXT_MENTION, KS_GLOBAL, N_("the article at the next mention of the person or organization selected") },
	{ ',', false, ",", ACT_PREV_MENTION, KS_GLOBAL, N_("the article at the previous mention of the person or organization selected") },
	{ 'c', false, "c", ACT_MOUSE, KS_GLOBAL, N_("mouse off, so the terminal selects and copies, and back on") },
	{ 'z', false, "z", ACT_ZOOM, KS_GLOBAL, N_("the focused pane alone on the screen, and back") },
	{ '<', false, "<", ACT_LIST_NARROWER, KS_GLOBAL, N_("narrower list column, wider article") },
	{ '>', false, ">", ACT_LIST_WIDER, KS_GLOBAL, N_("wider list column, narrower article") },
	{ '-', false, "-", ACT_TIMELINE_SHORTER, KS_GLOBAL, N_("shorter timeline, taller people list") },
	{ '+', false, "+", ACT_TIMELINE_TALLER, KS_GLOBAL, N_("taller timeline, shorter people list") },
	{ '=', false, "=", ACT_SPLIT_RESET, KS_GLOBAL, N_("the splits back where they were") },
	{ 'j', false, "j", ACT_DOWN, KS_GLOBAL, N_("move down") },
	{ KEY_DOWN, true, "Down", ACT_DOWN, KS_GLOBAL, N_("move down") },
	{ 'k', false, "k", ACT_UP, KS_GLOBAL, N_("move up") },
	{ KEY_UP, true, "Up", ACT_UP, KS_GLOBAL, N_("move up") },
	{ 'g', false, "g", ACT_TOP, KS_GLOBAL, N_("go to the top") },
	{ KEY_HOME, true, "Home", ACT_TOP, KS_GLOBAL, N_("go to the top") },
	{ 'G', false, "G", ACT_BOTTOM, KS_GLOBAL, N_("go to the bottom") },
	{ KEY_END, true, "End", ACT_BOTTOM, KS_GLOBAL, N_("go to the bottom") },
	{ KEY_NPAGE, true, "PgDn", ACT_PAGE_DOWN, KS_GLOBAL, N_("page down") },
	{ ' ', false, "Space", ACT_PAGE_DOWN, KS_GLOBAL, N_("page down") },
	{ CTRL('f'), false, "C-f", ACT_PAGE_DOWN, KS_GLOBAL, N_("page down") },
	{ KEY_PPAGE, true, "PgUp", ACT_PAGE_UP, KS_GLOBAL, N_("page up") },
	{ 'b', false, "b", ACT_PAGE_UP, KS_GLOBAL, N_("page up") },
	{ CTRL('b'), false, "C-b", ACT_PAGE_UP, KS_GLOBAL, N_("page up") },
	{ CTRL('d'), false, "C-d", ACT_HALF_DOWN, KS_GLOBAL, N_("half a page down") },
	{ CTRL('u'), false, "C-u", ACT_HALF_UP, KS_GLOBAL, N_("half a page up") },
	{ '\n', false, "Enter", ACT_ENTER, KS_TIMELINE, N_("details of the event (its paragraph is already shown)") },
	{ 'p', false, "p", ACT_EVENT_PARA, KS_TIMELINE, N_("the article at the event's next paragraph, for one told in several") },
	{ 'e', false, "e", ACT_TEXT_MODE, KS_GLOBAL, N_("article: original, English, both, in turn") },
	{ 'f', false, "f", ACT_FILTER, KS_GLOBAL, N_("filter the timeline by the selected person; again to clear") },
	{ '\n', false, "Enter", ACT_ENTER, KS_PEOPLE, N_("details of the person or organization") },
	{ 'o', false, "o", ACT_TOGGLE_ORGS, KS_PEOPLE, N_("switch between people and organizations") },
	{ 'm', false, "m", ACT_MARK, KS_GLOBAL, N_("and a letter: mark the reading place") },
	{ '\'', false, "'", ACT_GOTO_MARK, KS_GLOBAL, N_("and a letter: go to that mark; '' back to before the last jump") },
	{ 'M', false, "M", ACT_OWN_MARKS, KS_GLOBAL, N_("list the marks") },
	{ 'a', false, "a", ACT_OWN_NOTE, KS_GLOBAL, N_("add a note of your own to the paragraph at the reading place") },
	{ 'A', false, "A", ACT_OWN_NOTES, KS_GLOBAL, N_("list your own notes (those matching the search while hits are shown)") },
	{ '\n', false, "Enter", ACT_ENTER, KS_ARTICLE, N_("notes, events and people of the top paragraph") },
	{ '}', false, "}", ACT_NEXT_PARA, KS_ARTICLE, N_("next paragraph") },
	{ '{', false, "{", ACT_PREV_PARA, KS_ARTICLE, N_("previous paragraph") },
	{ ']', false, "]", ACT_NEXT_ARTICLE, KS_GLOBAL, N_("read the next article") },
	{ '[', false, "[", ACT_PREV_ARTICLE, KS_GLOBAL, N_("back to this article's head, else the previous article") },
	{ 'L', false, "L", ACT_ARTICLES, KS_GLOBAL, N_("the list of articles, to read one or filter by it") },
	{ 'F', false, "F", ACT_FILTER_ARTICLE, KS_GLOBAL, N_("filter timeline and people by the article being read; again to clear") },
	/* The help and details overlays scroll with the global motion keys
	 * and step through hits with n and N; other keys do nothing there. */
	{ 'q', false, "q", ACT_CLOSE, KS_OVERLAY, N_("close the overlay") },
	{ 27, false, "Esc", ACT_CLOSE, KS_OVERLAY, N_("close the overlay") },
	{ '\n', false, "Enter", ACT_OVERLAY_ENTER, KS_OVERLAY, N_("close the overlay; go to the note, event or paragraph selected") },
	{ '?', false, "?", ACT_CLOSE, KS_OVERLAY, N_("close the overlay") },
	{ '\t', false, "Tab", ACT_NEXT_LINK, KS_OVERLAY, N_("details: select the next event or paragraph listed, which Enter goes to") },
	{ KEY_BTAB, true, "S-Tab", ACT_PREV_LINK, KS_OVERLAY, N_("details: select the previous event or paragraph listed") },
	/* The list of articles moves its selection with the motion keys. */
	{ '\n', false, "Enter", ACT_ENTER, KS_ARTICLES, N_("read the selected article") },
	{ 'f', false, "f", ACT_FILTER_ARTICLE, KS_ARTICLES, N_("filter timeline and people by it; again to clear") },
	{ 'q', false, "q", ACT_CLOSE, KS_ARTICLES, N_("close the list") },
	{ 27, false, "Esc", ACT_CLOSE, KS_ARTICLES, N_("close the list") },
	{ 'L', false, "L", ACT_CLOSE, KS_ARTICLES, N_("close the list") },
	/* The lists of own notes and marks move with the global motion keys. */
	{ '\n', false, "Enter", ACT_OWN_GO, KS_LIST, N_("go to the note or mark") },
	{ 'e', false, "e", ACT_OWN_EDIT, KS_LIST, N_("edit the note (an empty text deletes it)") },
	{ 'd', false, "d", ACT_OWN_DELETE, KS_LIST, N_("delete the note") },
	{ 'q', false, "q", ACT_CLOSE, KS_LIST, N_("close the list") },
	{ 27, false, "Esc", ACT_CLOSE, KS_LIST, N_("close the list") },
	/* The search prompt. */
	{ '\n', false, "Enter", ACT_PROMPT_ACCEPT, KS_PROMPT, N_("keep the hits; an empty or the same query: its next hit") },
	{ 27, false, "Esc", ACT_PROMPT_CANCEL, KS_PROMPT, N_("cancel: back to the view before /") },
	{ CTRL('g'), false, "C-g", ACT_PROMPT_CANCEL, KS_PROMPT, N_("cancel: back to the view before /") },
	{ KEY_LEFT, true, "Left", ACT_PROMPT_LEFT, KS_PROMPT, N_("move the cursor left a character") },
	{ KEY_RIGHT, true, "Right", ACT_PROMPT_RIGHT, KS_PROMPT, N_("move the cursor right a character") },
	{ KEY_HOME, true, "Home", ACT_PROMPT_HOME, KS_PROMPT, N_("move the cursor to the start") },
	{ CTRL('a'), false, "C-a", ACT_PROMPT_HOME, KS_PROMPT, N_("move the cursor to the start") },
	{ KEY_END, true, "End", ACT_PROMPT_END, KS_PROMPT, N_("move the cursor to the end") },
	{ CTRL('e'), false, "C-e", ACT_PROMPT_END, KS_PROMPT, N_("move the cursor to the end") },
	{ KEY_BACKSPACE, true, "Backspace", ACT_PROMPT_BACKSPACE, KS_PROMPT, N_("delete the character before the cursor (on an empty query: cancel)") },
	{ KEY_DC, true, "Delete", ACT_PROMPT_DELETE, KS_PROMPT, N_("delete the character under the cursor") },
	{ CTRL('u'), false, "C-u", ACT_PROMPT_KILL_BOL, KS_PROMPT, N_("delete from the start to the cursor") },
	{ CTRL('k'), false, "C-k", ACT_PROMPT_KILL_EOL, KS_PROMPT, N_("delete from the cursor to the end") },
	{ CTRL('w'), false, "C-w", ACT_PROMPT_KILL_WORD, KS_PROMPT, N_("delete the word before the cursor") },
	{ KEY_UP, true, "Up", ACT_PROMPT_OLDER, KS_PROMPT, N_("older query from the history (of earlier sessions too)") },
	{ KEY_DOWN, true, "Down", ACT_PROMPT_NEWER, KS_PROMPT, N_("newer query, or back to the one being typed") },
	{ 0, false, NULL, ACT_NONE, KS_GLOBAL, NULL }
};

static enum action
find(int code, bool is_key, enum key_scope scope)
{
	for (const struct key_binding *b = key_table; b->name; b++)
		if (b->scope == scope && b->code == code && b->is_key == is_key)
			return b->action;
	return ACT_NONE;
}

enum action
key_lookup(int code, bool is_key, enum key_scope scope)
{
	enum action a = find(code, is_key, scope);

	if (a == ACT_NONE && ((!is_key && code == '\r') || (is_key && code == KEY_ENTER)))
		a = find('\n', false, scope);
	if (a == ACT_NONE && !is_key && (code == 127 || code == CTRL('h')))
		a = find(KEY_BACKSPACE, true, scope);
	if (a == ACT_NONE && scope != KS_PROMPT)
		a = find(code, is_key, KS_GLOBAL);
	return a;
}

void
key_table_print(FILE *out)
{
	/* Through the sanitiser as all text output: the help may come from
	 * a translation. */
	for (const struct key_binding *b = key_table; b->name; b++) {
		const char *f[] = { key_scope_names[b->scope], b->name, _(b->help) };

		for (int i = 0; i < 3; i++) {
			esc_put(out, f[i], strlen(f[i]));
			putc(i < 2 ? '\t' : '\n', out);
		}
	}
}
