/* The reader's own layer in memory: changes, and the merge with what
 * another process saved meanwhile. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <unistr.h>

#include "state.h"

static char *
dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

void
state_place_free(struct state_place *p)
{
	free(p->focus);
	free(p->para);
	free(p->event);
	free(p->person);
	memset(p, 0, sizeof *p);
}

int
state_place_copy(struct state_place *to, const struct state_place *from)
{
	struct state_place c = { dup_or_null(from->focus), dup_or_null(from->para),
		from->offset, dup_or_null(from->event), dup_or_null(from->person) };

	if ((from->focus && !c.focus) || (from->para && !c.para) ||
	    (from->event && !c.event) || (from->person && !c.person)) {
		state_place_free(&c);
		return -1;
	}
	*to = c;
	return 0;
}

static void
note_free(struct state_note *n)
{
	free(n->id);
	free(n->para);
	free(n->quote);
	free(n->text);
	memset(n, 0, sizeof *n);
}

static int
note_copy(struct state_note *to, const struct state_note *from)
{
	struct state_note c = *from;

	c.id = strdup(from->id);
	c.para = dup_or_null(from->para);
	c.quote = dup_or_null(from->quote);
	c.text = dup_or_null(from->text);
	if (!c.id || (from->para && !c.para) || (from->quote && !c.quote) ||
	    (from->text && !c.text)) {
		note_free(&c);
		return -1;
	}
	*to = c;
	return 0;
}

static void
history_free(char **h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(h[i]);
	free(h);
}

void
state_data_free(struct state_data *d)
{
	free(d->dossier);
	free(d->content);
	state_place_free(&d->place);
	for (size_t i = 0; i < STATE_NMARKS; i++)
		free(d->marks[i].para);
	for (size_t i = 0; i < d->nnotes; i++)
		note_free(&d->notes[i]);
	free(d->notes);
	history_free(d->history, d->nhistory);
	memset(d, 0, sizeof *d);
}

int
state_mark_index(int letter)
{
	if (letter >= 'a' && letter <= 'z')
		return letter - 'a';
	if (letter >= 'A' && letter <= 'Z')
		return 26 + letter - 'A';
	return -1;
}

long
state_note_find(const struct state_data *d, const char *id)
{
	for (size_t i = 0; i < d->nnotes; i++)
		if (strcmp(d->notes[i].id, id) == 0)
			return (long)i;
	return -1;
}

static bool
is_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *
state_clean(const char *s, bool one_line)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	uint8_t *out, *o;

	while (p < end && is_blank(*p))
		p++;
	while (end > p && is_blank(end[-1]))
		end--;
	/* A bad byte (1) may become U+FFFD (3). */
	if (!(out = malloc(3 * (size_t)(end - p) + 1)))
		return NULL;
	o = out;
	while (p < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (one_line && (uc == '\n' || uc == '\r'))
			uc = ' ';
		int w = u8_uctomb(o, uc, 4);
		if (w <= 0 || (size_t)(o - out) + (size_t)w > STATE_TEXT_MAX)
			break;
		o += w;
		p += n;
	}
	*o = '\0';
	return (char *)out;
}

void
state_time_format(state_time t, char buf[32])
{
	time_t sec = (time_t)(t / 1000000);
	long us = (long)(t % 1000000);
	struct tm tm;
	char out[96]; /* room for any int, for the compiler's check */

	if (us < 0)
		us += 1000000, sec--;
	gmtime_r(&sec, &tm);
	snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, us);
	size_t n = strlen(out) < 31 ? strlen(out) : 31;
	memcpy(buf, out, n);
	buf[n] = '\0';
}

static bool
digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), as timegm would
 * give, without its dependence on the environment. */
static int64_t
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
state_time_parse(const char *s, size_t n, state_time *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.ddddddZ";
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, mo, d, h, mi, sec, us;

	if (n != sizeof shape - 1)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (shape[i] != 'd' && s[i] != shape[i])
			return -1;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d) ||
	    !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi) ||
	    !digits(s + 17, 2, &sec) || !digits(s + 20, 6, &us))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 ||
	    sec > 60)
		return -1;
	if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return -1;
	*t = ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60 + sec;
	*t = *t * 1000000 + us;
	return 0;
}

state_time
state_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (state_time)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* --- the merge --- */

/* Whether a should replace b (same id): the later update; on a tie the
 * tombstone, then the greater text, so that every process agrees. */
static bool
note_wins(const struct state_note *a, const struct state_note *b)
{
	if (a->updated != b->updated)
		return a->updated > b->updated;
	if (a->deleted != b->deleted)
		return a->deleted;
	if (a->deleted)
		return false;
	return strcmp(a->text, b->text) > 0;
}

static int
notes_reserve(struct state_data *d, size_t more)
{
	if (d->nnotes + more <= d->notes_cap)
		return 0;
	size_t cap = d->notes_cap ? d->notes_cap : 8;
	while (cap < d->nnotes + more)
		cap *= 2;
	struct state_note *n = realloc(d->notes, cap * sizeof *n);
	if (!n)
		return -1;
	d->notes = n;
	d->notes_cap = cap;
	return 0;
}

int
state_merge_note(struct state_data *mine, const struct state_note *t)
{
	long k = state_note_find(mine, t->id);
	struct state_note c;

	if (k >= 0 && !note_wins(t, &mine->notes[k]))
		return 0;
	if ((k < 0 && notes_reserve(mine, 1) != 0) || note_copy(&c, t) != 0)
		return -1;
	if (k >= 0) {
		note_free(&mine->notes[k]);
		mine->notes[k] = c;
	} else {
		mine->notes[mine->nnotes++] = c;
	}
	return 0;
}

struct id_key {
	const char *id;
	size_t i;
};

static int
by_id(const void *pa, const void *pb)
{
	const struct id_key *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	return c ? c : (a->i > b->i) - (a->i < b->i);
}

int
state_dedupe_notes(struct state_data *d)
{
	size_t n = d->nnotes, kept = 0;
	struct id_key *k;
	bool *drop;

	if (n < 2)
		return 0;
	k = malloc(n * sizeof *k);
	drop = calloc(n, sizeof *drop);
	if (!k || !drop) {
		free(k);
		free(drop);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		k[i] = (struct id_key){ d->notes[i].id, i };
	qsort(k, n, sizeof *k, by_id);
	for (size_t a = 0, b; a < n; a = b) {
		size_t w = a;
		for (b = a + 1; b < n && strcmp(k[b].id, k[a].id) == 0; b++)
			if (note_wins(&d->notes[k[b].i], &d->notes[k[w].i]))
				w = b;
		/* The winner takes the place of the first of them. */
		if (w != a) {
			struct state_note t = d->notes[k[a].i];
			d->notes[k[a].i] = d->notes[k[w].i];
			d->notes[k[w].i] = t;
		}
		for (size_t j = a + 1; j < b; j++)
			drop[k[j].i] = true;
	}
	for (size_t i = 0; i < n; i++) {
		if (drop[i])
			note_free(&d->notes[i]);
		else
			d->notes[kept++] = d->notes[i];
	}
	d->nnotes = kept;
	free(k);
	free(drop);
	return 0;
}

/* Theirs are added after mine and each id kept once, the winner in the
 * place of the first: a sort rather than a search per note, as a file
 * may hold thousands. */
static int
merge_notes(struct state_data *mine, const struct state_data *theirs)
{
	if (notes_reserve(mine, theirs->nnotes) != 0)
		return -1;
	for (size_t i = 0; i < theirs->nnotes; i++) {
		if (note_copy(&mine->notes[mine->nnotes], &theirs->notes[i]) != 0)
			return -1;
		mine->nnotes++;
	}
	return state_dedupe_notes(mine);
}

static int
merge_marks(struct state_data *mine, const struct state_data *theirs)
{
	for (size_t i = 0; i < STATE_NMARKS; i++) {
		const struct state_mark *t = &theirs->marks[i];
		struct state_mark *m = &mine->marks[i];
		if (!t->para || (m->para && m->set >= t->set))
			continue;
		char *p = strdup(t->para);
		if (!p)
			return -1;
		free(m->para);
		*m = *t;
		m->para = p;
	}
	return 0;
}

static int
merge_place(struct state_data *mine, const struct state_data *theirs)
{
	struct state_place c;

	if (!theirs->have_place || (mine->have_place && mine->place_set >= theirs->place_set))
		return 0;
	if (state_place_copy(&c, &theirs->place) != 0)
		return -1;
	state_place_free(&mine->place);
	mine->place = c;
	mine->place_set = theirs->place_set;
	mine->have_place = true;
	return 0;
}

/* Appends q to h[0..*n) (room for *n + 1), first removing an equal entry;
 * takes q. */
static void
history_push(char **h, size_t *n, char *q)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcmp(h[i], q) == 0) {
			free(h[i]);
			memmove(h + i, h + i + 1, (*n - i - 1) * sizeof *h);
			(*n)--;
			break;
		}
	}
	h[(*n)++] = q;
}

/* Keeps the last STATE_HISTORY_MAX of h[0..*n). */
static void
history_trim(char **h, size_t *n)
{
	if (*n <= STATE_HISTORY_MAX)
		return;
	size_t drop = *n - STATE_HISTORY_MAX;
	for (size_t i = 0; i < drop; i++)
		free(h[i]);
	memmove(h, h + drop, STATE_HISTORY_MAX * sizeof *h);
	*n = STATE_HISTORY_MAX;
}

static int
merge_history(struct state_data *mine, const struct state_data *theirs,
    char *const *queries, size_t nq)
{
	char **h = malloc((theirs->nhistory + nq + 1) * sizeof *h);
	size_t n = 0;

	if (!h)
		return -1;
	for (size_t i = 0; i < theirs->nhistory + nq; i++) {
		const char *s = i < theirs->nhistory ? theirs->history[i] :
		    queries[i - theirs->nhistory];
		char *c = strdup(s);
		if (!c) {
			history_free(h, n);
			return -1;
		}
		history_push(h, &n, c);
	}
	history_trim(h, &n);
	history_free(mine->history, mine->nhistory);
	mine->history = h;
	mine->nhistory = n;
	return 0;
}

int
state_merge(struct state_data *mine, const struct state_data *theirs,
    char *const *queries, size_t nqueries)
{
	if (merge_notes(mine, theirs) != 0 || merge_marks(mine, theirs) != 0 ||
	    merge_place(mine, theirs) != 0 ||
	    merge_history(mine, theirs, queries, nqueries) != 0)
		return -1;
	return 0;
}

/* --- changes --- */

int
state_set_place(struct state *st, const struct state_place *p, state_time now)
{
	struct state_place *o = &st->d.place;
	struct state_place c;

	if (st->d.have_place && same_str(o->focus, p->focus) && same_str(o->para, p->para) &&
	    o->offset == p->offset && same_str(o->event, p->event) &&
	    same_str(o->person, p->person))
		return 0;
	if (state_place_copy(&c, p) != 0)
		return -1;
	state_place_free(o);
	*o = c;
	st->d.have_place = true;
	st->d.place_set = now;
	st->dirty = true;
	return 0;
}

int
state_set_mark(struct state *st, int letter, const char *para, size_t offset,
    state_time now)
{
	int i = state_mark_index(letter);
	char *p;

	if (i < 0)
		return 0;
	if (!(p = strdup(para)))
		return -1;
	free(st->d.marks[i].para);
	st->d.marks[i] = (struct state_mark){ p, offset, now };
	st->dirty = st->urgent = true;
	return 0;
}

const struct state_mark *
state_get_mark(const struct state *st, int letter)
{
	int i = state_mark_index(letter);

	return i >= 0 && st->d.marks[i].para ? &st->d.marks[i] : NULL;
}

/* An id no other process makes: the time, the process and a serial. */
static char *
new_note_id(struct state *st, state_time now)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%llx-%lx-%u", (unsigned long long)now,
	    (unsigned long)getpid(), ++st->serial);
	return strdup(buf);
}

int
state_add_note(struct state *st, const char *para, const char *quote,
    const char *text, state_time now)
{
	struct state_note n = { 0 };

	if (notes_reserve(&st->d, 1) != 0)
		return -1;
	n.id = new_note_id(st, now);
	n.para = strdup(para);
	n.quote = state_clean(quote, true);
	n.text = state_clean(text, false);
	n.created = n.updated = now;
	if (!n.id || !n.para || !n.quote || !n.text) {
		note_free(&n);
		return -1;
	}
	st->d.notes[st->d.nnotes++] = n;
	st->dirty = st->urgent = true;
	return 0;
}

static struct state_note *
live_note(struct state *st, const char *id)
{
	long k = state_note_find(&st->d, id);

	return k >= 0 && !st->d.notes[k].deleted ? &st->d.notes[k] : NULL;
}

/* An update is later than the one it replaces even when the clock went
 * back, so that the merge keeps it. */
static state_time
later(state_time now, state_time before)
{
	return now > before ? now : before + 1;
}

int
state_edit_note(struct state *st, const char *id, const char *text, state_time now)
{
	struct state_note *n = live_note(st, id);
	char *t;

	if (!n)
		return 1;
	if (!(t = state_clean(text, false)))
		return -1;
	free(n->text);
	n->text = t;
	n->updated = later(now, n->updated);
	st->dirty = st->urgent = true;
	return 0;
}

int
state_delete_note(struct state *st, const char *id, state_time now)
{
	struct state_note *n = live_note(st, id);

	if (!n)
		return 1;
	free(n->para);
	free(n->quote);
	free(n->text);
	n->para = n->quote = n->text = NULL;
	n->deleted = true;
	n->updated = later(now, n->updated);
	st->dirty = st->urgent = true;
	return 0;
}

int
state_add_query(struct state *st, const char *query)
{
	char *h = state_clean(query, true), *q = h ? strdup(h) : NULL;
	char **nh = q ? realloc(st->d.history, (st->d.nhistory + 1) * sizeof *nh) : NULL;
	char **nq = nh ? realloc(st->queries, (st->nqueries + 1) * sizeof *nq) : NULL;

	if (nh)
		st->d.history = nh;
	if (!nq) {
		free(h);
		free(q);
		return -1;
	}
	st->queries = nq;
	if (!*h) {
		free(h);
		free(q);
		return 0;
	}
	history_push(st->d.history, &st->d.nhistory, h);
	history_trim(st->d.history, &st->d.nhistory);
	history_push(st->queries, &st->nqueries, q);
	history_trim(st->queries, &st->nqueries);
	st->dirty = true;
	return 0;
}

const char *
state_take_warning(struct state *st, char buf[512])
{
	if (!st->warning[0])
		return NULL;
	memcpy(buf, st->warning, sizeof st->warning);
	st->warning[0] = '\0';
	return buf;
}
