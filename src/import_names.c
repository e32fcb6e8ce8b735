/* The importer's people and organizations: names.c's candidates, matched
 * to the records of the dossier they are added to, and the ids of every
 * new record, which clash with none of the dossier's. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "import_job.h"

/* Adds a copy of s[0..n) to m; false when memory runs out. */
static bool
add_copy(struct strmap *m, const char *s, size_t n, size_t val)
{
	char *own = malloc(n + 1);

	if (!own)
		return false;
	memcpy(own, s, n);
	own[n] = '\0';
	if (strmap_add(m, own, n, val) < 0) {
		free(own);
		return false;
	}
	return true;
}

static void
free_copies(struct strmap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free((char *)m->keys[i].s);
	strmap_free(m);
}

void
imp_ids_free(struct job *j)
{
	free_copies(&j->ids);
	free_copies(&j->bases);
}

static bool
id_taken(struct job *j, char kind, const char *id)
{
	static const struct { char c; enum ds_kind k; } map[] = {
		{ 'A', DS_ARTICLE }, { 'G', DS_PARAGRAPH }, { 'P', DS_PERSON },
		{ 'O', DS_ORG }, { 'E', DS_EVENT },
	};
	char key[66];
	int n = snprintf(key, sizeof key, "%c:%s", kind, id);

	if (strmap_find(&j->ids, key, (size_t)n) >= 0)
		return true;
	if (j->has_old)
		for (size_t i = 0; i < sizeof map / sizeof *map; i++)
			if (map[i].c == kind && dossier_find(&j->old, map[i].k, id, strlen(id)) >= 0)
				return true;
	return false;
}

/* The first of base, base-2, base-3 ... that is free.  Ids are only ever
 * added, so those tried for the same base before are still taken: the
 * walk goes on from where it stopped (a thousand people named only in
 * Chinese are person to person-1000, each found at once). */
void
imp_new_id(struct job *j, char kind, const char *base, char out[64])
{
	char bkey[66], key[66];
	int bn = snprintf(bkey, sizeof bkey, "%c:%.50s", kind, base), n;
	long b = strmap_find(&j->bases, bkey, (size_t)bn);
	size_t k = b >= 0 ? j->bases.val[b] : 2;

	if (b >= 0)
		snprintf(out, 64, "%.50s-%zu", base, k++);
	else
		snprintf(out, 64, "%.50s", base);
	while (id_taken(j, kind, out))
		snprintf(out, 64, "%.50s-%zu", base, k++);
	if (b >= 0)
		j->bases.val[b] = k;
	n = snprintf(key, sizeof key, "%c:%s", kind, out);
	if ((b < 0 && !add_copy(&j->bases, bkey, (size_t)bn, k)) ||
	    !add_copy(&j->ids, key, (size_t)n, 0))
		j->oom = true;
}

/* An id base from Latin words: lowercase letters and digits, '-' between. */
static void
slug(const char *s, const char *fallback, char out[48])
{
	size_t k = 0;

	for (; *s && k < 40; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[k++] = c;
		else if (k && out[k - 1] != '-')
			out[k++] = '-';
	}
	while (k && out[k - 1] == '-')
		k--;
	out[k] = '\0';
	if (!k)
		snprintf(out, 48, "%s", fallback);
}

static bool
forms_meet(const struct nm_cand *c, const struct ds_entity *e)
{
	if (names_has_form(c, e->name.s, e->name.n))
		return true;
	for (size_t a = 0; a < e->nalias; a++)
		if (names_has_form(c, e->alias[a].s, e->alias[a].n))
			return true;
	return false;
}

static const struct ds_entity *
existing(struct job *j, const struct nm_cand *c, bool *person)
{
	if (!j->has_old)
		return NULL;
	for (size_t i = 0; i < j->old.npeople; i++)
		if (forms_meet(c, &j->old.people[i]))
			return *person = true, &j->old.people[i];
	for (size_t i = 0; i < j->old.norgs; i++)
		if (forms_meet(c, &j->old.orgs[i]))
			return *person = false, &j->old.orgs[i];
	return NULL;
}

static void
byline_people(struct job *j, const char *who)
{
	static const char *const seps[] = { "、", "，", ",", " and ", " & ", "；", ";" };
	const char *s = who;

	while (s && *s) {
		size_t n = strlen(s), cut = n, skip = 0, len;
		for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
			const char *p = strstr(s, seps[k]);
			if (p && (size_t)(p - s) < cut)
				cut = (size_t)(p - s), skip = strlen(seps[k]);
		}
		/* The name without the blanks before the separator; the next
		 * one starts after the separator (not blanks fewer: that cut
		 * a "；" after a blank, leaving its last byte on the name). */
		for (len = cut; len && s[len - 1] == ' '; len--)
			;
		if (len)
			names_add(&j->names, s, len, true, "named in the byline");
		s += cut + skip;
		while (*s == ' ')
			s++;
		if (!skip)
			break;
	}
}

void
imp_find_names(struct job *j)
{
	size_t n = j->doc.npara;
	const char **texts = malloc((n ? n : 1) * sizeof *texts);
	size_t *lens = malloc((n ? n : 1) * sizeof *lens);

	if (!texts || !lens) {
		j->oom = true;
		free(texts);
		free(lens);
		return;
	}
	if (j->doc.author)
		byline_people(j, j->doc.author);
	if (j->doc.editor)
		byline_people(j, j->doc.editor);
	for (size_t i = 0; i < n; i++) {
		texts[i] = j->doc.paras[i].text;
		lens[i] = strlen(texts[i]);
		names_scan(&j->names, texts[i], lens[i]);
	}
	names_short_forms(&j->names, texts, lens, n);
	if (imp_mostly_chinese(&j->doc))
		names_latin_orgs(&j->names, texts, lens, n);
	free(texts);
	free(lens);
	j->oom |= j->names.oom;
}

bool
imp_is_writer(const struct job *j, const struct nm_cand *c)
{
	return j->doc.author && strstr(j->doc.author, c->name);
}

void
imp_make_entities(struct job *j)
{
	size_t cap = j->names.n + (j->has_old ? j->old.npeople + j->old.norgs : 0);

	j->ents = calloc(cap ? cap : 1, sizeof *j->ents);
	if (!j->ents) {
		j->oom = true;
		return;
	}
	for (size_t i = 0; i < j->names.n; i++) {
		const struct nm_cand *c = &j->names.v[i];
		struct ent *e = &j->ents[j->nents++];
		bool person = c->person;
		const struct ds_entity *old = existing(j, c, &person);
		e->cand = c;
		e->person = person;
		if (old) {
			snprintf(e->id, sizeof e->id, "%.*s", (int)old->id.n, old->id.s);
			e->old = old;
			continue;
		}
		char base[48];
		const char *latin = c->nalias ? c->alias[0] : (unsigned char)c->name[0] < 0x80 ?
		    c->name : "", *last = strrchr(latin, ' ');
		bool byline = strcmp(c->rule, "named in the byline") == 0;
		slug(c->person && last ? last + 1 : latin,
		    byline ? (imp_is_writer(j, c) ? "author" : "editor") :
		    c->person ? "person" : "org", base);
		imp_new_id(j, c->person ? 'P' : 'O', base, e->id);
		e->is_new = true;
	}
	/* The dossier's own people and organizations, to link by their forms. */
	for (size_t k = 0; j->has_old && k < j->old.npeople + j->old.norgs; k++) {
		bool person = k < j->old.npeople;
		const struct ds_entity *o = person ? &j->old.people[k] : &j->old.orgs[k - j->old.npeople];
		struct ent *e = &j->ents[j->nents++];
		snprintf(e->id, sizeof e->id, "%.*s", (int)o->id.n, o->id.s);
		e->person = person;
		e->old = o;
	}
}

void
imp_make_ids(struct job *j)
{
	char base[64];

	imp_new_id(j, 'A', j->has_old ? "article" : "a1", j->article_id);
	j->para_ids = calloc(j->doc.npara ? j->doc.npara : 1, sizeof *j->para_ids);
	if (!j->para_ids) {
		j->oom = true;
		return;
	}
	for (size_t p = 0; p < j->doc.npara; p++) {
		if (j->has_old)
			snprintf(base, sizeof base, "%.40s-p%zu", j->article_id, p + 1);
		else
			snprintf(base, sizeof base, "p%zu", p + 1);
		imp_new_id(j, 'G', base, j->para_ids[p]);
	}
}
