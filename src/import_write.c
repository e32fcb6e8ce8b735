/* The importer's output text: a new dossier, or the old one with the new
 * records put into its sections (one section per type, as recfix wants). */
#include <config.h>

#include <string.h>

#include "import_job.h"
#include "reldate.h"

/* The record types the importer writes, in the order of a new file. */
static const char *const chunk_type[NCHUNKS] = {
	"Article", "Paragraph", "Person", "Org", "Event", "Note" };
static const char *const chunk_desc[NCHUNKS] = {
	"%key: Id\n", "%key: Id\n", "%key: Id\n%mandatory: Name\n",
	"%key: Id\n%mandatory: Name\n", "%key: Id\n%mandatory: Date Title\n",
	"%mandatory: Paragraph Quote Text\n" };

const char *
imp_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

bool
imp_mostly_chinese(const struct imp_doc *d)
{
	size_t cjk = 0, latin = 0;

	for (size_t p = 0; p < d->npara; p++)
		for (const unsigned char *s = (const unsigned char *)d->paras[p].text; *s; s++) {
			cjk += *s >= 0xe3 && *s <= 0xe9;
			latin += (*s | 0x20) >= 'a' && (*s | 0x20) <= 'z';
		}
	return cjk * 3 > latin;
}

/* The title found, else the file's name without its extension (standard
 * input has none). */
static void
write_title(struct job *j, struct rw_buf *b)
{
	const char *base = imp_base_name(j->name), *dot = strrchr(base, '.');

	if (j->doc.title)
		rw_fields(b, "Title", j->doc.title);
	else if (strcmp(j->name, "-") != 0)
		rw_field(b, "Title", base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

static void
write_entities(struct job *j, bool person)
{
	struct rw_buf *b = &j->chunk[person ? C_PERSON : C_ORG];

	for (size_t e = 0; e < j->nents; e++) {
		const struct ent *x = &j->ents[e];
		if (!x->is_new || x->person != person)
			continue;
		rw_puts(b, "\n");
		rw_field(b, "Id", x->id, strlen(x->id));
		rw_fields(b, "Name", x->cand->name);
		for (size_t a = 0; a < x->cand->nalias; a++)
			rw_fields(b, "Alias", x->cand->alias[a]);
		if (person && strcmp(x->cand->rule, "named in the byline") == 0)
			rw_fields(b, "Role", imp_is_writer(j, x->cand) ? "writer" : "editor");
		rw_printf(b, "Note: Found by dossier --import: %s.\n", x->cand->rule);
		rw_puts(b, "Status: draft\n");
	}
}

static void
write_article(struct job *j)
{
	const struct imp_doc *d = &j->doc;
	struct rw_buf *b = &j->chunk[C_ARTICLE];
	char pub[16];

	rw_puts(b, "\n");
	rw_field(b, "Id", j->article_id, strlen(j->article_id));
	write_title(j, b);
	rw_fields(b, "Author", d->author);
	rw_fields(b, "Editor", d->editor);
	if (j->o->has_published) {
		reldate_format(&j->o->published, pub);
		rw_fields(b, "Date", pub);
	} else {
		rw_fields(b, "Date", d->date);
	}
	rw_fields(b, "Source", d->source ? d->source :
	    strcmp(j->name, "-") != 0 ? imp_base_name(j->name) : NULL);
	rw_puts(b, "Status: draft\n");
	b = &j->chunk[C_PARA];
	for (size_t p = 0; p < d->npara; p++) {
		rw_puts(b, "\n");
		rw_field(b, "Id", j->para_ids[p], strlen(j->para_ids[p]));
		rw_field(b, "Article", j->article_id, strlen(j->article_id));
		rw_fields(b, "Section", d->paras[p].section);
		rw_fields(b, "Text", d->paras[p].text);
	}
	write_entities(j, true);
	write_entities(j, false);
}

void
imp_write_dossier(struct job *j, struct rw_buf *b)
{
	const struct imp_doc *d = &j->doc;
	size_t at[NCHUNKS], from = 0;
	bool found[NCHUNKS];
	struct rw_buf old;

	write_article(j);
	rw_init(&old);
	if (j->has_old) {
		rw_put(&old, j->old.rf.data, j->old.rf.size);
		if (old.n && old.s[old.n - 1] != '\n')
			rw_puts(&old, "\n");
	} else {
		rw_puts(&old, "# A dossier made by dossier --import; every record with\n"
		    "# Status: draft is a guess for a person to review (see dossier(5)).\n"
		    "%rec: Dossier\n\n");
		write_title(j, &old);
		rw_fields(&old, "Language", imp_mostly_chinese(d) ? "zh" : "en");
		rw_puts(&old, "Status: draft\n");
	}
	/* Into the sections of the old file in file order, then new sections. */
	for (int c = 0; c < NCHUNKS; c++)
		at[c] = old.oom ? 0 : rw_section_end(old.s, old.n, chunk_type[c], &found[c]);
	for (;;) {
		int c = -1;
		for (int k = 0; k < NCHUNKS; k++)
			if (found[k] && (c < 0 || at[k] < at[c]))
				c = k;
		if (c < 0)
			break;
		found[c] = false;
		if (!j->chunk[c].n)
			continue;
		rw_put(b, old.s + from, at[c] - from);
		from = at[c];
		rw_put(b, j->chunk[c].s, j->chunk[c].n);
		if (from < old.n && old.s[from] != '\n')
			rw_puts(b, "\n");
		j->chunk[c].n = 0;
	}
	rw_put(b, old.s + from, old.n - from);
	for (int c = 0; c < NCHUNKS; c++)
		if (j->chunk[c].n) {
			rw_printf(b, "\n%%rec: %s\n%s", chunk_type[c], chunk_desc[c]);
			rw_put(b, j->chunk[c].s, j->chunk[c].n);
		}
	j->oom |= b->oom || old.oom;
	for (int c = 0; c < NCHUNKS; c++)
		j->oom |= j->chunk[c].oom;
	rw_free(&old);
}
