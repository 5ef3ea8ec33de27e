// Diagnostics.h — diagnostics found while analysing the file in the nested
// parse. They are kept as (file, offset, message) and reported later on the
// user's own compile, so they print once, with the user's file and line, and
// -verify sees them.
#ifndef AUTORC_PLUGIN_DIAGNOSTICS_H
#define AUTORC_PLUGIN_DIAGNOSTICS_H

#include "clang/Basic/SourceManager.h"
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace autorc {

struct PendingDiag {
  std::string File;
  unsigned Offset = 0;
  bool IsError = true;
  std::string Message; // starts with the tag, e.g. "[autorc-cast] ..."
};

class DiagSink {
public:
  DiagSink(const clang::SourceManager &SM, std::vector<PendingDiag> &Out)
      : SM(SM), Out(Out) {}

  void error(clang::SourceLocation Loc, const std::string &Msg) { add(Loc, true, Msg); }
  void warning(clang::SourceLocation Loc, const std::string &Msg) { add(Loc, false, Msg); }
  bool hasErrors() const { return Errors > 0; }

private:
  void add(clang::SourceLocation Loc, bool IsError, const std::string &Msg);

  const clang::SourceManager &SM;
  std::vector<PendingDiag> &Out;
  std::set<std::tuple<std::string, unsigned, std::string>> Seen;
  unsigned Errors = 0;
};

} // namespace autorc

#endif
