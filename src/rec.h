/* Reader for the GNU rec subset of dossier(5): bytes to records and fields,
 * each with its line.  Knows nothing of what the records mean. */
#ifndef DOSSIER_REC_H
#define DOSSIER_REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "diag.h"

/* Documented limits (dossier(5)); exceeding one is a load error.  Files
 * of REC_PARALLEL_MIN bytes or more are read and parsed on two cores (the
 * fuzz build lowers it, so that small inputs take that way too). */
#define REC_MAX_FILE   (1024UL * 1024 * 1024)
#define REC_MAX_LINE   (1024UL * 1024)
#define REC_MAX_FIELDS 4096
#ifndef REC_PARALLEL_MIN
#define REC_PARALLEL_MIN (4UL * 1024 * 1024)
#endif

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

/* A %rec: line: the type it names (NULL if none) and where it is. */
struct rec_desc {
	const char *type;
	uint32_t type_len;
	uint32_t line;
};

/* What a file was when it was read: a change of any part means it was
 * written since (checked while the screen waits for keys). */
struct rec_stamp {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

struct rec_file {
	const char *data;          /* the file's bytes, read once into memory */
	size_t size;
	bool owned;                /* data is ours to free (rec_load) */
	struct rec_stamp stamp;    /* of the file read (rec_load) */
	struct rec_field *fields;
	size_t nfields, fields_cap;
	struct rec_record *recs;
	size_t nrecs, recs_cap;
	char **joined;             /* values built from continuation lines */
	size_t njoined, joined_cap;
	struct rec_desc *descs;    /* every %rec: line, in file order */
	size_t ndescs, descs_cap;
};

/* Parses buf[0..size) (not copied: it must outlive the rec_file).  Errors
 * go to d; returns 0 when there were none, 65 for bad data, 70 when
 * memory runs out.  Only bytes that were checked (no NUL, valid UTF-8,
 * no bare CR) become records and fields. */
int rec_parse(struct rec_file *, const char *buf, size_t size, struct diag *d);

/* For the tests, which compare the two ways rec_parse may take on a large
 * file: rec_parse_serial parses on one core, rec_parse_split in two halves
 * or not at all (returning -1, with nothing parsed nor reported) where
 * rec_parse would parse serially. */
int rec_parse_serial(struct rec_file *, const char *buf, size_t size,
    struct diag *d);
int rec_parse_split(struct rec_file *, const char *buf, size_t size,
    struct diag *d);

/* Reads path into memory and parses it (rec_parse): returns 0, or 65 on
 * bad data, 66 when the file cannot be read (message in d), 70 when
 * memory runs out.  The bytes are copied: the records never change if
 * the file does, and rf->stamp tells what it was when read.  A large
 * file is read, checked and parsed on two cores. */
int rec_load(struct rec_file *, const char *path, struct diag *d);

/* The stamp of path now; -1 (errno set) if it cannot be had. */
int rec_stamp_of(const char *path, struct rec_stamp *);
bool rec_stamp_same(const struct rec_stamp *, const struct rec_stamp *);

void rec_free(struct rec_file *);

/* Column (from 1) of field f's value on its line. */
unsigned long rec_value_col(const struct rec_file *, const struct rec_field *f);

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
