// MacroExpansion.h — managed code inside user macros (docs/semantics.md,
// "Managed code inside macros").
//
// The rewriter edits the user's text, and a macro body is one text shared
// by every use: a store or temporary produced inside it cannot be edited
// there ([autorc-macro]). Instead, an invocation in the main file whose
// expansion needs an edit is replaced by its expansion, and the file is
// analysed again:
//   1. While the nested parse runs, MacroRecorder records every top-level
//      expansion in the main file of a macro defined in user code, with its
//      expansion text one level deep: the macro's body with the arguments'
//      own tokens substituted (`#` stringifies, `##` pastes, GNU `, ##
//      __VA_ARGS__` drops the comma). Macros used inside that text (user
//      macros, rc_new, NULL) are left as written: the next parse expands
//      them, as the preprocessor's rescan would.
//   2. An [autorc-macro] error is reported at the invocation it comes from
//      (the expansion location of the macro text). If such invocations
//      were recorded, the
//      analysis runs again on a copy of the main file in which each is
//      replaced by its expansion text, all on the invocation's first line
//      followed by the newlines the invocation spanned: no line moves, so
//      __LINE__, -g and diagnostics keep their lines. Nested user macros are
//      expanded in later rounds (at most MaxRounds).
//   3. Findings are mapped back to offsets of the original text (inside an
//      expanded invocation: the invocation's start) by ExpansionMap.
// Not expanded (the error stays, naming why): macros defined in system
// headers or <autorc.h>, invocations in headers (the main file only is
// re-parsed), a macro whose body names itself or uses __VA_OPT__ (textual
// expansion would not mean the same), invocations inside another macro's
// arguments when the outer macro cannot be expanded.
#ifndef AUTORC_PLUGIN_MACROEXPANSION_H
#define AUTORC_PLUGIN_MACROEXPANSION_H

#include "AutorcConsumer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <string>
#include <vector>

namespace autorc {

// One top-level invocation in the main file: [Begin, End) in the parsed
// text, and its expansion text (empty with Why set when it cannot be
// expanded textually).
struct MacroSite {
  unsigned Begin = 0, End = 0;
  std::string Name, Text, Why;
};

class MacroRecorder : public clang::PPCallbacks {
public:
  MacroRecorder(clang::Preprocessor &PP, std::map<unsigned, MacroSite> &Sites)
      : PP(PP), SM(PP.getSourceManager()), Sites(Sites) {}
  void MacroExpands(const clang::Token &NameTok, const clang::MacroDefinition &MD,
                    clang::SourceRange Range, const clang::MacroArgs *Args) override;

private:
  bool userMacro(const clang::MacroInfo *MI) const;
  std::string expand(const clang::Token &NameTok, const clang::MacroInfo *MI,
                     const clang::MacroArgs *Args, std::string &Why);
  clang::Preprocessor &PP;
  clang::SourceManager &SM;
  std::map<unsigned, MacroSite> &Sites;
};

// Offsets of an expanded text back to the text it was made from.
class ExpansionMap {
public:
  struct Region {
    unsigned OldBegin, OldEnd, NewBegin, NewEnd;
  };
  // Inside: the offset lies in an expanded invocation (the result is the
  // invocation's start).
  unsigned toOld(unsigned NewOffset, bool *Inside = nullptr) const;
  std::vector<Region> Regions; // in text order
};

// Replace each site of Text named in Chosen by its expansion; Map records
// where they went.
std::string expandSites(llvm::StringRef Text, const std::vector<const MacroSite *> &Chosen,
                        ExpansionMap &Map);

constexpr unsigned MaxRounds = 4;

// The invocations to expand for R's [autorc-macro] errors in the main file:
// the invocation an error is in, or, when that one cannot be expanded (a
// system macro such as assert), the user macros invoked in its arguments.
std::vector<const MacroSite *> chooseMacroSites(const AnalysisResult &R,
                                                const std::map<unsigned, MacroSite> &Sites);
// After each [autorc-macro] error left, a note (MacroNotExpanded) saying why
// its invocation was not expanded.
void explainMacroErrors(AnalysisResult &R, const std::map<unsigned, MacroSite> &Sites);
// Map the main file's offsets in R's findings back through Maps (the
// expansions of each round, first round first) to the user's text.
void mapBack(AnalysisResult &R, const std::vector<ExpansionMap> &Maps);

} // namespace autorc

#endif
