// PlanEmitter.h — turns a function's plan (Plan.h) into edits of its text.
//
// The emitter decides nothing: each action names its edit family and the
// names the analysis chose; the emitter spells the text of that family and
// applies it through Edits, which refuses text in macros and system
// headers. Actions come in the plan's post-order, so a wrap applied later
// encloses the ones applied before at the same place (Edits.h).
#ifndef AUTORC_PLUGIN_PLANEMITTER_H
#define AUTORC_PLUGIN_PLANEMITTER_H

#include "Edits.h"
#include "Plan.h"

namespace autorc {

class PlanEmitter {
public:
  explicit PlanEmitter(Edits &E) : E(E) {}
  void emit(const FunctionPlan &P);
  // Can the analysis plan action A? The first half of its edit: the checks
  // of Edits (a diagnostic when A's text is in a macro or a system header),
  // no change to the text. The emitter's own checks repeat the same
  // diagnostic, which DiagSink reports once.
  static bool check(Edits &E, const Action &A);

private:
  void emit(const Action &A);
  void emitWrap(const Action &A);
  Edits &E;
};

} // namespace autorc

#endif
