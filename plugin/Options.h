// Options.h — the plugin's arguments (-fplugin-arg-autorc-<arg>).
#ifndef AUTORC_PLUGIN_OPTIONS_H
#define AUTORC_PLUGIN_OPTIONS_H

#include "warnings/DiagControl.h"
#include <string>

namespace autorc {

struct Options {
  // emit=<path>: also write the rewritten main file there ("-" = stdout).
  std::string EmitPath;
  // analyze-only: diagnose, but compile the code unchanged.
  bool AnalyzeOnly = false;
  // no-elide: the naive mode: keep every keep-alive retain of an argument,
  // even for callees proven release-free (ElisionAnalysis.h).
  bool NoElide = false;
  // stats: print how many managed types were proven acyclic and how many RC
  // operations were elided (AcyclicInference.h, FunctionRewriter.h).
  bool Stats = false;
  // dump-plan: print each function's plan (Plan.h) on stdout.
  bool DumpPlan = false;
  // shuffle-plan=<N>: a test option: permute each plan with seed N before
  // the emitter orders it; the emitted text must not change (PlanEmitter.h).
  unsigned ShufflePlan = 0;
  // Wno-<name>, Werror=<name>, Werror, ...: see warnings/DiagControl.h.
  warnings::WarningControl Warn;
};

// The valid arguments, for the error message about an unknown one.
inline const char *validArgumentsText() {
  return "emit=<path>, analyze-only, no-elide, stats, dump-plan, shuffle-plan=<N>, Wno-<name>, W<name>, Werror=<name>, "
         "Wno-error=<name>, Werror, Wno-error (names: cycle, global, escape, all)";
}

} // namespace autorc

#endif
