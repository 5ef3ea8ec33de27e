/* deltablue — pyperformance's bm_deltablue (John Maloney's incremental
 * constraint solver) ported to managed C the way a user porting the Python
 * writes it (bench/oo/deltablue.py is the reference; outputs must be
 * identical): classes become RC_MANAGED structs, the constraint class
 * hierarchy a table of function pointers per class, OrderedCollection an
 * rc_list. No RC_ACYCLIC or other tuning: a variable holds the list of its
 * constraints and the constraint that determines it, a constraint holds its
 * variables, so every test leaves a graph of cycles for the collector.
 * The lists use only the calls the runtime had before issue 14 (ab7c02f:
 * new, append, get, set, len, pop, index), so that bench/suite.py
 * --baseline compiles this same text with both: `for c in l` is an index
 * loop, a queue drained with pop(0) is walked with an index, `l.remove(x)`
 * is list_remove below.
 * Build: autorc-cc -O2 deltablue.c -o deltablue; run: deltablue [iterations] [n]. */
#include <autorc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* Strength: the Python's seven Strength objects, compared by their number. */
enum strength { REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST };

static bool stronger(int s1, int s2) { return s1 < s2; }
static bool weaker(int s1, int s2) { return s1 > s2; }
static int weakest_of(int s1, int s2) { return weaker(s1, s2) ? s1 : s2; }

/* The reference's table as it is (REQUIRED's next weaker is WEAKEST); it has
 * no entry for WEAKEST, where Python raises KeyError. */
static int next_weaker(int s) {
    static const int table[] = {WEAKEST, WEAK_DEFAULT, NORMAL, STRONG_DEFAULT, PREFERRED, REQUIRED};
    if (s < 0 || s >= (int)(sizeof table / sizeof table[0])) {
        fprintf(stderr, "KeyError: %d\n", s);
        exit(1);
    }
    return table[s];
}

enum direction { BACKWARD = -1, NONE = 0, FORWARD = 1 };

struct constraint;

struct RC_MANAGED variable {
    char name[16];
    long value;
    rc_list *constraints;
    struct constraint *determined_by;
    long mark;
    int walk_strength;
    bool stay;
};

/* A constraint's class: its methods. */
struct constraint_class {
    void (*add_to_graph)(struct constraint *c);
    void (*choose_method)(struct constraint *c, long mark);
    bool (*is_satisfied)(struct constraint *c);
    void (*mark_inputs)(struct constraint *c, long mark);
    struct variable *(*output)(struct constraint *c);
    void (*recalculate)(struct constraint *c);
    void (*mark_unsatisfied)(struct constraint *c);
    bool (*inputs_known)(struct constraint *c, long mark);
    void (*remove_from_graph)(struct constraint *c);
    void (*execute)(struct constraint *c);
    bool is_input;
};

struct RC_MANAGED constraint {
    const struct constraint_class *cls;
    int strength;
    struct variable *my_output;     /* UrnaryConstraint */
    bool satisfied;
    struct variable *v1, *v2;       /* BinaryConstraint */
    int direction;
    struct variable *scale, *offset; /* ScaleConstraint */
};

struct RC_MANAGED planner { long current_mark; };
struct RC_MANAGED plan { rc_list *v; };

static struct planner *planner;
static long checksum;

static void check(long value) { checksum = (checksum * 31 + value) % 1000000007; }

/* ---- Variable ---- */

static struct variable *variable_new(const char *prefix, int i, long value) {
    struct variable *v = rc_new(struct variable);
    snprintf(v->name, sizeof v->name, "%s%d", prefix, i);
    v->value = value;
    v->constraints = rc_list_new();
    v->walk_strength = WEAKEST;
    v->stay = true;
    return v;
}

static void variable_add_constraint(struct variable *v, struct constraint *c) {
    rc_list_append(v->constraints, c);
}

/* l.remove(x): the first item identical to x (Python compares with ==,
 * which is identity for these objects). */
static void list_remove(rc_list *l, struct constraint *x) {
    long i = rc_list_index(l, x);
    if (i < 0) {
        fprintf(stderr, "ValueError: list.remove(x): x not in list\n");
        exit(1);
    }
    size_t n = rc_list_len(l);
    for (size_t j = (size_t)i; j + 1 < n; j++)
        rc_list_set(l, j, rc_list_get(l, j + 1));
    rc_list_pop(l);
}

static void variable_remove_constraint(struct variable *v, struct constraint *c) {
    list_remove(v->constraints, c);
    if (v->determined_by == c)
        v->determined_by = NULL;
}

/* ---- Planner (declared here, the constraints call it) ---- */

static void incremental_add(struct constraint *c);
static void incremental_remove(struct constraint *c);
static bool add_propagate(struct constraint *c, long mark);

/* ---- Constraint ---- */

static void add_constraint(struct constraint *c) {
    c->cls->add_to_graph(c);
    incremental_add(c);
}

static struct constraint *satisfy(struct constraint *c, long mark) {
    c->cls->choose_method(c, mark);
    if (!c->cls->is_satisfied(c)) {
        if (c->strength == REQUIRED)
            printf("Could not satisfy a required constraint!\n");
        return NULL;
    }
    c->cls->mark_inputs(c, mark);
    struct variable *out = c->cls->output(c);
    struct constraint *overridden = out->determined_by;
    if (overridden)
        overridden->cls->mark_unsatisfied(overridden);
    out->determined_by = c;
    if (!add_propagate(c, mark))
        printf("Cycle encountered\n");
    out->mark = mark;
    return overridden;
}

static void destroy_constraint(struct constraint *c) {
    if (c->cls->is_satisfied(c))
        incremental_remove(c);
    else
        c->cls->remove_from_graph(c);
}

/* ---- UrnaryConstraint, StayConstraint, EditConstraint ---- */

static void unary_add_to_graph(struct constraint *c) {
    variable_add_constraint(c->my_output, c);
    c->satisfied = false;
}

static void unary_choose_method(struct constraint *c, long mark) {
    c->satisfied = c->my_output->mark != mark && stronger(c->strength, c->my_output->walk_strength);
}

static bool unary_is_satisfied(struct constraint *c) { return c->satisfied; }
static void unary_mark_inputs(struct constraint *c, long mark) { (void)c, (void)mark; }
static struct variable *unary_output(struct constraint *c) { return c->my_output; }

static void unary_recalculate(struct constraint *c) {
    c->my_output->walk_strength = c->strength;
    c->my_output->stay = !c->cls->is_input;
    if (c->my_output->stay)
        c->cls->execute(c);
}

static void unary_mark_unsatisfied(struct constraint *c) { c->satisfied = false; }
static bool unary_inputs_known(struct constraint *c, long mark) { (void)c, (void)mark; return true; }

static void unary_remove_from_graph(struct constraint *c) {
    if (c->my_output) {
        variable_remove_constraint(c->my_output, c);
        c->satisfied = false;
    }
}

static void nothing_to_execute(struct constraint *c) { (void)c; }

#define UNARY_METHODS                                                                          \
    unary_add_to_graph, unary_choose_method, unary_is_satisfied, unary_mark_inputs,            \
        unary_output, unary_recalculate, unary_mark_unsatisfied, unary_inputs_known,           \
        unary_remove_from_graph, nothing_to_execute
static const struct constraint_class stay_constraint = {UNARY_METHODS, false};
static const struct constraint_class edit_constraint = {UNARY_METHODS, true};

static struct constraint *unary_new(const struct constraint_class *cls, struct variable *v, int strength) {
    struct constraint *c = rc_new(struct constraint);
    c->cls = cls;
    c->strength = strength;
    c->my_output = v;
    c->satisfied = false;
    add_constraint(c);
    return c;
}

/* ---- BinaryConstraint, EqualityConstraint ---- */

static void binary_choose_method(struct constraint *c, long mark) {
    if (c->v1->mark == mark)
        c->direction = c->v2->mark != mark && stronger(c->strength, c->v2->walk_strength) ? FORWARD : BACKWARD;
    if (c->v2->mark == mark)
        c->direction = c->v1->mark != mark && stronger(c->strength, c->v1->walk_strength) ? BACKWARD : NONE;
    if (weaker(c->v1->walk_strength, c->v2->walk_strength))
        c->direction = stronger(c->strength, c->v1->walk_strength) ? BACKWARD : NONE;
    else
        c->direction = stronger(c->strength, c->v2->walk_strength) ? FORWARD : BACKWARD;
}

static void binary_add_to_graph(struct constraint *c) {
    variable_add_constraint(c->v1, c);
    variable_add_constraint(c->v2, c);
    c->direction = NONE;
}

static bool binary_is_satisfied(struct constraint *c) { return c->direction != NONE; }
static struct variable *binary_input(struct constraint *c) { return c->direction == FORWARD ? c->v1 : c->v2; }
static struct variable *binary_output(struct constraint *c) { return c->direction == FORWARD ? c->v2 : c->v1; }
static void binary_mark_inputs(struct constraint *c, long mark) { binary_input(c)->mark = mark; }

static void binary_recalculate(struct constraint *c) {
    struct variable *ihn = binary_input(c);
    struct variable *out = binary_output(c);
    out->walk_strength = weakest_of(c->strength, ihn->walk_strength);
    out->stay = ihn->stay;
    if (out->stay)
        c->cls->execute(c);
}

static void binary_mark_unsatisfied(struct constraint *c) { c->direction = NONE; }

static bool binary_inputs_known(struct constraint *c, long mark) {
    struct variable *i = binary_input(c);
    return i->mark == mark || i->stay || !i->determined_by;
}

static void binary_remove_from_graph(struct constraint *c) {
    if (c->v1)
        variable_remove_constraint(c->v1, c);
    if (c->v2)
        variable_remove_constraint(c->v2, c);
    c->direction = NONE;
}

static void equality_execute(struct constraint *c) {
    binary_output(c)->value = binary_input(c)->value;
}

static const struct constraint_class equality_constraint = {
    binary_add_to_graph, binary_choose_method, binary_is_satisfied, binary_mark_inputs,
    binary_output, binary_recalculate, binary_mark_unsatisfied, binary_inputs_known,
    binary_remove_from_graph, equality_execute, false};

static void binary_init(struct constraint *c, struct variable *v1, struct variable *v2, int strength) {
    c->strength = strength;
    c->v1 = v1;
    c->v2 = v2;
    c->direction = NONE;
    add_constraint(c);
}

static struct constraint *equality_new(struct variable *v1, struct variable *v2, int strength) {
    struct constraint *c = rc_new(struct constraint);
    c->cls = &equality_constraint;
    binary_init(c, v1, v2, strength);
    return c;
}

/* ---- ScaleConstraint ---- */

static void scale_add_to_graph(struct constraint *c) {
    binary_add_to_graph(c);
    variable_add_constraint(c->scale, c);
    variable_add_constraint(c->offset, c);
}

static void scale_remove_from_graph(struct constraint *c) {
    binary_remove_from_graph(c);
    if (c->scale)
        variable_remove_constraint(c->scale, c);
    if (c->offset)
        variable_remove_constraint(c->offset, c);
}

static void scale_mark_inputs(struct constraint *c, long mark) {
    binary_mark_inputs(c, mark);
    c->scale->mark = mark;
    c->offset->mark = mark;
}

static void scale_execute(struct constraint *c) {
    if (c->direction == FORWARD)
        c->v2->value = c->v1->value * c->scale->value + c->offset->value;
    else
        c->v1->value = (c->v2->value - c->offset->value) / c->scale->value;
}

static void scale_recalculate(struct constraint *c) {
    struct variable *ihn = binary_input(c);
    struct variable *out = binary_output(c);
    out->walk_strength = weakest_of(c->strength, ihn->walk_strength);
    out->stay = ihn->stay && c->scale->stay && c->offset->stay;
    if (out->stay)
        c->cls->execute(c);
}

static const struct constraint_class scale_constraint = {
    scale_add_to_graph, binary_choose_method, binary_is_satisfied, scale_mark_inputs,
    binary_output, scale_recalculate, binary_mark_unsatisfied, binary_inputs_known,
    scale_remove_from_graph, scale_execute, false};

static struct constraint *scale_new(struct variable *src, struct variable *scale, struct variable *offset,
                                    struct variable *dest, int strength) {
    struct constraint *c = rc_new(struct constraint);
    c->cls = &scale_constraint;
    c->direction = NONE;
    c->scale = scale;
    c->offset = offset;
    binary_init(c, src, dest, strength);
    return c;
}

/* ---- Plan ---- */

static void plan_execute(struct plan *p) {
    for (size_t i = 0; i < rc_list_len(p->v); i++) {
        struct constraint *c = rc_list_get(p->v, i);
        c->cls->execute(c);
    }
}

/* ---- Planner ---- */

static long new_mark(void) { return ++planner->current_mark; }

static void incremental_add(struct constraint *c) {
    long mark = new_mark();
    struct constraint *overridden = satisfy(c, mark);
    while (overridden)
        overridden = satisfy(overridden, mark);
}

static void add_constraints_consuming_to(struct variable *v, rc_list *coll) {
    struct constraint *determining = v->determined_by;
    for (size_t i = 0; i < rc_list_len(v->constraints); i++) {
        struct constraint *c = rc_list_get(v->constraints, i);
        if (c != determining && c->cls->is_satisfied(c))
            rc_list_append(coll, c);
    }
}

static rc_list *remove_propagate_from(struct variable *out) {
    out->determined_by = NULL;
    out->walk_strength = WEAKEST;
    out->stay = true;
    rc_list *unsatisfied = rc_list_new();
    rc_list *todo = rc_list_new();
    rc_list_append(todo, out);
    for (size_t t = 0; t < rc_list_len(todo); t++) {
        struct variable *v = rc_list_get(todo, t);
        for (size_t i = 0; i < rc_list_len(v->constraints); i++) {
            struct constraint *c = rc_list_get(v->constraints, i);
            if (!c->cls->is_satisfied(c))
                rc_list_append(unsatisfied, c);
        }
        struct constraint *determining = v->determined_by;
        for (size_t i = 0; i < rc_list_len(v->constraints); i++) {
            struct constraint *c = rc_list_get(v->constraints, i);
            if (c != determining && c->cls->is_satisfied(c)) {
                c->cls->recalculate(c);
                rc_list_append(todo, c->cls->output(c));
            }
        }
    }
    return unsatisfied;
}

static void incremental_remove(struct constraint *c) {
    struct variable *out = c->cls->output(c);
    c->cls->mark_unsatisfied(c);
    c->cls->remove_from_graph(c);
    rc_list *unsatisfied = remove_propagate_from(out);
    int strength = REQUIRED;
    bool repeat = true;
    while (repeat) {
        for (size_t i = 0; i < rc_list_len(unsatisfied); i++) {
            struct constraint *u = rc_list_get(unsatisfied, i);
            if (u->strength == strength)
                incremental_add(u);
            strength = next_weaker(strength);
        }
        repeat = strength != WEAKEST;
    }
}

static bool add_propagate(struct constraint *c, long mark) {
    rc_list *todo = rc_list_new();
    rc_list_append(todo, c);
    for (size_t t = 0; t < rc_list_len(todo); t++) {
        struct constraint *d = rc_list_get(todo, t);
        if (d->cls->output(d)->mark == mark) {
            incremental_remove(c);
            return false;
        }
        d->cls->recalculate(d);
        add_constraints_consuming_to(d->cls->output(d), todo);
    }
    return true;
}

static struct plan *make_plan(rc_list *sources) {
    long mark = new_mark();
    struct plan *plan = rc_new(struct plan);
    plan->v = rc_list_new();
    rc_list *todo = sources;
    for (size_t t = 0; t < rc_list_len(todo); t++) {
        struct constraint *c = rc_list_get(todo, t);
        if (c->cls->output(c)->mark != mark && c->cls->inputs_known(c, mark)) {
            rc_list_append(plan->v, c);
            c->cls->output(c)->mark = mark;
            add_constraints_consuming_to(c->cls->output(c), todo);
        }
    }
    return plan;
}

static struct plan *extract_plan_from_constraints(rc_list *constraints) {
    rc_list *sources = rc_list_new();
    for (size_t i = 0; i < rc_list_len(constraints); i++) {
        struct constraint *c = rc_list_get(constraints, i);
        if (c->cls->is_input && c->cls->is_satisfied(c))
            rc_list_append(sources, c);
    }
    return make_plan(sources);
}

/* ---- The benchmark ---- */

static void chain_test(int n) {
    planner = rc_new(struct planner);
    struct variable *prev = NULL, *first = NULL, *last = NULL;
    for (int i = 0; i <= n; i++) {
        struct variable *v = variable_new("v", i, 0);
        if (prev)
            equality_new(prev, v, REQUIRED);
        if (i == 0)
            first = v;
        if (i == n)
            last = v;
        prev = v;
    }
    unary_new(&stay_constraint, last, STRONG_DEFAULT);
    struct constraint *edit = unary_new(&edit_constraint, first, PREFERRED);
    rc_list *edits = rc_list_new();
    rc_list_append(edits, edit);
    struct plan *plan = extract_plan_from_constraints(edits);
    for (int i = 0; i < 100; i++) {
        first->value = i;
        plan_execute(plan);
        if (last->value != i)
            printf("Chain test failed.\n");
        check(last->value);
    }
}

static void change(struct variable *v, long new_value) {
    struct constraint *edit = unary_new(&edit_constraint, v, PREFERRED);
    rc_list *edits = rc_list_new();
    rc_list_append(edits, edit);
    struct plan *plan = extract_plan_from_constraints(edits);
    for (int i = 0; i < 10; i++) {
        v->value = new_value;
        plan_execute(plan);
    }
    destroy_constraint(edit);
}

static void projection_test(int n) {
    planner = rc_new(struct planner);
    struct variable *scale = variable_new("scale", 0, 10);
    struct variable *offset = variable_new("offset", 0, 1000);
    struct variable *src = NULL, *dst = NULL;
    rc_list *dests = rc_list_new();
    for (int i = 0; i < n; i++) {
        src = variable_new("src", i, i);
        dst = variable_new("dst", i, i);
        rc_list_append(dests, dst);
        unary_new(&stay_constraint, src, NORMAL);
        scale_new(src, scale, offset, dst, REQUIRED);
    }
    change(src, 17);
    check(dst->value);
    if (dst->value != 1170)
        printf("Projection 1 failed\n");
    change(dst, 1050);
    check(src->value);
    if (src->value != 5)
        printf("Projection 2 failed\n");
    change(scale, 5);
    for (int i = 0; i < n - 1; i++) {
        struct variable *d = rc_list_get(dests, i);
        if (d->value != i * 5 + 1000)
            printf("Projection 3 failed\n");
        check(d->value);
    }
    change(offset, 2000);
    for (int i = 0; i < n - 1; i++) {
        struct variable *d = rc_list_get(dests, i);
        if (d->value != i * 5 + 2000)
            printf("Projection 4 failed\n");
        check(d->value);
    }
}

static void delta_blue(int n) {
    chain_test(n);
    projection_test(n);
}

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 10;
    int n = argc > 2 ? atoi(argv[2]) : 100;
    for (int i = 0; i < iterations; i++)
        delta_blue(n);
    printf("deltablue %d x %d: checksum %ld\n", iterations, n, checksum);
    planner = NULL;
    return 0;
}
