import type { Transport } from "../../api/transport.ts";

/** A stream the CLI writes to. */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Everything the CLI takes from its process, passed in so tests can run the
 * real command tree with fake streams, environment and network.
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /**
   * CA certificates to trust besides Node's own, as NODE_EXTRA_CA_CERTS would
   * add them, read only when a command first connects over https.
   */
  readonly extraCaCertsFile?: string;
  /** Replaces the network in tests. */
  readonly transport?: Transport;
}
