/**
 * One registry of every error Moat returns to a client or prints from the CLI, in the
 * manner of fastify's lib/errors.js: a stable code, an HTTP status, the OpenAI error
 * `type` and the Anthropic error `type`, and a message that says what to do.
 * `docs/errors.md` documents every code; a test fails when one is missing there.
 */
export interface ErrorSpec {
  readonly status: number;
  /** OpenAI error object `type`. */
  readonly openaiType: string;
  /** Anthropic error object `type`. */
  readonly anthropicType: string;
  /** Default message; `{placeholders}` are filled from details. */
  readonly message: string;
}

export const ERRORS = {
  MOAT_INVALID_JSON: {
    status: 400,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: 'The request body is not valid JSON: {detail}. Send a JSON object.',
  },
  MOAT_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: 'Content-Type {detail} is not supported. Send Content-Type: application/json.',
  },
  MOAT_INVALID_REQUEST: {
    status: 400,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: '{detail}',
  },
  MOAT_BODY_TOO_LARGE: {
    status: 413,
    openaiType: 'invalid_request_error',
    anthropicType: 'request_too_large',
    message: 'The request body exceeds the {detail}-byte limit. Send a smaller request.',
  },
  MOAT_BODY_TOO_DEEP: {
    status: 400,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: 'The request body nests arrays and objects deeper than {detail} levels. Flatten it.',
  },
  MOAT_REQUEST_TIMEOUT: {
    status: 408,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message:
      'The request did not arrive in time. Send the headers and body without pausing, then retry.',
  },
  MOAT_HEADERS_TOO_LARGE: {
    status: 431,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: 'Too many or too large request headers. Send fewer headers.',
  },
  MOAT_MISSING_API_KEY: {
    status: 401,
    openaiType: 'invalid_request_error',
    anthropicType: 'authentication_error',
    message:
      'No API key provided. Send it as "Authorization: Bearer KEY" or in the "x-api-key" header.',
  },
  MOAT_INVALID_API_KEY: {
    status: 401,
    openaiType: 'invalid_request_error',
    anthropicType: 'authentication_error',
    message:
      'The API key is not valid, has expired or has been revoked. Ask your administrator for a new key.',
  },
  MOAT_ADMIN_UNAUTHORIZED: {
    status: 401,
    openaiType: 'invalid_request_error',
    anthropicType: 'authentication_error',
    message: 'Admin routes need "Authorization: Bearer ADMIN_TOKEN" (MOAT_ADMIN_TOKEN).',
  },
  MOAT_NOT_FOUND: {
    status: 404,
    openaiType: 'invalid_request_error',
    anthropicType: 'not_found_error',
    message: '{detail}',
  },
  MOAT_CONFLICT: {
    status: 409,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: '{detail}',
  },
  MOAT_UNKNOWN_MODEL: {
    status: 404,
    openaiType: 'invalid_request_error',
    anthropicType: 'not_found_error',
    message:
      'The model "{detail}" does not exist here. GET /v1/models lists the models you can use.',
  },
  MOAT_WRONG_API_FOR_MODEL: {
    status: 400,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: '{detail}',
  },
  MOAT_UNSUPPORTED_ENDPOINT: {
    status: 400,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message:
      'The upstream serving {detail}. Send the request to POST /v1/chat/completions, or route the model to an upstream that has this API.',
  },
  MOAT_METHOD_NOT_ALLOWED: {
    status: 405,
    openaiType: 'invalid_request_error',
    anthropicType: 'invalid_request_error',
    message: '{detail}',
  },
  MOAT_RATE_LIMITED: {
    status: 429,
    openaiType: 'rate_limit_error',
    anthropicType: 'rate_limit_error',
    message: 'Rate limit reached for {detail}. Retry after the time in the Retry-After header.',
  },
  MOAT_QUOTA_EXCEEDED: {
    status: 429,
    openaiType: 'insufficient_quota',
    anthropicType: 'rate_limit_error',
    message: 'Token quota exhausted for {detail}. It resets at the time in the Retry-After header.',
  },
  MOAT_CHALLENGE_REQUIRED: {
    status: 429,
    openaiType: 'rate_limit_error',
    anthropicType: 'rate_limit_error',
    message:
      'Proof of work required: solve the challenge in the moat-challenge header and retry with the solution in moat-challenge-solution. {detail}',
  },
  MOAT_ACCOUNT_BLOCKED: {
    status: 403,
    openaiType: 'permission_error',
    anthropicType: 'permission_error',
    message:
      'This account is blocked for a suspected terms-of-service violation. Contact support quoting reference {detail}.',
  },
  MOAT_LIMITER_UNAVAILABLE: {
    status: 503,
    openaiType: 'server_error',
    anthropicType: 'overloaded_error',
    message: 'The rate limiter is unavailable; retry shortly.',
  },
  MOAT_UPSTREAM_ERROR: {
    status: 502,
    openaiType: 'server_error',
    anthropicType: 'api_error',
    message:
      'The upstream model failed (reference {detail}). Retry later, or contact the operator quoting the reference.',
  },
  MOAT_UPSTREAM_UNREACHABLE: {
    status: 502,
    openaiType: 'server_error',
    anthropicType: 'api_error',
    message:
      'The upstream model could not be reached (reference {detail}). Retry later, or contact the operator quoting the reference.',
  },
  MOAT_UPSTREAM_TIMEOUT: {
    status: 504,
    openaiType: 'server_error',
    anthropicType: 'api_error',
    message: 'The upstream model did not answer within {detail} ms. Retry later.',
  },
  MOAT_INTERNAL: {
    status: 500,
    openaiType: 'server_error',
    anthropicType: 'api_error',
    message: 'Internal error (request {detail}). The operator has been told.',
  },
  MOAT_NOT_READY: {
    status: 503,
    openaiType: 'server_error',
    anthropicType: 'overloaded_error',
    message: 'Moat is not ready: {detail}.',
  },
  MOAT_AUDIT_UNAVAILABLE: {
    status: 503,
    openaiType: 'server_error',
    anthropicType: 'api_error',
    message:
      'The admin action ({detail}) was not performed: its audit entry could not be written. Check the audit log storage, then retry.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** The API family whose error shape a response uses. */
export type ApiFlavor = 'openai' | 'anthropic';

/**
 * An expected, client-facing failure. Thrown inside request handlers and turned into
 * the caller's API error shape by the server's error handler.
 */
export class MoatError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly param: string | undefined;
  readonly extra: Record<string, unknown> | undefined;
  /** The detail the message was built from (for logs; the message may be all a client sees). */
  readonly detail: string;

  constructor(
    code: ErrorCode,
    detail = '',
    opts: {
      headers?: Record<string, string>;
      param?: string;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(ERRORS[code].message.replace('{detail}', detail));
    this.name = 'MoatError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.headers = opts.headers ?? {};
    this.param = opts.param;
    this.extra = opts.extra;
    this.detail = detail;
  }
}

/**
 * The error body in the caller's API shape.
 * OpenAI: `{error: {message, type, param, code}}`; Anthropic: `{type: "error", error: {type, message}}`.
 * @example errorBody('anthropic', new MoatError('MOAT_MISSING_API_KEY'))
 */
export function errorBody(flavor: ApiFlavor, err: MoatError): Record<string, unknown> {
  const spec = ERRORS[err.code];
  if (flavor === 'anthropic') {
    return {
      type: 'error',
      error: { type: spec.anthropicType, message: err.message, code: err.code, ...err.extra },
    };
  }
  return {
    error: {
      message: err.message,
      type: spec.openaiType,
      param: err.param ?? null,
      code: err.code,
      ...err.extra,
    },
  };
}
