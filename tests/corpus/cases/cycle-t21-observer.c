// The observer pattern: a subject keeps its observers in a list and
// notifies them; each observer keeps its subject to read the state. The
// subject creates each observer and stores it in its list (attach), so the
// observer's link to the subject is the back link: a fix-it makes it
// RC_WEAK, and the program frees everything by counting alone.
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED subject {
    rc_list *observers; // WANT: cycle@observer
    int state;
};
struct RC_MANAGED observer {
    struct subject *subject; // WANT: cycle@observer WANT-FIX: RC_WEAK
    const char *name;
    int seen;
};

struct observer *subject_attach(struct subject *s, const char *name) {
    struct observer *o = rc_new(struct observer);
    o->name = name;
    o->subject = s;
    rc_list_append(s->observers, o);
    return o;
}

static void observer_update(struct observer *o) {
    o->seen++;
    printf("%s sees state %d (update %d)\n", o->name, o->subject->state, o->seen);
}

static void subject_set(struct subject *s, int state) {
    s->state = state;
    for (size_t i = 0; i < rc_list_len(s->observers); i++)
        observer_update(rc_list_get(s->observers, i));
}

static void run(void) {
    struct subject *s = rc_new(struct subject);
    s->observers = rc_list_new();
    subject_attach(s, "log");
    struct observer *chart = subject_attach(s, "chart");
    for (int v = 1; v <= 3; v++)
        subject_set(s, v * 7);
    printf("chart saw %d updates\n", chart->seen);
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
