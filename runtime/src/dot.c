/*
 * dot.c — rc_gc_dump_dot: a Graphviz picture of the objects around one
 * object, like objgraph's show_refs and show_backrefs in one graph.
 *
 * Two breadth-first walks from the root object, each `depth` edges deep:
 *   forward   what the root refers to: every strong slot of a node (the
 *             type's strong fields, then a container's slots), edge labels
 *             from the type's strong_names (else "+<offset>"), "[i]" for the
 *             i-th container slot (an rc_list's index);
 *   backward  what refers to the root: the referrers of a node are the
 *             objects the collector tracks (rc_gc_get_referrers) and, while
 *             tracing, every traced object (the trace table holds untracked
 *             objects too, e.g. RC_ACYCLIC ones with strong fields); each
 *             slot of a referrer that points to the node is one edge.
 * A node is an object (once, however it was reached); an edge is a slot
 * (once: a slot belongs to one object), so walks that meet add nothing twice.
 * At most DOT_MAX_EDGES slots (forward) and referrers (backward) are drawn
 * per node; the rest are counted in a dashed note, as objgraph's too_many
 * keeps a million-item list from becoming a million nodes. Referrers are
 * visited in address order.
 *
 * While it runs the collector is disabled (rc_gc_get_referrers allocates,
 * which could start a collection) and every node is held by one extra
 * reference, so nothing in the picture can die before it is printed; the
 * references are dropped at the end. Refcounts shown are the object's own.
 *
 * Output (node ids are in discovery order; the root is n0, filled yellow):
 *
 *   digraph autorc {
 *     node [shape=box, style=filled, fillcolor=white, fontname="monospace"];
 *     n0 [label="struct obj\n0x55d0c0a012a0\nrefcount 2\nprog.c:10", fillcolor=yellow];
 *     n1 [label="struct obj\n0x55d0c0a012e0\nrefcount 2\nprog.c:11"];
 *     n0 -> n1 [label="ref"];
 *     n1 -> n0 [label="ref"];
 *   }
 *
 * The last label line is the allocation site (file name without its
 * folders, and line), present when the object is traced
 * (rc_tracemalloc_start or AUTORC_TRACEMALLOC).
 */
#include "tracemalloc_internal.h"

#include <stdlib.h>
#include <string.h>

/* Most edges drawn per node and direction (objgraph's too_many); the rest
 * are summed up in a note ("99968 more references"). */
#define DOT_MAX_EDGES 32

typedef struct node {
    void *obj;
    int fwd, back; /* distance from the root walking forward/backward, -1: not reached */
    size_t more_fwd, more_back; /* slots / referrers not drawn */
} node;

typedef struct edge {
    size_t from, to;
    void **slot;
    const rc_type *type; /* the referrer's type, for the label */
    long field;          /* index into type->strong, or -1 - container slot index */
} edge;

typedef struct graph {
    node *nodes;
    size_t nnodes, capnodes;
    size_t *nidx; /* open addressing: node + 1 */
    size_t nmask;
    edge *edges;
    size_t nedges, capedges;
    void ***eset; /* open addressing over slot addresses */
    size_t emask, eused;
} graph;

static size_t phash(const void *p, size_t mask) {
    return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull) >> 17) & mask;
}

static void nidx_rebuild(graph *g, size_t n) {
    free(g->nidx);
    g->nidx = calloc(n, sizeof *g->nidx);
    if (!g->nidx) rc__fatal("out of memory (rc_gc_dump_dot)");
    g->nmask = n - 1;
    for (size_t k = 0; k < g->nnodes; k++) {
        size_t i = phash(g->nodes[k].obj, g->nmask);
        while (g->nidx[i]) i = (i + 1) & g->nmask;
        g->nidx[i] = k + 1;
    }
}

/* The node of obj, added (with an extra reference) if new. */
static size_t node_of(graph *g, void *obj, bool *added) {
    if (!g->nidx || 2 * (g->nnodes + 1) > g->nmask + 1)
        nidx_rebuild(g, g->nidx ? (g->nmask + 1) * 2 : 64);
    size_t i = phash(obj, g->nmask);
    for (size_t k; (k = g->nidx[i]) != 0; i = (i + 1) & g->nmask)
        if (g->nodes[k - 1].obj == obj) {
            *added = false;
            return k - 1;
        }
    if (g->nnodes == g->capnodes) {
        g->capnodes = g->capnodes ? g->capnodes * 2 : 64;
        g->nodes = rc__xrealloc(g->nodes, g->capnodes * sizeof *g->nodes);
    }
    g->nodes[g->nnodes] = (node){obj, -1, -1, 0, 0};
    g->nidx[i] = ++g->nnodes;
    rc_incref(obj);
    *added = true;
    return g->nnodes - 1;
}

static void add_edge(graph *g, size_t from, size_t to, void **slot, const rc_type *t, long field) {
    if (!g->eset || 2 * (g->eused + 1) > g->emask + 1) {
        size_t n = g->eset ? (g->emask + 1) * 2 : 64;
        void ***s = calloc(n, sizeof *s);
        if (!s) rc__fatal("out of memory (rc_gc_dump_dot)");
        for (size_t j = 0; g->eset && j <= g->emask; j++) {
            if (!g->eset[j]) continue;
            size_t i = phash(g->eset[j], n - 1);
            while (s[i]) i = (i + 1) & (n - 1);
            s[i] = g->eset[j];
        }
        free(g->eset);
        g->eset = s;
        g->emask = n - 1;
    }
    size_t i = phash(slot, g->emask);
    for (; g->eset[i]; i = (i + 1) & g->emask)
        if (g->eset[i] == slot) return;
    g->eset[i] = slot;
    g->eused++;
    if (g->nedges == g->capedges) {
        g->capedges = g->capedges ? g->capedges * 2 : 64;
        g->edges = rc__xrealloc(g->edges, g->capedges * sizeof *g->edges);
    }
    g->edges[g->nedges++] = (edge){from, to, slot, t, field};
}

/* Every strong slot of obj, with its field number (>= 0) or -1 - i for the
 * i-th container slot. */
typedef void (*slot_fn)(void *obj, void **slot, long field, void *ctx);

typedef struct slot_walk {
    void *obj;
    long i;
    slot_fn fn;
    void *ctx;
} slot_walk;

static void visit_container(void **slot, void *ctx) {
    slot_walk *w = ctx;
    w->fn(w->obj, slot, -1 - w->i++, w->ctx);
}

static void for_each_slot(void *obj, slot_fn fn, void *ctx) {
    const rc_type *t = rc__type_of(RC_HEAD_OF(obj));
    for (uint32_t i = 0; i < t->nstrong; i++) fn(obj, (void **)((char *)obj + t->strong[i]), i, ctx);
    if (t->traverse) {
        slot_walk w = {obj, 0, fn, ctx};
        t->traverse(obj, visit_container, &w);
    }
}

typedef struct step {
    graph *g;
    size_t from;  /* forward: the node whose slots are walked */
    size_t to;    /* backward: the node being pointed at */
    size_t *queue;
    size_t *nqueue;
    int dist;
    size_t taken, more; /* forward: slots drawn, slots left out */
} step;

static void fwd_slot(void *obj, void **slot, long field, void *ctx) {
    step *s = ctx;
    if (!*slot) return;
    if (s->taken == DOT_MAX_EDGES) {
        s->more++;
        return;
    }
    s->taken++;
    bool added;
    size_t to = node_of(s->g, *slot, &added);
    if (s->g->nodes[to].fwd < 0) {
        s->g->nodes[to].fwd = s->dist;
        s->queue[(*s->nqueue)++] = to;
    }
    add_edge(s->g, s->from, to, slot, rc__type_of(RC_HEAD_OF(obj)), field);
}

static void back_slot(void *obj, void **slot, long field, void *ctx) {
    step *s = ctx;
    if (*slot != s->g->nodes[s->to].obj) return;
    bool added;
    size_t from = node_of(s->g, obj, &added);
    if (s->g->nodes[from].back < 0) {
        s->g->nodes[from].back = s->dist;
        s->queue[(*s->nqueue)++] = from;
    }
    add_edge(s->g, from, s->to, slot, rc__type_of(RC_HEAD_OF(obj)), field);
}

typedef struct candidates {
    void **v;
    size_t n, cap;
    const void *target;
} candidates;

static void push_candidate(candidates *c, void *obj) {
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = rc__xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = obj;
}

typedef struct find_ctx {
    const void *target;
    bool found;
} find_ctx;

static void visit_find(void **slot, void *ctx) {
    find_ctx *f = ctx;
    if (*slot == f->target) f->found = true;
}

static void traced_referrer(void *obj, size_t size, const rc__tb *tb, void *ctx) {
    (void)size;
    (void)tb;
    candidates *c = ctx;
    const rc_type *t = rc__type_of(RC_HEAD_OF(obj));
    if (t->nstrong == 0 && !t->traverse) return;
    find_ctx f = {c->target, false};
    rc__traverse(obj, visit_find, &f);
    if (f.found) push_candidate(c, obj);
}

/* Grow a queue to hold `need` more entries. */
static size_t *queue_reserve(size_t *q, size_t n, size_t *cap, size_t need) {
    if (n + need <= *cap) return q;
    while (*cap < n + need) *cap = *cap ? *cap * 2 : 64;
    return rc__xrealloc(q, *cap * sizeof *q);
}

static void count_slot(void **slot, void *ctx) {
    (void)slot;
    (*(size_t *)ctx)++;
}

/* Number of strong slots of obj: the most nodes one step from it can add. */
static size_t strong_slots(void *obj) {
    size_t n = 0;
    rc__traverse(obj, count_slot, &n);
    return n;
}

static int cmp_ptr(const void *a, const void *b) {
    uintptr_t x = (uintptr_t) * (void *const *)a, y = (uintptr_t) * (void *const *)b;
    return (x > y) - (x < y);
}

static void put_escaped(FILE *out, const char *s) {
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', out);
        fputc(*s, out);
    }
}

void rc_gc_dump_dot(void *obj, int depth, FILE *out) {
    if (!obj) rc__fatal("rc_gc_dump_dot: the object is NULL");
    if (depth < 0) rc__fatal("rc_gc_dump_dot: depth %d is negative", depth);
    if (!out) out = stdout;
    int gc_was = rc_gc_isenabled();
    rc_gc_disable();

    graph g = {0};
    bool added;
    node_of(&g, obj, &added);
    g.nodes[0].fwd = g.nodes[0].back = 0;

    /* forward */
    size_t *q = NULL, qcap = 0, qn = 0;
    q = queue_reserve(q, qn, &qcap, 1);
    q[qn++] = 0;
    for (size_t head = 0; head < qn; head++) {
        size_t k = q[head];
        int d = g.nodes[k].fwd;
        if (d >= depth) continue;
        q = queue_reserve(q, qn, &qcap, strong_slots(g.nodes[k].obj));
        step s = {&g, k, 0, q, &qn, d + 1, 0, 0};
        for_each_slot(g.nodes[k].obj, fwd_slot, &s);
        g.nodes[k].more_fwd = s.more;
    }

    /* backward */
    qn = 0;
    q[qn++] = 0;
    for (size_t head = 0; head < qn; head++) {
        size_t k = q[head];
        int d = g.nodes[k].back;
        if (d >= depth) continue;
        candidates c = {NULL, 0, 0, g.nodes[k].obj};
        rc__trace_foreach(traced_referrer, &c);
        rc_list *refs = rc_gc_get_referrers(g.nodes[k].obj);
        for (size_t i = 0; i < rc_list_len(refs); i++) push_candidate(&c, rc_list_get(refs, i));
        /* one referrer may be found both ways: keep each once, in a
         * repeatable (address) order */
        if (c.n > 1) qsort(c.v, c.n, sizeof *c.v, cmp_ptr);
        size_t u = 0;
        for (size_t i = 0; i < c.n; i++)
            if (u == 0 || c.v[u - 1] != c.v[i]) c.v[u++] = c.v[i];
        size_t shown = u < DOT_MAX_EDGES ? u : DOT_MAX_EDGES;
        g.nodes[k].more_back = u - shown;
        q = queue_reserve(q, qn, &qcap, shown);
        for (size_t i = 0; i < shown; i++) {
            step s = {&g, 0, k, q, &qn, d + 1, 0, 0};
            for_each_slot(c.v[i], back_slot, &s);
        }
        rc_decref(refs);
        free(c.v);
    }

    fprintf(out, "digraph autorc {\n");
    fprintf(out, "  node [shape=box, style=filled, fillcolor=white, fontname=\"monospace\"];\n");
    for (size_t k = 0; k < g.nnodes; k++) {
        void *o = g.nodes[k].obj;
        fprintf(out, "  n%zu [label=\"", k);
        put_escaped(out, rc_typename(o));
        fprintf(out, "\\n%p\\nrefcount %zu", o, rc_getrefcount(o) - 1);
        const rc__tb *tb = rc__trace_lookup(o);
        if (tb) {
            const char *base = strrchr(tb->site->file, '/');
            fputs("\\n", out);
            put_escaped(out, base ? base + 1 : tb->site->file);
            fprintf(out, ":%d", tb->site->line);
        }
        fprintf(out, "\"%s];\n", k == 0 ? ", fillcolor=yellow" : "");
    }
    for (size_t e = 0; e < g.nedges; e++) {
        const edge *ed = &g.edges[e];
        fprintf(out, "  n%zu -> n%zu [label=\"", ed->from, ed->to);
        if (ed->field >= 0) {
            const rc_type *t = ed->type;
            if (t->strong_names && t->strong_names[ed->field])
                put_escaped(out, t->strong_names[ed->field]);
            else
                fprintf(out, "+%u", (unsigned)t->strong[ed->field]);
        } else {
            fprintf(out, "[%ld]", -1 - ed->field);
        }
        fprintf(out, "\"];\n");
    }
    for (size_t k = 0; k < g.nnodes; k++) {
        if (g.nodes[k].more_fwd)
            fprintf(out, "  n%zu_more [shape=plaintext, style=\"\", label=\"%zu more references\"];\n"
                         "  n%zu -> n%zu_more [style=dashed];\n",
                    k, g.nodes[k].more_fwd, k, k);
        if (g.nodes[k].more_back)
            fprintf(out, "  n%zu_refs [shape=plaintext, style=\"\", label=\"%zu more referrers\"];\n"
                         "  n%zu_refs -> n%zu [style=dashed];\n",
                    k, g.nodes[k].more_back, k, k);
    }
    fprintf(out, "}\n");
    fflush(out);

    for (size_t k = 0; k < g.nnodes; k++) rc_decref(g.nodes[k].obj);
    free(q);
    free(g.nodes);
    free(g.nidx);
    free(g.edges);
    free(g.eset);
    if (gc_was) rc_gc_enable();
}
