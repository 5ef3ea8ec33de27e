// A global work queue drained with rc_list_clear.
#include <autorc.h>
struct RC_MANAGED job { int id; };
rc_list *queue;
void push(struct job *j) { rc_list_append(queue, j); }
void drain(void) { rc_list_clear(queue); }
