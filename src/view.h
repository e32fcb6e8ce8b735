/* State shared by the screen's parts: the model, what each pane shows, the
 * search.  No curses types here, so the panes' logic reads plainly. */
#ifndef DOSSIER_VIEW_H
#define DOSSIER_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier.h"
#include "index.h"
#include "keys.h"
#include "layout.h"
#include "prompt.h"
#include "search.h"
#include "text.h"

/* A list pane: selected row and first row shown. */
struct list_pos {
	size_t sel, top;
};

/* A place in the article: a paragraph and a row within its display rows. */
struct art_pos {
	size_t para;
	int row;
};

/* Wrapped lines of one paragraph at one width, computed when first shown. */
struct wrap_cache {
	int width;
	size_t n;
	struct text_line *lines;
};

struct view {
	struct dossier *d;
	struct index ix;
	struct search search;
	struct layout lay;
	enum pane focus;

	/* Timeline: rows are events in date order, or one person's events. */
	struct list_pos tl;
	long filter;               /* person index, or -1 */
	/* People pane: people, or organizations when orgs is set. */
	struct list_pos people, orgs;
	bool show_orgs;

	/* Article */
	struct art_pos art;
	long marked_para;          /* paragraph of the chosen event, or -1 */
	int highlight_kind;        /* DS_PERSON/DS_ORG whose mentions stand out, or -1 */
	size_t highlight_who;
	struct wrap_cache *wrap;   /* per paragraph */

	/* Search */
	bool searching;            /* the prompt is open */
	bool have_hits;            /* hits are shown (after Enter, until Esc) */
	struct prompt prompt;
	size_t cur_hit;
	char message[PROMPT_MAX + 64]; /* one-shot status message */

	bool help;                 /* help overlay open */
	int popup;                 /* detail popup: 0 none, else its pane + 1 */
	size_t popup_top;
	bool color, quit;
};

/* Timeline rows. */
size_t tl_count(const struct view *);
size_t tl_event(const struct view *, size_t row);

/* Moves a list position by delta rows within n rows, keeping sel visible in
 * a window of h rows. */
void list_move(struct list_pos *, long delta, size_t n, int h);
void list_show(struct list_pos *, size_t n, int h);
/* The motion keys on a list of n rows, h shown: false if a is not one. */
bool list_action(struct list_pos *, enum action a, size_t n, int h);

/* Article scrolling in display rows; width is the text width. */
const struct wrap_cache *art_wrap(struct view *, size_t para, int width);
int art_para_rows(struct view *, size_t para, int width);
int art_heading_rows(const struct view *, size_t para);
void art_scroll(struct view *, long rows, int width);
void art_goto(struct view *, size_t para, int row, int width);
void art_bottom(struct view *, int width, int height);
/* Width of the article's text column in the current layout. */
int art_text_width(const struct view *);

/* Several articles (view_articles.c).  Each one's first paragraph starts
 * with the article's head: these rows (title, byline, a blank row)
 * before its section heading, if any. */
#define ART_HEAD_ROWS 3
int art_head_rows(const struct view *, size_t para);
/* The article of the reading place (0 without articles). */
size_t art_article(const struct view *);
/* The paragraph event e is read at: of an event several articles tell,
 * the one in the article being read, else its first. */
size_t event_para(const struct view *, const struct ds_event *e);
/* ] and [: to the next article's head; to this one's head, else the
 * previous one's.  False when there is none. */
bool view_step_article(struct view *, int dir);
/* The status line's place: " · p4/60 " or, with several articles,
 * " · 2/3 Source · p4/12 " (the article, the paragraph in it). */
void view_reading_place(const struct view *, char *buf, size_t size);
/* The articles a search hit is in, as a source tag (empty if none). */
void view_hit_source(const struct view *, size_t hit, char *buf, size_t size);

/* Linking: the events/people of the article's top paragraph. */
bool tl_event_is_read(struct view *, size_t ev);
bool entity_is_read(struct view *, int kind, size_t who);

/* Selection changes that move other panes. */
void view_select_event(struct view *, size_t row);
void view_select_entity(struct view *, size_t row);
void view_set_filter(struct view *, long person);

/* Search */
void view_search_update(struct view *);
void view_goto_hit(struct view *, size_t hit);

#endif
