// Finding.h — what a warning check reports, independent of who prints it.
//
// The autorc warnings ([autorc-cycle], [autorc-global], [autorc-escape]) are
// implemented once, as functions over a translation unit's AST that hand
// their results to a FindingSink. Two adapters print them:
//   - the plugin (DiagControl.cpp) records them in the nested analysis parse
//     and reports them in the user's own compile, after applying the
//     switches (-fplugin-arg-autorc-Wno-<name>, -Werror=<name>, clang's -w
//     and -Werror);
//   - the clang-tidy module (plugin/tidy/AutorcTidyModule.cpp) reports them
//     through ClangTidyCheck::diag, one tidy check per warning name.
// A finding is one warning with its notes (the other end of a cycle, the
// stores into a global) and fix-its (insertions).
#ifndef AUTORC_WARNINGS_FINDING_H
#define AUTORC_WARNINGS_FINDING_H

#include "../Diagnostics.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace autorc {
namespace warnings {

enum class WarningKind { Cycle, Global, Escape };
constexpr unsigned NumWarningKinds = 3;

// "cycle", "global", "escape" — shown as [autorc-<name>].
llvm::StringRef warningName(WarningKind K);
// Parses a name; false if unknown.
bool warningFromName(llvm::StringRef Name, WarningKind &K);
// "cycle, global, escape" (for error messages).
std::string validWarningNames();

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};
// A note from the catalogue (DiagCatalogue.def).
FindingNote findingNote(clang::SourceLocation Loc, diag::ID Id,
                        llvm::ArrayRef<std::string> Args = {});

struct FindingFixIt {
  clang::SourceLocation Loc; // insert Text before Loc
  std::string Text;
};

struct Finding {
  WarningKind Kind = WarningKind::Cycle;
  clang::SourceLocation Loc;
  std::string Message; // without the [autorc-<name>] tag
  std::vector<FindingNote> Notes;
  std::vector<FindingFixIt> FixIts;
  // Kind and Message from the catalogue's warning Id (its group names the
  // kind).
  void set(diag::ID Id, llvm::ArrayRef<std::string> Args = {});
};

class FindingSink {
public:
  virtual ~FindingSink() = default;
  virtual void report(const Finding &F) = 0;
};

// Site suppression: RC_NOWARN(name) on a declaration, i.e.
// __attribute__((annotate("autorc_nowarn(<name>)"))) (name may be "all"),
// silences warning K at that declaration and everything inside it (a field,
// a struct and its fields, a variable, a function and its body).
bool suppressedAt(const clang::Decl *D, WarningKind K);

} // namespace warnings
} // namespace autorc

#endif
