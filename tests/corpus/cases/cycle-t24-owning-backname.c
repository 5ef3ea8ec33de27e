// A name that misleads: each job makes its own group and holds the only
// reference to it in `parent`; the group lists its jobs. `parent` looks
// like the back link, but the code stores the only reference to a new
// group there: RC_WEAK on it would free the group at once. The warning
// must come without a fix-it (a fix-it here would be wrong).
#include <autorc.h>
struct RC_MANAGED group { rc_list *jobs; int n; }; // WANT: cycle@job
struct RC_MANAGED job { struct group *parent; int id; }; // WANT: cycle@job

struct job *job_new(int id) {
    struct job *j = rc_new(struct job);
    j->id = id;
    j->parent = rc_new(struct group);
    j->parent->jobs = rc_list_new();
    rc_list_append(j->parent->jobs, j);
    return j;
}
