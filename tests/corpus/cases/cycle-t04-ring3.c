// Three types in a ring: order -> invoice -> customer -> order.
#include <autorc.h>
struct RC_MANAGED order;
struct RC_MANAGED invoice;
struct RC_MANAGED customer { struct order *last_order; };
struct RC_MANAGED order { struct invoice *invoice; };
struct RC_MANAGED invoice { struct customer *customer; }; // WANT: cycle
