/* Reader for the GNU rec subset of dossier(5): bytes to records and fields,
 * each with its line.  Knows nothing of what the records mean. */
#ifndef DOSSIER_REC_H
#define DOSSIER_REC_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Documented limits (dossier(5)); exceeding one is a load error. */
#define REC_MAX_FILE   (1024UL * 1024 * 1024)
#define REC_MAX_LINE   (1024UL * 1024)
#define REC_MAX_FIELDS 4096

/* 24 bytes, as a large dossier has millions of fields. */
struct rec_field {
	const char *value;         /* not NUL-terminated; may point into the file */
	uint32_t name_off;         /* the name is in the file: rec_field_name */
	uint32_t name_len;
	uint32_t line;
	uint32_t len;              /* below REC_MAX_FILE */
};

struct rec_record {
	const char *type;          /* from the %rec: line in force */
	uint32_t type_len;
	uint32_t line;             /* first line of the record */
	size_t first;              /* index of its first field in rec_file.fields */
	size_t nfields;
};

struct rec_check;

struct rec_file {
	const char *data;          /* the file, mapped or read once */
	size_t size;
	enum { REC_BORROWED, REC_MAPPED, REC_OWNED } mapped;
	struct rec_field *fields;
	size_t nfields, fields_cap;
	struct rec_record *recs;
	size_t nrecs, recs_cap;
	char **joined;             /* values built from continuation lines */
	size_t njoined, joined_cap;
	struct rec_check *pending; /* a check still running (rec_load_early) */
};

/* Parses buf[0..size) (not copied: it must outlive the rec_file).  Errors
 * go to d; returns 0 when there were none. */
int rec_parse(struct rec_file *, const char *buf, size_t size, struct diag *d);

/* For the tests, which compare the two ways rec_parse may take on a large
 * file: rec_parse_serial parses on one core, rec_parse_split in two halves
 * or not at all (returning -1, with nothing parsed nor reported) where
 * rec_parse would parse serially. */
int rec_parse_serial(struct rec_file *, const char *buf, size_t size,
    struct diag *d);
int rec_parse_split(struct rec_file *, const char *buf, size_t size,
    struct diag *d);

/* Maps or reads path and parses it.  Returns 0, or 66 when the file cannot
 * be read (message in d), or 65 on bad data. */
int rec_load(struct rec_file *, const char *path, struct diag *d);

/* As rec_load, except that the check of a large file's bytes (no NUL,
 * valid UTF-8) may still be running on a second core when it returns 0 or
 * 65, what was parsed assuming them clean: so that the caller can go on
 * with the records meanwhile.  rec_settle must follow before any of it is
 * trusted. */
int rec_load_early(struct rec_file *, const char *path, struct diag *d);

/* Waits for the check rec_load_early started.  If the bytes are not
 * clean, the file is parsed again the careful way, and its errors replace
 * every message added to d since it held `before` (the first parse's and
 * any the caller found in its records): returns 65 then, else 0 (also
 * when there was nothing to wait for). */
int rec_settle(struct rec_file *, struct diag *d, size_t before);

void rec_free(struct rec_file *);

/* Gives back the memory of the mapped file's pages that hold any of
 * [from, to) (clipped to the file), when the file is mapped: they are
 * read in again from the page cache if used.  For bytes that were read once (as
 * the search corpus is made) and are rarely needed again. */
void rec_release(const struct rec_file *, const char *from, const char *to);

/* The name of field f of rf (not NUL-terminated: name_len bytes). */
static inline const char *
rec_field_name(const struct rec_file *rf, const struct rec_field *f)
{
	return rf->data + f->name_off;
}

/* The first field of r named name, or NULL. */
const struct rec_field *rec_get(const struct rec_file *, const struct rec_record *,
    const char *name);

#endif
