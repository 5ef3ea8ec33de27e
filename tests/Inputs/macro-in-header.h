// A user macro that stores a managed pointer, invoked in a header: only
// invocations in the .c file are expanded (diag-macro.c).
#define SET_NEXT_H(a, b) ((a)->next = (b))
static inline void link_in_header(struct node *a, struct node *b) { SET_NEXT_H(a, b); }
