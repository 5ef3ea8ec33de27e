// The observer pattern after the fix: the observer's link to its subject
// is RC_WEAK, so the subject's list is the only strong direction.
#include <autorc.h>
struct RC_MANAGED subject { rc_list *observers; int state; };
struct RC_MANAGED observer { RC_WEAK struct subject *subject; }; // WANT: none

struct observer *subject_attach(struct subject *s) {
    struct observer *o = rc_new(struct observer);
    o->subject = s;
    rc_list_append(s->observers, o);
    return o;
}
