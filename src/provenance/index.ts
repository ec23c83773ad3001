/** Provenance: what the gateway and the CLI import (watermark, receipts, canaries, probes). */
export {
  createWatermarker,
  watermarkText,
  type Watermarker,
  type WatermarkOptions,
  type WatermarkStats,
} from './watermark/embed.js';
export {
  detectWatermark,
  scanPositions,
  scorePositions,
  PositionVotes,
  type WatermarkDetection,
  type DetectOptions,
} from './watermark/detect.js';
export { LEXICON_VERSION } from './watermark/lexicon.js';
export { binomialTail } from './stats/binomial.js';
export {
  loadOrCreateKeys,
  findWatermarkKey,
  loadPublicKeys,
  rotateSigningKey,
  deriveAccountKey,
  publicJwks,
  keysFromJwks,
  keyId,
  type ProvenanceKeys,
  type SigningKey,
  type Ed25519Jwk,
} from './keys.js';
export {
  signReceipt,
  ReceiptSigner,
  verifyReceipt,
  textDigest,
  type ReceiptMeta,
  type ReceiptFields,
  type ReceiptCheck,
} from './receipt.js';
export {
  createCanaryPlanter,
  makeCanary,
  revealsCanary,
  type CanaryPlanter,
  type CanaryRequest,
  type PlantedCanary,
} from './canary.js';
export { createCanaryWeaver, type CanaryWeaver } from './canary-weave.js';
export type { Canary, CanaryPlant, CanaryStore } from './canary-store.js';
export { MemoryCanaryStore } from './canary-store/memory.js';
export { SqliteCanaryStore } from './canary-store/sqlite.js';
export { PostgresCanaryStore } from './canary-store/postgres.js';
export { runProbe, defaultProbePrompts, type ProbeInput, type ProbeReport } from './probe.js';
export { createSuspectClient, type SuspectClient } from './suspect-client.js';
export { provenanceConfigSchema, type ProvenanceConfig } from './config.js';
