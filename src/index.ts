export type { EmptyAnswer, Flag } from "./api/answers.ts";
export { type AuthDelegation, discoverAuthDelegation } from "./api/auth-delegation.ts";
export {
  type BlastRadius,
  type BlastRadiusOptions,
  type BlastRadiusSeeds,
  findBlastRadius,
  type PendingInvite,
  type WaveAccount,
  type WaveRoom,
} from "./api/blast-radius.ts";
export { AdaptiveLimit } from "./api/bulk/adaptive-limit.ts";
export {
  type BulkJournal,
  type BulkJournalEntry,
  type BulkOutcome,
  type BulkProgress,
  type BulkRunOptions,
  runBulk,
} from "./api/bulk/run-bulk.ts";
export {
  type DiscoveryMode,
  type DiscoveryOptions,
  discoverServerName,
  type SrvRecord,
} from "./api/discovery.ts";
export {
  AbortError,
  AccessDeniedError,
  ApiError,
  BadRequestError,
  ConnectionError,
  DeviceCodeExpiredError,
  ForbiddenError,
  InvalidArgumentError,
  InvalidInputError,
  InvalidResponseError,
  JobFailedError,
  MasApiError,
  NotFoundError,
  OAuthError,
  PaginationError,
  RateLimitError,
  type RequestDescription,
  ResponseTooLargeError,
  ServerError,
  SynadmError,
  TimeoutError,
  UnauthorizedError,
} from "./api/errors.ts";
export { FetchTransport } from "./api/fetch-transport.ts";
export {
  type ApiPrefix,
  type ApiRequest,
  type ChangeRecord,
  HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type QueryValue,
  type RequestOptions,
} from "./api/http-client.ts";
export {
  type EventId,
  eventId,
  expandUserId,
  isServerName,
  type MxcUri,
  parseEventId,
  parseMediaId,
  parseMxcUri,
  parseRoomAlias,
  parseRoomId,
  parseServerName,
  parseUserId,
  parseUserInput,
  type RoomAlias,
  type RoomId,
  type RoomIdOrAlias,
  roomAlias,
  roomId,
  roomIdOrAlias,
  type UserId,
  userId,
} from "./api/ids.ts";
export {
  type JobDefinition,
  type JobOutcome,
  jobOutcome,
  LongRunningJob,
  PendingJob,
  type WaitOptions,
} from "./api/jobs.ts";
export { type Logger, redactSecrets, silentLogger } from "./api/logger.ts";
export { MasAdmin, type MasAdminOptions } from "./api/mas-admin.ts";
export { NodeHttpTransport, type NodeHttpTransportOptions } from "./api/node-transport.ts";
export {
  DEVICE_CODE_GRANT,
  type DeviceAuthorizationResponse,
  OAuthClient,
  type OAuthClientOptions,
  type OAuthMetadata,
  type OAuthTokens,
  type TokenResponse,
} from "./api/oauth.ts";
export {
  MEDIA_ORDERS,
  type MediaOrder,
  ROOM_ORDERS,
  type RoomOrder,
  USER_ORDERS,
  type UserOrder,
} from "./api/orders.ts";
export {
  checkPageLimit,
  DEFAULT_MAX_EMPTY_PAGES,
  type ListPage,
  PagedList,
  type PagedListOptions,
  type PageNavigation,
  type PageWalker,
} from "./api/pagination.ts";
export { encodePathSegment, path } from "./api/path.ts";
export { type PolicyRule, policyEntityHash, policyGlob, policyRules } from "./api/policy-rules.ts";
export { RateLimitGate, type RateLimitListener } from "./api/rate-limit-gate.ts";
export * from "./api/resources/account-validity.ts";
export * from "./api/resources/admin-client-config.ts";
export * from "./api/resources/background-updates.ts";
export * from "./api/resources/event-reports.ts";
export * from "./api/resources/events.ts";
export * from "./api/resources/experimental-features.ts";
export * from "./api/resources/federation.ts";
export * from "./api/resources/mas-compat-sessions.ts";
export * from "./api/resources/mas-oauth2-clients.ts";
export * from "./api/resources/mas-oauth2-sessions.ts";
export * from "./api/resources/mas-personal-sessions.ts";
export * from "./api/resources/mas-policy-data.ts";
export * from "./api/resources/mas-registration-tokens.ts";
export * from "./api/resources/mas-resource.ts";
export * from "./api/resources/mas-server.ts";
export * from "./api/resources/mas-upstream-oauth-links.ts";
export * from "./api/resources/mas-upstream-oauth-providers.ts";
export * from "./api/resources/mas-user-emails.ts";
export * from "./api/resources/mas-user-sessions.ts";
export * from "./api/resources/mas-users.ts";
export * from "./api/resources/matrix.ts";
export * from "./api/resources/media.ts";
export * from "./api/resources/purge-history.ts";
export * from "./api/resources/register.ts";
export * from "./api/resources/registration-tokens.ts";
export * from "./api/resources/rooms.ts";
export * from "./api/resources/scheduled-tasks.ts";
export * from "./api/resources/server-notices.ts";
export * from "./api/resources/statistics.ts";
export * from "./api/resources/user-reports.ts";
export * from "./api/resources/users.ts";
export * from "./api/resources/version.ts";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./api/retry.ts";
export { SynapseAdmin, type SynapseAdminOptions } from "./api/synapse-admin.ts";
export { daysAgo, formatLocalDateTime, parseDuration, parseTimeSpec } from "./api/time.ts";
export { type HttpRequest, type HttpResponse, type Transport, TransportFailure } from "./api/transport.ts";
