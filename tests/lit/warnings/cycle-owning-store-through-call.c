// [autorc-cycle]: the note on an owning store made by a called function
// cites the store itself (in the callee) and the call, and, when a local of
// the caller still names the object at that call, says the slot holds the
// only reference once that local is gone -- not "at once" (u10's and u11's
// D2: the note cited the call's line and claimed the only reference while
// the local 'ctx' held the object).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct search;
RC_LIST_OF(sol_list, struct solution);
struct RC_MANAGED solution { struct search *owner; int id; }; // expected-warning {{strong field 'owner' closes a reference cycle (struct solution -> struct search -> sol_list -> struct solution) that only the cycle collector frees; no fix-it, as the evidence does not single out a back link whose RC_WEAK breaks it (not suggested: 'owner' holds the only reference to the new struct search stored at cycle-owning-store-through-call.c:19 (through the call at cycle-owning-store-through-call.c:32) once the local 'ctx' is gone, and RC_WEAK would free it then)}}
struct RC_MANAGED search { sol_list *solutions; int n; }; // expected-note {{and strong field 'solutions'}}

static void solve(struct search *ctx, int row) {
    if (row == ctx->n) {
        struct solution *sol = rc_new(struct solution);
        sol->owner = ctx;
        sol->id = row;
        rc_tlist_append(ctx->solutions, sol);
        return;
    }
    solve(ctx, row + 1);
}

void run(int n) {
    for (int r = 0; r < 3; r++) {
        struct search *ctx = rc_new(struct search);
        ctx->n = n;
        ctx->solutions = rc_tlist_new(sol_list);
        solve(ctx, 0);
        ctx = NULL;
    }
}
