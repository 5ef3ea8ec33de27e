// AutorcTidyModule.cpp — see AutorcTidyModule.h.
#include "AutorcTidyModule.h"
#include "../AutorcConsumer.h"
#include "../Compat.h"
#include "../ManagedTypes.h"
#include "../Relocate.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "../warnings/Warnings.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace autorc {
namespace tidy {

namespace {

class TidySink : public warnings::FindingSink {
public:
  explicit TidySink(WarningCheck &C) : C(C) {}
  void report(const warnings::Finding &F) override {
    {
      auto B = C.diag(F.Loc, "%0") << F.Message;
      for (const warnings::FindingFixIt &X : F.FixIts)
        B << FixItHint::CreateInsertion(X.Loc, X.Text);
    }
    for (const warnings::FindingNote &N : F.Notes)
      C.diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }

private:
  WarningCheck &C;
};

} // namespace

void WarningCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void WarningCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Result.Nodes.getNodeAs<TranslationUnitDecl>("tu"))
    return;
  ManagedTypes MT(*Result.Context);
  TidySink S(*this);
  warnings::runWarningCheck(Kind, *Result.Context, MT, S);
}

void ErrorsCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void ErrorsCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Result.Nodes.getNodeAs<TranslationUnitDecl>("tu"))
    return;
  // The plugin's own analysis, as in its nested parse, up to the plans of
  // the functions (Plan.h): the diagnostics are those of a compile, and no
  // text is rewritten.
  AnalysisResult R;
  R.PlanOnly = true;
  AnalysisConsumer(R).HandleTranslationUnit(*Result.Context);
  SourceManager &SM = Result.Context->getSourceManager();
  for (const PendingDiag &P : R.Diags) {
    FileID F = relocateFile(SM, P.File, /*Create=*/false);
    if (F.isInvalid())
      continue;
    diag::Severity Sev = diag::entry(P.Id).Sev;
    diag(SM.getLocForStartOfFile(F).getLocWithOffset(P.Offset), "%0",
         Sev == diag::Severity::Error ? DiagnosticIDs::Error
         : Sev == diag::Severity::Note ? DiagnosticIDs::Note
                                       : DiagnosticIDs::Warning)
        << P.printed();
  }
}

namespace {

template <warnings::WarningKind K> class KindCheck : public WarningCheck {
public:
  KindCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : WarningCheck(Name, Context, K) {}
};

class AutorcModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<KindCheck<warnings::WarningKind::Cycle>>("autorc-cycle");
    F.registerCheck<KindCheck<warnings::WarningKind::Global>>("autorc-global");
    F.registerCheck<KindCheck<warnings::WarningKind::Escape>>("autorc-escape");
    F.registerCheck<ErrorsCheck>("autorc-errors");
  }
};

} // namespace

} // namespace tidy
} // namespace autorc

static clang::tidy::ClangTidyModuleRegistry::Add<autorc::tidy::AutorcModule>
    AutorcTidyModule("autorc-module", "autorc: reference cycles, globals, escapes");
