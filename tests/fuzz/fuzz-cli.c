/* libFuzzer target: the text output of the command line on a fuzzed
 * dossier.  The bytes are a dossier file; a first line "#QUERY" (a
 * comment to the reader) is also the --search query.  When they load,
 * --check, --list of every kind and --search write to memory; when they do
 * not, the error messages are the output.  Whatever the data holds, no
 * output may carry a byte that is not UTF-8, a control character other
 * than the tab and newline of the format, a C1 control or a bidi control:
 * everything goes through the sanitiser. */
#include <config.h>

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "cli.h"
#include "dossier.h"
#include "escape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Valid UTF-8 with nothing unsafe in it; tabs and newlines only where the
 * format has them (as_lines: rows of tab-separated fields). */
static void
check_safe(const char *s, size_t n, int as_lines)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	assert(u8_check(p, n) == NULL);
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, p, (size_t)(end - p));

		assert(len > 0);
		assert(!esc_unsafe(c) || (as_lines && (c == '\t' || c == '\n')));
		p += len;
	}
	assert(!as_lines || n == 0 || s[n - 1] == '\n');
}

typedef int (*writer)(const struct dossier *, const char *, FILE *);

static int
run_check(const struct dossier *d, const char *arg, FILE *out)
{
	(void)arg;
	return cli_check(d, out);
}

static void
output_of(writer w, const struct dossier *d, const char *arg)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	int rc;

	assert(out);
	rc = w(d, arg, out);
	assert(fclose(out) == 0);
	assert(rc == 0 || rc == EX_NOMATCH || rc == EX_SOFTWARE_);
	check_safe(buf, n, 1);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = { "articles", "people", "orgs", "events", "paragraphs" };
	struct dossier d;
	struct diag dg;
	char query[256] = "";
	int rc;

	if (size > 0 && data[0] == '#') {
		const uint8_t *nl = memchr(data, '\n', size);
		size_t qn = (nl ? (size_t)(nl - data) : size) - 1;

		if (qn >= sizeof query)
			qn = sizeof query - 1;
		memcpy(query, data + 1, qn);
		query[qn] = '\0';   /* a NUL inside ends the query early */
	}
	diag_init(&dg, "fuzz\x1b]0;name\x07.rec");
	rc = dossier_load_buffer(&d, dg.file, (const char *)data, size, &dg);
	for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
		if (dg.msg[i])
			check_safe(dg.msg[i], strlen(dg.msg[i]), 0);
	diag_free(&dg);
	if (rc != 0)
		return 0;
	output_of(run_check, &d, NULL);
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		output_of(cli_list, &d, kinds[k]);
	if (query[0])
		output_of(cli_search, &d, query);
	dossier_free(&d);
	return 0;
}
