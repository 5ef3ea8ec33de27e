// AutorcConsumer.cpp — see AutorcConsumer.h.
#include "AutorcConsumer.h"
#include "Checks.h"
#include "Compat.h"
#include "DescriptorGen.h"
#include "Edits.h"
#include "ElisionAnalysis.h"
#include "FunctionRewriter.h"
#include "MoveAnalysis.h"
#include "ManagedTypes.h"
#include "ValueStructs.h"
#include "Relocate.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Rewrite/Core/Rewriter.h"

using namespace clang;

namespace autorc {

void AnalysisConsumer::HandleTranslationUnit(ASTContext &Ctx) {
  Result.Ran = true;
  SourceManager &SM = Ctx.getSourceManager();
  Result.MainFile = compat::fileName(SM, SM.getMainFileID());
  // Uncompilable: a warning the user's -Werror upgraded (the parse that
  // records clang's warnings keeps the user's options) is no parse failure.
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
    Result.ParseFailed = true;
    return;
  }
  ManagedTypes MT(Ctx);
  DiagSink Sink(SM, Result.Diags);
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();

  runFieldCheck(TU, MT, Sink);
  runCastCheck(TU, MT, Sink);
  runMemoryCheck(TU, MT, Sink);
  runTaggedUnionCheck(TU, MT, Sink);
  runSlotTypeCheck(TU, MT, Sink);
  runSlotArrayCheck(TU, MT, Sink);
  runOutBorrowedCheck(TU, MT, Sink);
  runRawObjectCheck(TU, MT, Sink);
  if (!Result.AnalyzeOnly)
    runManualCountCheck(TU, MT, Sink);
  warnings::collectWarnings(Ctx, MT, Result.Warnings);

  Rewriter R(SM, Ctx.getLangOpts());
  Edits E(R, MT, Sink);
  E.setCheckOnly(Result.PlanOnly);
  DescriptorGen DG(MT, E);
  DG.collectFinalizers(TU);
  std::set<std::pair<FileID, uint64_t>> ArrayHelpers;
  OwnedParams Owned(MT, TU);
  ElisionAnalysis Elide(MT, TU, &Owned);
  FunctionRewriter FR(MT, E, DG, ArrayHelpers, Result.NoElide ? nullptr : &Elide, &Owned);
  ValueStructs VS(MT, E);
  FR.setValueStructs(&VS);
  FR.setPlanOnly(Result.PlanOnly);
  FR.setShuffle(Result.ShufflePlan);
  PlanLog Plan;
  if (Result.DumpPlan)
    FR.setPlan(&Plan);
  std::vector<FunctionDecl *> Functions;
  for (Decl *D : TU->decls()) {
    auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || MT.isUntouchable(FD->getLocation()))
      continue;
    Functions.push_back(FD);
    FR.countAllocation(FD);
  }
  for (FunctionDecl *FD : Functions)
    FR.run(FD);
  DG.emitDefinitions(SM.getMainFileID());
  if (Result.DumpPlan)
    Result.Plan = Plan.text();
  if (Result.Stats)
    llvm::errs() << DG.acyclic().summary(TU, Result.MainFile) << "; elision: "
                 << (Result.NoElide ? std::string("off (no-elide)")
                                    : std::to_string(FR.Moves) + " last-use moves, " +
                                          std::to_string(Result.NoElide ? 0 : Owned.count()) +
                                          " owned parameters, " + std::to_string(FR.OwnedArgs) +
                                          " +1 arguments passed without a temporary, " +
                                          std::to_string(FR.FreshStores) +
                                          " stores into fresh objects, " +
                                          std::to_string(FR.StolenReads) + " pushes")
                 << "; " << FR.OutlinedAllocs << " allocation sites out of line"
                 << "\n";

  Result.HasErrors = Sink.hasErrors();
  if (Result.HasErrors || Result.PlanOnly)
    return;
  for (auto It = R.buffer_begin(); It != R.buffer_end(); ++It) {
    std::string Name = compat::fileName(SM, It->first);
    if (Name.empty())
      continue;
    std::string Text(It->second.begin(), It->second.end());
    Result.Rewritten[Name] = std::move(Text);
  }
}

void ReportConsumer::HandleTranslationUnit(ASTContext &Ctx) {
  if (Diags.empty())
    return;
  SourceManager &SM = CI.getSourceManager();
  DiagnosticsEngine &DE = CI.getDiagnostics();
  for (const PendingDiag &P : Diags) {
    SourceLocation Loc = relocate(SM, P.File, P.Offset, /*Create=*/true);
    unsigned ID = DE.getCustomDiagID(diag::level(diag::entry(P.Id).Sev), "%0");
    DE.Report(Loc, ID) << P.printed();
  }
}

} // namespace autorc
