#!/usr/bin/env python3
"""gen.py — random managed-graph C programs for autorc, and their expected output.

The generator builds a small program (an IR), prints it as C, and runs the
IR in a model of the documented contract (docs/semantics.md, docs/runtime.md,
docs/gc.md) to get the exact output the compiled program must print: the
finalizer lines in order, `rc_getrefcount` values, `rc_live_objects` at
checkpoints and what `rc_gc_collect` returns.  tests/fuzz/README.md explains
the model; run.py compiles and compares.

    gen.py --seed 7 --programs 20 --c out.c --expect out.txt [--disable F,..]

The model's rules, each from the docs:
  * a strong local holds a reference until its scope ends (cleanups run in
    reverse order of declaration, a local array from its last element down)
    unless its *last use* (MoveAnalysis.h: every other reference to it is in
    an earlier full expression, no loop between declaration and use, no goto
    or label in the function, address never taken) stores it into a strong
    slot or passes it to an owned parameter: then the reference moves;
  * parameters are borrowed; one the function assigns is pinned (retained on
    entry, released on exit); a parameter of a `static` function that stores
    or returns it (a least fixpoint through calls) is owned: the caller passes
    +1 (a +1 result as is, a last-use local moved, anything else retained)
    and the callee releases it on exit unless it moved on;
  * a +1 result nothing takes is released at the end of its full expression
    (at once when discarded); an argument that is not a local or a parameter
    is held by a temporary for the call, released at the end of the full
    expression;
  * stores retain the new value, then release the old one;
  * at zero: the finalizer prints, weak slots to the object become NULL,
    then its strong fields are released in declaration order through a
    pending stack drained by the outermost release (first field's subtree
    first: a pre-order walk);
  * rc_gc_collect(-1): every live object not reachable from a root (a
    variable, a temporary, a global) is garbage; weak slots to it become
    NULL, finalizers run (order unspecified: the harness sorts the lines
    between `gc>` and `gc N`), it returns the number of garbage objects.
The generator avoids constructs whose result the contract leaves open (two
temporaries in one full expression, unspecified evaluation order, a local
initialised from a bare variable, which may be a borrowed iteration variable
or a move); a program whose run would be undefined (an RC_UNOWNED read of a
dead object) is rejected and another one drawn from the next sub-seed.
"""
import argparse
import random
import sys

# Features the generator can leave out (--disable), e.g. while a bug they hit
# is open. tests/fuzz/README.md lists which bug each one stands for.
FEATURES = {
    'two-fields': 'more than one strong field per object (field release order)',
    'weak-owned-init': 'RC_WEAK local initialised from a +1 value',
    'addr-alias': 'an address-taken local passed as an argument',
    'unowned': 'RC_UNOWNED fields and locals',
    'gc': 'cycles collected by rc_gc_collect',
    'goto': 'goto out of a block',
    'switch': 'switch statements',
    'owned-params': 'static functions (owned parameters)',
    'borrowed-returns': 'RC_RETURNS_BORROWED functions',
    'out-params': 'out-parameters (T **)',
    'local-arrays': 'fixed-size local arrays of managed pointers',
    'global-arrays': 'global arrays of managed pointers',
    'rc-new-inline': 'rc_new and field stores in generated functions',
    'refcounts': 'printing rc_getrefcount',
    'resurrect': 'a finalizer that stores its object in a global',
    'fn-pointers': 'calls through function pointers',
    'deep-fields': 'field reads two levels deep (x->a->b)',
    'assign-in-cond': 'if ((x = value) != NULL)',
    'stmt-expr': 'statement expressions ({ T *t = ...; t; })',
    'struct-values': 'plain structs holding managed pointers, by value (locals, arrays, =, compound literals)',
    'tagged-unions': 'RC_TAGGED unions by value',
    'tag-stores': 'a tagged union changed by its tag and member alone (`x.tag = 1; x.u.o = E;`)',
    'goto-fail': 'goto forward past declarations in the same block (`goto fail;`)',
    'base-struct': 'a derived managed struct whose first member is the object type',
    'object-copy': 'a managed struct assigned by value (`*x = *y`)',
    'object-literal': 'a managed struct assigned a compound literal (`*x = (struct obj){ .id = 5, .a = E }`)',
    'bare-walk': 'a list walk starting from a bare local or parameter (`for (T *q = x; ...)`)',
    'comma': 'comma expressions `(mk(), x)` whose left +1 result is discarded',
}


# variable name prefix by kind (kind_in reads it back)
PREFIX = {'strong': 'x', 'weak': 'w', 'unowned': 'u', 'array': 'v',
          'struct': 's', 'sarray': 'y', 'tagged': 'k', 'der': 'd'}


class Reject(Exception):
    """The program would be undefined or too big: draw another."""


# ---------------------------------------------------------------- IR ----
# Expressions are tuples:
#   ('null',) ('var', name, nid) ('glob', name) ('field', var, f, nid)
#   ('new',) ('call', fi, [args]) ('addr', var)   (args may also hold ('int', e))
# Int expressions: ('ic', k) ('iv', i) ('nparam',) ('id', var, nid)
# Conditions: ('lt', ie, k) ('eq', ie, k) ('nn', var, nid) ('odd', var, nid)
# Statements: see Emitter.stmt / Model.stmt.

class Func:
    def __init__(self, idx):
        self.idx = idx
        self.nptr = 0          # managed params p0..p{n-1}
        self.has_n = False     # int n
        self.has_out = False   # struct obj **out
        self.ret = 'void'      # 'void' | 'owned' | 'borrowed'
        self.static = False
        self.via_ptr = False   # also called through a function pointer
        self.body = []
        self.owned = set()     # owned params (computed)
        self.pinned = set()    # assigned params
        self.has_goto = False
        self.addr_taken = set()
        self.last_use = set()  # nids that are last uses


class Gen:
    def __init__(self, rng, disabled, pfx):
        self.r = rng
        self.dis = disabled
        self.p = pfx
        self.nid = 0
        self.label = 0
        self.funcs = []
        # The type's shape: with no finalizer and no weak field it is *plain*
        # (the runtime's short destroy path); deaths are then seen through
        # rc_live_objects and weak locals only.
        self.has_fin = rng.random() < 0.75
        self.has_weak = rng.random() < 0.8
        one = 'two-fields' in disabled and self.has_fin   # order is only visible through finalizers
        self.strong_fields = ['a'] if one else ['a', 'b', 'arr[0]', 'arr[1]']
        self.weak_fields = ['w'] if self.has_weak else []
        # a finalizer that stores its object in a global (PEP 442 resurrection)
        self.res_id = rng.randint(1, 12) if self.has_fin and self.on('resurrect') and rng.random() < 0.4 else 0

    def on(self, feat):
        return feat not in self.dis

    def newid(self):
        self.nid += 1
        return self.nid

    def program(self):
        r = self.r
        n = r.randint(2, 5)
        self.funcs = [Func(i) for i in range(n)]
        for f in self.funcs[1:]:
            f.nptr = r.choice([0, 1, 1, 2, 2])
            f.has_n = r.random() < 0.4
            f.has_out = self.on('out-params') and r.random() < 0.25
            f.ret = r.choice(['void', 'owned', 'owned'] + (['borrowed'] if self.on('borrowed-returns') else []))
            if f.ret == 'borrowed' and f.nptr == 0:
                f.nptr = 1
            f.static = self.on('owned-params') and r.random() < 0.5
            # function pointers: +1 results and borrowed arguments, whatever
            # the callee; its address taken, it has no owned parameters
            f.via_ptr = self.on('fn-pointers') and f.ret != 'borrowed' and r.random() < 0.2
        # bodies, callees first (a function calls only later ones: no recursion)
        for f in reversed(self.funcs):
            self.cur = f
            self.scopes = [[('p%d' % i, 'param') for i in range(f.nptr)]]
            self.loops = 0
            self.in_switch = 0
            self.labels = []
            self.noassign = set()   # walk variables: `q = q->f` must not see NULL
            self.budget = r.randint(8, 20)
            self.scopes.append([])
            f.body = [self.s_decl(0, init=('new',)) for _ in range(r.randint(1, 3))]
            f.body += self.block(depth=0)
            if f.ret != 'void':
                f.body.append(('return', self.ret_expr(f)))
            self.scopes.pop()
        self.funcs[0].shape = (self.has_fin, self.has_weak, self.strong_fields)
        self.funcs[0].res_id = self.res_id
        return self.funcs

    # -- helpers
    def vars(self, kinds):
        out = []
        for sc in self.scopes:
            out += [v for v, k in sc if k in kinds]
        return out

    def pick_var(self, kinds, assignable=False):
        vs = [v for v in self.vars(kinds) if not (assignable and v in self.noassign)]
        return self.r.choice(vs) if vs else None

    def var_ref(self, v):
        return ('var', v, self.newid())

    def block(self, depth):
        self.scopes.append([])
        out = []
        n = self.r.randint(2, 8) if depth == 0 else self.r.randint(1, 4)
        for _ in range(n):
            if self.budget <= 0:
                break
            self.budget -= 1
            out.append(self.stmt(depth))
        self.scopes.pop()
        return out

    def fresh(self, kind):
        name = '%s%d' % (PREFIX[kind], self.newid())
        self.scopes[-1].append((name, kind))
        return name

    # -- expressions: a managed value
    def value(self, temps, as_arg=False, allow_owned=True, allow_call=True):
        """A managed value. temps: a one-element list, the full expression's
        budget of temporaries (one: the release order of two is open); an
        argument that is not a variable takes one (a +1 result or a
        keep-alive), a stored value does not."""
        r = self.r
        can = (not as_arg) or temps[0] > 0
        choices = ['null', 'var', 'var', 'var']
        if can:
            choices += ['glob', 'field', 'field']
            if allow_call:
                choices.append('tern')
                if allow_owned and self.on('stmt-expr'):
                    choices.append('sexpr')
                if allow_owned and self.on('comma'):
                    choices.append('comma')
            if allow_owned:
                choices += ['new', 'new', 'new']
                if allow_call and self.callees(value=True):
                    choices += ['call', 'call']
            if self.vars(('struct', 'sarray')):
                choices.append('sfield')
            if self.vars(('tagged',)):
                choices.append('kfield')
            if self.vars(('der',)):
                choices.append('dvar')
        c = r.choice(choices)
        if as_arg and c not in ('null', 'var'):
            temps[0] -= 1
        if c == 'var':
            kinds = ('strong', 'param') if as_arg else ('strong', 'param', 'weak', 'unowned')
            v = self.pick_var(kinds)
            return self.var_ref(v) if v else ('null',)
        if c == 'glob':
            return ('glob', self.glob())
        if c == 'field':
            v = self.pick_var(('strong', 'param'))
            if not v:
                return ('null',)
            fields = self.strong_fields + self.weak_fields
            if self.on('unowned'):
                fields.append('u')
            if self.on('deep-fields') and r.random() < 0.25:
                return ('field2', v, r.choice(self.strong_fields), r.choice(fields))
            return ('field', v, r.choice(fields), self.newid())
        if c == 'tern':
            # `c ? a : b`: one side may be +1, the other +0 (no calls: one
            # temporary per full expression)
            b1 = self.value([0], allow_owned=allow_owned, allow_call=False)
            b2 = self.value([0], allow_owned=allow_owned, allow_call=False)
            if allow_owned and r.random() < 0.5:
                b1 = ('new',)
            return ('tern', self.cond(), b1, b2)
        if c == 'comma':
            # `(mk(), v)`: the left +1 result is released at once (a
            # discarded result), the value is v's (no calls: one temporary)
            return ('comma', ('new',), self.value([0], allow_owned=allow_owned, allow_call=False))
        if c == 'new':
            return ('newd',) if self.on('base-struct') and r.random() < 0.3 else ('new',)
        if c == 'dvar':
            return ('dvar', self.pick_var(('der',)))
        if c == 'sexpr':
            # `({ T *t = inner; t; })` or `({ ...; t ? t->f : NULL; })`: +1
            inner = r.choice([('new',), ('new',), self.value([0], allow_owned=False, allow_call=False)])
            if inner[0] in ('var', 'tern'):
                # `T *t = x;` with t only read: t may be a borrowed iteration
                # variable (not counted, x not moved) or not - left open
                inner = ('glob', self.glob())
            f = r.choice([None, None] + self.strong_fields)
            return ('sexpr', 't%d' % self.newid(), inner, f)
        if c == 'call':
            return self.call(temps, value=True)
        if c == 'sfield':
            return self.sfield()
        if c == 'kfield':
            return ('kfield', self.pick_var(('tagged',)))
        return ('null',)

    def sfield(self):
        """`s.p` or `y[i].q`: a field of a struct local."""
        v = self.pick_var(('struct', 'sarray'))
        f = self.r.choice(['p', 'q'])
        if v[0] == 'y':
            return ('safield', v, self.r.randrange(2), f)
        return ('sfield', v, f)

    def fvalues(self, temps, n, elem=False):
        """The values of n fields in a brace initialiser or compound literal.
        C leaves the order of an initialiser list's evaluations open, so side
        effects (rc_new, a call) are in one field at most, and next to a call
        (which may store into globals and fields) the other fields read only
        struct locals. No bare variable: whether its last use moves into the
        field is left open, as for `T *y = x;`. A call's arguments may need
        temporaries (+1 results, keep-alives): elem (a declaration's brace
        list) gives the element a budget of its own, as each element holds
        its temporaries; a compound literal's are the full expression's."""
        r = self.r
        out, eff = [], False
        for _ in range(n):
            if not eff and r.random() < 0.6:
                b = [1] if elem else temps
                if self.callees(value=True) and r.random() < 0.4:
                    e = self.call(b, value=True)
                else:
                    e = self.value(b)
            else:
                e = self.value(temps, allow_owned=False, allow_call=False)
            if e[0] == 'var':
                e = ('glob', self.glob())
            eff = eff or effects(e)
            out.append(e)
        if any(has_call(e) for e in out):
            out = [e if has_call(e) or e[0] in ('null', 'sfield', 'safield', 'kfield', 'dvar') else ('null',)
                   for e in out]
        return out

    def srhs(self, temps, decl):
        """A struct pair value: brace list or designated initialiser (decl
        only), compound literal, `pair_of(a, b)`, a copy of a struct local
        or array element, `swapped(copy)`."""
        r = self.r
        kinds = ['cl', 'of', 'of']
        if decl:
            kinds += ['brace', 'brace', 'desig', 'zero']
        if self.vars(('struct', 'sarray')):
            kinds += ['copy', 'copy', 'swap']
        k = r.choice(kinds)
        if k == 'zero':
            return None
        if k in ('brace', 'desig', 'cl'):
            fs = self.fvalues(temps, 2, elem=k != 'cl')
            if k == 'desig':
                fs = [x if r.random() < 0.7 else None for x in fs]
            return ('sbrace' if k != 'cl' else 'scl', fs, k == 'desig' and r.random() < 0.5)
        if k == 'of':
            return ('sof', self.value(temps, as_arg=True), self.value(temps, as_arg=True))
        src = self.scopy()
        return src if k == 'copy' else ('sswap', src)

    def scopy(self):
        v = self.pick_var(('struct', 'sarray'))
        if v[0] == 'y':
            return ('sacopy', v, self.r.randrange(2))
        return ('scopy', v)

    def kvalue(self, temps, decl):
        """A tagged value: `{ .tag = 1, .u.o = E }`, `{ .tag = 0, .u.i = n }`,
        a copy of another tagged local, or (decl only) `{0}`."""
        r = self.r
        kinds = ['obj', 'obj', 'int'] + (['zero'] if decl else [])
        if self.vars(('tagged',)):
            kinds.append('copy')
        k = r.choice(kinds)
        if k == 'zero':
            return None
        if k == 'int':
            return ('kint', r.randint(0, 9))
        if k == 'copy':
            return ('kcopy', self.pick_var(('tagged',)))
        return ('kobj', self.fvalues(temps, 1, elem=decl)[0])

    def glob(self):
        gs = ['g0', 'g1'] + (['ga[0]', 'ga[1]'] if self.on('global-arrays') else [])
        return self.r.choice(gs)

    def callees(self, value=False):
        return [g for g in self.funcs if g.idx > self.cur.idx and (g.ret != 'void' or not value)]

    def call(self, temps, value=False):
        r = self.r
        g = r.choice(self.callees(value))
        extra = []
        if g.has_n:
            extra.append(('int', self.int_expr()))
        out = None
        if g.has_out:
            out = self.pick_var(('strong',), assignable=True)
            extra.append(('addr', out))
        args = []
        for i in range(g.nptr):
            a = self.value(temps, as_arg=True)
            if out and a[0] == 'var' and a[1] == out:
                # `f(x, &x)`: x is kept alive by a temporary (issue 13)
                if self.on('addr-alias') and temps[0] > 0:
                    temps[0] -= 1
                else:
                    a = ('null',)
            args.append(a)
        # A call in one argument writing x through &x is unsequenced with a
        # read of x in another: such a call argument becomes NULL.
        every = args + extra
        for i, a in enumerate(args):
            w = writes(a)
            if w and any(reads(b) & w for j, b in enumerate(every) if j != i):
                args[i] = ('null',)
        via = g.via_ptr and r.random() < 0.6
        return ('call', g.idx, args + extra) + (('ptr',) if via else ())

    def int_expr(self):
        r = self.r
        c = r.choice(['ic', 'iv', 'nparam', 'id'])
        if c == 'iv' and self.loops:
            return ('iv', 'i%d' % (self.loops - 1))
        if c == 'nparam' and self.cur.has_n:
            return ('nparam',)
        if c == 'id':
            v = self.pick_var(('strong', 'param'))
            if v:
                return ('id', v, self.newid())
        return ('ic', r.randint(0, 3))

    def cond(self):
        r = self.r
        c = r.choice(['lt', 'eq', 'nn', 'odd'])
        if c in ('nn', 'odd'):
            v = self.pick_var(('strong', 'param', 'weak'))
            if v:
                return (c, v, self.newid())
        return (c if c in ('lt', 'eq') else 'lt', self.int_expr(), r.randint(0, 3))

    def ret_expr(self, f):
        r = self.r
        if f.ret == 'borrowed':
            c = r.choice(['param', 'param', 'glob', 'field', 'null'])
            if c == 'param' and f.nptr:
                return self.var_ref('p%d' % r.randrange(f.nptr))
            if c == 'glob':
                return ('glob', self.glob())
            if c == 'field' and f.nptr:
                return ('field', 'p%d' % r.randrange(f.nptr), r.choice(self.strong_fields), self.newid())
            return ('null',)
        return self.value([1])

    # -- statements
    def stmt(self, depth):
        r = self.r
        kinds = ['decl'] * 5 + ['assign'] * 2 + ['store'] * 5 + ['gstore'] * 2 + ['callst'] * 3 + \
                ['print'] * 3 + ['live'] * 2
        if depth < 3:
            kinds += ['if', 'for', 'walk']
            if self.on('switch'):
                kinds.append('switch')
            if self.on('goto'):
                kinds.append('gotoblk')
        if self.loops:
            kinds += ['break', 'continue']
        if self.in_switch:
            kinds += ['break']
        if self.labels:
            kinds += ['goto']
        kinds += ['return']
        if self.on('gc'):
            kinds += ['gc']
        if self.cur.has_out:
            kinds += ['ostore']
        if self.on('refcounts'):
            kinds += ['rc']
        if self.on('struct-values'):
            kinds += ['sdecl', 'sdecl', 'sadecl']
            if self.vars(('struct', 'sarray')):
                kinds += ['sassign', 'sassign', 'sfstore', 'sfstore', 'sprint', 'sprint']
        if self.on('tagged-unions'):
            kinds += ['kdecl']
            if self.vars(('tagged',)):
                kinds += ['kassign', 'kassign', 'kprint', 'kprint']
                if self.on('tag-stores'):
                    kinds += ['ktag', 'ktag']
        if self.on('goto-fail') and depth < 3:
            kinds += ['gfblk']
        if self.on('object-copy'):
            kinds += ['ocopy']
        if self.on('object-literal'):
            kinds += ['olit']
        if self.on('base-struct'):
            kinds += ['ddecl']
            if self.vars(('der',)):
                kinds += ['dassign']
        k = r.choice(kinds)
        return getattr(self, 's_' + k)(depth)

    def s_decl(self, depth, init=None):
        r = self.r
        if init:
            return ('decl', 'strong', self.fresh('strong'), init)
        kinds = ['strong'] * 5 + ['weak']
        if self.on('unowned'):
            kinds.append('unowned')
        if self.on('local-arrays'):
            kinds.append('array')
        k = r.choice(kinds)
        if k == 'array':
            # `T *v[2] = { E0, E1 };`: each element holds its own temporaries
            init = self.fvalues([1], 2, elem=True) if r.random() < 0.4 else None
            return ('decl', k, self.fresh(k), init)
        if k == 'strong':
            # never a bare variable (see the module comment); NULL when absent
            c = r.choice(['none', 'null', 'new', 'new', 'call', 'field', 'glob', 'rcnew'])
            if c == 'rcnew' and self.on('rc-new-inline'):
                name = self.fresh(k)
                return ('rcnew', name)
            init = None
            if c == 'null':
                init = ('null',)
            elif c == 'new':
                init = ('new',)
            elif c == 'call' and self.callees(value=True):
                init = self.call([1], value=True)
            elif c in ('field', 'glob'):
                init = self.value([1], allow_owned=False)
                if init[0] == 'var':
                    init = ('null',)
            return ('decl', k, self.fresh(k), init)
        if k == 'weak' and self.on('weak-owned-init') and r.random() < 0.3:
            init = ('new',)
        else:
            init = self.value([1], allow_owned=False)
        return ('decl', k, self.fresh(k), init)

    def s_assign(self, depth):
        r = self.r
        tgt = self.pick_var(('strong', 'param', 'weak'), assignable=True)
        if not tgt:
            return self.s_decl(depth)
        kind = self.kind_of(tgt)
        if kind == 'param':
            self.cur.pinned.add(tgt)
        e = self.value([1], allow_owned=kind != 'weak')
        return ('assign', tgt, e, self.newid())

    def kind_of(self, v):
        for sc in self.scopes:
            for n, k in sc:
                if n == v:
                    return k
        raise KeyError(v)

    def s_store(self, depth):
        r = self.r
        base = self.pick_var(('strong', 'param'))
        arr = self.pick_var(('array',))
        if arr and (not base or r.random() < 0.3):
            return ('astore', arr, r.randrange(2), self.value([1]))
        if not base:
            return self.s_decl(depth)
        fields = self.strong_fields * 2 + self.weak_fields
        if self.on('unowned'):
            fields.append('u')
        f = r.choice(fields)
        e = self.value([1], allow_owned=f != 'u')
        if mentions_addr(e, base):
            e = ('null',)   # `b->f = g(&b)`: which b is stored to is unspecified
        return ('store', base, self.newid(), f, e)

    def s_gstore(self, depth):
        return ('gstore', self.glob(), self.value([1]))

    def s_ostore(self, depth):
        return ('ostore', self.value([1]))

    def s_callst(self, depth):
        if not self.callees():
            return self.s_print(depth)
        return ('callst', self.call([1]))

    def s_print(self, depth):
        r = self.r
        v = self.pick_var(('strong', 'param', 'weak'))
        if not v:
            return ('live',)
        c = r.choice(['id', 'id'] + self.weak_fields + (['u'] if self.on('unowned') else []))
        if self.kind_of(v) == 'weak':
            c = 'id'
        return ('print', c, v, self.newid())

    def s_live(self, depth):
        return ('live',)

    def s_rc(self, depth):
        r = self.r
        if r.random() < 0.5:
            return ('rcg', self.glob())
        v = self.pick_var(('strong', 'param'))
        if not v:
            return ('rcg', self.glob())
        return ('rcf', v, self.newid(), r.choice(self.strong_fields))

    def s_gc(self, depth):
        return ('gc',)

    def s_if(self, depth):
        c = self.cond()
        v = self.pick_var(('strong',), assignable=True)
        if v and self.on('assign-in-cond') and self.r.random() < 0.25:
            c = ('asg', v, self.value([1]), self.newid())
        t = self.block(depth + 1)
        e = self.block(depth + 1) if self.r.random() < 0.4 else []
        return ('if', c, t, e)

    def s_for(self, depth):
        iv = 'i%d' % self.loops
        k = self.r.randint(1, 3)
        self.loops += 1
        saved = self.in_switch
        self.in_switch = 0
        b = self.block(depth + 1)
        self.in_switch = saved
        self.loops -= 1
        return ('for', iv, k, b)

    def s_walk(self, depth):
        """`for (T *q = START; q && i < 4; q = q->f, i++)`: the borrowed
        iteration shape; counted or not depends on what the body can release."""
        iv = 'i%d' % self.loops
        start = self.value([1], allow_owned=False, allow_call=False)
        after = None
        if start[0] in ('var', 'tern'):
            start = ('glob', self.glob())
            head = self.pick_var(('strong', 'param')) if self.on('bare-walk') else None
            if head and self.r.random() < 0.6:
                # From a bare variable, named again after the loop: the
                # start is then no last use (a move into q would depend on
                # whether q is a counted or a borrowed iteration variable,
                # which the contract leaves open).
                start = self.var_ref(head)
                after = ('print', 'id', head, None)
        f = self.r.choice(self.strong_fields)
        self.loops += 1
        saved = self.in_switch
        self.in_switch = 0
        self.scopes.append([])
        q = self.fresh('strong')
        self.noassign.add(q)
        b = self.block(depth + 1)
        self.scopes.pop()
        self.in_switch = saved
        self.loops -= 1
        if after:
            after = after[:3] + (self.newid(),)
        return ('walk', iv, q, start, f, b, after)

    def s_switch(self, depth):
        e = self.int_expr()
        self.in_switch += 1
        cases = []
        for _ in range(3):
            b = self.block(depth + 1)
            cases.append((b, self.r.random() < 0.3))  # falls through
        self.in_switch -= 1
        return ('switch', e, cases)

    def s_gotoblk(self, depth):
        self.label += 1
        lab = 'out%d' % self.label
        self.labels.append(lab)
        self.cur.has_goto = True
        b = self.block(depth + 1)
        self.labels.pop()
        return ('gotoblk', lab, b)

    def s_goto(self, depth):
        return ('if', self.cond(), [('goto', self.r.choice(self.labels))], [])

    # -- issue 15's constructs
    def s_sdecl(self, depth):
        e = self.srhs([1], decl=True)
        return ('sdecl', self.fresh('struct'), e)

    def s_sadecl(self, depth):
        """`struct pair y[2] = {0};` or `= { [i] = { .p = A, .q = B } }`."""
        init = None
        if self.r.random() < 0.5:
            init = (self.r.randrange(2), self.fvalues([1], 2, elem=True))
        return ('sadecl', self.fresh('sarray'), init)

    def s_sassign(self, depth):
        """`s = rhs;` or `y[i] = rhs;`"""
        v = self.pick_var(('struct', 'sarray'))
        tgt = ('scopy', v) if v[0] == 's' else ('sacopy', v, self.r.randrange(2))
        return ('sassign', tgt, self.srhs([1], decl=False))

    def s_sfstore(self, depth):
        """`s.p = value;` (a strong slot: moves, retains, releases)."""
        tgt = self.sfield()
        e = self.value([1])
        return ('sfstore', tgt, e)

    def s_sprint(self, depth):
        """`printf("pair %d", pair_ids(rhs))`: rhs a copy, a `pair_of` of
        variables (no other temporary next to the struct's), `swapped(copy)`."""
        r = self.r
        k = r.choice(['copy', 'of', 'swap'])
        if k == 'of':
            e = ('sof', self.value([0], as_arg=True), self.value([0], as_arg=True))
        else:
            e = self.scopy()
            if k == 'swap':
                e = ('sswap', e)
        return ('sprint', e)

    def s_kdecl(self, depth):
        e = self.kvalue([1], decl=True)
        return ('kdecl', self.fresh('tagged'), e)

    def s_kassign(self, depth):
        return ('kassign', self.pick_var(('tagged',)), self.kvalue([1], decl=False))

    def s_ktag(self, depth):
        """`x.tag = 0; x.u.i = n;` or `x.tag = 1; x.u.o = E;`: the tag
        store releases what the old tag made live (o starts NULL under a
        new tag), the member store is a strong store."""
        v = self.pick_var(('tagged',))
        if self.r.randrange(2):
            return ('ktag', v, 0, self.r.randint(0, 9))
        return ('ktag', v, 1, self.value([1]))

    def s_kprint(self, depth):
        return ('kprint', self.pick_var(('tagged',)))

    def s_ocopy(self, depth):
        """`if (x && y) *x = *y;`: the object x points to takes a copy of
        y's fields (id included; strong fields retained, the old ones
        released in declaration order, the weak field registered at x)."""
        a = self.pick_var(('strong', 'param'))
        b = self.pick_var(('strong', 'param'))
        if not a or not b:
            return self.s_print(depth)
        return ('ocopy', a, b)

    def s_olit(self, depth):
        """`if (x) *x = (struct obj){ .id = N, .a = E, .b = F };`: the
        object takes the literal's fields (each value owned by its slot, a
        field left out NULL, the weak and unowned fields NULL), the old
        strong fields are released in declaration order, then the full
        expression's temporaries."""
        a = self.pick_var(('strong', 'param'))
        if not a:
            return self.s_print(depth)
        names = [f for f in ('a', 'b') if f in self.strong_fields]
        fs = self.fvalues([1], len(names))
        fs = [x if self.r.random() < 0.8 else None for x in fs]
        return ('olit', a, 40 + self.r.randrange(20), list(zip(names, fs)))

    def s_ddecl(self, depth):
        """`struct der *d = mkd();` (a derived pointer local; its object is
        reached as `&d->base`)."""
        return ('ddecl', self.fresh('der'))

    def s_dassign(self, depth):
        return ('dassign', self.pick_var(('der',)), self.r.random() < 0.7)

    def s_gfblk(self, depth):
        """`{ decls; if (c) goto failN; decls; stmts; failN: ; stmts }`: a
        forward goto past declarations of the same block, also from nested
        blocks and loops; the statements after the label see only the
        variables of enclosing blocks (those of the block may be unset)."""
        self.label += 1
        lab = 'fail%d' % self.label
        self.cur.has_goto = True
        self.scopes.append([])
        before = [self.s_decl(depth + 1, init=('new',))]
        self.labels.append(lab)
        before.append(('if', self.cond(), [('goto', lab)], []))
        n = self.r.randint(1, 5)
        for _ in range(n):
            if self.budget <= 0:
                break
            self.budget -= 1
            before.append(self.stmt(depth + 1))
        self.labels.pop()
        self.scopes[-1] = []
        after = []
        for _ in range(self.r.randint(0, 2)):
            if self.budget <= 0:
                break
            self.budget -= 1
            after.append(self.stmt(depth + 1))
        self.scopes.pop()
        return ('gfblk', lab, before, after)

    def s_break(self, depth):
        return ('if', self.cond(), [('break',)], [])

    def s_continue(self, depth):
        if not self.loops or self.in_switch:
            return ('if', self.cond(), [('break',)], [])
        return ('if', self.cond(), [('continue',)], [])

    def s_return(self, depth):
        f = self.cur
        e = None if f.ret == 'void' else self.ret_expr(f)
        return ('if', self.cond(), [('return', e)], [])


# ----------------------------------------------------------- analysis ----
def reads(e):
    """Variables an expression reads (not counting &x)."""
    k = e[0]
    if k in ('var', 'field', 'field2', 'id', 'sfield', 'safield', 'kfield', 'dvar'):
        return {e[1]}
    if k == 'int':
        return reads(e[1])
    if k == 'tern':
        return reads_cond(e[1]) | reads(e[2]) | reads(e[3])
    if k == 'comma':
        return reads(e[2])
    if k == 'sexpr':
        return reads(e[2])
    if k == 'call':
        out = set()
        for a in e[2]:
            out |= reads(a)
        return out
    return set()


def effects(e):
    """Whether evaluating a managed value can print, allocate or release."""
    k = e[0]
    if k in ('new', 'newd', 'call', 'sexpr', 'comma'):
        return True
    if k == 'tern':
        return effects(e[2]) or effects(e[3])
    return False


def has_call(e):
    if e[0] == 'call':
        return True
    if e[0] == 'tern':
        return has_call(e[2]) or has_call(e[3])
    return e[0] in ('sexpr', 'comma') and has_call(e[2])


def rhs_exprs(e):
    """The managed values inside a struct or tagged value (see Gen.srhs,
    Gen.kvalue)."""
    if e is None:
        return []
    k = e[0]
    if k in ('sbrace', 'scl'):
        return [x for x in e[1] if x is not None]
    if k == 'sof':
        return [e[1], e[2]]
    if k == 'sswap':
        return rhs_exprs(e[1])
    if k == 'kobj':
        return [e[1]]
    return []


def reads_cond(c):
    if c[0] in ('nn', 'odd'):
        return {c[1]}
    if c[0] in ('lt', 'eq'):
        return reads(c[1])
    return set()


def writes(e):
    """Variables a call in the expression may write through &x."""
    if e[0] != 'call':
        return set()
    out = set()
    for a in e[2]:
        if a[0] == 'addr' and a[1]:
            out.add(a[1])
        else:
            out |= writes(a)
    return out


def mentions_addr(e, v):
    if e[0] == 'call':
        return any(a[0] == 'addr' and a[1] == v or mentions_addr(a, v) for a in e[2])
    return False


def analyse(funcs):
    """Owned and pinned parameters, address-taken locals and last uses."""
    for f in funcs:
        f.addr_taken = set()
        f.pinned = set()
        f.has_goto = False

        def st(s, f=f):
            if s[0] == 'assign' and s[1].startswith('p'):
                f.pinned.add(s[1])
            elif s[0] in ('gotoblk', 'gfblk'):
                f.has_goto = True
        walk_stmts(f.body, st, lambda e: None)
        walk_stmts(f.body, lambda s: None, lambda e: f.addr_taken.add(e[1]) if e[0] == 'addr' and e[1] else None)
    # owned parameters: a least fixpoint
    for f in funcs:
        f.owned = set()
    changed = True
    while changed:
        changed = False
        for f in funcs:
            if not f.static or f.via_ptr:
                continue
            cons = set()

            def bare(e):
                if e and e[0] == 'var' and e[1].startswith('p'):
                    cons.add(e[1])

            def st(s):
                if s[0] == 'assign' and kind_in(f, s[1]) != 'weak':
                    bare(s[2])
                elif s[0] == 'store' and s[3] not in ('w', 'u'):
                    bare(s[4])
                elif s[0] in ('gstore', 'ostore'):
                    bare(s[-1])
                elif s[0] == 'astore':
                    bare(s[3])
                elif s[0] == 'return' and f.ret == 'owned':
                    bare(s[1])
                elif s[0] == 'if' and s[1][0] == 'asg':
                    bare(s[1][2])
                elif s[0] == 'sfstore':
                    bare(s[2])
                elif s[0] == 'ktag' and s[2] == 1:
                    bare(s[3])

            def ex(e):
                if e[0] == 'call':
                    g = funcs[e[1]]
                    for i, a in enumerate(e[2][:g.nptr]):
                        if 'p%d' % i in g.owned:
                            bare(a)
            walk_stmts(f.body, st, ex)
            new = cons & {'p%d' % i for i in range(f.nptr)}
            if not new <= f.owned:
                f.owned |= new
                changed = True


def kind_in(f, name):
    if name.startswith('p'):
        return 'param'
    return {v: k for k, v in PREFIX.items()}[name[0]]


def walk_stmts(stmts, st, ex):
    for s in stmts:
        walk_stmt(s, st, ex)


def walk_expr(e, ex):
    if e is None:
        return
    ex(e)
    if e[0] == 'call':
        for a in e[2]:
            if a[0] == 'int':
                continue
            walk_expr(a, ex)
    elif e[0] == 'tern':
        walk_expr(e[2], ex)
        walk_expr(e[3], ex)
    elif e[0] in ('sexpr', 'comma'):
        walk_expr(e[2], ex)


def walk_stmt(s, st, ex):
    st(s)
    k = s[0]
    if k == 'decl' and isinstance(s[3], list):
        for e in s[3]:          # `T *v[2] = { E0, E1 };`
            walk_expr(e, ex)
    elif k == 'decl':
        walk_expr(s[3], ex)
    elif k == 'assign':
        walk_expr(s[2], ex)
    elif k == 'store':
        walk_expr(s[4], ex)
    elif k in ('gstore', 'ostore'):
        walk_expr(s[-1], ex)
    elif k == 'astore':
        walk_expr(s[3], ex)
    elif k == 'callst':
        walk_expr(s[1], ex)
    elif k == 'return':
        walk_expr(s[1], ex)
    elif k == 'if':
        if s[1][0] == 'asg':
            walk_expr(s[1][2], ex)
        walk_stmts(s[2], st, ex)
        walk_stmts(s[3], st, ex)
    elif k == 'for':
        walk_stmts(s[3], st, ex)
    elif k == 'walk':
        walk_expr(s[3], ex)
        walk_stmts(s[5], st, ex)
        if s[6]:
            walk_stmt(s[6], st, ex)
    elif k == 'switch':
        for b, _ in s[2]:
            walk_stmts(b, st, ex)
    elif k == 'gotoblk':
        walk_stmts(s[2], st, ex)
    elif k in ('sdecl', 'sassign', 'sprint', 'kdecl', 'kassign'):
        for e in rhs_exprs(s[-1]):
            walk_expr(e, ex)
    elif k == 'sadecl' and s[2]:
        for e in s[2][1]:
            walk_expr(e, ex)
    elif k == 'sfstore':
        walk_expr(s[2], ex)
    elif k == 'ktag' and s[2] == 1:
        walk_expr(s[3], ex)
    elif k == 'gfblk':
        walk_stmts(s[2], st, ex)
        walk_stmts(s[3], st, ex)


# ------------------------------------------------------------ emitter ----
class Emitter:
    """Prints the IR as C and records every reference to a variable with its
    full expression and enclosing loops (for the last-use rule)."""

    def __init__(self, pfx, funcs):
        self.p = pfx
        self.funcs = funcs
        self.has_fin, self.has_weak, fields = funcs[0].shape
        self.two = len(fields) > 1

    def T(self):
        return 'struct %sobj' % self.p

    def P(self):
        return 'struct %spair' % self.p

    def V(self):
        return 'struct %sval' % self.p

    def program(self):
        p, T = self.p, self.T()
        L = []
        w = ('RC_WEAK %s *w; ' % T) if self.has_weak else ''
        if self.two:
            L.append('struct RC_MANAGED %sobj { int id; %s *a; %s *b; %sRC_UNOWNED %s *u; %s *arr[2]; };'
                     % (p, T, T, w, T, T))
        else:
            L.append('struct RC_MANAGED %sobj { int id; %s *a; %sRC_UNOWNED %s *u; };' % (p, T, w, T))
        L.append('static %s *%sg0, *%sg1, *%sga[2], *%sgres;' % (T, p, p, p, p))
        if self.has_fin:
            res = self.funcs[0].res_id
            L.append('RC_FINALIZER void %sfin(%s *self) { printf("fin %%d %%d\\n", self->id, self->a ? self->a->id : -1);%s }'
                     % (p, T, (' if (self->id == %d) %sgres = self;' % (res, p)) if res else ''))
        L.append('static int %snext;' % p)
        L.append('static %s *%smk(void) { %s *o = rc_new(%s); o->id = ++%snext; return o; }' % (T, p, T, T, p))
        L.append('static int %sid(%s *o) { return o ? o->id : -1; }' % (p, T))
        # issue 15: a plain struct and a tagged union holding managed
        # pointers by value, with helpers that take, return and copy them
        # (not static: borrowed parameters whatever they do)
        P, V = self.P(), self.V()
        L.append('%s { %s *p; %s *q; int k; };' % (P, T, T))
        L.append('%s { int tag; union { long i; RC_TAGGED(tag, 1) %s *o; } u; };' % (V, T))
        L.append('%s %spair_of(%s *a, %s *b) { %s s = { a, b, 0 }; return s; }' % (P, p, T, T, P))
        L.append('int %spair_ids(%s s) { return %sid(s.p) * 1000 + %sid(s.q); }' % (p, P, p, p))
        L.append('%s %sswapped(%s s) { %s *t = s.p; s.p = s.q; s.q = t; return s; }' % (P, p, P, T))
        # C's inheritance: one object, reached as a derived or a base pointer
        D = 'struct %sder' % p
        L.append('struct RC_MANAGED %sder { %s base; int extra; };' % (p, T))
        if self.has_fin:
            L.append('RC_FINALIZER void %sdfin(%s *self) { printf("dfin %%d %%d\\n", self->base.id, '
                     'self->base.a ? self->base.a->id : -1); }' % (p, D))
        L.append('static %s *%smkd2(void) { %s *d = rc_new(%s); d->base.id = ++%snext; d->extra = 1; return d; }'
                 % (D, p, D, D, p))
        L.append('static %s *%smkd(void) { %s *d = rc_new(%s); d->base.id = ++%snext; return &d->base; }'
                 % (T, p, D, D, p))
        for f in self.funcs:
            L.append(self.proto(f) + ';')
        for f in self.funcs:
            if f.via_ptr:
                L.append(self.proto(f, ptr=True) + ' = %sf%d;' % (p, f.idx))
        for f in self.funcs:
            L += self.func(f)
        return L

    def proto(self, f, ptr=False):
        T = self.T()
        ret = {'void': 'void', 'owned': T + ' *', 'borrowed': 'RC_RETURNS_BORROWED ' + T + ' *'}[f.ret]
        ps = ['%s *p%d' % (T, i) for i in range(f.nptr)]
        if f.has_n:
            ps.append('int n')
        if f.has_out:
            ps.append('%s **out' % T)
        if ptr:
            return 'static %s (*%sfp%d)(%s)' % (ret, self.p, f.idx, ', '.join(ps) or 'void')
        return '%s%s %sf%d(%s)' % ('static ' if f.static else '', ret, self.p, f.idx, ', '.join(ps) or 'void')

    def func(self, f):
        self.f = f
        self.fe = 0
        self.loopstack = []
        self.loopn = 0
        self.refs = {}       # var -> [(fe, loops, nid)]
        self.return_fes = set()
        self.declloops = {'p%d' % i: () for i in range(f.nptr)}
        out = [self.proto(f) + ' {']
        self.ind = 1
        for s in f.body:
            out += self.stmt(s)
        out.append('}')
        # last uses
        f.last_use = set()
        for v, refs in self.refs.items():
            if v in f.addr_taken or kind_in(f, v) not in ('strong', 'param'):
                continue
            last = max(r[0] for r in refs)
            at = [r for r in refs if r[0] == last]
            if not f.has_goto and len(at) == 1 and at[0][1] == self.declloops.get(v, ()) and at[0][2]:
                f.last_use.add(at[0][2])
            # In the value of a return only the first rule applies: named once
            # there (nothing of the function runs after it; loops and gotos
            # are other paths).
            for fe in self.return_fes:
                here = [r for r in refs if r[0] == fe]
                if len(here) == 1 and here[0][2]:
                    f.last_use.add(here[0][2])
        return out

    def newfe(self):
        self.fe += 1
        return self.fe

    def ref(self, v, nid=None):
        self.refs.setdefault(v, []).append((self.fe, tuple(self.loopstack), nid))
        return v

    def ex(self, e):
        p = self.p
        k = e[0]
        if k == 'null':
            return 'NULL'
        if k == 'var':
            return self.ref(e[1], e[2])
        if k == 'glob':
            return p + e[1]
        if k == 'field':
            v = self.ref(e[1])
            self.ref(e[1])
            return '(%s ? %s->%s : NULL)' % (v, v, e[2])
        if k == 'new':
            return p + 'mk()'
        if k == 'newd':
            return p + 'mkd()'
        if k == 'dvar':
            # d may have been set NULL: &d->base on NULL is undefined (UBSan).
            return '(%s ? &%s->base : NULL)' % (e[1], e[1])
        if k == 'field2':
            v = e[1]
            for _ in range(3):
                self.ref(v)
            return '(%s && %s->%s ? %s->%s->%s : NULL)' % (v, v, e[2], v, e[2], e[3])
        if k == 'tern':
            c = self.cnd(e[1])
            return '(%s ? %s : %s)' % (c, self.ex(e[2]), self.ex(e[3]))
        if k == 'comma':
            return '(%s, %s)' % (self.ex(e[1]), self.ex(e[2]))
        if k == 'sexpr':
            t, inner, f = e[1], e[2], e[3]
            val = t if f is None else '(%s ? %s->%s : NULL)' % (t, t, f)
            return '({ %s *%s = %s; %s; })' % (self.T(), t, self.ex(inner), val)
        if k == 'call':
            name = ('%sfp%d' if len(e) > 3 else '%sf%d') % (p, e[1])
            return '%s(%s)' % (name, ', '.join(self.ex(a) for a in e[2]))
        if k == 'int':
            return self.iex(e[1])
        if k == 'sfield':
            return '%s.%s' % (e[1], e[2])
        if k == 'safield':
            return '%s[%d].%s' % (e[1], e[2], e[3])
        if k == 'kfield':
            return '(%s.tag == 1 ? %s.u.o : NULL)' % (e[1], e[1])
        if k == 'addr':
            return '&' + self.ref(e[1]) if e[1] else 'NULL'
        raise ValueError(e)

    def fields(self, fs, desig):
        """A brace list of the pair's fields; designated ones maybe reversed."""
        if not desig and all(x is not None for x in fs):
            return '{ %s, %s }' % (self.ex(fs[0]), self.ex(fs[1]))
        parts = ['.%s = %s' % (n, self.ex(x)) for n, x in zip('pq', fs) if x is not None]
        if desig:
            parts.reverse()
        return '{ %s }' % ', '.join(parts) if parts else '{0}'

    def sex(self, e):
        """A struct pair or tagged value (Gen.srhs, Gen.kvalue)."""
        p = self.p
        k = e[0]
        if k == 'sbrace':
            return self.fields(e[1], e[2])
        if k == 'scl':
            return '(%s)%s' % (self.P(), self.fields(e[1], False))
        if k == 'sof':
            return '%spair_of(%s, %s)' % (p, self.ex(e[1]), self.ex(e[2]))
        if k == 'scopy':
            return e[1]
        if k == 'sacopy':
            return '%s[%d]' % (e[1], e[2])
        if k == 'sswap':
            return '%sswapped(%s)' % (p, self.sex(e[1]))
        if k == 'kobj':
            return '{ .tag = 1, .u.o = %s }' % self.ex(e[1])
        if k == 'kint':
            return '{ .tag = 0, .u.i = %d }' % e[1]
        if k == 'kcopy':
            return e[1]
        raise ValueError(e)

    def iex(self, e):
        k = e[0]
        if k == 'ic':
            return str(e[1])
        if k == 'iv':
            return e[1]
        if k == 'nparam':
            return 'n'
        if k == 'id':
            return '%sid(%s)' % (self.p, self.ref(e[1]))
        raise ValueError(e)

    def cnd(self, c):
        k = c[0]
        if k == 'lt':
            return '%s < %d' % (self.iex(c[1]), c[2])
        if k == 'eq':
            return '%s %% 4 == %d' % (self.iex(c[1]), c[2])
        if k == 'nn':
            return '%s != NULL' % self.ref(c[1])
        if k == 'odd':
            return '%sid(%s) %% 2' % (self.p, self.ref(c[1]))
        if k == 'asg':
            val = self.ex(c[2])
            return '(%s = %s) != NULL' % (self.ref(c[1], None), val)
        raise ValueError(c)

    def line(self, s):
        return ['    ' * self.ind + s]

    def blk(self, stmts):
        self.ind += 1
        out = []
        for s in stmts:
            out += self.stmt(s)
        self.ind -= 1
        return out

    def stmt(self, s):
        p, T = self.p, self.T()
        k = s[0]
        if k == 'decl':
            self.declloops[s[2]] = tuple(self.loopstack)
            self.newfe()
            kind, name, init = s[1], s[2], s[3]
            if kind == 'array':
                if init:
                    return self.line('%s *%s[2] = { %s };' % (T, name, ', '.join(self.ex(x) for x in init)))
                return self.line('%s *%s[2] = {0};' % (T, name))
            ann = {'strong': '', 'weak': 'RC_WEAK ', 'unowned': 'RC_UNOWNED '}[kind]
            if init is None:
                return self.line('%s%s *%s;' % (ann, T, name))
            return self.line('%s%s *%s = %s;' % (ann, T, name, self.ex(init)))
        if k == 'rcnew':
            self.declloops[s[1]] = tuple(self.loopstack)
            self.newfe()
            v = s[1]
            out = self.line('%s *%s = rc_new(%s);' % (T, v, T))
            self.newfe()
            return out + self.line('%s->id = ++%snext;' % (self.ref(v), p))
        if k == 'assign':
            self.newfe()
            val = self.ex(s[2])
            return self.line('%s = %s;' % (self.ref(s[1], None), val))
        if k == 'store':
            self.newfe()
            b = self.ref(s[1])
            self.newfe()
            self.ref(s[1])
            return self.line('if (%s) %s->%s = %s;' % (b, b, s[3], self.ex(s[4])))
        if k == 'astore':
            self.newfe()
            return self.line('%s[%d] = %s;' % (self.ref(s[1]), s[2], self.ex(s[3])))
        if k == 'gstore':
            self.newfe()
            return self.line('%s%s = %s;' % (p, s[1], self.ex(s[2])))
        if k == 'ostore':
            self.newfe()
            return self.line('if (out) *out = %s;' % self.ex(s[1]))
        if k == 'callst':
            self.newfe()
            return self.line('%s;' % self.ex(s[1]))
        if k == 'print':
            self.newfe()
            c, v = s[1], self.ref(s[2])
            if c == 'id':
                return self.line('printf("id %%d\\n", %sid(%s));' % (p, v))
            self.ref(s[2])
            return self.line('printf("%s %%d\\n", %s ? %sid(%s->%s) : -2);' % (c, v, p, v, c))
        if k == 'live':
            return self.line('printf("live %%zu\\n", rc_live_objects() - %sbase);' % p)
        if k == 'rcg':
            return self.line('printf("rc %%zu\\n", rc_getrefcount(%s%s));' % (p, s[1]))
        if k == 'rcf':
            self.newfe()
            v = self.ref(s[1])
            self.ref(s[1])
            return self.line('printf("rc %%zu\\n", %s ? rc_getrefcount(%s->%s) : 99);' % (v, v, s[3]))
        if k == 'gc':
            return self.line('{ puts("gc>"); long n_ = rc_gc_collect(-1); printf("gc %ld\\n", n_); }')
        if k == 'if':
            self.newfe()
            out = self.line('if (%s) {' % self.cnd(s[1]))
            out += self.blk(s[2])
            if s[3]:
                out += self.line('} else {') + self.blk(s[3])
            return out + self.line('}')
        if k == 'for':
            self.loopn += 1
            self.loopstack.append(self.loopn)
            out = self.line('for (int %s = 0; %s < %d; %s++) {' % (s[1], s[1], s[2], s[1]))
            out += self.blk(s[3]) + self.line('}')
            self.loopstack.pop()
            return out
        if k == 'walk':
            iv, q, start, f, b, after = s[1:]
            out = self.line('{ int %s = 0;' % iv)
            self.declloops[q] = tuple(self.loopstack)
            self.newfe()
            init = self.ex(start)
            self.loopn += 1
            self.loopstack.append(self.loopn)
            self.newfe()
            self.ref(q)
            self.newfe()
            self.ref(q)
            self.ref(q)
            out += self.line('for (%s *%s = %s; %s && %s < 4; %s = %s->%s, %s++) {'
                             % (T, q, init, q, iv, q, q, f, iv))
            out += self.blk(b) + self.line('}')
            self.loopstack.pop()
            if after:
                out += self.stmt(after)
            return out + self.line('}')
        if k == 'switch':
            self.newfe()
            out = self.line('switch (%s %% 4) {' % self.iex(s[1]))
            for i, (b, fall) in enumerate(s[2]):
                out += self.line('case %d: {' % i) + self.blk(b)
                out += self.line('}' if fall else '} break;')
            return out + self.line('default: break;') + self.line('}')
        if k == 'gotoblk':
            out = self.line('{') + self.blk(s[2]) + self.line('}')
            return out + self.line('%s: ;' % s[1])
        if k == 'goto':
            return self.line('goto %s;' % s[1])
        if k == 'sdecl':
            self.newfe()
            return self.line('%s %s = %s;' % (self.P(), s[1], self.sex(s[2]) if s[2] else '{0}'))
        if k == 'sadecl':
            self.newfe()
            init = '{0}'
            if s[2]:
                init = '{ [%d] = %s }' % (s[2][0], self.fields(s[2][1], False))
            return self.line('%s %s[2] = %s;' % (self.P(), s[1], init))
        if k == 'sassign':
            self.newfe()
            rhs = s[2]
            if rhs[0] == 'scl' or rhs[0] == 'sbrace':
                rhs = ('scl', rhs[1])
            return self.line('%s = %s;' % (self.sex(s[1]), self.sex(rhs)))
        if k == 'sfstore':
            self.newfe()
            return self.line('%s = %s;' % (self.ex(s[1]), self.ex(s[2])))
        if k == 'sprint':
            self.newfe()
            return self.line('printf("pair %%d\\n", %spair_ids(%s));' % (p, self.sex(s[1])))
        if k == 'kdecl':
            self.newfe()
            return self.line('%s %s = %s;' % (self.V(), s[1], self.sex(s[2]) if s[2] else '{0}'))
        if k == 'kassign':
            self.newfe()
            rhs = s[2]
            val = self.sex(rhs) if rhs[0] == 'kcopy' else '(%s)%s' % (self.V(), self.sex(rhs))
            return self.line('%s = %s;' % (s[1], val))
        if k == 'ktag':
            self.newfe()
            if s[2] == 0:
                return self.line('%s.tag = 0; %s.u.i = %d;' % (s[1], s[1], s[3]))
            return self.line('%s.tag = 1; %s.u.o = %s;' % (s[1], s[1], self.ex(s[3])))
        if k == 'kprint':
            return self.line('printf("val %%d\\n", %s.tag == 1 ? %sid(%s.u.o) : (int)%s.u.i);' % (s[1], p, s[1], s[1]))
        if k == 'ocopy':
            self.newfe()
            a, b = self.ref(s[1]), self.ref(s[2])
            self.newfe()
            self.ref(s[1])
            self.ref(s[2])
            return self.line('if (%s && %s) *%s = *%s;' % (a, b, a, b))
        if k == 'olit':
            self.newfe()
            a = self.ref(s[1])
            self.newfe()
            self.ref(s[1])
            parts = ['.id = %d' % s[2]] + ['.%s = %s' % (n, self.ex(x)) for n, x in s[3] if x is not None]
            return self.line('if (%s) *%s = (%s){ %s };' % (a, a, self.T(), ', '.join(parts)))
        if k == 'ddecl':
            self.newfe()
            return self.line('struct %sder *%s = %smkd2();' % (p, s[1], p))
        if k == 'dassign':
            self.newfe()
            return self.line('%s = %s;' % (s[1], ('%smkd2()' % p) if s[2] else 'NULL'))
        if k == 'gfblk':
            out = self.line('{') + self.blk(s[2])
            out += self.line('%s: ;' % s[1]) + self.blk(s[3])
            return out + self.line('}')
        if k == 'break':
            return self.line('break;')
        if k == 'continue':
            return self.line('continue;')
        if k == 'return':
            self.return_fes.add(self.newfe())
            if s[1] is None:
                return self.line('return;')
            return self.line('return %s;' % self.ex(s[1]))
        raise ValueError(s)


# -------------------------------------------------------------- model ----
class Obj:
    __slots__ = ('id', 'rc', 'f', 'w', 'u', 'dead', 'finalized', 'der')

    def __init__(self, oid, fields, der=False):
        self.der = der         # allocated as the derived struct
        self.id = oid
        self.rc = 1
        self.f = {k: None for k in fields}
        self.w = None
        self.u = None
        self.dead = False
        self.finalized = False


def cmod(a, b):
    """C's %: the sign of the dividend."""
    r = abs(a) % b
    return -r if a < 0 else r


class BreakX(Exception):
    pass


class ContinueX(Exception):
    pass


class GotoX(Exception):
    def __init__(self, label):
        self.label = label


class ReturnX(Exception):
    def __init__(self, val):
        self.val = val


class Slot:
    """A variable: kind strong/weak/unowned/borrowed/array."""
    __slots__ = ('kind', 'val')

    def __init__(self, kind, val=None):
        self.kind = kind
        self.val = val


class Frame:
    def __init__(self, f):
        self.f = f
        self.scopes = [[]]
        self.vars = {}
        self.temps = []
        self.ints = {}
        self.out = None


class Model:
    MAX_LINES = 400
    MAX_STEPS = 20000

    def __init__(self, funcs, fields, has_fin):
        self.funcs = funcs
        self.fields = fields
        self.has_fin = has_fin
        self.out = []
        self.objs = []        # every object ever made
        self.next = 0
        self.glob = {'g0': None, 'g1': None, 'ga[0]': None, 'ga[1]': None, 'gres': None}
        self.res_id = funcs[0].res_id
        self.weak = []        # weak local slots (Slot objects) alive
        self.frames = []
        self.pending = []
        self.draining = False
        self.steps = 0

    def emit(self, s):
        self.out.append(s)
        if len(self.out) > self.MAX_LINES:
            raise Reject('too much output')

    def live(self):
        return sum(1 for o in self.objs if not o.dead)

    # -- counts
    def retain(self, o):
        if o is not None:
            o.rc += 1
        return o

    def release(self, o):
        if o is None:
            return
        self.pending.append(o)
        if self.draining:
            return
        self.draining = True
        while self.pending:
            x = self.pending.pop()
            x.rc -= 1
            assert x.rc >= 0
            if x.rc == 0:
                self.die(x)
        self.draining = False

    def finalize(self, o):
        """Run o's finalizer once; True if it resurrected o (stored it in gres)."""
        if not self.has_fin or o.finalized:
            return False
        o.finalized = True
        a = o.f['a']
        self.emit('%s %d %d' % ('dfin' if o.der else 'fin', o.id, a.id if a else -1))
        if o.id == self.res_id and not o.der:
            old = self.glob['gres']
            self.glob['gres'] = o
            o.rc += 1
            self.release(old)
            return True
        return False

    def die(self, o):
        if self.finalize(o):
            return      # resurrected: stays alive with the global's reference
        self.clear_weak(o)
        o.dead = True
        kids = [o.f[k] for k in self.fields]
        for k in self.fields:
            o.f[k] = None
        for c in reversed(kids):
            if c is not None:
                self.pending.append(c)

    def clear_weak(self, o):
        for x in self.objs:
            if x.w is o:
                x.w = None
        for s in self.weak:
            if s.val is o:
                s.val = None

    def store(self, get, put, v, owned):
        """Strong store: retain the new value, store, release the old."""
        if not owned:
            self.retain(v)
        old = get()
        put(v)
        self.release(old)

    # -- program
    def run(self, entry_stmts):
        f0 = self.funcs[0]
        self.call(f0, [], [], [])
        for g in ('g0', 'g1', 'ga[0]', 'ga[1]', 'gres'):
            old = self.glob[g]
            self.glob[g] = None
            self.release(old)
        self.emit('gc>')
        self.emit('gc %d' % self.gc())
        self.emit('live %d' % self.live())
        return self.out

    def call(self, f, ptr_args, extra, owned_in):
        """ptr_args: objects; owned_in: which of them arrive +1 (owned params)."""
        self.steps += 1
        if self.steps > self.MAX_STEPS or len(self.frames) > 50:
            raise Reject('too long')
        fr = Frame(f)
        for i, o in enumerate(ptr_args):
            name = 'p%d' % i
            if name in f.owned:
                fr.vars[name] = Slot('strong', o)      # arrived +1
            elif name in f.pinned:
                fr.vars[name] = Slot('strong', self.retain(o))
            else:
                fr.vars[name] = Slot('borrowed', o)
            if fr.vars[name].kind == 'strong':
                fr.scopes[0].append(name)
        for e in extra:
            if e[0] == 'n':
                fr.ints['n'] = e[1]
            elif e[0] == 'out':
                fr.out = e[1]
        self.frames.append(fr)
        ret = None
        try:
            self.block_body(f.body, fr, top=True)
        except ReturnX as r:
            ret = r.val
        finally:
            self.frames.pop()
        return ret

    def exit_scope(self, fr, names):
        for name in reversed(names):
            s = fr.vars.pop(name)
            if s.kind == 'strong':
                self.release(s.val)
            elif s.kind == 'array':
                for i in (1, 0):
                    self.release(s.val[i])
            elif s.kind == 'weak':
                self.weak.remove(s)
            elif s.kind == 'struct':
                self.release_pair(s.val)
            elif s.kind == 'sarray':
                for i in (1, 0):
                    self.release_pair(s.val[i])
            elif s.kind == 'tagged':
                self.release_tagged(s.val)

    # -- values by value (issue 15): a pair is [p, q], a tagged value
    # ('o', object) or ('i', n); a copy retains every slot, fields in
    # declaration order, and so does a release
    def release_pair(self, pr):
        for o in list(pr):
            self.release(o)

    def release_tagged(self, tv):
        if tv[0] == 'o':
            self.release(tv[1])

    def assign_pair(self, pr, new, owned):
        """`*slot = v`: retain the new fields, store, release the old ones."""
        if not owned:
            for o in new:
                self.retain(o)
        old = list(pr)
        pr[:] = new
        self.release_pair(old)

    def ev_pair(self, e, fr, temps):
        """(fields, owned) of a pair value (Gen.srhs)."""
        k = e[0]
        if k in ('sbrace', 'scl'):
            out = []
            for x in e[1]:
                if x is None:
                    out.append(None)
                    continue
                out.append(self.ev_elem(x, fr, temps, k == 'sbrace'))
            return out, True
        if k == 'sof':
            a, b = [], []
            for x in (e[1], e[2]):
                v, own = self.ev(x, fr, temps)
                if own:
                    temps.append(v)
                elif x[0] not in ('var', 'null') or (x[0] == 'var' and x[1] in fr.f.addr_taken):
                    temps.append(self.retain(v))
                a.append(v)
            return [self.retain(o) for o in a], True
        if k == 'scopy':
            return list(fr.vars[e[1]].val), False
        if k == 'sacopy':
            return list(fr.vars[e[1]].val[e[2]]), False
        if k == 'sswap':
            v, own = self.ev_pair(e[1], fr, temps)
            assert not own
            return [self.retain(v[1]), self.retain(v[0])], True
        raise ValueError(e)

    def pair_ref(self, fr, e):
        """The list holding a struct local's or array element's fields."""
        if e[0] == 'scopy':
            return fr.vars[e[1]].val
        return fr.vars[e[1]].val[e[2]]

    def ev_elem(self, x, fr, temps, decl):
        """An initialiser list element's value, owned by its slot. In a
        declaration's brace list the element's temporaries are released
        once its value is in place (each element holds its own,
        docs/semantics.md); in a compound literal they are the full
        expression's."""
        n = len(temps)
        v, own = self.ev(x, fr, temps)
        v = v if own else self.retain(v)
        if decl:
            mine = temps[n:]
            del temps[n:]
            self.end_fe(mine)
        return v

    def ev_tagged(self, e, fr, temps, decl=False):
        """(tagged value, owned) of Gen.kvalue's value (decl: a declaration's
        brace list, else a compound literal)."""
        if e is None:
            return ('i', 0), True
        if e[0] == 'kint':
            return ('i', e[1]), True
        if e[0] == 'kcopy':
            return fr.vars[e[1]].val, False
        return ('o', self.ev_elem(e[1], fr, temps, decl)), True

    def block_body(self, stmts, fr, top=False):
        if not top:
            fr.scopes.append([])
        try:
            for s in stmts:
                self.stmt(s, fr)
        finally:
            names = fr.scopes.pop()
            self.exit_scope(fr, names)

    # -- expressions: (object, owned)
    def var(self, fr, name):
        return fr.vars[name]

    def moved(self, fr, e):
        """A last-use variable reference in a move position: take its reference."""
        if e[0] == 'var' and e[2] in fr.f.last_use:
            s = fr.vars[e[1]]
            if s.kind == 'strong':
                v = s.val
                s.val = None
                return v, True
        return None

    def read_unowned(self, o):
        if o is not None and o.dead:
            raise Reject('unowned read of a dead object')
        return o

    def ev(self, e, fr, temps):
        k = e[0]
        if k == 'null':
            return None, False
        if k == 'var':
            s = fr.vars[e[1]]
            if s.val is not None and s.val.dead:
                raise Reject('a variable holds a dead object')
            return s.val, False
        if k == 'glob':
            return self.glob[e[1]], False
        if k == 'field':
            b = fr.vars[e[1]].val
            if b is None:
                return None, False
            if b.dead:
                raise Reject('a variable holds a dead object')
            return self.field_get(b, e[2]), False
        if k in ('new', 'newd'):
            return self.new(k == 'newd'), True
        if k == 'dvar':
            return fr.vars[e[1]].val, False
        if k == 'call':
            return self.ev_call(e, fr, temps)
        if k == 'tern':
            return self.ev(e[2] if self.cond(e[1], fr) else e[3], fr, temps)
        if k == 'comma':
            v, own = self.ev(e[1], fr, temps)
            if own:
                self.release(v)  # a discarded +1 result: released at once
            return self.ev(e[2], fr, temps)
        if k == 'sexpr':
            # the block's local t holds inner; the value is retained inside
            # the block, then t is released: a +1 result (docs/semantics.md)
            v, own = self.ev(e[2], fr, temps)
            o = v if own else self.retain(v)
            val = o if e[3] is None else (o.f[e[3]] if o is not None else None)
            self.retain(val)
            self.release(o)
            return val, True
        if k == 'sfield':
            return fr.vars[e[1]].val['pq'.index(e[2])], False
        if k == 'safield':
            return fr.vars[e[1]].val[e[2]]['pq'.index(e[3])], False
        if k == 'kfield':
            tv = fr.vars[e[1]].val
            return (tv[1] if tv[0] == 'o' else None), False
        if k == 'field2':
            b = fr.vars[e[1]].val
            if b is None or b.f[e[2]] is None:
                return None, False
            return self.field_get(b.f[e[2]], e[3]), False
        raise ValueError(e)

    def new(self, der=False):
        self.next += 1
        o = Obj(self.next, self.fields, der)
        self.objs.append(o)
        return o

    def field_get(self, b, f):
        if f == 'w':
            return b.w
        if f == 'u':
            return self.read_unowned(b.u)
        return b.f[f]

    def ev_call(self, e, fr, temps):
        g = self.funcs[e[1]]
        args, owned_in, extra = [], [], []
        ptr = e[2][:g.nptr]
        for i, a in enumerate(ptr):
            if 'p%d' % i in g.owned:
                m = self.moved(fr, a)
                if m:
                    args.append(m[0])
                    continue
                v, own = self.ev(a, fr, temps)
                args.append(v if own else self.retain(v))
            else:
                v, own = self.ev(a, fr, temps)
                if own:
                    temps.append(v)
                elif a[0] not in ('var', 'null') or (a[0] == 'var' and a[1] in fr.f.addr_taken):
                    # kept alive for the call: a field or global the callee may
                    # overwrite, or a local whose address is taken anywhere in
                    # the function (docs/semantics.md, `pop_front(&head, head)`)
                    temps.append(self.retain(v))
                args.append(v)
        for a in e[2][g.nptr:]:
            if a[0] == 'int':
                extra.append(('n', self.iv(a[1], fr)))
            elif a[0] == 'addr':
                extra.append(('out', fr.vars[a[1]] if a[1] else None))
        r = self.call(g, args, extra, owned_in)
        if r is not None and r.dead:
            raise Reject('a borrowed result that died with its function')
        return r, g.ret == 'owned'

    def iv(self, e, fr):
        k = e[0]
        if k == 'ic':
            return e[1]
        if k == 'iv':
            return fr.ints[e[1]]
        if k == 'nparam':
            return fr.ints['n']
        if k == 'id':
            o = fr.vars[e[1]].val
            return o.id if o is not None else -1
        raise ValueError(e)

    def cond(self, c, fr):
        k = c[0]
        if k == 'lt':
            return self.iv(c[1], fr) < c[2]
        if k == 'eq':
            return cmod(self.iv(c[1], fr), 4) == c[2]
        if k == 'nn':
            return fr.vars[c[1]].val is not None
        if k == 'odd':
            o = fr.vars[c[1]].val
            return (o.id if o is not None else -1) % 2 != 0
        raise ValueError(c)

    def end_fe(self, temps):
        for t in reversed(temps):
            if isinstance(t, tuple):
                self.release_pair(t[1])     # a struct temporary
            else:
                self.release(t)

    def value_for_slot(self, e, fr, temps):
        """A value to store into a strong slot: (object, owned)."""
        m = self.moved(fr, e)
        if m:
            return m
        return self.ev(e, fr, temps)

    # -- statements
    def stmt(self, s, fr):
        self.steps += 1
        if self.steps > self.MAX_STEPS:
            raise Reject('too long')
        k = s[0]
        temps = []
        fr.temps = temps      # roots for a collection, holders for check_rc
        if k == 'decl':
            kind, name, init = s[1], s[2], s[3]
            if kind == 'array':
                slot = Slot('array', [self.ev_elem(x, fr, temps, True) for x in init] if init else [None, None])
            elif kind == 'strong':
                v, own = self.ev(init, fr, temps) if init else (None, False)
                slot = Slot('strong', v if own else self.retain(v))
            elif kind == 'weak':
                v, own = self.ev(init, fr, temps)
                slot = Slot('weak', v)
                self.weak.append(slot)
                if own:
                    temps.append(v)   # nothing takes the +1: released now
            else:
                v, own = self.ev(init, fr, temps)
                slot = Slot('unowned', v)
            fr.vars[name] = slot
            fr.scopes[-1].append(name)
            self.end_fe(temps)
        elif k == 'rcnew':
            self.next += 1
            o = Obj(self.next, self.fields)
            self.objs.append(o)
            fr.vars[s[1]] = Slot('strong', o)
            fr.scopes[-1].append(s[1])
        elif k == 'assign':
            slot = fr.vars[s[1]]
            if slot.kind == 'weak':
                v, own = self.ev(s[2], fr, temps)
                slot.val = v
            else:
                v, own = self.value_for_slot(s[2], fr, temps)
                self.store(lambda: slot.val, lambda x: setattr(slot, 'val', x), v, own)
            self.end_fe(temps)
        elif k == 'store':
            b = fr.vars[s[1]].val
            if b is not None:
                f = s[3]
                if f == 'w':
                    v, own = self.ev(s[4], fr, temps)
                    b.w = v
                    if own:
                        temps.append(v)   # nothing takes the +1
                elif f == 'u':
                    b.u = self.ev(s[4], fr, temps)[0]
                else:
                    v, own = self.value_for_slot(s[4], fr, temps)
                    self.store(lambda: b.f[f], lambda x: b.f.__setitem__(f, x), v, own)
                self.end_fe(temps)
        elif k == 'astore':
            arr = fr.vars[s[1]].val
            i = s[2]
            v, own = self.value_for_slot(s[3], fr, temps)
            self.store(lambda: arr[i], lambda x: arr.__setitem__(i, x), v, own)
            self.end_fe(temps)
        elif k == 'gstore':
            g = s[1]
            v, own = self.value_for_slot(s[2], fr, temps)
            self.store(lambda: self.glob[g], lambda x: self.glob.__setitem__(g, x), v, own)
            self.end_fe(temps)
        elif k == 'ostore':
            slot = fr.out
            if slot is not None:
                v, own = self.value_for_slot(s[1], fr, temps)
                self.store(lambda: slot.val, lambda x: setattr(slot, 'val', x), v, own)
                self.end_fe(temps)
        elif k == 'callst':
            v, own = self.ev(s[1], fr, temps)
            if own:
                self.release(v)      # a discarded +1 result: released at once
            self.end_fe(temps)
        elif k == 'print':
            c, o = s[1], fr.vars[s[2]].val
            if fr.vars[s[2]].kind == 'unowned':
                o = self.read_unowned(o)
            if c == 'id':
                self.emit('id %d' % (o.id if o else -1))
            elif o is None:
                self.emit('%s -2' % c)
            else:
                t = self.field_get(o, c)
                self.emit('%s %d' % (c, t.id if t else -1))
        elif k == 'live':
            self.emit('live %d' % self.live())
        elif k == 'rcg':
            o = self.glob[s[1]]
            self.check_rc(o)
            self.emit('rc %d' % (o.rc if o else 0))
        elif k == 'rcf':
            b = fr.vars[s[1]].val
            if b is None:
                self.emit('rc 99')
            else:
                o = b.f[s[3]]
                self.check_rc(o)
                self.emit('rc %d' % (o.rc if o else 0))
        elif k == 'gc':
            self.emit('gc>')
            n = self.gc()
            self.emit('gc %d' % n)
        elif k == 'walk':
            iv, q, start, f, b, after = s[1:]
            v, _ = self.ev(start, fr, temps)
            slot = Slot('strong', self.retain(v))
            fr.scopes.append([q])
            fr.vars[q] = slot
            try:
                i = 0
                while slot.val is not None and i < 4:
                    fr.ints[iv] = i
                    try:
                        self.block_body(b, fr)
                    except ContinueX:
                        pass
                    except BreakX:
                        break
                    fr.temps = []
                    self.store(lambda: slot.val, lambda x: setattr(slot, 'val', x), slot.val.f[f], False)
                    i += 1
            finally:
                fr.ints.pop(iv, None)
                self.exit_scope(fr, fr.scopes.pop())
            if after:
                self.stmt(after, fr)
        elif k == 'if' and s[1][0] == 'asg':
            c = s[1]
            slot = fr.vars[c[1]]
            v, own = self.value_for_slot(c[2], fr, temps)
            self.store(lambda: slot.val, lambda x: setattr(slot, 'val', x), v, own)
            self.end_fe(temps)
            if slot.val is not None:
                self.block_body(s[2], fr)
            elif s[3]:
                self.block_body(s[3], fr)
        elif k == 'if':
            if self.cond(s[1], fr):
                self.block_body(s[2], fr)
            elif s[3]:
                self.block_body(s[3], fr)
        elif k == 'for':
            for i in range(s[2]):
                fr.ints[s[1]] = i
                try:
                    self.block_body(s[3], fr)
                except ContinueX:
                    continue
                except BreakX:
                    break
            fr.ints.pop(s[1], None)
        elif k == 'switch':
            v = cmod(self.iv(s[1], fr), 4)
            try:
                started = False
                for i, (b, fall) in enumerate(s[2]):
                    if i == v:
                        started = True
                    if started:
                        self.block_body(b, fr)
                        if not fall:
                            break
            except BreakX:
                pass
        elif k == 'gotoblk':
            try:
                self.block_body(s[2], fr)
            except GotoX as g:
                if g.label != s[1]:
                    raise
        elif k == 'goto':
            raise GotoX(s[1])
        elif k == 'sdecl':
            v, own = self.ev_pair(s[2], fr, temps) if s[2] else ([None, None], True)
            fr.vars[s[1]] = Slot('struct', v if own else [self.retain(o) for o in v])
            fr.scopes[-1].append(s[1])
            self.end_fe(temps)
        elif k == 'sadecl':
            val = [[None, None], [None, None]]
            if s[2]:
                val[s[2][0]] = self.ev_pair(('sbrace', s[2][1], False), fr, temps)[0]
            fr.vars[s[1]] = Slot('sarray', val)
            fr.scopes[-1].append(s[1])
            self.end_fe(temps)
        elif k == 'sassign':
            v, own = self.ev_pair(s[2], fr, temps)
            self.assign_pair(self.pair_ref(fr, s[1]), v, own)
            self.end_fe(temps)
        elif k == 'sfstore':
            pr = self.pair_ref(fr, ('scopy', s[1][1]) if s[1][0] == 'sfield' else ('sacopy', s[1][1], s[1][2]))
            i = 'pq'.index(s[1][-1])
            v, own = self.value_for_slot(s[2], fr, temps)
            self.store(lambda: pr[i], lambda x: pr.__setitem__(i, x), v, own)
            self.end_fe(temps)
        elif k == 'sprint':
            v, own = self.ev_pair(s[1], fr, temps)
            ids = [o.id if o is not None else -1 for o in v]
            self.emit('pair %d' % (ids[0] * 1000 + ids[1]))
            if own:
                temps.append(('pair', v))
            self.end_fe(temps)
        elif k == 'kdecl':
            v, own = self.ev_tagged(s[2], fr, temps, decl=True)
            if not own and v[0] == 'o':
                self.retain(v[1])
            fr.vars[s[1]] = Slot('tagged', v)
            fr.scopes[-1].append(s[1])
            self.end_fe(temps)
        elif k == 'kassign':
            slot = fr.vars[s[1]]
            v, own = self.ev_tagged(s[2], fr, temps)
            if not own and v[0] == 'o':
                self.retain(v[1])
            old = slot.val
            slot.val = v
            self.release_tagged(old)
            self.end_fe(temps)
        elif k == 'ktag':
            slot = fr.vars[s[1]]
            if s[2] == 0:
                old = slot.val
                slot.val = ('i', s[3])
                self.release_tagged(old)
            else:
                if slot.val[0] == 'i':
                    slot.val = ('o', None)
                v, own = self.value_for_slot(s[3], fr, temps)
                self.store(lambda: slot.val[1], lambda x: setattr(slot, 'val', ('o', x)), v, own)
                self.end_fe(temps)
        elif k == 'kprint':
            tv = fr.vars[s[1]].val
            self.emit('val %d' % ((tv[1].id if tv[1] is not None else -1) if tv[0] == 'o' else tv[1]))
        elif k == 'ocopy':
            a, b = fr.vars[s[1]].val, fr.vars[s[2]].val
            if a is not None and b is not None:
                if a.dead or b.dead:
                    raise Reject('a variable holds a dead object')
                new = [b.f[x] for x in self.fields]
                for v in new:
                    self.retain(v)
                old = [a.f[x] for x in self.fields]
                for x, v in zip(self.fields, new):
                    a.f[x] = v
                a.id, a.w, a.u = b.id, b.w, b.u
                for o in old:
                    self.release(o)
        elif k == 'olit':
            a = fr.vars[s[1]].val
            if a is not None:
                if a.dead:
                    raise Reject('a variable holds a dead object')
                given = {n: self.ev_elem(x, fr, temps, False) for n, x in s[3] if x is not None}
                if a.dead:
                    raise Reject('the object died while its literal was evaluated')
                old = [a.f[x] for x in self.fields]
                for x in self.fields:
                    a.f[x] = given.get(x)
                a.id, a.w, a.u = s[2], None, None
                for o in old:
                    self.release(o)
            self.end_fe(temps)
        elif k == 'ddecl':
            fr.vars[s[1]] = Slot('strong', self.new(True))
            fr.scopes[-1].append(s[1])
        elif k == 'dassign':
            slot = fr.vars[s[1]]
            self.store(lambda: slot.val, lambda x: setattr(slot, 'val', x), self.new(True) if s[2] else None, True)
        elif k == 'gfblk':
            fr.scopes.append([])
            try:
                try:
                    for x in s[2]:
                        self.stmt(x, fr)
                except GotoX as g:
                    if g.label != s[1]:
                        raise
                for x in s[3]:
                    self.stmt(x, fr)
            finally:
                self.exit_scope(fr, fr.scopes.pop())
        elif k == 'break':
            raise BreakX()
        elif k == 'continue':
            raise ContinueX()
        elif k == 'return':
            f = fr.f
            if s[1] is None:
                raise ReturnX(None)
            if f.ret == 'borrowed':
                v, _ = self.ev(s[1], fr, temps)
                raise ReturnX(v)
            e = s[1]
            if e[0] == 'var' and fr.vars[e[1]].kind == 'strong' and e[1] not in f.addr_taken:
                slot = fr.vars[e[1]]
                v = slot.val
                slot.val = None          # return local moves
                raise ReturnX(v)
            v, own = self.ev(e, fr, temps)
            if not own:
                self.retain(v)
            self.end_fe(temps)
            raise ReturnX(v)
        else:
            raise ValueError(s)

    def check_rc(self, o):
        """A count is only exact when no variable or temporary holds the object
        (moves, borrowed iteration variables and elided keep-alives change
        what a variable contributes)."""
        if o is None:
            return
        for fr in self.frames:
            if any(t is o for t in fr.temps):
                raise Reject('rc of a temporary\'s object')
            if any(x is o for x in self.frame_refs(fr)):
                raise Reject('rc of a variable\'s object')

    @staticmethod
    def frame_refs(fr, strong_only=False):
        """The objects a frame's variables and temporaries refer to (only
        through strong references: the collector's roots)."""
        rs = []
        for t in fr.temps:
            rs += t[1] if isinstance(t, tuple) else [t]
        for s in fr.vars.values():
            if s.kind in ('strong', 'borrowed') or (s.kind in ('weak', 'unowned') and not strong_only):
                rs.append(s.val)
            elif s.kind in ('array', 'struct'):
                rs += s.val
            elif s.kind == 'sarray':
                rs += s.val[0] + s.val[1]
            elif s.kind == 'tagged' and s.val[0] == 'o':
                rs.append(s.val[1])
        return [x for x in rs if x is not None]

    def roots(self):
        rs = [v for v in self.glob.values() if v is not None]
        for fr in self.frames:
            rs += self.frame_refs(fr, strong_only=True)
        return rs

    def reachable(self):
        seen = set()
        stack = self.roots()
        while stack:
            o = stack.pop()
            if id(o) in seen:
                continue
            seen.add(id(o))
            stack += [c for c in o.f.values() if c is not None]
        return seen

    def gc(self):
        seen = self.reachable()
        garbage = [o for o in self.objs if not o.dead and id(o) not in seen]
        if not garbage:
            return 0
        start = len(self.out)
        for o in garbage:
            self.clear_weak(o)
        resurrected = False
        for o in sorted(garbage, key=lambda o: o.id):
            resurrected |= self.finalize(o)
        if resurrected:
            # step 7: what a finalizer made reachable again stays, intact
            again = self.reachable()
            garbage = [o for o in garbage if id(o) not in again]
        for o in garbage:
            o.dead = True
        gids = set(id(o) for o in garbage)
        outside = []
        for o in garbage:
            for k in self.fields:
                c = o.f[k]
                o.f[k] = None
                if c is not None and id(c) not in gids:
                    outside.append(c)
        for c in outside:
            self.release(c)
        self.out[start:] = sorted(self.out[start:])   # order unspecified: sorted
        return len(garbage)


# ------------------------------------------------------------- driver ----
def draft(seed, idx, disabled, attempt):
    rng = random.Random('%s/%d/%d' % (seed, idx, attempt))
    g = Gen(rng, disabled, 'p%d_' % idx)
    return g.program()


def render(funcs, idx, disabled):
    """(C lines, expected output) of one program; raises Reject."""
    pfx = 'p%d_' % idx
    analyse(funcs)
    lines = Emitter(pfx, funcs).program()
    has_fin, _, fields = funcs[0].shape
    return lines, Model(funcs, fields, has_fin).run(None)


def one_program(seed, idx, disabled):
    """Program idx of a batch: (funcs, C lines, expected lines). Rejected
    drafts are redrawn from the next sub-seed."""
    for attempt in range(500):
        funcs = draft(seed, idx, disabled, attempt)
        try:
            lines, out = render(funcs, idx, disabled)
        except Reject:
            continue
        return funcs, lines, out
    raise SystemExit('gen.py: no acceptable program for seed %s index %d' % (seed, idx))


def wrap(idx, lines, out):
    """One program's C and expected output inside a batch."""
    pfx = 'p%d_' % idx
    c = ['/* ---- program %d ---- */' % idx, 'static size_t %sbase;' % pfx] + lines
    c += ['static void %srun(void) {' % pfx,
          '    %sbase = rc_live_objects();' % pfx,
          '    printf("== program %d\\n");' % idx,
          '    %sf0();' % pfx,
          '    %sg0 = NULL; %sg1 = NULL; %sga[0] = NULL; %sga[1] = NULL; %sgres = NULL;' % ((pfx,) * 5),
          '    { puts("gc>"); long n_ = rc_gc_collect(-1); printf("gc %ld\\n", n_); }',
          '    printf("live %%zu\\n", rc_live_objects() - %sbase);' % pfx,
          '}']
    return c, ['== program %d' % idx] + out


def assemble(header, parts):
    """parts: [(idx, C lines, expected)] -> (C lines, expected lines)."""
    c = [header, '#include <stdio.h>', '#include <autorc.h>']
    exp = []
    for idx, lines, out in parts:
        cl, el = wrap(idx, lines, out)
        c += cl
        exp += el
    c.append('int main(void) {')
    c.append('    rc_gc_disable();')
    c += ['    p%d_run();' % idx for idx, _, _ in parts]
    c += ['    return 0;', '}']
    return c, exp


def batch(seed, n, disabled, first=0):
    parts = []
    for i in range(first, first + n):
        _, lines, out = one_program(seed, i, disabled)
        parts.append((i, lines, out))
    header = ('/* autorc fuzz batch: gen.py --seed %s --programs %d --first %d%s */'
              % (seed, n, first, (' --disable ' + ','.join(sorted(disabled))) if disabled else ''))
    return assemble(header, parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', default='0')
    ap.add_argument('--programs', type=int, default=1)
    ap.add_argument('--first', type=int, default=0, help='index of the first program')
    ap.add_argument('--disable', default='', help='comma-separated features: ' + ', '.join(FEATURES))
    ap.add_argument('--c', required=True, help='C file to write')
    ap.add_argument('--expect', required=True, help='expected output to write')
    a = ap.parse_args(argv)
    dis = set(x for x in a.disable.split(',') if x)
    bad = dis - set(FEATURES)
    if bad:
        ap.error('unknown feature(s): %s' % ', '.join(sorted(bad)))
    c, exp = batch(a.seed, a.programs, dis, a.first)
    with open(a.c, 'w') as f:
        f.write('\n'.join(c) + '\n')
    with open(a.expect, 'w') as f:
        f.write('\n'.join(exp) + '\n')


if __name__ == '__main__':
    main()
