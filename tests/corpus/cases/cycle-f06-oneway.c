// A car owns its engine; the engine knows nothing of the car.
#include <autorc.h>
struct RC_MANAGED engine { int hp; };
struct RC_MANAGED car { struct engine *engine; struct engine *spare; };
