#ifndef ZWFW_CNCURSESW_SHIM_H
#define ZWFW_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Globals and function-like macros Swift cannot import cleanly.
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline FILE *cnc_stdout(void) { return stdout; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int cnc_a_bold(void) { return (int)A_BOLD; }
static inline int cnc_a_reverse(void) { return (int)A_REVERSE; }
static inline int cnc_a_underline(void) { return (int)A_UNDERLINE; }
static inline int cnc_a_dim(void) { return (int)A_DIM; }
static inline int cnc_a_normal(void) { return (int)A_NORMAL; }
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline int cnc_ok(void) { return OK; }
static inline int cnc_err(void) { return ERR; }
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }

// Draw one cell of up to a few code points (a base glyph plus combining marks) with attributes.
static inline int cnc_put_cell(int y, int x, const wchar_t *wch, int attrs, short pair) {
  cchar_t cc;
  if (setcchar(&cc, wch, (attr_t)attrs, pair, NULL) != OK) return ERR;
  return mvwadd_wch(stdscr, y, x, &cc);
}

static inline int cnc_get_wch(wint_t *out) { return wget_wch(stdscr, out); }
static inline int cnc_set_escdelay(int ms) { return set_escdelay(ms); }

// A terminfo string capability of the current terminal (a key's string), or NULL when absent.
static inline const char *cnc_string_capability(const char *name) {
  char *s = tigetstr(name);
  if (s == NULL || s == (char *)-1) return NULL;
  return s;
}

// Whether curses can drive the terminal type at all, asked before the screen is touched:
// 0 usable; 1 unknown to terminfo; 2 hard-copy; 3 no cursor addressing (dumb); 4 no terminfo
// database. The description loaded to ask is freed again, so initscr starts clean.
static inline int cnc_terminal_problem(const char *type) {
  int err = 0;
  TERMINAL *previous = cur_term;
  if (setupterm(type, STDOUT_FILENO, &err) != OK) {
    cur_term = previous;
    if (err == 1) return 2;
    if (err == 0) return 1;
    return 4;
  }
  int problem = 0;
  if (tigetflag("hc") > 0) problem = 2;
  else if (cnc_string_capability("cup") == NULL) problem = 3;
  TERMINAL *loaded = cur_term;
  set_curterm(previous);
  del_curterm(loaded);
  return problem;
}

// A pseudo-terminal for measuring the driver's output (posix_openpt needs _XOPEN_SOURCE, which
// Swift's Glibc module does not define). Returns the master fd and the slave's name, or -1.
static inline int cnc_open_pty(char *name, size_t len) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0) return -1;
  if (grantpt(m) != 0 || unlockpt(m) != 0) { close(m); return -1; }
  const char *n = ptsname(m);
  if (n == NULL || len == 0) { close(m); return -1; }
  strncpy(name, n, len - 1);
  name[len - 1] = 0;
  return m;
}

static inline int cnc_set_winsize(int fd, int rows, int cols) {
  struct winsize ws;
  memset(&ws, 0, sizeof ws);
  ws.ws_row = (unsigned short)rows;
  ws.ws_col = (unsigned short)cols;
  return ioctl(fd, TIOCSWINSZ, &ws);
}
#endif
