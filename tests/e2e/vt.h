/* Screen-test harness: run a real program in a pseudo-terminal emulated by
 * libvterm, type at it, and assert on what it draws.
 *
 * Every wait takes a timeout in milliseconds and returns false/-1 when it
 * expires, so a misbehaving program fails a test instead of hanging it.
 * Rows and columns are 0-based screen cells. */
#ifndef DOSSIER_TESTS_E2E_VT_H
#define DOSSIER_TESTS_E2E_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <termios.h>

struct vt;

/* Start argv[0] (execvp) in a new pty of rows x cols.  env_extra is a
 * NULL-terminated list (or NULL) of "NAME=value", or "NAME" alone to unset,
 * applied on top of the current environment; TERM defaults to
 * xterm-256color.  Returns NULL if the pty or fork fails; if exec fails the
 * child exits with status 127 after printing the reason on the screen. */
struct vt *vt_spawn(char *const argv[], char *const env_extra[], int rows, int cols);

/* From now on (call it before the first pump), draw every character for
 * which wide() is true two columns wide, as a CJK terminal draws East Asian
 * Ambiguous characters: each is fed to libvterm as a stand-in that it
 * draws wide, and read back (vt_row, vt_find, vt_cell) as itself.  wide()
 * must be false for characters of zero columns.  Stand-ins of planes 1 to
 * 16 read back as plane 1. */
void vt_draw_wide(struct vt *, bool (*wide)(uint32_t cp));

/* Write raw bytes to the program (its keyboard).  Output is pumped while the
 * input queue is full, so large pastes cannot deadlock. */
void vt_send(struct vt *, const char *bytes);
void vt_send_n(struct vt *, const char *bytes, size_t n);

/* Wait up to timeout_ms for output, then feed everything available to the
 * emulator.  Returns the bytes read (0 on timeout), -1 once at EOF. */
int vt_pump(struct vt *, int timeout_ms);

/* Pump until the text appears within one screen row / is no longer on the
 * screen.  False on timeout (or, for vt_wait_text, on EOF without it).
 * They return as soon as the text shows, which may be mid-frame: follow
 * with vt_wait_idle before asserting on the rest of the screen. */
bool vt_wait_text(struct vt *, const char *utf8, int timeout_ms);
bool vt_wait_gone(struct vt *, const char *utf8, int timeout_ms);

/* Pump until the program waits for input: it has read every byte sent
 * to it, no signal (a resize's SIGWINCH) is pending for it, it sleeps in
 * poll or select (not in the short wait after a lone Esc), and all it
 * wrote has been fed to the screen; or it has ended.  Asked of /proc
 * (and the pty's input queue); where /proc cannot tell, waits for 30 ms of
 * quiet instead.  False on timeout. */
bool vt_wait_ready(struct vt *, int timeout_ms);

/* Pump until nothing arrives for quiet_ms (or EOF).  False on timeout. */
bool vt_wait_idle(struct vt *, int quiet_ms, int timeout_ms);

/* malloc'd UTF-8 text of a row, exactly cols columns wide: empty cells are
 * spaces, a double-width char appears once, trailing spaces are kept.
 * NULL if row is out of range. */
char *vt_row(struct vt *, int row);

/* First occurrence of the text within one row; *col is the screen column
 * (cell index), not a byte offset.  row/col may be NULL. */
bool vt_find(struct vt *, const char *utf8, int *row, int *col);

/* Base code point of a cell (0 for an empty cell or the right half of a
 * double-width char) and its width: 1 or 2, 0 for a right half. */
uint32_t vt_cell(struct vt *, int row, int col, int *width);

struct vt_attr {
	bool bold, reverse, underline, fg_default, bg_default;
};
struct vt_attr vt_cell_attr(struct vt *, int row, int col);

/* Where the program left the cursor, and whether it is shown. */
void vt_cursor(struct vt *, int *row, int *col, bool *visible);

/* Drain pending output at the old size, resize the emulator, then set the
 * pty size (the kernel sends SIGWINCH to the program). */
void vt_resize(struct vt *, int rows, int cols);
/* Only the pty's size (and so SIGWINCH); the emulator keeps its own.  For
 * resize storms: with the emulator as large as the largest size, output
 * still in flight for an earlier size always fits it (libvterm can crash
 * on output meant for a screen larger than its own). */
void vt_resize_pty(struct vt *, int rows, int cols);
void vt_size(struct vt *, int *rows, int *cols);

/* Is the alternate screen (e.g. \033[?1049h) active. */
bool vt_altscreen(struct vt *);

/* Every byte the program wrote so far; NUL-terminated for convenience (the
 * output itself may contain NULs, so use *len when it matters). */
const char *vt_raw(struct vt *, size_t *len);
/* Is the byte string anywhere in the raw output. */
bool vt_raw_contains(struct vt *, const char *bytes);

void vt_kill(struct vt *, int sig);
/* Pumps output while waiting.  Returns the waitpid status, -1 on timeout;
 * once reaped, later calls return the same status at once. */
int vt_wait_exit(struct vt *, int timeout_ms);
bool vt_alive(struct vt *);

/* Current termios of the pty; works after the program exits, so a test can
 * check it restored ICANON/ECHO.  Returns tcgetattr's result. */
int vt_tcgetattr(struct vt *, struct termios *);

/* Print the screen with row numbers, for diagnostics on failure. */
void vt_dump(struct vt *, FILE *);

/* SIGKILL the program's process group (helpers it left behind included),
 * reap it, close the pty and free everything.  NULL is allowed. */
void vt_free(struct vt *);

#endif
