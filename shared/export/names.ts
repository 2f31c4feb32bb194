/** Names in the exported folder: program files and socket variables a reader recognises. */
import type { SocketType } from '../patterns';
import type { PortName } from '../topology';

/**
 * Names a program file must not take: the export's own files, and every module of Python's
 * standard library (sys.stdlib_module_names of 3.11) plus pyzmq: Python puts a script's folder
 * first on its import path, so a program called `queue.py` would replace the `queue` module that
 * the launcher (and pyzmq) import.
 */
const STDLIB =
  'abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb ' +
  'binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop ' +
  'collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg ' +
  'crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email ' +
  'encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib ' +
  'functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html ' +
  'http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 ' +
  'linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib ' +
  'msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse ' +
  'os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix ' +
  'posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri ' +
  'random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve ' +
  'shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile ' +
  'sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable ' +
  'sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time ' +
  'timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types ' +
  'typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound ' +
  'wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo';
const RESERVED = new Set([
  'launch',
  'helpers',
  'readme',
  'package',
  'tsconfig',
  'package-lock',
  'node_modules',
  'zmq',
  ...STDLIB.toLowerCase().split(' '),
]);

/**
 * One file name per node id, in order: the id made safe for a file and a Python module name
 * (`server.1` -> `server_1`), unique, and clear of reserved names (`queue` -> `queue_node`).
 */
export function programFiles(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^\d/.test(base)) base = `node_${base}`;
    if (RESERVED.has(base.toLowerCase())) base = `${base}_node`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The guide's names for a socket by what it does (hwclient's requester, taskvent's sender...). */
const BY_TYPE: Record<SocketType, string> = {
  REQ: 'requester',
  REP: 'responder',
  DEALER: 'dealer',
  ROUTER: 'router',
  PUB: 'publisher',
  SUB: 'subscriber',
  XPUB: 'xpub',
  XSUB: 'xsub',
  PUSH: 'sender',
  PULL: 'receiver',
  PAIR: 'pair',
  CLIENT: 'client',
  SERVER: 'server',
  RADIO: 'radio',
  DISH: 'dish',
  SCATTER: 'scatter',
  GATHER: 'gather',
};

/** The variable holding a socket: by type for a plain node, by port for a device or worker. */
export function socketVariable(kind: 'socket' | 'device' | 'worker', port: PortName | '', type: SocketType): string {
  if (kind === 'socket') return BY_TYPE[type];
  if (port === 'in') return 'receiver';
  if (port === 'out') return 'sender';
  return port || BY_TYPE[type];
}
