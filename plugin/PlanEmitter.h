// PlanEmitter.h — turns a function's plan (Plan.h) into edits of its text.
//
// The emitter decides nothing: each action names its edit family and the
// names the analysis chose; the emitter spells the text of that family and
// applies it through Edits, which refuses text in macros and system
// headers. It orders the edits itself, by where they land in the text: an
// edit whose span lies inside another's is applied first, siblings in
// source order, and edits on the same span by their family (order()), so
// a wrap applied later encloses the ones applied before (Edits.h) and the
// text does not depend on the order in which the analysis planned them
// (-fplugin-arg-autorc-shuffle-plan=N permutes each plan to show it).
// Text inserted after a token (a cleanup attribute, an initialiser, pins,
// a registration) belongs to that token: it is inserted last, before any
// text already at its offset, so a wrap of the statement that begins right
// after the token (`{p = g(p->next);}`, no space) does not swallow it.
#ifndef AUTORC_PLUGIN_PLANEMITTER_H
#define AUTORC_PLUGIN_PLANEMITTER_H

#include "Edits.h"
#include "Plan.h"

namespace autorc {

class PlanEmitter {
public:
  explicit PlanEmitter(Edits &E) : E(E) {}
  // Shuffle: a seed permuting P's actions before they are ordered (0: none).
  void emit(const FunctionPlan &P, unsigned Shuffle = 0);
  // Can the analysis plan action A? The first half of its edit: the checks
  // of Edits (a diagnostic when A's text is in a macro or a system header),
  // no change to the text. The emitter's own checks repeat the same
  // diagnostic, which DiagSink reports once.
  static bool check(Edits &E, const Action &A);

private:
  struct Span {
    clang::FileID File;
    unsigned Begin = 0, End = 0;
  };
  Span span(const Action &A) const;
  std::vector<const Action *> order(const std::vector<Action> &Actions) const;
  void emit(const Action &A); // not the after-token kinds (emitAfterToken)
  void emitWrap(const Action &A);
  void emitAfterToken(const Action &A);
  Edits &E;
};

} // namespace autorc

#endif
