/* addin.h — the Calc add-in object (addin_object.c) and the refresh
 * command (refresh_command.c), created by the factory in component.c. */
#ifndef ZJ_PLUGIN_ADDIN_H
#define ZJ_PLUGIN_ADDIN_H

#include "uno_c.h"

/* A new add-in object (one reference), or NULL when out of memory. */
uno_Interface *zjc_addin_new(void);

/* A new refresh command (task.XJobExecutor) with the component context it
 * uses to reach the desktop (acquired by it), or NULL. */
uno_Interface *zjc_refresh_command_new(uno_Interface *context);

/* Bumped by the refresh command after it replaced the snapshot: add-in
 * objects that opened their data under an older generation reopen it. */
unsigned zjc_snapshot_generation(void);
void zjc_snapshot_changed(void);

#define ZJC_REFRESH_IMPL "org.zhijiao.calc.RefreshCommand"

#endif
