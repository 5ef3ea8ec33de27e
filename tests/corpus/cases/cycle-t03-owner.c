// An account owns a card; the card points back to its account.
#include <autorc.h>
struct RC_MANAGED account;
struct RC_MANAGED card { struct account *owner; }; // WANT: cycle WANT-FIX: RC_WEAK
struct RC_MANAGED account { struct card *card; long balance; };

#include <stdio.h>

static struct account *open_account(long balance) {
    struct account *a = rc_new(struct account);
    a->balance = balance;
    a->card = rc_new(struct card);
    a->card->owner = a;
    return a;
}

static void pay(struct card *c, long amount) { c->owner->balance -= amount; }

static void run(void) {
    for (long i = 1; i <= 3; i++) {
        struct account *a = open_account(100 * i);
        pay(a->card, 30);
        printf("account %ld: balance %ld\n", i, a->card->owner->balance);
    }
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
