// A doubly linked list: next and prev both strong.
#include <autorc.h>
struct RC_MANAGED dnode {
    struct dnode *next;
    struct dnode *prev; // WANT: cycle WANT-FIX: RC_WEAK
    int value;
};

#include <stdio.h>

// Appending links the new node both ways: the previous node's next owns
// it, its prev leads back.
static struct dnode *append(struct dnode *tail, int value) {
    struct dnode *n = rc_new(struct dnode);
    n->value = value;
    n->prev = tail;
    if (tail)
        tail->next = n;
    return n;
}

static void run(void) {
    struct dnode *head = append(NULL, 0);
    struct dnode *tail = head;
    for (int i = 1; i < 6; i++)
        tail = append(tail, i * i);
    for (struct dnode *n = tail; n; n = n->prev)
        printf("%d ", n->value);
    printf("\n");
    for (struct dnode *n = head; n; n = n->next)
        printf("%d ", n->value);
    printf("\n");
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
