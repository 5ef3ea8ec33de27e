// A binary tree: two forward links, no way back.
#include <autorc.h>
struct RC_MANAGED bt { struct bt *left; struct bt *right; int key; };
