/**
 * A part's commands as data: the command id and what runs it. The entry
 * bundle (extension.ts) registers a stub for every command package.json
 * contributes; the first call loads the part (out/hosts.js) and runs the
 * handler of this table with the stub's arguments. No `vscode` here.
 */
export type CommandHandler = (...args: unknown[]) => unknown;

export type CommandTable = readonly (readonly [id: string, run: CommandHandler])[];
