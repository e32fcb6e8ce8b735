/* The screen's life: checks before start, curses set-up and teardown on
 * every exit path, the frame, and the key loop that maps keys (through the
 * key table) to view operations. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <wchar.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "cli.h"
#include "escape.h"
#include "input.h"
#include "pane.h"
#include "popup.h"
#include "reload.h"
#include "state_anchor.h"
#include "ui.h"
#include "ui_signal.h"

static void start_search(struct view *);
/* The terminal's bracketed paste on and off (terminfo BE, BD), if it has
 * it; off again on every way out: exit, signal, suspend (and a crash:
 * ui_signal.c resets the terminal with BD). */
static const char *paste_on, *paste_off;
static struct sigaction curses_tstp;

static void
paste_mode(bool on)
{
	const char *s = on ? paste_on : paste_off;
	ssize_t w;

	if (s) {
		w = write(STDOUT_FILENO, s, strlen(s));
		(void)w;
	}
}
/* The data file as the last wake-up found it, and the errors of the last
 * reload that failed (written on stderr when the screen is left). */
static enum ds_file_state file_state;
static struct diag reload_errors;
static bool reload_oom;

/* A UTF-8 locale is needed to draw Chinese; switch to one if we can. */
static void
check_locale(struct view *v)
{
	const char *cs = nl_langinfo(CODESET);

	if (strcmp(cs, "UTF-8") == 0)
		return;
	if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		snprintf(v->message, sizeof v->message,
		    _("locale is %s, not UTF-8: using C.UTF-8"), cs);
	else
		snprintf(v->message, sizeof v->message,
		    _("locale is %s, not UTF-8: Chinese text may not show"), cs);
	fputs("dossier: ", stderr);
	fprintf(stderr, _("warning: %s\n"), v->message);
}

/* ^Z: curses leaves the screen and stops; the shell gets no paste marks
 * meanwhile. */
static void
on_suspend(int sig)
{
	paste_mode(false);
	curses_tstp.sa_handler(sig);
	paste_mode(true);
}

/* Paste marks become keys of their own, if the terminal has them. */
static void
start_paste(void)
{
	char *be = tigetstr("BE"), *bd = tigetstr("BD");
	char *ps = tigetstr("PS"), *pe = tigetstr("PE");
	struct sigaction sa;

	if (!be || !bd || !ps || !pe || be == (char *)-1 || bd == (char *)-1 ||
	    ps == (char *)-1 || pe == (char *)-1)
		return;
	define_key(ps, INPUT_PASTE_BEGIN);
	define_key(pe, INPUT_PASTE_END);
	paste_off = bd;
	paste_on = be;
	paste_mode(true);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_suspend;
	/* Around the handler curses installed, if it did. */
	if (sigaction(SIGTSTP, NULL, &curses_tstp) == 0 &&
	    !(curses_tstp.sa_flags & SA_SIGINFO) && curses_tstp.sa_handler != SIG_IGN &&
	    curses_tstp.sa_handler != SIG_DFL)
		sigaction(SIGTSTP, &sa, NULL);
}

static void
draw_tabs(const struct view *v)
{
	/* Each label clipped to its own tab: every pane keeps its number on a
	 * narrow screen. */
	for (int p = 0; p < NPANES; p++) {
		struct rect t = layout_tab(&v->lay, (enum pane)p);
		char label[32];
		enum role r = (enum pane)p == v->focus ? R_TITLE_FOCUS : R_STATUS;
		snprintf(label, sizeof label, "%s%d %s", t.w > 4 ? " " : "", p + 1, _(pane_ops[p]->name));
		draw_fill(stdscr, t.y, t.x, t.w, r);
		draw_str(stdscr, t.y, t.x, t.w, label, r);
	}
}

/* A prompt's line after its label (the search's /, an own note's
 * "note: "), and a tail (the hit count).  A line wider than the room
 * scrolls around the cursor (prompt_view), with < and > where it is cut
 * off; the tail keeps its place at the end.  Returns the columns used,
 * and the cursor's column in *cursor. */
static int
draw_prompt_line(struct rect s, const char *label, const struct prompt *p,
    const char *tail, int *cursor)
{
	int lw = text_width(label, strlen(label)), cw = text_width(tail, strlen(tail));
	struct prompt_view pv;
	int room, x;

	/* The tail gives way to the line on a line too short for both. */
	room = s.w - lw - cw < 2 ? s.w - lw : s.w - lw - cw;
	prompt_view(p, room, &pv);
	x = draw_str(stdscr, s.y, 0, s.w, label, R_STATUS);
	if (pv.left)
		draw_str(stdscr, s.y, x, 1, "<", R_STATUS);
	x += pv.left + draw_text(stdscr, s.y, x + pv.left, room - pv.left - pv.right,
	    p->buf + pv.start, pv.end - pv.start, R_STATUS);
	if (pv.right) {
		draw_str(stdscr, s.y, lw + room - 1, 1, ">", R_STATUS);
		x = lw + room;
	}
	if (room < s.w - lw)
		x += draw_str(stdscr, s.y, x, s.w - x, tail, R_STATUS);
	*cursor = lw + pv.cursor;
	return x;
}

/* The query after a /, and its hit count. */
static int
draw_query(const struct view *v, struct rect s, int *cursor)
{
	const struct prompt *p = &v->prompt;
	char count[320] = "  ", src[64], bridge[128];

	if (p->len && v->search.error)
		snprintf(count + 2, sizeof count - 2, _("(cannot search: %s)"), v->search.error);
	else if (p->len && v->search.nhits == 0)
		snprintf(count + 2, sizeof count - 2, "%s", _("(no match)"));
	else if (p->len) {
		view_hit_source(v, v->cur_hit, src, sizeof src);
		if (src[0])
			snprintf(count + 2, sizeof count - 2, _("hit %zu/%zu in %s"),
			    v->cur_hit + 1, v->search.nhits, src);
		else
			snprintf(count + 2, sizeof count - 2, _("hit %zu/%zu"), v->cur_hit + 1,
			    v->search.nhits);
		/* A hit in another spelling of the name the query is says so. */
		view_hit_bridge(v, v->cur_hit, bridge, sizeof bridge);
		if (bridge[0]) {
			size_t n = strlen(count);
			snprintf(count + n, sizeof count - n, " · %s", bridge);
		}
	} else {
		count[0] = '\0';
	}
	return draw_prompt_line(s, "/", p, count, cursor);
}

/* Left: the prompt, the search state or a message.  Right: focused pane,
 * its selected item (clipped to the room left) and the article position. */
static void
draw_status(const struct view *v)
{
	struct rect s = v->lay.status;
	static const char sep[] = " · ";
	int sw = text_width(sep, sizeof sep - 1);   /* 4 with --ambiwidth=double */
	char pos[256];
	struct ds_str sel = pane_ops[v->focus]->selected(v);
	const char *name = _(pane_ops[v->focus]->name);
	int lw, pw, nw, x, cursor = 0;

	draw_fill(stdscr, s.y, 0, s.w, R_STATUS);
	if (v->own.prompting)
		lw = draw_prompt_line(s, v->own.prompting == OWN_ADD ? _("note: ") : _("edit: "),
		    &v->own.input, "", &cursor);
	else if (v->searching || (v->have_hits && !v->message[0]))
		lw = draw_query(v, s, &cursor);
	else
		lw = draw_str(stdscr, s.y, 0, s.w, v->message[0] ? v->message :
		    file_state == DS_FILE_CHANGED ? _("file changed on disk: R reloads") :
		    file_state == DS_FILE_GONE ? _("file gone from disk") :
		    v->ix.oom ? _("out of memory: some names are not marked") : _("? help  q quit"),
		    R_STATUS);
	view_reading_place(v, pos, sizeof pos);
	pw = text_width(pos, strlen(pos));
	x = s.w - pw - text_width(name, strlen(name)) - 1;
	if (x > lw + 1) {
		nw = text_width(sel.s, sel.n);
		/* The selected item gets what room is left. */
		if (nw > x - lw - 1 - sw)
			nw = x - lw - 1 - sw;
		if (nw > 0)
			x -= nw + sw;
		x += draw_str(stdscr, s.y, x, s.w - x, " ", R_STATUS);
		x += draw_str(stdscr, s.y, x, s.w - x, name, R_STATUS);
		if (nw > 0) {
			x += draw_str(stdscr, s.y, x, s.w - x, sep, R_STATUS);
			x += draw_text(stdscr, s.y, x, nw, sel.s, sel.n, R_STATUS);
			x = s.w - pw;
		}
		draw_str(stdscr, s.y, x, s.w - x, pos, R_STATUS);
	}
	if (v->searching || v->own.prompting)
		move(s.y, cursor);
}

/* Wrapped to the width, so that it is read whole even at 1 column. */
static void
draw_too_small(void)
{
	char msg[160];
	int len = snprintf(msg, sizeof msg, "dossier: ");

	len += snprintf(msg + len, sizeof msg - (size_t)len, _("terminal too small, needs %dx%d"),
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
	struct text_line *l;
	size_t n = text_wrap(msg, (size_t)len, COLS, &l);

	for (size_t i = 0; i < n && (int)i < LINES; i++)
		draw_text(stdscr, (int)i, 0, COLS, msg + l[i].start, l[i].len, R_NORMAL);
	free(l);
}

/* The frame, from the view as it is: nothing here changes it. */
static void
draw_frame(const struct view *v)
{
	erase();
	if (v->lay.mode == LAYOUT_TOO_SMALL) {
		draw_too_small();
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	if (v->lay.mode == LAYOUT_NARROW && !v->lay.zoomed)
		draw_tabs(v);
	for (int p = 0; p < NPANES; p++) {
		char title[256];
		if (!v->lay.shown[p])
			continue;
		pane_ops[p]->title(v, title, sizeof title);
		draw_box(stdscr, v->lay.pane[p], title, v->focus == (enum pane)p);
		pane_draw[p](v, stdscr, layout_inner(&v->lay, (enum pane)p));
	}
	draw_status(v);
	curs_set(v->searching || v->own.prompting ? 1 : 0);
	wnoutrefresh(stdscr);
	popup_draw(v);
	/* The cursor is the last window's: the prompt's, not the overlay's
	 * that a hit opened (stdscr's lines are all out already). */
	if (v->searching && v->ov.kind != OV_NONE)
		wnoutrefresh(stdscr);
	doupdate();
}

/* R: the file read again; on success the view starts afresh on it, in
 * the same place.  A file with errors leaves the shown dossier as it is:
 * the first error in the status line, all of them on stderr at exit. */
static void
reload(struct view *v)
{
	struct dossier nd, *d = v->d;
	struct state *st = v->own.st;
	struct view_place pl;
	struct index none = { 0 };
	struct diag dg;
	bool color = v->color, mouse = v->mouse;

	diag_init(&dg, d->path);
	if (dossier_load(&nd, d->path, &dg) != 0) {
		snprintf(v->message, sizeof v->message, P_("not reloaded, %zu error (all at exit): %s",
		    "not reloaded, %zu errors (all at exit): %s", dg.count), dg.count,
		    dg.msg[0] ? dg.msg[0] : "");
		diag_free(&reload_errors);
		reload_errors = dg;
		return;
	}
	diag_free(&dg);
	diag_free(&reload_errors);
	view_place_find(v, &nd, &pl);
	view_free(v);
	dossier_free(d);
	*d = nd;
	/* The reader's own state goes on, on the new bytes. */
	state_rebind(st, d->rf.data, d->rf.size);
	if (view_init(v, d, &none) < 0 || own_init(v, st) < 0) {
		v->quit = reload_oom = true;   /* ui_run reports it */
		return;
	}
	v->color = color;
	v->mouse = mouse;
	view_resize(v, LINES, COLS);
	view_focus(v, pl.focus);
	view_place_restore(v, &pl);
	file_state = dossier_file_state(d);
	snprintf(v->message, sizeof v->message, "%s", _("reloaded"));
}

/* What / may change and Esc in the prompt puts back. */
struct snapshot {
	enum pane focus;
	struct list_pos tl, people, orgs;
	struct art_pos art;
	long filter, marked_para, art_filter;
	bool show_orgs, have_hits;
	int highlight_kind;
	size_t highlight_who, cur_hit;
	char query[PROMPT_MAX];
	enum text_mode text;       /* a hit may have switched it to both */
};

static struct snapshot before_search;

static void
save(const struct view *v, struct snapshot *s)
{
	*s = (struct snapshot){ v->focus, v->tl, v->people, v->orgs, v->art,
	    v->filter, v->marked_para, v->art_filter, v->show_orgs, v->have_hits,
	    v->highlight_kind, v->highlight_who, v->cur_hit, "", v->text };
	snprintf(s->query, sizeof s->query, "%s", v->search.query ? v->prompt.buf : "");
}

static void
restore_positions(struct view *v, const struct snapshot *s)
{
	view_close_overlay(v);
	view_focus(v, s->focus);
	v->tl = s->tl;
	v->people = s->people;
	v->orgs = s->orgs;
	v->text = s->text;         /* before the place, which is in its terms */
	v->art = s->art;
	v->filter = s->filter;
	v->art_filter = s->art_filter;
	view_refilter(v);
	view_show_orgs(v, s->show_orgs);
}

static void
restore_marks(struct view *v, const struct snapshot *s)
{
	restore_positions(v, s);
	v->marked_para = s->marked_para;
	v->highlight_kind = s->highlight_kind;
	v->highlight_who = s->highlight_who;
}

static void
restore(struct view *v, const struct snapshot *s)
{
	restore_marks(v, s);
	/* The previous query's hits come back with it. */
	prompt_open(&v->prompt);
	prompt_insert(&v->prompt, s->query, strlen(s->query));
	search_run(&v->search, v->prompt.buf, v->prompt.len);
	v->have_hits = s->have_hits;
	v->cur_hit = s->cur_hit < v->search.nhits ? s->cur_hit : 0;
}

static void
start_search(struct view *v)
{
	save(v, &before_search);
	v->searching = true;
	v->message[0] = '\0';
	prompt_open(&v->prompt);
}

/* Enter on the query / started from, or on none, repeats that search:
 * the view comes back and moves to the next hit, as n would (less). */
static void
accept_query(struct view *v)
{
	bool same = v->prompt.len == 0 || strcmp(v->prompt.buf, before_search.query) == 0;

	v->searching = false;
	prompt_remember(&v->prompt);
	if (same && before_search.query[0]) {
		restore(v, &before_search);
		view_step_hit(v, 1);
	} else if (v->prompt.len == 0)
		restore(v, &before_search);
	else if (v->search.nhits == 0) {
		/* Like less, the failed pattern stays the one n repeats. */
		restore_marks(v, &before_search);
		v->have_hits = false;
		snprintf(v->message, sizeof v->message, _("no match for %s"), v->prompt.buf);
	}
}

static void
prompt_done(struct view *v, enum prompt_result r)
{
	switch (r) {
	case PR_EDITED:
		view_search_update(v);
		/* No hit (or no query): nothing moves. */
		if (v->search.nhits == 0)
			restore_positions(v, &before_search);
		break;
	case PR_ACCEPT:
		accept_query(v);
		if (v->prompt.len)
			own_searched(v, v->prompt.buf);
		if (v->art.para != before_search.art.para || v->art.off != before_search.art.off)
			own_jumped(v, before_search.art.para, before_search.art.off);
		break;
	case PR_CANCEL:
		v->searching = false;
		restore(v, &before_search);
		break;
	default:
		break;
	}
}

/* A typed character that is no key of the prompt goes into its line:
 * true then. */
static bool
typed(struct prompt *p, int code, bool is_key)
{
	uint8_t buf[6];
	int n;

	if (is_key || key_lookup(code, false, KS_PROMPT) != ACT_NONE || code < 0x20 ||
	    (n = u8_uctomb(buf, (ucs4_t)code, sizeof buf)) <= 0)
		return false;
	prompt_insert(p, (const char *)buf, (size_t)n);
	return true;
}

static void
prompt_input(struct view *v, int code, bool is_key)
{
	if (typed(&v->prompt, code, is_key))
		prompt_done(v, PR_EDITED);
	else
		prompt_done(v, prompt_key(&v->prompt, code, is_key));
}

/* The prompt of an own note (a, or e in the list). */
static void
note_input(struct view *v, int code, bool is_key)
{
	enum prompt_result r;

	if (typed(&v->own.input, code, is_key))
		return;
	r = prompt_key(&v->own.input, code, is_key);
	if (r == PR_ACCEPT || r == PR_CANCEL)
		own_note_finish(v, r == PR_ACCEPT);
}

/* A bracketed paste is text: into the prompt when it is open, else
 * ignored, never run as keys. */
static void
paste(struct view *v, const char *s, size_t n)
{
	if (v->own.prompting) {
		prompt_insert(&v->own.input, s, n);
		return;
	}
	if (!v->searching) {
		snprintf(v->message, sizeof v->message, "%s", _("paste ignored: press / to search"));
		return;
	}
	prompt_insert(&v->prompt, s, n);
	prompt_done(v, PR_EDITED);
}

static long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The mouse: the view's click and wheel, three rows a notch. */
static void
mouse(struct view *v)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED)
		view_wheel(v, ev.y, ev.x, -3);
	else if (ev.bstate & BUTTON5_PRESSED)
		view_wheel(v, ev.y, ev.x, 3);
	/* A press is the click: with mouseinterval(0) ncurses resolves no
	 * clicks, and a release passed on as one would make every click a
	 * double click. */
	else if (ev.bstate & BUTTON1_PRESSED)
		view_click_at(v, ev.y, ev.x, now_ms());
}

/* The mouse taken or left to the terminal, as the view has it. */
static void
apply_mouse(const struct view *v)
{
	static int taken = -1;

	if (taken == (int)v->mouse)
		return;
	taken = v->mouse;
	mousemask(v->mouse ? BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED : 0, NULL);
}

static void
handle_key(struct view *v, int code, bool is_key)
{
	enum action a;

	if (is_key && code == KEY_RESIZE)
		return;
	if (is_key && code == KEY_MOUSE) {
		mouse(v);
		return;
	}
	if (v->own.prompting) {
		note_input(v, code, is_key);
		return;
	}
	if (v->own.pending) {
		own_letter(v, is_key ? -1 : code);
		return;
	}
	if (v->searching) {
		prompt_input(v, code, is_key);
		return;
	}
	if (v->lay.mode == LAYOUT_TOO_SMALL && !(code == 'q' && !is_key))
		return;
	v->message[0] = '\0';   /* a message is shown until the next key */
	a = key_lookup(code, is_key, view_scope(v));
	if (a == ACT_REDRAW)
		clearok(curscr, TRUE);
	else if (a == ACT_SEARCH) {
		/* A details window a hit opened gives way to the next search. */
		view_close_overlay(v);
		start_search(v);
	}
	else if (a == ACT_RELOAD && v->ov.kind == OV_NONE)
		reload(v);
	else
		view_action(v, a);
}

/* A wake-up without a key: has the file changed on disk since?  True if
 * that is news, for the status line. */
static bool
watch_file(const struct view *v)
{
	enum ds_file_state now = dossier_file_state(v->d);

	if (now == file_state)
		return false;
	file_state = now;
	return true;
}

/* endwin shows the cursor before it leaves the alternate screen, and a
 * terminal whose leaving restores the cursor saved on entry or by a later
 * save (libvterm keeps its visibility there; ncurses saves it while
 * hidden around scroll regions) would hide it again: show it after. */
static void
leave_curses(void)
{
	char *cnorm = tigetstr("cnorm");

	paste_mode(false);
	endwin();
	if (cnorm && cnorm != (char *)-1) {
		putp(cnorm);
		fflush(stdout);
	}
}

static void
start_curses(struct view *v)
{
	const char *nc = getenv("NO_COLOR");

	ui_signals_install();
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* Wake up now and then to notice a quit signal. */
	timeout(250);
	apply_mouse(v);
	mouseinterval(0);
	start_paste();
	ui_signals_terminal();
	v->color = has_colors() && !(nc && *nc);
	if (v->color) {
		start_color();
		use_default_colors();
	}
	draw_init_colors(v->color);
	/* ncurses (6.4) flushes its output at every cursor move until the
	 * screen has once been left and resumed: a frame then goes out in
	 * some seventy writes, each one a wake-up of the terminal.  Leaving
	 * it here makes the first frame's update the resume, which draws the
	 * whole screen anyway: that frame is one or two writes, and no blank
	 * screen is drawn before it. */
	endwin();
}

/* The idle work is done in slices of this many milliseconds: a key that
 * comes during one waits for its end, half a slice on average. */
#define IDLE_SLICE_MS 0.5

/* Waits for a key.  While it waits, first the rec fields no screen shows
 * are given back (after the first frame is out, and the keypad is set:
 * not worth holding the frame up for), then it builds the search corpus,
 * a slice at a time with a look at the keyboard between
 * slices, so the first search finds it ready and keys are not held up;
 * then, the same way, the index's mentions of every paragraph, which a
 * search bridging spellings looks in.
 * Bytes become keys and pastes in input_feed; IN_NONE is a wake-up. */
static enum input_kind
read_key(struct view *v, struct input *in, int *code)
{
	for (;;) {
		enum input_kind k;
		int c;
		if ((!v->d->fields_trimmed || !v->search.built || !v->ix_ready) &&
		    !ui_quit_signal) {
			timeout(0);
			if ((c = getch()) == ERR) {
				/* Then the mentions of every paragraph, so that the
				 * first search bridging spellings finds them. */
				if (!v->d->fields_trimmed)
					dossier_keep_shown_fields(v->d);
				else if (!v->search.built)
					search_prepare(&v->search, IDLE_SLICE_MS);
				else
					v->ix_ready = index_prepare(&v->ix, IDLE_SLICE_MS);
				continue;
			}
		} else {
			timeout(250);   /* as start_curses set it */
			if ((c = getch()) == ERR)
				return input_idle(in);
		}
		k = input_feed(in, c, c > 0xff, code);
		if (k != IN_NONE)
			return k;
	}
}

int
ui_run(struct dossier *d, struct index *ix, const struct options *o)
{
	struct view v;
	struct state st;
	char w[512];
	int rc = 0;

	if (view_init(&v, d, ix) < 0 ||
	    state_open_dossier(&st, o->no_state ? "-" : o->state_dir, d, false) != 0 ||
	    own_init(&v, &st) < 0) {
		view_free(&v);
		state_close(&st);
		fprintf(stderr, "dossier: %s\n", _("out of memory"));
		return EX_SOFTWARE_;
	}
	view_set_text(&v, (enum text_mode)o->text);
	check_locale(&v);
	v.mouse = !o->no_mouse;
	if (state_take_warning(&st, w))
		snprintf(v.message, sizeof v.message, "%.300s", w);
	start_curses(&v);
	view_resize(&v, LINES, COLS);
	own_resume(&v, o->from_top);
	/* Only a key (a resize and a mouse event are keys too) changes the
	 * screen: the wake-ups in between do not redraw it. */
	for (bool dirty = true; !v.quit && !ui_quit_signal;) {
		static struct input in;
		enum input_kind k;
		int code;
		if (v.lay.rows != LINES || v.lay.cols != COLS)
			view_resize(&v, LINES, COLS);
		apply_mouse(&v);
		if (dirty)
			draw_frame(&v);
		k = read_key(&v, &in, &code);
		dirty = k != IN_NONE;
		if (k == IN_PASTE)
			paste(&v, in.paste, in.npaste);
		else if (dirty)
			handle_key(&v, code, k == IN_KEY);
		else
			dirty = watch_file(&v);
		if (k != IN_NONE)   /* a change of notes or marks is saved at once */
			own_save(&v, false);
	}
	own_save(&v, true);
	leave_curses();
	if (state_take_warning(&st, w)) {
		fputs("dossier: ", stderr);
		esc_put(stderr, w, strlen(w));
		putc('\n', stderr);
	}
	if (reload_oom) {   /* a reload's new view could not be made */
		fprintf(stderr, "dossier: %s\n", _("out of memory"));
		rc = EX_SOFTWARE_;
	}
	view_free(&v);
	state_close(&st);
	if (reload_errors.count) {
		fputs("dossier: ", stderr);
		esc_printf(stderr, _("the last reload of %s failed:\n"), d->path);
		diag_print(&reload_errors, stderr);
		diag_free(&reload_errors);
	}
	ui_signals_reraise();
	return rc;
}
