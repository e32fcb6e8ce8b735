/* Helpers shared by the screen tests of dossier (test-screen,
 * test-search-screen, test-terminal): start the real program on the bundled
 * data in a pty, wait for the screen to settle, read the non-interactive
 * modes (--list, --search) to know what the screen must show, and fail with
 * a screen dump.
 *
 * Environment (set by `make check`, or by hand):
 *   DOSSIER     absolute path of the built program
 *   top_srcdir  source tree; the data is $top_srcdir/data/meta-ai.rec */
#ifndef DOSSIER_TESTS_E2E_DOSSIER_E2E_H
#define DOSSIER_TESTS_E2E_DOSSIER_E2E_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vt.h"

/* Generous for slow (sanitizer, loaded CI) machines; passing waits return
 * as soon as the condition holds. */
#define PATIENCE_MS 10000
/* Where the program's state cannot be read (no /proc), a frame is
 * complete once it has been silent this long. */
#define QUIET_MS 30

/* Box-drawing code points as libvterm reports them. */
#define BOX_H 0x2500u  /* ─ */
#define BOX_V 0x2502u  /* │ */
#define BOX_DR 0x250Cu /* ┌ */
#define BOX_DL 0x2510u /* ┐ */
#define BOX_UR 0x2514u /* └ */
#define BOX_UL 0x2518u /* ┘ */
#define BOX_VR 0x251Cu /* ├ */
#define BOX_VL 0x2524u /* ┤ */

const char *dossier_path(void);
const char *data_path(void);

/* Rows of tab-separated output of `dossier ARGS... -f DATA` (LC_ALL=C.UTF-8). */
struct table {
	size_t n;
	char ***row;      /* row[i][j]: field j of line i */
	size_t *nfields;
	int status;       /* waitpid status of the run */
};
struct table *cli_table(const char *opt, const char *arg);
void table_free(struct table *);
/* Field j of row i, "" if the row is shorter. */
const char *field(const struct table *, size_t i, size_t j);
/* Is word one of the comma-separated items of list ("a,b, c")? */
bool list_has(const char *list, const char *word);

/* Spawn the browser on the bundled data with LC_ALL=C.UTF-8 and NO_COLOR,
 * DOSSIER_FILE unset, then env_extra (may be NULL); store the vt in
 * *state for the teardown; wait until the first frame is complete. */
struct vt *start_browser(void **state, int rows, int cols, char *const env_extra[]);
int teardown_vt(void **state);

/* Wait until the program has handled every key and resize sent and waits
 * for the next one, its frame drawn (vt_wait_ready). */
void settle(struct vt *);
/* Type keys and let the resulting frame finish. */
void press(struct vt *, const char *keys);

/* Print the screen (and a message) on stderr and fail the test. */
void fail_screen(struct vt *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
void expect_text(struct vt *, const char *utf8);
void expect_gone(struct vt *, const char *utf8);
/* Wait until row `row` (negative: counted from the bottom, -1 = status
 * line) contains every one of the NULL-terminated strings. */
bool wait_row(struct vt *, int row, int timeout_ms, ...) __attribute__((sentinel));
/* wait_row, failing with the screen dump if the text never shows. */
void expect_row_all(struct vt *, int row, ...) __attribute__((sentinel));
#define expect_row(v, row, ...) expect_row_all((v), (row), __VA_ARGS__, (char *)NULL)

int screen_rows(struct vt *);
int screen_cols(struct vt *);
/* malloc'd row text; negative rows count from the bottom. */
char *row_text(struct vt *, int row);
bool row_contains(struct vt *, int row, const char *utf8);
/* UTF-8 text of the cells [c0, c1) of a row (right halves skipped, empty
 * cells as spaces); malloc'd. */
char *cells_text(struct vt *, int row, int c0, int c1);
/* Column of the first occurrence of utf8 in the cells [c0, c1) of row, -1. */
int find_in(struct vt *, int row, int c0, int c1, const char *utf8);
/* Every row's text, to compare screens; free with screen_free. */
char **screen_copy(struct vt *);
void screen_free(char **, int rows);
/* Every cell's attributes, row-major; free with free(). */
struct vt_attr *attrs_copy(struct vt *);
/* First cell (other than on row skip_row, and not the right half of a wide
 * char) whose attributes differ from the copy: true with its row and col set, false if none does. */
bool attrs_differ(struct vt *, const struct vt_attr *, int skip_row, int *row, int *col);

/* Column of the first cell of row holding code point cp, or -1. */
int find_cp(struct vt *, int row, uint32_t cp);
/* Full view: the column of the left column's right border (┐ on row 0). */
int left_border_col(struct vt *);

/* Is the cell highlighted (reverse video or a non-default background)? */
bool cell_marked(struct vt *, int row, int col);

/* Count the lines of `dossier --search QUERY -f DATA`. */
size_t search_count(const char *query);

/* The first nchars UTF-8 characters of s, malloc'd. */
char *utf8_prefix(const char *s, size_t nchars);

/* The tty is back in the mode a shell expects: line editing and echo. */
void expect_cooked(struct vt *, const char *when);
/* q ends the program with status 0, off the alternate screen, the cursor
 * shown and the tty cooked. */
void expect_clean_quit(struct vt *, const char *when);
/* The program dies of signal sig (not exit 128+sig), the terminal
 * restored. */
void expect_signal_end(struct vt *, int sig, const char *when);
/* Full view: Timeline and People in the left column, Article on the
 * right, and every row's borders in their columns. */
void expect_full_view(struct vt *, const char *when);

#endif
