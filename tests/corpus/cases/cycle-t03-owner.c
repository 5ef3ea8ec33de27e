// An account owns a card; the card points back to its account.
#include <autorc.h>
struct RC_MANAGED account;
struct RC_MANAGED card { struct account *owner; }; // WANT: cycle WANT-FIX: RC_WEAK
struct RC_MANAGED account { struct card *card; long balance; };
