// ClangWarnings.cpp — see ClangWarnings.h.
#include "ClangWarnings.h"
#include "Compat.h"
#include "OriginalPlace.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "llvm/ADT/SmallString.h"
#include <algorithm>

using namespace clang;

namespace autorc {
namespace clangwarn {

namespace {

// Ids the syntax-only nested parse emits: everything from the lexer to the
// analysis-based warnings. Driver, frontend (back end, modules) and
// serialization warnings stay with the user's compile, and so do clang's
// Common ones (shared by front and back end: -Wlong-long, empty
// initializers, stack-clash with inline asm): they print once, from the
// compiled text.
bool isFrontEndWarning(unsigned ID) {
  return ID >= clang::diag::DIAG_START_LEX && ID < clang::diag::DIAG_START_REFACTORING &&
         DiagnosticIDs::isBuiltinWarningOrExtension(ID);
}

bool place(const Diagnostic &Info, Place &P) {
  if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
    return false;
  const SourceManager &SM = Info.getSourceManager();
  SourceLocation FL = SM.getFileLoc(Info.getLocation());
  P.File = compat::fileName(SM, SM.getFileID(FL));
  if (P.File.empty())
    return false;
  P.Offset = SM.getFileOffset(FL);
  llvm::SmallString<256> Text;
  Info.FormatDiagnostic(Text);
  P.Text = std::string(Text);
  return true;
}

// The ranges of Info in the file of its place P (the others are dropped).
void ranges(const Diagnostic &Info, const Place &P, std::vector<Range> &Out) {
  const SourceManager &SM = Info.getSourceManager();
  for (const CharSourceRange &R : Info.getRanges()) {
    SourceLocation B = SM.getFileLoc(R.getBegin()), E = SM.getFileLoc(R.getEnd());
    if (B.isInvalid() || E.isInvalid() || compat::fileName(SM, SM.getFileID(B)) != P.File ||
        SM.getFileID(B) != SM.getFileID(E))
      continue;
    Out.push_back({SM.getFileOffset(B), SM.getFileOffset(E), R.isTokenRange()});
  }
}

// The option suffix as clang's text printer writes it.
std::string suffix(const Recorded &R) {
  std::vector<std::string> Parts;
  if (R.IsError && !DiagnosticIDs::isDefaultMappingAsError(R.ID))
    Parts.push_back("-Werror");
  bool EnabledByDefault = false;
  if (DiagnosticIDs::isBuiltinExtensionDiag(R.ID, EnabledByDefault) && !EnabledByDefault)
    Parts.push_back("-pedantic");
  StringRef Opt = DiagnosticIDs::getWarningOptionForDiag(R.ID);
  if (!Opt.empty())
    Parts.push_back(("-W" + Opt).str());
  if (Parts.empty())
    return "";
  std::string S = " [";
  for (size_t I = 0; I < Parts.size(); ++I)
    S += (I ? "," : "") + Parts[I];
  return S + "]";
}

class Replayer : public ASTConsumer {
public:
  Replayer(CompilerInstance &CI, std::vector<Recorded> Warnings)
      : CI(CI), Warnings(std::move(Warnings)), Places(CI) {}

  void HandleTranslationUnit(ASTContext &) override {
    DiagnosticsEngine &DE = CI.getDiagnostics();
    SourceManager &SM = CI.getSourceManager();
    // Clang's text printer appends the option; its SARIF output does not.
    bool ShowOptions = CI.getDiagnosticOpts().ShowOptionNames;
#if AUTORC_LLVM_MAJOR >= 16
    if (CI.getDiagnosticOpts().getFormat() == DiagnosticOptions::SARIF)
      ShowOptions = false;
#endif
    unsigned NoteID = DE.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    for (const Recorded &R : Warnings) {
      unsigned ID = DE.getCustomDiagID(
          R.IsError ? DiagnosticsEngine::Error : DiagnosticsEngine::Warning, "%0");
      {
        DiagnosticBuilder B = DE.Report(Places.locate(R.Where.File, R.Where.Offset), ID);
        B << (R.Where.Text + (ShowOptions ? suffix(R) : ""));
        for (const Range &X : R.Ranges) {
          SourceLocation Begin = Places.locate(R.Where.File, X.Begin);
          SourceLocation End = Places.locate(R.Where.File, X.End);
          // Both ends in one buffer (a range over a changed and an
          // unchanged line would not be).
          if (Begin.isValid() && End.isValid() && SM.getFileID(Begin) == SM.getFileID(End))
            B << CharSourceRange(SourceRange(Begin, End), X.TokenEnd);
        }
      }
      for (const Place &N : R.Notes)
        DE.Report(Places.locate(N.File, N.Offset), NoteID) << N.Text;
    }
  }

private:
  CompilerInstance &CI;
  std::vector<Recorded> Warnings;
  OriginalPlaces Places;
};

} // namespace

void enableRecording(DiagnosticOptions &DO) {
  DO.IgnoreWarnings = false;
  DO.ErrorLimit = 0;
}

void Recorder::HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) {
  // Not counted: the nested compile must not print "N warnings generated".
  if (Level == DiagnosticsEngine::Note) {
    Place N;
    if (LastRecorded && place(Info, N))
      Out.back().Notes.push_back(std::move(N));
    return;
  }
  LastRecorded = false;
  if (Level < DiagnosticsEngine::Warning || !isFrontEndWarning(Info.getID()))
    return;
  Recorded R;
  R.ID = Info.getID();
  R.IsError = Level >= DiagnosticsEngine::Error;
  if (!place(Info, R.Where))
    return;
  ranges(Info, R.Where, R.Ranges);
  Out.push_back(std::move(R));
  LastRecorded = true;
}

void dropFalloff(std::vector<Recorded> &Warnings, const std::string &File,
                 const std::vector<std::pair<unsigned, unsigned>> &Bodies) {
  auto Inside = [&](const Recorded &R) {
    if (R.Where.File != File || DiagnosticIDs::getWarningOptionForDiag(R.ID) != "return-type")
      return false;
    for (const auto &[Begin, End] : Bodies)
      if (R.Where.Offset >= Begin && R.Where.Offset <= End)
        return true;
    return false;
  };
  Warnings.erase(std::remove_if(Warnings.begin(), Warnings.end(), Inside), Warnings.end());
}

void silenceFrontEnd(DiagnosticsEngine &DE) {
  std::vector<clang::diag::kind> IDs;
  DiagnosticIDs::getAllDiagnostics(clang::diag::Flavor::WarningOrError, IDs);
  for (clang::diag::kind ID : IDs)
    if (isFrontEndWarning(ID))
      DE.setSeverity(ID, clang::diag::Severity::Ignored, SourceLocation());
}

std::unique_ptr<ASTConsumer> withReplay(std::unique_ptr<ASTConsumer> Inner, CompilerInstance &CI,
                                        std::vector<Recorded> Warnings) {
  if (Warnings.empty())
    return Inner;
  // Clang's warnings first, as plain clang prints them during the parse,
  // before the plugin's findings.
  std::vector<std::unique_ptr<ASTConsumer>> Cs;
  Cs.push_back(std::make_unique<Replayer>(CI, std::move(Warnings)));
  Cs.push_back(std::move(Inner));
  return std::make_unique<MultiplexConsumer>(std::move(Cs));
}

} // namespace clangwarn
} // namespace autorc
