// Starts `accord lsp` for .accord files. Highlighting, brackets and comments work without this
// file (they are contributions in package.json); the language server needs `npm install` here,
// which fetches vscode-languageclient.
"use strict";
const vscode = require("vscode");

let client;

function loadLanguageClient() {
  try {
    return require("vscode-languageclient/node");
  } catch {
    return undefined;
  }
}

async function activate(context) {
  const settings = vscode.workspace.getConfiguration("accord");
  if (!settings.get("languageServer", true)) return;
  const languageClient = loadLanguageClient();
  if (!languageClient) {
    vscode.window.showWarningMessage(
      "Accord: run `npm install` in the extension's folder to get diagnostics from `accord lsp`; highlighting works without it.");
    return;
  }
  const server = { command: settings.get("path", "accord"), args: ["lsp"], transport: languageClient.TransportKind.stdio };
  client = new languageClient.LanguageClient("accord", "Accord", server, {
    documentSelector: [{ scheme: "file", language: "accord" }, { scheme: "untitled", language: "accord" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.accord") },
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
