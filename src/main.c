/* dossier: options, locale, finding the data file, and the choice between
 * the non-interactive modes and the screen. */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <locale.h>
#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "index.h"
#include "dossier.h"
#include "keys.h"
#include "options.h"
#include "ui.h"

static const struct option long_options[] = {
	{ "file", required_argument, NULL, 'f' },
	{ "check", no_argument, NULL, 'c' },
	{ "list", required_argument, NULL, 'l' },
	{ "search", required_argument, NULL, 's' },
	{ "keys", no_argument, NULL, 'k' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *out)
{
	fputs(
"Usage: dossier [OPTION]... [FILE]\n"
"Browse a news dossier: timeline, people and article, linked, in a terminal.\n"
"\n"
"  -f, --file=FILE      read the dossier FILE (default: $DOSSIER_FILE, else\n"
"                       the bundled " PKGDATADIR "/meta-ai.rec)\n"
"  -c, --check          validate the dossier and print counts per record type\n"
"  -l, --list=WHAT      print articles, people, orgs, events or paragraphs,\n"
"                       tab-separated\n"
"  -s, --search=QUERY   print every hit of QUERY, one per line\n"
"  -k, --keys           print the key bindings and exit\n"
"  -h, --help           display this help and exit\n"
"  -V, --version        output version information and exit\n"
"\n"
"Without an option dossier opens the browser; press ? in it for the keys.\n"
"Exit status: 0 ok, 1 no search hit, 64 usage, 65 bad data, 66 no data file,\n"
"70 internal error, 78 unusable terminal.  See dossier(1) and dossier(5).\n",
	    out);
}

static void
version(void)
{
	puts(PACKAGE_NAME " " PACKAGE_VERSION "\n"
"Copyright (C) 2026 The dossier authors.\n"
"License ISC: <https://opensource.org/license/isc-license-txt>.\n"
"This is free software: you are free to change and redistribute it.\n"
"There is NO WARRANTY, to the extent permitted by law.");
}

/* The bundled data beside the program when it runs from its build tree,
 * else the installed copy. */
static const char *
default_file(void)
{
	static char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n > 0) {
		exe[n] = '\0';
		if (strcmp(exe, BUILD_TOP_BUILDDIR "/src/dossier") == 0)
			return BUILD_TOP_SRCDIR "/data/meta-ai.rec";
	}
	return PKGDATADIR "/meta-ai.rec";
}

static int
parse_args(int argc, char **argv, struct options *o)
{
	int c;

	while ((c = getopt_long(argc, argv, "f:cl:s:khV", long_options, NULL)) != -1) {
		switch (c) {
		case 'f': o->file = optarg; break;
		case 'c': o->mode = MODE_CHECK; break;
		case 'l': o->mode = MODE_LIST; o->arg = optarg; break;
		case 's': o->mode = MODE_SEARCH; o->arg = optarg; break;
		case 'k': key_table_print(stdout); exit(0);
		case 'h': usage(stdout); exit(0);
		case 'V': version(); exit(0);
		default:
			fputs("Try 'dossier --help' for more information.\n", stderr);
			return EX_USAGE_;
		}
	}
	if (optind < argc && !o->file)
		o->file = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, "dossier: unexpected argument '%s'\n"
		    "Try 'dossier --help' for more information.\n", argv[optind]);
		return EX_USAGE_;
	}
	if (o->mode == MODE_LIST && strcmp(o->arg, "people") && strcmp(o->arg, "orgs") &&
	    strcmp(o->arg, "events") && strcmp(o->arg, "paragraphs") &&
	    strcmp(o->arg, "articles")) {
		fprintf(stderr, "dossier: --list wants articles, people, orgs, events or paragraphs, not '%s'\n",
		    o->arg);
		return EX_USAGE_;
	}
	if (!o->file) {
		const char *env = getenv("DOSSIER_FILE");
		o->file = env && *env ? env : default_file();
	}
	return 0;
}

static void
report(const struct diag *dg)
{
	for (size_t i = 0; i < dg->count && i < DIAG_MAX; i++)
		if (dg->msg[i])
			fprintf(stderr, "%s\n", dg->msg[i]);
	if (dg->count > DIAG_MAX)
		fprintf(stderr, "%s: %zu more errors not shown\n", dg->file,
		    dg->count - DIAG_MAX);
}

static int
run_mode(const struct options *o, struct dossier *d, struct index *ix)
{
	switch (o->mode) {
	case MODE_CHECK: return cli_check(d, stdout);
	case MODE_LIST: return cli_list(d, o->arg, stdout);
	case MODE_SEARCH: return cli_search(d, o->arg, stdout);
	default: return ui_run(d, ix, o);
	}
}

static void
build_index(const struct dossier *d, void *ix)
{
	index_init(ix, d);
}

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	struct dossier d;
	struct diag dg;
	struct index ix = { 0 };
	/* The screen's index of names is made while the model is linked. */
	struct ds_side_job job = { build_index, &ix };
	int rc;

#if defined HAVE_MALLOPT && defined M_MMAP_THRESHOLD
	/* A fixed threshold: large blocks (the arrays of a large dossier,
	 * its search corpus) are then always mapped on their own and given
	 * back when freed.  glibc otherwise raises it after the first such
	 * block is freed, and the later ones, from the heap, leave holes
	 * that stay resident (3 MB more peak memory at 1000x). */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
	/* Only what dossier uses: the character set (wide characters, the
	 * screen) and the C library's messages (strerror).  Every other
	 * category is a file more to read at each start. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc;
	if (o.mode == MODE_BROWSE && (rc = ui_preflight(&o)) != 0)
		return rc;
	diag_init(&dg, o.file);
	rc = dossier_load_with(&d, o.file, &dg, o.mode == MODE_BROWSE ? &job : NULL);
	if (rc) {
		index_free(&ix);
		report(&dg);
		diag_free(&dg);
		return rc;
	}
	diag_free(&dg);
	rc = run_mode(&o, &d, &ix);
	if (fflush(stdout) != 0 && rc == 0) {
		perror("dossier: write error");
		rc = EX_SOFTWARE_;
	}
	dossier_free(&d);
	return rc;
}
