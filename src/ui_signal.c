/* Signals of the screen (see ui_signal.h).  The crash path cannot call
 * curses: it writes a reset made at start from the running terminal's
 * terminfo strings with write(2), restores the tty's modes with
 * tcsetattr(3), both async-signal-safe, and dies of the signal.  It runs
 * on a stack of its own, so a stack overflow of the main thread still
 * gives the terminal back. */
#include <config.h>

#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "ui_signal.h"

volatile sig_atomic_t ui_quit_signal;

static struct termios saved_tty;
static bool have_saved_tty;
static char reset[512];
static size_t reset_len;

static void
on_quit(int sig)
{
	ui_quit_signal = sig;
}

static void
on_crash(int sig)
{
	ssize_t w;

	if (have_saved_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
	if (reset_len) {
		w = write(STDOUT_FILENO, reset, reset_len);
		(void)w;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
alt_stack(void)
{
	static char mem[64 * 1024];
	stack_t ss;

	memset(&ss, 0, sizeof ss);
	ss.ss_sp = mem;
	ss.ss_size = sizeof mem;
	sigaltstack(&ss, NULL);
}

void
ui_signals_install(void)
{
	static const int quits[] = { SIGINT, SIGTERM, SIGHUP };
	static const int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;

	if (tcgetattr(STDIN_FILENO, &saved_tty) == 0)
		have_saved_tty = true;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_quit;
	for (size_t i = 0; i < sizeof quits / sizeof *quits; i++)
		sigaction(quits[i], &sa, NULL);
	alt_stack();
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_ONSTACK;
	for (size_t i = 0; i < sizeof crashes / sizeof *crashes; i++)
		sigaction(crashes[i], &sa, NULL);
}

static int
append(int c)
{
	if (reset_len < sizeof reset)
		reset[reset_len++] = (char)c;
	return c;
}

/* A terminfo string, with its padding as tputs writes it; a terminal
 * without the capability gets nothing. */
static bool
add(const char *cap)
{
	const char *s = tigetstr(cap);

	if (!s || s == (const char *)-1)
		return false;
	tputs(s, 1, append);
	return true;
}

void
ui_signals_terminal(void)
{
	const char *xm = tigetstr("XM");

	reset_len = 0;
	add("sgr0");
	/* The mouse off as ncurses turns it on: with the terminal's XM
	 * string, else the X10 protocol of a terminal that has kmous. */
	if (xm && xm != (const char *)-1)
		tputs(tiparm(xm, 0), 1, append);
	else if (tigetstr("kmous") && tigetstr("kmous") != (char *)-1)
		tputs("\033[?1000l", 1, append);
	add("BD");      /* bracketed paste off, where the terminal has it */
	add("rmkx");
	add("rmcup");
	/* After rmcup: leaving the alternate screen may restore a cursor
	 * saved while hidden (see leave_curses in ui.c). */
	add("cnorm");
	append('\r');
	append('\n');
	/* A reset cut short by the buffer would leave a sequence open. */
	if (reset_len == sizeof reset)
		reset_len = 0;
}

void
ui_signals_reraise(void)
{
	int sig = ui_quit_signal;
	sigset_t set;

	if (!sig)
		return;
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}
