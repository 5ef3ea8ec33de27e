// AutorcConsumer.h — the two AST consumers of the plugin.
//
// AnalysisConsumer runs in the nested (silent) parse of the user's file: it
// runs the checks, plans and rewrites every user function (main file and
// user headers) and generates the type descriptors, and leaves the result
// in an AnalysisResult. With PlanOnly it stops at the plans: the
// diagnostics are the same, no text is edited.
//
// ReportConsumer runs in the user's own compile (before code generation) and
// reports the diagnostics the analysis found, at the same file offsets in
// the user's text.
#ifndef AUTORC_PLUGIN_AUTORCCONSUMER_H
#define AUTORC_PLUGIN_AUTORCCONSUMER_H

#include "Diagnostics.h"
#include "warnings/DiagControl.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include <map>
#include <string>
#include <vector>

namespace autorc {

struct AnalysisResult {
  bool NoElide = false;     // input: -fplugin-arg-autorc-no-elide
  bool AnalyzeOnly = false; // input: -fplugin-arg-autorc-analyze-only (code compiled as written)
  bool Stats = false;       // input: -fplugin-arg-autorc-stats (summary on stderr)
  bool DumpPlan = false;    // input: -fplugin-arg-autorc-dump-plan
  bool PlanOnly = false;    // input: plan and check, emit nothing (clang-tidy's autorc-errors)
  std::string Plan;         // output: the plans (Plan.h), when DumpPlan
  bool Ran = false;         // the nested parse reached the end of the file
  bool ParseFailed = false; // the user's code has errors: leave it alone
  std::vector<PendingDiag> Diags;
  std::vector<warnings::PendingWarning> Warnings; // [autorc-cycle/global/escape]
  bool HasErrors = false;
  std::string MainFile;                         // as the nested parse named it
  std::map<std::string, std::string> Rewritten; // file -> new text (changed files only)
};

class AnalysisConsumer : public clang::ASTConsumer {
public:
  explicit AnalysisConsumer(AnalysisResult &Result) : Result(Result) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override;

private:
  AnalysisResult &Result;
};

class ReportConsumer : public clang::ASTConsumer {
public:
  ReportConsumer(clang::CompilerInstance &CI, std::vector<PendingDiag> Diags)
      : CI(CI), Diags(std::move(Diags)) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override;

private:
  clang::CompilerInstance &CI;
  std::vector<PendingDiag> Diags;
};

} // namespace autorc

#endif
