/* Messages in the user's language.  _() translates a message where it is
 * used; N_() marks a string in a table, translated later where it is
 * shown.  Error prefixes (FILE:LINE:) are never inside a message, so tools
 * can still parse them in every language. */
#ifndef DOSSIER_I18N_H
#define DOSSIER_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext((s), (p), (n))
#else
#define _(s) ((const char *)(s))
#define P_(s, p, n) ((n) == 1 ? (const char *)(s) : (const char *)(p))
#define textdomain(d) ((void)(d))
#define bindtextdomain(d, dir) ((void)(d), (void)(dir))
#define bind_textdomain_codeset(d, c) ((void)(d), (void)(c))
#endif
#define N_(s) (s)

#endif
