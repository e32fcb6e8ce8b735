/* The importer's driver: reads the article, finds its names and dates,
 * writes the dossier text, checks it with the loader and only then puts
 * it in place. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "cli.h"
#include "escape.h"
#include "import_job.h"
#include "text.h"

enum { EX_CANTCREAT_ = 73 };

/* All of f into *buf. */
static int
read_stream(FILE *f, const char *path, char **buf, size_t *n, FILE *err)
{
	size_t cap = 1 << 16;

	*n = 0;
	for (*buf = malloc(cap);; cap *= 2) {
		if (!*buf) {
			fprintf(err, "dossier: %s\n", _("out of memory"));
			return EX_SOFTWARE_;
		}
		*n += fread(*buf + *n, 1, cap - *n, f);
		if (*n < cap)
			break;
		if (cap >= REC_MAX_FILE) {
			char why[64];
			snprintf(why, sizeof why, _("larger than %lu bytes"), REC_MAX_FILE);
			rw_complain(err, path, why);
			return EX_DATAERR_;
		}
		char *b = realloc(*buf, cap * 2);
		if (!b)
			free(*buf);
		*buf = b;
	}
	if (ferror(f)) {
		rw_complain(err, path, strerror(errno));
		return EX_NOINPUT_;
	}
	return 0;
}

/* The whole file, or standard input for "-". */
static int
read_all(const char *path, char **buf, size_t *n, FILE *err)
{
	struct stat st;
	FILE *f;
	int rc;

	*buf = NULL;
	if (strcmp(path, "-") == 0)
		return read_stream(stdin, path, buf, n, err);
	if (!(f = fopen(path, "rb")) || fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
		rw_complain(err, path, f ? _("is a directory") : strerror(errno));
		if (f)
			fclose(f);
		return EX_NOINPUT_;
	}
	rc = read_stream(f, path, buf, n, err);
	fclose(f);
	return rc;
}

/* "NAME:LINE: what", or "NAME: what" for line 0, the name escaped. */
static void
bad_data(FILE *err, const char *name, unsigned long line, const char *what)
{
	esc_put(err, name, strlen(name));
	if (line)
		fprintf(err, ":%lu", line);
	fprintf(err, ": %s\n", what);
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
		bad_data(j->err, j->name, line_at(*buf, ok),
		    nul && (size_t)(nul - *buf) == ok ?
		    _("NUL byte: not a text or HTML file") :
		    _("invalid UTF-8: not a text or HTML file in UTF-8"));
		return EX_DATAERR_;
	}
	for (size_t i = 0; i < *n; i++)
		if (!strchr(" \t\r\n\f\v", (*buf)[i]))
			return 0;
	bad_data(j->err, j->name, 0, _("empty article"));
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

static void
job_free(struct job *j)
{
	imp_doc_free(&j->doc);
	names_free(&j->names);
	if (j->has_old)
		dossier_free(&j->old);
	imp_ids_free(j);
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
		fprintf(err, "dossier: %s\n",
		    _("internal error: the imported dossier does not pass the checks:"));
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
			bad_data(err, name, 0, _("not HTML that can be read"));
			rc = EX_DATAERR_;
			goto done;
		}
	} else {
		imp_text_parse(&j.doc, buf, n);
	}
	if (!j.doc.npara && !j.doc.oom) {
		bad_data(err, name, 0, _("no paragraphs found"));
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
	imp_find_names(&j);
	imp_make_entities(&j);
	imp_make_ids(&j);
	if (!j.oom)
		imp_find_dates(&j);
	if (!j.oom)
		imp_write_dossier(&j, out);
	if (j.oom || out->oom) {
		fprintf(err, "dossier: %s\n", _("out of memory"));
		rc = EX_SOFTWARE_;
		goto done;
	}
	rc = check(o->out ? o->out : "(standard output)", out, err);
done:
	job_free(&j);
	return rc;
}

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
import_run(const struct import_opts *o, FILE *err)
{
	struct rw_buf out;
	char *buf = NULL;
	size_t n;
	int rc;

	if (o->out && strcmp(o->out, "-") != 0 && same_file(o->out, o->article)) {
		fputs("dossier: ", err);
		esc_printf(err, _("-o %s would replace the article\n"), o->out);
		return EX_USAGE_;
	}
	if ((!o->out || strcmp(o->out, "-") == 0) && isatty(STDOUT_FILENO)) {
		/* The article's bytes are not for a terminal to interpret. */
		fputs("dossier: ", err);
		fputs(_("--import writes a dossier: give -o OUT, or redirect "
		    "standard output\n"), err);
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
			/* Straight to the descriptor, so that the error is
			 * known here with its reason, as the other modes
			 * report it: exit 70. */
			if (!rw_write_all(STDOUT_FILENO, out.s, out.n)) {
				fputs("dossier: ", err);
				fprintf(err, _("write error: %s\n"), strerror(errno));
				rc = EX_SOFTWARE_;
			}
		} else {
			rc = rw_replace_file(o->out, out.s, out.n, err) ? EX_CANTCREAT_ : 0;
		}
	}
	rw_free(&out);
	return rc;
}

