/**
 * The remote layer's SSH questions, asked in VS Code: an unknown host key
 * (a modal warning with its SHA256 fingerprint: "Trust and connect" or
 * cancel) and a key's passphrase (a password input box with a
 * "Remember in VS Code's secret storage" toggle, off by default). A changed
 * host key is never asked about: the remote layer refuses it and its error
 * says so. Remembering is PassphraseKeeper's business.
 */
import * as vscode from 'vscode';
import type { HostKeyQuestion, SshPrompts } from '../remote';
import { PassphraseKeeper, type PassphraseAnswer } from './passphraseKeeper';

export function createVscodePrompts(secrets: vscode.SecretStorage): { prompts: SshPrompts; keeper: PassphraseKeeper } {
  const keeper = new PassphraseKeeper(secrets, askPassphrase);
  const prompts: SshPrompts = {
    confirmHostKey,
    askPassphrase: (keyFile) => keeper.askPassphrase(keyFile),
  };
  return { prompts, keeper };
}

async function confirmHostKey(q: HostKeyQuestion): Promise<boolean> {
  const name = q.port === 22 ? q.host : `[${q.host}]:${q.port}`;
  const trust = 'Trust and connect';
  const answer = await vscode.window.showWarningMessage(
    `The authenticity of host ${name} can't be established.`,
    {
      modal: true,
      detail:
        `Its ${q.keyType} key fingerprint is ${q.fingerprint}.\n\n` +
        `Compare it with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host) before trusting it. ` +
        `Once trusted, the key is added to your known_hosts file and checked on every connection.`,
    },
    trust,
  );
  return answer === trust;
}

function askPassphrase(keyFile: string, retry: boolean): Promise<PassphraseAnswer | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    let remember = false;
    const toggle = (): vscode.QuickInputButton => ({
      iconPath: new vscode.ThemeIcon(remember ? 'pass-filled' : 'circle-large-outline'),
      tooltip: remember ? "Will be remembered in VS Code's secret storage (click to not remember)" : "Remember in VS Code's secret storage",
    });
    const update = () => {
      box.buttons = [toggle()];
      box.prompt = `${retry ? 'That passphrase did not unlock the key. ' : ''}Passphrase for ${keyFile}${
        remember ? " — will be remembered in VS Code's secret storage" : " — asked once per session; click the button to remember it in VS Code's secret storage"
      }`;
    };
    box.title = 'VirtNet: SSH key passphrase';
    box.password = true;
    box.ignoreFocusOut = true;
    update();
    let done = false;
    const finish = (a: PassphraseAnswer | undefined) => {
      if (done) return;
      done = true;
      resolve(a);
      box.dispose();
    };
    box.onDidTriggerButton(() => {
      remember = !remember;
      update();
    });
    box.onDidAccept(() => finish({ passphrase: box.value, remember }));
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
