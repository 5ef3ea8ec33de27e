// TypeCycles.h — [autorc-cycle] at type level: one warning per strongly
// connected component of the managed types' graph (TypeGraph.h), with the
// back link chosen from evidence (CycleEvidence.h, CycleNames.h).
//
// Graph: the user's managed structs; TypeGraph's Field edges between them;
// a Container edge (rc_list *kids) resolved to the structs the program
// stores into that field, the structs its name is for (children,
// observers), and the structs that link to the owner with a back-link name
// (a `struct cart *owner` makes cart's list a holder of the linking type).
// RC_ACYCLIC structs and RC_NOWARN(cycle) fields and structs are left out.
//
// A component is reported when it has a cycle: two or more structs, or one
// struct that links to itself both ways (a back-link-named self field plus
// another way down: next/prev, children/parent). Forward-only self links
// (a list, a tree) are the ordinary shape of data and never reported.
//
// The back link: each link of the component is judged —
//   rejected: a container (cannot be weak), an array (RC_WEAK arrays are not
//     supported), an owning store (it holds the only reference to a fresh
//     object), the creator's link to what it creates, a forward self link;
//   back link, strong evidence: the link from objects created and stored by
//     the target type to that creator;
//   back link, weak evidence: a back-link name;
//   otherwise: no evidence.
// The back links are removed (strongest kept first, then each one dropped
// again if the rest still breaks every cycle); if what remains has no
// cycle, the warning suggests them, with one fix-it each. If the evidence
// does not break every cycle, the warning has no fix-it and a note at each
// link says why it was not suggested.
#ifndef AUTORC_WARNINGS_TYPECYCLES_H
#define AUTORC_WARNINGS_TYPECYCLES_H

#include "../TypeGraph.h"
#include "CycleEvidence.h"
#include "Finding.h"
#include <set>

namespace autorc {
namespace warnings {

// Reports through S; the suggested back links of every reported component
// (all its links when there is no fix-it) go into Reported: the instance
// check does not warn again about cycles through them.
void runTypeCycles(clang::ASTContext &Ctx, const ManagedTypes &MT, CycleEvidence &Ev,
                   FindingSink &S, std::set<const clang::FieldDecl *> &Reported);

} // namespace warnings
} // namespace autorc

#endif
