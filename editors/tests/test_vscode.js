// Checks editors/vscode without VS Code: the manifest's contributions point at real files, the
// language configuration's regexes (JavaScript ones, as VS Code runs them) indent and select as
// meant, and extension.js starts `accord lsp` through vscode-languageclient, here a stand-in, as
// is the `vscode` module. Run by scripts/test-editors.sh with node.
"use strict";
const assert = require("assert");
const fs = require("fs");
const path = require("path");
const Module = require("module");

const root = path.join(__dirname, "..", "vscode");
const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
let checks = 0;
function check(what, body) {
  try {
    body();
  } catch (error) {
    error.message = `${what}: ${error.message}`;
    throw error;
  }
  checks += 1;
}

const manifest = read("package.json");
check("manifest", () => {
  const [language] = manifest.contributes.languages;
  assert.deepStrictEqual([language.id, language.extensions], ["accord", [".accord"]]);
  const [grammar] = manifest.contributes.grammars;
  assert.strictEqual(grammar.language, "accord");
  assert.strictEqual(read(grammar.path).scopeName, grammar.scopeName);
  assert.ok(fs.existsSync(path.join(root, language.configuration)));
  assert.ok(fs.existsSync(path.join(root, manifest.main)));
});

const configuration = read("language-configuration.json");
check("indentation rules", () => {
  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
  for (const line of ['scheme SE-05 "A {new} model" {', "  savings FY22/23 {  # note", "plan {"]) {
    assert.ok(increase.test(line), `indent after ${line}`);
  }
  for (const line of ["  share { A 50%; B 50% }", '  role "x {"', "# scheme {", "  area planned"]) {
    assert.ok(!increase.test(line), `no indent after ${line}`);
  }
  assert.ok(decrease.test("  }") && !decrease.test("  due 2022-09-30"));
});
check("word pattern", () => {
  const words = "after PIP-05.M1, fu-f2f; cap X £1.2m; change -33% by FY22/23".match(new RegExp(configuration.wordPattern, "g"));
  assert.deepStrictEqual(words, ["after", "PIP-05", "M1", "fu-f2f", "cap", "X", "£1.2m", "change", "33%", "by", "FY22/23"]);
});

// extension.js with stand-ins for `vscode` and `vscode-languageclient/node`.
function activateWith(settings, languageClientAvailable) {
  const seen = { clients: [], started: 0, warnings: [] };
  const vscode = {
    workspace: {
      getConfiguration: (section) => ({ get: (key, fallback) => (section === "accord" && key in settings ? settings[key] : fallback) }),
      createFileSystemWatcher: (glob) => ({ glob }),
    },
    window: { showWarningMessage: (message) => seen.warnings.push(message) },
  };
  const languageClient = {
    TransportKind: { stdio: 0 },
    LanguageClient: class {
      constructor(id, name, server, options) {
        seen.clients.push({ id, name, server, options });
      }
      start() {
        seen.started += 1;
        return Promise.resolve();
      }
      stop() {}
      dispose() {}
    },
  };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === "vscode") return vscode;
    if (request === "vscode-languageclient/node") {
      if (languageClientAvailable) return languageClient;
      throw new Error("Cannot find module 'vscode-languageclient/node'");
    }
    return load.call(this, request, ...rest);
  };
  const file = require.resolve(path.join(root, "extension.js"));
  delete require.cache[file];
  try {
    const extension = require(file);
    return extension.activate({ subscriptions: [] }).then(() => seen);
  } finally {
    Module._load = load;
  }
}

(async () => {
  const started = await activateWith({ path: "/opt/accord/bin/accord" }, true);
  check("starts accord lsp", () => {
    assert.strictEqual(started.clients.length, 1);
    const [client] = started.clients;
    assert.deepStrictEqual([client.server.command, client.server.args], ["/opt/accord/bin/accord", ["lsp"]]);
    assert.ok(client.options.documentSelector.some((s) => s.language === "accord" && s.scheme === "file"));
    assert.strictEqual(started.started, 1);
  });
  const off = await activateWith({ languageServer: false }, true);
  check("server off", () => assert.deepStrictEqual([off.clients.length, off.warnings.length], [0, 0]));
  const missing = await activateWith({}, false);
  check("client library missing", () => {
    assert.strictEqual(missing.clients.length, 0);
    assert.match(missing.warnings[0], /npm install/);
  });
  console.log(`vscode: ${checks} checks of the manifest, language configuration and extension.js passed`);
})().catch((error) => {
  console.error("FAIL:", error.message);
  process.exit(1);
});
