/* richards — pyperformance's bm_richards (Martin Richards' OS task scheduler
 * simulation) ported to managed C the way a user porting the Python writes it
 * (bench/oo/richards.py is the reference; outputs must be identical):
 * classes become RC_MANAGED structs, methods functions, the virtual `fn` a
 * function pointer, `None` NULL. No RC_ACYCLIC or other tuning: packets link
 * to packets and tasks to tasks, so both types can form cycles and the
 * collector tracks every packet and task (the records, which only point to
 * packets, and the work area are inferred acyclic by the plugin).
 * Build: autorc-cc -O2 richards.c -o richards; run: richards [iterations]. */
#include <autorc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

enum { I_IDLE = 1, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB };
enum { K_DEV = 1000, K_WORK = 1001 };
enum { BUFSIZE = 4, TASKTABSIZE = 10 };

struct RC_MANAGED packet {
    struct packet *link;
    int ident, kind, datum;
    int data[BUFSIZE];
};

/* The Python's four TaskRec subclasses in one record: each kind of task
 * uses its own fields. */
struct RC_MANAGED task_rec {
    struct packet *pending;               /* DeviceTaskRec */
    struct packet *work_in, *device_in;   /* HandlerTaskRec */
    int control, idle_count;              /* IdleTaskRec */
    int destination, work_count;          /* WorkerTaskRec */
};

struct task_state { bool packet_pending, task_waiting, task_holding; };

struct task;
typedef struct task *(*task_fn)(struct task *self, struct packet *pkt, struct task_rec *r);

struct RC_MANAGED task {
    struct task *link;
    int ident, priority;
    struct packet *input;
    struct task_state state;
    task_fn fn;
    struct task_rec *handle;
};

struct RC_MANAGED task_work_area {
    struct task *task_tab[TASKTABSIZE];
    struct task *task_list;
    int hold_count, qpkt_count;
    long checksum;
};

static struct task_work_area *twa;

static struct packet *packet_new(struct packet *l, int i, int k) {
    struct packet *p = rc_new(struct packet);
    p->link = l;
    p->ident = i;
    p->kind = k;
    return p;
}

static struct packet *append_to(struct packet *self, struct packet *lst) {
    self->link = NULL;
    if (!lst)
        return self;
    struct packet *p = lst;
    struct packet *next = p->link;
    while (next) {
        p = next;
        next = p->link;
    }
    p->link = self;
    return lst;
}

static struct task_state packet_pending(void) { return (struct task_state){true, false, false}; }
static struct task_state waiting(void) { return (struct task_state){false, true, false}; }
static struct task_state running(void) { return (struct task_state){false, false, false}; }
static struct task_state waiting_with_packet(void) { return (struct task_state){true, true, false}; }

static bool is_task_holding_or_waiting(const struct task_state *s) {
    return s->task_holding || (!s->packet_pending && s->task_waiting);
}

static bool is_waiting_with_packet(const struct task_state *s) {
    return s->packet_pending && s->task_waiting && !s->task_holding;
}

static void task_init(struct task *t, int i, int p, struct packet *w, struct task_state s,
                      struct task_rec *r, task_fn fn) {
    t->link = twa->task_list;
    t->ident = i;
    t->priority = p;
    t->input = w;
    t->state = s;
    t->handle = r;
    t->fn = fn;
    twa->task_list = t;
    twa->task_tab[i] = t;
}

static struct task *findtcb(int id) {
    struct task *t = twa->task_tab[id];
    if (!t) {
        fprintf(stderr, "Bad task id %d\n", id);
        exit(1);
    }
    return t;
}

static struct task *add_packet(struct task *self, struct packet *p, struct task *old) {
    if (!self->input) {
        self->input = p;
        self->state.packet_pending = true;
        if (self->priority > old->priority)
            return self;
    } else {
        append_to(p, self->input);
    }
    return old;
}

static struct task *run_task(struct task *self) {
    struct packet *msg = NULL;
    if (is_waiting_with_packet(&self->state)) {
        msg = self->input;
        self->input = msg->link;
        self->state = self->input ? packet_pending() : running();
    }
    return self->fn(self, msg, self->handle);
}

static struct task *wait_task(struct task *self) {
    self->state.task_waiting = true;
    return self;
}

static struct task *hold(struct task *self) {
    twa->hold_count++;
    self->state.task_holding = true;
    return self->link;
}

static struct task *release(struct task *self, int i) {
    struct task *t = findtcb(i);
    t->state.task_holding = false;
    return t->priority > self->priority ? t : self;
}

static struct task *qpkt(struct task *self, struct packet *pkt) {
    struct task *t = findtcb(pkt->ident);
    twa->qpkt_count++;
    pkt->link = NULL;
    pkt->ident = self->ident;
    return add_packet(t, pkt, self);
}

static struct task *device_fn(struct task *self, struct packet *pkt, struct task_rec *d) {
    if (!pkt) {
        pkt = d->pending;
        if (!pkt)
            return wait_task(self);
        d->pending = NULL;
        return qpkt(self, pkt);
    }
    d->pending = pkt;
    twa->checksum = (twa->checksum * 31 + pkt->datum) % 1000000007;
    return hold(self);
}

static struct task *handler_fn(struct task *self, struct packet *pkt, struct task_rec *h) {
    if (pkt) {
        if (pkt->kind == K_WORK)
            h->work_in = append_to(pkt, h->work_in);
        else
            h->device_in = append_to(pkt, h->device_in);
    }
    struct packet *work = h->work_in;
    if (!work)
        return wait_task(self);
    int count = work->datum;
    if (count >= BUFSIZE) {
        h->work_in = work->link;
        return qpkt(self, work);
    }
    struct packet *dev = h->device_in;
    if (!dev)
        return wait_task(self);
    h->device_in = dev->link;
    dev->datum = work->data[count];
    work->datum = count + 1;
    return qpkt(self, dev);
}

static struct task *idle_fn(struct task *self, struct packet *pkt, struct task_rec *i) {
    (void)pkt;
    i->idle_count--;
    if (i->idle_count == 0)
        return hold(self);
    if ((i->control & 1) == 0) {
        i->control /= 2;
        return release(self, I_DEVA);
    }
    i->control = (i->control / 2) ^ 0xd008;
    return release(self, I_DEVB);
}

static struct task *work_fn(struct task *self, struct packet *pkt, struct task_rec *w) {
    if (!pkt)
        return wait_task(self);
    int dest = w->destination == I_HANDLERA ? I_HANDLERB : I_HANDLERA;
    w->destination = dest;
    pkt->ident = dest;
    pkt->datum = 0;
    for (int i = 0; i < BUFSIZE; i++) {
        w->work_count++;
        if (w->work_count > 26)
            w->work_count = 1;
        pkt->data[i] = 'A' + w->work_count - 1;
    }
    return qpkt(self, pkt);
}

static void new_task(int i, int p, struct packet *w, struct task_state s, struct task_rec *r,
                     task_fn fn) {
    struct task *t = rc_new(struct task);
    task_init(t, i, p, w, s, r, fn);
}

static void schedule(void) {
    struct task *t = twa->task_list;
    while (t) {
        if (is_task_holding_or_waiting(&t->state))
            t = t->link;
        else
            t = run_task(t);
    }
}

static bool run(int iterations) {
    for (int i = 0; i < iterations; i++) {
        twa->hold_count = 0;
        twa->qpkt_count = 0;

        struct task_rec *idle = rc_new(struct task_rec);
        idle->control = 1;
        idle->idle_count = 10000;
        new_task(I_IDLE, 0, NULL, running(), idle, idle_fn);

        struct packet *wkq = packet_new(NULL, 0, K_WORK);
        wkq = packet_new(wkq, 0, K_WORK);
        struct task_rec *worker = rc_new(struct task_rec);
        worker->destination = I_HANDLERA;
        new_task(I_WORK, 1000, wkq, waiting_with_packet(), worker, work_fn);

        wkq = packet_new(NULL, I_DEVA, K_DEV);
        wkq = packet_new(wkq, I_DEVA, K_DEV);
        wkq = packet_new(wkq, I_DEVA, K_DEV);
        new_task(I_HANDLERA, 2000, wkq, waiting_with_packet(), rc_new(struct task_rec), handler_fn);

        wkq = packet_new(NULL, I_DEVB, K_DEV);
        wkq = packet_new(wkq, I_DEVB, K_DEV);
        wkq = packet_new(wkq, I_DEVB, K_DEV);
        new_task(I_HANDLERB, 3000, wkq, waiting_with_packet(), rc_new(struct task_rec), handler_fn);

        wkq = NULL;
        new_task(I_DEVA, 4000, wkq, waiting(), rc_new(struct task_rec), device_fn);
        new_task(I_DEVB, 5000, wkq, waiting(), rc_new(struct task_rec), device_fn);

        schedule();

        if (twa->hold_count != 9297 || twa->qpkt_count != 23246)
            return false;
    }
    return true;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    twa = rc_new(struct task_work_area);
    bool ok = run(n);
    printf("richards %d: %s, holds %d, packets queued %d, checksum %ld\n", n, ok ? "ok" : "FAILED",
           twa->hold_count, twa->qpkt_count, twa->checksum);
    twa = NULL;
    return ok ? 0 : 1;
}
