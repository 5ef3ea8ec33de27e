// deltablue's design (pyperformance's deltablue, ported): a variable keeps
// the constraints on it in a list and the constraint that determines it; a
// constraint keeps its variables. One design cycle, one warning. No field
// can be made RC_WEAK: the variables in the middle of a chain are owned
// only by the constraints (main drops its references), the constraint
// lists are containers, and `determined_by` alone leaves the list cycle.
// So the warning has no fix-it and says why. (The planner is reduced to
// the propagation along a chain; the ownership is deltablue's.)
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED constraint;
struct RC_MANAGED variable {
    rc_list *constraints; // WANT: cycle@deltablue
    struct constraint *determined_by; // WANT: cycle@deltablue
    int value;
    int id;
};
struct RC_MANAGED constraint {
    struct variable *input; // WANT: cycle@deltablue
    struct variable *output; // WANT: cycle@deltablue
    int strength;
};

struct variable *variable_new(int id, int value) {
    struct variable *v = rc_new(struct variable);
    v->constraints = rc_list_new();
    v->id = id;
    v->value = value;
    return v;
}

void add_constraint(struct constraint *c) {
    rc_list_append(c->input->constraints, c);
    rc_list_append(c->output->constraints, c);
    c->output->determined_by = c;
}

struct constraint *equality_new(struct variable *in, struct variable *out, int strength) {
    struct constraint *c = rc_new(struct constraint);
    c->input = in;
    c->output = out;
    c->strength = strength;
    add_constraint(c);
    return c;
}

// Propagate from v along the constraints whose input it is.
void propagate(struct variable *v) {
    for (size_t i = 0; i < rc_list_len(v->constraints); i++) {
        struct constraint *c = rc_list_get(v->constraints, i);
        if (c->input == v && c->output->determined_by == c) {
            c->output->value = v->value;
            propagate(c->output);
        }
    }
}

// deltablue's chain test: first -> v1 -> ... -> last, edit first, check last.
static void chain_test(int n) {
    struct variable *first = variable_new(0, 0);
    struct variable *prev = first;
    struct variable *last = NULL;
    for (int i = 1; i <= n; i++) {
        struct variable *v = variable_new(i, 0);
        equality_new(prev, v, 1);
        prev = v;
        last = v;
    }
    for (int value = 0; value < 5; value++) {
        first->value = value * 10;
        propagate(first);
        printf("chain %d: last = %d\n", n, last->value);
    }
}

int main(void) {
    chain_test(20);
    chain_test(50);
    printf("live %zu\n", rc_live_objects());
    return 0;
}
