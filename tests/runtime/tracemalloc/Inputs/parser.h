/* Allocations in another file, for the filter tests. */
struct token { int kind; int pos; int pad[2]; };
static inline struct token *make_token(int kind) {
    struct token *t = rc_new(struct token);
    t->kind = kind;
    return t;
}
