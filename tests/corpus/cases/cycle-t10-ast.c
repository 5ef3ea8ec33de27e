// An AST: first child and next sibling down, parent up.
#include <autorc.h>
struct RC_MANAGED ast {
    struct ast *first_child;
    struct ast *next_sibling;
    struct ast *parent; // WANT: cycle WANT-FIX: RC_WEAK
    int kind;
};
