/* The view: what the reader is looking at, as plain C over the model and
 * index, with no curses: the layout for the terminal's size, the focus, the
 * reading position in the article, the lists' selections, the filter, the
 * search hits and the overlays.  Every change of state is a function here
 * (unit-tested in tests/test-view.c); the panes and ui only draw from it
 * and translate terminal events into these operations.  Drawing changes no
 * state: whatever must follow a change (the timeline following the
 * reading, a selection kept in sight) is done by the operation. */
#ifndef DOSSIER_VIEW_H
#define DOSSIER_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier.h"
#include "index.h"
#include "keys.h"
#include "layout.h"
#include "overlay.h"
#include "prompt.h"
#include "role.h"
#include "search.h"
#include "state_view.h"
#include "text.h"

/* A list pane: selected row and first row shown. */
struct list_pos {
	size_t sel, top;
};

/* A place in the article, as less keeps a byte position rather than a
 * line: a paragraph, a byte offset in its text (the row is the wrapped
 * line holding it, at whatever width the article has when drawn), and a
 * nudge in rows from that line for the rows that hold no text: -2 and -1
 * are the section heading and the blank row under it (offset 0), +1 the
 * blank row after the paragraph.  It survives any resize, and can be kept
 * and restored as the paragraph's id and the offset. */
struct art_pos {
	size_t para;
	size_t off;
	int nudge;
};

/* Wrapped lines of one paragraph at one width, computed when first shown. */
struct wrap_cache {
	int width;
	int mode;                  /* the text mode it was wrapped for */
	size_t n;
	struct text_line *lines;
};

struct view;

/* What the article shows of each paragraph: its text, the dossier's
 * English (its Gloss; the text where it has none), or both, the gloss
 * under the text.  A reading position's offset runs over the text and
 * then the gloss (an offset from the text's length on is in the gloss),
 * so one place names a row in every mode. */
enum text_mode { TEXT_ORIGINAL, TEXT_ENGLISH, TEXT_BOTH, TEXT_NMODES };

extern const char *const text_mode_names[TEXT_NMODES];

/* What a pane is to the view: one entry per pane, so that the focus, the
 * keys, the mouse, the status line and the details overlay need no chain
 * of cases; a new pane is a new entry (and its drawing in the screen's
 * table, src/pane.h). */
struct pane_ops {
	const char *name;          /* its tab and the status line */
	enum key_scope scope;      /* its keys in the key table */
	/* Its border's title. */
	void (*title)(const struct view *, char *buf, size_t size);
	/* The name of its selected item, for the status line. */
	struct ds_str (*selected)(const struct view *);
	/* A key's action, when it has the focus; false if not its own. */
	bool (*action)(struct view *, enum action);
	/* A click on row (from the top of its inner rectangle). */
	void (*click)(struct view *, int row);
	/* The wheel over it: rows to scroll, negative up.  It scrolls what
	 * is shown, not the selection. */
	void (*wheel)(struct view *, int rows);
	/* The details overlay of its selected item. */
	void (*details)(struct view *, struct overlay *);
	/* Brings the selection in sight after a change of size or focus. */
	void (*show)(struct view *);
};

extern const struct pane_ops timeline_ops, people_ops, article_ops;
extern const struct pane_ops *const pane_ops[NPANES];

struct view {
	struct dossier *d;
	struct index ix;
	bool ix_ready;             /* index_prepare is done */
	struct search search;
	struct layout lay;
	struct layout_opts lopts;  /* the zoom and the splits as the reader set them */
	enum pane focus;

	/* Timeline: rows are events in date order, or one person's events. */
	struct list_pos tl;
	long filter;               /* person index, or -1 */
	int date_w, draft_w;       /* the date and draft columns, once per dossier */
	/* People pane: people, or organizations when orgs is set. */
	struct list_pos people, orgs;
	bool show_orgs;

	/* Article */
	struct art_pos art;        /* the top row: the reading place */
	long marked_para;          /* paragraph of the chosen event, or -1 */
	long cur_note;             /* the note last gone to (reading order), or -1 */
	long mention_para;         /* the mention last gone to: paragraph or -1, */
	size_t mention_off;        /* its offset, and whose it is */
	int mention_kind;
	size_t mention_who;
	int highlight_kind;        /* DS_PERSON/DS_ORG whose mentions stand out, or -1 */
	size_t highlight_who;
	struct wrap_cache *wrap;   /* per paragraph; a cache, filled when drawn */
	size_t *text_before;       /* bytes of text before each paragraph, and
	                              in all at [nparas]: the percent read */

	/* Search */
	bool searching;            /* the prompt is open */
	bool have_hits;            /* hits are shown (after Enter, until Esc) */
	struct prompt prompt;
	size_t cur_hit;
	char message[PROMPT_MAX + 64]; /* one-shot status message */

	struct overlay ov;         /* help or details, over the panes */
	bool mouse;                /* the program takes the mouse (c switches) */
	long click_ms;             /* the last click: when (ms), where */
	int click_y, click_x;
	enum text_mode text;       /* what the article shows */
	struct view_own own;       /* the reader's own: marks, notes (state_view.c) */
	bool color, quit;

	/* Articles (view_articles.c): the article filter, and the rows of
	 * the timeline and of the people pane under it. */
	long art_filter;           /* article index, or -1 */
	uint32_t *tl_rows;         /* events listed, when art_filter >= 0 */
	size_t ntl_rows;
	uint32_t *ent_rows[2];     /* people, organizations the article names */
	size_t nent_rows[2];
	size_t art_sel;            /* the list of articles' selection */
};

/* Sets up v over d, taking over ix (all zero to have it made here): 0,
 * or -1 when memory runs out (view_free then frees what was made).  The
 * timeline selects the event at the reading place, the article's start. */
int view_init(struct view *, struct dossier *, struct index *ix);
void view_free(struct view *);
/* The terminal is rows x cols: the layout, and every pane's selection
 * and the article's top kept in sight at the new size. */
void view_resize(struct view *, int rows, int cols);
void view_focus(struct view *, enum pane);
/* The layout again at the same size, after a change of the zoom or the
 * splits: every pane's selection and the article's top kept in sight. */
void view_relayout(struct view *);
/* The people pane shows organizations, or people: its box as tall as
 * the list needs. */
void view_show_orgs(struct view *, bool orgs);
/* z: the focused pane alone on the screen, and back.  < > and - +: the
 * list column narrower or wider by cols, the timeline taller or shorter
 * than people by rows; = back to where they were. */
void view_zoom(struct view *);
void view_move_split(struct view *, int cols, int rows);
void view_reset_split(struct view *);
/* Whose keys apply now: the open list's, the open overlay's, else the
 * focused pane's. */
enum key_scope view_scope(const struct view *);
/* A key's action, as the key table names it, for the focused pane or the
 * open overlay. */
void view_action(struct view *, enum action);
/* The mouse: a click or the wheel (rows, negative up) at a screen cell. */
void view_click(struct view *, int y, int x);
/* A click at a time in milliseconds: a second one on the same cell
 * within VIEW_DOUBLE_CLICK_MS is a double click, which opens the details
 * of what the first selected. */
#define VIEW_DOUBLE_CLICK_MS 400
void view_click_at(struct view *, int y, int x, long ms);
/* c: the mouse to the program or to the terminal (to select and copy). */
void view_toggle_mouse(struct view *);
void view_wheel(struct view *, int y, int x, int rows);

/* Timeline rows. */
size_t tl_count(const struct view *);
size_t tl_event(const struct view *, size_t row);
/* The columns of the list panes, as drawn: the timeline's date column
 * (the widest date of the dossier), the people pane's name and alias columns.
 * A row is a mark column, then the columns, one blank between. */
int timeline_date_width(const struct view *);
int timeline_date_measure(const struct dossier *);
/* Two columns for a "?" before the titles of draft events (made by
 * dossier --import, not yet reviewed) when the dossier has some, else
 * 0: like the dates', the titles' column is the same for the whole
 * list. */
int timeline_draft_width(const struct view *);
int timeline_draft_measure(const struct dossier *);
void people_columns(const struct view *, int *name_w, int *alias_w);
/* The row of event ev, or tl_count() if it is not listed. */
size_t tl_row_of(const struct view *, size_t ev);
/* People pane rows (people, or organizations after o): each one, or
 * those the filtering article names; the entity of a row, and the row
 * of an entity (people_count() if it is not listed). */
size_t people_count(const struct view *);
size_t people_entity(const struct view *, size_t row);
size_t people_row(const struct view *, size_t who);
/* The same for the people (orgs false) or the organizations. */
size_t entity_row(const struct view *, bool orgs, size_t who);

/* Inner height of a pane in the current layout (at least 1). */
int pane_height(const struct view *, enum pane);

/* Moves a list position by delta rows within n rows, keeping sel visible in
 * a window of h rows. */
void list_move(struct list_pos *, long delta, size_t n, int h);
void list_show(struct list_pos *, size_t n, int h);
/* The motion keys on a list of n rows, h shown: false if a is not one. */
bool list_action(struct list_pos *, enum action a, size_t n, int h);

/* The article (view_article.c).  Widths and heights are the article's in
 * the current layout: its text column, and its rows less the footer that
 * shows the top paragraph's first note. */
int art_text_width(const struct view *);
int art_text_height(const struct view *, size_t top_para);
const struct wrap_cache *art_wrap(const struct view *, size_t para, int width);
int art_heading_rows(const struct view *, size_t para);
/* Heading rows, text rows, and a blank row after the paragraph. */
int art_para_rows(const struct view *, size_t para, int width);
/* The display row of a position within its paragraph, and back. */
int art_row_of(const struct view *, struct art_pos, int width);
struct art_pos art_pos_at(const struct view *, size_t para, int row, int width);
/* The row holding byte off of a paragraph's text. */
int art_row_of_offset(const struct view *, size_t para, size_t off, int width);
/* The last top there is, where G goes: the last screenful. */
struct art_pos art_last_top(const struct view *);
/* Whether the top is there: the article's end is on screen. */
bool art_at_end(const struct view *);
/* How far the top is into the article's text, in percent of its bytes;
 * -1 when its end is on screen. */
int art_percent(const struct view *);
/* Where the reader is, for the status line: the top paragraph, its
 * section (a bare letter as "section A"), the percent or END. */
void art_where(const struct view *, char *buf, size_t size);
/* The reading place to keep (a mark, where to resume): its paragraph's id
 * and the byte offset of the top row's line.  And back: false if no
 * paragraph has that id; an offset past the text is its end. */
struct ds_str art_place(const struct view *, size_t *off);
bool art_restore_place(struct view *, const char *id, size_t n, size_t off);
/* Moves the top by rows; to a paragraph's row; every one of them stops
 * at the last screenful, as G does. */
void art_scroll(struct view *, long rows);
void art_goto(struct view *, size_t para, int row);
/* Puts the top at a place (from another view, a reload): an offset past
 * the paragraph's text is its end. */
void art_set(struct view *, struct art_pos);
/* Whether row `row` of paragraph para is on screen (between the top and
 * the footer). */
bool art_row_shown(const struct view *, size_t para, int row);
/* Whether any row of paragraph para is on screen. */
bool art_para_shown(const struct view *, size_t para);

/* With several articles, each one's first paragraph starts with the
 * article's head: these rows (title, byline, a blank row) before its
 * section heading, if any. */
#define ART_HEAD_ROWS 3
int art_head_rows(const struct view *, size_t para);
/* The article of the reading place (0 without articles). */
size_t art_article(const struct view *);

/* Articles (view_articles.c).  ] and [: to the next article's head; to
 * this one's head, else the previous one's.  False when there is none. */
bool view_step_article(struct view *, int dir);
void view_goto_article(struct view *, size_t a);
/* Narrows the timeline and the people pane to article a's (-1: all). */
void view_set_article_filter(struct view *, long a);
/* Recomputes the rows of the filters after v->filter or v->art_filter
 * were set (as when they are put back): 0, or -1 out of memory, which
 * drops the article filter. */
int view_refilter(struct view *);
/* Whether event ev is listed under the article filter. */
bool view_event_listed(const struct view *, size_t ev);
/* The list of articles, the one being read selected; its keys. */
void view_open_articles(struct view *);
void view_articles_key(struct view *, enum action);
/* The status line's place: " · p4/60 " or, with several articles,
 * " · 2/3 Source · p4/12 " (the article, the paragraph in it). */
void view_reading_place(const struct view *, char *buf, size_t size);
/* The articles a search hit is in, as a source tag (empty if none). */
void view_hit_source(const struct view *, size_t hit, char *buf, size_t size);
/* For a bridged search hit, the mention as written and the form the query
 * named, as in "杨立昆 = LeCun" (empty for a hit of the query's text). */
void view_hit_bridge(const struct view *, size_t hit, char *buf, size_t size);

/* Details: the articles telling event ev; the mentions of a person or
 * organization in each article. */
void event_articles_details(struct view *, struct overlay *, size_t ev);
void entity_articles_details(struct view *, struct overlay *, enum ds_kind, size_t who);

/* The details of paragraph para (the article's details are the top
 * one's). */
void paragraph_details(struct view *, struct overlay *, size_t para);

/* Linking: the events/people of the article's top paragraph. */
bool tl_event_is_read(const struct view *, size_t ev);
bool entity_is_read(const struct view *, int kind, size_t who);
/* The name in Latin script the people pane shows beside the name: the
 * Latin field, else the first alias in Latin letters. */
struct ds_str latin_alias(const struct ds_entity *);

/* Selection changes that move other panes. */
void view_select_event(struct view *, size_t row);
void view_select_entity(struct view *, size_t row);
void view_set_filter(struct view *, long person);
/* After the article moved by reading: the timeline selects the event at
 * the reading place (the top paragraph's, else the nearest before it),
 * unless the selected one's paragraph is still on screen. */
void view_follow_reading(struct view *);

/* The text mode (view_text.c). */
bool text_mode_parse(const char *s, enum text_mode *out);
/* Shows the article in mode m, or the next mode in turn, keeping the top
 * paragraph (from the start of what it shows, if the old place is not). */
void view_set_text(struct view *, enum text_mode m);
void view_cycle_text(struct view *);
/* Whether paragraph para shows its text, its gloss, in the current mode. */
bool art_shows_text(const struct view *, size_t para);
bool art_shows_gloss(const struct view *, size_t para);
/* Columns a gloss line is indented by (in both, to set it apart). */
int art_gloss_indent(const struct view *);
/* The wrapped lines of what paragraph para shows, starts in the offset
 * space of a position: as text_wrap. */
size_t art_body_wrap(const struct view *, size_t para, int width, struct text_line **out);
/* A search hit at off in paragraph para's text or gloss: the mode is made
 * to show that part (both, from the mode that does not), and the hit's
 * offset in a position's space is returned. */
size_t art_show_hit(struct view *, size_t para, bool in_gloss, size_t off);

/* Search */
void view_search_update(struct view *);
void view_goto_hit(struct view *, size_t hit);
void view_step_hit(struct view *, int dir);
/* Spans of the hits that fall on string s of item (kind, item), the
 * first max of them; _in: those on bytes [from, to) of s (a wrapped
 * line of a paragraph with more hits than a line can show). */
size_t view_hit_spans(const struct view *, enum ds_kind, size_t item,
    struct ds_str s, struct span *out, size_t max);
size_t view_hit_spans_in(const struct view *, enum ds_kind, size_t item,
    struct ds_str s, size_t from, size_t to, struct span *out, size_t max);

/* Overlays: the help, the details of the focused pane's selected item. */
void view_open_help(struct view *);
void view_open_details(struct view *);
/* i: the dossier's title, summary and language, and each article's
 * title, author, editor, date and source. */
void view_open_dossier(struct view *);

/* Notes (view_notes.c), in reading order: k-th note's index in the
 * dossier (nnotes past the last); t and T: the article at the next or
 * previous note from the current one while it is on screen, else from
 * the reading place; #: the list of them all, Enter going to the one
 * selected, which the list's motion keys move. */
size_t note_count(const struct view *);
size_t note_at(const struct view *, size_t k);
void view_goto_note(struct view *, size_t k);
void view_step_note(struct view *, int dir);
void view_open_notes(struct view *);
bool notes_overlay_key(struct view *, enum action);
/* . and , (view_mentions.c): the article at the next or previous mention
 * of the person or organization selected in the people pane (from the
 * one gone to while on screen, else from the reading place), which is
 * then highlighted. */
void view_step_mention(struct view *, int dir);
/* p in the timeline: the article at the selected event's next paragraph,
 * round, for an event told in several; marked as the chosen one. */
void view_event_next_para(struct view *);
void view_close_overlay(struct view *);

#endif
