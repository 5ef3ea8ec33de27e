// rc_str, rc_dict and rc_list_foreach under the plugin, with nothing
// counted by hand: string and dict locals, fields and results are managed
// (the header declares them RC_MANAGED; the plugin has no list of names);
// rc_dict_get is borrowed, rc_dict_pop and the string makers owned; the
// iteration macro compiles without [autorc-macro] errors. Finalizers and
// the live count show every object released.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"
#include <string.h>

int finalized;
void node_finalize(struct node *self) { finalized++; }

struct RC_MANAGED person { rc_str *name; rc_dict *attrs; };

static rc_str *greeting(struct person *p) {
    return rc_str_format("hello, %s", rc_str_cstr(p->name));
}

static rc_dict *index_by_name(rc_list *people) {
    rc_dict *d = rc_dict_new();
    rc_list_foreach(struct person *, p, people) rc_dict_set(d, p->name, p);
    return d;
}

int main(void) {
    rc_list *people = rc_list_new();
    const char *names[] = {"ada", "grace", "alan"};
    for (int i = 0; i < 3; i++) {
        struct person *p = rc_new(struct person);
        p->name = rc_str_new(names[i]);
        p->attrs = rc_dict_new();
        rc_dict_set(p->attrs, rc_str_new("id"), node_new(i));
        rc_list_append(people, p);
    }
    rc_dict *by_name = index_by_name(people);
    rc_str *key = rc_str_concat(rc_str_new("gra"), rc_str_new("ce"));
    struct person *g = rc_dict_get(by_name, key); /* borrowed, retained by g */
    printf("%s %zu\n", rc_str_cstr(greeting(g)), rc_getrefcount(g));
    rc_str *id = rc_str_new("id");
    struct node *n = rc_dict_get(g->attrs, id);
    printf("id %d\n", n->value);
    struct node *popped = rc_dict_pop(g->attrs, id); /* owned */
    printf("popped %d len %zu\n", popped->value, rc_dict_len(g->attrs));
    size_t pos = 0;
    void *k, *v;
    int count = 0;
    while (rc_dict_next(by_name, &pos, &k, &v)) count += rc_str_len(k);
    printf("name bytes %d\n", count);
    rc_list *keys = rc_dict_keys(by_name);
    printf("first key %s\n", rc_str_cstr(rc_list_get(keys, 0)));
    g = NULL; n = NULL; popped = NULL;
    printf("finalized %d\n", finalized);
    people = NULL; by_name = NULL; key = NULL; id = NULL; keys = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: hello, grace 3
// CHECK-NEXT: id 1
// CHECK-NEXT: popped 1 len 0
// CHECK-NEXT: name bytes 12
// CHECK-NEXT: first key ada
// CHECK-NEXT: finalized 1
// CHECK-NEXT: finalized 3 live 0
