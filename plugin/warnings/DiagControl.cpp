// DiagControl.cpp — see DiagControl.h.
#include "DiagControl.h"
#include "../Compat.h"
#include "../Diagnostics.h"
#include "../ManagedTypes.h"
#include "../OriginalPlace.h"
#include "Warnings.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

using namespace clang;

namespace autorc {
namespace warnings {

// ------------------------------------------------------------- switches --

const char *warningArgumentsText() {
  return "Wno-<name>, W<name>, Werror=<name>, Wno-error=<name>, Werror, Wno-error";
}

bool parseWarningArg(const std::string &A, WarningControl &W, DiagnosticsEngine &D, bool &OK) {
  llvm::StringRef S(A);
  if (S == "Werror") {
    W.AllErrors = true;
    return true;
  }
  if (S == "Wno-error") {
    W.AllErrors = false;
    return true;
  }
  enum { SetOff, SetOn, SetError, SetNoError } Op;
  llvm::StringRef Name;
  if (compat::startsWith(S, "Werror=")) {
    Op = SetError;
    Name = S.drop_front(7);
  } else if (compat::startsWith(S, "Wno-error=")) {
    Op = SetNoError;
    Name = S.drop_front(10);
  } else if (compat::startsWith(S, "Wno-")) {
    Op = SetOff;
    Name = S.drop_front(4);
  } else if (compat::startsWith(S, "W") && S.size() > 1) {
    Op = SetOn;
    Name = S.drop_front(1);
  } else {
    return false;
  }
  // Accept the full tag too: Wno-autorc-cycle.
  if (compat::startsWith(Name, "autorc-"))
    Name = Name.drop_front(7);
  std::vector<unsigned> Kinds;
  WarningKind K;
  if (Name == "all") {
    for (unsigned I = 0; I < NumWarningKinds; ++I)
      Kinds.push_back(I);
  } else if (warningFromName(Name, K)) {
    Kinds.push_back(static_cast<unsigned>(K));
  } else {
    diag::report(D, SourceLocation(), diag::ArgsUnknownWarning,
                 {Name.str(), A, validWarningNames()});
    OK = false;
    return true;
  }
  for (unsigned I : Kinds) {
    switch (Op) {
    case SetOff:
      W.Levels[I] = WarningControl::Off;
      break;
    case SetOn:
      if (W.Levels[I] == WarningControl::Off)
        W.Levels[I] = WarningControl::Warn;
      break;
    case SetError:
      W.Levels[I] = WarningControl::Error;
      W.NoError[I] = false;
      break;
    case SetNoError:
      if (W.Levels[I] == WarningControl::Error)
        W.Levels[I] = WarningControl::Warn;
      W.NoError[I] = true;
      break;
    }
  }
  return true;
}

// ------------------------------------------------------------ recording --

namespace {

class Recorder : public FindingSink {
public:
  Recorder(const SourceManager &SM, std::vector<PendingWarning> &Out) : SM(SM), Out(Out) {}

  void report(const Finding &F) override {
    PendingWarning P;
    P.Kind = F.Kind;
    if (!place(F.Loc, F.Message, P.Where))
      return;
    if (!Seen.insert({unsigned(F.Kind), P.Where.File, P.Where.Offset, P.Where.Text}).second)
      return;
    for (const FindingNote &N : F.Notes) {
      PendingPlace Q;
      if (place(N.Loc, N.Message, Q))
        P.Notes.push_back(std::move(Q));
    }
    for (const FindingFixIt &X : F.FixIts) {
      PendingPlace Q;
      if (X.Loc.isFileID() && place(X.Loc, X.Text, Q))
        P.FixIts.push_back(std::move(Q));
    }
    Out.push_back(std::move(P));
  }

private:
  bool place(SourceLocation Loc, const std::string &Text, PendingPlace &P) {
    if (Loc.isInvalid())
      return false;
    SourceLocation FL = SM.getFileLoc(Loc);
    P.File = compat::fileName(SM, SM.getFileID(FL));
    if (P.File.empty())
      return false;
    P.Offset = SM.getFileOffset(FL);
    P.Text = Text;
    return true;
  }

  const SourceManager &SM;
  std::vector<PendingWarning> &Out;
  std::set<std::tuple<unsigned, std::string, unsigned, std::string>> Seen;
};

} // namespace

void collectWarnings(ASTContext &Ctx, const ManagedTypes &MT, std::vector<PendingWarning> &Out) {
  size_t First = Out.size();
  Recorder R(Ctx.getSourceManager(), Out);
  for (unsigned I = 0; I < NumWarningKinds; ++I)
    runWarningCheck(static_cast<WarningKind>(I), Ctx, MT, R);
  std::sort(Out.begin() + First, Out.end(), [](const PendingWarning &A, const PendingWarning &B) {
    return std::tie(A.Where.File, A.Where.Offset, A.Kind, A.Where.Text) <
           std::tie(B.Where.File, B.Where.Offset, B.Kind, B.Where.Text);
  });
}

// ------------------------------------------------------------ reporting --

namespace {

class WarningReporter : public ASTConsumer {
public:
  WarningReporter(CompilerInstance &CI, const WarningControl &W,
                  std::vector<PendingWarning> Warnings)
      : CI(CI), W(W), Warnings(std::move(Warnings)), Places(CI) {}

  void HandleTranslationUnit(ASTContext &) override {
    DiagnosticsEngine &DE = CI.getDiagnostics();
    for (const PendingWarning &P : Warnings) {
      unsigned K = static_cast<unsigned>(P.Kind);
      if (W.Levels[K] == WarningControl::Off || DE.getIgnoreAllWarnings())
        continue;
      bool AsError = W.Levels[K] == WarningControl::Error ||
                     ((W.AllErrors || DE.getWarningsAsErrors()) && !W.NoError[K]);
      SourceLocation Loc = Places.locate(P.Where.File, P.Where.Offset);
      unsigned ID = DE.getCustomDiagID(
          AsError ? DiagnosticsEngine::Error : DiagnosticsEngine::Warning, "%0");
      {
        DiagnosticBuilder B = DE.Report(Loc, ID);
        B << (P.Where.Text + " [autorc-" + warningName(P.Kind).str() + "]");
        for (const PendingPlace &X : P.FixIts) {
          SourceLocation XL = Places.locate(X.File, X.Offset);
          if (XL.isValid())
            B << FixItHint::CreateInsertion(XL, X.Text);
        }
      }
      unsigned NoteID = DE.getCustomDiagID(DiagnosticsEngine::Note, "%0");
      for (const PendingPlace &N : P.Notes)
        DE.Report(Places.locate(N.File, N.Offset), NoteID) << N.Text;
    }
  }

private:
  CompilerInstance &CI;
  WarningControl W;
  std::vector<PendingWarning> Warnings;
  OriginalPlaces Places;
};

} // namespace

std::unique_ptr<ASTConsumer> withWarnings(std::unique_ptr<ASTConsumer> Inner, CompilerInstance &CI,
                                          const WarningControl &W,
                                          std::vector<PendingWarning> Warnings) {
  if (Warnings.empty())
    return Inner;
  std::vector<std::unique_ptr<ASTConsumer>> Cs;
  Cs.push_back(std::move(Inner));
  Cs.push_back(std::make_unique<WarningReporter>(CI, W, std::move(Warnings)));
  return std::make_unique<MultiplexConsumer>(std::move(Cs));
}

} // namespace warnings
} // namespace autorc
