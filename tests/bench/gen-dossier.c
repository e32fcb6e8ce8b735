/* gen-dossier: a deterministic, valid dossier N times the size of the
 * bundled one, for benchmarks.
 *
 *   gen-dossier [-n N] [-o OUT] [-t TEXT] [SOURCE]
 *
 * SOURCE (default data/meta-ai.rec) is read with the project's own reader
 * and model (src/libcore.a), so it must pass `dossier --check`.  OUT gets N
 * copies of every record but the Dossier one, each type in one section:
 *
 *   - copy 0 is the source's records as they are (ids, names, text);
 *   - copy k > 0 has ids suffixed "-kK"; every person and organization gets
 *     new surface forms: a Name or Alias ending in a Latin letter or digit
 *     gets "-K" ("Yann LeCun-7", "Llama 2-7"), any other gets K in
 *     full-width digits ("扎克伯格７"), so no copy's form is a mention in
 *     another copy's text;
 *   - the paragraph text of copy k is the source's with every mention
 *     rewritten to copy k's form, followed by one or two sentences taken
 *     from other paragraphs (also rewritten), so paragraphs are recombined
 *     rather than repeated and every copy has its own mentions;
 *   - events, people and notes link to their own copy's records; a Note's
 *     Quote is cut from the rewritten paragraph at the place of the
 *     original quote, so it still occurs there.
 *
 * TEXT, if given, gets the article text alone (paragraphs separated by
 * blank lines): what `less` is compared with.  The output depends only on
 * SOURCE and N. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"

/* One surface form found in a paragraph of the source: the copy-k text
 * gets the suffix inserted at `end`. */
struct ins {
	size_t end;
	bool latin;                /* form ends in [A-Za-z0-9]: "-K" */
};

struct para_ins {
	struct ins *v;
	size_t n;
	size_t sent_end;           /* end of the first sentence (recombination) */
};

struct form {
	const char *s;
	size_t n;
};

static const struct dossier *D;
static struct form *forms;
static size_t nforms;
static struct para_ins *pins;
static size_t *rec_para;       /* record index -> paragraph index, or SIZE_MAX */
static size_t *rec_note;

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fputs("gen-dossier: out of memory\n", stderr);
		exit(70);
	}
	return p;
}

static bool
is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

static void
add_forms(const struct ds_entity *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		forms[nforms++] = (struct form){ e[i].name.s, e[i].name.n };
		for (size_t a = 0; a < e[i].nalias; a++)
			forms[nforms++] = (struct form){ e[i].alias[a].s, e[i].alias[a].n };
	}
}

/* Longest form at s[i] under the index's rules: a Latin form neither
 * starts nor ends inside a Latin word. */
static size_t
form_at(const char *s, size_t n, size_t i)
{
	size_t best = 0;

	if (i > 0 && is_word((unsigned char)s[i]) && is_word((unsigned char)s[i - 1]))
		return 0;
	for (size_t f = 0; f < nforms; f++) {
		size_t l = forms[f].n;
		if (l == 0 || l <= best || l > n - i || memcmp(s + i, forms[f].s, l) != 0)
			continue;
		if (i + l < n && is_word((unsigned char)s[i + l - 1]) &&
		    is_word((unsigned char)s[i + l]))
			continue;
		best = l;
	}
	return best;
}

static void
scan_paragraph(size_t p)
{
	struct ds_str t = D->paras[p].text;
	struct para_ins *pi = &pins[p];
	size_t cap = 8;
	const char *stop;

	pi->v = xmalloc(cap * sizeof *pi->v);
	for (size_t i = 0; i < t.n;) {
		size_t l;
		if (((unsigned char)t.s[i] & 0xc0) == 0x80 || (l = form_at(t.s, t.n, i)) == 0) {
			i++;
			continue;
		}
		if (pi->n == cap) {
			cap *= 2;
			struct ins *nv = realloc(pi->v, cap * sizeof *nv);
			if (!nv) {
				fputs("gen-dossier: out of memory\n", stderr);
				exit(70);
			}
			pi->v = nv;
		}
		pi->v[pi->n++] = (struct ins){ i + l, is_word((unsigned char)t.s[i + l - 1]) };
		i += l;
	}
	/* The first sentence: up to and including the first full stop. */
	stop = memmem(t.s, t.n, "。", 3);
	pi->sent_end = stop ? (size_t)(stop - t.s) + 3 : t.n;
}

/* ---- output ---- */

static FILE *out;

static void
put(const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, out) != n) {
		perror("gen-dossier: write");
		exit(74);
	}
}

static void
puts_(const char *s)
{
	put(s, strlen(s));
}

/* A growable byte string for one value. */
struct sbuf {
	char *s;
	size_t n, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			fputs("gen-dossier: out of memory\n", stderr);
			exit(70);
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
}

static void
sb_suffix(struct sbuf *b, unsigned long k, bool latin)
{
	char num[24];
	int len = snprintf(num, sizeof num, "%lu", k);

	if (latin) {
		sb_add(b, "-", 1);
		sb_add(b, num, (size_t)len);
		return;
	}
	/* Full-width digits U+FF10..U+FF19: not [0-9], so the index does not
	 * take them for part of a Latin word, and search folds them (NFKC) to
	 * ASCII digits. */
	for (int i = 0; i < len; i++) {
		char fw[3] = { (char)0xef, (char)0xbc, (char)(0x90 + (num[i] - '0')) };
		sb_add(b, fw, 3);
	}
}

/* Appends source paragraph p's bytes [a, e) rewritten for copy k: copy
 * k's suffix after every surface form that ends in that range. */
static void
rewrite(struct sbuf *b, size_t p, size_t a, size_t e, unsigned long k)
{
	const struct ds_str t = D->paras[p].text;
	const struct para_ins *pi = &pins[p];
	size_t pos = a;

	for (size_t i = 0; i < pi->n; i++) {
		if (pi->v[i].end <= a || pi->v[i].end > e)
			continue;
		sb_add(b, t.s + pos, pi->v[i].end - pos);
		pos = pi->v[i].end;
		if (k)
			sb_suffix(b, k, pi->v[i].latin);
	}
	sb_add(b, t.s + pos, e - pos);
}

/* Offset in paragraph p rewritten for copy k of source offset off: a
 * suffix inserted at off comes before it, so a quote that ends with a
 * form keeps the form's suffix, and one that starts after a form does not
 * start with that form's suffix. */
static size_t
mapped(size_t p, size_t off, unsigned long k)
{
	struct sbuf tmp = { 0 };
	size_t extra = 0;

	if (k == 0)
		return off;
	sb_suffix(&tmp, k, true);
	size_t latin_len = tmp.n;
	tmp.n = 0;
	sb_suffix(&tmp, k, false);
	size_t wide_len = tmp.n;
	free(tmp.s);
	for (size_t i = 0; i < pins[p].n; i++) {
		size_t end = pins[p].v[i].end;
		if (end <= off)
			extra += pins[p].v[i].latin ? latin_len : wide_len;
	}
	return off + extra;
}

/* Paragraphs whose first sentence copy k appends to paragraph p. */
static size_t
donor(size_t p, unsigned long k, unsigned which)
{
	size_t np = D->nparas;
	size_t d = (p * 31 + k * 17 + which * 7 + 5) % np;

	return d == p ? (d + 1) % np : d;
}

static void
paragraph_text(struct sbuf *b, size_t p, unsigned long k)
{
	b->n = 0;
	rewrite(b, p, 0, D->paras[p].text.n, k);
	if (k == 0 || D->nparas < 2)
		return;
	/* One borrowed sentence, two in every third paragraph. */
	for (unsigned w = 0; w < 1u + ((p + k) % 3 == 0); w++) {
		size_t d = donor(p, k, w);
		rewrite(b, d, 0, pins[d].sent_end, k);
	}
}

static void
put_id(const char *s, size_t n, unsigned long k)
{
	char suf[32];

	put(s, n);
	if (k) {
		snprintf(suf, sizeof suf, "-k%lu", k);
		puts_(suf);
	}
}

/* "Name: value", continuation lines for a value with newlines. */
static void
put_field(const char *name, size_t nn, const char *v, size_t n)
{
	put(name, nn);
	puts_(": ");
	for (size_t i = 0; i < n; i++) {
		if (v[i] == '\n') {
			puts_("\n+");
			if (i + 1 < n && v[i + 1] != '\n')
				puts_(" ");
		} else
			put(v + i, 1);
	}
	puts_("\n");
}

static bool
name_is(const struct rec_file *rf, const struct rec_field *f, const char *s)
{
	return f->name_len == strlen(s) && memcmp(rec_field_name(rf, f), s, f->name_len) == 0;
}

static bool
type_is(const struct rec_record *r, const char *t)
{
	return r->type_len == strlen(t) && memcmp(r->type, t, r->type_len) == 0;
}

/* Is field f of a record of type t a reference to an Id? */
static bool
is_ref(const struct rec_file *rf, const char *t, const struct rec_field *f)
{
	if (strcmp(t, "Paragraph") == 0)
		return name_is(rf, f, "Article");
	if (strcmp(t, "Person") == 0)
		return name_is(rf, f, "Org");
	if (strcmp(t, "Event") == 0)
		return name_is(rf, f, "Person") || name_is(rf, f, "Org") || name_is(rf, f, "Paragraph");
	if (strcmp(t, "Note") == 0)
		return name_is(rf, f, "Paragraph");
	return false;
}

static void
emit_record(const char *t, size_t ri, unsigned long k, struct sbuf *b)
{
	const struct rec_file *rf = &D->rf;
	const struct rec_record *r = &rf->recs[ri];
	bool entity = strcmp(t, "Person") == 0 || strcmp(t, "Org") == 0;

	for (size_t i = 0; i < r->nfields; i++) {
		const struct rec_field *f = &rf->fields[r->first + i];
		if (k && (name_is(rf, f, "Id") || is_ref(rf, t, f))) {
			put(rec_field_name(rf, f), f->name_len);
			puts_(": ");
			put_id(f->value, f->len, k);
			puts_("\n");
		} else if (k && entity && (name_is(rf, f, "Name") || name_is(rf, f, "Alias")) && f->len) {
			b->n = 0;
			sb_add(b, f->value, f->len);
			sb_suffix(b, k, is_word((unsigned char)f->value[f->len - 1]));
			put_field(rec_field_name(rf, f), f->name_len, b->s, b->n);
		} else if (k && strcmp(t, "Article") == 0 && name_is(rf, f, "Title")) {
			/* Each copy an article of its own, told apart in a list. */
			char num[32];
			b->n = 0;
			sb_add(b, f->value, f->len);
			snprintf(num, sizeof num, " (copy %lu)", k);
			sb_add(b, num, strlen(num));
			put_field(rec_field_name(rf, f), f->name_len, b->s, b->n);
		} else if (strcmp(t, "Paragraph") == 0 && name_is(rf, f, "Text")) {
			paragraph_text(b, rec_para[ri], k);
			put_field(rec_field_name(rf, f), f->name_len, b->s, b->n);
		} else if (k && strcmp(t, "Note") == 0 && name_is(rf, f, "Quote")) {
			const struct ds_note *n = &D->notes[rec_note[ri]];
			size_t p = n->para, a, e;
			paragraph_text(b, p, k);
			a = mapped(p, n->quote_off, k);
			e = mapped(p, n->quote_off + n->quote.n, k);
			put_field(rec_field_name(rf, f), f->name_len, b->s + a, e - a);
		} else {
			put_field(rec_field_name(rf, f), f->name_len, f->value, f->len);
		}
	}
	puts_("\n");
}

static void
emit_type(const char *t, bool key, unsigned long copies, struct sbuf *b)
{
	const struct rec_file *rf = &D->rf;

	puts_("%rec: ");
	puts_(t);
	puts_(key ? "\n%key: Id\n\n" : "\n\n");
	for (unsigned long k = 0; k < copies; k++)
		for (size_t i = 0; i < rf->nrecs; i++)
			if (type_is(&rf->recs[i], t))
				emit_record(t, i, k, b);
}

static void
emit_text(const char *path, unsigned long copies, struct sbuf *b)
{
	FILE *saved = out;

	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "gen-dossier: %s: %s\n", path, strerror(errno));
		exit(73);
	}
	for (unsigned long k = 0; k < copies; k++)
		for (size_t p = 0; p < D->nparas; p++) {
			paragraph_text(b, p, k);
			put(b->s, b->n);
			puts_("\n\n");
		}
	if (fclose(out) != 0) {
		perror("gen-dossier: write");
		exit(74);
	}
	out = saved;
}

static void
usage(FILE *f)
{
	fputs("Usage: gen-dossier [-n COPIES] [-o OUT] [-t TEXT] [SOURCE]\n"
	    "Write a valid dossier COPIES times SOURCE (default data/meta-ai.rec)\n"
	    "to OUT (default stdout); TEXT gets its article text alone.\n", f);
}

int
main(int argc, char **argv)
{
	static struct dossier d;
	const char *src = "data/meta-ai.rec", *outpath = NULL, *textpath = NULL;
	unsigned long copies = 1;
	struct diag dg;
	struct sbuf b = { 0 };
	char *end;
	int c;

	while ((c = getopt(argc, argv, "n:o:t:h")) != -1) {
		switch (c) {
		case 'n':
			errno = 0;
			copies = strtoul(optarg, &end, 10);
			if (errno || *end || copies < 1 || copies > 100000) {
				fprintf(stderr, "gen-dossier: bad copy count '%s'\n", optarg);
				return 64;
			}
			break;
		case 'o': outpath = optarg; break;
		case 't': textpath = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 64;
		}
	}
	if (optind < argc)
		src = argv[optind++];
	if (optind < argc) {
		usage(stderr);
		return 64;
	}
	diag_init(&dg, src);
	if (dossier_load(&d, src, &dg) != 0) {
		for (size_t i = 0; i < dg.count && i < DIAG_MAX; i++)
			fprintf(stderr, "%s\n", dg.msg[i]);
		return 65;
	}
	diag_free(&dg);
	D = &d;

	size_t nf = 0;
	for (size_t i = 0; i < d.npeople; i++)
		nf += 1 + d.people[i].nalias;
	for (size_t i = 0; i < d.norgs; i++)
		nf += 1 + d.orgs[i].nalias;
	forms = xmalloc(nf * sizeof *forms);
	add_forms(d.people, d.npeople);
	add_forms(d.orgs, d.norgs);
	pins = xmalloc(d.nparas * sizeof *pins);
	memset(pins, 0, d.nparas * sizeof *pins);
	for (size_t p = 0; p < d.nparas; p++)
		scan_paragraph(p);
	rec_para = xmalloc(d.rf.nrecs * sizeof *rec_para);
	rec_note = xmalloc(d.rf.nrecs * sizeof *rec_note);
	for (size_t p = 0; p < d.nparas; p++)
		rec_para[d.paras[p].rec] = p;
	for (size_t n = 0; n < d.nnotes; n++)
		rec_note[d.notes[n].rec] = n;

	out = outpath ? fopen(outpath, "w") : stdout;
	if (!out) {
		fprintf(stderr, "gen-dossier: %s: %s\n", outpath, strerror(errno));
		return 73;
	}
	fprintf(out, "# Generated by gen-dossier -n %lu from %s: %lu copies of its\n"
	    "# records, with distinct ids and surface forms per copy.\n\n",
	    copies, src, copies);
	emit_type("Dossier", false, 1, &b);
	emit_type("Article", true, copies, &b);
	emit_type("Paragraph", true, copies, &b);
	emit_type("Person", true, copies, &b);
	emit_type("Org", true, copies, &b);
	emit_type("Event", true, copies, &b);
	emit_type("Note", false, copies, &b);
	if (out != stdout ? fclose(out) != 0 : fflush(out) != 0) {
		perror("gen-dossier: write");
		return 74;
	}
	if (textpath)
		emit_text(textpath, copies, &b);

	free(b.s);
	for (size_t p = 0; p < d.nparas; p++)
		free(pins[p].v);
	free(pins);
	free(forms);
	free(rec_para);
	free(rec_note);
	dossier_free(&d);
	return 0;
}
