// Contracts.h — what a function does with the references it is given, read
// from <autorc.h>'s annotations instead of lists of runtime names:
//   RC_CONTAINER     (autorc_container)      struct: holds what is stored in it
//   RC_STORES(c, v)  (autorc_stores:c:v)     keeps argument v in container argument c
//   RC_CLEARS(c)     (autorc_clears:c)       drops everything container argument c holds
//   RC_READS_ONLY    (autorc_reads_only)     releases nothing, keeps nothing
//   RC_FRESH         (autorc_fresh)          returns a new object
// Arguments count from 0. The annotations are a promise of the declaration's
// author (the runtime's header, or a user's own container API), so they are
// read on any function, not only the runtime's.
#ifndef AUTORC_PLUGIN_CONTRACTS_H
#define AUTORC_PLUGIN_CONTRACTS_H

#include "clang/AST/Decl.h"
#include <utility>
#include <vector>

namespace autorc {
namespace contracts {

struct Store {
  unsigned Container; // the argument holding the container
  unsigned Value;     // the argument whose reference it keeps
};

// The (container, value) argument pairs of FD's RC_STORES annotations that
// FD's parameters have (none for a null FD).
std::vector<Store> stores(const clang::FunctionDecl *FD);
// The container argument of RC_CLEARS, or false.
bool clears(const clang::FunctionDecl *FD, unsigned &Container);
bool readsOnly(const clang::FunctionDecl *FD);
bool returnsFresh(const clang::FunctionDecl *FD);
bool isContainer(const clang::RecordDecl *RD);

} // namespace contracts
} // namespace autorc

#endif
