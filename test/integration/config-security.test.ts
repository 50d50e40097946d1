import assert from "node:assert/strict";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assertOneLineError, homeWithConfig, runCli } from "../support/cli.ts";
import { configYaml, testServer, uniquePrefix } from "../support/server.ts";
import { startTlsProxy, type TlsProxy } from "../support/tls-proxy.ts";

const configOf = (home: string) => join(home, ".config", "synadm.yaml");

describe("configuration and security", () => {
  let proxy: TlsProxy;
  before(async () => {
    proxy = await startTlsProxy(testServer().baseUrl);
  });
  after(async () => {
    await proxy.close();
  });

  it("warns when the configuration file is readable by others, and still works", async () => {
    const home = homeWithConfig(configYaml());
    chmodSync(configOf(home), 0o644);
    const result = await runCli(["version"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /others can read it \(mode 644\); run: chmod 600/);
  });

  it("takes the token from token_command, and says so in one line when the command fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "synadm-secret-"));
    writeFileSync(join(dir, "token"), `${testServer().token}\n`, { mode: 0o600 });
    const home = homeWithConfig(
      configYaml({ token: "''", token_command: `cat ${join(dir, "token")}`, format: "json" }),
    );
    const result = await runCli(["raw", "v1/registration_tokens"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(
      Array.isArray((JSON.parse(result.stdout) as { registration_tokens: unknown[] }).registration_tokens),
    );
    const broken = homeWithConfig(configYaml({ token: "''", token_command: "exit 3" }));
    const failed = await runCli(["raw", "v1/registration_tokens"], { home: broken });
    assert.equal(failed.code, 2);
    assertOneLineError(failed.stderr, /token_command failed \(exit 3\)/);
  });

  it("takes the first line of a multi-line token_command (pass show), and refuses control characters", async () => {
    const dir = mkdtempSync(join(tmpdir(), "synadm-secret-"));
    writeFileSync(join(dir, "entry"), `${testServer().token}\nurl: https://matrix.example.org\nnotes\n`);
    const home = homeWithConfig(
      configYaml({ token: "''", token_command: `cat ${join(dir, "entry")}`, format: "json" }),
    );
    const result = await runCli(["raw", "v1/server_version"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.ok((JSON.parse(result.stdout) as { server_version: string }).server_version);

    writeFileSync(join(dir, "blank"), "\nsecret-below\n");
    const blank = homeWithConfig(configYaml({ token: "''", token_command: `cat ${join(dir, "blank")}` }));
    const noToken = await runCli(["version"], { home: blank });
    assert.equal(noToken.code, 2);
    assertOneLineError(noToken.stderr, /token_command printed no token on its first line/, "secret-below");

    const bell = homeWithConfig(configYaml({ token: '"syt_abc\\a"' }));
    const refused = await runCli(["version"], { home: bell });
    assert.equal(refused.code, 2);
    assertOneLineError(refused.stderr, /access token contains a control character/);
  });

  it("config writes through a symlinked file, keeping the link and mode 0600", async () => {
    const { baseUrl, token } = testServer();
    const home = homeWithConfig(configYaml());
    const dotfiles = join(home, "dotfiles");
    mkdirSync(dotfiles);
    const target = join(dotfiles, "synadm.yaml");
    renameSync(configOf(home), target);
    symlinkSync("../dotfiles/synadm.yaml", configOf(home));
    const result = await runCli(
      ["--batch", "config", "-u", "admin", "-t", token, "-b", baseUrl, "-o", "json"],
      {
        home,
      },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.ok(lstatSync(configOf(home)).isSymbolicLink(), "the link is still a link");
    assert.match(readFileSync(target, "utf8"), /^format: json$/m);
    assert.equal(statSync(target).mode & 0o777, 0o600);
  });

  it("trusts a private CA from ca_file, with verification on", async () => {
    const trusted = homeWithConfig(configYaml({ base_url: proxy.url, ca_file: proxy.certFile }));
    const result = await runCli(["version"], { home: trusted });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "server_version: 1.160.0\n");
    assert.doesNotMatch(result.stderr, /verification is off/);
  });

  it("trusts the certificates NODE_EXTRA_CA_CERTS names, and passes the variable on to token_command", async () => {
    // The launcher takes the variable away from Node's start and synadm adds the
    // certificates itself; token_command must still see the variable as it was.
    const home = homeWithConfig(
      configYaml({
        base_url: proxy.url,
        token: "''",
        token_command: `test "$NODE_EXTRA_CA_CERTS" = "${proxy.certFile}" && echo ${testServer().token}`,
      }),
    );
    const trusted = await runCli(["version"], { home, env: { NODE_EXTRA_CA_CERTS: proxy.certFile } });
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.equal(trusted.stdout, "server_version: 1.160.0\n");
    assert.equal(trusted.stderr, "");

    const missing = join(mkdtempSync(join(tmpdir(), "synadm-ca-")), "none.pem");
    const unreadable = await runCli(["version"], {
      home: homeWithConfig(configYaml({ base_url: proxy.url })),
      env: { NODE_EXTRA_CA_CERTS: missing },
    });
    assert.equal(unreadable.code, 1);
    assertOneLineError(unreadable.stderr, new RegExp(`cannot read the extra CA certificates ${missing}`));
  });

  it("audit_log records every changing request as a JSON line, never a body or the token", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "synadm-audit-")), "audit.jsonl");
    const home = homeWithConfig(configYaml({ audit_log: log }));
    const token = `${uniquePrefix()}audit`;
    await runCli(["version"], { home });
    await runCli(["raw", "-m", "post", "v1/registration_tokens/new", "-d", JSON.stringify({ token })], {
      home,
    });
    await runCli(["--batch", "regtok", "delete", token], { home });
    await runCli(["--batch", "regtok", "delete", token], { home });
    const text = readFileSync(log, "utf8");
    const records = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      records.map((r) => [r["command"], r["method"], r["outcome"], r["status"]]),
      [
        ["raw", "POST", "ok", undefined],
        ["regtok delete", "DELETE", "ok", undefined],
        ["regtok delete", "DELETE", "failed", 404],
      ],
    );
    assert.equal(records[1]!["path"], `/_synapse/admin/v1/registration_tokens/${token}`);
    assert.ok(!text.includes(testServer().token));
    assert.ok(!text.includes('"token"'));
  });
});

describe("TLS verification", () => {
  let proxy: TlsProxy;
  before(async () => {
    proxy = await startTlsProxy(testServer().baseUrl);
  });
  after(async () => {
    await proxy.close();
  });

  it("rejects a self-signed certificate by default and accepts it with ssl_verify: false", async () => {
    const strict = await runCli(["version"], { home: homeWithConfig(configYaml({ base_url: proxy.url })) });
    assert.equal(strict.code, 6);
    assertOneLineError(strict.stderr, /self[- ]signed certificate/, testServer().token);
    const relaxed = await runCli(["version"], {
      home: homeWithConfig(configYaml({ base_url: proxy.url, ssl_verify: false })),
    });
    assert.equal(relaxed.code, 0, relaxed.stderr);
    assert.equal(relaxed.stdout, "server_version: 1.160.0\n");
    assert.match(relaxed.stderr, /TLS certificate verification is off/);
  });
});
