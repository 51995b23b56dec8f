/* refresh_ui.h — what the refresh command shows while and after it runs
 * (refresh_ui.c): progress in LibreOffice's status bar with the window kept
 * responsive, and a short result box that offers the full report. */
#ifndef ZJ_PLUGIN_REFRESH_UI_H
#define ZJ_PLUGIN_REFRESH_UI_H

#include "uno_c.h"

typedef struct zjc_progress zjc_progress;

/* Whether LibreOffice's user interface is in Chinese (the configuration's
 * Office.Linguistic/General/UILocale, else Setup/L10N/ooLocale); ctx is
 * the component context. */
int zjc_ui_zh(uno_Interface *ctx);

/* A status-bar indicator on the desktop's current frame (NULL when there
 * is none, e.g. headless: the calls below then do nothing). */
zjc_progress *zjc_progress_start(uno_Interface *ctx, uno_Interface *desktop, const char *text);
/* The stage and its count (zj_refresh_progress_fn's arguments), shown, and
 * pending window events handled so the window does not look frozen. */
void zjc_progress_step(zjc_progress *p, const char *stage, size_t done, size_t total, int zh);
void zjc_progress_end(zjc_progress *p);

/* A message box of awt.MessageBoxType `type` (1 info, 2 warning, 3 error,
 * 4 query) with awt.MessageBoxButtons `buttons` (1 OK, 3 YES_NO); returns
 * awt.MessageBoxResults (2 YES), 0 when it could not be shown. */
int zjc_message_box(uno_Interface *ctx, uno_Interface *desktop, int type, int buttons,
                    const char *title, const char *msg);

/* Opens a local file in LibreOffice (a new window). */
void zjc_open_file(uno_Interface *desktop, const char *path);

#endif
