/**
 * Plain-Node stand-ins for what Electron provides (system browser, file manager, trash,
 * folder picker). The end-to-end tests script them: a test says which folder the "dialog"
 * returns and reads back which URLs were "opened".
 */
import { mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DialogPort, DragPort, ShellPort } from '../../electron/core/ports';

export class ScriptedDialogs implements DialogPort {
  private readonly answers: Array<string | null> = [];
  readonly asked: Array<{ title: string; defaultPath?: string }> = [];

  /** The next folder picker resolves to `folder` (`null` = the user cancelled). */
  answerNext(folder: string | null): void {
    this.answers.push(folder);
  }

  async chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null> {
    this.asked.push(options);
    return this.answers.length > 0 ? (this.answers.shift() ?? null) : null;
  }

  private readonly saveAnswers: Array<string | null> = [];
  readonly saveAsked: Array<{ title: string; defaultPath: string }> = [];

  /** The next save dialog resolves to `file` (`null` = cancelled); unscripted, it accepts the proposed path. */
  answerNextSave(file: string | null): void {
    this.saveAnswers.push(file);
  }

  async chooseSaveFile(options: { title: string; defaultPath: string }): Promise<string | null> {
    this.saveAsked.push({ title: options.title, defaultPath: options.defaultPath });
    return this.saveAnswers.length > 0 ? (this.saveAnswers.shift() ?? null) : options.defaultPath;
  }

  /** The file picker answers from the same queue as the folder picker. */
  async chooseFile(options: { title: string }): Promise<string | null> {
    this.asked.push({ title: options.title });
    return this.answers.length > 0 ? (this.answers.shift() ?? null) : null;
  }
}

export class RecordingShell implements ShellPort {
  readonly opened: string[] = [];
  readonly revealed: string[] = [];

  constructor(private readonly trashDir: string) {}

  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }

  showItemInFolder(path: string): void {
    this.revealed.push(path);
  }

  /** Like the OS trash: the folder moves aside and can be recovered. */
  async trashItem(path: string): Promise<void> {
    mkdirSync(this.trashDir, { recursive: true });
    renameSync(path, join(this.trashDir, `${Date.now()}-${basename(path)}`));
  }
}

/** The drag channel in the harness: no window to drag from, so it records what was asked. */
export class RecordingDrag implements DragPort {
  readonly started: Array<{ file: string; icon: string | null }> = [];

  startDrag(file: string, icon: string | null): void {
    this.started.push({ file, icon });
  }
}
