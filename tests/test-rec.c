/* Unit tests of the GNU rec reader (src/rec.c): records, fields, their
 * lines, continuation lines and comments, and every kind of bad input. */
#include <config.h>

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "rec.h"

struct parsed {
	struct rec_file rf;
	struct diag d;
	int rc;
};

static void
parse_n(struct parsed *p, const char *buf, size_t n)
{
	memset(&p->rf, 0, sizeof p->rf);
	diag_init(&p->d, "t.rec");
	p->rc = rec_parse(&p->rf, buf, n, &p->d);
}

static void
parse(struct parsed *p, const char *buf)
{
	parse_n(p, buf, strlen(buf));
}

static void
done(struct parsed *p)
{
	rec_free(&p->rf);
	diag_free(&p->d);
}

/* Asserts a clean parse. */
static void
parse_ok(struct parsed *p, const char *buf, size_t n)
{
	parse_n(p, buf, n);
	if (p->d.count)
		print_message("# unexpected: %s\n", p->d.msg[0]);
	assert_int_equal(p->rc, 0);
	assert_int_equal(p->d.count, 0);
}

/* Asserts the value of field number i of record r (name, value, line). */
static void
field_is(const struct parsed *p, size_t r, size_t i, const char *name,
    const char *value, unsigned line)
{
	const struct rec_record *rec;
	const struct rec_field *f;

	assert_true(r < p->rf.nrecs);
	rec = &p->rf.recs[r];
	assert_true(i < rec->nfields);
	f = &p->rf.fields[rec->first + i];
	assert_int_equal(f->name_len, strlen(name));
	assert_memory_equal(rec_field_name(&p->rf, f), name, f->name_len);
	if (f->len != strlen(value) || memcmp(f->value, value, f->len) != 0)
		fail_msg("field %s: got '%.*s', want '%s'", name, (int)f->len,
		    f->value, value);
	assert_int_equal(f->line, line);
}

static void
type_is(const struct parsed *p, size_t r, const char *type)
{
	const struct rec_record *rec = &p->rf.recs[r];

	assert_int_equal(rec->type_len, strlen(type));
	assert_memory_equal(rec->type, type, rec->type_len);
}

/* Asserts exactly one error, whose text starts with want. */
static void
one_error(const struct parsed *p, const char *want)
{
	assert_int_not_equal(p->rc, 0);
	if (p->d.count != 1) {
		for (size_t i = 0; i < p->d.count && i < DIAG_MAX; i++)
			print_message("# got: %s\n", p->d.msg[i]);
		fail_msg("want one error, got %zu", p->d.count);
	}
	assert_non_null(p->d.msg[0]);
	if (strncmp(p->d.msg[0], want, strlen(want)) != 0)
		fail_msg("got '%s', want '%s...'", p->d.msg[0], want);
}

/* The first error starts with want (later ones may follow from it). */
static void
first_error(const struct parsed *p, const char *want)
{
	assert_int_not_equal(p->rc, 0);
	assert_true(p->d.count >= 1);
	assert_non_null(p->d.msg[0]);
	if (strncmp(p->d.msg[0], want, strlen(want)) != 0)
		fail_msg("got '%s', want '%s...'", p->d.msg[0], want);
}

static void
test_simple(void **state)
{
	static const char txt[] =
	    "%rec: Person\n"          /* 1 */
	    "%key: Id\n"              /* 2 */
	    "\n"                      /* 3 */
	    "Id: a\n"                 /* 4 */
	    "Name: Ann\n"              /* 5 */
	    "Empty:\n"                /* 6 */
	    "\n"                      /* 7 */
	    "\n"                      /* 8 */
	    "Id: b\n"                 /* 9 */
	    "\n"                      /* 10 */
	    "%rec: Org\n"             /* 11 */
	    "\n"                      /* 12 */
	    "Id: c\n";                /* 13 */
	struct parsed p;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	assert_int_equal(p.rf.nrecs, 3);
	type_is(&p, 0, "Person");
	type_is(&p, 1, "Person");
	type_is(&p, 2, "Org");
	assert_int_equal(p.rf.recs[0].nfields, 3);
	assert_int_equal(p.rf.recs[0].line, 4);
	assert_int_equal(p.rf.recs[1].line, 9);
	assert_int_equal(p.rf.recs[2].line, 13);
	field_is(&p, 0, 0, "Id", "a", 4);
	field_is(&p, 0, 1, "Name", "Ann", 5);
	field_is(&p, 0, 2, "Empty", "", 6);
	field_is(&p, 1, 0, "Id", "b", 9);
	field_is(&p, 2, 0, "Id", "c", 13);
	done(&p);
}

static void
test_continuation(void **state)
{
	static const char txt[] =
	    "%rec: T\n"               /* 1 */
	    "\n"                      /* 2 */
	    "A: one\n"                /* 3 */
	    "+ two\n"                 /* 4 */
	    "+\n"                     /* 5 */
	    "+three\n"                /* 6 */
	    "+   four\n"              /* 7 */
	    "B: x\n"                  /* 8 */
	    "C:\n"                    /* 9 */
	    "+ after empty\n";        /* 10 */
	struct parsed p;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	assert_int_equal(p.rf.nrecs, 1);
	assert_int_equal(p.rf.recs[0].nfields, 3);
	/* "+ " drops one space, "+" alone is an empty line. */
	field_is(&p, 0, 0, "A", "one\ntwo\n\nthree\n  four", 3);
	field_is(&p, 0, 1, "B", "x", 8);
	field_is(&p, 0, 2, "C", "\nafter empty", 9);
	done(&p);
}

static void
test_comments(void **state)
{
	static const char txt[] =
	    "# header comment\n"      /* 1 */
	    "%rec: T\n"               /* 2 */
	    "# in the descriptor\n"   /* 3 */
	    "\n"                      /* 4 */
	    "# before the record\n"   /* 5 */
	    "A: one\n"                /* 6 */
	    "# between field and continuation\n" /* 7 */
	    "+ two\n"                 /* 8 */
	    "#no space\n"             /* 9 */
	    "+ three\n"               /* 10 */
	    "B: b\n"                  /* 11 */
	    "# trailing\n";           /* 12 */
	struct parsed p;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	assert_int_equal(p.rf.nrecs, 1);
	assert_int_equal(p.rf.recs[0].line, 6);
	assert_int_equal(p.rf.recs[0].nfields, 2);
	field_is(&p, 0, 0, "A", "one\ntwo\nthree", 6);
	field_is(&p, 0, 1, "B", "b", 11);
	done(&p);
}

static void
test_crlf(void **state)
{
	static const char txt[] =
	    "%rec: T\r\n"             /* 1 */
	    "%key: Id\r\n"            /* 2 */
	    "\r\n"                    /* 3 */
	    "Id: x\r\n"               /* 4 */
	    "A: one\r\n"              /* 5 */
	    "+ two\r\n"               /* 6 */
	    "+\r\n"                   /* 7 */
	    "\r\n"                    /* 8 */
	    "Id: y\r\n";              /* 9 */
	struct parsed p;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	assert_int_equal(p.rf.nrecs, 2);
	field_is(&p, 0, 0, "Id", "x", 4);
	field_is(&p, 0, 1, "A", "one\ntwo\n", 5);
	field_is(&p, 1, 0, "Id", "y", 9);
	for (size_t i = 0; i < p.rf.nfields; i++)
		assert_null(memchr(p.rf.fields[i].value, '\r', p.rf.fields[i].len));
	done(&p);
}

static void
test_no_final_newline(void **state)
{
	static const char t1[] = "%rec: T\n\nA: 1\nB: last";
	static const char t2[] = "%rec: T\n\nA: 1\n+ end";
	static const char t3[] = "%rec: T\n\nA: 1\r\nB: crlf\r";
	struct parsed p;

	(void)state;
	parse_ok(&p, t1, strlen(t1));
	field_is(&p, 0, 1, "B", "last", 4);
	done(&p);
	parse_ok(&p, t2, strlen(t2));
	field_is(&p, 0, 0, "A", "1\nend", 3);
	done(&p);
	parse_ok(&p, t3, strlen(t3));
	field_is(&p, 0, 1, "B", "crlf", 4);
	done(&p);
}

static void
test_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"\xff",                   /* never valid */
		"\x80",                   /* lone continuation byte */
		"\xc0\xaf",               /* overlong '/' */
		"\xe0\x80\xaf",           /* overlong, three bytes */
		"\xed\xa0\x80",           /* encoded surrogate U+D800 */
		"\xed\xbf\xbf",           /* encoded surrogate U+DFFF */
		"\xe4\xb8",               /* truncated */
		"\xf4\x90\x80\x80",       /* above U+10FFFF */
	};
	char buf[128];
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		/* In a value, in a continuation, in a comment. */
		snprintf(buf, sizeof buf, "%%rec: T\n\nA: ok 中文\nB: x%sy\n", bad[i]);
		parse(&p, buf);
		one_error(&p, "t.rec:4:5: invalid UTF-8");
		done(&p);
		snprintf(buf, sizeof buf, "%%rec: T\n\nA: ok\n+ fine\n+ %s\n", bad[i]);
		parse(&p, buf);
		one_error(&p, "t.rec:5:3: invalid UTF-8");
		done(&p);
		snprintf(buf, sizeof buf, "# %s\n%%rec: T\n", bad[i]);
		parse(&p, buf);
		one_error(&p, "t.rec:1:3: invalid UTF-8");
		done(&p);
	}
	/* The same characters, well-formed, are accepted. */
	parse(&p, "%rec: T\n\nA: / \xe4\xb8\xad \xf4\x8f\xbf\xbf \xee\x80\x80\n");
	assert_int_equal(p.d.count, 0);
	done(&p);
}

static void
test_nul_byte(void **state)
{
	static const char txt[] = "%rec: T\n\nA: a\0b\n";
	struct parsed p;

	(void)state;
	parse_n(&p, txt, sizeof txt - 1);
	one_error(&p, "t.rec:3:5: NUL byte");
	done(&p);
}

static void
test_no_colon(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "%rec: T\n\nA: a\nName value\n");
	one_error(&p, "t.rec:4: field line without ':'");
	done(&p);
	parse(&p, "%rec: T\n\nName\n");
	one_error(&p, "t.rec:3: field line without ':'");
	done(&p);
}

static void
test_bad_field_name(void **state)
{
	/* With the column where the name goes wrong. */
	static const struct { const char *line; int col; } lines[] = {
		{ "1A: x", 1 }, { "_A: x", 1 }, { "Na-me: x", 3 }, { "N\xc3\xa4me: x", 2 },
		{ " A: x", 1 }, { "A b: x", 2 }, { "中文: x", 1 },
	};
	char buf[128], want[64];
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		snprintf(buf, sizeof buf, "%%rec: T\n\nA: a\n%s\n", lines[i].line);
		snprintf(want, sizeof want, "t.rec:4:%d: malformed field name", lines[i].col);
		parse(&p, buf);
		one_error(&p, want);
		done(&p);
	}
}

static void
test_orphan_plus(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "%rec: T\n\n+ x\n");
	one_error(&p, "t.rec:3: '+' continuation line with no field above it");
	done(&p);
	/* A blank line ends the field: a '+' after it continues nothing. */
	parse(&p, "%rec: T\n\nA: a\n\n+ x\n");
	one_error(&p, "t.rec:5: '+' continuation line with no field above it");
	done(&p);
	parse(&p, "+ x\n");
	one_error(&p, "t.rec:1: '+' continuation line with no field above it");
	done(&p);
}

static void
test_empty(void **state)
{
	static const char blank[] = "\n\n# only a comment\n   \n\t\n";
	struct parsed p;

	(void)state;
	parse_ok(&p, "", 0);
	assert_int_equal(p.rf.nrecs, 0);
	assert_int_equal(p.rf.nfields, 0);
	done(&p);
	parse_ok(&p, blank, strlen(blank));
	assert_int_equal(p.rf.nrecs, 0);
	done(&p);
	/* A descriptor alone declares a type but makes no record. */
	parse_ok(&p, "%rec: T\n%key: Id\n", 17);
	assert_int_equal(p.rf.nrecs, 0);
	done(&p);
}

static void
test_record_before_rec(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "# comment\n\nA: x\n");
	first_error(&p, "t.rec:3: record before any %rec: line");
	done(&p);
}

static void
test_rec_without_name(void **state)
{
	static const struct { const char *line; int col; } lines[] = {
		{ "%rec:", 6 }, { "%rec:   ", 9 }, { "%rec: 9x", 7 }, { "%rec: -", 7 },
	};
	char buf[128], want[64];
	struct parsed p;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		/* The records under it are not reported again ("record before
		 * any %rec: line"), nor their '+' lines. */
		snprintf(buf, sizeof buf, "%%rec: Good\n\nA: a\n\n%s\nC: c\n\nB: b\n+ b\n",
		    lines[i].line);
		snprintf(want, sizeof want, "t.rec:5:%d: %%rec: without a record type name",
		    lines[i].col);
		parse(&p, buf);
		one_error(&p, want);
		assert_int_equal(p.rf.nrecs, 1);
		assert_int_equal(p.rf.ndescs, 2);
		assert_null(p.rf.descs[1].type);
		assert_int_equal(p.rf.descs[1].line, 5);
		done(&p);
	}
	/* Text after the name is an error, at its column. */
	parse(&p, "%rec: Good\n\nA: a\n\n%rec: Event other.rec\n\nB: b\n");
	one_error(&p, "t.rec:5:13: text after the record type name 'Event': 'other.rec'");
	assert_int_equal(p.rf.nrecs, 1);
	done(&p);
	/* Blanks after it are not. */
	parse_ok(&p, "%rec: Event \t\n\nB: b\n", 20);
	type_is(&p, 0, "Event");
	done(&p);
}

static void
test_descriptor_fields(void **state)
{
	static const char txt[] =
	    "%rec: T\n"               /* 1 */
	    "%key: Id\n"              /* 2 */
	    "%mandatory: Id\n"        /* 3 */
	    "A: in the descriptor\n"  /* 4 */
	    "+ still\n"               /* 5 */
	    "\n"                      /* 6 */
	    "A: in a record\n"        /* 7 */
	    "\n"                      /* 8 */
	    "%rec: U\n"               /* 9 */
	    "B: descriptor too\n"     /* 10 */
	    "\n"                      /* 11 */
	    "B: record\n";            /* 12 */
	struct parsed p;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	assert_int_equal(p.rf.nrecs, 2);
	assert_int_equal(p.rf.nfields, 2);
	type_is(&p, 0, "T");
	field_is(&p, 0, 0, "A", "in a record", 7);
	type_is(&p, 1, "U");
	field_is(&p, 1, 0, "B", "record", 12);
	done(&p);
}

static void
test_type_switch(void **state)
{
	static const char txt[] =
	    "%rec: A\n\nX: 1\n\nX: 2\n\n%rec: Bee\n\nX: 3\n";
	struct parsed p;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	assert_int_equal(p.rf.nrecs, 3);
	type_is(&p, 0, "A");
	type_is(&p, 1, "A");
	type_is(&p, 2, "Bee");
	field_is(&p, 2, 0, "X", "3", 9);
	done(&p);
}

static void
test_rec_get(void **state)
{
	static const char txt[] =
	    "%rec: T\n\nId: a\nAlias: one\nAlias: two\nOdd_Field2: kept\n\nId: b\n";
	struct parsed p;
	const struct rec_field *f;

	(void)state;
	parse_ok(&p, txt, strlen(txt));
	f = rec_get(&p.rf, &p.rf.recs[0], "Alias");
	assert_non_null(f);
	assert_int_equal(f->len, 3);
	assert_memory_equal(f->value, "one", 3);
	f = rec_get(&p.rf, &p.rf.recs[0], "Odd_Field2");
	assert_non_null(f);
	assert_int_equal(f->line, 6);
	assert_null(rec_get(&p.rf, &p.rf.recs[0], "Ali"));
	assert_null(rec_get(&p.rf, &p.rf.recs[0], "Aliases"));
	/* The second record's fields are its own. */
	assert_null(rec_get(&p.rf, &p.rf.recs[1], "Alias"));
	f = rec_get(&p.rf, &p.rf.recs[1], "Id");
	assert_non_null(f);
	assert_memory_equal(f->value, "b", 1);
	done(&p);
}

static void
test_line_limit(void **state)
{
	static const char head[] = "%rec: T\n\nA: ";
	size_t body = REC_MAX_LINE - 3;   /* "A: " + body == REC_MAX_LINE */
	size_t n = strlen(head) + body + 1 + 32;
	char *buf = malloc(n);
	struct parsed p;
	size_t len;

	(void)state;
	assert_non_null(buf);
	/* Exactly the limit: accepted. */
	memcpy(buf, head, strlen(head));
	memset(buf + strlen(head), 'x', body);
	len = strlen(head) + body;
	memcpy(buf + len, "\nB: ok\n", 7);
	parse_ok(&p, buf, len + 7);
	field_is(&p, 0, 1, "B", "ok", 4);
	assert_int_equal(p.rf.fields[0].len, body);
	done(&p);
	/* One byte more: an error on that line, not a crash. */
	memset(buf + strlen(head), 'x', body + 1);
	len = strlen(head) + body + 1;
	memcpy(buf + len, "\nB: ok\n", 7);
	parse_n(&p, buf, len + 7);
	one_error(&p, "t.rec:3: line longer than");
	done(&p);
	/* Also when it is the last line, without a newline. */
	parse_n(&p, buf, len);
	one_error(&p, "t.rec:3: line longer than");
	done(&p);
	free(buf);
}

static char *
many_fields(size_t nf, size_t *len)
{
	static const char head[] = "%rec: T\n\n";
	static const char line[] = "F: v\n";
	static const char tail[] = "\nG: next\n";
	size_t n = strlen(head) + nf * strlen(line) + strlen(tail);
	char *buf = malloc(n + 1), *p = buf;

	assert_non_null(buf);
	memcpy(p, head, strlen(head));
	p += strlen(head);
	for (size_t i = 0; i < nf; i++, p += strlen(line))
		memcpy(p, line, strlen(line));
	memcpy(p, tail, strlen(tail));
	*len = n;
	return buf;
}

static void
test_field_limit(void **state)
{
	char want[64];
	struct parsed p;
	size_t len;
	char *buf;

	(void)state;
	buf = many_fields(REC_MAX_FIELDS, &len);
	parse_ok(&p, buf, len);
	assert_int_equal(p.rf.nrecs, 2);
	assert_int_equal(p.rf.recs[0].nfields, REC_MAX_FIELDS);
	/* Lines 3 .. REC_MAX_FIELDS + 2, a blank line, then G. */
	field_is(&p, 0, REC_MAX_FIELDS - 1, "F", "v", REC_MAX_FIELDS + 2);
	field_is(&p, 1, 0, "G", "next", REC_MAX_FIELDS + 4);
	done(&p);
	free(buf);

	buf = many_fields(REC_MAX_FIELDS + 5, &len);
	parse_n(&p, buf, len);
	/* The first field past the limit, on line REC_MAX_FIELDS + 3. */
	snprintf(want, sizeof want, "t.rec:%d: ", REC_MAX_FIELDS + 3);
	one_error(&p, want);
	assert_non_null(strstr(p.d.msg[0], "fields"));
	done(&p);
	free(buf);

	/* A '+' line after a dropped field goes with it, unreported. */
	buf = many_fields(REC_MAX_FIELDS + 1, &len);
	memcpy(buf + len - 9, "+ more\n\n\n", 9);
	parse_n(&p, buf, len);
	one_error(&p, want);
	done(&p);
	free(buf);
}

/* A CR not followed by LF: an error at its line and column, also when
 * the whole file (or its tail) has CR alone for line ends, which would
 * otherwise be read as one long line and its records lost. */
static void
test_bare_cr(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "%rec: T\n\nA: a\rb\n");
	one_error(&p, "t.rec:3:5: bare CR");
	done(&p);
	parse(&p, "%rec: T\r\rA: a\rB: b\r");
	one_error(&p, "t.rec:1:8: bare CR");
	done(&p);
	parse(&p, "%rec: T\n\nA: a\n\n%rec: U\r\rB: b\r");
	one_error(&p, "t.rec:5:8: bare CR");
	assert_int_equal(p.rf.nrecs, 1);
	done(&p);
	/* CR LF is a line end; a CR before it and another is not. */
	parse(&p, "%rec: T\r\n\r\nA: a\r\r\n");
	one_error(&p, "t.rec:3:5: bare CR");
	done(&p);
}

/* A message too long for its buffer is cut at a character's start, and
 * the quote it was cut in is closed. */
static void
test_long_message(void **state)
{
	struct diag d;
	char value[2000];
	size_t n;

	(void)state;
	for (size_t i = 0; i + 3 <= sizeof value; i += 3)
		memcpy(value + i, "中", 3);
	for (size_t shift = 0; shift < 3; shift++) {
		diag_init(&d, "t.rec");
		diag_error(&d, 7, "%.*s bad '%.*s' after", (int)shift, "ab",
		    (int)(sizeof value - 2), value);
		n = strlen(d.msg[0]);
		assert_true(n < 600);
		assert_string_equal(d.msg[0] + n - strlen("…'"), "…'");
		/* Valid UTF-8 all along: no character was cut. */
		for (size_t i = strlen("t.rec:7: ") + shift + strlen(" bad '");
		    i < n - strlen("…'"); i += 3)
			assert_memory_equal(d.msg[0] + i, "中", 3);
		diag_free(&d);
	}
}

/* Writes buf[0..n) to a new file; its name in path (PATH_MAX). */
static void
write_file(char *path, const char *buf, size_t n)
{
	int fd;

	strcpy(path, "/tmp/test-rec-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
}

/* Loads buf[0..n) from a file (p, path kept for the caller) and parses
 * it serially (s): the same code, messages and counts. */
static void
load_as_serial(struct parsed *p, struct parsed *s, char *path, const char *buf, size_t n)
{
	write_file(path, buf, n);
	diag_init(&p->d, "t.rec");
	p->rc = rec_load(&p->rf, path, &p->d);
	memset(&s->rf, 0, sizeof s->rf);
	diag_init(&s->d, "t.rec");
	s->rc = rec_parse_serial(&s->rf, buf, n, &s->d);
	assert_int_equal(p->rc, s->rc);
	assert_int_equal(p->d.count, s->d.count);
	for (size_t i = 0; i < s->d.count && i < DIAG_MAX; i++)
		assert_string_equal(p->d.msg[i], s->d.msg[i]);
	assert_int_equal(p->rf.nrecs, s->rf.nrecs);
	assert_int_equal(p->rf.nfields, s->rf.nfields);
}

/* A large file is read in pieces of 1 MiB by two threads, each piece
 * checked as it comes: a bad byte anywhere (in a piece, at or beside a
 * joint of two, in the last line) gives the error a serial parse of the
 * same bytes gives, and a clean file the same records. */
static void
test_load_large(void **state)
{
	size_t n = 0, cap = 6UL * 1024 * 1024;
	char *buf = malloc(cap), path[64];
	struct parsed p, s;

	(void)state;
	assert_non_null(buf);
	while (n < (size_t)REC_PARALLEL_MIN + 4096)
		n += (size_t)sprintf(buf + n, "%%rec: T\n\nA: 中文 %zu\nB: x\n\n", n);
	n += (size_t)sprintf(buf + n, "C: last line, no newline");
	size_t at[] = { 5, n / 4, n / 2 - 1, n / 2, n / 2 + 1, n / 2 + 7, n - 3 * n / 8, n - 2,
	    (1UL << 20) - 1, 1UL << 20, (2UL << 20) + 1, (3UL << 20) + 2 };
	for (size_t k = 0; k <= sizeof at / sizeof *at; k++) {
		char was = 0;
		if (k < sizeof at / sizeof *at) {
			while (k % 3 == 2 && buf[at[k] + 1] == '\n')
				at[k]--;   /* a CR there would be a CR LF */
			was = buf[at[k]];
			buf[at[k]] = k % 3 == 0 ? '\0' : k % 3 == 1 ? (char)0xff : '\r';
		}
		load_as_serial(&p, &s, path, buf, n);
		if (k < sizeof at / sizeof *at)
			assert_int_not_equal(p.rc, 0);
		else
			assert_int_equal(p.rc, 0);
		/* The records are a copy: the file may change under them. */
		assert_int_equal(truncate(path, 0), 0);
		for (size_t i = 0; i < p.rf.nfields; i++)
			assert_true(p.rf.fields[i].len > 0);
		done(&p);
		done(&s);
		unlink(path);
		if (k < sizeof at / sizeof *at)
			buf[at[k]] = was;
	}
	free(buf);
}

/* A line longer than a piece (no newline in a whole piece) is checked
 * across it, as a serial parse checks it: the same errors (the line is
 * too long; with a bad byte in it, that too). */
static void
test_load_long_line(void **state)
{
	size_t n = 0, cap = 6UL * 1024 * 1024;
	char *buf = malloc(cap), path[64];
	struct parsed p, s;

	(void)state;
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "%%rec: T\n\nA: ");
	while (n < (size_t)REC_PARALLEL_MIN + 4096)
		n += (size_t)sprintf(buf + n, "中文");
	n += (size_t)sprintf(buf + n, "\nB: end\n");
	for (int bad = 0; bad < 2; bad++) {
		if (bad)
			buf[(5UL << 19) + 1] = (char)0xff;
		load_as_serial(&p, &s, path, buf, n);
		assert_int_equal(p.rc, 65);
		done(&p);
		done(&s);
		unlink(path);
	}
	free(buf);
}

static void
test_error_limit(void **state)
{
	/* The reader keeps DIAG_MAX messages and counts every error, so that
	 * the rest can be said to exist. */
	char buf[4096], *q = buf;
	char want[32];
	struct parsed p;

	(void)state;
	q += sprintf(q, "%%rec: T\n\n");
	for (int i = 0; i < 30; i++)
		q += sprintf(q, "bad line %d\n", i);
	parse(&p, buf);
	assert_int_equal(p.d.count, 30);
	for (int i = 0; i < DIAG_MAX; i++) {
		snprintf(want, sizeof want, "t.rec:%d: ", i + 3);
		assert_non_null(p.d.msg[i]);
		assert_memory_equal(p.d.msg[i], want, strlen(want));
	}
	done(&p);
}

static void
test_load_file(void **state)
{
	static const char txt[] = "%rec: T\n\nA: from a file\n";
	char path[] = "/tmp/test-rec-XXXXXX";
	struct rec_file rf;
	struct diag d;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, txt, strlen(txt)), (ssize_t)strlen(txt));
	close(fd);
	diag_init(&d, path);
	assert_int_equal(rec_load(&rf, path, &d), 0);
	assert_int_equal(rf.nrecs, 1);
	assert_int_equal(rf.fields[0].len, strlen("from a file"));
	rec_free(&rf);
	diag_free(&d);

	/* An empty file is no error. */
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	close(fd);
	diag_init(&d, path);
	assert_int_equal(rec_load(&rf, path, &d), 0);
	assert_int_equal(rf.nrecs, 0);
	rec_free(&rf);
	diag_free(&d);
	unlink(path);

	diag_init(&d, path);
	assert_int_equal(rec_load(&rf, path, &d), 66);
	assert_int_equal(d.count, 1);
	assert_non_null(strstr(d.msg[0], path));
	diag_free(&d);

	diag_init(&d, "/");
	assert_int_equal(rec_load(&rf, "/", &d), 66);
	assert_int_equal(d.count, 1);
	diag_free(&d);
}

/* A file large enough to be checked on a second core while it is parsed:
 * the same records, and the same errors at the same lines, as a small one.
 * The bad bytes come late (a NUL, invalid UTF-8) so the parse has run
 * ahead of the check, and with a field line with no colon before them. */
static void
test_large_file(void **state)
{
	static const char rec[] = "A: 中文 text %06zu\nB: x\n+ more\n\n";
	size_t copies = 5UL * 1024 * 1024 / (sizeof rec - 1) + 1, n = 0;
	char *buf = malloc(copies * (sizeof rec + 8) + 256);
	struct parsed p;

	(void)state;
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "%%rec: T\n\n");
	for (size_t i = 0; i < copies; i++)
		n += (size_t)sprintf(buf + n, rec, i);
	parse_ok(&p, buf, n);
	assert_int_equal(p.rf.nrecs, copies);
	assert_int_equal(p.rf.nfields, 2 * copies);
	done(&p);

	/* Line numbers: 2 of %rec, then 4 a record. */
	size_t nul_at = n - 40 * (sizeof rec - 1);
	while (buf[nul_at] != 'x')
		nul_at++;
	buf[nul_at] = '\0';
	n += (size_t)sprintf(buf + n, "no colon here\nC: \xff\n");
	unsigned long lines = 2 + 4 * (unsigned long)copies;
	parse_n(&p, buf, n);
	assert_int_not_equal(p.rc, 0);
	assert_int_equal(p.d.count, 3);
	char want[64];
	unsigned long nul_line = 1, nul_col = 1;
	for (size_t i = 0; i < nul_at; i++) {
		nul_line += buf[i] == '\n';
		nul_col = buf[i] == '\n' ? 1 : nul_col + 1;
	}
	snprintf(want, sizeof want, "t.rec:%lu:%lu: NUL byte", nul_line, nul_col);
	assert_string_equal(p.d.msg[0], want);
	snprintf(want, sizeof want, "t.rec:%lu: ", lines + 1);
	assert_memory_equal(p.d.msg[1], want, strlen(want));
	snprintf(want, sizeof want, "t.rec:%lu:4: invalid UTF-8", lines + 2);
	assert_memory_equal(p.d.msg[2], want, strlen(want));
	done(&p);
	free(buf);
}

/* Asserts that rec_parse gave what rec_parse_serial gives for the same
 * bytes: records, their types, lines and fields, joined values, errors. */
static void
same_as_serial(const struct parsed *p, const char *buf, size_t n)
{
	struct parsed s;

	memset(&s.rf, 0, sizeof s.rf);
	diag_init(&s.d, "t.rec");
	s.rc = rec_parse_serial(&s.rf, buf, n, &s.d);
	assert_int_equal(p->rc, s.rc);
	assert_int_equal(p->d.count, s.d.count);
	for (size_t i = 0; i < s.d.count && i < DIAG_MAX; i++)
		assert_string_equal(p->d.msg[i], s.d.msg[i]);
	assert_int_equal(p->rf.nrecs, s.rf.nrecs);
	assert_int_equal(p->rf.nfields, s.rf.nfields);
	assert_int_equal(p->rf.njoined, s.rf.njoined);
	for (size_t i = 0; i < s.rf.nrecs; i++) {
		const struct rec_record *a = &p->rf.recs[i], *b = &s.rf.recs[i];

		assert_ptr_equal(a->type, b->type);
		assert_int_equal(a->type_len, b->type_len);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->first, b->first);
		assert_int_equal(a->nfields, b->nfields);
	}
	for (size_t i = 0; i < s.rf.nfields; i++) {
		const struct rec_field *a = &p->rf.fields[i], *b = &s.rf.fields[i];

		assert_int_equal(a->name_off, b->name_off);
		assert_int_equal(a->name_len, b->name_len);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->len, b->len);
		assert_memory_equal(a->value, b->value, a->len);
	}
	done(&s);
}

/* About 5 MB of records, types switching on the way, so that a large
 * parse is split: every record type X, Y or Z in turn (the %rec: lines
 * far apart), fields with continuation lines and comments, some lines
 * with CRLF.  Appends at most 5 MB to buf (n bytes in it); returns the
 * new length. */
static size_t
large_records(char *buf, size_t n, const char *first_type)
{
	static const char *const types[] = { "X", "Y", "Z" };
	size_t i = 0;

	if (first_type)
		n += (size_t)sprintf(buf + n, "%%rec: %s\n%%key: Id\n\n", first_type);
	for (size_t end = n + 5UL * 1024 * 1024 - 4096; n < end; i++) {
		if (i % 20000 == 19999)
			n += (size_t)sprintf(buf + n, "%%rec: %s\n\n", types[i / 20000 % 3]);
		n += (size_t)sprintf(buf + n, "Id: r%zu\nName: 中文 %zu\n", i, i % 97);
		if (i % 7 == 0)
			n += (size_t)sprintf(buf + n, "Text: a\n+ b %zu\n# c\n+\n+ d\n", i);
		if (i % 11 == 0)
			n += (size_t)sprintf(buf + n, "Crlf: %zu\r\n", i);
		n += (size_t)sprintf(buf + n, i % 5 ? "\n" : " \t\n");
	}
	return n;
}

/* Whether rec_parse would keep a parse in two halves of buf. */
static bool
splits(const char *buf, size_t n)
{
	struct parsed s;
	int rc;

	memset(&s.rf, 0, sizeof s.rf);
	diag_init(&s.d, "t.rec");
	rc = rec_parse_split(&s.rf, buf, n, &s.d);
	assert_true(rc == 0 || rc == -1);
	if (rc == -1) {
		assert_int_equal(s.rf.nrecs + s.rf.nfields + s.rf.njoined, 0);
		assert_int_equal(s.d.count, 0);
	}
	done(&s);
	return rc == 0;
}

/* A large file parsed in two halves gives what a serial parse gives. */
static void
test_large_same_as_serial(void **state)
{
	char *buf = malloc(11UL * 1024 * 1024);
	struct parsed p;
	size_t n;

	(void)state;
	assert_non_null(buf);
	n = large_records(buf, 0, "T");
	assert_true(splits(buf, n));
	parse_ok(&p, buf, n);
	same_as_serial(&p, buf, n);
	type_is(&p, 0, "T");
	/* Record 0 takes lines 4 to 12, the next six three lines each. */
	field_is(&p, 7, 2, "Text", "a\nb 7\n\nd", 33);
	done(&p);
	/* Also with CRLF at the split (a long run of records with it). */
	for (size_t i = 0; i + 1 < n; i++)
		if (buf[i + 1] == '\n' && buf[i] == ' ')
			buf[i] = '\r';
	assert_true(splits(buf, n));
	parse_ok(&p, buf, n);
	same_as_serial(&p, buf, n);
	done(&p);

	/* No %rec: line in the file: every record is an error (reported
	 * once), as serially. */
	n = large_records(buf, 0, NULL);
	assert_false(splits(buf, n));
	parse_n(&p, buf, n);
	same_as_serial(&p, buf, n);
	one_error(&p, "t.rec:1: record before any %rec: line");
	done(&p);

	/* Nor when the records come after a first half of comments, so
	 * that the first half reports nothing. */
	n = 0;
	while (n < 5UL * 1024 * 1024)
		n += (size_t)sprintf(buf + n, "# a comment\n%%key: Id\n\n");
	n = large_records(buf, n, NULL);
	assert_false(splits(buf, n));
	parse_n(&p, buf, n);
	same_as_serial(&p, buf, n);
	assert_int_equal(p.d.count, 1);
	done(&p);
	free(buf);
}

/* Errors in the second half of a large file come with their lines in the
 * whole file and in order, after those of the first half, and stop at
 * DIAG_MAX as serially. */
static void
test_large_errors(void **state)
{
	char *buf = malloc(6UL * 1024 * 1024);
	struct parsed p;
	size_t n, third;

	(void)state;
	assert_non_null(buf);
	n = large_records(buf, 0, "T");
	third = n / 3;
	/* A field line with no colon far in. */
	memcpy(buf + n - 100, "\nno colon\n", 10);
	assert_false(splits(buf, n));
	parse_n(&p, buf, n);
	same_as_serial(&p, buf, n);
	assert_int_equal(p.d.count, 1);
	done(&p);

	/* A NUL byte in the second half, invalid UTF-8 in the first. */
	buf[n - 200] = '\0';
	buf[third] = (char)0xff;
	parse_n(&p, buf, n);
	same_as_serial(&p, buf, n);
	assert_true(p.d.count >= 3);
	assert_non_null(strstr(p.d.msg[0], "invalid UTF-8"));
	done(&p);

	/* More errors than DIAG_MAX, on both sides of the middle. */
	for (size_t i = 1; i <= 30; i++)
		memcpy(buf + i * (n / 31), "\n-\n", 3);
	parse_n(&p, buf, n);
	same_as_serial(&p, buf, n);
	assert_true(p.d.count >= 30);
	done(&p);
	free(buf);
}

/* Appends a record of nf long fields (about 1300 bytes each, some with a
 * continuation line), no blank line in it, to buf (n bytes in it); returns
 * the new length. */
static size_t
big_record(char *buf, size_t n, size_t nf)
{
	for (size_t i = 0; i < nf; i++) {
		n += (size_t)sprintf(buf + n, "F%zu:", i);
		for (int k = 0; k < 100; k++)
			n += (size_t)sprintf(buf + n, " 中文 abc");
		n += (size_t)sprintf(buf + n, i % 100 ? "\n" : "\n+ more %zu\n", i);
	}
	return n;
}

/* What follows the blank line where a large file is split makes no
 * difference: a continuation line, a field, a %rec: line there give what
 * they give serially.  Here the file is two records of long lines, so
 * that the blank line between them, near the middle, is where it is
 * split. */
static void
test_large_split_edges(void **state)
{
	static const char *const after[] = {
		"Late: field\n", "# note\n", "%rec: W\n\n", "\n\n", "",
		"+ orphan\n", "%rec:\n\n", "bad\n",
	};
	char *buf = malloc(12UL * 1024 * 1024);
	struct parsed p;
	size_t n;

	(void)state;
	assert_non_null(buf);
	for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
		n = (size_t)sprintf(buf, "%%rec: T\n\n");
		n = big_record(buf, n, 4000);
		n += (size_t)sprintf(buf + n, "\n%s", after[k]);
		n = big_record(buf, n, 3900);
		/* Clean ones are split there, the others not at all. */
		assert_int_equal(splits(buf, n), k < 5);
		parse_n(&p, buf, n);
		same_as_serial(&p, buf, n);
		if (k < 5) {
			assert_int_equal(p.rf.nrecs, 2);
			type_is(&p, 1, k == 2 ? "W" : "T");
			assert_int_equal(p.rf.recs[1].line, 4000 + 40 + 4 + (k == 1) +
			    (k == 2 ? 2 : 0) + (k == 3 ? 2 : 0));
		}
		done(&p);
	}
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bare_cr),
		cmocka_unit_test(test_long_message),
		cmocka_unit_test(test_load_large),
		cmocka_unit_test(test_load_long_line),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_no_colon),
		cmocka_unit_test(test_bad_field_name),
		cmocka_unit_test(test_orphan_plus),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_record_before_rec),
		cmocka_unit_test(test_rec_without_name),
		cmocka_unit_test(test_descriptor_fields),
		cmocka_unit_test(test_type_switch),
		cmocka_unit_test(test_rec_get),
		cmocka_unit_test(test_line_limit),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_large_file),
		cmocka_unit_test(test_large_same_as_serial),
		cmocka_unit_test(test_large_errors),
		cmocka_unit_test(test_large_split_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
