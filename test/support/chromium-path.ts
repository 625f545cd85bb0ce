import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliDecompress, createBrotliDecompress } from 'node:zlib';

/**
 * Which Chromium the browser tier drives, in this order: `CHROMIUM_PATH`; Debian's package
 * (`/usr/bin/chromium`); else the headless build shipped inside the npm package
 * `@sparticuz/chromium`, unpacked from its brotli files (never downloaded: the package's own code,
 * which can fetch a URL, is not run) into `<tmpdir>/jixiao-chromium-<version>`, once per version.
 * Unpacking goes to a fresh folder renamed into place when complete, so concurrent runs never see
 * half a binary.
 */
export interface ChromiumInstall {
  executablePath: string;
  /** Where it came from, for the log line. */
  origin: string;
  /** Extra environment for the browser process (fonts, bundled libraries); empty for a system Chromium. */
  env: Record<string, string>;
}

const DEBIAN = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';

/** A regular file we may run (a removed package can leave a dangling name, a stub or a device behind). */
function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function findChromium(): Promise<ChromiumInstall> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
    return withFonts({ executablePath: fromEnv, origin: `CHROMIUM_PATH=${fromEnv}`, env: {} });
  }
  if (isExecutableFile(DEBIAN)) {
    return withFonts({ executablePath: DEBIAN, origin: `Debian's package (${DEBIAN})`, env: {} });
  }
  return packagedChromium();
}

/**
 * Chinese glyphs: a machine without a CJK font (e.g. no fonts-noto-cjk) draws boxes in screenshots.
 * If the npm package @embedpdf/fonts-sc (Noto Sans SC as OTF) is installed, fontconfig is pointed
 * at it, on top of the system's fonts; otherwise a system Chromium is left as it is.
 */
function withFonts(install: ChromiumInstall, dirs: string[] = []): ChromiumInstall {
  const all = [...dirs, ...packageFolder('@embedpdf/fonts-sc', 'fonts')];
  if (all.length === 0) return install;
  return { ...install, env: { ...install.env, FONTCONFIG_FILE: fontsConf(all) } };
}

/** A folder inside an installed npm package, or nothing if the package is not installed. */
function packageFolder(name: string, folder: string): string[] {
  try {
    const entry = createRequire(import.meta.url).resolve(name);
    let root = dirname(entry);
    while (!existsSync(join(root, 'package.json'))) root = dirname(root);
    return existsSync(join(root, folder)) ? [join(root, folder)] : [];
  } catch {
    return [];
  }
}

/** A fontconfig file: the system's fonts, then `dirs`. Named by its content, so runs never clash. */
function fontsConf(dirs: string[]): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${dirs.map((d) => `  <dir>${xml(d)}</dir>`).join('\n')}
  <cachedir>${xml(join(tmpdir(), 'jixiao-chromium-fontconfig-cache'))}</cachedir>
</fontconfig>
`;
  const file = join(
    tmpdir(),
    `jixiao-chromium-fonts-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.conf`,
  );
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, body);
    renameSync(partial, file);
  }
  return file;
}

/** `chromium --version`, or undefined if it does not start with this environment. */
export function chromiumVersion(install: ChromiumInstall): string | undefined {
  const run = spawnSync(install.executablePath, ['--version'], {
    env: { ...process.env, ...install.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** vitest globalSetup of the browser project: unpack once before the test files start, and say which. */
export default async function setup(): Promise<void> {
  const started = Date.now();
  try {
    const install = await findChromium();
    const took = ((Date.now() - started) / 1000).toFixed(1);
    const version = chromiumVersion(install) ?? 'Chromium (version unknown)';
    console.log(`browser tier: ${version} from ${install.origin} (found in ${took} s)`);
  } catch (error) {
    // Let the browser tests fail with this message rather than abort every other tier.
    console.log(`browser tier: no Chromium: ${(error as Error).message}`);
  }
}

async function packagedChromium(): Promise<ChromiumInstall> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    throw new Error(
      `Chromium not found: install Debian's package (apt-get install chromium), set CHROMIUM_PATH, or run npm install (${PACKAGE})`,
    );
  }
  const root = resolve(dirname(entry), '..', '..');
  const bin = join(root, 'bin');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), `jixiao-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) await unpack(bin, dir);

  const origin = `${PACKAGE} ${version}, unpacked in ${dir}`;
  // The system's fonts if any, then the package's Open Sans (so Latin text renders even with none).
  const install = withFonts({ executablePath: join(dir, 'chromium'), origin, env: {} }, [join(dir, 'fonts')]);
  if (chromiumVersion(install)) return install;
  // No NSS/NSPR on this machine (Debian: libnss3): use the Amazon Linux copies the package ships.
  // They need glibc 2.34, so the system's are preferred when present.
  const libs = join(dir, 'al2023', 'lib');
  const withLibs = {
    ...install,
    origin: `${origin}, with its bundled NSS libraries`,
    env: { ...install.env, LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
  };
  if (chromiumVersion(withLibs)) return withLibs;
  const run = spawnSync(install.executablePath, ['--version'], { encoding: 'utf8' });
  throw new Error(`${install.executablePath} does not start: ${run.stderr || run.error?.message}`);
}

/** Unpacks the package's binary, fonts and libraries into `dir` (not its WebGL libraries: we run with --disable-gpu). */
async function unpack(bin: string, dir: string): Promise<void> {
  await removeAbandoned(dir);
  const staging = await mkdtemp(`${dir}.partial-`);
  try {
    await Promise.all([
      pipeline(
        createReadStream(join(bin, 'chromium.br')),
        createBrotliDecompress(),
        createWriteStream(join(staging, 'chromium'), { mode: 0o755 }),
      ),
      untarBrotli(join(bin, 'fonts.tar.br'), staging),
      untarBrotli(join(bin, 'al2023.tar.br'), join(staging, 'al2023')),
    ]);
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another run got there first: use its copy.
    if (existsSync(join(dir, 'chromium'))) return;
    throw error;
  }
}

/** Leftovers of runs killed while unpacking (a fresh one may be in progress: leave those alone). */
async function removeAbandoned(dir: string): Promise<void> {
  const prefix = `${dir.slice(dir.lastIndexOf(sep) + 1)}.partial-`;
  for (const name of await readdir(dirname(dir))) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dirname(dir), name);
    const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > 10 * 60_000) await rm(path, { recursive: true, force: true });
  }
}

/** A brotli-compressed tar holding plain files and folders only, as the package's archives do. */
async function untarBrotli(archive: string, into: string): Promise<void> {
  const tar = await promisify(brotliDecompress)(await readFile(archive));
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0[\s\S]*$/, '');
    const posix = field(257, 6) === 'ustar' && field(345, 155) !== '';
    const name = posix ? `${field(345, 155)}/${field(0, 100)}` : field(0, 100);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const mode = Number.parseInt(field(100, 8).trim() || '644', 8) & 0o777;
    const type = field(156, 1) || '0';
    const target = resolve(into, name);
    if (!target.startsWith(resolve(into) + sep))
      throw new Error(`${archive}: entry ${name} leaves its folder`);
    if (type === '5') {
      await mkdir(target, { recursive: true });
    } else if (type === '0') {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, tar.subarray(at + 512, at + 512 + size), { mode });
    } else {
      throw new Error(`${archive}: entry ${name} is of tar type ${type}, which this reader does not unpack`);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}
