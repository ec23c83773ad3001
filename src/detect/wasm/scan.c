/*
 * Telemetry-line scanner, compiled to WebAssembly (build: scripts/build-wasm.sh).
 *
 * Validates one JSON text against RFC 8259 (§2 grammar, §6 numbers, §7 strings: no raw
 * control characters, only the defined escapes) and records where the values the detector
 * reads are: byte spans, kinds and a few flags, in `out`. It decodes nothing; the JavaScript
 * side (../scan.ts) turns the spans it needs into values.
 *
 * The approach is simdjson's on-demand parsing (Langdale & Lemire, "Parsing Gigabytes of
 * JSON per Second", VLDB Journal 2019; Keiser & Lemire, "On-Demand JSON", Software:
 * Practice and Experience 2024): check every byte, materialise only what is asked for, skip
 * string bodies 16 bytes at a time with SIMD compares.
 *
 * scan() returns 1 when the line is valid JSON and fully described by `out`, 0 when the
 * caller must fall back to JSON.parse (invalid JSON, nesting deeper than MAX_DEPTH, more
 * than MAX_MSG messages, an escaped key or block type where we compare names).
 */
#include <wasm_simd128.h>

typedef unsigned char u8;
typedef unsigned int u32;

enum { K_NONE = 0, K_STRING = 1, K_NUMBER = 2, K_TRUE = 3, K_FALSE = 4, K_NULL = 5, K_OBJECT = 6, K_ARRAY = 7 };
enum { F_ESC = 1, F_WIDE = 2, F_TOOLS = 4, F_SIMPLE = 8, F_TOOL_CALLS = 16 };
enum { MAX_DEPTH = 64, MAX_MSG = 1024 };

/* Field ids: the order of the name lists in ../scan.ts. */
enum { T_TS, T_ACCOUNT, T_KEY, T_IP, T_USER_AGENT, T_JA4, T_HEADER_ORDER, T_FINGERPRINT, T_ENDPOINT, T_MODEL, T_STATUS, T_ACTION, T_REQUEST, T_RESPONSE, N_TOP };
enum {
  R_SYSTEM, R_MODEL, R_TEMPERATURE, R_N, R_MAX_TOKENS, R_MAX_COMPLETION_TOKENS, R_LOGPROBS, R_TOP_LOGPROBS, R_LOGIT_BIAS, R_MESSAGES, R_TOOLS,
  R_TOP_P, R_TOP_K, R_STREAM, R_SEED, R_PRESENCE_PENALTY, R_FREQUENCY_PENALTY, R_REASONING_EFFORT, R_RESPONSE_FORMAT, R_STOP, R_THINKING,
  R_USER, R_SAFETY_IDENTIFIER, R_METADATA, N_REQ
};
enum { S_INPUT_TOKENS, S_OUTPUT_TOKENS, S_FINISH_REASON, S_REASONING_TOKENS, S_SERVED, S_TEXT, N_RES };
/* The members of response.served, in the order the gateway writes them (served.ts). */
enum { V_CHARS, V_LINES, V_STEPS, V_MATH, V_CODE, V_GRADES, V_ANSWERS, N_SERVED };

/* A value: [start, end) byte addresses in memory, its kind, flags; for arrays, count = elements;
 * for the header order, hash = FNV-1a of its bytes. F_SIMPLE on an array: every element is a
 * string without escapes; on response.served: its members are exactly chars, lines, steps,
 * math, code, grades, answers, in that order, once each, all numbers (recorded in out.served). */
typedef struct { u32 start, end, kind, flags, count, hash; } Slot;

/* Per message: [0] the element itself, [1] role, [2] content. */
static struct {
  u32 messages;
  Slot top[N_TOP];
  Slot req[N_REQ];
  Slot res[N_RES];
  Slot served[N_SERVED];
  Slot msg[MAX_MSG][3];
} out;

extern u8 __heap_base;
static const u8 *base, *p, *e;

u32 input(void) { return ((u32)&__heap_base + 15) & ~15u; }
u32 output(void) { return (u32)&out; }
u32 slot_size(void) { return sizeof(Slot); }

static void clear(Slot *s, u32 n) {
  for (u32 i = 0; i < n; i++) s[i].kind = K_NONE;
}

static void ws(void) {
  while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
}

static int hex(u8 c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* p at '"': move past the closing quote. *flags gets F_ESC / F_WIDE. */
static int string(u32 *flags) {
  u32 f = 0;
  p++;
  const v128_t quote = wasm_i8x16_splat('"'), slash = wasm_i8x16_splat('\\'), space = wasm_i8x16_splat(0x20);
  for (;;) {
    /* 16 bytes at a time while none is a quote, a backslash or a control character. */
    while (e - p >= 16) {
      v128_t v = wasm_v128_load(p);
      u32 special = wasm_i8x16_bitmask(wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, quote), wasm_i8x16_eq(v, slash)), wasm_u8x16_lt(v, space)));
      u32 high = wasm_i8x16_bitmask(v);
      if (special) {
        /* Jump to the first special byte; the scalar code below handles it. */
        u32 k = (u32)__builtin_ctz(special);
        if (high & ((1u << k) - 1)) f |= F_WIDE;
        p += k;
        break;
      }
      if (high) f |= F_WIDE;
      p += 16;
    }
    if (p >= e) return 0;
    u8 c = *p;
    if (c == '"') {
      p++;
      *flags = f;
      return 1;
    }
    if (c < 0x20) return 0;
    if (c == '\\') {
      f |= F_ESC;
      if (e - p < 2) return 0;
      u8 n = p[1];
      if (n == 'u') {
        if (e - p < 6 || !hex(p[2]) || !hex(p[3]) || !hex(p[4]) || !hex(p[5])) return 0;
        p += 6;
        continue;
      }
      if (n != '"' && n != '\\' && n != '/' && n != 'b' && n != 'f' && n != 'n' && n != 'r' && n != 't') return 0;
      p += 2;
      continue;
    }
    if (c & 0x80) f |= F_WIDE;
    p++;
  }
}

static int digits(void) {
  const u8 *s = p;
  while (p < e && *p >= '0' && *p <= '9') p++;
  return p > s;
}

static int number(void) {
  if (*p == '-') p++;
  if (p >= e) return 0;
  if (*p == '0') p++;
  else if (!digits()) return 0;
  if (p < e && *p == '.') {
    p++;
    if (!digits()) return 0;
  }
  if (p < e && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < e && (*p == '+' || *p == '-')) p++;
    if (!digits()) return 0;
  }
  return 1;
}

static int literal(const char *s, u32 n) {
  if ((u32)(e - p) < n) return 0;
  for (u32 i = 0; i < n; i++)
    if (p[i] != (u8)s[i]) return 0;
  p += n;
  return 1;
}

static int value(Slot *s, int depth);

/* p at an opening bracket: step past it; true when the container closes at once with `close`. */
static int empty(u8 close) {
  p++;
  ws();
  if (p < e && *p == close) {
    p++;
    return 1;
  }
  return 0;
}

/* After a member or element: 1 at ',' (another follows), 0 at `close` (the container ends),
 * -1 at anything else (invalid). */
static int separator(u8 close) {
  ws();
  if (p >= e) return -1;
  u8 c = *p++;
  return c == ',' ? 1 : c == close ? 0 : -1;
}

/* The members of an object, p at '{'. For each: key(k, n) gives an id (-1: skip the value;
 * -2: give up), then member(id, depth) consumes the value. Keys with escapes give up when
 * the caller compares names (key != 0). */
typedef int (*KeyFn)(const u8 *k, u32 n);
typedef int (*MemberFn)(int id, int depth);

/* Inlined at each call site, so the callbacks become direct calls (about 7% of scan time). */
static inline __attribute__((always_inline)) int object(KeyFn key, MemberFn member, int depth) {
  if (depth >= MAX_DEPTH) return 0;
  if (empty('}')) return 1;
  for (;;) {
    ws();
    if (p >= e || *p != '"') return 0;
    const u8 *ks = p;
    u32 kf;
    if (!string(&kf)) return 0;
    int id = -1;
    if (key) {
      if (kf & F_ESC) return 0;
      id = key(ks + 1, (u32)(p - ks - 2));
    }
    ws();
    if (p >= e || *p != ':') return 0;
    p++;
    ws();
    if (id >= 0) {
      if (!member(id, depth + 1)) return 0;
    } else {
      Slot skip;
      if (!value(&skip, depth + 1)) return 0;
    }
    int more = separator('}');
    if (more <= 0) return more == 0;
  }
}

/* Elements of an array, p at '['; each() consumes one element (p at it). */
typedef int (*ElementFn)(Slot *array, int depth);

static inline __attribute__((always_inline)) int array(Slot *s, ElementFn each, int depth) {
  if (depth >= MAX_DEPTH) return 0;
  s->count = 0;
  if (empty(']')) return 1;
  for (;;) {
    ws();
    if (!each(s, depth + 1)) return 0;
    s->count++;
    int more = separator(']');
    if (more <= 0) return more == 0;
  }
}

/* Any element; clears F_SIMPLE unless it is a string without escapes. */
static int any_element(Slot *array, int depth) {
  Slot v;
  if (!value(&v, depth)) return 0;
  if (v.kind != K_STRING || (v.flags & F_ESC)) array->flags &= ~F_SIMPLE;
  return 1;
}

/* Validate and skip (or record) any value at p into s. */
static int value(Slot *s, int depth) {
  if (p >= e) return 0;
  s->start = (u32)p;
  s->flags = 0;
  s->count = 0;
  u8 c = *p;
  int ok;
  if (c == '"') {
    s->kind = K_STRING;
    ok = string(&s->flags);
  } else if (c == '{') {
    s->kind = K_OBJECT;
    ok = object(0, 0, depth);
  } else if (c == '[') {
    s->kind = K_ARRAY;
    s->flags = F_SIMPLE;
    ok = array(s, any_element, depth);
  } else if (c == 't') {
    s->kind = K_TRUE;
    ok = literal("true", 4);
  } else if (c == 'f') {
    s->kind = K_FALSE;
    ok = literal("false", 5);
  } else if (c == 'n') {
    s->kind = K_NULL;
    ok = literal("null", 4);
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    s->kind = K_NUMBER;
    ok = number();
  } else
    return 0;
  s->end = (u32)p;
  return ok;
}

/* FNV-1a (Fowler, Noll, Vo) of a value's bytes: the JavaScript side keeps decoded header
 * orders by it (and compares the bytes before it trusts a hit). */
static u32 fnv1a(const Slot *s) {
  u32 h = 2166136261u;
  for (const u8 *q = (const u8 *)s->start; q < (const u8 *)s->end; q++) h = (h ^ *q) * 16777619u;
  return h;
}

static int eq(const u8 *k, u32 n, const char *name) {
  for (u32 i = 0; i < n; i++)
    if (name[i] != (char)k[i]) return 0;
  return name[n] == 0;
}

static int lookup(const u8 *k, u32 n, const char *const *names, int count) {
  for (int i = 0; i < count; i++)
    if (names[i][0] == (char)k[0] && eq(k, n, names[i])) return i;
  return -1;
}

static const char *const TOP_NAMES[N_TOP] = {"ts", "account", "key", "ip", "userAgent", "ja4", "headerOrder", "fingerprint", "endpoint", "model", "status", "action", "request", "response"};
static const char *const REQ_NAMES[N_REQ] = {
    "system", "model", "temperature", "n", "max_tokens", "max_completion_tokens", "logprobs", "top_logprobs", "logit_bias", "messages", "tools",
    "top_p", "top_k", "stream", "seed", "presence_penalty", "frequency_penalty", "reasoning_effort", "response_format", "stop", "thinking",
    "user", "safety_identifier", "metadata"};
static const char *const RES_NAMES[N_RES] = {"inputTokens", "outputTokens", "finishReason", "reasoningTokens", "served", "text"};
static const char *const SERVED_NAMES[N_SERVED] = {"chars", "lines", "steps", "math", "code", "grades", "answers"};
static const char *const MSG_NAMES[3] = {"role", "content", "tool_calls"};

static int top_key(const u8 *k, u32 n) { return n ? lookup(k, n, TOP_NAMES, N_TOP) : -1; }
static int req_key(const u8 *k, u32 n) { return n ? lookup(k, n, REQ_NAMES, N_REQ) : -1; }
static int res_key(const u8 *k, u32 n) { return n ? lookup(k, n, RES_NAMES, N_RES) : -1; }
static int msg_key(const u8 *k, u32 n) { return n ? lookup(k, n, MSG_NAMES, 3) : -1; }
/* Every served member goes to served_member: N_SERVED stands for any other name. */
static int served_key(const u8 *k, u32 n) {
  int i = n ? lookup(k, n, SERVED_NAMES, N_SERVED) : -1;
  return i < 0 ? N_SERVED : i;
}
static int type_key(const u8 *k, u32 n) { return eq(k, n, "type") ? 0 : -1; }

/* Content blocks: F_TOOLS when a top-level block's last "type" is a tool type. */
static Slot *blocks_of;
static Slot block_type;

static int block_member(int id, int depth) {
  (void)id;
  return value(&block_type, depth);
}

static int is_tool_type(const Slot *t) {
  if (t->kind != K_STRING) return 0;
  if (t->flags & F_ESC) return -1;
  const u8 *s = (const u8 *)t->start + 1;
  u32 n = t->end - t->start - 2;
  return eq(s, n, "tool_use") || eq(s, n, "tool_result") || eq(s, n, "function_call");
}

static int block(Slot *array, int depth) {
  (void)array;
  if (p >= e || *p != '{') {
    Slot skip;
    return value(&skip, depth);
  }
  block_type.kind = K_NONE;
  if (!object(type_key, block_member, depth)) return 0;
  int tool = is_tool_type(&block_type);
  if (tool < 0) return 0; /* an escaped type string: let JSON.parse decide */
  if (tool) blocks_of->flags |= F_TOOLS;
  return 1;
}

static Slot *msg_now;

static int msg_member(int id, int depth) {
  if (id == 0) return value(&msg_now[1], depth);
  if (id == 1) {
    Slot *c = &msg_now[2];
    if (p < e && *p == '[') {
      c->start = (u32)p;
      c->kind = K_ARRAY;
      c->flags = 0;
      blocks_of = c;
      if (!array(c, block, depth)) return 0;
      c->end = (u32)p;
      return 1;
    }
    return value(c, depth);
  }
  Slot skip;
  if (!value(&skip, depth)) return 0;
  msg_now[0].flags |= F_TOOL_CALLS;
  return 1;
}

static int message(Slot *array, int depth) {
  (void)array;
  if (out.messages >= MAX_MSG) return 0;
  Slot *m = out.msg[out.messages++];
  m[1].kind = K_NONE;
  m[2].kind = K_NONE;
  if (p < e && *p == '{') {
    msg_now = m;
    m[0].start = (u32)p;
    m[0].kind = K_OBJECT;
    m[0].flags = 0;
    if (!object(msg_key, msg_member, depth)) return 0;
    m[0].end = (u32)p;
    return 1;
  }
  return value(&m[0], depth);
}

static int req_member(int id, int depth) {
  Slot *s = &out.req[id];
  if (id == R_MESSAGES && p < e && *p == '[') {
    out.messages = 0;
    s->start = (u32)p;
    s->kind = K_ARRAY;
    s->flags = 0;
    if (!array(s, message, depth)) return 0;
    s->end = (u32)p;
    return 1;
  }
  return value(s, depth);
}

/* response.served: the member expected next (N_SERVED + 1 once the shape is not the simple one). */
static int served_next;

static int served_member(int id, int depth) {
  Slot v;
  if (!value(&v, depth)) return 0;
  if (id < N_SERVED && id == served_next && v.kind == K_NUMBER) {
    out.served[id] = v;
    served_next++;
  } else
    served_next = N_SERVED + 1;
  return 1;
}

static int res_member(int id, int depth) {
  Slot *s = &out.res[id];
  if (id == S_SERVED && p < e && *p == '{') {
    s->start = (u32)p;
    s->kind = K_OBJECT;
    served_next = 0;
    if (!object(served_key, served_member, depth)) return 0;
    s->flags = served_next == N_SERVED ? F_SIMPLE : 0;
    s->end = (u32)p;
    return 1;
  }
  return value(s, depth);
}

static int top_member(int id, int depth) {
  Slot *s = &out.top[id];
  if ((id == T_REQUEST || id == T_RESPONSE) && p < e && *p == '{') {
    /* A repeated key replaces the whole object, as in JSON.parse. */
    if (id == T_REQUEST) {
      clear(out.req, N_REQ);
      out.messages = 0;
    } else
      clear(out.res, N_RES);
    s->start = (u32)p;
    s->kind = K_OBJECT;
    s->flags = 0;
    if (!object(id == T_REQUEST ? req_key : res_key, id == T_REQUEST ? req_member : res_member, depth)) return 0;
    s->end = (u32)p;
    return 1;
  }
  if (!value(s, depth)) return 0;
  if (id == T_HEADER_ORDER && s->kind == K_ARRAY) s->hash = fnv1a(s);
  return 1;
}

static u32 hex4(const u8 *q) {
  u32 v = 0;
  for (int i = 0; i < 4; i++) {
    u8 c = q[i];
    v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

/*
 * Write the UTF-8 of the validated string token [start, end) (quotes included, escapes
 * resolved) at dst; returns its length, or -1 when an escape is a lone surrogate (JSON.parse
 * keeps those as single UTF-16 units, which UTF-8 cannot carry: the caller parses that one
 * itself). Raw bytes are copied as they are, so decoding the result as UTF-8 gives what
 * decoding the token and then JSON.parse gives: an escape always yields whole sequences, and
 * an invalid raw sequence ends at the next byte that is not a continuation byte either way.
 * dst needs (end - start) + 16 bytes.
 */
int unescape(u32 start, u32 end, u32 dst) {
  const u8 *q = (const u8 *)start + 1, *z = (const u8 *)end - 1;
  u8 *o = (u8 *)dst;
  const v128_t slash = wasm_i8x16_splat('\\');
  while (q < z) {
    if (z - q >= 16) {
      v128_t v = wasm_v128_load(q);
      u32 m = wasm_i8x16_bitmask(wasm_i8x16_eq(v, slash));
      wasm_v128_store(o, v);
      u32 k = m ? (u32)__builtin_ctz(m) : 16;
      o += k;
      q += k;
      if (k == 16) continue;
    } else if (*q != '\\') {
      *o++ = *q++;
      continue;
    }
    /* q at a backslash (validated by string()). */
    u8 n = q[1];
    u32 cp;
    if (n == 'u') {
      cp = hex4(q + 2);
      q += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (z - q < 6 || q[0] != '\\' || q[1] != 'u') return -1;
        u32 lo = hex4(q + 2);
        if (lo < 0xDC00 || lo > 0xDFFF) return -1;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        q += 6;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF)
        return -1;
    } else {
      q += 2;
      cp = n == 'b' ? 8 : n == 'f' ? 12 : n == 'n' ? 10 : n == 'r' ? 13 : n == 't' ? 9 : n; /* " \ / */
    }
    if (cp < 0x80)
      *o++ = (u8)cp;
    else if (cp < 0x800) {
      *o++ = (u8)(0xC0 | (cp >> 6));
      *o++ = (u8)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *o++ = (u8)(0xE0 | (cp >> 12));
      *o++ = (u8)(0x80 | ((cp >> 6) & 0x3F));
      *o++ = (u8)(0x80 | (cp & 0x3F));
    } else {
      *o++ = (u8)(0xF0 | (cp >> 18));
      *o++ = (u8)(0x80 | ((cp >> 12) & 0x3F));
      *o++ = (u8)(0x80 | ((cp >> 6) & 0x3F));
      *o++ = (u8)(0x80 | (cp & 0x3F));
    }
  }
  return (int)(o - (u8 *)dst);
}

/* Scan `len` bytes at input(); 1: valid and described by `out`, 0: fall back to JSON.parse. */
int scan(u32 len) {
  base = (const u8 *)input();
  p = base;
  e = base + len;
  out.messages = 0;
  clear(out.top, N_TOP);
  clear(out.req, N_REQ);
  clear(out.res, N_RES);
  ws();
  if (p >= e || *p != '{') return 0;
  if (!object(top_key, top_member, 0)) return 0;
  ws();
  return p == e;
}
