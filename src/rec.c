/* Line-oriented parser for the rec subset.  The file is read once (mmap);
 * field names and single-line values point into it, only values with
 * continuation lines are copied. */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

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
	bool oom;
	bool tentative;            /* a half of a parallel parse: see parse_halves */
	uint32_t line;             /* lines parsed so far */
	/* Checked once for the whole buffer: no line before clean_end has a
	 * NUL byte or invalid UTF-8 (splitting at newlines keeps UTF-8 valid),
	 * so only lines from there on are checked one by one. */
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
}

static void
descriptor_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	if (n >= 5 && memcmp(s, "%rec:", 5) == 0) {
		size_t i = 5, j;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		j = i;
		while (j < n && is_name_char(s[j]))
			j++;
		if (j == i || !is_name_start(s[i])) {
			diag_error(p->d, line, "%%rec: without a record type name");
			p->type = NULL;
		} else {
			p->type = s + i;
			p->type_len = (uint32_t)(j - i);
		}
		p->in_record = false;
		p->in_descriptor = true;
		p->last_is_field = false;
		return;
	}
	/* Other descriptor lines (%key:, %mandatory: ...) are accepted and
	 * ignored: the model does its own checks. */
	p->last_is_field = false;
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

	if (!is_name_start(s[0])) {
		diag_error(p->d, line, "malformed field name");
		return;
	}
	while (i < n && is_name_char(s[i]))
		i++;
	if (i == n || s[i] != ':') {
		const char *colon = memchr(s, ':', n);
		diag_error(p->d, line, colon ? "malformed field name" :
		    "field line without ':'");
		p->last_is_field = false;
		return;
	}
	if (p->in_descriptor) {
		p->last_is_field = true;
		return;   /* fields right under %rec: belong to the descriptor */
	}
	if (!p->type) {
		diag_error(p->d, line, "record before any %%rec: line");
		p->type = "";      /* report it once */
		p->type_len = 0;
		return;
	}
	if (!p->in_record && !add_record(p, line)) {
		p->oom = true;
		return;
	}
	if (rf->recs[rf->nrecs - 1].nfields >= REC_MAX_FIELDS) {
		if (!p->too_many)
			diag_error(p->d, line, "more than %d fields in one record",
			    REC_MAX_FIELDS);
		p->too_many = true;
		p->last_is_field = false;
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
	p->last_is_field = true;
}

static void
continuation_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	struct rec_file *rf = p->rf;
	struct rec_field *f;
	char *joined;
	size_t need;

	if (!p->last_is_field) {
		diag_error(p->d, line, "'+' continuation line with no field above it");
		return;
	}
	if (p->in_descriptor || p->type == NULL || !p->in_record)
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

/* Rejects bytes the format forbids; returns false if the line is unusable. */
static bool
check_bytes(struct parser *p, const char *s, size_t n, uint32_t line)
{
	const uint8_t *bad;

	if ((size_t)(s - p->rf->data) + n <= p->clean_end)
		return true;
	if (memchr(s, '\0', n)) {
		diag_error(p->d, line, "NUL byte");
		return false;
	}
	bad = (const uint8_t *)s + text_valid_prefix(s, n);   /* fast u8_check */
	if (bad < (const uint8_t *)s + n) {
		diag_error(p->d, line, "invalid UTF-8 (byte 0x%02x at column %zu)",
		    *bad, (size_t)(bad - (const uint8_t *)s) + 1);
		return false;
	}
	return true;
}

static void
parse_line(struct parser *p, const char *s, size_t n, uint32_t line)
{
	if (n > REC_MAX_LINE) {
		diag_error(p->d, line, "line longer than %lu bytes", REC_MAX_LINE);
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

/* The bytes before the first NUL or invalid UTF-8 sequence. */
static size_t
clean_prefix(const char *buf, size_t size)
{
	const char *nul;

	if (text_clean(buf, size))
		return size;   /* the usual case, found faster */
	nul = memchr(buf, '\0', size);

	return text_valid_prefix(buf, nul ? (size_t)(nul - buf) : size);
}

/* A tentative parse gives up at its first error: the careful parse that
 * follows reports it, and any that come after it. */
static bool
keep_going(const struct parser *p)
{
	return !p->oom && !diag_full(p->d) && !(p->tentative && p->d->count > 0);
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
	rf->joined = NULL;
	rf->fields = NULL;
	rf->recs = NULL;
	rf->njoined = rf->joined_cap = rf->nfields = rf->fields_cap = 0;
	rf->nrecs = rf->recs_cap = 0;
}

/* A large file is parsed in two halves, one on a second core, split at a
 * blank line near the middle: there the parser forgets all but the %rec:
 * type in force, so the second half parses as it would serially once its
 * lines are numbered on and its records before its first %rec: line are
 * given the first half's last type.  The split parse is kept only when it
 * is sure to be what a serial parse gives: no error at all (and clean
 * bytes, which rec_settle makes sure of).
 * Otherwise the file is parsed again serially, so that errors, their
 * order and the DIAG_MAX cap are always those of the serial parse. */
#define PARALLEL_MIN (4UL * 1024 * 1024)

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

/* Parses a half.  Its bytes are not checked here: the whole file is
 * checked afterwards (see rec_settle), while the caller goes on. */
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
 * bytes more to parse, and the second half's lines also cost MERGE_COST
 * for the copy of its fields in merge.  Lines are counted in SAMPLES
 * windows of SAMPLE_BYTES spread over the file, enough to follow how
 * long its lines are (long paragraphs, short fields) for little reading. */
#define LINE_COST 24
#define MERGE_COST 8
#define SAMPLES 64
#define SAMPLE_BYTES 4096

/* Lines per SAMPLE_BYTES at the start of each of SAMPLES equal stretches. */
static void
sample_lines(const char *buf, size_t size, size_t lines[SAMPLES])
{
	size_t stretch = size / SAMPLES;

	for (size_t k = 0; k < SAMPLES; k++) {
		const char *s = buf + k * stretch, *end = s + SAMPLE_BYTES;

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
			second += (double)stretch +
			    per_line * (double)lines[--hi] * (LINE_COST + MERGE_COST);
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
	size_t nf = rf->nfields, nr = rf->nrecs, nj = rf->njoined;
	uint32_t lines = first->line;

	for (size_t i = 0; i < second->nrecs && second->recs[i].type == unknown_type; i++)
		if (!first->type)
			return false;
	/* Room first, so that a failure leaves both as they were. */
	if (!room_for((void **)&rf->fields, &rf->fields_cap, nf + second->nfields,
	    sizeof *rf->fields) ||
	    !room_for((void **)&rf->recs, &rf->recs_cap, nr + second->nrecs,
	    sizeof *rf->recs) ||
	    !room_for((void **)&rf->joined, &rf->joined_cap, nj + second->njoined,
	    sizeof *rf->joined))
		return false;

	/* The copy of the fields costs mostly the first touch of the pages
	 * it writes (a dozen milliseconds at 1000x): two cores share it. */
	size_t half = second->nfields / 2;
	struct field_copy part[2] = {
		{ rf->fields + nf, second->fields, half, lines },
		{ rf->fields + nf + half, second->fields + half, second->nfields - half, lines },
	};
	pthread_t th;
	bool threaded = pthread_create(&th, NULL, copy_thread, &part[1]) == 0;

	copy_fields(&part[0]);
	if (!threaded)
		copy_fields(&part[1]);
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

/* The bytes of a large file are checked for NUL bytes and invalid UTF-8
 * on a second core while they are parsed assuming they are clean (and,
 * with rec_load_early, while the caller goes on with the records); in the
 * rare case that they are not, the file is parsed again the careful way,
 * so that the errors are the same as a serial check gives. */
struct rec_check {
	pthread_t th;
	const char *buf;
	size_t size;
	bool clean;
};

static void *
check_thread(void *arg)
{
	struct rec_check *c = arg;

	c->clean = text_clean(c->buf, c->size);
	return NULL;
}

/* The check of buf on a second core, or NULL (a small file, no thread). */
static struct rec_check *
check_start(const char *buf, size_t size)
{
	struct rec_check *c;

	if (size < PARALLEL_MIN || !(c = malloc(sizeof *c)))
		return NULL;
	*c = (struct rec_check){ .buf = buf, .size = size };
	if (pthread_create(&c->th, NULL, check_thread, c) != 0) {
		free(c);
		return NULL;
	}
	return c;
}

/* Parses the whole buffer on one core; the bytes before clean_end are
 * known to be clean. */
static void
serial(struct rec_file *rf, struct diag *d, size_t clean_end)
{
	struct parser p = { .rf = rf, .d = d, .clean_end = clean_end };

	parse_lines(&p, rf->data, rf->size);
	if (p.oom)
		diag_error(d, p.line, "out of memory");
}

int
rec_settle(struct rec_file *rf, struct diag *d, size_t before)
{
	struct rec_check *c = rf->pending;
	bool clean;

	if (!c)
		return 0;
	pthread_join(c->th, NULL);
	clean = c->clean;
	free(c);
	rf->pending = NULL;
	if (clean)
		return 0;
	diag_truncate(d, before);
	forget_parse(rf);
	serial(rf, d, clean_prefix(rf->data, rf->size));
	return 65;
}

enum way { ANY_WAY, SERIAL, SPLIT };

/* Parses buf into rf, leaving a check of its bytes running in
 * rf->pending if it is large (rec_settle waits for it). */
static int
parse(struct rec_file *rf, const char *buf, size_t size, struct diag *d,
    enum way way)
{
	size_t before = d->count;

	rf->data = buf;
	rf->size = size;
	if (size > REC_MAX_FILE) {
		diag_error(d, 0, "file larger than %lu bytes", REC_MAX_FILE);
		return 1;
	}
	if (way != SERIAL && size >= PARALLEL_MIN && !diag_full(d) &&
	    parse_halves(rf, buf, size, d->file)) {
		/* Both cores are free again: one checks the bytes. */
		if (!(rf->pending = check_start(buf, size)) && !text_clean(buf, size)) {
			forget_parse(rf);
			serial(rf, d, clean_prefix(buf, size));
		}
		return d->count > before;
	}
	if (way == SPLIT)
		return -1;
	rf->pending = way == SERIAL ? NULL : check_start(buf, size);
	serial(rf, d, rf->pending ? size : clean_prefix(buf, size));
	return d->count > before;
}

/* The ways rec_parse may take, each waiting for the check of the bytes. */
static int
parse_settled(struct rec_file *rf, const char *buf, size_t size, struct diag *d,
    enum way way)
{
	size_t before = d->count;
	int rc = parse(rf, buf, size, d, way);

	if (rc < 0)
		return rc;
	rec_settle(rf, d, before);
	return d->count > before;
}

int
rec_parse(struct rec_file *rf, const char *buf, size_t size, struct diag *d)
{
	return parse_settled(rf, buf, size, d, ANY_WAY);
}

int
rec_parse_serial(struct rec_file *rf, const char *buf, size_t size, struct diag *d)
{
	return parse_settled(rf, buf, size, d, SERIAL);
}

int
rec_parse_split(struct rec_file *rf, const char *buf, size_t size, struct diag *d)
{
	return parse_settled(rf, buf, size, d, SPLIT);
}

static int
read_whole(struct rec_file *rf, int fd, size_t size)
{
	char *buf = malloc(size ? size : 1);
	size_t got = 0;

	if (!buf)
		return -1;
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	rf->data = buf;
	rf->size = got;
	rf->mapped = REC_OWNED;
	return 0;
}

int
rec_load(struct rec_file *rf, const char *path, struct diag *d)
{
	size_t before = d->count;
	int rc = rec_load_early(rf, path, d);

	return rec_settle(rf, d, before) ? 65 : rc;
}

int
rec_load_early(struct rec_file *rf, const char *path, struct diag *d)
{
	struct stat st;
	int fd;
	void *map;

	memset(rf, 0, sizeof *rf);
	/* O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
	 * refused as not a regular file); regular files ignore the flag. */
	fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		diag_error(d, 0, "%s", strerror(errno));
		return 66;
	}
	if (fstat(fd, &st) < 0) {
		diag_error(d, 0, "%s", strerror(errno));
		close(fd);
		return 66;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error(d, 0, "%s", S_ISDIR(st.st_mode) ? "is a directory" :
		    "not a regular file");
		close(fd);
		return 66;
	}
	if ((unsigned long long)st.st_size > REC_MAX_FILE) {
		diag_error(d, 0, "file larger than %lu bytes", REC_MAX_FILE);
		close(fd);
		return 65;
	}
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
	/* MAP_POPULATE (Linux): the file is read through at once, so its
	 * pages are mapped in one go rather than one page fault at a time. */
	map = st.st_size > 0 ? mmap(NULL, (size_t)st.st_size, PROT_READ,
	    MAP_PRIVATE | MAP_POPULATE, fd, 0) : MAP_FAILED;
	if (map != MAP_FAILED) {
		rf->data = map;
		rf->size = (size_t)st.st_size;
		rf->mapped = REC_MAPPED;
	} else if (read_whole(rf, fd, (size_t)st.st_size) < 0) {
		diag_error(d, 0, "out of memory");
		close(fd);
		return 70;
	}
	close(fd);
	return parse(rf, rf->data, rf->size, d, ANY_WAY) ? 65 : 0;
}

void
rec_free(struct rec_file *rf)
{
	if (rf->pending) {   /* never settled: the check still reads the file */
		pthread_join(rf->pending->th, NULL);
		free(rf->pending);
	}
	if (rf->mapped == REC_MAPPED)
		munmap((void *)rf->data, rf->size);
	else if (rf->mapped == REC_OWNED)
		free((void *)rf->data);
	forget_parse(rf);
	memset(rf, 0, sizeof *rf);
}

void
rec_release(const struct rec_file *rf, const char *from, const char *to)
{
	long page = sysconf(_SC_PAGESIZE);
	uintptr_t a = (uintptr_t)from, b = (uintptr_t)to;
	uintptr_t start = (uintptr_t)rf->data, end = start + rf->size;

	if (rf->mapped != REC_MAPPED || page <= 0)
		return;
	a = a < start ? start : a;
	b = b > end ? end : b;
	/* The mapping starts on a page and ends within its last one. */
	a &= ~((uintptr_t)page - 1);
	b = (b + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
	/* A private read-only mapping: its pages are the file's, so the
	 * kernel drops them and maps them again on the next read. */
#ifdef MADV_DONTNEED
	if (a < b)
		madvise((void *)a, b - a, MADV_DONTNEED);
#endif
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
