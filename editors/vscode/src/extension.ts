// The keychainlint extension: starts `keychainlint lsp` over stdio for Swift,
// Objective-C and C files and leaves everything else (diagnostics, quick
// fixes, suppressions, hover) to the server, so that every editor sees the
// same behaviour.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

const section = "keychainlint";

// The languages the CLI scans: .swift, .m, .mm, and the .h and .c files VS
// Code files under "c" (a header of an Objective-C project is one of them).
const languages = ["swift", "objective-c", "objective-cpp", "c"];

let client: LanguageClient | undefined;

// The server's settings, in the shape of its initializationOptions and of
// the `keychainlint` section sent with workspace/didChangeConfiguration.
export interface Settings {
  platforms: string;
  enable: string[];
  disable: string[];
  severity: string;
  configPath: string;
}

export function settings(config: vscode.WorkspaceConfiguration): Settings {
  return {
    platforms: config.get<string>("platforms", "all"),
    enable: config.get<string[]>("enable", []),
    disable: config.get<string[]>("disable", []),
    severity: config.get<string>("severity", "note"),
    configPath: config.get<string>("configPath", ""),
  };
}

function binary(): string {
  const path = vscode.workspace.getConfiguration(section).get<string>("path", "keychainlint");
  return path.trim() === "" ? "keychainlint" : path;
}

function newClient(output: vscode.OutputChannel): LanguageClient {
  const command = binary();
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.map((language) => ({ scheme: "file", language })),
    initializationOptions: settings(vscode.workspace.getConfiguration(section)),
    // Sends workspace/didChangeConfiguration with {keychainlint: {...}} when
    // a keychainlint setting changes.
    synchronize: { configurationSection: section },
    outputChannel: output,
  };
  return new LanguageClient(section, "keychainlint", serverOptions, clientOptions);
}

async function start(output: vscode.OutputChannel): Promise<void> {
  client = newClient(output);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `keychainlint: cannot start "${binary()} lsp" (${message}). Set keychainlint.path to the binary.`,
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) {
    await running.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("keychainlint");
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand("keychainlint.restart", async () => {
      await stop();
      await start(output);
    }),
    // The binary is fixed when the process starts; the other settings reach
    // the running server through didChangeConfiguration.
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(`${section}.path`)) {
        await stop();
        await start(output);
      }
    }),
  );
  await start(output);
}

export function deactivate(): Promise<void> {
  return stop();
}
