// richards' design (the OS scheduler benchmark): the scheduler keeps its
// tasks in a list and the current task; each task keeps its scheduler to
// queue packets through it, and its packet queue. The scheduler creates
// every task and stores it in its list, so the task's link to the
// scheduler is the back link: the fix-it makes it RC_WEAK, and the program
// then frees everything by counting alone.
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED scheduler;
struct RC_MANAGED packet {
    struct packet *link;
    int id, kind, datum;
};
struct RC_MANAGED task {
    struct task *link;
    struct scheduler *sched; // WANT: cycle@richards WANT-FIX: RC_WEAK
    struct packet *queue;
    int id, pri, count;
};
struct RC_MANAGED scheduler {
    rc_list *tasks; // WANT: cycle@richards
    struct task *current; // WANT: cycle@richards
    int qpkt_count, hold_count;
};

struct task *scheduler_add_task(struct scheduler *s, int id, int pri) {
    struct task *t = rc_new(struct task);
    t->id = id;
    t->pri = pri;
    t->sched = s;
    rc_list_append(s->tasks, t);
    return t;
}

static void enqueue(struct task *t, struct packet *p) {
    p->link = NULL;
    if (!t->queue) {
        t->queue = p;
        return;
    }
    struct packet *q = t->queue;
    while (q->link)
        q = q->link;
    q->link = p;
}

// A task hands a packet to the next task through its scheduler.
static void queue_packet(struct task *from, struct packet *p) {
    struct scheduler *s = from->sched;
    s->qpkt_count++;
    size_t n = rc_list_len(s->tasks);
    struct task *to = rc_list_get(s->tasks, (size_t)(from->id + 1) % n);
    enqueue(to, p);
}

static void run_task(struct task *t) {
    struct packet *p = t->queue;
    if (!p) {
        t->sched->hold_count++;
        return;
    }
    t->queue = p->link;
    p->datum += t->pri;
    t->count++;
    queue_packet(t, p);
}

static void schedule(int rounds) {
    struct scheduler *s = rc_new(struct scheduler);
    s->tasks = rc_list_new();
    for (int i = 0; i < 4; i++)
        scheduler_add_task(s, i, 10 * (i + 1));
    for (int i = 0; i < 6; i++) {
        struct packet *p = rc_new(struct packet);
        p->id = i;
        p->kind = i % 2;
        enqueue(rc_list_get(s->tasks, (size_t)i % 4), p);
    }
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < rc_list_len(s->tasks); i++) {
            s->current = rc_list_get(s->tasks, i);
            run_task(s->current);
        }
    for (size_t i = 0; i < rc_list_len(s->tasks); i++) {
        struct task *t = rc_list_get(s->tasks, i);
        printf("task %d ran %d times\n", t->id, t->count);
    }
    printf("qpkt %d hold %d\n", s->qpkt_count, s->hold_count);
}

int main(void) {
    schedule(100);
    printf("live %zu\n", rc_live_objects());
    return 0;
}
