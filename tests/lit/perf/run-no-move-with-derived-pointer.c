// A local from which a non-managed pointer was kept (`const char *t =
// rc_str_cstr(s);`, `char *d = b->data;`) keeps its object until its scope
// ends, as without elision: its last use is not a move. Before the fix the
// reference moved into a field or an owned parameter at the last use, the
// holder died first, and the kept pointer read a freed block (reused by the
// next allocation) -- silently, in pool mode and under ASan alike.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck --check-prefix=EMIT %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide %s %autorc_lib -o %t.naive && %t.naive | FileCheck %s
#include <autorc.h>
#include <stdio.h>
#include <string.h>

struct RC_MANAGED msg { rc_str *line; };
struct RC_MANAGED buf { char data[32]; };
struct RC_MANAGED queue { struct buf *items[4]; int n; };

static int too_long(struct msg *m) { return rc_str_len(m->line) >= 8; }

static void handle(const char *raw) {
    rc_str *line = rc_str_format("%s", raw);
    const char *text = rc_str_cstr(line);
    struct msg *m = rc_new(struct msg);
    // EMIT: {{^}}    m->line = rc__retain(line);
    m->line = line;
    if (too_long(m)) {
        m = NULL;
        rc_str *other = rc_str_format("%s", "zzzzzzzzzzzzzzzzzzzzzzzzz");
        printf("rejected: %s\n", text);
        (void)other;
        return;
    }
    printf("accepted: %s\n", text);
}

static void enqueue(struct queue *q, struct buf *b) { q->items[q->n++] = b; }
static void drain(struct queue *q) { while (q->n) q->items[--q->n] = NULL; }

static void interior(void) {
    struct queue *q = rc_new(struct queue);
    struct buf *b = rc_new(struct buf);
    char *text = b->data;
    snprintf(text, sizeof b->data, "hello");
    // EMIT: {{^}}    enqueue(q, rc__retain(b));
    enqueue(q, b);
    drain(q);
    struct buf *other = rc_new(struct buf);
    snprintf(other->data, sizeof other->data, "clobbered");
    printf("interior: %s\n", text);
}

int main(void) {
    handle("short");
    // CHECK: accepted: short
    handle("a line that is too long");
    // CHECK-NEXT: rejected: a line that is too long
    interior();
    // CHECK-NEXT: interior: hello
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
