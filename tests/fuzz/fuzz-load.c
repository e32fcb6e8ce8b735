/* libFuzzer target: bytes as a dossier file.  Loads them from a buffer and,
 * when they pass every check, asks the index everything the screen asks:
 * the mentions in every paragraph and the paragraphs of every person and
 * organization.  Inputs past the two-core size (lowered for this build,
 * see local.mk) are also loaded as a file (in memory: memfd), read by two
 * threads, which must give the same answer.  ASan, UBSan and the asserts
 * below are the oracle. */
#include <config.h>

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dossier.h"
#include "index.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_mentions(const struct dossier *d, size_t p, const struct ds_mention *m, size_t n)
{
	const struct ds_str t = d->paras[p].text;

	for (size_t i = 0; i < n; i++) {
		size_t ne = m[i].kind == DS_ORG ? d->norgs : d->npeople;

		assert(m[i].kind == DS_PERSON || m[i].kind == DS_ORG);
		assert(m[i].who < ne);
		assert(m[i].len > 0);
		assert((size_t)m[i].off + m[i].len <= t.n);
		/* In text order and not overlapping. */
		assert(i == 0 || m[i - 1].off + m[i - 1].len <= m[i].off);
	}
}

/* The same bytes loaded from a file give the same status and records. */
static void
check_file_load(const uint8_t *data, size_t size, int rc, const struct dossier *b)
{
	char path[64];
	struct dossier d;
	struct diag dg;
	int fd = memfd_create("fuzz", 0), frc;

	if (fd < 0)
		return;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	diag_init(&dg, "fuzz");
	frc = dossier_load(&d, path, &dg);
	assert(frc == rc);
	if (frc == 0) {
		assert(d.nparas == b->nparas && d.npeople == b->npeople &&
		    d.nevents == b->nevents && d.nnotes == b->nnotes);
		dossier_free(&d);
	}
	diag_free(&dg);
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dossier d;
	struct diag dg;
	struct index ix;
	int rc;

	diag_init(&dg, "fuzz");
	rc = dossier_load_buffer(&d, "fuzz", (const char *)data, size, &dg);
	assert(rc == 0 || rc == 65 || rc == 70);
	assert((rc == 0) == (dg.count == 0));
	for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
		assert(dg.msg[i] == NULL || strncmp(dg.msg[i], "fuzz:", 5) == 0);
	diag_free(&dg);
	if (size >= REC_PARALLEL_MIN)
		check_file_load(data, size, rc, &d);
	if (rc != 0)
		return 0;

	/* Every Id finds its own record. */
	for (size_t i = 0; i < d.npeople; i++)
		assert(dossier_find(&d, DS_PERSON, d.people[i].id.s, d.people[i].id.n) == (long)i);
	for (size_t i = 0; i < d.nevents; i++)
		assert(dossier_find(&d, DS_EVENT, d.events[i].id.s, d.events[i].id.n) == (long)i);
	for (size_t i = 0; i < d.nnotes; i++) {
		const struct ds_note *n = &d.notes[i];
		assert(n->para < d.nparas);
		assert(n->quote_off + n->quote.n <= d.paras[n->para].text.n);
	}

	if (index_init(&ix, &d) == 0) {
		for (size_t p = 0; p < d.nparas; p++) {
			size_t n;
			const struct ds_mention *m = index_mentions(&ix, p, &n);
			check_mentions(&d, p, m, n);
		}
		for (size_t i = 0; i < d.npeople; i++) {
			const struct ds_refs *r = index_paragraphs_of(&ix, DS_PERSON, i);
			for (size_t k = 0; r && k < r->n; k++)
				assert(r->v[k] < d.nparas && (k == 0 || r->v[k - 1] < r->v[k]));
		}
		for (size_t i = 0; i < d.norgs; i++) {
			const struct ds_refs *r = index_paragraphs_of(&ix, DS_ORG, i);
			for (size_t k = 0; r && k < r->n; k++)
				assert(r->v[k] < d.nparas && (k == 0 || r->v[k - 1] < r->v[k]));
		}
	}
	index_free(&ix);
	dossier_free(&d);
	return 0;
}
