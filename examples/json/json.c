/* examples/json — a JSON value tree as a C programmer writes it: a tagged union
   (RC_TAGGED members) of null/bool/number/string/list/dict whose tag is set
   before its member (`j->type = J_STR; j->u.s = s;`), built by a
   recursive-descent parser with goto-fail error paths, printed through an
   rc_list of rc_str pieces and dropped. Every object is released: the last
   line prints rc_live_objects(). */
#include <autorc.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum jtype { J_NULL, J_BOOL, J_NUM, J_STR, J_LIST, J_DICT };

struct RC_MANAGED json {
    enum jtype type;
    union {
        int b;
        double n;
        RC_TAGGED(type, J_STR) rc_str *s;
        RC_TAGGED(type, J_LIST) rc_list *l;
        RC_TAGGED(type, J_DICT) rc_dict *d;
    } u;
};
static int ndel;
RC_FINALIZER void json_del(struct json *j) { (void)j; ndel++; }

struct parser { const char *p; const char *err; };

static struct json *jnew(enum jtype t) { struct json *j = rc_new(struct json); j->type = t; return j; }

static void ws(struct parser *ps) { while (isspace((unsigned char)*ps->p)) ps->p++; }

static struct json *parse_value(struct parser *ps);

static rc_str *parse_string(struct parser *ps) {
    if (*ps->p != '"') { ps->err = "expected string"; return NULL; }
    const char *start = ++ps->p;
    while (*ps->p && *ps->p != '"') ps->p++;
    if (!*ps->p) { ps->err = "unterminated string"; return NULL; }
    rc_str *s = rc_str_from_len(start, (size_t)(ps->p - start));
    ps->p++;
    return s;
}

static struct json *parse_list(struct parser *ps) {
    struct json *j = jnew(J_LIST);
    rc_list *l = rc_list_new();
    ps->p++;
    ws(ps);
    if (*ps->p == ']') { ps->p++; goto done; }
    for (;;) {
        struct json *item = parse_value(ps);
        if (!item) goto fail;
        rc_list_append(l, item);
        ws(ps);
        if (*ps->p == ',') { ps->p++; continue; }
        if (*ps->p == ']') { ps->p++; break; }
        ps->err = "expected , or ]";
        goto fail;
    }
done:
    j->u.l = l;
    return j;
fail:
    return NULL;
}

static struct json *parse_dict(struct parser *ps) {
    rc_dict *d = rc_dict_new();
    ps->p++;
    ws(ps);
    if (*ps->p == '}') { ps->p++; goto done; }
    for (;;) {
        ws(ps);
        rc_str *k = parse_string(ps);
        if (!k) return NULL;
        ws(ps);
        if (*ps->p != ':') { ps->err = "expected :"; return NULL; }
        ps->p++;
        struct json *v = parse_value(ps);
        if (!v) return NULL;
        rc_dict_set(d, k, v);
        ws(ps);
        if (*ps->p == ',') { ps->p++; continue; }
        if (*ps->p == '}') { ps->p++; break; }
        ps->err = "expected , or }";
        return NULL;
    }
done:;
    struct json *j = jnew(J_DICT);
    j->u.d = d;
    return j;
}

static struct json *parse_value(struct parser *ps) {
    ws(ps);
    switch (*ps->p) {
    case '[': return parse_list(ps);
    case '{': return parse_dict(ps);
    case '"': {
        rc_str *s = parse_string(ps);
        if (!s) return NULL;
        struct json *j = jnew(J_NULL);
        j->type = J_STR;
        j->u.s = s;
        return j;
    }
    case 't': case 'f': case 'n': {
        static const char *words[] = { "true", "false", "null" };
        for (int i = 0; i < 3; i++) {
            size_t n = strlen(words[i]);
            if (strncmp(ps->p, words[i], n) == 0) {
                ps->p += n;
                struct json *j = jnew(i == 2 ? J_NULL : J_BOOL);
                j->u.b = i == 0;
                return j;
            }
        }
        ps->err = "bad literal";
        return NULL;
    }
    default: {
        char *end;
        double n = strtod(ps->p, &end);
        if (end == ps->p) { ps->err = "unexpected character"; return NULL; }
        ps->p = end;
        struct json *j = jnew(J_NUM);
        j->u.n = n;
        return j;
    }
    }
}

static void dump(const struct json *j, rc_list *out);

static void emit(rc_list *out, rc_str *s) { rc_list_append(out, s); }

static void dump(const struct json *j, rc_list *out) {
    switch (j->type) {
    case J_NULL: emit(out, rc_str_new("null")); break;
    case J_BOOL: emit(out, rc_str_new(j->u.b ? "true" : "false")); break;
    case J_NUM: emit(out, rc_str_format("%g", j->u.n)); break;
    case J_STR: emit(out, rc_str_format("\"%s\"", rc_str_cstr(j->u.s))); break;
    case J_LIST:
        emit(out, rc_str_new("["));
        for (ptrdiff_t i = 0; i < (ptrdiff_t)rc_list_len(j->u.l); i++) {
            if (i) emit(out, rc_str_new(", "));
            dump(rc_list_get(j->u.l, i), out);
        }
        emit(out, rc_str_new("]"));
        break;
    case J_DICT: {
        emit(out, rc_str_new("{"));
        size_t pos = 0;
        void *k, *v;
        int first = 1;
        while (rc_dict_next(j->u.d, &pos, &k, &v)) {
            if (!first) emit(out, rc_str_new(", "));
            first = 0;
            emit(out, rc_str_format("\"%s\": ", rc_str_cstr(k)));
            dump(v, out);
        }
        emit(out, rc_str_new("}"));
        break;
    }
    }
}

static rc_str *join(rc_list *parts) {
    rc_str *acc = rc_str_new("");
    rc_list_foreach(rc_str *, s, parts)
        acc = rc_str_concat(acc, s);
    return acc;
}

static const char *inputs[] = {
    "{\"name\": \"autorc\", \"tags\": [\"c\", \"rc\", 3, 4.5, true, null], \"nested\": {\"a\": [], \"b\": {}}}",
    "[1, 2, [3, [4, [5]]], {\"k\": false}]",
    "[1, 2, {\"bad\" 3}]",
    "{\"x\": [1, 2, \"open}",
    "[1 2]",
    "\"just a string\"",
};

int main(void) {
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        struct parser ps = { inputs[i], NULL };
        struct json *j = parse_value(&ps);
        if (!j) {
            printf("error: %s at %ld\n", ps.err, (long)(ps.p - inputs[i]));
            continue;
        }
        rc_list *parts = rc_list_new();
        dump(j, parts);
        rc_str *s = join(parts);
        printf("%s\n", rc_str_cstr(s));
    }
    printf("dels %d\n", ndel);
    printf("live %zu\n", rc_live_objects());
    return 0;
}
