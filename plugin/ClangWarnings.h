// ClangWarnings.h — clang's own warnings through the plugin: the user gets
// exactly the warnings plain clang gives on the text they wrote.
//
// The user's compile sees the rewritten text: clang's warnings there would
// be lost where a store became a call (`pa = pb;` with incompatible
// pointers, `if (p = q)`, an unused managed local) and spurious where the
// plugin generated text (lowered generators, casts of const walks). So:
//   - the nested parse that reads the original text (the generator pass's,
//     else the first analysis round) runs with the user's warning options
//     (-W, -Werror, -w, pragmas, system headers: the nested engine decides
//     each warning's level) and records clang's front-end warnings (Lex,
//     Parse, AST, Comment, Sema, Analysis ids) with their notes, by file and
//     offset;
//   - when the rewritten text is installed, the user's compile maps those
//     front-end warning ids to ignored (a consumer cannot filter them: with
//     -Werror an upgraded warning counts as an error in the engine before
//     any consumer sees it) and reports the recorded ones at the user's
//     places (OriginalPlace.h), with their level and the [-Werror,-Wflag]
//     suffix as clang prints it. Back-end and driver warnings
//     (-Wframe-larger-than, ...) are the user's compile's own, unchanged.
// Invariant: a warning prints once, from the text the user wrote.
// Limits: fix-its and macro-expansion notes of replayed warnings are not
// shown; a `#pragma clang diagnostic warning` in the user's text
// re-enables that warning in the user's compile too (it prints twice).
#ifndef AUTORC_PLUGIN_CLANGWARNINGS_H
#define AUTORC_PLUGIN_CLANGWARNINGS_H

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class CompilerInstance;
class DiagnosticOptions;
} // namespace clang

namespace autorc {
namespace clangwarn {

struct Place {
  std::string File;
  unsigned Offset = 0;
  std::string Text;
};

// A highlighted range, in the file of its diagnostic's place.
struct Range {
  unsigned Begin = 0, End = 0;
  bool TokenEnd = true; // End is the last token's start (not one past)
};

struct Recorded {
  unsigned ID = 0;      // clang's diagnostic id (for the [-W...] suffix)
  bool IsError = false; // the level the user's options gave it
  Place Where;          // Text: the message
  std::vector<Range> Ranges;
  std::vector<Place> Notes;
};

// The nested parse's options for recording: the user's warning options
// kept, no error limit (upgraded warnings must not stop the parse).
void enableRecording(clang::DiagnosticOptions &DO);

// The nested parse's diagnostic client: records the front-end warnings
// into Out and drops everything else.
class Recorder : public clang::DiagnosticConsumer {
public:
  explicit Recorder(std::vector<Recorded> &Out) : Out(Out) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

private:
  std::vector<Recorded> &Out;
  bool LastRecorded = false; // notes follow the warning they belong to
};

// Drop -Wreturn-type warnings inside the given bodies of File ([begin, end]
// offsets): a generator's body ends without a return the lowering supplies.
void dropFalloff(std::vector<Recorded> &Warnings, const std::string &File,
                 const std::vector<std::pair<unsigned, unsigned>> &Bodies);

// In the user's compile, before it parses the rewritten text: the front
// end's warnings no longer print or count.
void silenceFrontEnd(clang::DiagnosticsEngine &DE);

// The consumer for the user's compile: reports Warnings, then runs Inner.
std::unique_ptr<clang::ASTConsumer> withReplay(std::unique_ptr<clang::ASTConsumer> Inner,
                                               clang::CompilerInstance &CI,
                                               std::vector<Recorded> Warnings);

} // namespace clangwarn
} // namespace autorc

#endif
