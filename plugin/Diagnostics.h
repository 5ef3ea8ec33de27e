// Diagnostics.h — the catalogue API (entries in DiagCatalogue.def) and the
// sink of the nested analysis parse.
//
// Every autorc diagnostic has an id in the catalogue; its text is the
// entry's format with the arguments put in, and its tag and severity come
// from the entry, so the plugin, clang-tidy (plugin/tidy) and autorc-clangd
// (which reads the plugin's output) print the same words.
//
// Findings of the nested parse are kept as (file, offset, id, text) and
// reported later on the user's own compile (or clang-tidy's), relocated by
// plugin/Relocate.h, so they print once, with the user's file and line, and
// -verify sees them.
#ifndef AUTORC_PLUGIN_DIAGNOSTICS_H
#define AUTORC_PLUGIN_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace autorc {
namespace diag {

enum ID : unsigned {
#define AUTORC_DIAG(Id, Group, Severity, Format) Id,
#include "DiagCatalogue.def"
  NumDiags
};

enum class Severity { Error, Warning, Note };

struct Entry {
  const char *Id;    // "FieldStructByValue"
  const char *Group; // "field": shown as [autorc-field]
  Severity Sev;
  const char *Format; // %0..%9 are the arguments
};

const Entry &entry(ID I);
// The group's full tag, "autorc-field".
std::string tagOf(ID I);
// The entry's format with Args put in (the text without the tag).
std::string format(ID I, llvm::ArrayRef<std::string> Args = {});
// The text as printed: "[autorc-g] text" for errors, "text [autorc-g]" for
// warnings (also when -Werror makes them errors), the text alone for notes.
std::string printed(ID I, llvm::StringRef Text);

// Report I directly on a compile (the driver's diagnostics: arguments, the
// input's language); Loc may be invalid.
void report(clang::DiagnosticsEngine &D, clang::SourceLocation Loc, ID I,
            llvm::ArrayRef<std::string> Args = {});
// The clang level of a severity.
clang::DiagnosticsEngine::Level level(Severity S);

} // namespace diag

struct PendingDiag {
  std::string File;
  unsigned Offset = 0;
  diag::ID Id = diag::NumDiags;
  std::string Text; // diag::format(Id, args): without the tag
  bool isError() const { return diag::entry(Id).Sev == diag::Severity::Error; }
  std::string printed() const { return diag::printed(Id, Text); }
};

class DiagSink {
public:
  DiagSink(const clang::SourceManager &SM, std::vector<PendingDiag> &Out)
      : SM(SM), Out(Out) {}

  void report(clang::SourceLocation Loc, diag::ID I, llvm::ArrayRef<std::string> Args = {});
  bool hasErrors() const { return Errors > 0; }

private:
  const clang::SourceManager &SM;
  std::vector<PendingDiag> &Out;
  std::set<std::tuple<std::string, unsigned, std::string>> Seen;
  unsigned Errors = 0;
};

} // namespace autorc

#endif
