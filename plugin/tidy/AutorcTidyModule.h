// AutorcTidyModule.h — the autorc warnings as clang-tidy checks.
//
//   clang-tidy --load=<build>/plugin/autorc-tidy.so -checks='-*,autorc-*' f.c -- -I<include>
//
// clangd strips -fplugin from compile commands, so editors that talk to
// clangd get the warnings through this module (a .clang-tidy file with
// `Checks: -*,autorc-*`; clangd itself cannot load modules, run clang-tidy
// from the editor's lint integration). One tidy check per warning:
// autorc-cycle, autorc-global, autorc-escape. Each runs the same function
// the plugin runs (plugin/warnings/Warnings.h) and reports its findings
// through ClangTidyCheck::diag, notes and fix-its included; clang-tidy's
// own -warnings-as-errors, NOLINT comments and -fix work as for any check.
#ifndef AUTORC_TIDY_AUTORCTIDYMODULE_H
#define AUTORC_TIDY_AUTORCTIDYMODULE_H

#include "../warnings/Finding.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace autorc {
namespace tidy {

class WarningCheck : public clang::tidy::ClangTidyCheck {
public:
  WarningCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
               warnings::WarningKind Kind)
      : ClangTidyCheck(Name, Context), Kind(Kind) {}
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  warnings::WarningKind Kind;
};

// autorc-errors: the plugin's errors ([autorc-cast], [autorc-field],
// [autorc-memcpy], [autorc-free], [autorc-setjmp], [autorc-macro], ...),
// found by running the plugin's whole analysis on clang-tidy's AST, so an
// editor shows them before a build does. Reported at error level.
class ErrorsCheck : public clang::tidy::ClangTidyCheck {
public:
  ErrorsCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace tidy
} // namespace autorc

#endif
