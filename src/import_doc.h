/* An article as the importer reads it, whatever its format: the head
 * (title, byline, date) and the paragraphs, each with the heading above
 * it.  Strings are malloc'd, NUL-terminated, valid UTF-8. */
#ifndef DOSSIER_IMPORT_DOC_H
#define DOSSIER_IMPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>

struct imp_para {
	char *text;
	char *section;             /* the heading above it, or NULL */
};

struct imp_doc {
	char *title, *author, *editor, *source, *date;  /* NULL: not found */
	struct imp_para *paras;
	size_t npara, cap;
	bool oom;
};

void imp_doc_init(struct imp_doc *);
void imp_doc_free(struct imp_doc *);
/* Adds a paragraph (copied) under section (copied, may be NULL). */
void imp_doc_add(struct imp_doc *, const char *text, size_t n, const char *section);

/* Plain text: one paragraph a line, or paragraphs separated by blank
 * lines with their lines joined; bylines and a title at the top, bylines
 * at the bottom, short heading lines between paragraphs as sections.
 * buf[0..n) is valid UTF-8. */
void imp_text_parse(struct imp_doc *, const char *buf, size_t n);

/* HTML as saved from a browser, through libxml2's HTML parser.  Returns
 * false when it cannot be parsed at all. */
bool imp_html_parse(struct imp_doc *, const char *buf, size_t n);

/* If s[0..n) is a byline (编辑:王靖, 文|某人, By A. Writer, 来源:...),
 * stores its value in doc and returns true: the first one of each kind,
 * but writers are all kept, separated by ", ". */
bool imp_byline(struct imp_doc *, const char *s, size_t n);

/* Takes bylines off the start and the end of the paragraphs, and a title
 * from the start when there is none yet (text only: headings is set),
 * and turns short lines between paragraphs into sections. */
void imp_head(struct imp_doc *, bool headings);

#endif
