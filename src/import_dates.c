/* The importer's dates: each expression reldate.c finds becomes an
 * Event titled by its clause and linked to the people and organizations
 * named there, or, when it cannot be resolved, a Note saying so. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "import_job.h"
#include "reldate.h"

bool
imp_publication(struct job *j, struct ds_date *pub)
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

/* The longest first; of equal ones, people before organizations, each in
 * the order found: the index's rule for overlapping forms. */
static int
by_length(const void *a, const void *b)
{
	const struct imp_hit *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	if (x->person != y->person)
		return x->person ? -1 : 1;
	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static int
by_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The entities mentioned in s[0..n), where a form inside a longer one
 * (Llama in Llama 2) is not a mention: their indexes, each once and in
 * increasing order, *count of them; NULL when there are none (or memory
 * ran out: then j->oom). */
static size_t *
mentioned(struct job *j, const char *s, size_t n, size_t *count)
{
	struct imp_hits h = { 0 };
	bool *taken = calloc(n ? n : 1, 1);
	size_t *named = NULL, k = 0;

	*count = 0;
	if (!taken || imp_forms_find(&j->forms, s, n, &h) < 0 ||
	    (h.n && !(named = malloc(h.n * sizeof *named)))) {
		j->oom = true;
		free(taken);
		free(h.v);
		return NULL;
	}
	if (h.n)
		qsort(h.v, h.n, sizeof *h.v, by_length);
	for (size_t i = 0; i < h.n; i++) {
		bool free_span = true;
		for (size_t b = h.v[i].off; b < h.v[i].off + h.v[i].len && free_span; b++)
			free_span = !taken[b];
		if (!free_span)
			continue;
		memset(taken + h.v[i].off, 1, h.v[i].len);
		named[k++] = h.v[i].ent;
	}
	if (k)
		qsort(named, k, sizeof *named, by_index);
	for (size_t i = 0; i < k; i++)
		if (!*count || named[*count - 1] != named[i])
			named[(*count)++] = named[i];
	free(taken);
	free(h.v);
	return named;
}

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_clause_end(const char *s, size_t n, size_t i, size_t *k)
{
	static const char *const ends[] = { "。", "；", "！", "？", "，", ";", "!", "?", "\n",
		",", ". " };

	for (size_t j = 0; j < sizeof ends / sizeof *ends; j++) {
		size_t l = strlen(ends[j]);
		if (s[i] == ends[j][0] && n - i >= l && memcmp(s + i, ends[j], l) == 0) {
			/* a thousands comma is a number's: 1,000 */
			if (ends[j][0] == ',' && i > 0 && i + 4 <= n && digit(s[i - 1]) &&
			    digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3]) &&
			    (i + 4 == n || !digit(s[i + 4])))
				return false;
			*k = l;
			return true;
		}
	}
	return false;
}

/* How far a clause reaches from its date, in bytes, either way: a title,
 * not the paragraph, when the text has no clause ends; and the work for
 * each date bounded, so that a paragraph of dates costs no more than its
 * length. */
#define CLAUSE_REACH 256

static bool
mid_word(const char *s, size_t i)
{
	return imp_alnum((unsigned char)s[i - 1]) && imp_alnum((unsigned char)s[i]);
}

/* A cut at s[i], somewhere in [lo, hi): moved to the start of a
 * character, then to a space when it falls inside a word. */
static size_t
cut_back(const char *s, size_t lo, size_t i)
{
	size_t j;

	while (i > lo && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	for (j = i; j > lo && s[j] != ' '; j--)
		;
	return i > lo && mid_word(s, i) && j > lo ? j : i;
}

static size_t
cut_forward(const char *s, size_t i, size_t hi)
{
	size_t j;

	while (i < hi && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	for (j = i; j < hi && s[j] != ' '; j++)
		;
	return i < hi && mid_word(s, i) && j < hi ? j : i;
}

/* Where the clause that holds s[a..] starts: after the last clause end
 * before a (ends never overlap, so the first one found looking back is
 * the one a walk from the start would end on). */
static size_t
clause_start(const char *s, size_t n, size_t a)
{
	size_t floor = a > CLAUSE_REACH ? a - CLAUSE_REACH : 0, k;

	for (size_t i = a; i > floor; i--)
		if (is_clause_end(s, n, i - 1, &k))
			return i - 1 + k;
	return floor ? cut_forward(s, floor, a) : 0;
}

/* The clause around s[a..b): from the last clause end before it to the
 * next one after, taking in the next clause too while the words around
 * the date are only a few; at most CLAUSE_REACH bytes either side. */
static void
clause(const char *s, size_t n, size_t a, size_t b, size_t *from, size_t *to)
{
	size_t start = clause_start(s, n, a), i = b, k = 0, end = b;
	size_t limit = n - b > CLAUSE_REACH ? b + CLAUSE_REACH : n;

	for (int extend = 0; extend < 3; extend++) {
		for (i = b; i < limit && !is_clause_end(s, n, i, &k); i++)
			;
		if (i >= limit) {
			if (limit < n)
				i = cut_back(s, b, limit);
			if (limit < n && i <= b && extend > 0)
				i = end;   /* nothing of the next clause fits */
			break;
		}
		if ((i - start) - (b - a) >= 12)
			break;
		end = i;
		b = i + k;
	}
	*to = i;
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
	size_t k;
	size_t *named = mentioned(j, s, n, &k);

	for (int kind = 1; kind >= 0; kind--)
		for (size_t i = 0; i < k; i++) {
			const struct ent *e = &j->ents[named[i]];
			bool dup = false;
			if (e->person != kind)
				continue;
			/* a candidate that is an old record: one link */
			for (size_t f = 0; f < i; f++)
				dup |= j->ents[named[f]].person == kind &&
				    strcmp(j->ents[named[f]].id, e->id) == 0;
			if (!dup)
				rw_field(b, kind ? "Person" : "Org", e->id, strlen(e->id));
		}
	free(named);
}

static void
unresolved(struct job *j, size_t p, const struct rd_match *m, const char *s)
{
	struct rw_buf *b = &j->chunk[C_NOTE];

	rw_puts(b, "\n");
	rw_field(b, "Paragraph", j->para_ids[p], strlen(j->para_ids[p]));
	rw_field(b, "Quote", s + m->start, m->len);
	rw_printf(b, "Text: Unresolved date: '%.*s' is relative to %s, which is not "
	    "known; no Event was made for it.  Import again with --published DATE, "
	    "or add the Event by hand.\n", (int)m->len, s + m->start,
	    m->kind == RD_ANAPHORIC ? "the date before it in the article" :
	    "the publication date");
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
	imp_new_id(j, 'E', base, id);
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

void
imp_find_dates(struct job *j)
{
	struct ds_date pub;
	struct rd_ctx ctx;

	reldate_init(&ctx, imp_publication(j, &pub) ? &pub : NULL);
	if (imp_forms_init(&j->forms, j) < 0) {
		j->oom = true;
		imp_forms_free(&j->forms);
		return;
	}
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
	imp_forms_free(&j->forms);
}
