/* The model: a dossier's articles, paragraphs, people, organizations,
 * events and notes, with references resolved to indexes and events sorted
 * by date.  Built from a rec_file; strings borrow from it. */
#ifndef DOSSIER_DOSSIER_H
#define DOSSIER_DOSSIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "diag.h"
#include "idmap.h"
#include "rec.h"

/* A list of indexes into another table. */
struct ds_refs {
	uint32_t *v;
	size_t n;
};

/* An article's paragraphs are paras[first, first + npara): the
 * paragraphs of each article come together, in the order of the
 * articles (an article without paragraphs has npara 0, first where they
 * would be). */
struct ds_article {
	struct ds_str id, title, author, editor, date, source, url;
	/* The dossier's English title, and Latin forms of the byline names. */
	struct ds_str title_en, author_latin, editor_latin;
	bool title_supplied;       /* TitleSource: dossier (not the article's) */
	size_t rec;
	uint32_t first, npara;
};

struct ds_paragraph {
	struct ds_str id, section, text;
	struct ds_str gloss;       /* the dossier's English translation */
	uint32_t article;
	size_t rec;
	struct ds_refs events;     /* events that cite it, in date order */
	struct ds_refs notes;
};

/* People and organizations share a shape: both are named, and both are
 * looked for in the text by Name and every Alias. */
struct ds_entity {
	struct ds_str id, name;
	struct ds_str latin;       /* the name in Latin script, for display */
	struct ds_str *alias;
	size_t nalias;
	struct ds_str role;        /* Person: Role; Org: Kind */
	struct ds_str note;        /* Org: Note */
	struct ds_refs orgs;       /* Person: Org fields */
	struct ds_refs events;     /* events linking it, in date order */
	size_t rec;
};

struct ds_event {
	struct ds_str id, date_text, when, title, text;
	struct ds_date date;
	struct ds_date sort;       /* where it sorts: Sort, or else Date */
	struct ds_refs persons, orgs, paras;
	struct ds_refs articles;   /* of its paragraphs, in article order */
	size_t rec;
};

struct ds_note {
	struct ds_str quote, text;
	uint32_t para;
	size_t quote_off;          /* byte offset of Quote in the paragraph */
	size_t rec;
};

enum ds_kind { DS_EVENT, DS_PERSON, DS_ORG, DS_PARAGRAPH, DS_ARTICLE, DS_NOTE, DS_NKINDS };

struct dossier {
	const char *path;
	struct rec_file rf;
	struct ds_str title, language, summary;
	struct ds_article *articles;
	struct ds_paragraph *paras;
	struct ds_entity *people, *orgs;
	struct ds_event *events;   /* in date order (ties: file order) */
	struct ds_note *notes;
	size_t narticles, nparas, npeople, norgs, nevents, nnotes;
	struct idmap ids[DS_NKINDS];
	struct ds_str *idkeys[DS_NKINDS];
	/* Every ds_refs.v and ds_entity.alias points into these (one
	 * allocation each rather than one per list). */
	uint32_t *refpool;
	struct ds_str *aliaspool;
	size_t refpool_used, aliaspool_used;
	bool fields_trimmed;       /* dossier_keep_shown_fields was done */
	size_t ndrafts;            /* records with Status: draft */
	int date_width;            /* the widest event Date, in columns */
};

/* Loads path into d.  Returns 0; 65 for bad data, 66 when the file cannot
 * be read, 70 when memory runs out.  Errors are in diag; on failure d holds
 * nothing to free. */
int dossier_load(struct dossier *d, const char *path, struct diag *diag);
/* Work on people and organizations that can be done while the rest of
 * the model is built: run is called on a second thread once the tables
 * are filled, and only when no error was found so far; it may read the
 * table sizes and the people and organizations but not their references
 * or events, which are being linked.  It has returned when the load
 * does; if the load fails, what it made is for the caller to free. */
struct ds_side_job {
	void (*run)(const struct dossier *, void *arg);
	void *arg;
};

/* dossier_load, with a job run alongside (see above). */
int dossier_load_with(struct dossier *d, const char *path, struct diag *diag,
    const struct ds_side_job *job);
/* The same from a buffer that outlives d (for tests and fuzzing). */
int dossier_load_buffer(struct dossier *d, const char *name, const char *buf,
    size_t size, struct diag *diag);
void dossier_free(struct dossier *d);

/* Index of the record with this id, or -1. */
long dossier_find(const struct dossier *d, enum ds_kind kind, const char *id, size_t n);

const char *dossier_kind_name(enum ds_kind kind);

/* Reloading a dossier whose file changed while it is shown. */
enum ds_file_state { DS_FILE_SAME, DS_FILE_CHANGED, DS_FILE_GONE };
/* Whether d's file is still what was read (a stat: cheap enough for every
 * wake-up of the screen). */
enum ds_file_state dossier_file_state(const struct dossier *d);
/* Item i of kind in from, found in to by its Id: its index there, or -1.
 * The kinds with ids only (not DS_NOTE). */
long dossier_map(const struct dossier *from, enum ds_kind kind, size_t i,
    const struct dossier *to);
/* As dossier_map, but an item that is gone gives the nearest one before
 * it that is still there, else the first; 0 when to has none. */
size_t dossier_map_near(const struct dossier *from, enum ds_kind kind, size_t i,
    const struct dossier *to);

/* Whether record rec (an index into d->rf.recs, as the .rec of every
 * table entry) is marked "Status: draft": made by dossier --import and
 * not yet reviewed.  Looked up when asked. */
bool dossier_draft(const struct dossier *d, size_t rec);
/* How many records are drafts: counted as the tables are filled. */
size_t dossier_drafts(const struct dossier *d);
/* The widest Date of the events in columns (text_width): measured as
 * they are loaded. */
int dossier_date_width(const struct dossier *d);

/* Gives back the fields of the records whose fields the screen never
 * reads: it shows those of events, people and organizations (their
 * details, the draft mark), and the model holds all else (1000x: 8 of
 * 24 MB).  Other records then have no fields (dossier_draft is false for
 * them).  Once per model: the screen asks while it waits for a key, as
 * it is not worth holding up the first frame for (5 ms at 1000x). */
void dossier_keep_shown_fields(struct dossier *d);

#endif
