// DiagControl.h — the plugin side of the autorc warnings: switches,
// recording in the nested analysis parse, reporting in the user's compile.
//
// Switches (-fplugin-arg-autorc-<arg>), applied left to right:
//   Wno-<name>        turn warning <name> off
//   W<name>           turn it back on
//   Werror=<name>     report <name> as an error
//   Wno-error=<name>  report <name> as a warning even under -Werror
//   Werror            report every autorc warning as an error
//   Wno-error         undo Werror
// <name> is cycle, global, escape or all; anything else is an error that
// lists the valid names. Clang's own -w and -Werror are followed by hand
// (custom diagnostics do not join clang's warning groups before clang 20):
// -w drops every autorc warning, -Werror makes them errors (unless
// Wno-error=<name>).
//
// Locations: the analysis runs on the user's original text, but the user's
// compile may see the rewritten text, whose columns differ on rewritten
// lines. A warning on a line the rewrite left alone is reported in the real
// file; one on a changed line in a copy of the original text under the same
// name, so line, column, caret line and fix-its match what the user wrote.
#ifndef AUTORC_WARNINGS_DIAGCONTROL_H
#define AUTORC_WARNINGS_DIAGCONTROL_H

#include "Finding.h"
#include "clang/AST/ASTConsumer.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CompilerInstance;
class DiagnosticsEngine;
} // namespace clang

namespace autorc {
class ManagedTypes;

namespace warnings {

struct WarningControl {
  enum Level { Off, Warn, Error };
  Level Levels[NumWarningKinds] = {Warn, Warn, Warn};
  bool NoError[NumWarningKinds] = {false, false, false};
  bool AllErrors = false;
};

// Is A one of the switches above? If so it is applied to W; a bad name is
// reported on D as an error and OK becomes false.
bool parseWarningArg(const std::string &A, WarningControl &W, clang::DiagnosticsEngine &D,
                     bool &OK);
const char *warningArgumentsText();

struct PendingPlace {
  std::string File;
  unsigned Offset = 0;
  std::string Text; // note message or fix-it insertion
};

struct PendingWarning {
  WarningKind Kind = WarningKind::Cycle;
  PendingPlace Where; // Text = message
  std::vector<PendingPlace> Notes;
  std::vector<PendingPlace> FixIts;
};

// Run every warning check over the nested parse's AST and record the
// findings by file and offset.
void collectWarnings(clang::ASTContext &Ctx, const ManagedTypes &MT,
                     std::vector<PendingWarning> &Out);

// The consumer for the user's compile: runs Inner (the error reporter)
// and then reports Warnings under the switches.
std::unique_ptr<clang::ASTConsumer> withWarnings(std::unique_ptr<clang::ASTConsumer> Inner,
                                                 clang::CompilerInstance &CI,
                                                 const WarningControl &W,
                                                 std::vector<PendingWarning> Warnings);

} // namespace warnings
} // namespace autorc

#endif
