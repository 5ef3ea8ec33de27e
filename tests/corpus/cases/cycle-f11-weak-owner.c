// Account and card, with the card's owner link weak.
#include <autorc.h>
struct RC_MANAGED account;
struct RC_MANAGED card { RC_WEAK struct account *owner; };
struct RC_MANAGED account { struct card *card; };
