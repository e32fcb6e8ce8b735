/* Line-oriented parser for the rec subset.  The file is read once into
 * memory (not mapped: a file truncated or rewritten while it is open must
 * neither kill the program nor change its records); field names and
 * single-line values point into that copy, only values with continuation
 * lines are copied again. */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "bigmem.h"
#include "i18n.h"
#include "rec.h"
#include "text.h"

struct parser {
	struct rec_file *rf;
	struct diag *d;
	const char *type;          /* current %rec: type */
	uint32_t type_len;
	bool in_descriptor;        /* between %rec: and the next blank line */
	bool in_record;
	bool last_is_field;        /* a + line may continue it */
	bool too_many;             /* the record passed REC_MAX_FIELDS */
	bool dropped;              /* the last field was dropped, reported */
	bool bad_type;             /* the %rec: line in force was bad, reported */
	bool oom;
	bool tentative;            /* a half of a parallel parse: see parse_halves */
	uint32_t line;             /* lines parsed so far */
	/* Checked once for the whole buffer: no line before clean_end has a
	 * NUL byte, invalid UTF-8 or a bare CR (splitting at newlines keeps
	 * UTF-8 valid), so only lines from there on are checked one by one. */
	size_t clean_end;
	size_t joined_room;        /* bytes allocated for the last joined value */
};

static bool
grow(void **p, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 64;
	void *np = realloc(*p, ncap * elem);
	if (!np)
		return false;
	*p = np;
	*cap = ncap;
	return true;
}

static bool
is_name_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '_';
}

static bool
is_blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static void
end_record(struct parser *p)
{
	p->in_record = false;
	p->in_descriptor = false;
	p->last_is_field = false;
	p->too_many = false;
	p->dropped = false;
}

static bool
add_desc(struct parser *p, uint32_t line)
{
	struct rec_file *rf = p->rf;

	if (!grow((void **)&rf->descs, &rf->descs_cap, rf->ndescs, sizeof *rf->descs))
		return false;
	rf->descs[rf->ndescs++] = (struct rec_desc){ p->type, p->type_len, line };
	return true;
}

static void
descriptor_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	p->last_is_field = false;
	p->dropped = false;
	if (n >= 5 && memcmp(s, "%rec:", 5) == 0) {
		size_t i = 5, j, k;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		j = i;
		while (j < n && is_name_char(s[j]))
			j++;
		for (k = j; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		p->type = NULL;
		p->bad_type = true;
		if (j == i || !is_name_start(s[i]))
			diag_error_at(p->d, line, i + 1, _("%%rec: without a record type name"));
		else if (k < n)
			/* GNU rec's "%rec: Type FILE" (records kept elsewhere)
			 * is not part of the format. */
			diag_error_at(p->d, line, k + 1,
			    _("text after the record type name '%.*s': '%.*s'"),
			    (int)(j - i), s + i, (int)(n - k), s + k);
		else {
			p->type = s + i;
			p->type_len = (uint32_t)(j - i);
			p->bad_type = false;
		}
		p->in_record = false;
		p->in_descriptor = true;
		if (!add_desc(p, line))
			p->oom = true;
	}
	/* Other descriptor lines (%key:, %mandatory: ...) are accepted and
	 * ignored: the model does its own checks. */
}

static bool
add_record(struct parser *p, uint32_t line)
{
	struct rec_file *rf = p->rf;

	if (!grow((void **)&rf->recs, &rf->recs_cap, rf->nrecs, sizeof *rf->recs))
		return false;
	rf->recs[rf->nrecs++] = (struct rec_record){
		p->type, p->type_len, line, rf->nfields, 0
	};
	p->in_record = true;
	return true;
}

static void
field_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	struct rec_file *rf = p->rf;
	size_t i = 0;

	p->dropped = false;
	if (!is_name_start(s[0])) {
		diag_error_at(p->d, line, 1, _("malformed field name"));
		p->last_is_field = false;
		return;
	}
	while (i < n && is_name_char(s[i]))
		i++;
	if (i == n || s[i] != ':') {
		const char *colon = memchr(s, ':', n);
		if (colon)
			diag_error_at(p->d, line, i + 1, _("malformed field name"));
		else
			diag_error(p->d, line, _("field line without ':'"));
		p->last_is_field = false;
		return;
	}
	p->last_is_field = true;
	if (p->in_descriptor)
		return;   /* fields right under %rec: belong to the descriptor */
	if (!p->type) {
		/* Under a bad %rec: line the records were reported with it. */
		if (!p->bad_type)
			diag_error(p->d, line, _("record before any %%rec: line"));
		p->bad_type = true;   /* report it once */
		p->dropped = true;
		return;
	}
	if (!p->in_record && !add_record(p, line)) {
		p->oom = true;
		return;
	}
	if (rf->recs[rf->nrecs - 1].nfields >= REC_MAX_FIELDS) {
		if (!p->too_many)
			diag_error(p->d, line, _("more than %d fields in one record"),
			    REC_MAX_FIELDS);
		p->too_many = true;
		p->dropped = true;    /* and its '+' lines with it */
		return;
	}
	if (!grow((void **)&rf->fields, &rf->fields_cap, rf->nfields, sizeof *rf->fields)) {
		p->oom = true;
		return;
	}
	size_t v = i + 1;
	while (v < n && (s[v] == ' ' || s[v] == '\t'))
		v++;
	rf->fields[rf->nfields++] = (struct rec_field){
		s + v, (uint32_t)(s - rf->data), (uint32_t)i, line, (uint32_t)(n - v)
	};
	rf->recs[rf->nrecs - 1].nfields++;
}

static void
continuation_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	struct rec_file *rf = p->rf;
	struct rec_field *f;
	char *joined;
	size_t need;

	if (!p->last_is_field) {
		diag_error(p->d, line, _("'+' continuation line with no field above it"));
		return;
	}
	if (p->dropped || p->in_descriptor || !p->in_record)
		return;
	s++, n--;
	if (n > 0 && s[0] == ' ')
		s++, n--;
	f = &rf->fields[rf->nfields - 1];
	need = f->len + 1 + n + 1;
	if (rf->njoined > 0 && rf->joined[rf->njoined - 1] == f->value) {
		/* This value was already joined: extend its copy in place,
		 * doubling its room, so that a value of many lines is copied
		 * a bounded number of times (not once per line). */
		joined = rf->joined[rf->njoined - 1];
		if (need > p->joined_room) {
			size_t room = p->joined_room * 2 > need ? p->joined_room * 2 : need;
			if (!(joined = realloc(joined, room))) {
				p->oom = true;
				return;
			}
			rf->joined[rf->njoined - 1] = joined;
			p->joined_room = room;
		}
	} else {
		if (!grow((void **)&rf->joined, &rf->joined_cap, rf->njoined, sizeof *rf->joined) ||
		    !(joined = malloc(need))) {
			p->oom = true;
			return;
		}
		memcpy(joined, f->value, f->len);
		rf->joined[rf->njoined++] = joined;
		p->joined_room = need;
	}
	joined[f->len] = '\n';
	memcpy(joined + f->len + 1, s, n);
	joined[f->len + 1 + n] = '\0';
	f->value = joined;
	f->len += (uint32_t)(1 + n);   /* a value is shorter than the file */
}

/* Rejects bytes the format forbids; returns false if the line is unusable
 * (its CRLF's CR, if any, is not in s[0..n)). */
static bool
check_bytes(struct parser *p, const char *s, size_t n, uint32_t line)
{
	const char *bad;

	if ((size_t)(s - p->rf->data) + n <= p->clean_end)
		return true;
	if ((bad = memchr(s, '\0', n)) != NULL) {
		diag_error_at(p->d, line, (size_t)(bad - s) + 1, _("NUL byte"));
		return false;
	}
	bad = s + text_valid_prefix(s, n);   /* fast u8_check */
	if (bad < s + n) {
		diag_error_at(p->d, line, (size_t)(bad - s) + 1, _("invalid UTF-8 (byte 0x%02x)"),
		    (unsigned char)*bad);
		return false;
	}
	if ((bad = memchr(s, '\r', n)) != NULL) {
		diag_error_at(p->d, line, (size_t)(bad - s) + 1,
		    _("bare CR (a line ends with LF or CR LF)"));
		return false;
	}
	return true;
}

static void
parse_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	if (n > REC_MAX_LINE) {
		diag_error(p->d, line, _("line longer than %lu bytes"), REC_MAX_LINE);
		p->last_is_field = false;
		return;
	}
	if (!check_bytes(p, s, n, line)) {
		p->last_is_field = false;
		return;
	}
	if (is_blank_line(s, n))
		end_record(p);
	else if (s[0] == '#')
		;  /* a comment does not end a field's continuation */
	else if (s[0] == '%')
		descriptor_line(p, s, n, line);
	else if (s[0] == '+')
		continuation_line(p, s, n, line);
	else
		field_line(p, s, n, line);
}

/* Where the first CR not followed by LF is in s[0..n), or NULL. */
static const char *
bare_cr(const char *s, size_t n)
{
	const char *end = s + n;

	while ((s = memchr(s, '\r', (size_t)(end - s))) != NULL) {
		if (s + 1 == end || s[1] != '\n')
			return s;
		s += 2;
	}
	return NULL;
}

/* Are s[0..n) all bytes the format allows: no NUL, valid UTF-8 (no
 * character cut off at the end), no bare CR? */
static bool
bytes_clean(const char *s, size_t n)
{
	return text_clean(s, n) && !bare_cr(s, n);
}

/* The bytes before the first NUL, invalid UTF-8 sequence or bare CR. */
static size_t
clean_prefix(const char *buf, size_t size)
{
	const char *nul, *cr;
	size_t n;

	if (bytes_clean(buf, size))
		return size;   /* the usual case, found faster */
	nul = memchr(buf, '\0', size);
	n = text_valid_prefix(buf, nul ? (size_t)(nul - buf) : size);
	cr = bare_cr(buf, n);
	return cr ? (size_t)(cr - buf) : n;
}

/* A tentative parse gives up at its first error: the careful parse that
 * follows reports it, and any that come after it.  Errors past DIAG_MAX
 * are only counted, so that the message can say how many there were. */
static bool
keep_going(const struct parser *p)
{
	return !p->oom && !(p->tentative && p->d->count > 0);
}

/* Parses the lines of buf[0..size), which starts at a line, numbering them
 * on from p->line. */
static void
parse_lines(struct parser *p, const char *buf, size_t size)
{
	size_t pos = 0;

	while (pos < size && keep_going(p)) {
		const char *nl = memchr(buf + pos, '\n', size - pos);
		size_t end = nl ? (size_t)(nl - buf) : size;
		size_t n = end - pos;

		p->line++;
		if (n > 0 && buf[pos + n - 1] == '\r')
			n--;
		parse_line(p, buf + pos, n, p->line);
		pos = end + 1;
	}
}

/* Forgets what a parse produced, the file itself kept. */
static void
forget_parse(struct rec_file *rf)
{
	for (size_t i = 0; i < rf->njoined; i++)
		free(rf->joined[i]);
	free(rf->joined);
	free(rf->fields);
	free(rf->recs);
	free(rf->descs);
	rf->joined = NULL;
	rf->fields = NULL;
	rf->recs = NULL;
	rf->descs = NULL;
	rf->njoined = rf->joined_cap = rf->nfields = rf->fields_cap = 0;
	rf->nrecs = rf->recs_cap = 0;
	rf->ndescs = rf->descs_cap = 0;
}

/* A large file is parsed in two halves, one on a second core, split at a
 * blank line near the middle: there the parser forgets all but the %rec:
 * type in force, so the second half parses as it would serially once its
 * lines are numbered on and its records before its first %rec: line are
 * given the first half's last type.  Only clean bytes are parsed so, and
 * the split parse is kept only when it is sure to be what a serial parse
 * gives: no error at all.  Otherwise the file is parsed again serially,
 * so that errors and their order are always those of the serial parse. */

/* Stands for the type in force where the second half starts, unknown
 * until the first half is done: only its address is used. */
static const char unknown_type[] = "";

struct half {
	const char *buf;           /* its bytes, whole lines */
	size_t size;
	struct parser p;
	struct rec_file own;       /* the second half's arrays */
	struct diag d;             /* its errors, only counted */
};

/* Sets up h to parse buf[0..size) into rf, whose data is where the
 * parser's clean_end counts from. */
static void
half_init(struct half *h, const char *buf, size_t size, struct rec_file *rf,
    const char *file)
{
	h->buf = buf;
	h->size = size;
	diag_init(&h->d, file);
	h->p = (struct parser){ .rf = rf, .d = &h->d, .tentative = true };
}

/* Parses a half, whose bytes were checked already. */
static void
parse_half(struct half *h)
{
	h->p.clean_end = (size_t)(h->buf + h->size - h->p.rf->data);
	parse_lines(&h->p, h->buf, h->size);
}

static bool
half_ok(const struct half *h)
{
	return !h->p.oom && h->d.count == 0;
}

static void *
half_thread(void *arg)
{
	parse_half(arg);
	return NULL;
}

/* The halves should take the same time, but the cost of a stretch of the
 * file is not just its bytes: each line costs about as much as LINE_COST
 * bytes more to parse (at 1000x, timed per half: 31 ns a line, 0.155 ns
 * a byte).  The merge after them is on both cores and does not move the
 * balance.  Lines are counted in SAMPLES windows of SAMPLE_BYTES spread
 * over the file, enough to follow how long its lines are (long
 * paragraphs, short fields) for little reading. */
#define LINE_COST 200
#define SAMPLES 64
#define SAMPLE_BYTES 4096

/* Lines per SAMPLE_BYTES at the start of each of SAMPLES equal stretches. */
static void
sample_lines(const char *buf, size_t size, size_t lines[SAMPLES])
{
	size_t stretch = size / SAMPLES;

	for (size_t k = 0; k < SAMPLES; k++) {
		const char *s = buf + k * stretch, *end = s + SAMPLE_BYTES;

		if (end > buf + size)   /* a small file (the fuzz build's) */
			end = buf + size;

		lines[k] = 0;
		while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL && ++s < end)
			lines[k]++;
	}
}

/* Where the halves should meet to take the same time, estimated. */
static size_t
balance_point(const char *buf, size_t size)
{
	size_t lines[SAMPLES], stretch = size / SAMPLES;
	double first = 0, second = 0, per_line = (double)stretch / SAMPLE_BYTES;
	size_t lo = 0, hi = SAMPLES;

	sample_lines(buf, size, lines);
	/* Stretches go to whichever half has cost less so far. */
	while (lo < hi) {
		if (first <= second)
			first += (double)stretch + per_line * (double)lines[lo++] * LINE_COST;
		else
			second += (double)stretch + per_line * (double)lines[--hi] * LINE_COST;
	}
	return lo * stretch;
}

/* Where the second half starts: just past a blank line (as parse_line
 * sees it) at or after from, or 0 if none comes soon. */
static size_t
split_point(const char *buf, size_t size, size_t from)
{
	size_t pos = from, stop = from + size / 8 < size ? from + size / 8 : size;

	while (pos < stop) {
		const char *nl = memchr(buf + pos, '\n', stop - pos);
		size_t start, end, n;

		if (!nl)
			return 0;
		start = (size_t)(nl - buf) + 1;
		nl = memchr(buf + start, '\n', size - start);
		if (!nl)
			return 0;   /* the last line: nothing to split off */
		end = (size_t)(nl - buf);
		n = end - start;
		if (n > 0 && buf[end - 1] == '\r')
			n--;
		if (n <= REC_MAX_LINE && is_blank_line(buf + start, n))
			return end + 1;
		pos = end;
	}
	return 0;
}

/* Makes room for n elements in *p, exactly, as the arrays of a parse
 * do not grow afterwards. */
static bool
room_for(void **p, size_t *cap, size_t n, size_t elem)
{
	void *np;

	if (n <= *cap)
		return true;
	if (!(np = realloc(*p, n * elem)))
		return false;
	*p = np;
	*cap = n;
	return true;
}

/* A part of the second half's fields copied into place, their lines
 * numbered on. */
struct field_copy {
	struct rec_field *to;
	const struct rec_field *from;
	size_t n;
	uint32_t lines;
};

static void
copy_fields(const struct field_copy *c)
{
	for (size_t i = 0; i < c->n; i++) {
		c->to[i] = c->from[i];
		c->to[i].line += c->lines;
	}
}

static void *
copy_thread(void *arg)
{
	copy_fields(arg);
	return NULL;
}

/* Appends the second half's records and fields to rf's, numbering its
 * lines on from the first half's and giving its records before its first
 * %rec: line the type in force at the end of the first half.  False,
 * with neither changed, if a serial parse would not give this (such a
 * record with no type in force is an error) or on lack of memory. */
static bool
merge(struct rec_file *rf, const struct parser *first, struct rec_file *second)
{
	size_t nf = rf->nfields, nr = rf->nrecs, nj = rf->njoined, nd = rf->ndescs;
	uint32_t lines = first->line;

	for (size_t i = 0; i < second->nrecs && second->recs[i].type == unknown_type; i++)
		if (!first->type)
			return false;
	/* The first half's type in force may have been a bad one (then
	 * reported), and the second half's records under it must not be
	 * taken: a serial parse drops them. */
	if (first->bad_type && second->nrecs && second->recs[0].type == unknown_type)
		return false;
	/* Room first, so that a failure leaves both as they were. */
	if (!room_for((void **)&rf->fields, &rf->fields_cap, nf + second->nfields,
	    sizeof *rf->fields) ||
	    !room_for((void **)&rf->recs, &rf->recs_cap, nr + second->nrecs,
	    sizeof *rf->recs) ||
	    !room_for((void **)&rf->joined, &rf->joined_cap, nj + second->njoined,
	    sizeof *rf->joined) ||
	    !room_for((void **)&rf->descs, &rf->descs_cap, nd + second->ndescs,
	    sizeof *rf->descs))
		return false;

	/* The copy of the fields costs mostly the first touch of the pages
	 * it writes (a dozen milliseconds at 1000x): two cores share it. */
	size_t half = second->nfields / 2;
	struct field_copy part[2];
	pthread_t th;
	bool threaded = false;

	/* A second half without fields (descriptor lines only) may have
	 * no array at all: nothing to copy, and no pointer to offset. */
	if (second->nfields) {
		part[0] = (struct field_copy){ rf->fields + nf, second->fields, half, lines };
		part[1] = (struct field_copy){ rf->fields + nf + half, second->fields + half,
		    second->nfields - half, lines };
		threaded = pthread_create(&th, NULL, copy_thread, &part[1]) == 0;
		copy_fields(&part[0]);
		if (!threaded)
			copy_fields(&part[1]);
	}
	for (size_t i = 0; i < second->nrecs; i++) {
		struct rec_record *r = &rf->recs[nr + i];

		*r = second->recs[i];
		r->line += lines;
		r->first += nf;
		if (r->type == unknown_type) {
			r->type = first->type;
			r->type_len = first->type_len;
		}
	}
	if (threaded)
		pthread_join(th, NULL);
	for (size_t i = 0; i < second->ndescs; i++) {
		rf->descs[nd + i] = second->descs[i];
		rf->descs[nd + i].line += lines;
	}
	rf->ndescs += second->ndescs;
	/* The joined values now belong to rf. */
	if (second->njoined)    /* else both may be NULL */
		memcpy(rf->joined + nj, second->joined, second->njoined * sizeof *rf->joined);
	rf->nfields += second->nfields;
	rf->nrecs += second->nrecs;
	rf->njoined += second->njoined;
	second->njoined = 0;
	return true;
}

/* The parallel parse of a large file into rf (empty).  True if it gave
 * what a serial parse gives, which is then in rf; false, rf left empty,
 * if the file must be parsed serially. */
static bool
parse_halves(struct rec_file *rf, const char *buf, size_t size, const char *file)
{
	size_t split = split_point(buf, size, balance_point(buf, size));
	struct half first, second;
	pthread_t th;
	bool ok;

	if (split == 0)
		return false;
	memset(&second.own, 0, sizeof second.own);
	second.own.data = buf;     /* names are at offsets in the whole file */
	half_init(&first, buf, split, rf, file);
	half_init(&second, buf + split, size - split, &second.own, file);
	second.p.type = unknown_type;
	if (pthread_create(&th, NULL, half_thread, &second) != 0)
		return false;
	parse_half(&first);
	pthread_join(th, NULL);
	ok = half_ok(&first) && half_ok(&second) && merge(rf, &first.p, &second.own);
	forget_parse(&second.own);
	diag_free(&first.d);
	diag_free(&second.d);
	if (!ok)
		forget_parse(rf);
	return ok;
}

/* Parses the whole buffer on one core; the bytes before clean_end are
 * known to be clean.  Returns 0, 65 or 70 (out of memory). */
static int
serial(struct rec_file *rf, struct diag *d, size_t clean_end)
{
	struct parser p = { .rf = rf, .d = d, .clean_end = clean_end };
	size_t before = d->count;

	parse_lines(&p, rf->data, rf->size);
	if (p.oom) {
		diag_error(d, 0, _("out of memory"));
		return 70;
	}
	return d->count > before ? 65 : 0;
}

enum way { ANY_WAY, SERIAL, SPLIT };

/* Parses buf into rf; clean: buf is known to hold only clean bytes. */
static int
parse(struct rec_file *rf, const char *buf, size_t size, struct diag *d,
    enum way way, bool clean)
{
	rf->data = buf;
	rf->size = size;
	if (size > REC_MAX_FILE) {
		diag_error(d, 0, _("file larger than %lu bytes"), REC_MAX_FILE);
		return 65;
	}
	if (way != SERIAL && clean && size >= REC_PARALLEL_MIN &&
	    parse_halves(rf, buf, size, d->file))
		return 0;
	if (way == SPLIT)
		return -1;
	return serial(rf, d, clean ? size : clean_prefix(buf, size));
}

int
rec_parse(struct rec_file *rf, const char *buf, size_t size, struct diag *d)
{
	return parse(rf, buf, size, d, ANY_WAY, bytes_clean(buf, size));
}

int
rec_parse_serial(struct rec_file *rf, const char *buf, size_t size, struct diag *d)
{
	return parse(rf, buf, size, d, SERIAL, false);
}

int
rec_parse_split(struct rec_file *rf, const char *buf, size_t size, struct diag *d)
{
	return parse(rf, buf, size, d, SPLIT, bytes_clean(buf, size));
}

/* Reading.  The file is read in pieces of READ_PIECE bytes, which the
 * threads (one, or two for a large file) take in turn as they come free,
 * so that neither waits for the other when one reads slower (fresh memory
 * is slower to fill on some machines).  Each piece is checked as soon as
 * it is read (while it is in the cache) from its first line start to its
 * last, so no character is cut off; the bytes around the joints and after
 * the last newline are checked once all pieces are in. */
#ifndef READ_PIECE
#define READ_PIECE (1UL << 20)
#endif

struct piece {
	size_t got;                /* bytes read: less than asked if the file ended */
	int err;                   /* errno of a failed read, or 0 */
	size_t from, to;           /* [from, to) was checked; from SIZE_MAX: no newline */
	bool clean;                /* and was clean */
};

struct reader {
	int fd;
	char *buf;
	size_t size;
	struct piece *pieces;
	size_t npieces;
	atomic_size_t next;        /* the next piece nobody took */
};

static void
read_piece(const struct reader *r, size_t k, struct piece *p)
{
	size_t at = k * READ_PIECE, want = r->size - at < READ_PIECE ? r->size - at : READ_PIECE;
	const char *nl;

	*p = (struct piece){ .from = SIZE_MAX, .to = SIZE_MAX };
	while (p->got < want) {
		ssize_t n = pread(r->fd, r->buf + at + p->got, want - p->got, (off_t)(at + p->got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			p->err = errno;
			return;
		}
		if (n == 0)
			return;    /* the file is shorter than it was */
		p->got += (size_t)n;
	}
	/* The first piece starts at a line; any other after its first newline. */
	nl = k == 0 ? r->buf - 1 : memchr(r->buf + at, '\n', want);
	if (!nl)
		return;
	p->from = (size_t)(nl + 1 - r->buf);
	nl = memrchr(r->buf + p->from, '\n', at + want - p->from);
	p->to = nl ? (size_t)(nl + 1 - r->buf) : p->from;
	p->clean = bytes_clean(r->buf + p->from, p->to - p->from);
}

static void *
reader_thread(void *arg)
{
	struct reader *r = arg;
	size_t k;

	while ((k = atomic_fetch_add(&r->next, 1)) < r->npieces)
		read_piece(r, k, &r->pieces[k]);
	return NULL;
}

/* Were all pieces read whole and clean, joints included? */
static bool
pieces_clean(const struct reader *r)
{
	size_t done = 0;   /* the bytes before it are checked */

	for (size_t k = 0; k < r->npieces; k++) {
		const struct piece *p = &r->pieces[k];
		if (p->from == SIZE_MAX)
			continue;  /* no newline: the joint runs on over it */
		if (!p->clean || !bytes_clean(r->buf + done, p->from - done))
			return false;
		done = p->to;
	}
	return bytes_clean(r->buf + done, r->size - done);
}

/* Reads size bytes of fd into buf, on two threads if it is large; *clean
 * tells whether they were all checked clean.  Returns 0, an errno, or
 * -1 when out of memory; *got is less than size if the file got shorter meanwhile. */
static int
read_file(int fd, char *buf, size_t size, size_t *got, bool *clean)
{
	struct reader r = { .fd = fd, .buf = buf, .size = size,
	    .npieces = (size + READ_PIECE - 1) / READ_PIECE };
	pthread_t th;
	bool threaded = false;

	*got = 0;
	*clean = false;
	if (!(r.pieces = calloc(r.npieces ? r.npieces : 1, sizeof *r.pieces)))
		return -1;
	atomic_init(&r.next, 0);
	if (size >= REC_PARALLEL_MIN)
		threaded = pthread_create(&th, NULL, reader_thread, &r) == 0;
	reader_thread(&r);
	if (threaded)
		pthread_join(th, NULL);
	for (size_t k = 0; k < r.npieces; k++) {
		if (r.pieces[k].err) {
			int err = r.pieces[k].err;
			free(r.pieces);
			return err;
		}
	}
	/* A short piece is where the file ended as it was read. */
	for (size_t k = 0; k < r.npieces && *got == k * READ_PIECE; k++)
		*got += r.pieces[k].got;
	*clean = *got == size && pieces_clean(&r);
	free(r.pieces);
	return 0;
}

static void
stamp_of(const struct stat *st, struct rec_stamp *t)
{
	*t = (struct rec_stamp){ st->st_dev, st->st_ino, st->st_size, st->st_mtim };
}

int
rec_stamp_of(const char *path, struct rec_stamp *t)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	stamp_of(&st, t);
	return 0;
}

bool
rec_stamp_same(const struct rec_stamp *a, const struct rec_stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	    a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* Opens path for reading: the descriptor, or -1 with the message in d
 * and *rc set. */
static int
open_file(const char *path, struct stat *st, struct diag *d, int *rc)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
	 * refused as not a regular file); regular files ignore the flag. */
	int fd = open(path, O_RDONLY | O_NONBLOCK);

	*rc = 66;
	if (fd < 0) {
		diag_error(d, 0, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, st) < 0) {
		diag_error(d, 0, "%s", strerror(errno));
	} else if (!S_ISREG(st->st_mode)) {
		diag_error(d, 0, "%s", S_ISDIR(st->st_mode) ? _("is a directory") :
		    _("not a regular file"));
	} else if ((unsigned long long)st->st_size > REC_MAX_FILE) {
		diag_error(d, 0, _("file larger than %lu bytes"), REC_MAX_FILE);
		*rc = 65;
	} else
		return fd;
	close(fd);
	return -1;
}

int
rec_load(struct rec_file *rf, const char *path, struct diag *d)
{
	struct stat st;
	size_t size, got;
	bool clean;
	char *buf;
	int fd, rc, err;

	memset(rf, 0, sizeof *rf);
	if ((fd = open_file(path, &st, d, &rc)) < 0)
		return rc;
	size = (size_t)st.st_size;
	if (!(buf = bigmem_alloc(size + 1))) {
		close(fd);
		diag_error(d, 0, _("out of memory"));
		return 70;
	}
	err = read_file(fd, buf, size, &got, &clean);
	close(fd);
	if (err) {
		free(buf);
		if (err < 0) {
			diag_error(d, 0, _("out of memory"));
			return 70;
		}
		diag_error(d, 0, _("read error: %s"), strerror(err));
		return 66;
	}
	/* A file that got shorter as it was read is taken as far as it was
	 * read (and its stamp tells that it changed). */
	stamp_of(&st, &rf->stamp);
	rf->owned = true;
	return parse(rf, buf, got, d, ANY_WAY, clean);
}

void
rec_free(struct rec_file *rf)
{
	if (rf->owned)
		free((void *)rf->data);
	forget_parse(rf);
	memset(rf, 0, sizeof *rf);
}

unsigned long
rec_value_col(const struct rec_file *rf, const struct rec_field *f)
{
	const char *line = rf->data + f->name_off, *s = line + f->name_len + 1;

	while (s < rf->data + rf->size && (*s == ' ' || *s == '\t'))
		s++;
	return (unsigned long)(s - line) + 1;
}

const struct rec_field *
rec_get(const struct rec_file *rf, const struct rec_record *r, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		if (f->name_len == n && memcmp(rec_field_name(rf, f), name, n) == 0)
			return f;
	}
	return NULL;
}
