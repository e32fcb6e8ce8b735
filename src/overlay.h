/* The overlays over the panes, as plain data: the ? help (from the key
 * table) and the details of an item, each a list of labelled values
 * wrapped once for its width, scrolled like a pane and told where it
 * continues.  No cap on items or rows, and no value is cut. */
#ifndef DOSSIER_OVERLAY_H
#define DOSSIER_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier.h"
#include "keys.h"
#include "layout.h"
#include "role.h"

/* OV_NOTES: the list of the article's notes, one item each, one of
 * them selected (sel). */
enum overlay_kind { OV_NONE, OV_HELP, OV_DETAILS, OV_ARTICLES, OV_NOTES };

/* A label and its value; own holds what was made for it (a joined value),
 * freed with the overlay. */
struct ov_item {
	struct ds_str label, value;
	enum role role;
	char *own;
	/* A link: the event or paragraph it names, gone to by Enter once
	 * selected with Tab (details). */
	bool linked;
	enum ds_kind link_kind;
	size_t link;
};

/* A wrapped row: bytes [start, start + len) of an item's value. */
struct ov_row {
	size_t item;
	size_t start, len;
	bool first;                /* the item's first row, which shows its label */
};

struct overlay {
	enum overlay_kind kind;
	enum ds_kind item_kind;    /* details: of which item, for its hits */
	size_t item;
	struct ov_item *items;
	size_t nitems, itemcap;
	struct ov_row *rows;
	size_t nrows, rowcap;
	int wrapped;               /* the value width rows were wrapped for */
	int label_w;
	struct rect box;           /* where it goes, border included */
	size_t top;                /* first row shown */
	size_t sel;                /* OV_NOTES, or a link picked: the item selected */
	bool picked;               /* details: a link is selected (sel) */
	bool oom;
};

/* Whether a terminal of the layout has room for an overlay; one that
 * cannot be seen must not stay open and take the keys. */
bool overlay_fits(const struct layout *);
/* Empties it (kind OV_NONE). */
void overlay_clear(struct overlay *);
void overlay_free(struct overlay *);
/* Adds an item; label and value are borrowed (they outlive it). */
/* A NUL-terminated string as a ds_str: a label made here, or translated. */
struct ds_str cstr(const char *s);
void overlay_add(struct overlay *, struct ds_str label, struct ds_str value, enum role);
/* Adds an item whose value is a, sep, b joined. */
void overlay_add_join(struct overlay *, struct ds_str label, struct ds_str a,
    const char *sep, struct ds_str b, enum role);
/* Adds an item naming a person or organization (with its Latin form where
 * it has one of its own), then after. */
void overlay_add_entity(struct overlay *, struct ds_str label, const struct ds_entity *,
    struct ds_str after);
/* The key table by scope, then the mouse. */
void overlay_help(struct overlay *);
/* Every field of record rec of d, references shown with their names. */
void overlay_record(struct overlay *, const struct dossier *, size_t rec);
/* Places it for the layout, wrapping its rows when the width changed
 * (only then), and keeps its top in range. */
void overlay_place(struct overlay *, const struct layout *);
/* Rows shown at once. */
int overlay_page(const struct overlay *);
/* Scrolls by rows, within its rows. */
void overlay_scroll(struct overlay *, long rows);
/* The scrolling keys; false if a is not one. */
bool overlay_action(struct overlay *, enum action);
/* Whether rows are hidden above or below. */
bool overlay_more_above(const struct overlay *);
bool overlay_more_below(const struct overlay *);
/* The row showing byte off of the value string that starts at s, or
 * nrows. */
size_t overlay_row_of(const struct overlay *, const char *s, size_t off);
/* Makes the last item added a link to item `link` of kind. */
void overlay_link_last(struct overlay *, enum ds_kind kind, size_t link);
/* Selects the next (dir 1) or previous (-1) link, round; false if
 * there is none. */
bool overlay_pick_link(struct overlay *, int dir);
/* The first row of item i, or nrows. */
size_t overlay_item_row(const struct overlay *, size_t i);
/* Scrolls so that row r is in sight. */
void overlay_show_row(struct overlay *, size_t r);

#endif
