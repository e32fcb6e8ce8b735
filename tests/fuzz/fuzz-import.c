/* libFuzzer target: bytes as an article for dossier --import.  Whatever
 * the bytes, the import either refuses them as bad data (65) or makes a
 * dossier that passes the loader's checks: import_buffer checks its
 * result itself and says 70 when it does not, which is a bug here.  With
 * and without a publication date, so both ways of dating are exercised. */
#include <config.h>

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *err = fopen("/dev/null", "w");

	assert(err);
	for (int pass = 0; pass < 2; pass++) {
		struct import_opts o = { 0 };
		struct rw_buf out;
		int rc;

		o.has_published = pass == 1;
		o.published = (struct ds_date){ 2024, 2, 29 };
		rw_init(&out);
		rc = import_buffer(&o, "fuzz", (const char *)data, size, &out, err);
		assert(rc == 0 || rc == 65);
		assert(rc != 0 || out.n > 0);
		rw_free(&out);
	}
	fclose(err);
	return 0;
}
