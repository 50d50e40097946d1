import type { HttpClient } from "../http-client.ts";

/** A group of endpoints over the shared {@link HttpClient}, one per Synapse admin doc page. */
export abstract class Resource {
  protected readonly http: HttpClient;

  constructor(http: HttpClient) {
    this.http = http;
  }
}
