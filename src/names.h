/* People and organizations an article names, found by the patterns its
 * language writes them in (see IMPORTING in dossier(1)):
 *   中文名(Latin Name), also with full-width parentheses: a candidate with
 *     the Chinese name and the Latin alias;
 *   a name with a middle dot (阿曼德·朱林): a person;
 *   after a whole text is seen, the short form (the part after the last
 *   dot, the last Latin word) as an alias when it occurs alone and no
 *   other candidate has it.
 * Every candidate is a guess, for review. */
#ifndef DOSSIER_NAMES_H
#define DOSSIER_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "strmap.h"

#define NM_MAX_ALIAS 8

struct nm_cand {
	char *name;
	char *alias[NM_MAX_ALIAS];
	size_t nalias;
	bool person;
	const char *rule;          /* why it is a person or an organization */
};

struct nm_list {
	struct nm_cand *v;
	size_t n, cap;
	bool oom;
	struct strmap forms;       /* every name and alias: the first candidate
	                            * that has it */
};

void names_init(struct nm_list *);
void names_free(struct nm_list *);

/* Adds the candidates of s[0..n) (valid UTF-8) to l, merging those of
 * the same name. */
void names_scan(struct nm_list *l, const char *s, size_t n);

/* Adds a candidate by hand (a byline's name); returns its index or -1. */
long names_add(struct nm_list *l, const char *name, size_t n, bool person,
    const char *rule);

/* Adds the short forms that occur in texts[0..ntexts) outside the full
 * names and belong to one candidate only. */
void names_short_forms(struct nm_list *l, const char *const *texts,
    const size_t *lens, size_t ntexts);

/* Latin names in Chinese text, Meta or Llama 2, as organizations: a run
 * of ASCII words starting with a capital, at most four words, found at
 * least twice as a whole run, not a common abbreviation (AI, CEO, GPU...) and
 * not a form of a candidate already found. */
void names_latin_orgs(struct nm_list *l, const char *const *texts,
    const size_t *lens, size_t ntexts);

/* Whether form (n bytes) is the name or an alias of c. */
bool names_has_form(const struct nm_cand *c, const char *form, size_t n);

#endif
