/* The importer's state, shared by its parts: import.c (the driver),
 * import_names.c (people, organizations and ids), import_dates.c (events
 * and unresolved dates) and import_write.c (the dossier text). */
#ifndef DOSSIER_IMPORT_JOB_H
#define DOSSIER_IMPORT_JOB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dossier.h"
#include "import.h"
#include "import_doc.h"
#include "names.h"
#include "recwrite.h"
#include "strmap.h"
#include "strtrie.h"

enum { C_ARTICLE, C_PARA, C_PERSON, C_ORG, C_EVENT, C_NOTE, NCHUNKS };

/* Something the text names: a candidate found in the article, or a
 * Person or Org of the dossier it is added to. */
struct ent {
	char id[64];
	bool person;
	bool is_new;               /* a record to write */
	const struct nm_cand *cand;    /* its forms, when found in the article */
	const struct ds_entity *old;   /* its forms, when in the dossier */
};

/* The entity of a form (its name or an alias), whose bytes are the
 * same index of str, in the trie of forms (import_forms.c). */
struct imp_form {
	size_t ent;
	bool person;
};

struct imp_forms {
	struct imp_form *v;
	struct ds_str *str;
	size_t n, cap;
	struct strtrie trie;
};

/* One occurrence of a form in a clause. */
struct imp_hit {
	size_t off, len, ent;
	bool person;
};

struct imp_hits {
	struct imp_hit *v;
	size_t n, cap;
};

struct job {
	const struct import_opts *o;
	const char *name;          /* the article's name, for messages */
	FILE *err;
	struct imp_doc doc;
	struct nm_list names;
	struct dossier old;
	bool has_old;
	struct ent *ents;
	size_t nents;
	struct imp_forms forms;    /* of ents, while dates are found */
	struct strmap ids;         /* ids made so far, all kinds ("P:x", "E:x", ...) */
	struct strmap bases;       /* the bases they were made from, each with
	                            * the suffix to try next ("P:person" 3) */
	char article_id[64];
	char (*para_ids)[64];
	struct rw_buf chunk[NCHUNKS];  /* the new records of each type */
	size_t nevents, nnotes;
	bool oom;
};

/* An ASCII letter or digit: what a Latin name may not stand beside. */
static inline bool
imp_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* People, organizations, then every id: names.c's candidates matched to
 * the dossier's records, new ids that clash with nothing. */
void imp_find_names(struct job *);
void imp_make_entities(struct job *);
void imp_make_ids(struct job *);
/* A new id of that kind ('A'rticle, para'G'raph, 'P'erson, 'O'rg,
 * 'E'vent) from base, with -2, -3 ... when base is taken. */
void imp_new_id(struct job *, char kind, const char *base, char out[64]);
/* Frees the ids and bases, their strings too. */
void imp_ids_free(struct job *);
/* A byline's name: the writer's (else the editor's). */
bool imp_is_writer(const struct job *, const struct nm_cand *);

/* The publication date: --published, else the article's own; false when
 * there is neither. */
bool imp_publication(struct job *, struct ds_date *pub);
/* Events and unresolved dates, into the Event and Note chunks. */
void imp_find_dates(struct job *);
/* The forms of j's entities by their first bytes; 0, or -1 when memory
 * runs out. */
int imp_forms_init(struct imp_forms *, const struct job *);
/* Adds to h every occurrence in s[0..n) of a form that does not stand
 * inside a run of ASCII letters and digits; 0, or -1 (memory). */
int imp_forms_find(const struct imp_forms *, const char *s, size_t n, struct imp_hits *h);
void imp_forms_free(struct imp_forms *);

bool imp_mostly_chinese(const struct imp_doc *);
const char *imp_base_name(const char *path);
/* The whole dossier: the old one with the new records in its sections,
 * or a new one. */
void imp_write_dossier(struct job *, struct rw_buf *);

#endif
