/* The importer's driver: reads the article, finds its names and dates,
 * writes the dossier text, checks it with the loader and only then puts
 * it in place. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "dossier.h"
#include "import.h"
#include "import_doc.h"
#include "names.h"
#include "reldate.h"
#include "text.h"

enum { EX_CANTCREAT_ = 73 };

/* The record types the importer writes, in the order of a new file. */
enum { C_ARTICLE, C_PARA, C_PERSON, C_ORG, C_EVENT, C_NOTE, NCHUNKS };
static const char *const chunk_type[NCHUNKS] = {
	"Article", "Paragraph", "Person", "Org", "Event", "Note" };
static const char *const chunk_desc[NCHUNKS] = {
	"%key: Id\n", "%key: Id\n", "%key: Id\n%mandatory: Name\n",
	"%key: Id\n%mandatory: Name\n", "%key: Id\n%mandatory: Date Title\n",
	"%mandatory: Paragraph Quote Text\n" };

/* Something the text names: a candidate found in the article, or a
 * Person or Org of the dossier it is added to. */
struct ent {
	char id[64];
	bool person;
	bool is_new;               /* a record to write */
	const struct nm_cand *cand;    /* its forms, when found in the article */
	const struct ds_entity *old;   /* its forms, when in the dossier */
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
	char **ids;                /* ids made so far, all kinds ("P:x", "E:x", ...) */
	size_t nids, ids_cap;
	char article_id[64];
	char (*para_ids)[64];
	struct rw_buf chunk[NCHUNKS];  /* the new records of each type */
	size_t nevents, nnotes;
	bool oom;
};

static bool
id_taken(struct job *j, char kind, const char *id)
{
	static const struct { char c; enum ds_kind k; } map[] = {
		{ 'A', DS_ARTICLE }, { 'G', DS_PARAGRAPH }, { 'P', DS_PERSON },
		{ 'O', DS_ORG }, { 'E', DS_EVENT },
	};

	for (size_t i = 0; i < j->nids; i++)
		if (j->ids[i][0] == kind && strcmp(j->ids[i] + 2, id) == 0)
			return true;
	if (j->has_old)
		for (size_t i = 0; i < sizeof map / sizeof *map; i++)
			if (map[i].c == kind && dossier_find(&j->old, map[i].k, id, strlen(id)) >= 0)
				return true;
	return false;
}

/* A new id of that kind from base (made of id characters), with -2, -3
 * ... when base is taken. */
static void
new_id(struct job *j, char kind, const char *base, char out[64])
{
	snprintf(out, 64, "%.50s", base);
	for (unsigned k = 2; id_taken(j, kind, out); k++)
		snprintf(out, 64, "%.50s-%u", base, k);
	if (j->nids == j->ids_cap) {
		size_t cap = j->ids_cap ? j->ids_cap * 2 : 256;
		char **v = realloc(j->ids, cap * sizeof *v);
		if (!v) {
			j->oom = true;
			return;
		}
		j->ids = v;
		j->ids_cap = cap;
	}
	char *s = malloc(strlen(out) + 3);
	if (!s) {
		j->oom = true;
		return;
	}
	s[0] = kind;
	s[1] = ':';
	strcpy(s + 2, out);
	j->ids[j->nids++] = s;
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

/* ---- reading ---- */

static int
read_all(const char *path, char **buf, size_t *n, FILE *err)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t cap = 1 << 16;

	*n = 0;
	if (!f || fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
		fprintf(err, "dossier: %s: %s\n", path, f ? "is a directory" : strerror(errno));
		if (f)
			fclose(f);
		return EX_NOINPUT_;
	}
	*buf = malloc(cap);
	for (;;) {
		if (!*buf) {
			fclose(f);
			fputs("dossier: out of memory\n", err);
			return EX_SOFTWARE_;
		}
		*n += fread(*buf + *n, 1, cap - *n, f);
		if (*n < cap)
			break;
		if (cap >= REC_MAX_FILE) {
			fclose(f);
			fprintf(err, "dossier: %s: larger than %lu bytes\n", path, REC_MAX_FILE);
			return EX_DATAERR_;
		}
		char *b = realloc(*buf, cap *= 2);
		if (!b)
			free(*buf);
		*buf = b;
	}
	if (ferror(f)) {
		fprintf(err, "dossier: %s: %s\n", path, strerror(errno));
		fclose(f);
		return EX_NOINPUT_;
	}
	fclose(f);
	return 0;
}

static unsigned long
line_at(const char *buf, size_t off)
{
	unsigned long line = 1;

	for (size_t i = 0; i < off; i++)
		line += buf[i] == '\n';
	return line;
}

/* Text, not binary, not another encoding, not empty. */
static int
validate(struct job *j, const char **buf, size_t *n)
{
	if (*n >= 3 && memcmp(*buf, "\xef\xbb\xbf", 3) == 0)
		*buf += 3, *n -= 3;
	if (!text_clean(*buf, *n)) {
		size_t ok = text_valid_prefix(*buf, *n);
		const char *nul = memchr(*buf, '\0', *n);
		if (nul && (size_t)(nul - *buf) < ok)
			ok = (size_t)(nul - *buf);
		fprintf(j->err, "%s:%lu: %s\n", j->name, line_at(*buf, ok),
		    nul && (size_t)(nul - *buf) == ok ?
		    "NUL byte: not a text or HTML file" :
		    "invalid UTF-8: not a text or HTML file in UTF-8");
		return EX_DATAERR_;
	}
	for (size_t i = 0; i < *n; i++)
		if (!strchr(" \t\r\n\f\v", (*buf)[i]))
			return 0;
	fprintf(j->err, "%s: empty article\n", j->name);
	return EX_DATAERR_;
}

static bool
looks_html(const char *buf, size_t n)
{
	size_t i = 0;

	while (i < n && strchr(" \t\r\n", buf[i]))
		i++;
	return i < n && buf[i] == '<';
}

/* The publication date: --published, else the article's own, else none. */
static bool
publication(struct job *j, struct ds_date *pub)
{
	const char *s = j->doc.date;
	struct rd_ctx ctx;
	struct rd_match m;

	if (j->o->has_published) {
		*pub = j->o->published;
		return true;
	}
	if (!s)
		return false;
	for (size_t k = 10; k >= 4; k -= 3)
		if (strlen(s) >= k && date_parse(s, k, pub) && (!s[k] || s[k] == 'T' || s[k] == ' '))
			return true;
	reldate_init(&ctx, NULL);
	for (size_t from = 0; reldate_next(&ctx, s, strlen(s), from, &m); from = m.start + m.len)
		if (m.kind == RD_ABSOLUTE && m.resolved) {
			*pub = m.date;
			return true;
		}
	return false;
}

/* ---- names ---- */

static bool mostly_chinese(const struct imp_doc *);

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
		size_t n = strlen(s), cut = n, skip = 0;
		for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
			const char *p = strstr(s, seps[k]);
			if (p && (size_t)(p - s) < cut)
				cut = (size_t)(p - s), skip = strlen(seps[k]);
		}
		while (cut && s[cut - 1] == ' ')
			cut--;
		if (cut)
			names_add(&j->names, s, cut, true, "named in the byline");
		s += cut + skip;
		while (*s == ' ')
			s++;
		if (!skip)
			break;
	}
}

static void
find_names(struct job *j)
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
	if (mostly_chinese(&j->doc))
		names_latin_orgs(&j->names, texts, lens, n);
	free(texts);
	free(lens);
	j->oom |= j->names.oom;
}

/* A byline's name: the writer's (else the editor's). */
static bool
is_writer(const struct job *j, const struct nm_cand *c)
{
	return j->doc.author && strstr(j->doc.author, c->name);
}

static void
make_entities(struct job *j)
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
		    byline ? (is_writer(j, c) ? "author" : "editor") :
		    c->person ? "person" : "org", base);
		new_id(j, c->person ? 'P' : 'O', base, e->id);
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

/* ---- dates ---- */

static bool
ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether form occurs in s[0..n), not inside a run of ASCII letters and
 * digits when it begins or ends with one (as the index matches). */
static bool
occurs(const char *s, size_t n, const char *form, size_t fn)
{
	if (!fn)
		return false;
	for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), form, fn)); p++) {
		bool left = p > s && ascii_alnum((unsigned char)form[0]) && ascii_alnum((unsigned char)p[-1]);
		bool right = p + fn < s + n && ascii_alnum((unsigned char)form[fn - 1]) &&
		    ascii_alnum((unsigned char)p[fn]);
		if (!left && !right)
			return true;
	}
	return false;
}

static bool
ent_in(const struct ent *e, const char *s, size_t n)
{
	if (e->cand) {
		if (occurs(s, n, e->cand->name, strlen(e->cand->name)))
			return true;
		for (size_t a = 0; a < e->cand->nalias; a++)
			if (occurs(s, n, e->cand->alias[a], strlen(e->cand->alias[a])))
				return true;
	}
	if (e->old) {
		if (occurs(s, n, e->old->name.s, e->old->name.n))
			return true;
		for (size_t a = 0; a < e->old->nalias; a++)
			if (occurs(s, n, e->old->alias[a].s, e->old->alias[a].n))
				return true;
	}
	return false;
}

static bool
is_clause_end(const char *s, size_t n, size_t i, size_t *k)
{
	static const char *const ends[] = { "。", "；", "！", "？", "，", ";", "!", "?", "\n",
		",", ". " };

	for (size_t j = 0; j < sizeof ends / sizeof *ends; j++) {
		size_t l = strlen(ends[j]);
		if (n - i >= l && memcmp(s + i, ends[j], l) == 0) {
			/* a comma between digits is a number's */
			if (ends[j][0] == ',' && i > 0 && i + 1 < n && s[i - 1] >= '0' &&
			    s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9')
				return false;
			*k = l;
			return true;
		}
	}
	return false;
}

/* The clause around s[a..b): from the last clause end before it to the
 * next one after, taking in the next clause too while the words around
 * the date are only a few. */
static void
clause(const char *s, size_t n, size_t a, size_t b, size_t *from, size_t *to)
{
	size_t i = 0, start = 0, k;

	while (i < a) {
		if (is_clause_end(s, n, i, &k)) {
			i += k;
			start = i;
		} else {
			i++;
		}
	}
	for (int extend = 0; extend < 3; extend++) {
		for (i = b; i < n && !is_clause_end(s, n, i, &k); i++)
			;
		*to = i;
		if (i >= n || (i - start) - (b - a) >= 12)
			break;
		b = i + k;
	}
	while (start < *to && s[start] == ' ')
		start++;
	*from = start;
	if (*to < *from)
		*to = *from;
	while (*to > *from && strchr(" .,;:", s[*to - 1]))
		--*to;
}

static void
put_links(struct job *j, struct rw_buf *b, const char *s, size_t n)
{
	for (int kind = 1; kind >= 0; kind--)
		for (size_t e = 0; e < j->nents; e++) {
			bool dup = false;
			if (j->ents[e].person != kind || !ent_in(&j->ents[e], s, n))
				continue;
			for (size_t f = 0; f < e; f++)
				dup |= j->ents[f].person == kind && strcmp(j->ents[f].id, j->ents[e].id) == 0 &&
				    ent_in(&j->ents[f], s, n);
			if (!dup)
				rw_field(b, kind ? "Person" : "Org", j->ents[e].id, strlen(j->ents[e].id));
		}
}

static void
unresolved(struct job *j, size_t p, const struct rd_match *m, const char *s)
{
	struct rw_buf *b = &j->chunk[C_NOTE];

	rw_puts(b, "\n");
	rw_field(b, "Paragraph", j->para_ids[p], strlen(j->para_ids[p]));
	rw_field(b, "Quote", s + m->start, m->len);
	rw_printf(b, "Text: Unresolved date: '%.*s' is %s, which %s; "
	    "give the Event its date by hand.\n", (int)m->len, s + m->start,
	    m->kind == RD_ANAPHORIC ? "relative to an earlier date" :
	    "relative to the publication date",
	    m->kind == RD_ANAPHORIC ? "the article does not give before it" :
	    "is not known (import again with --published DATE)");
	rw_puts(b, "Status: draft\n");
	j->nnotes++;
}

static void
event(struct job *j, size_t p, const struct rd_match *m, const char *s, size_t n, unsigned k)
{
	struct rw_buf *b = &j->chunk[C_EVENT];
	char id[64], base[64], date[16];
	size_t from, to;

	snprintf(base, sizeof base, "e-%s-%u", j->para_ids[p], k);
	new_id(j, 'E', base, id);
	reldate_format(&m->date, date);
	clause(s, n, m->start, m->start + m->len, &from, &to);
	rw_puts(b, "\n");
	rw_field(b, "Id", id, strlen(id));
	rw_field(b, "Date", date, strlen(date));
	rw_field(b, "When", s + m->start, m->len);
	rw_field(b, "Title", s + from, to - from);
	put_links(j, b, s + from, to - from);
	rw_field(b, "Paragraph", j->para_ids[p], strlen(j->para_ids[p]));
	rw_puts(b, "Status: draft\n");
	j->nevents++;
}

static void
find_dates(struct job *j)
{
	struct ds_date pub;
	struct rd_ctx ctx;

	reldate_init(&ctx, publication(j, &pub) ? &pub : NULL);
	for (size_t p = 0; p < j->doc.npara; p++) {
		const char *s = j->doc.paras[p].text;
		size_t n = strlen(s);
		struct rd_match m;
		unsigned k = 0;
		for (size_t from = 0; reldate_next(&ctx, s, n, from, &m); from = m.start + m.len) {
			if (m.resolved)
				event(j, p, &m, s, n, ++k);
			else
				unresolved(j, p, &m, s);
		}
	}
}

/* ---- writing ---- */

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static bool
mostly_chinese(const struct imp_doc *d)
{
	size_t cjk = 0, latin = 0;

	for (size_t p = 0; p < d->npara; p++)
		for (const unsigned char *s = (const unsigned char *)d->paras[p].text; *s; s++) {
			cjk += *s >= 0xe3 && *s <= 0xe9;
			latin += (*s | 0x20) >= 'a' && (*s | 0x20) <= 'z';
		}
	return cjk * 3 > latin;
}

static void
write_entities(struct job *j, bool person)
{
	struct rw_buf *b = &j->chunk[person ? C_PERSON : C_ORG];

	for (size_t e = 0; e < j->nents; e++) {
		const struct ent *x = &j->ents[e];
		if (!x->is_new || x->person != person)
			continue;
		rw_puts(b, "\n");
		rw_field(b, "Id", x->id, strlen(x->id));
		rw_fields(b, "Name", x->cand->name);
		for (size_t a = 0; a < x->cand->nalias; a++)
			rw_fields(b, "Alias", x->cand->alias[a]);
		if (person && strcmp(x->cand->rule, "named in the byline") == 0)
			rw_fields(b, "Role", is_writer(j, x->cand) ? "writer" : "editor");
		rw_printf(b, "Note: Found by dossier --import: %s.\n", x->cand->rule);
		rw_puts(b, "Status: draft\n");
	}
}

static void
write_article(struct job *j)
{
	const struct imp_doc *d = &j->doc;
	struct rw_buf *b = &j->chunk[C_ARTICLE];
	char pub[16];

	rw_puts(b, "\n");
	rw_field(b, "Id", j->article_id, strlen(j->article_id));
	rw_fields(b, "Title", d->title);
	rw_fields(b, "Author", d->author);
	rw_fields(b, "Editor", d->editor);
	if (j->o->has_published) {
		reldate_format(&j->o->published, pub);
		rw_fields(b, "Date", pub);
	} else {
		rw_fields(b, "Date", d->date);
	}
	rw_fields(b, "Source", d->source ? d->source : base_name(j->name));
	rw_puts(b, "Status: draft\n");
	b = &j->chunk[C_PARA];
	for (size_t p = 0; p < d->npara; p++) {
		rw_puts(b, "\n");
		rw_field(b, "Id", j->para_ids[p], strlen(j->para_ids[p]));
		rw_field(b, "Article", j->article_id, strlen(j->article_id));
		rw_fields(b, "Section", d->paras[p].section);
		rw_fields(b, "Text", d->paras[p].text);
	}
	write_entities(j, true);
	write_entities(j, false);
}

/* Where the records of type go in the old file s[0..n) (which ends with a
 * newline): after the last record of its last section, before the
 * comments and blank lines that lead to the next section.  n when the
 * type has no section. */
static size_t
insertion_point(const char *s, size_t n, const char *type, bool *found)
{
	size_t i = 0, at = n, k = strlen(type);
	bool in = false;

	*found = false;
	while (i < n) {
		const char *e = memchr(s + i, '\n', n - i);
		size_t next = e ? (size_t)(e - s) + 1 : n;
		if (n - i > 5 && memcmp(s + i, "%rec:", 5) == 0) {
			size_t t = i + 5;
			while (t < next && (s[t] == ' ' || s[t] == '\t'))
				t++;
			if (in)
				at = i;
			in = next - t >= k && memcmp(s + t, type, k) == 0 &&
			    (t + k == next || strchr(" \t\r\n", s[t + k]));
			if (in) {
				*found = true;
				at = n;
			}
		} else if (in) {
			at = n;
		}
		i = next;
	}
	if (!*found)
		return n;
	/* back over the blank and comment lines before the next section */
	while (at > 0) {
		size_t start = at - 1;
		while (start > 0 && s[start - 1] != '\n')
			start--;
		size_t t = start;
		while (t < at - 1 && (s[t] == ' ' || s[t] == '\t' || s[t] == '\r'))
			t++;
		if (s[t] != '#' && t != at - 1)
			break;
		at = start;
	}
	return at;
}

static void
write_dossier(struct job *j, struct rw_buf *b)
{
	const struct imp_doc *d = &j->doc;
	size_t at[NCHUNKS], from = 0;
	bool found[NCHUNKS];
	struct rw_buf old;

	write_article(j);
	rw_init(&old);
	if (j->has_old) {
		rw_put(&old, j->old.rf.data, j->old.rf.size);
		if (old.n && old.s[old.n - 1] != '\n')
			rw_puts(&old, "\n");
	} else {
		rw_puts(&old, "# A dossier made by dossier --import; every record with\n"
		    "# Status: draft is a guess for a person to review (see dossier(5)).\n"
		    "%rec: Dossier\n\n");
		rw_fields(&old, "Title", d->title ? d->title : base_name(j->name));
		rw_fields(&old, "Language", mostly_chinese(d) ? "zh" : "en");
		rw_puts(&old, "Status: draft\n");
	}
	/* Into the sections of the old file in file order, then new sections. */
	for (int c = 0; c < NCHUNKS; c++)
		at[c] = old.oom ? 0 : insertion_point(old.s, old.n, chunk_type[c], &found[c]);
	for (;;) {
		int c = -1;
		for (int k = 0; k < NCHUNKS; k++)
			if (found[k] && (c < 0 || at[k] < at[c]))
				c = k;
		if (c < 0)
			break;
		found[c] = false;
		if (!j->chunk[c].n)
			continue;
		rw_put(b, old.s + from, at[c] - from);
		from = at[c];
		rw_put(b, j->chunk[c].s, j->chunk[c].n);
		if (from < old.n && old.s[from] != '\n')
			rw_puts(b, "\n");
		j->chunk[c].n = 0;
	}
	rw_put(b, old.s + from, old.n - from);
	for (int c = 0; c < NCHUNKS; c++)
		if (j->chunk[c].n) {
			rw_printf(b, "\n%%rec: %s\n%s", chunk_type[c], chunk_desc[c]);
			rw_put(b, j->chunk[c].s, j->chunk[c].n);
		}
	j->oom |= b->oom || old.oom;
	for (int c = 0; c < NCHUNKS; c++)
		j->oom |= j->chunk[c].oom;
	rw_free(&old);
}

static void
make_ids(struct job *j)
{
	char base[64];

	new_id(j, 'A', j->has_old ? "article" : "a1", j->article_id);
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
		new_id(j, 'G', base, j->para_ids[p]);
	}
}

static void
job_free(struct job *j)
{
	imp_doc_free(&j->doc);
	names_free(&j->names);
	if (j->has_old)
		dossier_free(&j->old);
	for (size_t i = 0; i < j->nids; i++)
		free(j->ids[i]);
	free(j->ids);
	free(j->ents);
	free(j->para_ids);
	for (int c = 0; c < NCHUNKS; c++)
		rw_free(&j->chunk[c]);
}

static void
report(const struct diag *dg, FILE *err)
{
	for (size_t i = 0; i < dg->count && i < DIAG_MAX; i++)
		if (dg->msg[i])
			fprintf(err, "%s\n", dg->msg[i]);
}

/* The same checks as --check, on the text in memory. */
static int
check(const char *name, const struct rw_buf *b, FILE *err)
{
	struct dossier d;
	struct diag dg;
	int rc;

	diag_init(&dg, name);
	rc = dossier_load_buffer(&d, name, b->s, b->n, &dg);
	if (rc) {
		fputs("dossier: internal error: the imported dossier does not pass the checks:\n", err);
		report(&dg, err);
		rc = rc == EX_DATAERR_ ? EX_SOFTWARE_ : rc;
	} else {
		dossier_free(&d);
	}
	diag_free(&dg);
	return rc;
}

int
import_buffer(const struct import_opts *o, const char *name, const char *buf, size_t n,
    struct rw_buf *out, FILE *err)
{
	struct job j = { 0 };
	int rc;

	j.o = o;
	j.name = name;
	j.err = err;
	imp_doc_init(&j.doc);
	names_init(&j.names);
	for (int c = 0; c < NCHUNKS; c++)
		rw_init(&j.chunk[c]);
	if ((rc = validate(&j, &buf, &n)) != 0)
		goto done;
	if (looks_html(buf, n)) {
		if (!imp_html_parse(&j.doc, buf, n)) {
			fprintf(err, "%s: not HTML that can be read\n", name);
			rc = EX_DATAERR_;
			goto done;
		}
	} else {
		imp_text_parse(&j.doc, buf, n);
	}
	if (!j.doc.npara && !j.doc.oom) {
		fprintf(err, "%s: no paragraphs found\n", name);
		rc = EX_DATAERR_;
		goto done;
	}
	if (o->into) {
		struct diag dg;
		diag_init(&dg, o->into);
		rc = dossier_load(&j.old, o->into, &dg);
		report(&dg, err);
		diag_free(&dg);
		if (rc)
			goto done;
		j.has_old = true;
	}
	j.oom |= j.doc.oom;
	find_names(&j);
	make_entities(&j);
	make_ids(&j);
	if (!j.oom)
		find_dates(&j);
	if (!j.oom)
		write_dossier(&j, out);
	if (j.oom || out->oom) {
		fputs("dossier: out of memory\n", err);
		rc = EX_SOFTWARE_;
		goto done;
	}
	rc = check(o->out ? o->out : "(standard output)", out, err);
done:
	job_free(&j);
	return rc;
}

/* ---- output ---- */

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static bool
write_fd(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* Temporary file beside path, fsync, rename over path, fsync the
 * directory: path is the old file or the new one, never a part. */
static int
replace(const char *path, const struct rw_buf *b, FILE *err)
{
	char *dcopy = strdup(path), *fcopy = strdup(path), *tmp = NULL;
	const char *dir, *file;
	struct stat st;
	mode_t mask;
	int fd = -1, dfd, rc = EX_CANTCREAT_;

	if (!dcopy || !fcopy) {
		fputs("dossier: out of memory\n", err);
		rc = EX_SOFTWARE_;
		goto out;
	}
	dir = dirname(dcopy);
	file = basename(fcopy);
	if (!(tmp = malloc(strlen(dir) + strlen(file) + 16)))
		goto out;
	sprintf(tmp, "%s/.%s.XXXXXX", dir, file);
	if ((fd = mkstemp(tmp)) < 0) {
		fprintf(err, "dossier: %s: %s\n", path, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, stat(path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask) != 0 ||
	    !write_fd(fd, b->s, b->n) || fsync(fd) != 0) {
		fprintf(err, "dossier: %s: %s\n", tmp, strerror(errno));
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		fprintf(err, "dossier: %s: %s\n", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		fprintf(err, "dossier: %s: %s\n", path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	free(dcopy);
	free(fcopy);
	return rc;
}

int
import_run(const struct import_opts *o, FILE *err)
{
	struct rw_buf out;
	char *buf = NULL;
	size_t n;
	int rc;

	if (o->out && strcmp(o->out, "-") != 0 && same_file(o->out, o->article)) {
		fprintf(err, "dossier: -o %s would replace the article\n", o->out);
		return EX_USAGE_;
	}
	if ((!o->out || strcmp(o->out, "-") == 0) && isatty(STDOUT_FILENO)) {
		/* The article's bytes are not for a terminal to interpret. */
		fputs("dossier: --import writes a dossier: give -o OUT, or redirect "
		    "standard output\n", err);
		return EX_USAGE_;
	}
	if ((rc = read_all(o->article, &buf, &n, err)) != 0) {
		free(buf);
		return rc;
	}
	rw_init(&out);
	rc = import_buffer(o, o->article, buf, n, &out, err);
	free(buf);
	if (rc == 0) {
		if (!o->out || strcmp(o->out, "-") == 0) {
			if (fwrite(out.s, 1, out.n, stdout) != out.n || fflush(stdout) != 0) {
				perror("dossier: write error");
				rc = EX_CANTCREAT_;
			}
		} else {
			rc = replace(o->out, &out, err);
		}
	}
	rw_free(&out);
	return rc;
}
