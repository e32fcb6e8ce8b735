/* dossier: options, locale, finding the data file, and the choice between
 * the non-interactive modes and the screen. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "i18n.h"
#include "index.h"
#include "dossier.h"
#include "import.h"
#include "keys.h"
#include "options.h"
#include "state_list.h"
#include "text.h"
#include "ui.h"
#include "view.h"

static const struct option long_options[] = {
	{ "file", required_argument, NULL, 'f' },
	{ "check", no_argument, NULL, 'c' },
	{ "list", required_argument, NULL, 'l' },
	{ "search", required_argument, NULL, 's' },
	{ "import", required_argument, NULL, 'i' },
	{ "published", required_argument, NULL, 'p' },
	{ "output", required_argument, NULL, 'o' },
	{ "text", required_argument, NULL, 't' },
	{ "keys", no_argument, NULL, 'k' },
	{ "state-dir", required_argument, NULL, 'S' },
	{ "no-state", no_argument, NULL, 'N' },
	{ "no-mouse", no_argument, NULL, 'M' },
	{ "from-top", no_argument, NULL, 'T' },
	{ "ambiwidth", required_argument, NULL, 'A' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* Each option's help is a message of its own, so that translators can
 * word it freely; the option names stay as they are typed.  A help of
 * several lines is indented under the first. */
static const struct {
	const char *opts, *help;
} option_help[] = {
	{ "-f, --file=FILE", NULL },	/* names the bundled file: see usage() */
	{ "-c, --check", N_("validate the dossier and print counts per record type") },
	{ "-l, --list=WHAT", N_("print articles, people, orgs, events, paragraphs,\n"
	    "glosses, notes, or your own mynotes or marks,\ntab-separated") },
	{ "-s, --search=QUERY", N_("print every hit of QUERY, one per line") },
	{ "-i, --import=ARTICLE", N_("make a dossier of ARTICLE (text or HTML), or add it\n"
	    "to the dossier given by -f or FILE; see IMPORTING") },
	{ "-p, --published=DATE", N_("resolve the article's relative dates against DATE\n"
	    "(YYYY, YYYY-MM or YYYY-MM-DD)") },
	{ "-o, --output=OUT", N_("write the imported dossier to OUT, replacing it\n"
	    "atomically, instead of standard output") },
	{ "-t, --text=MODE", N_("show the article as the original, in English (the\n"
	    "dossier's translation) or both (default: original)") },
	{ "-k, --keys", N_("print the key bindings and exit") },
	{ "    --state-dir=DIR", N_("keep the reading place, marks, own notes and searches\n"
	    "in DIR (default: $DOSSIER_STATE_DIR, else\n"
	    "$XDG_STATE_HOME/dossier or ~/.local/state/dossier)") },
	{ "    --no-state", N_("neither read nor write them") },
	{ "    --no-mouse", N_("leave the mouse to the terminal, to select and copy\n"
	    "(c in the browser switches)") },
	{ "    --from-top", N_("start at the top, not where the last session stopped") },
	{ "    --ambiwidth=W", N_("single or double: the columns the terminal gives\n"
	    "East Asian ambiguous characters, such as Chinese\n"
	    "quotes (default: $DOSSIER_AMBIWIDTH, else single)") },
	{ "-h, --help", N_("display this help and exit") },
	{ "-V, --version", N_("output version information and exit") },
};

static void
usage(FILE *out)
{
	fputs(_("Usage: dossier [OPTION]... [FILE]\n"
	    "  or:  dossier [-f DOSSIER] --import=ARTICLE [--published=DATE] [-o OUT]\n"), out);
	fputs(_("Browse a news dossier: timeline, people and article, linked, in a terminal.\n"),
	    out);
	putc('\n', out);
	for (size_t i = 0; i < sizeof option_help / sizeof option_help[0]; i++) {
		char help[512];
		const char *line = help;

		if (option_help[i].help)
			snprintf(help, sizeof help, "%s", _(option_help[i].help));
		else
			snprintf(help, sizeof help, _("read the dossier FILE (default: "
			    "$DOSSIER_FILE, else\nthe bundled %s)"), PKGDATADIR "/meta-ai.rec");
		fprintf(out, "  %-20s ", option_help[i].opts);
		for (const char *nl; (nl = strchr(line, '\n')); line = nl + 1)
			fprintf(out, "%.*s\n%23s", (int)(nl - line), line, "");
		fprintf(out, "%s\n", line);
	}
	putc('\n', out);
	fputs(_("Without an option dossier opens the browser; press ? in it for the keys.\n"), out);
	fputs(_("Exit status: 0 ok, 1 no search hit, 64 usage, 65 bad data, 66 no data file,\n"
	    "70 internal error, 78 unusable terminal.  See dossier(1) and dossier(5).\n"), out);
}

static void
version(void)
{
	puts(PACKAGE_NAME " " PACKAGE_VERSION);
	puts("Copyright (C) 2026 The dossier authors.");
	puts(_("License ISC: <https://opensource.org/license/isc-license-txt>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law."));
}

/* The bundled data of the build tree when the program runs from one
 * (it is DIR/src/dossier and DIR/data/meta-ai.rec exists; a VPATH build
 * links its data there), else the installed copy.  Found from the
 * program's own path, so that no path of the build is kept in it. */
static const char *
default_file(void)
{
	static const char data[] = "/data/meta-ai.rec";
	static char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - sizeof data);
	char *slash;

	if (n > 0) {
		path[n] = '\0';
		slash = strrchr(path, '/');
		if (slash && slash - path >= 4 && strcmp(slash, "/dossier") == 0 &&
		    strncmp(slash - 4, "/src", 4) == 0) {
			strcpy(slash - 4, data);
			if (access(path, F_OK) == 0)
				return path;
		}
	}
	return PKGDATADIR "/meta-ai.rec";
}

static void
try_help(void)
{
	fputs(_("Try 'dossier --help' for more information.\n"), stderr);
}

/* The messages of getopt, made here so that the argument they quote goes
 * through the sanitiser.  before: optind before the failed call; a long
 * option is always passed over, a short one only when it ends its
 * argument. */
static void
bad_option(char **argv, int c, int before)
{
	const char *arg = argv[optind - 1];
	char opt = (char)optopt;

	fputs("dossier: ", stderr);
	if (optind > before && strncmp(arg, "--", 2) == 0) {
		const struct option *lo = long_options;

		/* A known option is named in full, as it was matched. */
		while (optopt && lo->name && lo->val != optopt)
			lo++;
		if (optopt && lo->name && c == ':')
			fprintf(stderr, _("option '--%s' requires an argument\n"), lo->name);
		else if (optopt && lo->name)
			fprintf(stderr, _("option '--%s' doesn't allow an argument\n"), lo->name);
		else
			esc_printf(stderr, _("unrecognized option '%s'\n"), arg);
	} else {
		char o[2] = { opt, '\0' };

		esc_printf(stderr, c == ':' ? _("option requires an argument -- '%s'\n") :
		    _("invalid option -- '%s'\n"), o);
	}
	try_help();
}

/* The columns of an East Asian ambiguous character from "single" or
 * "double", 0 for anything else. */
static int
ambiwidth_parse(const char *s)
{
	return strcmp(s, "single") == 0 ? 1 : strcmp(s, "double") == 0 ? 2 : 0;
}

static int
bad_ambiwidth(bool env, const char *value)
{
	fputs("dossier: ", stderr);
	esc_printf(stderr, env ? _("DOSSIER_AMBIWIDTH wants single or double, not '%s'\n") :
	    _("--ambiwidth wants single or double, not '%s'\n"), value);
	try_help();
	return EX_USAGE_;
}

static int
parse_args(int argc, char **argv, struct options *o)
{
	int c, before = optind;
	enum text_mode m;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:cl:s:i:p:o:t:khV", long_options, NULL)) != -1) {
		switch (c) {
		case 'f': o->file = optarg; break;
		case 'i': o->mode = MODE_IMPORT; o->arg = optarg; break;
		case 'p': o->published = optarg; break;
		case 'o': o->output = optarg; break;
		case 'c': o->mode = MODE_CHECK; break;
		case 'l': o->mode = MODE_LIST; o->arg = optarg; break;
		case 's': o->mode = MODE_SEARCH; o->arg = optarg; break;
		case 't':
			if (!text_mode_parse(optarg, &m)) {
				fputs("dossier: ", stderr);
				esc_printf(stderr, _("--text wants original, english or both, "
				    "not '%s'\n"), optarg);
				try_help();
				return EX_USAGE_;
			}
			o->text = (int)m;
			break;
		case 'k': key_table_print(stdout); exit(0);
		case 'S': o->state_dir = optarg; break;
		case 'N': o->no_state = true; break;
		case 'M': o->no_mouse = true; break;
		case 'T': o->from_top = true; break;
		case 'A':
			if (!(o->ambiwidth = ambiwidth_parse(optarg)))
				return bad_ambiwidth(false, optarg);
			break;
		case 'h': usage(stdout); exit(0);
		case 'V': version(); exit(0);
		default:
			bad_option(argv, c, before);
			return EX_USAGE_;
		}
		before = optind;
	}
	if (optind < argc && !o->file)
		o->file = argv[optind++];
	if (optind < argc) {
		fputs("dossier: ", stderr);
		esc_printf(stderr, _("unexpected argument '%s'\n"), argv[optind]);
		try_help();
		return EX_USAGE_;
	}
	o->file_given = o->file != NULL;
	if ((o->published || o->output) && o->mode != MODE_IMPORT) {
		fputs("dossier: ", stderr);
		fputs(_("--published and --output go with --import\n"), stderr);
		try_help();
		return EX_USAGE_;
	}
	if (o->mode == MODE_LIST && strcmp(o->arg, "people") && strcmp(o->arg, "orgs") &&
	    strcmp(o->arg, "events") && strcmp(o->arg, "paragraphs") &&
	    strcmp(o->arg, "glosses") && strcmp(o->arg, "notes") && strcmp(o->arg, "mynotes") &&
	    strcmp(o->arg, "marks") && strcmp(o->arg, "articles")) {
		fputs("dossier: ", stderr);
		esc_printf(stderr, _("--list wants articles, people, orgs, events, paragraphs, "
		    "glosses, notes, mynotes or marks, not '%s'\n"), o->arg);
		try_help();
		return EX_USAGE_;
	}
	if (!o->ambiwidth) {
		const char *env = getenv("DOSSIER_AMBIWIDTH");
		if (env && *env && !(o->ambiwidth = ambiwidth_parse(env)))
			return bad_ambiwidth(true, env);
	}
	if (!o->file) {
		const char *env = getenv("DOSSIER_FILE");
		o->file = env && *env ? env : default_file();
	}
	return 0;
}

/* fclose, reporting an error also when an earlier write failed, or when
 * output is pending on a closed descriptor (gnulib's close_stream). */
static int
close_stream(FILE *f)
{
	bool pending = __fpending(f) != 0;
	bool failed_before = ferror(f) != 0;
	bool failed = fclose(f) != 0;

	if (failed_before || (failed && (pending || errno != EBADF))) {
		if (!failed)
			errno = 0;
		return EOF;
	}
	return 0;
}

/* At exit, as GNU programs do (close_stdout): output that could not be
 * written, a full disk or a closed descriptor, is an error, exit 70.  A
 * broken pipe is no exception, as in coreutils: it ends dossier by
 * SIGPIPE first, unless SIGPIPE is ignored, and then it is reported. */
static void
close_stdout(void)
{
	if (close_stream(stdout) != 0) {
		int e = errno;

		fputs("dossier: ", stderr);
		if (e)
			fprintf(stderr, _("write error: %s\n"), strerror(e));
		else
			fputs(_("write error\n"), stderr);
		_exit(EX_SOFTWARE_);
	}
	if (close_stream(stderr) != 0)
		_exit(EX_SOFTWARE_);
}

static int
run_import(const struct options *o)
{
	struct import_opts io = { 0 };

	io.article = o->arg;
	io.into = o->file_given ? o->file : NULL;
	io.out = o->output;
	if (o->published) {
		io.has_published = true;
		if (!date_parse(o->published, strlen(o->published), &io.published)) {
			fputs("dossier: ", stderr);
			esc_printf(stderr, _("--published wants YYYY, YYYY-MM or YYYY-MM-DD "
			    "(a real day), not '%s'\n"), o->published);
			return EX_USAGE_;
		}
	}
	return import_run(&io, stderr);
}

static int
run_mode(const struct options *o, struct dossier *d, struct index *ix)
{
	switch (o->mode) {
	case MODE_CHECK: return cli_check(d, stdout);
	case MODE_LIST:
		if (strcmp(o->arg, "mynotes") == 0 || strcmp(o->arg, "marks") == 0)
			return state_list(d, o, o->arg, stdout);
		return cli_list(d, o->arg, stdout);
	case MODE_SEARCH: return cli_search(d, o->arg, stdout);
	default: return ui_run(d, ix, o);
	}
}

/* A large file takes seconds to load (about 3 s a GiB here) before the
 * screen can show anything: say so meanwhile.  Until the screen is up,
 * signals have their default action, so Ctrl-C ends the load at once. */
static void
say_loading(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && st.st_size >= 64L * 1024 * 1024 && isatty(STDERR_FILENO)) {
		size_t n = esc_format(NULL, 0, path, strlen(path));
		char *e = malloc(n + 1);

		if (!e)
			return;
		esc_format(e, n + 1, path, strlen(path));
		fputs("dossier: ", stderr);
		fprintf(stderr, _("reading %s (%lld MB)...\n"), e,
		    (long long)st.st_size / 1000000);
		free(e);
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
	/* DOSSIER_LOCALEDIR: the catalogues of a build tree, for its tests. */
	const char *localedir = getenv("DOSSIER_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	atexit(close_stdout);
	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc;
	text_set_ambiwidth(o.ambiwidth == 2 ? 2 : 1);
	if (o.mode == MODE_IMPORT)
		return run_import(&o);
	if (o.mode == MODE_BROWSE && (rc = ui_preflight(&o)) != 0)
		return rc;
	diag_init(&dg, o.file);
	if (o.mode == MODE_BROWSE)
		say_loading(o.file);
	rc = dossier_load_with(&d, o.file, &dg, o.mode == MODE_BROWSE ? &job : NULL);
	if (rc) {
		index_free(&ix);
		diag_print(&dg, stderr);
		diag_free(&dg);
		return rc;
	}
	diag_free(&dg);
	rc = run_mode(&o, &d, &ix);
	dossier_free(&d);
	return rc;
}
