/* Builds the model from records: required fields, ids, references, dates
 * and notes are checked here, each error with the line it is on. */
#include <config.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "dossier.h"
#include "text.h"

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
	size_t pool_at;            /* where resolve takes its next list */
	size_t drafts;             /* records with Status: draft, so far */
	int date_width;            /* the widest Date so far, in columns */
};

/* Fewer records than this are not worth a second thread. */
#define THREAD_MIN_RECORDS 8192

static struct ds_str
field_str(const struct rec_field *f)
{
	return f ? (struct ds_str){ f->value, f->len } : (struct ds_str){ "", 0 };
}

/* The first field of r named name (n bytes), as rec_get.  The model asks
 * for each field by a string literal, so FIELD passes its length and the
 * names of r's fields are mostly told apart by their length or first
 * byte, without calling strlen and memcmp. */
static const struct rec_field *
field_of(const struct rec_file *rf, const struct rec_record *r, const char *name,
    size_t n)
{
	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		if (f->name_len == n && memcmp(rec_field_name(rf, f), name, n) == 0)
			return f;
	}
	return NULL;
}

#define FIELD(rf, r, lit) field_of((rf), (r), (lit), sizeof (lit) - 1)
#define GET(L, r, lit) field_str(FIELD(&(L)->d->rf, (r), (lit)))
#define REQUIRE(L, r, lit) require((L), (r), (lit), sizeof (lit) - 1)

static bool
type_is(const struct rec_record *r, const char *t)
{
	return r->type_len == strlen(t) && memcmp(r->type, t, r->type_len) == 0;
}

/* What a record's type is: a kind, or one of these. */
enum { KIND_DOSSIER = DS_NKINDS, KIND_UNKNOWN };

struct kind_cache {
	const char *type;
	uint32_t len;
	int kind;
};

/* The kind of record r.  The records of one %rec section share the bytes
 * of their type name, so the last answer serves the next record. */
static int
kind_of(const struct rec_record *r, struct kind_cache *c)
{
	if (c->type && r->type == c->type && r->type_len == c->len)
		return c->kind;
	c->type = r->type;
	c->len = r->type_len;
	c->kind = type_is(r, "Dossier") ? KIND_DOSSIER : KIND_UNKNOWN;
	for (int k = 0; k < DS_NKINDS && c->kind == KIND_UNKNOWN; k++)
		if (type_is(r, kind_names[k]))
			c->kind = k;
	return c->kind;
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

/* Reports a missing required field (name, n bytes) and returns false. */
static bool
require(struct loader *L, const struct rec_record *r, const char *name, size_t n)
{
	if (field_of(&L->d->rf, r, name, n))
		return true;
	diag_error(L->diag, r->line, _("%.*s record without %s field"),
	    (int)r->type_len, r->type, name);
	return false;
}

/* Checks and registers the Id of record number k of kind. */
static struct ds_str
take_id(struct loader *L, const struct rec_record *r, enum ds_kind kind, size_t k)
{
	const struct rec_field *f = FIELD(&L->d->rf, r, "Id");
	struct ds_str id = field_str(f);
	long dup;

	L->d->idkeys[kind][k] = id;
	if (!f) {
		REQUIRE(L, r, "Id");
		return id;
	}
	if (!valid_id(id)) {
		diag_error(L->diag, f->line, id.n ? _("malformed Id '%.*s' (allowed: A-Z a-z 0-9 _ -)")
		    : _("empty Id%.*s"), (int)id.n, id.s);
		return id;
	}
	dup = idmap_insert(&L->d->ids[kind], L->d->idkeys[kind], k);
	if (dup >= 0)
		diag_error(L->diag, f->line, _("duplicate %s Id '%.*s'"),
		    kind_names[kind], (int)id.n, id.s);
	return id;
}

/* All values of field name resolved against kind into refs. */
/* The record a reference field f names, if f is a name field: its index,
 * or -1 (reported when it names nothing). */
static long
resolve_field(struct loader *L, const struct rec_field *f, const char *name, size_t len,
    enum ds_kind kind)
{
	long k;

	if (f->name_len != len || memcmp(rec_field_name(&L->d->rf, f), name, len) != 0)
		return -1;
	k = dossier_find(L->d, kind, f->value, f->len);
	if (k < 0)
		diag_error(L->diag, f->line, _("%s '%.*s' does not exist"),
		    name, (int)f->len, f->value);
	return k;
}

static void
resolve(struct loader *L, const struct rec_record *r, const char *name,
    enum ds_kind kind, struct ds_refs *refs)
{
	const struct rec_file *rf = &L->d->rf;
	size_t n = 0, len = strlen(name);

	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		n += f->name_len == len && memcmp(rec_field_name(rf, f), name, len) == 0;
	}
	refs->n = 0;
	refs->v = NULL;
	if (!n)
		return;
	refs->v = L->d->refpool + L->pool_at;
	L->pool_at += n;
	for (size_t i = 0; i < r->nfields; i++) {
		long k = resolve_field(L, &rf->fields[r->first + i], name, len, kind);
		if (k >= 0)
			refs->v[refs->n++] = (uint32_t)k;
	}
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
	struct kind_cache kc = { NULL, 0, 0 };
	size_t counts[KIND_UNKNOWN + 1] = { 0 };

	size_t entity_fields = 0, ref_fields = 0, event_fields = 0;

	for (size_t i = 0; i < rf->nrecs; i++) {
		int kind = kind_of(&rf->recs[i], &kc);
		counts[kind]++;
		if (kind == DS_PERSON || kind == DS_ORG)
			entity_fields += rf->recs[i].nfields;
		if (kind == DS_PERSON || kind == DS_EVENT)
			ref_fields += rf->recs[i].nfields;
		if (kind == DS_EVENT)
			event_fields += rf->recs[i].nfields;
	}
	/* Room for every alias and every reference, known or not yet: no
	 * list has more entries than its record has fields, and the reverse
	 * links (events of a person, an org, a paragraph; notes of a
	 * paragraph) are no more than the forward ones and the notes, the
	 * articles of an event no more than its paragraphs.  Only what is
	 * used is touched. */
	d->aliaspool = table(L, entity_fields, sizeof *d->aliaspool);
	d->refpool = table(L, 2 * ref_fields + event_fields + counts[DS_NOTE],
	    sizeof *d->refpool);
	for (int k = 0; k < DS_NKINDS; k++) {
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
	if (REQUIRE(L, r, "Name"))
		e->name = GET(L, r, "Name");
	e->latin = GET(L, r, "Latin");
	e->role = kind == DS_PERSON ? GET(L, r, "Role") : GET(L, r, "Kind");
	e->note = GET(L, r, "Note");
	for (size_t i = 0; i < r->nfields; i++)
		na += rf->fields[r->first + i].name_len == 5 &&
		    memcmp(rec_field_name(rf, &rf->fields[r->first + i]), "Alias", 5) == 0;
	e->alias = na ? L->d->aliaspool + L->d->aliaspool_used : NULL;
	L->d->aliaspool_used += na;
	for (size_t i = 0; e->alias && i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		if (f->name_len == 5 && memcmp(rec_field_name(rf, f), "Alias", 5) == 0 && f->len)
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
	if (REQUIRE(L, r, "Date") && (f = FIELD(&L->d->rf, r, "Date"))) {
		e->date_text = field_str(f);
		/* Measured here, on two cores while it is in the cache, and not
		 * in a walk of every event before the first frame. */
		int w = text_width(f->value, f->len);
		if (w > L->date_width)
			L->date_width = w;
		if (!date_parse(f->value, f->len, &e->date))
			diag_error_at(L->diag, f->line, rec_value_col(&L->d->rf, f), _("bad Date '%.*s' (want YYYY, YYYY-MM or YYYY-MM-DD, a real day)"),
			    (int)f->len, f->value);
	}
	e->sort = e->date;
	if ((f = FIELD(&L->d->rf, r, "Sort")) &&
	    (!date_parse(f->value, f->len, &e->sort) || !date_within(&e->sort, &e->date)))
		diag_error(L->diag, f->line, _("bad Sort '%.*s' (want a date within the event's Date, such as 2022-05 for 2022)"),
		    (int)f->len, f->value);
	if (REQUIRE(L, r, "Title"))
		e->title = GET(L, r, "Title");
	e->when = GET(L, r, "When");
	e->text = GET(L, r, "Text");
}

/* Reports the unknown types of the %rec: lines from desc on that come
 * before line, at their lines (so the errors stay in line order with
 * those of the records); returns the next one. */
static size_t
check_types(struct loader *L, size_t desc, uint32_t line)
{
	const struct rec_file *rf = &L->d->rf;
	struct kind_cache kc = { NULL, 0, 0 };

	for (; desc < rf->ndescs && rf->descs[desc].line < line; desc++) {
		const struct rec_desc *t = &rf->descs[desc];
		struct rec_record r = { .type = t->type, .type_len = t->type_len };
		if (t->type && kind_of(&r, &kc) == KIND_UNKNOWN)
			diag_error(L->diag, t->line, _("unknown record type '%.*s'"),
			    (int)t->type_len, t->type);
	}
	return desc;
}

/* The kinds of record a part of fill takes, a bit each (KIND_DOSSIER and
 * KIND_UNKNOWN too): on a large dossier the events and notes are filled
 * on a second core.  The part with the Dossier record also checks the
 * record types. */
#define ALL_KINDS ((1u << (KIND_UNKNOWN + 1)) - 1)
#define SIDE_KINDS (1u << DS_EVENT | 1u << DS_NOTE)

/* Pass two: fill the tables in file order. */
static void
fill_part(struct loader *L, unsigned kinds)
{
	struct dossier *d = L->d;
	struct rec_file *rf = &d->rf;
	size_t k[DS_NKINDS] = { 0 }, ndossier = 0, desc = 0;
	struct kind_cache kc = { NULL, 0, 0 };
	bool checks = kinds >> KIND_DOSSIER & 1;

	for (size_t i = 0; i < rf->nrecs && !L->oom; i++) {
		const struct rec_record *r = &rf->recs[i];
		int kind = kind_of(r, &kc);
		if (checks)
			desc = check_types(L, desc, r->line);
		if (!(kinds >> kind & 1))
			continue;
		/* Counted here, while the record's fields are in the cache. */
		L->drafts += dossier_draft(d, i);
		if (kind == KIND_DOSSIER) {
			if (++ndossier > 1)
				diag_error(L->diag, r->line, _("more than one Dossier record"));
			d->title = GET(L, r, "Title");
			d->language = GET(L, r, "Language");
			d->summary = GET(L, r, "Summary");
		} else if (kind == DS_ARTICLE) {
			struct ds_article *a = &d->articles[k[DS_ARTICLE]];
			struct ds_str ts;
			a->rec = i;
			a->id = take_id(L, r, DS_ARTICLE, k[DS_ARTICLE]++);
			a->title = GET(L, r, "Title");
			a->author = GET(L, r, "Author");
			a->editor = GET(L, r, "Editor");
			a->date = GET(L, r, "Date");
			a->source = GET(L, r, "Source");
			a->url = GET(L, r, "URL");
			a->title_en = GET(L, r, "EnglishTitle");
			a->author_latin = GET(L, r, "AuthorLatin");
			a->editor_latin = GET(L, r, "EditorLatin");
			ts = GET(L, r, "TitleSource");
			a->title_supplied = ts.n == 7 && memcmp(ts.s, "dossier", 7) == 0;
		} else if (kind == DS_PARAGRAPH) {
			struct ds_paragraph *p = &d->paras[k[DS_PARAGRAPH]];
			p->rec = i;
			p->id = take_id(L, r, DS_PARAGRAPH, k[DS_PARAGRAPH]++);
			p->section = GET(L, r, "Section");
			p->text = GET(L, r, "Text");
			p->gloss = GET(L, r, "Gloss");
		} else if (kind == DS_PERSON) {
			load_entity(L, r, i, DS_PERSON, &d->people[k[DS_PERSON]], k[DS_PERSON]);
			k[DS_PERSON]++;
		} else if (kind == DS_ORG) {
			load_entity(L, r, i, DS_ORG, &d->orgs[k[DS_ORG]], k[DS_ORG]);
			k[DS_ORG]++;
		} else if (kind == DS_EVENT) {
			load_event(L, r, i, k[DS_EVENT]++);
		} else if (kind == DS_NOTE) {
			struct ds_note *n = &d->notes[k[DS_NOTE]++];
			n->rec = i;
			REQUIRE(L, r, "Paragraph");
			if (REQUIRE(L, r, "Quote"))
				n->quote = GET(L, r, "Quote");
			if (REQUIRE(L, r, "Text"))
				n->text = GET(L, r, "Text");
		}
		/* A record of an unknown type: reported at its %rec: line. */
	}
	if (!checks)
		return;
	check_types(L, desc, UINT32_MAX);
	if (ndossier == 0)
		diag_error(L->diag, 1, _("no Dossier record"));
}

struct fill_side {
	struct loader L;
	struct diag diag;
};

static void *
fill_side_thread(void *arg)
{
	struct fill_side *f = arg;

	fill_part(&f->L, SIDE_KINDS);
	return NULL;
}

static void free_tables(struct dossier *d);
static void allocate(struct loader *L);

/* Fills the tables, on two cores when the dossier is large: the events
 * and notes, whose tables and id maps are theirs alone, on the second.
 * That is kept only if neither part found an error; else the tables are
 * made again and filled on one core, so that the errors come in file
 * order. */
static void
fill(struct loader *L)
{
	struct fill_side side = { *L, { 0 } };
	struct diag *diag = L->diag, mine;
	pthread_t th;
	bool ok;

	if (L->d->rf.nrecs < THREAD_MIN_RECORDS) {
		fill_part(L, ALL_KINDS);
		return;
	}
	diag_init(&side.diag, diag->file);
	diag_init(&mine, diag->file);
	side.L.diag = &side.diag;
	L->diag = &mine;
	if (pthread_create(&th, NULL, fill_side_thread, &side) != 0) {
		L->diag = diag;
		fill_part(L, ALL_KINDS);
		return;
	}
	fill_part(L, ALL_KINDS & ~SIDE_KINDS);
	pthread_join(th, NULL);
	L->diag = diag;
	L->drafts += side.L.drafts;
	if (side.L.date_width > L->date_width)
		L->date_width = side.L.date_width;
	ok = !L->oom && !side.L.oom && mine.count == 0 && side.diag.count == 0;
	diag_free(&mine);
	diag_free(&side.diag);
	if (ok)
		return;
	free_tables(L->d);
	L->oom = false;
	L->drafts = 0;
	L->date_width = 0;
	allocate(L);
	if (!L->oom)
		fill_part(L, ALL_KINDS);
}

/* As resolve, for a field that is used once: the first value that
 * exists (every one that does not is reported), or -1. */
static long
resolve_one(struct loader *L, const struct rec_record *r, const char *name,
    enum ds_kind kind)
{
	const struct rec_file *rf = &L->d->rf;
	size_t len = strlen(name);
	long first = -1;

	for (size_t i = 0; i < r->nfields; i++) {
		long k = resolve_field(L, &rf->fields[r->first + i], name, len, kind);
		if (k >= 0 && first < 0)
			first = k;
	}
	return first;
}

/* The references of events [from, to). */
static void
link_events(struct loader *L, size_t from, size_t to)
{
	struct dossier *d = L->d;
	const struct rec_file *rf = &d->rf;

	for (size_t i = from; i < to; i++) {
		const struct rec_record *r = &rf->recs[d->events[i].rec];
		resolve(L, r, "Person", DS_PERSON, &d->events[i].persons);
		resolve(L, r, "Org", DS_ORG, &d->events[i].orgs);
		resolve(L, r, "Paragraph", DS_PARAGRAPH, &d->events[i].paras);
	}
}

static void
link_notes(struct loader *L)
{
	struct dossier *d = L->d;
	const struct rec_file *rf = &d->rf;

	for (size_t i = 0; i < d->nnotes; i++) {
		struct ds_note *n = &d->notes[i];
		const struct rec_record *r = &rf->recs[n->rec];
		const struct rec_field *q = FIELD(rf, r, "Quote");
		long p = resolve_one(L, r, "Paragraph", DS_PARAGRAPH);
		const char *at;
		if (p < 0 || !q)
			continue;
		n->para = (uint32_t)p;
		at = n->quote.n ? memmem(d->paras[p].text.s, d->paras[p].text.n,
		    n->quote.s, n->quote.n) : NULL;
		if (!at)
			diag_error(L->diag, q->line, _("Quote '%.*s' does not occur in paragraph %.*s"),
			    (int)n->quote.n, n->quote.s, (int)d->paras[p].id.n, d->paras[p].id.s);
		else
			n->quote_off = (size_t)(at - d->paras[p].text.s);
	}
}

/* Each paragraph's article (without an Article field, that of the
 * paragraph before it), which must not go back: the paragraphs of an
 * article come together and the articles in file order, so that each
 * article is a run of the reading order.  Then each article's run. */
static void
link_articles(struct loader *L)
{
	struct dossier *d = L->d;
	const struct rec_file *rf = &d->rf;
	uint32_t last = 0;

	for (size_t i = 0; i < d->nparas; i++) {
		const struct rec_record *r = &rf->recs[d->paras[i].rec];
		const struct rec_field *f = FIELD(rf, r, "Article");
		long a = f ? resolve_one(L, r, "Article", DS_ARTICLE) : last;
		if (a >= 0 && (uint32_t)a < last)
			diag_error(L->diag, f->line, _("Paragraph '%.*s' of Article '%.*s' "
			    "after a paragraph of Article '%.*s' (paragraphs go in the order of their articles)"),
			    (int)d->paras[i].id.n, d->paras[i].id.s,
			    (int)d->articles[a].id.n, d->articles[a].id.s,
			    (int)d->articles[last].id.n, d->articles[last].id.s);
		else if (a >= 0)
			last = (uint32_t)a;
		d->paras[i].article = a < 0 ? last : (uint32_t)a;
	}
	for (size_t i = 0; i < d->nparas && d->narticles; i++)
		d->articles[d->paras[i].article].npara++;
	for (size_t k = 1; k < d->narticles; k++)
		d->articles[k].first = d->articles[k - 1].first + d->articles[k - 1].npara;
}

/* The second part of link on another core: the later events and the
 * notes, with errors of its own, which come after the first part's. */
struct link_tail {
	struct loader L;
	struct diag diag;
	size_t from;
};

static void *
link_tail_thread(void *arg)
{
	struct link_tail *t = arg;

	link_events(&t->L, t->from, t->L.d->nevents);
	link_notes(&t->L);
	return NULL;
}

/* Pass three: references, once every id is known.  Resolving reads only
 * the id maps, so on a large dossier the later half of the events and
 * the notes are resolved on another core, their lists taken from the
 * pool past the room the earlier ones can need (a list has at most as
 * many entries as its record has fields). */
static void
link(struct loader *L)
{
	struct dossier *d = L->d;
	const struct rec_file *rf = &d->rf;
	size_t half = d->nevents / 2, room = L->pool_at;
	struct link_tail tail = { *L, { 0 }, half };
	pthread_t th;
	bool threaded = false;

	if (d->nevents + d->nnotes >= THREAD_MIN_RECORDS) {
		for (size_t i = 0; i < d->npeople; i++)
			room += rf->recs[d->people[i].rec].nfields;
		for (size_t i = 0; i < half; i++)
			room += rf->recs[d->events[i].rec].nfields;
		diag_init(&tail.diag, L->diag->file);
		tail.L.diag = &tail.diag;
		tail.L.pool_at = room;
		threaded = pthread_create(&th, NULL, link_tail_thread, &tail) == 0;
	}
	link_articles(L);
	for (size_t i = 0; i < d->npeople; i++)
		resolve(L, &rf->recs[d->people[i].rec], "Org", DS_ORG, &d->people[i].orgs);
	if (!threaded) {
		link_events(L, 0, d->nevents);
		link_notes(L);
		return;
	}
	link_events(L, 0, half);
	pthread_join(th, NULL);
	diag_append(L->diag, &tail.diag);
	L->pool_at = tail.L.pool_at;
}

/* A date as a number in date order (as date_cmp): the year, then four
 * bits of month and six of day, a missing part past the last real one
 * (13, 32), so that a partial date sorts after the fuller dates of its
 * period.  Years have four digits, so this is below 2^24: two passes of
 * 12 bits sort it. */
static uint32_t
date_key(const struct ds_date *dt)
{
	uint32_t y = dt->year < 0 ? 0 : dt->year > 9999 ? 9999 : (uint32_t)dt->year;
	uint32_t m = dt->month ? (uint32_t)dt->month & 15 : 13;
	uint32_t dd = dt->day ? (uint32_t)dt->day & 63 : 32;

	return y << 10 | m << 6 | dd;
}

/* One stable counting pass of a radix sort: from[] by 12 bits of key[];
 * count has room for 4097 counters (16 KB: not on the stack, which may be
 * small). */
static void
radix_pass(const uint32_t *key, const uint32_t *from, uint32_t *to, size_t n, int shift,
    uint32_t *count)
{
	memset(count, 0, 4097 * sizeof *count);
	for (size_t i = 0; i < n; i++)
		count[(key[from[i]] >> shift & 4095) + 1]++;
	for (size_t b = 1; b <= 4096; b++)
		count[b] += count[b - 1];
	for (size_t i = 0; i < n; i++)
		to[count[key[from[i]] >> shift & 4095]++] = from[i];
}

/* Event indexes in date order, ties in file order (the order they are in):
 * a stable radix sort of their dates in two passes, several times faster
 * than qsort on a large dossier.  NULL when memory runs out. */
static uint32_t *
date_order(const struct ds_event *ev, size_t n)
{
	uint32_t *key, *a, *b, *count;

	if (n == 0)
		return malloc(sizeof *a);
	key = malloc(n * sizeof *key);
	a = malloc(n * sizeof *a);
	b = malloc(n * sizeof *b);
	count = malloc(4097 * sizeof *count);
	if (key && a && b && count) {
		for (size_t i = 0; i < n; i++) {
			key[i] = date_key(&ev[i].sort);
			a[i] = (uint32_t)i;
		}
		radix_pass(key, a, b, n, 0, count);
		radix_pass(key, b, a, n, 12, count);
	} else {
		free(a);
		a = NULL;
	}
	free(count);
	free(key);
	free(b);
	return a;
}

/* Carves a list of n from the pool at *at, to be filled by push. */
static void
carve(struct dossier *d, struct ds_refs *refs, size_t n, size_t *at)
{
	refs->v = n ? d->refpool + *at : NULL;
	refs->n = 0;
	*at += n;
}

static void
push(struct ds_refs *refs, uint32_t v)
{
	refs->v[refs->n++] = v;
}

/* The articles of e's paragraphs, each once, in article order. */
static void
event_articles(struct dossier *d, struct ds_event *e, size_t *pool_at)
{
	struct ds_refs *r = &e->articles;

	/* A dossier without articles has paragraphs of none. */
	carve(d, r, d->narticles ? e->paras.n : 0, pool_at);
	for (size_t j = 0; r->v && j < e->paras.n; j++) {
		uint32_t a = d->paras[e->paras.v[j]].article;
		size_t at = r->n;
		while (at > 0 && r->v[at - 1] > a)
			at--;
		if (at > 0 && r->v[at - 1] == a)
			continue;
		memmove(r->v + at + 1, r->v + at, (r->n - at) * sizeof *r->v);
		r->v[at] = a;
		r->n++;
	}
}

/* The reverse links, each list counted first (in .n), then carved from
 * the pool at *at and filled in date order: those of people and orgs, and
 * (reverse_links_paras) those of paragraphs with the articles of each
 * event.  The two write different members and parts of the pool, so they
 * run at once on a large dossier. */
struct links_run {
	struct dossier *d;
	size_t at;
};

static void *
reverse_links_people(void *arg)
{
	struct links_run *r = arg;
	struct dossier *d = r->d;

	for (size_t i = 0; i < d->nevents; i++) {
		struct ds_event *e = &d->events[i];
		d->idkeys[DS_EVENT][i] = e->id;
		for (size_t j = 0; j < e->persons.n; j++)
			d->people[e->persons.v[j]].events.n++;
		for (size_t j = 0; j < e->orgs.n; j++)
			d->orgs[e->orgs.v[j]].events.n++;
	}
	for (size_t i = 0; i < d->npeople; i++)
		carve(d, &d->people[i].events, d->people[i].events.n, &r->at);
	for (size_t i = 0; i < d->norgs; i++)
		carve(d, &d->orgs[i].events, d->orgs[i].events.n, &r->at);
	for (size_t i = 0; i < d->nevents; i++) {
		const struct ds_event *e = &d->events[i];
		for (size_t j = 0; j < e->persons.n; j++)
			push(&d->people[e->persons.v[j]].events, (uint32_t)i);
		for (size_t j = 0; j < e->orgs.n; j++)
			push(&d->orgs[e->orgs.v[j]].events, (uint32_t)i);
	}
	return NULL;
}

static void
reverse_links_paras(struct links_run *r)
{
	struct dossier *d = r->d;

	for (size_t i = 0; i < d->nevents; i++) {
		const struct ds_event *e = &d->events[i];
		for (size_t j = 0; j < e->paras.n; j++)
			d->paras[e->paras.v[j]].events.n++;
	}
	for (size_t i = 0; i < d->nnotes; i++)
		d->paras[d->notes[i].para].notes.n++;
	for (size_t i = 0; i < d->nparas; i++) {
		carve(d, &d->paras[i].events, d->paras[i].events.n, &r->at);
		carve(d, &d->paras[i].notes, d->paras[i].notes.n, &r->at);
	}
	for (size_t i = 0; i < d->nevents; i++) {
		const struct ds_event *e = &d->events[i];
		for (size_t j = 0; j < e->paras.n; j++)
			push(&d->paras[e->paras.v[j]].events, (uint32_t)i);
	}
	for (size_t i = 0; i < d->nnotes; i++)
		push(&d->paras[d->notes[i].para].notes, (uint32_t)i);
	for (size_t i = 0; i < d->nevents; i++)
		event_articles(d, &d->events[i], &r->at);
}

static void
reverse_links(struct dossier *d)
{
	struct links_run people = { d, d->refpool_used }, paras = { d, d->refpool_used };
	pthread_t th;
	bool threaded = false;

	/* The people's and orgs' lists first in the pool, then the rest. */
	for (size_t i = 0; i < d->nevents; i++)
		paras.at += d->events[i].persons.n + d->events[i].orgs.n;
	if (d->nevents + d->nnotes >= THREAD_MIN_RECORDS)
		threaded = pthread_create(&th, NULL, reverse_links_people, &people) == 0;
	if (!threaded)
		reverse_links_people(&people);
	reverse_links_paras(&paras);
	if (threaded)
		pthread_join(th, NULL);
	d->refpool_used = paras.at;
}

/* Events in date order; then the reverse links from people, orgs and
 * paragraphs to their events (so those come out in date order too). */
static void
order_events(struct loader *L)
{
	struct dossier *d = L->d;
	size_t n = d->nevents;
	uint32_t *order = date_order(d->events, n);
	uint32_t *to = malloc((n ? n : 1) * sizeof *to);

	if (!order || !to) {
		free(order);
		free(to);
		L->oom = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		to[order[i]] = (uint32_t)i;
	/* Each event to its place, a cycle of the permutation at a time:
	 * one copy of each (swaps made three), order used up as it goes
	 * (order[j] = j once place j is filled). */
	for (size_t i = 0; i < n; i++) {
		struct ds_event first;
		size_t j = i;

		if (order[i] == i)
			continue;
		first = d->events[i];
		while (order[j] != i) {
			size_t k = order[j];
			d->events[j] = d->events[k];
			order[j] = (uint32_t)j;
			j = k;
		}
		d->events[j] = first;
		order[j] = (uint32_t)j;
	}
	/* Ids were registered in file order: renumber the map to date order. */
	idmap_renumber(&d->ids[DS_EVENT], to);
	free(order);
	free(to);
	reverse_links(d);
}

long
dossier_find(const struct dossier *d, enum ds_kind kind, const char *id, size_t n)
{
	return idmap_find(&d->ids[kind], d->idkeys[kind], id, n);
}

struct side_run {
	const struct ds_side_job *job;
	const struct dossier *d;
};

static void *
side_thread(void *arg)
{
	struct side_run *r = arg;

	r->job->run(r->d, r->job->arg);
	return NULL;
}

static int
build(struct dossier *d, struct diag *diag, const struct ds_side_job *job)
{
	struct loader L = { .d = d, .diag = diag };
	struct side_run side = { job, d };
	pthread_t th;
	bool threaded = false;

	allocate(&L);
	if (!L.oom)
		fill(&L);
	d->ndrafts = L.drafts;
	d->date_width = L.date_width;
	/* The job reads what fill made; link and order_events write other
	 * members (references, event order), so the two can run at once. */
	if (job && !L.oom && diag->count == 0 &&
	    !(threaded = d->rf.nrecs >= THREAD_MIN_RECORDS &&
	    pthread_create(&th, NULL, side_thread, &side) == 0))
		job->run(d, job->arg);
	if (!L.oom) {
		link(&L);
		d->refpool_used = L.pool_at;
	}
	if (!L.oom && diag->count == 0)
		order_events(&L);
	if (threaded)
		pthread_join(th, NULL);
	if (L.oom) {
		diag_error(diag, 0, _("out of memory"));
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
	rc = rec_parse(&d->rf, buf, size, diag);
	if (rc == 0)
		rc = build(d, diag, NULL);
	if (rc)
		dossier_free(d);
	return rc;
}

int
dossier_load(struct dossier *d, const char *path, struct diag *diag)
{
	return dossier_load_with(d, path, diag, NULL);
}

int
dossier_load_with(struct dossier *d, const char *path, struct diag *diag,
    const struct ds_side_job *job)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->path = path;
	/* Only records of checked bytes: the model is built on nothing else. */
	rc = rec_load(&d->rf, path, diag);
	if (rc == 0)
		rc = build(d, diag, job);
	if (rc)
		dossier_free(d);
	return rc;
}

enum ds_file_state
dossier_file_state(const struct dossier *d)
{
	struct rec_stamp now;

	if (rec_stamp_of(d->path, &now) < 0)
		return DS_FILE_GONE;
	return rec_stamp_same(&now, &d->rf.stamp) ? DS_FILE_SAME : DS_FILE_CHANGED;
}

static size_t
count_of(const struct dossier *d, enum ds_kind kind)
{
	switch (kind) {
	case DS_EVENT: return d->nevents;
	case DS_PERSON: return d->npeople;
	case DS_ORG: return d->norgs;
	case DS_PARAGRAPH: return d->nparas;
	case DS_ARTICLE: return d->narticles;
	default: return 0;
	}
}

long
dossier_map(const struct dossier *from, enum ds_kind kind, size_t i,
    const struct dossier *to)
{
	struct ds_str id;

	if (kind == DS_NOTE || i >= count_of(from, kind))
		return -1;
	id = from->idkeys[kind][i];
	return dossier_find(to, kind, id.s, id.n);
}

size_t
dossier_map_near(const struct dossier *from, enum ds_kind kind, size_t i,
    const struct dossier *to)
{
	for (size_t k = i + 1; k-- > 0;) {
		long m = dossier_map(from, kind, k, to);
		if (m >= 0)
			return (size_t)m;
	}
	return 0;
}

/* Frees what allocate made, and forgets it. */
static void
free_tables(struct dossier *d)
{
	free(d->refpool);
	free(d->aliaspool);
	free(d->people);
	free(d->orgs);
	free(d->events);
	free(d->paras);
	free(d->articles);
	free(d->notes);
	d->refpool = NULL;
	d->aliaspool = NULL;
	d->people = d->orgs = NULL;
	d->events = NULL;
	d->paras = NULL;
	d->articles = NULL;
	d->notes = NULL;
	d->refpool_used = d->aliaspool_used = 0;
	for (int k = 0; k < DS_NKINDS; k++) {
		idmap_free(&d->ids[k]);
		free(d->idkeys[k]);
		d->idkeys[k] = NULL;
	}
}

void
dossier_free(struct dossier *d)
{
	free_tables(d);
	rec_free(&d->rf);
	memset(d, 0, sizeof *d);
}

bool
dossier_draft(const struct dossier *d, size_t rec)
{
	const struct rec_field *f;

	if (rec >= d->rf.nrecs)
		return false;
	f = FIELD(&d->rf, &d->rf.recs[rec], "Status");
	return f && f->len == 5 && memcmp(f->value, "draft", 5) == 0;
}

void
dossier_keep_shown_fields(struct dossier *d)
{
	struct rec_file *rf = &d->rf;
	struct rec_field *nf;
	size_t n = 0;
	bool *shown;

	if (d->fields_trimmed)
		return;
	d->fields_trimmed = true;
	if (!(shown = calloc(rf->nrecs ? rf->nrecs : 1, sizeof *shown)))
		return;    /* kept: nothing lost but memory */
	for (size_t i = 0; i < d->nevents; i++)
		shown[d->events[i].rec] = true;
	for (size_t i = 0; i < d->npeople; i++)
		shown[d->people[i].rec] = true;
	for (size_t i = 0; i < d->norgs; i++)
		shown[d->orgs[i].rec] = true;
	/* Records are in file order, their fields too: each moves down. */
	for (size_t i = 0; i < rf->nrecs; i++) {
		struct rec_record *r = &rf->recs[i];
		if (shown[i])
			memmove(rf->fields + n, rf->fields + r->first, r->nfields * sizeof *nf);
		else
			r->nfields = 0;
		r->first = n;
		n += r->nfields;
	}
	free(shown);
	rf->nfields = n;
	if ((nf = realloc(rf->fields, (n ? n : 1) * sizeof *nf)) != NULL) {
		rf->fields = nf;
		rf->fields_cap = n ? n : 1;
	}
}

size_t
dossier_drafts(const struct dossier *d)
{
	return d->ndrafts;
}

int
dossier_date_width(const struct dossier *d)
{
	return d->date_width;
}
