/* HTML articles through libxml2's HTML parser: the title, the byline and
 * the publication time from the metadata, and the paragraphs of the
 * article's body: the <article> that holds the most paragraph text, else
 * the element with the most paragraphs of its own. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "import_doc.h"
#include "recwrite.h"

static bool
named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	    xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* Elements whose text is never the article's. */
static bool
skipped(const xmlNode *n)
{
	static const char *const names[] = { "script", "style", "noscript", "nav", "aside",
		"footer", "header", "form", "button", "figure", "figcaption", "template",
		"svg", "iframe", "select" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (named(n, names[i]))
			return true;
	return false;
}

/* The text under n, blanks collapsed to one space, <br> as a newline. */
static void
collect(const xmlNode *n, struct rw_buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const xmlChar *p = c->content; p && *p; p++) {
				/* &nbsp; (U+00A0) is a blank like the others here */
				bool nbsp = p[0] == 0xc2 && p[1] == 0xa0;
				p += nbsp;
				if (nbsp || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
					if (b->n && b->s[b->n - 1] != ' ' && b->s[b->n - 1] != '\n')
						rw_put(b, " ", 1);
				} else {
					rw_put(b, (const char *)p, 1);
				}
			}
		} else if (named(c, "br")) {
			while (b->n && b->s[b->n - 1] == ' ')
				b->s[--b->n] = '\0';
			if (b->n)
				rw_put(b, "\n", 1);
		} else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
			collect(c, b);
		}
	}
}

/* Blanks at either end: spaces, newlines and U+3000 (an indent). */
static bool
blank_at(const char *s, size_t i, size_t n, size_t *k)
{
	if (i < n && (s[i] == ' ' || s[i] == '\n'))
		return *k = 1, true;
	if (i + 3 <= n && memcmp(s + i, "\u3000", 3) == 0)
		return *k = 3, true;
	return false;
}

static char *
text_of(const xmlNode *n)
{
	struct rw_buf b;
	size_t i = 0, k;

	rw_init(&b);
	collect(n, &b);
	while (b.n && ((b.n >= 1 && blank_at(b.s, b.n - 1, b.n, &k)) ||
	    (b.n >= 3 && blank_at(b.s, b.n - 3, b.n, &k) && k == 3)))
		b.s[b.n -= k] = '\0';
	if (b.oom || !b.n) {
		rw_free(&b);
		return NULL;
	}
	while (blank_at(b.s, i, b.n, &k))
		i += k;
	memmove(b.s, b.s + i, b.n - i + 1);
	return b.s;
}

static char *
attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)name);
}

struct meta {
	char *og_title, *author, *date, *site;
	const xmlNode *h1, *time, *title_el;
	const xmlNode *article;    /* the <article> with the most paragraph text */
	size_t article_text;
};

static void
keep(char **slot, char *v)
{
	if (!*slot && v && *v)
		*slot = v;
	else
		xmlFree(v);
}

static void
meta_of(const xmlNode *n, struct meta *m)
{
	char *key = attr(n, "property");

	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	if (key) {
		char *content = attr(n, "content");
		if (!strcmp(key, "og:title") || !strcmp(key, "twitter:title"))
			keep(&m->og_title, content);
		else if ((!strcmp(key, "author") || !strcmp(key, "article:author") ||
		    !strcmp(key, "byl")) && content && strncmp(content, "http", 4) != 0)
			keep(&m->author, content);
		else if (!strcmp(key, "article:published_time") || !strcmp(key, "datePublished") ||
		    !strcmp(key, "pubdate") || !strcmp(key, "publishdate") || !strcmp(key, "date") ||
		    !strcmp(key, "DC.date.issued") || !strcmp(key, "og:published_time"))
			keep(&m->date, content);
		else if (!strcmp(key, "og:site_name"))
			keep(&m->site, content);
		else
			xmlFree(content);
		xmlFree(key);
	}
}

/* The bytes of paragraph text anywhere under n. */
static size_t
all_p_text(const xmlNode *n)
{
	size_t sum = 0;

	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		if (named(c, "p")) {
			xmlChar *t = xmlNodeGetContent(c);
			sum += t ? strlen((char *)t) : 0;
			xmlFree(t);
		} else {
			sum += all_p_text(c);
		}
	}
	return sum;
}

/* One walk for the metadata and the landmarks. */
static void
survey(const xmlNode *n, struct meta *m)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (named(c, "meta"))
			meta_of(c, m);
		else if (named(c, "title") && !m->title_el)
			m->title_el = c;
		else if (named(c, "h1") && !m->h1)
			m->h1 = c;
		else if (named(c, "time") && !m->time)
			m->time = c;
		else if (named(c, "article") && all_p_text(c) > m->article_text) {
			m->article = c;
			m->article_text = all_p_text(c);
		}
		if (named(c, "script") || named(c, "style"))
			continue;
		survey(c->children, m);
	}
}

/* The bytes of paragraph text directly under n. */
static size_t
p_text(const xmlNode *n)
{
	size_t sum = 0;

	for (const xmlNode *c = n->children; c; c = c->next)
		if (named(c, "p")) {
			xmlChar *t = xmlNodeGetContent(c);
			sum += t ? strlen((char *)t) : 0;
			xmlFree(t);
		}
	return sum;
}

static void
most_p(const xmlNode *n, const xmlNode **best, size_t *most)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		size_t s = p_text(c);
		if (s > *most) {
			*most = s;
			*best = c;
		}
		most_p(c->children, best, most);
	}
}

/* Paragraphs and headings of the body, in document order. */
static void
body(struct imp_doc *d, const xmlNode *n, char **section)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		if (named(c, "p")) {
			char *t = text_of(c);
			if (t)
				imp_doc_add(d, t, strlen(t), *section);
			free(t);
		} else if (named(c, "h2") || named(c, "h3") || named(c, "h4") ||
		    named(c, "h5") || named(c, "h6")) {
			char *t = text_of(c);
			if (t) {
				free(*section);
				*section = t;
			}
		} else if (!named(c, "h1")) {
			body(d, c, section);
		}
	}
}

bool
imp_html_parse(struct imp_doc *d, const char *buf, size_t n)
{
	struct meta m = { 0 };
	const xmlNode *best = NULL;
	size_t most = 0;
	char *section = NULL;
	htmlDocPtr doc;

	if (n > INT32_MAX)
		return false;
	doc = htmlReadMemory(buf, (int)n, NULL, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER);
	if (!doc)
		return false;
	survey(xmlDocGetRootElement(doc), &m);
	/* The <article> with the most paragraph text, else the element with
	 * the most paragraphs of its own. */
	if (m.article)
		best = m.article;
	else
		most_p(xmlDocGetRootElement(doc), &best, &most);
	if (best)
		body(d, best, &section);
	free(section);
	/* The title: Open Graph's, else the first <h1>, else <title>. */
	if (m.og_title)
		d->title = strdup(m.og_title);
	else if (m.h1)
		d->title = text_of(m.h1);
	else if (m.title_el)
		d->title = text_of(m.title_el);
	if (m.author)
		d->author = strdup(m.author);
	if (m.date)
		d->date = strdup(m.date);
	else if (m.time) {
		char *dt = attr(m.time, "datetime");
		if (dt)
			d->date = strdup(dt);
		xmlFree(dt);
	}
	if (m.site)
		d->source = strdup(m.site);
	xmlFree(m.og_title);
	xmlFree(m.author);
	xmlFree(m.date);
	xmlFree(m.site);
	xmlFreeDoc(doc);
	imp_head(d, false);
	return true;
}
