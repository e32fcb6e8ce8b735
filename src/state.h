/* The reader's own layer for one dossier: the place to resume at, marks,
 * own notes and the search history.  Kept in one small GNU rec file per
 * dossier (dossier(5) STATE FILES) that is never lost: written atomically,
 * merged with what another process wrote, and set aside, never
 * overwritten, when it is damaged.  No curses here.  Times are passed in
 * (microseconds since the epoch, UTC) so that tests choose them. */
#ifndef DOSSIER_STATE_H
#define DOSSIER_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATE_FORMAT 1             /* the Format: this program writes */
#define STATE_HISTORY_MAX 100      /* searches kept, as less keeps 100 */
#define STATE_NMARKS 52            /* a-z, A-Z */
#define STATE_TEXT_MAX 4096        /* bytes of a note's text, quote or query */

typedef int64_t state_time;

/* The reading place: the pane in focus, the paragraph and the byte offset
 * in its text, and the selections, by id (NULL: none). */
struct state_place {
	char *focus;
	char *para;
	size_t offset;
	char *event, *person;
};

struct state_mark {
	char *para;                /* NULL: not set */
	size_t offset;
	state_time set;
};

struct state_note {
	char *id;                  /* stable: [0-9A-Za-z-]+ */
	char *para, *quote, *text; /* NULL in a tombstone */
	state_time created, updated;
	/* A deleted note is kept as a tombstone (id and time), so that a
	 * merge with an older copy of the file does not bring it back. */
	bool deleted;
};

/* What one state file holds. */
struct state_data {
	char *dossier;             /* Dossier: the path it was saved for */
	char *content;             /* Content: the identity of its bytes */
	bool have_place;
	struct state_place place;
	state_time place_set;
	struct state_mark marks[STATE_NMARKS];
	struct state_note *notes;  /* in the order they were made */
	size_t nnotes, notes_cap;
	char **history;            /* oldest first */
	size_t nhistory;
	state_time saved;
};

enum state_load {
	STATE_OK,                  /* read and valid */
	STATE_ABSENT,              /* no such file */
	STATE_BAD,                 /* damaged, truncated or foreign */
	STATE_NEWER,               /* a later Format: left alone */
	STATE_UNREADABLE           /* cannot be read (message says why) */
};

/* The state of one dossier in one session. */
struct state {
	char *dir;                 /* NULL: running without state */
	char *name;                /* the state file's name in dir */
	char *canonical;           /* the dossier's canonical path */
	const char *bytes;         /* the dossier's bytes, for its identity */
	size_t size;
	char *content;             /* their identity, once computed */
	struct state_data d;
	char **queries;            /* searches of this session not yet saved */
	size_t nqueries;
	char *moved_from;          /* a state file left by the dossier before it moved */
	bool readonly;             /* never write nor move anything */
	bool nosave;               /* a file that must not be replaced is in the way */
	bool dirty;
	/* A note or a mark changed: worth saving after this keystroke (the
	 * place and the searches wait for the end of the session). */
	bool urgent;
	unsigned serial;           /* makes note ids of this process unique */
	char warning[512];         /* the last warning, "" if none */
};

/* --- the data, in memory (src/state.c) --- */

void state_data_free(struct state_data *);
/* Copies of the strings; NULL stays NULL.  Returns 0, or -1 when memory
 * runs out. */
int state_place_copy(struct state_place *to, const struct state_place *from);
void state_place_free(struct state_place *);
/* Index of a letter's mark (a-z, A-Z), or -1 for any other byte. */
int state_mark_index(int letter);
long state_note_find(const struct state_data *, const char *id);
/* A copy of s made safe for a state file and a terminal's prompt: valid
 * UTF-8 (bad bytes become U+FFFD), at most STATE_TEXT_MAX bytes, no
 * surrounding blanks, and no line break when one_line.  NULL on ENOMEM. */
char *state_clean(const char *s, bool one_line);
/* Brings into mine what theirs (the file another process wrote since) has
 * newer: notes by id, the latest update winning (a tombstone over a note
 * on a tie); marks and the place, the latest set winning; the history is
 * theirs followed by queries (the searches mine added), without repeats,
 * the last STATE_HISTORY_MAX kept.  Returns 0, or -1 on ENOMEM. */
int state_merge(struct state_data *mine, const struct state_data *theirs,
    char *const *queries, size_t nqueries);
/* The same for one note (copied when it wins or is new). */
int state_merge_note(struct state_data *mine, const struct state_note *n);
/* Keeps one note of each id, the one the merge's rule picks, in the place
 * of the first.  Returns 0, or -1 on ENOMEM. */
int state_dedupe_notes(struct state_data *d);

/* Formats t as 2026-11-29T10:15:00.123456Z (28 bytes and NUL). */
void state_time_format(state_time t, char buf[32]);
/* Parses what state_time_format writes; returns 0, or -1. */
int state_time_parse(const char *s, size_t n, state_time *t);
state_time state_now(void);

/* --- the file format (src/state_format.c) --- */

/* Writes d as a state file to buf (a NUL-terminated malloc'd string).
 * Returns 0, or -1 on ENOMEM. */
int state_format(const struct state_data *d, char **buf, size_t *len);
/* Reads a state file's bytes into d (emptied first).  Returns STATE_OK,
 * STATE_BAD with why in err ("name:line: message") and every whole
 * record in d, or STATE_NEWER. */
enum state_load state_parse(struct state_data *d, const char *name,
    const char *buf, size_t size, char *err, size_t errsize);

/* --- the files (src/state_store.c) --- */

/* The directory to use: dir if given (from --state-dir), else
 * $DOSSIER_STATE_DIR, else $XDG_STATE_HOME/dossier, else
 * ~/.local/state/dossier.  NULL when state is off ("-", or no home);
 * else a malloc'd string. */
char *state_dir_default(const char *dir);

/* How long a save waits for another session's save to end (ms); a
 * variable for the tests. */
extern int state_lock_wait_ms;

/* Opens the state of the dossier at path, whose bytes are bytes[0..size)
 * (they must outlive st): with dir NULL, st runs without state.  Finds
 * the file as dossier(5) says (by path, else by the identity of the
 * bytes), sets aside a damaged one, and keeps what it read.  A problem is
 * only a warning (st->warning): returns 0, or -1 when memory runs out.
 * readonly: nothing is ever written, moved or created. */
int state_open(struct state *st, const char *dir, const char *path,
    const char *bytes, size_t size, bool readonly);
/* Writes what changed, merged with the file as it is now, atomically.
 * Returns 0 (also when there was nothing to write), or -1 with a warning:
 * everything stays in memory, to be tried again at the next save. */
int state_save(struct state *st, state_time now);
void state_close(struct state *st);
/* The dossier was read again (its bytes are now these): its identity is
 * computed anew when next needed. */
void state_rebind(struct state *st, const char *bytes, size_t size);

/* Takes and clears the last warning; NULL if there was none. */
const char *state_take_warning(struct state *st, char buf[512]);

/* --- changes (src/state.c); each marks st dirty when it changes something.
 * Each returns 0, or -1 when memory runs out (nothing changed then). --- */

int state_set_place(struct state *st, const struct state_place *p, state_time now);
int state_set_mark(struct state *st, int letter, const char *para, size_t offset,
    state_time now);
const struct state_mark *state_get_mark(const struct state *st, int letter);
/* Adds a note; its id is then st->d.notes[st->d.nnotes - 1].id. */
int state_add_note(struct state *st, const char *para, const char *quote,
    const char *text, state_time now);
/* Returns 0, -1 on ENOMEM, 1 when no live note has this id. */
int state_edit_note(struct state *st, const char *id, const char *text, state_time now);
int state_delete_note(struct state *st, const char *id, state_time now);
/* Adds a search to the history (a repeat moves to the end). */
int state_add_query(struct state *st, const char *query);

#endif
