// A global registry list that only grows.
#include <autorc.h>
struct RC_MANAGED plugin { const char *name; };
rc_list *registry; // WANT: global
void register_plugin(struct plugin *p) {
    if (!registry)
        registry = rc_list_new();
    rc_list_append(registry, p);
}
