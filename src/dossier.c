/* Builds the model from records: required fields, ids, references, dates
 * and notes are checked here, each error with the line it is on. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"

static const char *const kind_names[DS_NKINDS] = {
	"Event", "Person", "Org", "Paragraph", "Article", "Note"
};

const char *
dossier_kind_name(enum ds_kind kind)
{
	return kind_names[kind];
}

struct loader {
	struct dossier *d;
	struct diag *diag;
	bool oom;
};

static struct ds_str
field_str(const struct rec_field *f)
{
	return f ? (struct ds_str){ f->value, f->len } : (struct ds_str){ "", 0 };
}

static struct ds_str
get(struct loader *L, const struct rec_record *r, const char *name)
{
	return field_str(rec_get(&L->d->rf, r, name));
}

static bool
type_is(const struct rec_record *r, const char *t)
{
	return r->type_len == strlen(t) && memcmp(r->type, t, r->type_len) == 0;
}

static bool
valid_id(struct ds_str id)
{
	if (id.n == 0)
		return false;
	for (size_t i = 0; i < id.n; i++) {
		char c = id.s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* Reports a missing required field and returns false. */
static bool
require(struct loader *L, const struct rec_record *r, const char *name)
{
	if (rec_get(&L->d->rf, r, name))
		return true;
	diag_error(L->diag, r->line, "%.*s record without %s field",
	    (int)r->type_len, r->type, name);
	return false;
}

/* Checks and registers the Id of record number k of kind. */
static struct ds_str
take_id(struct loader *L, const struct rec_record *r, enum ds_kind kind, size_t k)
{
	const struct rec_field *f = rec_get(&L->d->rf, r, "Id");
	struct ds_str id = field_str(f);
	long dup;

	L->d->idkeys[kind][k] = id;
	if (!f) {
		require(L, r, "Id");
		return id;
	}
	if (!valid_id(id)) {
		diag_error(L->diag, f->line, id.n ? "malformed Id '%.*s' (allowed: A-Z a-z 0-9 _ -)"
		    : "empty Id%.*s", (int)id.n, id.s);
		return id;
	}
	dup = idmap_insert(&L->d->ids[kind], L->d->idkeys[kind], k);
	if (dup >= 0)
		diag_error(L->diag, f->line, "duplicate %s Id '%.*s'",
		    kind_names[kind], (int)id.n, id.s);
	return id;
}

/* All values of field name resolved against kind into refs. */
static void
resolve(struct loader *L, const struct rec_record *r, const char *name,
    enum ds_kind kind, struct ds_refs *refs)
{
	const struct rec_file *rf = &L->d->rf;
	size_t n = 0, len = strlen(name);

	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		n += f->name_len == len && memcmp(f->name, name, len) == 0;
	}
	refs->n = 0;
	refs->v = NULL;
	if (!n)
		return;
	refs->v = malloc(n * sizeof *refs->v);
	if (!refs->v) {
		L->oom = true;
		return;
	}
	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		long k;
		if (f->name_len != len || memcmp(f->name, name, len) != 0)
			continue;
		k = dossier_find(L->d, kind, f->value, f->len);
		if (k < 0)
			diag_error(L->diag, f->line, "%s '%.*s' does not exist",
			    name, (int)f->len, f->value);
		else
			refs->v[refs->n++] = (uint32_t)k;
	}
}

static size_t
count_type(const struct rec_file *rf, const char *t)
{
	size_t n = 0;

	for (size_t i = 0; i < rf->nrecs; i++)
		n += type_is(&rf->recs[i], t);
	return n;
}

static void *
table(struct loader *L, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		L->oom = true;
	return p;
}

/* Pass one: known types, table sizes, ids. */
static void
allocate(struct loader *L)
{
	struct dossier *d = L->d;
	struct rec_file *rf = &d->rf;
	static const char *const type_of[DS_NKINDS] = {
		"Event", "Person", "Org", "Paragraph", "Article", "Note"
	};
	size_t counts[DS_NKINDS];

	for (int k = 0; k < DS_NKINDS; k++) {
		counts[k] = count_type(rf, type_of[k]);
		d->idkeys[k] = table(L, counts[k], sizeof **d->idkeys);
		if (idmap_init(&d->ids[k], counts[k]) < 0)
			L->oom = true;
	}
	d->nevents = counts[DS_EVENT];
	d->npeople = counts[DS_PERSON];
	d->norgs = counts[DS_ORG];
	d->nparas = counts[DS_PARAGRAPH];
	d->narticles = counts[DS_ARTICLE];
	d->nnotes = counts[DS_NOTE];
	d->events = table(L, d->nevents, sizeof *d->events);
	d->people = table(L, d->npeople, sizeof *d->people);
	d->orgs = table(L, d->norgs, sizeof *d->orgs);
	d->paras = table(L, d->nparas, sizeof *d->paras);
	d->articles = table(L, d->narticles, sizeof *d->articles);
	d->notes = table(L, d->nnotes, sizeof *d->notes);
}

static void
load_entity(struct loader *L, const struct rec_record *r, size_t ri,
    enum ds_kind kind, struct ds_entity *e, size_t k)
{
	const struct rec_file *rf = &L->d->rf;
	size_t na = 0;

	e->rec = ri;
	e->id = take_id(L, r, kind, k);
	if (require(L, r, "Name"))
		e->name = get(L, r, "Name");
	e->role = get(L, r, kind == DS_PERSON ? "Role" : "Kind");
	e->note = get(L, r, "Note");
	for (size_t i = 0; i < r->nfields; i++)
		na += rf->fields[r->first + i].name_len == 5 &&
		    memcmp(rf->fields[r->first + i].name, "Alias", 5) == 0;
	e->alias = na ? table(L, na, sizeof *e->alias) : NULL;
	for (size_t i = 0; e->alias && i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		if (f->name_len == 5 && memcmp(f->name, "Alias", 5) == 0 && f->len)
			e->alias[e->nalias++] = field_str(f);
	}
}

static void
load_event(struct loader *L, const struct rec_record *r, size_t ri, size_t k)
{
	struct ds_event *e = &L->d->events[k];
	const struct rec_field *f;

	e->rec = ri;
	e->id = take_id(L, r, DS_EVENT, k);
	if (require(L, r, "Date") && (f = rec_get(&L->d->rf, r, "Date"))) {
		e->date_text = field_str(f);
		if (!date_parse(f->value, f->len, &e->date))
			diag_error(L->diag, f->line, "bad Date '%.*s' (want YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
			    (int)f->len, f->value);
	}
	if (require(L, r, "Title"))
		e->title = get(L, r, "Title");
	e->when = get(L, r, "When");
	e->text = get(L, r, "Text");
}

/* Pass two: fill the tables in file order. */
static void
fill(struct loader *L)
{
	struct dossier *d = L->d;
	struct rec_file *rf = &d->rf;
	size_t k[DS_NKINDS] = { 0 }, ndossier = 0;

	for (size_t i = 0; i < rf->nrecs && !L->oom; i++) {
		const struct rec_record *r = &rf->recs[i];
		if (type_is(r, "Dossier")) {
			if (++ndossier > 1)
				diag_error(L->diag, r->line, "more than one Dossier record");
			d->title = get(L, r, "Title");
			d->language = get(L, r, "Language");
			d->summary = get(L, r, "Summary");
		} else if (type_is(r, "Article")) {
			struct ds_article *a = &d->articles[k[DS_ARTICLE]];
			a->rec = i;
			a->id = take_id(L, r, DS_ARTICLE, k[DS_ARTICLE]++);
			a->title = get(L, r, "Title");
			a->author = get(L, r, "Author");
			a->editor = get(L, r, "Editor");
			a->date = get(L, r, "Date");
			a->source = get(L, r, "Source");
		} else if (type_is(r, "Paragraph")) {
			struct ds_paragraph *p = &d->paras[k[DS_PARAGRAPH]];
			p->rec = i;
			p->id = take_id(L, r, DS_PARAGRAPH, k[DS_PARAGRAPH]++);
			p->section = get(L, r, "Section");
			p->text = get(L, r, "Text");
		} else if (type_is(r, "Person")) {
			load_entity(L, r, i, DS_PERSON, &d->people[k[DS_PERSON]], k[DS_PERSON]);
			k[DS_PERSON]++;
		} else if (type_is(r, "Org")) {
			load_entity(L, r, i, DS_ORG, &d->orgs[k[DS_ORG]], k[DS_ORG]);
			k[DS_ORG]++;
		} else if (type_is(r, "Event")) {
			load_event(L, r, i, k[DS_EVENT]++);
		} else if (type_is(r, "Note")) {
			struct ds_note *n = &d->notes[k[DS_NOTE]++];
			n->rec = i;
			require(L, r, "Paragraph");
			if (require(L, r, "Quote"))
				n->quote = get(L, r, "Quote");
			if (require(L, r, "Text"))
				n->text = get(L, r, "Text");
		} else if (r->type_len) {
			diag_error(L->diag, r->line, "unknown record type '%.*s'",
			    (int)r->type_len, r->type);
		}
	}
	if (ndossier == 0)
		diag_error(L->diag, 1, "no Dossier record");
}

static long
resolve_one(struct loader *L, const struct rec_record *r, const char *name,
    enum ds_kind kind)
{
	struct ds_refs refs;
	long k;

	resolve(L, r, name, kind, &refs);
	k = refs.n ? (long)refs.v[0] : -1;
	free(refs.v);
	return k;
}

/* Pass three: references, once every id is known. */
static void
link(struct loader *L)
{
	struct dossier *d = L->d;
	const struct rec_file *rf = &d->rf;

	for (size_t i = 0; i < d->nparas; i++) {
		const struct rec_record *r = &rf->recs[d->paras[i].rec];
		long a = rec_get(rf, r, "Article") ?
		    resolve_one(L, r, "Article", DS_ARTICLE) : 0;
		d->paras[i].article = a < 0 ? 0 : (uint32_t)a;
	}
	for (size_t i = 0; i < d->npeople; i++)
		resolve(L, &rf->recs[d->people[i].rec], "Org", DS_ORG, &d->people[i].orgs);
	for (size_t i = 0; i < d->nevents; i++) {
		const struct rec_record *r = &rf->recs[d->events[i].rec];
		resolve(L, r, "Person", DS_PERSON, &d->events[i].persons);
		resolve(L, r, "Org", DS_ORG, &d->events[i].orgs);
		resolve(L, r, "Paragraph", DS_PARAGRAPH, &d->events[i].paras);
	}
	for (size_t i = 0; i < d->nnotes; i++) {
		struct ds_note *n = &d->notes[i];
		const struct rec_record *r = &rf->recs[n->rec];
		const struct rec_field *q = rec_get(rf, r, "Quote");
		long p = resolve_one(L, r, "Paragraph", DS_PARAGRAPH);
		const char *at;
		if (p < 0 || !q)
			continue;
		n->para = (uint32_t)p;
		at = n->quote.n ? memmem(d->paras[p].text.s, d->paras[p].text.n,
		    n->quote.s, n->quote.n) : NULL;
		if (!at)
			diag_error(L->diag, q->line, "Quote '%.*s' does not occur in paragraph %.*s",
			    (int)n->quote.n, n->quote.s, (int)d->paras[p].id.n, d->paras[p].id.s);
		else
			n->quote_off = (size_t)(at - d->paras[p].text.s);
	}
}

static int
event_order(const void *a, const void *b)
{
	const struct ds_event *x = a, *y = b;
	int c = date_cmp(&x->date, &y->date);

	if (c)
		return c;
	return x->rec < y->rec ? -1 : x->rec > y->rec;
}

static void
push_ref(struct loader *L, struct ds_refs *refs, uint32_t v)
{
	uint32_t *nv;

	/* Sizes are small and appends rare: grow by powers of two. */
	if ((refs->n & (refs->n - 1)) == 0) {
		nv = realloc(refs->v, (refs->n ? refs->n * 2 : 1) * sizeof *nv);
		if (!nv) {
			L->oom = true;
			return;
		}
		refs->v = nv;
	}
	refs->v[refs->n++] = v;
}

/* Events in date order; then the reverse links from people, orgs and
 * paragraphs to their events (so those come out in date order too). */
static void
order_events(struct loader *L)
{
	struct dossier *d = L->d;

	qsort(d->events, d->nevents, sizeof *d->events, event_order);
	/* Ids were registered in file order: rebuild the map in date order. */
	idmap_free(&d->ids[DS_EVENT]);
	if (idmap_init(&d->ids[DS_EVENT], d->nevents) < 0) {
		L->oom = true;
		return;
	}
	for (size_t i = 0; i < d->nevents; i++) {
		struct ds_event *e = &d->events[i];
		d->idkeys[DS_EVENT][i] = e->id;
		idmap_insert(&d->ids[DS_EVENT], d->idkeys[DS_EVENT], i);
		for (size_t j = 0; j < e->persons.n; j++)
			push_ref(L, &d->people[e->persons.v[j]].events, (uint32_t)i);
		for (size_t j = 0; j < e->orgs.n; j++)
			push_ref(L, &d->orgs[e->orgs.v[j]].events, (uint32_t)i);
		for (size_t j = 0; j < e->paras.n; j++)
			push_ref(L, &d->paras[e->paras.v[j]].events, (uint32_t)i);
	}
	for (size_t i = 0; i < d->nnotes; i++)
		push_ref(L, &d->paras[d->notes[i].para].notes, (uint32_t)i);
}

long
dossier_find(const struct dossier *d, enum ds_kind kind, const char *id, size_t n)
{
	return idmap_find(&d->ids[kind], d->idkeys[kind], id, n);
}

static int
build(struct dossier *d, struct diag *diag)
{
	struct loader L = { d, diag, false };

	allocate(&L);
	if (!L.oom)
		fill(&L);
	if (!L.oom)
		link(&L);
	if (!L.oom && diag->count == 0)
		order_events(&L);
	if (L.oom) {
		diag_error(diag, 0, "out of memory");
		return 70;
	}
	return diag->count ? 65 : 0;
}

int
dossier_load_buffer(struct dossier *d, const char *name, const char *buf,
    size_t size, struct diag *diag)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->path = name;
	if (rec_parse(&d->rf, buf, size, diag)) {
		dossier_free(d);
		return 65;
	}
	rc = build(d, diag);
	if (rc)
		dossier_free(d);
	return rc;
}

int
dossier_load(struct dossier *d, const char *path, struct diag *diag)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->path = path;
	rc = rec_load(&d->rf, path, diag);
	if (rc == 0)
		rc = build(d, diag);
	if (rc)
		dossier_free(d);
	return rc;
}

static void
free_entities(struct ds_entity *e, size_t n)
{
	for (size_t i = 0; e && i < n; i++) {
		free(e[i].alias);
		free(e[i].orgs.v);
		free(e[i].events.v);
	}
	free(e);
}

void
dossier_free(struct dossier *d)
{
	for (size_t i = 0; d->events && i < d->nevents; i++) {
		free(d->events[i].persons.v);
		free(d->events[i].orgs.v);
		free(d->events[i].paras.v);
	}
	for (size_t i = 0; d->paras && i < d->nparas; i++) {
		free(d->paras[i].events.v);
		free(d->paras[i].notes.v);
	}
	free_entities(d->people, d->npeople);
	free_entities(d->orgs, d->norgs);
	free(d->events);
	free(d->paras);
	free(d->articles);
	free(d->notes);
	for (int k = 0; k < DS_NKINDS; k++) {
		idmap_free(&d->ids[k]);
		free(d->idkeys[k]);
	}
	rec_free(&d->rf);
	memset(d, 0, sizeof *d);
}
