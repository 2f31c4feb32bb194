/**
 * The IPC channels between the preload and main. Every name is prefixed, so nothing else on the
 * bus can be mistaken for ours; the page never sees a channel name (the preload hides them).
 */
export const CHANNELS = {
  /** invoke(name, args): one engine command of shared/ipc. */
  command: 'zmq-studio:engine:command',
  /** main -> page: one EngineEvent. */
  event: 'zmq-studio:engine:event',
  /** invoke(): FileCommands.openTopologyFile. */
  openTopologyFile: 'zmq-studio:files:open',
  /** invoke(request): FileCommands.saveTopologyFile. */
  saveTopologyFile: 'zmq-studio:files:save',
  /** main -> page: a MenuCommand id. */
  menu: 'zmq-studio:shell:menu',
  /** main -> page: an OpenedFile (command line, OS, Open Recent). */
  openFile: 'zmq-studio:shell:open-file',
  /** send(state): the page's DocumentState. */
  documentState: 'zmq-studio:shell:document-state',
  /** send(edit): a NativeEdit in a focused field. */
  nativeEdit: 'zmq-studio:shell:native-edit',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** What every invoke answers: errors travel as data, so their code survives (a thrown Error's does not). */
export type IpcReply =
  | { ok: true; value: unknown }
  | { ok: false; error: { message: string; code: string } };
